"""The ``signatories:`` fragment to paste into a spec, with its counts in comments."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from draftkit.schema import Signatory
from draftkit.signatories.counts import count_signatories, count_text
from draftkit.signatories.order import OrderPolicy

__all__ = ["signatories_yaml"]


def signatories_yaml(
    signatories: Sequence[Signatory],
    *,
    policy: OrderPolicy = "as-entered",
    source: str | None = None,
    identification_only: Sequence[str] = (),
) -> str:
    """The list as a YAML fragment to paste into a spec (``signatories:``), with counts.

    The header comments give the counts, the ordering policy and the generated count
    text; the fragment holds only the ``signatories:`` key.
    """
    counts = count_signatories(signatories)
    entries: list[dict[str, Any]] = []
    for signatory in signatories:
        entry = signatory.model_dump(exclude_defaults=True)
        entry["name"] = signatory.name
        if signatory.kind == "organization":
            entry["kind"] = "organization"
        entries.append(entry)
    lines = [
        f"# {counts.total} signatories"
        + (f" from {source}" if source else "")
        + f": {counts.organizations} organizations, {counts.individuals} individuals"
        + (f", {counts.leads} lead" if counts.leads else ""),
        f"# order: {policy} (set options.signatory_order: {policy} in the spec)",
        f'# count text: "{count_text(signatories)}"',
    ]
    if identification_only:
        lines.append(
            f"# {len(identification_only)} sign with affiliations for identification only;"
            ' consider signatory_note: "Affiliations are listed for identification only."'
        )
    body = yaml.safe_dump({"signatories": entries}, sort_keys=False, allow_unicode=True, width=88)
    return "\n".join(lines) + "\n" + body
