"""Markdown: the letter's inline markup kept as written, lists as Markdown lists."""

from __future__ import annotations

import re

from draftkit.render.layout import (
    AskBlock,
    Block,
    ItemBlock,
    LabeledBlock,
    LineBlock,
    ParaBlock,
    SignatureBlock,
    SignatureTable,
    layout,
)
from draftkit.schema import Letter

__all__ = ["render_markdown"]

_LEADING = re.compile(r"^(\s*)([#>+\-]|\d+[.)])(\s)")
_SPECIAL = re.compile(r"([\\`*_\[\]<])")


def _escape_line(line: str) -> str:
    """Escape plain text so Markdown shows it literally."""
    return _guard_start(_SPECIAL.sub(r"\\\1", line))


def _guard_start(text: str) -> str:
    """Keep marked-up paragraph text from starting a list or heading by accident."""
    return _LEADING.sub(_escape_marker, text)


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker, space = match.groups()
    if marker[0].isdigit():  # "1." -> "1\." (a digit cannot be escaped)
        return f"{indent}{marker[:-1]}\\{marker[-1]}{space}"
    return f"{indent}\\{marker}{space}"


def _lines(lines: list[str]) -> str:
    return "\\\n".join(_escape_line(line) for line in lines)


def _chunk(block: Block) -> str:
    if isinstance(block, ParaBlock):
        return _guard_start(block.text)
    if isinstance(block, LineBlock):
        return _lines(list(block.lines))
    if isinstance(block, LabeledBlock):
        entries = [list(entry) for entry in block.entries]
        entries[0][0] = f"{block.label} {entries[0][0]}"
        if not block.spaced:
            return _lines([line for entry in entries for line in entry])
        return "\n\n".join(_lines(entry) for entry in entries)
    if isinstance(block, AskBlock):
        lead = f"**{block.lead}**" if block.lead else ""
        text = " ".join(part for part in (lead, block.body) if part)
        return f"{block.number}. {text}" if block.numbered else _guard_start(text)
    if isinstance(block, ItemBlock):
        return f"   - {block.text}" if block.numbered else f"- {block.text}"
    if isinstance(block, SignatureBlock):
        return _lines([block.name, *block.title_lines])
    raise TypeError(block)  # pragma: no cover


def render_markdown(letter: Letter) -> str:
    """Render a resolved letter as Markdown.

    Inline markup (``**bold**``, ``*italic*``, ``[text](url)``) is kept as written;
    address blocks use hard line breaks; asks are an ordered list with their bullet
    items nested; organisation signatories are one line each.

    Raises:
        RenderError: The letter is unresolved.
    """
    blocks: list[Block] = []
    for block in layout(letter):
        if isinstance(block, SignatureTable):
            blocks.extend(block.signatures)
        else:
            blocks.append(block)
    out: list[str] = []
    previous: Block | None = None
    for block in blocks:
        chunk = _chunk(block)
        if (
            isinstance(block, SignatureBlock)
            and block.organization
            and isinstance(previous, SignatureBlock)
            and previous.organization
        ):
            out[-1] += "\\\n" + chunk
        elif isinstance(block, ItemBlock) and isinstance(previous, AskBlock | ItemBlock):
            out[-1] += "\n" + chunk
        else:
            out.append(chunk)
        previous = block
    return "\n\n".join(out) + "\n"
