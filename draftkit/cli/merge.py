"""``draftkit merge``: one letter per recipient."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any, cast

import click

from draftkit.cli._common import (
    InputPath,
    echo,
    echo_error,
    echo_verbose,
    is_quiet,
    is_verbose,
    output_options,
    run_guarded,
)
from draftkit.cli.completion import complete_audiences, complete_committees, complete_where
from draftkit.config import ProjectConfig, load_config
from draftkit.files import load_letter
from draftkit.merge import (
    MailSettings,
    MergeFormat,
    MergeResult,
    MergeRow,
    check_outputs,
    dry_run_merge,
    mail_merge,
)
from draftkit.recipients import CONGRESS_FILE, is_congress, load_recipients
from draftkit.recipients.snapshot import congress_dir, read_snapshot, stale_snapshot
from draftkit.schema import Letter
from draftkit.signatories import order_signatories, read_signatories
from draftkit.tables import TABLE_FORMATS, Table


def _note_read(table: Table) -> None:
    """Say how a recipient list was read when its encoding was guessed (always under -v),
    and warn of what the reader noticed (a postal-code column stored as numbers)."""
    for warning in table.warnings:
        echo(f"draftkit: warning: {warning}", err=True)
    if table.detected:
        echo(
            f"draftkit: note: {table.name} read as {table.read_as()}; if names look wrong,"
            " pass --encoding",
            err=True,
        )
    else:
        echo_verbose(f"draftkit: note: {table.name} read as {table.read_as()}")


def _json_report(result: MergeResult, *, dry_run: bool) -> str:
    """--output-format json: the rows of a merge or a dry run (keys in docs/merge.md)."""
    data = {
        "dry_run": dry_run,
        "outdir": str(result.outdir),
        "recipients": len(result.rows),
        "rendered": result.rendered,
        "skipped": result.skipped,
        "failed": result.errors,
        "rows": [
            {
                "index": row.index,
                "recipient": row.recipient,
                "key": row.key,
                "file": row.file,
                "status": row.status,
                "message": row.message,
                "email": row.email,
                "contact_form": row.contact_form,
            }
            for row in result.rows
        ],
        "manifest": str(result.manifest) if result.manifest else None,
        "combined": str(result.combined) if result.combined else None,
        "warnings": list(result.warnings),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _report_dry_run(result: MergeResult, fmt: str) -> None:
    """Print what a real run would do with each row (--dry-run)."""
    if fmt == "json":
        echo(_json_report(result, dry_run=True), data=True)
        return
    for row in result.rows:
        if row.status == "error":
            echo(f"-\t{row.recipient}\twould fail: {row.message}")
        elif row.status == "skipped":
            echo(f"{row.file}\t{row.recipient}\talready there (--force replaces it)")
        else:
            echo(f"{row.file}\t{row.recipient}" + (f"\t({row.message})" if row.message else ""))
    for warning in result.warnings:
        echo(f"draftkit: warning: {warning}", err=True)
    echo(
        f"{len(result.rows)} recipients: {result.rendered} would be written,"
        f" {result.skipped} already there, {result.errors} would fail (dry run: nothing written)",
        err=True,
    )


def _recipient_source(source: Path | None, config: ProjectConfig) -> Path:
    """-r as given, else the congress data; warn when that data is old or undated."""
    if source is None:
        folder = congress_dir(config)
        if not (folder / CONGRESS_FILE).is_file():
            raise click.UsageError(
                "give the recipients with -r LIST, or run 'draftkit recipients update' to"
                f" fetch the congress directory (none in {folder})"
            )
        source = folder
        echo(f"draftkit: note: recipients from the congress data in {folder}", err=True)
    if str(source) != "-" and is_congress(source):
        warning = stale_snapshot(source, max_age_days=config.recipients.max_age_days)
        if warning:
            echo(f"draftkit: warning: {warning}", err=True)
        elif read_snapshot(source) is None:
            echo_verbose(
                f"draftkit: note: {source} has no snapshot record, so its age is unknown"
                " ('draftkit recipients update --from' copies it with one)"
            )
    return source


@click.command()
@click.argument("spec", type=InputPath(dir_okay=False, allow_dash=True))
@click.option(
    "-r",
    "--recipients",
    "source",
    type=InputPath(allow_dash=True),
    help="A .csv/.tsv, .xlsx/.xls/.ods or .yaml/.json recipient list, - for standard input, "
    "or a congress-legislators folder (default: the congress data 'draftkit recipients "
    "update' fetched, or recipients.congress in draftkit.yaml).",
)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (created if missing).",
)
@click.option(
    "--where",
    multiple=True,
    metavar="KEY=VALUE",
    shell_complete=complete_where,
    help="Keep recipients whose KEY matches (repeatable; VALUE may be a,b). "
    "E.g. chamber=senate, state=ID, party=D.",
)
@click.option(
    "--committee",
    "committees",
    multiple=True,
    metavar="ID",
    shell_complete=complete_committees,
    help="Members of a committee by thomas_id (SSFR, HSFA, SSFR09 ...; congress data only).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["docx", "md", "txt", "pdf", "eml"]),
    default="docx",
    show_default=True,
    help="Output format of each letter: pdf converts them all with one LibreOffice run; "
    "eml writes one e-mail per recipient (send them with 'draftkit send').",
)
@click.option(
    "--from",
    "mail_from",
    metavar="ADDRESS",
    help="eml: the From address, 'Name <you@example.org>' (default: the spec's sender.email).",
)
@click.option(
    "--reply-to",
    metavar="ADDRESS",
    help="eml: the Reply-To address (default: the spec's sender.reply_to).",
)
@click.option("--attach-pdf", is_flag=True, help="eml: attach a PDF of the letter too.")
@click.option("--combined", is_flag=True, help="Also write combined.<format> with every letter.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, hidden=True,
    help="Render in this many processes (not a measured speed-up on 2 cores: docs/merge.md).",
)  # fmt: skip
@click.option("-f", "--force", is_flag=True, help="Replace letters that already exist.")
@click.option(
    "--reference",
    type=InputPath(dir_okay=False),
    help="A house-style .docx for DOCX output.",
)
@click.option(
    "--audience",
    shell_complete=complete_audiences,
    help="Template variant to compose with (overrides the spec).",
)
@click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=InputPath(file_okay=False),
    help="A team templates folder, searched before the built-in variants (repeatable).",
)
@click.option(
    "--signatories",
    "signatory_file",
    type=InputPath(dir_okay=False, allow_dash=True),
    help="Replace the spec's signatories with a sign-on export (cleaned, de-duplicated, "
    "ordered by the spec's options.signatory_order).",
)
@click.option("--sheet", help="The sheet of an .xlsx/.xls/.ods recipient list (default: first).")
@click.option(
    "--input-format",
    "input_format",
    type=click.Choice(TABLE_FORMATS),
    help="The recipient list's format when its name does not say (-r -: sniffed).",
)
@click.option(
    "--encoding", help="The encoding of a CSV recipient list (cp1252 ...) instead of detecting it."
)
@click.option("--signatories-sheet", help="The sheet of a workbook given to --signatories.")
@click.option(
    "--merge-duplicates",
    is_flag=True,
    help='Also merge --signatories names listed as "likely the same" (typing slips).',
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check every row as a real run would (compose, fill, render in memory) and list "
    "the file names and the rows that would fail; write nothing. Exit 1 if any would fail.",
)
@click.option(
    "--output-format",
    "output_fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How the rows are reported on stdout: json lists every row (keys in "
    "docs/merge.md), with --dry-run too (--format names the letters' format).",
)
@click.option(
    "--allow-failures",
    is_flag=True,
    help="Exit with status 0 when some rows failed but others were written (the failed "
    "rows are still reported and listed in manifest.csv).",
)
@click.option("--strict", is_flag=True, hidden=True, help="The default now: a failed row exits 1.")
@output_options
@run_guarded
def merge(
    spec: Path,
    source: Path | None,
    outdir: Path,
    where: tuple[str, ...],
    committees: tuple[str, ...],
    fmt: str,
    mail_from: str | None,
    reply_to: str | None,
    attach_pdf: bool,
    combined: bool,
    jobs: int,
    force: bool,
    reference: Path | None,
    audience: str | None,
    template_dirs: tuple[Path, ...],
    signatory_file: Path | None,
    sheet: str | None,
    input_format: str | None,
    encoding: str | None,
    signatories_sheet: str | None,
    merge_duplicates: bool,
    dry_run: bool,
    output_fmt: str,
    allow_failures: bool,
    strict: bool,
) -> None:
    """Render the letter SPEC once for every recipient into a folder.

    Each letter gets the recipient's address block and salutation from their office;
    text in the spec may use {{ recipient.name }}, {{ recipient.state }} and any column
    of the list. Letters that already exist are skipped (--force replaces them); rows
    that cannot be used are reported and skipped, and the exit status is 1 (0 with
    --allow-failures when other letters were written). manifest.csv lists every
    recipient, file, status and message.

    SPEC may be - (standard input), as may -r or --signatories: one of them.

    Without -r the letters go to members of Congress from the congress data that
    'draftkit recipients update' fetched; merge warns when that data is older than
    recipients.max_age_days in draftkit.yaml (default 90 days).

    \b
    Examples:
      draftkit recipients update
      draftkit merge letter.yaml --committee SSFR -o out/ssfr/
      draftkit merge letter.yaml -r data/congress-legislators \\
          --committee SSFR -o out/ssfr/
      draftkit merge letter.yaml -r list.csv --where state=ID -o out/ --combined
    """
    dashes = [str(p) for p in (spec, source, signatory_file) if p is not None and str(p) == "-"]
    if len(dashes) > 1:
        raise click.UsageError(
            "standard input (-) can be read once: give it to one of SPEC, -r and --signatories"
        )
    config = load_config(spec)
    source = _recipient_source(source, config)
    people = load_recipients(
        source,
        where=where,
        committees=committees,
        fmt=input_format,
        sheet=sheet,
        encoding=encoding,
        on_read=_note_read,
    )
    if not people:
        wanted = [f"--where {w}" for w in where] + [f"--committee {c}" for c in committees]
        if wanted:
            echo_error(
                f"no recipient in {source} matches {' '.join(wanted)}; nothing was written"
                " (list the recipients with --dry-run and fewer conditions)"
            )
        else:
            echo_error(f"{source} lists no recipients; nothing was written")
        raise SystemExit(1)
    chosen = cast("MergeFormat", fmt)
    if fmt != "eml" and (mail_from or reply_to or attach_pdf):
        echo_error("--from, --reply-to and --attach-pdf go with --format eml")
        raise SystemExit(2)
    if fmt == "eml" and combined:
        echo_error("--combined is not available with --format eml")
        raise SystemExit(2)
    mail = (
        MailSettings(sender=mail_from or "", reply_to=reply_to, attach_pdf=attach_pdf)
        if fmt == "eml"
        else None
    )
    # a spec on standard input is read here, once (the letter goes on as a Letter)
    spec_input: Letter | Path = load_letter(spec) if str(spec) == "-" else spec
    if signatory_file is not None:
        letter = load_letter(spec)
        imported = read_signatories(
            signatory_file, sheet=signatories_sheet, merge_near=merge_duplicates
        )
        if "(detected)" in imported.read_as:
            echo(f"draftkit: note: {imported.source} read as {imported.read_as}", err=True)
        else:
            echo_verbose(f"draftkit: note: {imported.source} read as {imported.read_as}")
        for warning in imported.warnings:
            echo(f"draftkit: warning: {warning}", err=True)
        if not merge_duplicates:
            for pair in imported.near_duplicates:
                echo(
                    f"draftkit: warning: {signatory_file}: {pair.line()} — not merged; both"
                    " count (--merge-duplicates merges them)",
                    err=True,
                )
        ordered = order_signatories(imported.signatories, letter.options.signatory_order)
        spec_input = letter.model_copy(update={"signatories": ordered})
        echo(
            f"signatories: {len(ordered)} from {signatory_file}"
            f" ({len(imported.duplicates)} duplicates merged, {len(imported.skipped)} skipped)",
            err=True,
        )

    inputs: dict[str, Path | None] = {
        "the spec": spec,
        "the recipient list": None if str(source) == "-" else source,
        "the signatory file": signatory_file,
        "the reference document": reference,
    }
    if dry_run:
        checked = dry_run_merge(
            spec_input,
            people,
            outdir,
            fmt=chosen,
            force=force,
            reference=reference,
            config=config,
            audience=audience,
            template_dirs=template_dirs,
            inputs=inputs,
            mail=mail,
        )
        _report_dry_run(checked, output_fmt)
        if checked.errors:
            raise SystemExit(1)
        return
    check_outputs(outdir, people, chosen, inputs)
    errors: list[MergeRow] = []
    # the bar starts with the first row, so a merge refused before any letter (a template
    # the sandbox refuses) prints its one error line and nothing else
    bars = contextlib.ExitStack()
    bar: Any = None

    def progress(row: MergeRow) -> None:
        nonlocal bar
        if bar is None:
            bar = bars.enter_context(
                click.progressbar(
                    length=len(people),
                    label="merging",
                    show_pos=True,
                    hidden=is_quiet() or is_verbose(),  # -v lists the rows instead
                    file=sys.stderr,
                )
            )
        if row.status == "error":
            errors.append(row)
        elif is_verbose():
            echo(f"draftkit: {row.status} #{row.index} {row.recipient}: {row.file}", err=True)
        bar.update(1)

    with bars:
        result = mail_merge(
            spec_input,
            people,
            outdir,
            fmt=chosen,
            combined=combined,
            force=force,
            reference=reference,
            config=config,
            audience=audience,
            template_dirs=template_dirs,
            jobs=jobs,
            progress=progress,
            mail=mail,
        )
    for row in errors:
        # a row without a name is labelled by its place, which the message starts with
        who = "" if row.message.startswith(f"{row.recipient}: ") else f" {row.recipient}:"
        echo(f"draftkit: skipped #{row.index}{who} {row.message}", err=True)
    for warning in result.warnings:
        echo(f"draftkit: warning: {warning}", err=True)
    echo(
        f"{result.rendered} rendered, {result.skipped} already there, {result.errors} failed"
        f" -> {outdir}" + (f" (manifest: {result.manifest.name})" if result.manifest else ""),
        err=True,
    )
    if result.combined is not None:
        echo(f"wrote {result.combined}", err=True)
    if output_fmt == "json":
        echo(_json_report(result, dry_run=False), data=True)
    unaddressed = result.unaddressed
    if unaddressed:
        forms = sum(1 for row in unaddressed if row.contact_form)
        echo(
            f"draftkit: {len(unaddressed)} of the messages have no e-mail address and will"
            " not be sent; manifest.csv lists them"
            + (f" ({forms} with the member's contact_form)" if forms else ""),
            err=True,
        )
        for row in unaddressed[:10]:
            echo(f"  #{row.index} {row.recipient}", err=True)
        if len(unaddressed) > 10:
            echo(f"  ... and {len(unaddressed) - 10} more", err=True)
    # a failed row is a partial failure (exit 1) unless --allow-failures; a merge that
    # wrote nothing fails whatever the flag says
    if result.errors and (not allow_failures or not (result.rendered or result.skipped)):
        raise SystemExit(1)
