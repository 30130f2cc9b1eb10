"""``draftkit ingest``: specs per letter, stdout, summaries, bad files in a batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from draftkit.cli.ingest import ingest
from draftkit.files import load_letter

LETTER = """\
12 March 2025

H.E. Ms. Odile Marchetti-Kane
Minister of Foreign Affairs

Dear Minister,

We write about four detained defenders.

We urge you to:

1. Release them. They are held without charge.
2. Allow visits by their lawyers.

Thank you for your attention.

Yours faithfully,

Mirela Dobrev
Programme Director
Basin Rights Alliance
"""

RELEASE = (
    "FOR IMMEDIATE RELEASE\n\nPORT AUBREY — Nine groups said today that the four must go free.\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(ingest, list(args))
    return result.exit_code, result.stdout, result.stderr


def _files(tmp_path: Path) -> dict[str, Path]:
    paths = {
        "letter": tmp_path / "letter.txt",
        "release": tmp_path / "release.txt",
        "empty": tmp_path / "empty.txt",
        "fake": tmp_path / "fake.docx",
    }
    paths["letter"].write_text(LETTER, encoding="utf-8")
    paths["release"].write_text(RELEASE, encoding="utf-8")
    paths["empty"].write_bytes(b"")
    paths["fake"].write_text("Dear Minister,\n", encoding="utf-8")
    return paths


def test_a_batch_writes_one_spec_per_letter_and_goes_on_after_bad_files(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    out = tmp_path / "specs"
    code, stdout, stderr = run(*(str(p) for p in paths.values()), "-o", str(out))
    assert code == 1
    assert stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["letter.yaml"]
    letter = load_letter(out / "letter.yaml")
    assert letter.salutation == "Dear Minister,"
    assert [a.lead for a in letter.resolved_asks()] == [
        "Release them.",
        "Allow visits by their lawyers.",
    ]
    lines = stderr.splitlines()
    assert any("letter.txt: letter — found 1 addressee(s), 0 cc, 2 ask(s)" in ln for ln in lines)
    assert any("release.txt: not a letter" in ln and "press release" in ln for ln in lines)
    errors = [ln for ln in lines if ln.startswith("draftkit: error:")]
    assert len(errors) == 2
    assert any("empty.txt" in ln and "empty" in ln for ln in errors)
    assert any("fake.docx" in ln and "not a zip" in ln for ln in errors)


def test_existing_specs_are_kept_unless_forced(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    out = tmp_path / "specs"
    out.mkdir()
    (out / "letter.yaml").write_text("keep: me\n", encoding="utf-8")
    code, _, stderr = run(str(paths["letter"]), "-o", str(out))
    assert code == 1 and "already exists" in stderr
    assert (out / "letter.yaml").read_text(encoding="utf-8") == "keep: me\n"
    code, _, _ = run(str(paths["letter"]), "-o", str(out), "--force")
    assert code == 0
    assert "salutation" in (out / "letter.yaml").read_text(encoding="utf-8")
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_a_single_file_prints_its_letter_as_json_or_yaml(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    code, stdout, stderr = run(str(paths["letter"]), "--format", "json")
    assert code == 0, stderr
    data = json.loads(stdout)
    assert data["date"] == "2025-03-12"
    assert data["signatories"][0]["organization"] == "Basin Rights Alliance"
    code, stdout, _ = run(str(paths["letter"]), "--quiet")
    assert code == 0
    assert yaml.safe_load(stdout)["complimentary_close"] == "Yours faithfully,"


def test_quiet_prints_only_errors(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    code, _, stderr = run(str(paths["letter"]), str(paths["empty"]), "-o", str(tmp_path), "-q")
    assert code == 1
    assert stderr.strip().splitlines() == [
        f"draftkit: error: {paths['empty']}: empty file — nothing to ingest"
    ]


def test_several_files_need_an_output_folder(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    code, _, stderr = run(str(paths["letter"]), str(paths["release"]))
    assert code == 2 and "-o OUTDIR" in stderr


def test_names_that_collide_get_distinct_specs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = tmp_path / "a" / "letter.txt"
    second = tmp_path / "b" / "letter.txt"
    first.write_text(LETTER, encoding="utf-8")
    second.write_text(LETTER, encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = run(str(first), str(second), "-o", str(out))
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == ["letter-2.yaml", "letter.yaml"]


def test_output_always_says_the_kind(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    code, stdout, _ = run(str(paths["release"]), "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    assert data["kind"] == "press-release" and data["reason"].startswith("not a letter")
    code, stdout, _ = run(str(paths["letter"]), "--format", "json")
    assert json.loads(stdout)["kind"] == "letter"
    out = tmp_path / "specs"
    code, _, _ = run(str(paths["letter"]), str(paths["release"]), "-o", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["letter.yaml"]
    text = (out / "letter.yaml").read_text(encoding="utf-8")
    assert text.startswith("kind: letter\n")
    assert load_letter(out / "letter.yaml").kind == "letter"


def test_output_named_like_a_spec_is_one_spec_file(tmp_path: Path) -> None:
    paths = _files(tmp_path)
    target = tmp_path / "minister.yaml"
    code, stdout, stderr = run(str(paths["letter"]), "-o", str(target))
    assert code == 0, stderr
    assert stdout == "" and target.is_file() and f"→ {target}" in stderr
    assert load_letter(target).salutation == "Dear Minister,"
    code, _, stderr = run(str(paths["letter"]), "-o", str(target))
    assert code == 1 and "already exists" in stderr
    as_json = tmp_path / "minister.json"
    assert run(str(paths["letter"]), "-o", str(as_json))[0] == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["date"] == "2025-03-12"
    code, _, stderr = run(str(paths["letter"]), str(paths["release"]), "-o", str(target))
    assert code == 2 and "several files need a folder" in stderr
    code, _, stderr = run(str(paths["letter"]), "-o", str(as_json), "--format", "yaml")
    assert code == 2 and "does not match" in stderr
    # a document that is not a letter writes nothing
    release = tmp_path / "release.yaml"
    assert run(str(paths["release"]), "-o", str(release))[0] == 0
    assert not release.exists()


def test_dash_as_output_prints_the_spec_and_makes_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "letter.txt"
    source.write_text(LETTER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(ingest, [str(source), "-o", "-", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["salutation"] == "Dear Minister,"
    assert not (tmp_path / "-").exists()
