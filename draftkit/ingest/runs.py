"""Runs of styled text, as the Word and web-page readers gather them, made into a line.

A run is ``(text, bold, italic, url)``. Both readers turn the runs of one line into its
plain text, whether the whole line is bold, its bold lead-in ("**Release them.** We ask
…") and its markup (``**bold**``, ``*italic*``, ``[text](url)``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from draftkit.ingest.text import normalise_space
from draftkit.markup import escape

__all__ = ["Run", "line_of", "merged_runs"]

Run = tuple[str, bool, bool, str | None]
"""Text, bold, italic and the link it is the text of (or None)."""

_LINKABLE = re.compile(r"^(https?://|mailto:)")


def merged_runs(runs: Sequence[Run]) -> list[list[Any]]:
    """Neighbouring runs of the same style joined (empty runs dropped), as mutable lists."""
    merged: list[list[Any]] = []
    for text, bold, italic, url in runs:
        if not text:
            continue
        if merged and merged[-1][1:] == [bold, italic, url]:
            merged[-1][0] = f"{merged[-1][0]}{text}"
        else:
            merged.append([text, bold, italic, url])
    return merged


def line_of(
    runs: Sequence[Run],
    *,
    link_bare_urls: bool = True,
    edit: Callable[[list[list[Any]]], None] | None = None,
) -> tuple[str, bool, str | None, str]:
    """Plain text, all bold, bold lead-in and markup of one line's runs.

    Args:
        runs: The line's runs in order.
        link_bare_urls: Mark up a link whose text is its own address (a web page's
            readers show such links as the address, so they are left as text).
        edit: Changes the merged runs before the markup is made (in place).
    """
    plain = normalise_space("".join(r[0] for r in runs))
    visible = [r for r in runs if r[0].strip()]
    all_bold = bool(visible) and all(r[1] for r in visible)
    lead = None
    if visible and visible[0][1] and not all_bold:
        parts: list[str] = []
        for run in runs:
            if run[0].strip() and not run[1]:
                break
            parts.append(run[0])
        lead = normalise_space("".join(parts)) or None
    merged = merged_runs(runs)
    if edit is not None:
        edit(merged)
    out: list[str] = []
    for text, bold, italic, url in merged:
        core = text.strip()
        if not core:
            out.append(text)
            continue
        left = text[: len(text) - len(text.lstrip())]
        right = text[len(text.rstrip()) :]
        piece = escape(core)
        if url and _LINKABLE.match(url) and (link_bare_urls or url != core):
            piece = f"[{piece}]({url})"
        if italic:
            piece = f"*{piece}*"
        if bold:
            piece = f"**{piece}**"
        out.append(f"{left}{piece}{right}")
    return plain, all_bold, lead, normalise_space("".join(out))
