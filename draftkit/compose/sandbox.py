"""The Jinja2 sandbox of compose: limits, the environment, errors, one-off strings.

Templates and clause text may come from a shared drive written by anyone. They run in
Jinja's immutable sandbox with strict undefined variables, and with limits on value
sizes, loop turns, format widths and call depth; every failure becomes one
:class:`~draftkit.errors.TemplateError` naming the template file and line.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace

from draftkit.cells import BlankValue, DataValue
from draftkit.compose.compiled import CompiledTemplateCache
from draftkit.errors import DraftkitError, TemplateError, TemplateRefusedError
from draftkit.languages import count_words, format_date
from draftkit.markup import escape
from draftkit.numbers import number_words

__all__ = [
    "MAX_CALL_DEPTH",
    "MAX_ITERATIONS",
    "MAX_OUTPUT_CHARS",
    "MAX_TEMPLATE_BYTES",
    "render_string",
]

MAX_OUTPUT_CHARS = 200_000
"""The most characters one block, clause or string may render to (or any value built)."""

MAX_ITERATIONS = 100_000
"""The most times loops may run over one render (all ``{% for %}`` loops together)."""

MAX_CALL_DEPTH = 50
"""How deeply macros and calls may nest (a macro calling itself stops here)."""

MAX_TEMPLATE_BYTES = 256 * 1024
"""Template files larger than this are refused."""


# --------------------------------------------------------------------------- limits


class LimitError(SecurityError):
    """A sandbox limit was hit (output size, loop range, call depth)."""


class UnsafeNameError(SecurityError):
    """A template name points outside the template folders or through a symlink."""


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


def _default(value: Any, default_value: Any = "", boolean: bool = False) -> Any:
    """Jinja's ``default`` that also replaces a blank recipient cell."""
    if isinstance(value, BlankValue | jinja2.Undefined) or (boolean and not value):
        return default_value
    return value


def _and_list(items: Any, conjunction: str = "and", serial: bool = True) -> str:
    """``["A", "B", "C"]`` -> ``"A, B, and C"`` (``serial=False``: ``"A, B and C"``)."""
    parts = [str(i) for i in items if str(i).strip()]
    if len(parts) <= 2:
        return f" {conjunction} ".join(parts)
    comma = "," if serial else ""
    return ", ".join(parts[:-1]) + f"{comma} {conjunction} " + parts[-1]


def _long_date(value: Any, style: str = "us", language: str | None = None) -> str:
    """A date as "May 25, 2021" (``us``) or "25 May 2021" (``international``), or in
    ``language`` ("16 mars 2026"); never from the machine's locale."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if not isinstance(value, dt.date):
        return str(value)
    return format_date(value, language, style)


def _count_words(
    value: Any, language: str | None = None, limit: int = 99, feminine: bool = False
) -> str:
    """A count in words in ``language``: ``21|count_words("fr", feminine=true)`` ->
    "vingt et une"; larger than ``limit`` stays digits."""
    return count_words(value, language, limit=limit, feminine=feminine)


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


# --------------------------------------------------------------------------- error handling


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


# --------------------------------------------------------------------------- one-off strings


class _NoTemplates(jinja2.BaseLoader):
    """The loader of one-off strings: include, import and extends are refused."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        raise UnsafeNameError(
            f"'{template}' cannot be included here: clause text and one-off strings may not"
            " include, import or extend templates"
        )


@functools.cache
def string_env() -> Sandbox:
    """The sandbox of one-off strings (clause wording, the spec's own text)."""
    return make_env(_NoTemplates(), bytecode_cache=CompiledTemplateCache())


@functools.lru_cache(maxsize=1024)
def _compiled(source: str) -> jinja2.Template:
    env = string_env()
    cache = env.bytecode_cache
    if isinstance(cache, CompiledTemplateCache):
        return cache.compile_string(env, source)
    return env.from_string(source)


def render_string(source: str, variables: Mapping[str, Any], *, name: str = "<string>") -> str:
    """Render a short template string (a clause's wording, a per-recipient line) safely.

    The same sandbox and limits as the variants apply; ``include``/``extends``/``import``
    are not available.

    Args:
        source: The template text, e.g. ``"the undersigned {{ signatories|length }}"``.
        variables: The names the text may use.
        name: Shown in error messages as the file (e.g. ``clauses/asks.yaml``).

    Returns:
        The rendered text.

    Raises:
        TemplateError: Syntax errors, undefined variables (named), unsafe access or a limit.
    """
    if len(source) > MAX_OUTPUT_CHARS:
        raise TemplateError("text to render is too long", path=name)
    env = string_env()

    def shown(_: str | None) -> str:
        return name

    try:
        template = _compiled(source)
        return run_template(env, lambda: template.generate(dict(variables)))
    except RecursionError as exc:
        raise convert_error(exc, display=shown, subject="text", undefined_hint="") from None
    except DraftkitError:
        raise
    except Exception as exc:
        raise convert_error(
            exc,
            display=shown,
            subject="text",
            undefined_hint="add it under variables: in the spec",
        ) from None
