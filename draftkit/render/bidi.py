"""Body XML set right to left, for a letter in Arabic."""

from __future__ import annotations

import re

__all__: list[str] = []


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
