"""Ingested text made writable: characters a letter cannot hold become a visible U+FFFD.

A document read from disk may hold a stray control character (a pasted BEL, a PDF's form
feed inside a line) or a Unicode noncharacter. A letter refuses them (see
:mod:`draftkit.characters`); ingest replaces each with U+FFFD, which stays visible in the
spec, and reports how many it replaced. Nothing is dropped silently.
"""

from __future__ import annotations

import dataclasses

from draftkit.characters import find_unwritable, replace_unwritable
from draftkit.ingest.text import Line

__all__ = ["writable_lines"]

_FIELDS = ("text", "marked", "lead", "raw", "style")


def writable_lines(lines: list[Line]) -> tuple[list[Line], int]:
    """The lines with unwritable characters replaced by U+FFFD, and how many were replaced."""
    whole = "\n".join(value for line in lines for name in _FIELDS if (value := getattr(line, name)))
    if find_unwritable(whole) is None:
        return list(lines), 0  # the usual case, found with one search instead of one per field
    total = 0
    out: list[Line] = []
    for line in lines:
        changes: dict[str, str] = {}
        most = 0
        for name in _FIELDS:
            value = getattr(line, name)
            if not value:
                continue
            fixed, count = replace_unwritable(value)
            if count:
                changes[name] = fixed
                most = max(most, count)
        total += most
        out.append(dataclasses.replace(line, **changes) if changes else line)  # type: ignore[arg-type]
    return out, total
