"""Production settings refuse to start without their secrets; the others start as documented."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-enough-0123456789",
    "ALLOWED_HOSTS": "klastry.example.pl",
}


def start_django(settings_module, **environment):
    """Import the settings and set Django up in a fresh interpreter, as a server would."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": settings_module, **environment}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_its_secrets():
    result = start_django("config.settings.production", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [("SECRET_KEY", "SECRET_KEY is not set"), ("ALLOWED_HOSTS", "ALLOWED_HOSTS is not set")],
)
def test_production_refuses_to_start_without(missing, message):
    environment = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}
    result = start_django("config.settings.production", **environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_refuses_debug():
    result = start_django("config.settings.production", DEBUG="1", **PRODUCTION_ENV)
    assert result.returncode != 0
    assert "DEBUG must be off in production" in result.stderr


def test_base_settings_are_secure_by_default():
    from config.settings import base

    assert base.DEBUG is False
    assert base.ALLOWED_HOSTS == [] or "ALLOWED_HOSTS" in os.environ


def test_environment_configures_the_database_and_hosts():
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'], "
        "settings.ALLOWED_HOSTS, settings.MEDIA_ROOT)"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": "postgres://portal@db.example:5432/portal",
        "MEDIA_ROOT": "/srv/portal/media",
        **PRODUCTION_ENV,
        "ALLOWED_HOSTS": "a.example, b.example",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(maxsplit=2)[:2] == ["django.db.backends.postgresql", "portal"]
    assert "['a.example', 'b.example']" in result.stdout
    assert result.stdout.strip().endswith("/srv/portal/media")


def test_every_content_language_has_a_locale(db):
    from django.conf import settings

    from wagtail.models import Locale

    from home.locales import create_content_locales

    create_content_locales()
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert settings.LANGUAGE_CODE == "pl"


def machine_translator(**environment):
    """The production WAGTAILLOCALIZE_MACHINE_TRANSLATOR setting, as read in a fresh interpreter."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None))",
        ],
        cwd=BASE_DIR,
        env={**env, **PRODUCTION_ENV, **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_machine_translation_is_off_without_a_deepl_key():
    assert machine_translator() == "None"


def test_a_deepl_key_turns_machine_translation_on():
    configured = machine_translator(DEEPL_AUTH_KEY="0000-key:fx")
    assert "wagtail_localize.machine_translators.deepl.DeepLTranslator" in configured
    assert "0000-key:fx" in configured


def test_every_apps_tests_are_collected(settings):
    """`make test` runs the folders in pyproject's testpaths: an app left out would have its tests never run."""
    import tomllib

    testpaths = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["testpaths"]
    with_tests = [app for app in settings.LOCAL_APPS if (BASE_DIR / app / "tests").is_dir()]
    assert set(with_tests) <= set(testpaths)
