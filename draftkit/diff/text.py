"""The redline as text for an e-mail: ``[-deleted-]{+inserted+}`` inside each paragraph.

The letter is written out in reading order as the plain-text renderer sets it (asks
numbered, bullet items indented, signers one per line), each changed paragraph with its
word changes marked, a paragraph inserted whole as ``{+...+}``, one deleted whole as
``[-...-]``. A moved ask is shown at its new place, introduced by "(moved from ask N)",
with any words changed on the way marked; its old place says "(ask N moved to M)".
``md`` keeps the same marks and sets asks and items as Markdown lists.
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from draftkit.diff.align import Entry, pair_blocks
from draftkit.diff.words import Piece, diff_plain, diff_text
from draftkit.markup import link_shown, plain
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

if TYPE_CHECKING:
    from draftkit.diff.letter import LetterDiff

__all__ = ["DELETE_MARKS", "INSERT_MARKS", "render_diff_text"]

DELETE_MARKS = ("[-", "-]")
"""What encloses deleted words (wdiff's marks)."""
INSERT_MARKS = ("{+", "+}")
"""What encloses inserted words."""

_Fmt = Literal["txt", "md"]


def _marked(pieces: Sequence[Piece]) -> str:
    out: list[str] = []
    for piece in pieces:
        shown = link_shown(piece.span)
        text = f"{piece.span.text} ({shown})" if shown else piece.span.text
        if piece.span.note is not None:  # a footnote: its text where its mark stands
            text = f"^[{plain(piece.span.note)}]"
        if piece.op == "equal":
            out.append(text)
        elif piece.op == "delete":
            out.append(DELETE_MARKS[0] + text + DELETE_MARKS[1])
        else:
            out.append(INSERT_MARKS[0] + text + INSERT_MARKS[1])
    return "".join(out)


def _texts(old: Block | None, new: Block | None, name: str, markup: bool) -> str:
    a = getattr(old, name) if old is not None else None
    b = getattr(new, name) if new is not None else None
    if isinstance(a, tuple) or isinstance(b, tuple):
        a = "\n".join(a) if a else None
        b = "\n".join(b) if b else None
    return _marked(diff_text(a, b) if markup else diff_plain(a, b))


def _lines(old: Block | None, new: Block | None) -> tuple[str, list[str]]:
    """The kind of line ('para', 'ask', 'item', 'lines', 'organization') and the marked
    lines of a block."""
    base = new if new is not None else old
    if isinstance(base, ParaBlock):
        return "para", [_texts(old, new, "text", True)]
    if isinstance(base, ItemBlock):
        return "item", [_texts(old, new, "text", True)]
    if isinstance(base, AskBlock):
        lead = _texts(old, new, "lead", True)
        body = _texts(old, new, "body", True)
        return "ask", [" ".join(part for part in (lead, body) if part)]
    if isinstance(base, LineBlock):
        return "lines", _texts(old, new, "lines", False).split("\n")
    if isinstance(base, SignatureBlock):
        name = _texts(old, new, "name", False)
        titles = _texts(old, new, "title_lines", False)
        kind = "organization" if base.organization else "lines"
        return kind, [name, *(titles.split("\n") if titles else [])]
    if isinstance(base, TableBlock):
        return "lines", _table_lines(old, new)
    assert isinstance(base, LabeledBlock)
    a = old if isinstance(old, LabeledBlock) else None
    b = new if isinstance(new, LabeledBlock) else None
    label = _marked(diff_plain(a.label if a else None, b.label if b else None))
    lines: list[str] = []
    for x, y in pair_blocks(
        [LineBlock("", e) for e in a.entries] if a else [],
        [LineBlock("", e) for e in b.entries] if b else [],
    ):
        lines.extend(_texts(x, y, "lines", False).split("\n"))
    if lines:
        lines[0] = f"{label} {lines[0]}"
    return "lines", lines


def _table_lines(old: Block | None, new: Block | None) -> list[str]:
    """A table as lines: the caption, then a row a line (cells between ``|``), rows
    paired as the redline pairs them, words changed inside cells marked."""
    a = old if isinstance(old, TableBlock) else None
    b = new if isinstance(new, TableBlock) else None

    def row(x: tuple[str, ...] | None, y: tuple[str, ...] | None) -> str:
        if x is not None and y is not None and len(x) == len(y):
            cells = [_marked(diff_text(p, q)) for p, q in zip(x, y, strict=True)]
            return "| " + " | ".join(cells) + " |"
        out = ""
        if x is not None:
            out += _marked(diff_text("| " + " | ".join(x) + " |", None))
        if y is not None:
            out += _marked(diff_text(None, "| " + " | ".join(y) + " |"))
        return out

    lines: list[str] = []
    caption_a, caption_b = (a.caption if a else None), (b.caption if b else None)
    if caption_a or caption_b:
        lines.append(_marked(diff_text(caption_a, caption_b)))
    header_a, header_b = (a.header if a else ()), (b.header if b else ())
    if header_a or header_b:
        lines.append(row(header_a or None, header_b or None))
    old_rows, new_rows = (list(a.rows) if a else []), (list(b.rows) if b else [])
    matcher = difflib.SequenceMatcher(None, old_rows, new_rows, False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        paired = (i2 - i1) if tag == "equal" else min(i2 - i1, j2 - j1) if tag == "replace" else 0
        lines.extend(row(old_rows[i1 + k], new_rows[j1 + k]) for k in range(paired))
        lines.extend(row(old_rows[i], None) for i in range(i1 + paired, i2))
        lines.extend(row(None, new_rows[j]) for j in range(j1 + paired, j2))
    return lines


def _number(block: Block | None) -> int:
    return block.number if isinstance(block, AskBlock) else 0


def _ask_of(entry: Entry, new: bool) -> int:
    unit = entry.new if new else entry.old
    if unit is None:
        return 0
    return next((b.number for b in unit.blocks if isinstance(b, AskBlock)), 0)


def _chunk(kind: str, lines: list[str], number: int, fmt: _Fmt, width: int) -> list[str]:
    if fmt == "md":
        if kind == "ask":
            return [f"{number or 1}. {lines[0]}"]
        if kind == "item":
            return [f"    - {lines[0]}"]
        if kind == "lines":
            return [line + ("  " if i < len(lines) - 1 else "") for i, line in enumerate(lines)]
        return lines
    if kind == "ask":
        marker = f"{number}. " if number else ""
        return _wrap(lines[0], width, marker, " " * len(marker))
    if kind == "item":
        return _wrap(lines[0], width, "   - ", "     ")
    if kind == "para":
        return _wrap(lines[0], width, "", "")
    return lines


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def render_diff_text(diff: LetterDiff, fmt: _Fmt = "txt", *, width: int = 72) -> str:
    """Write a :class:`~draftkit.diff.letter.LetterDiff` as marked text (see the module).

    Returns:
        The text, ending with a newline.
    """
    out: list[str] = []
    old_s, new_s = diff.old.sender, diff.new.sender
    if old_s.organization != new_s.organization:
        out.append(_marked(diff_plain(old_s.organization, new_s.organization)))
    previous = ""
    for entry in diff.entries:
        if entry.kind == "moved-from":
            note = f"(ask {_ask_of(entry, False)} moved to {_ask_of(entry, True)})"
            out.extend(["", f"*{note}*" if fmt == "md" else note])
            previous = "para"
            continue
        blocks: list[tuple[Block | None, Block | None]]
        if entry.kind in ("equal", "inserted"):
            assert entry.new is not None
            blocks = [(b, b) if entry.kind == "equal" else (None, b) for b in entry.new.blocks]
        elif entry.kind == "deleted":
            assert entry.old is not None
            blocks = [(b, None) for b in entry.old.blocks]
        else:
            assert entry.old is not None and entry.new is not None
            blocks = pair_blocks(entry.old.blocks, entry.new.blocks)
        first = True
        for old, new in blocks:
            kind, lines = _lines(old, new)
            if entry.kind == "moved-to" and first:
                note = f"(moved from ask {_ask_of(entry, False)})"
                lines[0] = f"{'*' + note + '*' if fmt == 'md' else note} {lines[0]}"
            first = False
            tight = (kind == "item" and previous in ("ask", "item")) or (
                kind == previous == "organization"
            )
            if out and not tight:
                out.append("")
            out.extend(_chunk(kind, lines, _number(new) or _number(old), fmt, width))
            previous = kind
    return "\n".join(out).strip("\n") + "\n"
