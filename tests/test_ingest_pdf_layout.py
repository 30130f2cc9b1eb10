"""Tables in a PDF page: columns found by their alignment, wrapped cells joined again."""

from __future__ import annotations

import io

from draftkit.ingest import ingest_bytes
from draftkit.ingest.pdf_layout import Row, Word, _runs_on, rejoin_tables

SIZE = 10.0
CHAR = 5.0  # points per character of the made-up type
COLUMNS = (72.0, 240.0, 408.0)


def _words(text: str, left: float) -> list[Word]:
    out: list[Word] = []
    x = left
    for word in text.split():
        out.append((x, x + CHAR * len(word), word))
        x += CHAR * (len(word) + 1)
    return out


def _row(cells: dict[int, str], bottom: float) -> Row:
    words: list[Word] = []
    for column, text in sorted(cells.items()):
        words += _words(text, COLUMNS[column])
    text = "\t".join(text for _, text in sorted(cells.items()))
    return Row(text, words[0][0], words[-1][1], bottom, bottom + SIZE, SIZE, tuple(words))


def test_a_three_column_table_with_wrapped_cells_is_one_line_a_row() -> None:
    # cells are 160 pt wide (32 characters); a row's lines are 12 pt apart, rows 16 pt
    rows = [
        _row({0: "Signed by these organizations:"}, 700),
        _row(
            {0: "Prairie Rivers Coalition", 1: "Harbor Tenants Union", 2: "Mesa Fair Budget"}, 680
        ),
        _row({2: "Project"}, 668),
        _row(
            {0: "Northern Plains Water Defenders", 1: "Coastal Interfaith Housing", 2: "Valley"},
            652,
        ),
        _row({0: "Alliance", 1: "Council"}, 640),
        _row({0: "Open Records Project", 1: "Granite State Legal Aid", 2: "Delta Food Bank"}, 624),
    ]
    rebuilt = rejoin_tables(rows)
    assert [r.text for r in rebuilt] == [
        "Signed by these organizations:",
        "Prairie Rivers Coalition\tHarbor Tenants Union\tMesa Fair Budget Project",
        "Northern Plains Water Defenders Alliance\tCoastal Interfaith Housing Council\tValley",
        "Open Records Project\tGranite State Legal Aid\tDelta Food Bank",
    ]


def test_signature_blocks_side_by_side_are_read_a_column_at_a_time() -> None:
    # three signers side by side, each with a title line, in two bands: each signer's
    # block comes back whole (a title line under a short name is no wrapped cell)
    rows = [
        _row({0: "Ana Ruiz", 1: "Ben Okafor", 2: "Chen Wei"}, 680),
        _row({0: "Director, Rights Watch", 1: "Chair, Harbor Union", 2: "Counsel"}, 668),
        _row({0: "Dara Quinn", 1: "Eli Marsh", 2: "Fay Osei"}, 640),
        _row({0: "Organizer", 1: "Treasurer", 2: "President"}, 628),
    ]
    rebuilt = rejoin_tables(rows)
    assert [r.text for r in rebuilt] == [
        "Ana Ruiz",
        "Director, Rights Watch",
        "Ben Okafor",
        "Chair, Harbor Union",
        "Chen Wei",
        "Counsel",
        "Dara Quinn",
        "Organizer",
        "Eli Marsh",
        "Treasurer",
        "Fay Osei",
        "President",
    ]
    # each block's first line stands above the previous block's last: a break between
    tops = [r.bottom for r in rebuilt]
    assert all(tops[k] > tops[k - 1] for k in (2, 4, 8, 10))


def test_a_table_of_names_and_bodies_is_not_read_as_blocks() -> None:
    rows = [
        _row({0: "Ana Ruiz", 1: "Harbor Tenants Union"}, 680),
        _row({0: "Ben Okafor", 1: "Mesa Fair Budget Project"}, 668),
        _row({0: "Chen Wei", 1: "Delta Food Bank"}, 656),
    ]
    assert [r.text for r in rejoin_tables(rows)] == [r.text for r in rows]


def test_prose_is_left_as_it_is() -> None:
    rows = [
        Row(line, 72, 540, 700 - 12 * n, 710 - 12 * n, SIZE, tuple(_words(line, 72)))
        for n, line in enumerate(
            [
                "We write to ask the Department to withdraw the proposed rule and to",
                "extend the comment period so that the communities most affected by",
                "the change can be heard before any final decision is taken on it.",
            ]
        )
    ]
    assert rejoin_tables(rows) == rows


def test_signers_in_a_three_column_table_of_a_printed_letter() -> None:
    """A Word letter whose signers fill a three-column table, printed by LibreOffice."""
    from helpers import need

    need("soffice")
    import docx

    from draftkit.render.pdf import docx_to_pdf

    names = [
        "Cascade Watershed Defense Council",
        "Front Range Tenants Association",
        "Great Basin Indigenous Lands Trust",
        "High Desert Community Health Workers",
        "Palouse Family Farmers Cooperative",
        "Upper Missouri Clean Water Network",
        "Wasatch Front Interfaith Alliance",
    ]
    document = docx.Document()
    document.add_paragraph("May 2, 2025")
    document.add_paragraph("Dear Secretary Okonjo:")
    document.add_paragraph(
        "We, the seven undersigned organizations, ask the Department to keep the river "
        "compacts in force and to consult the basin's tribes before any change is made."
    )
    document.add_paragraph("Sincerely,")
    document.add_paragraph("The 7 undersigned organizations")
    table = document.add_table(rows=0, cols=3)
    for start in range(0, len(names), 3):
        cells = table.add_row().cells
        for cell, name in zip(cells, names[start : start + 3], strict=False):
            cell.text = name
    for column in table.columns:
        for cell in column.cells:
            cell.width = docx.shared.Inches(1.6)  # narrow: most names wrap
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="letter.pdf").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == names


def test_a_line_of_prose_beside_a_signature_table_stays_one_line() -> None:
    rows = [
        _row({0: "Agradeciendo su atención,", 1: "le hacemos llegar un saludo"}, 720),
        _row({0: "Atentamente,"}, 700),
        _row({0: "Rosa Inuma", 1: "Julio Ahuanari"}, 680),
        _row({0: "Presidenta", 1: "Vicepresidente"}, 668),
        _row({0: "Elsa Tapullima", 1: "Carlos Pizango"}, 640),
        _row({0: "Presidenta", 1: "Asesor legal"}, 628),
    ]
    rebuilt = rejoin_tables(rows)
    assert rebuilt[0] is rows[0]  # not taken into the table
    # the signers under it, side by side, come back a block at a time; a title line
    # closer under a short name is no wrapped rest of it
    assert [r.text for r in rebuilt[2:]] == [
        "Rosa Inuma",
        "Presidenta",
        "Julio Ahuanari",
        "Vicepresidente",
        "Elsa Tapullima",
        "Presidenta",
        "Carlos Pizango",
        "Asesor legal",
    ]


def test_rows_whose_baselines_only_jitter_are_not_told_apart_by_their_gaps() -> None:
    from draftkit.ingest.pdf_layout import _row_gap

    assert _row_gap([11.0, 12.6, 11.1, 12.5]) == 0.0  # a point and a half of jitter: no padding
    assert 12.8 < _row_gap([12.8, 15.6, 12.8, 15.6]) < 15.6  # padding between the rows


def test_a_signature_block_cut_by_the_page_break_is_one_signer() -> None:
    """Blocks of name, title and organisation; the page ends after one block's title, so
    its organisation stands alone at the top of the next page."""
    from helpers import need

    need("soffice")
    import docx
    from docx.enum.text import WD_BREAK

    from draftkit.render.pdf import docx_to_pdf

    blocks = [
        ("Tamsin Arkwright", "Coordinator", "Fenland Wetlands Trust"),
        ("Idris Olamide", "Head of Research", "Lagoon Fisheries Collective"),
        ("Marguerite Lavoie", "Director of Policy", "Estuary Watch Québec"),
        ("Kenji Havili", "Chair", "Pacific Reef Guardians"),
    ]
    document = docx.Document()
    document.styles["Normal"].paragraph_format.space_after = 0
    document.add_paragraph("4 May 2025")
    document.add_paragraph("Dear Minister Calloway,")
    for _ in range(3):
        document.add_paragraph(
            "We write together to ask that the wetland protection order be renewed before it "
            "lapses, and that the communities who fish these waters are heard first."
        )
    document.add_paragraph("Yours sincerely,")
    for number, (name, title, body) in enumerate(blocks):
        document.add_paragraph(name)
        document.add_paragraph(title)
        if number == 1:
            document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        document.add_paragraph(body)
        document.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="letter.pdf").letter
    assert letter is not None
    assert [(s.name, s.title_lines, s.organization) for s in letter.signatories] == [
        (name, [title], body) for name, title, body in blocks
    ]


def test_a_signer_line_the_page_wrapped_before_its_last_word_is_one_signer() -> None:
    """A "Name, Title, Institution" line too long for the page leaves its last word alone
    on the next line; the reader knows the page broke it there (the word would not have
    fitted), so the word is the end of that entry, not a signer of its own."""
    from helpers import need

    need("soffice")
    import docx

    from draftkit.ingest.pdf import pdf_lines
    from draftkit.render.pdf import docx_to_pdf

    signers = [
        "Amaru Quispe Mamani, Coordinator, Red Andina de Guardianas del Agua",
        "Dr. Leonor Achterberg-Salas, Professor of Environmental Law, Universidad Austral "
        "del Pacífico Norte",
        "Bayou Water Keepers",
        "Sister Maureen Tobin, Director, Gulf Coast Justice Ministries",
    ]
    document = docx.Document()
    document.styles["Normal"].paragraph_format.space_after = 0
    document.add_paragraph("12 March 2025")
    document.add_paragraph("Dear Commissioners:")
    document.add_paragraph(
        "We ask the Commission to hold a hearing on the criminalisation of water defenders "
        "during its next period of sessions, and to invite the States concerned."
    )
    document.add_paragraph("Respectfully,")
    document.add_paragraph("")
    for signer in signers:
        document.add_paragraph(signer)
    buffer = io.BytesIO()
    document.save(buffer)
    data = docx_to_pdf(buffer.getvalue())
    lines = {line.text: line for line in pdf_lines(data)}
    assert lines["Norte"].full is False
    assert lines["Bayou Water Keepers"].full is False
    wrapped = next(line for text, line in lines.items() if text.endswith("del Pacífico"))
    assert wrapped.full  # "Norte" would not have fitted after it
    letter = ingest_bytes(data, filename="letter.pdf").letter
    assert letter is not None
    assert [s.organization or s.name for s in letter.signatories] == [
        "Red Andina de Guardianas del Agua",
        "Universidad Austral del Pacífico Norte",
        "Bayou Water Keepers",
        "Gulf Coast Justice Ministries",
    ]


def test_a_comma_separated_list_of_signers_runs_on_over_the_page_break() -> None:
    """One paragraph of "Name (Department)" entries, wrapped wherever the page chose and
    carried over to the next page: its lines ran to the right edge, so it is one list."""
    from helpers import need

    need("soffice")
    import itertools

    import docx

    from draftkit.ingest.pdf import pdf_lines
    from draftkit.render.pdf import docx_to_pdf

    first = ["Ingrid", "Tomás", "Amara", "Jun", "Lina", "Kwame", "Chiara", "Rafael"]
    last = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Castellanos"]
    departments = ["Geschichte", "Philosophie", "Rechtswissenschaft", "Physik", "Biologie"]
    people = [
        f"{given} {family} ({department})"
        for (given, family), department in zip(
            itertools.product(first, last), itertools.cycle(departments), strict=False
        )
    ][:40]
    document = docx.Document()
    document.add_paragraph("Hamburg, den 3. November 2025")
    document.add_paragraph("Sehr geehrte Mitglieder des Präsidiums,")
    for _ in range(11):
        document.add_paragraph(
            "wir bitten Sie, die Zivilklausel der Universität in ihrer jetzigen Fassung zu "
            "bewahren und jede Änderung zuerst mit den Fachschaften und dem Akademischen "
            "Senat offen zu beraten."
        )
    document.add_paragraph("Mit freundlichen Grüßen")
    document.add_paragraph("Erstunterzeichnende:")
    document.add_paragraph(", ".join(people))
    buffer = io.BytesIO()
    document.save(buffer)
    data = docx_to_pdf(buffer.getvalue())
    listed = [line for line in pdf_lines(data) if "(" in line.text]
    assert {line.page for line in listed} == {1, 2}  # the list goes over the page break
    letter = ingest_bytes(data, filename="letter.pdf").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == people


def test_words_after_a_symbol_font_bullet_start_no_column() -> None:
    """Word's bullets come out of PDFium as a private-use glyph ("\\uf0b7") set apart from
    the item's text; they mark list items, and the items' common left edge is no table
    column that would cut an address block's lines at the same place ("ANZ | Centre")."""

    def line(words: list[tuple[float, str]], bottom: float) -> Row:
        placed = tuple((x, x + CHAR * len(text), text) for x, text in words)
        text = " ".join(text for _, text in words)
        return Row(text, placed[0][0], placed[-1][1], bottom, bottom + SIZE, SIZE, placed)

    address = [
        line([(72.0, "Mr"), (87.0, "Ari"), (107.0, "Toma")], 700.0),
        line([(72.0, "ANZ"), (92.0, "Group"), (122.0, "Holdings")], 688.0),
        line([(72.0, "ANZ"), (92.0, "Centre"), (127.0, "Melbourne")], 676.0),
        line([(72.0, "833"), (92.0, "Collins"), (132.0, "Street")], 664.0),
    ]
    bullets = [
        line([(72.0, "\uf0b7"), (92.0, "publish"), (132.0, "the"), (152.0, "criteria")], 600.0),
        line([(72.0, "\uf0b7"), (92.0, "require"), (132.0, "consent"), (172.0, "first")], 588.0),
        line([(72.0, "\uf0b7"), (92.0, "establish"), (142.0, "a"), (152.0, "mechanism")], 576.0),
    ]
    rows = [*address, *bullets]
    assert [row.text for row in rejoin_tables(rows)] == [row.text for row in rows]


def test_a_table_row_whose_cell_wrapped_stays_in_its_table_paragraph() -> None:
    """Rows 16 points apart, a cell's wrapped line 14 under it (two points are padding,
    not jitter): the wrapped word joins its cell, and the two-line row is measured from
    its first line, so no paragraph break falls before or after it."""
    from draftkit.ingest.pdf import _page_lines

    rows = [
        _row({0: "Harbour Tenants Union", 1: "Quay Street Residents Group"}, 700.0),
        _row({0: "Faith Justice Network, Dublin", 1: "Riverside Food Bank"}, 684.0),
        _row({0: "Office"}, 670.0),
        _row({0: "Tidewater Legal Clinic", 1: "Westport Youth Collective"}, 654.0),
        _row({0: "Upland Farmers Cooperative", 1: "Valley Clean Air Campaign"}, 638.0),
    ]
    rebuilt = rejoin_tables(rows)
    assert [row.text for row in rebuilt] == [
        "Harbour Tenants Union\tQuay Street Residents Group",
        "Faith Justice Network, Dublin Office\tRiverside Food Bank",
        "Tidewater Legal Clinic\tWestport Youth Collective",
        "Upland Farmers Cooperative\tValley Clean Air Campaign",
    ]
    lines = _page_lines(rebuilt, 1, max(row.right for row in rows))
    assert not any(line.blank for line in lines)


def test_a_numbered_signer_whose_line_hangs_over_to_a_last_word_is_one_signer() -> None:
    """Item 11 of a numbered list of signers runs past the right edge; its last word hangs
    indented under the item's text: the rest of that entry, not a twelfth signer."""
    from helpers import need

    need("soffice")
    import docx

    from draftkit.render.pdf import docx_to_pdf

    people = ["Marisa Quintal", "Omar Haddad", "Tomás Ferreira", "Lena Okafor", "Priya Raman"]
    people += ["Jonas Weber", "Aiko Sato", "Daniel Mensah", "Sara Lind", "Paulo Reis"]
    signers = [f"{person}, Professor, Faculty of Forestry" for person in people]
    signers.append(
        "Joaquina Ramírez-Olmedo, Associate Professor, School of Population and Public "
        "Health Sciences"
    )
    signers.append("Ruth Abebe, Lecturer, Department of History")
    document = docx.Document()
    document.add_paragraph("January 20, 2026")
    document.add_paragraph("Dear President Hallworth,")
    document.add_paragraph(
        "We ask the University to complete its divestment from fossil fuel producers "
        "within two years."
    )
    document.add_paragraph("Sincerely,")
    for signer in signers:
        document.add_paragraph(signer, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(docx_to_pdf(buffer.getvalue()), filename="letter.pdf").letter
    assert letter is not None
    assert len(letter.signatories) == 12
    assert letter.signatories[10].name == "Joaquina Ramírez-Olmedo"
    assert letter.signatories[-1].name == "Ruth Abebe"


def test_a_cells_line_close_under_it_that_goes_on_from_it_joins_though_it_would_have_fitted() -> (
    None
):
    """ "Professor, University of" / "Toronto, Canada" set close under it in the
    second column (the first cell empty): the cell wrapped early, as a word processor's
    table does when its column is wider than its longest line; a new row names its signer
    in the first column."""
    rows = [
        _row({0: "Name", 1: "Position and institution"}, 700),
        _row({0: "Ana Ruiz", 1: "Professor, University of"}, 680),
        _row({1: "Toronto, Canada"}, 668),
        _row({0: "Ben Okafor", 1: "Lecturer in History, Leiden University,"}, 648),
        _row({1: "Netherlands"}, 636),
        _row({0: "Chen Wei", 1: "Research Fellow, Max Planck Institute"}, 616),
    ]
    rebuilt = rejoin_tables(rows)
    assert [r.text for r in rebuilt] == [
        "Name\tPosition and institution",
        "Ana Ruiz\tProfessor, University of Toronto, Canada",
        "Ben Okafor\tLecturer in History, Leiden University, Netherlands",
        "Chen Wei\tResearch Fellow, Max Planck Institute",
    ]


def test_a_table_rows_last_cell_carried_over_the_page_break_joins_its_row() -> None:
    """ "Adama Moreau | Professor of Law, University of Toronto," at a page's foot and
    "Canada" alone in the second column at the next page's top: one row."""
    from draftkit.ingest.pdf import _rejoin_cells
    from draftkit.ingest.text import Line

    def line(raw: str, page: int) -> Line:
        return Line(raw.strip(), raw=raw, page=page)

    lines = [
        line("Jan Koch\tProfessor of Physics, ETH Zurich, Switzerland", 2),
        line("Adama Moreau\tProfessor of Law, University of Toronto,", 2),
        Line("", raw="", page=3),
        line("                        Canada", 3),
        line("Ousmane Sow\tProfessor of Physics, ETH Zurich, Switzerland", 3),
    ]
    assert [ln.text for ln in _rejoin_cells(lines)] == [
        "Jan Koch\tProfessor of Physics, ETH Zurich, Switzerland",
        "Adama Moreau\tProfessor of Law, University of Toronto, Canada",
        "Ousmane Sow\tProfessor of Physics, ETH Zurich, Switzerland",
    ]
    prose = [line("We ask the Court to publish its rulings,", 1), line("        in full.", 1)]
    assert _rejoin_cells(prose) == prose  # no table row above: nothing to join


def test_a_first_cells_second_line_in_a_table_whose_rows_fill_every_column_joins_it() -> None:
    """ "Church of St Brendan | Ireland | 1.2" then "Investment Trust" alone in the first
    column, as far below as the next row (no padding): the cell's second line."""
    rows = [
        _row({0: "Investor", 1: "Country", 2: "AUM (EUR bn)"}, 700),
        _row({0: "Nordlys Pensjon", 1: "Norway", 2: "31.4"}, 689),
        _row({0: "Church of St Brendan", 1: "Ireland", 2: "1.2"}, 678),
        _row({0: "Investment Trust"}, 667),
        _row({0: "Vela Capital Partners", 1: "Italy", 2: "6.8"}, 656),
        _row({0: "Fundación Mediterránea de", 1: "Spain", 2: "4.4"}, 645),
        _row({0: "Inversión Responsable"}, 634),
        _row({0: "Greenfinch Funds", 1: "United Kingdom", 2: "3.3"}, 623),
        _row({0: "Baltic Stewardship", 1: "Estonia", 2: "2.0"}, 612),
        _row({0: "Tamesis Family Office", 1: "United Kingdom", 2: "0.9"}, 601),
        _row({0: "Kelvin Square", 1: "United Kingdom", 2: "5.1"}, 590),
    ]
    texts = [r.text for r in rejoin_tables(rows)]
    assert "Church of St Brendan Investment Trust\tIreland\t1.2" in texts
    assert "Fundación Mediterránea de Inversión Responsable\tSpain\t4.4" in texts
    assert len(texts) == 9


def test_a_table_set_without_padding_under_a_distant_close_keeps_each_entry() -> None:
    """Two columns of names a line each (every row 14 pt apart), under the last paragraph
    and "Sincerely," set 28 pt apart and over the page number 24 pt below: the rows' pitch
    is read inside the table, so a long name that fills its column does not take in the
    next name ("Riverside Law Libraries Assn" / "Riverside Family Voices")."""
    left = [
        "Alder Street Arts",
        "Bayview Media Justice",
        "Riverside Law Libraries Assn",
        "Riverside Family Voices",
        "Prairie Rivers Coalition",
        "Open Records Project",
    ]
    right = [
        "Coastal Tenants",
        "Democracy Forward",
        "Dance Coalition",
        "Eastside Legal Aid",
        "Free Press Fund",
        "Granite Food Bank",
    ]
    rows = [
        _row({0: "and we ask you to restore the protections."}, 789),
        _row({0: "Sincerely,"}, 760),
        *(
            _row({0: a, 1: b}, 732 - 14 * k)
            for k, (a, b) in enumerate(zip(left, right, strict=True))
        ),
        _row({0: "2"}, 638),
    ]
    rebuilt = rejoin_tables(rows)
    texts = [r.text for r in rebuilt]
    assert "Riverside Law Libraries Assn\tDance Coalition" in texts
    assert "Riverside Family Voices\tEastside Legal Aid" in texts


def test_a_bracket_left_open_or_a_short_form_in_brackets_goes_on_in_its_cell() -> None:
    assert _runs_on("Open Records Project (Open Media and", "Information Initiative)")
    assert _runs_on("Cascade Community Radio Service", "(KXRY.fm)")
    assert not _runs_on("Cascade Community Radio Service", "Center for Rural Strategies")
