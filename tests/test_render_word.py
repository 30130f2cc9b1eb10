"""DOCX rendering, verified by reading the document back (style names and text)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from pydantic import ValidationError

from draftkit.build import prepare_letter
from draftkit.errors import RenderError
from draftkit.markup import plain
from draftkit.render import STYLES, render_docx, render_docx_many, typeset
from draftkit.render.layout import address_lines, format_date
from draftkit.render.typesetting import with_notes
from draftkit.schema import Ask, Letter, LetterOptions, Sender, Signatory, TableEntry
from tests.conftest import example_specs
from tests.helpers import W, need, paragraphs, part, write

EXAMPLES = example_specs()


def _letter(path: Path) -> Letter:
    return prepare_letter(path)[0]


def _paragraphs(entries: list[object], style: str) -> list[tuple[str, str]]:
    """What the paragraphs and tables of ``body`` or ``closing`` read back as."""
    out: list[tuple[str, str]] = []
    for entry in entries:
        if isinstance(entry, str):
            out.append((style, plain(entry)))
        elif isinstance(entry, TableEntry):
            table = entry.table
            if table.caption:
                out.append((STYLES.TABLE_CAPTION, plain(table.caption)))
            out += [(STYLES.TABLE_HEADING, plain(cell)) for cell in table.header]
            out += [(STYLES.TABLE_TEXT, plain(cell)) for row in table.rows for cell in row]
    return out


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_examples_read_back_as_the_spec(spec: Path) -> None:
    letter = _letter(spec)
    got = paragraphs(render_docx(letter))
    letter = typeset(with_notes(letter))  # what is printed: typographic quotes
    expected: list[tuple[str, str]] = []
    if letter.sender.organization:
        expected.append((STYLES.LETTERHEAD_NAME, letter.sender.organization))
        expected.append((STYLES.LETTERHEAD_ADDRESS, " · ".join(letter.sender.address_lines)))
    if letter.date:
        when = format_date(letter.date, letter.options.date_format)
        expected.append((STYLES.DATE, f"{letter.place}, {when}" if letter.place else when))
    for person in letter.addressees:
        expected.append((STYLES.ADDRESS, "\n".join(address_lines(person))))
    if letter.delivery:
        expected.append((STYLES.DELIVERY, "\n".join(letter.delivery)))
    if letter.subject:
        expected.append((STYLES.SUBJECT, f"Re: {letter.subject}"))
    expected.append((STYLES.SALUTATION, letter.salutation or ""))
    # on paper a link shows where it points: "our website (https://…)"
    expected += _paragraphs(letter.body, STYLES.BODY)
    if letter.asks_intro:
        expected.append((STYLES.ASKS_INTRO, letter.asks_intro))
    for ask in letter.resolved_asks():
        expected.append((STYLES.ASK, " ".join(x for x in (ask.lead, ask.body) if x)))
        expected += [(STYLES.ASK_ITEM, item) for item in ask.items]
    expected += _paragraphs(letter.closing, STYLES.CLOSING)
    if letter.complimentary_close:
        expected.append((STYLES.CLOSE, letter.complimentary_close))
    for signer in letter.signatories:
        if signer.kind == "organization":
            expected.append((STYLES.SIGNATORY_ORG, signer.name))
        else:
            expected.append((STYLES.SIGNATURE_NAME, signer.name))
            lines = [*signer.title_lines, *([signer.organization] if signer.organization else [])]
            if lines:
                expected.append((STYLES.SIGNATURE_TITLE, "\n".join(lines)))
    if letter.signatory_note:
        expected.append((STYLES.SIGNATORY_NOTE, letter.signatory_note))
    if letter.enclosures:
        # the label and the first item share a line; the rest line up under the first
        label = "Enclosure:" if len(letter.enclosures) == 1 else "Enclosures:"
        expected.append((STYLES.ENCLOSURE, f"{label}\t" + "\n".join(letter.enclosure_names())))
    for index, person in enumerate(letter.cc):
        lines = address_lines(person)
        expected.append((STYLES.CC, ("cc:\t" if index == 0 else "\t") + "\n".join(lines)))
    assert [g for g in got if g[1]] == [e for e in expected if e[1]]


def test_asks_use_word_numbering_restarting_per_letter() -> None:
    letter = _letter(Path("examples/coalition-president.yaml"))
    data = render_docx(letter)
    document = docx.Document(io.BytesIO(data))
    asks = [p for p in document.paragraphs if p.style.name in (STYLES.ASK, STYLES.ASK_ITEM)]
    levels = [(p.style.name, p._p.pPr.numPr.ilvl.val, p._p.pPr.numPr.numId.val) for p in asks]
    num_ids = {num for _, _, num in levels}
    assert len(num_ids) == 1
    assert [lvl for style, lvl, _ in levels if style == STYLES.ASK] == [0] * 7
    assert [lvl for style, lvl, _ in levels if style == STYLES.ASK_ITEM] == [1] * 3
    numbering = part(data, "word/numbering.xml")
    (num_id,) = num_ids
    assert re.search(
        rf'<w:num w:numId="{num_id}"><w:abstractNumId w:val="\d+"/><w:lvlOverride w:ilvl="0">'
        r'<w:startOverride w:val="1"/>',
        numbering,
    )
    assert '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>' in numbering
    assert '<w:numFmt w:val="bullet"/>' in numbering
    # the lead-in is a bold character style, not direct formatting
    first = asks[0]
    assert first.runs[0].style.name == STYLES.ASK_LEAD
    assert first.runs[0].text == letter.resolved_asks()[0].lead


def test_combined_documents_restart_numbering_for_each_letter() -> None:
    letter = _letter(Path("examples/coalition-president.yaml"))
    data = render_docx_many([letter, letter, letter])
    document = docx.Document(io.BytesIO(data))
    num_ids = []
    for p in document.paragraphs:
        if p.style.name == STYLES.ASK:
            num_ids.append(p._p.pPr.numPr.numId.val)
    assert len(num_ids) == 21 and len(set(num_ids)) == 3
    numbering = part(data, "word/numbering.xml")
    for num_id in set(num_ids):
        assert f'<w:num w:numId="{num_id}">' in numbering
    # every letter is a section of its own: new page, first-page letterhead, page 1 of N
    assert len(document.sections) == 3
    for section in document.sections:
        assert section.different_first_page_header_footer
        assert section._sectPr.xpath("./w:pgNumType/@w:start") == ["1"]


def test_long_lists_of_individuals_run_down_two_columns() -> None:
    """A section of two newspaper columns holding one signer per table row.

    The rows run down the first column, then the second (A C / B D on the page), and
    pandoc and text extraction read them in their listed order; a row never splits.
    """
    letter = typeset(_letter(Path("examples/experts-re-line.yaml")))
    data = render_docx(letter)
    document = docx.Document(io.BytesIO(data))
    (table,) = document.tables
    assert len(table.columns) == 1 and len(table.rows) == len(letter.signatories)
    assert [row.cells[0].paragraphs[0].text for row in table.rows] == [
        s.name for s in letter.signatories
    ]
    assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert borders is not None and all(b.get(f"{W}val") == "nil" for b in borders)
    sections = document.sections
    assert [s.start_type.name for s in sections] == ["NEW_PAGE", "CONTINUOUS", "CONTINUOUS"]
    columns = [s._sectPr.xpath("./w:cols/@w:num") for s in sections]
    assert columns == [[], ["2"], []]
    # the close ends the first section, a paragraph of no height after the table the
    # columns; the signatory note sits in the last signer's row, so it never stands alone
    body = document.element.body
    breaks = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}sectPr") is not None]
    texts = [docx.text.paragraph.Paragraph(b, document).text for b in breaks]
    assert texts == [letter.complimentary_close, ""]
    last_cell = table.rows[-1].cells[0].paragraphs
    assert [p.style.name for p in last_cell][-1] == STYLES.SIGNATORY_NOTE
    assert last_cell[-1].text == letter.signatory_note
    # the continuation header and the page numbers belong to the first section only
    assert sections[1]._sectPr.xpath("./w:headerReference") == []
    assert sections[1]._sectPr.xpath("./w:titlePg") == []
    assert sections[0].different_first_page_header_footer


def test_pandoc_reads_signers_in_columns_in_their_order(tmp_path: Path) -> None:
    pandoc = need("pandoc")
    letter = typeset(_letter(Path("examples/experts-re-line.yaml")))
    path = write(tmp_path / "experts.docx", render_docx(letter))
    text = subprocess.run(
        [pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(path)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    names = [s.name for s in letter.signatories]
    found = sorted(names, key=text.index)
    assert found == names


def _lines_of(signer: Signatory) -> list[str]:
    return [*signer.title_lines, *([signer.organization] if signer.organization else [])]


def test_organisations_are_a_plain_list_and_short_lists_no_table() -> None:
    letter = _letter(Path("examples/coalition-president.yaml"))
    document = docx.Document(io.BytesIO(render_docx(letter)))
    assert document.tables == []
    orgs = [p.text for p in document.paragraphs if p.style.name == STYLES.SIGNATORY_ORG]
    assert orgs == [s.name for s in typeset(letter).signatories]


def test_inline_markup_becomes_runs_and_real_hyperlinks() -> None:
    letter = Letter(
        salutation="Dear Minister,",
        body=["We **urge** you to read *the report* at [our site](https://example.org/r)."],
    )
    data = render_docx(letter)
    document = docx.Document(io.BytesIO(data))
    para = next(p for p in document.paragraphs if p.style.name == STYLES.BODY)
    styles = {run.text: run.style.name for run in para.runs}
    assert styles["urge"] == STYLES.STRONG and styles["the report"] == STYLES.EMPHASIS
    # the .docx keeps the link; paper shows where it points
    words, address = para.hyperlinks
    assert words.text == "our site" and words.url == "https://example.org/r"
    assert address.text == "https://example.org/r" and address.url == words.url
    assert para.text == "We urge you to read the report at our site (https://example.org/r)."
    # a link whose words are its address is printed once
    again = Letter(salutation="Dear A,", body=["See [example.org/r](https://example.org/r)."])
    document = docx.Document(io.BytesIO(render_docx(again)))
    para = next(p for p in document.paragraphs if p.style.name == STYLES.BODY)
    assert para.text == "See example.org/r."


def test_page_numbers_and_continuation_header_from_the_second_page() -> None:
    letter = _letter(Path("examples/secretary-of-state.yaml"))
    data = render_docx(letter, properties={"draftkit.variant": "us-executive"})
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    footer = section.footer._element.xml
    # NUMPAGES: the total that Word, LibreOffice and the PDF all compute
    assert 'w:instr=" PAGE "' in footer and 'w:instr=" NUMPAGES "' in footer
    assert "SECTIONPAGES" not in footer
    assert section.footer.paragraphs[0].text == "Page  of "  # python-docx skips fields
    assert section.footer.paragraphs[0].style.name == STYLES.PAGE_FOOTER
    assert section.first_page_footer.paragraphs[0].text == ""
    assert section.first_page_header.paragraphs[0].text == ""
    (header,) = section.header.paragraphs
    assert header.style.name == STYLES.CONTINUATION
    # the footer numbers the page: the header does not number it a second time
    assert header.text == "The Honorable Marisol T. Vance · March 16, 2026"
    assert 'w:instr=" PAGE "' not in section.header._element.xml
    core = document.core_properties
    assert core.author == letter.sender.organization
    assert core.title == f"Letter to {letter.addressees[0].name}"
    assert core.created is not None and core.created.date() == letter.date
    custom = part(data, "docProps/custom.xml")
    assert 'name="draftkit.variant"><vt:lpwstr>us-executive</vt:lpwstr>' in custom


def test_continuation_header_can_be_switched_off(tmp_path: Path) -> None:
    letter = _letter(Path("examples/secretary-of-state.yaml"))
    off = letter.model_copy(
        update={"options": letter.options.model_copy(update={"continuation_header": False})}
    )
    document = docx.Document(io.BytesIO(render_docx(off)))
    assert document.sections[0].header.is_linked_to_previous
    assert "draftkit-header" not in str(part(render_docx(off), "[Content_Types].xml"))
    # a house style turns it off for every letter with a custom document property
    house = docx.Document(str(Path("examples/house-style.docx")))
    house.core_properties.title = "house"
    reference = tmp_path / "quiet.docx"
    house.save(str(reference))
    _add_custom_property(reference, "draftkit.continuation_header", "off")
    document = docx.Document(io.BytesIO(render_docx(letter, reference=reference)))
    assert document.sections[0].header.is_linked_to_previous
    # ... and the letter's own option still wins
    on = letter.model_copy(
        update={"options": letter.options.model_copy(update={"continuation_header": True})}
    )
    document = docx.Document(io.BytesIO(render_docx(on, reference=reference)))
    assert document.sections[0].header.paragraphs[0].style.name == STYLES.CONTINUATION


def _add_custom_property(path: Path, name: str, value: str) -> None:
    """Give a .docx a custom document property (as Word's File > Properties does)."""
    source = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
                )
            elif info.filename == "_rels/.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/custom-properties" '
                    b'Target="docProps/custom.xml"/></Relationships>',
                )
            new.writestr(info, data)
        new.writestr(
            "docProps/custom.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            '2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" '
            f'pid="2" name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property></Properties>',
        )
    path.write_bytes(out.getvalue())


def test_house_reference_supplies_letterhead_and_gains_missing_styles(tmp_path: Path) -> None:
    house = docx.Document()
    house.styles["Normal"].font.name = "Arial"
    section = house.sections[0]
    section.header.paragraphs[0].text = "ACME RIGHTS LETTERHEAD"
    house.add_paragraph("Sample body text that the letter replaces.")
    reference = tmp_path / "house.docx"
    house.save(str(reference))
    letter = _letter(Path("examples/secretary-of-state.yaml"))
    data = render_docx(letter, reference=reference)
    document = docx.Document(io.BytesIO(data))
    assert document.sections[0].header.paragraphs[0].text == "ACME RIGHTS LETTERHEAD"
    assert document.styles["Normal"].font.name == "Arial"
    texts = [p.text for p in document.paragraphs]
    assert "Sample body text that the letter replaces." not in texts
    # the reference has a letterhead, so draftkit does not add its own
    assert all(p.style.name != STYLES.LETTERHEAD_NAME for p in document.paragraphs)
    assert {STYLES.SALUTATION, STYLES.ASK_LEAD} <= {s.name for s in document.styles}


def test_bad_references_give_one_clear_line(tmp_path: Path) -> None:
    letter = Letter(salutation="Dear Minister,")
    not_zip = write(tmp_path / "broken.docx", b"this is not a zip file")
    with pytest.raises(RenderError, match=r"broken.docx: not a .docx"):
        render_docx(letter, reference=not_zip)
    other_zip = tmp_path / "other.docx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(RenderError, match=r"not a Word document"):
        render_docx(letter, reference=other_zip)
    with pytest.raises(RenderError, match="cannot read the reference"):
        render_docx(letter, reference=tmp_path / "missing.docx")


def test_unresolved_letters_are_refused_with_what_is_missing() -> None:
    letter = Letter.model_validate({"asks": [{"clause": "ask.x"}]})
    with pytest.raises(RenderError, match=r"not resolved: salutation, asks\[0\] \(clause ask.x\)"):
        render_docx(letter)
    with pytest.raises(RenderError, match="press-release, not a letter"):
        render_docx(Letter(kind="press-release"))


def test_control_characters_are_refused_never_dropped() -> None:
    with pytest.raises(ValidationError, match=r"U\+0007 \(a control character\)"):
        Letter(salutation="Dear A,", body=['bell\x07 and <tags> & "quotes"'])
    # a letter built around validation is refused by the renderer, naming the field
    letter = Letter(salutation="Dear A,", body=["ok"]).model_copy(
        update={"body": ['bell\x07 and <tags> & "quotes"']}
    )
    with pytest.raises(RenderError, match=r"body\[0\]: holds U\+0007"):
        render_docx(letter)
    letter = Letter(salutation="Dear A,", body=['<tags> & "quotes"'])
    document = docx.Document(io.BytesIO(render_docx(letter)))
    assert any(p.text == "<tags> & \u201cquotes\u201d" for p in document.paragraphs)
    straight = letter.model_copy(update={"options": LetterOptions(quotes="straight")})
    document = docx.Document(io.BytesIO(render_docx(straight)))
    assert any(p.text == '<tags> & "quotes"' for p in document.paragraphs)


def test_signatory_without_title_and_letter_without_sender() -> None:
    letter = Letter(
        salutation="Dear A,",
        asks=[Ask(lead="Act now.")],
        signatories=[Signatory(name="Jo Bloggs")],
        sender=Sender(),
    )
    got = paragraphs(render_docx(letter))
    assert got == [
        (STYLES.SALUTATION, "Dear A,"),
        (STYLES.ASK, "Act now."),
        (STYLES.SIGNATURE_NAME, "Jo Bloggs"),
    ]


# -- real clients -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rendered")
    return {
        spec.stem: write(folder / f"{spec.stem}.docx", render_docx(_letter(spec)))
        for spec in EXAMPLES
    }


def test_pandoc_reads_asks_as_an_ordered_list(rendered: dict[str, Path]) -> None:
    pandoc = need("pandoc")
    result = subprocess.run(
        [pandoc, "-f", "docx", "-t", "json", str(rendered["coalition-president"])],
        capture_output=True,
        check=True,
        text=True,
    )
    blocks = json.loads(result.stdout)["blocks"]
    ordered = [b for b in blocks if b["t"] == "OrderedList"]
    assert len(ordered) == 1
    items = ordered[0]["c"][1]
    assert len(items) == 7
    last = json.dumps(items[-1])
    assert '"BulletList"' in last  # the seventh ask carries its bullet items


@pytest.mark.parametrize("name", [spec.stem for spec in EXAMPLES])
def test_libreoffice_converts_and_page_two_is_numbered(
    rendered: dict[str, Path], name: str, tmp_path: Path
) -> None:
    soffice = need("soffice")
    pdftotext = need("pdftotext")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(rendered[name]),
        ],
        capture_output=True,
        check=True,
        timeout=180,
    )
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.exists()
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = text.split("\f")
    letter = _letter(Path("examples") / f"{name}.yaml")
    assert (letter.salutation or "") in pages[0]
    assert "Page 1 of" not in pages[0]
    if len([p for p in pages if p.strip()]) > 1:
        assert re.search(r"Page 2 of \d", pages[1])
    pdftoppm = need("pdftoppm")
    subprocess.run(
        [pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
        capture_output=True,
    )
    (png,) = tmp_path.glob("page*.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_a_rendered_letter_serves_as_a_house_style(tmp_path: Path) -> None:
    """The docs' recipe: render a letter, restyle it, use it as --reference."""
    from tests.ooxml import assert_valid_docx

    experts = _letter(Path("examples/experts-re-line.yaml"))  # three sections (columns)
    reference = write(tmp_path / "house.docx", render_docx(experts))
    letter = _letter(Path("examples/secretary-of-state.yaml"))
    data = render_docx(letter, reference=reference)
    assert_valid_docx(data, "letter on a rendered letter")
    document = docx.Document(io.BytesIO(data))
    (section,) = document.sections
    assert section.start_type.name == "NEW_PAGE"
    assert section.different_first_page_header_footer
    # the old letter's continuation header is replaced by this letter's own
    (header,) = section.header.paragraphs
    assert header.text.startswith("The Honorable Marisol T. Vance · March 16, 2026")
    assert "Page" in section.footer.paragraphs[0].text
    assert [p.text for p in document.paragraphs if "Holm-Berg" in p.text] == []
    # a reference that has draftkit's own link and header ids already (a rendered
    # letter with a link) gets ids of draftkit's that do not clash with them
    again = write(tmp_path / "again.docx", data)
    twice = render_docx(letter, reference=again)
    assert_valid_docx(twice, "letter on a letter with a link")
    (link, address) = next(
        p for p in docx.Document(io.BytesIO(twice)).paragraphs if p.hyperlinks
    ).hyperlinks
    assert link.url == address.url == "https://example.org/cases"


def test_a_single_ask_is_a_paragraph_not_a_list_of_one() -> None:
    one = Letter(salutation="Dear A,", asks=[Ask(lead="Act now.", items=["first", "second"])])
    document = docx.Document(io.BytesIO(render_docx(one)))
    ask = next(p for p in document.paragraphs if p.style.name == STYLES.ASK)
    assert ask._p.pPr.numPr is None
    assert ask.paragraph_format.keep_with_next  # with its first bullet item
    two = one.model_copy(update={"asks": [*one.asks, Ask(lead="Act again.")]})
    document = docx.Document(io.BytesIO(render_docx(two)))
    asks = [p for p in document.paragraphs if p.style.name == STYLES.ASK]
    assert all(p._p.pPr.numPr is not None for p in asks)
    from draftkit.render import render_text

    assert "1." not in render_text(one) and "1. Act now." in render_text(two)


def test_widow_and_orphan_control_is_on_in_any_house_style(tmp_path: Path) -> None:
    """A reference silent about it (python-docx's own template) gets it by default."""
    from tests.ooxml import assert_valid_docx

    reference = tmp_path / "plain.docx"
    docx.Document().save(str(reference))
    data = render_docx(_letter(Path("examples/secretary-of-state.yaml")), reference=reference)
    assert_valid_docx(data, "letter on a plain reference")
    styles = part(data, "word/styles.xml")
    defaults = styles[styles.index("<w:pPrDefault>") : styles.index("</w:pPrDefault>")]
    assert "<w:widowControl/>" in defaults
    # a house style that turns it off in its Normal style keeps it off: it decides
    house = docx.Document()
    house.styles["Normal"].paragraph_format.widow_control = False
    quiet = tmp_path / "quiet.docx"
    house.save(str(quiet))
    data = render_docx(_letter(Path("examples/secretary-of-state.yaml")), reference=quiet)
    styles = part(data, "word/styles.xml")
    assert "<w:widowControl/>" not in styles[: styles.index("</w:docDefaults>")]
