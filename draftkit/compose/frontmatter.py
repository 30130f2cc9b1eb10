"""A variant's front matter: the ``{# draftkit ... #}`` comment that opens a template.

It holds YAML: a one-line ``description``, an ``example_office`` and the ``variables`` the
variant's blocks use (each with a description, an example and whether it is required).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from draftkit.compose.sandbox import display_path
from draftkit.errors import TemplateError
from draftkit.yamljson import parse_yaml_text

__all__ = ["FrontMatter", "kept_front_matter", "read_front_matter"]

_FRONT_MATTER = re.compile(r"\A\s*\{#-?[ \t]*draftkit:?[ \t]*\n(?P<body>.*?)-?#\}", re.S)


class _VariableMeta(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str = ""
    example: str | None = None
    required: bool = False


class FrontMatter(BaseModel):
    # titled as before the move, so that "bad front matter: 1 validation error for ..." is unchanged
    model_config = ConfigDict(extra="forbid", title="_FrontMatter")
    description: str = ""
    example_office: str | None = None
    variables: dict[str, _VariableMeta] = Field(default_factory=dict)


def read_front_matter(source: str, path: Path) -> FrontMatter:
    match = _FRONT_MATTER.match(source)
    if not match:
        return FrontMatter()
    try:
        data = parse_yaml_text(match.group("body"), error=TemplateError) or {}
    except TemplateError as exc:
        raise TemplateError(
            f"bad front matter: {exc.message}",
            path=display_path(path),
            line=1 + (exc.line or 0),
            hint="the {# draftkit ... #} comment holds YAML: description, example_office,"
            " variables",
        ) from None
    try:
        return FrontMatter.model_validate(data)
    except ValidationError as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise TemplateError(
            f"bad front matter: {detail}",
            path=display_path(path),
            line=1,
            hint="the {# draftkit ... #} comment holds YAML: description, example_office,"
            " variables",
        ) from None


def kept_front_matter(kept: Mapping[str, Any] | None) -> FrontMatter | None:
    """The front matter kept with a template's facts (None: not kept, or damaged)."""
    data = kept.get("meta") if kept is not None else None
    if not isinstance(data, dict):
        return None
    try:
        return FrontMatter.model_validate(data)
    except ValidationError:
        return None
