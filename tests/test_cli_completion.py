"""Shell completion: click's scripts, and the values draftkit completes from its data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.shell_completion import ShellComplete

from draftkit import protocol
from draftkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def complete(args: list[str], incomplete: str) -> list[str]:
    shell = ShellComplete(main, {}, "draftkit", "_DRAFTKIT_COMPLETE")
    return [item.value for item in shell.get_completions(args, incomplete)]


def test_office_keys() -> None:
    keys = [row.key for row in protocol.offices()]
    assert complete(["address", "--office"], "us-sen") == ["us-senator"]
    assert sorted(complete(["address", "--office"], "")) == sorted(keys)
    assert "GB" in complete(["address", "--list", "--country"], "")
    assert "UN" in complete(["address", "--list", "--organization"], "U")


def test_merge_where_offers_keys_then_offices() -> None:
    assert "office=" in complete(["merge", "x.yaml", "--where"], "")
    assert complete(["merge", "x.yaml", "--where"], "office=us-sen") == ["office=us-senator"]
    assert complete(["merge", "x.yaml", "--where"], "office=us-senator,us-spe") == [
        "office=us-senator,us-speaker"
    ]


def test_audiences_from_the_built_ins_and_a_team_folder(tmp_path: Path) -> None:
    assert "us-congress" in complete(["render", "x.yaml", "--audience"], "us-")
    assert "base" in complete(["new", "--audience"], "")
    assert complete(["templates", "show"], "us-con") == ["us-congress"]
    team = tmp_path / "team"
    team.mkdir()
    (team / "board-letter.j2").write_text(
        '{#- draftkit\ndescription: To a board.\n-#}\n{% extends "base.j2" %}\n', "utf-8"
    )
    found = complete(["merge", "x.yaml", "--templates", str(team), "--audience"], "board")
    assert found == ["board-letter"]


def test_clause_ids_of_the_library(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(EXAMPLES)  # its draftkit.yaml names the starter library
    ids = complete(["clauses", "show", "--cache-dir", str(tmp_path)], "ask.")
    assert ids and all(i.startswith("ask.") for i in ids)
    assert complete(["clauses", "vet", "--cache-dir", str(tmp_path)], ids[0]) == [ids[0]]


def test_committees_of_the_congress_folder(congress_dir: Path) -> None:
    found = complete(["merge", "x.yaml", "-r", str(congress_dir), "--committee"], "SSFR")
    assert found[0] == "SSFR" and len(found) > 1  # the committee, then its subcommittees
    assert complete(["merge", "x.yaml", "--committee"], "SS") == []  # no -r, no data: nothing


def test_committees_of_the_fetched_congress_data_without_r(
    congress_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from draftkit.recipients.update import update_congress

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    update_congress(source=congress_dir)
    found = complete(["merge", "x.yaml", "--committee"], "HSFA")
    assert found[0] == "HSFA" and len(found) > 1


def test_a_completion_that_cannot_read_its_data_offers_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "draftkit.yaml").write_text("clauses: [no-such-folder]\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert complete(["clauses", "show"], "") == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_documented_scripts_are_printed(shell: str) -> None:
    env = {**os.environ, "_DRAFTKIT_COMPLETE": f"{shell}_source"}
    result = subprocess.run(
        [sys.executable, "-c", "from draftkit.cli import main; main(prog_name='draftkit')"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and "_DRAFTKIT_COMPLETE" in result.stdout
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"_DRAFTKIT_COMPLETE={shell}_source draftkit" in docs


def test_completion_through_the_environment_as_the_shell_asks() -> None:
    env = {
        **os.environ,
        "_DRAFTKIT_COMPLETE": "bash_complete",
        "COMP_WORDS": "draftkit address --office us-sen",
        "COMP_CWORD": "3",
    }
    result = subprocess.run(
        [sys.executable, "-c", "from draftkit.cli import main; main(prog_name='draftkit')"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and result.stdout.splitlines() == ["plain,us-senator"]
