"""``draftkit diff``: a redline between two versions of a letter."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import click

from draftkit.cli._common import InputPath, echo, output_options, run_guarded
from draftkit.diff.redline import redline_files
from draftkit.errors import RenderError


def _moment(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date; write 2026-05-02 or 2026-05-02T14:30"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


@click.command()
@click.argument("old", type=InputPath(dir_okay=False))
@click.argument("new", type=InputPath(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The redline file; its extension (.docx, .md, .txt) picks the format. "
    "Without it, text goes to standard output.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md", "txt"]),
    help="docx: Word tracked changes; md/txt: [-deleted-]{+inserted+} marks.",
)
@click.option(
    "--author",
    help="Who the tracked changes are recorded under (default: $DRAFTKIT_AUTHOR, else the "
    "new letter's sender, else your login name).",
)
@click.option(
    "--date",
    "when",
    callback=_moment,
    help="When the changes were made (2026-05-02 or 2026-05-02T14:30; default: now).",
)
@click.option(
    "--reference",
    type=InputPath(dir_okay=False),
    help="A house-style .docx for the .docx redline (as for render).",
)
@click.option("-f", "--force", is_flag=True, help="Replace the output file if it exists.")
@output_options
@run_guarded
def diff(
    old: Path,
    new: Path,
    output: Path | None,
    fmt: str | None,
    author: str | None,
    when: dt.datetime | None,
    reference: Path | None,
    force: bool,
) -> None:
    """Write a redline from the letter OLD to the letter NEW (specs or .docx files).

    The .docx redline is the new letter, rendered as usual, with every change
    tracked for Word and LibreOffice to accept or reject: words inserted and deleted
    inside paragraphs, an ask that moved as a move, a signatory who joined or left as
    one paragraph, a changed addressee inside the address block, bold or numbering
    changes as formatting changes. A .docx that draftkit rendered is compared through
    its spec when the spec sits beside it unchanged; any other .docx is read back as
    ingest reads it. An existing output file is replaced only with --force.
    """

    if output is None or str(output) == "-":
        chosen = fmt or "txt"
        if chosen == "docx" and sys.stdout.isatty():
            raise RenderError("will not write docx to a terminal", hint="use -o FILE")
        buffer = io.BytesIO()
        result = redline_files(
            old, new, buffer, fmt=chosen, author=author, date=when, reference=reference
        )
        data = buffer.getvalue()
        if chosen == "docx":
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            echo(data.decode("utf-8"), nl=False, data=True)
    else:
        result = redline_files(
            old, new, output, fmt=fmt, author=author, date=when, reference=reference, force=force
        )
    for version in (result.old, result.new):
        if version.how != "spec":
            echo(f"draftkit: note: {version.path} read through {version.how}", err=True)
    lines = result.diff.summary()
    if not lines:
        echo("draftkit: the two versions say the same", err=True)
    for line in lines:
        echo(f"  {line}", err=True)
    if result.path is not None:
        echo(f"wrote {result.path}", err=True)
