"""A dated copy of the US congress directory: where it is, what it is, how old it is.

The congress-legislators project (``unitedstates/congress-legislators``, dedicated to the
public domain under CC0 1.0) publishes the members of Congress, the committees and their
members as YAML. :func:`draftkit.recipients.update.update_congress` copies the three
files draftkit reads into a folder (by default :func:`default_congress_dir`) and writes
beside them a small record (:data:`SNAPSHOT_FILE`): where the data came from, the day
it is as of, the files' sizes and digests. This module reads that record back
(:func:`read_snapshot`) and says when it is older than a set age
(:func:`stale_snapshot`); it imports nothing of the network, so merge can use it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftkit.config import ProjectConfig
from draftkit.errors import DataSourceError
from draftkit.inputs import read_input
from draftkit.recipients.congress import CONGRESS_FILE

__all__ = [
    "CONGRESS_DATA_FILES",
    "CONGRESS_LICENSE",
    "CONGRESS_SOURCE_URL",
    "DEFAULT_MAX_AGE_DAYS",
    "SNAPSHOT_FILE",
    "Snapshot",
    "congress_dir",
    "default_congress_dir",
    "read_snapshot",
    "stale_snapshot",
]

CONGRESS_SOURCE_URL = "https://unitedstates.github.io/congress-legislators/"
"""Where the congress-legislators project publishes its current data files."""

CONGRESS_DATA_FILES = (
    CONGRESS_FILE,
    "committees-current.yaml",
    "committee-membership-current.yaml",
)
"""The files draftkit reads: the members, the committees, and who sits on which."""

CONGRESS_LICENSE = "CC0-1.0"
"""The data's licence: a public-domain dedication (Creative Commons CC0 1.0)."""

SNAPSHOT_FILE = "draftkit-snapshot.json"
"""The record written beside the data: source, date, files."""

DEFAULT_MAX_AGE_DAYS = 90
"""How old a snapshot may be before merge warns (``recipients.max_age_days``)."""


def default_congress_dir() -> Path:
    """The user's congress data folder: ``$XDG_DATA_HOME/draftkit/congress-legislators``.

    ``XDG_DATA_HOME`` defaults to ``~/.local/share``. ``draftkit recipients update``
    writes here unless told ``--into``, and ``draftkit merge`` reads from here when no
    ``-r`` is given (and no ``recipients.congress`` in draftkit.yaml).
    """
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "draftkit" / "congress-legislators"


def congress_dir(config: ProjectConfig | None = None) -> Path:
    """The congress data used when no recipient list is named.

    draftkit.yaml's ``recipients.congress`` when set, else :func:`default_congress_dir`.
    """
    if config is not None and config.recipients.congress is not None:
        return config.recipients.congress
    return default_congress_dir()


@dataclass(frozen=True)
class Snapshot:
    """What a snapshot record says about a folder of congress data.

    Attributes:
        folder: The folder holding the data files and the record.
        source: The URL or folder the files were copied from.
        date: The day the data is as of (see ``dated_by``); None when nothing said
            it (a folder copied without its history, and no ``--date``).
        dated_by: How ``date`` was found: ``download`` (the day it was downloaded),
            ``git commit`` (the commit date of a clone), ``given`` (``--date``),
            ``record`` (the source folder's own snapshot record) or ``unknown``.
        copied: When draftkit copied the files (UTC).
        commit: The git commit of a clone, if the source was one.
        members: How many members of Congress the data lists.
        committees: How many committees (not counting subcommittees).
        files: Each file's size in bytes and SHA-256 digest.
        license: The data's licence (SPDX id).
    """

    folder: Path
    source: str
    date: dt.date | None
    dated_by: str
    copied: dt.datetime
    commit: str | None = None
    members: int = 0
    committees: int = 0
    files: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    license: str = CONGRESS_LICENSE

    def age_days(self, today: dt.date | None = None) -> int | None:
        """Days from the snapshot's date to ``today`` (default: the current day)."""
        if self.date is None:
            return None
        return ((today or dt.date.today()) - self.date).days

    def to_json(self) -> dict[str, Any]:
        """The record as written to :data:`SNAPSHOT_FILE` (plus ``folder``)."""
        return {
            "folder": str(self.folder),
            "source": self.source,
            "date": self.date.isoformat() if self.date else None,
            "dated_by": self.dated_by,
            "copied": self.copied.isoformat(timespec="seconds"),
            "commit": self.commit,
            "members": self.members,
            "committees": self.committees,
            "license": self.license,
            "files": {name: dict(info) for name, info in self.files.items()},
        }


def read_snapshot(folder: str | Path) -> Snapshot | None:
    """The snapshot record of a congress data folder, or None when it has none.

    Args:
        folder: A congress-legislators folder (or its ``legislators-current.yaml``).

    Raises:
        DataSourceError: The record is there but cannot be read.
    """
    folder = Path(folder).absolute()
    if folder.is_file():
        folder = folder.parent
    path = folder / SNAPSHOT_FILE
    if not path.is_file():
        return None
    raw = read_input(path, limit=1024 * 1024, error=DataSourceError, what="snapshot record")
    try:
        data = json.loads(raw.decode("utf-8"))
        return Snapshot(
            folder=folder,
            source=str(data["source"]),
            date=dt.date.fromisoformat(str(data["date"])) if data.get("date") else None,
            dated_by=str(data.get("dated_by") or "unknown"),
            copied=dt.datetime.fromisoformat(str(data["copied"])),
            commit=data.get("commit") or None,
            members=int(data.get("members") or 0),
            committees=int(data.get("committees") or 0),
            files=dict(data.get("files") or {}),
            license=str(data.get("license") or CONGRESS_LICENSE),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise DataSourceError(
            f"the snapshot record cannot be read ({type(exc).__name__}: {exc})",
            path=path,
            hint="run 'draftkit recipients update' to fetch the data again",
        ) from None


def stale_snapshot(
    folder: str | Path,
    *,
    max_age_days: int = DEFAULT_MAX_AGE_DAYS,
    today: dt.date | None = None,
) -> str | None:
    """A warning when the congress data in ``folder`` is older than ``max_age_days``.

    Members leave and join, committees change seats: a snapshot months old sends letters
    to people who no longer sit there. Data without a record (a folder copied by hand)
    gives no warning here; ``draftkit recipients info`` says it is undated. A record
    without a date (copied from a folder that did not say) gives a warning.

    Returns:
        One sentence, or None when the data is fresh enough or has no record.
    """
    snapshot = read_snapshot(folder)
    if snapshot is None:
        return None
    age = snapshot.age_days(today)
    if age is None:
        return (
            f"the congress data in {snapshot.folder} is undated (copied from"
            f" {snapshot.source}, which did not say) — run 'draftkit recipients update',"
            " or give its date with --date"
        )
    if age <= max_age_days:
        return None
    return (
        f"the congress data in {snapshot.folder} is {age} days old (as of"
        f" {snapshot.date}; draftkit warns past {max_age_days} days) — run 'draftkit"
        " recipients update' for current members and committee seats"
    )
