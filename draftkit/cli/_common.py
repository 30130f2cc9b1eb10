"""Helpers shared by the CLI commands: error handling and output conventions."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from draftkit.errors import DraftkitError

P = ParamSpec("P")
R = TypeVar("R")


def echo_error(message: str) -> None:
    """Print one error line to stderr, prefixed with ``draftkit: error:``."""
    click.echo(f"draftkit: error: {message}", err=True)


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
