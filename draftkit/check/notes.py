"""Rules about footnotes: every ``[^label]`` has its note, every note is referred to."""

from __future__ import annotations

from collections.abc import Iterator

from draftkit.check.model import Finding
from draftkit.check.registry import CheckContext, Rule, rule
from draftkit.markup import note_refs, plain
from draftkit.schema import Ask, TableEntry, Translation

__all__: list[str] = []


def _texts(ctx: CheckContext) -> Iterator[tuple[str, str, str]]:
    """(place, text as written, paragraph) of the prose and of every table's cells."""
    for place in ctx.prose:
        yield place.where, place.raw, place.anchor
    for field in ("body", "closing"):
        for index, entry in enumerate(getattr(ctx.letter, field)):
            if not isinstance(entry, TableEntry):
                continue
            table = entry.table
            where = f"{field}[{index}].table"
            if table.caption:
                yield f"{where}.caption", table.caption, plain(table.caption)
            for column, cell in enumerate(table.header):
                yield f"{where}.header[{column}]", cell, plain(cell)
            for number, row in enumerate(table.rows):
                for column, cell in enumerate(row):
                    yield f"{where}.rows[{number}][{column}]", cell, plain(cell)
    # a bilingual letter's other versions refer to the same footnotes: map
    for language, version in ctx.letter.translations.items():
        yield from _version_texts(f"translations.{language}", version)


def _version_texts(prefix: str, version: Translation) -> Iterator[tuple[str, str, str]]:
    """(place, text as written, paragraph) of a bilingual letter's other version."""
    for field in ("body", "closing"):
        for index, entry in enumerate(getattr(version, field)):
            where = f"{prefix}.{field}[{index}]"
            if isinstance(entry, str):
                yield where, entry, plain(entry)
            elif isinstance(entry, TableEntry):
                table = entry.table
                cells = [table.caption or "", *table.header, *(c for r in table.rows for c in r)]
                for cell in cells:
                    yield f"{where}.table", cell, plain(cell)
    for field in ("asks_intro", "signatory_note"):
        text = getattr(version, field)
        if text:
            yield f"{prefix}.{field}", text, plain(text)
    for index, ask in enumerate(version.asks):
        if isinstance(ask, Ask):
            for text in (ask.lead, ask.body, *ask.items):
                if text:
                    yield f"{prefix}.asks[{index}]", text, plain(text)


@rule(
    "footnote-missing",
    "error",
    "Every footnote reference [^label] has a note in footnotes:.",
    "add the label under footnotes: in the spec, or correct the reference",
)
def footnote_missing(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    notes = ctx.letter.footnotes
    for where, raw, anchor in _texts(ctx):
        for label in note_refs(raw):
            if label not in notes or not notes[label].strip():
                known = ", ".join(sorted(notes)) or "none"
                yield self.finding(
                    f"the footnote reference [^{label}] has no note (notes: {known})",
                    where=where,
                    excerpt=f"[^{label}]",
                    anchor=anchor,
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
    used = {label for _, raw, _ in _texts(ctx) for label in note_refs(raw)}
    for label in notes:
        if label not in used:
            yield self.finding(
                f"the footnote {label!r} is never referred to, so it is not printed",
                where=f"footnotes.{label}",
                excerpt=notes[label][:80],
                details={"label": label},
            )
