"""Reading text PDFs into lines, with the layout a letter's parts depend on.

PDFium (through pypdfium2) extracts each page's text in content order and the box of
every character. From the boxes this reader rebuilds what a plain text dump loses:

* rows: pieces of text that share a baseline become one line, and a wide horizontal gap
  inside a row becomes a tab (a signatory table's columns, a date set to the right);
* paragraphs: a vertical gap clearly wider than the page's usual line pitch becomes a
  blank line, as does a page break;
* indentation and the page each line is on (running headers and footers repeated on
  every page are recognised from it).

Lines are *soft*, like plain text: a paragraph wrapped over several lines is joined
again, and a word hyphenated at a line end is rejoined by the body parser.

A PDF without a text layer (a scan) is refused with a message saying so; there is no
OCR. Encrypted PDFs, damaged files and documents over :data:`MAX_PAGES` pages are
refused too.
"""

from __future__ import annotations

import ctypes
import gc
import itertools
import os
import pickle
import re
import signal
import statistics
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path

from draftkit.errors import IngestError
from draftkit.ingest import names
from draftkit.ingest.dates import parse_date_line, split_trailing_date
from draftkit.ingest.pdf_layout import Row as _Row
from draftkit.ingest.pdf_layout import Word, rejoin_tables
from draftkit.ingest.text import Line

__all__ = ["MAX_PAGES", "pdf_lines", "read_pdf"]

MAX_PAGES = 200
"""PDFs with more pages are refused (a letter with annexes is far shorter)."""

_Box = tuple[float, float, float, float]

_MIN_TEXT = 20
"""Fewer extracted characters than this over the whole document: no text layer."""


def _open(data: bytes, source: str | None) -> object:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - a dependency of draftkit
        raise IngestError(
            "reading PDF needs the pypdfium2 package", path=source, hint="pip install pypdfium2"
        ) from None
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise IngestError(
                "the PDF is encrypted with a password",
                path=source,
                hint="save an unprotected copy, or copy its text into a .txt file",
            ) from None
        raise IngestError(
            f"not a readable PDF ({message.rstrip('.')})",
            path=source,
            hint="check that the file is a complete PDF",
        ) from None


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


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\u00ad", "")
    # Word's Symbol-font bullet in the private use area
    return text.replace("\uf0b7", "•").replace("\uf0a7", "▪").replace("\x02", "-")


def read_pdf(data: bytes, *, source: str | None = None) -> tuple[list[Line], list[tuple[str, str]]]:
    """Read a text PDF's pages into lines.

    Running headers and footers (text repeated in the top or bottom band of every page,
    and page numbers there) are left out and reported; a paragraph that runs on across a
    page break is kept as one paragraph.

    Args:
        data: The PDF's bytes.
        source: The file name, for messages.

    Returns:
        Soft lines (blank lines between paragraphs) and the page furniture left out,
        as ``(text, reason)`` pairs.

    Raises:
        IngestError: Encrypted, damaged, too long, or without a text layer.
    """
    per_page = _isolated_pages(data, source)
    if sum(len(r.text.strip()) for rows, _ in per_page for r in rows) < _MIN_TEXT:
        raise IngestError(
            "the PDF has no text layer (a scanned image?)",
            path=source,
            hint="ingest does not do OCR: run OCR first (e.g. ocrmypdf) or paste the text "
            "into a .txt",
        )
    dropped: list[tuple[str, str]] = []
    furniture = _furniture(per_page)
    out: list[Line] = []
    footnotes: list[Line] = []
    for number, (rows, _height) in enumerate(per_page, start=1):
        kept = []
        for position, row in enumerate(rows):
            reason = furniture.get((number, position))
            if reason:
                dropped.append((_clean(row.text).replace("\t", " "), reason))
            else:
                kept.append(row)
        notes = _footnote_rows(kept)
        if notes:
            # the page's footnotes go after the letter, so that a paragraph running on
            # to the next page is not cut by them
            notes_lines = _page_lines(kept[-notes:], number)
            for line in notes_lines:
                line.style = "footnote"  # read as notes wherever they end up
            footnotes.extend([Line("", raw="", page=number), *notes_lines])
            kept = kept[:-notes]
        lines = _page_lines(kept, number)
        if out and lines:
            previous = next((ln for ln in reversed(out) if not ln.blank), None)
            first = lines[0].text
            runs_on = previous is not None and (
                previous.text.endswith("-")
                or (not re.search(r"[.!?:;)\]”\"’]$", previous.text) and first[:1].islower())
                or _table_runs_on(previous, lines[0])
            )
            if not runs_on:
                out.append(Line("", raw="", page=number))
        out.extend(lines)
    out.extend(footnotes)
    while out and out[-1].blank:
        out.pop()
    return out, dropped


MAX_PDF_MEMORY = 768 * 1024**2
"""Bytes of memory PDFium may take beyond what the process holds when it starts reading."""

MAX_PDF_SECONDS = 30
"""CPU seconds PDFium may take to lay out a PDF's pages."""


def _page_rows(data: bytes, source: str | None) -> list[tuple[list[_Row], float]]:
    """Every page's rows and height, read with PDFium in this process."""
    document = _open(data, source)
    per_page: list[tuple[list[_Row], float]] = []
    try:
        pages = len(document)  # type: ignore[arg-type]
        if pages > MAX_PAGES:
            raise IngestError(
                f"the PDF has {pages} pages; ingest reads at most {MAX_PAGES}",
                path=source,
                hint="split out the letter's pages",
            )
        for number in range(pages):
            page = document[number]  # type: ignore[index]
            height = float(page.get_height())
            textpage = page.get_textpage()
            per_page.append((rejoin_tables(_merge_baselines(_rows(textpage))), height))
            textpage.close()
            page.close()
    finally:
        document.close()  # type: ignore[attr-defined]
    return per_page


def _isolated_pages(data: bytes, source: str | None) -> list[tuple[list[_Row], float]]:
    """:func:`_page_rows` in a forked child held to :data:`MAX_PDF_MEMORY` and
    :data:`MAX_PDF_SECONDS`.

    A PDF of a few kilobytes can hold a content stream that inflates to millions of
    drawing operations; PDFium builds every one of them before a single character can be
    counted, and aborts the whole process when memory runs out. Laying the pages out in a
    child process with its own limits turns that into a one-line refusal. Where ``fork``
    is missing, or other threads run (forking them is unsafe), the pages are read in this
    process.
    """
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return _page_rows(data, source)
    try:
        # load PDFium here, once: a child forked from this process then starts with it
        # loaded (importing it in every child cost ~30 ms a file); no PDF is opened here
        import pypdfium2
        import pypdfium2.raw  # noqa: F401
    except ImportError:  # pragma: no cover - a dependency; the child reports it
        pass
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 70
        try:
            gc.disable()  # a collection would touch (and so copy) every page of the parent's heap
            os.close(read_end)
            _limit_child()
            try:
                payload = pickle.dumps(("pages", _page_rows(data, source)))
            except IngestError as exc:
                payload = pickle.dumps(("error", exc.message, exc.hint))
            except MemoryError:
                payload = pickle.dumps(("memory",))
            except Exception as exc:  # PDFium's own errors on a damaged page
                message = f"not a readable PDF ({str(exc).rstrip('.') or type(exc).__name__})"
                payload = pickle.dumps(("error", message, "check that the file is a complete PDF"))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status == 0 and payload:
        answer = pickle.loads(payload)  # written by our own child, above
        if answer[0] == "pages":
            return answer[1]  # type: ignore[no-any-return]
        if answer[0] == "error":
            raise IngestError(answer[1], path=source, hint=answer[2])
    signal_number = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    if signal_number == getattr(signal, "SIGXCPU", -1):
        what = f"more than {MAX_PDF_SECONDS} s"
    else:
        what = f"more than {MAX_PDF_MEMORY // 1024**2} MiB of memory"
    raise IngestError(
        f"the PDF's pages take {what} to lay out (a content stream of millions of "
        "drawing operations?)",
        path=source,
        hint="print the letter to a new PDF, or copy its text into a .txt file",
    )


def _limit_child() -> None:
    """Hold this (forked) process to the PDF reader's memory and CPU limits."""
    import resource

    held = 0
    try:
        pages = Path("/proc/self/statm").read_text(encoding="ascii").split()[0]
        held = int(pages) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):  # no /proc: the address-space limit is skipped
        held = 0
    if held:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = held + MAX_PDF_MEMORY
        if soft != resource.RLIM_INFINITY:
            wanted = min(wanted, soft)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(used.ru_utime + used.ru_stime)
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    wanted = spent + MAX_PDF_SECONDS
    if soft != resource.RLIM_INFINITY:
        wanted = min(wanted, soft)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (wanted, hard))


_FOOTNOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§])\s*\S")


def _footnote_rows(rows: list[_Row]) -> int:
    """How many rows at the foot of a page are its footnotes (0 when none).

    Footnotes are set smaller than the text above them and the first opens with its
    mark ("1 https://…", "* Names for identification"); the rows set as small below
    it are the notes' own.
    """
    sized = [r for r in rows if r.size > 0]
    if len(sized) < 4:
        return 0
    weights: dict[float, int] = {}
    for row in sized:
        key = round(row.size, 1)
        weights[key] = weights.get(key, 0) + len(row.text)
    body = max(weights, key=lambda k: weights[k])
    count = 0
    for row in reversed(rows):
        if _PAGE_NUMBER.match(row.text.strip().replace("\t", " ")) and count == 0:
            count += 1  # a page number under the notes goes with them
            continue
        if row.size <= 0 or row.size >= 0.92 * body:
            break
        count += 1
    while count and not _FOOTNOTE_MARK.match(rows[len(rows) - count].text.strip()):
        count -= 1  # the notes start at a marked row; small text above it is not theirs
    if count >= len(rows) - 1:
        return 0  # a page all in small type has no footnotes to set apart
    return count


_PAGE_LABEL = r"(?:page|pg\.?|p\.|seite|página|pagina)"
_PAGE_OF = r"\d{1,3}(?:\s*(?:of|/|de|sur|von)\s*\d{1,3})?$"
_LABELLED_PAGE_NUMBER = re.compile(rf"(?i)^{_PAGE_LABEL}\s*{_PAGE_OF}")
_PAGE_NUMBER = re.compile(rf"(?i)^{_PAGE_LABEL}?\s*{_PAGE_OF}|^[-–—]\s*\d{{1,3}}\s*[-–—]$")
_NUMBERED_FOOTER = re.compile(rf"(?i)\S\s*[·|•–—-]\s*{_PAGE_LABEL}\s*{_PAGE_OF}")
"""A footer line that ends with its page's number: "CPAOP – Lima · Página 1"."""


def _furniture(per_page: list[tuple[list[_Row], float]]) -> dict[tuple[int, int], str]:
    """Rows in the top or bottom band of a page that repeat on other pages, or number them.

    The band is the outer 15% of the page: a letterhead's footer of contact lines or a
    running header of title and date over two lines reaches further in than a page number.
    """
    bands: dict[tuple[int, int], str] = {}
    tops: set[tuple[int, int]] = set()
    keys: dict[str, set[int]] = {}
    for number, (rows, height) in enumerate(per_page, start=1):
        band = 0.15 * height
        for position, row in enumerate(rows):
            labelled = _LABELLED_PAGE_NUMBER.match(row.text.strip()) is not None
            reach = 0.25 * height if labelled else band  # "Pg 3" set well up from the foot
            if row.bottom > height - reach:
                tops.add((number, position))
            if row.bottom > height - reach or row.top < reach:
                key = re.sub(r"\d+", "#", re.sub(r"\s+", " ", row.text.strip().lower()))
                bands[(number, position)] = key
                keys.setdefault(key, set()).add(number)
    out: dict[tuple[int, int], str] = {}
    many = len(per_page) >= 2
    numbered = {  # the rows that number a page at its foot: (page, baseline)
        (where[0], per_page[where[0] - 1][0][where[1]].bottom)
        for where in bands
        if where not in tops
        and _PAGE_NUMBER.match(per_page[where[0] - 1][0][where[1]].text.strip().replace("\t", " "))
    }
    for where, key in bands.items():
        text = per_page[where[0] - 1][0][where[1]].text.strip()
        if _PAGE_NUMBER.match(text.replace("\t", " ")):
            out[where] = "page number"
        elif where not in tops and _NUMBERED_FOOTER.search(text.replace("\t", " ")):
            out[where] = "page footer with the page's number"
        elif where not in tops and _beside_page_number(per_page, where, numbered):
            out[where] = "page footer over the page's number"
        elif where[0] == 1 and where in tops and parse_date_line(text.replace("\t", " ")):
            continue  # the letter's own date, which later pages repeat in their header
        elif where[0] > 1 and where in tops and _continuation_header(text):
            out[where] = "continuation header"
        elif many and len(keys[key]) >= 2:
            out[where] = "running page header or footer"
    return out


def _beside_page_number(
    per_page: list[tuple[list[_Row], float]],
    where: tuple[int, int],
    numbered: set[tuple[int, float]],
) -> bool:
    """A row at the foot of a page set in small type right above or beside its page number
    ("Lettre ouverte — … — 14 mars 2025" over "Page 1 of 1"): the page's footer, even on a
    PDF of one page, where no repetition shows it."""
    rows, _ = per_page[where[0] - 1]
    row = rows[where[1]]
    sizes = sorted(r.size for r in rows if r.size > 0)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    return (
        0 < row.size < 0.9 * body
        and any(
            page == where[0] and 0 <= row.bottom - bottom <= 2.5 * row.size
            for page, bottom in numbered
        )
    )


def _continuation_header(text: str) -> bool:
    """ "The Honorable Jane Roe · March 16, 2026" atop page 2: the addressee and the date."""
    plain = text.replace("\t", " ").strip()
    if len(plain) > 160:
        return False
    rest, found = split_trailing_date(
        re.sub(r"(?i)[\s·|,–-]*(?:page|pg\.?|p\.)\s*\d{1,3}$", "", plain)
    )
    words = re.sub(r"[·|–—-]", " ", rest).split()
    small = {"of", "the", "and", "for", "to", "de", "la", "du", "des", "et", "y", "del"}
    named = all(w[:1].isupper() or w[:1].isdigit() or w in small for w in words)
    return found is not None and 0 < len(words) <= 12 and named and not _dateline(plain)


def _dateline(text: str) -> bool:
    """ "Quezon City, 2 June 2025": a place and the date, the letter's own dateline (a
    letter may start on page 2, under a cover page), not a person's name and the date."""
    found = parse_date_line(text)
    place = (found.place or "").strip() if found else ""
    return (
        bool(place)
        and re.search(r"[A-Za-zÀ-ÿ.]$", place) is not None  # "Secretary Rubio -" is no place
        and len(place.split()) <= 4
        and not names.is_person_name(place)
        and names.split_honorific(place)[0] is None
        and not names.is_title_line(place)
    )


def pdf_lines(data: bytes, *, source: str | None = None) -> list[Line]:
    """Read a text PDF's pages into lines (see :func:`read_pdf`)."""
    return read_pdf(data, source=source)[0]


def _table_runs_on(previous: Line, first: Line) -> bool:
    """A table row cut by the page break: the last row of one page and the first of the
    next have the same number of cells, and the page's first row names no one (the rest
    of a cell, "King's College London | Queen's University Belfast")."""
    above, below = (previous.raw or "").strip(), (first.raw or "").strip()
    return (
        "\t" in above
        and "\t" in below
        and above.count("\t") == below.count("\t")
        and not any(names.is_person_name(cell.strip()) for cell in below.split("\t"))
    )


def _page_lines(rows: list[_Row], page: int) -> list[Line]:
    if not rows:
        return []
    heights = sorted(r.height for r in rows if r.height > 0) or [10.0]
    size = heights[len(heights) // 2]
    pitches = [
        a.bottom - b.bottom
        for a, b in itertools.pairwise(rows)
        if 0 < a.bottom - b.bottom < 3 * size
    ]
    pitch = statistics.median(pitches) if pitches else 1.2 * size
    margin = min(r.left for r in rows)
    char_width = max(1.0, 0.5 * size)
    out: list[Line] = []
    previous: _Row | None = None
    for row in rows:
        text = _clean(row.text)
        if not text.strip():
            continue
        if previous is not None:
            gap = previous.bottom - row.bottom
            if gap > 1.3 * pitch or gap < 0:
                out.append(Line("", raw="", page=page))
        indent = max(0, round((row.left - margin) / char_width))
        raw_text = " " * indent + text
        plain = " ".join(part.strip() for part in text.split("\t") if part.strip())
        out.append(Line(plain.strip(), indent=indent, raw=raw_text, page=page))
        previous = row
    return out
