"""Reading .docx letters with python-docx into ingest's line model.

Paragraph styles, Word numbering and bold/italic runs are kept: draftkit's own named
styles ("Inside Address", "Ask", "Signature Name" ...) are used directly when present
(a round trip), and in other documents a bold opening run marks a lead-in sentence.
Before python-docx sees the file, the package is checked by :mod:`draftkit.ooxml`: a
damaged archive, a missing ``word/document.xml``, members that would unpack to absurd sizes
(zip bombs), compression Word never writes, duplicate names or DTDs raise
:class:`~draftkit.errors.IngestError` naming the file and the part.

Word footnotes are read back in place as inline notes (``^[note text]``), so a letter
draftkit rendered with footnotes keeps them when it is ingested. A table in draftkit's
"Letter Table" style is read one line per row (cells joined by "; ", its caption
before it); :func:`docx_tables` reads such tables back as
:class:`~draftkit.schema.Table` values (header, rows, alignment, caption).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from draftkit.errors import IngestError
from draftkit.ingest.docx_styles import (
    _VAL,
    _W,
    _list_info,
    _numbering_formats,
    _role_map,
    _roles,
    _StyleIndex,
)
from draftkit.ingest.runs import line_of
from draftkit.ingest.text import Line, normalise_space
from draftkit.ooxml import MAX_PART_BYTES, MAX_TOTAL_BYTES, open_document, open_package
from draftkit.styles import STYLES

__all__ = [
    "MAX_DOCUMENT_XML",
    "MAX_PARAGRAPHS",
    "MAX_UNPACKED",
    "check_zip",
    "docx_lines",
    "docx_tables",
]

MAX_DOCUMENT_XML = MAX_PART_BYTES
"""``word/document.xml`` (like any part) may unpack to at most this many bytes."""

MAX_UNPACKED = MAX_TOTAL_BYTES
"""All members of the archive together may unpack to at most this many bytes."""

MAX_PARAGRAPHS = 20_000
"""Documents with more paragraphs (table cells' included) are refused: at some 40
paragraphs a page that is 500 pages, and reading 166,000 took 40 s of CPU (the blind
hostile kit's case D15)."""


def check_zip(data: bytes, *, source: str | None = None) -> None:
    """Refuse archives that are not a Word document or would unpack too large.

    The package is checked by :func:`draftkit.ooxml.open_package` (every member inflated
    under running caps, DTDs refused, duplicate and odd names refused).

    Raises:
        IngestError: Not a zip, a damaged zip, no ``word/document.xml``, or a zip bomb.
    """
    package = open_package(data, source=source, error=IngestError)
    if "word/document.xml" not in package:
        raise IngestError(
            "not a Word document: the zip has no word/document.xml",
            path=source,
            hint="save the file from Word as .docx",
        )


_SKIP_ANCESTORS = {f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent"}
_FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_NOTE_OPEN, _NOTE_CLOSE = "\ue000", "\ue001"  # mark a footnote's place among a line's runs
_NOTE_MARK = re.compile(f"{_NOTE_OPEN}(-?\\d+){_NOTE_CLOSE}")


def _footnotes(document: Any, source: str | None) -> dict[str, str]:
    """The document's footnotes by id: each note's text (separators left out)."""
    from draftkit.markup import escape
    from draftkit.ooxml import parse_part

    for rel in document.part.rels.values():
        if rel.reltype != _FOOTNOTES_REL or rel.is_external:
            continue
        part = rel.target_part
        root = parse_part(
            part.blob, part=str(part.partname).lstrip("/"), source=source, error=IngestError
        )
        notes: dict[str, str] = {}
        for note in root.iter(f"{_W}footnote"):
            if note.get(f"{_W}type") not in (None, "normal"):
                continue
            words = [
                node.text or ""
                for node in note.iter(f"{_W}t")
                if not any(a.tag in _SKIP_ANCESTORS for a in node.iterancestors())
            ]
            text = normalise_space("".join(words))
            if text:
                notes[note.get(f"{_W}id", "")] = escape(text)
        return notes
    return {}


def _with_notes(text: str, notes: dict[str, str]) -> str:
    """Footnote marks in ``text`` made inline notes (``^[…]``); unknown ones dropped."""
    if _NOTE_OPEN not in text:
        return text
    return _NOTE_MARK.sub(lambda m: f"^[{notes[m.group(1)]}]" if m.group(1) in notes else "", text)


def _without_notes(text: str) -> str:
    return normalise_space(_NOTE_MARK.sub("", text)) if _NOTE_OPEN in text else text


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _segments(paragraph: Any, styles: _StyleIndex) -> list[tuple[str, bool, bool, str | None]]:
    """(text, bold, italic, url) of every run in a paragraph, in order.

    Runs inside hyperlinks, tracked insertions, smart tags and inline content controls
    are read; deleted text and text boxes are not.
    """
    from docx.text.run import Run

    out: list[tuple[str, bool, bool, str | None]] = []
    root = paragraph._p
    for element in root.iter(f"{_W}r"):
        url: str | None = None
        skip = False
        parent = element.getparent()
        while parent is not None and parent is not root:
            if parent.tag in _SKIP_ANCESTORS:
                skip = True
                break
            if parent.tag == f"{_W}hyperlink" and url is None:
                rel_id = parent.get(_R_ID)
                rel = paragraph.part.rels.get(rel_id) if rel_id else None
                url = rel.target_ref if rel is not None and rel.is_external else None
            parent = parent.getparent()
        if skip:
            continue
        reference = element.find(f"{_W}footnoteReference")
        if reference is not None:
            mark = f"{_NOTE_OPEN}{reference.get(f'{_W}id', '')}{_NOTE_CLOSE}"
            out.append((mark, False, False, None))
            continue
        run = Run(element, paragraph)
        style = styles.run_name(element)
        bold = bool(run.bold) or style in ("Strong", "Ask Lead")
        italic = bool(run.italic) or style == "Emphasis"
        out.append((run.text, bold, italic, url))
    return out


def _drop_printed_addresses(merged: list[list[Any]]) -> None:
    """Remove the " (https://…)" draftkit prints after a link's words, in place.

    The printed address belongs to the layout, not the text: the link keeps its
    target, and a letter rendered again prints it again (once).
    """
    from draftkit.markup import Span, link_shown

    index = 0
    while index + 3 < len(merged):
        link, opening, shown, after = merged[index : index + 4]
        url = link[3]
        if (
            url
            and opening[3] is None
            and opening[0] == " ("
            and shown[3] == url
            and shown[0] == link_shown(Span(link[0], url=url))
            and after[3] is None
            and after[0].startswith(")")
        ):
            after[0] = after[0][1:]
            del merged[index + 1 : index + 3]
            if not after[0]:
                merged.remove(after)
        index += 1


def _paragraph_lines(
    paragraph: Any,
    formats: dict[tuple[str, str], str],
    roles: dict[str, str],
    styles: _StyleIndex,
    notes: dict[str, str] | None = None,
) -> list[Line]:
    name = styles.paragraph_name(paragraph._p)
    style = roles.get(name) if name else None
    list_kind, level = _list_info(paragraph, formats, styles)
    segments = _segments(paragraph, styles)
    # split at soft line breaks into lines
    lines: list[list[tuple[str, bool, bool, str | None]]] = [[]]
    for text, bold, italic, url in segments:
        parts = text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            lines[-1].append((part.replace("\t", " "), bold, italic, url))
    out: list[Line] = []
    for number, segs in enumerate(lines):
        plain, all_bold, lead, marked = line_of(segs, edit=_drop_printed_addresses)
        if _NOTE_OPEN in plain:
            plain = _without_notes(plain)
            lead = _without_notes(lead) if lead else lead
            marked = _with_notes(marked, notes or {})
        if not plain:
            continue
        out.append(
            Line(
                plain,
                indent=level * 4,
                hard=True,
                style=style,
                marked=marked,
                lead=lead,
                bold=all_bold,
                list_kind=list_kind if number == 0 else None,
                list_level=level,
                raw=plain,
            )
        )
    return out


def _blocks(document: Any) -> Iterator[Any]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent: Any, element: Any) -> Iterator[Any]:
        for child in element.iterchildren():
            tag = child.tag
            if tag == f"{_W}p":
                yield Paragraph(child, parent)
            elif tag == f"{_W}tbl":
                yield Table(child, parent)
            elif tag == f"{_W}sdt":
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from walk(parent, content)

    yield from walk(document, document.element.body)


def docx_lines(data: bytes, *, source: str | None = None) -> list[Line]:
    """Read a .docx into lines (paragraphs, list items, table cells).

    Args:
        data: The file's bytes.
        source: The file name, for errors.

    Raises:
        IngestError: Not a zip, damaged, not a Word document, or too large unpacked.
    """
    document = open_document(data, source=source, error=IngestError)
    count = sum(1 for _ in document.element.body.iter(f"{_W}p"))
    if count > MAX_PARAGRAPHS:
        raise IngestError(
            f"the document has {count:,} paragraphs; ingest reads at most {MAX_PARAGRAPHS:,}",
            path=source,
            hint="save the letter's own pages as a separate document",
        )
    try:
        return _document_lines(document, _footnotes(document, source))
    except (ValueError, KeyError, IndexError) as exc:
        # python-docx raises these on values no Word writes (a numbering level "x" ...)
        raise IngestError(
            f"corrupt Word document ({type(exc).__name__}: {exc})",
            path=source,
            hint="open and re-save it in Word",
        ) from None


def _table_style(table: Any) -> str | None:
    style = table._tbl.find(f"{_W}tblPr/{_W}tblStyle")
    return style.get(_VAL) if style is not None else None


def _table_rows(
    table: Any,
    formats: dict[tuple[str, str], str],
    roles: dict[str, str],
    styles: _StyleIndex,
    notes: dict[str, str] | None,
) -> list[list[str]]:
    """Each row's cells as marked-up text (a cell's paragraphs joined by a space)."""
    rows: list[list[str]] = []
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            lines = [
                line.marked or line.text
                for paragraph in cell.paragraphs
                for line in _paragraph_lines(paragraph, formats, roles, styles, notes)
            ]
            cells.append(" ".join(lines))
        rows.append(cells)
    return rows


def docx_tables(data: bytes, *, source: str | None = None) -> list[Any]:
    """The tables draftkit wrote into a .docx ("Letter Table" style), read back.

    The header is the rows marked to repeat on each page (``w:tblHeader``); each
    column's alignment is its first body cell's; the caption is a "Table Caption"
    paragraph just before the table. Cells keep their inline markup and footnotes.

    Returns:
        :class:`~draftkit.schema.Table` values in document order.

    Raises:
        IngestError: As :func:`docx_lines`.
    """
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    from draftkit.schema import Table

    document = open_document(data, source=source, error=IngestError)
    notes = _footnotes(document, source)
    formats = _numbering_formats(document)
    styles = _StyleIndex(document)
    roles = _roles()
    wanted = styles.table_id(STYLES.TABLE)
    out: list[Any] = []
    previous: Any = None
    for block in _blocks(document):
        if isinstance(block, DocxTable) and wanted and _table_style(block) == wanted:
            rows = _table_rows(block, formats, roles, styles, notes)
            headed = sum(
                1 for row in block.rows if row._tr.find(f"{_W}trPr/{_W}tblHeader") is not None
            )
            header = rows[0] if headed else []
            body = rows[1:] if headed else rows
            align: list[str] = []
            first = block.rows[headed] if len(block.rows) > headed else None
            for cell in first.cells if first is not None else []:
                jc = cell._tc.find(f"{_W}p/{_W}pPr/{_W}jc")
                value = jc.get(_VAL) if jc is not None else "left"
                align.append(value if value in ("center", "right") else "left")
            while align and align[-1] == "left":
                align.pop()
            caption = None
            if isinstance(previous, Paragraph) and (
                styles.paragraph_name(previous._p) == STYLES.TABLE_CAPTION
            ):
                caption = "".join(
                    line.marked or line.text
                    for line in _paragraph_lines(previous, formats, roles, styles, notes)
                )
            if body:
                out.append(Table(header=header, rows=body, align=align, caption=caption or None))
        previous = block
    return out


def _document_lines(document: Any, notes: dict[str, str] | None = None) -> list[Line]:
    from docx.table import Table

    formats = _numbering_formats(document)
    styles = _StyleIndex(document)
    roles = _role_map(document, styles)
    out: list[Line] = []
    # A letterhead set in the first page header (not linked, not empty) reads first.
    if document.sections:
        section = document.sections[0]
        header = (
            section.first_page_header
            if section.different_first_page_header_footer
            else section.header
        )
        for paragraph in header.paragraphs:
            text = normalise_space(paragraph.text)
            if text:
                out.append(Line(text, hard=True, style="page header", raw=text))
        if out:
            out.append(Line(""))

    def blank() -> None:
        if out and not out[-1].blank:
            out.append(Line(""))

    letter_table = styles.table_id(STYLES.TABLE)
    for block in _blocks(document):
        if isinstance(block, Table) and letter_table and _table_style(block) == letter_table:
            # a table draftkit wrote: one line per row, so no row is taken for a name,
            # a page number or a signature
            blank()
            for cells in _table_rows(block, formats, roles, styles, notes):
                text = "; ".join(cells)
                out.append(Line(text, hard=True, marked=text, raw=text))
                blank()
            continue
        if isinstance(block, Table):
            blank()
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    for paragraph in cell.paragraphs:
                        out.extend(_paragraph_lines(paragraph, formats, roles, styles, notes))
                    blank()
            continue
        lines = _paragraph_lines(block, formats, roles, styles, notes)
        if not lines:
            blank()
            continue
        out.extend(lines)
        role = lines[0].style or ""
        entry = role in ("inside address", "copy list", "signature title", "signatory organization")
        # Paragraphs are hard lines; empty paragraphs and draftkit's one-entry-per-paragraph
        # styles part blocks (paragraph spacing is layout, not structure).
        if entry:
            blank()
    return out
