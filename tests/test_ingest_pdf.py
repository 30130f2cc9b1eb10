"""PDF ingest: the text layer read with its layout, page furniture left out, clear refusals."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from draftkit.errors import IngestError
from draftkit.ingest import ingest_bytes, ingest_file
from draftkit.ingest.pdf import MAX_PAGES, read_pdf

WILD = Path(__file__).resolve().parent / "fixtures" / "wild"
TWO_PAGES = WILD / "26-two-page-header-footer-hyphens.pdf"
TABLE = WILD / "27-signatories-two-column-table.pdf"
SCANNED = WILD / "29-scanned-no-text-layer.pdf"


def test_running_header_and_page_numbers_are_left_out_and_reported() -> None:
    lines, dropped = read_pdf(TWO_PAGES.read_bytes(), source=TWO_PAGES.name)
    texts = [line.text for line in lines]
    assert not any(text.startswith("Page ") for text in texts)
    reasons = {reason for _, reason in dropped}
    assert {"page number", "running page header or footer"} <= reasons
    assert {line.page for line in lines if line.page} == {1, 2}


def test_a_paragraph_across_the_page_break_and_hyphenated_words_are_whole() -> None:
    letter = ingest_file(TWO_PAGES).letter
    assert letter is not None
    body = " ".join(letter.texts("body"))
    # words broken with a soft hyphen at a line end come back whole
    for word in ("concerned", "children", "photographed", "distressing"):
        assert word in body
    assert "con-" not in body and "\ufffe" not in body
    # the paragraph that runs from page 1 onto page 2 is one paragraph
    spanning = [p for p in letter.texts("body") if "interoperability" in p]
    assert len(spanning) == 1 and spanning[0].endswith("under eighteen at all.")


def test_signers_in_a_two_column_table_in_list_order() -> None:
    letter = ingest_file(TABLE).letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert len(names) == 26
    assert names[0] == "Action from Ireland Solidarity Network"
    assert names[-1] == "Youth Action for Peace, Ltd."
    # a cell wrapped onto a second line is one signer
    assert "Africa Europe Faith and Justice Network, Dublin Office" in names
    # the list was filled down the columns: read it so, not across the rows
    assert names[12:14] == [
        "Mayo Contact Point for Migrants",
        "Newry Cross-Border Peace Initiative",
    ]


def test_a_scan_without_a_text_layer_is_refused_with_the_reason() -> None:
    with pytest.raises(IngestError, match="no text layer") as caught:
        ingest_file(SCANNED)
    assert "OCR" in str(caught.value)
    assert SCANNED.name in str(caught.value)


def test_a_damaged_pdf_is_one_clear_error() -> None:
    data = TWO_PAGES.read_bytes()[:2000]
    with pytest.raises(IngestError, match="not a readable PDF"):
        ingest_bytes(data, filename="cut.pdf")


def test_pdf_is_recognised_by_its_bytes_whatever_the_name() -> None:
    result = ingest_bytes(TABLE.read_bytes(), filename="letter.bin")
    assert result.letter is not None and len(result.letter.signatories) == 26


def _pdf_with(pages: int, *, password: str | None = None) -> bytes:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_encrypted_pdf_says_so() -> None:
    with pytest.raises(IngestError, match="encrypted"):
        ingest_bytes(_pdf_with(1, password="secret"), filename="locked.pdf")


def test_too_many_pages_are_refused_before_reading() -> None:
    with pytest.raises(IngestError, match=f"at most {MAX_PAGES}"):
        ingest_bytes(_pdf_with(MAX_PAGES + 1), filename="book.pdf")


def test_the_cli_reads_a_pdf_and_refuses_a_scan(tmp_path: Path) -> None:
    run = [sys.executable, "-m", "draftkit", "ingest"]
    ok = subprocess.run([*run, str(TABLE), "--format", "json"], capture_output=True, text=True)
    assert ok.returncode == 0 and '"Is mise le meas,"' in ok.stdout
    bad = subprocess.run([*run, str(SCANNED)], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "no text layer" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize("example", ["secretary-of-state", "coalition-president"])
def test_a_draftkit_letter_printed_to_pdf_reads_back_as_its_text_does(example: str) -> None:
    """The same letter through LibreOffice's PDF and through draftkit's plain text."""
    from helpers import need

    need("soffice")
    from draftkit.compose import compose_letter
    from draftkit.render import render_docx, render_text
    from draftkit.render.pdf import docx_to_pdf

    root = Path(__file__).resolve().parents[1]
    letter = compose_letter(root / "examples" / f"{example}.yaml").letter
    pdf = docx_to_pdf(render_docx(letter))
    from_pdf = ingest_bytes(pdf, filename=f"{example}.pdf").letter
    from_text = ingest_bytes(render_text(letter).encode(), filename=f"{example}.txt").letter
    assert from_pdf is not None and from_text is not None

    def shape(one: object) -> dict[str, object]:
        assert one is not None
        return {
            "salutation": one.salutation,  # type: ignore[attr-defined]
            "close": one.complimentary_close,  # type: ignore[attr-defined]
            "date": one.date,  # type: ignore[attr-defined]
            "addressees": [a.name for a in one.addressees],  # type: ignore[attr-defined]
            "asks": len(one.asks),  # type: ignore[attr-defined]
            "signers": [s.name for s in one.signatories],  # type: ignore[attr-defined]
        }

    assert shape(from_pdf) == shape(from_text)


def test_a_letterhead_footer_of_contact_lines_is_furniture_on_every_page() -> None:
    """A four-line contact footer reaches further up the page than a page number does."""
    from draftkit.ingest.pdf import _Row
    from draftkit.ingest.pdf_furniture import _furniture

    def page(body: str) -> tuple[list[_Row], float]:
        rows = [
            _Row("Open Records Library Consortium\tPage 1", 72, 540, 730, 736),
            _Row("9 March 2023", 72, 140, 719, 725),
            _Row(body, 72, 540, 400, 410),
            _Row(body, 72, 540, 160, 170),  # low on the page, but written once a page
            _Row("12 QUAY STREET", 72, 200, 86, 92),
            _Row("LIBRARY@EXAMPLE.ORG", 72, 200, 79, 85),
            _Row("PORTLAND, OR 97204", 72, 200, 70, 76),
        ]
        return rows, 792.0

    pages = [page("We write about the transcripts."), page("We ask for five years more.")]
    furniture = _furniture(pages)
    # the date under page 1's header is the letter's own: later pages repeat it
    assert {position for (p, position) in furniture if p == 1} == {0, 4, 5, 6}
    assert {position for (p, position) in furniture if p == 2} == {0, 1, 4, 5, 6}


def test_text_drawn_twice_on_the_same_baseline_is_read_once() -> None:
    from draftkit.ingest.pdf import _Row
    from draftkit.ingest.pdf_rows import _merge_baselines

    row = _Row("Senator Bram Okafor, Member, Committee on the Judiciary", 72, 400, 664, 671)
    again = _Row(row.text, 72.3, 400.3, 664.2, 671.2)
    assert [r.text for r in _merge_baselines([row, again])] == [row.text]


def _rows_of(spec: list[tuple[str, float]]) -> list[object]:
    from draftkit.ingest.pdf import _Row

    return [
        _Row(text, 72, 540, 700 - 14 * n, 708 - 14 * n, size) for n, (text, size) in enumerate(spec)
    ]


def test_footnotes_set_small_at_the_foot_of_a_page_are_found() -> None:
    from draftkit.ingest.pdf_furniture import _footnote_rows

    rows = _rows_of([
        ("We ask the court to publish its recordings of the last ten years,", 12.0),
        ("which researchers now request one compact disc at a time.", 12.0),
        ("Placing them online would also spare the clerk's office the work of", 12.0),
        ("copying and posting each recording by hand for every", 12.0),
        ("1 The clerk told us in May that the rules are being revised and", 9.0),
        ("that new rules are expected within six months.", 9.0),
        ("2 https://example.org/recordings", 9.0),
    ])  # fmt: skip
    assert _footnote_rows(rows) == 3  # type: ignore[arg-type]


def test_small_text_without_a_note_mark_or_a_page_all_small_has_no_footnotes() -> None:
    from draftkit.ingest.pdf_furniture import _footnote_rows

    body = [("A paragraph of the letter set in the body's own type size.", 12.0)] * 4
    unmarked = _rows_of([*body, ("Printed on recycled paper", 8.0)])
    assert _footnote_rows(unmarked) == 0  # type: ignore[arg-type]
    small = _rows_of([("1 A page of notes only, all of it small.", 8.0)] * 5)
    assert _footnote_rows(small) == 0  # type: ignore[arg-type]


def test_a_labelled_page_number_set_well_up_from_the_foot_is_furniture() -> None:
    from draftkit.ingest.pdf import _Row
    from draftkit.ingest.pdf_furniture import _furniture

    rows = [
        _Row("We write about the housing bill.", 72, 540, 600, 611),
        _Row("Pg 2", 280, 310, 125, 136),  # 16% of the page up from its foot
        _Row("12", 72, 90, 125, 136),  # a bare number as high up is not taken for one
    ]
    furniture = _furniture([(rows, 842.0)])
    assert furniture == {(1, 1): "page number"}


def test_a_continuation_header_atop_page_two_is_furniture_but_a_sentence_is_not() -> None:
    from draftkit.ingest.pdf import _Row
    from draftkit.ingest.pdf_furniture import _furniture

    first = [_Row("March 16, 2026", 72, 200, 700, 711), _Row("Dear Minister:", 72, 200, 600, 611)]
    second = [
        _Row("The Honorable Jane Roe · March 16, 2026", 72, 400, 740, 750),
        _Row("We met on March 16, 2026", 72, 400, 700, 711),
    ]
    furniture = _furniture([(first, 792.0), (second, 792.0)])
    assert furniture == {(2, 0): "continuation header"}


def test_a_dateline_atop_the_letters_first_page_after_a_cover_is_not_a_continuation() -> None:
    """A cover page, then the letter from page 2 under its dateline "Place, date"."""
    from draftkit.ingest.pdf import _Row
    from draftkit.ingest.pdf_furniture import _furniture

    cover = [_Row("SUBMISSION ON PRESS FREEDOM", 72, 400, 700, 711)]
    letter = [
        _Row("Cebu City, 4 May 2026", 72, 300, 740, 750),
        _Row("Dear Special Rapporteur,", 72, 300, 600, 611),
    ]
    later = [_Row("Ms. Ana Cruz · 4 May 2026", 72, 300, 740, 750)]
    furniture = _furniture([(cover, 792.0), (letter, 792.0), (later, 792.0)])
    assert (2, 0) not in furniture
    assert furniture[(3, 0)] == "continuation header"


def test_an_attachment_page_after_the_signature_is_no_signer() -> None:
    """A letter, then printouts attached on the pages after it (a map, a web page)."""
    from helpers import need

    need("soffice")
    import docx
    from docx.enum.text import WD_BREAK

    from draftkit.render.pdf import docx_to_pdf

    document = docx.Document()
    for text in (
        "March 4, 2025",
        "Dear Council Members,",
        "I write about the proposed parking structure on Elm Street, which would remove the "
        "only shaded playground in the neighbourhood.",
        "I ask the council to reject the amendment at its next meeting.",
        "Sincerely yours,",
        "Lucia Ferraro",
    ):
        document.add_paragraph(text)
    document.paragraphs[-1].runs[0].add_break(WD_BREAK.PAGE)
    for text in (
        "Elm Street Playground - City Maps https://maps.example.org/place/elm-street",
        "Elm Street Playground",
        "Image captured: May 2024. Images may be subject to copyright.",
        "Harbour Parking Garage - City Maps https://maps.example.org/place/harbour",
        "Harbour Parking Garage",
    ):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="letter.pdf").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Lucia Ferraro"]


def test_the_senders_phone_and_email_beside_the_address_are_letterhead() -> None:
    text = (
        "June 2, 2024\n"
        "503-555-0142\n"
        "lucia@example.org\n"
        "City Council\n"
        "Elmwood, CO\n\n"
        "Dear Council Members,\n\nI ask the council to reject the amendment.\n\n"
        "Sincerely,\n\nLucia Ferraro\n"
    )
    letter = ingest_bytes(text.encode(), filename="letter.txt").letter
    assert letter is not None
    (addressee,) = letter.addressees
    assert addressee.name == "City Council"
    assert "503-555-0142" not in [*addressee.title_lines, *addressee.address_lines]


def test_a_table_row_cut_by_the_page_break_runs_on_but_a_new_row_of_names_does_not() -> None:
    from draftkit.ingest.pdf import _table_runs_on
    from draftkit.ingest.text import Line

    above = Line(
        "Emeritus Professor of Epidemiology\tSenior Lecturer",
        raw=("Emeritus Professor of Epidemiology\tSenior Lecturer"),
    )
    rest_of_cells = Line(
        "King's College London\tQueen's University Belfast",
        raw=("King's College London\tQueen's University Belfast"),
    )
    next_band = Line("Gulnara Lefebvre\tUchenna Saleh", raw="Gulnara Lefebvre\tUchenna Saleh")
    prose = Line("We ask the Committee to act.", raw="We ask the Committee to act.")
    assert _table_runs_on(above, rest_of_cells)
    assert not _table_runs_on(above, next_band)  # a new row of the table: a new band
    assert not _table_runs_on(above, prose)


def test_a_footer_that_carries_the_date_is_furniture_on_the_first_page_too() -> None:
    """A running footer "… – 20 June 2025" on every page: page 1's copy is no letter date,
    and the signer list runs on past it to the next page."""
    from helpers import need

    need("soffice")
    import docx

    from draftkit.render.pdf import docx_to_pdf

    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "Joint letter on water rights – 20 June 2025"
    document.add_paragraph("Dear Secretary-General,")
    document.add_paragraph("We ask you to name a special envoy for the river basin.")
    document.add_paragraph("Respectfully,")
    document.add_paragraph("Signatories")
    places = ["Lusaka", "Kisumu", "Tamale", "Mopti", "Beira", "Kasese", "Gulu", "Tete", "Kano"]
    kinds = ["Water Users", "Fishers", "Farmers", "Women", "Youth", "Herders", "Elders", "Traders"]
    signers = [
        f"{n}. {places[n % 9]} {kinds[n % 8]} {'Network' if n % 2 else 'Association'}"
        for n in range(1, 81)
    ]
    for signer in signers:
        document.add_paragraph(signer)
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="letter.pdf").letter
    assert letter is not None
    assert len(letter.signatories) == 80


def test_a_footer_ending_with_its_page_number_is_furniture_on_a_single_page() -> None:
    from helpers import need

    need("soffice")
    import docx

    from draftkit.render.pdf import docx_to_pdf

    document = docx.Document()
    footer = "Red Amazónica – Inscrita en el Registro N.º 4471 · Página 1"
    document.sections[0].footer.paragraphs[0].text = footer
    document.add_paragraph("Distinguido Relator Especial:")
    document.add_paragraph("Le solicitamos que visite la cuenca del río Marañón este año.")
    document.add_paragraph("Atentamente,")
    document.add_paragraph("Rosa Inuma Sánchez")
    buffer = io.BytesIO()
    document.save(buffer)
    result = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="letter.pdf")
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Rosa Inuma Sánchez"]


def test_a_small_footer_line_over_the_page_number_is_furniture_on_a_single_page() -> None:
    from helpers import need

    need("soffice")
    import docx
    from docx.shared import Pt

    from draftkit.render.pdf import docx_to_pdf

    document = docx.Document()
    footer = document.sections[0].footer
    footer.paragraphs[0].text = "Lettre ouverte — vidéosurveillance — 14 mars 2025"
    footer.paragraphs[0].runs[0].font.size = Pt(8)
    footer.add_paragraph("Page 1 of 1")
    document.add_paragraph("Monsieur le Président,")
    document.add_paragraph("Nous vous demandons de retirer l'article 10 du projet de loi.")
    document.add_paragraph("Cordialement,")
    document.add_paragraph("Ligue pour les libertés numériques")
    document.add_paragraph("Copie à :")
    document.add_paragraph("Monsieur le Ministre de l'Intérieur")
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="lettre.pdf").letter
    assert letter is not None
    assert len(letter.cc) == 1  # the footer over "Page 1 of 1" is no second entry
    assert letter.cc[0].name.endswith("Ministre de l'Intérieur")


def test_signature_blocks_side_by_side_with_a_wrapped_body_are_two_signers() -> None:
    """Two signers set side by side in a borderless table, each with name, title and a
    body's name wrapped onto a second line: two signers, not six lines of names."""
    from helpers import need

    need("soffice")
    import docx
    from docx.shared import Pt

    from draftkit.render.pdf import docx_to_pdf

    document = docx.Document()
    document.styles["Normal"].paragraph_format.space_after = Pt(8)
    document.add_paragraph("Exmo. Senhor Ministro,")
    document.add_paragraph("Solicitamos a revisão do protocolo de distribuição de insulina.")
    document.add_paragraph("Atenciosamente,")
    table = document.add_table(rows=1, cols=2)
    blocks = [
        [
            "Helena Duarte Nogueira",
            "Coordenadora",
            "Rede Paraense de Mães de Crianças com Diabetes Tipo 1",
        ],
        [
            "Otávio Brandão Lins",
            "Diretor Executivo",
            "Instituto Nordestino de Endocrinologia Pediátrica e Saúde",
        ],
    ]
    for cell, lines in zip(table.rows[0].cells, blocks, strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="letter.pdf").letter
    assert letter is not None
    signers = [(s.name, s.title_lines, s.organization) for s in letter.signatories]
    assert signers == [
        ("Helena Duarte Nogueira", ["Coordenadora"], blocks[0][2]),
        ("Otávio Brandão Lins", ["Diretor Executivo"], blocks[1][2]),
    ]


def test_signature_blocks_under_signing_lines_in_two_bands_are_four_signers() -> None:
    """Signers side by side under lines to sign on, two rows of two: four signers, each
    with a title ("Directora Ejecutiva") and a body's name wrapped in its cell."""
    from helpers import need

    need("soffice")
    import docx
    from docx.shared import Inches, Pt

    from draftkit.render.pdf import docx_to_pdf

    document = docx.Document()
    document.styles["Normal"].paragraph_format.space_after = Pt(2)
    document.add_paragraph("Honorables Comisionadas y Comisionados:")
    document.add_paragraph("Solicitamos una audiencia temática sobre las personas defensoras.")
    document.add_paragraph("Atentamente,")
    people = [
        ("Lucía Quispe Mamani", "Directora Ejecutiva", "Red Andina de Defensoras del Territorio"),
        (
            "Hernán Torrico Flores",
            "Coordinador Jurídico",
            "Asociación Pro Derechos Indígenas del Sur",
        ),
        ("Valeria Andrade Ortiz", "Presidenta", "Fundación Amazonía y Derechos – Ecuador"),
        ("Rubén Cutipa Rojas", "Director", "Centro de Estudios Jurídicos Ambientales"),
    ]
    table = document.add_table(rows=2, cols=2)
    for index, (name, title, body) in enumerate(people):
        cell = table.rows[index // 2].cells[index % 2]
        cell.width = Inches(2.6)
        cell.paragraphs[0].text = "______________________"
        for line in (name, title, body):
            cell.add_paragraph(line)
        cell.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="letter.pdf").letter
    assert letter is not None
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        (name, [title]) for name, title, _ in people
    ]


def test_a_table_of_numbered_signers_set_small_at_a_pages_foot_is_not_its_footnotes() -> None:
    """ "1 | Riverside Water Alliance | Volta" under the table's header row at the foot of a
    page, in the table's smaller type: the table's first rows, read where they stand."""
    from draftkit.ingest.pdf_furniture import _footnote_rows

    rows = _rows_of([
        ("We ask the Committee to hear the affected communities before it reports.", 12.0),
        ("The communities can send witnesses to any sitting the Committee names.", 12.0),
        ("Yours faithfully,", 12.0),
        ("SIGNATORIES", 12.0),
        ("No.\tOrganisation\tRegion", 10.0),
        ("1\tRiverside Water Alliance\tVolta", 10.0),
        ("2\tForest Keepers Network\tAshanti", 10.0),
        ("3\tCentre for Mining Accountability\tWestern", 10.0),
    ])  # fmt: skip
    assert _footnote_rows(rows) == 0  # type: ignore[arg-type]


def test_a_list_numbers_run_into_its_first_word_gets_its_space_back() -> None:
    """ "10.Aya Saleh" among "9. Rania Saleh" items: the extractor lost the space."""
    from draftkit.ingest.pdf import _spaced_numbers
    from draftkit.ingest.text import Line

    texts = ["7. Basel Kurdi, Law", "8. Hiba Zoubi, History", "9. Rania Saleh, alumna"]
    texts.append("10.Aya Saleh, Engineering")
    lines = [Line(t, raw=t) for t in [*texts, "11.Maha Kurdi, Chemistry"]]
    assert [ln.text for ln in _spaced_numbers(lines)][3:] == [
        "10. Aya Saleh, Engineering",
        "11. Maha Kurdi, Chemistry",
    ]
    alone = [Line("Version 2.Final", raw="Version 2.Final"), Line("3.5 million", raw="3.5 million")]
    assert _spaced_numbers(alone) == alone


def test_signature_blocks_side_by_side_carried_over_the_page_take_their_last_lines() -> None:
    """Two blocks end page 1 ("Sabine Krüger" / "Bundesvorstand, Naturschutzring" and
    "Felix Hartmann" / "Referent, Klima-Allianz"); page 2 opens "Niedersachsen | Wattenmeer":
    each cell ends its block."""
    from draftkit.ingest.pdf import _blocks_carried_over
    from draftkit.ingest.text import Line

    out = [
        Line("Sabine Krüger", raw="Sabine Krüger", page=1),
        Line("Bundesvorstand, Naturschutzring", raw="Bundesvorstand, Naturschutzring", page=1),
        Line("", raw="", page=1),
        Line("Felix Hartmann", raw="Felix Hartmann", page=1),
        Line("Referent, Klima-Allianz", raw="Referent, Klima-Allianz", page=1),
    ]
    first = Line("Niedersachsen\tWattenmeer", raw="Niedersachsen\tWattenmeer", page=2)
    assert _blocks_carried_over(out, first)
    assert [ln.text for ln in out if not ln.blank] == [
        "Sabine Krüger",
        "Bundesvorstand, Naturschutzring Niedersachsen",
        "Felix Hartmann",
        "Referent, Klima-Allianz Wattenmeer",
    ]
    names_row = Line("Ana Ruiz\tBen Okafor", raw="Ana Ruiz\tBen Okafor", page=2)
    assert not _blocks_carried_over(out, names_row)  # names open new blocks
