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
from draftkit.render import STYLES, render_docx, render_docx_many
from draftkit.render.layout import address_lines, format_date
from draftkit.schema import Ask, Letter, Sender, Signatory
from tests.conftest import example_specs
from tests.helpers import W, need, paragraphs, part, write

EXAMPLES = example_specs()


def _letter(path: Path) -> Letter:
    return prepare_letter(path)[0]


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_examples_read_back_as_the_spec(spec: Path) -> None:
    letter = _letter(spec)
    got = paragraphs(render_docx(letter))
    expected: list[tuple[str, str]] = []
    if letter.sender.organization:
        expected.append((STYLES.LETTERHEAD_NAME, letter.sender.organization))
        expected.append((STYLES.LETTERHEAD_ADDRESS, " · ".join(letter.sender.address_lines)))
    if letter.date:
        when = format_date(letter.date, letter.options.date_format)
        expected.append((STYLES.DATE, f"{letter.place}, {when}" if letter.place else when))
    for person in letter.addressees:
        expected.append((STYLES.ADDRESS, "\n".join(address_lines(person))))
    if letter.subject:
        expected.append((STYLES.SUBJECT, f"Re: {letter.subject}"))
    expected.append((STYLES.SALUTATION, letter.salutation or ""))
    expected += [(STYLES.BODY, plain(p, links=False)) for p in letter.texts("body")]
    if letter.asks_intro:
        expected.append((STYLES.ASKS_INTRO, letter.asks_intro))
    for ask in letter.resolved_asks():
        expected.append((STYLES.ASK, " ".join(x for x in (ask.lead, ask.body) if x)))
        expected += [(STYLES.ASK_ITEM, item) for item in ask.items]
    expected += [(STYLES.CLOSING, plain(p, links=False)) for p in letter.texts("closing")]
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
        label = "Enclosure:" if len(letter.enclosures) == 1 else "Enclosures:"
        expected.append((STYLES.ENCLOSURE, "\n".join([label, *letter.enclosures])))
    for index, person in enumerate(letter.cc):
        lines = address_lines(person)
        if index == 0:
            lines[0] = "cc: " + lines[0]
        expected.append((STYLES.CC, "\n".join(lines)))
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


def test_long_lists_of_individuals_are_set_in_two_columns() -> None:
    letter = _letter(Path("examples/experts-re-line.yaml"))
    document = docx.Document(io.BytesIO(render_docx(letter)))
    (table,) = document.tables
    assert len(table.columns) == 2 and len(table.rows) == 7
    assert table.cell(0, 0).paragraphs[0].text == letter.signatories[0].name
    assert table.cell(0, 1).paragraphs[0].text == letter.signatories[1].name
    borders = table._tbl.tblPr.find(f"{W}tblBorders")
    assert borders is not None and all(b.get(f"{W}val") == "nil" for b in borders)


def test_organisations_are_a_plain_list_and_short_lists_no_table() -> None:
    letter = _letter(Path("examples/coalition-president.yaml"))
    document = docx.Document(io.BytesIO(render_docx(letter)))
    assert document.tables == []
    orgs = [p.text for p in document.paragraphs if p.style.name == STYLES.SIGNATORY_ORG]
    assert orgs == [s.name for s in letter.signatories]


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
    (link,) = para.hyperlinks
    assert link.text == "our site" and link.url == "https://example.org/r"
    assert para.text == "We urge you to read the report at our site."


def test_page_numbers_from_the_second_page_and_core_properties() -> None:
    letter = _letter(Path("examples/secretary-of-state.yaml"))
    data = render_docx(letter, properties={"draftkit.variant": "us-executive"})
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    footer = section.footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="SECTIONPAGES"' in footer
    assert "Page" in section.footer.paragraphs[0].text
    assert section.first_page_footer.paragraphs[0].text == ""
    core = document.core_properties
    assert core.author == letter.sender.organization
    assert core.title == f"Letter to {letter.addressees[0].name}"
    assert core.created is not None and core.created.date() == letter.date
    custom = part(data, "docProps/custom.xml")
    assert 'name="draftkit.variant"><vt:lpwstr>us-executive</vt:lpwstr>' in custom


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
