"""Index terms: words split and stemmed as the clause index's FTS5 tokenizer does.

A query's words must become the terms the index stores, so they go through the same
tokenizer: an in-memory FTS5 table per thread, asked for its vocabulary.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Iterable

__all__ = ["TOKENIZER", "index_terms", "stem_words"]

TOKENIZER = "porter unicode61 remove_diacritics 2"
"""How the index splits and stems words (queries must be treated the same way)."""


_local = threading.local()


def _stemmer() -> sqlite3.Connection:
    conn: sqlite3.Connection | None = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        conn.execute(f"CREATE VIRTUAL TABLE s USING fts5(w, tokenize = '{TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, s, 'instance')")
        _local.conn = conn
    return conn


def stem_words(words: Iterable[str]) -> dict[str, str]:
    """The index term of each word (words the tokenizer drops are left out).

    One round trip for many words; results are remembered (see :func:`index_terms`).
    """
    out: dict[str, str] = {}
    todo: list[str] = []
    for word in dict.fromkeys(words):
        known = _STEMS.get(word)
        if known is not None:
            if known:
                out[word] = known
        else:
            todo.append(word)
    if todo:
        conn = _stemmer()
        conn.execute("DELETE FROM s")
        conn.executemany("INSERT INTO s (rowid, w) VALUES (?, ?)", enumerate(todo, start=1))
        found = dict(conn.execute("SELECT doc, term FROM temp.v WHERE offset = 0"))
        if len(_STEMS) > 100_000:
            _STEMS.clear()
        for n, word in enumerate(todo, start=1):
            term = str(found.get(n, ""))
            _STEMS[word] = term
            if term:
                out[word] = term
    return out


_STEMS: dict[str, str] = {}


@functools.lru_cache(maxsize=16384)
def index_terms(text: str) -> tuple[str, ...]:
    """The terms the index stores for ``text``, in order (split and stemmed as FTS5 does)."""
    conn = _stemmer()
    conn.execute("DELETE FROM s")
    conn.execute("INSERT INTO s (rowid, w) VALUES (1, ?)", (text,))
    rows = conn.execute("SELECT term FROM temp.v ORDER BY offset").fetchall()
    return tuple(str(row[0]) for row in rows)
