"""One-off template strings (a clause's wording, a per-recipient line, the spec's own
text), rendered in the sandbox with its limits; ``include``, ``import`` and ``extends``
are refused.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import jinja2

from draftkit.compose.compiled import CompiledTemplateCache
from draftkit.compose.limits import MAX_OUTPUT_CHARS, UnsafeNameError
from draftkit.compose.sandbox import Sandbox, make_env, run_template
from draftkit.compose.templateerrors import convert_error
from draftkit.errors import DraftkitError, TemplateError

__all__ = ["render_string", "string_env"]


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
