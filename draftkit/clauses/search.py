"""Searching the clause index: a query and filters in, ranked rows with their snippets out.

A query (see :mod:`draftkit.clauses.query`) is never passed to FTS5 as syntax: each term
becomes quoted FTS5 strings, so quotes, ``NEAR(``, ``OR`` or SQL in a query are words.

Modules: ``terms`` (a query's terms as FTS5 strings), ``filters`` (kind, status, topic,
audience and language), ``ranking`` (BM25 in tiers, champion lists) and ``snippets`` (the
sentence shown with each hit); this module runs a search and reads its rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from draftkit.clauses.filters import _Filter, _filter
from draftkit.clauses.query import Query, parse_query
from draftkit.clauses.ranking import Ranked, _ranked
from draftkit.clauses.rows import IndexRow
from draftkit.clauses.snippets import _OPEN, _Marker, snippet_of
from draftkit.clauses.terms import _compile, _Compiled, _Stats
from draftkit.errors import ClauseError

__all__ = ["search_index"]


def _rows(conn: sqlite3.Connection, ranked: Ranked, terms: Sequence[_Compiled]) -> list[IndexRow]:
    if not ranked:
        return []
    order = {rowid: n for n, (rowid, _) in enumerate(ranked)}
    scores = dict(ranked)
    marks = ", ".join("?" for _ in ranked)
    rows = conn.execute(
        "SELECT c.rowid, c.id, c.data, c.source_file, c.line, f.lead, f.text, f.title"
        f" FROM clauses c JOIN fts f ON f.rowid = c.rowid WHERE c.rowid IN ({marks})",
        list(order),
    ).fetchall()
    rows.sort(key=lambda r: order[int(r[0])])
    mark = _Marker(terms, (t or "" for r in rows for t in r[5:8]))
    out: list[IndexRow] = []
    for rowid, ident, data, source_file, line, lead, text, title in rows:
        snippet, matched = mark.snippet([lead or "", text or ""])
        if not matched:
            marked_title = mark(title or "")
            if _OPEN in marked_title:
                snippet = snippet_of([marked_title])
        out.append(
            IndexRow(
                id=ident,
                data=data,
                source_file=source_file,
                line=line,
                score=scores[int(rowid)],
                snippet=snippet,
            )
        )
    return out


# -- the search --------------------------------------------------------------------------


def search_index(
    conn: sqlite3.Connection,
    query: str,
    *,
    kind: str | None = None,
    tags: Sequence[str] = (),
    audience: str | None = None,
    status: str | None = None,
    limit: int = 10,
    language: str | None = None,
) -> list[IndexRow]:
    """Ranked clauses matching ``query`` and the filters (best first).

    Args:
        conn: An index connection.
        query: A query in the language of :mod:`draftkit.clauses.query`.
        kind: Only clauses of this kind (as ``kind:`` in the query).
        tags: Only clauses with all these topics (as ``topic:``).
        audience: Only clauses suiting this audience, or any audience (as ``audience:``).
        status: Only clauses with this status (as ``status:``).
        limit: At most this many clauses.
        language: Only clauses worded in this language (``en``, ``fr``, ``es``, ``ar``).

    Raises:
        ClauseError: The query names an unknown kind or status, or the index cannot be
            read (never for other query text).
    """
    parsed = parse_query(query)
    if limit <= 0:
        return []
    where = _filter(
        [*([kind] if kind else []), *parsed.kinds],
        [*([status] if status else []), *parsed.statuses],
        [*tags, *parsed.topics],
        [*([audience] if audience else []), *parsed.audiences],
        [language] if language else [],
    )
    try:
        return _search(conn, parsed, where, limit)
    except sqlite3.Error as exc:
        raise ClauseError(
            f"clause search failed ({exc})", hint="run `draftkit clauses reindex`"
        ) from exc


def _search(conn: sqlite3.Connection, parsed: Query, where: _Filter, limit: int) -> list[IndexRow]:
    stats = _Stats(conn)
    terms = [c for c in (_compile(t, stats) for t in parsed.terms) if c is not None]
    excluded = " OR ".join(
        c.expr for c in (_compile(t, stats) for t in parsed.excluded) if c is not None
    )
    if not terms:
        if not (where.sql or excluded) or parsed.terms:
            return []
        return _listing(conn, excluded, where, limit)
    ranked = _ranked(conn, stats, terms, excluded, where, limit)
    return _rows(conn, ranked, terms)


def _listing(conn: sqlite3.Connection, excluded: str, where: _Filter, limit: int) -> list[IndexRow]:
    """Clauses passing the filters and exclusions, in file order (a query with no words)."""
    sql = "SELECT c.rowid FROM clauses c LEFT JOIN files f ON f.path = c.source_file WHERE 1"
    params: list[Any] = []
    if excluded:
        sql += " AND c.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)"
        params.append(excluded)
    sql += f" {where.sql} ORDER BY f.ord, c.line LIMIT ?"
    rows = conn.execute(sql, [*params, *where.params, limit]).fetchall()
    return _rows(conn, [(int(r[0]), 0.0) for r in rows], [])
