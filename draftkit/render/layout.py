"""The order and styling of a letter's parts, shared by every renderer.

:func:`layout` turns a resolved :class:`~draftkit.schema.Letter` into a flat list of
blocks, each naming the paragraph style it takes in the reference document. The DOCX,
Markdown and plain-text renderers only translate blocks, so all three agree on what a
letter contains and in which order. The style names are also what ingest looks for when
it reads a DOCX that draftkit made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from draftkit.characters import describe, unwritable_in
from draftkit.errors import RenderError
from draftkit.schema import Addressee, Letter, Signatory

__all__ = [
    "COLUMNS_THRESHOLD",
    "STYLES",
    "AskBlock",
    "Block",
    "ItemBlock",
    "LineBlock",
    "ParaBlock",
    "SignatureBlock",
    "SignatureTable",
    "address_lines",
    "format_date",
    "layout",
    "require_resolved",
]

COLUMNS_THRESHOLD = 8
"""Lists of more individual signatories than this are set in two columns (``auto``)."""


class STYLES:
    """Paragraph and character style names of the reference document."""

    PAGE_HEADING = "Page Heading"
    PUBLISHED = "Publication Date"
    DATE = "Letter Date"
    ADDRESS = "Inside Address"
    CC = "Copy List"
    SUBJECT = "Subject Line"
    SALUTATION = "Letter Salutation"
    BODY = "Body Text"
    ASKS_INTRO = "Asks Intro"
    ASK = "Ask"
    ASK_ITEM = "Ask Item"
    CLOSING = "Closing Text"
    CLOSE = "Letter Close"
    SIGNATURE_NAME = "Signature Name"
    SIGNATURE_TITLE = "Signature Title"
    SIGNATORY_ORG = "Signatory Organization"
    SIGNATORY_NOTE = "Signatory Note"
    ENCLOSURE = "Enclosure"
    LETTERHEAD_NAME = "Letterhead Name"
    LETTERHEAD_ADDRESS = "Letterhead Address"
    # character styles
    ASK_LEAD = "Ask Lead"
    STRONG = "Strong"
    EMPHASIS = "Emphasis"
    HYPERLINK = "Hyperlink"

    @classmethod
    def paragraph_styles(cls) -> list[str]:
        """Every paragraph style name the renderer uses."""
        return [
            cls.PAGE_HEADING,
            cls.PUBLISHED,
            cls.DATE,
            cls.ADDRESS,
            cls.CC,
            cls.SUBJECT,
            cls.SALUTATION,
            cls.BODY,
            cls.ASKS_INTRO,
            cls.ASK,
            cls.ASK_ITEM,
            cls.CLOSING,
            cls.CLOSE,
            cls.SIGNATURE_NAME,
            cls.SIGNATURE_TITLE,
            cls.SIGNATORY_ORG,
            cls.SIGNATORY_NOTE,
            cls.ENCLOSURE,
            cls.LETTERHEAD_NAME,
            cls.LETTERHEAD_ADDRESS,
        ]

    @classmethod
    def character_styles(cls) -> list[str]:
        """Every character style name the renderer uses."""
        return [cls.ASK_LEAD, cls.STRONG, cls.EMPHASIS, cls.HYPERLINK]


@dataclass(frozen=True, slots=True)
class ParaBlock:
    """One paragraph of marked-up text (``**bold**``, ``*italic*``, links)."""

    style: str
    text: str


@dataclass(frozen=True, slots=True)
class LineBlock:
    """One paragraph of several lines (address blocks, cc entries): plain text."""

    style: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AskBlock:
    """A numbered ask: bold lead-in and body in one paragraph."""

    number: int
    lead: str | None
    body: str | None
    numbered: bool = True


@dataclass(frozen=True, slots=True)
class ItemBlock:
    """A bullet item under an ask (second list level)."""

    text: str
    numbered: bool = True


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """One signer: an individual (name + title lines) or an organisation."""

    name: str
    title_lines: tuple[str, ...] = ()
    organization: bool = False


@dataclass(frozen=True, slots=True)
class SignatureTable:
    """Signers set in a borderless table of ``columns`` columns, filled row by row."""

    signatures: tuple[SignatureBlock, ...]
    columns: int = 2


Block = ParaBlock | LineBlock | AskBlock | ItemBlock | SignatureBlock | SignatureTable


@dataclass(slots=True)
class _Builder:
    blocks: list[Block] = field(default_factory=list)

    def para(self, style: str, text: str | None) -> None:
        if text:
            self.blocks.append(ParaBlock(style, text))

    def lines(self, style: str, lines: list[str]) -> None:
        kept = tuple(line for line in lines if line.strip())
        if kept:
            self.blocks.append(LineBlock(style, kept))


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(value: dt.date, style: str = "us") -> str:
    """Write a date the way a letter does: ``May 25, 2021`` or ``25 May 2021``."""
    month = _MONTHS[value.month - 1]
    if style == "international":
        return f"{value.day} {month} {value.year}"
    return f"{month} {value.day}, {value.year}"


def address_lines(person: Addressee) -> list[str]:
    """The lines of an inside-address block: honorific and name, titles, address."""
    first = " ".join(part for part in (person.honorific, person.name) if part)
    return [line for line in (first, *person.title_lines, *person.address_lines) if line]


def require_resolved(letter: Letter) -> None:
    """Raise unless ``letter`` is a resolved letter that a renderer can set.

    Raises:
        RenderError: The document is not a letter, or clause references / the
            salutation are still unresolved.
    """
    if letter.kind != "letter":
        raise RenderError(
            f"this document is a {letter.kind}, not a letter",
            hint="only letters render; ingest keeps the kind for reference",
        )
    missing = letter.unresolved()
    if missing:
        raise RenderError(
            f"the letter is not resolved: {', '.join(missing)}",
            hint="compose it first (draftkit render composes specs), or write the "
            "salutation and the clause text into the spec",
        )
    unwritable = unwritable_in(letter)
    if unwritable is not None:
        raise RenderError(
            f"holds {describe(unwritable[1])}, which cannot be written into a document",
            where=unwritable[0],
            hint="remove it from the spec, template, clause or recipient data it came from",
        )


def _signature(signatory: Signatory) -> SignatureBlock:
    if signatory.kind == "organization":
        return SignatureBlock(signatory.name, (), True)
    lines = list(signatory.title_lines)
    if signatory.organization:
        lines.append(signatory.organization)
    return SignatureBlock(signatory.name, tuple(lines))


def _cc(builder: _Builder, cc: list[Addressee]) -> None:
    for index, person in enumerate(cc):
        lines = address_lines(person)
        if index == 0 and lines:
            lines[0] = f"cc: {lines[0]}"
        builder.lines(STYLES.CC, lines)


def _signatures(builder: _Builder, letter: Letter) -> None:
    signatures = [_signature(s) for s in letter.signatories]
    individuals = [s for s in signatures if not s.organization]
    layout_option = letter.options.signatory_layout
    columns = layout_option == "columns" or (
        layout_option == "auto" and len(individuals) > COLUMNS_THRESHOLD
    )
    if columns and len(signatures) > 1:
        builder.blocks.append(SignatureTable(tuple(signatures)))
    else:
        builder.blocks.extend(signatures)


def layout(letter: Letter) -> list[Block]:
    """The blocks of a resolved letter in reading order.

    Args:
        letter: A resolved letter (see :meth:`Letter.unresolved`).

    Returns:
        Blocks naming their styles.

    Raises:
        RenderError: The letter is unresolved or not a letter.
    """
    require_resolved(letter)
    out = _Builder()
    options = letter.options
    if letter.published:
        out.para(STYLES.PUBLISHED, format_date(letter.published, options.date_format))
    out.para(STYLES.PAGE_HEADING, letter.heading)
    date_text = None
    if letter.date:
        date_text = format_date(letter.date, options.date_format)
        if letter.place:
            date_text = f"{letter.place}, {date_text}"
    if options.date_position == "before-address":
        out.para(STYLES.DATE, date_text)
    for person in letter.addressees:
        out.lines(STYLES.ADDRESS, address_lines(person))
    if options.cc_position == "after-address":
        _cc(out, letter.cc)
    if options.date_position == "after-address":
        out.para(STYLES.DATE, date_text)
    if letter.subject:
        out.para(STYLES.SUBJECT, f"Re: {letter.subject}")
    out.para(STYLES.SALUTATION, letter.salutation)
    for text in letter.texts("body"):
        out.para(STYLES.BODY, text)
    out.para(STYLES.ASKS_INTRO, letter.asks_intro)
    numbered = options.number_asks
    for number, ask in enumerate(letter.resolved_asks(), start=1):
        out.blocks.append(AskBlock(number, ask.lead, ask.body, numbered))
        out.blocks.extend(ItemBlock(item, numbered) for item in ask.items if item.strip())
    for text in letter.texts("closing"):
        out.para(STYLES.CLOSING, text)
    out.para(STYLES.CLOSE, letter.complimentary_close)
    _signatures(out, letter)
    out.para(STYLES.SIGNATORY_NOTE, letter.signatory_note)
    if letter.enclosures:
        label = "Enclosure" if len(letter.enclosures) == 1 else "Enclosures"
        out.lines(STYLES.ENCLOSURE, [f"{label}:", *letter.enclosures])
    if options.cc_position == "end":
        _cc(out, letter.cc)
    return out.blocks


def iter_signatures(blocks: list[Block]) -> Iterator[SignatureBlock]:
    """Every signature in ``blocks``, whether listed or in a table."""
    for block in blocks:
        if isinstance(block, SignatureBlock):
            yield block
        elif isinstance(block, SignatureTable):
            yield from block.signatures
