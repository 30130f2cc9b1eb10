"""The straightforward way to build a letter's DOCX: the python-docx API, one call at a time.

This is the reference the fast renderer is checked against (tests/test_merge_docx.py)
and the "python-docx from scratch" contender in benchmarks/merge.py. For every letter it
opens the reference document, empties the body and adds each block of
:func:`draftkit.render.layout.layout` with ``add_paragraph`` and named styles, runs with
character styles, hyperlinks through a relationship, list numbering through ``numPr``,
and long signature lists in a section of two columns.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from draftkit.markup import link_shown, parse
from draftkit.render.blocks import (
    AskBlock,
    ItemBlock,
    LabeledBlock,
    LineBlock,
    ParaBlock,
    SignatureBlock,
    SignatureTable,
)
from draftkit.render.layout import STYLES, layout
from draftkit.schema import Letter


def _numbering(document: Any) -> int:
    """Add an abstract list (decimal asks, bullet items) and a num to the numbering part."""
    numbering = document.part.numbering_part.element
    abstracts = numbering.findall(qn("w:abstractNum"))
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in abstracts]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    for level, fmt, text, indent in ((0, "decimal", "%1.", 360), (1, "bullet", "\u2022", 720)):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(indent))
        ind.set(qn("w:hanging"), "360")
        ppr.append(ind)
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    num.append(ref)
    numbering.append(num)
    return num_id


def _number(paragraph: Any, num_id: int, level: int) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def _hyperlink(paragraph: Any, text: str, url: str) -> None:
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), paragraph.part.document.styles[STYLES.HYPERLINK].style_id)
    rpr.append(style)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _runs(paragraph: Any, text: str, base_style: str | None = None) -> None:
    for span in parse(text):
        if span.url:
            _hyperlink(paragraph, span.text, span.url)
            shown = link_shown(span)
            if shown:
                paragraph.add_run(" (")
                _hyperlink(paragraph, shown, span.url)
                paragraph.add_run(")")
            continue
        run = paragraph.add_run(span.text)
        if base_style:
            run.style = base_style
        elif span.bold:
            run.style = STYLES.STRONG
        elif span.italic:
            run.style = STYLES.EMPHASIS


def _lines(container: Any, style: str, lines: tuple[str, ...] | list[str]) -> None:
    paragraph = container.add_paragraph(style=style)
    run = paragraph.add_run()
    for index, line in enumerate(lines):
        if index:
            run.add_break()
        run.add_text(line)


def _labeled(document: Any, block: LabeledBlock) -> None:
    if not block.spaced:
        lines = [line for entry in block.entries for line in entry]
        _lines(document, block.style, [f"{block.label}\t{lines[0]}", *lines[1:]])
        return
    for index, entry in enumerate(block.entries):
        label = f"{block.label}\t" if index == 0 else "\t"
        _lines(document, block.style, [label + entry[0], *entry[1:]])


def _signature(container: Any, block: SignatureBlock) -> None:
    if block.organization:
        _lines(container, STYLES.SIGNATORY_ORG, [block.name])
        return
    _lines(container, STYLES.SIGNATURE_NAME, [block.name])
    if block.title_lines:
        _lines(container, STYLES.SIGNATURE_TITLE, block.title_lines)


def _has_letterhead(document: Any) -> bool:
    section = document.sections[0]
    header = (
        section.first_page_header if section.different_first_page_header_footer else section.header
    )
    if header.is_linked_to_previous:
        return False
    return bool("".join(header._element.itertext()).strip())


def build_document(letter: Letter, reference: str | Path) -> Any:
    """The letter as a python-docx Document built from ``reference``."""
    document = docx.Document(str(reference))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    num_id = _numbering(document)
    if not _has_letterhead(document) and letter.sender.organization:
        _lines(document, STYLES.LETTERHEAD_NAME, [letter.sender.organization])
        _lines(document, STYLES.LETTERHEAD_ADDRESS, [" · ".join(letter.sender.address_lines)])
    blocks = layout(letter)
    for index, block in enumerate(blocks):
        after_table = index and isinstance(blocks[index - 1], SignatureTable)
        if after_table and not (
            isinstance(block, ParaBlock) and block.style == STYLES.SIGNATORY_NOTE
        ):
            document.add_paragraph()  # the paragraph that ends the signers' columns
        if isinstance(block, ParaBlock):
            _runs(document.add_paragraph(style=block.style), block.text)
            if after_table:  # the signatory note sits in the last signer's row
                document.add_paragraph()
        elif isinstance(block, LineBlock):
            _lines(document, block.style, block.lines)
        elif isinstance(block, LabeledBlock):
            _labeled(document, block)
        elif isinstance(block, AskBlock):
            paragraph = document.add_paragraph(style=STYLES.ASK)
            if block.lead:
                _runs(paragraph, block.lead, STYLES.ASK_LEAD)
            if block.body:
                if block.lead:
                    paragraph.add_run(" ")
                _runs(paragraph, block.body)
            if block.numbered:
                _number(paragraph, num_id, 0)
        elif isinstance(block, ItemBlock):
            paragraph = document.add_paragraph(style=STYLES.ASK_ITEM)
            _runs(paragraph, block.text)
            _number(paragraph, num_id, 1)
        elif isinstance(block, SignatureBlock):
            _signature(document, block)
        elif isinstance(block, SignatureTable):
            # the signers' section of two columns is closed by a section break (an empty
            # paragraph); when nothing follows them, another empty paragraph ends the
            # document, so that the columns are balanced
            for signature in block.signatures:
                _signature(document, signature)
    last = blocks[-1] if blocks else None
    if isinstance(last, SignatureTable):
        document.add_paragraph()
    if isinstance(last, SignatureTable) or (
        len(blocks) > 1
        and isinstance(blocks[-2], SignatureTable)
        and isinstance(last, ParaBlock)
        and last.style == STYLES.SIGNATORY_NOTE
    ):
        document.add_paragraph()
    return document


def render_straightforward(letter: Letter, reference: str | Path) -> bytes:
    """Build the letter with python-docx and return the DOCX bytes."""
    buffer = io.BytesIO()
    build_document(letter, reference).save(buffer)
    return buffer.getvalue()
