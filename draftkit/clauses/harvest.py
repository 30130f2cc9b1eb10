"""Harvesting: proposing draft clauses from past letters, recognising known language.

:meth:`ClauseLibrary.harvest <draftkit.clauses.ClauseLibrary.harvest>` starts the process
and :mod:`draftkit.clauses.matching` matches each piece against the index; this module
holds what does not need the index: cutting a letter into candidate pieces,
naming new clauses, and the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from draftkit.clauses.model import Clause, ClauseKind, Source
from draftkit.schema import Ask, Letter

__all__ = ["Candidate", "HarvestMatch", "HarvestReport", "candidates", "new_clause_id", "title_for"]

MIN_WORDS = 5
"""Pieces shorter than this ("Thank you.") are not proposed as clauses."""

_SLUG_STOP = frozenset(
    (
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "with",
        "by",
        "at",
        "as",
        "is",
        "are",
        "be",
        "that",
        "this",
        "our",
        "we",
        "i",
        "am",
        "you",
        "your",
        "s",
        "us",
        "it",
        "its",
        "re",
    )
)


@dataclass(frozen=True)
class Candidate:
    """A piece of a letter that could become a clause.

    Attributes:
        position: Its place in the letter (``asks[2]``, ``body[0]``, ``closing[0]``).
        kind: The clause kind it would have.
        text: A paragraph's text (paragraph kinds).
        ask: An ask's fields (ask kind).
    """

    position: str
    kind: ClauseKind
    text: str | None = None
    ask: Ask | None = None

    def joined(self) -> str:
        """All its text as one string, for matching."""
        if self.ask is not None:
            return "\n".join(p for p in (self.ask.lead, self.ask.body, *self.ask.items) if p)
        return self.text or ""


def candidates(letter: Letter) -> tuple[list[Candidate], list[tuple[str, str]]]:
    """The pieces of a letter worth proposing, and those skipped with the reason.

    The first body paragraph is an opening, later ones context; asks are asks; closing
    paragraphs are closings. Clause references are skipped (they are clauses already).
    """
    found: list[Candidate] = []
    skipped: list[tuple[str, str]] = []

    def add(candidate: Candidate) -> None:
        words = len(candidate.joined().split())
        if words < MIN_WORDS:
            skipped.append((candidate.position, f"too short to be a clause ({words} words)"))
        else:
            found.append(candidate)

    paragraph_index = 0
    for index, paragraph in enumerate(letter.body):
        if not isinstance(paragraph, str):
            skipped.append((f"body[{index}]", "already a clause reference"))
            continue
        kind: ClauseKind = "opening" if paragraph_index == 0 else "context"
        paragraph_index += 1
        add(Candidate(position=f"body[{index}]", kind=kind, text=paragraph.strip()))
    for index, ask in enumerate(letter.asks):
        if not isinstance(ask, Ask):
            skipped.append((f"asks[{index}]", "already a clause reference"))
            continue
        add(Candidate(position=f"asks[{index}]", kind="ask", ask=ask))
    for index, paragraph in enumerate(letter.closing):
        if not isinstance(paragraph, str):
            skipped.append((f"closing[{index}]", "already a clause reference"))
            continue
        add(Candidate(position=f"closing[{index}]", kind="closing", text=paragraph.strip()))
    return found, skipped


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", " ".join(text.split()))
    return match.group(1) if match else " ".join(text.split())


def title_for(candidate: Candidate, limit: int = 80) -> str:
    """A short title: an ask's lead-in, or a paragraph's first sentence, shortened."""
    if candidate.ask is not None and candidate.ask.lead:
        base = candidate.ask.lead
    else:
        base = _first_sentence(candidate.joined())
    base = " ".join(base.split()).rstrip(".:;")
    if len(base) <= limit:
        return base
    cut = base[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def new_clause_id(kind: str, title: str, taken: Iterable[str] | set[str]) -> str:
    """A readable unused id ``<kind>.<up to six words of the title>``."""
    taken_set = taken if isinstance(taken, set) else set(taken)
    words = [w for w in re.findall(r"[a-z0-9]+", title.lower().replace("’", "'")) if w]
    content = [w for w in words if w not in _SLUG_STOP] or words or ["clause"]
    base = f"{kind}.{'-'.join(content[:6])}"[:80].rstrip("-")
    ident = base
    number = 2
    while ident in taken_set:
        ident = f"{base}-{number}"
        number += 1
    return ident


@dataclass
class HarvestMatch:
    """A piece of a harvested letter that the library already has.

    Attributes:
        clause_id: The existing clause (in the library or proposed earlier in the run).
        source: The letter and position the piece was found at.
        score: Similarity, 1.0 for an exact duplicate after normalising.
        recorded: True when the source was added to the clause's provenance; False when
            it was recorded already.
    """

    clause_id: str
    source: Source
    score: float
    recorded: bool

    @property
    def exact(self) -> bool:
        """An exact duplicate (after normalising case, quotes and spaces)."""
        return self.score >= 0.999


@dataclass
class HarvestReport:
    """What a harvest found and did.

    Attributes:
        added: New draft clauses proposed.
        matched: Pieces recognised as language the library already has.
        skipped: ``(where, reason)`` for pieces and documents left out.
        written: Files written (empty for a dry run).
        dry_run: Nothing was written.
    """

    added: list[Clause] = field(default_factory=list)
    matched: list[HarvestMatch] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        """True when the harvest adds clauses or provenance."""
        return bool(self.added) or any(m.recorded for m in self.matched)

    def summary(self) -> str:
        """One line: counts of new clauses, matches and skipped pieces."""
        recorded = sum(m.recorded for m in self.matched)
        verb = "would add" if self.dry_run else "added"
        return (
            f"{verb} {len(self.added)} draft clause{'s' if len(self.added) != 1 else ''}; "
            f"{len(self.matched)} piece{'s' if len(self.matched) != 1 else ''} matched existing "
            f"clauses ({recorded} new source{'s' if recorded != 1 else ''}); "
            f"{len(self.skipped)} skipped"
        )
