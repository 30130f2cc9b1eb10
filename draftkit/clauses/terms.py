"""A query's terms as FTS5 sees them: quoted strings, synonyms, prefixes, phrases, counts.

Each term of a query (:mod:`draftkit.clauses.query`) becomes quoted FTS5 strings, so
quotes, ``NEAR(``, ``OR`` or SQL in a query are words.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from draftkit.clauses.query import MAX_TERMS, STOPWORDS, Term
from draftkit.clauses.stems import index_terms
from draftkit.clauses.wordforms import related_forms

__all__ = ["SYNONYMS", "query_words"]


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
