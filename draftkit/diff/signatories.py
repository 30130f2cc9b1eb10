"""Who joined a sign-on letter, who left, and whose details changed.

Two signatory lists (two exports of the sign-on form, or the lists of two versions of a
spec) are matched by who each signer is, as de-duplication decides it
(:func:`draftkit.signatories.identity_key`: case, accents, punctuation, courtesy titles,
"Last, First" and an organisation's "The", acronym or legal form do not count).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from draftkit.schema import Signatory
from draftkit.signatories import identity_key

__all__ = ["SignatoryChange", "SignatoryDiff", "diff_signatories"]

_FIELDS = ("name", "kind", "title_lines", "organization", "former", "lead")


@dataclass(frozen=True, slots=True)
class SignatoryChange:
    """A signer on both lists whose details differ.

    Attributes:
        old: As the old list has them.
        new: As the new list has them.
        fields: The fields that differ (``title_lines``, ``organization`` ...).
    """

    old: Signatory
    new: Signatory
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SignatoryDiff:
    """The difference between two signatory lists.

    Attributes:
        joined: On the new list only, in its order.
        left: On the old list only, in its order.
        changed: On both, with details changed.
        kept: How many are on both lists (changed or not).
    """

    joined: tuple[Signatory, ...]
    left: tuple[Signatory, ...]
    changed: tuple[SignatoryChange, ...]
    kept: int

    @property
    def any(self) -> bool:
        """True when somebody joined or left or changed."""
        return bool(self.joined or self.left or self.changed)

    def lines(self) -> list[str]:
        """The difference for people: ``+ name``, ``- name``, ``~ name: field old -> new``."""
        out = [f"+ {_label(s)}" for s in self.joined]
        out += [f"- {_label(s)}" for s in self.left]
        for change in self.changed:
            details = "; ".join(
                f"{name} {_value(getattr(change.old, name))} -> {_value(getattr(change.new, name))}"
                for name in change.fields
            )
            out.append(f"~ {change.new.name}: {details}")
        return out

    def to_data(self) -> dict[str, Any]:
        """JSON-ready: ``joined``, ``left``, ``changed`` (old, new, fields) and counts."""
        return {
            "joined": [s.model_dump(exclude_defaults=True) for s in self.joined],
            "left": [s.model_dump(exclude_defaults=True) for s in self.left],
            "changed": [
                {
                    "old": c.old.model_dump(exclude_defaults=True),
                    "new": c.new.model_dump(exclude_defaults=True),
                    "fields": list(c.fields),
                }
                for c in self.changed
            ],
            "counts": {
                "joined": len(self.joined),
                "left": len(self.left),
                "changed": len(self.changed),
                "kept": self.kept,
            },
        }


def _label(signer: Signatory) -> str:
    extra = [*signer.title_lines, *([signer.organization] if signer.organization else [])]
    kind = " (organization)" if signer.kind == "organization" else ""
    return signer.name + kind + (f" — {', '.join(extra)}" if extra else "")


def _value(value: object) -> str:
    if isinstance(value, list):
        return "[" + "; ".join(map(str, value)) + "]"
    return "none" if value is None else str(value)


def _key(signer: Signatory) -> str:
    return identity_key(signer.name, organization=signer.kind == "organization")


def diff_signatories(old: Sequence[Signatory], new: Sequence[Signatory]) -> SignatoryDiff:
    """Compare two signatory lists by who is on them.

    Args:
        old: The earlier list.
        new: The later list.

    Returns:
        Who joined, who left and whose details (name spelling, titles, organisation,
        lead, former) changed.
    """
    before: dict[str, Signatory] = {}
    for signer in old:
        before.setdefault(_key(signer), signer)
    after: dict[str, Signatory] = {}
    for signer in new:
        after.setdefault(_key(signer), signer)
    changed: list[SignatoryChange] = []
    for key, signer in after.items():
        was = before.get(key)
        if was is None:
            continue
        fields = tuple(f for f in _FIELDS if getattr(was, f) != getattr(signer, f))
        if fields:
            changed.append(SignatoryChange(was, signer, fields))
    return SignatoryDiff(
        joined=tuple(s for k, s in after.items() if k not in before),
        left=tuple(s for k, s in before.items() if k not in after),
        changed=tuple(changed),
        kept=sum(1 for k in after if k in before),
    )
