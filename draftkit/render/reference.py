"""Preparing a reference document: what python-docx and lxml are needed for.

A reference (the bundled ``default.docx`` or a house style) gets draftkit's styles where
it lacks them (copied from the bundled document with the styles they are based on), a
"Page X of Y" footer and a continuation header where it has none, widow control, and the
asks' numbering; then it is split into the pieces a letter reuses (the document XML
around the body, its relationships, numbering and content types, and every other part,
compressed once). :func:`draftkit.render.prepared.prepared_for` keeps those pieces on
disk, so this module loads only when a reference is new.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.parts.numbering import NumberingPart
from lxml import etree

from draftkit.errors import RenderError
from draftkit.ooxml import open_document, parse_part
from draftkit.render.package import ZipEntry, compress
from draftkit.render.prepared import Prepared
from draftkit.render.wordml import (
    CUSTOM_CT,
    CUSTOM_REL,
    R_NS,
    W_NS,
    W,
    abstract_xml,
    num_xml,
    t,
)
from draftkit.shipped import DEFAULT_REFERENCE
from draftkit.styles import STYLES

__all__ = ["prepare"]


def _open_docx(path: Path, data: bytes) -> Any:
    """Open a reference document through the safe package reader (see draftkit.ooxml)."""
    return open_document(data, source=str(path), error=RenderError)


def _ensure_styles(document: Any, path: Path) -> dict[str, str]:
    """Copy draftkit's styles from the bundled reference into ``document`` where missing."""
    styles = document.styles
    element = styles.element
    wanted = [
        *STYLES.paragraph_styles(),
        *STYLES.page_styles(),
        *STYLES.character_styles(),
        *STYLES.note_styles(),
        *STYLES.table_styles(),
    ]
    existing = {style.name: style for style in styles}
    missing = [name for name in wanted if name not in existing]
    if missing:
        if path == DEFAULT_REFERENCE:
            raise RenderError(
                f"the bundled reference lacks styles {missing}", hint="reinstall draftkit"
            )
        source = _bundled_styles()
        known_ids = {s.style_id for s in styles}
        for name in missing:
            for style_xml in _with_bases(source, name, known_ids):
                element.append(copy.deepcopy(style_xml))
                known_ids.add(style_xml.get(f"{W}styleId"))
        existing = {style.name: style for style in styles}
    return {name: existing[name].style_id for name in wanted}


@functools.cache
def _bundled_styles() -> dict[str, Any]:
    document = docx.Document(str(DEFAULT_REFERENCE))
    return {style.name: style.element for style in document.styles}


def _with_bases(source: dict[str, Any], name: str, known_ids: set[str]) -> list[Any]:
    by_id = {el.get(f"{W}styleId"): el for el in source.values()}
    chain: list[Any] = []
    element = source.get(name)
    while element is not None and element.get(f"{W}styleId") not in known_ids:
        chain.append(element)
        based = element.find(f"{W}basedOn")
        element = by_id.get(based.get(f"{W}val")) if based is not None else None
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


def prepare(path: Path, data: bytes) -> Prepared:
    """Prepare the reference document ``path`` (its bytes ``data``) for rendering.

    Raises:
        RenderError: It cannot be opened as a Word document, or holds values no Word
            writes.
    """
    document = _open_docx(path, data)
    try:
        return _prepare_document(document, path)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        # python-docx and int() raise these on values no Word writes (numId="x" ...)
        raise RenderError(
            f"the reference document cannot be used ({type(exc).__name__}: {exc})",
            path=path,
            hint="open and re-save it in Word, or pass another house style",
        ) from None


def _prepare_document(document: Any, path: Path) -> Prepared:
    style_ids = _ensure_styles(document, path)
    has_letterhead = _has_letterhead(document)
    body = document.element.body
    # a reference with several sections (a letter draftkit rendered, with its signers in
    # columns) sets the page up in its first one: that one becomes the letter's section
    first = body.find(f"{W}p/{W}pPr/{W}sectPr")
    for child in list(body):
        if child.tag != f"{W}sectPr":
            body.remove(child)
    if first is not None:
        for old in body.findall(f"{W}sectPr"):
            body.remove(old)
        body.append(first)
    if body.find(f"{W}sectPr") is None:
        etree.SubElement(body, f"{W}sectPr")
    _fix_settings(document)
    _ensure_widow_control(document)
    custom_props = _existing_custom_properties(document)
    furniture = _inherit_page_furniture(document, style_ids, custom_props)
    numbering_part = _numbering_part(document)
    numbering = numbering_part.element
    abstract_ids = [int(el.get(f"{W}abstractNumId")) for el in numbering.findall(f"{W}abstractNum")]
    num_ids = [int(el.get(f"{W}numId")) for el in numbering.findall(f"{W}num")]
    abstract_id = max(abstract_ids, default=0) + 1
    first_num_id = max(num_ids, default=0) + 1
    abstract = etree.fromstring(f'<w:root xmlns:w="{W_NS}">{abstract_xml(abstract_id)}</w:root>')[0]
    first_num = numbering.find(f"{W}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        etree.fromstring(f'<w:root xmlns:w="{W_NS}">{num_xml(first_num_id, abstract_id)}</w:root>')[
            0
        ]
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
    return Prepared(
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
        f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr><w:r>{t("Page ")}</w:r>'
        f'<w:fldSimple w:instr=" PAGE "><w:r>{t("1")}</w:r></w:fldSimple>'
    )
    if total:
        xml += (
            f"<w:r>{t(' of ')}</w:r>"
            f'<w:fldSimple w:instr=" NUMPAGES "><w:r>{t("1")}</w:r></w:fldSimple>'
        )
    return xml + "</w:p>"


def _element(xml: str) -> Any:
    return etree.fromstring(f'<w:root xmlns:w="{W_NS}" xmlns:r="{R_NS}">{xml}</w:root>')[0]


def _has_page_field(element: Any) -> bool:
    for fld in element.iter(f"{W}fldSimple"):
        if _PAGE_FIELD.search(fld.get(f"{W}instr") or ""):
            return True
    return any(_PAGE_FIELD.search(instr.text or "") for instr in element.iter(f"{W}instrText"))


def _has_content(element: Any, ignore_style: str) -> bool:
    """Text or a picture in a header, leaving out draftkit's own continuation lines."""
    for paragraph in element.iter(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == ignore_style:
            continue
        if "".join(paragraph.itertext()).strip():
            return True
        if any(True for _ in paragraph.iter(f"{W}drawing", f"{W}pict")):
            return True
    return any(True for _ in element.iter(f"{W}tbl"))


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
    even_odd_el = settings.find(f"{W}evenAndOddHeaders")
    even_odd = even_odd_el is not None and even_odd_el.get(f"{W}val", "true") not in _OFF
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
                for ref in section._sectPr.findall(f"{W}footerReference")
                if ref.get(f"{W}type") == "default"
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
    for paragraph in list(root.iter(f"{W}p")):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == page_footer_id:
            paragraph.getparent().replace(
                paragraph, _element(_page_paragraph(page_footer_id, total=False))
            )
    for fld in root.iter(f"{W}fldSimple"):
        instr = fld.get(f"{W}instr") or ""
        fld.set(f"{W}instr", instr.replace("NUMPAGES", "SECTIONPAGES"))
    for instr_text in root.iter(f"{W}instrText"):
        instr_text.text = (instr_text.text or "").replace("NUMPAGES", "SECTIONPAGES")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


_BEFORE_WIDOW_CONTROL = frozenset(
    f"{W}{tag}" for tag in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr")
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
            for el in styles.findall(f"{W}style")
            if el.get(f"{W}type") == "paragraph" and el.get(f"{W}default") in ("1", "true")
        ),
        None,
    )
    for owner in (normal, styles.find(f"{W}docDefaults/{W}pPrDefault")):
        if owner is not None and owner.find(f"{W}pPr/{W}widowControl") is not None:
            return
    defaults = styles.find(f"{W}docDefaults")
    if defaults is None:
        defaults = etree.Element(f"{W}docDefaults")
        styles.insert(0, defaults)
    ppr_default = defaults.find(f"{W}pPrDefault")
    if ppr_default is None:
        ppr_default = etree.SubElement(defaults, f"{W}pPrDefault")
    ppr = ppr_default.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.SubElement(ppr_default, f"{W}pPr")
    at = sum(1 for child in ppr if child.tag in _BEFORE_WIDOW_CONTROL)
    ppr.insert(at, etree.Element(f"{W}widowControl"))


def _fix_settings(document: Any) -> None:
    """Make ``settings.xml`` schema-valid: ``w:zoom`` needs ``w:percent``."""
    settings = document.settings.element
    zoom = settings.find(f"{W}zoom")
    if zoom is not None and zoom.get(f"{W}percent") is None:
        zoom.set(f"{W}percent", "100")


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
