"""DOCX output through a reference document (python-docx) and named styles.

The reference document (the bundled ``default.docx`` or a house style passed as
``--reference``) supplies fonts, margins, headers, footers and letterhead; the letter's
parts take its named paragraph and character styles (see
:class:`~draftkit.styles.STYLES`). A reference that lacks some of draftkit's
styles gets them copied from the bundled document, and one without page numbers or a
header for pages 2 onward gets draftkit's "Page X of Y" footer and, per letter, a
continuation header (addressee and date), so any Word file can serve as a house
style. Pagination (keep with next, keep lines together) is written on the paragraphs,
and signers in columns are unsplittable table rows in a two-column section: the rules
hold in Word and in LibreOffice whatever the house style's styles say.

The reference is prepared once (:mod:`draftkit.render.reference`, the only module that
imports ``docx``) and its pieces kept on disk (:mod:`draftkit.render.prepared`);
:class:`DocxRenderer` caches them per path and modification time in a process. Each
letter then costs only the body XML, its deflate, and copying the reference's other
parts, which were compressed once.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import draftkit.languages as languages
from draftkit.errors import RenderError
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
from draftkit.render.layout import KEEP_LINES, KEEP_WITH_NEXT, layout, running_header
from draftkit.render.package import ZipEntry, build_zip, compress
from draftkit.render.prepared import Prepared, prepared_for
from draftkit.render.wordml import (
    DRAWING_NAMESPACES,
    FOOTNOTES_CT,
    FOOTNOTES_REL,
    HEADER_CT,
    HEADER_REL,
    HYPERLINK_REL,
    IMAGE_REL,
    R_NS,
    W_NS,
)
from draftkit.render.wordml import attr as _attr
from draftkit.render.wordml import num_xml as _num_xml
from draftkit.render.wordml import t as _t
from draftkit.render.wordml import text as _text
from draftkit.schema import Letter
from draftkit.shipped import DEFAULT_REFERENCE
from draftkit.styles import STYLES

__all__ = ["DocxRenderer", "default_reference", "renderer_for"]

_MEMO_LIMIT = 4096  # blocks whose XML a renderer keeps


def default_reference() -> Path:
    """The bundled reference document (``templates/default.docx``, see :mod:`draftkit.shipped`)."""
    return DEFAULT_REFERENCE


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


class DocxRenderer:
    """Renders resolved letters to DOCX bytes against one reference document.

    Args:
        reference: A ``.docx`` whose styles, page setup, headers and footers are used;
            the bundled ``default.docx`` when None. What it lacks is inherited from the
            bundled document: draftkit's styles, "Page X of Y" on later pages, the
            continuation header.

    Raises:
        RenderError: The reference cannot be read as a Word document.
    """

    def __init__(self, reference: str | Path | None = None) -> None:
        self.reference = Path(reference) if reference is not None else default_reference()
        self._prepared = prepared_for(self.reference)
        self._memo: dict[tuple[Block, int], str] = {}
        self._deflated: dict[tuple[str, str], ZipEntry] = {}

    @property
    def style_ids(self) -> Mapping[str, str]:
        """Style name to style id in the prepared reference."""
        return self._prepared.style_ids

    @property
    def continuation_part(self) -> str:
        """The part name of the first letter's continuation header (``word/….xml``)."""
        return f"{self._prepared.part_prefix}1.xml"

    def render(self, letter: Letter, *, properties: Mapping[str, str] | None = None) -> bytes:
        """Render one letter.

        Args:
            letter: A resolved letter.
            properties: Custom document properties to record (provenance).

        Returns:
            The DOCX file's bytes.
        """
        return self.render_many([letter], properties=properties)

    def render_many(
        self, letters: Sequence[Letter], *, properties: Mapping[str, str] | None = None
    ) -> bytes:
        """Render several letters into one document, each starting on a new page.

        Each letter is a section of its own: its asks restart their numbering at 1, its
        pages are counted from 1 and it has its own continuation header. In a combined
        document draftkit's footer reads "Page N" (no client counts a section's pages
        reliably: LibreOffice does not compute ``SECTIONPAGES``).

        Args:
            letters: Resolved letters (at least one).
            properties: Custom document properties to record.

        Returns:
            The DOCX file's bytes.
        """
        return build_zip(self._rendered(letters, properties).entries)

    def _rendered(
        self,
        letters: Sequence[Letter],
        properties: Mapping[str, str] | None,
        blocks: list[Block] | None = None,
    ) -> _Rendered:
        """The parts of the document of ``letters`` (``blocks``: the one letter's, laid out
        already), and how its body XML was put together."""
        if not letters:
            raise RenderError("nothing to render: no letters given")
        prep = self._prepared
        body = _Body(prep.id_prefix, prep.part_prefix)
        parts: list[str] = []
        combined = len(letters) > 1
        final = ""
        for index, letter in enumerate(letters):
            laid = blocks if blocks is not None and not combined else self._layout(letter)
            noted = len(body.notes)
            chunks, last_sect = self._letter_xml(
                letter, laid, prep.first_num_id + index, body, restart=combined
            )
            if languages.is_rtl(letter.language):
                chunks = [_right_to_left(chunk) for chunk in chunks]
                last_sect = _right_to_left(last_sect)
                # the letter's footnotes are set right to left as its text is
                body.notes[noted:] = [_right_to_left(note) for note in body.notes[noted:]]
            if index < len(letters) - 1:
                chunks[-1] = _with_sect(chunks[-1], last_sect)
            else:
                final = last_sect
            parts.extend(chunks)
        document = prep.doc_prefix + "".join(parts) + final + prep.doc_tail
        first = letters[0]
        dynamic = [compress(prep.document_name, document.encode("utf-8"))]
        extra_rels = "".join(
            f'<Relationship Id="{rid}" Type="{HYPERLINK_REL}" '
            f'Target="{_attr(url)}" TargetMode="External"/>'
            for url, rid in body.links.items()
        ) + "".join(
            f'<Relationship Id="{rid}" Type="{HEADER_REL}" Target="{name.removeprefix("word/")}"/>'
            for rid, name, _ in body.headers
        )
        entries = prep.entries
        extra_types = ""
        if body.notes:
            notes = _footnotes_parts(prep, body)
            entries = [e for e in entries if e.name not in notes.replaced]
            extra_rels += notes.relationship
            extra_types += notes.content_type
            dynamic += [compress(name, xml.encode("utf-8")) for name, xml in notes.parts]
        for rid, name, image in body.images.values():
            target = name.removeprefix("word/")
            extra_rels += f'<Relationship Id="{rid}" Type="{IMAGE_REL}" Target="{target}"/>'
            extra_types += f'<Override PartName="/{name}" ContentType="{image.content_type}"/>'
            dynamic.append(ZipEntry(name, image.data, zlib.crc32(image.data), len(image.data), 0))
        rels = prep.rels_xml.replace("</Relationships>", extra_rels + "</Relationships>")
        dynamic.append(self._compress(prep.rels_name, rels))
        for _, name, xml in body.headers:
            dynamic.append(self._compress(name, xml))
        types = prep.content_types_xml.replace(
            "</Types>",
            "".join(
                f'<Override PartName="/{name}" ContentType="{HEADER_CT}"/>'
                for _, name, _ in body.headers
            )
            + extra_types
            + "</Types>",
        )
        dynamic.append(self._compress("[Content_Types].xml", types))
        dynamic += prep.combined_entries if combined else prep.single_entries
        # a bilingual letter's other versions number their asks from 1 with lists of their own
        versions = [
            _version_num(prep.first_num_id + i, j)
            for i, each in enumerate(letters)
            for j in range(1, len(each.languages))
        ]
        if combined or versions:
            nums = "".join(
                _num_xml(prep.first_num_id + i, prep.abstract_id) for i in range(1, len(letters))
            ) + "".join(_num_xml(num, prep.abstract_id) for num in versions)
            numbering = prep.numbering_xml.replace("</w:numbering>", nums + "</w:numbering>")
            dynamic.append(compress(prep.numbering_name, numbering.encode("utf-8")))
        else:
            dynamic.append(prep.numbering_entry)
        dynamic.append(self._compress("docProps/core.xml", _core_xml(first)))
        custom = [*prep.custom_xml_props, *(properties or {}).items()]
        dynamic.append(compress("docProps/custom.xml", _custom_xml(custom).encode("utf-8")))
        return _Rendered(
            _localized_footers([*entries, *dynamic], first.language), body, parts, final
        )

    def _compress(self, name: str, xml: str) -> ZipEntry:
        """A part deflated, or the same part of an earlier letter again (merged letters
        share their relationships, content types and often their properties)."""
        key = (name, xml)
        entry = self._deflated.get(key)
        if entry is None:
            entry = compress(name, xml.encode("utf-8"))
            if len(self._deflated) >= _MEMO_LIMIT // 16:
                self._deflated.clear()
            self._deflated[key] = entry
        return entry

    # -- body -------------------------------------------------------------------------

    def _layout(self, letter: Letter) -> list[Block]:
        """The letter's blocks (a hook: the redline of :mod:`draftkit.diff` sets its own)."""
        return layout(letter)

    def _spans(self, text: str) -> list[Span]:
        """The formatted spans of a paragraph's text (a hook, as :meth:`_layout`)."""
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

    def _block_xml(self, block: Block, num_id: int, body: _Body) -> str:
        """A block's XML, built once: letters repeat most of their blocks.

        A merged letter shares its context paragraphs, asks and signatures with the
        letters before it; blocks are immutable values, so their XML is reused. A block
        holding a hyperlink or a footnote is built again, since its relationship id or
        note number is one document's.
        """
        key = (block, num_id)
        xml = self._memo.get(key)
        if xml is None:
            xml = self._block(block, num_id, body)
            # a block with a link, a footnote or a picture refers to this document's parts
            if not any(mark in xml for mark in _PER_DOCUMENT):
                if len(self._memo) >= _MEMO_LIMIT:
                    self._memo.clear()
                self._memo[key] = xml
        return xml

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

    def _letter_xml(
        self, letter: Letter, blocks: list[Block], num_id: int, body: _Body, *, restart: bool
    ) -> tuple[list[str], str]:
        """The letter's paragraphs, section breaks placed, and its last section's ``sectPr``.

        A letter is one section, or three when its signers are set in columns: the
        letter up to the close, the signers in a continuous section of two columns, and
        what follows them (note, enclosures, cc) back in one column.
        """
        prep = self._prepared
        chunks: list[str] = []
        owners = body.owners = []  # kept beside chunks: which block each chunk holds
        if not prep.has_letterhead and letter.sender.logo:
            picture = self._picture(
                letter.sender.logo,
                f"Logo of {letter.sender.organization or 'the sender'}",
                _LETTERHEAD_BOX,
                body,
                "sender.logo",
            )
            chunks.append(self._p(STYLES.LETTERHEAD_NAME, picture, keep_next=True))
        if not prep.has_letterhead and letter.sender.organization:
            chunks.append(self._lines(STYLES.LETTERHEAD_NAME, [letter.sender.organization]))
            address = " · ".join(letter.sender.address_lines)
            chunks.append(self._lines(STYLES.LETTERHEAD_ADDRESS, [address]))
        owners += [None] * len(chunks)
        table_at: int | None = None
        previous: Block | None = None
        for number, block in enumerate(blocks):
            xml = self._block_xml(block, num_id, body)
            if isinstance(block, SignatureTable):
                table_at = len(chunks)
            elif (
                isinstance(previous, SignatureTable)
                and isinstance(block, ParaBlock)
                and block.style == STYLES.SIGNATORY_NOTE
            ):
                # the note goes in the last signer's row, under the signers: a row never
                # splits, so the note never starts a page or a column alone
                last_cell = chunks[-1].rfind("</w:tc>")
                chunks[-1] = chunks[-1][:last_cell] + xml + chunks[-1][last_cell:]
                owners[-1] = None
                previous = block
                continue
            chunks.append(xml)
            owners.append(number)
            previous = block
        if not chunks:
            chunks.append(_EMPTY_P)
            owners.append(None)
        header_rid = None
        if _wants_continuation(letter, prep):
            header_rid = body.header_id(self._continuation_xml(letter))
        main = _main_sect(prep, header_rid, restart=restart)
        if table_at is None:
            return chunks, main
        if table_at == 0:
            chunks.insert(0, _EMPTY_P)
            owners.insert(0, None)
            table_at = 1
        chunks[table_at - 1] = _with_sect(chunks[table_at - 1], main)
        owners[table_at - 1] = None
        # a table cannot end a section: a paragraph of no height carries the break
        columns_end = table_at + 1
        chunks.insert(columns_end, _with_sect(_END_P, _plain_sect(prep, columns=2)))
        owners.insert(columns_end, None)
        if columns_end == len(chunks) - 1:
            # Word balances columns only before a section break, so a (one-column)
            # section always follows, even when nothing is left to put in it
            chunks.append(_END_P)
            owners.append(None)
        return chunks, _plain_sect(prep, columns=1)

    def _continuation_xml(self, letter: Letter) -> str:
        who, when = running_header(letter)
        text = " · ".join(part for part in (who, when) if part)
        style_id = self._prepared.style_ids[STYLES.CONTINUATION]
        # no page number here: the footer of pages 2 onward always carries one (the house
        # style's, or draftkit's "Page X of Y"), and a page numbered twice looks careless
        paragraph = f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{_run("", text)}</w:p>'
        if languages.is_rtl(letter.language):
            paragraph = _right_to_left(paragraph)
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{paragraph}</w:hdr>'
        )


@dataclass(frozen=True, slots=True)
class _Rendered:
    """A rendered document before it is zipped: its parts (in package order), the
    per-document state, its body chunks and the last section's properties."""

    entries: list[ZipEntry]
    body: _Body
    chunks: list[str]
    final: str


@dataclass(frozen=True, slots=True)
class _NoteParts:
    """What a document with footnotes adds: the parts, a relationship, a content type,
    and the reference's own footnote parts it replaces."""

    parts: list[tuple[str, str]]
    relationship: str
    content_type: str
    replaced: frozenset[str]


_FOOTNOTES_REL_RE = re.compile(r'<Relationship\b[^>]*\bType="[^"]*/relationships/footnotes"[^>]*/>')


def _footnotes_parts(prep: Prepared, body: _Body) -> _NoteParts:
    """``footnotes.xml`` (separators first, then the notes) and its relationships.

    A reference with a footnotes part of its own (a house style saved by Word has one,
    holding only the separators) keeps its relationship and content type; the part is
    replaced. Otherwise ``word/footnotes.xml`` is added (or a free name beside it).
    """
    found = _FOOTNOTES_REL_RE.search(prep.rels_xml)
    names = {entry.name for entry in prep.entries}
    relationship = content_type = ""
    if found:
        target = re.search(r'\bTarget="([^"]+)"', found.group(0))
        raw = target.group(1) if target else "footnotes.xml"
        name = raw.lstrip("/") if raw.startswith("/") else f"word/{raw}"
    else:
        name = "word/footnotes.xml"
        if name in names:  # pragma: no cover - a part no relationship points to
            name = f"{prep.part_prefix}-footnotes.xml"
        relationship = (
            f'<Relationship Id="{prep.id_prefix}Notes" Type="{FOOTNOTES_REL}" '
            f'Target="{name.removeprefix("word/")}"/>'
        )
        content_type = f'<Override PartName="/{name}" ContentType="{FOOTNOTES_CT}"/>'
    folder, _, file = name.rpartition("/")
    rels_name = f"{folder}/_rels/{file}.rels"
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
        'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">{separators}'
        f"{''.join(body.notes)}</w:footnotes>"
    )
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{HYPERLINK_REL}" '
        f'Target="{_attr(url)}" TargetMode="External"/>'
        for url, rid in body.note_links.items()
    )
    parts = [(name, xml)]
    if rels:
        parts.append(
            (
                rels_name,
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
                "</Relationships>",
            )
        )
    return _NoteParts(parts, relationship, content_type, frozenset({name, rels_name}))


# Right to left (Arabic). A paragraph of a right-to-left letter is a bidi paragraph (it
# starts at the right margin and orders its runs right to left); a run holding Arabic
# letters is marked rtl, so Word shapes it with the complex-script font; a run of Latin
# text (a name, "Reuters") stays left to right inside the line, in its place. The section
# and the table of signers are laid out from the right as well.
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_PPR = re.compile(r"<w:pPr>(.*?)</w:pPr>", re.S)
# elements that come after w:bidi in a paragraph's properties (ISO/IEC 29500 CT_PPr order)
_AFTER_BIDI = re.compile(
    r"<w:(?:adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|mirrorIndents|"
    r"suppressOverlap|jc|textDirection|textAlignment|textboxTightWrap|outlineLvl|divId|"
    r"cnfStyle|rPr|sectPr|pPrChange)\b"
)
_RUN = re.compile(r"<w:r>(.*?)</w:r>", re.S)
_TBL_PR = re.compile(r"<w:tblPr>((?:<w:tblStyle [^>]*/>)?)")
_SECT_END = re.compile(r"(<w:rtlGutter\b|<w:docGrid\b|</w:sectPr>)")


def _bidi_ppr(match: re.Match[str]) -> str:
    inner = match.group(1)
    if "<w:bidi/>" in inner.split("<w:sectPr", 1)[0]:
        return match.group(0)
    found = _AFTER_BIDI.search(inner)
    at = found.start() if found else len(inner)
    return f"<w:pPr>{inner[:at]}<w:bidi/>{inner[at:]}</w:pPr>"


def _rtl_run(match: re.Match[str]) -> str:
    inner = match.group(1)
    if not _ARABIC.search(inner) or "<w:rtl/>" in inner:
        return match.group(0)
    if inner.startswith("<w:rPr>"):
        inner = inner.replace("</w:rPr>", "<w:rtl/></w:rPr>", 1)
    else:
        inner = "<w:rPr><w:rtl/></w:rPr>" + inner
    return f"<w:r>{inner}</w:r>"


def _bidi_sect(xml: str) -> str:
    out: list[str] = []
    rest = xml
    while (start := rest.find("<w:sectPr")) != -1:
        end = rest.find("</w:sectPr>", start) + len("</w:sectPr>")
        sect = rest[start:end]
        if "<w:bidi/>" not in sect:
            found = _SECT_END.search(sect)
            at = found.start() if found else len(sect)
            sect = sect[:at] + "<w:bidi/>" + sect[at:]
        out.append(rest[:start] + sect)
        rest = rest[end:]
    return "".join(out) + rest


def _right_to_left(xml: str) -> str:
    """Body XML of a right-to-left letter: bidi paragraphs, sections and tables, and
    rtl runs for the Arabic text."""
    xml = _PPR.sub(_bidi_ppr, xml)
    xml = _RUN.sub(_rtl_run, xml)
    # CT_TblPr order: tblStyle (tblpPr, tblOverlap) before bidiVisual
    xml = _TBL_PR.sub(r"<w:tblPr>\1<w:bidiVisual/>", xml)
    return _bidi_sect(xml)


_VERSION_NUM_STEP = 100_000


def _version_num(num_id: int, list_index: int) -> int:
    """The numbering id of the asks of a bilingual letter's version ``list_index`` (0 is
    the letter's own list)."""
    return num_id + _VERSION_NUM_STEP * list_index


_PAGE_RUN = f"<w:r>{_t('Page ')}</w:r>"
_OF_RUN = f"<w:r>{_t(' of ')}</w:r>"


@functools.lru_cache(maxsize=64)
def _localized_footer(entry: ZipEntry, language: str) -> ZipEntry:
    """A footer part with draftkit's "Page N of M" in ``language`` (others unchanged)."""
    raw = zlib.decompress(entry.data, -15) if entry.method == 8 else entry.data
    xml = raw.decode("utf-8")
    if _PAGE_RUN not in xml:
        return entry
    words = languages.catalogue(language)
    before, _, rest = words.page_of.partition("{page}")
    between = rest.partition("{pages}")[0]
    xml = xml.replace(_PAGE_RUN, f"<w:r>{_t(before)}</w:r>").replace(
        _OF_RUN, f"<w:r>{_t(between)}</w:r>"
    )
    return compress(entry.name, xml.encode("utf-8"))


def _localized_footers(entries: list[ZipEntry], language: str) -> list[ZipEntry]:
    """``entries`` with draftkit's own page-number footer in the letter's language.

    The footer is part of the prepared reference (shared by every letter); a letter in
    another language gets a copy of the footer parts with its words ("Page 2 sur 3",
    "Página 2 de 3"). A house style's own footer is left as it is.
    """
    if language == languages.DEFAULT_LANGUAGE:
        return entries
    return [
        _localized_footer(e, language)
        if e.name.startswith("word/footer") and e.name.endswith(".xml")
        else e
        for e in entries
    ]


_EMPTY_P = "<w:p><w:pPr></w:pPr></w:p>"
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


_PER_DOCUMENT = ('r:id="', "<w:footnoteReference", "r:embed=")
_EMU_PER_TWIP = 635
_EMU_PER_INCH = 914_400
LOGOS_PER_ROW = 4
"""At most this many organisation logos stand side by side."""
LOGO_HEIGHT = int(0.75 * _EMU_PER_INCH)
"""The tallest a logo is set (EMU): three quarters of an inch."""
_LOGO_GAP = 360  # twips between two logos (a quarter inch)
_SIGNATURE_BOX = (int(2.25 * _EMU_PER_INCH), int(0.6 * _EMU_PER_INCH))
_LETTERHEAD_BOX = (int(2.5 * _EMU_PER_INCH), int(0.9 * _EMU_PER_INCH))
_COLUMN_GAP = 432  # twips between the two columns of signers (0.3 in)
_NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
# the paragraph that closes a document whose signers end it: as small as a line can be
_END_P = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
)


def _with_sect(paragraphs: str, sect: str) -> str:
    """``paragraphs`` with ``sect`` in its last paragraph: the section ends there."""
    at = paragraphs.rfind("</w:pPr>")
    if at == -1:  # pragma: no cover - every paragraph draftkit writes has a pPr
        raise RenderError("internal error: a paragraph without properties")
    return paragraphs[:at] + sect + paragraphs[at:]


def _wants_continuation(letter: Letter, prep: Prepared) -> bool:
    """Whether the letter gets draftkit's continuation header on pages 2 onward."""
    if prep.house_header:
        return False  # the house style has its own header for later pages
    choice = letter.options.continuation_header
    return prep.continuation if choice is None else choice


def _main_sect(prep: Prepared, header_rid: str | None, *, restart: bool) -> str:
    """The letter's own section: the reference's, with the continuation header."""
    sect = prep.sect_xml
    if header_rid is not None:
        for kind in prep.header_kinds:
            sect = re.sub(rf'<w:headerReference w:type="{kind}"[^>]*/>', "", sect)
        refs = "".join(
            f'<w:headerReference w:type="{kind}" r:id="{header_rid}"/>'
            for kind in prep.header_kinds
        )
        opening = sect.index(">") + 1
        sect = sect[:opening] + refs + sect[opening:]
    return _restart_numbering(sect) if restart else sect


def _plain_sect(prep: Prepared, *, columns: int) -> str:
    """A continuous section on the same page setup: headers and numbering run on."""
    keep = "".join(
        match.group(0)
        for tag in ("pgSz", "pgMar")
        for match in [re.search(rf"<w:{tag}\b[^>]*/>", prep.sect_xml)]
        if match
    )
    cols = (
        f'<w:cols w:num="2" w:space="{_COLUMN_GAP}"/>'
        if columns == 2
        else '<w:cols w:space="720"/>'
    )
    return f'<w:sectPr><w:type w:val="continuous"/>{keep}{cols}</w:sectPr>'


_SECT_ORDER_AFTER_PGNUM = (
    "<w:cols",
    "<w:formProt",
    "<w:vAlign",
    "<w:noEndnote",
    "<w:titlePg",
    "<w:textDirection",
    "<w:bidi",
    "<w:rtlGutter",
    "<w:docGrid",
    "<w:printerSettings",
    "<w:sectPrChange",
    "</w:sectPr>",
)


def _restart_numbering(section: str) -> str:
    """A ``w:sectPr`` whose page numbers start again at 1."""
    if "<w:pgNumType" in section:
        if "w:start=" in section[section.index("<w:pgNumType") :].split(">", 1)[0]:
            return section
        return section.replace("<w:pgNumType", '<w:pgNumType w:start="1"', 1)
    positions = [section.find(tag) for tag in _SECT_ORDER_AFTER_PGNUM]
    at = min(p for p in positions if p != -1)
    return section[:at] + '<w:pgNumType w:start="1"/>' + section[at:]


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


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _core_xml(letter: Letter) -> str:
    title = letter.subject or (
        f"Letter to {letter.addressees[0].label()}" if letter.addressees else "Letter"
    )
    subject = plain(letter.subject or "", links=False)
    author = letter.sender.organization or (
        letter.signatories[0].organization or letter.signatories[0].name
        if letter.signatories
        else "draftkit"
    )
    created = (
        dt.datetime.combine(letter.date, dt.time(12, 0))
        if letter.date
        else dt.datetime(2000, 1, 1, 12, 0)
    )
    stamp = _iso(created)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_text(plain(title, links=False))}</dc:title>"
        f"<dc:subject>{_text(subject)}</dc:subject>"
        f"<dc:creator>{_text(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{_text(author)}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _custom_xml(properties: Sequence[tuple[str, str]]) -> str:
    seen: dict[str, str] = {}
    for name, value in properties:
        seen[name] = value
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" '
        f'name="{_attr(name)}"><vt:lpwstr>{_text(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(seen.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{items}</Properties>'
    )


@functools.lru_cache(maxsize=8)
def _renderer_cached(path: str, mtime: int) -> DocxRenderer:
    return DocxRenderer(path)


def renderer_for(reference: str | Path | None = None) -> DocxRenderer:
    """A cached :class:`DocxRenderer` for ``reference`` (re-read when the file changes)."""
    path = Path(reference) if reference is not None else default_reference()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise RenderError(
            f"cannot read the reference document ({exc.strerror})",
            path=path,
            hint="check the --reference path",
        ) from None
    return _renderer_cached(str(path), mtime)
