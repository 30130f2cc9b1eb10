"""Querying the clause index: safe queries, BM25 ranking, filters and snippets.

Queries are never passed to FTS5 as syntax: the query is split into words, each word is
quoted as an FTS5 string and the words are OR-ed, so ``"``, ``NEAR(``, ``*``, ``OR`` or
SQL text are just words. Ranking is BM25 with column weights (title and lead count
most); large libraries leave very frequent words out of the ranking (see
:data:`RANK_BUDGET`).
"""

from __future__ import annotations

import functools
import re
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftkit.clauses.index import TOKENIZER
from draftkit.clauses.model import Clause
from draftkit.errors import ClauseError

__all__ = [
    "RANK_BUDGET",
    "SMALL_LIBRARY",
    "SYNONYMS",
    "IndexRow",
    "expand",
    "fetch_rows",
    "fts_query",
    "index_term",
    "query_words",
    "search_index",
]

_SNIPPET_TOKENS = 16
_MAX_QUERY_WORDS = 32
_STOPWORDS = frozenset(
    (
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "will",
        "with",
        "you",
        "your",
        "our",
        "us",
        "i",
    )
)
_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    """The words of a user query (lower-cased, stop words dropped unless nothing else)."""
    words = [w.lower() for w in _WORD.findall(query)]
    content = [w for w in words if w not in _STOPWORDS]
    chosen = content or words
    unique = list(dict.fromkeys(chosen))
    return unique[:_MAX_QUERY_WORDS]


SYNONYMS: dict[str, tuple[str, ...]] = {
    # abbreviations and names used in advocacy letters
    "icc": ("international criminal court",),
    "hague": ("international criminal court",),
    "icrc": ("red cross",),
    "ohchr": ("high commissioner", "human rights office"),
    "unsc": ("security council",),
    "hrc": ("human rights council",),
    "unga": ("general assembly",),
    "unhcr": ("refugee agency",),
    "tps": ("temporary protected status",),
    "usagm": ("global media",),
    "voa": ("broadcasters", "broadcasting"),
    "ngo": ("civil society",),
    "ngos": ("civil society",),
    "magnitsky": ("sanctions",),
    # everyday words for the terms clauses use
    "jailed": ("detained", "prisoners"),
    "imprisoned": ("detained", "prisoners"),
    "freed": ("release",),
    "free": ("release",),
    "deport": ("return", "refoulement"),
    "deported": ("return", "refoulement"),
    "deporting": ("return", "refoulement"),
    "deportation": ("return", "refoulement"),
    "repatriation": ("return", "refoulement"),
    "repatriate": ("return", "refoulement"),
    "talks": ("negotiations",),
    "nuclear": ("security", "weapons"),
    "envoy": ("special envoy",),
    "rapporteur": ("special rapporteur",),
    "prosecute": ("prosecution", "justice"),
    "tribunal": ("court", "justice"),
    "victims": ("survivors",),
}
"""Extra words a query word also looks for (abbreviations, everyday synonyms)."""


def expand(words: Sequence[str]) -> list[str]:
    """``words`` followed by their synonyms (see :data:`SYNONYMS`), without repeats."""
    out = list(words)
    for word in words:
        out += [s for s in SYNONYMS.get(word, ()) if s not in out]
    return out[:_MAX_QUERY_WORDS]


def fts_query(words: Sequence[str]) -> str:
    """An FTS5 expression matching any of ``words``, each quoted as a string."""
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in words)


@dataclass(frozen=True, slots=True)
class IndexRow:
    """A clause row read from the index."""

    id: str
    data: str
    source_file: str
    line: int
    score: float = 0.0
    snippet: str = ""

    def clause(self) -> Clause:
        """The clause object."""
        clause = Clause.model_validate_json(self.data)
        clause.source_file = Path(self.source_file)
        clause.line = self.line
        return clause


SMALL_LIBRARY = 5000
"""Up to this many clauses, every query word takes part in BM25 ranking."""

RANK_BUDGET = 2500
"""In larger libraries, the most documents the ranked words may match together.

BM25 in FTS5 reads the whole posting list of every query word, so a word that occurs in
most clauses makes ranking slow and adds nothing to it. Such words are left out of the
ranked query (the rarest words are kept), like stop words specific to the library.
"""

_HEAD_COLUMNS = "{id title lead topics}"


def _filters(
    kind: str | None, status: str | None, tags: Sequence[str], audience: str | None
) -> tuple[str, list[Any]]:
    sql: list[str] = []
    params: list[Any] = []
    if kind:
        sql.append("AND c.kind = ?")
        params.append(kind)
    if status:
        sql.append("AND c.status = ?")
        params.append(status)
    for tag in tags:
        sql.append(
            "AND EXISTS (SELECT 1 FROM clause_topics t WHERE t.topic = ? AND t.clause = c.rowid)"
        )
        params.append(tag.lower())
    if audience:
        sql.append(
            "AND (c.any_audience = 1 OR EXISTS (SELECT 1 FROM clause_audiences a"
            " WHERE a.audience = ? AND a.clause = c.rowid))"
        )
        params.append(audience)
    return " ".join(sql), params


def _count(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'count'").fetchone()
    return int(row[0]) if row else 0


_local = threading.local()


def _stemmer() -> sqlite3.Connection:
    conn: sqlite3.Connection | None = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        conn.execute(f"CREATE VIRTUAL TABLE s USING fts5(w, tokenize = '{TOKENIZER}')")
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, s, 'instance')")
        _local.conn = conn
    return conn


@functools.lru_cache(maxsize=8192)
def index_term(word: str) -> str | None:
    """The term the index stores for ``word`` (tokenised and stemmed as FTS5 does)."""
    conn = _stemmer()
    conn.execute("DELETE FROM s")
    conn.execute("INSERT INTO s (rowid, w) VALUES (1, ?)", (word,))
    row = conn.execute("SELECT term FROM temp.v LIMIT 1").fetchone()
    return str(row[0]) if row else None


def _doc_freqs(conn: sqlite3.Connection, words: Sequence[str]) -> dict[str, int]:
    """How many clauses contain each word (0 when unknown)."""
    terms = {word: index_term(word) for word in words}
    wanted = sorted({t for t in terms.values() if t})
    if not wanted:
        return {}
    marks = ", ".join("?" for _ in wanted)
    rows = conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", wanted)
    freq = {str(term): int(df) for term, df in rows}
    return {word: freq.get(term or "", 0) for word, term in terms.items()}


# Snippets from the lead, then the text, then whichever column matched best (which may
# be the title or the topics): the wording is what a reader wants to see.
_SNIPPETS = ", ".join(
    f"snippet(fts, {column}, '[', ']', '…', {_SNIPPET_TOKENS})" for column in (2, 3, -1)
)


def _best_snippet(candidates: Sequence[str]) -> str:
    for text in candidates:
        if text and "[" in text:
            return str(text)
    return str(candidates[-1] or "")


def _ranked(
    conn: sqlite3.Connection, words: Sequence[str], where: str, params: list[Any], limit: int
) -> list[IndexRow]:
    sql = (
        "SELECT c.id, c.data, c.source_file, c.line, fts.rank,"
        f" {_SNIPPETS}"
        f" FROM fts CROSS JOIN clauses c ON c.rowid = fts.rowid WHERE fts MATCH ? {where}"
        " ORDER BY fts.rank LIMIT ?"
    )
    rows = conn.execute(sql, [fts_query(words), *params, limit]).fetchall()
    return [
        IndexRow(
            id=r[0],
            data=r[1],
            source_file=r[2],
            line=r[3],
            score=-float(r[4]),
            snippet=_best_snippet(r[5:8]),
        )
        for r in rows
    ]


def _common_only(
    conn: sqlite3.Connection, words: Sequence[str], where: str, params: list[Any], limit: int
) -> list[IndexRow]:
    """Rank a query made only of very common words without BM25.

    Candidates are clauses with the words in their id, title, lead or topics (all the
    words, else any), read without ranking and capped; they are scored by where the
    words occur (title 8, lead 4, id/topics 2 per word).
    """
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    candidates: dict[int, tuple[str, str, str, str]] = {}
    for joiner in (" AND ", " OR "):
        expression = f"{_HEAD_COLUMNS} : ({joiner.join(quoted)})"
        rows = conn.execute(
            "SELECT c.rowid, fts.id, fts.title, fts.lead, fts.topics FROM fts"
            f" CROSS JOIN clauses c ON c.rowid = fts.rowid WHERE fts MATCH ? {where} LIMIT ?",
            [expression, *params, max(limit * 10, 100)],
        ).fetchall()
        for rowid, *texts in rows:
            candidates.setdefault(int(rowid), (texts[0], texts[1], texts[2], texts[3]))
        if len(candidates) >= limit or len(words) == 1:
            break

    stems = [w[:6] for w in words]

    def score(texts: tuple[str, str, str, str]) -> float:
        ident, title, lead, topics = (t.lower() for t in texts)
        other = f"{ident} {topics}"
        return float(sum(8 * (s in title) + 4 * (s in lead) + 2 * (s in other) for s in stems))

    scored = sorted(
        ((score(texts), rowid) for rowid, texts in candidates.items()),
        key=lambda item: (-item[0], item[1]),
    )[:limit]
    if not scored:
        return []
    best = [(rowid, value) for value, rowid in scored]
    order = {rowid: n for n, (rowid, _) in enumerate(best)}
    marks = ", ".join("?" for _ in best)
    rows = conn.execute(
        "SELECT c.rowid, c.id, c.data, c.source_file, c.line,"
        f" {_SNIPPETS}"
        " FROM fts CROSS JOIN clauses c ON c.rowid = fts.rowid"
        f" WHERE fts MATCH ? AND fts.rowid IN ({marks})",
        [fts_query(words), *order],
    ).fetchall()
    rows.sort(key=lambda r: order[int(r[0])])
    scores = dict(best)
    return [
        IndexRow(id=r[1], data=r[2], source_file=r[3], line=r[4], score=scores[r[0]], snippet=r[5])
        for r in rows
    ]


def search_index(
    conn: sqlite3.Connection,
    query: str,
    *,
    kind: str | None = None,
    tags: Sequence[str] = (),
    audience: str | None = None,
    status: str | None = None,
    limit: int = 10,
) -> list[IndexRow]:
    """Ranked clauses matching ``query`` and the filters (best first).

    Small libraries rank every clause matching any query word with BM25. In large
    libraries, query words that occur in very many clauses are left out of the ranking
    (see :data:`RANK_BUDGET`); a query made only of such words is answered from the
    clauses' titles, leads and topics.

    Raises:
        ClauseError: The index cannot be read (never for the query text itself).
    """
    words = expand(query_words(query))
    if not words or limit <= 0:
        return []
    where, params = _filters(kind, status, tags, audience)
    try:
        if _count(conn) <= SMALL_LIBRARY:
            return _ranked(conn, words, where, params, limit)
        freqs = _doc_freqs(conn, words)
        ordered = sorted(words, key=lambda w: freqs.get(w, 0))
        chosen: list[str] = []
        matched = 0
        for word in ordered:
            df = freqs.get(word, 0)
            if matched + df > RANK_BUDGET and chosen:
                break
            chosen.append(word)
            matched += df
        if matched <= RANK_BUDGET:
            return _ranked(conn, chosen, where, params, limit)
        return _common_only(conn, ordered, where, params, limit)
    except sqlite3.Error as exc:
        raise ClauseError(
            f"clause search failed ({exc})", hint="run `draftkit clauses reindex`"
        ) from exc


def fetch_rows(
    conn: sqlite3.Connection, where: str = "", params: Sequence[Any] = ()
) -> list[IndexRow]:
    """Clause rows in file order, optionally filtered by a SQL condition on ``clauses c``."""
    sql = (
        "SELECT c.id, c.data, c.source_file, c.line FROM clauses c"
        " LEFT JOIN files f ON f.path = c.source_file"
    )
    if where:
        sql += f" WHERE {where}"
    sql += " ORDER BY f.ord, c.line"
    try:
        rows = conn.execute(sql, list(params)).fetchall()
    except sqlite3.Error as exc:
        raise ClauseError(
            f"cannot read the clause index ({exc})", hint="run `draftkit clauses reindex`"
        ) from exc
    return [IndexRow(id=r[0], data=r[1], source_file=r[2], line=r[3]) for r in rows]
