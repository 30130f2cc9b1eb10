"""YAML and JSON from untrusted files: parsed under caps, with the line of every value.

YAML is parsed with PyYAML's safe composer (no arbitrary tags; libyaml scans when PyYAML
has it), keeping the line of every node, so an error can name ``file:line`` and the field
path. Depth, the number of values, aliases (and what they expand to) and number lengths
are capped before any Python object is built. Timestamps are *not* converted by YAML:
dates are validated by the schema, which accepts only real ``YYYY-MM-DD`` dates. JSON is
read under the same caps, duplicate keys refused.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import yaml

from draftkit.errors import DraftkitError, SpecError

__all__ = [
    "IMPLICIT_RESOLVERS",
    "MAX_ALIASES",
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_NUMBER_DIGITS",
    "PathKey",
    "check_data_shape",
    "parse_json_text",
    "parse_yaml_lines",
    "parse_yaml_text",
]

MAX_DEPTH = 50
"""Mappings and lists may nest at most this deep (a letter spec nests about 5 levels)."""

MAX_NODES = 100_000
"""A file may hold at most this many values, counting what YAML aliases repeat (a sign-on
letter with 10,000 signatories holds about 40,000)."""

MAX_ALIASES = 100
"""A YAML file may use at most this many aliases (``*name``)."""

MAX_NUMBER_DIGITS = 100
"""A number may have at most this many digits (quote identifiers such as long IDs)."""

PathKey = tuple[str | int, ...]


class _ParseLimitError(Exception):
    """A parse limit or syntax problem, converted to the caller's error class."""

    def __init__(self, message: str, line: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.hint = hint


_NESTED_HINT = "a letter spec nests a few levels; flatten the data"


class _Limits(yaml.composer.Composer):
    """Composition that caps nesting depth, the number of values and the number of aliases
    before any Python object is built."""

    _depth = 0
    _nodes = 0
    _aliases = 0
    max_nodes = MAX_NODES
    max_aliases = MAX_ALIASES

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]  # the parser provides it
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > self.max_aliases:
                raise _ParseLimitError(
                    f"more than {self.max_aliases} YAML aliases (*name)",
                    line,
                    "write the values out; aliases can multiply a small file into gigabytes",
                )
        else:
            self._nodes += 1
            if self._nodes > self.max_nodes:
                raise _ParseLimitError(f"more than {self.max_nodes:,} values in one file", line)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _ParseLimitError(f"nested more than {MAX_DEPTH} levels deep", line, _NESTED_HINT)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_CParser: Any = getattr(importlib.import_module("yaml"), "__with_libyaml__", False) and (
    importlib.import_module("yaml._yaml").CParser
)

if _CParser:

    class _Loader(_Limits, _CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):  # type: ignore[misc]
        """libyaml scans and parses (ten times faster); Python composes under the caps;
        timestamps stay strings (the schema checks dates)."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

else:  # pragma: no cover - PyYAML without libyaml

    class _Loader(_Limits, yaml.SafeLoader):  # type: ignore[no-redef]
        """A safe loader composing under the caps; timestamps stay strings."""


IMPLICIT_RESOLVERS = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
"""YAML's implicit types without timestamps: a date stays text (the schema checks dates)."""

_Loader.yaml_implicit_resolvers = IMPLICIT_RESOLVERS


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


def _scalar(node: yaml.ScalarNode, loader: _Loader) -> Any:
    line = node.start_mark.line + 1
    if node.tag in _NUMBER_TAGS and sum(c.isdigit() for c in node.value) > MAX_NUMBER_DIGITS:
        raise _ParseLimitError(
            f"a number with more than {MAX_NUMBER_DIGITS} digits",
            line,
            "put it in quotes if it is an identifier",
        )
    try:
        return loader.construct_object(node, deep=True)
    except ValueError as exc:
        raise _ParseLimitError(f"cannot read the value ({exc})", line) from None


_STR_TAG = "tag:yaml.org,2002:str"


def _construct(node: yaml.Node, loader: _Loader, key: PathKey, lines: dict[PathKey, int]) -> Any:
    lines.setdefault(key, node.start_mark.line + 1)
    if node.tag == _STR_TAG and isinstance(node, yaml.ScalarNode):
        return node.value  # what the constructor would return, without its overhead
    if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _PLAIN_TAGS:
        raise _ParseLimitError(
            f"unsupported YAML tag '{node.tag}'",
            node.start_mark.line + 1,
            "specs hold plain data: remove the tag",
        )
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise _ParseLimitError("mapping keys must be plain words", key_line)
            name = _scalar(key_node, loader)
            if not isinstance(name, str | int | float | bool) or name is None:
                raise _ParseLimitError("mapping keys must be plain words", key_line)
            name = str(name)
            if name in out:
                raise _ParseLimitError(
                    f"duplicate key '{name}'",
                    key_node.start_mark.line + 1,
                    "each field may appear once",
                )
            lines[(*key, name)] = key_node.start_mark.line + 1
            out[name] = _construct(value_node, loader, (*key, name), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, loader, (*key, index), lines) for index, item in enumerate(node.value)
        ]
    assert isinstance(node, yaml.ScalarNode)
    return _scalar(node, loader)


def _measure(root: yaml.Node, max_nodes: int = MAX_NODES) -> None:
    """Refuse a node graph that aliases expand beyond the caps, or that contains itself.

    Composition caps what is written; this caps what the aliases repeat, before a single
    value is built (a "billion laughs" file is a few hundred bytes of nested aliases).
    """
    done: dict[int, tuple[int, int]] = {}  # id -> (values, height)
    active: set[int] = set()

    def visit(node: yaml.Node, depth: int) -> tuple[int, int]:
        line = node.start_mark.line + 1
        known = done.get(id(node))
        if known is not None:
            if depth + known[1] > MAX_DEPTH:
                raise _ParseLimitError(
                    f"aliases nest the data more than {MAX_DEPTH} levels deep", line, _NESTED_HINT
                )
            return known
        if id(node) in active:
            raise _ParseLimitError(
                "an alias refers to the mapping or list that contains it", line, "remove the loop"
            )
        if depth > MAX_DEPTH:
            raise _ParseLimitError(
                f"aliases nest the data more than {MAX_DEPTH} levels deep", line, _NESTED_HINT
            )
        active.add(id(node))
        values, height = 1, 0
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                children += (key_node, value_node)
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        for child in children:
            count, child_height = visit(child, depth + 1)
            values += count
            height = max(height, child_height + 1)
            if values > max_nodes:
                raise _ParseLimitError(
                    f"aliases expand the file to more than {max_nodes:,} values",
                    line,
                    "write the values out; aliases can multiply a small file into gigabytes",
                )
        active.discard(id(node))
        done[id(node)] = (values, height)
        return values, height

    visit(root, 1)


def _reader_problem(exc: yaml.reader.ReaderError, text: str) -> _ParseLimitError:
    position = max(exc.position, 0)
    if _CParser:  # libyaml reports a byte offset into the UTF-8 text
        line = text.encode("utf-8", "surrogatepass")[:position].count(b"\n") + 1
    else:
        line = text.count("\n", 0, position) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or " ")
    return _ParseLimitError(
        f"the file holds the character U+{code:04X}, which YAML does not allow",
        line,
        "remove it (control characters cannot be part of a spec)",
    )


def _compose(
    text: str, max_nodes: int = MAX_NODES, max_aliases: int = MAX_ALIASES
) -> tuple[_Loader | None, yaml.Node | None]:
    try:
        loader = _Loader(text)
        loader.max_nodes, loader.max_aliases = max_nodes, max_aliases
    except yaml.reader.ReaderError as exc:
        raise _reader_problem(exc, text) from None
    try:
        node = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        loader.dispose()
        raise _reader_problem(exc, text) from None
    except BaseException:
        loader.dispose()
        raise
    if node is not None:
        try:
            if loader._aliases:  # without aliases composition has counted every value
                _measure(node, max_nodes)
        except BaseException:
            loader.dispose()
            raise
    return loader, node


def _as_error(
    exc: BaseException, path: Path | str | None, error: type[DraftkitError]
) -> DraftkitError:
    """A parse failure of any kind as one line of the caller's error class."""
    if isinstance(exc, _ParseLimitError):
        return error(exc.message, path=path, line=exc.line, hint=exc.hint)
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml's own limit, met while reading ahead
            return error(
                f"nested more than {MAX_DEPTH} levels deep", path=path, line=line, hint=_NESTED_HINT
            )
        return error(
            f"invalid YAML: {problem}",
            path=path,
            line=line,
            hint="check indentation and quoting on that line",
        )
    if isinstance(exc, RecursionError):
        return error(f"nested too deeply to read (at most {MAX_DEPTH} levels)", path=path)
    if isinstance(exc, MemoryError):
        return error("too large to read in memory", path=path)
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return error(f"invalid YAML: {first}", path=path)


def _parse_yaml(
    text: str,
    path: Path | str | None,
    error: type[DraftkitError] = SpecError,
    max_nodes: int = MAX_NODES,
    max_aliases: int = MAX_ALIASES,
) -> tuple[Any, dict[PathKey, int]]:
    lines: dict[PathKey, int] = {}
    try:
        loader, node = _compose(text, max_nodes, max_aliases)
        if loader is None or node is None:
            return None, lines
        try:
            return _construct(node, loader, (), lines), lines
        finally:
            loader.dispose()
    except (_ParseLimitError, yaml.YAMLError, RecursionError, MemoryError) as exc:
        raise _as_error(exc, path, error) from None


def parse_yaml_lines(
    text: str,
    *,
    path: str | Path | None = None,
    error: type[DraftkitError] = SpecError,
    max_nodes: int = MAX_NODES,
    max_aliases: int = MAX_ALIASES,
) -> tuple[Any, dict[PathKey, int]]:
    """Parse YAML like :func:`parse_yaml_text`, keeping the line of every value.

    The one line-tracked YAML reader: specs and clause files use it, so that an error in
    their data can name ``file:line`` and the field path.

    Args:
        text: The YAML text.
        path: The file it came from, for errors.
        error: The error class to raise.
        max_nodes: The most values the file may hold, counting what aliases repeat.
        max_aliases: The most aliases (``*name``) the file may use.

    Returns:
        The data (None for an empty document) and path -> line, a path being the keys and
        indexes that lead to a value (``("clauses", 3, "lead")``).

    Raises:
        DraftkitError: Of class ``error``, one line with the file and line.
    """
    return _parse_yaml(text, path, error, max_nodes, max_aliases)


def parse_yaml_text(
    text: str, *, path: str | Path | None = None, error: type[DraftkitError] = SpecError
) -> Any:
    """Parse YAML from an untrusted file under the same caps as a spec.

    Depth, the number of values, aliases (and what they expand to) and number lengths are
    capped before objects are built; timestamps stay strings; tags other than plain
    mappings, lists and scalars are refused.

    Args:
        text: The YAML text.
        path: The file it came from, for errors.
        error: The error class to raise.

    Returns:
        The data (None for an empty document).

    Raises:
        DraftkitError: Of class ``error``, one line with the file and line.
    """
    try:
        loader, node = _compose(text)
        if loader is None or node is None:
            return None
        try:
            return _construct(node, loader, (), {})
        finally:
            loader.dispose()
    except (_ParseLimitError, yaml.YAMLError, RecursionError, MemoryError) as exc:
        raise _as_error(exc, path, error) from None


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _ParseLimitError(f"duplicate key '{key}'", None, "each field may appear once")
        out[key] = value
    return out


def _json_number(text: str) -> Any:
    if sum(c.isdigit() for c in text) > MAX_NUMBER_DIGITS:
        raise _ParseLimitError(
            f"a number with more than {MAX_NUMBER_DIGITS} digits",
            None,
            "put it in quotes if it is an identifier",
        )
    return float(text) if any(c in text for c in ".eE") else int(text)


def _check_shape(data: Any, max_nodes: int = MAX_NODES) -> None:
    count = 0
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        count += 1
        if count > max_nodes:
            raise _ParseLimitError(
                f"more than {max_nodes:,} values in one file (counting what aliases repeat)"
            )
        if depth > MAX_DEPTH:
            raise _ParseLimitError(f"nested more than {MAX_DEPTH} levels deep", None, _NESTED_HINT)
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list | tuple):
            stack.extend((item, depth + 1) for item in value)


def check_data_shape(
    data: Any,
    *,
    path: str | Path | None = None,
    error: type[DraftkitError] = SpecError,
    max_nodes: int = MAX_NODES,
) -> None:
    """Refuse loaded data nested deeper than :data:`MAX_DEPTH` or holding more than
    ``max_nodes`` values, counting shared (aliased) values each time they occur.

    For data read by another parser (a C YAML loader, ``json``): the walk has no recursion
    and stops at the cap, so a self-referencing or alias-bomb structure is refused quickly.

    Raises:
        DraftkitError: Of class ``error``, naming ``path``.
    """
    try:
        _check_shape(data, max_nodes)
    except _ParseLimitError as exc:
        raise error(exc.message, path=path, hint=exc.hint) from None


def parse_json_text(
    text: str, *, path: str | Path | None = None, error: type[DraftkitError] = SpecError
) -> Any:
    """Parse JSON from an untrusted file: duplicate keys refused, depth, size and number
    lengths capped as for YAML.

    Raises:
        DraftkitError: Of class ``error``, one line with the file and (when known) line.
    """
    try:
        data = json.loads(
            text,
            object_pairs_hook=_json_pairs,
            parse_int=_json_number,
            parse_float=_json_number,
        )
        _check_shape(data)
        return data
    except json.JSONDecodeError as exc:
        raise error(
            f"invalid JSON: {exc.msg}", path=path, line=exc.lineno, hint="fix the syntax"
        ) from None
    except (_ParseLimitError, RecursionError, MemoryError, ValueError) as exc:
        located = _locate_with_yaml(text, path, error)
        if located is not None:
            raise located from None
        if isinstance(exc, ValueError) and not isinstance(exc, _ParseLimitError):
            raise error(f"invalid JSON: {exc}", path=path) from None
        raise _as_error(exc, path, error) from None


def _locate_with_yaml(
    text: str, path: str | Path | None, error: type[DraftkitError]
) -> DraftkitError | None:
    """The same problem found by the (line-keeping) YAML reader, when it finds one."""
    try:
        _parse_yaml(text, None)
    except SpecError as exc:
        if exc.line is not None:
            return error(exc.message, path=path, line=exc.line, hint=exc.hint)
    return None
