"""``draftkit diff``, ``clauses diff`` and ``signatories diff`` from the command line, the
text redline, word-level pieces, and LibreOffice's own Accept All / Reject All."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.diff.words import diff_text
from tests.redline import paragraphs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _versions(folder: Path) -> tuple[Path, Path]:
    """The coalition example and an edited copy: an ask moved and reworded, a signer
    left and one joined, a paragraph reworded, the close changed."""
    (folder / "draftkit.yaml").write_text(
        f"clauses: [{(EXAMPLES / 'clauses').as_posix()}]\n", encoding="utf-8"
    )
    spec = yaml.safe_load((EXAMPLES / "coalition-president.yaml").read_text("utf-8"))
    old = folder / "v1.yaml"
    old.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    asks = spec["asks"]
    refugees = asks.pop(5)
    refugees["body"] = refugees["body"].replace("all governments", "every government")
    asks.insert(0, refugees)
    spec["signatories"] = [s for s in spec["signatories"] if s["name"] != "Defenders at Risk Fund"]
    spec["signatories"].append({"name": "Riverside Legal Clinic", "kind": "organization"})
    spec["body"][0] = spec["body"][0].replace("a central", "an urgent and central")
    spec["complimentary_close"] = "Sincerely,"
    new = folder / "v2.yaml"
    new.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return old, new


def test_diff_writes_a_docx_redline_and_says_what_changed(tmp_path: Path) -> None:
    old, new = _versions(tmp_path)
    target = tmp_path / "redline.docx"
    code, _, err = run("diff", str(old), str(new), "-o", str(target), "--author", "Legal")
    assert code == 0, err
    assert "ask: 1 moved" in err and "signatory: 1 inserted, 1 deleted" in err
    assert f"wrote {target}" in err
    data = target.read_bytes()
    assert b'w:author="Legal"' in _document(data)
    code, _, err = run("diff", str(old), str(new), "-o", str(target))
    assert code == 1 and "already exists" in err and "--force" in err
    assert target.read_bytes() == data  # nothing lost
    code, _, err = run("diff", str(old), str(new), "-o", str(target), "--force", "--date",
                       "2026-05-02T14:30")  # fmt: skip
    assert code == 0 and b'w:date="2026-05-02T14:30:00Z"' in _document(target.read_bytes())


def _document(data: bytes) -> bytes:
    from tests.redline import document_xml

    return document_xml(data)


def test_diff_prints_a_text_redline_for_email(tmp_path: Path) -> None:
    old, new = _versions(tmp_path)
    code, text, _ = run("diff", str(old), str(new))
    assert code == 0
    assert max(len(line) for line in text.splitlines()) <= 72
    out = " ".join(text.split())
    assert "[-all governments-]{+every government+}" in out
    assert "1. (moved from ask 6) Stand by refugees." in out
    assert "(ask 6 moved to 1)" in out
    assert "\n[-Defenders at Risk Fund-]\nFreedom" in text
    assert "Network\n{+Riverside Legal Clinic+}\n" in text
    assert "[-Respectfully-]{+Sincerely+}," in out
    code, md, _ = run("diff", str(old), str(new), "--format", "md")
    assert code == 0 and "1. *(moved from ask 6)* Stand by refugees." in md
    target = tmp_path / "redline.md"
    code, _, _ = run("diff", str(old), str(new), "-o", str(target))
    assert code == 0 and target.read_text("utf-8") == md


def test_a_rendered_docx_is_compared_through_its_spec_or_through_ingest(tmp_path: Path) -> None:
    old, new = _versions(tmp_path)
    rendered = tmp_path / "v2.docx"
    assert run("render", str(new), "-o", str(rendered), "-q")[0] == 0
    code, _, err = run("diff", str(old), str(rendered), "-o", str(tmp_path / "a.docx"))
    assert code == 0 and "read through its spec v2.yaml (same SHA-256)" in err
    partner = tmp_path / "elsewhere"
    partner.mkdir()
    shutil.copy(rendered, partner / "partner-edit.docx")
    target = tmp_path / "b.docx"
    code, _, err = run("diff", str(old), str(partner / "partner-edit.docx"), "-o", str(target))
    assert code == 0 and "read through ingest" in err
    assert paragraphs(target.read_bytes(), accept=True) == paragraphs(rendered.read_bytes())


def test_bad_inputs_are_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    old, new = _versions(tmp_path)
    code, _, err = run("diff", str(old), str(tmp_path / "missing.yaml"))
    assert code == 1 and "file not found" in err
    notes = tmp_path / "notes.csv"
    notes.write_text("a,b\n", encoding="utf-8")
    target = tmp_path / "r.docx"
    code, _, err = run("diff", str(old), str(notes), "-o", str(target))
    assert code == 1 and "cannot compare a '.csv' file" in err and "Traceback" not in err
    assert not target.exists()
    code, _, err = run("diff", str(old), str(new), "-o", str(tmp_path / "r.pdf"))
    assert code == 1 and "use .docx, .md or .txt" in err
    code, _, err = run("diff", str(old), str(new), "-o", str(old), "--format", "txt", "--force")
    assert code == 1 and "the old version" in err
    code, _, err = run("diff", str(old), str(new), "--date", "soon")
    assert code == 2 and "'soon' is not a date" in err


def test_words_keep_formatting_and_links_whole() -> None:
    pieces = diff_text("Please act **now** on [the report](https://example.org/r).",
                       "Please act now on [the new report](https://example.org/r).")  # fmt: skip
    ops = [(p.op, p.span.text) for p in pieces]
    assert ("equal", "now") in ops
    (now,) = [p for p in pieces if p.span.text == "now"]
    assert now.was is not None and now.was.bold and not now.span.bold
    assert ("delete", "the report") in ops and ("insert", "the new report") in ops
    new_text = "".join(p.span.text for p in pieces if p.op != "delete")
    old_text = "".join(p.span.text for p in pieces if p.op != "insert")
    assert new_text == "Please act now on the new report."
    assert old_text == "Please act now on the report."


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


def test_clauses_diff_reads_versions_from_the_history_of_the_clause_file(tmp_path: Path) -> None:
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    library = tmp_path / "clauses"
    library.mkdir()
    source = (EXAMPLES / "clauses" / "refugees.yaml").read_text("utf-8")
    clause_file = library / "refugees.yaml"
    clause_file.write_text(source, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first wording")
    clause_file.write_text(
        source.replace("face detention, torture", "face arbitrary detention, torture"),
        encoding="utf-8",
    )
    _git(tmp_path, "commit", "-qam", "legal review")
    reviewed = clause_file.read_text("utf-8")
    reviewed = reviewed.replace("binds all\n      states", "binds every\n      state")
    clause_file.write_text(reviewed, encoding="utf-8")
    args = ("clauses", "diff", "ask.non-refoulement", "--library", str(library),
            "--cache-dir", str(tmp_path / "cache"))  # fmt: skip
    code, out, err = run(*args, "--versions")
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 3 and "(working copy)" in lines[0] and "legal review" in lines[1]
    code, out, _ = run(*args)
    assert code == 0 and "which binds [-all states-]{+every state+}." in out
    first = lines[2].split()[0]
    second = lines[1].split()[0]
    code, out, _ = run(*args, "--from", first[:6], "--to", second, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["from"]["version"] == first and data["to"]["version"] == second
    assert {"op": "insert", "text": "arbitrary "} in data["fields"]["body"]
    code, _, err = run(*args, "--from", "ffffffff")
    assert code == 1 and "no version 'ffffffff'" in err


def test_clauses_diff_outside_git_says_why(tmp_path: Path) -> None:
    library = tmp_path / "clauses"
    library.mkdir()
    shutil.copy(EXAMPLES / "clauses" / "refugees.yaml", library / "refugees.yaml")
    code, _, err = run("clauses", "diff", "ask.non-refoulement", "--library", str(library),
                       "--cache-dir", str(tmp_path / "cache"))  # fmt: skip
    assert code == 1 and "not in a git repository" in err


def test_signatories_diff_says_who_joined_left_and_changed(tmp_path: Path) -> None:
    export = (EXAMPLES / "signatories.csv").read_text("utf-8").splitlines()
    edited = [line for line in export if "Families of the Detained" not in line]
    edited = [line.replace(",Director,", ",Executive Director,") for line in edited]
    edited.append("2026-09-10 12:00,Rahel Desta,Horn Legal Aid,Counsel,Individual,,,r@h.example")
    newer = tmp_path / "later.csv"
    newer.write_text("\n".join(edited) + "\n", encoding="utf-8")
    code, out, err = run("signatories", "diff", str(EXAMPLES / "signatories.csv"), str(newer))
    assert code == 0
    assert "+ Rahel Desta — Counsel, Horn Legal Aid" in out
    assert "- Families of the Detained Network (organization)" in out
    assert "~ Amara Okafor: title_lines [Director] -> [Executive Director]" in out
    assert "1 joined, 1 left, 1 changed, 7 on both lists" in err
    code, out, _ = run("signatories", "diff", str(EXAMPLES / "signatories.csv"), str(newer),
                       "--format", "json")  # fmt: skip
    data = json.loads(out)
    assert data["counts"] == {"joined": 1, "left": 1, "changed": 1, "kept": 7}


def _uno_python() -> str | None:
    python = shutil.which("python3", path="/usr/bin")
    if python is None or shutil.which("soffice") is None:
        return None
    probe = subprocess.run([python, "-c", "import uno"], capture_output=True, check=False)
    return python if probe.returncode == 0 else None


def test_libreoffice_accept_all_and_reject_all_give_the_two_versions(tmp_path: Path) -> None:
    python = _uno_python()
    if python is None:
        pytest.skip("LibreOffice with its Python bridge (python3-uno) is not installed")
    old, new = _versions(tmp_path)
    redline = tmp_path / "redline.docx"
    assert run("diff", str(old), str(new), "-o", str(redline))[0] == 0
    for spec in (old, new):
        assert run("render", str(spec), "-o", str(spec.with_suffix(".docx")), "-q")[0] == 0
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text (encoded)", "--outdir",
         str(tmp_path), str(old.with_suffix(".docx")), str(new.with_suffix(".docx"))],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    script = str(ROOT / "scripts" / "lo_track_changes.py")
    for action, expected in (("accept", new), ("reject", old)):
        result = tmp_path / f"{action}ed.txt"
        done = subprocess.run(
            [python, script, action, str(redline), str(result)],
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "none left" in done.stdout
        assert result.read_text("utf-8-sig") == (
            expected.with_suffix(".txt").read_text("utf-8-sig")
        ), action
