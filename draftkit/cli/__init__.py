"""The ``draftkit`` command line: a thin layer over the public library API.

Sub-commands are registered lazily (module path strings) and ``draftkit --help`` lists
them from :data:`SUMMARIES`, so it imports only click and this package: each command's
module, and the library behind it, loads when that command runs.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import gc
import importlib
import os
import sys
import types
from collections.abc import Sequence
from typing import Any

import click

from draftkit._version import __version__
from draftkit.cli import _codecache
from draftkit.cli._common import echo_error

__all__ = ["main"]

# pydantic reads every installed distribution's entry points for plugins the first time it
# builds a model; draftkit uses none, so the CLI turns the search off unless the user has
# set the variable (an empty value: plugins load as usual). See docs/cli.md.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

_PLUGIN_LOADER = "pydantic.plugin._loader"


def _without_plugin_loader() -> None:
    """With every pydantic plugin off, stand in for pydantic's plugin loader module.

    Deferred for start-up time: that module imports ``importlib.metadata`` (and with it
    email, socket, zipfile, csv ...) only to look for plugins, some 3% of a cold
    one-letter render, though with the search off its ``get_plugins()`` returns nothing
    without reading anything. The stand-in's ``get_plugins()`` returns the same empty
    answer; any other name asked of it loads the real module. It is put in place only
    when the variable turns every plugin off and pydantic has not loaded it yet.
    """
    if _PLUGIN_LOADER in sys.modules or os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in (
        "__all__",
        "1",
        "true",
    ):
        return
    stand_in = types.ModuleType(_PLUGIN_LOADER, "draftkit's stand-in: every plugin is off")

    def get_plugins() -> tuple[()]:
        return ()

    def __getattr__(name: str) -> Any:  # noqa: N807 (a module's __getattr__)
        if name.startswith("__"):
            raise AttributeError(name)
        if sys.modules.get(_PLUGIN_LOADER) is stand_in:
            del sys.modules[_PLUGIN_LOADER]
        return getattr(importlib.import_module(_PLUGIN_LOADER), name)

    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    stand_in.__getattr__ = __getattr__  # type: ignore[method-assign]
    sys.modules[_PLUGIN_LOADER] = stand_in


_without_plugin_loader()

# command name -> "module:attribute"; each module is imported only when its command runs.
COMMANDS: dict[str, str] = {
    "address": "draftkit.cli.address:address",
    "check": "draftkit.cli.check:check",
    "clauses": "draftkit.cli.clauses:clauses",
    "diff": "draftkit.cli.diff:diff",
    "ingest": "draftkit.cli.ingest:ingest",
    "merge": "draftkit.cli.merge:merge",
    "new": "draftkit.cli.new:new",
    "recipients": "draftkit.cli.recipients:recipients",
    "render": "draftkit.cli.render:render",
    "schema": "draftkit.cli.render:schema",
    "send": "draftkit.cli.send:send",
    "signatories": "draftkit.cli.signatories:signatories",
    "templates": "draftkit.cli.templates:templates",
}


SUMMARIES: dict[str, str] = {
    "address": "Print the address block, salutations and close for a person in an office.",
    "check": "Check the letter PATH for mistakes a careful reader would point out.",
    "clauses": "Search and maintain the clause library (vetted letter language).",
    "diff": "Write a redline from the letter OLD to the letter NEW (specs or .docx files).",
    "ingest": "Read past letters (.txt, .md, .docx, .html, .pdf) into letter specs.",
    "merge": "Render the letter SPEC once for every recipient into a folder.",
    "new": "Write a starter spec for an audience, listing the variables its variant uses.",
    "recipients": "Recipient data: fetch the US congress directory, see how old it is.",
    "render": "Render the letter SPEC (YAML or JSON) to a .docx, .md, .txt or .pdf file.",
    "schema": "Print the JSON Schema of a letter spec.",
    "send": "Send the .eml messages in OUTDIR over SMTP; without --send, list what would go.",
    "signatories": "Sign-on letters: count, clean, de-duplicate and order signatories.",
    "templates": "List, inspect and start template variants (one per audience).",
}
"""The line ``draftkit --help`` shows for each command (a test keeps it the command's own)."""

QUICK_EXIT = frozenset({"render"})
"""Commands after which the ``draftkit`` script ends the process without tearing Python down.

Each keeps nothing open once it returns (its output file is written and closed, it starts
no thread, a child process it runs has ended) and leaves its clean-up to exit handlers
(see :meth:`LazyGroup.__call__`)."""


class LazyGroup(click.Group):
    """A click group whose sub-commands are imported on first use."""

    resolved: set[str]
    """The names of the sub-commands looked up so far (by :meth:`get_command`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.resolved = set()

    def __call__(self, *args: Any, **extra: Any) -> Any:
        """Run the command line as the ``draftkit`` script does (``sys.argv``), then end.

        For start-up time: as Python ends it frees, one by one, the objects the library
        made (its modules, models and tables), some 2% of a cold one-letter render spent
        just before the process goes away. After a command of :data:`QUICK_EXIT` the
        exit handlers run (the code cache's save), standard output and error are flushed
        and the process ends at once, with the exit code it would have had. Called with
        arguments (tests, other programs) the group runs as any click group does, and
        any other case (another command, a thread still running, an exit code that is
        not a number, an output that cannot be flushed) ends the usual way.
        """
        if args or extra:
            return self.main(*args, **extra)
        try:
            code: Any = self.main()
        except SystemExit as exc:
            code = exc.code
        if self.resolved and self.resolved <= QUICK_EXIT and (code is None or type(code) is int):
            _end_now(code or 0)
        sys.exit(code)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands from :data:`SUMMARIES`, without importing them."""
        width = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, click.Command(name, help=SUMMARIES[name]).get_short_help_str(width))
            for name in self.list_commands(ctx)
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        self.resolved.add(cmd_name)
        module_name, attribute = target.split(":")
        command: Any = getattr(_import_quietly(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """Parse the command line (``--help`` prints here); a closed pipe goes up."""
        try:
            return super().make_context(info_name, args, parent, **extra)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise _PipeClosedError from None
            raise

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a closed pipe is passed up past click (which would exit 1)."""
        try:
            return super().invoke(ctx)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise _PipeClosedError from None
            raise

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the CLI; usage mistakes print one ``draftkit: error:`` line (exit code 2).

        A reader that closes the pipe early (``draftkit ... | head``) ends the command
        quietly with exit code 141, as a shell reports a SIGPIPE; any other failure to
        write the output (a full disk) is one error line and exit code 1.
        """
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
            sys.stdout.flush()
            return result
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "draftkit"
            message = " ".join(exc.format_message().split())
            echo_error(f"{message} — see '{where} --help'")
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            echo_error(" ".join(exc.format_message().split()))
            sys.exit(exc.exit_code)
        except click.Abort:
            echo_error("aborted")
            sys.exit(1)
        except _PipeClosedError:
            _discard_stdout()
            sys.exit(141)
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                _discard_stdout()
                sys.exit(141)
            _discard_stdout()
            reason = exc.strerror or type(exc).__name__
            where = f"{exc.filename}: " if exc.filename else ""
            echo_error(f"{where}cannot write the output ({reason[:1].lower()}{reason[1:]})")
            sys.exit(1)
        except (MemoryError, RecursionError) as exc:
            kind = "ran out of memory" if isinstance(exc, MemoryError) else "nested too deeply"
            echo_error(f"{kind} while reading the input — it is too large to handle")
            sys.exit(1)


def _import_quietly(module_name: str) -> Any:
    """Import a command's module with the code cache on and the garbage collector paused.

    For start-up time: the code Python compiles from text as the command's library loads
    comes from the user cache folder (:mod:`draftkit.cli._codecache`); and that library
    (pydantic models, Jinja, the forms-of-address table) makes tens of thousands of
    objects that live until exit, which the cyclic collector would walk again and again
    while they are made (some 5% of a cold one-letter render). Once imported they are
    moved out of its sight (``gc.freeze``) and collection resumes as before for the
    command's own work. A module already imported (a second command in one process, as in
    the tests) is just looked up.
    """
    if module_name in sys.modules:
        return importlib.import_module(module_name)
    _codecache.install(module_name.rpartition(".")[2])
    if not gc.isenabled():  # switched off by whoever runs the command: left so
        return importlib.import_module(module_name)
    gc.disable()
    try:
        return importlib.import_module(module_name)
    finally:
        gc.freeze()
        gc.enable()


def _end_now(code: int) -> None:
    """End the process with ``code`` once exit handlers have run and output is flushed.

    Returns (for the usual exit) when a thread other than this one is running, or when
    flushing fails (the usual exit then reports it as it always does).
    """
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    atexit._run_exitfuncs()  # each handler runs once: the usual exit finds none left
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        return
    os._exit(code)


class _PipeClosedError(Exception):
    """The reader of standard output went away (``draftkit ... | head``)."""


def _discard_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="draftkit")
def main() -> None:
    """Draft formal advocacy letters from structured specs.

    Write a letter spec in YAML, then `draftkit render letter.yaml -o letter.docx`.
    Run `draftkit COMMAND --help` for each command.

    Exit codes: 0 done; 1 findings, failed rows or files, or a missing or bad input;
    2 a wrong command line (docs/cli.md).
    """
