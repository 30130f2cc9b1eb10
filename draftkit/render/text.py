"""Plain text for pasting into an e-mail: wrapped at 72 columns, asks numbered."""

from __future__ import annotations

import textwrap

from draftkit.markup import plain
from draftkit.render.layout import (
    AskBlock,
    Block,
    ItemBlock,
    LabeledBlock,
    LineBlock,
    ParaBlock,
    SignatureBlock,
    flowing_layout,
)
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


def _chunk(block: Block, width: int) -> list[str]:
    if isinstance(block, ParaBlock):
        return _wrap(plain(block.text), width)
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
        text = " ".join(plain(part) for part in (block.lead, block.body) if part)
        if not block.numbered:
            return _wrap(text, width)
        marker = f"{block.number}. "
        return _wrap(text, width, marker, " " * len(marker))
    if isinstance(block, ItemBlock):
        return _wrap(plain(block.text), width, "   - ", "     ")
    if isinstance(block, SignatureBlock):
        return [block.name, *block.title_lines]
    raise TypeError(block)  # pragma: no cover - SignatureTable is flattened first


def render_text(letter: Letter, *, width: int = 72) -> str:
    """Render a resolved letter as plain text.

    Paragraphs are wrapped at ``width`` columns and separated by blank lines; asks are
    numbered ("1. ") with their bullet items indented under them; organisation
    signatories are listed one per line.

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
        out.extend(_chunk(block, width))
        previous = block
    return "\n".join(out) + "\n"
