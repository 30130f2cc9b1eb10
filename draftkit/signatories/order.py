"""The order of signatories: as entered, by organisation, by family name, or leads first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from draftkit.errors import SpecError
from draftkit.names import PARTICLES, surname_of
from draftkit.schema import Signatory
from draftkit.signatories.identity import _fold

__all__ = ["ORDER_POLICIES", "OrderPolicy", "order_signatories"]

OrderPolicy = Literal["as-entered", "organization", "family-name", "lead-then-alphabetical"]
ORDER_POLICIES: tuple[OrderPolicy, ...] = (
    "as-entered",
    "organization",
    "family-name",
    "lead-then-alphabetical",
)


def _family_key(name: str) -> tuple[str, str]:
    try:
        surname = surname_of(name)
    except Exception:  # a name surname_of cannot split sorts under itself
        surname = name
    words = surname.split()
    while len(words) > 1 and words[0].casefold() in PARTICLES:
        words = words[1:]
    return _fold(" ".join(words)), _fold(name)


def _org_sort(name: str) -> tuple[str, str]:
    folded = _fold(name)
    return folded.removeprefix("the "), folded


def _sort_key(signatory: Signatory, policy: OrderPolicy) -> tuple[str, str, str]:
    if signatory.kind == "organization":
        return (*_org_sort(signatory.name), "")
    family = _family_key(signatory.name)
    if policy == "organization" and signatory.organization:
        return (*_org_sort(signatory.organization), family[0])
    return (*family, "")


def order_signatories(signatories: Sequence[Signatory], policy: OrderPolicy) -> list[Signatory]:
    """Order signatories by a policy.

    Policies:
        ``as-entered``: unchanged.
        ``organization``: alphabetical by organisation; an individual sorts under their
        organisation (then family name), or under their family name without one.
        ``family-name``: individuals by family name (particles such as "van" ignored),
        organisations by name.
        ``lead-then-alphabetical``: lead signatories first as entered, then the rest
        alphabetically (organisations by name, individuals by family name).

    A leading "The", case and accents never affect the order.

    Raises:
        SpecError: Unknown policy.
    """
    if policy not in ORDER_POLICIES:
        raise SpecError(
            f"unknown signatory order '{policy}'", hint=f"use one of {', '.join(ORDER_POLICIES)}"
        )
    items = list(signatories)
    if policy == "as-entered":
        return items
    if policy == "lead-then-alphabetical":
        leads = [s for s in items if s.lead]
        rest = sorted((s for s in items if not s.lead), key=lambda s: _sort_key(s, "family-name"))
        return leads + rest
    return sorted(items, key=lambda s: _sort_key(s, policy))
