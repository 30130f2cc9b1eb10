"""Compose: a letter spec + an audience variant + forms of address + clauses -> a resolved letter.

A *variant* is a Jinja2 template (``us-congress.j2``) that extends another (``base.j2``
at the root) and fills the prose parts of a letter through named blocks. Each block is
rendered on its own into one field, and only where the spec leaves that field empty (an
explicit value in the spec always wins):

=====================  ===================================================
block                  field it fills (paragraphs are split on blank lines)
=====================  ===================================================
``opening``            ``body`` (first paragraphs), when the body is empty
``context``            ``body`` (after the opening), when the body is empty
``asks_intro``         ``asks_intro``, when there are asks and no intro
``closing``            ``closing``, when it is empty
``complimentary_close``  ``complimentary_close``, when it is not set
``signatory_note``     ``signatory_note``, when it is not set
``salutation``         ``salutation``, only when no addressee names an office
``options``            ``options`` the spec does not set (YAML ``key: value`` lines)
=====================  ===================================================

Templates are searched in the team's folders first (``--templates DIR``, then
``templates:`` in ``draftkit.yaml``), then the built-in variants, so a team overrides a
variant by copying it; ``{% extends "builtin/NAME.j2" %}`` always reaches the built-in.

Templates may come from a shared drive written by anyone, so they run in a sandbox:
Jinja's immutable sandbox (no access to Python internals, no mutation of data), strict
undefined variables, a loader that refuses names outside the template folders and
symbolic links inside them, and limits on output size, repetition, loop ranges and call
depth. Every failure is a :class:`~draftkit.errors.TemplateError` naming the template
file and line.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import os
import re
import threading
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, Protocol

import jinja2
import yaml
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from draftkit.config import ProjectConfig, load_config
from draftkit.errors import ClauseError, DraftkitError, ProtocolError, SpecError, TemplateError
from draftkit.files import load_letter, write_text_atomic
from draftkit.schema import Addressee, Ask, ClauseRef, Letter, LetterOptions, ProvenanceEntry

if TYPE_CHECKING:
    from draftkit.clauses.model import Clause
    from draftkit.protocol import AddressForms

__all__ = [
    "BLOCK_FIELDS",
    "BUILTIN_TEMPLATES",
    "MAX_CALL_DEPTH",
    "MAX_ITERATIONS",
    "MAX_OUTPUT_CHARS",
    "ClauseSource",
    "ComposeResult",
    "TemplateSet",
    "TemplateVariable",
    "VariantInfo",
    "compose",
    "compose_file",
    "list_variants",
    "new_variant",
    "render_string",
    "scaffold_spec",
    "variant_info",
]

BUILTIN_TEMPLATES = Path(__file__).resolve().parent / "templates" / "variants"
"""The folder of the built-in variants (package data)."""

MAX_OUTPUT_CHARS = 200_000
"""The most characters one block, clause or string may render to (or any value built)."""

MAX_ITERATIONS = 100_000
"""The most times loops may run over one render (all ``{% for %}`` loops together)."""

MAX_CALL_DEPTH = 50
"""How deeply macros and calls may nest (a macro calling itself stops here)."""

MAX_TEMPLATE_BYTES = 256 * 1024
"""Template files larger than this are refused."""

BLOCK_FIELDS: dict[str, str] = {
    "opening": "body",
    "context": "body",
    "asks_intro": "asks_intro",
    "closing": "closing",
    "complimentary_close": "complimentary_close",
    "signatory_note": "signatory_note",
    "salutation": "salutation",
    "options": "options",
}
"""Which letter field each block fills."""

_VARIANT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_SEGMENT = r"[A-Za-z0-9_][A-Za-z0-9_.\-]*"
_TEMPLATE_NAME = re.compile(rf"^{_SEGMENT}(?:/{_SEGMENT})*$")
_BUILTIN_PREFIX = "builtin/"
_FRONT_MATTER = re.compile(r"\A\s*\{#-?[ \t]*draftkit:?[ \t]*\n(?P<body>.*?)-?#\}", re.S)
_RESERVED = frozenset(
    {
        "letter",
        "variables",
        "variant",
        "coalition",
        "organizations",
        "individuals",
        "sender_name",
        "recipient",
        "recipients",
        "recipient_forms",
        "office_close",
        "today",
        "signer_count",
    }
)


# --------------------------------------------------------------------------- results


class ComposeResult(BaseModel):
    """What :func:`compose` returns.

    Attributes:
        letter: The resolved letter.
        variant: The template variant that was used.
        warnings: One line per thing worth a look (draft clauses, hidden variables ...).
        filled: The fields filled from the variant or the forms-of-address table.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    letter: Letter
    variant: str
    warnings: list[str] = Field(default_factory=list)
    filled: list[str] = Field(default_factory=list)


class TemplateVariable(BaseModel):
    """A variable a variant uses, declared in its front matter.

    Attributes:
        name: The variable name, as written under ``variables:`` in a spec.
        description: What the value is.
        example: An example value (used by ``draftkit new``).
        required: Needed whenever the block that uses it is rendered.
        used_in: The blocks that use it.
        defined_in: The variant that declares it.
    """

    name: str
    description: str = ""
    example: str | None = None
    required: bool = False
    used_in: list[str] = Field(default_factory=list)
    defined_in: str = ""


class VariantInfo(BaseModel):
    """A template variant: where it is, what it inherits, which variables and blocks it has.

    Attributes:
        name: The variant name (the file name without ``.j2``), used as ``audience:``.
        path: The template file.
        builtin: True for a variant shipped with draftkit.
        description: One line from its front matter.
        parent: The variant it extends (None for the root).
        ancestors: The whole inheritance chain, parent first.
        variables: Declared variables of the variant and its ancestors.
        undeclared: Names the templates use that are neither declared nor provided.
        blocks: Blocks the variant itself defines.
        inherited_blocks: Blocks it takes unchanged from its ancestors.
        example_office: An office key the variant is meant for (used by ``draftkit new``).
        shadows: The built-in file a team variant of the same name hides, if any.
        error: Why the variant cannot be used (set only by :func:`list_variants`).
    """

    name: str
    path: Path
    builtin: bool
    description: str = ""
    parent: str | None = None
    ancestors: list[str] = Field(default_factory=list)
    variables: list[TemplateVariable] = Field(default_factory=list)
    undeclared: list[str] = Field(default_factory=list)
    blocks: list[str] = Field(default_factory=list)
    inherited_blocks: list[str] = Field(default_factory=list)
    example_office: str | None = None
    shadows: Path | None = None
    error: str | None = None


class _VariableMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    example: str | None = None
    required: bool = False


class _FrontMatter(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    example_office: str | None = None
    variables: dict[str, _VariableMeta] = Field(default_factory=dict)


class ClauseSource(Protocol):
    """What compose needs from a clause library: look a clause up by id."""

    def get(self, clause_id: str) -> Clause:
        """Return the clause with this id or raise :class:`ClauseError`."""
        ...


# --------------------------------------------------------------------------- limits


class _LimitError(SecurityError):
    """A sandbox limit was hit (output size, loop range, call depth)."""


class _UnsafeNameError(SecurityError):
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
    raise _LimitError(
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
        raise _LimitError("a format string asks for a huge width")


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
        raise _LimitError("a number would grow too large")


def _check_power(left: Any, right: Any) -> None:
    if (
        isinstance(left, int)
        and isinstance(right, int)
        and right > 0
        and right * max(abs(left).bit_length(), 1) > 4096
    ):
        raise _LimitError("a power would grow too large")


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
                raise _LimitError(f"filter '{name}' got a huge number ({value})")
            if isinstance(value, list | tuple | dict | set) and (
                _estimated_size(value) > MAX_OUTPUT_CHARS
            ):
                _too_big(f"filter '{name}'")
        strings = [v for v in values if isinstance(v, str)]
        if name == "format" and strings:
            _check_format(strings[0])
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
        return result

    return guarded


# --------------------------------------------------------------------------- loader


def _display(path: Path) -> str:
    """A path as shown in messages: relative to the current folder when below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_no_follow(path: Path) -> bytes:
    """Read a file, refusing it if it was replaced by a symbolic link since it was checked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_TEMPLATE_BYTES + 1)
    finally:
        os.close(fd)


class _FolderLoader(jinja2.BaseLoader):
    """Load templates from a few folders, never from outside them.

    Names are relative paths of plain segments (no ``..``, no absolute paths, no
    backslashes); every segment is checked not to be a symbolic link, and the resolved
    file must lie inside its folder.
    """

    def __init__(self, folders: Sequence[Path], builtin: Path) -> None:
        self.folders = [Path(f) for f in folders]
        self.builtin = builtin

    def _candidates(self, name: str) -> list[Path]:
        if name.startswith(_BUILTIN_PREFIX):
            return [self.builtin]
        return [*self.folders, self.builtin]

    def find(self, name: str) -> tuple[Path, Path]:
        """The file for a template name and the folder it was found in.

        Raises:
            jinja2.TemplateNotFound: No folder has it.
            _UnsafeNameError: The name or the file is not allowed.
        """
        if not _TEMPLATE_NAME.match(name):
            raise _UnsafeNameError(
                f"template name {name!r} is not allowed: use a plain relative name such as"
                " 'us-congress.j2' (no '..', no absolute paths)"
            )
        relative = name.removeprefix(_BUILTIN_PREFIX)
        for folder in self._candidates(name):
            path = folder
            for part in relative.split("/"):
                path = path / part
                if path.is_symlink():
                    raise _UnsafeNameError(
                        f"template {name!r} is a symbolic link ({_display(path)}); "
                        "links are refused in template folders"
                    )
            if not path.exists():
                continue
            root = folder.resolve()
            real = path.resolve()
            if not real.is_relative_to(root):
                raise _UnsafeNameError(f"template {name!r} resolves outside {_display(folder)}")
            if not real.is_file():
                raise _UnsafeNameError(f"template {name!r} is not a regular file")
            return path, folder
        raise jinja2.TemplateNotFound(name)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path, _ = self.find(template)
        stat = path.stat()
        if stat.st_size > MAX_TEMPLATE_BYTES:
            raise _LimitError(
                f"template {template!r} is {stat.st_size:,} bytes; the limit is"
                f" {MAX_TEMPLATE_BYTES:,}"
            )
        try:
            source = _read_no_follow(path).decode("utf-8-sig")
        except OSError as exc:
            raise _UnsafeNameError(
                f"template {template!r} cannot be read ({exc.strerror})"
            ) from None
        except UnicodeDecodeError:
            raise TemplateError(
                "template is not UTF-8 text", path=_display(path), hint="save it as UTF-8"
            ) from None
        mtime = stat.st_mtime_ns

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime_ns == mtime
            except OSError:
                return False

        return source, str(path), uptodate

    def list_templates(self) -> list[str]:
        names: set[str] = set()
        for folder in [*self.folders, self.builtin]:
            if folder.is_dir():
                names.update(p.name for p in folder.glob("*.j2") if not p.is_symlink())
        return sorted(names)


# --------------------------------------------------------------------------- environment


class _CountingCodeGenerator(CodeGenerator):
    """Compiles every ``{% for %}`` to iterate through ``environment.guard_iter``."""

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


class _Sandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with limits on sizes, loops, formats and call depth."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _CountingCodeGenerator

    def guard_iter(self, iterable: Any) -> Iterator[Any]:
        """Iterate, counting every item of every loop against :data:`MAX_ITERATIONS`."""
        budget = _budget()
        for item in iterable:
            budget.iterations += 1
            if budget.iterations > MAX_ITERATIONS:
                raise _LimitError(
                    f"loops may run at most {MAX_ITERATIONS:,} times in all (nested loops?)"
                )
            yield item

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "*":
            _check_repeat(left, right)
        elif operator == "**":
            _check_power(left, right)
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        elif operator == "+" and _estimated_size(left) + _estimated_size(right) > MAX_OUTPUT_CHARS:
            _too_big("joining two values")
        result = super().call_binop(context, operator, left, right)
        _check_size(result)
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        if (
            isinstance(value, types.MethodType | types.BuiltinMethodType)
            and value.__name__ in ("format", "format_map")
            and isinstance(value.__self__, str)
        ):
            _check_format(value.__self__)
        return super().wrap_str_format(value)

    def call(
        __self,  # noqa: N805
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and value > MAX_OUTPUT_CHARS:
                raise _LimitError(f"a call got a huge number ({value})")
        owner = getattr(__obj, "__self__", None)
        name = getattr(__obj, "__name__", "")
        if (
            isinstance(owner, str)
            and name == "join"
            and args
            and _estimated_size(args[0]) > MAX_OUTPUT_CHARS
        ):
            _too_big("join()")
        if isinstance(owner, str) and name == "replace" and len(args) >= 2:
            old, new = str(args[0]), str(args[1])
            hits = owner.count(old) if old else len(owner) + 1
            if len(owner) + hits * max(len(new) - len(old), 0) > MAX_OUTPUT_CHARS:
                _too_big("replace()")
        budget = _budget()
        budget.depth += 1
        try:
            if budget.depth > MAX_CALL_DEPTH:
                raise _LimitError(
                    f"macros or calls nested more than {MAX_CALL_DEPTH} deep"
                    " (a macro calling itself?)"
                )
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            budget.depth -= 1
        _check_size(result)
        return result


def _finalize(value: Any) -> Any:
    if _estimated_size(value) > MAX_OUTPUT_CHARS:
        _too_big("printing a value")
    return value


def _and_list(items: Any, conjunction: str = "and", serial: bool = True) -> str:
    """``["A", "B", "C"]`` -> ``"A, B, and C"`` (``serial=False``: ``"A, B and C"``)."""
    parts = [str(i) for i in items if str(i).strip()]
    if len(parts) <= 2:
        return f" {conjunction} ".join(parts)
    comma = "," if serial else ""
    return ", ".join(parts[:-1]) + f"{comma} {conjunction} " + parts[-1]


_SMALL = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen"),
    *("seventeen", "eighteen", "nineteen"),
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _number_words(value: Any, limit: int = 99) -> str:
    """Spell whole numbers up to ``limit`` (at most 99) as words; larger ones stay digits.

    ``{{ 7|number_words }}`` -> "seven"; ``{{ 21|number_words(9) }}`` -> "21".
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        return str(value)
    if number > min(limit, 99):
        return str(number)
    if 0 <= number < 20:
        return _SMALL[number]
    if 20 <= number < 100:
        tens, units = divmod(number, 10)
        return _TENS[tens - 2] + (f"-{_SMALL[units]}" if units else "")
    return str(number)


def _long_date(value: Any, style: str = "us") -> str:
    """A date as "May 25, 2021" (``us``) or "25 May 2021" (``international``)."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if not isinstance(value, dt.date):
        return str(value)
    if style == "international":
        return f"{value.day} {value:%B} {value.year}"
    return f"{value:%B} {value.day}, {value.year}"


def _make_env(loader: jinja2.BaseLoader | None) -> _Sandbox:
    env = _Sandbox(
        loader=loader,
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
    env.filters["number_words"] = _number_words
    env.filters["longdate"] = _long_date
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


def _convert(
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
        return TemplateError(
            f"{subject} recurses too deeply (an include or macro that calls itself?)",
            path=path,
            line=line,
            hint="remove the self-reference",
        )
    if isinstance(exc, jinja2.UndefinedError):
        name = _explain_undefined(str(exc))
        return TemplateError(
            f"undefined variable '{name}'", path=path, line=line, hint=undefined_hint
        )
    if isinstance(exc, _LimitError | _UnsafeNameError):
        return TemplateError(
            f"refused: {exc}", path=path, line=line, hint="templates produce letter text only"
        )
    if isinstance(exc, SecurityError):
        return TemplateError(
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


def _run(env: _Sandbox, produce: Callable[[], Iterator[str]]) -> str:
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
        return "".join(parts)
    finally:
        _BUDGET.reset(token)


# --------------------------------------------------------------------------- one-off strings


class _NoTemplates(jinja2.BaseLoader):
    """The loader of one-off strings: include, import and extends are refused."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        raise _UnsafeNameError(
            f"'{template}' cannot be included here: clause text and one-off strings may not"
            " include, import or extend templates"
        )


@functools.cache
def _string_env() -> _Sandbox:
    return _make_env(_NoTemplates())


@functools.lru_cache(maxsize=1024)
def _compiled(source: str) -> jinja2.Template:
    return _string_env().from_string(source)


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
    env = _string_env()

    def shown(_: str | None) -> str:
        return name

    try:
        template = _compiled(source)
        return _run(env, lambda: template.generate(dict(variables)))
    except RecursionError as exc:
        raise _convert(exc, display=shown, subject="text", undefined_hint="") from None
    except DraftkitError:
        raise
    except Exception as exc:
        raise _convert(
            exc,
            display=shown,
            subject="text",
            undefined_hint="add it under variables: in the spec",
        ) from None


# --------------------------------------------------------------------------- template sets


def _front_matter(source: str, path: Path) -> _FrontMatter:
    match = _FRONT_MATTER.match(source)
    if not match:
        return _FrontMatter()
    try:
        data = yaml.safe_load(match.group("body")) or {}
        return _FrontMatter.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TemplateError(
            f"bad front matter: {detail}",
            path=_display(path),
            line=1,
            hint="the {# draftkit ... #} comment holds YAML: description, example_office,"
            " variables",
        ) from None


@dataclass
class _Loaded:
    name: str
    path: Path
    builtin: bool
    source: str
    ast: nodes.Template
    parent: str | None
    meta: _FrontMatter
    blocks: dict[str, nodes.Block] = field(default_factory=dict)


def _extends_target(ast: nodes.Template, path: Path) -> str | None:
    for node in ast.find_all(nodes.Extends):
        if not isinstance(node.template, nodes.Const) or not isinstance(node.template.value, str):
            raise TemplateError(
                "extends must name a template as a plain string",
                path=_display(path),
                line=node.lineno,
                hint='write {% extends "base.j2" %}',
            )
        return node.template.value
    return None


def _parent_variant(target: str) -> str:
    return target.removeprefix(_BUILTIN_PREFIX).removesuffix(".j2")


def _assigned_names(ast: nodes.Node) -> set[str]:
    """Names a template defines itself: ``set`` targets, macros, imports, loop variables."""
    assigned: set[str] = set()
    for node in ast.find_all(nodes.Name):
        if node.ctx in ("store", "param"):
            assigned.add(node.name)
    for macro in ast.find_all(nodes.Macro):
        assigned.add(macro.name)
    for imp in ast.find_all(nodes.Import):
        assigned.add(imp.target)
    for from_imp in ast.find_all(nodes.FromImport):
        for item in from_imp.names:
            assigned.add(item[1] if isinstance(item, tuple) else item)
    return assigned


def _names_used(ast: nodes.Node, defined: set[str]) -> dict[str, bool]:
    """Names looked up from the context -> True when some use is not guarded.

    A use inside ``x is defined`` or ``x|default(...)`` is optional (guarded).
    """
    assigned = _assigned_names(ast) | defined
    used: dict[str, bool] = {}

    def visit(node: nodes.Node, guarded: bool) -> None:
        if isinstance(node, nodes.Name) and node.ctx == "load":
            if node.name not in assigned:
                used[node.name] = used.get(node.name, False) or not guarded
            return
        for child in node.iter_child_nodes():
            child_guarded = guarded
            if isinstance(node, nodes.Test) and node.name in ("defined", "undefined"):
                child_guarded = True
            if (
                isinstance(node, nodes.Filter)
                and node.name in ("default", "d")
                and child is node.node
            ):
                child_guarded = True
            visit(child, child_guarded)

    visit(ast, False)
    return used


class TemplateSet:
    """The variants visible from some template folders, plus the built-ins.

    Args:
        template_dirs: Team folders, searched in order before the built-in variants.

    Raises:
        TemplateError: A folder does not exist.
    """

    def __init__(self, template_dirs: Sequence[str | Path] = ()) -> None:
        self.folders: tuple[Path, ...] = tuple(Path(d) for d in template_dirs)
        for folder in self.folders:
            if not folder.is_dir():
                raise TemplateError(
                    "template folder not found",
                    path=folder,
                    hint="create it or fix templates: in draftkit.yaml / --templates",
                )
        self.loader = _FolderLoader(self.folders, BUILTIN_TEMPLATES)
        self.env = _make_env(self.loader)
        self._parsed: dict[str, tuple[tuple[Path, int, int], _Loaded]] = {}
        self._lock = threading.Lock()

    # -- errors -----------------------------------------------------------------------

    def _shown(self, filename: str | None) -> str | None:
        return _display(Path(filename)) if filename and not filename.startswith("<") else filename

    def _error(self, exc: BaseException, subject: str, hint: str) -> TemplateError:
        return _convert(exc, display=self._shown, subject=subject, undefined_hint=hint)

    # -- discovery --------------------------------------------------------------------

    def names(self) -> list[str]:
        """The variant names visible here (files ``NAME.j2`` not starting with ``_``)."""
        return [
            n.removesuffix(".j2")
            for n in self.loader.list_templates()
            if not n.startswith("_") and _VARIANT_NAME.match(n.removesuffix(".j2"))
        ]

    def _load(self, template_name: str) -> _Loaded:
        try:
            path, folder = self.loader.find(template_name)
            stat = path.stat()
            key = (path, stat.st_mtime_ns, stat.st_size)
            cached = self._parsed.get(template_name)
            if cached is not None and cached[0] == key:
                return cached[1]
            source, _, _ = self.loader.get_source(self.env, template_name)
            ast = self.env.parse(source, template_name, str(path))
        except jinja2.TemplateNotFound:
            raise TemplateError(
                f"no template variant '{_parent_variant(template_name)}'",
                hint=f"available: {', '.join(self.names())}; or add "
                f"{_parent_variant(template_name)}.j2 to a templates folder",
            ) from None
        except DraftkitError:
            raise
        except Exception as exc:
            raise self._error(exc, "template", "") from None
        parent = _extends_target(ast, path)
        loaded = _Loaded(
            name=_parent_variant(template_name),
            path=path,
            builtin=folder == BUILTIN_TEMPLATES,
            source=source,
            ast=ast,
            parent=parent,
            meta=_front_matter(source, path),
        )
        for block in ast.find_all(nodes.Block):
            loaded.blocks[block.name] = block
        with self._lock:
            self._parsed[template_name] = (key, loaded)
        return loaded

    def _template_name(self, name: str) -> str:
        if not _VARIANT_NAME.match(name):
            raise TemplateError(
                f"'{name}' is not a variant name",
                hint="use lower-case letters, digits and dashes, e.g. us-congress",
            )
        return f"{name}.j2"

    def chain(self, name: str) -> list[_Loaded]:
        """The variant and its ancestors, child first.

        Raises:
            TemplateError: Unknown variant, a cycle, or a variant that extends nothing
                without being a root (``base``).
        """
        chain: list[_Loaded] = []
        seen: set[Path] = set()
        target: str | None = self._template_name(name)
        while target is not None:
            loaded = self._load(target)
            real = loaded.path.resolve()
            if real in seen:
                raise TemplateError(
                    f"variant '{name}' extends itself through {loaded.name}.j2",
                    path=_display(loaded.path),
                    hint='to change a built-in variant of the same name, extend "builtin/NAME.j2"',
                )
            seen.add(real)
            chain.append(loaded)
            target = loaded.parent
        root = chain[-1]
        if root.name != "base" and not root.builtin:
            raise TemplateError(
                f"variant '{root.name}' does not extend another variant",
                path=_display(root.path),
                line=1,
                hint='start it with {% extends "base.j2" %} (or another variant)',
            )
        return chain

    def info(self, name: str) -> VariantInfo:
        """Describe a variant: file, ancestors, variables, blocks.

        Raises:
            TemplateError: Unknown or broken variant.
        """
        chain = self.chain(name)
        own = chain[0]
        variables: dict[str, TemplateVariable] = {}
        for loaded in reversed(chain):
            for var_name, meta in loaded.meta.variables.items():
                variables[var_name] = TemplateVariable(
                    name=var_name,
                    description=meta.description,
                    example=meta.example,
                    required=meta.required,
                    defined_in=loaded.name,
                )
        effective: dict[str, nodes.Block] = {}
        for loaded in reversed(chain):
            effective.update(loaded.blocks)
        provided = _RESERVED | set(Letter.model_fields) | set(self.env.globals)
        defined: set[str] = set()
        for loaded in chain:
            defined |= _assigned_names(loaded.ast)
        undeclared: set[str] = set()
        for block_name, block in effective.items():
            for used in _names_used(block, defined):
                if used in variables:
                    if block_name not in variables[used].used_in:
                        variables[used].used_in.append(block_name)
                elif used not in provided and used not in ("super", "self", "loop", "caller"):
                    undeclared.add(used)
        shadows = None
        if not own.builtin and (BUILTIN_TEMPLATES / f"{own.name}.j2").is_file():
            shadows = BUILTIN_TEMPLATES / f"{own.name}.j2"
        description = next((c.meta.description for c in chain if c.meta.description), "")
        example_office = next((c.meta.example_office for c in chain if c.meta.example_office), None)
        return VariantInfo(
            name=own.name,
            path=own.path,
            builtin=own.builtin,
            description=description,
            parent=_parent_variant(own.parent) if own.parent else None,
            ancestors=[c.name for c in chain[1:]],
            variables=sorted(variables.values(), key=lambda v: (not v.required, v.name)),
            undeclared=sorted(undeclared),
            blocks=sorted(own.blocks),
            inherited_blocks=sorted(set(effective) - set(own.blocks)),
            example_office=example_office,
            shadows=shadows,
        )

    def variants(self) -> list[VariantInfo]:
        """Every visible variant, described; a broken one carries its ``error``."""
        out: list[VariantInfo] = []
        for name in self.names():
            try:
                out.append(self.info(name))
            except TemplateError as exc:
                try:
                    path, folder = self.loader.find(f"{name}.j2")
                except Exception:  # pragma: no cover - e.g. a symlink: report it as such
                    path, folder = Path(f"{name}.j2"), Path()
                out.append(
                    VariantInfo(
                        name=name, path=path, builtin=folder == BUILTIN_TEMPLATES, error=str(exc)
                    )
                )
        return out

    # -- rendering --------------------------------------------------------------------

    def render_blocks(
        self, name: str, context: Mapping[str, Any], wanted: Sequence[str]
    ) -> dict[str, str]:
        """Render some blocks of a variant, each on its own.

        Top-level code of the templates (macros, ``set``) runs first; then each wanted
        block that the variant or an ancestor defines is rendered with ``context``.

        Args:
            name: The variant.
            context: The names the templates may use.
            wanted: Block names; those no template defines are left out of the result.

        Returns:
            Block name -> rendered text (unstripped).

        Raises:
            TemplateError: With the template file and line of the failure.
        """
        chain = self.chain(name)
        hint = "add it under variables: in the spec (or write that part of the letter yourself)"
        subject = f"variant '{name}'"
        try:
            template = self.env.get_template(self._template_name(name))
        except DraftkitError:
            raise
        except Exception as exc:
            raise self._error(exc, subject, hint) from None
        out: dict[str, str] = {}
        where = chain[0].path
        try:
            ctx = template.new_context(dict(context))
            _run(self.env, functools.partial(template.root_render_func, ctx))
            for block in wanted:
                funcs = ctx.blocks.get(block)
                if funcs:
                    where = next((c.path for c in chain if block in c.blocks), chain[0].path)
                    out[block] = _run(self.env, functools.partial(funcs[0], ctx))
        except DraftkitError:
            raise
        except Exception as exc:
            error = self._error(exc, subject, hint)
            if error.path is None:
                error = TemplateError(
                    error.message, path=_display(where), line=None, hint=error.hint
                )
            raise error from None
        return out


@functools.lru_cache(maxsize=32)
def _template_set(folders: tuple[Path, ...]) -> TemplateSet:
    return TemplateSet(folders)


def _templates_for(template_dirs: Sequence[str | Path]) -> TemplateSet:
    return _template_set(tuple(Path(d).resolve() for d in template_dirs))


def list_variants(template_dirs: Sequence[str | Path] = ()) -> list[VariantInfo]:
    """Describe every variant visible from ``template_dirs`` and the built-ins.

    Args:
        template_dirs: Team template folders, searched first.

    Returns:
        One :class:`VariantInfo` per variant name, sorted by name.
    """
    return _templates_for(template_dirs).variants()


def variant_info(name: str, template_dirs: Sequence[str | Path] = ()) -> VariantInfo:
    """Describe one variant (what it inherits, the variables it needs, its blocks).

    Raises:
        TemplateError: Unknown or broken variant.
    """
    return _templates_for(template_dirs).info(name)


_BLOCK_TAG = re.compile(r"\{%-?\s*(block|endblock)\b\s*([A-Za-z_][A-Za-z0-9_]*)?\s*-?%\}")


def _block_sources(source: str) -> dict[str, str]:
    """The text of each top-level ``{% block %}…{% endblock %}`` in a template source."""
    out: dict[str, str] = {}
    depth = 0
    start = 0
    current = ""
    for match in _BLOCK_TAG.finditer(source):
        if match.group(1) == "block":
            if depth == 0:
                start, current = match.start(), match.group(2) or ""
            depth += 1
        else:
            depth -= 1
            if depth == 0 and current:
                out[current] = source[start : match.end()]
    return out


def new_variant(
    name: str,
    base: str,
    dest_dir: str | Path,
    *,
    template_dirs: Sequence[str | Path] = (),
    force: bool = False,
) -> Path:
    """Start a team variant: ``NAME.j2`` extending ``BASE`` with its blocks copied in.

    The copy renders exactly like ``BASE`` until edited. When ``NAME`` equals ``BASE``
    the new file overrides the built-in and extends it as ``builtin/BASE.j2``.

    Args:
        name: The new variant's name.
        base: The variant to start from.
        dest_dir: The team templates folder (created if missing).
        template_dirs: Folders where ``base`` is looked up before the built-ins.
        force: Replace an existing file.

    Returns:
        The file written.

    Raises:
        TemplateError: Bad name or unknown base.
        OutputExistsError: The file exists and ``force`` is false.
    """
    templates = _templates_for(template_dirs)
    templates._template_name(name)
    chain = templates.chain(base)
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    if name == base:
        if not chain[0].builtin:
            raise TemplateError(
                f"'{name}' is already a team variant ({_display(chain[0].path)})",
                hint="edit that file, or give the new variant another name",
            )
        target = f"{_BUILTIN_PREFIX}{base}.j2"
    else:
        target = f"{base}.j2"
    effective: dict[str, str] = {}
    for loaded in reversed(chain):
        effective.update(_block_sources(loaded.source))
    lines = [
        "{#- draftkit",
        f"description: {yaml.safe_dump(f'Team variant started from {base}', width=1000).strip()}",
        "# Declare here any new variables your blocks use, e.g.:",
        "# variables:",
        "#   campaign:",
        "#     description: The campaign name",
        "#     example: Free the Press",
        "#     required: true",
        "-#}",
        f'{{% extends "{target}" %}}',
        "{#- Each block fills one part of the letter when the spec leaves it empty.",
        f"    These are copies of '{base}'; edit them, or delete one to inherit it. -#}}",
        "",
    ]
    for block in [b for b in BLOCK_FIELDS if b in effective] + sorted(
        set(effective) - set(BLOCK_FIELDS)
    ):
        text = effective[block]
        if "super(" in text:
            text = f"{{% block {block} %}}{{{{ super() }}}}{{% endblock %}}"
        lines += [text, ""]
    path = dest / f"{name}.j2"
    write_text_atomic(path, "\n".join(lines), force=force)
    _template_set.cache_clear()
    return path


# --------------------------------------------------------------------------- compose


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _one_line(text: str) -> str | None:
    joined = " ".join(text.split())
    return joined or None


def _forms_for(
    who: Addressee, style: Literal["common", "formal"], where: str
) -> AddressForms | None:
    if not who.office:
        return None
    from draftkit.protocol import address_forms

    if not who.name:
        raise ProtocolError(
            f"office '{who.office}' needs the person's name",
            where=where,
            hint="add name: to the addressee (or write salutation: and the address yourself)",
        )
    try:
        return address_forms(
            who.office,
            who.name,
            gender=who.gender,
            status=who.status,
            style=style,
            surname=who.params.get("surname"),
            params=who.params,
            address_lines=who.address_lines or None,
        )
    except ProtocolError as exc:
        raise ProtocolError(exc.message, where=where, hint=exc.hint) from None


def _fill_addressee(who: Addressee, forms: AddressForms | None) -> Addressee:
    if forms is None:
        return who
    update: dict[str, Any] = {}
    if who.honorific is None and forms.honorific:
        update["honorific"] = forms.honorific
    if not who.title_lines and forms.title_lines:
        update["title_lines"] = list(forms.title_lines)
    if not who.address_lines and forms.address_lines:
        update["address_lines"] = list(forms.address_lines)
    return who.model_copy(update=update) if update else who


def _context(letter: Letter, variant: str, forms: Sequence[AddressForms | None]) -> dict[str, Any]:
    """The names a template or clause may use."""
    data = letter.model_dump(mode="python", exclude={"provenance", "variables"})
    signers = letter.signatories
    organizations = [s.name for s in signers if s.kind == "organization"]
    individuals = [s.model_dump() for s in signers if s.kind == "individual"]
    sender_name = letter.sender.organization
    if not sender_name and len(organizations) == 1:
        sender_name = organizations[0]
    if not sender_name and len(signers) == 1 and signers[0].organization:
        sender_name = signers[0].organization
    first = next((f for f in forms if f is not None), None)
    context: dict[str, Any] = {
        **letter.variables,
        **data,
        "letter": data,
        "variables": dict(letter.variables),
        "variant": variant,
        "coalition": letter.sender.coalition,
        "organizations": organizations,
        "individuals": individuals,
        "signer_count": len(signers),
        "sender_name": sender_name,
        "recipients": data["addressees"],
        "recipient": data["addressees"][0] if data["addressees"] else None,
        "recipient_forms": (
            {**first.model_dump(), "excellency": first.excellency} if first is not None else None
        ),
        "office_close": first.complimentary_close if first is not None else None,
        "today": dt.date.today(),
    }
    return context


def _render_clause(
    clause: Clause, text: str, context: Mapping[str, Any], ref: ClauseRef, place: str
) -> str:
    values = dict(context)
    values.update(ref.variables)
    given: Mapping[str, Any] = context.get("variables") or {}
    for name, spec in clause.variables.items():
        if name in ref.variables:
            continue
        if name in given:
            values[name] = given[name]
            continue
        if spec.required:
            raise ClauseError(
                f"clause '{clause.id}' needs variable '{name}'"
                + (f" ({spec.description})" if spec.description else ""),
                where=place,
                hint=f"add {name}: under variables: in the spec or in the clause reference",
            )
        values[name] = ""
    source = str(clause.source_file) if clause.line else f"clause {clause.id}"
    try:
        return render_string(text, values, name=source)
    except TemplateError as exc:
        raise ClauseError(
            f"clause '{clause.id}': {exc.message}",
            path=clause.source_file if clause.line else None,
            line=clause.line or None,
            where=place,
            hint=exc.hint,
        ) from None


def _resolve_clauses(
    letter: Letter,
    library: ClauseSource,
    variant: str,
    policy: Literal["warn", "refuse"],
    context: Mapping[str, Any],
    warnings: list[str],
) -> list[ProvenanceEntry]:
    provenance: list[ProvenanceEntry] = []

    def fetch(ref: ClauseRef, place: str) -> tuple[Clause, Any, str | None]:
        try:
            clause = library.get(ref.clause)
        except ClauseError as exc:
            raise ClauseError(
                exc.message, path=exc.path, line=exc.line, where=place, hint=exc.hint
            ) from None
        message = clause.usable(policy)
        if message is not None:
            if policy == "refuse":
                raise ClauseError(message, where=place)
            warnings.append(f"{place}: {message}")
        wording, used = clause.wording_for(variant, ref.variant)
        return clause, wording, used

    def record(place: str, clause: Clause, used: str | None) -> None:
        provenance.append(
            ProvenanceEntry(
                place=place,
                clause=clause.id,
                version=clause.version,
                variant=used,
                status=clause.status,
            )
        )

    for field_name in ("body", "closing"):
        out: list[Any] = []
        for index, entry in enumerate(getattr(letter, field_name)):
            if not isinstance(entry, ClauseRef):
                out.append(entry)
                continue
            place = f"{field_name}[{index}]"
            clause, wording, used = fetch(entry, place)
            if wording.text is None:
                raise ClauseError(
                    f"clause '{clause.id}' is an ask, not a paragraph",
                    where=place,
                    hint="move the reference under asks:",
                )
            for paragraph in _paragraphs(
                _render_clause(clause, wording.text, context, entry, place)
            ):
                record(f"{field_name}[{len(out)}]", clause, used)
                out.append(paragraph)
        setattr(letter, field_name, out)

    asks: list[Any] = []
    for index, entry in enumerate(letter.asks):
        if not isinstance(entry, ClauseRef):
            asks.append(entry)
            continue
        place = f"asks[{index}]"
        clause, wording, used = fetch(entry, place)
        if wording.text is not None:
            raise ClauseError(
                f"clause '{clause.id}' is a {clause.kind} paragraph, not an ask",
                where=place,
                hint="move the reference under body: or closing:",
            )

        def render(
            text: str | None, *, c: Clause = clause, e: ClauseRef = entry, p: str = place
        ) -> str | None:
            return _one_line(_render_clause(c, text, context, e, p)) if text else None

        items = [i for i in (render(item) for item in wording.items) if i]
        asks.append(Ask(lead=render(wording.lead), body=render(wording.body), items=items))
        record(f"asks[{len(asks) - 1}]", clause, used)
    letter.asks = asks
    return provenance


def _apply_options(letter: Letter, text: str, path: Path) -> list[str]:
    try:
        data = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError as exc:
        raise TemplateError(
            f"the options block is not YAML: {str(exc).splitlines()[0]}",
            path=_display(path),
            hint="write one 'key: value' per line",
        ) from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise TemplateError("the options block must hold 'key: value' lines", path=_display(path))
    unknown = sorted(set(data) - set(LetterOptions.model_fields))
    if unknown:
        raise TemplateError(
            f"unknown option(s) in the options block: {', '.join(unknown)}",
            path=_display(path),
            hint=f"options: {', '.join(LetterOptions.model_fields)}",
        )
    current = letter.options
    explicit = current.model_dump(include=set(current.model_fields_set))
    chosen = {k: v for k, v in data.items() if k not in current.model_fields_set}
    try:
        letter.options = LetterOptions.model_validate({**chosen, **explicit})
    except ValidationError as exc:
        raise TemplateError(
            f"bad value in the options block: {exc.errors()[0]['msg']}", path=_display(path)
        ) from None
    return [f"options.{k}" for k in sorted(chosen)]


def _open_library(config: ProjectConfig) -> Any:
    if not config.clauses:
        raise ClauseError(
            "the letter uses clauses but no clause library is configured",
            hint="add clauses: [folder] to draftkit.yaml",
        )
    from draftkit import clauses

    return clauses.ClauseLibrary.from_config(config)


def _fill_from_variant(
    work: Letter,
    templates: TemplateSet,
    variant: str,
    forms: Sequence[AddressForms | None],
) -> list[str]:
    """Fill the empty prose fields from the variant, then salutation and close."""
    filled: list[str] = []
    has_office = any(f is not None for f in forms)
    wanted: list[str] = []
    if not work.body:
        wanted += ["opening", "context"]
    if work.asks and work.asks_intro is None:
        wanted.append("asks_intro")
    if not work.closing:
        wanted.append("closing")
    if work.complimentary_close is None:
        wanted.append("complimentary_close")
    if work.signatory_note is None:
        wanted.append("signatory_note")
    if not work.salutation and not has_office:
        wanted.append("salutation")
    blocks = templates.render_blocks(variant, _context(work, variant, forms), wanted)
    body = _paragraphs(blocks.get("opening", "")) + _paragraphs(blocks.get("context", ""))
    if body:
        work.body = list(body)
        filled.append("body")
    for block in ("asks_intro", "complimentary_close", "signatory_note", "salutation"):
        value = _one_line(blocks.get(block, ""))
        if value:
            setattr(work, block, value)
            filled.append(block)
    closing = _paragraphs(blocks.get("closing", ""))
    if closing:
        work.closing = list(closing)
        filled.append("closing")

    if not work.salutation:
        work.salutation = _derive_salutation(work, forms, variant)
        filled.append("salutation")
    if work.complimentary_close is None:
        first = next((f for f in forms if f is not None), None)
        if first is not None and first.complimentary_close:
            work.complimentary_close = first.complimentary_close
            filled.append("complimentary_close")
    return filled


def compose(
    letter: Letter,
    *,
    config: ProjectConfig | None = None,
    library: ClauseSource | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    clause_policy: Literal["warn", "refuse"] | None = None,
) -> ComposeResult:
    """Resolve a letter: clauses, forms of address, and the variant's prose where empty.

    Steps: addressees with an ``office`` get their honorific, title and address lines
    from the forms-of-address table (explicit values win); clause references are
    rendered with the letter's variables and the reference's own, in the audience's
    variant, and recorded in ``provenance``; the variant's blocks fill the fields the
    spec leaves empty; the salutation is derived from the addressees' offices; the
    complimentary close falls back to the office's usual close.

    Args:
        letter: The letter (not modified).
        config: Project settings (template and clause folders, clause policy).
        library: A clause library; opened from ``config`` when needed and not given.
        audience: The variant to use instead of the letter's ``audience``.
        template_dirs: Extra template folders, searched before ``config.templates``.
        clause_policy: Overrides ``config.clause_policy``.

    Returns:
        The resolved letter, the variant used, warnings and the fields filled.

    Raises:
        TemplateError: Unknown variant or a failing template (file, line, variable).
        ClauseError: Unknown clause, missing clause variable, or a refused clause.
        ProtocolError: Unknown office.
        SpecError: Something is still missing after compose (e.g. no salutation).
    """
    config = config or ProjectConfig()
    policy = clause_policy or config.clause_policy
    variant = audience or letter.audience or "base"
    templates = _templates_for([*template_dirs, *config.templates])
    chain = templates.chain(variant)
    work = letter.model_copy(deep=True)
    if audience:
        work.audience = audience
    warnings: list[str] = []
    filled: list[str] = []

    hidden = sorted(set(work.variables) & (_RESERVED | set(Letter.model_fields)))
    if hidden:
        warnings.append(
            f"variables {', '.join(hidden)} share a name with the letter's own data; "
            "templates see the letter's value (use variables.NAME for yours)"
        )

    # 0. the variant's default options (a letter's own options win)
    if work.kind == "letter":
        no_forms: list[AddressForms | None] = [None] * len(work.addressees)
        options_text = templates.render_blocks(
            variant, _context(work, variant, no_forms), ["options"]
        )
        if "options" in options_text:
            path = next((c.path for c in chain if "options" in c.blocks), chain[0].path)
            filled += _apply_options(work, options_text["options"], path)

    # 1. forms of address
    style = work.options.salutation_style
    forms = [_forms_for(a, style, f"addressees[{i}]") for i, a in enumerate(work.addressees)]
    for index, (who, found) in enumerate(zip(work.addressees, forms, strict=True)):
        updated = _fill_addressee(who, found)
        if updated is not who:
            filled.append(f"addressees[{index}]")
        work.addressees[index] = updated
    for index, who in enumerate(work.cc):
        updated = _fill_addressee(who, _forms_for(who, style, f"cc[{index}]"))
        if updated is not who:
            filled.append(f"cc[{index}]")
        work.cc[index] = updated

    # 2. clauses
    refs = [e for e in (*work.body, *work.asks, *work.closing) if isinstance(e, ClauseRef)]
    if refs:
        context = _context(work, variant, forms)
        if library is not None:
            work.provenance += _resolve_clauses(work, library, variant, policy, context, warnings)
        else:
            with _open_library(config) as opened:
                work.provenance += _resolve_clauses(
                    work, opened, variant, policy, context, warnings
                )

    # 3. the variant's blocks and 4. salutation and close from the offices (letters only:
    # an ingested press release or article keeps its own shape)
    if work.kind == "letter":
        filled += _fill_from_variant(work, templates, variant, forms)

    missing = work.unresolved()
    if missing:
        raise SpecError(
            f"the letter is still incomplete after compose: {', '.join(missing)}",
            hint="fill these in the spec",
        )
    return ComposeResult(letter=work, variant=variant, warnings=warnings, filled=filled)


def _derive_salutation(letter: Letter, forms: Sequence[AddressForms | None], variant: str) -> str:
    from draftkit.protocol import combined_salutation, default_punctuation

    if not letter.addressees:
        raise SpecError(
            "no salutation and no addressee to derive it from",
            where="salutation",
            hint="add salutation: or an addressee with an office:",
        )
    for index, found in enumerate(forms):
        if found is None:
            raise SpecError(
                "no salutation, and this addressee has no office to derive it from",
                where=f"addressees[{index}]",
                hint="add salutation: or an office: to the addressee (draftkit address --list)",
            )
    present = [f for f in forms if f is not None]
    group = letter.variables.get("salutation_group")
    text = combined_salutation(
        present,
        style=letter.options.salutation_style,
        group=str(group) if group else None,
    )
    mark = letter.options.salutation_punctuation or default_punctuation(letter.audience or variant)
    return text if text.endswith((",", ":")) else text + mark


def compose_file(
    path: str | Path,
    *,
    config: ProjectConfig | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    clause_policy: Literal["warn", "refuse"] | None = None,
) -> ComposeResult:
    """Load a spec, find its project settings, and compose it.

    Args:
        path: The spec file.
        config: Project settings; found from the spec's folder when None.
        audience: Use this variant instead of the spec's ``audience``.
        template_dirs: Extra template folders, searched first.
        clause_policy: Overrides the project's ``clause_policy``.

    Returns:
        See :func:`compose`.

    Raises:
        DraftkitError: As :func:`compose`; errors that name no file name the spec.
    """
    letter = load_letter(path)
    config = config or load_config(path)
    try:
        return compose(
            letter,
            config=config,
            audience=audience,
            template_dirs=template_dirs,
            clause_policy=clause_policy,
        )
    except DraftkitError as exc:
        if exc.path is not None:
            raise
        raise type(exc)(
            exc.message, path=path, line=exc.line, where=exc.where, hint=exc.hint
        ) from exc


# --------------------------------------------------------------------------- scaffolding


def _yaml_scalar(value: str) -> str:
    return yaml.safe_dump(value, width=10_000, allow_unicode=True).strip().removesuffix("\n...")


def scaffold_spec(
    variant: str,
    *,
    coalition: bool = False,
    template_dirs: Sequence[str | Path] = (),
    today: dt.date | None = None,
) -> str:
    """A commented starter spec for a variant, listing the variables it uses.

    The result loads and composes as it is (with placeholder values marked TODO).

    Args:
        variant: The variant (``us-executive`` ...).
        coalition: Scaffold a coalition letter (organisations sign) instead of one
            organisation.
        template_dirs: Team template folders.
        today: The date to put in the spec (default: today).

    Returns:
        The YAML text.

    Raises:
        TemplateError: Unknown variant.
    """
    from draftkit.protocol import get_office

    info = variant_info(variant, template_dirs)
    date = (today or dt.date.today()).isoformat()
    office = info.example_office or "us-secretary-of-state"
    try:
        row = get_office(office).model_dump(mode="json", include={"title_lines", "address_lines"})
        needs = sorted(set(re.findall(r"\{([a-z_]+)\}", repr(row))) - {"name", "surname"})
    except ProtocolError:
        needs = []
    lines = [
        f"# Letter spec for the '{info.name}' variant"
        + (f": {info.description}" if info.description else ""),
        "# Fill in the TODO values, then: draftkit render letter.yaml -o letter.docx",
        "# Parts left out (opening, asks intro, closing, close, salutation) come from the",
        f"# variant ({_display(info.path)}) and from the addressee's office.",
        f"audience: {info.name}",
        f"date: {date}",
        "sender:",
        "  organization: TODO Organization Name",
    ]
    if coalition:
        lines.append("  coalition: true")
    lines += [
        "addressees:",
        f"  - office: {office}      # forms of address: draftkit address --list",
        "    name: TODO Full Name",
        "    # gender: female             # only to pick gendered forms; never guessed",
    ]
    if needs:
        lines.append("    # params:                   # values the office's address lines can use")
        lines += [f"    #   {p}: TODO" for p in needs]
    else:
        lines.append("    # params: {}                 # values some offices need ({state} ...)")
    lines += [
        "# cc:",
        "#   - name: TODO",
        "#     title_lines: [TODO]",
        "subject: TODO what the letter is about",
    ]
    required = [v for v in info.variables if v.required]
    optional = [v for v in info.variables if not v.required]
    lines.append("variables:")
    if not info.variables:
        lines[-1] = "variables: {}"
    for var in required:
        lines.append(f"  # {var.description} (required; used in: {', '.join(var.used_in) or '-'})")
        lines.append(f"  {var.name}: {_yaml_scalar('TODO ' + (var.example or var.name))}")
    for var in optional:
        lines.append(f"  # {var.description} (optional; used in: {', '.join(var.used_in) or '-'})")
        example = _yaml_scalar(var.example or "TODO")
        lines.append(f"  # {var.name}: {example}")
    lines += [
        "# body: leave out to use the variant's opening, or write your own paragraphs:",
        "# body:",
        "#   - TODO first paragraph",
        "#   - {clause: context.some-id}   # a clause from the library",
        "asks:",
        "  - lead: TODO The first request, as one sentence.",
        "    body: TODO Why it matters and what it involves.",
        "  # - {clause: ask.some-id}",
        "# closing: leave out to use the variant's closing paragraphs",
        "signatories:",
    ]
    if coalition:
        lines += [
            "  - name: TODO First Organization",
            "    kind: organization",
            "  - name: TODO Second Organization",
            "    kind: organization",
        ]
    else:
        lines += [
            "  - name: TODO Signer Name",
            "    title_lines: [TODO Executive Director]",
            "    organization: TODO Organization Name",
        ]
    lines += [
        "# options:",
        '#   salutation_style: common      # or formal ("Dear Mr. Secretary")',
        '#   salutation_punctuation: ":"   # default depends on the audience',
        "",
    ]
    return "\n".join(lines)
