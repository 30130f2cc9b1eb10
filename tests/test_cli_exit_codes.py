"""Exit codes are the same on every command: 0 done, 1 findings/failures/bad input, 2 usage."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from draftkit.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SPEC = str(EXAMPLES / "secretary-of-state.yaml")
MERGE_SPEC = str(EXAMPLES / "merge-committee.yaml")
SENATORS = str(EXAMPLES / "recipients" / "senators.csv")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stderr


# every place a command reads a file or folder named on the command line
MISSING = [
    ("render", "{m}", "-o", "{o}/letter.docx"),
    ("render", SPEC, "-o", "{o}/letter.docx", "--reference", "{m}"),
    ("render", SPEC, "-o", "{o}/letter.docx", "--templates", "{m}"),
    ("check", "{m}"),
    ("check", MERGE_SPEC, "-r", "{m}"),
    ("merge", "{m}", "-r", SENATORS, "-o", "{o}/out"),
    ("merge", MERGE_SPEC, "-r", "{m}", "-o", "{o}/out"),
    ("merge", MERGE_SPEC, "-r", SENATORS, "-o", "{o}/out", "--signatories", "{m}"),
    ("ingest", "{m}"),
    ("signatories", "summary", "{m}"),
    ("signatories", "import", "{m}"),
    ("clauses", "add", "{m}"),
    ("clauses", "harvest", "{m}", "--dry-run"),
    ("templates", "list", "--templates", "{m}"),
    ("new", "--templates", "{m}"),
    ("send", "{m}"),
]


@pytest.mark.parametrize("args", MISSING, ids=lambda a: " ".join(a[:2]))
def test_a_missing_input_is_exit_code_1_everywhere(args: tuple[str, ...], tmp_path: Path) -> None:
    missing = tmp_path / "no-such-input"
    filled = [a.format(m=missing, o=tmp_path) for a in args]
    code, err = run(*filled)
    assert code == 1, err
    assert f"{missing}: " in err and "not found" in err, err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists() and not (tmp_path / "letter.docx").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("render", SPEC, "--no-such-option"),
        ("render", SPEC),  # no -o and no --explain
        ("check",),  # no letter
        ("merge", MERGE_SPEC, "-o", "out"),  # no -r
        ("merge", MERGE_SPEC, "-r", SENATORS, "-o", "out", "--format", "rtf"),
        ("address", "--style", "baroque"),
        ("signatories", "summary"),
    ],
    ids=lambda a: " ".join(a),
)
def test_a_wrong_command_line_is_exit_code_2(args: tuple[str, ...]) -> None:
    code, err = run(*args)
    assert code == 2, err
    assert err.startswith("draftkit: error:") and "--help" in err


def test_exit_codes_are_documented() -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    section = text[text.index("## Exit codes") : text.index("## Output conventions")]
    for line in ("**0**", "**1**", "**2**", "--allow-failures", "file not found"):
        assert line in section
