"""The filters draftkit adds to Jinja's: ``and_list``, ``longdate``, ``count_words``, and a
``default`` that also replaces a blank recipient cell (installed by
:func:`draftkit.compose.sandbox.make_env`, with ``number_words``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import jinja2

from draftkit.cells import BlankValue
from draftkit.languages import count_words, format_date


def _default(value: Any, default_value: Any = "", boolean: bool = False) -> Any:
    """Jinja's ``default`` that also replaces a blank recipient cell."""
    if isinstance(value, BlankValue | jinja2.Undefined) or (boolean and not value):
        return default_value
    return value


def _and_list(items: Any, conjunction: str = "and", serial: bool = True) -> str:
    """``["A", "B", "C"]`` -> ``"A, B, and C"`` (``serial=False``: ``"A, B and C"``)."""
    parts = [str(i) for i in items if str(i).strip()]
    if len(parts) <= 2:
        return f" {conjunction} ".join(parts)
    comma = "," if serial else ""
    return ", ".join(parts[:-1]) + f"{comma} {conjunction} " + parts[-1]


def _long_date(value: Any, style: str = "us", language: str | None = None) -> str:
    """A date as "May 25, 2021" (``us``) or "25 May 2021" (``international``), or in
    ``language`` ("16 mars 2026"); never from the machine's locale."""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if not isinstance(value, dt.date):
        return str(value)
    return format_date(value, language, style)


def _count_words(
    value: Any, language: str | None = None, limit: int = 99, feminine: bool = False
) -> str:
    """A count in words in ``language``: ``21|count_words("fr", feminine=true)`` ->
    "vingt et une"; larger than ``limit`` stays digits."""
    return count_words(value, language, limit=limit, feminine=feminine)
