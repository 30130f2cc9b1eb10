"""Writable models: text that can always be written into a document, values bounded.

:class:`WritableModel` is the base of the letter model (:mod:`draftkit.schema`) and the
clause model (:mod:`draftkit.clauses.model`): unknown fields, unwritable characters and
text over :data:`MAX_TEXT_CHARS` are refused with the field's path. :data:`Variables`
and :data:`StrictDate` are the field types both use.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, field_validator

from draftkit.characters import describe, find_unwritable, unwritable_in

__all__ = [
    "MAX_LETTER_CHARS",
    "MAX_LETTER_VALUES",
    "MAX_TEXT_CHARS",
    "MAX_VARIABLE_DEPTH",
    "StrictDate",
    "Variables",
    "WritableModel",
]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _strict_date(value: object) -> object:
    """Accept a real date or an ISO ``YYYY-MM-DD`` string; refuse numbers and datetimes."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_DATE.match(text):
            raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date ({exc})") from None
    raise ValueError(f"expected a date written YYYY-MM-DD, got {type(value).__name__} {value!r}")


StrictDate = Annotated[dt.date, BeforeValidator(_strict_date)]


MAX_TEXT_CHARS = 1_000_000
"""One text field may hold at most this many characters."""

MAX_LETTER_CHARS = 10_000_000
"""All the text of a letter (variables included) may hold at most this many characters."""

MAX_LETTER_VALUES = 200_000
"""A letter may hold at most this many values (strings, numbers, list items ...)."""

MAX_VARIABLE_DEPTH = 20
"""``variables`` may nest lists and mappings at most this deep."""

_JSON_SCALARS = (str, int, float, bool, type(None), dt.date)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unwritable_message(value: Any) -> str | None:
    """Why ``value`` (a field's value, without nested models) cannot be written, or None."""
    if isinstance(value, str):
        found = find_unwritable(value)
        if found is None:
            return None
        return (
            f"holds {describe(found[1])} at character {found[0] + 1}, which cannot be "
            "written into a document; delete it (it is invisible: retype the text around it)"
        )
    if isinstance(value, BaseModel):
        return None  # validated as a model of its own
    problem = unwritable_in(value, models=False) if isinstance(value, list | tuple | dict) else None
    if problem is None:
        return None
    where, char = problem
    item = re.match(r"^\[(\d+)\]", where)
    if item:  # "[1].x" -> "item 2 (x)"
        rest = where[item.end() :].lstrip(".")
        where = f"item {int(item.group(1)) + 1}" + (f" ({rest})" if rest else "")
    return (
        f"{where.lstrip('.') or 'a value'} holds {describe(char)}, which cannot be written "
        "into a document; delete it"
    )


def _bounded_variables(value: Any) -> Any:
    """Refuse ``variables`` that are not plain data or too large to ever serialise.

    The walk has no recursion and stops at the caps, so even a structure that repeats one
    list a billion times through shared references is refused after a few hundred
    thousand steps instead of being expanded by ``model_dump_json``.
    """
    if not isinstance(value, dict):
        return value  # the dict type check reports it
    values = chars = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        values += 1
        if values > MAX_LETTER_VALUES:
            raise ValueError(f"variables hold more than {MAX_LETTER_VALUES:,} values")
        if depth > MAX_VARIABLE_DEPTH:
            raise ValueError(f"variables nest more than {MAX_VARIABLE_DEPTH} levels deep")
        if isinstance(item, str):
            chars += len(item)
            if chars > MAX_LETTER_CHARS:
                raise ValueError(f"variables hold more than {MAX_LETTER_CHARS:,} characters")
        elif isinstance(item, dict):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise ValueError(f"variable names must be text, got {type(key).__name__}")
                stack.append((key, depth + 1))
                stack.append((child, depth + 1))
        elif isinstance(item, list | tuple):
            stack.extend((child, depth + 1) for child in item)
        elif not isinstance(item, _JSON_SCALARS):
            raise ValueError(
                f"variables hold a {type(item).__name__}; only text, numbers, true/false, "
                "dates, lists and mappings can be used"
            )
    return value


Variables = Annotated[dict[str, Any], BeforeValidator(_bounded_variables)]
"""Values for templates: plain data, bounded so that a letter can always be serialised."""


_Func = TypeVar("_Func", bound=Callable[..., Any])


def _presigned(func: _Func) -> _Func:
    """Keep ``func``'s signature on it (``__signature__``, which ``inspect`` reads first).

    For start-up time: pydantic reads a validator's signature once for every field it
    validates, and the ``"*"`` validators below validate every field of every letter model
    (some 200 readings, each a walk over the function's code object).
    """
    setattr(func, "__signature__", inspect.signature(func))  # noqa: B010
    return func


class WritableModel(BaseModel):
    """A model whose text can always be written: unknown fields, unwritable characters
    (controls, noncharacters, lone surrogates) and text over :data:`MAX_TEXT_CHARS` are
    refused with the field's path. The base of the letter and clause models."""

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=False,
        str_max_length=MAX_TEXT_CHARS,
        # str(ValidationError) would repr the whole input: a structure repeating one list a
        # billion times (shared references) takes the interpreter down while printing it
        hide_input_in_errors=True,
    )

    @field_validator("*", mode="before")
    @classmethod
    @_presigned
    def _encodable(cls, value: Any) -> Any:
        # lone surrogates fail pydantic's own string check with a cryptic message
        if isinstance(value, str) and value.isprintable():
            return value  # a surrogate is never printable: nothing to look for
        items = value if isinstance(value, list | tuple) else [value]
        for index, item in enumerate(items):
            if isinstance(item, str) and _SURROGATE.search(item):
                where = f" (item {index + 1})" if item is not value else ""
                raise ValueError(f"{_unwritable_message(item)}{where}")
        return value

    @field_validator("*", mode="after")
    @classmethod
    @_presigned
    def _writable(cls, value: Any) -> Any:
        message = _unwritable_message(value)
        if message is not None:
            raise ValueError(message)
        return value
