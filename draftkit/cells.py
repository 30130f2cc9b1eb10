"""Cells of a table: the lines a cell holds, and the two string types that mark a cell as data.

A cell read from a table (:mod:`draftkit.tables`) is data, never markup or template code.
Two string types say so to the template sandbox (:mod:`draftkit.compose.sandbox`), which
prints them:

- :class:`DataValue`: a cell's text. Printed by a template it is escaped, so an asterisk
  or a bracket in a cell is set as written instead of turning the rest of the sentence
  italic or into a link.
- :class:`BlankValue`: an empty cell. False in ``{% if %}``, replaced by ``|default``;
  printed inside other text it is an error naming the column.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["BlankValue", "DataValue", "cell_lines"]

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
