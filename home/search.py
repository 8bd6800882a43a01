"""The site search: live public pages of one language, through Wagtail's database search backend.

PostgreSQL has no Polish stemmer, so the backend runs with the "simple" configuration and the query is a
modelsearch Fuzzy(unaccent=True): trigram similarity finds inflected forms ("środowisko" finds
"środowiskowych") and unaccent finds words typed without diacritics ("srodowisko").
SQLite (development) has no trigrams: its FTS5 tokenizer folds accents, and each word is matched as a prefix
of its stem (the word less its last letters), which covers most inflected endings.
The query is cut to words first, so nothing a reader types reaches the search syntax.
"""

import re
from functools import cache, reduce

from modelsearch.query import Fuzzy

from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
MIN_STEM_LENGTH = 4
_WORD = re.compile(r"\w+")


def normalise_query(query):
    """The words of the query (letters and digits), at most MAX_WORDS, joined by spaces; "" when none."""
    words = _WORD.findall((query or "")[:MAX_QUERY_LENGTH])
    return " ".join(words[:MAX_WORDS])


def stem(word):
    """A crude stem for prefix matching: the word less two letters, never shorter than MIN_STEM_LENGTH."""
    return word[: max(MIN_STEM_LENGTH, len(word) - 2)]


def searchable_pages(locale):
    """Live, public pages of one language, without aliases (untranslated copies in another language's tree).
    Aliases are left out by id, since `alias_of` is not a search filter field."""
    originals = Page.objects.filter(locale=locale, alias_of__isnull=True).values("pk")
    return Page.objects.live().public().filter(locale=locale, depth__gt=1, id__in=originals)


def search_pages(query, locale):
    """Search results (lazy, sliceable, countable) of the specific pages matching `query` in `locale`,
    best first; an empty queryset for an empty query."""
    words = normalise_query(query)
    pages = searchable_pages(locale).specific()
    if not words:
        return pages.none()
    if connection.vendor == "postgresql":
        return pages.search(Fuzzy(words, unaccent=True))
    if connection.vendor == "sqlite":
        return _prefix_search(words, pages)
    return pages.search(words, operator="and")


def _prefix_search(words, pages):
    """SQLite FTS5: every word, as the prefix of its stem, must match."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    backend = get_search_backend()
    if not isinstance(backend, SQLiteSearchBackend):  # SQLite without FTS5: the backend's own substring search
        return pages.search(words, operator="and")
    backend.query_compiler_class = _prefix_query_compiler()  # get_search_backend() made this instance: not shared
    return backend.search(words, pages)


@cache
def _prefix_query_compiler():
    """Defined on first use: the SQLite backend's modules cannot be imported on other databases."""
    from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler
    from modelsearch.query import PlainText

    class PrefixQueryCompiler(SQLiteSearchQueryCompiler):
        def build_search_query_content(self, query, config=None):
            if not isinstance(query, PlainText):
                return super().build_search_query_content(query, config)
            lexemes = [Lexeme(stem(word), prefix=True) for word in query.query_string.split()]
            return SearchQueryExpression(reduce(lambda a, b: a & b, lexemes), config=config)

    return PrefixQueryCompiler
