"""Tables in a letter's body and closing: schema, DOCX, Markdown, text, check."""

from __future__ import annotations

import io
import json
import subprocess

import docx
import pytest
from pydantic import ValidationError

from draftkit.check import check_letter
from draftkit.render import render_docx, render_markdown, render_text
from draftkit.schema import Letter, Signatory, TableEntry
from tests.helpers import W, need

TABLE = {
    "caption": "Defenders detained since March 2026",
    "header": ["Name", "Detained on", "Held at", "Days held"],
    "align": ["left", "left", "left", "right"],
    "rows": [
        ["Tomas Arvelo", "2026-03-04", "Central Remand Prison", 212],
        ["Ines Kadar", "2026-04-17", "Police Station 3, Port Amal", 168],
        ["**Unnamed** lawyer", "2026-06-01", "Unknown[^where]", 123],
    ],
}


def _letter(table: dict[str, object] | None = None, **extra: object) -> Letter:
    data: dict[str, object] = {
        "addressees": [{"name": "Elena Marsh"}],
        "salutation": "Dear Minister Marsh:",
        "body": ["We list the cases below.", {"table": table or TABLE}, "Each is unlawful."],
        "complimentary_close": "Sincerely,",
        "signatories": [Signatory(name="Ana Ruiz")],
        "footnotes": {"where": "Not confirmed by the authorities."},
    }
    data.update(extra)
    return Letter.model_validate(data)


def test_numbers_and_dates_in_cells_are_text() -> None:
    entry = _letter().body[1]
    assert isinstance(entry, TableEntry)
    assert entry.table.rows[0][3] == "212"
    assert entry.table.alignment(3) == "right" and entry.table.alignment(0) == "left"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"header": ["A", "B"], "rows": [["1"]]}, "row 1 has 1 cells, the table has 2 columns"),
        ({"rows": [["1", "2"], ["3"]]}, "row 2 has 1 cells"),
        ({"rows": []}, "at least 1 item"),
        ({"rows": [["1"]], "align": ["left", "right"]}, "align lists 2 columns"),
        ({"rows": [["1"]], "align": ["middle"]}, "'left', 'center' or 'right'"),
    ],
)
def test_a_ragged_or_odd_table_is_refused_saying_why(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        _letter(table)


def _tables(data: bytes) -> list[object]:
    document = docx.Document(io.BytesIO(data))
    return list(document.tables)


def test_docx_table_has_the_style_a_repeating_header_and_aligned_figures() -> None:
    data = render_docx(_letter())
    document = docx.Document(io.BytesIO(data))
    (table,) = document.tables
    assert table.style.name == "Letter Table"
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [
        ["Name", "Detained on", "Held at", "Days held"],
        ["Tomas Arvelo", "2026-03-04", "Central Remand Prison", "212"],
        ["Ines Kadar", "2026-04-17", "Police Station 3, Port Amal", "168"],
        ["Unnamed lawyer", "2026-06-01", "Unknown", "123"],
    ]
    header = table.rows[0]._tr
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    assert table.rows[1]._tr.find(f"{W}trPr/{W}tblHeader") is None
    assert all(r._tr.find(f"{W}trPr/{W}cantSplit") is not None for r in table.rows)
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Table Heading"
    assert table.rows[1].cells[0].paragraphs[0].style.name == "Table Text"
    assert table.rows[1].cells[3].paragraphs[0].alignment == 2  # right
    # the caption comes just before the table and keeps with it
    body = list(document.element.body.iterchildren())
    at = body.index(table._tbl)
    caption = docx.text.paragraph.Paragraph(body[at - 1], document)
    assert (caption.style.name, caption.text) == (
        "Table Caption",
        "Defenders detained since March 2026",
    )
    # the footnote in a cell is a real footnote
    assert "<w:footnoteReference" in table._tbl.xml


def test_a_table_in_a_house_style_that_lacks_the_styles_gets_them() -> None:
    from pathlib import Path

    house = Path(__file__).resolve().parents[1] / "examples" / "house-style.docx"
    data = render_docx(_letter(), reference=house)
    (table,) = _tables(data)
    assert table.style.name == "Letter Table"  # type: ignore[attr-defined]


def test_docx_with_a_table_validates() -> None:
    from tests.ooxml import assert_valid_docx, need_schemas

    need_schemas()
    assert_valid_docx(render_docx(_letter()), "letter with a table")
    no_header = {"rows": [["a", "b"], ["c", "d"]]}
    assert_valid_docx(render_docx(_letter(no_header)), "table without a header")
    last = _letter(closing=[{"table": TABLE}], complimentary_close=None, signatories=[])
    assert_valid_docx(render_docx(last), "a letter ending with a table")


def test_markdown_pipe_table_reads_as_a_table_in_pandoc() -> None:
    md = render_markdown(_letter())
    assert "| Name | Detained on | Held at | Days held |\n| :--- | :--- | :--- | ---: |" in md
    assert "| **Unnamed** lawyer | 2026-06-01 | Unknown[^1] | 123 |" in md
    pandoc = need("pandoc")
    out = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "json"],
        input=md,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    blocks = json.loads(out)["blocks"]
    tables = [b for b in blocks if b["t"] == "Table"]
    assert len(tables) == 1
    aligns = [spec[0]["t"] for spec in tables[0]["c"][2]]
    assert aligns == ["AlignLeft", "AlignLeft", "AlignLeft", "AlignRight"]


def test_markdown_escapes_a_pipe_in_a_cell() -> None:
    md = render_markdown(_letter({"header": ["A"], "rows": [["x | y"]]}))
    assert "| x \\| y |" in md


def test_text_lines_up_columns_and_right_aligns_figures() -> None:
    text = render_text(_letter())
    lines = text.splitlines()
    at = lines.index("Defenders detained since March 2026")
    assert lines[at + 1].startswith("Name ")
    assert set(lines[at + 2].replace(" ", "")) == {"-"}
    assert lines[at + 3].endswith(" 212") and lines[at + 5].endswith(" 123")
    assert lines[at + 5].startswith("Unnamed lawyer  2026-06-01   Unknown[1]")
    assert len({len(line) for line in lines[at + 1 : at + 6]}) == 1  # one width


def test_text_sets_a_wide_table_as_one_entry_per_row() -> None:
    wide = {"header": ["Case", "Summary"], "rows": [["A-1", "x " * 60]]}
    text = render_text(_letter(wide))
    assert "Case: A-1" in text and "Summary: x x" in text


def test_check_sees_footnotes_in_cells() -> None:
    report = check_letter(_letter(), disable=["vetted-language"])
    assert not [f for f in report.findings if f.rule.startswith("footnote")]
    bad = _letter(footnotes={})
    found = [(f.rule, f.where) for f in check_letter(bad).findings if f.rule.startswith("foot")]
    assert found == [("footnote-missing", "body[1].table.rows[2][2]")]


def test_docx_tables_reads_draftkits_tables_back() -> None:
    from draftkit.ingest.docx import docx_tables

    (table,) = docx_tables(render_docx(_letter()))
    entry = _letter().body[1]
    assert isinstance(entry, TableEntry)
    expected = entry.table.model_copy(
        update={
            "rows": [
                *entry.table.rows[:2],
                [
                    "**Unnamed** lawyer",
                    "2026-06-01",
                    "Unknown^[Not confirmed by the authorities.]",
                    "123",
                ],
            ]
        }
    )
    assert table == expected
    # rendered again, the same table
    again = _letter(table.model_dump())
    assert [[c.text for c in r.cells] for r in _tables(render_docx(again))[0].rows] == [  # type: ignore[attr-defined]
        [c.text for c in r.cells]
        for r in _tables(render_docx(_letter()))[0].rows  # type: ignore[attr-defined]
    ]


def test_ingest_keeps_every_row_of_a_draftkit_table() -> None:
    from draftkit.ingest import ingest_bytes

    original = _letter()
    letter = ingest_bytes(render_docx(original), filename="letter.docx").letter
    assert letter is not None
    assert letter.texts("body") == ["We list the cases below.", "Each is unlawful."]
    # the table comes back as a table, where it stood, every row and cell intact (a
    # labelled footnote in a cell comes back written in place)
    from draftkit.render.typesetting import with_notes

    tables = [p.table for p in letter.body if isinstance(p, TableEntry)]
    assert tables == [p.table for p in with_notes(original).body if isinstance(p, TableEntry)]
    assert isinstance(letter.body[1], TableEntry)
