"""``draftkit check`` on the command line: output, exit codes, switches, --annotate."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner, Result

from draftkit.cli.check import check
from draftkit.provenance import provenance_properties
from draftkit.render import render_docx
from draftkit.schema import Letter
from tests.conftest import EXAMPLES
from tests.helpers import need

SPEC = """\
audience: us-congress
date: 2026-03-02
addressees:
  - name: Maria Jones
    office: us-senator
salutation: "Dear Senator Smith:"
body:
  - On behalf of 11 organizations, we write about the detention of TK journalists.
  - We thank you for your attention.
signatories:
  - {name: Alliance for Civilian Protection, kind: organization}
  - {name: Borderlands Refugee Council, kind: organization}
  - {name: Women Peacebuilders Network, kind: organization}
"""


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(check, [str(a) for a in args], catch_exceptions=False)


def bad_letter() -> Letter:
    data: dict[str, Any] = {
        "audience": "us-congress",
        "date": "2026-03-02",
        "addressees": [
            {"honorific": "The Honorable", "name": "Maria Jones", "office": "us-senator",
             "title_lines": ["United States Senator"]}
        ],
        "salutation": "Dear Senator Smith:",
        "body": [
            "On behalf of 11 organizations, we write about the detention of TK journalists.",
            "We thank you for your attention.",
        ],
        "signatories": [
            {"name": "Alliance for Civilian Protection", "kind": "organization"},
            {"name": "Borderlands Refugee Council", "kind": "organization"},
        ],
    }
    return Letter.model_validate(data)


@pytest.fixture()
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "letter.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


@pytest.fixture()
def bad_docx(tmp_path: Path) -> Path:
    letter = bad_letter()
    path = tmp_path / "letter.docx"
    path.write_bytes(render_docx(letter, properties=provenance_properties(letter)))
    return path


def test_spec_with_errors_exits_1_and_says_where(spec: Path) -> None:
    result = invoke(spec)
    assert result.exit_code == 1
    out = result.output
    assert "3 findings (3 errors)" in out
    assert "error   [salutation-name] salutation (line 6)" in out
    assert "error   [count-mismatch] body[0] (line 8)" in out
    assert "error   [placeholder] body[0] (line 8)" in out
    assert "fix: " in out
    assert "> On behalf of 11 organizations" in out


def test_example_exits_0() -> None:
    result = invoke(EXAMPLES / "secretary-of-state.yaml")
    assert result.exit_code == 0, result.output
    assert "error" not in result.output.split("\n", 1)[0]


def test_json_output(spec: Path) -> None:
    result = invoke(spec, "--format", "json")
    data = json.loads(result.output)
    assert data["summary"]["error"] == 3
    assert data["kind"] == "spec"
    rules = {f["rule"]: f for f in data["findings"]}
    assert rules["count-mismatch"]["details"] == {"claimed": 11, "listed": 3, "list": "signatories"}
    assert rules["salutation-name"]["where"] == "salutation"
    assert rules["salutation-name"]["line"] == 6
    assert all(f["hint"] for f in data["findings"])


def test_disable_on_the_command_line(spec: Path) -> None:
    result = invoke(spec, "--disable", "salutation", "--disable", "count-mismatch",
                    "--disable", "placeholder")
    assert result.exit_code == 0, result.output
    assert "[length]" not in result.output


def test_unknown_rule_is_an_error(spec: Path) -> None:
    result = invoke(spec, "--disable", "placeholders")
    assert result.exit_code == 1
    assert "no such rule" in result.output and "placeholder" in result.output


def test_disable_by_comment_line_in_the_spec(spec: Path) -> None:
    spec.write_text("# draftkit: disable=placeholder, salutation-name\n" + SPEC, encoding="utf-8")
    out = invoke(spec).output
    assert "[placeholder]" not in out and "[salutation-name]" not in out
    assert "[count-mismatch]" in out


def test_disable_by_project_config(spec: Path) -> None:
    (spec.parent / "draftkit.yaml").write_text(
        "check:\n  disable: [count-mismatch]\n", encoding="utf-8"
    )
    out = invoke(spec).output
    assert "[count-mismatch]" not in out and "[placeholder]" in out


def test_strict_fails_on_warnings(spec: Path) -> None:
    spec.write_text(SPEC.replace("date: 2026-03-02\n", ""), encoding="utf-8")
    args = ["--disable", "salutation-name", "--disable", "count-mismatch",
            "--disable", "placeholder"]
    assert invoke(spec, *args).exit_code == 0
    assert invoke(spec, *args, "--strict").exit_code == 1


def test_rules_lists_every_rule() -> None:
    from draftkit.check import all_rules

    result = invoke("--rules")
    assert result.exit_code == 0
    for item in all_rules():
        assert item.id in result.output


def test_path_is_required_without_rules() -> None:
    result = CliRunner().invoke(check, [])
    assert result.exit_code == 2 and "give a letter" in result.output


def test_compose_failure_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "letter.yaml"
    path.write_text("body: [Hello TK.]\nsignatories: [{name: A B}]\n", encoding="utf-8")
    result = invoke(path)
    assert result.exit_code == 1
    assert "[compose]" in result.output and "[placeholder]" in result.output


# --------------------------------------------------------------------------- docx


def test_docx_findings_and_provenance(bad_docx: Path) -> None:
    result = invoke(bad_docx)
    assert result.exit_code == 1
    assert "[count-mismatch]" in result.output and "[provenance]" in result.output


def test_double_spaces_in_a_docx_are_seen(tmp_path: Path) -> None:
    letter = Letter.model_validate(
        {"date": "2026-01-05", "salutation": "Dear Minister,",
         "body": ["We write.  We ask you to act."], "signatories": [{"name": "Ana Ruiz"}]}
    )
    path = tmp_path / "spaced.docx"
    path.write_bytes(render_docx(letter))
    result = invoke(path, "--format", "json")
    (found,) = [f for f in json.loads(result.output)["findings"] if f["rule"] == "double-space"]
    assert found["where"] == "body[0]" and "␣␣" in found["excerpt"]


def test_spec_hash_comparison(tmp_path: Path) -> None:
    from draftkit.build import render_spec

    spec = EXAMPLES / "experts-re-line.yaml"
    out = render_spec(spec, tmp_path / "x.docx").path
    assert "is the spec this document was rendered from" in invoke(out, "--spec", spec).output
    other = tmp_path / "other.yaml"
    other.write_bytes(spec.read_bytes() + b"\n# edited\n")
    result = invoke(out, "--spec", other)
    assert "[provenance-spec]" in result.output and "has changed" in result.output


def _comments(path: Path) -> list[str]:
    return [c.text for c in docx.Document(str(path)).comments]


def test_annotate_writes_comments_on_the_paragraphs(bad_docx: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviewed.docx"
    before = bad_docx.read_bytes()
    result = invoke(bad_docx, "--annotate", out)
    assert result.exit_code == 1  # the findings still count
    assert f"wrote {out}" in result.output
    assert bad_docx.read_bytes() == before
    comments = _comments(out)
    assert any(c.startswith("ERROR [count-mismatch] body[0]") for c in comments)
    assert any(c.startswith("ERROR [salutation-name]") for c in comments)
    document = docx.Document(str(out))
    anchored = {
        p.text for p in document.paragraphs
        if p._p.xpath("./w:commentRangeStart")
    }
    assert "Dear Senator Smith:" in anchored
    assert any(t.startswith("On behalf of 11 organizations") for t in anchored)


def test_annotate_refuses_to_overwrite(bad_docx: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviewed.docx"
    out.write_bytes(b"keep me")
    result = invoke(bad_docx, "--annotate", out)
    assert result.exit_code == 1 and "already exists" in result.output
    assert out.read_bytes() == b"keep me"
    assert invoke(bad_docx, "--annotate", out, "--force").exit_code == 1
    assert _comments(out)


def test_annotate_a_spec_renders_it_first(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "reviewed.docx"
    invoke(spec, "--annotate", out)
    assert len(_comments(out)) == 3


def test_annotate_needs_docx_or_spec(corpus_dir: Path, tmp_path: Path) -> None:
    letter = next(corpus_dir.glob("004_*.txt"))
    result = invoke(letter, "--annotate", tmp_path / "x.docx")
    assert "--annotate needs a .docx or a letter spec" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_annotated_copy_opens_in_libreoffice(bad_docx: Path, tmp_path: Path) -> None:
    soffice = need("soffice")
    out = tmp_path / "reviewed.docx"
    invoke(bad_docx, "--annotate", out)
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), str(out)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = tmp_path / "pdf" / "reviewed.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_comments_are_visible_to_pandoc(bad_docx: Path, tmp_path: Path) -> None:
    pandoc = need("pandoc")
    out = tmp_path / "reviewed.docx"
    invoke(bad_docx, "--annotate", out)
    expected = len(_comments(out))
    result = subprocess.run(
        [pandoc, "-f", "docx", "-t", "json", "--track-changes=all", str(out)],
        check=True, capture_output=True, text=True, timeout=120,
    )
    spans: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("t") == "Span" and "comment-start" in node["c"][0][1]:
                spans.append(json.dumps(node["c"][1]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(result.stdout))
    assert len(spans) == expected
    assert any("count-mismatch" in s for s in spans)


def test_every_rule_is_documented() -> None:
    from draftkit.check import all_rules

    page = (EXAMPLES.parent / "docs" / "check.md").read_text(encoding="utf-8")
    for item in all_rules():
        assert f"#### `{item.id}` ({item.severity})" in page, item.id
