"""The section properties (``w:sectPr``) of a letter in a document.

A letter is one section with the reference's page setup (and draftkit's continuation
header), or three when its signers are set in columns: a continuous section of two
columns holds them. In a combined document each letter's pages count from 1 again.
"""

from __future__ import annotations

import re

from draftkit.errors import RenderError
from draftkit.render.prepared import Prepared
from draftkit.schema import Letter

__all__: list[str] = []


_COLUMN_GAP = 432  # twips between the two columns of signers (0.3 in)


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
