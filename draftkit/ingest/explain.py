"""What each line of a document was read as, and why: the material for ``--explain``.

The reading (:mod:`draftkit.ingest.reading`) decides where the letter is and which
lines anchor it; the part parsers then place each line of the letter's head, body and
signature block. :func:`explain_lines` puts both together, line by line, so that a
user can see (and correct) a misreading: "line 14: inside address — under the date,
above the salutation", "line 52: after the letter — a list of another shape after the
signers".
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel

from draftkit.ingest.candidates import ADDRESSED_RUN
from draftkit.ingest.letter import Parsed
from draftkit.markup import plain
from draftkit.schema import Addressee, Ask, Letter

__all__ = ["LineReading", "explain_lines"]


class LineReading(BaseModel):
    """One line of the document and the part of the letter it was read as.

    Attributes:
        number: The line's number in the document as read (1-based).
        text: The line.
        part: What it was read as (``salutation``, ``inside address``, ``ask`` ...).
        why: The reason, when there is one to give.
    """

    number: int
    text: str
    part: str
    why: str = ""


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", plain(text) if "\\" in text or "*" in text else text)
    return re.sub(r"[\W_]+", " ", text).strip().casefold()


def _person_keys(people: list[Addressee]) -> set[str]:
    keys: set[str] = set()
    for person in people:
        name = " ".join(x for x in (person.honorific, person.name) if x)
        for text in (name, person.name or "", *person.title_lines, *person.address_lines):
            if text:
                keys.add(_key(text))
    return keys


def _ask_keys(asks: list[Ask]) -> dict[str, str]:
    out: dict[str, str] = {}
    for ask in asks:
        if ask.heading:
            out[_key(ask.heading)] = "ask group heading"
        whole = " ".join(x for x in (ask.lead, ask.body) if x)
        if whole:
            out[_key(whole)] = "ask"
        for text in (ask.lead, ask.body):
            if text:
                for sentence in text.split("\n\n"):
                    out[_key(sentence)] = "ask"
        for item in ask.items:
            out[_key(item)] = "ask item"
    return out


def _contains(keys: set[str] | dict[str, str], key: str) -> str | None:
    """The entry of ``keys`` that holds the line ``key`` (a wrapped line of a paragraph)."""
    if not key:
        return None
    if key in keys:
        return key
    return next(
        (k for k in keys if (len(key) >= 12 and key in k) or (len(k) >= 12 and k in key)), None
    )


def explain_lines(parsed: Parsed) -> list[LineReading]:
    """Every non-blank line of a parsed document with the part it was read as.

    Args:
        parsed: The parse (its reading and letter).

    Returns:
        One entry per non-blank line, in order.
    """
    reading = parsed.reading
    if reading is None:
        return []
    lines = reading.lines
    letter = parsed.letter
    skipped: dict[str, str] = {}
    for text, reason in parsed.skipped:
        skipped.setdefault(text, reason)
    out: list[LineReading] = []
    chosen = reading.chosen
    sal = reading.salutation
    for index, line in enumerate(lines):
        if line.blank:
            continue
        part, why = _place(index, line.text, parsed, letter, skipped)
        if (
            index == sal
            and chosen is not None
            and not reading.headless
            and letter is not None
            and letter.salutation is None
        ):
            part, why = "inside address", ADDRESSED_RUN  # "Exmo. Sr. …," the last addressee
        elif index == sal and chosen is not None and not reading.headless:
            part, why = "salutation", "; ".join(chosen.reasons[:3])
        elif _another_greeting(index, line.text, sal, letter):
            # "Sehr geehrte Frau Brandt," one paragraph over (or under) the salutation's
            # line: one of its greetings, set one a paragraph
            part, why = "salutation", "one of the greetings set one a paragraph"
        elif index == reading.close and chosen is not None:
            part = "complimentary close"
            why = next((r for r in chosen.reasons if "valediction" in r or "clos" in r), "")
        elif index == reading.closing_line:
            part, why = "closing sentence", "ends the body in place of a valediction"
        out.append(LineReading(number=index + 1, text=line.text, part=part, why=why))
    return out


def _another_greeting(index: int, text: str, sal: int | None, letter: Letter | None) -> bool:
    """A line near the salutation's that the letter's salutation holds whole: one of the
    greetings the letter sets one a paragraph."""
    if sal is None or letter is None or not letter.salutation or abs(index - sal) > 40:
        return False
    words = " ".join(text.split())
    return len(words) >= 8 and index != sal and words in letter.salutation


def _place(
    index: int,
    text: str,
    parsed: Parsed,
    letter: Letter | None,
    skipped: dict[str, str],
) -> tuple[str, str]:
    reading = parsed.reading
    assert reading is not None
    if index in reading.noise:
        reason = reading.noise[index]
        if reason in ("after the letter", "page footer") and index >= reading.end:
            note = next((n for n in reading.notes if n.startswith("the letter ends")), "")
            return "after the letter", note
        return "page noise", reason
    if letter is None or reading.salutation is None:
        return "not read", skipped.get(text, "no letter found in the document")
    key = _key(text)
    if index in reading.title:
        return "letter title", "names the letter, between its inside address and its first line"
    if index in reading.context:
        if letter.published and re.search(r"\d", text):
            return "publication date", "the page's date, above the letter's head"
        return "page heading", "the page's title, above the letter's head"
    if index < reading.start:
        return "page", skipped.get(text, "above the letter's head")
    if index < reading.salutation or (reading.headless and index == reading.salutation):
        if letter.heading and _key(letter.heading) == key:
            return "page heading", "the title above the letter"
        if letter.subject and _contains({_key(letter.subject)}, key):
            return "subject", ""
        if letter.delivery and _contains({_key(line) for line in letter.delivery}, key):
            return "delivery notation", "how the letter went out, under the inside address"
        if _contains(_person_keys(letter.addressees), key):
            return "inside address", "between the letter's top and its salutation"
        if _contains(_person_keys(letter.cc), key):
            return "cc", ""
        if text in skipped:
            return "head (not placed)", skipped[text]
        if letter.date and re.search(r"\d", text):
            return "date", ""
        return "head", ""
    signatures = reading.signatures if reading.signatures is not None else reading.end
    if index < signatures or (reading.close is not None and index < reading.close):
        if letter.asks_intro and _contains({_key(letter.asks_intro)}, key):
            return "asks intro", ""
        found = _contains(_ask_keys(letter.resolved_asks()), key)
        if found:
            return _ask_keys(letter.resolved_asks())[found], ""
        if _contains({_key(p) for p in letter.texts("closing")}, key):
            return "closing", ""
        return "body", ""
    if text in skipped:
        return "signature block", skipped[text]
    names = {_key(s.name) for s in letter.signatories}
    if _contains(names, key):
        return "signer", ""
    titles = {_key(t) for s in letter.signatories for t in (*s.title_lines, s.organization or "")}
    if _contains(titles, key):
        return "signer's title", ""
    if _contains(_person_keys(letter.cc), key):
        return "cc", "after the signatures"
    return "signature block", ""
