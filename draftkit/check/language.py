"""Rules about the letter's language: one language throughout, clauses in that language.

A letter says which language it is written in (``language:``, English by default).
``mixed-language`` finds paragraphs of prose that read as another language: it counts
each language's most common function words ("the", "de", "que", "في" ...), which is
reliable on a sentence or more and silent on a short line or a name. ``clause-language``
finds clause text whose recorded language is not the letter's (compose found no version
of the clause in the letter's language and used the one it had).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from draftkit.check.model import Finding
from draftkit.check.places import prose
from draftkit.check.registry import CheckContext, Rule, rule
from draftkit.languages import language_name

__all__ = ["guess_language"]

# The most frequent short function words of each language, which occur in almost every
# sentence and rarely in the others' (words the languages share, "a", "la" in French
# and Spanish, count for both and so decide nothing).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "that",
            "is",
            "are",
            "we",
            "you",
            "your",
            "for",
            "with",
            "on",
            "this",
            "be",
            "by",
            "from",
            "it",
            "as",
            "have",
            "has",
            "which",
            "our",
            "their",
            "will",
            "would",
            "should",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "les",
            "des",
            "du",
            "et",
            "est",
            "une",
            "dans",
            "que",
            "qui",
            "pour",
            "sur",
            "nous",
            "vous",
            "votre",
            "vos",
            "au",
            "aux",
            "par",
            "pas",
            "ce",
            "cette",
            "sont",
            "ont",
            "été",
            "leur",
            "leurs",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "los",
            "las",
            "del",
            "y",
            "es",
            "una",
            "en",
            "que",
            "por",
            "para",
            "con",
            "su",
            "sus",
            "nos",
            "usted",
            "se",
            "al",
            "como",
            "han",
            "este",
            "esta",
            "son",
            "ser",
            "fue",
        ]
    ),
    "ar": frozenset(
        [
            "في",
            "من",
            "على",
            "إلى",
            "أن",
            "التي",
            "الذي",
            "عن",
            "مع",
            "هذه",
            "هذا",
            "كما",
            "قد",
            "ولا",
            "أو",
        ]
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_EVIDENCE = 4
"""A paragraph is judged only when it holds at least this many function words."""


def guess_language(text: str) -> str | None:
    """The language ``text`` reads as, or None when it is too short to tell.

    Args:
        text: A paragraph.

    Returns:
        ``en``, ``fr``, ``es`` or ``ar`` when one language's function words make up at
        least :data:`MIN_EVIDENCE` words and twice any other's count; None otherwise.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    counts = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    runner_up = max(c for lang, c in counts.items() if lang != best)
    if counts[best] < MIN_EVIDENCE or counts[best] < 2 * runner_up:
        return None
    return best


@rule(
    "mixed-language",
    "warning",
    "Every paragraph is written in the letter's language (language:).",
    "translate the paragraph, or set language: to the language the letter is written in",
)
def mixed_language(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    language = ctx.letter.language
    for place in prose(ctx.letter):
        found = guess_language(place.text)
        if found is not None and found != language:
            yield self.finding(
                f"this reads as {language_name(found)}, but the letter is in "
                f"{language_name(language)}",
                where=place.where,
                excerpt=place.text,
                anchor=place.anchor,
                details={"found": found, "language": language},
            )


@rule(
    "clause-language",
    "warning",
    "Clause text is the clause's version in the letter's language.",
    "add the clause's version in this language to the library (id CLAUSE.LANG, "
    "translates: CLAUSE), or write the text in the spec",
)
def clause_language(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    language = ctx.letter.language
    reported: set[str] = set()
    for entry in ctx.letter.provenance:
        if entry.language is None or entry.language == language or entry.clause in reported:
            continue
        reported.add(entry.clause)
        yield self.finding(
            f"clause '{entry.clause}' is in {language_name(entry.language)}; the letter is in "
            f"{language_name(language)}",
            where=entry.place,
            details={"clause": entry.clause, "clause_language": entry.language},
        )
