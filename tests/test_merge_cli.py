"""``draftkit merge`` from the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from draftkit.cli.merge import merge
from tests.helpers import paragraphs


def run(command: object, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args))  # type: ignore[arg-type]
    return result.exit_code, result.stdout, result.stderr


def test_merge_a_committee_from_the_congress_data(
    tmp_path: Path, congress_dir: Path, examples_dir: Path
) -> None:
    out = tmp_path / "ssfr"
    spec = str(examples_dir / "merge-committee.yaml")
    code, _, err = run(merge, spec, "-r", str(congress_dir), "--committee", "SSFR",
                       "--where", "party=Democrat", "-o", str(out), "--combined")  # fmt: skip
    assert code == 0, err
    with (out / "manifest.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(r["status"] == "rendered" for r in rows)
    assert f"{len(rows)} rendered, 0 already there, 0 failed" in err
    assert "wrote" in err and (out / "combined.docx").is_file()
    for row in rows:
        salutations = [t for s, t in paragraphs((out / row["file"]).read_bytes())
                       if s == "Letter Salutation"]  # fmt: skip
        assert len(salutations) == 1 and salutations[0].startswith("Dear Senator ")
    code, _, err = run(merge, spec, "-r", str(congress_dir), "--committee", "SSFR",
                       "--where", "party=Democrat", "-o", str(out))  # fmt: skip
    assert code == 0 and f"0 rendered, {len(rows)} already there" in err


def test_merge_with_failed_rows_exits_1_unless_failures_are_allowed(
    tmp_path: Path, examples_dir: Path
) -> None:
    source = tmp_path / "list.csv"
    source.write_text("name,office\nAna Sousa,us-senator\nBo Reyes,no-such-office\n", "utf-8")
    spec = str(examples_dir / "merge-committee.yaml")
    code, _, err = run(merge, spec, "-r", str(source), "-o", str(tmp_path / "out"),
                       "--format", "txt")  # fmt: skip
    assert code == 1  # a partial failure
    assert "skipped #2 Bo Reyes:" in err and "no-such-office" in err
    assert "1 rendered, 0 already there, 1 failed" in err
    assert (tmp_path / "out" / "001-senator-ana-sousa.txt").is_file()  # the good row is kept
    code, _, err = run(merge, spec, "-r", str(source), "-o", str(tmp_path / "out2"),
                       "--allow-failures")  # fmt: skip
    assert code == 0 and "1 rendered, 0 already there, 1 failed" in err
    # every row failed: nothing was written, so --allow-failures does not make it a success
    only_bad = tmp_path / "bad.csv"
    only_bad.write_text("name,office\nBo Reyes,no-such-office\n", "utf-8")
    code, _, _ = run(merge, spec, "-r", str(only_bad), "-o", str(tmp_path / "out3"),
                     "--allow-failures")  # fmt: skip
    assert code == 1


def test_merge_dry_run_lists_files(tmp_path: Path, examples_dir: Path) -> None:
    code, out, err = run(merge, str(examples_dir / "merge-committee.yaml"), "-r",
                         str(examples_dir / "recipients" / "senators.csv"), "-o",
                         str(tmp_path / "none"), "--dry-run")  # fmt: skip
    assert code == 0
    assert out.splitlines()[0] == "001-senator-alma-r-whitfield.docx\tAlma R. Whitfield"
    assert "3 recipients" in err and not (tmp_path / "none").exists()


def test_merge_errors_are_one_clean_line(tmp_path: Path, examples_dir: Path) -> None:
    code, _, err = run(merge, str(examples_dir / "merge-committee.yaml"), "-r",
                       str(examples_dir / "recipients" / "senators.csv"), "-o",
                       str(tmp_path), "--committee", "SSFR")  # fmt: skip
    assert code == 1
    assert err.strip().splitlines() == [
        f"draftkit: error: {examples_dir / 'recipients' / 'senators.csv'}: --committee selects"
        " from the congress-legislators data only — for your own list, add a committee column"
        " and use --where committee=..."
    ]


def test_merge_with_signatories_from_an_export(tmp_path: Path, examples_dir: Path) -> None:
    out = tmp_path / "out"
    code, _, err = run(merge, str(examples_dir / "merge-committee.yaml"), "-r",
                       str(examples_dir / "recipients" / "senators.csv"), "-o", str(out),
                       "--format", "txt", "--signatories",
                       str(examples_dir / "signatories.csv"))  # fmt: skip
    assert code == 0, err
    assert "signatories: 8 from" in err and "3 duplicates merged" in err
    text = (out / "001-senator-alma-r-whitfield.txt").read_text("utf-8")
    assert "undersigned six organizations" in text
    assert "Rights Monitor International (RMI)" in text and "Amara Okafor" in text


def test_merge_with_no_matching_recipient_fails(tmp_path: Path, examples_dir: Path) -> None:
    spec = str(examples_dir / "merge-committee.yaml")
    senators = examples_dir / "recipients" / "senators.csv"
    code, _, err = run(merge, spec, "-r", str(senators), "-o", str(tmp_path / "out"),
                       "--where", "state=ZZ")  # fmt: skip
    assert code == 1
    assert err.strip().splitlines() == [
        f"draftkit: error: no recipient in {senators} matches --where state=ZZ; nothing was"
        " written (list the recipients with --dry-run and fewer conditions)"
    ]
    assert not (tmp_path / "out").exists()
    empty = tmp_path / "empty.csv"
    empty.write_text("name,office\n", encoding="utf-8")
    code, _, err = run(merge, spec, "-r", str(empty), "-o", str(tmp_path / "out"))
    assert code == 1 and "lists no recipients" in err


def test_rendering_a_merge_spec_points_to_merge(tmp_path: Path, examples_dir: Path) -> None:
    from draftkit.cli import main

    spec = examples_dir / "merge-committee.yaml"
    out = tmp_path / "one.docx"
    code, _, err = run(main, "render", str(spec), "-o", str(out))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert f"it is a mail-merge letter; run draftkit merge {spec} --recipients FILE" in err
    assert not out.exists()


def _bad_rows(tmp_path: Path) -> tuple[str, Path]:
    """A spec that needs an office and a column, and a list with rows that lack them."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "audience: us-congress\ndate: 2026-10-05\nsender: {organization: Harbor Lights}\n"
        "subject: River dredging\n"
        "body:\n  - 'Neighbours in {{ recipient.district_name }} wrote to us.'\n"
        "asks:\n  - lead: Hold a hearing.\ncomplimentary_close: Sincerely,\n"
        "signatories:\n  - name: Rowan Vale\n    organization: Harbor Lights\n",
        encoding="utf-8",
    )
    source = tmp_path / "list.csv"
    source.write_text(
        "name,office,state,district_name\n"
        "Ana Sousa,us-senator,Idaho,Boise\n"
        "Bo Reyes,us-senatr,Ohio,Akron\n"  # a misspelled office
        "Cy Lane,,Utah,Provo\n"  # no office, and the spec has no salutation
        "Di Park,us-senator,Maine,\n",  # the column the text needs is empty
        encoding="utf-8",
    )
    return str(spec), source


def test_dry_run_fails_the_rows_a_real_run_fails(tmp_path: Path) -> None:
    spec, source = _bad_rows(tmp_path)
    code, out, err = run(merge, spec, "-r", str(source), "-o", str(tmp_path / "dry"),
                         "--format", "txt", "--dry-run", "--output-format", "json")  # fmt: skip
    assert code == 1, err
    assert not (tmp_path / "dry").exists()  # nothing written
    dry = json.loads(out)
    assert dry["dry_run"] is True and dry["recipients"] == 4
    by_name = {row["recipient"]: row for row in dry["rows"]}
    assert by_name["Ana Sousa"]["status"] == "rendered"
    assert by_name["Ana Sousa"]["file"] == "001-senator-ana-sousa.txt"
    assert "us-senatr" in by_name["Bo Reyes"]["message"] and "did you mean" in (
        by_name["Bo Reyes"]["message"]
    )
    assert by_name["Cy Lane"]["status"] == "error" and "office" in by_name["Cy Lane"]["message"]
    assert by_name["Di Park"]["status"] == "error"
    assert dry["failed"] == sum(row["status"] == "error" for row in dry["rows"])

    # the real run fails the same rows with the same messages
    code, out, err = run(merge, spec, "-r", str(source), "-o", str(tmp_path / "real"),
                         "--format", "txt", "--output-format", "json")  # fmt: skip
    assert code == 1
    real = json.loads(out)
    assert real["dry_run"] is False
    assert [(r["status"], r["file"], r["message"]) for r in real["rows"]] == [
        (r["status"], r["file"], r["message"]) for r in dry["rows"]
    ]
    with (tmp_path / "real" / "manifest.csv").open(encoding="utf-8") as handle:
        manifest = list(csv.DictReader(handle))
    assert [m["status"] for m in manifest] == [r["status"] for r in dry["rows"]]


def test_dry_run_text_names_the_rows_that_would_fail(tmp_path: Path) -> None:
    spec, source = _bad_rows(tmp_path)
    code, out, err = run(merge, spec, "-r", str(source), "-o", str(tmp_path / "dry"),
                         "--dry-run")  # fmt: skip
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "001-senator-ana-sousa.docx\tAna Sousa"
    assert lines[1].startswith("-\tBo Reyes\twould fail: ") and "us-senatr" in lines[1]
    assert "4 recipients: 1 would be written, 0 already there, 3 would fail" in err


def test_dry_run_reports_existing_files_as_a_real_run_skips_them(
    tmp_path: Path, examples_dir: Path
) -> None:
    spec = str(examples_dir / "merge-committee.yaml")
    senators = str(examples_dir / "recipients" / "senators.csv")
    out = tmp_path / "out"
    code, _, _ = run(merge, spec, "-r", senators, "-o", str(out), "--format", "txt", "-q")
    assert code == 0
    code, stdout, _ = run(merge, spec, "-r", senators, "-o", str(out), "--format", "txt",
                          "--dry-run", "--output-format", "json")  # fmt: skip
    assert code == 0
    assert {row["status"] for row in json.loads(stdout)["rows"]} == {"skipped"}
