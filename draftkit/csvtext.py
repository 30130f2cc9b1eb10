"""Writing CSV: text a spreadsheet opens as text.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
formula to Excel and LibreOffice (CSV injection, OWASP): :func:`csv_text` writes it with
a leading single quote, so a spreadsheet shows it as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

__all__ = ["csv_cell", "csv_text"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
