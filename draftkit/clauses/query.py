"""The clause search query language: words, "phrases", prefix*, -exclusions and field:filters.

A query is read left to right into *terms* a clause must contain and *filters* on its
fields. Nothing the user types is ever passed to SQLite as syntax: every term is turned
into quoted FTS5 strings by :mod:`draftkit.clauses.terms`.

* ``humanitarian access`` — two words. Clauses containing both rank first; clauses
  containing only some of the words follow below them.
* ``"humanitarian access"`` — a phrase: the words next to each other, in this order.
  An unclosed quote runs to the end of the query.
* ``sanct*`` — a prefix: any word starting with "sanct" (at least three letters before
  the ``*``; a shorter prefix is searched as a word).
* ``-retired`` or ``-"sectoral sanctions"`` — leave out clauses containing it.
* ``kind:ask``, ``status:vetted``, ``audience:un``, ``topic:sanctions`` (or ``tag:``) —
  only clauses with this field value; the same as ``--kind``, ``--status``,
  ``--audience`` and ``--tag``. A value with spaces is quoted: ``topic:"civic space"``.
* ``cross-border`` or ``government's`` — words joined by a hyphen or an apostrophe are
  searched as a phrase.

Anything else — brackets, commas, ``NEAR(``, ``OR``, ``title:`` — is punctuation or a
plain word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from draftkit.clauses.model import CLAUSE_KINDS
from draftkit.errors import ClauseError

__all__ = [
    "FIELDS",
    "MAX_TERMS",
    "MIN_PREFIX",
    "STATUSES",
    "STOPWORDS",
    "Query",
    "Term",
    "parse_query",
]

MAX_TERMS = 32
"""At most this many terms of a query are used (the rest are ignored)."""

MIN_PREFIX = 3
"""A prefix needs at least this many letters before the ``*``."""

STATUSES = ("draft", "vetted", "retired")

FIELDS = {
    "kind": "kinds",
    "status": "statuses",
    "audience": "audiences",
    "topic": "topics",
    "tag": "topics",
}
"""Field names a query may filter on, and the :class:`Query` attribute each fills."""

STOPWORDS = frozenset(
    {
        "a",
        "about",
        "after",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "might",
        "more",
        "most",
        "must",
        "no",
        "not",
        "of",
        "on",
        "only",
        "or",
        "other",
        "our",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "under",
        "up",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    }
)
"""Function words too common to search on their own (kept inside phrases): the usual
English stop-word list of search engines, trimmed to words that carry no topic."""

TermKind = Literal["word", "phrase", "prefix"]

_PIECE = re.compile(r"\w+", re.UNICODE)
# word pieces joined by hyphens or apostrophes: one phrase ("cross-border", "state's")
_JOINED = re.compile(r"\w+(?:[-'’]\w+)*\*?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Term:
    """One thing a clause must contain.

    Attributes:
        kind: ``word`` (inflections and related words match), ``phrase`` (the words in
            order) or ``prefix`` (words starting with it; a phrase may end in one).
        words: The lower-cased words of the term, in order.
        prefix: For a phrase, its last word is a prefix.
    """

    kind: TermKind
    words: tuple[str, ...]
    prefix: bool = False

    @property
    def text(self) -> str:
        """The term as a user would type it."""
        joined = " ".join(self.words)
        star = "*" if self.prefix or self.kind == "prefix" else ""
        return f'"{joined}{star}"' if self.kind == "phrase" else joined + star


@dataclass(slots=True)
class Query:
    """A parsed query.

    Attributes:
        terms: What a clause should contain (all of them rank first).
        excluded: What a clause must not contain.
        kinds: Field filters from the query (``kind:``); all must hold.
        statuses: ``status:`` filters.
        audiences: ``audience:`` filters.
        topics: ``topic:`` / ``tag:`` filters.
        ignored: Stop words left out of the query.
    """

    terms: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    audiences: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    @property
    def has_filters(self) -> bool:
        """Whether the query names any field filter."""
        return bool(self.kinds or self.statuses or self.audiences or self.topics)


def _split(query: str) -> list[tuple[bool, str, bool]]:
    """Raw pieces: (negated, text, quoted), in order."""
    pieces: list[tuple[bool, str, bool]] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        negated = False
        if ch == "-" and i + 1 < n and not query[i + 1].isspace():
            negated = True
            i += 1
            ch = query[i]
        if ch in '"“”':
            end = _close_quote(query, i + 1)
            pieces.append((negated, query[i + 1 : end], True))
            i = end + 1
            continue
        start = i
        while i < n and not query[i].isspace() and query[i] not in '"“”':
            i += 1
        raw = query[start:i]
        # field:"quoted value"
        if raw.endswith(":") and i < n and query[i] in '"“”':
            end = _close_quote(query, i + 1)
            raw += query[i + 1 : end]
            i = end + 1
            pieces.append((negated, raw, True))
            continue
        pieces.append((negated, raw, False))
    return pieces


def _close_quote(text: str, start: int) -> int:
    for j in range(start, len(text)):
        if text[j] in '"“”':
            return j
    return len(text)


def _field(raw: str) -> tuple[str, str] | None:
    name, sep, value = raw.partition(":")
    if not sep or name.lower() not in FIELDS or not value.strip():
        return None
    return name.lower(), value.strip()


def _add_filter(query: Query, name: str, value: str, negated: bool) -> None:
    if negated:
        raise ClauseError(
            f"a field filter cannot be excluded: -{name}:{value}",
            hint=f"name the {name} you want instead (e.g. {name}:…)",
        )
    value = value.lower()
    if name == "kind" and value not in CLAUSE_KINDS:
        raise ClauseError(
            f"unknown kind '{value}' in the query",
            hint="kinds are " + ", ".join(CLAUSE_KINDS),
        )
    if name == "status" and value not in STATUSES:
        raise ClauseError(
            f"unknown status '{value}' in the query", hint="statuses are " + ", ".join(STATUSES)
        )
    getattr(query, FIELDS[name]).append(value)


def _terms_of(raw: str, quoted: bool) -> list[Term]:
    if quoted:
        words = tuple(w.lower() for w in _PIECE.findall(raw))
        if not words:
            return []
        star = raw.rstrip().endswith("*") and len(words[-1]) >= MIN_PREFIX
        if len(words) == 1:
            return [Term("prefix", words) if star else Term("phrase", words)]
        return [Term("phrase", words, prefix=star)]
    terms: list[Term] = []
    for chunk in _JOINED.findall(raw):
        star = chunk.endswith("*")
        words = tuple(w.lower() for w in _PIECE.findall(chunk))
        if not words:
            continue
        star = star and len(words[-1]) >= MIN_PREFIX
        if len(words) > 1:
            terms.append(Term("phrase", words, prefix=star))
        else:
            terms.append(Term("prefix" if star else "word", words))
    return terms


def parse_query(text: str) -> Query:
    """Read a search query (see the module docstring for the language).

    Raises:
        ClauseError: A ``kind:`` or ``status:`` filter names an unknown value, or a field
            filter is negated.
    """
    query = Query()
    positive: list[Term] = []
    for negated, raw, quoted in _split(text):
        found = _field(raw)
        if found is not None:
            _add_filter(query, found[0], found[1], negated)
            continue
        for term in _terms_of(raw, quoted):
            target = query.excluded if negated else positive
            if term not in target:
                target.append(term)
    content = [t for t in positive if not (t.kind == "word" and t.words[0] in STOPWORDS)]
    if content:
        query.ignored = [t.words[0] for t in positive if t not in content]
        positive = content
    query.terms = positive[:MAX_TERMS]
    query.excluded = query.excluded[:MAX_TERMS]
    return query
