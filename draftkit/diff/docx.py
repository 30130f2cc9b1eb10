"""The redline as a Word document: the new letter, rendered as usual, with tracked changes.

The real renderer (:class:`~draftkit.render.word.DocxRenderer`) sets the letter, so the
redline has the letter's styles, letterhead, numbering, header and footer. Two hooks of
the renderer are used: :meth:`_layout` gets the *merged* blocks (every block of the new
letter, and the old letter's deleted and moved-away blocks where they stood) and
:meth:`_spans` gets each merged text's spans. A merged text carries its changes in-band,
as private-use characters around the changed words; after the renderer has written a
letter's paragraphs, :meth:`RedlineRenderer._track` turns them into WordprocessingML (the marks are
:mod:`draftkit.diff.marks`, the tracked changes :mod:`draftkit.diff.tracking`):

- ``w:ins`` / ``w:del`` around inserted and deleted runs (``w:delText`` inside), and on
  the paragraph mark of a paragraph inserted or deleted whole (a table row of signers
  is marked as a whole too);
- ``w:moveFrom`` / ``w:moveTo`` with ``w:moveFromRangeStart`` ... ``RangeEnd`` markers
  (named ``move1``, ``move2`` ...) for an ask that moved: at its old place what it said,
  at its new place what it says; words changed on the way are a deletion at the old place
  and an insertion at the new;
- ``w:rPrChange`` where words only turned bold or italic, and ``w:pPrChange`` where a
  paragraph's numbering or style changed.

Every change carries the author and the date. Accepting all changes gives the new letter's
text, rejecting all gives the old letter's (tests/test_diff_docx.py checks it on generated
pairs of letters).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from draftkit.diff.align import Entry, content, pair_blocks
from draftkit.diff.marks import (
    _FMT_E,
    _FMT_S,
    _P_CHG,
    _P_DEL,
    _P_INS,
    _P_MF,
    _P_MT,
    RESERVED,
    View,
    _marks,
    _number,
    _Tracked,
)
from draftkit.diff.tracking import TrackedChanges
from draftkit.diff.words import Piece, diff_plain, diff_text
from draftkit.errors import RenderError
from draftkit.markup import Span
from draftkit.render.blocks import (
    AskBlock,
    Block,
    ItemBlock,
    LabeledBlock,
    LineBlock,
    ParaBlock,
    SignatureBlock,
    SignatureTable,
    TableBlock,
)
from draftkit.render.layout import layout
from draftkit.render.word import DocxRenderer
from draftkit.render.wordblocks import _Body
from draftkit.schema import Letter
from draftkit.styles import STYLES

__all__ = ["RESERVED", "RedlineRenderer", "render_redline"]


class RedlineRenderer(TrackedChanges, DocxRenderer):
    """Renders the new letter of a diff with the changes from the old one tracked.

    Args:
        entries: The aligned units (:func:`draftkit.diff.align.align`).
        old: The old letter (its letterhead is compared).
        author: The name every change is recorded under.
        date: When the changes were made.
        reference: A house-style ``.docx``; the bundled one when None.
    """

    def __init__(
        self,
        entries: Sequence[Entry],
        old: Letter,
        *,
        author: str,
        date: dt.datetime,
        reference: str | Path | None = None,
    ) -> None:
        super().__init__(reference)
        self._entries = list(entries)
        self._old = old
        self._author = author
        self._date = date.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._ids = 0
        self._old_rpr: list[str] = []
        self._old_ppr: list[str] = []
        self._rpr_index: dict[tuple[bool, bool, str | None], int] = {}
        self._num_id = self._prepared.first_num_id
        self._marks: dict[Any, str] = {}

    # -- hooks of the renderer ----------------------------------------------------------

    def _layout(self, letter: Letter) -> list[Block]:
        columns = any(isinstance(b, SignatureTable) for b in layout(letter))
        merged: list[Block] = []
        for entry in self._entries:
            merged.extend(self._entry(entry))
        if not columns:
            return merged
        out: list[Block] = []
        for block in merged:
            if isinstance(block, SignatureBlock):
                if out and isinstance(out[-1], SignatureTable):
                    out[-1] = SignatureTable((*out[-1].signatures, block))
                else:
                    out.append(SignatureTable((block,)))
            else:
                out.append(block)
        # a single signer is not set in columns (as layout does)
        return [
            b.signatures[0] if isinstance(b, SignatureTable) and len(b.signatures) == 1 else b
            for b in out
        ]

    def _spans(self, text: str) -> list[Span]:
        if isinstance(text, _Tracked):
            return list(text.spans)
        return super()._spans(text)

    def _block_xml(self, block: Block, num_id: int, body: _Body) -> str:
        return self._block(block, num_id, body)  # merged texts are never shared

    def _letter_xml(
        self, letter: Letter, blocks: list[Block], num_id: int, body: _Body, *, restart: bool
    ) -> tuple[list[str], str]:
        chunks, sect = super()._letter_xml(
            self._letterhead(letter), blocks, num_id, body, restart=restart
        )
        return [self._track("".join(chunks))], sect

    # -- merged blocks -----------------------------------------------------------------

    def _letterhead(self, new: Letter) -> Letter:
        """The new letter with its sender's name and address marked against the old."""
        old_s, new_s = self._old.sender, new.sender
        if (old_s.organization, old_s.address_lines) == (new_s.organization, new_s.address_lines):
            return new
        old_org, new_org = old_s.organization, new_s.organization
        if not old_org and not new_org:
            return new
        old_address = " · ".join(old_s.address_lines) if old_org else None
        new_address = " · ".join(new_s.address_lines) if new_org else None
        mark = _P_INS if not old_org else _P_DEL if not new_org else ""
        name = mark + self._plain(diff_plain(old_org, new_org), "merged", 0)
        address = mark + self._plain(diff_plain(old_address, new_address), "merged", 0)
        sender = new_s.model_copy(update={"organization": name, "address_lines": [address]})
        return new.model_copy(update={"sender": sender})

    def _entry(self, entry: Entry) -> list[Block]:
        old, new = entry.old, entry.new
        if entry.kind == "equal":
            assert new is not None
            return list(new.blocks)
        if entry.kind == "inserted":
            assert new is not None
            return [b for block in new.blocks for b in self._pair(None, block, "merged", 0)]
        if entry.kind == "deleted":
            assert old is not None
            return [b for block in old.blocks for b in self._pair(block, None, "merged", 0)]
        assert old is not None and new is not None
        view: View = (
            "from" if entry.kind == "moved-from" else "to" if entry.kind == "moved-to" else "merged"
        )
        out: list[Block] = []
        for a, b in pair_blocks(old.blocks, new.blocks):
            out.extend(self._pair(a, b, view, entry.move))
        return out

    def _pair(self, old: Block | None, new: Block | None, view: View, move: int) -> list[Block]:
        """The merged block(s) for a block of the old letter and its counterpart."""
        if old is None and new is None:  # pragma: no cover - pair_blocks never gives it
            return []
        if old is not None and new is not None and not _mergeable(old, new):
            return self._pair(old, None, view, move) + self._pair(None, new, view, move)
        if new is None:
            if view == "to":
                return []
            view, mark = "merged", _P_DEL
        elif old is None:
            if view == "from":
                return []
            view, mark = "merged", _P_INS
        elif view == "from":
            mark = _P_MF + _number(move)
        elif view == "to":
            mark = _P_MT + _number(move)
        else:
            mark = self._ppr_change(old, new)
        base = old if (view == "from" or new is None) else new
        assert base is not None
        return [self._merged(base, old, new, view, move, mark)]

    def _ppr_change(self, old: Block, new: Block) -> str:
        """The mark of a paragraph whose numbering or style changed (else "")."""
        changed = (
            isinstance(old, ParaBlock) and isinstance(new, ParaBlock) and old.style != new.style
        ) or (
            isinstance(old, AskBlock) and isinstance(new, AskBlock) and old.numbered != new.numbered
        )
        if not changed:
            return ""
        xml = self._block(content(old), self._num_id, _Body())
        match = re.search(r"<w:pPr>(.*?)</w:pPr>", xml)
        self._old_ppr.append(match.group(1) if match else "")
        return _P_CHG + _number(len(self._old_ppr) - 1)

    def _merged(
        self,
        base: Block,
        old: Block | None,
        new: Block | None,
        view: View,
        move: int,
        mark: str,
    ) -> Block:
        def field(name: str) -> Any:
            return (getattr(old, name) if old is not None else None), (
                getattr(new, name) if new is not None else None
            )

        if isinstance(base, ParaBlock):
            a, b = field("text")
            return replace(base, text=self._markup(diff_text(a, b), view, move, None, mark))
        if isinstance(base, ItemBlock):
            a, b = field("text")
            return replace(base, text=self._markup(diff_text(a, b), view, move, None, mark))
        if isinstance(base, AskBlock):
            (lead_a, lead_b), (body_a, body_b) = field("lead"), field("body")
            lead = body = None
            if base.lead:
                lead = self._markup(diff_text(lead_a, lead_b), view, move, STYLES.ASK_LEAD, mark)
                mark = ""
            if base.body:
                body = self._markup(diff_text(body_a, body_b), view, move, None, mark)
            return replace(base, lead=lead, body=body)
        if isinstance(base, LineBlock):
            a, b = field("lines")
            text = self._plain(diff_plain(_join(a), _join(b)), view, move)
            return replace(base, lines=tuple((mark + text).split("\n")))
        if isinstance(base, SignatureBlock):
            (name_a, name_b), (titles_a, titles_b) = field("name"), field("title_lines")
            name = mark + self._plain(diff_plain(name_a, name_b), view, move)
            titles = self._plain(diff_plain(_join(titles_a), _join(titles_b)), view, move)
            lines = tuple((mark + titles).split("\n")) if base.title_lines else ()
            return replace(base, name=name, title_lines=lines)
        if isinstance(base, TableBlock):
            return self._merged_table(base, old, new, mark)
        assert isinstance(base, LabeledBlock)
        return self._merged_labeled(base, old, new, mark)

    def _merged_table(
        self, base: TableBlock, old: Block | None, new: Block | None, mark: str
    ) -> TableBlock:
        """A table with its changes: words inside cells, rows deleted or inserted whole
        (Word marks a row whose every paragraph is deleted or inserted as such)."""
        a = old if isinstance(old, TableBlock) else None
        b = new if isinstance(new, TableBlock) else None

        def cell(x: str | None, y: str | None, whole: str = "") -> str:
            return self._markup(diff_text(x, y), "merged", 0, None, mark or whole)

        def row(x: tuple[str, ...] | None, y: tuple[str, ...] | None) -> tuple[str, ...]:
            whole = _P_DEL if y is None else _P_INS if x is None else ""
            cells = y if y is not None else x
            assert cells is not None
            return tuple(
                cell(x[k] if x is not None else None, y[k] if y is not None else None, whole)
                for k in range(len(cells))
            )

        old_rows = list(a.rows) if a else []
        new_rows = list(b.rows) if b else []
        rows: list[tuple[str, ...]] = []
        matcher = difflib.SequenceMatcher(None, old_rows, new_rows, False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                rows.extend(row(old_rows[i1 + k], new_rows[j1 + k]) for k in range(i2 - i1))
                continue
            paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            rows.extend(row(old_rows[i1 + k], new_rows[j1 + k]) for k in range(paired))
            rows.extend(row(old_rows[i], None) for i in range(i1 + paired, i2))
            rows.extend(row(None, new_rows[j]) for j in range(j1 + paired, j2))
        old_header = a.header if a and a.header else None
        new_header = b.header if b and b.header else None
        header = row(old_header, new_header) if old_header or new_header else ()
        old_caption = a.caption if a else None
        new_caption = b.caption if b else None
        caption = None
        if old_caption or new_caption:
            whole = _P_DEL if not new_caption else _P_INS if not old_caption else ""
            caption = cell(old_caption, new_caption, whole)
        return replace(base, header=header, rows=tuple(rows), caption=caption)

    def _merged_labeled(
        self, base: LabeledBlock, old: Block | None, new: Block | None, mark: str
    ) -> LabeledBlock:
        a = old if isinstance(old, LabeledBlock) else None
        b = new if isinstance(new, LabeledBlock) else None
        label = self._plain(diff_plain(a.label if a else None, b.label if b else None), "merged", 0)
        if not base.spaced:
            text = self._plain(
                diff_plain(
                    _join([line for e in a.entries for line in e]) if a else None,
                    _join([line for e in b.entries for line in e]) if b else None,
                ),
                "merged",
                0,
            )
            return replace(base, label=label, entries=(tuple((mark + text).split("\n")),))
        entries: list[tuple[str, ...]] = []
        pairs = pair_blocks(
            [LineBlock(STYLES.CC, e) for e in a.entries] if a else [],
            [LineBlock(STYLES.CC, e) for e in b.entries] if b else [],
        )
        for x, y in pairs:
            lines_x = x.lines if isinstance(x, LineBlock) else None
            lines_y = y.lines if isinstance(y, LineBlock) else None
            entry_mark = mark or (_P_DEL if lines_y is None else _P_INS if lines_x is None else "")
            text = self._plain(diff_plain(_join(lines_x), _join(lines_y)), "merged", 0)
            entries.append(tuple((entry_mark + text).split("\n")))
        return replace(base, label=label, entries=tuple(entries))

    # -- marked texts ------------------------------------------------------------------

    def _old_rpr_index(self, was: Span, base_style: str | None) -> int:
        key = (was.bold, was.italic, base_style)
        index = self._rpr_index.get(key)
        if index is None:
            run = self._runs(_Tracked([Span("x", was.bold, was.italic)]), _Body(), base_style)
            match = re.search(r"<w:rPr>(.*?)</w:rPr>", run)
            self._old_rpr.append(match.group(1) if match else "")
            index = self._rpr_index[key] = len(self._old_rpr) - 1
        return index

    def _markup(
        self,
        pieces: Sequence[Piece],
        view: View,
        move: int,
        base_style: str | None,
        mark: str,
    ) -> str:
        spans: list[Span] = [Span(mark)] if mark else []
        for piece in pieces:
            marks = _marks(piece, view, move)
            if marks is None:
                continue
            start, end = marks
            if not start and piece.was is not None and view == "merged":
                start = _FMT_S + _number(self._old_rpr_index(piece.was, base_style))
                end = _FMT_E
            if start:
                spans.append(Span(start))
            spans.append(piece.span)
            if end:
                spans.append(Span(end))
        return _Tracked(spans)

    def _plain(self, pieces: Sequence[Piece], view: View, move: int) -> str:
        out: list[str] = []
        for piece in pieces:
            marks = _marks(piece, view, move)
            if marks is not None:
                out.append(marks[0] + piece.span.text + marks[1])
        return "".join(out)


def _join(lines: Sequence[str] | None) -> str | None:
    return "\n".join(lines) if lines else None


def _mergeable(old: Block, new: Block) -> bool:
    """Whether two blocks can be shown as one with word changes (else deleted + inserted)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, AskBlock) and isinstance(new, AskBlock):
        return (bool(old.lead), bool(old.body)) == (bool(new.lead), bool(new.body))
    if isinstance(old, SignatureBlock) and isinstance(new, SignatureBlock):
        return old.organization == new.organization and bool(old.title_lines) == bool(
            new.title_lines
        )
    if isinstance(old, LabeledBlock) and isinstance(new, LabeledBlock):
        if old.spaced != new.spaced:
            return False
        if not old.spaced:
            return True
        # the label stands on the first entry: the first entries must be one person
        pairs = pair_blocks(
            [LineBlock(STYLES.CC, e) for e in old.entries],
            [LineBlock(STYLES.CC, e) for e in new.entries],
        )
        return bool(pairs) and pairs[0][0] is not None and pairs[0][1] is not None
    if isinstance(old, TableBlock) and isinstance(new, TableBlock):
        return len(old.align) == len(new.align)
    if isinstance(old, ParaBlock) and isinstance(new, ParaBlock):
        return True
    return True


def render_redline(
    entries: Sequence[Entry],
    old: Letter,
    new: Letter,
    *,
    author: str,
    date: dt.datetime,
    reference: str | Path | None = None,
    properties: Mapping[str, str] | None = None,
) -> bytes:
    """The new letter as a .docx with the changes from the old one tracked.

    Raises:
        RenderError: A letter holds a character the redline uses as a mark, or the
            reference document cannot be read.
    """
    for which, letter in (("old", old), ("new", new)):
        found = RESERVED.search(letter.model_dump_json())
        if found:
            raise RenderError(
                f"the {which} letter holds the private-use character "
                f"U+{ord(found.group(0)):04X}, which the redline uses as a mark",
                hint="remove it from the letter",
            )
    renderer = RedlineRenderer(entries, old, author=author, date=date, reference=reference)
    return renderer.render(new, properties=properties)
