"""Field filters of a clause search (kind, status, topic, audience, language): FTS5 and SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from draftkit.clauses.rows import facet
from draftkit.clauses.terms import _quote


@dataclass(frozen=True, slots=True)
class _Filter:
    """Field filters, both as an FTS5 expression and as SQL.

    The index stores each clause's kind, status, topics and audiences as tokens of its
    ``facets`` column (see :func:`~draftkit.clauses.rows.facet`), so a filter is part
    of the FTS5 expression and costs no lookup per match. Champion-list rows are
    filtered with the SQL conditions on ``clauses c`` instead.
    """

    fts: str  # FTS5 expression on the facets column ("" when no filter)
    sql: str  # conditions on ``clauses c``, each starting with AND
    params: tuple[Any, ...]


def _filter(
    kinds: Sequence[str],
    statuses: Sequence[str],
    topics: Sequence[str],
    audiences: Sequence[str],
    languages: Sequence[str] = (),
) -> _Filter:
    fts: list[str] = []
    sql: list[str] = []
    params: list[Any] = []
    for kind in dict.fromkeys(kinds):
        fts.append(_quote(facet("kind", kind)))
        sql.append("AND c.kind = ?")
        params.append(kind)
    for status in dict.fromkeys(statuses):
        fts.append(_quote(facet("status", status)))
        sql.append("AND c.status = ?")
        params.append(status)
    for topic in dict.fromkeys(t.lower() for t in topics):
        fts.append(_quote(facet("topic", topic)))
        sql.append(
            "AND EXISTS (SELECT 1 FROM clause_topics t WHERE t.topic = ? AND t.clause = c.rowid)"
        )
        params.append(topic)
    for audience in dict.fromkeys(a.lower() for a in audiences):
        fts.append(f"({_quote(facet('audience', audience))} OR {_quote(facet('audience', '*'))})")
        sql.append(
            "AND (c.any_audience = 1 OR EXISTS (SELECT 1 FROM clause_audiences a"
            " WHERE lower(a.audience) = ? AND a.clause = c.rowid))"
        )
        params.append(audience)
    for language in dict.fromkeys(x.lower() for x in languages):
        fts.append(_quote(facet("language", language)))
        sql.append("AND coalesce(json_extract(c.data, '$.language'), 'en') = ?")
        params.append(language)
    expr = f"facets : ({' AND '.join(fts)})" if fts else ""
    return _Filter(expr, " ".join(sql), tuple(params))


_NO_FILTER = _Filter("", "", ())
