"""The order and styling of a letter's parts, shared by every renderer.

:func:`layout` turns a resolved :class:`~draftkit.schema.Letter` into a flat list of
blocks (:mod:`draftkit.render.blocks`), each naming the paragraph style it takes in the
reference document. The DOCX, Markdown and plain-text renderers only translate blocks, so
all three agree on what a letter contains and in which order. The style names are also
what ingest looks for when it reads a DOCX that draftkit made.

Layout also decides what a printed letter needs beyond its text: typographic quotes
(:func:`~draftkit.render.typesetting.typeset`), which paragraphs keep together across a
page break (the ``keep_next`` of blocks, :data:`KEEP_WITH_NEXT`, :data:`KEEP_LINES`) and
what the continuation header says (:func:`running_header`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import draftkit.languages as languages
from draftkit.characters import describe, unwritable_in
from draftkit.errors import RenderError
from draftkit.places import Place
from draftkit.render.blocks import (
    AskBlock,
    Block,
    ItemBlock,
    LabeledBlock,
    LineBlock,
    LogoRow,
    ParaBlock,
    SignatureBlock,
    SignatureTable,
    TableBlock,
)
from draftkit.render.typesetting import typeset, with_notes
from draftkit.schema import Addressee, Ask, Letter, Signatory, Table, TableEntry, Translation
from draftkit.styles import STYLES
from draftkit.typography import smarten

__all__ = [
    "CC_KEEP_TOGETHER_LINES",
    "COLUMNS_THRESHOLD",
    "KEEP_LINES",
    "KEEP_WITH_CLOSE_CHARS",
    "KEEP_WITH_NEXT",
    "SIGNERS_KEEP_TOGETHER_LINES",
    "address_lines",
    "flowing_layout",
    "format_date",
    "layout",
    "placed_layout",
    "require_resolved",
    "running_header",
]

COLUMNS_THRESHOLD = 8
"""Lists of more individual signatories than this are set in two columns (``auto``)."""


KEEP_WITH_NEXT = frozenset(
    {
        STYLES.PAGE_HEADING,
        STYLES.DATE,
        STYLES.ADDRESS,
        STYLES.DELIVERY,
        STYLES.SUBJECT,
        STYLES.SALUTATION,
        STYLES.ASKS_INTRO,
        STYLES.CLOSE,
        STYLES.LETTERHEAD_NAME,
    }
)
"""Styles whose paragraphs always stay on the page of the next paragraph (lead-ins)."""

KEEP_LINES = frozenset(
    {
        STYLES.ADDRESS,
        STYLES.DELIVERY,
        STYLES.CLOSE,
        STYLES.SIGNATURE_NAME,
        STYLES.SIGNATURE_TITLE,
        STYLES.SIGNATORY_ORG,
        STYLES.SIGNATORY_NOTE,
        STYLES.CC,
        STYLES.ENCLOSURE,
        STYLES.SUBJECT,
        STYLES.LETTERHEAD_NAME,
        STYLES.LETTERHEAD_ADDRESS,
    }
)
"""Styles whose paragraphs are never split across pages (address and signature blocks)."""

CC_KEEP_TOGETHER_LINES = 14
"""A cc list of at most this many lines is never split across pages."""

SIGNERS_KEEP_TOGETHER_LINES = 6
"""A list of signers (one per line, not in columns) this many lines long never splits."""

KEEP_WITH_CLOSE_CHARS = 600
"""The paragraph before the close goes with it to a new page if it is at most this long.

Word and LibreOffice move a kept paragraph whole; a longer one (over six lines or so)
would leave a gap that size at the foot of the page, so the close then takes only its
first signer along."""


@dataclass(slots=True)
class _Builder:
    blocks: list[Block] = field(default_factory=list)
    # block index -> the places of the letter its text comes from (blocks are only
    # appended, never moved, so the index a block is added at is its index)
    at: dict[int, tuple[Place, ...]] = field(default_factory=dict)

    def add(self, block: Block, *places: Place) -> None:
        if places:
            self.at[len(self.blocks)] = places
        self.blocks.append(block)

    def para(self, style: str, text: str | None, *places: Place) -> None:
        if text:
            self.add(ParaBlock(style, text), *places)

    def lines(self, style: str, lines: list[str], *places: Place) -> None:
        kept = tuple(line for line in lines if line.strip())
        if kept:
            self.add(LineBlock(style, kept), *places)


def _table(table: Table) -> TableBlock:
    return TableBlock(
        tuple(table.header),
        tuple(tuple(row) for row in table.rows),
        tuple(table.alignment(column) for column in range(table.width)),
        table.caption,
    )


def format_date(
    value: dt.date, style: str = "us", language: str | None = None, digits: str = "latin"
) -> str:
    """Write a date the way a letter does: ``May 25, 2021`` or ``25 May 2021`` in
    English, "16 mars 2026", "16 de marzo de 2026" ... in other languages
    (:func:`draftkit.languages.format_date`)."""
    return languages.format_date(value, language, style, digits)


def _letter_date(letter: Letter, value: dt.date) -> str:
    """A date of ``letter`` written in its language, style and digits."""
    options = letter.options
    return format_date(value, options.date_format, letter.language, options.digits)


def address_lines(person: Addressee) -> list[str]:
    """The lines of an inside-address block: honorific and name, titles, address."""
    titles = list(person.title_lines)
    office = titles.pop(0) if person.title_before_name and titles and person.name else None
    first = " ".join(part for part in (person.honorific, office, person.name) if part)
    return [line for line in (first, *titles, *person.address_lines) if line]


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
    if signatory.image:
        return SignatureBlock(
            signatory.name, tuple(lines), image=signatory.image, image_alt=signatory.alt_text()
        )
    return SignatureBlock(signatory.name, tuple(lines))


def _cc(builder: _Builder, cc: list[Addressee], label: str = "cc:") -> None:
    entries = tuple(tuple(lines) for lines in (address_lines(person) for person in cc) if lines)
    if entries:
        count = sum(len(entry) for entry in entries)
        builder.blocks.append(
            LabeledBlock(STYLES.CC, label, entries, True, count <= CC_KEEP_TOGETHER_LINES)
        )


def _enclosures(
    builder: _Builder, enclosures: list[str], words: languages.Catalogue | None = None
) -> None:
    words = words or languages.catalogue(None)
    items = tuple((item,) for item in enclosures if item.strip())
    if items:
        label = words.enclosure if len(items) == 1 else words.enclosures
        builder.blocks.append(LabeledBlock(STYLES.ENCLOSURE, label, items, False, True))


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
        builder.blocks.extend(_keep_signers_together(signatures))


def _keep_signers_together(signatures: list[SignatureBlock]) -> list[SignatureBlock]:
    """A short list of signers never splits; a long one leaves no signer alone.

    Up to :data:`SIGNERS_KEEP_TOGETHER_LINES` lines, every signer keeps with the next;
    a longer list keeps its first two signers together (so the close takes two along)
    and its last two (so no signer starts a page alone).
    """
    lines = sum(1 + len(s.title_lines) for s in signatures)
    last = len(signatures) - 1
    keep = set(range(last)) if lines <= SIGNERS_KEEP_TOGETHER_LINES else {0, last - 1} - {last}
    return [replace(s, keep_next=True) if i in keep else s for i, s in enumerate(signatures)]


def _length(block: Block) -> int:
    """Roughly how much text a block prints (for keep-together decisions)."""
    if isinstance(block, ParaBlock | ItemBlock):
        return len(block.text)
    if isinstance(block, AskBlock):
        return len(block.lead or "") + len(block.body or "")
    if isinstance(block, LineBlock):
        return sum(len(line) for line in block.lines)
    return 0


def _keep_with_next(block: Block) -> Block:
    """``block`` kept on the page of the block after it (where it has the setting)."""
    if isinstance(block, ParaBlock | LineBlock | AskBlock | ItemBlock | SignatureBlock):
        return replace(block, keep_next=True)
    return block


def layout(letter: Letter) -> list[Block]:
    """The blocks of a resolved letter in reading order (see :func:`placed_layout`)."""
    return placed_layout(letter)[0]


def placed_layout(letter: Letter) -> tuple[list[Block], dict[int, tuple[Place, ...]]]:
    """The blocks of a resolved letter in reading order, and where their text comes from.

    Straight quotes become typographic ones unless ``options.quotes`` is ``straight``.
    The paragraph before the complimentary close (or before the first signer when there
    is no close) is kept with it, an ask is kept with its first bullet item, and the last
    signer with the signatory note, so that no page starts with a close, a signatory
    note or signers alone and no lead-in ends a page.

    Args:
        letter: A resolved letter (see :meth:`Letter.unresolved`).

    Returns:
        Blocks naming their styles, and for each block that sets text of the letter's
        own (not of a version in another language) the places of that text: index ->
        ``(("body", 2),)``, ``(("addressees", 0),)``, ``(("asks", 1, "lead"), ("asks", 1,
        "body"))`` ...

    Raises:
        RenderError: The letter is unresolved or not a letter.
    """
    require_resolved(letter)
    letter = typeset(with_notes(letter))
    options = letter.options
    words = languages.catalogue(letter.language)
    out = _Builder()
    if letter.published:
        out.para(STYLES.PUBLISHED, _letter_date(letter, letter.published))
    out.para(STYLES.PAGE_HEADING, letter.heading, ("heading",))
    date_text = None
    if letter.date:
        date_text = languages.dated_line(
            letter.place, _letter_date(letter, letter.date), letter.language
        )
    if options.date_position == "before-address":
        out.para(STYLES.DATE, date_text)
    for index, person in enumerate(letter.addressees):
        out.lines(STYLES.ADDRESS, address_lines(person), ("addressees", index))
    out.lines(STYLES.DELIVERY, letter.delivery, ("delivery",))
    if options.cc_position == "after-address":
        _cc(out, letter.cc, words.cc)
    if options.date_position == "after-address":
        out.para(STYLES.DATE, date_text)
    _subject_to_closing(out, letter, words, options.number_asks, own=True)
    before_close = len(out.blocks)
    out.para(STYLES.CLOSE, letter.complimentary_close, ("complimentary_close",))
    notes = [letter.signatory_note]
    for list_index, other in enumerate(letter.languages[1:], start=1):
        version = letter.translations.get(other)
        if version is not None:
            before_close = _version(out, version, other, list_index, options.number_asks)
            notes.append(version.signatory_note)
    _signatures(out, letter)
    if before_close and len(out.blocks) > before_close:
        last = out.blocks[before_close - 1]
        if _length(last) <= KEEP_WITH_CLOSE_CHARS:
            out.blocks[before_close - 1] = _keep_with_next(last)
    signed = len(out.blocks)
    for number, note in enumerate(notes):
        out.para(STYLES.SIGNATORY_NOTE, note, *([("signatory_note",)] if number == 0 else []))
    if len(out.blocks) > signed and signed > before_close:
        # the note never starts a page alone: the last signer goes with it
        out.blocks[signed - 1] = _keep_with_next(out.blocks[signed - 1])
    logos = tuple(
        (s.image, s.alt_text()) for s in letter.signatories if s.kind == "organization" and s.image
    )
    if logos:
        out.add(LogoRow(logos))
    _enclosures(out, letter.enclosure_names(), words)
    if options.cc_position == "end":
        _cc(out, letter.cc, words.cc)
    if words.rtl:
        blocks = [replace(b, rtl=True) if isinstance(b, TableBlock) else b for b in out.blocks]
        return blocks, out.at
    return out.blocks, out.at


def _subject_to_closing(
    out: _Builder,
    part: Letter | Translation,
    words: languages.Catalogue,
    number_asks: bool,
    list_index: int = 0,
    *,
    own: bool = False,
) -> None:
    """The text of a letter (or of its version in another language) from the subject line
    to the last closing paragraph; ``list_index`` picks the numbering list of its asks;
    ``own``: the letter's own text, whose places are recorded."""

    def at(*place: str | int) -> tuple[Place, ...]:
        return (place,) if own else ()

    if part.subject:
        out.para(STYLES.SUBJECT, f"{words.subject} {part.subject}", *at("subject"))
    out.para(STYLES.SALUTATION, part.salutation, *at("salutation"))
    _paragraphs(out, part.body, STYLES.BODY, "body" if own else None)
    asks = [(index, ask) for index, ask in enumerate(part.asks) if isinstance(ask, Ask)]
    out.para(STYLES.ASKS_INTRO, part.asks_intro, *at("asks_intro"))
    # a single request is a paragraph, not a list of one
    numbered = number_asks and len(asks) > 1
    for number, (index, ask) in enumerate(asks, start=1):
        # a heading opening a group of asks keeps with it (the Asks Intro style does)
        out.para(STYLES.ASKS_INTRO, ask.heading)
        items = [
            (n, ItemBlock(i, numbered, list_index=list_index))
            for n, i in enumerate(ask.items)
            if i.strip()
        ]
        out.add(
            AskBlock(number, ask.lead, ask.body, numbered, bool(items), list_index=list_index),
            *at("asks", index, "lead"),
            *at("asks", index, "body"),
        )
        for n, item in items:
            out.add(item, *at("asks", index, "items", n))
    _paragraphs(out, part.closing, STYLES.CLOSING, "closing" if own else None)


def _paragraphs(out: _Builder, entries: Sequence[object], style: str, field: str | None) -> None:
    """Body or closing paragraphs, a table where one stands (clause references are
    resolved before layout); ``field``: the letter's field, to record the places."""
    for index, entry in enumerate(entries):
        if isinstance(entry, TableEntry):
            out.add(_table(entry.table))
        elif isinstance(entry, str):
            out.para(style, entry, *([(field, index)] if field else []))


def _version(
    out: _Builder, version: Translation, language: str, list_index: int, number_asks: bool
) -> int:
    """A bilingual letter's text in another language, from a new page: subject through
    close (the address, date and signatures are the letter's own). Returns the index of
    the version's close among the blocks."""
    start = len(out.blocks)
    _subject_to_closing(out, version, languages.catalogue(language), number_asks, list_index)
    first = out.blocks[start] if len(out.blocks) > start else None
    if isinstance(first, ParaBlock):
        out.blocks[start] = replace(first, page_break_before=True)
    before_close = len(out.blocks)
    out.para(STYLES.CLOSE, version.complimentary_close)
    return before_close


def flowing_layout(letter: Letter) -> list[Block]:
    """:func:`layout` for formats that flow (text, Markdown): a table of signatures is
    unrolled into its signatures, one after another; logos are left out."""
    blocks: list[Block] = []
    for block in layout(letter):
        if isinstance(block, SignatureTable):
            blocks.extend(block.signatures)
        elif isinstance(block, LogoRow):
            continue
        else:
            blocks.append(block)
    return blocks


def running_header(letter: Letter) -> tuple[str, str | None]:
    """Who and when for the continuation header of pages 2 onward.

    Returns:
        The addressee as the inside address names them ("The Honorable Marisol T.
        Vance"; two joined with "and"; more as the first "and others"), and the date as
        the letter writes it (None when the letter has none).
    """
    typographic = letter.options.quotes != "straight"
    names = [
        " ".join(part for part in (person.honorific, person.name) if part) or person.label()
        for person in letter.addressees
    ]
    names = [smarten(n) if typographic else n for n in names]
    names = [n for n in names if n]
    words = languages.catalogue(letter.language)
    if len(names) > 2:
        who = words.and_others.format(name=names[0])
    else:
        who = languages.join_names(names, letter.language)
    when = _letter_date(letter, letter.date) if letter.date else None
    return who, when
