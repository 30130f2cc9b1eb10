"""``draftkit clauses``: every sub-command, errors as one line, and the how-to covers them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from draftkit.cli.clauses import clauses

ROOT = Path(__file__).resolve().parents[1]
STARTER = ROOT / "examples" / "clauses"


@pytest.fixture
def lib(tmp_path: Path) -> list[str]:
    folder = tmp_path / "clauses"
    shutil.copytree(STARTER, folder)
    return ["--library", str(folder), "--cache-dir", str(tmp_path / "cache")]


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(clauses, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_search_text_and_json(lib: list[str]) -> None:
    code, out, _ = run("search", "humanitarian", "access", "--limit", "2", *lib)
    assert code == 0
    assert out.splitlines()[0].startswith(" 1. ask.humanitarian-access  (ask, score")
    assert "[humanitarian] [access]" in out
    code, out, _ = run("search", "refugees", "--kind", "ask", "--format", "json", *lib)
    hits = json.loads(out)
    assert hits and all(h["kind"] == "ask" for h in hits)
    assert {"id", "score", "snippet", "version", "file", "line", "status"} <= set(hits[0])


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "OR", "'; DROP TABLE clauses; --"])
def test_search_hostile_queries(lib: list[str], query: str) -> None:
    code, _, err = run("search", query, *lib)
    assert code == 0
    assert "Traceback" not in err


def test_search_flags_drafts_and_reports_no_match(lib: list[str]) -> None:
    code, out, _ = run("search", "aid workers", "--status", "draft", *lib)
    assert code == 0 and "ask.protect-aid-workers [DRAFT]" in out
    code, out, err = run("search", "zeppelin", *lib)
    assert code == 0 and out == "" and "no clauses match" in err


def test_search_query_language(lib: list[str]) -> None:
    code, out, _ = run("search", '"humanitarian access"', "kind:ask", *lib)
    assert code == 0 and "[humanitarian access]" in out
    assert out.splitlines()[0].startswith(" 1. ask.humanitarian-access  (ask")
    code, out, _ = run("search", *lib, "--", "-sectoral", "sanct*")
    assert code == 0 and "ask.targeted-sanctions" in out and "sectoral" not in out
    code, out, _ = run("search", "kind:closing", "--limit", "50", *lib)
    ids = re.findall(r"^ *\d+\. (\S+)", out, re.M)
    assert ids and all(i.startswith("closing.") for i in ids)
    code, out, err = run("search", "sanctions", "kind:asks", *lib)
    assert code == 1 and out == ""
    assert err.strip().count("\n") == 0 and "unknown kind 'asks'" in err
    assert "Traceback" not in err


def test_show_text_yaml_json(lib: list[str]) -> None:
    code, out, _ = run("show", "ask.targeted-sanctions", "--audience", "eu", *lib)
    assert code == 0
    assert "wording: eu" in out and "EU Global Human Rights Sanctions Regime" in out
    assert "{{ country }}: The country the letter is about — e.g. Eastland" in out
    code, out, _ = run("show", "ask.targeted-sanctions", "--format", "yaml", *lib)
    assert out.startswith("# ") and "- id: ask.targeted-sanctions" in out
    code, out, _ = run("show", "ask.sectoral-sanctions", "--format", "json", *lib)
    data = json.loads(out)
    assert data["status"] == "retired" and data["retired_reason"] and data["version"]


def test_unknown_id_is_one_clean_line(lib: list[str]) -> None:
    code, out, err = run("show", "ask.targetted-sanctions", *lib)
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("draftkit: error: unknown clause id 'ask.targetted-sanctions'")
    assert "did you mean 'ask.targeted-sanctions'" in err


def test_list_with_filters_and_counts(lib: list[str]) -> None:
    code, out, err = run("list", *lib)
    assert code == 0 and len(out.splitlines()) >= 40
    assert "vetted" in err and "draft" in err and "retired" in err
    code, out, err = run("list", "--status", "draft", "--kind", "ask", *lib)
    assert all(" ask " in line and " draft " in line for line in out.splitlines())
    code, out, _ = run("list", "--tag", "refugees", "--format", "json", *lib)
    assert {c["id"] for c in json.loads(out)} >= {"ask.non-refoulement", "ask.refugee-resettlement"}


def test_add_from_stdin_and_file(lib: list[str], tmp_path: Path) -> None:
    clause = (
        "id: closing.test-added\nkind: closing\ntitle: Added\n"
        "text: A closing added from standard input.\ntopics: [closings]\n"
    )
    code, out, _ = run("add", "-", *lib, input=clause)
    assert code == 0 and out.startswith("added closing.test-added (draft) at ")
    assert "closings.yaml:" in out
    code, _, err = run("add", "-", *lib, input=clause)
    assert code == 1 and "already used" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- id: closing.bad\n  kind: closing\n  title: T\n  txt: oops\n", encoding="utf-8"
    )
    code, _, err = run("add", str(bad), *lib)
    assert code == 1 and f"{bad}:4" in err and "did you mean 'text'" in err


def test_vet_and_retire(lib: list[str]) -> None:
    code, out, _ = run(
        "vet", "ask.protect-aid-workers", "--by", "Jo Reviewer", "--on", "2026-05-01", *lib
    )
    assert code == 0 and "vetted ask.protect-aid-workers by Jo Reviewer on 2026-05-01" in out
    code, out, _ = run("show", "ask.protect-aid-workers", "--format", "json", *lib)
    assert json.loads(out)["vetted_on"] == "2026-05-01"
    code, out, _ = run("retire", "ask.cross-border-aid", "--reason", "Superseded", *lib)
    assert code == 0 and "retired ask.cross-border-aid" in out
    code, _, err = run("vet", "ask.protect-aid-workers", "--on", "2026-05-01", *lib)
    assert code == 2 and "--by" in err


def test_reindex(lib: list[str]) -> None:
    files = len(list(Path(lib[1]).glob("*.yaml")))
    code, out, _ = run("reindex", *lib)
    assert code == 0
    assert re.match(rf"indexed \d{{2}} clauses from {files} files in [\d.]+ s \(", out)


def test_harvest_specs_dry_run_and_write(lib: list[str], tmp_path: Path) -> None:
    spec = tmp_path / "old-letter.yaml"
    spec.write_text(
        "subject: An old letter\ndate: 2020-03-04\n"
        "body:\n  - An opening paragraph of an old letter, long enough to keep.\n"
        "asks:\n  - lead: Do something useful about the situation.\n"
        "    body: Because it would help a great many people.\n",
        encoding="utf-8",
    )
    code, out, err = run("harvest", str(spec), "--dry-run", *lib)
    assert code == 0 and "+ opening." in out and "+ ask." in out and "would add 2" in err
    library_dir = Path(lib[1])
    assert not (library_dir / "harvested.yaml").exists()
    code, out, err = run("harvest", str(spec), "--format", "json", *lib)
    report = json.loads(out)
    assert (
        len(report["added"]) == 2 and report["added"][0]["sources"][0]["title"] == "An old letter"
    )
    assert (library_dir / "harvested.yaml").is_file()
    code, out, err = run("harvest", str(spec), *lib)
    assert "added 0 draft clauses" in err and "already recorded" in out


def test_harvest_reports_bad_files_and_continues(lib: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    spec = tmp_path / "ok.yaml"
    spec.write_text(
        "body:\n  - A paragraph that is long enough to be harvested.\n", encoding="utf-8"
    )
    code, out, err = run("harvest", str(missing), str(spec), *lib)
    assert code == 1
    assert "missing.yaml: file not found" in err
    assert "+ opening." in out


def test_library_from_project_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(STARTER, tmp_path / "clauses")
    (tmp_path / "draftkit.yaml").write_text(
        "clauses: [clauses]\ncache_dir: .cache\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("search", "refugees", "--limit", "1")
    assert code == 0 and out.startswith(" 1. ")
    assert list((tmp_path / ".cache").glob("clauses-*.sqlite3"))


def test_every_command_is_documented() -> None:
    doc = (ROOT / "docs" / "clauses.md").read_text(encoding="utf-8")
    for name in clauses.commands:
        assert f"draftkit clauses {name}" in doc, name


def test_show_warns_about_undeclared_variables(lib: list[str]) -> None:
    folder = Path(lib[1])
    (folder / "x.yaml").write_text(
        "clauses:\n  - id: closing.x\n    kind: closing\n    title: X\n"
        "    text: Thanks from {{ organization }}.\n",
        encoding="utf-8",
    )
    code, out, _ = run("show", "closing.x", *lib)
    assert code == 0 and "warning: uses variables it does not declare: organization" in out
