"""Markdown: the letter's inline markup as Markdown, lists as Markdown lists.

Letter text is parsed by :mod:`draftkit.markup` and written back as Markdown: bold,
italics and the links draftkit knows (``http(s)`` and ``mailto``) become Markdown;
every other character that Markdown would read as markup (a bracket, ``<``, a
backtick) is escaped. So text from a recipient list such as ``[x](javascript:…)`` or
``<img …>`` shows as written in a Markdown viewer, never as a link or HTML.

Footnotes become numbered Markdown footnotes: ``[^1]`` where the note stands and
``[^1]: …`` after the letter, numbered in reading order.
"""

from __future__ import annotations

import re

from draftkit.markup import parse, plain
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


_LITERAL = re.compile(r"([\\`*\[\]<])")
_MARKS = {"bold": "**", "italic": "*"}


def _markup(text: str, notes: list[str] | None = None) -> str:
    """Marked-up letter text as Markdown (see the module's docstring).

    A footnote's Markdown is appended to ``notes`` and its reference ``[^n]`` written in
    place; without ``notes`` (inside a note) a note's words are set in brackets.
    """
    out: list[str] = []
    open_marks: list[str] = []
    for span in parse(text):
        if span.note is not None:
            if notes is None:
                out.append(_LITERAL.sub(r"\\\1", f" ({plain(span.note)})"))
            else:
                notes.append(_markup(span.note))
                out.append(f"[^{len(notes)}]")
            continue
        wanted = [m for m, on in (("bold", span.bold), ("italic", span.italic)) if on]
        keep = 0  # close marks from the first one no longer wanted, innermost first
        while keep < len(open_marks) and open_marks[keep] in wanted:
            keep += 1
        while len(open_marks) > keep:
            out.append(_MARKS[open_marks.pop()])
        for mark in wanted:
            if mark not in open_marks:
                out.append(_MARKS[mark])
                open_marks.append(mark)
        shown = _LITERAL.sub(r"\\\1", span.text)
        out.append(f"[{shown}]({span.url})" if span.url else shown)
    out.extend(_MARKS[mark] for mark in reversed(open_marks))
    return _guard_start("".join(out))


_RULES = {"left": ":---", "center": ":---:", "right": "---:"}


def _table(block: TableBlock, notes: list[str]) -> str:
    """A pipe table (an empty header row when the table has none), its caption above."""

    def row(cells: tuple[str, ...]) -> str:
        shown = [" ".join(_markup(cell, notes).split()).replace("|", "\\|") for cell in cells]
        return "| " + " | ".join(shown) + " |"

    header = block.header or tuple("" for _ in block.align)
    lines = [row(header), "| " + " | ".join(_RULES[a] for a in block.align) + " |"]
    lines += [row(cells) for cells in block.rows]
    table = "\n".join(lines)
    return f"{_markup(block.caption, notes)}\n\n{table}" if block.caption else table


def _lines(lines: list[str]) -> str:
    return "\\\n".join(_escape_line(line) for line in lines)


def _chunk(block: Block, notes: list[str]) -> str:
    if isinstance(block, ParaBlock):
        return _markup(block.text, notes)
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
        text = _markup(" ".join(part for part in (lead, block.body) if part), notes)
        return f"{block.number}. {text}" if block.numbered else text
    if isinstance(block, ItemBlock):
        text = _markup(block.text, notes)
        return f"   - {text}" if block.numbered else f"- {text}"
    if isinstance(block, SignatureBlock):
        return _lines([block.name, *block.title_lines])
    if isinstance(block, TableBlock):
        return _table(block, notes)
    raise TypeError(block)  # pragma: no cover


def render_markdown(letter: Letter) -> str:
    """Render a resolved letter as Markdown.

    Inline markup (``**bold**``, ``*italic*``, ``[text](url)``) becomes Markdown, other
    Markdown characters are escaped;
    address blocks use hard line breaks; asks are an ordered list with their bullet
    items nested; organisation signatories are one line each; footnotes are numbered
    Markdown footnotes, their text after the letter.

    Raises:
        RenderError: The letter is unresolved.
    """
    blocks = flowing_layout(letter)
    out: list[str] = []
    previous: Block | None = None
    notes: list[str] = []
    for block in blocks:
        chunk = _chunk(block, notes)
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
            if isinstance(block, ParaBlock) and block.page_break_before:
                out.append("---")  # a bilingual letter's next version starts a new page
            out.append(chunk)
        previous = block
    if notes:
        out.append("\n".join(f"[^{n}]: {note}" for n, note in enumerate(notes, start=1)))
    return "\n\n".join(out) + "\n"
