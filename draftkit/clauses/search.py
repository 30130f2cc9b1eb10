"""Querying the clause index: the query language, BM25 ranking in tiers, filters, snippets.

A query (see :mod:`draftkit.clauses.query`) is never passed to FTS5 as syntax: each term
becomes quoted FTS5 strings, so quotes, ``NEAR(``, ``OR`` or SQL in a query are words.

Ranking is FTS5's BM25 over the whole clause — id, title, lead, text and topics, weighted
by :data:`~draftkit.clauses.index.WEIGHTS` — in tiers:

1. clauses containing every term;
2. when some term occurs in no clause at all: clauses containing every term that does
   occur;
3. clauses containing any of the terms.

A tier is only consulted when the ones above it found fewer clauses than asked for, and
a clause appears once, in the highest tier it qualifies for. A query therefore never
comes back empty while some clause contains one of its terms.

BM25 in FTS5 scores every clause that matches; for a word found in tens of thousands of
clauses that takes too long. Such searches score candidates instead: the *champion
lists* made when the index was built (each common word's best 1,000 clauses by BM25),
every clause of the rarer terms, and the clauses added since the lists were made. The
candidates are scored with the same BM25 as any other search (see :func:`_large`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftkit.clauses.index import BM25, index_terms, stem_words
from draftkit.clauses.model import Clause
from draftkit.clauses.query import Query, Term, parse_query
from draftkit.clauses.wordforms import related_forms
from draftkit.errors import ClauseError

__all__ = [
    "EXACT_BUDGET",
    "SYNONYMS",
    "IndexRow",
    "fetch_rows",
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
    from draftkit.clauses.query import MAX_TERMS, STOPWORDS

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
        return _Compiled(expr, est, (), (stems[-1],), None)
    rarest = min(whole, key=lambda s: stats.df[s])
    if len(stems) == 1:
        return _Compiled(expr, est, (rarest,), (), stems[0], stems=frozenset(stems))
    return _Compiled(expr, est, (rarest,), (), None, phrases=((stems, prefix_last),))


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
    sql: str  # conditions on ``clauses c``, each starting with AND
    params: tuple[Any, ...]


def _filter(
    kinds: Sequence[str], statuses: Sequence[str], topics: Sequence[str], audiences: Sequence[str]
) -> _Filter:
    sql: list[str] = []
    params: list[Any] = []
    for kind in dict.fromkeys(kinds):
        sql.append("AND c.kind = ?")
        params.append(kind)
    for status in dict.fromkeys(statuses):
        sql.append("AND c.status = ?")
        params.append(status)
    for topic in dict.fromkeys(t.lower() for t in topics):
        sql.append(
            "AND EXISTS (SELECT 1 FROM clause_topics t WHERE t.topic = ? AND t.clause = c.rowid)"
        )
        params.append(topic)
    for audience in dict.fromkeys(audiences):
        sql.append(
            "AND (c.any_audience = 1 OR EXISTS (SELECT 1 FROM clause_audiences a"
            " WHERE a.audience = ? AND a.clause = c.rowid))"
        )
        params.append(audience)
    return _Filter(" ".join(sql), tuple(params))


# -- ranking -----------------------------------------------------------------------------

Ranked = list[tuple[int, float]]
"""(rowid, score) pairs, best first; the score is BM25 (higher is better)."""


def _rank(
    conn: sqlite3.Connection,
    expr: str,
    where: _Filter,
    limit: int,
    extra: str = "",
    extra_params: Sequence[Any] = (),
) -> Ranked:
    """Score every clause matching ``expr`` (and ``extra``) and keep the best ``limit``."""
    if where.sql:
        sql = (
            f"SELECT fts.rowid, {BM25} AS s FROM fts CROSS JOIN clauses c"
            f" ON c.rowid = fts.rowid WHERE fts MATCH ? {extra} {where.sql} ORDER BY s LIMIT ?"
        )
    else:
        sql = f"SELECT fts.rowid, {BM25} AS s FROM fts WHERE fts MATCH ? {extra} ORDER BY s LIMIT ?"
    rows = conn.execute(sql, [expr, *extra_params, *where.params, limit]).fetchall()
    return [(int(r), -float(s)) for r, s in rows]


def _champion_top(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = 'champion_top'").fetchone()
    return int(row[0]) if row else 0


def _large(
    conn: sqlite3.Connection,
    stats: _Stats,
    terms: Sequence[_Compiled],
    expr: str,
    mode: str,
    where: _Filter,
    limit: int,
) -> Ranked:
    """Rank a search that may match more than :data:`EXACT_BUDGET` clauses.

    A single common word answers from its champion list (plus clauses added since). Any
    other search scores, with BM25, the matching clauses among the candidates: the
    champions of each term's common words, every clause of its rare words, and clauses
    added since the lists were made. When the candidates hold too few matches, the
    clauses are scored in rowid order up to a budget (or all of them when filters leave
    few to score).
    """
    top = _champion_top(conn)
    if len(terms) == 1 and terms[0].single is not None:
        term = terms[0].single
        join = " CROSS JOIN clauses c ON c.rowid = ch.clause" if where.sql else ""
        rows = conn.execute(
            f"SELECT ch.clause, ch.score FROM champions ch{join}"
            f" WHERE ch.term = ? {where.sql} ORDER BY ch.pos LIMIT ?",
            [term, *where.params, limit],
        ).fetchall()
        if rows:
            found: Ranked = [(int(r), float(s)) for r, s in rows]
            if _newest(conn) > top:
                found += _rank(conn, expr, where, limit, "AND fts.rowid > ?", [top])
            found.sort(key=lambda item: -item[1])
            if len(found) >= limit:
                return found[:limit]
    champions = [s for t in terms for s in t.sources if stats.df.get(s, 0) > EXACT_BUDGET]
    conditions: list[str] = []
    params: list[Any] = []
    if _newest(conn) > top:
        conditions.append("+fts.rowid > ?")
        params.append(top)
    if champions:
        marks = ", ".join("?" for _ in champions)
        conditions.append(
            f"+fts.rowid IN (SELECT clause FROM champions WHERE term IN ({marks}) AND pos < ?)"
        )
        params += [*champions, CANDIDATES]
    prefixes = [p for term in terms for p in term.prefixes]
    for prefix in prefixes:
        conditions.append(
            "+fts.rowid IN (SELECT clause FROM champions"
            " WHERE term >= ? AND term < ? AND pos < ?)"
        )
        params += [prefix, prefix + "\U0010ffff", CANDIDATES]
    rare_expr = " OR ".join(t.expr for t in terms if t.est <= EXACT_BUDGET)
    if rare_expr:
        conditions.append("+fts.rowid IN (SELECT f.rowid FROM fts AS f WHERE f.fts MATCH ?)")
        params.append(rare_expr)
    found = []
    if conditions:
        extra = "AND (" + " OR ".join(conditions) + ")"
        found = _rank(conn, expr, where, limit, extra, params)
    if len(found) >= limit:
        return found
    if where.sql:
        return _rank(conn, expr, where, limit)
    # too few candidates match (e.g. words as common as "the"): score a window of them
    row = conn.execute(
        "SELECT rowid FROM fts WHERE fts MATCH ? LIMIT 1 OFFSET ?", (expr, _WINDOW)
    ).fetchone()
    if row is None:
        return _rank(conn, expr, where, limit)
    return _rank(conn, expr, where, limit, "AND fts.rowid <= ?", [int(row[0])])


def _newest(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(rowid) FROM clauses").fetchone()
    return int(row[0] or 0)


def _tier(
    conn: sqlite3.Connection,
    stats: _Stats,
    terms: Sequence[_Compiled],
    mode: str,
    excluded: str,
    where: _Filter,
    limit: int,
) -> Ranked:
    """The best ``limit`` clauses containing all (``and``) or any (``or``) of the terms."""
    joiner = " AND " if mode == "and" else " OR "
    expr = joiner.join(t.expr for t in terms)
    if excluded:
        expr = f"({expr}) NOT ({excluded})"
    bound = min(t.est for t in terms) if mode == "and" else sum(t.est for t in terms)
    if bound == 0:
        return []
    if bound <= EXACT_BUDGET:
        return _rank(conn, expr, where, limit)
    if mode == "and" and (len(terms) > 1 or terms[0].phrases):
        # several common words or a phrase of them often match few clauses together;
        # counting them costs a fraction of scoring them
        count = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM fts WHERE fts MATCH ? LIMIT ?)",
            (expr, EXACT_BUDGET + 1),
        ).fetchone()[0]
        if count <= EXACT_BUDGET:
            return _rank(conn, expr, where, limit) if count else []
    return _large(conn, stats, terms, expr, mode, where, limit)


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
    if len(present) == len(terms):
        add(_tier(conn, stats, terms, "and", excluded, where, limit))
    elif len(present) > 1:
        add(_tier(conn, stats, present, "and", excluded, where, limit))
    if len(found) < limit and len(present) > 1:
        add(_tier(conn, stats, present, "or", excluded, where, limit + len(found)))
    elif len(found) < limit and len(present) == 1 and len(terms) > 1:
        add(_tier(conn, stats, present, "and", excluded, where, limit))
    return found


# -- snippets ----------------------------------------------------------------------------

_OPEN, _CLOSE = "\x02", "\x03"
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\s+/\s+|\n+")
_MARKED = re.compile(f"{_OPEN}(.*?){_CLOSE}", re.S)
_SNIPPET_WORDS = 40


def snippet_of(texts: Sequence[str]) -> str:
    """The sentence holding the best match, its matched words in ``[brackets]``.

    Args:
        texts: Texts in order of preference (lead, then text, then title), matched words
            wrapped in ``\\x02`` … ``\\x03`` by FTS5's ``highlight()``.

    Returns:
        The sentence with the most different matched words (the first of equals),
        shortened around its matches when long; the first sentence when nothing is
        marked.
    """
    best: tuple[int, int] | None = None
    chosen = ""
    first = ""
    for text in texts:
        for sentence in _SENTENCE_END.split(" ".join(text.split()).replace(" / ", "\n")):
            if not sentence.strip():
                continue
            first = first or sentence
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


def _mark(text: str, terms: Sequence[_Compiled]) -> str:
    """``text`` with the words matching ``terms`` wrapped in ``\\x02`` … ``\\x03``.

    Words are compared as the index compares them (split and stemmed alike); a phrase
    is marked as one run; Jinja variables (``{{ country }}``) are left alone.
    """
    if not text or not terms:
        return text
    if any(t.phrases for t in terms):
        return _mark_runs(text, terms)
    singles = frozenset().union(*(t.stems for t in terms))
    prefixes = tuple(p for t in terms for p in t.prefixes)
    stems = stem_words(set(_TOKEN.findall(text.lower())))
    hits = [w for w, stem in stems.items() if stem in singles or stem.startswith(prefixes)]
    if not hits:
        return text
    pattern = re.compile(
        r"(?<![^\W_])("
        + "|".join(map(re.escape, sorted(hits, key=len, reverse=True)))
        + r")(?![^\W_])",
        re.IGNORECASE,
    )
    parts = _JINJA.split(text)
    variables = _JINJA.findall(text)
    out = [pattern.sub(f"{_OPEN}\\1{_CLOSE}", parts[0])]
    for variable, part in zip(variables, parts[1:], strict=True):
        out += [variable, pattern.sub(f"{_OPEN}\\1{_CLOSE}", part)]
    return "".join(out)


def _mark_runs(text: str, terms: Sequence[_Compiled]) -> str:
    """:func:`_mark` for queries with phrases: walk the words of the text in order."""
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
    out: list[IndexRow] = []
    for rowid, ident, data, source_file, line, lead, text, title in rows:
        lead, text = _mark(lead or "", terms), _mark(text or "", terms)
        snippet = snippet_of([lead, text])
        if _OPEN not in lead + text:
            title = _mark(title or "", terms)
            if _OPEN in title:
                snippet = snippet_of([title])
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
