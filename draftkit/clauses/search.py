"""Querying the clause index: the query language, BM25 ranking in tiers, filters, snippets.

A query (see :mod:`draftkit.clauses.query`) is never passed to FTS5 as syntax: each term
becomes quoted FTS5 strings, so quotes, ``NEAR(``, ``OR`` or SQL in a query are words.

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
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from draftkit.clauses.index import BM25, IndexRow, facet, index_terms, stem_words
from draftkit.clauses.query import MAX_TERMS, STOPWORDS, Query, Term, parse_query
from draftkit.clauses.wordforms import related_forms
from draftkit.errors import ClauseError

__all__ = [
    "EXACT_BUDGET",
    "SYNONYMS",
    "query_words",
    "search_index",
    "snippet_of",
]

EXACT_BUDGET = 2000
"""Searches that can match at most this many clauses score every one of them."""

CANDIDATES = 300
"""How many of each common word's champions a search of several words scores."""

_WINDOW = 300  # clauses scored when no candidate list covers a search (e.g. "the")
_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(text: str) -> list[str]:
    """The distinct lower-cased words of a text, without stop words (a harvest helper)."""

    words = [w.lower() for w in _WORD.findall(text)]
    content = [w for w in words if w not in STOPWORDS] or words
    return list(dict.fromkeys(content))[:MAX_TERMS]


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
"""Extra words or phrases a query word also finds (abbreviations, everyday synonyms).

A word in quotes (``"free"``) finds only itself and its inflections."""


# -- compiling terms ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Compiled:
    """A query term as FTS5 sees it."""

    expr: str  # FTS5 expression (quoted strings only)
    est: int  # at most this many clauses match it
    sources: tuple[str, ...]  # index terms whose clauses are its candidates
    prefixes: tuple[str, ...]  # index-term prefixes (candidates; marked in snippets)
    single: str | None  # the one index term it stands for, if just one
    stems: frozenset[str] = frozenset()  # index terms marked in snippets
    phrases: tuple[tuple[tuple[str, ...], bool], ...] = ()  # (terms, last is a prefix)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class _Stats:
    """Document frequencies of index terms, read once per search."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.df: dict[str, int] = {}

    def load(self, terms: Iterable[str]) -> None:
        wanted = sorted({t for t in terms if t not in self.df})
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for term in chunk:
                self.df[term] = 0
            rows = self.conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk)
            for term, df in rows:
                self.df[str(term)] = int(df)

    def starting_with(self, prefix: str, limit: int) -> list[str]:
        """Index terms starting with ``prefix``, most frequent first (at most ``limit``)."""
        rows = self.conn.execute(
            "SELECT term, df FROM term_df WHERE term >= ? AND term < ? ORDER BY df DESC LIMIT ?",
            (prefix, prefix + "\U0010ffff", limit),
        ).fetchall()
        for term, df in rows:
            self.df[str(term)] = int(df)
        return [str(term) for term, _ in rows]

    def prefix_df(self, stem: str) -> int:
        row = self.conn.execute(
            "SELECT coalesce(sum(df), 0) FROM term_df WHERE term >= ? AND term < ?",
            (stem, stem + "\U0010ffff"),
        ).fetchone()
        return int(row[0])


def _compile(term: Term, stats: _Stats) -> _Compiled | None:
    """FTS5 expression and size estimate of a term; None when it holds no searchable word."""
    if term.kind == "word":
        return _compile_word(term.words[0], stats)
    stems = index_terms(" ".join(term.words))
    if not stems:
        return None
    prefix_last = term.kind == "prefix" or term.prefix
    whole = stems[:-1] if prefix_last else stems
    stats.load(whole)
    sizes = [stats.df[s] for s in whole]
    if prefix_last:
        sizes.append(stats.prefix_df(stems[-1]))
    est = min(sizes)
    expr = _quote(" ".join(term.words)) + (" *" if prefix_last else "")
    if not whole:
        return _compile_prefix(term.words[-1], stems[-1], expr, est, stats)
    rarest = min(whole, key=lambda s: stats.df[s])
    if len(stems) == 1:
        return _Compiled(expr, est, (rarest,), (), stems[0], stems=frozenset(stems))
    return _Compiled(expr, est, (rarest,), (), None, phrases=((stems, prefix_last),))


def _compile_prefix(typed: str, stem: str, expr: str, est: int, stats: _Stats) -> _Compiled:
    """A prefix as typed (``dialys*``) and as the stemmer reads it (``diali``).

    FTS5 stems a prefix like a word, and a stemmed prefix can miss words that start with
    the typed letters ("dialys" becomes "diali"; "dialysis" is stored as "dialysi"). The
    index terms that start with the typed letters but not with the stemmed prefix are
    added to the expression (those whose stem is a stem of itself).
    """
    extra = [
        t
        for t in stats.starting_with(typed, 16)
        if not t.startswith(stem) and index_terms(t) == (t,)
    ]
    if typed == stem or not extra:
        return _Compiled(expr, est, (), (stem,), None)
    expr = "(" + " OR ".join([expr, *map(_quote, extra)]) + ")"
    est += sum(stats.df[t] for t in extra)
    return _Compiled(expr, est, (), (stem, typed), None)


def _compile_word(word: str, stats: _Stats) -> _Compiled | None:
    base = index_terms(word)
    if not base:
        return None
    forms = [(word, base)]
    forms += [(f, index_terms(f)) for f in related_forms(word)]
    phrases = [(p, index_terms(p)) for p in SYNONYMS.get(word, ())]
    stats.load(t for _, terms in forms + phrases for t in terms)
    parts: list[str] = [_quote(word)]
    sources: list[str] = list(base)
    est = min(stats.df[t] for t in base)
    seen = {base}
    for form, terms in forms[1:]:
        if len(terms) == 1 and terms not in seen and stats.df[terms[0]] > 0:
            seen.add(terms)
            parts.append(_quote(form))
            sources.append(terms[0])
            est += stats.df[terms[0]]
    for phrase, terms in phrases:
        if terms and all(stats.df[t] for t in terms):
            parts.append(_quote(phrase))
            rarest = min(terms, key=lambda t: stats.df[t])
            sources.append(rarest)
            est += stats.df[rarest]
    expr = parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"
    single = base[0] if len(parts) == 1 and len(base) == 1 else None
    marked = [terms for terms in seen if len(terms) == 1]
    marked += [terms for _, terms in phrases if len(terms) == 1]
    runs = [(terms, False) for terms in [base, *(t for _, t in phrases)] if len(terms) > 1]
    return _Compiled(
        expr,
        est,
        tuple(dict.fromkeys(sources)),
        (),
        single,
        stems=frozenset(t[0] for t in marked),
        phrases=tuple(runs),
    )


# -- filters -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Filter:
    """Field filters, both as an FTS5 expression and as SQL.

    The index stores each clause's kind, status, topics and audiences as tokens of its
    ``facets`` column (see :func:`~draftkit.clauses.index.facet`), so a filter is part
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


# -- ranking -----------------------------------------------------------------------------

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

_NO_FILTER = _Filter("", "", ())


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


# -- snippets ----------------------------------------------------------------------------

_OPEN, _CLOSE = "\x02", "\x03"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_MARKED = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.S)
_SNIPPET_WORDS = 40


def snippet_of(texts: Sequence[str]) -> str:
    """The sentence holding the best match, its matched words in ``[brackets]``.

    Args:
        texts: Texts in order of preference (lead, then text), matched words wrapped in
            ``\\x02`` … ``\\x03``.

    Returns:
        The sentence with the most different matched words (the first of equals),
        shortened around its matches when long; the first sentence when nothing is
        marked.
    """
    best: tuple[int, int] | None = None
    chosen = ""
    first = ""
    for text in texts:
        if _OPEN not in text and first:
            continue  # nothing to find here, and a first sentence is known
        for sentence in _SENTENCE_END.split(" ".join(text.split()).replace(" / ", "\n")):
            if not sentence.strip():
                continue
            first = first or sentence
            if _OPEN not in sentence:
                continue
            marks = _MARKED.findall(sentence)
            if not marks:
                continue
            rank = (len({m.lower() for m in marks}), len(marks))
            if best is None or rank > best:
                best, chosen = rank, sentence
    return _shorten(chosen or first).replace(_OPEN, "[").replace(_CLOSE, "]")


def _shorten(sentence: str) -> str:
    words = sentence.split(" ")
    if len(words) <= _SNIPPET_WORDS:
        return sentence
    marked = [i for i, w in enumerate(words) if _OPEN in w]
    start = max(0, (marked[0] if marked else 0) - _SNIPPET_WORDS // 4)
    start = min(start, len(words) - _SNIPPET_WORDS)
    end = start + _SNIPPET_WORDS
    # a mark cut in half would leave an unclosed bracket
    while (
        end < len(words)
        and any(_OPEN in w for w in words[start:end])
        and (" ".join(words[start:end]).count(_OPEN) != " ".join(words[start:end]).count(_CLOSE))
    ):
        end += 1
    text = " ".join(words[start:end])
    return ("… " if start else "") + text + (" …" if end < len(words) else "")


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_JINJA = re.compile(r"{{.*?}}|{%.*?%}", re.S)


class _Marker:
    """Marks the words of texts that match a query's terms (with ``\\x02`` … ``\\x03``).

    Words are compared as the index compares them (split and stemmed alike); a phrase
    is marked as one run; Jinja variables (``{{ country }}``) are left alone. The words
    of all the texts of one search are stemmed together, and one pattern marks them.
    """

    def __init__(self, terms: Sequence[_Compiled], texts: Iterable[str]) -> None:
        self.terms = terms
        self.runs = any(t.phrases for t in terms)
        self.pattern: re.Pattern[str] | None = None
        if not terms or self.runs:
            return
        singles = frozenset().union(*(t.stems for t in terms))
        prefixes = tuple(p for t in terms for p in t.prefixes)
        # a word's stem differs from the word only in its last letters, so only words
        # starting like a stem need stemming
        starts = {stem[: max(3, len(stem) - 2)] for stem in (*singles, *prefixes)}
        if not starts:
            return
        alternatives = "|".join(map(re.escape, sorted(starts, key=len, reverse=True)))
        candidate = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)
        words: set[str] = set()
        for text in texts:
            words.update(w.lower() for w in candidate.findall(text))
        stems = stem_words(words)
        hits = [w for w, stem in stems.items() if stem in singles or stem.startswith(prefixes)]
        if hits:
            alternatives = "|".join(map(re.escape, sorted(hits, key=len, reverse=True)))
            self.pattern = re.compile(rf"(?<![^\W_])({alternatives})(?![^\W_])", re.IGNORECASE)

    def __call__(self, text: str) -> str:
        if not text or not self.terms:
            return text
        if self.runs:
            return _mark_runs(text, self.terms)
        if self.pattern is None or not self.pattern.search(text):
            return text
        marked = f"{_OPEN}\\1{_CLOSE}"
        if "{" not in text:
            return self.pattern.sub(marked, text)
        parts = _JINJA.split(text)
        variables = _JINJA.findall(text)
        out = [self.pattern.sub(marked, parts[0])]
        for variable, part in zip(variables, parts[1:], strict=True):
            out += [variable, self.pattern.sub(marked, part)]
        return "".join(out)

    def snippet(self, texts: Sequence[str]) -> tuple[str, bool]:
        """:func:`snippet_of` the texts, marking only the sentence it picks.

        Returns:
            The snippet, and whether it holds a match.
        """
        if self.runs or not self.terms:
            marked = [self(text) for text in texts]
            return snippet_of(marked), any(_OPEN in text for text in marked)
        best: tuple[int, int] | None = None
        chosen = first = ""
        for text in texts:
            if first and (self.pattern is None or not self.pattern.search(text)):
                continue
            for sentence in _SENTENCE_END.split(" ".join(text.split()).replace(" / ", "\n")):
                if not sentence.strip():
                    continue
                first = first or sentence
                if self.pattern is None:
                    break
                plain = _JINJA.sub(" ", sentence) if "{" in sentence else sentence
                found = [w.lower() for w in self.pattern.findall(plain)]
                if found and (best is None or (len(set(found)), len(found)) > best):
                    best, chosen = (len(set(found)), len(found)), sentence
        sentence = self(chosen) if chosen else first
        return _shorten(sentence).replace(_OPEN, "[").replace(_CLOSE, "]"), bool(chosen)


def _mark_runs(text: str, terms: Sequence[_Compiled]) -> str:
    """:class:`_Marker` for queries with phrases: walk the words of the text in order."""
    tokens = list(_TOKEN.finditer(text))
    skip = [(m.start(), m.end()) for m in _JINJA.finditer(text)]
    stems = stem_words(m.group().lower() for m in tokens)
    seq = [stems.get(m.group().lower(), "") for m in tokens]
    singles = frozenset().union(*(t.stems for t in terms))
    prefixes = tuple(p for t in terms for p in t.prefixes)
    phrases = sorted((p for t in terms for p in t.phrases), key=lambda p: len(p[0]), reverse=True)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(seq):
        if skip and any(a <= tokens[i].start() < b for a, b in skip):
            i += 1
            continue
        length = 0
        for run, last_prefix in phrases:
            n = len(run)
            window = seq[i : i + n]
            if (
                len(window) == n
                and window[:-1] == list(run[:-1])
                and (window[-1].startswith(run[-1]) if last_prefix else window[-1] == run[-1])
            ):
                length = n
                break
        if not length and seq[i] and (seq[i] in singles or seq[i].startswith(prefixes)):
            length = 1
        if length:
            spans.append((tokens[i].start(), tokens[i + length - 1].end()))
            i += length
        else:
            i += 1
    out: list[str] = []
    last = 0
    for start, end in spans:
        out += [text[last:start], _OPEN, text[start:end], _CLOSE]
        last = end
    out.append(text[last:])
    return "".join(out)


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
