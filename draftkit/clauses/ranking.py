"""Ranking a clause search in tiers by BM25, scoring champion lists for common words.

Ranking is FTS5's BM25 over the whole clause — id, title, lead, text and topics, weighted
by :data:`~draftkit.clauses.index.WEIGHTS` — in tiers:

1. clauses containing every term that occurs in the library (a term no clause contains
   is left out);
2. clauses containing all those terms but one, then all but two, ... (see
   :data:`MAX_SUBSETS`);
3. clauses containing any of them.

A tier is only consulted when the ones above it found fewer clauses than asked for, and
a clause appears once, in the highest tier it qualifies for. A query therefore never
comes back empty while some clause contains one of its terms.

BM25 in FTS5 scores every clause that matches; for a word found in tens of thousands of
clauses that takes too long. Such searches score candidates instead: the *champion
lists* made when the index was built (each common word's best 1,000 clauses by BM25; a
search of several words uses the best :data:`CANDIDATES` of each), every clause of the
rarer terms, and the clauses added since the lists were made. The candidates are scored
with the same BM25 as any other search (see :func:`_large`).
"""

from __future__ import annotations

import itertools
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from draftkit.clauses.filters import _NO_FILTER, _Filter
from draftkit.clauses.index import BM25
from draftkit.clauses.terms import _Compiled, _Stats

__all__ = ["CANDIDATES", "CHAMPIONS_DEPTH", "EXACT_BUDGET", "MAX_SUBSETS", "Ranked"]


EXACT_BUDGET = 2000
"""Searches that can match at most this many clauses score every one of them."""

CANDIDATES = 300
"""How many of each common word's champions a search of several words scores."""

_WINDOW = 300  # clauses scored when no candidate list covers a search (e.g. "the")


Ranked = list[tuple[int, float]]
"""(rowid, score) pairs, best first; the score is BM25 (higher is better)."""


@dataclass(frozen=True, slots=True)
class _Tier:
    """One tier of a search: its terms, how they combine, and the other conditions."""

    terms: Sequence[_Compiled]
    mode: str  # "and" | "or"
    where: _Filter
    excluded: str  # FTS5 expression of the excluded terms, or ""

    def expression(self, terms: Sequence[_Compiled] | None = None) -> str:
        """The FTS5 expression of the tier (or of some of its terms), filters included."""
        joiner = " AND " if self.mode == "and" else " OR "
        expr = "(" + joiner.join(t.expr for t in (self.terms if terms is None else terms)) + ")"
        if self.where.fts:
            expr += f" AND {self.where.fts}"
        if self.excluded:
            expr = f"({expr}) NOT ({self.excluded})"
        return expr


def _rank(
    conn: sqlite3.Connection,
    expr: str,
    limit: int,
    extra: str = "",
    extra_params: Sequence[Any] = (),
) -> Ranked:
    """Score every clause matching ``expr`` (and ``extra``) and keep the best ``limit``."""
    sql = f"SELECT rowid, {BM25} AS s FROM fts WHERE fts MATCH ? {extra} ORDER BY s LIMIT ?"
    rows = conn.execute(sql, [expr, *extra_params, limit]).fetchall()
    return [(int(r), -float(s)) for r, s in rows]


def _meta_int(conn: sqlite3.Connection, key: str) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else 0


def _newest(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(rowid) FROM clauses").fetchone()
    return int(row[0] or 0)


def _champion_sources(
    conn: sqlite3.Connection, terms: Sequence[_Compiled], stats: _Stats
) -> tuple[list[str], list[str]]:
    """The index terms with champion lists, and the prefixes, that stand for ``terms``."""
    common = [s for t in terms for s in t.sources if stats.df.get(s, 0) > EXACT_BUDGET]
    words: list[str] = []
    for word in dict.fromkeys(common):  # stop words have no list
        if conn.execute("SELECT 1 FROM champions WHERE term = ? LIMIT 1", (word,)).fetchone():
            words.append(word)
    prefixes = [p for t in terms for p in t.prefixes]
    return words, list(dict.fromkeys(prefixes))


def _champion_scores(
    conn: sqlite3.Connection,
    words: Sequence[str],
    prefixes: Sequence[str],
    where: _Filter,
    depth: int,
) -> dict[int, float]:
    """Clause -> summed champion score, from the best ``depth`` of each list."""
    conditions: list[str] = []
    params: list[Any] = []
    if words:
        conditions.append(f"ch.term IN ({', '.join('?' for _ in words)})")
        params += words
    for prefix in prefixes:
        conditions.append("(ch.term >= ? AND ch.term < ?)")
        params += [prefix, prefix + "\U0010ffff"]
    if not conditions:
        return {}
    join = " CROSS JOIN clauses c ON c.rowid = ch.clause" if where.sql else ""
    rows = conn.execute(
        f"SELECT ch.clause, sum(ch.score) FROM champions ch{join}"
        f" WHERE ({' OR '.join(conditions)}) AND ch.pos < ? {where.sql} GROUP BY ch.clause",
        [*params, depth, *where.params],
    ).fetchall()
    return {int(r): float(s) for r, s in rows}


def _best(scores: dict[int, float], limit: int) -> Ranked:
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]


def _large(conn: sqlite3.Connection, stats: _Stats, tier: _Tier, limit: int) -> Ranked:
    """Rank a tier that may match more than :data:`EXACT_BUDGET` clauses.

    Candidates come from the champion lists of the tier's common words (the clauses
    that rank best for each word alone), every clause of its rare terms, and the clauses
    added since the lists were made:

    * one term without exclusions, and the any-word tier: the candidates are ranked by
      their champion scores (the BM25 of each word alone, summed), and rare terms'
      clauses by BM25 — no clause outside the candidates is read;
    * all words: the matching clauses among the candidates are scored with BM25; a
      phrase or prefix is instead ranked by its words' champion scores, as its own BM25
      would read every clause containing its words.

    When the candidates hold too few matches, the matches are scored in rowid order
    up to a window (all of them when filters leave few).
    """
    terms = tier.terms
    expr = tier.expression()
    top = _meta_int(conn, "champion_top")
    newer = _newest(conn) > top
    words, prefixes = _champion_sources(conn, terms, stats)
    single = len(terms) == 1 and not terms[0].phrases and not tier.excluded
    if single and terms[0].single and words == [terms[0].single] and not newer:
        join = " CROSS JOIN clauses c ON c.rowid = ch.clause" if tier.where.sql else ""
        rows = conn.execute(
            f"SELECT ch.clause, ch.score FROM champions ch{join}"
            f" WHERE ch.term = ? {tier.where.sql} ORDER BY ch.pos LIMIT ?",
            [terms[0].single, *tier.where.params, limit],
        ).fetchall()
        if len(rows) >= limit:
            return [(int(r), float(s)) for r, s in rows]
    if single or tier.mode == "or":
        depth = CHAMPIONS_DEPTH if single and len(words) + len(prefixes) == 1 else CANDIDATES
        scores = _champion_scores(conn, words, prefixes, tier.where, depth)
        if tier.excluded and scores:
            excluded = _matching(conn, tier.excluded, scores)
            scores = {r: s for r, s in scores.items() if r not in excluded}
        rare = [t for t in terms if t.est <= EXACT_BUDGET]
        if rare:
            for rowid, score in _rank(conn, tier.expression(rare), EXACT_BUDGET):
                scores[rowid] = scores.get(rowid, 0.0) + score
        if newer:
            for rowid, score in _rank(conn, expr, limit, "AND rowid > ?", [top]):
                scores[rowid] = max(scores.get(rowid, 0.0), score)
        if len(scores) >= limit:
            return _best(scores, limit)
    candidates: list[str] = []
    params: list[Any] = []
    if newer:
        candidates.append("+rowid > ?")
        params.append(top)
    if words:
        marks = ", ".join("?" for _ in words)
        candidates.append(
            f"+rowid IN (SELECT clause FROM champions WHERE term IN ({marks}) AND pos < ?)"
        )
        params += [*words, CANDIDATES]
    for prefix in prefixes:
        candidates.append(
            "+rowid IN (SELECT clause FROM champions WHERE term >= ? AND term < ? AND pos < ?)"
        )
        params += [prefix, prefix + "\U0010ffff", CANDIDATES]
    rare_expr = " OR ".join(t.expr for t in terms if t.est <= EXACT_BUDGET)
    if rare_expr:
        candidates.append("+rowid IN (SELECT f.rowid FROM fts AS f WHERE f.fts MATCH ?)")
        params.append(rare_expr)
    found: Ranked = []
    if candidates:
        extra = "AND (" + " OR ".join(candidates) + ")"
        if any(t.phrases or t.prefixes for t in terms):
            # rank by the words' champion scores: a phrase's own BM25 would read every
            # clause that contains its words
            cursor = conn.execute(
                f"SELECT rowid FROM fts WHERE fts MATCH ? {extra}", [expr, *params]
            )
            matched = {int(r[0]) for r in cursor}
            scores = _champion_scores(conn, words, prefixes, _NO_FILTER, CHAMPIONS_DEPTH)
            found = _best({r: scores.get(r, 0.0) for r in matched}, limit)
        else:
            found = _rank(conn, expr, limit, extra, params)
    if len(found) >= limit:
        return found
    # too few candidates match (words as common as "the", or a narrow filter): rank the
    # first matches in file order
    known = dict(found)
    if not any(t.phrases or t.prefixes for t in terms):
        edge = conn.execute(
            "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1 OFFSET ?", (expr, _WINDOW)
        ).fetchone()
        window = _rank(conn, expr, limit, *(("AND rowid <= ?", [edge[0]]) if edge else ()))
        return found + [(r, s) for r, s in window if r not in known][: limit - len(found)]
    first = conn.execute("SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?", (expr, limit))
    more = [(int(r[0]), 0.0) for r in first.fetchall() if int(r[0]) not in known]
    return found + more[: limit - len(found)]


CHAMPIONS_DEPTH = 1000
"""How deep a single-term search reads its champion lists (all of them)."""


def _matching(conn: sqlite3.Connection, expr: str, rowids: Iterable[int]) -> set[int]:
    """Which of ``rowids`` match ``expr``."""
    wanted = list(rowids)
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(
            f"SELECT rowid FROM fts WHERE fts MATCH ? AND +rowid IN ({marks})", [expr, *chunk]
        )
        found.update(int(r[0]) for r in rows)
    return found


def _tier(conn: sqlite3.Connection, stats: _Stats, tier: _Tier, limit: int) -> Ranked:
    """The best ``limit`` clauses of a tier."""
    terms = tier.terms
    bound = min(t.est for t in terms) if tier.mode == "and" else sum(t.est for t in terms)
    if bound == 0:
        return []
    expr = tier.expression()
    if bound <= EXACT_BUDGET:
        return _rank(conn, expr, limit)
    if tier.mode == "and" and (len(terms) > 1 or terms[0].phrases or tier.where.fts):
        # several common words, a phrase of them, or a filter often match few clauses
        # together; counting them costs a fraction of scoring them
        count = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM fts WHERE fts MATCH ? LIMIT ?)",
            (expr, EXACT_BUDGET + 1),
        ).fetchone()[0]
        if count <= EXACT_BUDGET:
            return _rank(conn, expr, limit) if count else []
    return _large(conn, stats, tier, limit)


def _ranked(
    conn: sqlite3.Connection,
    stats: _Stats,
    terms: Sequence[_Compiled],
    excluded: str,
    where: _Filter,
    limit: int,
) -> Ranked:
    """Clauses in tiers: all terms, then all terms that occur, then any term."""
    found: Ranked = []
    seen: set[int] = set()

    def add(rows: Ranked) -> None:
        for rowid, score in rows:
            if rowid not in seen and len(found) < limit:
                seen.add(rowid)
                found.append((rowid, score))

    present = [t for t in terms if t.est > 0]
    if not present:
        return []
    add(_tier(conn, stats, _Tier(present, "and", where, excluded), limit))
    # then clauses with all the words but one, all but two, ... (each level ranked by
    # BM25), while a level takes few searches; then any word
    size = len(present) - 1
    while len(found) < limit and size >= 1 and math.comb(len(present), size) <= MAX_SUBSETS:
        level: dict[int, float] = {}
        for subset in itertools.combinations(present, size):
            tier = _Tier(subset, "and", where, excluded)
            for rowid, score in _tier(conn, stats, tier, limit + len(found)):
                level[rowid] = max(level.get(rowid, score), score)
        add(_best({r: s for r, s in level.items() if r not in seen}, limit))
        size -= 1
    if len(found) < limit and size >= 1:
        add(_tier(conn, stats, _Tier(present, "or", where, excluded), limit + len(found)))
    return found


MAX_SUBSETS = 6
"""Clauses with all the words but one (then two, ...) are looked for while a level needs at
most this many searches (a query of up to six words for the first level); the remaining
clauses with any of the words follow, ranked by BM25."""
