"""``draftkit signatories`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from draftkit.cli.signatories import signatories


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(signatories, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_signatories_summary_and_import(tmp_path: Path, examples_dir: Path) -> None:
    export = str(examples_dir / "signatories.csv")
    code, out, _ = run("summary", export)
    assert code == 0
    assert "signatories:   8" in out and "organizations: 6" in out and "individuals:   2" in out
    assert 'count text:    "the undersigned 6 organizations and 2 individuals"' in out
    assert "duplicates merged: 3" in out and "rows skipped: 1" in out
    target = tmp_path / "signatories.yaml"
    code, _, err = run("import", export, "-o", str(target), "--order",
                       "lead-then-alphabetical")  # fmt: skip
    assert code == 0 and "wrote" in err and "merged" in err
    data = yaml.safe_load(target.read_text("utf-8"))
    names = [s["name"] for s in data["signatories"]]
    assert names[0] == "Lake Region Rights Coalition" and len(names) == 8
    code, _, err = run("import", export, "-o", str(target))
    assert code == 1 and "already exists" in err


def test_unused_columns_are_named(tmp_path: Path) -> None:
    export = tmp_path / "form.csv"
    export.write_text("Timestamp,Who,Organization\n1,Jane Roe,Rights Now\n", encoding="utf-8")
    code, out, err = run("import", str(export))
    assert code == 0 and "name: Rights Now" in out
    assert "note: column 'Who' is not used; if it holds signatory data, rename it" in err
    assert "Timestamp" not in err
    code, out, _ = run("summary", str(export))
    assert code == 0 and "columns not used: Who" in out


def test_signatories_summary_of_a_spec_flags_wrong_counts(
    tmp_path: Path, examples_dir: Path
) -> None:
    code, out, err = run("summary", str(examples_dir / "coalition-president.yaml"))
    assert code == 0 and "organizations: 12" in out and not err
    data = yaml.safe_load((examples_dir / "coalition-president.yaml").read_text("utf-8"))
    data["signatories"] = data["signatories"][:11]
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, err = run("summary", str(spec))
    assert code == 1 and "body[0]: the text says" in err and "but 11 organizations sign" in err


def test_summary_as_json(tmp_path: Path, examples_dir: Path) -> None:
    code, out, _ = run("summary", str(examples_dir / "signatories.csv"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["kind"] == "export" and data["read_as"] == "CSV, UTF-8"
    assert data["counts"] == {
        "signatories": 8, "organizations": 6, "individuals": 2, "leads": 1, "former": 0,
        "identification_only": 2,
    }  # fmt: skip
    assert data["count_text"] == "the undersigned 6 organizations and 2 individuals"
    assert len(data["duplicates_merged"]) == 3 and len(data["skipped"]) == 1
    assert data["duplicates_merged"][0]["reason"] == "same organization"
    # typing slips: listed, not merged; merged with --merge-duplicates
    export = tmp_path / "signers.csv"
    export.write_text(
        "organization\nHuman Rights Watch\nHuman Rights Wacth\nAmnesty International USA\n"
        "Amnesty Internatonal USA\nAmnesty International USA\n",
        encoding="utf-8",
    )
    data = json.loads(run("summary", str(export), "--format", "json")[1])
    assert data["counts"]["organizations"] == 4
    assert {(p["kept"], p["other"]) for p in data["likely_same"]} == {
        ("Human Rights Watch", "Human Rights Wacth"),
        ("Amnesty International USA", "Amnesty Internatonal USA"),
    }
    assert not any(p["merged"] for p in data["likely_same"])
    merged = json.loads(run("summary", str(export), "--format", "json", "--merge-duplicates")[1])
    assert merged["counts"]["organizations"] == 2 and all(
        p["merged"] for p in merged["likely_same"]
    )


def test_summary_of_a_spec_as_json_keeps_exit_code_1_on_a_mismatch(
    tmp_path: Path, examples_dir: Path
) -> None:
    data = yaml.safe_load((examples_dir / "coalition-president.yaml").read_text("utf-8"))
    data["signatories"] = data["signatories"][:11]
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, out, _ = run("summary", str(spec), "--format", "json")
    report = json.loads(out)
    assert code == 1 and report["kind"] == "spec" and report["counts"]["organizations"] == 11
    assert any("but 11 organizations sign" in line for line in report["count_mismatches"])
