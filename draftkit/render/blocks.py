"""The blocks a letter is laid out in: what every renderer translates.

:func:`~draftkit.render.layout.layout` turns a letter into a flat list of these, each
naming the paragraph style it takes in the reference document (or, for tables,
signatures in columns and logos, how it is set).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

__all__ = [
    "AskBlock",
    "Block",
    "ItemBlock",
    "LabeledBlock",
    "LineBlock",
    "LogoRow",
    "ParaBlock",
    "SignatureBlock",
    "SignatureTable",
    "TableBlock",
    "iter_signatures",
]


@dataclass(frozen=True, slots=True)
class ParaBlock:
    """One paragraph of marked-up text (``**bold**``, ``*italic*``, links).

    ``keep_next`` keeps the paragraph on the page of the one after it (set on the
    paragraph before the complimentary close, so the close never starts a page alone).
    """

    style: str
    text: str
    keep_next: bool = False
    page_break_before: bool = False


@dataclass(frozen=True, slots=True)
class LineBlock:
    """One paragraph of several lines (address blocks, the date): plain text."""

    style: str
    lines: tuple[str, ...]
    keep_next: bool = False


@dataclass(frozen=True, slots=True)
class LabeledBlock:
    """A label with entries hanging under it: the cc list ("cc:"), enclosures.

    The first entry follows the label on its line; every other line (an entry's
    continuation lines and the entries after the first) is indented to where the first
    entry starts. Entries are paragraphs of their own when ``spaced`` (cc, one person
    each, a little space between), else lines of one paragraph (enclosures).

    Attributes:
        style: The paragraph style.
        label: "cc:", "Enclosure:", "Enclosures:".
        entries: Each entry's lines.
        spaced: One paragraph per entry.
        keep_together: A short block that must not be split across pages.
    """

    style: str
    label: str
    entries: tuple[tuple[str, ...], ...]
    spaced: bool = True
    keep_together: bool = True


@dataclass(frozen=True, slots=True)
class AskBlock:
    """An ask: bold lead-in and body in one paragraph, numbered when the letter has several."""

    number: int
    lead: str | None
    body: str | None
    numbered: bool = True
    keep_next: bool = False
    list_index: int = 0


@dataclass(frozen=True, slots=True)
class ItemBlock:
    """A bullet item under an ask (second list level)."""

    text: str
    numbered: bool = True
    keep_next: bool = False
    list_index: int = 0


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """One signer: an individual (name + title lines) or an organisation.

    A signer's lines are never split across pages; ``keep_next`` keeps the signer with
    what follows (the last signer with the signatory note).
    """

    name: str
    title_lines: tuple[str, ...] = ()
    organization: bool = False
    keep_next: bool = False
    image: str | None = None
    image_alt: str | None = None


@dataclass(frozen=True, slots=True)
class SignatureTable:
    """Signers set in ``columns`` columns that run down: A, B, C down the first, then on.

    In reading order the signers stay in their listed order (a reader, pandoc and PDF
    text extraction all see A, B, C, D); on the page they are laid out like newspaper
    columns, balanced.
    """

    signatures: tuple[SignatureBlock, ...]
    columns: int = 2


@dataclass(frozen=True, slots=True)
class LogoRow:
    """The logos of the organisations signing, in rows under the signatories (DOCX and
    PDF; the flowing formats leave them out).

    Attributes:
        logos: Each logo's file and alt text, in the signatories' order.
    """

    logos: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A table in the body or the closing: cells of marked-up text.

    Attributes:
        header: The header row (empty: none); it repeats on each page in DOCX/PDF.
        rows: The rows, each as wide as the table.
        align: Each column's alignment: ``left``, ``center`` or ``right``.
        caption: The line above the table, if any.
        rtl: Set in a right-to-left letter: columns from the right, ``align`` read as
            the reader sees it (a ``right`` column stands at its right edge).
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[str, ...]
    caption: str | None = None
    rtl: bool = False


Block = (
    ParaBlock
    | TableBlock
    | LogoRow
    | LineBlock
    | LabeledBlock
    | AskBlock
    | ItemBlock
    | SignatureBlock
    | SignatureTable
)


def iter_signatures(blocks: list[Block]) -> Iterator[SignatureBlock]:
    """Every signature in ``blocks``, whether listed or in columns."""
    for block in blocks:
        if isinstance(block, SignatureBlock):
            yield block
        elif isinstance(block, SignatureTable):
            yield from block.signatures
