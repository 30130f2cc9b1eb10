"""draftkit.tables: one reader for CSV/TSV, workbooks, YAML/JSON lists and stdin."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.errors import SpecError
from draftkit.recipients import load_recipients
from draftkit.tables import read_table

FIXTURES = Path(__file__).parent / "fixtures" / "tables"
LIMIT = 5 * 1024 * 1024


def _read(path: Path | str, **kwargs: object) -> object:
    return read_table(path, limit=LIMIT, what="list", hint="save it as UTF-8", **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- workbooks


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
def test_workbooks_saved_by_libreoffice_keep_zeros_and_accents(suffix: str) -> None:
    # recipients.csv saved by LibreOffice Calc (make.sh), every column typed as Text
    notes: list[str] = []
    people = load_recipients(
        FIXTURES / f"recipients.{suffix}", on_read=lambda t: notes.append(t.read_as())
    )
    assert notes == [f"{suffix.upper()}, sheet 'recipients'"]
    assert [p.name for p in people] == ["José Müller", "Zoë Hartwell", "Ngozi Adeyemi-Park"]
    assert [p.variables["zip"] for p in people] == ["02139", "07102", "06103"]
    assert people[0].variables["phone"] == "0617 555 0100"
    assert people[0].office == "us-representative" and people[1].gender == "female"
    assert people[1].source.endswith(f"recipients.{suffix}[recipients]:3")
    # the same rows as the CSV the workbooks were made from
    from_csv = load_recipients(FIXTURES / "recipients.csv")
    assert [p.variables for p in from_csv] == [p.variables for p in people]


def _workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "Read me"
    notes.append(["This sheet explains the list"])
    notes.sheet_state = "hidden"
    sheet = book.create_sheet("Signers")
    sheet.append([None])  # a blank first row: the header is the first row with anything
    sheet.append(["Name", "Organization", "ZIP", "Joined", "Amount", "Lead"])
    sheet.append(["Ana Lima", "Rede Norte", "02139", dt.date(2026, 3, 1), 3, True])
    sheet.append(["Bo Chen", "River Watch", 2139, dt.datetime(2026, 3, 2, 9, 30), 2.5, False])
    sheet.append([])
    other = book.create_sheet("Recipients")
    other.append(["Name", "Office"])
    other.append(["Helena Ortiz", "us-representative"])
    book.save(path)
    return path


def test_the_first_visible_sheet_or_a_named_one_every_cell_as_text(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "list.xlsx")
    table = _read(path)
    assert table.sheet == "Signers"  # the hidden "Read me" sheet is passed over
    assert table.header == ["Name", "Organization", "ZIP", "Joined", "Amount", "Lead"]
    first, second = table.rows
    assert first.cells == {
        "Name": "Ana Lima", "Organization": "Rede Norte", "ZIP": "02139",
        "Joined": "2026-03-01", "Amount": "3", "Lead": "TRUE",
    }  # fmt: skip
    assert second.cells["ZIP"] == "2139"  # typed as a number: the zero was never stored
    assert second.cells["Joined"] == "2026-03-02 09:30" and second.cells["Amount"] == "2.5"
    assert table.source(first) == f"{path}[Signers]:3"
    named = _read(path, sheet="recipients")  # case-insensitive
    assert named.sheet == "Recipients" and named.rows[0].cells["Name"] == "Helena Ortiz"
    with pytest.raises(SpecError, match=r"list\.xlsx: has no sheet 'Donors' — the sheets are"):
        _read(path, sheet="Donors")
    with pytest.raises(SpecError, match="--sheet applies to workbooks"):
        _read(FIXTURES / "recipients.csv", sheet="Signers")


def test_a_zip_bomb_named_xlsx_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "<a>" + "x" * 20_000_000 + "</a>")
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(SpecError, match=r"bomb\.xlsx: xl/worksheets/sheet1\.xml: .*zip bomb"):
        _read(path)


def test_a_text_file_named_xls_and_a_damaged_workbook_say_what_to_do(tmp_path: Path) -> None:
    web = tmp_path / "export.xls"
    web.write_text("Name\tOrganization\nAna Lima\tRede Norte\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"holds text, not a workbook .*rename it \.csv"):
        _read(web)
    assert _read(web, fmt="csv").rows[0].cells["Organization"] == "Rede Norte"
    damaged = tmp_path / "cut.xlsx"
    damaged.write_bytes((FIXTURES / "recipients.xlsx").read_bytes()[:2000])
    with pytest.raises(SpecError, match=r"cut\.xlsx: not a \.xlsx: damaged or truncated"):
        _read(damaged)


def test_rows_are_bounded(tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("name\n" + "".join(f"Person {n}\n" for n in range(6)), encoding="utf-8")
    with pytest.raises(SpecError, match="holds more than 5 rows — split the list"):
        _read(path, max_rows=5)
    book = openpyxl.Workbook()
    for n in range(7):
        book.active.append([f"Person {n}"])
    book.save(tmp_path / "many.xlsx")
    with pytest.raises(SpecError, match=r"many\.xlsx: sheet 'Sheet': holds more than 5 rows"):
        _read(tmp_path / "many.xlsx", max_rows=5)


# --------------------------------------------------------------------------- encodings


def test_a_windows_1252_csv_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("Name,City\nJosé Müller,Köln\nZoë,Besançon\n".encode("cp1252"))
    table = _read(path)
    assert [r.cells["Name"] for r in table.rows] == ["José Müller", "Zoë"]
    assert (table.encoding, table.detected) == ("Windows-1252", True)
    assert table.read_as() == "CSV, Windows-1252 (detected)"


# Short lists as Excel saves them in each locale (Windows code pages). Detection is right
# for these 13; it is known to read a two-word Czech list ("Jiří Dvořák": "Jiøí Dvoøák"
# is plausible Western text), Turkish (Windows-1254) and Lithuanian (Windows-1257) as
# Windows-1252, against 8 of 16 for a plain UTF-8 -> Windows-1252 cascade; --encoding
# covers the rest.
DETECTED = [
    ("cp1252", "Name,Office,Gender,State\nJosé Núñez,us-senator,M,Nevada\n"),
    ("cp1252", "Name\nJoão Gonçalves\nAssociação Brasileira\n"),
    ("cp1252", "Name,City\nJosé Müller,Köln\nZoë Brontë,Besançon\n"),
    ("cp1252", "Name\nJosé Müller\nZoë\n"),
    ("cp1252", "Name\nJürgen Groß\nBürgerrechte e.V.\n"),
    ("cp1252", "Name,Note\nAnn Lee,“urgent” – see ‘notes’\n"),
    ("cp1252", "Name\nSøren Ærø\nÅsa Lindström\n"),
    ("cp1250", "Name,Organization\nŁukasz Wróbel,Fundacja Praw Człowieka\n"
               "Jiří Dvořák,Česká společnost\n"),
    ("cp1250", "Name\nZofia Więckowska\nStowarzyszenie Ludzi Życzliwych\n"),
    # Hungarian without ő/ű: the same bytes in both code pages, so Windows-1252
    ("cp1252", "Name\nZsófia Kovács\nTársaság a Szabadságjogokért\n"),
    ("cp1251", "Name,Organization\nСергей Иванов,Мемориал\nАнна Петрова,Правозащитный центр\n"),
    ("cp1251", "Name\nОлег\n"),
    ("cp1253", "Name,Organization\nΓιώργος Παπαδόπουλος,Ελληνική Ένωση για τα Δικαιώματα\n"),
]  # fmt: skip


@pytest.mark.parametrize(("codec", "text"), DETECTED)
def test_the_code_page_is_detected(codec: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(codec))
    table = _read(path)
    assert table.encoding == f"Windows-{codec[2:]}" and table.detected
    assert [r.cells["Name"] for r in table.rows] == [
        line.split(",")[0] for line in text.splitlines()[1:]
    ]


@pytest.mark.parametrize(
    ("codec", "name", "text"),
    [
        ("utf-8-sig", "UTF-8 with BOM", "Name\nZoë\n"),
        ("utf-16", "UTF-16", "Name\nZoë\n"),
        ("utf-8", "UTF-8", "Name\nZoë\n"),
    ],
)  # fmt: skip
def test_other_encodings_excel_writes(codec: str, name: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(codec))
    table = _read(path)
    assert table.encoding == name
    assert [r.cells["Name"] for r in table.rows] == [
        line.split(",")[0] for line in text.splitlines()[1:]
    ]


def test_an_encoding_can_be_given_and_a_mixed_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("Name\nAyşe Yılmaz\n".encode("cp1254"))
    table = _read(path, encoding="cp1254")
    assert table.rows[0].cells["Name"] == "Ayşe Yılmaz" and not table.detected
    with pytest.raises(SpecError, match="unknown encoding 'klingon'"):
        _read(path, encoding="klingon")
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes("Name\nZoë\n".encode() + "José\n".encode("cp1252"))
    with pytest.raises(SpecError, match=r"mixed\.csv:3: mixes UTF-8 with another encoding"):
        _read(mixed)


# --------------------------------------------------------------------------- lists, stdin


def test_yaml_and_json_lists_behind_the_same_reader(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("recipients:\n  - name: Ana Lima\n    title: [Chair, Board]\n  - 3\n")
    table = _read(path, list_key="recipients")
    assert table.format == "yaml" and table.rows[0].cells["title"] == ["Chair", "Board"]
    assert table.source(table.rows[1]) == f"{path}:recipients[1]"
    people = load_recipients(path)
    assert people[1].problem == "entry is not a mapping of fields"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"name,state\nAna Lima,Oregon\n", "csv"),
        (b"name\tstate\nAna Lima\tOregon\n", "csv"),
        (b'[{"name": "Ana Lima", "state": "Oregon"}]', "json"),
        (b"- name: Ana Lima\n  state: Oregon\n", "yaml"),
        ((FIXTURES / "recipients.xlsx").read_bytes(), "xlsx"),
        ((FIXTURES / "recipients.ods").read_bytes(), "ods"),
        ((FIXTURES / "recipients.xls").read_bytes(), "xls"),
    ],
    ids=["csv", "tsv", "json", "yaml", "xlsx", "ods", "xls"],
)
def test_standard_input_format_is_sniffed(data: bytes, fmt: str) -> None:
    table = _read("-", data=data)
    assert table.format == fmt and table.name == "<stdin>"
    name = table.rows[0].cells.get("name") or table.rows[0].cells.get("Name")
    assert name in ("Ana Lima", "José Müller")


def test_merge_reads_a_workbook_from_standard_input(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "audience: us-congress\ndate: 2026-10-05\nsender: {organization: Harbor Lights}\n"
        "subject: River dredging\nbody:\n  - 'Neighbours in ZIP {{ recipient.zip }} wrote.'\n"
        "asks:\n  - lead: Hold a hearing.\ncomplimentary_close: Sincerely,\n"
        "signatories:\n  - name: Rowan Vale\n    organization: Harbor Lights\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["merge", str(spec), "-r", "-", "-o", str(out), "--format", "txt", "-q"],
        input=(FIXTURES / "recipients.xlsx").read_bytes(),
    )
    assert result.exit_code == 0, result.output
    texts = sorted(p.read_text("utf-8") for p in out.glob("*.txt"))
    assert len(texts) == 3 and any("ZIP 02139 wrote" in t for t in texts)
    cp1252 = tmp_path / "list.csv"
    cp1252.write_bytes((FIXTURES / "recipients.csv").read_text("utf-8").encode("cp1252"))
    result = CliRunner().invoke(
        main, ["merge", str(spec), "-r", str(cp1252), "-o", str(out), "--dry-run"]
    )
    assert result.exit_code == 0
    assert "read as CSV, Windows-1252 (detected)" in result.stderr
    assert "jose-muller" in result.stdout


def test_a_postal_code_column_stored_as_numbers_is_warned_about(tmp_path: Path) -> None:
    # what `soffice --convert-to xlsx list.csv` makes of a ZIP column unless the column
    # is imported as Text: 02139 is stored as the number 2139 (issue #18's acceptance run)
    path = _workbook(tmp_path / "list.xlsx")
    table = _read(path)
    assert len(table.warnings) == 1
    assert table.warnings[0].startswith(f"{path}[Signers]:4: column 'ZIP' holds codes as numbers")
    book = openpyxl.Workbook()
    book.active.append(["Name", "Office", "Zip code"])
    book.active.append(["Ana Lima", "us-senator", 2139])
    book.save(tmp_path / "senators.xlsx")
    (tmp_path / "letter.yaml").write_text(
        "date: 2026-03-01\nbody: [Hello.]\nsignatories: [{name: A. Director}]\n"
    )
    result = CliRunner().invoke(
        main,
        ["merge", str(tmp_path / "letter.yaml"), "-r", str(tmp_path / "senators.xlsx"),
         "-o", str(tmp_path / "out"), "--dry-run"],
    )  # fmt: skip
    assert "warning:" in result.output and "column 'Zip code' holds codes as numbers (2139)" in (
        result.output
    )
    # a column typed as Text, or a column that is not a postal code, is left alone
    assert _read(FIXTURES / "recipients.xlsx").warnings == []


def test_names_garbled_by_a_wrong_encoding_before_saving_are_warned_about(
    tmp_path: Path,
) -> None:
    # `soffice --convert-to xlsx list.csv` reads a UTF-8 CSV as Latin-1 unless told
    # (issue #18's acceptance run): "Luís Ferreira Brandão" is saved as "LuÃ­s ..."
    garbled = "Luís Ferreira Brandão".encode().decode("latin-1")
    book = openpyxl.Workbook()
    book.active.title = "recipients"
    book.active.append(["Name", "Office"])
    book.active.append(["Ana Lima", "us-senator"])
    book.active.append([garbled, "us-senator"])
    book.active.append(["Zoë Hartwell", "us-senator"])  # ordinary accents: no warning
    book.save(tmp_path / "list.xlsx")
    table = _read(tmp_path / "list.xlsx")
    assert table.warnings == [
        f"{tmp_path / 'list.xlsx'}[recipients]:3: '{garbled}' looks like UTF-8 text read as"
        " Windows-1252 ('Luís Ferreira Brandão') — the list was opened in the wrong encoding"
        " before it was saved; open the original again as UTF-8 (Unicode) and save it"
    ]
    # a UTF-8 CSV saved after the same mistake (Windows-1252 this time); signatories too
    csv_path = tmp_path / "signers.csv"
    twice = "Name,Organization\nJoão Silva,Rede Norte\nZoë Hartwell,Ação Coletiva\n"
    csv_path.write_text(twice.encode().decode("cp1252"), encoding="utf-8")
    assert "(3 cells like this)" in _read(csv_path).warnings[0]
    result = CliRunner().invoke(main, ["signatories", "summary", str(csv_path)])
    assert "warning:" in result.output and "'João Silva'" in result.output
    # the LibreOffice fixtures, typed right, and a Windows-1252 CSV read right: nothing
    assert _read(FIXTURES / "recipients.ods").warnings == []
    cp1252 = tmp_path / "cp1252.csv"
    cp1252.write_bytes("Name\nJosé Müller\nFrançois Hébert-Nuñez\n".encode("cp1252"))
    assert _read(cp1252).warnings == []
