"""Reading letter specs (YAML/JSON) with precise errors, and writing files atomically.

Specs are parsed with PyYAML's safe composer (no arbitrary tags), keeping the line of
every node, so a validation error can name ``file:line`` and the field path. Timestamps
are *not* converted by YAML: dates are validated by the schema, which accepts only real
``YYYY-MM-DD`` dates.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import tempfile
import types
import typing
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from draftkit.errors import OutputExistsError, SpecError
from draftkit.schema import Ask, ClauseRef, Letter

__all__ = [
    "MAX_SPEC_BYTES",
    "dump_letter",
    "letter_to_data",
    "load_data",
    "load_letter",
    "parse_letter",
    "write_bytes_atomic",
    "write_text_atomic",
]

MAX_SPEC_BYTES = 5 * 1024 * 1024
"""Specs larger than this are refused before parsing (a letter spec is a few KB)."""

PathKey = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """A safe loader that leaves timestamps as strings (the schema checks dates)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


DOCUMENT_SUFFIXES = frozenset(
    {".docx", ".doc", ".odt", ".rtf", ".pdf", ".txt", ".text", ".md", ".html", ".htm"}
)
"""Suffixes of letters as documents: read with ingest, never parsed as a spec."""


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SpecError("file not found", path=path, hint="check the path") from None
    except OSError as exc:
        raise SpecError(f"cannot read file ({exc.strerror})", path=path) from None
    if path.is_dir():
        raise SpecError("is a folder, not a spec file", path=path)
    if size > MAX_SPEC_BYTES:
        raise SpecError(
            f"file is {size:,} bytes; a spec may be at most {MAX_SPEC_BYTES:,}", path=path
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecError(
            f"not UTF-8 text (byte {exc.start})", path=path, hint="save the spec as UTF-8"
        ) from None


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


def _construct(node: yaml.Node, loader: _Loader, key: PathKey, lines: dict[PathKey, int]) -> Any:
    lines.setdefault(key, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
        raise SpecError(
            f"unsupported YAML tag '{node.tag}'",
            line=node.start_mark.line + 1,
            hint="specs hold plain data: remove the tag",
        )
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            name = loader.construct_object(key_node, deep=True)
            if not isinstance(name, str | int | float | bool) or name is None:
                raise SpecError(
                    "mapping keys must be plain words",
                    line=key_node.start_mark.line + 1,
                )
            name = str(name)
            if name in out:
                raise SpecError(
                    f"duplicate key '{name}'",
                    line=key_node.start_mark.line + 1,
                    hint="each field may appear once",
                )
            lines[(*key, name)] = key_node.start_mark.line + 1
            out[name] = _construct(value_node, loader, (*key, name), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, loader, (*key, index), lines) for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


def _parse_yaml(text: str, path: Path | None) -> tuple[Any, dict[PathKey, int]]:
    lines: dict[PathKey, int] = {}
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, lines
        return _construct(node, loader, (), lines), lines
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise SpecError(
            f"invalid YAML: {problem}",
            path=path,
            line=line,
            hint="check indentation and quoting on that line",
        ) from None
    except yaml.YAMLError as exc:
        raise SpecError(f"invalid YAML: {exc}", path=path) from None
    except SpecError as exc:
        exc.path = str(path) if path is not None else None
        raise SpecError(exc.message, path=path, line=exc.line, hint=exc.hint) from None
    finally:
        loader.dispose()


def _json_lines(text: str) -> dict[PathKey, int]:
    """Best-effort line numbers for a JSON document (JSON is read through YAML's composer)."""
    try:
        return _parse_yaml(text, None)[1]
    except SpecError:
        return {}


def load_data(path: str | Path) -> tuple[Any, dict[PathKey, int]]:
    """Read a YAML or JSON file safely.

    Args:
        path: A ``.yaml``/``.yml`` or ``.json`` file.

    Returns:
        The data and a map from field path to 1-based line number.

    Raises:
        SpecError: The file is missing, too large, not UTF-8, or not valid YAML/JSON.
    """
    path = Path(path)
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        raise SpecError(
            f"is a {path.suffix.lower()} document, not a spec (YAML or JSON)",
            path=path,
            hint=f"turn it into a spec first: draftkit ingest {path.name} -o "
            f"{path.stem}.yaml",
        )
    text = _read_text(path)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(
                f"invalid JSON: {exc.msg}", path=path, line=exc.lineno, hint="fix the syntax"
            ) from None
        return data, _json_lines(text)
    return _parse_yaml(text, path)


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
            message, path=path, line=_line_for(loc, lines), where=_format_loc(loc), hint=hint
        ) from None


def load_letter(path: str | Path) -> Letter:
    """Load a letter spec from a YAML or JSON file.

    Args:
        path: The spec file.

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
    return parse_letter(data, path=path, lines=lines)


def letter_to_data(letter: Letter) -> dict[str, Any]:
    """A letter as plain data for a spec file: defaults and empty fields left out."""
    data: dict[str, Any] = letter.model_dump(mode="json", exclude_defaults=True)
    return data


class _Dumper(yaml.SafeDumper):
    """Writes dates as plain ``2021-05-25`` (specs are read without timestamp tags)."""


_Dumper.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


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


def _file_mode(path: Path) -> int:
    """The mode a new file gets (umask applied), or the mode of the file it replaces."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextlib.contextmanager
def _atomic_target(path: Path, force: bool) -> Iterator[int]:
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise OutputExistsError(
            "output is not a regular file (a folder, link or device)",
            path=path,
            hint="write to a regular file path",
        )
    if path.exists() and not force:
        raise OutputExistsError(
            "output file already exists", path=path, hint="pass --force to replace it"
        )
    parent = path.parent if str(path.parent) else Path()
    if not parent.is_dir():
        raise OutputExistsError(
            "the output folder does not exist", path=path, hint=f"create {parent} first"
        )
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=parent)
    try:
        Path(tmp).chmod(_file_mode(path))
        yield fd
        os.close(fd)
        fd = -1
        if not force and path.exists():
            raise OutputExistsError(
                "output file appeared while writing", path=path, hint="pass --force to replace it"
            )
        Path(tmp).replace(path)
    except BaseException:
        if fd != -1:
            os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Args:
        path: The destination.
        data: The bytes to write.
        force: Replace an existing file.

    Returns:
        The path written.

    Raises:
        OutputExistsError: The file exists and ``force`` is false, or its folder is missing.
    """
    target = Path(path)
    with _atomic_target(target, force) as fd:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    return target


def write_text_atomic(path: str | Path, text: str, *, force: bool = False) -> Path:
    """Write UTF-8 text atomically; see :func:`write_bytes_atomic`."""
    return write_bytes_atomic(path, text.encode("utf-8"), force=force)
