"""WordprocessingML names and small XML builders shared by the renderer and the preparer.

Nothing here imports python-docx or lxml: a render whose reference document is already
prepared (see :mod:`draftkit.render.prepared`) never loads them.
"""

from __future__ import annotations

import re

__all__ = [
    "CUSTOM_CT",
    "CUSTOM_REL",
    "DRAWING_NAMESPACES",
    "FOOTNOTES_CT",
    "FOOTNOTES_REL",
    "HEADER_CT",
    "HEADER_REL",
    "HYPERLINK_REL",
    "IMAGE_REL",
    "MAX_REFERENCE_BYTES",
    "R_NS",
    "W_NS",
    "W",
    "abstract_xml",
    "attr",
    "num_xml",
    "t",
    "text",
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
HEADER_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
DRAWING_NAMESPACES = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
"""The namespaces of an inline picture, declared on its ``wp:inline``."""
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
W = f"{{{W_NS}}}"
"""The ``{namespace}`` prefix of WordprocessingML element and attribute names in lxml."""
MAX_REFERENCE_BYTES = 50 * 1024 * 1024
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# xml.sax.saxutils.escape does the same, but importing it loads urllib.request, http,
# ssl and email: ~40 ms of a one-letter render's start-up
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def text(value: str) -> str:
    """``value`` as XML character data (characters XML forbids dropped)."""
    return _INVALID_XML.sub("", value).translate(_TEXT_ESCAPES)


def attr(value: str) -> str:
    """``value`` as a double-quoted XML attribute value."""
    return _INVALID_XML.sub("", value).translate(_ATTR_ESCAPES)


def t(value: str) -> str:
    """A ``w:t`` element, keeping leading/trailing spaces."""
    return f'<w:t xml:space="preserve">{text(value)}</w:t>'


def num_xml(num_id: int, abstract_id: int) -> str:
    """A ``w:num`` that restarts the asks' list ``abstract_id`` at 1."""
    return (
        f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )


def abstract_xml(abstract_id: int) -> str:
    """The asks' numbering: "1." at the first level, bullets under it."""
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
