"""Reading the forms-of-address table (package data) once, and looking offices up in it.
"""

from __future__ import annotations

import difflib
import functools
from importlib import resources
from typing import Any

import yaml
from pydantic import (
    ValidationError,
)

from draftkit.errors import ProtocolError
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
        try:
            row = OfficeRow.model_validate(raw)
        except ValidationError as exc:
            raise ProtocolError(
                f"{label}: {_first_error(exc)}",
                path=source,
                hint="fix that row of the forms-of-address table",
            ) from exc
        if row.key in seen:
            raise ProtocolError(
                f"{label}: duplicate office key",
                path=source,
                hint="each office key must be unique",
            )
        unknown = [ref for ref in row.source_ids() if ref not in refs]
        if unknown:
            raise ProtocolError(
                f"{label}: cites unknown source {unknown[0]!r}",
                path=source,
                hint="add it under `sources:` at the top of the table, or fix the id",
            )
        seen.add(row.key)
        rows.append(row)
    return refs, tuple(rows)


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    loc = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{loc}: {message}" if loc else message


@functools.cache
def _document() -> tuple[dict[str, Source], tuple[OfficeRow, ...]]:
    package = "draftkit"  # the table is draftkit's package data
    resource = resources.files(package).joinpath("data").joinpath(TABLE_FILE)
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProtocolError(
            f"cannot read the forms-of-address table: {exc}",
            path=TABLE_FILE,
            hint="reinstall draftkit: the package data file is missing",
        ) from exc
    return _parse_document(text, source=f"draftkit/data/{TABLE_FILE}")


def _table() -> tuple[OfficeRow, ...]:
    return _document()[1]


def _sources_or_empty() -> dict[str, Source]:
    try:
        return _document()[0]
    except ProtocolError:
        return {}


@functools.cache
def _index() -> dict[str, OfficeRow]:
    return {row.key: row for row in _table()}


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
    index = _index()
    row = index.get(key)
    if row is not None:
        return row
    close = difflib.get_close_matches(key, list(index), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? {_LIST_HINT}" if close else _LIST_HINT
    raise ProtocolError(f"unknown office {key!r}", hint=hint)


def cited_works(row: OfficeRow) -> str:
    """The references an office's row follows, as one line (titles of the cited works)."""
    table = _sources_or_empty()
    titles = [table[i].title if i in table else i for i in row.source_ids()]
    return "; ".join(titles) if titles else "house conventions (see cite)"
