"""The limits of the template sandbox: value sizes, loop turns, format widths, call depth.

Each render counts its loop turns and call depth against a budget of its own
(:func:`draftkit.compose.sandbox.run_template` starts one); values are sized before they
are built, so a template cannot build a huge string to find out that it is too big.
Hitting a limit raises :class:`LimitError`, which
:func:`draftkit.compose.templateerrors.convert_error` turns into a refusal.
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

from jinja2.exceptions import SecurityError
from jinja2.utils import Namespace

from draftkit.cells import BlankValue, DataValue

__all__ = [
    "MAX_CALL_DEPTH",
    "MAX_ITERATIONS",
    "MAX_OUTPUT_CHARS",
    "MAX_TEMPLATE_BYTES",
    "LimitError",
    "UnsafeNameError",
]


MAX_OUTPUT_CHARS = 200_000
"""The most characters one block, clause or string may render to (or any value built)."""

MAX_ITERATIONS = 100_000
"""The most times loops may run over one render (all ``{% for %}`` loops together)."""

MAX_CALL_DEPTH = 50
"""How deeply macros and calls may nest (a macro calling itself stops here)."""

MAX_TEMPLATE_BYTES = 256 * 1024
"""Template files larger than this are refused."""


class LimitError(SecurityError):
    """A sandbox limit was hit (output size, loop range, call depth)."""


class UnsafeNameError(SecurityError):
    """A template name points outside the template folders or through a symlink."""


@dataclass
class _Budget:
    iterations: int = 0
    depth: int = 0


_BUDGET: contextvars.ContextVar[_Budget] = contextvars.ContextVar("draftkit_template_budget")


def _budget() -> _Budget:
    try:
        return _BUDGET.get()
    except LookupError:
        budget = _Budget()
        _BUDGET.set(budget)
        return budget


def _too_big(what: str) -> NoReturn:
    raise LimitError(
        f"{what} would exceed {MAX_OUTPUT_CHARS:,} characters (a template building a huge string?)"
    )


def _estimated_size(value: Any, limit: int = MAX_OUTPUT_CHARS) -> int:
    """Roughly how many characters ``str(value)`` has; stops counting past ``limit``."""
    total = 0
    stack: list[Any] = [value]
    while stack and total <= limit:
        item = stack.pop()
        if isinstance(item, str | bytes):
            total += len(item)
        elif isinstance(item, Mapping):
            total += 2 + 2 * len(item)
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            total += 2 + 2 * len(item)
            if len(item) > limit:
                return total + len(item)
            stack.extend(item)
        else:
            total += 24
    return total


def _check_size(value: Any) -> None:
    if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > MAX_OUTPUT_CHARS:
        _too_big("a value")


def _check_format(template: str) -> None:
    if re.search(r"%[-#0 +]*\d{6,}|\{[^{}]*[:!][^{}]*\d{6,}", template):
        raise LimitError("a format string asks for a huge width")
    if re.search(r"%[-#0 +]*\*|\{[^{}]*:[^{}]*\{", template):
        raise LimitError("a format string takes its width from an argument")


def _check_format_args(template: str, values: Any) -> None:
    """Refuse formatting that would repeat large arguments many times."""
    if isinstance(values, Mapping):
        values = list(values.values())
    elif not isinstance(values, tuple | list):
        values = [values]
    biggest = max((_estimated_size(v) for v in values), default=0)
    fields = template.count("{") + template.count("%")
    if len(template) + fields * biggest > MAX_OUTPUT_CHARS:
        _too_big("formatting")


def _check_str_method(owner: str | bytes, name: str, args: tuple[Any, ...], kwargs: Any) -> None:
    """Estimate the result of string methods that can grow a string, before calling them."""
    if name == "join" and args and _estimated_size(args[0]) > MAX_OUTPUT_CHARS:
        _too_big("join()")
    if name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        if isinstance(old, str | bytes) and isinstance(new, str | bytes):
            hits = owner.count(old) if old else len(owner) + 1  # type: ignore[arg-type]
            if len(owner) + hits * max(len(new) - len(old), 0) > MAX_OUTPUT_CHARS:
                _too_big("replace()")
    if name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        tabs = owner.count("\t" if isinstance(owner, str) else b"\t")  # type: ignore[arg-type]
        if isinstance(size, int) and len(owner) + tabs * max(size, 1) > MAX_OUTPUT_CHARS:
            _too_big("expandtabs()")
    if name == "translate" and args and isinstance(args[0], Mapping):
        widest = max((_estimated_size(v) for v in args[0].values()), default=1)
        if len(owner) * max(widest, 1) > MAX_OUTPUT_CHARS:
            _too_big("translate()")


def _check_repeat(left: Any, right: Any) -> None:
    seq, count = (left, right) if isinstance(right, int) else (right, left)
    if isinstance(seq, str | bytes | list | tuple) and isinstance(count, int):
        if len(seq) * max(count, 0) > MAX_OUTPUT_CHARS:
            _too_big("repeating a value")
    elif (
        isinstance(left, int)
        and isinstance(right, int)
        and abs(left).bit_length() + abs(right).bit_length() > 4096
    ):
        raise LimitError("a number would grow too large")


def _check_power(left: Any, right: Any) -> None:
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and right > 0
        and right * max(abs(left).bit_length(), 1) > 4096
    ):
        raise LimitError("a power would grow too large")


class _BoundedNamespace(Namespace):
    """``namespace()`` whose attributes cannot grow without bound."""

    def __setitem__(self, name: str, value: Any) -> None:
        if _estimated_size(value) > MAX_OUTPUT_CHARS:
            _too_big("a namespace attribute")
        super().__setitem__(name, value)


def _guard_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        values = [*args, *kwargs.values()]
        for value in values:
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_OUTPUT_CHARS:
                raise LimitError(f"filter '{name}' got a huge number ({value})")
            if isinstance(value, list | tuple | dict | set) and (
                _estimated_size(value) > MAX_OUTPUT_CHARS
            ):
                _too_big(f"filter '{name}'")
        strings = [v for v in values if isinstance(v, str)]
        if name == "format" and strings:
            _check_format(strings[0])
            _check_format_args(strings[0], tuple(values[1:]))
        if name == "replace" and len(strings) >= 3:
            text, old, new = strings[0], strings[1], strings[2]
            hits = text.count(old) if old else len(text) + 1
            if len(text) + hits * max(len(new) - len(old), 0) > MAX_OUTPUT_CHARS:
                _too_big("filter 'replace'")
        if name == "indent" and len(strings) >= 2:
            text, width = strings[0], strings[1]
            if len(text) + (text.count("\n") + 1) * len(width) > MAX_OUTPUT_CHARS:
                _too_big("filter 'indent'")
        result = func(*args, **kwargs)
        _check_size(result)
        if (
            strings
            and isinstance(strings[0], DataValue)
            and isinstance(result, str)
            and not isinstance(result, DataValue | BlankValue)
        ):
            return DataValue(result)  # a filter of recipient data is still data
        return result

    return guarded
