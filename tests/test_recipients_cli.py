"""``draftkit recipients update/info`` and merge's use of the fetched congress data."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.recipients.snapshot import SNAPSHOT_FILE, default_congress_dir
from tests.congress_server import CongressServer, serve_folder


@pytest.fixture
def served(tmp_path: Path, congress_dir: Path) -> Iterator[tuple[str, Path, CongressServer]]:
    """A copy of the congress data served on 127.0.0.1: (base URL, its folder, the server)."""
    root = tmp_path / "site"
    shutil.copytree(congress_dir, root)
    with serve_folder(root) as (url, server):
        yield url, root, server


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user data folder of this test's own, and a working folder without draftkit.yaml."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return tmp_path


def test_update_downloads_into_the_user_data_folder_and_merge_uses_it(
    home: Path,
    served: tuple[str, Path, CongressServer],
    examples_dir: Path,
) -> None:
    url = served[0]
    spec = str(examples_dir / "merge-committee.yaml")
    # nothing fetched yet: merge without -r says what to do (a usage error)
    code, _, err = run("merge", spec, "--committee", "SSFR", "-o", "out", "--dry-run")
    assert code == 2 and "draftkit recipients update" in err and "-r LIST" in err
    code, out, err = run("recipients", "update", "--url", url)
    assert code == 0, err
    folder = default_congress_dir()
    assert folder == home / "xdg" / "draftkit" / "congress-legislators"
    assert f"members, 49 committees -> {folder}" in err
    code, out, err = run("recipients", "info", "--format", "json")
    record = json.loads(out)
    assert code == 0 and record["source"] == url and record["dated_by"] == "download"
    assert record["date"] == dt.date.today().isoformat() and record["license"] == "CC0-1.0"
    code, out, err = run("merge", spec, "--committee", "SSFR", "-o", "out", "--dry-run")
    assert code == 0, err
    assert f"recipients from the congress data in {folder}" in err
    assert "days old" not in err  # fetched today
    assert "senator-james-e-risch.docx" in out or "001-senator-" in out


def test_merge_warns_when_the_data_is_older_than_the_set_age(
    home: Path, congress_dir: Path, examples_dir: Path
) -> None:
    code, _, err = run("recipients", "update", "--from", str(congress_dir), "--date", "2026-01-05")
    assert code == 0, err
    spec = str(examples_dir / "merge-committee.yaml")
    code, _, err = run("merge", spec, "--committee", "SSFR", "-o", "out", "--dry-run")
    age = (dt.date.today() - dt.date(2026, 1, 5)).days
    assert code == 0 and f"is {age} days old (as of 2026-01-05;" in err
    assert "draftkit warns past 90 days" in err
    code, _, err = run("merge", spec, "--committee", "SSFR", "-o", "out", "--dry-run", "-q")
    assert "days old" not in err  # -q: errors only
    # draftkit.yaml beside the spec sets another age
    project = home / "project"
    project.mkdir()
    (project / "letter.yaml").write_text((examples_dir / "merge-committee.yaml").read_text("utf-8"),
                                         "utf-8")  # fmt: skip
    (project / "draftkit.yaml").write_text("recipients:\n  max_age_days: 3650\n", "utf-8")
    code, _, err = run("merge", str(project / "letter.yaml"), "--committee", "SSFR", "-o",
                       str(home / "out2"), "--dry-run")  # fmt: skip
    assert code == 0 and "days old" not in err


def test_an_explicit_list_wins_and_the_project_can_name_its_folder(
    home: Path, congress_dir: Path, examples_dir: Path, tmp_path: Path
) -> None:
    project = home / "project"
    project.mkdir()
    (project / "letter.yaml").write_text((examples_dir / "merge-committee.yaml").read_text("utf-8"),
                                         "utf-8")  # fmt: skip
    (project / "draftkit.yaml").write_text("recipients:\n  congress: data/congress\n", "utf-8")
    spec = str(project / "letter.yaml")
    code, _, err = run("merge", spec, "--committee", "SSFR", "-o", "out", "--dry-run")
    assert code == 2 and str(project / "data" / "congress") in err
    # run outside the project, `recipients update` fills the user data folder
    code, _, err = run("recipients", "update", "--from", str(congress_dir), "--date", "2026-06-15")
    assert code == 0, err
    assert (default_congress_dir() / SNAPSHOT_FILE).is_file()  # cwd has no draftkit.yaml
    code, _, err = run("recipients", "update", "--from", str(congress_dir), "--into",
                       str(project / "data" / "congress"), "--date", "2026-06-15")  # fmt: skip
    assert code == 0, err
    code, out, err = run("merge", spec, "--committee", "SSFR", "-o", "out", "--dry-run")
    assert code == 0 and f"congress data in {project / 'data' / 'congress'}" in err
    # -r wins over both
    people = tmp_path / "people.csv"
    people.write_text("name,office,state\nAna Sousa,us-senator,Idaho\n", "utf-8")
    code, out, err = run("merge", spec, "-r", str(people), "-o", "out", "--dry-run")
    assert code == 0 and "congress data" not in err and "Ana Sousa" in out


def test_info_without_data_and_undated_data(home: Path, congress_dir: Path) -> None:
    code, _, err = run("recipients", "info")
    assert code == 1 and "no congress data in" in err and "recipients update" in err
    code, out, _ = run("recipients", "info", str(congress_dir))
    assert code == 0 and "as of:      unknown" in out
    code, _, err = run("recipients", "update", "--from", str(congress_dir))
    assert code == 0 and "an unknown date" in err and "--date YYYY-MM-DD" in err
    code, out, _ = run("recipients", "info")
    assert code == 0 and "unknown (the source did not say" in out
    assert "licence:    CC0-1.0" in out


def test_update_errors_are_one_line_and_exit_1(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("x", "utf-8")
    code, _, err = run("recipients", "update", "--from", str(folder))
    assert code == 1 and err.count("\n") == 1 and "has no legislators-current.yaml" in err
    code, _, err = run("recipients", "update", "--url", "http://example.org/")
    assert code == 1 and "refusing to download" in err and "Traceback" not in err
    code, _, err = run("recipients", "update", "--from", str(tmp_path / "missing"))
    assert code == 1 and "folder not found" in err
