"""Recipient lists a team keeps: CSV (or TSV) with a header row, and YAML or JSON lists.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from draftkit.errors import SpecError
from draftkit.files import (
    decode_text,
    parse_json_text,
    parse_yaml_text,
    read_input,
)
from draftkit.recipients.model import FIELD_ALIASES, Recipient, column_key, recipient_from_mapping
from draftkit.tables import read_table

MAX_RECIPIENT_BYTES = 50 * 1024 * 1024
"""Recipient files larger than this are refused."""

# --------------------------------------------------------------------------- files


def _read(path: Path) -> str:
    raw = read_input(path, limit=MAX_RECIPIENT_BYTES, what="recipient file")
    return decode_text(raw, path=path, hint=_NOT_UTF8)


_NOT_UTF8 = "save the list as UTF-8 (in Excel: CSV UTF-8)"


def read_csv(path: str | Path) -> list[Recipient]:
    """Read recipients from a CSV (or TSV / semicolon-separated) file with a header row.

    The file is read by :func:`draftkit.tables.read_table` (UTF-8 or UTF-16, the
    delimiter from the header, a quote never closed refused with its line).

    Raises:
        SpecError: The file is missing, not UTF-8/UTF-16, has no header, or is not CSV.
    """
    path = Path(path)
    table = read_table(path, limit=MAX_RECIPIENT_BYTES, what="recipient file", hint=_NOT_UTF8)
    named = ("name", "first_name", "surname")
    if not any(FIELD_ALIASES.get(column_key(h)) in named for h in table.header):
        raise SpecError(
            "the header has no name column",
            path=path,
            line=1,
            hint="name a column 'name' (or 'first name' and 'last name')",
        )
    return [
        recipient_from_mapping(row.cells, source=table.source(row))
        for row in table.rows
        if any((v or "").strip() for v in row.cells.values() if isinstance(v, str))
    ]


def read_list(path: str | Path) -> list[Recipient]:
    """Read recipients from a YAML or JSON list of mappings (or ``recipients: [...]``).

    Raises:
        SpecError: The file is not valid YAML/JSON or not a list of mappings.
    """
    path = Path(path)
    text = _read(path)
    if path.suffix.lower() == ".json":
        data = parse_json_text(text, path=path)
    else:
        data = parse_yaml_text(text, path=path)
    if isinstance(data, dict) and "recipients" in data:
        data = data["recipients"]
    if not isinstance(data, list):
        raise SpecError(
            "a recipient list must be a list of mappings",
            path=path,
            hint="write '- name: ...' entries, or 'recipients:' followed by them",
        )
    out: list[Recipient] = []
    for index, item in enumerate(data):
        where = f"{path}:recipients[{index}]"
        if not isinstance(item, Mapping):
            out.append(Recipient(source=where, problem="entry is not a mapping of fields"))
            continue
        out.append(recipient_from_mapping(item, source=where))
    return out


