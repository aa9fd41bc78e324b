"""Full-text search over articles, on either store: FTS5 on SQLite, tsvector on PostgreSQL.

Both take the user's words as plain words (every word must match; no query syntax to get
wrong) and return the same row shape, best match first. They differ where the engines do:
PostgreSQL stems English words and drops stop words ("talks" finds "talk"); SQLite's FTS5 index
(migration 0002, default tokenizer) matches words as written, ignoring case and accents.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from parley.errors import StoreError

# Words in a query; anything else (quotes, operators, punctuation) is dropped, so no input can
# be a syntax error in FTS5's query language.
_WORD = re.compile(r"\w+", re.UNICODE)
# Title matches count this many times a body match (FTS5 bm25 column weights; PostgreSQL gets
# the same effect from the 'A' and 'D' weights set in migration 0005).
TITLE_WEIGHT = 10.0
# Words of context in a snippet: about one line on a terminal or a results page.
SNIPPET_WORDS = 16
MARK_OPEN, MARK_CLOSE = "[", "]"
# Same configuration as migration 0005's generated column, so the query's stems match the index's.
PG_CONFIG = "english"

_SQLITE = """
SELECT a.id, a.title, a.published, a.outlet, a.url, a.status,
       snippet(articles_fts, 1, :open, :close, '…', :words) AS snippet,
       -bm25(articles_fts, :title_weight, 1.0) AS score
FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
WHERE articles_fts MATCH :match {status}
ORDER BY score DESC, a.published DESC NULLS LAST, a.id
LIMIT :limit OFFSET :offset
"""

_POSTGRES = f"""
SELECT a.id, a.title, a.published, a.outlet, a.url, a.status,
       ts_headline('{PG_CONFIG}', coalesce(a.clean_text, a.title, ''), q, :headline) AS snippet,
       ts_rank(a.search_vector, q) AS score
FROM articles a, plainto_tsquery('{PG_CONFIG}', :query) AS q
WHERE a.search_vector @@ q {{status}}
ORDER BY score DESC, a.published DESC NULLS LAST, a.id
LIMIT :limit OFFSET :offset
"""


def search_articles(
    engine: Engine, query: str, *, limit: int = 20, offset: int = 0, include_duplicates: bool = False
) -> list[dict[str, Any]]:
    """Return the articles containing every word of ``query``, best match first.

    Each row has id, title, published, outlet, url, status, snippet (matches in [brackets]) and
    score (higher is better; comparable within one result, not across engines). Near-duplicates
    are left out unless ``include_duplicates``. A query with no words returns [].
    """
    words = _WORD.findall(query)
    if not words:
        return []
    status = "" if include_duplicates else "AND a.status != 'near_duplicate'"
    # Only the fixed status clause is formatted into the SQL; every value is a bound parameter.
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    dialect = engine.dialect.name
    if dialect == "sqlite":
        sql = _SQLITE.format(status=status)
        params.update(
            match=" ".join('"' + w.replace('"', '""') + '"' for w in words),
            title_weight=TITLE_WEIGHT,
            open=MARK_OPEN,
            close=MARK_CLOSE,
            words=SNIPPET_WORDS,
        )
    elif dialect == "postgresql":
        sql = _POSTGRES.format(status=status)
        params["query"] = " ".join(words)
        params["headline"] = (
            f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords={SNIPPET_WORDS}, "
            f"MinWords={SNIPPET_WORDS // 2}, MaxFragments=1"
        )
    else:
        raise StoreError(f"full-text search is not available on {dialect}", hint="use SQLite or PostgreSQL")
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(text(sql), params)]
