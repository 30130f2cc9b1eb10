"""-q/--quiet and -v/--verbose: on every command, one implementation (cli/_common.py)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from draftkit.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SPEC = str(EXAMPLES / "secretary-of-state.yaml")
MERGE_SPEC = str(EXAMPLES / "merge-committee.yaml")
SENATORS = str(EXAMPLES / "recipients" / "senators.csv")


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def _every_command() -> list[tuple[str, click.Command]]:
    ctx = click.Context(main, info_name="draftkit")
    found: list[tuple[str, click.Command]] = []
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        assert command is not None
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                child = command.get_command(ctx, sub)
                assert child is not None
                found.append((f"{name} {sub}", child))
        else:
            found.append((name, command))
    return found


@pytest.mark.parametrize(
    ("path", "command"), _every_command(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_command_takes_quiet_and_verbose(path: str, command: click.Command) -> None:
    flags = {opt for param in command.params for opt in getattr(param, "opts", [])}
    assert {"-q", "--quiet", "-v", "--verbose"} <= flags, path


def test_quiet_and_verbose_together_is_a_usage_error() -> None:
    code, _, err = run("render", SPEC, "-o", "-", "-q", "-v")
    assert code == 2 and "do not go together" in err


def test_quiet_render_prints_nothing_but_writes(tmp_path: Path) -> None:
    out = tmp_path / "letter.txt"
    code, stdout, err = run("render", SPEC, "-o", str(out), "-q")
    assert code == 0 and stdout == "" and err == ""
    assert out.read_text(encoding="utf-8").strip()


def test_quiet_keeps_the_data_asked_for_and_the_errors(tmp_path: Path) -> None:
    code, stdout, err = run("render", SPEC, "-o", "-", "-q")
    assert code == 0 and "Secretary" in stdout and err == ""
    code, _, err = run("render", str(tmp_path / "missing.yaml"), "-o", "x.txt", "-q")
    assert code == 1 and err.startswith("draftkit: error:")


def test_verbose_render_lists_what_the_template_adds(tmp_path: Path) -> None:
    code, _, err = run("render", SPEC, "-o", str(tmp_path / "letter.txt"), "-v")
    assert code == 0
    assert "rendering fills them in" in err and "salutation (forms of address" in err
    code, _, err = run("render", SPEC, "-o", str(tmp_path / "other.txt"))
    assert "rendering fills them in" not in err  # hidden without -v


def test_merge_quiet_and_verbose(tmp_path: Path) -> None:
    code, _, err = run("merge", MERGE_SPEC, "-r", SENATORS, "-o", str(tmp_path / "q"),
                       "--format", "txt", "-q")  # fmt: skip
    assert code == 0 and err == "" and len(list((tmp_path / "q").glob("*.txt"))) == 3
    code, _, err = run("merge", MERGE_SPEC, "-r", SENATORS, "-o", str(tmp_path / "v"),
                       "--format", "txt", "-v")  # fmt: skip
    assert code == 0
    assert "senators.csv read as CSV, UTF-8" in err  # the encoding read: hidden without -v
    assert "draftkit: rendered #1 Alma R. Whitfield: 001-senator-alma-r-whitfield.txt" in err
    code, _, err = run("merge", MERGE_SPEC, "-r", SENATORS, "-o", str(tmp_path / "n"),
                       "--format", "txt")  # fmt: skip
    assert "read as" not in err and "rendered #1" not in err


def test_signatories_verbose_says_how_the_file_was_read(tmp_path: Path) -> None:
    export = tmp_path / "signers.csv"
    export.write_text("name,organization\nAna Ruiz,Harbor Lights\n", encoding="utf-8")
    code, _, err = run("signatories", "summary", str(export), "-v")
    assert code == 0 and "signers.csv read as CSV, UTF-8" in err
    code, stdout, err = run("signatories", "summary", str(export), "-q")
    assert code == 0 and "signatories:   1" in stdout and err == ""


def test_ingest_verbose_shows_the_readings_weighed(tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text(
        "March 3, 2025\n\nDear Senator Vale:\n\nWe write about the river.\n\n"
        "We ask that you hold a hearing.\n\nSincerely,\n\nRowan Vale\nHarbor Lights\n",
        encoding="utf-8",
    )
    code, _, err = run("ingest", str(letter), "-o", str(tmp_path / "specs"), "-v")
    assert code == 0 and "  reading: " in err
    code, _, err = run("ingest", str(letter), "-o", str(tmp_path / "specs2"))
    assert "  reading: " not in err


def test_address_verbose_prints_the_sources() -> None:
    code, stdout, _ = run("address", "--office", "us-senator", "--name", "Ana Ruiz", "-v")
    assert code == 0 and "sources by field:" in stdout
    code, stdout, _ = run("address", "--office", "us-senator", "--name", "Ana Ruiz")
    assert "sources by field:" not in stdout


def test_status_lines_on_stdout_are_quiet_too(tmp_path: Path) -> None:
    code, stdout, err = run("new", "-o", str(tmp_path / "letter.yaml"), "-q")
    assert code == 0 and stdout == "" and err == ""
    assert (tmp_path / "letter.yaml").is_file()
