"""Rules about footnotes: every ``[^label]`` has its note, every note is referred to."""

from __future__ import annotations

from collections.abc import Iterator

from draftkit.check.model import Finding
from draftkit.check.registry import CheckContext, Rule, rule
from draftkit.markup import note_refs

__all__: list[str] = []


@rule(
    "footnote-missing",
    "error",
    "Every footnote reference [^label] has a note in footnotes:.",
    "add the label under footnotes: in the spec, or correct the reference",
)
def footnote_missing(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    notes = ctx.letter.footnotes
    for place in ctx.prose:
        for label in note_refs(place.raw):
            if label not in notes or not notes[label].strip():
                known = ", ".join(sorted(notes)) or "none"
                yield self.finding(
                    f"the footnote reference [^{label}] has no note (notes: {known})",
                    where=place.where,
                    excerpt=f"[^{label}]",
                    anchor=place.anchor,
                    details={"label": label},
                )


@rule(
    "footnote-unused",
    "warning",
    "Every note in footnotes: is referred to as [^label] somewhere in the letter.",
    "refer to it where it belongs ([^label]) or delete it from footnotes:",
)
def footnote_unused(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    notes = ctx.letter.footnotes
    if not notes:
        return
    used = {label for place in ctx.prose for label in note_refs(place.raw)}
    for label in notes:
        if label not in used:
            yield self.finding(
                f"the footnote {label!r} is never referred to, so it is not printed",
                where=f"footnotes.{label}",
                excerpt=notes[label][:80],
                details={"label": label},
            )
