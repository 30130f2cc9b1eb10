"""A PDF page's rows, rebuilt from the boxes of its characters.

Pieces of text that share a baseline become one row, and a wide horizontal gap inside a
row becomes a tab (a signatory table's columns, a date set to the right); rows whose
baselines PDFium reports a hair apart are merged back into one.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable

from draftkit.ingest.pdf_layout import Row as _Row
from draftkit.ingest.pdf_layout import Word

_Box = tuple[float, float, float, float]


def _rows(textpage: object) -> list[_Row]:
    """The page's text lines in content order, split where the layout leaves a gap."""
    import pypdfium2.raw as raw

    handle = textpage.raw  # type: ignore[attr-defined]
    count = raw.FPDFText_CountChars(handle)
    if count <= 0:
        return []
    text: str = textpage.get_text_range(0, count)  # type: ignore[attr-defined]
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    # references made once: ctypes converting the doubles on every call costs half the time
    refs = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    origin_refs = (ctypes.byref(origin_x), ctypes.byref(origin_y))
    get_box = raw.FPDFText_GetCharBox
    get_origin = raw.FPDFText_GetCharOrigin
    get_loose = raw.FPDFText_GetLooseCharBox
    loose_box = raw.FS_RECTF()
    loose_ref = ctypes.byref(loose_box)

    def type_size(index: int) -> float:
        """The type size at a row's start: the tallest of its first three characters'
        font boxes (ascent to descent, whatever the text matrix), so that a superscript
        note mark or a bullet glyph does not stand for the row."""
        sizes: list[float] = []
        at = index
        while at < length and len(sizes) < 3 and text[at] not in "\r\n":
            if not text[at].isspace() and get_loose(handle, at, loose_ref):
                sizes.append(float(loose_box.top - loose_box.bottom))
            at += 1
        return max(sizes, default=0.0)

    def box(index: int) -> _Box | None:
        """(left, right, baseline, top) of a character; None for generated ones."""
        if not get_box(handle, index, *refs):
            return None
        if right.value <= left.value and top.value <= bottom.value:
            return None  # a generated character (a space or line break PDFium added)
        baseline = origin_y.value if get_origin(handle, index, *origin_refs) else bottom.value
        return left.value, right.value, baseline, max(top.value, baseline + 1.0)

    rows: list[_Row] = []
    start = 0
    length = min(len(text), count)
    while start < length:
        end = start
        while end < length and text[end] not in "\r\n":
            end += 1
        if end > start:
            rows.extend(_split_row(text, start, end, box, type_size))
        while end < length and text[end] in "\r\n":
            end += 1
        start = end
    return rows


def _split_row(
    text: str,
    start: int,
    end: int,
    box: Callable[[int], _Box | None],
    font_size: Callable[[int], float] | None = None,
) -> list[_Row]:
    """One extracted line, with wide gaps between words turned into tabs (columns).

    Only the first and last character of each word are measured: a column gap can only
    fall between words. PDFium runs a line on into the next when the first ends in a
    soft hyphen (U+FFFE); a drop to a lower baseline starts a new row there, and the
    hyphen is kept as "-" for the body parser to rejoin the word.
    """
    words: list[tuple[int, int]] = []
    index = start
    while index < end:
        while index < end and text[index] in " \t\x00\ufffe":
            index += 1
        if index >= end:
            break
        word_start = index
        while index < end and text[index] not in " \t\x00\ufffe":
            index += 1
        if index < end and text[index] == "\ufffe":
            index += 1  # the soft hyphen stays with the first half of the word
        words.append((word_start, index))
    rows: list[_Row] = []
    pieces: list[str] = []
    placed: list[Word] = []  # the row's words and where they are (for tables)
    unplaced = False
    first: _Box | None = None
    first_index = start
    last: _Box | None = None
    size = 0.0

    def close_row() -> None:
        if first is not None and last is not None and pieces:
            joined = "".join(pieces).replace("\ufffe", "-")
            bottom, top = min(first[2], last[2]), max(first[3], last[3])
            points = font_size(first_index) if font_size is not None else 0.0
            words = () if unplaced else tuple(placed)
            rows.append(_Row(joined, first[0], last[1], bottom, top, points, words))

    for word_start, word_end in words:
        head = box(word_start)
        tail_index = word_end - 1
        while tail_index > word_start and text[tail_index] == "\ufffe":
            tail_index -= 1
        tail = box(tail_index) if tail_index > word_start else head
        chunk = text[word_start:word_end]
        if head is None or tail is None:
            pieces.append(" " + chunk if pieces else chunk)
            unplaced = True
            continue
        height = head[3] - head[2]
        size = height if not size else 0.7 * size + 0.3 * height
        if last is not None and head[3] < last[2] + 0.2 * max(size, 1.0):
            close_row()  # the text went on to a lower line
            pieces, first = [], None
            placed, unplaced = [], False
            last = None
        if last is not None and head[0] - last[1] > 2.2 * max(size, 1.0) and head[0] > last[0]:
            pieces.append("\t" + chunk)
        else:
            pieces.append(" " + chunk if pieces else chunk)
        if first is None:
            first, first_index = head, word_start
        placed.append((head[0], tail[1], chunk.replace("\ufffe", "-")))
        last = tail
    close_row()
    return rows


def _merge_baselines(rows: list[_Row]) -> list[_Row]:
    """Rows PDFium split but that share a baseline (table cells, a date set right)."""
    out: list[_Row] = []
    for row in sorted(rows, key=lambda r: (-round(r.bottom, 0), r.left)):
        if out:
            previous = out[-1]
            if (
                row.text == previous.text
                and abs(row.left - previous.left) < 2
                and abs(row.bottom - previous.bottom) < 2
            ):
                continue  # the same text drawn twice (a bold faked by overprinting)
            overlap = min(previous.top, row.top) - max(previous.bottom, row.bottom)
            if (
                overlap > 0.5 * min(previous.height or 1, row.height or 1)
                and row.left > previous.left
            ):
                out[-1] = _Row(
                    f"{previous.text}\t{row.text}",
                    previous.left,
                    row.right,
                    min(previous.bottom, row.bottom),
                    max(previous.top, row.top),
                    previous.size,
                    previous.words + row.words if previous.words and row.words else (),
                )
                continue
        out.append(row)
    return out
