"""``recipients update``: the congress data copied all or nothing, dated, from a loopback
server or a local folder (the tests never touch the network)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from draftkit.errors import DataSourceError, OutputError
from draftkit.recipients import load_congress
from draftkit.recipients import update as update_module
from draftkit.recipients.snapshot import (
    CONGRESS_DATA_FILES,
    SNAPSHOT_FILE,
    read_snapshot,
    stale_snapshot,
)
from draftkit.recipients.update import update_congress
from tests.congress_server import CongressServer, serve_folder

SMALL_MEMBERS = 60


@pytest.fixture(scope="session")
def small_congress(tmp_path_factory: pytest.TempPathFactory, congress_dir: Path) -> Path:
    """The congress data cut to its first members and the seats of SSFR: quick to check
    (the whole data takes seconds to parse on a busy machine); the tests that read the
    data as merge does use all of it."""
    folder = tmp_path_factory.mktemp("small") / "congress"
    folder.mkdir()
    loader = yaml.CSafeLoader

    def dump(name: str, data: object) -> None:
        text = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
        (folder / name).write_text(text, "utf-8")

    members = yaml.load((congress_dir / CONGRESS_DATA_FILES[0]).read_bytes(), Loader=loader)
    dump(CONGRESS_DATA_FILES[0], members[:SMALL_MEMBERS])
    shutil.copy(congress_dir / "committees-current.yaml", folder)
    seats = yaml.load((congress_dir / CONGRESS_DATA_FILES[2]).read_bytes(), Loader=loader)
    dump(CONGRESS_DATA_FILES[2], {k: v for k, v in seats.items() if k.startswith("SSFR")})
    return folder


@pytest.fixture
def served(tmp_path: Path, small_congress: Path) -> Iterator[tuple[str, Path, CongressServer]]:
    """A copy of the small congress data served on 127.0.0.1: (base URL, its folder, the
    server)."""
    root = tmp_path / "site"
    shutil.copytree(small_congress, root)
    with serve_folder(root) as (url, server):
        yield url, root, server


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.glob(f".{folder.name}.*"))


def test_download_copies_the_three_files_with_a_dated_record(
    tmp_path: Path, congress_dir: Path
) -> None:
    target = tmp_path / "data" / "congress-legislators"
    now = dt.datetime(2026, 12, 6, 18, 0, tzinfo=dt.UTC)
    with serve_folder(congress_dir) as (url, server):  # the whole data, as published
        snapshot = update_congress(target, url=url, now=now)
    assert sorted(server.requests) == sorted(f"/{name}" for name in CONGRESS_DATA_FILES)
    for name in CONGRESS_DATA_FILES:
        assert (target / name).read_bytes() == (congress_dir / name).read_bytes()
    members = yaml.load((congress_dir / "legislators-current.yaml").read_bytes(),
                        Loader=yaml.CSafeLoader)  # fmt: skip
    assert snapshot.members == len(members) > 500
    assert snapshot.date == dt.date(2026, 12, 6) and snapshot.dated_by == "download"
    record = json.loads((target / SNAPSHOT_FILE).read_text("utf-8"))
    assert record["source"] == url and record["date"] == "2026-12-06"
    assert record["license"] == "CC0-1.0"
    digest = hashlib.sha256((congress_dir / "committees-current.yaml").read_bytes()).hexdigest()
    assert record["files"]["committees-current.yaml"]["sha256"] == digest
    assert read_snapshot(target) == snapshot
    # the copy reads as the original does
    ours = [r.name for r in load_congress(target, committees=["SSFR"])]
    theirs = [r.name for r in load_congress(congress_dir, committees=["SSFR"])]
    assert ours == theirs and len(ours) > 10
    assert _leftovers(target) == []


def test_a_failed_download_leaves_the_old_data_as_it_was(
    served: tuple[str, Path, CongressServer], tmp_path: Path
) -> None:
    url, root, _ = served
    target = tmp_path / "congress"
    old = update_congress(target, url=url, now=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    (root / "committee-membership-current.yaml").unlink()  # a 404 for the last file
    with pytest.raises(DataSourceError, match="404") as caught:
        update_congress(target, url=url)
    assert "committee-membership-current.yaml" in str(caught.value)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert read_snapshot(target) == old and _leftovers(target) == []


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("legislators-current.yaml", "<html><body>Not here</body></html>\n", "members"),
        ("committees-current.yaml", "- {name: no id}\n", "thomas_id"),
        ("committee-membership-current.yaml", "[1, 2]\n", "committee ids"),
        ("legislators-current.yaml", "key: [unclosed\n", "is not YAML"),
    ],
)
def test_data_of_the_wrong_shape_is_refused_and_nothing_is_written(
    served: tuple[str, Path, CongressServer], tmp_path: Path, name: str, text: str, message: str
) -> None:
    url, root, _ = served
    (root / name).write_text(text, "utf-8")
    target = tmp_path / "congress"
    with pytest.raises(DataSourceError, match=message) as caught:
        update_congress(target, url=url)
    assert name in str(caught.value)
    assert not target.exists() and _leftovers(target) == []


def test_a_file_over_the_size_bound_is_stopped(
    served: tuple[str, Path, CongressServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, _, _ = served
    monkeypatch.setattr(update_module, "MAX_DOWNLOAD_BYTES", 10_000)
    with pytest.raises(DataSourceError, match=r"at most 10,000 are read"):
        update_congress(tmp_path / "congress", url=url)
    assert not (tmp_path / "congress").exists()


def test_plain_http_and_redirects_away_from_https_are_refused(
    served: tuple[str, Path, CongressServer], tmp_path: Path
) -> None:
    url, _, server = served
    with pytest.raises(DataSourceError, match=r"refusing to download from http://example\.org/"):
        update_congress(tmp_path / "a", url="http://example.org/")
    # a redirect to plain http elsewhere is refused before it is followed
    server.redirect = "http://example.invalid/"
    with pytest.raises(DataSourceError, match=r"refusing to download from http://example\.invalid"):
        update_congress(tmp_path / "b", url=url + "moved/")
    # ... and one to this machine is followed
    server.redirect = url
    assert update_congress(tmp_path / "c", url=url + "moved/").members == SMALL_MEMBERS


def test_a_server_that_does_not_answer_times_out(
    served: tuple[str, Path, CongressServer], tmp_path: Path
) -> None:
    url, _, server = served
    server.delay = 5.0
    started = time.monotonic()
    with pytest.raises(DataSourceError, match=r"no answer within 1 seconds|timed out"):
        update_congress(tmp_path / "congress", url=url + "slow/", timeout=1.0)
    assert time.monotonic() - started < 4.5
    assert not (tmp_path / "congress").exists()


def test_a_reply_cut_short_or_too_slow_overall_is_stopped(
    served: tuple[str, Path, CongressServer],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, _, server = served
    with pytest.raises(DataSourceError, match=r"answer broke off \(100 of [\d,]+ bytes\)"):
        update_congress(tmp_path / "a", url=url + "short/")
    server.delay = 0.4  # each piece comes within the timeout, the whole file does not
    monkeypatch.setattr(update_module, "TOTAL_TIME_FACTOR", 0.3)
    with pytest.raises(DataSourceError, match=r"took over 0.3 seconds and was stopped"):
        update_congress(tmp_path / "b", url=url + "trickle/", timeout=1.0)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_nothing_listening_is_one_clear_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(DataSourceError, match="cannot download") as caught:
        update_congress(tmp_path / "congress", url=f"http://127.0.0.1:{port}/")
    assert "--from" in str(caught.value)


def test_from_a_git_clone_records_its_commit_and_date(tmp_path: Path, small_congress: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    clone = tmp_path / "clone"
    clone.mkdir()
    for name in CONGRESS_DATA_FILES:
        shutil.copy(small_congress / name, clone / name)
    (clone / "README.md").write_text("other files of the project are left alone\n", "utf-8")
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2026-06-15T15:26:56-04:00",
        "GIT_COMMITTER_DATE": "2026-06-15T15:26:56-04:00",
    }  # fmt: skip
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", "-C", str(clone), *command], check=True, env=env)
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    target = tmp_path / "congress"
    snapshot = update_congress(target, source=clone)
    assert (snapshot.date, snapshot.dated_by, snapshot.commit) == (
        dt.date(2026, 6, 15), "git commit", head,
    )  # fmt: skip
    assert sorted(p.name for p in target.iterdir()) == sorted([*CONGRESS_DATA_FILES, SNAPSHOT_FILE])
    # a copy of that copy keeps the date its record gives
    again = update_congress(tmp_path / "again", source=target)
    assert (again.date, again.dated_by, again.commit) == (dt.date(2026, 6, 15), "record", head)


def test_from_a_plain_folder_the_date_is_unknown_unless_given(
    tmp_path: Path, small_congress: Path
) -> None:
    target = tmp_path / "congress"
    undated = update_congress(target, source=small_congress)
    assert undated.date is None and undated.dated_by == "unknown"
    warning = stale_snapshot(target)
    assert warning is not None and "undated" in warning and "--date" in warning
    dated = update_congress(target, source=small_congress, date=dt.date(2026, 6, 15))
    assert (dated.date, dated.dated_by) == (dt.date(2026, 6, 15), "given")
    assert read_snapshot(target) == dated


def test_stale_snapshot_warns_past_the_set_age(tmp_path: Path, small_congress: Path) -> None:
    target = tmp_path / "congress"
    update_congress(target, source=small_congress, date=dt.date(2026, 6, 15))
    assert stale_snapshot(target, today=dt.date(2026, 9, 13)) is None  # 90 days
    warning = stale_snapshot(target, today=dt.date(2026, 9, 14))
    assert warning is not None and "91 days old" in warning and "recipients update" in warning
    assert stale_snapshot(target, max_age_days=365, today=dt.date(2026, 12, 6)) is None
    assert stale_snapshot(small_congress) is None  # no record: nothing to say here


def test_a_folder_draftkit_did_not_write_is_never_replaced(
    tmp_path: Path, small_congress: Path
) -> None:
    target = tmp_path / "notes"
    target.mkdir()
    (target / "mine.txt").write_text("keep me\n", "utf-8")
    with pytest.raises(OutputError, match=r"holds other files \(mine.txt\)"):
        update_congress(target, source=small_congress)
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    with pytest.raises(DataSourceError, match="the same folder"):
        update_congress(small_congress, source=small_congress)
    with pytest.raises(DataSourceError, match=r"has no legislators-current\.yaml"):
        update_congress(tmp_path / "x", source=tmp_path / "notes")


def test_a_failed_swap_puts_the_old_data_back(
    tmp_path: Path, small_congress: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "congress"
    old = update_congress(target, source=small_congress, date=dt.date(2026, 1, 1))
    real_rename = Path.rename

    def failing(self: Path, to: Path) -> Path:
        if self.name.startswith(".congress.new-"):
            raise OSError(28, "No space left on device")
        return real_rename(self, to)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OutputError, match=r"no space left on device.*old data is unchanged"):
        update_congress(target, source=small_congress, date=dt.date(2026, 6, 15))
    assert read_snapshot(target) == old and _leftovers(target) == []


def test_the_age_and_folder_come_from_draftkit_yaml(tmp_path: Path) -> None:
    from draftkit.config import RecipientSettings, load_config
    from draftkit.errors import SpecError
    from draftkit.recipients.snapshot import DEFAULT_MAX_AGE_DAYS, congress_dir

    assert RecipientSettings().max_age_days == DEFAULT_MAX_AGE_DAYS == 90
    config_file = tmp_path / "draftkit.yaml"
    config_file.write_text("recipients:\n  congress: data/c\n  max_age_days: 30\n", "utf-8")
    config = load_config(tmp_path)
    assert congress_dir(config) == tmp_path / "data" / "c"
    assert config.recipients.max_age_days == 30
    config_file.write_text("recipients:\n  max_age_days: -1\n", "utf-8")
    with pytest.raises(
        SpecError, match=r"draftkit\.yaml:1: recipients\.max_age_days: Input should be greater"
    ):
        load_config(tmp_path)
