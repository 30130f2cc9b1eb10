"""The spec's own templated text: ``subject: "Detention in {{ country }}"``.

A string in the spec that holds a Jinja expression (``{{ }}``, ``{% %}``, ``{# #}``) is
rendered in the same sandbox and with the same names (:mod:`draftkit.compose.context`)
as the variants and clauses. Only strings the spec writes are rendered: text that a
variable, a clause or a template produces is never rendered twice. A paragraph, bullet
item or ask that renders empty is left out, and a one-line field that renders empty is
unset, so ``{{ recipient.personal_line|default('') }}`` makes a paragraph optional.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from draftkit.compose.facts import names_in_text
from draftkit.compose.strings import render_string
from draftkit.errors import TemplateError, TemplateRefusedError
from draftkit.places import SCALAR_FIELDS, Place, place_name
from draftkit.schema import Ask, Letter

__all__ = [
    "SpecText",
    "fields_of",
    "has_template",
    "is_merge_spec",
    "render_texts",
    "spec_texts",
]

_TEMPLATE_MARK = re.compile(r"\{\{|\{%|\{#")


def has_template(text: str | None) -> bool:
    """True when ``text`` holds a Jinja expression, statement or comment."""
    return bool(text) and _TEMPLATE_MARK.search(text or "") is not None


@dataclass(frozen=True, slots=True)
class SpecText:
    """A templated string of the spec and where the spec writes it.

    Attributes:
        place: Its place in the spec (before clauses are expanded).
        source: The template text.
    """

    place: Place
    source: str


def spec_texts(letter: Letter) -> tuple[SpecText, ...]:
    """The templated strings a spec writes, in the order of the letter."""
    out: list[SpecText] = []
    for field in SCALAR_FIELDS:
        value = getattr(letter, field)
        if isinstance(value, str) and has_template(value):
            out.append(SpecText((field,), value))
    for field in ("body", "closing"):
        for index, entry in enumerate(getattr(letter, field)):
            if isinstance(entry, str) and has_template(entry):
                out.append(SpecText((field, index), entry))
    for index, ask in enumerate(letter.asks):
        if not isinstance(ask, Ask):
            continue
        for part in ("lead", "body"):
            value = getattr(ask, part)
            if isinstance(value, str) and has_template(value):
                out.append(SpecText(("asks", index, part), value))
        for number, item in enumerate(ask.items):
            if has_template(item):
                out.append(SpecText(("asks", index, "items", number), item))
    for index, entry in enumerate(letter.enclosures):
        if isinstance(entry, str) and has_template(entry):
            out.append(SpecText(("enclosures", index), entry))
    return tuple(out)


def fields_of(texts: Sequence[SpecText]) -> frozenset[str]:
    """The letter fields that hold templated text."""
    return frozenset(str(text.place[0]) for text in texts)


def render_texts(
    texts: Sequence[SpecText], values: Mapping[str, Any], *, for_recipient: bool
) -> dict[Place, str]:
    """Render each templated string with ``values``.

    Args:
        texts: The strings.
        values: The context (see :func:`draftkit.compose.context.context`).
        for_recipient: The letter goes to a recipient of a mail merge: an undefined name
            is then most likely a column their row lacks.

    Returns:
        Place -> rendered text.

    Raises:
        TemplateError: Naming the place (``body[2]``) of the string that failed.
    """
    out: dict[Place, str] = {}
    for text in texts:
        where = place_name(text.place)
        try:
            out[text.place] = render_string(text.source, values, name="<spec>")
        except TemplateError as exc:
            hint = exc.hint
            if exc.message.startswith("undefined variable"):
                hint = (
                    "add that column to the recipient list, or the variable to the spec"
                    if for_recipient
                    else "add it under variables: in the spec"
                )
            # a sandbox refusal stays a refusal (a merge stops at it)
            kind = TemplateRefusedError if isinstance(exc, TemplateRefusedError) else TemplateError
            raise kind(exc.message, where=where, hint=hint) from None
    return out


def is_merge_spec(letter: Letter) -> bool:
    """A mail-merge spec: it names no addressee, and its own text reads ``recipient``."""
    if letter.addressees:
        return False
    wanted = {"recipient", "recipients"}
    return any(wanted & names_in_text(text.source) for text in spec_texts(letter))
