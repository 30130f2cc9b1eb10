"""A Jinja or sandbox error turned into one :class:`~draftkit.errors.TemplateError` naming
the template file and line: an undefined variable (:class:`MissingVariableError`), a limit
or an unsafe access (refused), a missing template, a syntax error, a blank cell printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jinja2
from jinja2.exceptions import SecurityError

from draftkit.compose.limits import LimitError, UnsafeNameError
from draftkit.compose.sandbox import BlankPrintedError
from draftkit.errors import TemplateError, TemplateRefusedError

__all__ = ["MissingVariableError", "convert_error"]


def _template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """The template file and line an exception was raised at (innermost template frame)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.filename or exc.name, exc.lineno
    found: tuple[str | None, int | None] = (None, None)
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


_UNDEFINED_ATTR = re.compile(r"has no attribute '([^']+)'")
_UNDEFINED_NAME = re.compile(r"^'([^']+)' is undefined")


def _explain_undefined(message: str) -> str:
    match = _UNDEFINED_NAME.match(message) or _UNDEFINED_ATTR.search(message)
    return match.group(1) if match else message


class MissingVariableError(TemplateError):
    """A template used a name that nothing defines.

    Attributes:
        variable: The top-level name (``purpose``), or None for a missing attribute.
        template: The template file that used it (not shortened for display).
    """

    variable: str | None = None
    template: str | None = None


def convert_error(
    exc: BaseException,
    *,
    display: Callable[[str | None], str | None],
    subject: str,
    undefined_hint: str,
) -> TemplateError:
    """Turn a Jinja or sandbox error into one TemplateError with file and line."""
    filename, line = _template_line(exc)
    path = display(filename)
    if isinstance(exc, RecursionError):
        return TemplateRefusedError(
            f"{subject} recurses too deeply (an include or macro that calls itself?)",
            path=path,
            line=line,
            hint="remove the self-reference",
        )
    if isinstance(exc, BlankPrintedError):
        return TemplateError(
            f"the recipient's '{exc.name}' is empty",
            path=path,
            line=line,
            hint=f"fill in that cell of the list, or write {exc.name}|default('') where it may"
            " be empty",
        )
    if isinstance(exc, jinja2.UndefinedError):
        top = _UNDEFINED_NAME.match(str(exc))
        name = _explain_undefined(str(exc))
        error = MissingVariableError(
            f"undefined variable '{name}'", path=path, line=line, hint=undefined_hint
        )
        error.variable = top.group(1) if top else None
        error.template = filename
        return error
    if isinstance(exc, LimitError | UnsafeNameError):
        return TemplateRefusedError(
            f"refused: {exc}", path=path, line=line, hint="templates produce letter text only"
        )
    if isinstance(exc, SecurityError):
        return TemplateRefusedError(
            f"unsafe template: {str(exc).rstrip('.')}",
            path=path,
            line=line,
            hint="templates may use the letter's data, variables and filters only",
        )
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(
            f"template '{exc.name}' not found",
            path=path,
            line=line,
            hint="check the name in extends/include/import; it must be in a template folder",
        )
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(
            f"template syntax error: {exc.message}",
            path=path,
            line=line,
            hint="see https://jinja.palletsprojects.com/templates/",
        )
    if isinstance(exc, MemoryError | OverflowError):
        return TemplateError(f"{subject} builds a value too large", path=path, line=line)
    return TemplateError(
        f"{subject} failed: {type(exc).__name__}: {exc}".rstrip(),
        path=path,
        line=line,
        hint="fix the expression on that line",
    )
