"""``draftkit signatories``: sign-on lists — summary counts and import into a spec."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from draftkit.check import check_letter
from draftkit.cli._common import echo, run_guarded
from draftkit.files import load_data, load_letter
from draftkit.outputs import refuse_input_as_output, write_text_atomic
from draftkit.signatories import (
    OrderPolicy,
    count_signatories,
    count_text,
    order_signatories,
    read_signatories,
    signatories_yaml,
)

_ORDERS = ["as-entered", "organization", "family-name", "lead-then-alphabetical"]
_SPEC_SUFFIXES = (".yaml", ".yml", ".json")


@click.group()
def signatories() -> None:
    """Sign-on letters: count, clean, de-duplicate and order signatories."""

def _is_spec(path: Path) -> bool:
    """A letter spec (YAML/JSON mapping with letter fields) rather than a signatory list."""
    if path.suffix.lower() not in _SPEC_SUFFIXES:
        return False

    data, _ = load_data(path)
    return isinstance(data, dict) and "signatories" in data and len(data) > 1


@signatories.command()
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@run_guarded
def summary(file: Path) -> None:
    """Print counts by type for a sign-on export (CSV) or a letter spec.

    For an export, also the rows merged as duplicates and the rows skipped. For a spec,
    also counts typed into the letter ("the undersigned twelve organizations") that the
    list contradicts.
    """

    mismatches: list[str] = []
    if _is_spec(file):
        letter = load_letter(file)
        people = letter.signatories
        mismatches = [
            f"{finding.where}: {finding.message}" if finding.where else finding.message
            for finding in check_letter(letter).findings
            if finding.rule == "count-mismatch"
        ]
        imported = None
    else:
        imported = read_signatories(file)
        people = imported.signatories
    counts = count_signatories(people)
    echo(f"signatories:   {counts.total}")
    echo(f"organizations: {counts.organizations}")
    echo(f"individuals:   {counts.individuals}")
    echo(f"lead:          {counts.leads}")
    if counts.former:
        echo(f"former:        {counts.former}")
    if imported is not None:
        echo(f"for identification only: {len(imported.identification_only)}")
    echo(f'count text:    "{count_text(people)}"')
    if imported is not None:
        echo(f"duplicates merged: {len(imported.duplicates)}")
        for dup in imported.duplicates:
            echo(f'  {dup.source}: "{dup.dropped}" = "{dup.kept}" ({dup.reason})')
        echo(f"rows skipped: {len(imported.skipped)}")
        for line in imported.skipped:
            echo(f"  {line}")
        if imported.unused_columns:
            echo(f"columns not used: {', '.join(imported.unused_columns)}")
    for line in mismatches:
        echo(f"draftkit: warning: {file}: {line}", err=True)
    if mismatches:
        raise SystemExit(1)


@signatories.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the YAML fragment here (default: print it).",
)
@click.option(
    "--order",
    type=click.Choice(_ORDERS),
    default="as-entered",
    show_default=True,
    help="Ordering policy.",
)
@click.option("-f", "--force", is_flag=True, help="Replace the output file if it exists.")
@run_guarded
def import_(file: Path, output: Path | None, order: str, force: bool) -> None:
    """Clean a sign-on export (CSV/TSV or YAML list) into a spec's signatories: list.

    Names are tidied (spaces, ALL CAPS), duplicates merged ("Rights Watch" and
    "Rights Watch (RW)"; the same person twice), rows without a name skipped, and the
    list ordered. The YAML fragment starts with comments giving the counts and the
    generated count text; paste it into the letter spec.
    """

    if output is not None:
        refuse_input_as_output(output, {"the export being imported": file})
    imported = read_signatories(file)
    policy = cast("OrderPolicy", order)
    ordered = order_signatories(imported.signatories, policy)

    text = signatories_yaml(
        ordered,
        policy=policy,
        source=file.name,
        identification_only=imported.identification_only,
    )
    for dup in imported.duplicates:
        echo(f'merged {dup.source}: "{dup.dropped}" = "{dup.kept}"', err=True)
    for line in imported.skipped:
        echo(f"skipped {line}", err=True)
    for header in imported.unused_columns:
        echo(
            f"note: column '{header}' is not used; if it holds signatory data, rename it "
            "name, organization, title or type",
            err=True,
        )
    if output is None:
        echo(text, nl=False, data=True)
        return
    write_text_atomic(output, text, force=force)
    noun = "signatory" if len(ordered) == 1 else "signatories"
    echo(f"wrote {output} ({len(ordered)} {noun})", err=True)
