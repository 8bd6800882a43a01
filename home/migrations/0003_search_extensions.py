"""PostgreSQL only: the unaccent and pg_trgm extensions, f_unaccent() and the trigram indexes that the
site search's Fuzzy(..., unaccent=True) needs (what `manage.py enable_unaccent` then `enable_trigram` do).
Nothing to do on SQLite, where the search tokenizer already folds accents."""

from django.db import migrations

from home.search_setup import enable_fuzzy_search


def forwards(apps, schema_editor):
    enable_fuzzy_search(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop, elidable=False)]
