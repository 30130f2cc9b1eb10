"""``draftkit recipients``: fetch the US congress directory and say how old it is."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from draftkit.cli._common import InputPath, echo, output_options, run_guarded
from draftkit.config import load_config
from draftkit.recipients.congress import CONGRESS_FILE
from draftkit.recipients.snapshot import (
    CONGRESS_DATA_FILES,
    CONGRESS_SOURCE_URL,
    Snapshot,
    congress_dir,
    read_snapshot,
    stale_snapshot,
)
from draftkit.recipients.update import update_congress


@click.group()
def recipients() -> None:
    """Recipient data: fetch the US congress directory, see how old it is.

    The congress directory is the congress-legislators project's public-domain (CC0)
    data. 'draftkit recipients update' copies it into your data folder, where
    'draftkit merge' finds it when no -r is given (docs/merge.md).
    """


def _describe(snapshot: Snapshot) -> list[str]:
    age = snapshot.age_days()
    when = (
        f"{snapshot.date} ({snapshot.dated_by}; {age} days ago)"
        if snapshot.date is not None
        else "unknown (the source did not say; give it with 'recipients update --date')"
    )
    lines = [
        f"folder:     {snapshot.folder}",
        f"source:     {snapshot.source}",
        f"as of:      {when}",
        f"members:    {snapshot.members}",
        f"committees: {snapshot.committees} (and their subcommittees)",
        f"licence:    {snapshot.license} (public domain dedication)",
    ]
    if snapshot.commit:
        lines.insert(2, f"commit:     {snapshot.commit}")
    return lines


@recipients.command()
@click.option(
    "--from",
    "source",
    type=InputPath(file_okay=False),
    help="Copy from a local clone of unitedstates/congress-legislators (or a folder with "
    "its files) instead of downloading.",
)
@click.option(
    "--into",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder to fill (default: recipients.congress in draftkit.yaml, else the "
    "user data folder).",
)
@click.option(
    "--url",
    default=CONGRESS_SOURCE_URL,
    show_default=True,
    help="Where the files are downloaded from (https://; http:// only to this machine).",
)
@click.option(
    "--date",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day the data is as of, YYYY-MM-DD, when draftkit cannot tell (a folder "
    "copied without its git history).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=1),
    default=30.0,
    show_default=True,
    help="Seconds to wait for the server at each step.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints the snapshot record on standard output.",
)
@output_options
@run_guarded
def update(
    source: Path | None,
    into: Path | None,
    url: str,
    as_of: dt.datetime | None,
    timeout: float,
    fmt: str,
) -> None:
    """Fetch the current US congress directory (members, committees, seats).

    Downloads legislators-current.yaml, committees-current.yaml and
    committee-membership-current.yaml from the congress-legislators project (public
    domain, CC0 1.0), or copies them from a local clone with --from, checks they are
    congress data, and puts them in place with a record of the source and date
    (draftkit-snapshot.json). The old data stays as it was if anything fails.

    \b
    Examples:
      draftkit recipients update
      draftkit recipients update --from ~/src/congress-legislators
      draftkit recipients update --into data/congress-legislators
    """
    target = into if into is not None else congress_dir(load_config())
    if source is None:
        echo(f"downloading {', '.join(CONGRESS_DATA_FILES)} from {url}", err=True)
    snapshot = update_congress(
        target,
        source=source,
        url=url,
        date=as_of.date() if as_of is not None else None,
        timeout=timeout,
    )
    if fmt == "json":
        echo(json.dumps(snapshot.to_json(), indent=2, ensure_ascii=False), data=True)
    else:
        echo(
            f"congress data as of {snapshot.date or 'an unknown date'}: {snapshot.members}"
            f" members, {snapshot.committees} committees -> {snapshot.folder}",
            err=True,
        )
    if snapshot.date is None:
        echo(
            f"draftkit: warning: {source} has no git history or snapshot record to date it"
            " by; merge will warn that the data is undated — run again with --date"
            " YYYY-MM-DD (the day the files were taken)",
            err=True,
        )


@recipients.command()
@click.argument("folder", required=False, type=InputPath(file_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json prints the snapshot record.",
)
@output_options
@run_guarded
def info(folder: Path | None, fmt: str) -> None:
    """Say where the congress data is, where it came from and how old it is.

    FOLDER defaults to the folder merge uses without -r (recipients.congress in
    draftkit.yaml, else the user data folder). Exit status 1 when there is no data
    there; a folder without a snapshot record is reported as undated.
    """
    config = load_config()
    where = folder if folder is not None else congress_dir(config)
    if not (where / CONGRESS_FILE).is_file():
        echo(
            f"draftkit: error: no congress data in {where} — run 'draftkit recipients update'",
            err=True,
            status=False,
        )
        raise SystemExit(1)
    snapshot = read_snapshot(where)
    if snapshot is None:
        if fmt == "json":
            echo(json.dumps({"folder": str(where), "date": None}, indent=2), data=True)
        else:
            echo(f"folder:     {where.absolute()}", data=True)
            echo("as of:      unknown (no draftkit-snapshot.json: copied by hand?)", data=True)
        return
    if fmt == "json":
        echo(json.dumps(snapshot.to_json(), indent=2, ensure_ascii=False), data=True)
        return
    for line in _describe(snapshot):
        echo(line, data=True)
    warning = stale_snapshot(where, max_age_days=config.recipients.max_age_days)
    if warning:
        echo(f"draftkit: warning: {warning}", err=True)
