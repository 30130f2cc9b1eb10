"""How much of a letter is vetted language, and whether retired language slipped in.

Each sentence of the prose is classified:

* text composed from a clause reference is that clause's (compose records the clause,
  its version and status in the letter's ``provenance``);
* any other sentence is compared with every sentence of every clause in the library
  (all audience variants; a clause's ``{{ variables }}`` match anything): a word-sequence
  similarity of at least :data:`SENTENCE_MATCH` counts as that clause's language;
* the rest is *new* language, listed for review.

Sentences of fewer than :data:`MIN_WORDS` words ("This is welcome news.") are not counted.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from draftkit.check.model import Coverage, Finding
from draftkit.check.places import excerpt, sentences
from draftkit.check.registry import CheckContext, Rule, rule
from draftkit.clauses.similarity import normalise

if TYPE_CHECKING:
    from draftkit.clauses.model import Clause

__all__ = ["MIN_WORDS", "SENTENCE_MATCH", "SentenceMatch", "classify_sentences"]

SENTENCE_MATCH = 0.8
"""Word-sequence similarity at or above which a sentence is a clause's language."""

MIN_WORDS = 4
"""Sentences shorter than this are not counted."""

_PREFILTER = 0.3


@dataclass(frozen=True)
class _ClauseSentence:
    clause: str
    status: str
    version: str
    reason: str | None
    words: tuple[str, ...]
    bag: frozenset[str]


@dataclass(frozen=True)
class SentenceMatch:
    """One sentence of the letter and the clause it matches.

    Attributes:
        where: The field path of the paragraph.
        sentence: The sentence.
        anchor: The paragraph as a reader sees it.
        status: ``vetted``, ``draft``, ``retired`` or ``new``.
        clause: The matching clause id (None for new language).
        score: The similarity (1.0 for composed clause text).
        reason: Why the clause was retired, for retired matches.
    """

    where: str
    sentence: str
    anchor: str
    status: str
    clause: str | None = None
    score: float = 0.0
    reason: str | None = None


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(
        w.strip("'")
        for w in re.findall(r"[\w']+", normalise(text))
        if w.strip("'") and not w.startswith("var_")
    )


def _index(clauses: Sequence[Clause]) -> list[_ClauseSentence]:
    out: list[_ClauseSentence] = []
    for clause in clauses:
        wordings = [clause.wording]
        wordings += [clause.wording_for(None, name)[0] for name in clause.variants]
        seen: set[tuple[str, ...]] = set()
        for wording in wordings:
            for part in (wording.lead, wording.body, wording.text, *wording.items):
                for sentence in sentences(part or ""):
                    words = _tokens(sentence)
                    if len(words) < MIN_WORDS - 1 or words in seen:
                        continue
                    seen.add(words)
                    out.append(
                        _ClauseSentence(
                            clause.id,
                            clause.status,
                            clause.version,
                            clause.retired_reason,
                            words,
                            frozenset(words),
                        )
                    )
    return out


def _best(words: tuple[str, ...], index: list[_ClauseSentence]) -> tuple[_ClauseSentence, float]:
    bag = frozenset(words)
    best: tuple[_ClauseSentence | None, float] = (None, 0.0)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(words)
    for candidate in index:
        overlap = len(bag & candidate.bag) / len(bag | candidate.bag)
        if overlap < _PREFILTER:
            continue
        matcher.set_seq1(candidate.words)
        if matcher.real_quick_ratio() < SENTENCE_MATCH or matcher.quick_ratio() < SENTENCE_MATCH:
            continue
        score = matcher.ratio()
        if score > best[1]:
            best = (candidate, score)
    found, score = best
    assert found is not None or score == 0.0
    return found, score  # type: ignore[return-value]


def _from_provenance(ctx: CheckContext, where: str) -> tuple[str, str, str | None] | None:
    library = {c.id: c for c in ctx.clauses or ()}
    for entry in ctx.letter.provenance:
        if where == entry.place or where.startswith((entry.place + ".", entry.place + "[")):
            clause = library.get(entry.clause)
            status = entry.status or (clause.status if clause else "vetted")
            reason = clause.retired_reason if clause is not None else None
            return entry.clause, status, reason
    return None


def classify_sentences(ctx: CheckContext) -> list[SentenceMatch]:
    """Classify every counted sentence of the letter's prose (cached on the context)."""
    cached = ctx.cache.get("sentences")
    if isinstance(cached, list):
        return cached
    index = _index(ctx.clauses or [])
    out: list[SentenceMatch] = []
    for place in ctx.prose:
        if place.section == "subject":
            continue
        composed = _from_provenance(ctx, place.where)
        for sentence in sentences(place.text):
            words = _tokens(sentence)
            if len(words) < MIN_WORDS:
                continue
            if composed is not None:
                clause, status, reason = composed
                out.append(
                    SentenceMatch(place.where, sentence, place.anchor, status, clause, 1.0, reason)
                )
                continue
            found, score = _best(words, index) if index else (None, 0.0)
            if found is None:
                out.append(SentenceMatch(place.where, sentence, place.anchor, "new"))
            else:
                out.append(
                    SentenceMatch(
                        place.where,
                        sentence,
                        place.anchor,
                        found.status,
                        found.clause,
                        round(score, 3),
                        found.reason,
                    )
                )
    ctx.cache["sentences"] = out
    return out


@rule(
    "vetted-language",
    "info",
    "Reports the share of sentences that are vetted clause language and lists new ones.",
    "have new sentences reviewed, or use clauses from the library",
)
def vetted_language(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    if ctx.clauses is None and not ctx.letter.provenance:
        return
    matches = classify_sentences(ctx)
    coverage = Coverage(sentences=len(matches))
    for match in matches:
        if match.status == "vetted":
            coverage.vetted += 1
        elif match.status == "draft":
            coverage.draft += 1
        elif match.status == "retired":
            coverage.retired += 1
        else:
            coverage.new += 1
            coverage.new_sentences.append((match.where, match.sentence))
    ctx.coverage = coverage
    if not coverage.sentences:
        return
    share = round(100 * coverage.vetted_share)
    yield self.finding(
        f"{coverage.vetted} of {coverage.sentences} sentences ({share}%) are vetted language; "
        f"{coverage.draft} draft, {coverage.retired} retired, {coverage.new} new",
        where=None,
        anchor=ctx.letter.salutation,
        hint="have the new sentences reviewed" if coverage.new else "",
        details={
            "sentences": coverage.sentences,
            "vetted": coverage.vetted,
            "draft": coverage.draft,
            "retired": coverage.retired,
            "new": coverage.new,
            "vetted_share": round(coverage.vetted_share, 3),
            "new_sentences": [{"where": w, "sentence": s} for w, s in coverage.new_sentences],
        },
    )


def _per_place(ctx: CheckContext, status: str) -> dict[tuple[str, str], list[SentenceMatch]]:
    grouped: dict[tuple[str, str], list[SentenceMatch]] = {}
    if ctx.clauses is None and not ctx.letter.provenance:
        return grouped
    for match in classify_sentences(ctx):
        if match.status == status and match.clause:
            grouped.setdefault((match.where, match.clause), []).append(match)
    return grouped


@rule(
    "retired-language",
    "warning",
    "No text comes from a retired clause.",
    "replace the text with a current clause (draftkit clauses search ...)",
)
def retired_language(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    for (where, clause), found in _per_place(ctx, "retired").items():
        reason = f" ({found[0].reason})" if found[0].reason else ""
        yield self.finding(
            f"text from retired clause {clause!r}{reason}",
            where=where,
            excerpt=excerpt(found[0].sentence),
            anchor=found[0].anchor,
            details={"clause": clause, "sentences": len(found)},
        )


@rule(
    "draft-language",
    "info",
    "Points out text from draft clauses that are not yet vetted.",
    "have the clause vetted (draftkit clauses vet ID --by NAME) or use a vetted one",
)
def draft_language(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    for (where, clause), found in _per_place(ctx, "draft").items():
        yield self.finding(
            f"text from draft clause {clause!r}, not yet vetted",
            where=where,
            excerpt=excerpt(found[0].sentence),
            anchor=found[0].anchor,
            details={"clause": clause, "sentences": len(found)},
        )
