"""Plain text for pasting into an e-mail: wrapped at 72 columns, asks numbered.

Footnotes become endnotes: a ``[1]`` where the note stands and the notes, numbered in
reading order, under "Notes" at the end of the letter.
"""

from __future__ import annotations

import textwrap

import draftkit.languages as languages
from draftkit.markup import link_shown, parse, plain
from draftkit.render.blocks import (
    AskBlock,
    Block,
    ItemBlock,
    LabeledBlock,
    LineBlock,
    ParaBlock,
    SignatureBlock,
    TableBlock,
)
from draftkit.render.layout import flowing_layout
from draftkit.schema import Letter

__all__ = ["render_text"]


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _noted(text: str, notes: list[str]) -> str:
    """``text`` as plain text (links shown), each footnote a ``[n]`` added to ``notes``."""
    parts: list[str] = []
    for span in parse(text):
        if span.note is not None:
            notes.append(plain(span.note))
            parts.append(f"[{len(notes)}]")
            continue
        shown = link_shown(span)
        parts.append(f"{span.text} ({shown})" if shown else span.text)
    return "".join(parts)


_GAP = "  "


def _table(block: TableBlock, width: int, notes: list[str]) -> list[str]:
    """Columns lined up (figures to the right), the header underlined; a table too wide
    for ``width`` is set as one entry per row, each cell under its heading's name."""
    out = _wrap(_noted(block.caption, notes), width) if block.caption else []
    header = [" ".join(_noted(cell, notes).split()) for cell in block.header]
    rows = [[" ".join(_noted(cell, notes).split()) for cell in cells] for cells in block.rows]
    sizes = [
        max(len(cells[c]) for cells in ([header] if header else []) + rows)
        for c in range(len(block.align))
    ]
    if sum(sizes) + len(_GAP) * (len(sizes) - 1) <= width:

        def line(cells: list[str]) -> str:
            placed = [
                cell.rjust(size)
                if align == "right"
                else cell.center(size)
                if align == "center"
                else cell.ljust(size)
                for cell, size, align in zip(cells, sizes, block.align, strict=True)
            ]
            return _GAP.join(placed).rstrip()

        if header:
            out += [line(header), _GAP.join("-" * size for size in sizes)]
        out += [line(cells) for cells in rows]
        return out
    for index, cells in enumerate(rows):
        if index or out:
            out.append("")
        for column, cell in enumerate(cells):
            label = f"{header[column]}: " if header and header[column] else ""
            out += _wrap(cell, width, label, "  ")
    return out


def _chunk(block: Block, width: int, notes: list[str]) -> list[str]:
    if isinstance(block, ParaBlock):
        return _wrap(_noted(block.text, notes), width)
    if isinstance(block, LineBlock):
        return [line for raw in block.lines for line in _wrap(raw, width, "", "  ")]
    if isinstance(block, LabeledBlock):
        # "cc: First Person" with every later line under "First"
        indent = " " * (len(block.label) + 1)
        out: list[str] = []
        for index, entry in enumerate(block.entries):
            if index and block.spaced:
                out.append("")
            for number, raw in enumerate(entry):
                first = f"{block.label} " if index == 0 and number == 0 else indent
                out.extend(_wrap(raw, width, first, indent + "  "))
        return out
    if isinstance(block, AskBlock):
        text = " ".join(_noted(part, notes) for part in (block.lead, block.body) if part)
        if not block.numbered:
            return _wrap(text, width)
        marker = f"{block.number}. "
        return _wrap(text, width, marker, " " * len(marker))
    if isinstance(block, ItemBlock):
        return _wrap(_noted(block.text, notes), width, "   - ", "     ")
    if isinstance(block, SignatureBlock):
        return [block.name, *block.title_lines]
    if isinstance(block, TableBlock):
        return _table(block, width, notes)
    raise TypeError(block)  # pragma: no cover - SignatureTable is flattened first


def render_text(letter: Letter, *, width: int = 72) -> str:
    """Render a resolved letter as plain text.

    Paragraphs are wrapped at ``width`` columns and separated by blank lines; asks are
    numbered ("1. ") with their bullet items indented under them; organisation
    signatories are listed one per line; footnotes are endnotes under "Notes" (in the
    letter's language).

    Args:
        letter: A resolved letter.
        width: The wrapping width.

    Returns:
        The text, ending with a newline.

    Raises:
        RenderError: The letter is unresolved.
    """
    blocks = flowing_layout(letter)
    out: list[str] = []
    previous: Block | None = None
    notes: list[str] = []
    for block in blocks:
        tight = (isinstance(block, ItemBlock) and isinstance(previous, AskBlock | ItemBlock)) or (
            isinstance(block, SignatureBlock)
            and block.organization
            and isinstance(previous, SignatureBlock)
            and previous.organization
        )
        if out and not tight:
            out.append("")
        if isinstance(block, ParaBlock) and block.page_break_before:
            out += ["* * *", ""]  # a bilingual letter's next version starts a new page
        out.extend(_chunk(block, width, notes))
        previous = block
    if notes:
        out += ["", languages.catalogue(letter.language).notes, ""]
        for number, note in enumerate(notes, start=1):
            marker = f"{number}. "
            out.extend(_wrap(note, width, marker, " " * len(marker)))
    return "\n".join(out) + "\n"
