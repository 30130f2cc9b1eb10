"""Reading the forms-of-address table (package data) once, and looking offices up in it."""

from __future__ import annotations

import functools
import marshal
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import (
    ValidationError,
)

from draftkit.config import default_cache_dir
from draftkit.errors import DraftkitError, ProtocolError
from draftkit.outputs import write_bytes_atomic
from draftkit.protocol.rows import _LIST_HINT, TABLE_FILE, OfficeRow, Source, _Table

# --------------------------------------------------------------------------- loading


def _parse_table(text: str, *, source: str = TABLE_FILE) -> tuple[OfficeRow, ...]:
    """Parse and validate the YAML text of a forms-of-address table.

    Args:
        text: The YAML document.
        source: The file name used in error messages.

    Returns:
        The validated rows, in file order.

    Raises:
        ProtocolError: The YAML is malformed, a source or a row does not fit the schema
            (the message names it), a row cites an unknown source, or two rows share a
            key.
    """
    return _parse_document(text, source=source)[1]


_TABLE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_document(
    text: str, *, source: str = TABLE_FILE
) -> tuple[dict[str, Source], tuple[OfficeRow, ...]]:
    return _validate_document(_load_yaml(text, source=source), source=source)


def _load_yaml(text: str, *, source: str) -> Any:
    try:
        # the table is package data, not user input: libyaml reads it whole (six times
        # faster than the capped, line-tracking reader that specs go through)
        data = yaml.load(text, Loader=_TABLE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ProtocolError(
            f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
            path=source,
            line=line,
            hint="fix the syntax of the forms-of-address table",
        ) from exc
    return data


def _validate_document(
    data: Any, *, source: str
) -> tuple[dict[str, Source], tuple[OfficeRow, ...]]:
    try:
        table = _Table.model_validate(data)
    except ValidationError as exc:
        raise ProtocolError(
            f"not a forms-of-address table: {_first_error(exc)}",
            path=source,
            hint="the file needs `version: 2`, a mapping of `sources` and a list of `offices`",
        ) from exc
    refs: dict[str, Source] = {}
    for ref_id, raw in table.sources.items():
        try:
            refs[ref_id] = Source.model_validate({**raw, "id": ref_id})
        except (ValidationError, TypeError) as exc:
            message = _first_error(exc) if isinstance(exc, ValidationError) else str(exc)
            raise ProtocolError(
                f"source {ref_id!r}: {message}",
                path=source,
                hint="each source needs a title (and, where it was read, a url)",
            ) from exc
    rows: list[OfficeRow] = []
    seen: set[str] = set()
    for index, raw in enumerate(table.offices, start=1):
        key = raw.get("key")
        label = f"row {key!r}" if isinstance(key, str) and key else f"row {index}"
        row = _validated_row(raw, label, source, refs)
        if row.key in seen:
            raise ProtocolError(
                f"{label}: duplicate office key",
                path=source,
                hint="each office key must be unique",
            )
        seen.add(row.key)
        rows.append(row)
    return refs, tuple(rows)


def _validated_row(
    raw: Any, label: str, source: str, known_sources: Mapping[str, object]
) -> OfficeRow:
    """One row of the table, validated, citing only sources the table lists."""
    try:
        row = OfficeRow.model_validate(raw)
    except ValidationError as exc:
        raise ProtocolError(
            f"{label}: {_first_error(exc)}",
            path=source,
            hint="fix that row of the forms-of-address table",
        ) from exc
    unknown = [ref for ref in row.source_ids() if ref not in known_sources]
    if unknown:
        raise ProtocolError(
            f"{label}: cites unknown source {unknown[0]!r}",
            path=source,
            hint="add it under `sources:` at the top of the table, or fix the id",
        )
    return row


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    loc = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{loc}: {message}" if loc else message


def _cache_file(resource: Path) -> Path:
    """The copy's name: the table file's size and modification time, and the Python.

    Named from the file's status, not from a hash of its text, for start-up time: a
    render then neither reads the 250 KB of YAML nor hashes it (some 1.6% of the
    instructions of a cold one-letter render) when the copy is there. An edited or
    reinstalled table has another modification time, so it never meets an old copy.
    """
    status = resource.stat()
    tag = sys.implementation.cache_tag or "python"  # marshal's format is the Python's
    return default_cache_dir() / f"protocol-{status.st_size:x}-{status.st_mtime_ns:x}-{tag}.bin"


_COPY_HEADER = b"draftkit forms-of-address table\n" + bytes([marshal.version])
"""The start of the copy's file: what wrote it, and the marshal format it is in."""


_SOURCE = f"draftkit/data/{TABLE_FILE}"
"""The name the table's errors give."""


def _resource() -> Path:
    # the table is draftkit's package data, read beside this module as ``shipped`` reads
    # the templates (importlib.resources would load its readers, for start-up time)
    return Path(__file__).resolve().parents[1] / "data" / TABLE_FILE


_INDEX_LENGTH = 8
"""The copy's last bytes: the length of the index before them (little-endian)."""


def _index_of(data: dict[str, Any]) -> dict[str, Any]:
    """What a render reads of the table, kept after it in the copy (see :class:`_Rows`).

    Each row by key as its own ``marshal`` bytes (the first row of a key, as
    :func:`_raw_rows` always took it), the sources as written, and the texts
    :func:`salutation_texts` gives.
    """
    offices_data = data.get("offices")
    rows: dict[str, dict[str, Any]] = {}
    for raw in offices_data if isinstance(offices_data, list) else []:
        if isinstance(raw, dict) and isinstance(raw.get("key"), str):
            rows.setdefault(raw["key"], raw)
    known = data.get("sources")
    return {
        "rows": {key: marshal.dumps(raw) for key, raw in rows.items()},
        "sources": known if isinstance(known, dict) else {},
        "salutations": _salutations(rows.values()),
    }


def _copy_bytes(data: dict[str, Any]) -> bytes:
    """The copy's file: its header, the table, the index of it and the index's length."""
    index = marshal.dumps(_index_of(data))
    tail = len(index).to_bytes(_INDEX_LENGTH, "little")
    return _COPY_HEADER + marshal.dumps(data) + index + tail


def _read_copy(cached: Path) -> tuple[bytes, dict[str, Any]] | None:
    """The copy's bytes and its index, or None when it is missing, cut short or odd.

    Raises:
        OSError: The copy cannot be read.
    """
    try:
        kept = cached.read_bytes()
    except FileNotFoundError:
        return None
    if not kept.startswith(_COPY_HEADER) or len(kept) < len(_COPY_HEADER) + _INDEX_LENGTH:
        return None
    end = len(kept) - _INDEX_LENGTH
    start = end - int.from_bytes(kept[end:], "little")
    if start <= len(_COPY_HEADER):
        return None
    try:
        index = marshal.loads(kept[start:end])
    except (ValueError, EOFError, TypeError):
        return None
    if not (
        isinstance(index, dict)
        and isinstance(index.get("rows"), dict)
        and isinstance(index.get("sources"), dict)
        and isinstance(index.get("salutations"), list)
    ):
        return None
    return kept, index


class _Rows(Mapping[str, dict[str, Any]]):
    """The table's rows by key, each read from its own ``marshal`` bytes when first asked.

    A one-letter render looks up one or two of ~170 rows: reading each from the copy's
    index, rather than the whole table, spares it most of the table's loading (some 1% of
    its instructions). ``sources`` and ``salutations`` are the index's.
    """

    def __init__(self, index: dict[str, Any]) -> None:
        self._kept: dict[str, bytes] = index["rows"]
        self._read: dict[str, dict[str, Any]] = {}
        self.sources: dict[str, Any] = index["sources"]
        self.salutations: list[str] = index["salutations"]

    def __getitem__(self, key: str) -> dict[str, Any]:
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = marshal.loads(self._kept[key])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._kept)

    def __len__(self) -> int:
        return len(self._kept)


@functools.cache
def _raw() -> tuple[dict[str, Any], str]:
    """The bundled table as plain data, and the name its errors give.

    libyaml still spends ~70 ms building a 250 KB table, on every start of the command
    line; the same data in Python's ``marshal`` format loads in under 1 ms (as JSON, in
    ~2). So the first read keeps a copy in the user cache folder, named by the YAML file's
    size and modification time (a changed table never meets an old copy) and by the Python
    (whose marshal format it is); the YAML stays the truth, and an unreadable or odd copy
    is just ignored and written again. After the table the copy holds an index of it for
    a render (:func:`_index_of`), which reads that alone (:func:`_raw_rows`).
    """
    source = _SOURCE
    resource = _resource()
    cached: Path | None = None
    try:
        # the file's status is taken before its text is read: a table edited in between
        # leaves a copy under the old status, which no later start asks for
        cached = _cache_file(resource)
        kept = _read_copy(cached)
        if kept is not None:
            data = marshal.loads(kept[0][len(_COPY_HEADER) :])  # the table: the first object
            if isinstance(data, dict) and isinstance(data.get("offices"), list):
                return data, source
    except (OSError, ValueError, EOFError, TypeError):
        pass
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProtocolError(
            f"cannot read the forms-of-address table: {exc}",
            path=TABLE_FILE,
            hint="reinstall draftkit: the package data file is missing",
        ) from exc
    data = _load_yaml(text, source=source)
    if isinstance(data, dict) and cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(cached, _copy_bytes(data), force=True)
        except (OSError, ValueError, DraftkitError):
            pass  # a cache that cannot be written only costs the next start its speed
    return data, source


@functools.cache
def _document() -> tuple[dict[str, Source], tuple[OfficeRow, ...]]:
    data, source = _raw()
    return _validate_document(data, source=source)


def _table() -> tuple[OfficeRow, ...]:
    return _document()[1]


@functools.cache
def _sources_or_empty() -> dict[str, Source]:
    """The table's references, validated without its rows ({} when they cannot be read)."""
    try:
        raw = _raw_rows().sources
    except ProtocolError:
        return {}
    out: dict[str, Source] = {}
    for ref_id, entry in raw.items() if isinstance(raw, dict) else ():
        try:
            out[ref_id] = Source.model_validate({**entry, "id": ref_id})
        except (ValidationError, TypeError):
            continue  # offices() reports it; a citation line just shows the id
    return out


@functools.cache
def _raw_rows() -> _Rows:
    """The table's rows as plain data, by key (validated one by one, when looked up).

    Read from the index kept in the table's copy; from the table itself when there is no
    usable copy (which :func:`_raw` then writes).
    """
    try:
        kept = _read_copy(_cache_file(_resource()))
    except OSError:
        kept = None
    if kept is not None:
        return _Rows(kept[1])
    data, _ = _raw()
    return _Rows(_index_of(data))


@functools.cache
def _row(key: str) -> OfficeRow | None:
    """One office's validated row, or None; a one-letter render validates 1-2 of ~170 rows.

    The whole table is validated, with duplicate keys and unknown sources refused, by
    :func:`offices` and the test suite; this path only validates what it returns.
    """
    rows = _raw_rows()
    raw = rows.get(key)
    if raw is None:
        return None
    return _validated_row(raw, f"row {key!r}", _SOURCE, rows.sources)


def offices(*, country: str | None = None, organization: str | None = None) -> list[OfficeRow]:
    """The offices of the forms-of-address table, in table order.

    The table is read from package data and validated once; later calls reuse it.

    Args:
        country: Only offices of this state (ISO 3166 code such as ``GB``; any case).
        organization: Only offices of this organization (``UN``, ``EU`` ...; any case).

    Returns:
        A new list of the (immutable) rows.

    Raises:
        ProtocolError: The bundled table is missing or malformed.
    """
    rows = list(_table())
    if country is not None:
        rows = [r for r in rows if (r.country or "").lower() == country.strip().lower()]
    if organization is not None:
        wanted = organization.strip().lower()
        rows = [r for r in rows if (r.organization or "").lower() == wanted]
    return rows


def sources() -> dict[str, Source]:
    """The references the table cites, by id.

    Raises:
        ProtocolError: The bundled table is missing or malformed.
    """
    return dict(_document()[0])


def get_office(key: str) -> OfficeRow:
    """Look up one office by key.

    Args:
        key: An office key such as ``us-senator``.

    Returns:
        The office's row.

    Raises:
        ProtocolError: The key is unknown; the hint suggests the nearest key.
    """
    row = _row(key)
    if row is not None:
        return row
    # deferred for start-up time: only a near miss needs it, not a render
    import difflib

    close = difflib.get_close_matches(key, list(_raw_rows()), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? {_LIST_HINT}" if close else _LIST_HINT
    raise ProtocolError(f"unknown office {key!r}", hint=hint)


def cited_works(row: OfficeRow) -> str:
    """The references an office's row follows, as one line (titles of the cited works).

    Only the row's own sources are validated (a render asks this of one or two rows, of
    a table citing ~90 works); one that is unknown or does not validate shows its id.
    """
    titles = [_source_title(i) for i in row.source_ids()]
    return "; ".join(titles) if titles else "house conventions (see cite)"


@functools.cache
def _source_title(ref_id: str) -> str:
    try:
        entry = _raw_rows().sources.get(ref_id)
        return Source.model_validate({**entry, "id": ref_id}).title if entry else ref_id
    except (ProtocolError, ValidationError, TypeError):
        return ref_id


def salutation_texts() -> list[str]:
    """Every salutation in the table and every courtesy title, for every gender.

    The salutations of each row, of its acting and former holders and of its
    alternatives, and its ``courtesy_title`` and ``courtesy_title_plural``: the texts
    :func:`offices` and :func:`~draftkit.protocol.forms.iter_forms` give for the fields
    named ``salutation…`` (a test keeps the two equal). They are read from the table's
    data without validating each row (the checker's list of title words would otherwise
    cost a one-letter render the validation of all ~170 rows), once, when the table's
    copy is made (the copy keeps them in its index); :func:`offices` and the test suite
    validate the whole table.

    Raises:
        ProtocolError: The bundled table cannot be read.
    """
    return list(_raw_rows().salutations)


def _salutations(rows: Iterable[dict[str, Any]]) -> list[str]:
    """:func:`salutation_texts` of these rows (read once, when the table's copy is made)."""
    out: list[str] = []
    for raw in rows:
        holders = [raw, *(raw.get(group) for group in ("acting", "former"))]
        for holder in holders:
            if isinstance(holder, dict):
                for name in ("salutation_formal", "salutation_common"):
                    out += _gendered_texts(holder.get(name))
        alternatives = raw.get("alternatives")
        for alt in alternatives if isinstance(alternatives, list) else []:
            field = alt.get("field") if isinstance(alt, dict) else None
            if isinstance(field, str) and field.rsplit(".", 1)[-1].startswith("salutation"):
                out += _gendered_texts(alt.get("form"))
        out += [t for t in (raw.get("courtesy_title"), raw.get("courtesy_title_plural")) if t]
    return out


def _gendered_texts(value: Any) -> list[str]:
    """The non-empty texts of a gendered form as written in the table (see ``Gendered``)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, dict):
        return [t for t in (value.get(k) for k in ("neutral", "male", "female")) if t]
    return []
