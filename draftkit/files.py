"""Reading letter specs (YAML/JSON) with precise errors, and writing files atomically.

Specs are parsed with PyYAML's safe composer (no arbitrary tags), keeping the line of
every node, so a validation error can name ``file:line`` and the field path. Timestamps
are *not* converted by YAML: dates are validated by the schema, which accepts only real
``YYYY-MM-DD`` dates.
"""

from __future__ import annotations

import codecs
import importlib
import json
import stat
import sys
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from draftkit.errors import DraftkitError, SpecError
from draftkit.outputs import os_reason
from draftkit.schema import Ask, ClauseRef, Letter

__all__ = [
    "MAX_ALIASES",
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_NUMBER_DIGITS",
    "MAX_SPEC_BYTES",
    "STDIN",
    "STDIN_NAME",
    "check_data_shape",
    "decode_text",
    "dump_letter",
    "is_stdin",
    "letter_to_data",
    "load_data",
    "load_letter",
    "parse_json_text",
    "parse_letter",
    "parse_yaml_lines",
    "parse_yaml_text",
    "read_input",
    "read_stdin",
    "source_name",
    "spec_bytes",
]

MAX_SPEC_BYTES = 5 * 1024 * 1024
"""Specs larger than this are refused before parsing (a letter spec is a few KB)."""

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


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


DOCUMENT_SUFFIXES = frozenset(
    {".docx", ".doc", ".odt", ".rtf", ".pdf", ".txt", ".text", ".md", ".html", ".htm"}
)
"""Suffixes of letters as documents: read with ingest, never parsed as a spec."""


def read_input(
    path: str | Path,
    *,
    limit: int,
    error: type[DraftkitError] = SpecError,
    what: str = "file",
) -> bytes:
    """Read a file's bytes, refusing missing files, folders, pipes, devices and files
    over ``limit``.

    Args:
        path: The file.
        limit: The most bytes accepted.
        error: The error class to raise.
        what: What the file is, for messages ("spec", "recipient file").

    Raises:
        DraftkitError: Of class ``error``, one line naming the file.
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise error(f"is a folder, not a {what}", path=path)
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # a named pipe waits for a writer for ever, a device may never end
            raise error(
                f"is a pipe or device, not a {what}",
                path=path,
                hint="save it to a regular file and pass that",
            )
        size = status.st_size
        if size > limit:
            raise error(f"{what} is {size:,} bytes; at most {limit:,} are read", path=path)
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise error(f"{what} not found", path=path, hint="check the path") from None
    except OSError as exc:
        raise error(f"cannot read the {what} ({os_reason(exc)})", path=path) from None
    if len(raw) > limit:
        raise error(f"{what} grew beyond {limit:,} bytes while it was read", path=path)
    return raw


_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _utf16_without_bom(sample: bytes) -> str | None:
    """BOM-less UTF-16 told by the NUL pattern of mostly-ASCII text, or None."""
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(
    raw: bytes,
    *,
    path: str | Path | None = None,
    error: type[DraftkitError] = SpecError,
    hint: str = "save the file as UTF-8",
) -> str:
    """Decode a text file draftkit reads: UTF-8 (with or without BOM) or UTF-16.

    UTF-16 is what Excel's "Unicode Text" and Notepad's "Unicode" save: it is read when
    it starts with a byte-order mark (or, without one, shows the NUL pattern of ASCII in
    UTF-16). Anything else must be UTF-8; no other encoding is guessed.

    Args:
        raw: The file's bytes.
        path: The file, for messages.
        error: The error class to raise.
        hint: What to do when the bytes are not UTF-8.

    Raises:
        DraftkitError: Of class ``error``, naming the line and byte that do not decode.
    """
    encoding = "utf-8-sig"
    start = 0
    for bom, name in _UTF16_BOMS:
        if raw.startswith(bom):
            encoding, start = name, len(bom)
            break
    else:
        encoding = _utf16_without_bom(raw[:65536]) or encoding
    try:
        return raw[start:].decode(encoding)
    except UnicodeDecodeError as exc:
        where = start + exc.start
        if encoding.startswith("utf-16"):
            raise error(
                f"UTF-16 text that does not decode (byte {where})",
                path=path,
                hint=hint,
            ) from None
        line = raw.count(b"\n", 0, where) + 1
        raise error(f"not UTF-8 text (byte {where})", path=path, line=line, hint=hint) from None


STDIN = "-"
"""The path that stands for standard input (and, as an output, standard output)."""

STDIN_NAME = "<stdin>"
"""How messages name standard input."""

_stdin_read: tuple[object, bytes] | None = None


def is_stdin(path: str | Path | None) -> bool:
    """True for ``-``, the path that means standard input."""
    return path is not None and str(path) == STDIN


def source_name(path: str | Path) -> str:
    """A path as messages name it: ``<stdin>`` for ``-``."""
    return STDIN_NAME if is_stdin(path) else str(path)


def read_stdin(
    *, limit: int = MAX_SPEC_BYTES, what: str = "spec", error: type[DraftkitError] = SpecError
) -> bytes:
    """The bytes of standard input, at most ``limit``, read once per stream.

    A command may read its spec more than once (render composes it and hashes it for the
    provenance record); standard input can be read only once, so its bytes are kept for
    as long as ``sys.stdin`` is the same stream.

    Raises:
        DraftkitError: Of class ``error``: no standard input, or more than ``limit`` bytes.
    """
    global _stdin_read
    stream = sys.stdin
    if _stdin_read is not None and _stdin_read[0] is stream:
        data = _stdin_read[1]
    else:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise error(f"cannot read the {what} from standard input", path=STDIN_NAME)
        try:
            data = buffer.read(limit + 1)
        except OSError as exc:
            raise error(
                f"cannot read the {what} from standard input ({os_reason(exc)})",
                path=STDIN_NAME,
            ) from None
        _stdin_read = (stream, data)
    if len(data) > limit:
        raise error(
            f"the {what} on standard input is over {limit:,} bytes",
            path=STDIN_NAME,
            hint="save it to a file and pass that",
        )
    return data


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


def _json_lines(text: str) -> dict[PathKey, int]:
    """Best-effort line numbers for a JSON document (JSON is read through YAML's composer)."""
    try:
        return _parse_yaml(text, None)[1]
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
                    return _parse_yaml(text, STDIN_NAME)
                except SpecError:
                    raise not_json from None
        return _parse_yaml(text, STDIN_NAME)
    if path.suffix.lower() in DOCUMENT_SUFFIXES:
        raise SpecError(
            f"is a {path.suffix.lower()} document, not a spec (YAML or JSON)",
            path=path,
            hint=f"turn it into a spec first: draftkit ingest {path.name} -o "
            f"{path.stem}.yaml",
        )
    text = _read_text(path)
    if path.suffix.lower() == ".json":
        data = parse_json_text(text, path=path)
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
