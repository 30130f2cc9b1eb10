"""The Jinja2 sandbox of compose: the environment templates and clause text run in.

Templates and clause text may come from a shared drive written by anyone. They run in
Jinja's immutable sandbox with strict undefined variables, and with limits on value
sizes, loop turns, format widths and call depth (:mod:`draftkit.compose.limits`); every
failure becomes one :class:`~draftkit.errors.TemplateError` naming the template file and
line (:mod:`draftkit.compose.templateerrors`). The code generator here decides the code a
template compiles to, so the compiled-template cache keys on this module
(:mod:`draftkit.compose.compiled`); draftkit's own filters are in
:mod:`draftkit.compose.filters`, one-off strings in :mod:`draftkit.compose.strings`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment

from draftkit.cells import BlankValue, DataValue
from draftkit.compose.filters import _and_list, _count_words, _default, _long_date
from draftkit.compose.limits import (
    _BUDGET,
    MAX_CALL_DEPTH,
    MAX_ITERATIONS,
    MAX_OUTPUT_CHARS,
    LimitError,
    _BoundedNamespace,
    _Budget,
    _budget,
    _check_format,
    _check_format_args,
    _check_power,
    _check_repeat,
    _check_size,
    _check_str_method,
    _estimated_size,
    _guard_filter,
    _too_big,
)
from draftkit.markup import escape
from draftkit.numbers import number_words

__all__ = ["BlankPrintedError", "Sandbox", "display_path", "make_env", "run_template"]


_BLANK_MARK = "\x00blank:"
_BLANK_RE = re.compile("\x00blank:([^\x00]*)\x00")


def _settle_blanks(text: str) -> str:
    """Text that printed blank cells: empty if nothing else was printed, else an error."""
    names = _BLANK_RE.findall(text)
    if not names:
        return text
    rest = _BLANK_RE.sub("", text)
    if rest.strip():
        raise BlankPrintedError(names[0])
    return ""


class BlankPrintedError(Exception):
    """A template printed a :class:`BlankValue` inside other text."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the current folder when below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- environment


class _CountingCodeGenerator(CodeGenerator):
    """Compiles ``{% for %}`` through ``environment.guard_iter`` and ``~`` through
    ``environment.guard_join``, so loops are counted and joins are sized first."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:  # noqa: N802
        self.write("environment.guard_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_For(self, node: nodes.For, frame: Frame) -> None:  # noqa: N802 - Jinja's name
        if not getattr(node, "draftkit_guarded", False):
            node.iter = nodes.Call(
                nodes.EnvironmentAttribute("guard_iter", lineno=node.lineno),
                [node.iter],
                [],
                None,
                None,
                lineno=node.lineno,
            )
            node.draftkit_guarded = True  # type: ignore[attr-defined]
        super().visit_For(node, frame)


class Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with limits on sizes, loops, formats and call depth."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CountingCodeGenerator

    def guard_iter(self, iterable: Any) -> Iterator[Any]:
        """Iterate, counting every item of every loop against :data:`MAX_ITERATIONS`."""
        budget = _budget()
        for item in iterable:
            budget.iterations += 1
            if budget.iterations > MAX_ITERATIONS:
                raise LimitError(
                    f"loops may run at most {MAX_ITERATIONS:,} times in all (nested loops?)"
                )
            yield item

    def guard_join(self, parts: Sequence[Any]) -> str:
        """``a ~ b ~ c``: refuse a result over the size limit before building it."""
        if sum(_estimated_size(p) for p in parts) > MAX_OUTPUT_CHARS:
            _too_big("joining values with ~")
        return "".join(str(p) for p in parts)

    def concat(self, parts: Iterable[str]) -> str:
        """Join a buffer (a macro's, a ``set`` block's) only if the result is not huge."""
        items = parts if isinstance(parts, list) else list(parts)
        if sum(len(p) for p in items) > MAX_OUTPUT_CHARS:
            _too_big("a macro or block's text")
        return "".join(items)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
            _check_format_args(left, right)
        elif operator == "+" and _estimated_size(left) + _estimated_size(right) > MAX_OUTPUT_CHARS:
            _too_big("joining two values")
        result = super().call_binop(context, operator, left, right)
        _check_size(result)
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        template: str = value.__self__
        _check_format(template)

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_format_args(template, (*args, *kwargs.values()))
            if value.__name__ == "format_map" and args:
                _check_format_args(template, args[0])
            return wrapped(*args, **kwargs)

        return functools.update_wrapper(checked, value)

    def call(
        __self,  # noqa: N805
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_OUTPUT_CHARS:
                raise LimitError(f"a call got a huge number ({value})")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str | bytes):
            _check_str_method(owner, getattr(__obj, "__name__", ""), args, kwargs)
        budget = _budget()
        budget.depth += 1
        try:
            if budget.depth > MAX_CALL_DEPTH:
                raise LimitError(
                    f"macros or calls nested more than {MAX_CALL_DEPTH} deep"
                    " (a macro calling itself?)"
                )
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            budget.depth -= 1
        _check_size(result)
        return result


def _finalize(value: Any) -> Any:
    if isinstance(value, BlankValue):
        return f"{_BLANK_MARK}{value.name}\x00"
    if isinstance(value, DataValue):
        return escape(value)
    if _estimated_size(value) > MAX_OUTPUT_CHARS:
        _too_big("printing a value")
    return value


def make_env(
    loader: jinja2.BaseLoader | None, *, bytecode_cache: jinja2.BytecodeCache | None = None
) -> Sandbox:
    env = Sandbox(
        loader=loader,
        bytecode_cache=bytecode_cache,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
        auto_reload=True,
    )
    env.globals.pop("lipsum", None)
    env.globals["namespace"] = _BoundedNamespace
    env.filters["and_list"] = _and_list
    env.filters["number_words"] = number_words
    env.filters["longdate"] = _long_date
    env.filters["count_words"] = _count_words
    env.filters["default"] = env.filters["d"] = _default
    for name, func in list(env.filters.items()):
        env.filters[name] = _guard_filter(name, func)
    return env


def run_template(env: Sandbox, produce: Callable[[], Iterator[str]]) -> str:
    """Consume a render generator inside a fresh budget, capping the output."""
    token = _BUDGET.set(_Budget())
    try:
        parts: list[str] = []
        size = 0
        try:
            for chunk in produce():
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:
                    _too_big("the rendered text")
                parts.append(chunk)
        except Exception:
            env.handle_exception()
        text = "".join(parts)
        return _settle_blanks(text) if _BLANK_MARK in text else text
    finally:
        _BUDGET.reset(token)
