"""Word styles and numbering as ingest reads them: a style's name through its basedOn
chain, draftkit's own style names mapped to the parts of a letter, and Word's list
numbering (bullet or number, and its level) for a paragraph.
"""

from __future__ import annotations

import re
from typing import Any

from draftkit.styles import STYLES

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
        STYLES.DELIVERY: "delivery notation",
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
