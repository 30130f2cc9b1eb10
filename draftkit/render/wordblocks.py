"""The WordprocessingML of a letter's blocks: paragraphs, runs, footnote marks, asks,
signatures (listed or in columns), tables, logos and pictures.

:class:`BlockWriter` writes each block (:mod:`draftkit.render.blocks`) against the named
styles of a prepared reference document; :class:`~draftkit.render.word.DocxRenderer`
puts the blocks of letters into a document. ``_Body`` holds what one document's blocks
refer to: its hyperlinks, header parts, footnotes and images.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from draftkit.markup import Span, link_shown, parse, plain
from draftkit.render.blocks import (
    AskBlock,
    Block,
    ItemBlock,
    LabeledBlock,
    LineBlock,
    LogoRow,
    ParaBlock,
    SignatureBlock,
    SignatureTable,
    TableBlock,
)
from draftkit.render.images import Image, fit, read_image
from draftkit.render.layout import KEEP_LINES, KEEP_WITH_NEXT
from draftkit.render.prepared import Prepared
from draftkit.render.sections import _COLUMN_GAP
from draftkit.render.wordml import DRAWING_NAMESPACES
from draftkit.render.wordml import attr as _attr
from draftkit.render.wordml import t as _t
from draftkit.styles import STYLES

__all__ = ["LOGOS_PER_ROW", "LOGO_HEIGHT", "BlockWriter"]


_EMU_PER_TWIP = 635
_EMU_PER_INCH = 914_400
LOGOS_PER_ROW = 4
"""At most this many organisation logos stand side by side."""
LOGO_HEIGHT = int(0.75 * _EMU_PER_INCH)
"""The tallest a logo is set (EMU): three quarters of an inch."""
_LOGO_GAP = 360  # twips between two logos (a quarter inch)
_SIGNATURE_BOX = (int(2.25 * _EMU_PER_INCH), int(0.6 * _EMU_PER_INCH))
_LETTERHEAD_BOX = (int(2.5 * _EMU_PER_INCH), int(0.9 * _EMU_PER_INCH))
_NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


@dataclass(slots=True)
class _Body:
    """Per-document state while body XML is built: hyperlinks, header parts, footnotes."""

    id_prefix: str = "rIdDk"
    part_prefix: str = "word/draftkit-header"
    links: dict[str, str] = field(default_factory=dict)
    headers: list[tuple[str, str, str]] = field(default_factory=list)  # (rid, part, xml)
    notes: list[str] = field(default_factory=list)  # each w:footnote element
    note_links: dict[str, str] = field(default_factory=dict)  # of the footnotes part
    images: dict[str, tuple[str, str, Image]] = field(default_factory=dict)  # (rid, part)
    drawings: int = 0
    # the last letter's chunks of body XML: the index of the block each holds exactly as
    # the block's XML was built (None: not a block's, or changed since)
    owners: list[int | None] = field(default_factory=list)

    def image_id(self, image: Image, taken: set[str]) -> str:
        """The relationship id of ``image`` in this document (each file added once)."""
        key = str(image.path)
        if key not in self.images:
            number = len(self.images) + 1
            ext = "png" if image.kind == "png" else "jpeg"
            name = f"word/media/draftkit-image{number}.{ext}"
            while name in taken:
                number += 1000
                name = f"word/media/draftkit-image{number}.{ext}"
            self.images[key] = (f"{self.id_prefix}Img{len(self.images) + 1}", name, image)
        return self.images[key][0]

    def link_id(self, url: str, *, in_note: bool = False) -> str:
        links = self.note_links if in_note else self.links
        if url not in links:
            links[url] = f"{self.id_prefix}{'N' if in_note else ''}{len(links) + 1}"
        return links[url]

    def header_id(self, xml: str) -> str:
        number = len(self.headers) + 1
        rid = f"{self.id_prefix}Hdr{number}"
        self.headers.append((rid, f"{self.part_prefix}{number}.xml", xml))
        return rid


class BlockWriter:
    """Writes the XML of blocks in the named styles of a prepared reference document
    (the base of :class:`~draftkit.render.word.DocxRenderer`, which sets ``_prepared``)."""

    _prepared: Prepared

    def _spans(self, text: str) -> list[Span]:
        """The formatted spans of a paragraph's text (a hook, as ``DocxRenderer._layout``)."""
        return parse(text)

    def _p(
        self,
        style: str,
        runs: str,
        extra_ppr: str = "",
        *,
        keep_next: bool = False,
        page_break: bool = False,
    ) -> str:
        style_id = self._prepared.style_ids[style]
        keep = ""
        if keep_next or style in KEEP_WITH_NEXT:
            keep += "<w:keepNext/>"
        if style in KEEP_LINES:
            keep += "<w:keepLines/>"
        if page_break:
            keep += "<w:pageBreakBefore/>"
        return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}{extra_ppr}</w:pPr>{runs}</w:p>'

    def _runs(
        self, text: str, body: _Body, base_style: str | None = None, *, in_note: bool = False
    ) -> str:
        ids = self._prepared.style_ids
        out: list[str] = []
        for span in self._spans(text):
            if span.note is not None:
                if in_note:  # a note inside a note: its words in brackets
                    out.append(_run("", f" ({plain(span.note)})"))
                else:
                    out.append(self._note_reference(span.note, body))
                continue
            props = ""
            if span.url:
                props = f'<w:rStyle w:val="{ids[STYLES.HYPERLINK]}"/>'
            elif base_style:
                props = f'<w:rStyle w:val="{ids[base_style]}"/>'
            elif span.bold:
                props = f'<w:rStyle w:val="{ids[STYLES.STRONG]}"/>'
            elif span.italic:
                props = f'<w:rStyle w:val="{ids[STYLES.EMPHASIS]}"/>'
            if span.italic and (span.url or base_style or span.bold):
                props += "<w:i/>"
            if span.bold and (span.url or base_style):
                props += "<w:b/>"
            rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
            run = _run(rpr, span.text)
            if span.url:
                rid = body.link_id(span.url, in_note=in_note)
                run = f'<w:hyperlink r:id="{rid}">{run}</w:hyperlink>'
                shown = link_shown(span)
                if shown:
                    # on paper a link is only its words: print where it points
                    plain_rpr = (
                        f'<w:rPr><w:rStyle w:val="{ids[base_style]}"/></w:rPr>'
                        if base_style
                        else ""
                    )
                    run += (
                        _run(plain_rpr, " (")
                        + f'<w:hyperlink r:id="{rid}">{_run(rpr, shown)}</w:hyperlink>'
                        + _run(plain_rpr, ")")
                    )
            out.append(run)
        return "".join(out)

    def _note_reference(self, note: str, body: _Body) -> str:
        """The reference mark of a new footnote, the note kept in ``body`` for
        ``footnotes.xml`` (Word numbers the marks itself, 1, 2, 3 ...)."""
        ids = self._prepared.style_ids
        number = len(body.notes) + 1
        mark = f'<w:rPr><w:rStyle w:val="{ids[STYLES.FOOTNOTE_REFERENCE]}"/></w:rPr>'
        paragraph = (
            f'<w:p><w:pPr><w:pStyle w:val="{ids[STYLES.FOOTNOTE_TEXT]}"/></w:pPr>'
            f"<w:r>{mark}<w:footnoteRef/></w:r>{_run('', ' ')}"
            f"{self._runs(note, body, in_note=True)}</w:p>"
        )
        body.notes.append(f'<w:footnote w:id="{number}">{paragraph}</w:footnote>')
        return f'<w:r>{mark}<w:footnoteReference w:id="{number}"/></w:r>'

    def _lines(self, style: str, lines: Iterable[str], *, keep_next: bool = False) -> str:
        return self._p(style, _run("", "\n".join(lines)), keep_next=keep_next)

    def _signature(
        self, block: SignatureBlock, *, in_row: bool = False, body: _Body | None = None
    ) -> str:
        keep = block.keep_next
        signed = ""
        if block.image and body is not None:
            # the signature stands above the typed name and never leaves it
            picture = self._picture(
                block.image, block.image_alt or block.name, _SIGNATURE_BOX, body, block.name
            )
            signed = self._p(STYLES.SIGNATURE_NAME, picture, keep_next=True)
        return signed + self._signer(block, keep, in_row=in_row)

    def _signer(self, block: SignatureBlock, keep: bool, *, in_row: bool) -> str:
        if block.organization:
            return self._lines(STYLES.SIGNATORY_ORG, [block.name], keep_next=keep)
        if not block.title_lines:
            return self._lines(STYLES.SIGNATURE_NAME, [block.name], keep_next=keep)
        # a signer's lines never split: the name keeps with the title lines (in a table
        # row that cannot split, the row does that)
        return self._lines(STYLES.SIGNATURE_NAME, [block.name], keep_next=not in_row) + self._lines(
            STYLES.SIGNATURE_TITLE, block.title_lines, keep_next=keep
        )

    def _labeled(self, block: LabeledBlock) -> str:
        if not block.spaced:
            lines = [line for entry in block.entries for line in entry]
            return self._p(block.style, _labeled_run(block.label, lines))
        out: list[str] = []
        last = len(block.entries) - 1
        for index, entry in enumerate(block.entries):
            # a short list never splits; a long one keeps its label with the next entry
            keep = index < last and (block.keep_together or index == 0)
            label = block.label if index == 0 else ""
            out.append(self._p(block.style, _labeled_run(label, list(entry)), keep_next=keep))
        return "".join(out)

    def _columns(self, table: SignatureTable, body: _Body | None = None) -> str:
        """The signers as the rows of a borderless one-column table, set in columns.

        The table sits in a section of two newspaper columns, so the rows run down the
        first column, then the second, page after page; a row (one signer) never splits,
        which Word and LibreOffice both honour for table rows in columns (LibreOffice
        ignores keep-together settings of plain paragraphs there).
        """
        rows = "".join(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            '<w:tc><w:tcPr><w:tcW w:w="5000" w:type="pct"/></w:tcPr>'
            f"{self._signature(signature, in_row=True, body=body)}</w:tc></w:tr>"
            for signature in table.signatures
        )
        width = (self._prepared.text_width - _COLUMN_GAP) // 2
        return (
            '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>'
            f"<w:tblBorders>{_NO_BORDERS}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
            "</w:tblCellMar>"
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>{rows}</w:tbl>'
        )

    def _block(self, block: Block, num_id: int, body: _Body) -> str:
        if isinstance(block, ParaBlock):
            return self._p(
                block.style,
                self._runs(block.text, body),
                keep_next=block.keep_next,
                page_break=block.page_break_before,
            )
        if isinstance(block, LineBlock):
            return self._lines(block.style, block.lines, keep_next=block.keep_next)
        if isinstance(block, LabeledBlock):
            return self._labeled(block)
        if isinstance(block, AskBlock):
            runs = ""
            if block.lead:
                runs += self._runs(block.lead, body, STYLES.ASK_LEAD)
            if block.body:
                runs += (_run("", " ") if block.lead else "") + self._runs(block.body, body)
            list_id = _version_num(num_id, block.list_index)
            numbering = (
                f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{list_id}"/></w:numPr>'
                if block.numbered
                else ""
            )
            return self._p(STYLES.ASK, runs, numbering, keep_next=block.keep_next)
        if isinstance(block, ItemBlock):
            list_id = _version_num(num_id, block.list_index)
            numbering = f'<w:numPr><w:ilvl w:val="1"/><w:numId w:val="{list_id}"/></w:numPr>'
            return self._p(
                STYLES.ASK_ITEM,
                self._runs(block.text, body),
                numbering,
                keep_next=block.keep_next,
            )
        if isinstance(block, SignatureBlock):
            return self._signature(block, body=body)
        if isinstance(block, TableBlock):
            return self._table(block, body)
        if isinstance(block, LogoRow):
            return self._logos(block, body)
        return self._columns(block, body)

    def _picture(self, path: str, alt: str, box: tuple[int, int], body: _Body, where: str) -> str:
        """A run holding the image at ``path``, as large as fits ``box`` (EMU), with its
        alt text in ``wp:docPr/@descr`` (what a screen reader says)."""
        image = read_image(path, where=where)
        rid = body.image_id(image, self._entry_names)
        cx, cy = fit(image, *box)
        body.drawings += 1
        number = 1000 + body.drawings
        name = f"Picture {body.drawings}"
        return (
            f'<w:r><w:drawing><wp:inline {DRAWING_NAMESPACES} distT="0" distB="0" '
            f'distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{number}" name="{name}" descr="{_attr(alt)}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            "</wp:cNvGraphicFramePr><a:graphic>"
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{number}" name="{name}" '
            f'descr="{_attr(alt)}"/><pic:cNvPicPr/></pic:nvPicPr>'
            f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            '</pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            "</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>"
            "</w:drawing></w:r>"
        )

    @functools.cached_property
    def _entry_names(self) -> set[str]:
        return {entry.name for entry in self._prepared.entries}

    def _logos(self, block: LogoRow, body: _Body) -> str:
        """The organisations' logos in a borderless table: up to four a row, rows of
        equal length where the count allows (six logos: two rows of three), each logo
        centred in its cell and no taller than :data:`LOGO_HEIGHT`."""
        count = len(block.logos)
        rows = -(-count // LOGOS_PER_ROW)
        per_row = -(-count // rows)
        width = self._prepared.text_width
        cell = width // per_row
        box = (max(cell - _LOGO_GAP, 720) * _EMU_PER_TWIP, LOGO_HEIGHT)
        out: list[str] = []
        text_style = self._prepared.style_ids[STYLES.TABLE_TEXT]
        centre = f'<w:pStyle w:val="{text_style}"/><w:jc w:val="center"/>'
        for start in range(0, count, per_row):
            cells = []
            for index in range(start, start + per_row):
                picture = ""
                if index < count:
                    path, alt = block.logos[index]
                    picture = self._picture(path, alt, box, body, f"logos[{index}]")
                cells.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{cell}" w:type="dxa"/><w:vAlign w:val="center"/>'
                    f"</w:tcPr><w:p><w:pPr>{centre}</w:pPr>{picture}</w:p></w:tc>"
                )
            out.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>")
        grid = "".join(f'<w:gridCol w:w="{cell}"/>' for _ in range(per_row))
        gap = f'<w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr></w:p>'
        return (
            f'{gap}<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>'
            f"<w:tblBorders>{_NO_BORDERS}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:top w:w="86" w:type="dxa"/><w:bottom w:w="86" w:type="dxa"/>'
            "</w:tblCellMar>"
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(out)}</w:tbl>{gap}"
        )

    def _table(self, block: TableBlock, body: _Body) -> str:
        """A table in the reference's "Letter Table" style, its header row repeated on
        each page and never split from the first row; no row splits across pages.

        Columns are as wide as their longest cell asks (within limits); a caption, if
        any, keeps with the table; an empty paragraph after it gives the usual gap.
        """
        ids = self._prepared.style_ids
        grid = _column_widths(block, self._prepared.text_width)

        def row(cells: tuple[str, ...], style: str, *, header: bool) -> str:
            props = "<w:cantSplit/>" + ("<w:tblHeader/>" if header else "")
            out = [f"<w:tr><w:trPr>{props}</w:trPr>"]
            for column, cell in enumerate(cells):
                align = block.align[column]
                if block.rtl:
                    # a right-to-left paragraph reads w:jc from its start: "left" is the
                    # right edge (the default), "right" the left edge
                    align = {"left": "right", "right": "left"}.get(align, align)
                jc = f'<w:jc w:val="{align}"/>' if align != "left" else ""
                keep = "<w:keepNext/>" if header else ""
                out.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{grid[column]}" w:type="dxa"/></w:tcPr>'
                    f'<w:p><w:pPr><w:pStyle w:val="{ids[style]}"/>{keep}{jc}</w:pPr>'
                    f"{self._runs(cell, body)}</w:p></w:tc>"
                )
            return "".join(out) + "</w:tr>"

        rows = [row(block.header, STYLES.TABLE_HEADING, header=True)] if block.header else []
        rows += [row(cells, STYLES.TABLE_TEXT, header=False) for cells in block.rows]
        first_row = "1" if block.header else "0"
        caption = (
            self._p(STYLES.TABLE_CAPTION, self._runs(block.caption, body), keep_next=True)
            if block.caption
            else ""
        )
        gap = f'<w:p><w:pPr><w:pStyle w:val="{ids[STYLES.TABLE_TEXT]}"/></w:pPr></w:p>'
        cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid)
        return (
            f'{caption}<w:tbl><w:tblPr><w:tblStyle w:val="{ids[STYLES.TABLE]}"/>'
            '<w:tblW w:w="5000" w:type="pct"/>'
            f'<w:tblLook w:val="0{"4" if block.header else "0"}00" w:firstRow="{first_row}" '
            'w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
            f"</w:tblPr><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>{gap}"
        )


_VERSION_NUM_STEP = 100_000


def _version_num(num_id: int, list_index: int) -> int:
    """The numbering id of the asks of a bilingual letter's version ``list_index`` (0 is
    the letter's own list)."""
    return num_id + _VERSION_NUM_STEP * list_index


_CHAR_TWIPS = 110  # the width of an average character of a 10 pt table cell
_CELL_MARGINS = 220  # twips: a cell's left and right margins and a little air


def _column_widths(block: TableBlock, width: int) -> list[int]:
    """Column widths (twips) filling ``width``: no column narrower than its longest
    word, the room left shared by how much longer each column's longest cell is."""
    columns = len(block.align)
    rows = [cells for cells in (block.header, *block.rows) if cells]
    texts = [[plain(cells[c]) for cells in rows] for c in range(columns)]
    least = [
        max((len(word) for text in column for word in text.split()), default=1) * _CHAR_TWIPS
        + _CELL_MARGINS
        for column in texts
    ]
    full = [
        max(max((len(text) for text in column), default=1) * _CHAR_TWIPS + _CELL_MARGINS, low)
        for column, low in zip(texts, least, strict=True)
    ]
    if sum(full) <= width:  # everything fits on one line: share the spare room alike
        return [width * f // sum(full) for f in full]
    if sum(least) >= width:
        return [width * w // sum(least) for w in least]
    spare = width - sum(least)
    wants = [f - w for f, w in zip(full, least, strict=True)]
    return [w + spare * want // sum(wants) for w, want in zip(least, wants, strict=True)]


def _labeled_run(label: str, lines: list[str]) -> str:
    """A label, a tab, then the lines; without a label the tab still lines them up."""
    pieces = [f"<w:r>{_t(label)}</w:r>"] if label else []
    pieces.append("<w:r><w:tab/></w:r>")
    pieces.append(_run("", "\n".join(lines)))
    return "".join(pieces)


def _run(rpr: str, text: str) -> str:
    pieces = text.split("\n")
    inner = "<w:br/>".join(_t(piece) for piece in pieces)
    return f"<w:r>{rpr}{inner}</w:r>"
