"""The redline as a Word document: the new letter, rendered as usual, with tracked changes.

The real renderer (:class:`~draftkit.render.word.DocxRenderer`) sets the letter, so the
redline has the letter's styles, letterhead, numbering, header and footer. Two hooks of
the renderer are used: :meth:`_layout` gets the *merged* blocks (every block of the new
letter, and the old letter's deleted and moved-away blocks where they stood) and
:meth:`_spans` gets each merged text's spans. A merged text carries its changes in-band,
as private-use characters around the changed words; after the renderer has written a
letter's paragraphs, :meth:`RedlineRenderer._track` turns them into WordprocessingML:

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

import copy
import datetime as dt
import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from draftkit.diff.align import Entry, content, pair_blocks
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
from draftkit.render.wordml import R_NS, W_NS, W
from draftkit.schema import Letter
from draftkit.styles import STYLES

__all__ = ["RESERVED", "RedlineRenderer", "render_redline"]

View = Literal["merged", "from", "to"]

# in-band marks: runs of changed words, paragraph marks, formatting changes
_INS_S, _INS_E = "\ue000", "\ue001"
_DEL_S, _DEL_E = "\ue002", "\ue003"
_MF_S, _MF_E = "\ue004", "\ue005"  # + the move's number
_MT_S, _MT_E = "\ue006", "\ue007"  # + the move's number
_FMT_S, _FMT_E = "\ue008", "\ue009"  # + the index of the old run properties
_P_INS, _P_DEL, _P_MF, _P_MT = "\ue010", "\ue011", "\ue012", "\ue013"  # (+ move number)
_P_CHG = "\ue014"  # + the index of the old paragraph properties
_NUMBERED = {_MF_S, _MT_S, _FMT_S, _P_MF, _P_MT, _P_CHG}
_BASE = 0xF0000
RESERVED = re.compile("[\ue000-\ue01f\U000f0000-\U000ffffd]")
"""Private-use characters the redline uses as marks; a letter holding one is refused."""

_MODES = {
    _INS_S: "ins",
    _DEL_S: "del",
    _MF_S: "moveFrom",
    _MT_S: "moveTo",
}
_ENDS = {_INS_E, _DEL_E, _MF_E, _MT_E}
_PARA = {_P_INS: "ins", _P_DEL: "del", _P_MF: "moveFrom", _P_MT: "moveTo"}
_DELETED = {"del", "moveFrom"}


def _number(value: int) -> str:
    return chr(_BASE + value)


class _Tracked(str):
    """A paragraph text whose spans carry the marks (given to the renderer's ``_spans``)."""

    spans: tuple[Span, ...]

    def __new__(cls, spans: Sequence[Span]) -> _Tracked:
        value = super().__new__(cls, "".join(span.text for span in spans))
        value.spans = tuple(spans)
        return value


@dataclass(slots=True)
class _State:
    mode: str | None = None
    move: int = 0
    fmt: int = -1
    # a paragraph inserted, deleted or moved whole: what its unmarked runs (the space
    # between an ask's lead and body, a link's printed address) are
    default: tuple[str | None, int] = (None, 0)

    def key(self) -> tuple[str | None, int]:
        return (self.mode, self.move) if self.mode else self.default


class RedlineRenderer(DocxRenderer):
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

    # -- from marks to WordprocessingML ------------------------------------------------

    def _attrs(self, element: Any) -> Any:
        self._ids += 1
        element.set(f"{W}id", str(self._ids))
        element.set(f"{W}author", self._author)
        element.set(f"{W}date", self._date)
        return element

    def _track(self, xml: str) -> str:
        """Turn the marks in a letter's paragraphs into tracked changes."""
        from lxml import etree  # deferred: only a redline needs lxml here (start-up time)

        root = etree.fromstring(
            f'<w:body xmlns:w="{W_NS}" xmlns:r="{R_NS}">{xml}</w:body>'.encode()
        )
        self._marks = {}
        moves: dict[tuple[str, int], list[Any]] = {}
        for paragraph in list(root.iter(f"{W}p")):
            if any(RESERVED.search(t.text or "") for t in paragraph.iter(f"{W}t")):
                self._paragraph(paragraph, moves, etree)
        self._shift_final_mark(root)
        for row in root.iter(f"{W}tr"):
            marks = {self._marks.get(p) for p in row.iter(f"{W}p")}
            kind = "del" if marks <= _DELETED and marks else "ins" if marks == {"ins"} else None
            if kind:
                trpr = row.find(f"{W}trPr")
                if trpr is None:
                    trpr = etree.Element(f"{W}trPr")
                    row.insert(0, trpr)
                trpr.append(self._attrs(etree.Element(f"{W}{kind}")))
        for (kind, number), paragraphs in moves.items():
            name = f"move{number}"
            start = self._attrs(etree.Element(f"{W}{kind}RangeStart"))
            start.set(f"{W}name", name)
            first = paragraphs[0]
            ppr = first.find(f"{W}pPr")
            first.insert(1 if ppr is not None else 0, start)
            end = etree.Element(f"{W}{kind}RangeEnd")
            end.set(f"{W}id", start.get(f"{W}id"))
            paragraphs[-1].append(end)
        text: str = etree.tostring(root, encoding="unicode")
        return text[text.index(">") + 1 : text.rindex("<")]

    def _shift_final_mark(self, root: Any) -> None:
        """Paragraphs inserted or deleted whole at the very end: their marks move up one.

        The last paragraph mark of a document cannot go (Word and LibreOffice keep it),
        so, as Word records it, the mark of the paragraph *before* the inserted (or
        deleted) ones is the tracked one, and the last paragraph keeps its own.
        """
        paragraphs = list(root)
        if not paragraphs or paragraphs[-1].tag != f"{W}p":
            return
        end = len(paragraphs) - 1
        kind = self._marks.get(paragraphs[end])
        if kind not in ("ins", "del"):
            return
        start = end
        while start > 0 and paragraphs[start - 1].tag == f"{W}p":
            if self._marks.get(paragraphs[start - 1]) != kind:
                break
            start -= 1
        before = paragraphs[start - 1] if start > 0 else None
        if before is None or before.tag != f"{W}p" or before in self._marks:
            return
        if before.find(f"{W}pPr/{W}sectPr") is not None:
            return
        mark = paragraphs[end].find(f"{W}pPr/{W}rPr/{W}{kind}")
        rpr = mark.getparent()
        rpr.remove(mark)
        if not len(rpr):
            rpr.getparent().remove(rpr)
        ppr = before.find(f"{W}pPr")
        target = ppr.find(f"{W}rPr")
        if target is None:
            target = ppr.makeelement(f"{W}rPr", {})
            ppr.append(target)
        target.insert(0, mark)
        self._marks[before] = kind
        del self._marks[paragraphs[end]]

    def _paragraph(self, p: Any, moves: dict[tuple[str, int], list[Any]], etree: Any) -> None:
        found: dict[str, Any] = {}
        state = _State()
        for t in p.iter(f"{W}t"):
            for at, char in enumerate(t.text or ""):
                if char in _PARA:
                    following = (t.text or "")[at + 1 : at + 2]
                    number = ord(following) - _BASE if char in _NUMBERED and following else 0
                    state.default = (_PARA[char], number)
        self._container(p, state, found, etree)
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            ppr = etree.Element(f"{W}pPr")
            p.insert(0, ppr)
        for kind, number in found.get("moves", ()):
            listed = moves.setdefault((kind, number), [])
            if not listed or listed[-1] is not p:
                listed.append(p)
        mark = found.get("mark")
        if mark is not None:
            kind, number = mark
            self._marks[p] = kind
            rpr = ppr.find(f"{W}rPr")
            if rpr is None:
                rpr = etree.Element(f"{W}rPr")
                sect = ppr.find(f"{W}sectPr")
                if sect is not None:
                    sect.addprevious(rpr)
                else:
                    ppr.append(rpr)
            rpr.insert(0, self._attrs(etree.Element(f"{W}{kind}")))
            if number:
                listed = moves.setdefault((kind, number), [])
                if not listed or listed[-1] is not p:
                    listed.append(p)
        if "ppr" in found:
            change = self._attrs(etree.Element(f"{W}pPrChange"))
            old = etree.fromstring(
                f'<w:pPr xmlns:w="{W_NS}">{self._old_ppr[found["ppr"]]}</w:pPr>'.encode()
            )
            change.append(old)
            ppr.append(change)

    def _container(self, parent: Any, state: _State, found: dict[str, Any], etree: Any) -> None:
        items: list[tuple[str | None, int, Any]] = []
        for child in list(parent):
            tag = child.tag
            if tag == f"{W}pPr":
                continue
            parent.remove(child)
            if tag == f"{W}r":
                items.extend(self._split(child, state, found, etree))
            elif tag == f"{W}hyperlink":
                self._container(child, state, found, etree)
                if len(child):
                    items.append((None, 0, child))
            else:
                items.append((None, 0, child))
        wrapper: Any = None
        key: tuple[str, int] | None = None
        for mode, move, element in items:
            if mode is None:
                parent.append(element)
                wrapper, key = None, None
                continue
            if key != (mode, move):
                wrapper = self._attrs(etree.Element(f"{W}{mode}"))
                parent.append(wrapper)
                key = (mode, move)
                if move:
                    found.setdefault("moves", []).append((mode, move))
            wrapper.append(element)

    def _split(
        self, run: Any, state: _State, found: dict[str, Any], etree: Any
    ) -> list[tuple[str | None, int, Any]]:
        rpr = run.find(f"{W}rPr")
        out: list[tuple[str | None, int, Any]] = []
        current: list[Any] = [None, None]  # (state key, run)

        def target() -> Any:
            mode, move = state.key()
            key = (mode, move, state.fmt)
            if current[0] != key:
                new = etree.Element(f"{W}r")
                props = copy.deepcopy(rpr) if rpr is not None else None
                if state.fmt >= 0:
                    if props is None:
                        props = etree.Element(f"{W}rPr")
                    change = self._attrs(etree.SubElement(props, f"{W}rPrChange"))
                    change.append(
                        etree.fromstring(
                            f'<w:rPr xmlns:w="{W_NS}">{self._old_rpr[state.fmt]}</w:rPr>'.encode()
                        )
                    )
                if props is not None:
                    new.append(props)
                current[0], current[1] = key, new
                out.append((mode, move, new))
            return current[1]

        def put(text: str) -> None:
            if not text:
                return
            tag = "delText" if state.key()[0] in _DELETED else "t"
            element = etree.SubElement(target(), f"{W}{tag}")
            element.text = text
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

        for child in run:
            if child is rpr:
                continue
            if child.tag != f"{W}t":
                target().append(copy.deepcopy(child))
                continue
            text = child.text or ""
            index = 0
            while index < len(text):
                found_mark = RESERVED.search(text, index)
                if found_mark is None:
                    put(text[index:])
                    break
                put(text[index : found_mark.start()])
                char = found_mark.group(0)
                index = found_mark.end()
                number = 0
                if char in _NUMBERED and index < len(text):
                    number = ord(text[index]) - _BASE
                    index += 1
                if char in _MODES:
                    state.mode, state.move = _MODES[char], number
                elif char in _ENDS:
                    state.mode, state.move = None, 0
                elif char == _FMT_S:
                    state.fmt = number
                elif char == _FMT_E:
                    state.fmt = -1
                elif char in _PARA:
                    found["mark"] = (_PARA[char], number)
                elif char == _P_CHG:
                    found["ppr"] = number
        return [item for item in out if any(c.tag != f"{W}rPr" for c in item[2])]


def _marks(piece: Piece, view: View, move: int) -> tuple[str, str] | None:
    """The marks around a piece in a view (None: the piece is not shown there)."""
    if piece.op == "equal":
        if view == "from":
            return _MF_S + _number(move), _MF_E
        if view == "to":
            return _MT_S + _number(move), _MT_E
        return "", ""
    if piece.op == "delete":
        return None if view == "to" else (_DEL_S, _DEL_E)
    return None if view == "from" else (_INS_S, _INS_E)


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
