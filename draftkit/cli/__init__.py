"""The ``draftkit`` command line: a thin layer over the public library API.

Sub-commands are registered lazily (module path strings), so ``draftkit --help`` imports
only click and this package, not python-docx, jinja2 or SQLite.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from draftkit._version import __version__

__all__ = ["main"]

# command name -> "module:attribute"; each module is imported only when its command runs.
COMMANDS: dict[str, str] = {
    "address": "draftkit.cli.address:address",
    "check": "draftkit.cli.check:check",
    "clauses": "draftkit.cli.clauses:clauses",
    "ingest": "draftkit.cli.ingest:ingest",
    "merge": "draftkit.cli.merge:merge",
    "new": "draftkit.cli.new:new",
    "render": "draftkit.cli.render:render",
    "schema": "draftkit.cli.render:schema",
    "signatories": "draftkit.cli.signatories:signatories",
    "templates": "draftkit.cli.templates:templates",
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

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the CLI; usage mistakes print one ``draftkit: error:`` line (exit code 2)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            return super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "draftkit"
            message = " ".join(exc.format_message().split())
            click.echo(f"draftkit: error: {message} — see '{where} --help'", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"draftkit: error: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("draftkit: error: aborted", err=True)
            sys.exit(1)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="draftkit")
def main() -> None:
    """Draft formal advocacy letters from structured specs.

    Write a letter spec in YAML, then `draftkit render letter.yaml -o letter.docx`.
    Run `draftkit COMMAND --help` for each command.
    """
