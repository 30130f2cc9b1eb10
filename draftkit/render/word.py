"""DOCX output through a reference document (python-docx) and named styles.

The reference document (the bundled ``default.docx`` or a house style passed as
``--reference``) supplies fonts, margins, headers, footers and letterhead; the letter's
parts take its named paragraph and character styles (see
:class:`~draftkit.render.layout.STYLES`). A reference that lacks some of draftkit's
styles gets them copied from the bundled document, so any Word file can serve as a
house style.

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
import threading
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as _xml_escape

from draftkit.errors import RenderError
from draftkit.markup import parse
from draftkit.ooxml import open_document, parse_part, read_package_file
from draftkit.render.layout import (
    STYLES,
    AskBlock,
    Block,
    ItemBlock,
    LineBlock,
    ParaBlock,
    SignatureBlock,
    SignatureTable,
    layout,
)
from draftkit.render.package import ZipEntry, build_zip, compress
from draftkit.schema import Letter

__all__ = ["DocxRenderer", "default_reference", "renderer_for"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_W = f"{{{W_NS}}}"
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_REFERENCE_BYTES = 50 * 1024 * 1024


def default_reference() -> Path:
    """The bundled reference document (``draftkit/templates/default.docx``)."""
    return Path(str(resources.files("draftkit") / "templates" / "default.docx"))


def _text(value: str) -> str:
    return _xml_escape(_INVALID_XML.sub("", value))


def _attr(value: str) -> str:
    return _xml_escape(_INVALID_XML.sub("", value), {'"': "&quot;"})


def _t(value: str) -> str:
    """A ``w:t`` element, keeping leading/trailing spaces."""
    return f'<w:t xml:space="preserve">{_text(value)}</w:t>'


@dataclass(slots=True)
class _Body:
    """Per-document state while body XML is built: hyperlink relationships."""

    links: dict[str, str] = field(default_factory=dict)

    def link_id(self, url: str) -> str:
        if url not in self.links:
            self.links[url] = f"rIdDk{len(self.links) + 1}"
        return self.links[url]


@dataclass(slots=True)
class _Prepared:
    """A reference document turned into reusable pieces."""

    entries: list[ZipEntry]
    document_name: str
    doc_prefix: str
    doc_suffix: str
    rels_name: str
    rels_xml: str
    numbering_name: str
    numbering_xml: str
    numbering_entry: ZipEntry
    abstract_id: int
    first_num_id: int
    style_ids: dict[str, str]
    custom_xml_props: list[tuple[str, str]]
    has_letterhead: bool


class DocxRenderer:
    """Renders resolved letters to DOCX bytes against one reference document.

    Args:
        reference: A ``.docx`` whose styles, page setup, headers and footers are used;
            the bundled ``default.docx`` when None.

    Raises:
        RenderError: The reference cannot be read as a Word document.
    """

    def __init__(self, reference: str | Path | None = None) -> None:
        self.reference = Path(reference) if reference is not None else default_reference()
        self._prepared = _prepare(self.reference)

    @property
    def style_ids(self) -> Mapping[str, str]:
        """Style name to style id in the prepared reference."""
        return self._prepared.style_ids

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
        """Render several letters into one document, a page break between them.

        Each letter's asks restart their numbering at 1.

        Args:
            letters: Resolved letters (at least one).
            properties: Custom document properties to record.

        Returns:
            The DOCX file's bytes.
        """
        if not letters:
            raise RenderError("nothing to render: no letters given")
        prep = self._prepared
        body = _Body()
        parts: list[str] = []
        suffix = prep.doc_suffix
        if len(letters) > 1:
            # each letter is a section of its own: a new page, its own first-page
            # letterhead, and page numbers counted from 1 ("Page X of Y" per letter)
            end = suffix.index("</w:body>")
            section = _restart_numbering(suffix[:end])
            suffix = section + suffix[end:]
        for index, letter in enumerate(letters):
            blocks = layout(letter)
            parts.append(self._body_xml(letter, blocks, prep.first_num_id + index, body))
            if index < len(letters) - 1:
                parts.append(f"<w:p><w:pPr>{section}</w:pPr></w:p>")
        document = prep.doc_prefix + "".join(parts) + suffix
        first = letters[0]
        dynamic = [compress(prep.document_name, document.encode("utf-8"))]
        if body.links:
            rels = prep.rels_xml.replace(
                "</Relationships>",
                "".join(
                    f'<Relationship Id="{rid}" Type="{HYPERLINK_REL}" '
                    f'Target="{_attr(url)}" TargetMode="External"/>'
                    for url, rid in body.links.items()
                )
                + "</Relationships>",
            )
        else:
            rels = prep.rels_xml
        dynamic.append(compress(prep.rels_name, rels.encode("utf-8")))
        if len(letters) > 1:
            nums = "".join(
                _num_xml(prep.first_num_id + i, prep.abstract_id) for i in range(1, len(letters))
            )
            numbering = prep.numbering_xml.replace("</w:numbering>", nums + "</w:numbering>")
            dynamic.append(compress(prep.numbering_name, numbering.encode("utf-8")))
        else:
            dynamic.append(prep.numbering_entry)
        dynamic.append(compress("docProps/core.xml", _core_xml(first).encode("utf-8")))
        custom = [*prep.custom_xml_props, *(properties or {}).items()]
        dynamic.append(compress("docProps/custom.xml", _custom_xml(custom).encode("utf-8")))
        return build_zip([*prep.entries, *dynamic])

    # -- body -------------------------------------------------------------------------

    def _p(self, style: str, runs: str, extra_ppr: str = "") -> str:
        style_id = self._prepared.style_ids[style]
        return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{extra_ppr}</w:pPr>{runs}</w:p>'

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
                run = f'<w:hyperlink r:id="{body.link_id(span.url)}">{run}</w:hyperlink>'
            out.append(run)
        return "".join(out)

    def _lines(self, style: str, lines: Iterable[str]) -> str:
        return self._p(style, _run("", "\n".join(lines)))

    def _signature(self, block: SignatureBlock) -> str:
        if block.organization:
            return self._lines(STYLES.SIGNATORY_ORG, [block.name])
        xml = self._lines(STYLES.SIGNATURE_NAME, [block.name])
        if block.title_lines:
            xml += self._lines(STYLES.SIGNATURE_TITLE, block.title_lines)
        return xml

    def _table(self, table: SignatureTable) -> str:
        cols = table.columns
        width = 5000 // cols
        rows: list[str] = []
        signatures = list(table.signatures)
        for start in range(0, len(signatures), cols):
            cells = []
            for offset in range(cols):
                index = start + offset
                content = (
                    self._signature(signatures[index]) if index < len(signatures) else "<w:p/>"
                )
                cells.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="pct"/></w:tcPr>{content}</w:tc>'
                )
            rows.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cells) + "</w:tr>")
        none = "".join(
            f'<w:{side} w:val="nil"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        grid = "".join(f'<w:gridCol w:w="{9360 // cols}"/>' for _ in range(cols))
        return (
            '<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>'
            f"<w:tblBorders>{none}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="115" w:type="dxa"/>'
            "</w:tblCellMar>"
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        )

    def _block(self, block: Block, num_id: int, body: _Body) -> str:
        if isinstance(block, ParaBlock):
            return self._p(block.style, self._runs(block.text, body))
        if isinstance(block, LineBlock):
            return self._lines(block.style, block.lines)
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
            return self._p(STYLES.ASK, runs, numbering)
        if isinstance(block, ItemBlock):
            numbering = f'<w:numPr><w:ilvl w:val="1"/><w:numId w:val="{num_id}"/></w:numPr>'
            return self._p(STYLES.ASK_ITEM, self._runs(block.text, body), numbering)
        if isinstance(block, SignatureBlock):
            return self._signature(block)
        return self._table(block)

    def _body_xml(self, letter: Letter, blocks: list[Block], num_id: int, body: _Body) -> str:
        out: list[str] = []
        if not self._prepared.has_letterhead and letter.sender.organization:
            out.append(self._lines(STYLES.LETTERHEAD_NAME, [letter.sender.organization]))
            address = " · ".join(letter.sender.address_lines)
            out.append(self._lines(STYLES.LETTERHEAD_ADDRESS, [address]))
        out.extend(self._block(block, num_id, body) for block in blocks)
        if blocks and isinstance(blocks[-1], SignatureTable):
            out.append("<w:p/>")
        return "".join(out)


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
    from draftkit.markup import plain

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
    wanted = [*STYLES.paragraph_styles(), *STYLES.character_styles()]
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
    import docx

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
    stat_key = (str(path.resolve()), path.stat().st_mtime_ns if path.exists() else 0)
    with _LOCK:
        cached = _CACHE.get(stat_key)
        if cached is None:
            cached = _prepare_uncached(path)
            _CACHE[stat_key] = cached
        return cached


_CACHE: dict[tuple[str, int], _Prepared] = {}
_LOCK = threading.Lock()


def _prepare_uncached(path: Path) -> _Prepared:
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
    from lxml import etree

    style_ids = _ensure_styles(document, path)
    has_letterhead = _has_letterhead(document)
    body = document.element.body
    for child in list(body):
        if child.tag != f"{_W}sectPr":
            body.remove(child)
    if body.find(f"{_W}sectPr") is None:
        etree.SubElement(body, f"{_W}sectPr")
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
    custom_props = _existing_custom_properties(document)
    _ = document.core_properties  # make sure the core properties part exists
    buffer = io.BytesIO()
    document.save(buffer)
    document_name = document.part.partname.lstrip("/")
    rels_name = _rels_name(document_name)
    numbering_name = numbering_part.partname.lstrip("/")
    doc_xml = etree.tostring(_with_prefixes(document.element), encoding="unicode")
    marker = doc_xml.find("<w:sectPr")
    body_open = doc_xml.find("<w:body>")
    if marker == -1 or body_open == -1:
        raise RenderError("reference document has no section properties", path=path)
    prefix = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doc_xml[:marker]
    suffix = doc_xml[marker:]
    entries: list[ZipEntry] = []
    rels_xml = ""
    numbering_xml = ""
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
            if name in (document_name, "docProps/core.xml", "docProps/custom.xml"):
                continue
            if name == "[Content_Types].xml":
                data = _with_custom_content_type(data.decode("utf-8")).encode("utf-8")
            elif name == "_rels/.rels":
                data = _with_custom_rel(data.decode("utf-8")).encode("utf-8")
            entries.append(compress(name, data))
    if not rels_xml:
        rels_xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
        )
    return _Prepared(
        entries=entries,
        document_name=document_name,
        doc_prefix=prefix,
        doc_suffix=suffix,
        rels_name=rels_name,
        rels_xml=rels_xml,
        numbering_name=numbering_name,
        numbering_xml=numbering_xml,
        numbering_entry=compress(numbering_name, numbering_xml.encode("utf-8")),
        abstract_id=abstract_id,
        first_num_id=first_num_id,
        style_ids=style_ids,
        custom_xml_props=custom_props,
        has_letterhead=has_letterhead,
    )


def _with_prefixes(root: Any) -> Any:
    """The document element, declaring ``w:`` and ``r:`` as the body XML writes them.

    A reference written by another program may leave ``r:`` undeclared (no hyperlinks)
    or bind WordprocessingML to another prefix; the letter's body needs both.
    """
    from lxml import etree

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
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.parts.numbering import NumberingPart

    try:
        return document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        pass
    blob = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:numbering xmlns:w="{W_NS}"/>'
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


@functools.cache
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
