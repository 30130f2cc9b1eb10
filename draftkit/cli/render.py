"""``draftkit render`` and ``draftkit schema``."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import BinaryIO

import click

from draftkit.build import explain_spec, render_spec
from draftkit.cli._common import InputPath, echo, is_verbose, output_options, run_guarded
from draftkit.cli.completion import complete_audiences
from draftkit.errors import RenderError
from draftkit.schema import Letter

FORMAT_CHOICE = click.Choice(["docx", "md", "txt", "pdf"])


@click.command()
@click.argument("spec", type=InputPath(dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file; its extension (.docx, .md, .txt, .pdf) picks the format. "
    "'-' writes to standard output (with --format; text by default).",
)
@click.option(
    "--format", "fmt", type=FORMAT_CHOICE, help="Output format (overrides the extension)."
)
@click.option(
    "--reference",
    type=InputPath(dir_okay=False),
    help="A house-style .docx: its styles, margins, headers, footers and letterhead.",
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
    "--clauses",
    "clause_dirs",
    multiple=True,
    type=InputPath(file_okay=False),
    help="A clause library folder (repeatable; adds to draftkit.yaml's).",
)
@click.option("-f", "--force", is_flag=True, help="Replace the output file if it exists.")
@click.option(
    "--explain",
    is_flag=True,
    help="List what the template variant and the forms of address add to the spec "
    "(the parts it leaves out), with their text; without -o, render nothing.",
)
@output_options
@run_guarded
def render(
    spec: Path,
    output: Path | None,
    fmt: str | None,
    reference: Path | None,
    audience: str | None,
    template_dirs: tuple[Path, ...],
    clause_dirs: tuple[Path, ...],
    force: bool,
    explain: bool,
) -> None:
    """Render the letter SPEC (YAML or JSON) to a .docx, .md, .txt or .pdf file.

    Clause references are resolved and a missing salutation is derived from the
    recipient's office before rendering. Parts the spec leaves out (opening, asks
    introduction, closing, close, signatory note) come from the template variant;
    a part it writes, even empty (closing: []), is printed as written: --explain
    lists what is added. PDF output needs LibreOffice. An existing output file is
    replaced only with --force.

    SPEC may be - to read the spec (YAML or JSON) from standard input; draftkit.yaml
    is then looked up from the current folder, and errors name <stdin>.
    """

    if explain or (is_verbose() and output is not None):
        lines = explain_spec(
            spec, audience=audience, template_dirs=template_dirs, clause_dirs=clause_dirs
        )
        if lines:
            echo(
                "draftkit: the spec leaves these parts out, so rendering fills them in "
                "(write a part in the spec to change it, or write it empty, e.g. "
                "closing: [], to leave it out):",
                err=True,
            )
            for line in lines:
                echo(f"  {line}", err=True)
        else:
            echo("draftkit: rendering adds nothing: the spec writes every part.", err=True)
    if output is None:
        if explain:
            return
        raise click.UsageError("Missing option '-o' / '--output' (or pass --explain).")

    chosen = fmt or (None if str(output) != "-" else "txt")
    if reference is not None and (chosen or output.suffix.lower().lstrip(".")) in ("md", "txt"):
        echo("draftkit: note: --reference applies to .docx and .pdf output only", err=True)
    if str(output) == "-":
        _to_stdout(spec, chosen or "txt", reference, audience, template_dirs, clause_dirs)
        return
    result = render_spec(
        spec,
        output,
        fmt=fmt,
        reference=reference,
        force=force,
        audience=audience,
        template_dirs=template_dirs,
        clause_dirs=clause_dirs,
    )
    for warning in result.warnings:
        echo(f"draftkit: warning: {warning}", err=True)
    echo(f"wrote {result.path}", err=True)


def _to_stdout(
    spec: Path,
    fmt: str,
    reference: Path | None,
    audience: str | None,
    template_dirs: tuple[Path, ...],
    clause_dirs: tuple[Path, ...],
) -> None:
    """The letter on standard output: the bytes ``render_spec`` writes to a file."""

    terminal = sys.stdout.isatty()
    if fmt in ("docx", "pdf") and terminal:
        raise RenderError(
            f"will not write {fmt} to a terminal", hint="redirect the output or use -o FILE"
        )
    buffer = io.BytesIO()
    result = render_spec(
        spec,
        buffer,
        fmt=fmt,
        reference=reference,
        audience=audience,
        template_dirs=template_dirs,
        clause_dirs=clause_dirs,
    )
    for warning in result.warnings:
        echo(f"draftkit: warning: {warning}", err=True)
    data = buffer.getvalue()
    if terminal:
        echo(data.decode("utf-8"), nl=False, data=True)  # escapes what a terminal acts on
        return
    stream: BinaryIO = sys.stdout.buffer
    stream.write(data)
    stream.flush()


@click.command()
@click.option("--indent", default=2, show_default=True, help="JSON indentation.")
@output_options
def schema(indent: int) -> None:
    """Print the JSON Schema of a letter spec."""

    echo(json.dumps(Letter.model_json_schema(), indent=indent, ensure_ascii=False), data=True)
