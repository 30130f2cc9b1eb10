"""``draftkit recipients update``: copy the congress directory, all or nothing.

:func:`update_congress` takes the three files draftkit reads from the congress-legislators
project's site over HTTPS (stdlib ``urllib``: a timeout on every step, a size bound on
every file, redirects only to HTTPS) or from a local clone or folder, and puts them in a
folder with a snapshot record (:mod:`draftkit.recipients.snapshot`).

The copy is all or nothing: the files are written into a hidden folder beside the
target after each is checked to be congress data of the expected shape, and only then
does the new folder take the old one's place; a failed or interrupted update leaves the
old data as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import http.client
import ipaddress
import json
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from draftkit._version import __version__
from draftkit.errors import DataSourceError, OutputError
from draftkit.inputs import read_input
from draftkit.outputs import os_reason
from draftkit.recipients.congress import CONGRESS_FILE
from draftkit.recipients.lists import MAX_RECIPIENT_BYTES
from draftkit.recipients.snapshot import (
    CONGRESS_DATA_FILES,
    CONGRESS_SOURCE_URL,
    SNAPSHOT_FILE,
    Snapshot,
    default_congress_dir,
    read_snapshot,
)
from draftkit.yamljson import check_data_shape

__all__ = ["MAX_DOWNLOAD_BYTES", "update_congress"]

MAX_DOWNLOAD_BYTES = MAX_RECIPIENT_BYTES
"""The largest data file accepted (legislators-current.yaml is about 1 MB)."""

TOTAL_TIME_FACTOR = 20
"""A file must arrive within this many times ``timeout`` (10 minutes by default)."""

_MAX_CONGRESS_VALUES = 2_000_000
_STALE_PARTIAL_SECONDS = 24 * 3600


# --------------------------------------------------------------------------- fetching


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_url(url: str) -> None:
    """HTTPS only (plain HTTP to this machine is allowed: a local mirror, the tests)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "https" or (parts.scheme == "http" and _loopback(parts.hostname)):
        return
    raise DataSourceError(
        f"refusing to download from {url}",
        hint="use an https:// address (plain http only to this machine), or --from a folder",
    )


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an address :func:`_check_url` accepts."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        _check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _download(url: str, *, timeout: float, limit: int) -> bytes:
    """The bytes at ``url``: at most ``limit`` of them, every read answered within
    ``timeout`` seconds and the whole file within :data:`TOTAL_TIME_FACTOR` times that."""
    _check_url(url)
    deadline = time.monotonic() + timeout * TOTAL_TIME_FACTOR
    opener = urllib.request.build_opener(_SafeRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": f"draftkit/{__version__}"})
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > limit:
                raise DataSourceError(
                    f"the server offers {int(length):,} bytes; at most {limit:,} are read",
                    path=url,
                )
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = response.read(64 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if time.monotonic() > deadline:
                    raise DataSourceError(
                        f"the download took over {timeout * TOTAL_TIME_FACTOR:g} seconds"
                        " and was stopped",
                        path=url,
                        hint="try again, raise --timeout, or copy from a local clone with --from",
                    )
                if size > limit:
                    raise DataSourceError(
                        f"the download passed {limit:,} bytes and was stopped", path=url
                    )
                chunks.append(chunk)
            if length and length.isdigit() and size != int(length):
                raise DataSourceError(
                    f"the server's answer broke off ({size:,} of {int(length):,} bytes)",
                    path=url,
                    hint="try again, or copy from a local clone with --from",
                )
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise DataSourceError(
            f"the server answered {exc.code} {exc.reason}",
            path=url,
            hint="check the address (--url), or copy from a local clone with --from",
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        text = os_reason(reason) if isinstance(reason, OSError) else str(reason)
        raise DataSourceError(
            f"cannot download ({text})",
            path=url,
            hint="check the network, or copy from a local clone with --from",
        ) from None
    except TimeoutError:
        raise DataSourceError(
            f"no answer within {timeout:g} seconds",
            path=url,
            hint="try again, raise --timeout, or copy from a local clone with --from",
        ) from None
    except OSError as exc:
        raise DataSourceError(f"cannot download ({os_reason(exc)})", path=url) from None
    except http.client.HTTPException as exc:  # a reply cut short, a malformed answer
        raise DataSourceError(
            f"the server's answer broke off ({type(exc).__name__})",
            path=url,
            hint="try again, or copy from a local clone with --from",
        ) from None


# --------------------------------------------------------------------------- checking


def _parse(name: str, raw: bytes, where: str) -> Any:
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(raw, Loader=loader)
    except yaml.YAMLError as exc:
        raise DataSourceError(
            f"{name} is not YAML ({str(exc).splitlines()[0]})",
            path=where,
            hint="is this the congress-legislators data?",
        ) from None
    check_data_shape(data, path=where, max_nodes=_MAX_CONGRESS_VALUES)
    return data


def _check_data(texts: Mapping[str, bytes], where: Callable[[str], str]) -> tuple[int, int]:
    """(members, committees) once every file has the shape draftkit reads; else an error."""
    members = _parse(CONGRESS_FILE, texts[CONGRESS_FILE], where(CONGRESS_FILE))
    if (
        not isinstance(members, list)
        or not members
        or not all(isinstance(m, dict) and "name" in m and "terms" in m for m in members)
    ):
        raise DataSourceError(
            "does not list members of Congress (a list of entries with 'name' and 'terms')",
            path=where(CONGRESS_FILE),
            hint="is this the congress-legislators data?",
        )
    committees = _parse("committees-current.yaml", texts["committees-current.yaml"],
                        where("committees-current.yaml"))  # fmt: skip
    if not isinstance(committees, list) or not all(
        isinstance(c, dict) and "thomas_id" in c for c in committees
    ):
        raise DataSourceError(
            "does not list committees (a list of entries with 'thomas_id')",
            path=where("committees-current.yaml"),
            hint="is this the congress-legislators data?",
        )
    name = "committee-membership-current.yaml"
    seats = _parse(name, texts[name], where(name))
    if not isinstance(seats, dict) or not all(isinstance(v, list | None) for v in seats.values()):
        raise DataSourceError(
            "does not map committee ids to their members",
            path=where(name),
            hint="is this the congress-legislators data?",
        )
    return len(members), len(committees)


# --------------------------------------------------------------------------- local sources


def _git_commit(folder: Path) -> tuple[str, dt.date] | None:
    """(commit, commit date) of a git clone's HEAD, or None."""
    git = shutil.which("git")
    if git is None or not (folder / ".git").exists():
        return None
    try:
        out = subprocess.run(
            [git, "-C", str(folder), "log", "-1", "--format=%H %cI"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout.split()
        return out[0], dt.datetime.fromisoformat(out[1]).astimezone(dt.UTC).date()
    except (OSError, subprocess.SubprocessError, IndexError, ValueError):
        return None


def _read_folder(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        raise DataSourceError(
            "folder not found" if not folder.exists() else "is not a folder",
            path=folder,
            hint="pass a clone of unitedstates/congress-legislators or a folder with its files",
        )
    missing = [name for name in CONGRESS_DATA_FILES if not (folder / name).is_file()]
    if missing:
        raise DataSourceError(
            f"has no {', '.join(missing)}",
            path=folder,
            hint="pass a clone of unitedstates/congress-legislators or a folder holding "
            + ", ".join(CONGRESS_DATA_FILES),
        )
    return {
        name: read_input(
            folder / name, limit=MAX_DOWNLOAD_BYTES, error=DataSourceError, what="data file"
        )
        for name in CONGRESS_DATA_FILES
    }


def _folder_date(folder: Path) -> tuple[dt.date | None, str, str | None]:
    """(date, dated_by, commit) of a local source folder; the date None if unknown.

    A file's modification time says when it was copied, not what day the data is as
    of, so it is not used.
    """
    commit = _git_commit(folder)
    if commit is not None:
        return commit[1], "git commit", commit[0]
    with contextlib.suppress(DataSourceError):
        record = read_snapshot(folder)
        if record is not None and record.date is not None:
            return record.date, "record", record.commit
    return None, "unknown", None


# --------------------------------------------------------------------------- writing


def _target_ok(target: Path, source: Path | None) -> None:
    """Refuse a target that is not a congress data folder (never replace other files)."""
    if source is not None and target.resolve() == source.resolve():
        raise DataSourceError(
            "the source and the target are the same folder",
            path=target,
            hint="copy into another folder (--into), or use the folder as it is with -r",
        )
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError("is a file, not a folder", path=target, hint="choose a folder")
    known = {*CONGRESS_DATA_FILES, SNAPSHOT_FILE}
    others = sorted(p.name for p in target.iterdir() if p.name not in known)
    if others and not (target / SNAPSHOT_FILE).is_file():
        shown = ", ".join(others[:3]) + (" ..." if len(others) > 3 else "")
        raise OutputError(
            f"holds other files ({shown}); draftkit replaces only a folder it wrote",
            path=target,
            hint="choose a new or empty folder with --into",
        )


def _clear_partials(parent: Path, name: str) -> None:
    """Remove what an update killed mid-way left (hidden folders over a day old)."""
    now = time.time()
    for stale in parent.glob(f".{name}.*"):
        with contextlib.suppress(OSError):
            if stale.is_dir() and now - stale.stat().st_mtime > _STALE_PARTIAL_SECONDS:
                shutil.rmtree(stale, ignore_errors=True)


def _install(target: Path, texts: Mapping[str, bytes], record: Mapping[str, Any]) -> None:
    """Write the files into a hidden folder beside ``target``, then swap it into place."""
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _clear_partials(parent, target.name)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot create the folder ({os_reason(exc)})", path=parent) from None
    old: Path | None = None
    try:
        for name, raw in texts.items():
            (staging / name).write_bytes(raw)
        (staging / SNAPSHOT_FILE).write_text(
            json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        staging.chmod(0o755)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=parent))
            old.rmdir()
            target.rename(old)
        try:
            staging.rename(target)
        except OSError:
            if old is not None:  # put the old data back
                old.rename(target)
                old = None
            raise
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(
            f"cannot write the data ({os_reason(exc)}); the old data is unchanged", path=target
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def update_congress(
    into: str | Path | None = None,
    *,
    source: str | Path | None = None,
    url: str = CONGRESS_SOURCE_URL,
    date: dt.date | None = None,
    timeout: float = 30.0,
    now: dt.datetime | None = None,
) -> Snapshot:
    """Copy the current congress-legislators data into a folder, with a dated record.

    Args:
        into: The folder to fill (default: :func:`default_congress_dir`). An existing
            folder is replaced only if draftkit wrote it (it has a snapshot record) or it
            holds nothing but the data files.
        source: A local clone of ``unitedstates/congress-legislators`` or a folder holding
            its files; None downloads from ``url``.
        url: The folder URL the files are downloaded from (``https://``; ``http://`` only
            to this machine).
        date: The day the data is as of, when you know it better than draftkit can (a
            folder copied without its history). Otherwise: the download day; a clone's
            commit date; a copied folder's own record; else unknown (None).
        timeout: Seconds to wait for the server at each step of a download.
        now: The time to record as the copy time (default: now, UTC).

    Returns:
        The new snapshot.

    Raises:
        DataSourceError: The source cannot be read or is not congress data of the
            expected shape (nothing is changed).
        OutputError: The target is not a folder draftkit may replace, or cannot be
            written (the old data is kept).
    """
    target = (Path(into) if into is not None else default_congress_dir()).absolute()
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    local = Path(source) if source is not None else None
    _target_ok(target, local)
    commit: str | None = None
    if local is not None:
        texts = _read_folder(local)
        found_date, dated_by, commit = _folder_date(local)
        origin = str(local.resolve())

        def where(name: str) -> str:
            return str(local / name)
    else:
        base = url if url.endswith("/") else url + "/"
        texts = {
            name: _download(base + name, timeout=timeout, limit=MAX_DOWNLOAD_BYTES)
            for name in CONGRESS_DATA_FILES
        }
        # the site serves the data as it stands now: the day of the download is its date
        found_date, dated_by, origin = now.date(), "download", base

        def where(name: str) -> str:
            return base + name

    if date is not None:
        found_date, dated_by = date, "given"
    members, committees = _check_data(texts, where)
    files = {
        name: {"bytes": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}
        for name, raw in texts.items()
    }
    snapshot = Snapshot(
        folder=target,
        source=origin,
        date=found_date,
        dated_by=dated_by,
        copied=now,
        commit=commit,
        members=members,
        committees=committees,
        files=files,
    )
    record = {k: v for k, v in snapshot.to_json().items() if k != "folder"}
    record["written_by"] = f"draftkit {__version__}"
    _install(target, texts, record)
    return snapshot
