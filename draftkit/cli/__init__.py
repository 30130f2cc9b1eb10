"""The ``draftkit`` command line: a thin layer over the public library API.

Sub-commands are registered lazily (module path strings), so ``draftkit --help`` imports
only click and this package, not python-docx, jinja2 or SQLite.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from draftkit._version import __version__

__all__ = ["main"]

# command name -> "module:attribute"; each module is imported only when its command runs.
COMMANDS: dict[str, str] = {
    "address": "draftkit.cli.address:address",
    "check": "draftkit.cli.check:check",
    "new": "draftkit.cli.new:new",
    "templates": "draftkit.cli.templates:templates",
    "render": "draftkit.cli.render:render",
    "schema": "draftkit.cli.render:schema",
}


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: Any = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="draftkit")
def main() -> None:
    """Draft formal advocacy letters from structured specs.

    Write a letter spec in YAML, then `draftkit render letter.yaml -o letter.docx`.
    Run `draftkit COMMAND --help` for each command.
    """
