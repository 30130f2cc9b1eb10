"""Counts of signatories, and the phrase made from them ("the undersigned 11 organizations")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from draftkit.numbers import number_words
from draftkit.schema import Signatory

__all__ = ["SignatoryCounts", "count_signatories", "count_text"]


@dataclass(frozen=True, slots=True)
class SignatoryCounts:
    """How many signed, by type.

    Attributes:
        total: Every signatory.
        organizations: Organisations.
        individuals: Individuals.
        leads: Lead signatories.
        former: Individuals signing in a former capacity.
    """

    total: int
    organizations: int
    individuals: int
    leads: int
    former: int


def count_signatories(signatories: Iterable[Signatory]) -> SignatoryCounts:
    """Count signatories by type."""
    items = list(signatories)
    return SignatoryCounts(
        total=len(items),
        organizations=sum(1 for s in items if s.kind == "organization"),
        individuals=sum(1 for s in items if s.kind == "individual"),
        leads=sum(1 for s in items if s.lead),
        former=sum(1 for s in items if s.former),
    )


def count_text(
    signatories: Iterable[Signatory],
    *,
    prefix: str = "the undersigned",
    words: bool = False,
    organization_word: str = "organizations",
) -> str:
    """The count of signers as a phrase generated from the list.
    Examples: "the undersigned 11 organizations", "the undersigned 11 organizations and
    3 individuals", with ``words=True`` "the undersigned eleven organizations"; one
    signer: "the undersigned organization".

    Args:
        signatories: The list.
        prefix: Text before the number.
        words: Spell numbers below 100 as words.
        organization_word: "organizations" or "organisations".
    """
    counts = count_signatories(signatories)

    def part(number: int, plural: str, singular: str) -> str:
        if number == 1 and counts.total == 1:
            return singular
        shown = number_words(number) if words else str(number)
        return f"{shown} {plural if number != 1 else singular}"

    org_singular = organization_word.removesuffix("s")
    parts = []
    if counts.organizations:
        parts.append(part(counts.organizations, organization_word, org_singular))
    if counts.individuals:
        parts.append(part(counts.individuals, "individuals", "individual"))
    if not parts:
        return prefix
    return f"{prefix} {' and '.join(parts)}".strip()
