"""``draftkit new``: scaffold a commented letter spec for a template variant."""

from __future__ import annotations

from pathlib import Path

import click

from draftkit.cli._common import InputPath, echo, output_options, run_guarded
from draftkit.cli.completion import complete_audiences
from draftkit.compose import scaffold_spec
from draftkit.config import load_config
from draftkit.outputs import write_text_atomic

__all__ = ["new"]


@click.command("new")
@click.option(
    "--audience",
    default="base",
    shell_complete=complete_audiences,
    show_default=True,
    help="The template variant (see `draftkit templates list`).",
)
@click.option("--coalition", is_flag=True, help="A letter signed by several organisations.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The spec file to write (default, or -: print it).",
)
@click.option("--force", is_flag=True, help="Replace an existing file.")
@click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=InputPath(file_okay=False),
    help="A team templates folder, searched first (repeatable).",
)
@output_options
@run_guarded
def new(
    audience: str,
    coalition: bool,
    output: Path | None,
    force: bool,
    template_dirs: tuple[Path, ...],
) -> None:
    """Write a starter spec for an audience, listing the variables its variant uses.

    Example: draftkit new --audience us-congress --coalition -o letter.yaml
    """

    if output is not None and str(output) == "-":
        output = None  # "-o -": standard output, as for render
    folders = [*template_dirs, *load_config(output.parent if output else None).templates]
    text = scaffold_spec(audience, coalition=coalition, template_dirs=folders)
    if output is None:
        echo(text, nl=False, data=True)
        return
    write_text_atomic(output, text, force=force)
    docx = output.with_suffix(".docx")
    echo(
        f"wrote {output}; fill in the TODO values, then: draftkit render {output} -o {docx}",
        status=True,
    )
