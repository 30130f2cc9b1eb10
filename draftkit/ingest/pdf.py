"""Reading text PDFs into lines, with the layout a letter's parts depend on.

PDFium (through pypdfium2) extracts each page's text in content order and the box of
every character. From the boxes this reader rebuilds what a plain text dump loses:

* rows: pieces of text that share a baseline become one line, and a wide horizontal gap
  inside a row becomes a tab (a signatory table's columns, a date set to the right)
  (:mod:`draftkit.ingest.pdf_rows`);
* paragraphs: a vertical gap clearly wider than the page's usual line pitch becomes a
  blank line, as does a page break;
* indentation and the page each line is on (running headers and footers repeated on
  every page are recognised from it: :mod:`draftkit.ingest.pdf_furniture`).

Lines are *soft*, like plain text: a paragraph wrapped over several lines is joined
again, and a word hyphenated at a line end is rejoined by the body parser.

A PDF without a text layer (a scan) is refused with a message saying so; there is no
OCR. Encrypted PDFs, damaged files and documents over :data:`MAX_PAGES` pages are
refused too.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import os
import pickle
import re
import signal
import statistics
import threading
import unicodedata
from pathlib import Path

from draftkit.errors import IngestError
from draftkit.ingest import names
from draftkit.ingest.pdf_furniture import _footnote_rows, _furniture
from draftkit.ingest.pdf_layout import _MARKER, _OPEN_END, rejoin_tables
from draftkit.ingest.pdf_layout import Row as _Row
from draftkit.ingest.pdf_rows import _merge_baselines, _rows
from draftkit.ingest.text import Line

__all__ = ["MAX_PAGES", "pdf_lines", "read_pdf"]

MAX_PAGES = 200
"""PDFs with more pages are refused (a letter with annexes is far shorter)."""


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


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\ufb01", "fi").replace("\ufb02", "fl").replace("\u00ad", "")
    # Word's Symbol-font bullet in the private use area
    text = text.replace("\uf0b7", "•").replace("\uf0a7", "▪").replace("\x02", "-")
    # any other private-use glyph opening a line is a list's bullet drawn from a symbol
    # font (LibreOffice writes one before its own "•"): one bullet is kept
    return _PUA_BULLET.sub(lambda m: m.group(1) + (m.group(3) or "• "), text)


_PUA_BULLET = re.compile(r"^(\s*)([\ue000-\uf8ff])\s*([•▪◦‣∙●○■□–-]\s)?")
"""A private-use glyph at a line's start, and a bullet already written after it."""


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
    # the text's right edge over the whole document (a last page of short signature lines
    # has none of its own)
    edge = max((row.right for rows, _height in per_page for row in rows), default=0.0)
    last_row: _Row | None = None  # the last row kept on the page before
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
            notes_lines = _page_lines(kept[-notes:], number, edge)
            for line in notes_lines:
                line.style = "footnote"  # read as notes wherever they end up
            footnotes.extend([Line("", raw="", page=number), *notes_lines])
            kept = kept[:-notes]
        lines = _page_lines(kept, number, edge)
        if out and lines and _blocks_carried_over(out, lines[0]):
            lines = lines[1:]
            while lines and lines[0].blank:
                lines = lines[1:]
        if out and lines:
            previous = next((ln for ln in reversed(out) if not ln.blank), None)
            first = lines[0].text
            open_end = previous is not None and not re.search(r"[.!?:;)\]”\"’]$", previous.text)
            # a line that ran to the right edge, its paragraph going on over the page
            top_row = next((row for row in kept if _clean(row.text).strip()), None)
            full = (
                open_end
                and last_row is not None
                and top_row is not None
                and out[-1] is previous
                and _broken_by_the_page(last_row, top_row, edge)
            )
            runs_on = previous is not None and (
                previous.text.endswith("-")
                or (open_end and (first[:1].islower() or full))
                or _table_runs_on(previous, lines[0])
            )
            if full and previous is not None:
                out[-1] = dataclasses.replace(previous, full=True)
            if not runs_on:
                out.append(Line("", raw="", page=number))
        out.extend(lines)
        # the page's last row with text (the one its last line was made from)
        last_row = next((row for row in reversed(kept) if _clean(row.text).strip()), last_row)
    out.extend(footnotes)
    while out and out[-1].blank:
        out.pop()
    return _spaced_numbers(_rejoin_cells(out)), dropped


_RUN_IN_NUMBER = re.compile(r"^(\s*)(\d{1,3}\.)(?=[A-ZÀ-Þ][a-zà-ÿ])")


def _spaced_numbers(lines: list[Line]) -> list[Line]:
    """A numbered list's items whose number ran into their first word ("10.Aya Saleh",
    the text extractor losing the space when a wider number fills the tab after it), given
    their space back where the document numbers its lists "1. Name"."""
    if sum(1 for ln in lines if re.match(r"\s*\d{1,3}\.\s+\S", ln.text)) < 3:
        return lines
    out: list[Line] = []
    for ln in lines:
        if _RUN_IN_NUMBER.match(ln.text):
            ln = dataclasses.replace(
                ln,
                text=_RUN_IN_NUMBER.sub(r"\1\2 ", ln.text, count=1),
                raw=_RUN_IN_NUMBER.sub(r"\1\2 ", ln.raw or ln.text, count=1),
            )
        out.append(ln)
    return out


def _blocks_carried_over(out: list[Line], first: Line) -> bool:
    """Signature blocks set side by side whose last lines the page break carried over:
    "Sabine Krüger" / "Bundesvorstand, Naturschutzring" and "Felix Hartmann" / "Referent,
    Klima-Allianz" end a page, "Niedersachsen | Wattenmeer" opens the next. Each cell goes
    to the end of its block in ``out`` (changed in place); True when it was so placed."""
    cells = [c.strip() for c in (first.raw or "").strip().split("\t")]
    if len(cells) < 2 or any(not c or names.is_person_name(c) for c in cells):
        return False
    ends: list[int] = []  # the last line of each of the page's last blocks, last first
    index = len(out) - 1
    while index >= 0 and len(ends) < len(cells):
        while index >= 0 and out[index].blank:
            index -= 1
        if index < 0:
            break
        end = index
        while index >= 0 and not out[index].blank:
            index -= 1
        block = out[index + 1 : end + 1]
        if len(block) < 2 or "\t" in (block[0].raw or "").strip():
            return False
        if not names.is_person_name(names.split_honorific(block[0].text)[1] or block[0].text):
            return False
        ends.append(end)
    if len(ends) != len(cells):
        return False
    for end, cell in zip(reversed(ends), cells, strict=True):
        tail = out[end]
        out[end] = dataclasses.replace(tail, text=f"{tail.text} {cell}", raw=f"{tail.raw} {cell}")
    return True


def _rejoin_cells(lines: list[Line]) -> list[Line]:
    """A table row's last cell that wrapped onto a line of its own, set in that cell's
    column and not rebuilt with its row (the table's only row on a page, or the row's rest
    carried over the page break): "Adama Moreau | Professor of Law, University of Toronto,"
    / "Canada" is one row."""
    out: list[Line] = []
    for line in lines:
        raw = line.raw or ""
        where = next((i for i in range(len(out) - 1, -1, -1) if not out[i].blank), None)
        above = out[where] if where is not None else None
        between = len(out) - 1 - where if where is not None else 0
        if (
            where is not None
            and above is not None
            and raw.startswith(" " * 8)
            and "\t" not in raw.strip()
            and "\t" in (above.raw or "").strip()
            and _OPEN_END.search(above.text.rstrip()) is not None
            and (between == 0 or (between == 1 and above.page != line.page))
            and len(line.text.split()) <= 8
        ):
            joined = f"{above.text.rstrip()} {line.text.strip()}"
            out[where] = dataclasses.replace(
                above, text=joined, raw=f"{(above.raw or above.text).rstrip()} {line.text.strip()}"
            )
            del out[where + 1 :]
            continue
        out.append(line)
    return out


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


def _pitch(gaps: list[float]) -> float:
    """The distance between the lines of a paragraph: the least gap that a fifth of the
    gaps share (within a point). The median would do on a page of prose, but a short
    letter whose signature blocks or address lines stand apart has as many wider gaps."""
    ordered = sorted(gaps)
    need = max(2, len(ordered) // 5)
    for low in ordered:
        if sum(1 for gap in ordered if low <= gap <= low + 1.0) >= need:
            return low
    return statistics.median(ordered)


def _page_lines(rows: list[_Row], page: int, edge: float) -> list[Line]:
    if not rows:
        return []
    heights = sorted(r.height for r in rows if r.height > 0) or [10.0]
    size = heights[len(heights) // 2]
    pitches = [
        a.bottom - b.bottom
        for a, b in itertools.pairwise(rows)
        if 0 < a.bottom - b.bottom < 3 * size
    ]
    pitch = _pitch(pitches) if pitches else 1.2 * size
    margin = min(r.left for r in rows)
    char_width = max(1.0, 0.5 * size)
    out: list[Line] = []
    previous: _Row | None = None
    for row in rows:
        text = _clean(row.text)
        if not text.strip():
            continue
        if previous is not None:
            # from the last line above to this row's first (a table row may hold more)
            top_line = row.first_bottom if row.first_bottom is not None else row.bottom
            gap = previous.bottom - top_line
            if gap > 1.3 * pitch or gap < 0:
                out.append(Line("", raw="", page=page))
            elif out and _broken_by_the_page(previous, row, edge):
                out[-1] = dataclasses.replace(out[-1], full=True)
        indent = max(0, round((row.left - margin) / char_width))
        raw_text = " " * indent + text
        plain = " ".join(part.strip() for part in text.split("\t") if part.strip())
        out.append(Line(plain.strip(), indent=indent, raw=raw_text, page=page))
        previous = row
    return out


def _broken_by_the_page(row: _Row, below: _Row, edge: float) -> bool:
    """The next row's first word would not have fitted at the end of ``row``: the row
    runs to the text's right edge (``edge``, the rightmost row end in the document) and
    the break after it is the page's, not the writer's. Only for a row under the line's
    start (or under the text after a list item's number), the words' places known."""
    if not row.words or not below.words:
        return False
    under = abs(row.left - below.left) <= 2.0
    if len(row.words) > 1 and _MARKER.match(row.words[0][2]):
        # a list item's later lines hang indented, at most under its text
        under = under or row.left + 2.0 < below.left <= row.words[1][0] + 2.0
    if not under:
        return False
    left, right, _ = below.words[0]
    space = max(2.0, 0.25 * (row.size or below.size or 10.0))
    return row.right + space + (right - left) > edge - 1.0
