"""The committed Polish catalogue is complete, current with the code and compiled."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parent.parent
PO_PATH = BASE_DIR / "config/locale/pl/LC_MESSAGES/django.po"
MO_PATH = PO_PATH.with_suffix(".mo")
SOURCE_DIRS = ["config", "templates", *(app for app in settings.LOCAL_APPS)]


def msgids(catalogue):
    return {(entry.msgctxt, entry.msgid) for entry in catalogue if not entry.obsolete}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """Run makemessages on a copy of the sources, so the working tree is never touched."""
    copy = tmp_path_factory.mktemp("sources")
    shutil.copy(BASE_DIR / "manage.py", copy)
    for name in SOURCE_DIRS:
        shutil.copytree(BASE_DIR / name, copy / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "pl", "--add-location", "file"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings.test"},
    )
    return polib.pofile(str(copy / "config/locale/pl/LC_MESSAGES/django.po"))


def test_catalogue_has_every_string_of_the_code(extracted):
    missing = msgids(extracted) - msgids(polib.pofile(str(PO_PATH)))
    assert not missing, f"Run `make messages` and translate: {sorted(missing, key=str)[:20]}"


def test_catalogue_has_no_string_the_code_dropped(extracted):
    stale = msgids(polib.pofile(str(PO_PATH))) - msgids(extracted)
    assert not stale, f"Run `make messages`; no longer in the code: {sorted(stale, key=str)[:20]}"


def test_every_string_is_translated():
    catalogue = polib.pofile(str(PO_PATH))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"Untranslated: {untranslated[:20]}"
    assert not fuzzy, f"Fuzzy (check and unmark): {fuzzy[:20]}"


def test_compiled_catalogue_matches_the_po_file():
    po = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.pofile(str(PO_PATH)).translated_entries()}
    mo = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(MO_PATH))}
    assert po == mo, "The .mo file is out of date: run `make messages`."
