"""The CLI: render, schema, version, and clean one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from draftkit.cli import COMMANDS, main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "secretary-of-state.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_render_each_format_and_refuse_overwrite(tmp_path: Path) -> None:
    for suffix in ("docx", "md", "txt"):
        out = tmp_path / f"letter.{suffix}"
        code, _, err = run("render", str(EXAMPLE), "-o", str(out))
        assert code == 0, err
        assert out.stat().st_size > 0 and f"wrote {out}" in err
    before = (tmp_path / "letter.txt").read_bytes()
    code, _, err = run("render", str(EXAMPLE), "-o", str(tmp_path / "letter.txt"))
    assert code == 1
    assert err.strip().splitlines() == [
        f"draftkit: error: {tmp_path / 'letter.txt'}: output file already exists — "
        "pass --force to replace it"
    ]
    assert (tmp_path / "letter.txt").read_bytes() == before
    code, _, _ = run("render", str(EXAMPLE), "-o", str(tmp_path / "letter.txt"), "--force")
    assert code == 0


def test_format_option_overrides_extension(tmp_path: Path) -> None:
    out = tmp_path / "letter.out"
    code, _, err = run("render", str(EXAMPLE), "-o", str(out), "--format", "md")
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("March 16, 2026")


def test_render_warns_what_check_would_stop(tmp_path: Path) -> None:
    spec = tmp_path / "draft.yaml"
    spec.write_text(
        "date: 2026-03-02\n"
        "addressees:\n  - name: Marisol T. Vance\n    office: us-secretary-of-state\n"
        "body:\n  - We write about the case of [NAME].\n"
        "signatories:\n  - {name: Rights Now, kind: organization}\n"
        "  - {name: Rights Now, kind: organization}\n",
        encoding="utf-8",
    )
    out = tmp_path / "draft.docx"
    code, _, err = run("render", str(spec), "-o", str(out))
    assert code == 0 and out.is_file(), err
    assert "draftkit: warning: [placeholder] body[0]: unresolved bracketed placeholder" in err
    assert "draftkit: warning: [duplicate-signatory] signatories[1]:" in err
    assert "signatories-missing" not in err
    (tmp_path / "draftkit.yaml").write_text("check:\n  disable: [placeholder]\n")
    code, _, err = run("render", str(spec), "-o", str(out), "--force")
    assert code == 0 and "[placeholder]" not in err and "[duplicate-signatory]" in err


def test_project_settings_file_is_not_a_spec() -> None:
    code, _, err = run("render", str(EXAMPLE.parent / "draftkit.yaml"), "-o", "-")
    assert code == 1 and "is the project's settings file, not a letter spec" in err


def test_render_warns_about_an_unsigned_letter(tmp_path: Path) -> None:
    spec = tmp_path / "unsigned.yaml"
    spec.write_text(
        "date: 2026-03-02\naddressees:\n  - name: Marisol T. Vance\n"
        "    office: us-secretary-of-state\nbody:\n  - We write to you.\n",
        encoding="utf-8",
    )
    code, out, err = run("render", str(spec), "-o", "-", "--format", "txt")
    assert code == 0 and "We write to you." in out
    assert "draftkit: warning: [signatories-missing] signatories:" in err


def test_examples_render_without_warnings(tmp_path: Path) -> None:
    for spec in sorted(EXAMPLE.parent.glob("*.yaml")):
        if spec.name.startswith("merge") or spec.name == "draftkit.yaml":
            continue
        code, _, err = run("render", str(spec), "-o", str(tmp_path / f"{spec.stem}.md"))
        assert code == 0 and "warning" not in err, (spec.name, err)


def test_bad_spec_is_one_line_without_traceback(tmp_path: Path) -> None:
    spec = tmp_path / "bad.yaml"
    spec.write_text("salutation: Dear A,\nsignatores: []\n", encoding="utf-8")
    out = tmp_path / "x.docx"
    code, _, err = run("render", str(spec), "-o", str(out))
    assert code == 1
    assert err == (
        f"draftkit: error: {spec}:2: signatores: unknown field 'signatores' — "
        "did you mean 'signatories'?\n"
    )
    assert not out.exists() and list(tmp_path.iterdir()) == [spec]


def test_unknown_extension_and_missing_output_folder(tmp_path: Path) -> None:
    code, _, err = run("render", str(EXAMPLE), "-o", str(tmp_path / "letter.odt"))
    assert code == 1 and "cannot tell the output format from '.odt'" in err
    code, _, err = run("render", str(EXAMPLE), "-o", str(tmp_path / "no" / "letter.docx"))
    assert code == 1 and "the output folder does not exist" in err


def test_pdf_without_libreoffice_names_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("draftkit.render.pdf.find_soffice", lambda: None)
    out = tmp_path / "letter.pdf"
    code, _, err = run("render", str(EXAMPLE), "-o", str(out))
    assert code == 1
    assert "PDF output needs LibreOffice" in err and "libreoffice-writer" in err
    assert not out.exists()


def test_schema_prints_json_schema() -> None:
    code, out, _ = run("schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "Letter"
    assert {"addressees", "asks", "signatories", "complimentary_close"} <= set(schema["properties"])


def test_version_and_module_entry_point() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("draftkit, version ")
    result = subprocess.run(
        [sys.executable, "-m", "draftkit", "--help"], capture_output=True, text=True, check=True
    )
    assert "render" in result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    code, out, _ = run(name, "--help")
    assert code == 0
    assert "Usage:" in out and len(out.splitlines()) > 3


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from draftkit.cli import main;"
        "CliRunner().invoke(main, ['--help']);"
        "heavy = [m for m in ('docx', 'jinja2', 'sqlite3', 'pydantic', 'lxml')"
        " if m in sys.modules];"
        "print(','.join(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_explain_lists_what_the_variant_adds_and_renders_nothing_without_output(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "letter.yaml"
    spec.write_text(
        "audience: us-executive\n"
        "addressees:\n  - {name: Marisol T. Vance, office: us-secretary-of-state}\n"
        "body: [We write about the detained defenders.]\n"
        "asks: [{lead: Raise their cases.}]\n"
        "signatories: [{name: Rights Now, kind: organization}]\n",
        encoding="utf-8",
    )
    code, _, err = run("render", str(spec), "--explain")
    assert code == 0, err
    lines = err.splitlines()
    assert "fills them in" in lines[0]
    assert any(line.startswith("  closing[0] (template variant us-executive): ") for line in lines)
    assert any(line.startswith("  complimentary_close (") for line in lines)
    assert any(line.startswith('  salutation (forms of address for us-secretary-of-state): "Dear')
               for line in lines)  # fmt: skip
    assert list(tmp_path.iterdir()) == [spec]
    # written empty, the closing stays out, and --explain says nothing about it
    spec.write_text(spec.read_text("utf-8") + "closing: []\ncomplimentary_close: null\n", "utf-8")
    code, _, err = run("render", str(spec), "--explain", "-o", str(tmp_path / "l.txt"))
    assert code == 0, err
    assert "closing[0]" not in err and "complimentary_close" not in err
    text = (tmp_path / "l.txt").read_text("utf-8")
    assert text.rstrip().endswith("Rights Now") and "Sincerely" not in text
    code, _, err = run("render", str(spec))
    assert code == 2 and "--explain" in err


def test_a_letter_read_back_by_ingest_renders_exactly_what_it_holds(tmp_path: Path) -> None:
    """Render (the variant adds a closing), ingest, render again: one thank-you, not two."""
    spec = tmp_path / "letter.yaml"
    spec.write_text(
        "audience: us-executive\ndate: 2026-03-16\n"
        "addressees:\n  - {name: Marisol T. Vance, office: us-secretary-of-state}\n"
        "body: [We write about the detained defenders and their families.]\n"
        "asks: [{lead: Raise their cases by name.}, {lead: Ask for access to them.}]\n"
        "signatories: [{name: Rights Now, kind: organization}]\n",
        encoding="utf-8",
    )
    first = tmp_path / "first.txt"
    assert run("render", str(spec), "-o", str(first))[0] == 0
    thanks = "We appreciate your attention to these recommendations"
    assert first.read_text("utf-8").count(thanks) == 1
    again = tmp_path / "again.yaml"
    code, _, err = run("ingest", str(first), "-o", str(again))
    assert code == 0, err
    ingested = again.read_text("utf-8")
    second = tmp_path / "second.txt"
    code, _, err = run("render", str(again), "-o", str(second))
    assert code == 0, err
    assert second.read_text("utf-8").count(thanks) == 1, ingested
    code, _, err = run("render", str(again), "--explain")
    assert "closing[0]" not in err and "body[0]" not in err


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_a_letter_on_stdout_is_the_letter_in_a_file(tmp_path: Path, fmt: str) -> None:
    """``render -o -`` is not a second pipeline: the same bytes, provenance properties
    (spec digest, variant, clauses) included."""
    spec = EXAMPLE.parent / "coalition-president.yaml"
    target = tmp_path / f"letter.{fmt}"
    code, _, err = run("render", str(spec), "-o", str(target))
    assert code == 0, err
    piped = subprocess.run(
        [sys.executable, "-m", "draftkit", "render", str(spec), "-o", "-", "--format", fmt],
        capture_output=True,
        check=True,
    )
    assert piped.stdout == target.read_bytes()
    if fmt == "docx":
        from draftkit.provenance import read_provenance

        assert read_provenance(target).spec_sha256 is not None


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_command_list_shows_each_commands_own_summary(name: str) -> None:
    """``draftkit --help`` lists commands from a table (so as not to import them): the
    table says what each command's own help says."""
    import importlib

    from draftkit.cli import SUMMARIES

    module, attribute = COMMANDS[name].split(":")
    command = getattr(importlib.import_module(module), attribute)
    assert SUMMARIES[name] == command.get_short_help_str(limit=1000)
