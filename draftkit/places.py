"""Places in a letter: where a piece of text stands, as a path of field names and indexes.

``("body", 3)`` is the fourth body paragraph, ``("asks", 1, "items", 0)`` the first bullet
of the second ask, ``("subject",)`` the Re: line, ``("addressees", 0)`` the first inside
address. Compose records where the spec's text went with them, merge fills per-recipient
text at them, the DOCX stencil leaves them open, and messages name them as
``asks[1].items[0]`` (:func:`place_name`, :func:`parse_place`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from draftkit.schema import Ask, Letter

__all__ = [
    "LIST_FIELDS",
    "SCALAR_FIELDS",
    "Place",
    "blank_entries",
    "parse_place",
    "place_name",
    "text_at",
    "with_texts",
    "without_blanks",
]

Place = tuple[str | int, ...]
"""A path into a letter: field names and list indexes."""

SCALAR_FIELDS = (
    "heading",
    "subject",
    "salutation",
    "asks_intro",
    "complimentary_close",
    "signatory_note",
)
"""One-line text fields of a letter."""

LIST_FIELDS = ("body", "closing", "enclosures")
"""Fields holding a list of paragraphs (or enclosure names)."""

_STEP = re.compile(r"([A-Za-z_]+)|\[(\d+)\]")


def place_name(place: Place) -> str:
    """``("asks", 1, "items", 0)`` -> ``"asks[1].items[0]"``."""
    out = ""
    for step in place:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else step)
    return out


def parse_place(where: str) -> Place:
    """``"asks[1].items[0]"`` -> ``("asks", 1, "items", 0)`` (the inverse of :func:`place_name`)."""
    return tuple(name if name else int(index) for name, index in _STEP.findall(where))


def text_at(letter: Letter, place: Place) -> Any:
    """The value at ``place`` (text, an ask, an addressee), or None when there is none."""
    value: Any = letter
    for step in place:
        try:
            value = value[step] if isinstance(step, int) else getattr(value, step)
        except (IndexError, AttributeError):
            return None
    return value


def with_texts(letter: Letter, texts: Mapping[Place, Any]) -> Letter:
    """A copy of ``letter`` with the values at some places replaced (the rest shared).

    Args:
        letter: The letter.
        texts: Place -> new value: a scalar field (``("subject",)``), an entry of a list
            field (``("body", 2)``), part of an ask (``("asks", 1, "lead")``,
            ``("asks", 1, "items", 0)``) or an addressee (``("addressees", 0)``).
    """
    if not texts:
        return letter
    update: dict[str, Any] = {}
    asks: dict[int, dict[str, Any]] = {}
    for place, value in texts.items():
        field = str(place[0])
        if len(place) == 1:
            update[field] = value
        elif field == "asks" and len(place) > 2:
            index = int(place[1])
            ask = letter.asks[index]
            if not isinstance(ask, Ask):
                raise ValueError(f"{place_name(place)} is a clause reference, not an ask")
            change = asks.setdefault(index, {})
            if place[2] == "items":
                items = change.setdefault("items", list(ask.items))
                items[int(place[3])] = value
            else:
                change[str(place[2])] = value
        else:
            entries = update.setdefault(field, list(getattr(letter, field)))
            entries[int(place[1])] = value
    if asks:
        entries = update.setdefault("asks", list(letter.asks))
        for index, change in asks.items():
            entries[index] = entries[index].model_copy(update=change)
    return letter.model_copy(update=update)


def blank_entries(letter: Letter, places: Iterable[Place]) -> dict[str, set[int]]:
    """The list entries :func:`without_blanks` leaves out: field -> indexes (an ask goes
    when its lead, body and items are all empty)."""
    blank = {p for p in places if not str(text_at(letter, p) or "").strip()}
    drop: dict[str, set[int]] = {}
    for place in blank:
        if len(place) == 2:
            drop.setdefault(str(place[0]), set()).add(int(place[1]))
    for index, ask in enumerate(letter.asks):
        if not isinstance(ask, Ask) or not any(p[:2] == ("asks", index) for p in blank):
            continue
        parts: list[Place] = [("asks", index, "lead"), ("asks", index, "body")]
        parts += [("asks", index, "items", n) for n in range(len(ask.items))]
        if all(p in blank or not str(text_at(letter, p) or "").strip() for p in parts):
            drop.setdefault("asks", set()).add(index)
    return drop


def without_blanks(letter: Letter, places: Iterable[Place]) -> Letter:
    """Leave out the text at ``places`` that is empty: paragraphs, items and asks go,
    one-line fields become None. Text elsewhere is never touched."""
    places = list(places)
    blank = [p for p in places if not str(text_at(letter, p) or "").strip()]
    if not blank:
        return letter
    update: dict[str, Any] = {}
    for place in blank:
        if len(place) == 1:
            update[str(place[0])] = None
    drop = blank_entries(letter, blank)
    asks = list(letter.asks)
    changed = False
    for index, ask in enumerate(asks):
        parts = [p for p in blank if p[0] == "asks" and len(p) > 2 and p[1] == index]
        if not parts or index in drop.get("asks", set()) or not isinstance(ask, Ask):
            continue
        gone = {int(p[3]) for p in parts if p[2] == "items"}
        asks[index] = ask.model_copy(
            update={
                "items": [item for n, item in enumerate(ask.items) if n not in gone],
                "lead": None if ("asks", index, "lead") in parts else ask.lead,
                "body": None if ("asks", index, "body") in parts else ask.body,
            }
        )
        changed = True
    if changed:
        update["asks"] = asks
    for field, indexes in drop.items():
        entries = update.get(field, getattr(letter, field))
        update[field] = [e for n, e in enumerate(entries) if n not in indexes]
    return letter.model_copy(update=update)
