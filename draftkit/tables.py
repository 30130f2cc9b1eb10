"""Tables: reading recipient lists and sign-on exports, writing CSV, and the cells.

Reading (:func:`read_table`). A CSV, TSV or semicolon-separated file with a header row,
in UTF-8 (with or without BOM) or UTF-16 (Excel's "Unicode Text"). The delimiter is the
one the header uses most (``.tsv``: tab). Every row keeps the line it starts on, for
messages (``list.csv:7``). A quote opened and never closed is refused, naming the line
it opens on: Python's csv module would read every following line into that one cell.

Writing (:func:`csv_text`). A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or
a carriage return is a formula to Excel and LibreOffice (CSV injection, OWASP): it is
written with a leading single quote, so a spreadsheet shows it as text.

Cells. A cell read from a table is data, never markup or template code. Two string
types say so to the template sandbox (:mod:`draftkit.compose.sandbox`), which prints
them:

- :class:`DataValue`: a cell's text. Printed by a template it is escaped, so an asterisk
  or a bracket in a cell is set as written instead of turning the rest of the sentence
  italic or into a link.
- :class:`BlankValue`: an empty cell. False in ``{% if %}``, replaced by ``|default``;
  printed inside other text it is an error naming the column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftkit.errors import SpecError
from draftkit.files import decode_text, read_input

__all__ = [
    "BlankValue",
    "DataValue",
    "Table",
    "TableRow",
    "cell_lines",
    "csv_cell",
    "csv_text",
    "read_table",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a table.

    Attributes:
        line: The line of the file the row starts on (1 is the header).
        cells: Column name -> cell text (``None`` for a cell the row lacks); cells
            beyond the header's columns are a list under the key ``None``.
    """

    line: int
    cells: dict[str | None, str | list[str] | None]


@dataclass(slots=True)
class Table:
    """A table read from a file.

    Attributes:
        path: The file.
        header: The column names, as written.
        rows: The rows after the header that hold anything (blank lines are left out).
    """

    path: Path
    header: list[str] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)

    def source(self, row: TableRow) -> str:
        """Where a row is, for messages: ``list.csv:7``."""
        return f"{self.path}:{row.line}"


def _delimiter(text: str, path: Path) -> str:
    """Tab for ``.tsv``; else the one of ``,`` ``;`` tab the header uses most (``,``)."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _open_quote(lines: Sequence[str], first: int, delimiter: str) -> int | None:
    """The index in ``lines`` of a quote opened from ``lines[first]`` on and never closed.

    Follows the csv module's reading (a quote opens a cell only at its start; after the
    closing quote, text up to the delimiter belongs to the cell).
    """
    state = "start"  # start of a cell | unquoted | quoted | after a quote in a quoted cell
    opened = None
    for index in range(first, len(lines)):
        for char in lines[index]:
            if state == "quoted":
                if char == '"':
                    state = "after"
            elif state == "after" and char == '"':
                state = "quoted"
            elif char == delimiter or char in "\r\n":
                state = "start"
            elif state == "start" and char == '"':
                state, opened = "quoted", index
            else:
                state = "unquoted"
    return opened if state == "quoted" else None


def _records(lines: Sequence[str], path: Path, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, cells) for every record, refusing a runaway quote."""
    reader = csv.reader(lines, delimiter=delimiter)
    end = 0
    start = 1
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if record:
                yield start, record
    except csv.Error as exc:
        raise SpecError(f"not valid CSV: {exc}", path=path, line=reader.line_num) from None
    opened = _open_quote(lines, start - 1, delimiter) if end else None
    if opened is not None:
        raise SpecError(
            "a quote opened on this line is never closed, so every line after it would be"
            " read into one cell",
            path=path,
            line=opened + 1,
            hint='close the quote, or write a quote inside a cell as two quotes ("")',
        )


def read_table(path: str | Path, *, limit: int, what: str, hint: str) -> Table:
    """Read a CSV/TSV file with a header row.

    Args:
        path: The file.
        limit: The most bytes read.
        what: What the file is, for messages ("recipient file").
        hint: What to do when the file is not UTF-8 ("save the list as UTF-8 CSV").

    Returns:
        The header and the rows (rows that hold only blank cells are kept; blank lines
        are not).

    Raises:
        SpecError: The file is missing, not a regular file, too large, not UTF-8 or
            UTF-16, empty, or not valid CSV (a quote never closed, a cell over 131,072
            characters); one line naming the file and the line.
    """
    path = Path(path)
    text = decode_text(read_input(path, limit=limit, what=what), path=path, hint=hint)
    if not text.strip():
        raise SpecError(f"{what} is empty", path=path, hint="add a header row and rows")
    delimiter = _delimiter(text, path)
    lines = io.StringIO(text, newline="").readlines()
    table = Table(path)
    records = _records(lines, path, delimiter)
    for _, header in records:
        table.header = header
        break
    width = len(table.header)
    for line, record in records:
        cells: dict[str | None, str | list[str] | None] = dict(
            zip(table.header, record[:width], strict=False)
        )
        for name in table.header[len(record) :]:
            cells.setdefault(name, None)
        if len(record) > width:
            cells[None] = record[width:]
        table.rows.append(TableRow(line, cells))
    return table


_LINE_BREAKS = re.compile(r"\r?\n|;")
_LINE_BREAKS_OR_BARS = re.compile(r"\r?\n|;|\|")


def cell_lines(value: Any, *, bars: bool = False) -> list[str]:
    """The lines a cell holds: a list as it is, text split on line breaks and ``;``.

    Args:
        value: A cell (text), or a list from a YAML/JSON list.
        bars: Split on ``|`` too (address and title lines of a recipient list).

    Returns:
        The non-empty lines, each with its white space folded.
    """
    if value is None:
        return []
    if isinstance(value, list | tuple):
        items = [str(v) for v in value]
    else:
        items = (_LINE_BREAKS_OR_BARS if bars else _LINE_BREAKS).split(str(value))
    return [" ".join(item.split()) for item in items if item.strip()]


def csv_cell(value: object) -> str:
    """A cell as written to a CSV file: a formula trigger at its start is neutralised.

    ``=SUM(A1)``, ``+cmd``, ``-2+3``, ``@SUM`` (and a leading tab or carriage return)
    get a leading ``'``, so a spreadsheet shows the text instead of running it (OWASP
    "CSV Injection").
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(rows: Iterable[Sequence[object]]) -> str:
    """CSV text of ``rows`` (the first is the header), every cell through :func:`csv_cell`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()


class BlankValue(str):
    """An empty cell of a recipient list: false in ``{% if %}``, replaced by ``default``.

    Printed inside other text (``in {{ recipient.state }}``) it is an error naming the
    column, so a letter never goes out reading "in  whose" because one row left a cell
    empty. A paragraph that prints nothing else (``{{ recipient.personal_line }}``) is
    empty and left out; ``{{ recipient.state|default('') }}`` allows a missing value
    anywhere.

    Attributes:
        name: The column (variable) the empty cell belongs to.
    """

    name: str

    def __new__(cls, name: str) -> BlankValue:
        value = super().__new__(cls, "")
        value.name = name
        return value

    def __reduce__(self) -> tuple[type[BlankValue], tuple[str]]:
        return (BlankValue, (self.name,))


class DataValue(str):
    """A value from a recipient list: data, never markup.

    Printed by a template (``{{ recipient.state }}``) it is escaped, so an asterisk or a
    bracket in a cell is set as written instead of turning the rest of the sentence italic
    or into a link. A filter applied to it (``|upper``, ``|trim``) keeps it data.
    """

    __slots__ = ()
