"""Tracked changes from the redline's marks: ``w:ins``, ``w:del``, ``w:moveFrom``/``w:moveTo``
with their range markers, ``w:rPrChange`` and ``w:pPrChange``, each with the author and
the date (:mod:`draftkit.diff.marks` says what each mark means).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from draftkit.diff.marks import (
    _BASE,
    _DELETED,
    _ENDS,
    _FMT_E,
    _FMT_S,
    _MODES,
    _NUMBERED,
    _P_CHG,
    _PARA,
    RESERVED,
)
from draftkit.render.wordml import R_NS, W_NS, W

__all__ = ["TrackedChanges"]


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


class TrackedChanges:
    """Turns the marks in a rendered letter's paragraphs into tracked changes.

    A base of :class:`~draftkit.diff.docx.RedlineRenderer`, which keeps the state below.
    """

    _ids: int
    _author: str
    _date: str
    _marks: dict[Any, str]
    _old_rpr: list[str]
    _old_ppr: list[str]

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
