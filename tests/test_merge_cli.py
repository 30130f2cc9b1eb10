"""``draftkit merge`` from the command line."""

from __future__ import annotations

import csv
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
