"""Build draftkit's bundled reference document, templates/default.docx.

The reference defines every named style draftkit uses (see
draftkit.render.layout.STYLES), US Letter pages with one-inch margins, and an empty
first-page header and footer (left to a letterhead). It has no header or footer for the
later pages: the renderer gives every reference that lacks them draftkit's "Page X of Y"
footer and the continuation header (addressee, date, page), so the bundled style and a
team's house style get them the same way.
Run it after changing the house style: ``python scripts/make_reference.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draftkit.styles import STYLES  # noqa: E402

FONT = "Cambria"
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
GREY = RGBColor(0x55, 0x55, 0x55)


def paragraph_style(
    document,
    name,
    *,
    base="Normal",
    size=None,
    bold=None,
    italic=None,
    before=0,
    after=0,
    keep_next=False,
    align=None,
    color=None,
    small_caps=None,
    left=None,
    hanging=None,
    tab=None,
    keep_lines=False,
    contextual=False,
):
    styles = document.styles
    style = (
        styles[name]
        if name in [s.name for s in styles]
        else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    style.base_style = styles[base] if base else None
    style.quick_style = True
    font = style.font
    if size:
        font.size = Pt(size)
    font.bold = bold
    font.italic = italic
    if color is not None:
        font.color.rgb = color
    if small_caps is not None:
        font.small_caps = small_caps
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep_next
    if align is not None:
        fmt.alignment = align
    fmt.keep_together = keep_lines
    if left is not None:
        fmt.left_indent = left
    if hanging is not None:
        fmt.first_line_indent = -hanging
    if tab is not None:
        fmt.tab_stops.add_tab_stop(tab, WD_TAB_ALIGNMENT.LEFT)
    if contextual:
        # no space between two paragraphs of this style (bullet items sit tight)
        ppr = style.element.get_or_add_pPr()
        ppr.append(OxmlElement("w:contextualSpacing"))
    return style


def character_style(
    document, name, *, bold=None, italic=None, color=None, underline=None, superscript=None
):
    styles = document.styles
    style = (
        styles[name]
        if name in [s.name for s in styles]
        else styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    )
    style.font.bold = bold
    style.font.italic = italic
    if color is not None:
        style.font.color.rgb = color
    if underline is not None:
        style.font.underline = underline
    if superscript is not None:
        style.font.superscript = superscript
    return style


def table_style(document, name):
    """A table style: rules above and below the table and under its header row."""
    styles = document.styles
    style = (
        styles[name]
        if name in [s.name for s in styles]
        else styles.add_style(name, WD_STYLE_TYPE.TABLE)
    )
    style.base_style = styles["Normal Table"]
    style.quick_style = True
    element = style.element
    for old in element.findall(qn("w:tblPr")) + element.findall(qn("w:tblStylePr")):
        element.remove(old)
    rule = 'w:val="single" w:sz="8" w:space="0" w:color="1F3A5F"'
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    element.append(
        parse_xml(
            f"<w:tblPr {namespace}><w:tblBorders><w:top {rule}/><w:bottom {rule}/>"
            "</w:tblBorders><w:tblCellMar>"
            '<w:top w:w="43" w:type="dxa"/><w:left w:w="86" w:type="dxa"/>'
            '<w:bottom w:w="43" w:type="dxa"/><w:right w:w="86" w:type="dxa"/>'
            "</w:tblCellMar></w:tblPr>"
        )
    )
    element.append(
        parse_xml(
            f'<w:tblStylePr {namespace} w:type="firstRow"><w:rPr><w:b/></w:rPr>'
            f"<w:tcPr><w:tcBorders><w:bottom {rule}/></w:tcBorders></w:tcPr></w:tblStylePr>"
        )
    )
    return style


def main() -> None:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.font.color.rgb = INK
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    pf = normal.paragraph_format
    pf.space_after = Pt(0)
    pf.line_spacing = 1.08
    pf.widow_control = True

    S = STYLES  # noqa: N806
    # Style names avoid LibreOffice's built-in names ("Salutation" is its Complimentary
    # Close, "Closing" ...): LibreOffice merges a Word style into a built-in of that name.
    paragraph_style(
        document,
        S.LETTERHEAD_NAME,
        size=16,
        bold=True,
        color=ACCENT,
        small_caps=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    paragraph_style(
        document,
        S.LETTERHEAD_ADDRESS,
        size=9,
        color=GREY,
        after=24,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    paragraph_style(document, S.PUBLISHED, size=9, color=GREY, after=4)
    paragraph_style(
        document, S.PAGE_HEADING, size=14, bold=True, color=ACCENT, after=18, keep_next=True
    )
    # Spacing lives under each paragraph (space after), never above it, so the gap
    # between two parts is the upper part's alone: 10 pt through the body of the letter.
    paragraph_style(document, S.DATE, after=18, keep_next=True)
    paragraph_style(document, S.ADDRESS, after=12, keep_next=True, keep_lines=True)
    paragraph_style(document, S.DELIVERY, after=12, keep_next=True, keep_lines=True)
    paragraph_style(document, S.SUBJECT, bold=True, after=12, keep_next=True, keep_lines=True)
    paragraph_style(document, S.SALUTATION, after=10, keep_next=True)
    paragraph_style(document, S.BODY, after=10)
    paragraph_style(document, S.ASKS_INTRO, base=S.BODY, after=6, keep_next=True)
    paragraph_style(document, S.ASK, base=S.BODY, after=10)
    paragraph_style(document, S.ASK_ITEM, base=S.BODY, after=10, contextual=True)
    paragraph_style(document, S.CLOSING, base=S.BODY, after=10)
    paragraph_style(document, S.CLOSE, after=30, keep_next=True, keep_lines=True)
    paragraph_style(document, S.SIGNATURE_NAME, keep_lines=True)
    paragraph_style(document, S.SIGNATURE_TITLE, after=12, keep_lines=True)
    paragraph_style(document, S.SIGNATORY_ORG, after=2, keep_lines=True)
    paragraph_style(
        document, S.SIGNATORY_NOTE, size=9.5, italic=True, before=10, color=GREY, keep_lines=True
    )
    # "Enclosure:" and "cc:" hang to the left of their entries, which line up at a tab
    paragraph_style(
        document,
        S.ENCLOSURE,
        size=10,
        before=14,
        left=Inches(1),
        hanging=Inches(1),
        tab=Inches(1),
        keep_lines=True,
    )
    paragraph_style(
        document,
        S.CC,
        size=10,
        before=8,
        left=Inches(0.5),
        hanging=Inches(0.5),
        tab=Inches(0.5),
        keep_lines=True,
    )
    paragraph_style(document, S.CONTINUATION, size=9, color=GREY)
    paragraph_style(document, S.PAGE_FOOTER, size=9, color=GREY, align=WD_ALIGN_PARAGRAPH.CENTER)
    character_style(document, S.ASK_LEAD, bold=True)
    character_style(document, S.STRONG, bold=True)
    character_style(document, S.EMPHASIS, italic=True)
    character_style(document, S.HYPERLINK, color=RGBColor(0x05, 0x63, 0xC1), underline=True)
    # footnotes take Word's built-in style names and ids, which Word and LibreOffice
    # treat as their own footnote styles
    notes = paragraph_style(document, S.FOOTNOTE_TEXT, size=9, after=2)
    mark = character_style(document, S.FOOTNOTE_REFERENCE, superscript=True)
    for style, style_id in ((notes, "FootnoteText"), (mark, "FootnoteReference")):
        style.element.set(qn("w:styleId"), style_id)
        style.element.attrib.pop(qn("w:customStyle"), None)
    # tables in a letter: a caption above, cells in a smaller size, a rule under the
    # header row and under the table
    paragraph_style(document, S.TABLE_CAPTION, size=10, bold=True, after=4, keep_next=True)
    paragraph_style(document, S.TABLE_TEXT, size=10)
    paragraph_style(document, S.TABLE_HEADING, base=S.TABLE_TEXT, size=10, bold=True)
    table_style(document, S.TABLE)

    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(1))
    section.header_distance = section.footer_distance = Inches(0.5)
    # page 1 is the letterhead page: its header and footer stay empty; later pages get
    # draftkit's continuation header and "Page X of Y" when a letter is rendered
    section.different_first_page_header_footer = True
    section.first_page_footer.paragraphs[0].text = ""
    section.first_page_header.paragraphs[0].text = ""
    for part in (section.first_page_footer, section.first_page_header):
        part.paragraphs[0].style = document.styles[S.CONTINUATION]
    settings = document.settings.element
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")

    core = document.core_properties
    core.title = "draftkit reference document"
    core.author = "draftkit"
    core.comments = "Named styles for draftkit letters; edit styles, not text."

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    out = ROOT / "templates" / "default.docx"
    document.save(str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
