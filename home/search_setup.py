"""Database objects the search needs beyond Django's tables; used by a migration and by the test setup.

PostgreSQL: fuzzy, accent-insensitive matching (modelsearch's Fuzzy) needs the unaccent and pg_trgm
extensions, the immutable f_unaccent() wrapper and trigram indexes. These are the statements of
modelsearch's `enable_unaccent` and `enable_trigram` commands, which must run in that order.
SQLite: the FTS5 table and its triggers, which only a migration creates (a database built straight from
the models, as in the tests, gets an ordinary table in its place).
"""

INDEX_TABLE = "wagtailsearch_indexentry"

POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
        $func$ SELECT public.unaccent('public.unaccent', $1) $func$""",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX IF NOT EXISTS modelsearch_title_text_trgm ON {INDEX_TABLE} USING gin (title_text gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS modelsearch_body_text_trgm ON {INDEX_TABLE} USING gin (body_text gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS modelsearch_title_text_unaccent_trgm ON {INDEX_TABLE} "
    "USING gin (f_unaccent(title_text) gin_trgm_ops)",
    f"CREATE INDEX IF NOT EXISTS modelsearch_body_text_unaccent_trgm ON {INDEX_TABLE} "
    "USING gin (f_unaccent(body_text) gin_trgm_ops)",
]

# The statements of wagtail.search's migration 0006 (its table name is fixed).
SQLITE_FTS = [
    "DROP TABLE IF EXISTS wagtailsearch_indexentry_fts",
    "CREATE VIRTUAL TABLE wagtailsearch_indexentry_fts USING fts5(autocomplete, body, title)",
    "CREATE TRIGGER IF NOT EXISTS insert_wagtailsearch_indexentry_fts AFTER INSERT ON wagtailsearch_indexentry "
    "BEGIN INSERT INTO wagtailsearch_indexentry_fts(title, body, autocomplete, rowid) "
    "VALUES (NEW.title, NEW.body, NEW.autocomplete, NEW.id); END",
    "CREATE TRIGGER IF NOT EXISTS update_wagtailsearch_indexentry_fts AFTER UPDATE ON wagtailsearch_indexentry "
    "BEGIN UPDATE wagtailsearch_indexentry_fts SET title=NEW.title, body=NEW.body, autocomplete=NEW.autocomplete "
    "WHERE rowid=NEW.id; END",
    "CREATE TRIGGER IF NOT EXISTS delete_wagtailsearch_indexentry_fts AFTER DELETE ON wagtailsearch_indexentry "
    "BEGIN DELETE FROM wagtailsearch_indexentry_fts WHERE rowid=OLD.id; END",
]


def enable_fuzzy_search(connection):
    """Create what Fuzzy(..., unaccent=True) needs on PostgreSQL; does nothing on other databases."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for statement in POSTGRESQL:
            cursor.execute(statement)


def create_sqlite_fts_table(connection):
    """Replace the ordinary table that a migration-less SQLite database gets with the FTS5 one."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for statement in SQLITE_FTS:
            cursor.execute(statement)
