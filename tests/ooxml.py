"""Validate every XML part of a .docx against the ISO/IEC 29500 Transitional schemas.

The schemas live in ``../shared/ooxml-xsd`` (see its README). Before validating, the
Markup Compatibility rules are applied as a consumer would: elements and attributes in
namespaces a part declares ignorable (``mc:Ignorable``) are dropped, the attribute
itself is dropped, and each ``mc:AlternateContent`` is replaced by the children of its
``mc:Fallback``. What is still invalid after that is a real defect.

``opc-coreProperties.xsd`` imports the Dublin Core schemas from the web; small local
stand-ins declaring the elements a core-properties part uses are written next to a copy
of it, so validation runs offline.
"""

from __future__ import annotations

import functools
import hashlib
import io
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

XSD_DIR = Path(__file__).resolve().parents[2] / "shared" / "ooxml-xsd"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# root element namespace -> schema file (relative to XSD_DIR)
SCHEMAS = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "wml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    "http://schemas.openxmlformats.org/package/2006/content-types": (
        "opc-xsd/opc-contentTypes.xsd"
    ),
    "http://schemas.openxmlformats.org/package/2006/relationships": (
        "opc-xsd/opc-relationships.xsd"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": (
        "shared-documentPropertiesExtended.xsd"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": (
        "shared-documentPropertiesCustom.xsd"
    ),
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "core",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": (
        "shared-bibliography.xsd"
    ),
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": (
        "shared-customXmlDataProperties.xsd"
    ),
}

_DC = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  targetNamespace="http://purl.org/dc/elements/1.1/" elementFormDefault="qualified">
  <xs:complexType name="SimpleLiteral" mixed="true">
    <xs:sequence><xs:any processContents="lax" minOccurs="0" maxOccurs="0"/></xs:sequence>
    <xs:anyAttribute namespace="http://www.w3.org/XML/1998/namespace" processContents="lax"/>
  </xs:complexType>
  <xs:element name="any" type="dc:SimpleLiteral" abstract="true"/>
  %s
</xs:schema>
"""
_DC_NAMES = [
    "title",
    "creator",
    "subject",
    "description",
    "publisher",
    "contributor",
    "date",
    "type",
    "format",
    "identifier",
    "source",
    "language",
    "relation",
    "coverage",
    "rights",
]
_DCTERMS = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:dcterms="http://purl.org/dc/terms/"
  targetNamespace="http://purl.org/dc/terms/" elementFormDefault="qualified">
  <xs:simpleType name="W3CDTF">
    <xs:union memberTypes="xs:gYear xs:gYearMonth xs:date xs:dateTime"/>
  </xs:simpleType>
  <xs:element name="created" type="xs:anyType"/>
  <xs:element name="modified" type="xs:anyType"/>
</xs:schema>
"""


@dataclass(frozen=True)
class Problem:
    """One schema violation: the part, the line and libxml2's message."""

    part: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.part}:{self.line}: {self.message}"


def available() -> bool:
    """True when the schemas are present."""
    return (XSD_DIR / "wml.xsd").is_file()


def need_schemas() -> None:
    """Skip the calling test when ../shared/ooxml-xsd is missing."""
    if not available():
        pytest.skip(f"OOXML schemas not found at {XSD_DIR}")


@functools.cache
def _core_dir() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="draftkit-xsd-"))
    dc_elements = "\n  ".join(
        f'<xs:element name="{n}" substitutionGroup="dc:any" type="dc:SimpleLiteral"/>'
        for n in _DC_NAMES
    )
    (folder / "dc.xsd").write_text(_DC % dc_elements, encoding="utf-8")
    (folder / "dcterms.xsd").write_text(_DCTERMS, encoding="utf-8")
    (folder / "xml.xsd").write_bytes((XSD_DIR / "xml.xsd").read_bytes())
    text = (XSD_DIR / "opc-xsd" / "opc-coreProperties.xsd").read_text(encoding="utf-8")
    text = text.replace(
        "http://dublincore.org/schemas/xmls/qdc/2003/04/02/dc.xsd", "dc.xsd"
    ).replace("http://dublincore.org/schemas/xmls/qdc/2003/04/02/dcterms.xsd", "dcterms.xsd")
    text = text.replace(
        '<xs:import id="xml" namespace="http://www.w3.org/XML/1998/namespace"/>',
        '<xs:import id="xml" namespace="http://www.w3.org/XML/1998/namespace" '
        'schemaLocation="xml.xsd"/>',
    )
    (folder / "core.xsd").write_text(text, encoding="utf-8")
    return folder


@functools.cache
def schema(name: str) -> etree.XMLSchema:
    """A compiled schema (cached for the test session)."""
    path = _core_dir() / "core.xsd" if name == "core" else XSD_DIR / name
    return etree.XMLSchema(etree.parse(str(path)))


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def apply_markup_compatibility(root: etree._Element) -> etree._Element:
    """The part as a consumer that knows only the 2006 schemas sees it (a new tree)."""
    root = etree.fromstring(etree.tostring(root))
    ignorable: set[str] = set()
    for element in root.iter():
        value = element.get(f"{{{MC}}}Ignorable")
        if value:
            nsmap = element.nsmap
            ignorable |= {nsmap[prefix] for prefix in value.split() if prefix in nsmap}
    for element in list(root.iter(f"{{{MC}}}AlternateContent")):
        fallback = element.find(f"{{{MC}}}Fallback")
        parent = element.getparent()
        if parent is None:
            continue
        index = parent.index(element)
        parent.remove(element)
        if fallback is not None:
            for offset, child in enumerate(list(fallback)):
                parent.insert(index + offset, child)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        if _namespace(element.tag) in ignorable:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for attr in list(element.attrib):
            if attr == f"{{{MC}}}Ignorable" or _namespace(attr) in ignorable:
                del element.attrib[attr]
    return root


def validate_part(name: str, data: bytes) -> list[Problem]:
    """Schema problems of one XML part (empty when valid; cached by content)."""
    key = hashlib.sha256(data).digest()
    found = _VALIDATED.get(key)
    if found is None:
        found = _validate_part(data)
        _VALIDATED[key] = found
    return [Problem(name, line, message) for line, message in found]


_VALIDATED: dict[bytes, list[tuple[int, str]]] = {}
"""Parts already validated: a style or theme part repeats in every rendered document."""


def _validate_part(data: bytes) -> list[tuple[int, str]]:
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError as exc:
        return [(exc.lineno or 0, f"not well-formed: {exc.msg}")]
    ns = _namespace(root.tag)
    if ns not in SCHEMAS:
        return [(0, f"no schema for root element {root.tag}")]
    cleaned = apply_markup_compatibility(root)
    compiled = schema(SCHEMAS[ns])
    if compiled.validate(cleaned):
        return []
    return [(e.line, e.message) for e in compiled.error_log]


def validate_docx(data: bytes | Path) -> list[Problem]:
    """Schema problems of every XML part of a .docx (empty when all parts are valid).

    Besides the schemas, the references between parts are checked, which no schema can
    do: every style a part uses is defined in ``styles.xml``, every relationship id a
    part uses exists in its ``.rels``, every internal relationship points at a part of
    the package, and every part has a content type.
    """
    raw = data.read_bytes() if isinstance(data, Path) else data
    problems: list[Problem] = []
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    for name, content in parts.items():
        if name.endswith((".xml", ".rels")):
            problems += validate_part(name, content)
    if not problems:
        problems += _references(parts)
    return problems


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def _rels_of(name: str) -> str:
    folder, _, file = name.rpartition("/")
    return f"{folder}/_rels/{file}.rels" if folder else f"_rels/{file}.rels"


def _references(parts: dict[str, bytes]) -> list[Problem]:
    problems: list[Problem] = []
    types = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {d.get("Extension", "").lower() for d in types.findall(f"{{{CT_NS}}}Default")}
    overrides = {o.get("PartName", "") for o in types.findall(f"{{{CT_NS}}}Override")}
    for name in parts:
        if name == "[Content_Types].xml" or name.endswith("/"):
            continue
        if f"/{name}" not in overrides and name.rsplit(".", 1)[-1].lower() not in defaults:
            problems.append(Problem(name, 0, "part has no content type"))
    styles: set[str] = set()
    if "word/styles.xml" in parts:
        root = etree.fromstring(parts["word/styles.xml"])
        styles = {s.get(f"{{{W_NS}}}styleId") or "" for s in root.iter(f"{{{W_NS}}}style")}
    for name, content in parts.items():
        if not name.endswith(".xml") or name == "[Content_Types].xml":
            continue
        root = etree.fromstring(content)
        if name.startswith("word/") and name != "word/styles.xml":
            for tag in ("pStyle", "rStyle", "tblStyle", "numStyleLink", "styleLink"):
                for element in root.iter(f"{{{W_NS}}}{tag}"):
                    value = element.get(f"{{{W_NS}}}val")
                    if value not in styles:
                        problems.append(Problem(name, 0, f"{tag} {value!r} is not defined"))
        rels_name = _rels_of(name)
        ids: dict[str, tuple[str, str]] = {}
        if rels_name in parts:
            for rel in etree.fromstring(parts[rels_name]).iter(f"{{{PKG_REL}}}Relationship"):
                ids[rel.get("Id", "")] = (rel.get("Target", ""), rel.get("TargetMode", ""))
        for element in root.iter():
            for attr, value in element.attrib.items():
                if attr.startswith(f"{{{R_NS}}}") and value not in ids:
                    problems.append(Problem(name, 0, f"relationship {value!r} is not defined"))
    for rels_name, content in parts.items():
        if not rels_name.endswith(".rels"):
            continue
        folder = rels_name.rsplit("_rels/", 1)[0]
        for rel in etree.fromstring(content).iter(f"{{{PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else _join(folder, target)
            if path not in parts:
                problems.append(Problem(rels_name, 0, f"target {target!r} is missing"))
    return problems


def _join(folder: str, target: str) -> str:
    pieces = [p for p in (folder + target).split("/") if p and p != "."]
    out: list[str] = []
    for piece in pieces:
        if piece == "..":
            if out:
                out.pop()
        else:
            out.append(piece)
    return "/".join(out)


def assert_valid_docx(data: bytes | Path, what: str = "document") -> None:
    """Fail with every problem listed when ``data`` has a schema violation."""
    need_schemas()
    problems = validate_docx(data)
    assert not problems, f"{what} is not valid OOXML:\n" + "\n".join(map(str, problems))
