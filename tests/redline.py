"""Accepting or rejecting every tracked change of a .docx, as Word does, on the XML.

Accepting keeps ``w:ins`` and ``w:moveTo`` content and drops ``w:del`` and ``w:moveFrom``
content; a paragraph whose mark is deleted (or moved away) joins the next paragraph, and
a table row marked deleted goes. Rejecting does the opposite. The result is the
document's paragraph texts (tabs and line breaks kept), empty paragraphs left out.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHANGES = {f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo"}


def document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/document.xml")


def _dropped(accept: bool) -> set[str]:
    return {f"{W}del", f"{W}moveFrom"} if accept else {f"{W}ins", f"{W}moveTo"}


def _text(element: Any, dropped: set[str]) -> str:
    out: list[str] = []
    for child in element:
        if child.tag in dropped:
            continue
        if child.tag in (f"{W}t", f"{W}delText"):
            out.append(child.text or "")
        elif child.tag == f"{W}tab":
            out.append("\t")
        elif child.tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif child.tag in (f"{W}pPr", f"{W}rPr"):
            continue
        else:
            out.append(_text(child, dropped))
    return "".join(out)


def paragraphs(docx: bytes, *, accept: bool | None = None) -> list[str]:
    """The paragraph texts after accepting (True), rejecting (False) or as they are (None)."""
    root = etree.fromstring(document_xml(docx))
    dropped = _dropped(accept) if accept is not None else set()
    out: list[str] = []
    carry = ""
    for element in root.iter(f"{W}p", f"{W}tr"):
        if element.tag == f"{W}tr":
            continue
        row = next((a for a in element.iterancestors(f"{W}tr")), None)
        if row is not None and accept is not None:
            trpr = row.find(f"{W}trPr")
            if trpr is not None and any(c.tag in dropped for c in trpr):
                continue
        text = _text(element, dropped)
        mark = element.find(f"{W}pPr/{W}rPr")
        joins = mark is not None and any(c.tag in dropped for c in mark)
        if joins:
            carry += text
            continue
        text, carry = carry + text, ""
        if text:
            out.append(text)
    if carry:
        out.append(carry)
    return out


def has_changes(docx: bytes) -> bool:
    root = etree.fromstring(document_xml(docx))
    return any(element.tag in _CHANGES for element in root.iter())
