"""Structural alignment of two letters: which part of the old letter became which of the new.

Both letters are laid out (:func:`draftkit.render.layout.flowing_layout`, the blocks every
renderer sets) and the blocks grouped into *units*, each belonging to a *part* of the
letter: the date, an addressee's block, the salutation, a body paragraph, an ask with its
heading and bullet items, the close, a signatory, the cc list ... Parts are matched in
order; within a part, units are matched

- by identity for addressees (the name line) and signatories (the same person or
  organisation, as :func:`draftkit.signatories.identity_key` decides), else by likeness;
- by text for paragraphs: equal first (longest common subsequence), then the most alike
  within each gap, so a reworded paragraph is one changed paragraph, not a deletion and
  an insertion;
- for asks, across the whole list: an ask that comes back in another place (moved,
  whether or not its words changed) is a *move*, found as the asks outside the longest
  run kept in order. A renumbered ask that did not move is not a change at all: Word
  numbers the list.

The result is a list of :class:`Entry` in reading order, the old letter's deleted and
moved-away units at their old places.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from draftkit.diff.words import plain_of, similarity
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
from draftkit.render.typesetting import typeset
from draftkit.schema import Letter
from draftkit.signatories import identity_key
from draftkit.styles import STYLES

__all__ = ["Entry", "Kind", "Unit", "align", "content", "pair_blocks", "units"]

Kind = Literal["equal", "changed", "inserted", "deleted", "moved-from", "moved-to"]

_PARTS: dict[str, str] = {
    STYLES.PUBLISHED: "published",
    STYLES.PAGE_HEADING: "heading",
    STYLES.DATE: "date",
    STYLES.ADDRESS: "addressee",
    STYLES.DELIVERY: "delivery",
    STYLES.CC: "cc",
    STYLES.SUBJECT: "subject",
    STYLES.SALUTATION: "salutation",
    STYLES.BODY: "body",
    STYLES.ASKS_INTRO: "asks-intro",
    STYLES.CLOSING: "closing",
    STYLES.CLOSE: "close",
    STYLES.SIGNATORY_NOTE: "signatory-note",
    STYLES.ENCLOSURE: "enclosures",
}

_SIMILAR = {
    "body": 0.5,
    "closing": 0.5,
    "ask": 0.5,
    "addressee": 0.3,
    "signatory": 0.6,
    "table": 0.3,
}
_MAX_GAP = 400  # units on either side of a gap paired by likeness (larger gaps: in order)


@dataclass(frozen=True, slots=True)
class Unit:
    """Blocks of one letter that change together: a paragraph, an ask with its items ...

    Attributes:
        part: The part of the letter (``body``, ``ask``, ``signatory``, ``addressee`` ...).
        blocks: The unit's blocks, as the letter's layout sets them.
        key: What identifies it: the signatory's or addressee's identity, else its text.
        text: Its plain text (for likeness).
    """

    part: str
    blocks: tuple[Block, ...]
    key: str
    text: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One unit of the redline, in reading order.

    Attributes:
        kind: ``equal``, ``changed``, ``inserted``, ``deleted``; ``moved-from`` (an ask
            at its old place) and ``moved-to`` (the same ask at its new place).
        part: The part of the letter.
        old: The unit in the old letter (None when inserted).
        new: The unit in the new letter (None when deleted).
        move: The move's number (1, 2 ...) for moved units; 0 otherwise.
    """

    kind: Kind
    part: str
    old: Unit | None
    new: Unit | None
    move: int = 0


def content(block: Block) -> Block:
    """A block without its page-flow settings and list number (they are not changes)."""
    if isinstance(block, AskBlock):
        return replace(block, keep_next=False, number=0)
    if isinstance(block, ParaBlock | LineBlock | ItemBlock | SignatureBlock):
        return replace(block, keep_next=False)
    if isinstance(block, LabeledBlock):
        return replace(block, keep_together=True)
    return block


def _text(block: Block) -> str:
    if isinstance(block, ParaBlock | ItemBlock):
        return plain_of(block.text)
    if isinstance(block, AskBlock):
        return " ".join(plain_of(part) for part in (block.lead, block.body) if part)
    if isinstance(block, LineBlock):
        return "\n".join(block.lines)
    if isinstance(block, LabeledBlock):
        return "\n".join(line for entry in block.entries for line in entry)
    if isinstance(block, SignatureBlock):
        return "\n".join((block.name, *block.title_lines))
    if isinstance(block, TableBlock):
        cells = [block.caption or "", *block.header, *(c for row in block.rows for c in row)]
        return "\n".join(plain_of(cell) for cell in cells if cell)
    return ""  # pragma: no cover - every block of flowing_layout is above


def _unit(part: str, blocks: list[Block], key: str | None = None) -> Unit:
    text = "\n".join(_text(b) for b in blocks)
    return Unit(part, tuple(blocks), key if key is not None else " ".join(text.split()), text)


def units(letter: Letter) -> list[Unit]:
    """The units of a resolved letter in reading order.

    Raises:
        RenderError: The letter is unresolved (as :func:`~draftkit.render.layout.layout`).
    """
    blocks = flowing_layout(letter)
    intro = typeset(letter).asks_intro
    out: list[Unit] = []
    heading: list[Block] = []
    seen_ask = False
    for block in blocks:
        if isinstance(block, AskBlock):
            seen_ask = True
            out.append(_unit("ask", [*heading, block]))
            heading = []
        elif isinstance(block, ItemBlock) and out and out[-1].part == "ask":
            last = out.pop()
            out.append(_unit("ask", [*last.blocks, block]))
        elif isinstance(block, SignatureBlock):
            key = identity_key(block.name, organization=block.organization)
            out.append(_unit("signatory", [block], key))
        elif isinstance(block, ParaBlock) and block.style == STYLES.ASKS_INTRO:
            if not seen_ask and not heading and intro and block.text == intro:
                out.append(_unit("asks-intro", [block]))
            else:
                heading.append(block)  # opens the next group of asks
        elif isinstance(block, LineBlock) and block.style == STYLES.ADDRESS:
            out.append(_unit("addressee", [block], " ".join(block.lines[0].lower().split())))
        elif isinstance(block, TableBlock):
            out.append(_unit("table", [block]))
        else:
            style = getattr(block, "style", "")
            out.append(_unit(_PARTS.get(style, style or "other"), [block]))
    if heading:  # pragma: no cover - layout sets a heading only before an ask
        out.append(_unit("asks-intro", heading))
    return out


def _same(old: Unit, new: Unit) -> bool:
    return len(old.blocks) == len(new.blocks) and all(
        content(a) == content(b) for a, b in zip(old.blocks, new.blocks, strict=True)
    )


def _runs(items: Sequence[Unit]) -> list[tuple[str, list[Unit]]]:
    """Consecutive units grouped by part."""
    out: list[tuple[str, list[Unit]]] = []
    for item in items:
        if out and out[-1][0] == item.part:
            out[-1][1].append(item)
        else:
            out.append((item.part, [item]))
    return out


def _gap_pairs(old: Sequence[Unit], new: Sequence[Unit], threshold: float) -> list[tuple[int, int]]:
    """The most alike order-keeping pairs between two short lists (dynamic programming)."""
    if not old or not new:
        return []
    if len(old) * len(new) > _MAX_GAP * _MAX_GAP // 4:
        pairs = []
        for i, j in zip(range(len(old)), range(len(new)), strict=False):
            if old[i].part == new[j].part and similarity(old[i].text, new[j].text) >= threshold:
                pairs.append((i, j))
        return pairs
    score = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    sims: dict[tuple[int, int], float] = {}
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if old[i].part != new[j].part:
                score[i][j] = best
                continue
            sim = similarity(old[i].text, new[j].text)
            if sim >= threshold:
                sims[(i, j)] = sim
                best = max(best, sim + score[i + 1][j + 1])
            score[i][j] = best
    pairs = []
    i = j = 0
    while i < len(old) and j < len(new):
        found = sims.get((i, j))
        if found is not None and score[i][j] == found + score[i + 1][j + 1]:
            pairs.append((i, j))
            i += 1
            j += 1
        elif score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _in_order(old: Sequence[Unit], new: Sequence[Unit], threshold: float) -> list[tuple[int, int]]:
    """Pairs keeping the order: equal keys first, then the most alike within each gap."""
    matcher = difflib.SequenceMatcher(None, [u.key for u in old], [u.key for u in new], False)
    pairs: list[tuple[int, int]] = []
    i0 = j0 = 0
    for block in matcher.get_matching_blocks():
        gap = _gap_pairs(old[i0 : block.a], new[j0 : block.b], threshold)
        pairs.extend((i0 + i, j0 + j) for i, j in gap)
        pairs.extend((block.a + k, block.b + k) for k in range(block.size))
        i0, j0 = block.a + block.size, block.b + block.size
    return pairs


def _longest_increasing(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs (sorted by old index) whose new indices form the longest increasing run."""
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    for index, (_, j) in enumerate(pairs):
        at = bisect.bisect_left(tails, j)
        if at == len(tails):
            tails.append(j)
            tail_at.append(index)
        else:
            tails[at] = j
            tail_at[at] = index
        back.append(tail_at[at - 1] if at else -1)
    keep: set[tuple[int, int]] = set()
    index = tail_at[-1] if tail_at else -1
    while index != -1:
        keep.add(pairs[index])
        index = back[index]
    return keep


def _with_moves(
    old: Sequence[Unit], new: Sequence[Unit], threshold: float
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Pairs kept in place and pairs that moved, matched across the whole list."""
    pairs = dict(_in_order(old, new, threshold))
    used_new = set(pairs.values())
    # an equal text elsewhere, then the most alike elsewhere: moved
    by_key: dict[str, list[int]] = {}
    for j, unit in enumerate(new):
        if j not in used_new:
            by_key.setdefault(unit.key, []).append(j)
    for i, unit in enumerate(old):
        if i not in pairs and by_key.get(unit.key):
            j = by_key[unit.key].pop(0)
            pairs[i] = j
            used_new.add(j)
    free_old = [i for i in range(len(old)) if i not in pairs]
    free_new = [j for j in range(len(new)) if j not in used_new]
    if free_old and free_new and len(free_old) * len(free_new) <= _MAX_GAP * _MAX_GAP:
        scored = sorted(
            ((similarity(old[i].text, new[j].text), i, j) for i in free_old for j in free_new),
            reverse=True,
        )
        for sim, i, j in scored:
            if sim < threshold:
                break
            if i in pairs or j in used_new:
                continue
            pairs[i] = j
            used_new.add(j)
    ordered = sorted(pairs.items())
    kept = _longest_increasing(ordered)
    return [p for p in ordered if p in kept], [p for p in ordered if p not in kept]


def _merge_order(
    part: str,
    old: Sequence[Unit],
    new: Sequence[Unit],
    kept: list[tuple[int, int]],
    moved: list[tuple[int, int]],
    next_move: Callable[[], int],
) -> list[Entry]:
    """Entries in reading order: old-only units where they stood, before the new ones."""
    kept_old = dict(kept)
    kept_new = {j for _, j in kept}
    move_of_old: dict[int, tuple[int, int]] = {}
    move_of_new: dict[int, tuple[int, int]] = {}
    for i, j in sorted(moved, key=lambda p: p[1]):
        number = next_move()
        move_of_old[i] = (j, number)
        move_of_new[j] = (i, number)
    out: list[Entry] = []
    i = j = 0
    while i < len(old) or j < len(new):
        if i < len(old) and i not in kept_old:
            if i in move_of_old:
                target, number = move_of_old[i]
                out.append(Entry("moved-from", part, old[i], new[target], number))
            else:
                out.append(Entry("deleted", part, old[i], None))
            i += 1
        elif j < len(new) and j not in kept_new:
            if j in move_of_new:
                source, number = move_of_new[j]
                out.append(Entry("moved-to", part, old[source], new[j], number))
            else:
                out.append(Entry("inserted", part, None, new[j]))
            j += 1
        else:
            a, b = old[i], new[j]
            out.append(Entry("equal" if _same(a, b) else "changed", part, a, b))
            i += 1
            j += 1
    return out


def align(old: Letter, new: Letter) -> list[Entry]:
    """Align two resolved letters part by part (see the module's description).

    Returns:
        The entries in reading order: every unit of the new letter once, and every unit
        of the old letter that was deleted or moved away at its old place.
    """
    old_runs, new_runs = _runs(units(old)), _runs(units(new))
    matcher = difflib.SequenceMatcher(
        None, [part for part, _ in old_runs], [part for part, _ in new_runs], False
    )
    moves = [0]

    def next_move() -> int:
        moves[0] += 1
        return moves[0]

    out: list[Entry] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for (part, a), (_, b) in zip(old_runs[i1:i2], new_runs[j1:j2], strict=True):
                threshold = _SIMILAR.get(part, 0.0)
                if part == "ask":
                    kept, moved = _with_moves(a, b, threshold)
                else:
                    kept, moved = _in_order(a, b, threshold), []
                    if part not in _SIMILAR and len(a) == 1 and len(b) == 1 and not kept:
                        kept = [(0, 0)]  # the date, the salutation ...: one of each
                out.extend(_merge_order(part, a, b, kept, moved, next_move))
            continue
        for part, items in old_runs[i1:i2]:
            out.extend(Entry("deleted", part, u, None) for u in items)
        for part, items in new_runs[j1:j2]:
            out.extend(Entry("inserted", part, None, u) for u in items)
    return out


def pair_blocks(
    old: Sequence[Block], new: Sequence[Block]
) -> list[tuple[Block | None, Block | None]]:
    """The blocks of two versions of one unit (an ask's heading, the ask, its items; the
    entries of a cc list), paired in reading order; None where a block is on one side only.

    Blocks pair only with blocks of their kind: equal ones first, then the most alike.
    """
    a = [_unit(_kind(b), [b]) for b in old]
    b = [_unit(_kind(x), [x]) for x in new]
    kept = _in_order(a, b, 0.3)
    ones = {u.part for u in a if sum(v.part == u.part for v in a) == 1}
    if not kept:
        kept = []
    taken_old = {i for i, _ in kept}
    taken_new = {j for _, j in kept}
    # one heading and one ask on each side are the same heading and ask, however reworded
    for i, unit in enumerate(a):
        if unit.part in ones and i not in taken_old:
            match = [j for j, v in enumerate(b) if v.part == unit.part and j not in taken_new]
            if len(match) == 1 and sum(v.part == unit.part for v in b) == 1:
                kept.append((i, match[0]))
                taken_old.add(i)
                taken_new.add(match[0])
    kept.sort()
    kept = sorted(_longest_increasing(kept))
    entries = _merge_order("", a, b, kept, [], lambda: 0)
    return [
        (e.old.blocks[0] if e.old else None, e.new.blocks[0] if e.new else None) for e in entries
    ]


def _kind(block: Block) -> str:
    return type(block).__name__
