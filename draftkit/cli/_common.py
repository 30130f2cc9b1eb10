"""Helpers shared by the CLI commands: error handling and output conventions.

Every command takes ``-q/--quiet`` and ``-v/--verbose`` (:func:`output_options`): quiet
prints only errors (and the data the command was asked for on standard output: a letter,
a spec, JSON, a report); verbose adds the notes that are hidden otherwise (how each input
was read, what a template adds), printed with :func:`echo_verbose`. Messages about the run
go through :func:`echo` with ``err=True`` (or ``status=True``) and are dropped by -q.

Everything the CLI prints goes through :func:`echo`, which shows characters a terminal
would act on (escape sequences, bidi overrides) escaped: user data (clause text, names,
file names) cannot recolour, move or reorder what a person sees. Documents written to
standard output (a spec, JSON, a rendered letter) stay byte-exact when stdout is a file
or a pipe, and are shown escaped only on a terminal.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from draftkit.errors import DraftkitError

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=Callable[..., Any])


def _isatty(err: bool) -> bool:
    stream = sys.stderr if err else sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


QUIET, NORMAL, VERBOSE = -1, 0, 1
_VERBOSITY = "draftkit.verbosity"


def verbosity() -> int:
    """The running command's level: :data:`QUIET`, :data:`NORMAL` or :data:`VERBOSE`."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return NORMAL
    level = ctx.meta.get(_VERBOSITY, NORMAL)
    return int(level)


def is_quiet() -> bool:
    """True under ``-q``: print only errors (and the data asked for)."""
    return verbosity() == QUIET


def is_verbose() -> bool:
    """True under ``-v``: print the notes that are hidden otherwise."""
    return verbosity() == VERBOSE


def _set_level(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    wanted = QUIET if param.name == "quiet" else VERBOSE
    current = ctx.meta.get(_VERBOSITY, NORMAL)
    if current not in (NORMAL, wanted):
        raise click.UsageError("-q/--quiet and -v/--verbose do not go together", ctx=ctx)
    ctx.meta[_VERBOSITY] = wanted


def output_options(command: F) -> F:
    """Add ``-q/--quiet`` and ``-v/--verbose`` to a command (every command has them)."""
    command = click.option(
        "-v",
        "--verbose",
        "verbose",
        is_flag=True,
        expose_value=False,
        callback=_set_level,
        help="Also print the notes that are hidden otherwise (how inputs were read, what "
        "is added and why).",
    )(command)
    command = click.option(
        "-q",
        "--quiet",
        "quiet",
        is_flag=True,
        expose_value=False,
        callback=_set_level,
        help="Print only errors (and the output asked for); no progress, notes or warnings.",
    )(command)
    return command


def echo(
    message: str = "",
    *,
    err: bool = False,
    nl: bool = True,
    data: bool = False,
    status: bool | None = None,
) -> None:
    """Print one message (or a document) with terminal controls shown escaped.

    Args:
        message: The text.
        err: Print to standard error.
        nl: End with a newline.
        data: The text is a document for standard output (YAML, JSON, a letter): written
            exactly when stdout is a file or a pipe, escaped only on a terminal.
        status: A message about the run (what was written, counts, notes, warnings),
            dropped under ``-q``; by default, whatever goes to standard error.
    """
    if (err if status is None else status) and is_quiet():
        return
    if not data or _isatty(err):
        # deferred for start-up time: its patterns compile once the command's code cache
        # is in place (draftkit.cli._codecache), not at every start before it
        from draftkit.characters import shown

        message = shown(message)
    click.echo(message, err=err, nl=nl)


def echo_error(message: str) -> None:
    """Print one error line to stderr, prefixed with ``draftkit: error:`` (even under -q)."""
    echo(f"draftkit: error: {' '.join(message.splitlines())}", err=True, status=False)


def echo_verbose(message: str) -> None:
    """Print a note to stderr under ``-v`` only."""
    if is_verbose():
        echo(message, err=True)


EXIT_OK = 0
"""The command did what it was asked and found nothing wrong."""
EXIT_FAILED = 1
"""Findings (check errors, count mismatches), failed rows or files, or an input that is
missing or cannot be used: the command ran and says what went wrong."""
EXIT_USAGE = 2
"""The command line itself is wrong (unknown option, missing argument, bad choice): click's
own usage errors, and options that do not go together."""


class MissingInputError(click.ClickException):
    """An input file or folder named on the command line is not there (exit code 1)."""

    exit_code = EXIT_FAILED


class InputPath(click.Path):
    """A file or folder the command reads; a missing one is exit code 1, not click's 2.

    A missing input is an input problem, as an unreadable or malformed file is, and the
    batch commands (``ingest``, ``clauses harvest``) go on past one and exit 1; so every
    command says "PATH: file not found — check the path" and exits 1, before anything is
    read or written (docs/cli.md, "Exit codes").
    """

    def __init__(
        self, *, file_okay: bool = True, dir_okay: bool = True, allow_dash: bool = False
    ) -> None:
        super().__init__(
            exists=True,
            file_okay=file_okay,
            dir_okay=dir_okay,
            allow_dash=allow_dash,
            path_type=Path,
        )

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        text = os.fsdecode(value) if isinstance(value, bytes | os.PathLike) else str(value)
        if not (self.allow_dash and text == "-") and not os.path.lexists(text):
            what = "folder" if not self.file_okay else "file"
            raise MissingInputError(f"{text}: {what} not found — check the path")
        return super().convert(value, param, ctx)


def run_guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a command so a DraftkitError becomes one clean line and exit code 1.

    Also turns Ctrl-C into exit code 130 without a traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DraftkitError as exc:
            echo_error(str(exc))
            raise SystemExit(1) from None
        except KeyboardInterrupt:
            echo_error("interrupted")
            raise SystemExit(130) from None

    return wrapper
