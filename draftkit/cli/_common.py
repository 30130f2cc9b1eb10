"""Helpers shared by the CLI commands: error handling and output conventions.

Everything the CLI prints goes through :func:`echo`, which shows characters a terminal
would act on (escape sequences, bidi overrides) escaped: user data (clause text, names,
file names) cannot recolour, move or reorder what a person sees. Documents written to
standard output (a spec, JSON, a rendered letter) stay byte-exact when stdout is a file
or a pipe, and are shown escaped only on a terminal.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from draftkit.characters import shown
from draftkit.errors import DraftkitError

P = ParamSpec("P")
R = TypeVar("R")


def _isatty(err: bool) -> bool:
    stream = sys.stderr if err else sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def echo(message: str = "", *, err: bool = False, nl: bool = True, data: bool = False) -> None:
    """Print one message (or a document) with terminal controls shown escaped.

    Args:
        message: The text.
        err: Print to standard error.
        nl: End with a newline.
        data: The text is a document for standard output (YAML, JSON, a letter): written
            exactly when stdout is a file or a pipe, escaped only on a terminal.
    """
    if not data or _isatty(err):
        message = shown(message)
    click.echo(message, err=err, nl=nl)


def echo_error(message: str) -> None:
    """Print one error line to stderr, prefixed with ``draftkit: error:``."""
    echo(f"draftkit: error: {' '.join(message.splitlines())}", err=True)


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
