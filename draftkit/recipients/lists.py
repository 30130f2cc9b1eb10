"""Recipient lists a team keeps: CSV/TSV, workbooks (.xlsx/.xls/.ods), YAML or JSON lists.

Every list is read by :func:`draftkit.tables.read_table`, the one reader of tables.
"""

from __future__ import annotations

from pathlib import Path

from draftkit.errors import SpecError
from draftkit.recipients.model import FIELD_ALIASES, Recipient, column_key, recipient_from_mapping
from draftkit.tables import Table, read_table

MAX_RECIPIENT_BYTES = 50 * 1024 * 1024
"""Recipient files larger than this are refused."""

_NOT_UTF8 = "save the list as UTF-8 (in Excel: CSV UTF-8), or pass --encoding"


def read_recipient_table(
    path: str | Path,
    *,
    fmt: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
) -> tuple[list[Recipient], Table]:
    """Read recipients from any table :func:`~draftkit.tables.read_table` reads.

    Args:
        path: A .csv/.tsv, .xlsx/.xls/.ods, .yaml/.yml/.json file, or ``-`` (stdin).
        fmt: The format, when the suffix does not say (see
            :data:`~draftkit.tables.TABLE_FORMATS`).
        sheet: The sheet of a workbook (default: the first visible one).
        encoding: The encoding of a text file, instead of detecting it.

    Returns:
        The recipients (rows with problems flagged) and the table they came from (its
        format, encoding or sheet).

    Raises:
        SpecError: The file cannot be read, or a table has no name column.
    """
    table = read_table(
        path,
        limit=MAX_RECIPIENT_BYTES,
        what="recipient file",
        hint=_NOT_UTF8,
        fmt=fmt,
        sheet=sheet,
        encoding=encoding,
        list_key="recipients",
    )
    if table.format in ("json", "yaml"):
        out: list[Recipient] = []
        for row in table.rows:
            where = table.source(row)
            if set(row.cells) == {None}:  # an entry that is not a mapping
                out.append(Recipient(source=where, problem="entry is not a mapping of fields"))
                continue
            out.append(recipient_from_mapping(row.cells, source=where))
        return out, table
    named = ("name", "first_name", "surname")
    if not any(FIELD_ALIASES.get(column_key(h)) in named for h in table.header):
        raise SpecError(
            "the header has no name column",
            path=table.name,
            line=None if table.sheet else 1,
            where=f"sheet '{table.sheet}', row 1" if table.sheet else None,
            hint="name a column 'name' (or 'first name' and 'last name')",
        )
    people = [
        recipient_from_mapping(row.cells, source=table.source(row))
        for row in table.rows
        if any((v or "").strip() for v in row.cells.values() if isinstance(v, str))
    ]
    return people, table


def read_csv(path: str | Path) -> list[Recipient]:
    """Read recipients from a CSV (or TSV / semicolon-separated) file with a header row.

    The file is read by :func:`draftkit.tables.read_table` (encoding detected, the
    delimiter from the header, a quote never closed refused with its line).

    Raises:
        SpecError: The file is missing, cannot be decoded, has no name column, or is not
            CSV.
    """
    path = Path(path)
    fmt = "tsv" if path.suffix.lower() in (".tsv", ".tab") else "csv"
    return read_recipient_table(path, fmt=fmt)[0]


def read_list(path: str | Path) -> list[Recipient]:
    """Read recipients from a YAML or JSON list of mappings (or ``recipients: [...]``).

    Raises:
        SpecError: The file is not valid YAML/JSON or not a list of mappings.
    """
    path = Path(path)
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    return read_recipient_table(path, fmt=fmt)[0]
