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

The reference is opened with python-docx once per process (:class:`DocxRenderer` caches
it per path and modification time). Each letter then costs only the body XML, its
deflate, and copying the reference's other parts, which were compressed once. Only this
module imports ``docx``.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.parts.numbering import NumberingPart
from lxml import etree

from draftkit.errors import RenderError
from draftkit.markup import link_shown, parse, plain
from draftkit.ooxml import open_document, parse_part, read_package_file
from draftkit.render.layout import (
    KEEP_LINES,
    KEEP_WITH_NEXT,
    AskBlock,
    Block,
    ItemBlock,
    LabeledBlock,
    LineBlock,
    ParaBlock,
    SignatureBlock,
    SignatureTable,
    layout,
    running_header,
)
from draftkit.render.package import ZipEntry, build_zip, compress
from draftkit.schema import Letter
from draftkit.shipped import DEFAULT_REFERENCE
from draftkit.styles import STYLES

__all__ = ["DocxRenderer", "default_reference", "renderer_for"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_W = f"{{{W_NS}}}"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_REFERENCE_BYTES = 50 * 1024 * 1024
_MEMO_LIMIT = 4096  # blocks whose XML a renderer keeps


def default_reference() -> Path:
    """The bundled reference document (``templates/default.docx``, see :mod:`draftkit.shipped`)."""
    return DEFAULT_REFERENCE


# xml.sax.saxutils.escape does the same, but importing it loads urllib.request, http,
# ssl and email: ~40 ms of a one-letter render's start-up
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _text(value: str) -> str:
    return _INVALID_XML.sub("", value).translate(_TEXT_ESCAPES)


def _attr(value: str) -> str:
    return _INVALID_XML.sub("", value).translate(_ATTR_ESCAPES)


def _t(value: str) -> str:
    """A ``w:t`` element, keeping leading/trailing spaces."""
    return f'<w:t xml:space="preserve">{_text(value)}</w:t>'


@dataclass(slots=True)
class _Body:
    """Per-document state while body XML is built: hyperlinks and header parts."""

    id_prefix: str = "rIdDk"
    part_prefix: str = "word/draftkit-header"
    links: dict[str, str] = field(default_factory=dict)
    headers: list[tuple[str, str, str]] = field(default_factory=list)  # (rid, part, xml)

    def link_id(self, url: str) -> str:
        if url not in self.links:
            self.links[url] = f"{self.id_prefix}{len(self.links) + 1}"
        return self.links[url]

    def header_id(self, xml: str) -> str:
        number = len(self.headers) + 1
        rid = f"{self.id_prefix}Hdr{number}"
        self.headers.append((rid, f"{self.part_prefix}{number}.xml", xml))
        return rid


@dataclass(slots=True)
class _Prepared:
    """A reference document turned into reusable pieces."""

    entries: list[ZipEntry]
    document_name: str
    doc_prefix: str
    sect_xml: str
    doc_tail: str
    rels_name: str
    rels_xml: str
    numbering_name: str
    numbering_xml: str
    numbering_entry: ZipEntry
    content_types_xml: str
    abstract_id: int
    first_num_id: int
    style_ids: dict[str, str]
    custom_xml_props: list[tuple[str, str]]
    has_letterhead: bool
    single_entries: list[ZipEntry]
    combined_entries: list[ZipEntry]
    id_prefix: str
    part_prefix: str
    continuation: bool
    house_header: bool
    header_kinds: tuple[str, ...]
    text_width: int


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
        self._prepared = _prepare(self.reference)
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
        if not letters:
            raise RenderError("nothing to render: no letters given")
        prep = self._prepared
        body = _Body(prep.id_prefix, prep.part_prefix)
        parts: list[str] = []
        combined = len(letters) > 1
        final = ""
        for index, letter in enumerate(letters):
            blocks = layout(letter)
            chunks, last_sect = self._letter_xml(
                letter, blocks, prep.first_num_id + index, body, restart=combined
            )
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
            + "</Types>",
        )
        dynamic.append(self._compress("[Content_Types].xml", types))
        dynamic += prep.combined_entries if combined else prep.single_entries
        if combined:
            nums = "".join(
                _num_xml(prep.first_num_id + i, prep.abstract_id) for i in range(1, len(letters))
            )
            numbering = prep.numbering_xml.replace("</w:numbering>", nums + "</w:numbering>")
            dynamic.append(compress(prep.numbering_name, numbering.encode("utf-8")))
        else:
            dynamic.append(prep.numbering_entry)
        dynamic.append(self._compress("docProps/core.xml", _core_xml(first)))
        custom = [*prep.custom_xml_props, *(properties or {}).items()]
        dynamic.append(compress("docProps/custom.xml", _custom_xml(custom).encode("utf-8")))
        return build_zip([*prep.entries, *dynamic])

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

    def _p(self, style: str, runs: str, extra_ppr: str = "", *, keep_next: bool = False) -> str:
        style_id = self._prepared.style_ids[style]
        keep = ""
        if keep_next or style in KEEP_WITH_NEXT:
            keep += "<w:keepNext/>"
        if style in KEEP_LINES:
            keep += "<w:keepLines/>"
        return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}{extra_ppr}</w:pPr>{runs}</w:p>'

    def _runs(self, text: str, body: _Body, base_style: str | None = None) -> str:
        ids = self._prepared.style_ids
        out: list[str] = []
        for span in parse(text):
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
                rid = body.link_id(span.url)
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

    def _lines(self, style: str, lines: Iterable[str], *, keep_next: bool = False) -> str:
        return self._p(style, _run("", "\n".join(lines)), keep_next=keep_next)

    def _signature(self, block: SignatureBlock, *, in_row: bool = False) -> str:
        keep = block.keep_next
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

    def _columns(self, table: SignatureTable) -> str:
        """The signers as the rows of a borderless one-column table, set in columns.

        The table sits in a section of two newspaper columns, so the rows run down the
        first column, then the second, page after page; a row (one signer) never splits,
        which Word and LibreOffice both honour for table rows in columns (LibreOffice
        ignores keep-together settings of plain paragraphs there).
        """
        rows = "".join(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            '<w:tc><w:tcPr><w:tcW w:w="5000" w:type="pct"/></w:tcPr>'
            f"{self._signature(signature, in_row=True)}</w:tc></w:tr>"
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
        holding a hyperlink is built again, since its relationship id is one document's.
        """
        key = (block, num_id)
        xml = self._memo.get(key)
        if xml is None:
            xml = self._block(block, num_id, body)
            if 'r:id="' not in xml:
                if len(self._memo) >= _MEMO_LIMIT:
                    self._memo.clear()
                self._memo[key] = xml
        return xml

    def _block(self, block: Block, num_id: int, body: _Body) -> str:
        if isinstance(block, ParaBlock):
            return self._p(block.style, self._runs(block.text, body), keep_next=block.keep_next)
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
            numbering = (
                f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
                if block.numbered
                else ""
            )
            return self._p(STYLES.ASK, runs, numbering, keep_next=block.keep_next)
        if isinstance(block, ItemBlock):
            numbering = f'<w:numPr><w:ilvl w:val="1"/><w:numId w:val="{num_id}"/></w:numPr>'
            return self._p(
                STYLES.ASK_ITEM,
                self._runs(block.text, body),
                numbering,
                keep_next=block.keep_next,
            )
        if isinstance(block, SignatureBlock):
            return self._signature(block)
        return self._columns(block)

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
        if not prep.has_letterhead and letter.sender.organization:
            chunks.append(self._lines(STYLES.LETTERHEAD_NAME, [letter.sender.organization]))
            address = " · ".join(letter.sender.address_lines)
            chunks.append(self._lines(STYLES.LETTERHEAD_ADDRESS, [address]))
        table_at: int | None = None
        previous: Block | None = None
        for block in blocks:
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
                previous = block
                continue
            chunks.append(xml)
            previous = block
        if not chunks:
            chunks.append(_EMPTY_P)
        header_rid = None
        if _wants_continuation(letter, prep):
            header_rid = body.header_id(self._continuation_xml(letter))
        main = _main_sect(prep, header_rid, restart=restart)
        if table_at is None:
            return chunks, main
        if table_at == 0:
            chunks.insert(0, _EMPTY_P)
            table_at = 1
        chunks[table_at - 1] = _with_sect(chunks[table_at - 1], main)
        # a table cannot end a section: a paragraph of no height carries the break
        columns_end = table_at + 1
        chunks.insert(columns_end, _with_sect(_END_P, _plain_sect(prep, columns=2)))
        if columns_end == len(chunks) - 1:
            # Word balances columns only before a section break, so a (one-column)
            # section always follows, even when nothing is left to put in it
            chunks.append(_END_P)
        return chunks, _plain_sect(prep, columns=1)

    def _continuation_xml(self, letter: Letter) -> str:
        who, when = running_header(letter)
        text = " · ".join(part for part in (who, when) if part)
        style_id = self._prepared.style_ids[STYLES.CONTINUATION]
        # no page number here: the footer of pages 2 onward always carries one (the house
        # style's, or draftkit's "Page X of Y"), and a page numbered twice looks careless
        paragraph = f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{_run("", text)}</w:p>'
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{paragraph}</w:hdr>'
        )


_EMPTY_P = "<w:p><w:pPr></w:pPr></w:p>"
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


def _wants_continuation(letter: Letter, prep: _Prepared) -> bool:
    """Whether the letter gets draftkit's continuation header on pages 2 onward."""
    if prep.house_header:
        return False  # the house style has its own header for later pages
    choice = letter.options.continuation_header
    return prep.continuation if choice is None else choice


def _main_sect(prep: _Prepared, header_rid: str | None, *, restart: bool) -> str:
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


def _plain_sect(prep: _Prepared, *, columns: int) -> str:
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


def _num_xml(num_id: int, abstract_id: int) -> str:
    return (
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )


def _abstract_xml(abstract_id: int) -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="draftkit asks"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )


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


# -- preparing a reference ----------------------------------------------------------------


def _open_docx(path: Path) -> Any:
    """Open a reference document through the safe package reader (see draftkit.ooxml)."""
    data = read_package_file(path, error=RenderError, limit=MAX_REFERENCE_BYTES)
    return open_document(data, source=str(path), error=RenderError)


def _ensure_styles(document: Any, path: Path) -> dict[str, str]:
    """Copy draftkit's styles from the bundled reference into ``document`` where missing."""
    styles = document.styles
    element = styles.element
    wanted = [*STYLES.paragraph_styles(), *STYLES.page_styles(), *STYLES.character_styles()]
    existing = {style.name: style for style in styles}
    missing = [name for name in wanted if name not in existing]
    if missing:
        if path == default_reference():
            raise RenderError(
                f"the bundled reference lacks styles {missing}", hint="reinstall draftkit"
            )
        source = _bundled_styles()
        known_ids = {s.style_id for s in styles}
        for name in missing:
            for style_xml in _with_bases(source, name, known_ids):
                element.append(copy.deepcopy(style_xml))
                known_ids.add(style_xml.get(f"{_W}styleId"))
        existing = {style.name: style for style in styles}
    return {name: existing[name].style_id for name in wanted}


@functools.cache
def _bundled_styles() -> dict[str, Any]:
    document = docx.Document(str(default_reference()))
    return {style.name: style.element for style in document.styles}


def _with_bases(source: dict[str, Any], name: str, known_ids: set[str]) -> list[Any]:
    by_id = {el.get(f"{_W}styleId"): el for el in source.values()}
    chain: list[Any] = []
    element = source.get(name)
    while element is not None and element.get(f"{_W}styleId") not in known_ids:
        chain.append(element)
        based = element.find(f"{_W}basedOn")
        element = by_id.get(based.get(f"{_W}val")) if based is not None else None
    return list(reversed(chain))


def _has_letterhead(document: Any) -> bool:
    if not len(document.sections):  # a document without section properties
        return False
    section = document.sections[0]
    header = (
        section.first_page_header if section.different_first_page_header_footer else section.header
    )
    if header.is_linked_to_previous:
        return False
    xml = header._element.xml
    text = "".join(header._element.itertext()).strip()
    return bool("<w:drawing" in xml or "<w:pict" in xml or text)


def _prepare(path: Path) -> _Prepared:
    document = _open_docx(path)
    try:
        return _prepare_document(document, path)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        # python-docx and int() raise these on values no Word writes (numId="x" ...)
        raise RenderError(
            f"the reference document cannot be used ({type(exc).__name__}: {exc})",
            path=path,
            hint="open and re-save it in Word, or pass another house style",
        ) from None


def _prepare_document(document: Any, path: Path) -> _Prepared:
    style_ids = _ensure_styles(document, path)
    has_letterhead = _has_letterhead(document)
    body = document.element.body
    # a reference with several sections (a letter draftkit rendered, with its signers in
    # columns) sets the page up in its first one: that one becomes the letter's section
    first = body.find(f"{_W}p/{_W}pPr/{_W}sectPr")
    for child in list(body):
        if child.tag != f"{_W}sectPr":
            body.remove(child)
    if first is not None:
        for old in body.findall(f"{_W}sectPr"):
            body.remove(old)
        body.append(first)
    if body.find(f"{_W}sectPr") is None:
        etree.SubElement(body, f"{_W}sectPr")
    _fix_settings(document)
    _ensure_widow_control(document)
    custom_props = _existing_custom_properties(document)
    furniture = _inherit_page_furniture(document, style_ids, custom_props)
    numbering_part = _numbering_part(document)
    numbering = numbering_part.element
    abstract_ids = [
        int(el.get(f"{_W}abstractNumId")) for el in numbering.findall(f"{_W}abstractNum")
    ]
    num_ids = [int(el.get(f"{_W}numId")) for el in numbering.findall(f"{_W}num")]
    abstract_id = max(abstract_ids, default=0) + 1
    first_num_id = max(num_ids, default=0) + 1
    abstract = etree.fromstring(f'<w:root xmlns:w="{W_NS}">{_abstract_xml(abstract_id)}</w:root>')[
        0
    ]
    first_num = numbering.find(f"{_W}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        etree.fromstring(
            f'<w:root xmlns:w="{W_NS}">{_num_xml(first_num_id, abstract_id)}</w:root>'
        )[0]
    )
    _ = document.core_properties  # make sure the core properties part exists
    buffer = io.BytesIO()
    document.save(buffer)
    document_name = document.part.partname.lstrip("/")
    rels_name = _rels_name(document_name)
    numbering_name = numbering_part.partname.lstrip("/")
    doc_xml = etree.tostring(_with_prefixes(document.element), encoding="unicode")
    marker = doc_xml.rfind("<w:sectPr")
    body_open = doc_xml.find("<w:body>")
    if marker == -1 or body_open == -1:
        raise RenderError("reference document has no section properties", path=path)
    prefix = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doc_xml[:marker]
    opening_end = doc_xml.index(">", marker)
    if doc_xml[opening_end - 1] == "/":  # <w:sectPr/>: give it a body to add to
        sect_xml = doc_xml[marker : opening_end - 1] + "></w:sectPr>"
        tail = doc_xml[opening_end + 1 :]
    else:
        close = doc_xml.index("</w:sectPr>", marker) + len("</w:sectPr>")
        sect_xml, tail = doc_xml[marker:close], doc_xml[close:]
    page_footer_id = style_ids[STYLES.PAGE_FOOTER]
    entries: list[ZipEntry] = []
    single: list[ZipEntry] = []
    combined: list[ZipEntry] = []
    rels_xml = ""
    numbering_xml = ""
    content_types = ""
    with zipfile.ZipFile(buffer) as archive:
        for info in archive.infolist():
            name = info.filename
            data = archive.read(name)
            if name == rels_name:
                rels_xml = data.decode("utf-8")
                continue
            if name == numbering_name:
                numbering_xml = data.decode("utf-8")
                continue
            if name == "[Content_Types].xml":
                content_types = _with_custom_content_type(data.decode("utf-8"))
                continue
            if name in (document_name, "docProps/core.xml", "docProps/custom.xml"):
                continue
            if name == "_rels/.rels":
                data = _with_custom_rel(data.decode("utf-8")).encode("utf-8")
            elif name.startswith("word/") and b"NUMPAGES" in data and _is_header_or_footer(data):
                # a combined document counts each letter's pages apart
                single.append(compress(name, data))
                combined.append(compress(name, _per_letter_totals(data, page_footer_id)))
                continue
            entries.append(compress(name, data))
    # ids and part names of draftkit's own must not meet the reference's (a letter
    # draftkit rendered, used as a house style, already has them)
    taken_ids = set(re.findall(r'Id="([^"]+)"', rels_xml))
    id_prefix = _free_prefix("rIdDk", lambda p: any(i.startswith(p) for i in taken_ids))
    names = [info.filename for info in zipfile.ZipFile(buffer).infolist()]
    part_prefix = _free_prefix(
        "word/draftkit-header", lambda p: any(n.startswith(p) for n in names)
    )
    if not rels_xml:
        rels_xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
    return _Prepared(
        entries=entries,
        document_name=document_name,
        doc_prefix=prefix,
        sect_xml=sect_xml,
        doc_tail=tail,
        rels_name=rels_name,
        rels_xml=rels_xml,
        numbering_name=numbering_name,
        numbering_xml=numbering_xml,
        numbering_entry=compress(numbering_name, numbering_xml.encode("utf-8")),
        content_types_xml=content_types,
        abstract_id=abstract_id,
        first_num_id=first_num_id,
        style_ids=style_ids,
        custom_xml_props=custom_props,
        has_letterhead=has_letterhead,
        single_entries=single,
        combined_entries=combined,
        id_prefix=id_prefix,
        part_prefix=part_prefix,
        continuation=furniture.continuation,
        house_header=furniture.house_header,
        header_kinds=furniture.header_kinds,
        text_width=furniture.text_width,
    )


def _with_prefixes(root: Any) -> Any:
    """The document element, declaring ``w:`` and ``r:`` as the body XML writes them.

    A reference written by another program may leave ``r:`` undeclared (no hyperlinks)
    or bind WordprocessingML to another prefix; the letter's body needs both.
    """

    if root.nsmap.get("w") == W_NS and root.nsmap.get("r") == R_NS:
        return root
    nsmap = {
        prefix: uri
        for prefix, uri in root.nsmap.items()
        if prefix not in ("w", "r") and uri not in (W_NS, R_NS)
    }
    nsmap.update(w=W_NS, r=R_NS)
    fixed = etree.Element(root.tag, attrib=dict(root.attrib), nsmap=nsmap)
    fixed.extend(copy.deepcopy(child) for child in root)
    return fixed


def _numbering_part(document: Any) -> Any:
    """The document's numbering part, added empty when the reference has none.

    python-docx cannot create one itself (``NumberingPart.new`` is not implemented), and a
    minimal .docx written by another program often has no ``word/numbering.xml``.
    """

    try:
        return document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        pass
    blob = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}"/>'
    ).encode()
    taken = {str(part.partname) for part in document.part.package.iter_parts()}
    name = "/word/numbering.xml"
    counter = 1
    while name in taken:
        counter += 1
        name = f"/word/numbering{counter}.xml"
    part = NumberingPart.load(
        PackURI(name), CONTENT_TYPE.WML_NUMBERING, blob, document.part.package
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
    return part


def _free_prefix(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, or ``base`` with a number, that ``taken`` does not claim."""
    prefix, number = base, 1
    while taken(prefix):
        number += 1
        prefix = f"{base}{number}x"
    return prefix


# -- page furniture: what every page after the first needs --------------------------------


@dataclass(frozen=True, slots=True)
class _Furniture:
    continuation: bool
    house_header: bool
    header_kinds: tuple[str, ...]
    text_width: int


_PAGE_FIELD = re.compile(r"\bPAGE\b")
_OFF = frozenset({"off", "false", "no", "0", "none"})


def _page_paragraph(style_id: str, *, total: bool) -> str:
    """draftkit's page number: "Page N of M" (``NUMPAGES``), or "Page N"."""
    xml = (
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r>{_t("Page ")}</w:r>'
        f'<w:fldSimple w:instr=" PAGE "><w:r>{_t("1")}</w:r></w:fldSimple>'
    )
    if total:
        xml += (
            f"<w:r>{_t(' of ')}</w:r>"
            f'<w:fldSimple w:instr=" NUMPAGES "><w:r>{_t("1")}</w:r></w:fldSimple>'
        )
    return xml + "</w:p>"


def _element(xml: str) -> Any:
    return etree.fromstring(f'<w:root xmlns:w="{W_NS}" xmlns:r="{R_NS}">{xml}</w:root>')[0]


def _has_page_field(element: Any) -> bool:
    for fld in element.iter(f"{_W}fldSimple"):
        if _PAGE_FIELD.search(fld.get(f"{_W}instr") or ""):
            return True
    return any(_PAGE_FIELD.search(instr.text or "") for instr in element.iter(f"{_W}instrText"))


def _has_content(element: Any, ignore_style: str) -> bool:
    """Text or a picture in a header, leaving out draftkit's own continuation lines."""
    for paragraph in element.iter(f"{_W}p"):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if style is not None and style.get(f"{_W}val") == ignore_style:
            continue
        if "".join(paragraph.itertext()).strip():
            return True
        if any(True for _ in paragraph.iter(f"{_W}drawing", f"{_W}pict")):
            return True
    return any(True for _ in element.iter(f"{_W}tbl"))


def _inherit_page_furniture(
    document: Any, style_ids: Mapping[str, str], custom: Sequence[tuple[str, str]]
) -> _Furniture:
    """Give the reference what later pages need and it lacks: page numbers, a header slot.

    - No page number on pages 2 onward (no ``PAGE`` field in their header or footer):
      draftkit's "Page N of M" is added to their footer.
    - No "different first page": it is switched on, page 1 keeping the footer it had,
      so that the continuation header starts on page 2.
    - A header of its own on later pages (text or a picture, not draftkit's continuation
      lines) is the house style's: draftkit adds no continuation header then. The custom
      document property ``draftkit.continuation_header = off`` turns it off too.
    """
    section = document.sections[-1]
    settings = document.settings.element
    even_odd_el = settings.find(f"{_W}evenAndOddHeaders")
    even_odd = even_odd_el is not None and even_odd_el.get(f"{_W}val", "true") not in _OFF
    header_kinds = ("default", "even") if even_odd else ("default",)
    headers = [section.header, *([section.even_page_header] if even_odd else [])]
    footers = [section.footer, *([section.even_page_footer] if even_odd else [])]
    cont_id = style_ids[STYLES.CONTINUATION]
    page_id = style_ids[STYLES.PAGE_FOOTER]
    own = [hf for hf in (*headers, *footers) if not hf.is_linked_to_previous]
    numbered = any(_has_page_field(hf._element) for hf in own)
    default_footer = section.footer
    footer_shown_on_page_one = not default_footer.is_linked_to_previous and _has_content(
        default_footer._element, ""
    )
    if not numbered:
        for footer in footers:
            if footer.is_linked_to_previous:
                footer.is_linked_to_previous = False
                for child in list(footer._element):
                    footer._element.remove(child)
            footer._element.append(_element(_page_paragraph(page_id, total=True)))
    house_header = any(
        not h.is_linked_to_previous and _has_content(h._element, cont_id) for h in headers
    )
    if not section.different_first_page_header_footer and not house_header:
        section.different_first_page_header_footer = True
        if footer_shown_on_page_one:
            # page 1 keeps the footer it had: the first-page slot shows the same part
            rid = next(
                ref.get(f"{{{R_NS}}}id")
                for ref in section._sectPr.findall(f"{_W}footerReference")
                if ref.get(f"{_W}type") == "default"
            )
            section._sectPr.insert(0, _element(f'<w:footerReference w:type="first" r:id="{rid}"/>'))
    switched_off = any(
        name == "draftkit.continuation_header" and value.strip().lower() in _OFF
        for name, value in custom
    )
    width = 9360
    if section.page_width and section.left_margin is not None and section.right_margin is not None:
        width = int((section.page_width - section.left_margin - section.right_margin) / 635)
    return _Furniture(
        continuation=not switched_off and not house_header,
        house_header=house_header,
        header_kinds=header_kinds,
        text_width=max(width, 1440),
    )


def _is_header_or_footer(data: bytes) -> bool:
    head = data[:2000]
    return b"<w:hdr" in head or b"<w:ftr" in head


def _per_letter_totals(data: bytes, page_footer_id: str) -> bytes:
    """A header or footer for a combined document: no whole-document page totals.

    draftkit's own "Page N of M" becomes "Page N"; a house style's ``NUMPAGES`` field
    becomes ``SECTIONPAGES`` (the letter's own pages, which Word computes).
    """

    root = etree.fromstring(data)
    for paragraph in list(root.iter(f"{_W}p")):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if style is not None and style.get(f"{_W}val") == page_footer_id:
            paragraph.getparent().replace(
                paragraph, _element(_page_paragraph(page_footer_id, total=False))
            )
    for fld in root.iter(f"{_W}fldSimple"):
        instr = fld.get(f"{_W}instr") or ""
        fld.set(f"{_W}instr", instr.replace("NUMPAGES", "SECTIONPAGES"))
    for instr_text in root.iter(f"{_W}instrText"):
        instr_text.text = (instr_text.text or "").replace("NUMPAGES", "SECTIONPAGES")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


_BEFORE_WIDOW_CONTROL = frozenset(
    f"{_W}{tag}" for tag in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr")
)


def _ensure_widow_control(document: Any) -> None:
    """Widow and orphan control for every paragraph, unless the house style decides.

    OOXML leaves it off where no style sets it (a document made by python-docx, or by
    hand, has none), so a reference whose default paragraph properties and Normal style
    are silent about it gets it in its document defaults.
    """

    styles = document.styles.element
    normal = next(
        (
            el
            for el in styles.findall(f"{_W}style")
            if el.get(f"{_W}type") == "paragraph" and el.get(f"{_W}default") in ("1", "true")
        ),
        None,
    )
    for owner in (normal, styles.find(f"{_W}docDefaults/{_W}pPrDefault")):
        if owner is not None and owner.find(f"{_W}pPr/{_W}widowControl") is not None:
            return
    defaults = styles.find(f"{_W}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{_W}docDefaults")
        styles.insert(0, defaults)
    ppr_default = defaults.find(f"{_W}pPrDefault")
    if ppr_default is None:
        ppr_default = etree.SubElement(defaults, f"{_W}pPrDefault")
    ppr = ppr_default.find(f"{_W}pPr")
    if ppr is None:
        ppr = etree.SubElement(ppr_default, f"{_W}pPr")
    at = sum(1 for child in ppr if child.tag in _BEFORE_WIDOW_CONTROL)
    ppr.insert(at, etree.Element(f"{_W}widowControl"))


def _fix_settings(document: Any) -> None:
    """Make ``settings.xml`` schema-valid: ``w:zoom`` needs ``w:percent``."""
    settings = document.settings.element
    zoom = settings.find(f"{_W}zoom")
    if zoom is not None and zoom.get(f"{_W}percent") is None:
        zoom.set(f"{_W}percent", "100")


def _rels_name(part_name: str) -> str:
    folder, _, file = part_name.rpartition("/")
    return f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"


def _existing_custom_properties(document: Any) -> list[tuple[str, str]]:
    for rel in document.part.package.rels.values():
        if rel.reltype == CUSTOM_REL and not rel.is_external:
            root = parse_part(
                rel.target_part.blob,
                part=str(rel.target_part.partname).lstrip("/"),
                source=None,
                error=RenderError,
            )
            out = []
            for prop in root:
                name = prop.get("name")
                if name and len(prop):
                    out.append((name, prop[0].text or ""))
            return out
    return []


def _with_custom_content_type(xml: str) -> str:
    if "/docProps/custom.xml" in xml:
        return xml
    return xml.replace(
        "</Types>",
        f'<Override PartName="/docProps/custom.xml" ContentType="{CUSTOM_CT}"/></Types>',
    )


def _with_custom_rel(xml: str) -> str:
    if "custom-properties" in xml:
        return xml
    return xml.replace(
        "</Relationships>",
        f'<Relationship Id="rIdDkCustom" Type="{CUSTOM_REL}" Target="docProps/custom.xml"/>'
        "</Relationships>",
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
