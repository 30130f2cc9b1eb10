"""Duplicates: the same signatory entered twice (merged), or typed two ways (listed for review)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from draftkit.schema import Signatory
from draftkit.signatories.identity import (
    _acronyms,
    _fold,
    _org_key,
    _person_key,
    organization_key,
)

__all__ = ["Duplicate", "NearDuplicate", "dedupe", "find_near_duplicates", "merge_near_duplicates"]


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A row merged into an earlier one.

    Attributes:
        kept: The name kept (the first entry).
        dropped: The name of the duplicate entry.
        source: Where the duplicate was (``form.csv:12``).
        reason: Why they are the same (``same organization`` ...).
    """

    kept: str
    dropped: str
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two signatories whose names are likely the same one typed two ways.

    Attributes:
        kept: The name kept if the two are merged (the spelling whose words other names
            in the list also use, else the one entered more often, else the first).
        other: The other spelling.
        score: Similarity of the normalised names, 0-100 (rapidfuzz ``ratio``).
        kind: ``organization`` or ``individual``.
    """

    kept: str
    other: str
    score: float
    kind: str

    def line(self) -> str:
        """The review line: ``likely the same: "A" ~ "B" (98)``."""
        return f'likely the same: "{self.kept}" ~ "{self.other}" ({self.score:.0f})'


def _merge_into(first: Signatory, other: Signatory) -> Signatory:
    update: dict[str, Any] = {
        "lead": first.lead or other.lead,
        "former": first.former or other.former,
    }
    if first.kind == "individual":
        if not first.title_lines and other.title_lines:
            update["title_lines"] = list(other.title_lines)
        if not first.organization and other.organization:
            update["organization"] = other.organization
    return first.model_copy(update=update)


def _dedupe(
    entries: Iterable[tuple[Signatory, str, str]],
) -> tuple[list[Signatory], list[Duplicate]]:
    kept: list[Signatory] = []
    duplicates: list[Duplicate] = []
    by_key: dict[tuple[str, str], int] = {}
    for signatory, source, email in entries:
        if signatory.kind == "organization":
            acronyms = [("org", a) for a in _acronyms(signatory.name)]
            keys = [("org", _org_key(signatory.name)), *acronyms]
            reason = "same organization"
        else:
            keys = [("person", _person_key(signatory.name))]
            if email:
                keys.append(("email", email))
            reason = "same person"
        found = next((by_key[k] for k in keys if k in by_key), None)
        if found is not None:
            first = kept[found]
            kept[found] = _merge_into(first, signatory)
            duplicates.append(Duplicate(first.name, signatory.name, source, reason))
            index = found
        else:
            kept.append(signatory)
            index = len(kept) - 1
        for key in keys:
            by_key.setdefault(key, index)
        if signatory.kind == "organization":
            # an entry that is only an acronym ("HRW") matches "Human Rights Watch (HRW)"
            by_key.setdefault(("org", _fold(signatory.name)), index)
    return kept, duplicates


def dedupe(signatories: Iterable[Signatory]) -> tuple[list[Signatory], list[Duplicate]]:
    """Merge repeated signatories (first entry kept; lead/titles filled from later ones).

    Organisations match when their names agree ignoring case, accents, punctuation, a
    leading "The", "&" for "and", and a parenthesised acronym (which also matches an
    entry that is only that acronym). People match on their name ignoring case, accents,
    punctuation, courtesy titles and "Last, First" order.

    Returns:
        The kept signatories in order, and the duplicates merged.
    """
    return _dedupe((s, f"#{i + 1}", "") for i, s in enumerate(signatories))


_NEAR_CUTOFF = 85.0  # rapidfuzz ratio below which two names are not compared further


def _typo_of(first: list[str], second: list[str]) -> bool:
    """Whether two token lists differ only by typing slips.

    Same words but for a few of at least four letters each, each within one edit (two
    for words over eight letters; a swap of neighbours is one edit): "Internatonal" for
    "International", "Wacth" for "Watch", "Centre" for "Center". A different short word
    ("USA" and "UK"), a number, or a word more or less is a different signatory; words
    run together ("HumanRights") are the same.
    """
    if len(first) != len(second):
        return "".join(first) == "".join(second)
    differing = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    if not differing or len(differing) > max(1, len(first) // 3):
        return False
    for a, b in differing:
        if min(len(a), len(b)) < 4 or any(c.isdigit() for c in a + b):
            return False
        allowed = 1 if max(len(a), len(b)) <= 8 else 2
        if DamerauLevenshtein.distance(a, b) > allowed:
            return False
    return True


def _near_key(signatory: Signatory) -> str:
    if signatory.kind == "organization":
        return organization_key(signatory.name)
    return _person_key(signatory.name)


def find_near_duplicates(
    signatories: Sequence[Signatory], *, rows: Mapping[str, int] | None = None
) -> list[NearDuplicate]:
    """Signatories that are likely the same one typed two ways, for review.

    Names are compared after :func:`organization_key` normalisation (people: case,
    accents, punctuation and courtesy titles left out). Two organisations are likely the
    same when their names differ only by typing slips (see below); two people only when
    they also give the same organisation, since two people's names may rightly differ
    by one letter ("Maria" and "Mario"). A slip is a word of at least four letters within
    one edit of the other (two for words over eight letters; swapped neighbours count
    as one), in at most a third of the words, or words run together; a different short
    word ("USA" and "UK") or number never is. Exact duplicates are :func:`dedupe`'s.

    Args:
        signatories: The list (already de-duplicated).
        rows: How many rows each name stood for (a name merged from three rows: 3), to
            keep the spelling entered most often when the rest of the list does not
            tell which spelling is right.

    Returns:
        One :class:`NearDuplicate` per name to merge into another, in list order.
    """
    items = list(signatories)
    keys = [_near_key(s) for s in items]
    tokens = [k.split() for k in keys]
    support: dict[str, int] = {}
    for words in tokens:
        for word in set(words):
            support[word] = support.get(word, 0) + 1
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scores: dict[int, float] = {}
    for i, key in enumerate(keys):
        if not key:
            continue
        later = {j: keys[j] for j in range(i + 1, len(items)) if keys[j]}
        for _, score, j in process.extract(
            key, later, scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF, limit=None
        ):
            a, b = items[i], items[j]
            if a.kind != b.kind or key == keys[j]:
                continue
            if a.kind == "individual" and (
                not a.organization
                or not b.organization
                or organization_key(a.organization) != organization_key(b.organization)
            ):
                continue
            if not _typo_of(tokens[i], tokens[j]):
                continue
            ri, rj = root(i), root(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
            scores[j] = max(scores.get(j, 0.0), float(score))
            scores[i] = max(scores.get(i, 0.0), float(score))
    groups: dict[int, list[int]] = {}
    for index in range(len(items)):
        if index in scores:
            groups.setdefault(root(index), []).append(index)
    counted = rows or {}

    def weight(index: int, members: list[int]) -> tuple[int, int, int, int]:
        # A slip is rarely typed the same way in another name, so the spelling whose
        # words other names (outside the group) also use is the right one, even when
        # the slip was entered more often ("Associiation" twice, "Association" once
        # beside nine other "... Association"s); then the spelling entered more often.
        inside: dict[str, int] = {}
        for member in members:
            for word in set(tokens[member]):
                inside[word] = inside.get(word, 0) + 1
        seen_elsewhere = sum(support.get(w, 0) > inside.get(w, 0) for w in set(tokens[index]))
        return (
            seen_elsewhere,
            1 + counted.get(items[index].name, 0),
            sum(support.get(w, 0) for w in tokens[index]),
            -index,
        )

    found: list[tuple[int, NearDuplicate]] = []
    for members in groups.values():
        best = max(members, key=lambda index: weight(index, members))
        for index in members:
            if index == best:
                continue
            found.append(
                (
                    index,
                    NearDuplicate(
                        kept=items[best].name,
                        other=items[index].name,
                        score=round(fuzz.ratio(keys[best], keys[index]), 1),
                        kind=items[index].kind,
                    ),
                )
            )
    return [near for _, near in sorted(found, key=lambda pair: pair[0])]


def merge_near_duplicates(
    signatories: Sequence[Signatory], near: Iterable[NearDuplicate]
) -> tuple[list[Signatory], list[Duplicate]]:
    """Accept near-duplicate merges: each ``other`` folds into its ``kept``.

    The kept spelling takes the place of the first of the two in the list; lead, former,
    titles and organisation are filled in as :func:`dedupe` does.

    Returns:
        The list, and one :class:`Duplicate` per merged name (reason ``likely the same
        (score)``).
    """
    items = list(signatories)
    by_name = {s.name: i for i, s in reversed(list(enumerate(items)))}
    target: dict[int, int] = {}
    merged: list[Duplicate] = []
    for pair in near:
        keep, drop = by_name.get(pair.kept), by_name.get(pair.other)
        if keep is None or drop is None or keep == drop:
            continue
        target[drop] = keep
        merged.append(
            Duplicate(pair.kept, pair.other, f"#{drop + 1}", f"likely the same ({pair.score:.0f})")
        )
    out: list[Signatory] = []
    position: dict[int, int] = {}  # kept index -> its place in out
    for index, signatory in enumerate(items):
        keep = target.get(index, index)
        if keep in position:
            place = position[keep]
            out[place] = _merge_into(out[place], signatory)
            continue
        # the kept spelling takes the place of whichever of the two comes first
        position[keep] = len(out)
        out.append(signatory if keep == index else _merge_into(items[keep], signatory))
    return out, merged
