"""Letter specs (YAML/JSON): reading them with precise errors, and writing them back.

A spec is read (:mod:`draftkit.inputs`) and parsed (:mod:`draftkit.yamljson`) under caps,
keeping the line of every value, so a validation error can name ``file:line`` and the
field path; :func:`dump_letter` writes a letter back as a spec.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from draftkit.errors import SpecError
from draftkit.inputs import (
    MAX_SPEC_BYTES,
    STDIN_NAME,
    decode_text,
    is_stdin,
    read_input,
    read_stdin,
    source_name,
)
from draftkit.schema import Ask, ClauseRef, Letter
from draftkit.yamljson import IMPLICIT_RESOLVERS, PathKey, parse_json_text, parse_yaml_lines

__all__ = [
    "dump_letter",
    "letter_to_data",
    "load_data",
    "load_letter",
    "parse_letter",
    "spec_bytes",
]


DOCUMENT_SUFFIXES = frozenset(
    {".docx", ".doc", ".odt", ".rtf", ".pdf", ".txt", ".text", ".md", ".html", ".htm"}
)
"""Suffixes of letters as documents: read with ingest, never parsed as a spec."""


def spec_bytes(path: str | Path) -> bytes:
    """The bytes of a spec file, or of standard input for ``-`` (at most
    :data:`MAX_SPEC_BYTES` either way).

    Raises:
        SpecError: Missing, unreadable or too large.
    """
    if is_stdin(path):
        return read_stdin(limit=MAX_SPEC_BYTES, what="spec")
    return read_input(path, limit=MAX_SPEC_BYTES, what="file")


def _read_text(path: Path) -> str:
    raw = spec_bytes(path)
    return decode_text(raw, path=source_name(path), hint="save the spec as UTF-8")


def _json_lines(text: str) -> dict[PathKey, int]:
    """Best-effort line numbers for a JSON document (JSON is read through YAML's composer)."""
    try:
        return parse_yaml_lines(text)[1]
    except SpecError:
        return {}


def load_data(path: str | Path) -> tuple[Any, dict[PathKey, int]]:
    """Read a YAML or JSON file safely.

    The file is read only up to :data:`MAX_SPEC_BYTES`; nesting, the number of values,
    YAML aliases and number lengths are capped (:data:`MAX_DEPTH`, :data:`MAX_NODES`,
    :data:`MAX_ALIASES`, :data:`MAX_NUMBER_DIGITS`) before objects are built; duplicate
    keys are refused in YAML and JSON alike.

    Args:
        path: A ``.yaml``/``.yml`` or ``.json`` file, or ``-`` for standard input (JSON
            when it starts with ``{`` or ``[`` and reads as JSON, else YAML; messages
            name it ``<stdin>``).

    Returns:
        The data and a map from field path to 1-based line number.

    Raises:
        SpecError: The file is missing, too large, not UTF-8, or not valid YAML/JSON; one
            line with the file and, when known, the line.
    """
    path = Path(path)
    if is_stdin(path):
        text = _read_text(path)
        if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
            try:
                return parse_json_text(text, path=STDIN_NAME), _json_lines(text)
            except SpecError as not_json:
                try:  # a YAML flow mapping ({date: 2026-01-02, ...}) is not JSON
                    return parse_yaml_lines(text, path=STDIN_NAME)
                except SpecError:
                    raise not_json from None
        return parse_yaml_lines(text, path=STDIN_NAME)
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        raise SpecError(
            f"is a {path.suffix.lower()} document, not a spec (YAML or JSON)",
            path=path,
            hint=f"turn it into a spec first: draftkit ingest {path.name} -o {path.stem}.yaml",
        )
    text = _read_text(path)
    if path.suffix.lower() == ".json":
        data = parse_json_text(text, path=path)
        return data, _json_lines(text)
    return parse_yaml_lines(text, path=path)


def _model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The pydantic model class found by following ``loc`` (with union tags) from ``model``."""
    current: Any = model
    for index, part in enumerate(loc):
        if isinstance(part, int):
            continue
        if part in _TAG_MODELS and index and isinstance(loc[index - 1], int):
            current = _TAG_MODELS[part]
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            # discriminator tags such as 'ask' / 'clause' appear in locations
            continue
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(get_args(annotation)[0])
    if origin in (list, dict) or origin in (Union, types.UnionType):
        for arg in get_args(annotation):
            found = _inner_model(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


_TAG_MODELS: dict[str, Any] = {"text": str, "clause": ClauseRef, "ask": Ask}
_TAGS = set(_TAG_MODELS)


def _clean_loc(loc: tuple[str | int, ...]) -> PathKey:
    """Drop discriminator tags from a pydantic error location."""
    out: list[str | int] = []
    for index, part in enumerate(loc):
        after_index = index > 0 and isinstance(loc[index - 1], int)
        if isinstance(part, str) and part in _TAGS and after_index:
            continue
        out.append(part)
    return tuple(out)


def _format_loc(loc: PathKey) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _line_for(loc: PathKey, lines: Mapping[PathKey, int]) -> int | None:
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _explain(error: Mapping[str, Any], loc: PathKey, raw_loc: PathKey) -> tuple[str, str | None]:
    kind = error["type"]
    if kind == "extra_forbidden" and loc and isinstance(loc[-1], str):
        parent = _model_at(Letter, raw_loc[:-1]) or Letter
        names = list(parent.model_fields)
        # deferred for start-up time: only a near miss needs it, not a render
        import difflib

        guess = difflib.get_close_matches(loc[-1], names, n=1, cutoff=0.6)
        hint = f"did you mean '{guess[0]}'?" if guess else f"allowed fields: {', '.join(names)}"
        return f"unknown field '{loc[-1]}'", hint
    if kind == "missing":
        return "required field is missing", "add it"
    message = str(error.get("msg", "invalid value"))
    message = message.removeprefix("Value error, ")
    got = error.get("input")
    if kind in {"string_type", "list_type", "dict_type", "model_type", "bool_type"}:
        if got is None:
            return f"{message}, got nothing", "write a value after the colon, or remove the line"
        return f"{message}, got {_kind_of(got)} {_short(got)}", None
    if kind == "literal_error":
        return f"{message}, got {_short(got)}", None
    return message, None


def _kind_of(value: object) -> str:
    """How a spec author would name the kind of a YAML value."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def parse_letter(
    data: Any, *, path: str | Path | None = None, lines: Mapping[PathKey, int] | None = None
) -> Letter:
    """Validate already-loaded data as a :class:`Letter`.

    Args:
        data: The mapping read from a spec.
        path: The file it came from (for error messages).
        lines: Field path to line map from :func:`load_data`.

    Returns:
        The letter (possibly unresolved).

    Raises:
        SpecError: The data does not fit the schema; the first problem is reported with
            its line and field path, and the count of further problems.
    """
    lines = lines or {}
    if not isinstance(data, dict):
        raise SpecError(
            f"a letter spec must be a mapping of fields, got {type(data).__name__}",
            path=path,
            line=1,
            hint="start the file with fields such as 'date:' and 'addressees:'",
        )
    try:
        return Letter.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        loc = _clean_loc(tuple(first["loc"]))
        message, hint = _explain(first, loc, tuple(first["loc"]))
        more = len(errors) - 1
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise SpecError(
            message,
            path=path,
            line=_line_for(loc, lines) if loc else None,
            where=_format_loc(loc) if loc else None,
            hint=hint,
        ) from None


def load_letter(path: str | Path) -> Letter:
    """Load a letter spec from a YAML or JSON file.

    Args:
        path: The spec file, or ``-`` for standard input (see :func:`load_data`).

    Returns:
        The letter as written (it may hold clause references and no salutation).

    Raises:
        SpecError: With file, line, field path and a hint.
    """
    if Path(path).name == "draftkit.yaml":
        raise SpecError(
            "is the project's settings file, not a letter spec",
            path=path,
            hint="pass a letter's .yaml file; draftkit.yaml is read from the letter's folder",
        )
    data, lines = load_data(path)
    return parse_letter(data, path=source_name(path), lines=lines)


FILLED_FIELDS = ("body", "asks_intro", "closing", "complimentary_close", "signatory_note")
"""Fields compose fills from the template variant when a spec leaves them out."""


def letter_to_data(letter: Letter) -> dict[str, Any]:
    """A letter as plain data for a spec file: defaults and empty fields left out.

    A field that compose would fill from the template variant is written even when
    empty (``closing: []``, ``complimentary_close: null``) if the letter sets it, as an
    ingested letter does: rendering the spec then prints exactly what it holds.
    """
    data: dict[str, Any] = letter.model_dump(mode="json", exclude_defaults=True)
    given = letter.model_fields_set
    for name in FILLED_FIELDS:
        if name in data or name not in given:
            continue
        if name == "asks_intro" and not letter.asks:
            continue
        data[name] = letter.model_dump(mode="json", include={name})[name]
    order = list(Letter.model_fields)
    return {key: data[key] for key in sorted(data, key=order.index)}


class _Dumper(yaml.SafeDumper):
    """Writes dates as plain ``2021-05-25`` (specs are read without timestamp tags)."""


_Dumper.yaml_implicit_resolvers = IMPLICIT_RESOLVERS


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_letter(letter: Letter, fmt: str = "yaml") -> str:
    """Serialise a letter as a spec (``yaml`` or ``json``).

    The YAML form keeps Unicode (curly quotes, dashes) as written and orders fields as
    the schema does, so the file reads like a hand-written spec.
    """
    data = letter_to_data(letter)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=88, indent=2)
