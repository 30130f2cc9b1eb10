"""``draftkit templates``: list, inspect and start template variants."""

from __future__ import annotations

from pathlib import Path

import click

from draftkit.cli._common import InputPath, echo, output_options, run_guarded
from draftkit.compose import list_variants, new_variant, variant_info
from draftkit.config import load_config

__all__ = ["templates"]

_TEMPLATES_OPTION = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=InputPath(file_okay=False),
    help="A team templates folder, searched before draftkit.yaml's folders and the "
    "built-ins (repeatable).",
)


def _search_path(extra: tuple[Path, ...]) -> list[Path]:
    return [*extra, *load_config().templates]


@click.group()
def templates() -> None:
    """List, inspect and start template variants (one per audience).

    A variant fills the parts of a letter the spec leaves empty: opening, asks
    introduction, closing, complimentary close and default options. Team folders
    (--templates, then `templates:` in draftkit.yaml) are searched before the built-ins.
    """

@templates.command("list")
@_TEMPLATES_OPTION
@output_options
@run_guarded
def list_command(template_dirs: tuple[Path, ...]) -> None:
    """List the variants you can use as `audience:` in a spec."""

    variants = list_variants(_search_path(template_dirs))
    for info in variants:
        origin = "built-in" if info.builtin else "team"
        if info.shadows is not None:
            origin = "team*"
        if info.error:
            echo(f"{info.name:<20} {origin:<9} BROKEN: {info.error}")
            continue
        echo(f"{info.name:<20} {origin:<9} {info.description}")
    if any(info.shadows is not None for info in variants):
        echo("* a team variant that replaces the built-in of the same name")


@templates.command("show")
@click.argument("name")
@click.option("--source", is_flag=True, help="Print the template file itself.")
@_TEMPLATES_OPTION
@output_options
@run_guarded
def show_command(name: str, source: bool, template_dirs: tuple[Path, ...]) -> None:
    """Show what variant NAME inherits, which variables it needs, and its blocks."""

    info = variant_info(name, _search_path(template_dirs))
    if source:
        echo(info.path.read_text(encoding="utf-8"), nl=False, data=True)
        return
    echo(f"{info.name}: {info.description}")
    echo(f"  file:      {info.path}" + ("  (built-in)" if info.builtin else ""))
    if info.shadows is not None:
        echo(f"  replaces:  {info.shadows}")
    echo(f"  inherits:  {' -> '.join(info.ancestors) or '(nothing: the root variant)'}")
    if info.example_office:
        echo(f"  meant for: office {info.example_office} (and similar)")
    echo("  variables (under variables: in the spec):")
    if not info.variables:
        echo("    (none)")
    for var in info.variables:
        need = "required" if var.required else "optional"
        used = f" [used in {', '.join(var.used_in)}]" if var.used_in else ""
        echo(f"    {var.name} ({need}): {var.description}{used}")
        if var.example:
            echo(f"        e.g. {var.example}")
    echo(f"  blocks it defines: {', '.join(info.blocks) or '(none)'}")
    echo(f"  blocks inherited:  {', '.join(info.inherited_blocks) or '(none)'}")
    if info.undeclared:
        echo(
            "  warning: uses names not declared in its front matter: " + ", ".join(info.undeclared),
            err=True,
        )


@templates.command("new")
@click.argument("name")
@click.option("--from", "base", required=True, help="The variant to start from.")
@click.option(
    "--dir",
    "dest",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write NAME.j2 (default: the first templates folder of draftkit.yaml, "
    "else ./templates).",
)
@click.option("--force", is_flag=True, help="Replace an existing file.")
@_TEMPLATES_OPTION
@output_options
@run_guarded
def new_command(
    name: str, base: str, dest: Path | None, force: bool, template_dirs: tuple[Path, ...]
) -> None:
    """Start a team variant NAME from variant BASE (its blocks copied in, ready to edit)."""

    config = load_config()
    folder = dest or (config.templates[0] if config.templates else Path("templates"))
    path = new_variant(
        name, base, folder, template_dirs=[*template_dirs, *config.templates], force=force
    )
    echo(f"wrote {path}", status=True)
    known = [p.resolve() for p in config.templates]
    if folder.resolve() not in known:
        echo(
            f"note: add `templates: [{folder}]` to draftkit.yaml (or pass --templates {folder}) "
            "so draftkit finds it",
            err=True,
        )
