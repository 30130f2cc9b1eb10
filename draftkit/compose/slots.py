"""Slots: what in a composed letter depends on whom it is addressed to, and filling them.

Compose decides everything about a letter once: the options, the clauses and their
wording, the variant's blocks, where the spec's paragraphs went, which rule gives the
salutation and its mark. What is left depends on the addressee: the address block, the
salutation, and the spec's own templated text (``{{ recipient.state }}``). Those are
the slots. :func:`fill_slots` fills them for another recipient *of the same kind*
(:meth:`Slots.kind_of`), with the same functions compose uses, so the letter it gives is
the letter :func:`~draftkit.compose.compose_letter` would have composed for them.
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from draftkit.characters import describe, find_unwritable
from draftkit.compose.address import (
    addressee_of,
    derive_salutation,
    fill_addressee,
    forms_for,
    punctuate,
)
from draftkit.compose.context import addressee_names, context
from draftkit.compose.texts import SpecText, fields_of, render_texts
from draftkit.errors import ProtocolError, TemplateError
from draftkit.places import Place, blank_entries, place_name, with_texts, without_blanks
from draftkit.schema import Letter

if TYPE_CHECKING:
    from draftkit.recipients import Recipient

__all__ = [
    "PER_ADDRESSEE_NAMES",
    "Filled",
    "SalutationRule",
    "Slots",
    "fill_slots",
    "kind_of",
    "shares_letters",
]

SalutationRule = Literal["recipient", "spec", "variant", "office"]
"""Where a letter's salutation came from: the recipient's own, the spec, the variant's
``salutation`` block (no office), or the addressee's office (with the mark)."""

PER_ADDRESSEE_NAMES = frozenset(
    {"recipient", "recipients", "recipient_forms", "addressees", "letter", "variables",
     "salutation", "*"}
)  # fmt: skip
"""Names through which a template sees one particular addressee (``*``: an include or
import, which may see anything)."""


@dataclass(frozen=True, slots=True)
class Slots:
    """What a composed letter's addressee decides.

    Attributes:
        composed: The letter before text that rendered empty was left out.
        variables: The spec's own variables (a recipient's columns join them).
        spec_part: The letter's own names as the spec's templated text saw them.
        texts: The spec's templated strings.
        places: Each templated string's place in ``composed``.
        rule: Where the salutation came from.
        mark: The salutation's mark (from the built-in variant the variant extends).
        style: The salutation style (``common`` or ``formal``).
        group: The ``salutation_group`` variable, if any.
        reads: The names the variant's blocks and the clauses may read.
        for_recipient: The letter was composed for a recipient of a mail merge.
    """

    composed: Letter
    variables: Mapping[str, Any]
    spec_part: Mapping[str, Any]
    texts: tuple[SpecText, ...]
    places: Mapping[Place, Place]
    rule: SalutationRule
    mark: str
    style: Literal["common", "formal"]
    group: str | None
    reads: frozenset[str]
    for_recipient: bool

    def kind_of(self, recipient: Recipient) -> Hashable | None:
        """See :func:`kind_of`: the kind of ``recipient`` for this letter."""
        return kind_of(recipient, self.reads, fields_of(self.texts))


def shares_letters(reads: frozenset[str], text_fields: frozenset[str]) -> bool:
    """Whether recipients of one kind can share a composed letter: no template or clause
    reads per-addressee data (``recipient``, ``letter`` ...) or a field holding templated
    text."""
    return not reads & (PER_ADDRESSEE_NAMES | text_fields)


def kind_of(
    recipient: Recipient, reads: frozenset[str], text_fields: frozenset[str]
) -> Hashable | None:
    """A key that recipients whose letters differ only in the slots share.

    The office (its close, its forms), status and gender, whether the recipient brings
    their own salutation, and the value of every column the variant or a clause reads.

    Args:
        recipient: The recipient.
        reads: The names the variant's blocks and the clauses read
            (:func:`~draftkit.compose.letter.names_read`).
        text_fields: The letter fields that hold the spec's templated text.

    Returns:
        The key; None when no two recipients can share a letter: the variant or a clause
        reads per-addressee data (``recipient``, ``letter`` ...) or a field that holds
        templated text.
    """
    if not shares_letters(reads, text_fields):
        return None
    columns = tuple(
        (name, type(value).__name__, json.dumps(value, sort_keys=True, default=str))
        for name, value in sorted(recipient.variables.items())
        if name in reads
    )
    return (
        recipient.language,
        recipient.office,
        recipient.status,
        recipient.gender,
        bool(recipient.salutation),
        columns,
    )


@dataclass(frozen=True, slots=True)
class Filled:
    """A letter filled for a recipient, and where their own text stands in it.

    Attributes:
        letter: The resolved letter.
        places: The places in ``letter`` of the address block, the salutation and the
            templated text that did not render empty (what differs from one recipient
            of the kind to the next, besides ``variables``).
        left_out: The places (in the composed letter) of templated text that rendered
            empty and was left out: letters with the same ones have the same paragraphs.
    """

    letter: Letter
    places: frozenset[Place]
    left_out: frozenset[Place]


def fill_slots(
    slots: Slots, recipient: Recipient, *, recipient_index: int | None = None
) -> Filled | None:
    """The letter for ``recipient``: the composed letter with their slots filled.

    Args:
        slots: The slots of a letter composed for a recipient of the same kind.
        recipient: The recipient.
        recipient_index: Their 1-based position in the list.

    Returns:
        The resolved letter and its places; None when it does not fit the composed kind
        (their templated salutation renders empty where the other's did not): compose
        it then.

    Raises:
        SpecError: The row cannot be used.
        ProtocolError: Their office is unknown.
        TemplateError: Their templated text fails (naming the place).
    """
    if not slots.for_recipient:
        raise ValueError("fill_slots needs a letter composed for a recipient")
    if slots.composed.languages[1:]:
        return None  # a bilingual letter's other versions are composed for each recipient
    who = addressee_of(recipient)
    try:
        forms = forms_for(who, slots.style, "addressees[0]", slots.composed.language, [])
    except ProtocolError as exc:
        raise ProtocolError(exc.message, path=recipient.source, hint=exc.hint) from None
    addressee = fill_addressee(who, forms)
    variables = {**slots.variables, **recipient.variables}
    update: dict[Place, Any] = {("addressees", 0): addressee}
    rendered: dict[Place, str] = {}
    if slots.texts:
        addressed = addressee_names(
            [addressee], [forms], style=slots.style, recipient=recipient, index=recipient_index
        )
        values = context(slots.spec_part, addressed, variables)
        rendered = render_texts(slots.texts, values, for_recipient=True)
        for place, text in rendered.items():
            found = find_unwritable(text)
            if found is not None:
                raise TemplateError(
                    f"holds {describe(found[1])} after compose, which a letter cannot contain",
                    where=place_name(place),
                    hint="it came from a template, clause or variable: remove it there",
                )
            update[slots.places[place]] = text
    salutation = _salutation(slots, recipient, who, forms, rendered)
    if salutation is None:
        return None
    update[("salutation",)] = salutation
    letter = with_texts(slots.composed, update).model_copy(update={"variables": variables})
    blanks = [p for t, p in slots.places.items() if t != ("salutation",)]
    left_out = frozenset(
        slots.places[t] for t, text in rendered.items() if t != ("salutation",) and not text.strip()
    )
    places = {("addressees", 0), ("salutation",)}
    if left_out:
        drop = blank_entries(letter, left_out)
        places.update(_kept(p, drop, left_out) for p in slots.places.values() if p not in left_out)
    else:
        places.update(slots.places.values())
    return Filled(without_blanks(letter, blanks), frozenset(places), left_out)


def _kept(place: Place, drop: Mapping[str, set[int]], left_out: frozenset[Place]) -> Place:
    """Where ``place`` of the composed letter is once the entries in ``drop`` (and the
    bullet items in ``left_out``) are left out (:func:`~draftkit.places.without_blanks`)."""
    if len(place) == 1:
        return place
    field, index = str(place[0]), int(place[1])
    moved: Place = (field, index - sum(1 for gone in drop.get(field, ()) if gone < index))
    if len(place) == 2:
        return moved
    if place[2] == "items":
        number = int(place[3])
        gone = sum(1 for q in left_out if q[:3] == ("asks", index, "items") and int(q[3]) < number)
        return (*moved, "items", number - gone)
    return (*moved, *place[2:])


def _salutation(
    slots: Slots,
    recipient: Recipient,
    who: Any,
    forms: Any,
    rendered: Mapping[Place, str],
) -> str | None:
    """The recipient's salutation by the composed letter's rule (None: compose them)."""
    if recipient.salutation:
        return punctuate(recipient.salutation, slots.mark)
    own = rendered.get(("salutation",))
    if own is not None:
        if own.strip():
            return own
        if slots.rule != "office":
            return None
    if slots.rule == "office":
        return derive_salutation(
            [who], [forms], style=slots.style, group=slots.group, mark=slots.mark
        )
    return slots.composed.salutation
