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

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{_W}val"
_MAX_BASED_ON = 32  # a longer basedOn chain is a loop in a hostile file


class _StyleIndex:
    """Style names and inheritance read once per document.

    python-docx resolves ``paragraph.style`` and ``run.style`` by scanning every style
    of the document on each access (most of the time ingest spent on a .docx); this
    index reads ``styles.xml`` once and answers from dictionaries, with python-docx's
    rules: an unknown or mistyped style id means the default paragraph style, and
    names are shown as Word shows them ("Heading 1", not "heading 1").
    """

    def __init__(self, document: Any) -> None:
        from docx.styles import BabelFish

        self._names: dict[str, str] = {}
        self._types: dict[str, str] = {}
        self._based_on: dict[str, str] = {}
        self._elements: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        for style in document.styles.element.findall(f"{_W}style"):
            style_id = style.get(f"{_W}styleId")
            if not style_id:
                continue
            name = style.find(f"{_W}name")
            raw = name.get(_VAL) if name is not None else None
            self._names[style_id] = BabelFish.internal2ui(raw) if raw else style_id
            kind = style.get(f"{_W}type") or "paragraph"
            self._types[style_id] = kind
            based = style.find(f"{_W}basedOn")
            if based is not None and based.get(_VAL):
                self._based_on[style_id] = based.get(_VAL)
            self._elements[style_id] = style
            default = style.get(f"{_W}default") in ("1", "true", "on")
            if kind == "paragraph" and default and self.default_paragraph is None:
                self.default_paragraph = style_id

    def paragraph_id(self, p: Any) -> str | None:
        """The id of a ``w:p`` element's paragraph style (the default when unset)."""
        ppr = p.find(f"{_W}pPr")
        pstyle = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style_id = pstyle.get(_VAL) if pstyle is not None else None
        if style_id is None or self._types.get(style_id) != "paragraph":
            return self.default_paragraph
        return str(style_id)

    def paragraph_name(self, p: Any) -> str | None:
        """The name of a ``w:p`` element's paragraph style."""
        style_id = self.paragraph_id(p)
        return self._names.get(style_id) if style_id else None

    def run_name(self, r: Any) -> str:
        """The name of a ``w:r`` element's character style, or "" when it has none."""
        rpr = r.find(f"{_W}rPr")
        rstyle = rpr.find(f"{_W}rStyle") if rpr is not None else None
        style_id = rstyle.get(_VAL) if rstyle is not None else None
        if style_id is None or self._types.get(style_id) != "character":
            return ""
        return self._names.get(style_id, "")

    def table_id(self, name: str) -> str | None:
        """The id of the table style named ``name`` (None when the document has none)."""
        for style_id, style_name in self._names.items():
            if style_name == name and self._types.get(style_id) == "table":
                return style_id
        return None

    def chain(self, style_id: str | None) -> list[Any]:
        """The style's element, then those it is based on (loops cut off)."""
        out: list[Any] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(out) < _MAX_BASED_ON:
            seen.add(style_id)
            element = self._elements.get(style_id)
            if element is None:
                break
            out.append(element)
            style_id = self._based_on.get(style_id)
        return out


def _roles() -> dict[str, str]:
    """Paragraph style name -> the role ingest gives it (draftkit's own styles first)."""
    roles = {
        STYLES.PAGE_HEADING: "page heading",
        STYLES.PUBLISHED: "publication date",
        STYLES.DATE: "letter date",
        STYLES.ADDRESS: "inside address",
        STYLES.CC: "copy list",
        STYLES.SUBJECT: "subject line",
        STYLES.SALUTATION: "salutation",
        STYLES.BODY: "body text",
        STYLES.ASKS_INTRO: "asks intro",
        STYLES.ASK: "ask",
        STYLES.ASK_ITEM: "ask item",
        STYLES.CLOSING: "closing",
        STYLES.CLOSE: "complimentary close",
        STYLES.SIGNATURE_NAME: "signature name",
        STYLES.SIGNATURE_TITLE: "signature title",
        STYLES.SIGNATORY_ORG: "signatory organization",
        STYLES.SIGNATORY_NOTE: "signatory note",
        STYLES.ENCLOSURE: "enclosure",
        STYLES.LETTERHEAD_NAME: "letterhead name",
        STYLES.LETTERHEAD_ADDRESS: "letterhead address",
    }
    return roles


_HEADINGS = {"Title": "h1", "Heading 1": "h1", "Heading 2": "h2"}
_GENERIC = {"Body Text", "Normal", "Default", "Default Paragraph Font"}


def _role_map(document: Any, styles: _StyleIndex) -> dict[str, str]:
    """Style name -> role: draftkit's roles when the document uses draftkit's own styles.

    In other documents only headings keep a role: "Body Text" or "Normal" say nothing
    about where a paragraph belongs.
    """
    roles = _roles()
    names = {styles.paragraph_name(p._p) for p in document.paragraphs}
    used = {name for name in names if name in roles and name not in _GENERIC}
    if used:
        return roles
    return dict(_HEADINGS)


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


def _numbering_formats(document: Any) -> dict[tuple[str, str], str]:
    """Map (numId, ilvl) to the Word number format ("bullet", "decimal", ...)."""
    formats: dict[tuple[str, str], str] = {}
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, AttributeError, NotImplementedError):
        return formats
    abstract: dict[str, dict[str, str]] = {}
    for node in numbering.findall(f"{_W}abstractNum"):
        levels: dict[str, str] = {}
        for lvl in node.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            levels[lvl.get(f"{_W}ilvl", "0")] = (
                fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal"
            )
        abstract[node.get(f"{_W}abstractNumId", "")] = levels
    for num in numbering.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is None:
            continue
        levels = abstract.get(ref.get(f"{_W}val", ""), {})
        for ilvl, fmt in levels.items():
            formats[(num.get(f"{_W}numId", ""), ilvl)] = fmt
    return formats


def _num_pr(paragraph: Any, styles: _StyleIndex) -> tuple[str, str] | None:
    elements = [paragraph._p.find(f"{_W}pPr")]
    for style in styles.chain(styles.paragraph_id(paragraph._p)):
        elements.append(style.find(f"{_W}pPr"))
    for ppr in elements:
        if ppr is None:
            continue
        num = ppr.find(f"{_W}numPr")
        if num is None:
            continue
        num_id = num.find(f"{_W}numId")
        ilvl = num.find(f"{_W}ilvl")
        if num_id is None or num_id.get(f"{_W}val") == "0":
            return None
        return num_id.get(f"{_W}val", ""), ilvl.get(f"{_W}val", "0") if ilvl is not None else "0"
    return None


def _list_info(
    paragraph: Any, formats: dict[tuple[str, str], str], styles: _StyleIndex
) -> tuple[str | None, int]:
    style = styles.paragraph_name(paragraph._p) or ""
    match = re.match(r"^List (Bullet|Number|Continue)(?: (\d))?$", style or "")
    if match and match.group(1) != "Continue":
        level = int(match.group(2) or 1) - 1
        return ("bullet" if match.group(1) == "Bullet" else "number"), level
    num = _num_pr(paragraph, styles)
    if num is None:
        return None, 0
    fmt = formats.get(num, "decimal")
    if fmt == "none":
        return None, 0
    return ("bullet" if fmt == "bullet" else "number"), int(num[1] or 0)


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
