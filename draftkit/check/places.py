"""Where text lives in a letter: field paths, the paragraph a reader sees, sentences.

Every rule reports a *place*: a field path (``body[2]``, ``asks[1].lead``) and the text of
the paragraph it belongs to as rendered (an ask's lead-in and body share one paragraph;
an addressee is one address block). The paragraph text is what ``--annotate`` looks for
in a .docx.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from draftkit.markup import plain
from draftkit.schema import Addressee, Ask, Letter

__all__ = [
    "Place",
    "address_anchor",
    "excerpt",
    "fold",
    "prose",
    "sentences",
    "text_fields",
    "words",
]

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_WORD = re.compile(r"[A-Za-z0-9À-ÖØ-öø-ÿ]+(?:[’'\-][A-Za-z0-9À-ÖØ-öø-ÿ]+)*")


@dataclass(frozen=True, slots=True)
class Place:
    """One piece of prose.

    Attributes:
        where: The field path (``asks[2].lead``).
        text: Its text, markup removed.
        raw: Its text as written (markup kept, spaces not collapsed).
        anchor: The whole paragraph it appears in, as a reader sees it.
        section: ``subject``, ``body``, ``asks_intro``, ``asks``, ``closing`` or
            ``signatory_note``.
    """

    where: str
    text: str
    raw: str
    anchor: str
    section: str


def _plain(text: str) -> str:
    return plain(text, links=False)


def _ask_paragraph(ask: Ask) -> str:
    return " ".join(_plain(p) for p in (ask.lead, ask.body) if p)


def prose(letter: Letter) -> list[Place]:
    """The letter's prose in reading order: subject, body, asks, closing, note.

    Clause references (in an unresolved letter) are skipped.
    """
    out: list[Place] = []

    def add(where: str, raw: str | None, section: str, anchor: str | None = None) -> None:
        if raw and raw.strip():
            text = _plain(raw)
            out.append(Place(where, text, raw, anchor or text, section))

    add("subject", letter.subject, "subject")
    for index, paragraph in enumerate(letter.body):
        if isinstance(paragraph, str):
            add(f"body[{index}]", paragraph, "body")
    add("asks_intro", letter.asks_intro, "asks_intro")
    for index, entry in enumerate(letter.asks):
        if not isinstance(entry, Ask):
            continue
        paragraph = _ask_paragraph(entry)
        add(f"asks[{index}].lead", entry.lead, "asks", paragraph or None)
        add(f"asks[{index}].body", entry.body, "asks", paragraph or None)
        for item_index, item in enumerate(entry.items):
            add(f"asks[{index}].items[{item_index}]", item, "asks")
    for index, paragraph in enumerate(letter.closing):
        if isinstance(paragraph, str):
            add(f"closing[{index}]", paragraph, "closing")
    add("signatory_note", letter.signatory_note, "signatory_note")
    return out


def address_anchor(person: Addressee) -> str:
    """The first line of an address block (honorific and name), as rendered."""
    return " ".join(p for p in (person.honorific, person.name) if p) or person.label()


def text_fields(letter: Letter) -> Iterator[tuple[str, str]]:
    """Every string in the letter a reader sees, with its field path.

    Covers the heading, place, addresses, cc, subject, salutation, prose, close,
    signatories and enclosures (not variables, options or provenance).
    """
    data = letter.model_dump(mode="json", exclude={"variables", "options", "provenance"})

    def walk(value: object, path: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{path}[{index}]")
        elif isinstance(value, dict):
            for key, item in value.items():
                if key in {"kind", "office", "gender", "status", "clause", "variant"}:
                    continue
                if key == "params":
                    continue
                yield from walk(item, f"{path}.{key}" if path else key)

    yield from walk(data, "")


def fold(text: str) -> str:
    """Text for comparing: NFKC, straight quotes, plain dashes, lower case, one space."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_FOLD)
    return " ".join(text.lower().split())


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits, inner apostrophes and hyphens kept)."""
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """Split prose into sentences (abbreviations such as "U.S." and "Mr." do not end one)."""
    # deferred for start-up time: the sentence splitter's patterns are compiled only when
    # a rule reads sentences (the rules a render runs do not)
    from draftkit.sentences import first_sentence

    out: list[str] = []
    rest: str | None = " ".join(text.split())
    guard = 0
    while rest and guard < 1000:
        first, rest = first_sentence(rest)
        if first:
            out.append(first)
        guard += 1
    return out


def excerpt(text: str, start: int = 0, end: int | None = None, width: int = 90) -> str:
    """A short excerpt of ``text`` around ``text[start:end]``, with ellipses where cut."""
    text = " ".join(text.split()) if end is None and start == 0 else text
    if end is None:
        end = start
    if len(text) <= width:
        return " ".join(text.split())
    half = max((width - (end - start)) // 2, 10)
    lo = max(start - half, 0)
    hi = min(max(end + half, lo + width), len(text))
    lo = max(min(lo, hi - width), 0)
    piece = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")
