"""Typographic quotes: ``"The Ledger"`` → “The Ledger”, ``Survivors' Voice`` → Survivors’ Voice.

Formal letters are set with curly quotes and apostrophes. People type straight ones, and
specs, clauses and ingested letters carry them, so the renderers convert them unless a
letter says ``options.quotes: straight``. Link targets in the inline markup
(``[text](url)``) are left alone; only what a reader sees is changed.
"""

from __future__ import annotations

import functools
import re

__all__ = ["smarten", "smarten_markup"]

_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?|mailto):[^)\s]+)\)")
_OPENERS = frozenset("([{\u201c\u2018\u2014\u2013-/\u00a0")
_MARKUP = frozenset("*_")


def _before(text: str, index: int) -> str:
    """The character before ``index``, looking through ``*``/``_`` markup ("" at the start)."""
    probe = index - 1
    while probe >= 0 and text[probe] in _MARKUP:
        probe -= 1
    return text[probe] if probe >= 0 else ""


def _opens(previous: str) -> bool:
    return previous == "" or previous.isspace() or previous in _OPENERS


@functools.lru_cache(maxsize=8192)
def smarten(text: str) -> str:
    """Replace straight quotes and apostrophes with typographic ones.

    A ``"`` after a space, an opening bracket or a dash (or at the start) opens (“),
    any other closes (”). A ``'`` between letters or digits, or before a digit
    ("’90s"), is an apostrophe (’); after a space or an opening bracket it opens (‘),
    elsewhere it closes (’).

    Args:
        text: Plain text.

    Returns:
        The text with curly quotes; text without straight quotes is returned unchanged.
    """
    if '"' not in text and "'" not in text:
        return text
    out: list[str] = []
    for index, char in enumerate(text):
        if char == '"':
            out.append("\u201c" if _opens(_before(text, index)) else "\u201d")
        elif char == "'":
            previous = _before(text, index)
            following = text[index + 1] if index + 1 < len(text) else ""
            if _opens(previous) and not following.isdigit():
                out.append("\u2018")
            else:
                out.append("\u2019")
        else:
            out.append(char)
    return "".join(out)


@functools.lru_cache(maxsize=8192)  # merged letters set the same paragraphs again and again
def smarten_markup(text: str) -> str:
    """:func:`smarten` for text in draftkit's inline markup: link targets stay as written."""
    if '"' not in text and "'" not in text:
        return text
    urls: list[str] = []

    def hide(match: re.Match[str]) -> str:
        urls.append(match.group(2))
        return f"[{match.group(1)}](\x00)"

    # NUL cannot be in a document's text (XML forbids it), so it marks a hidden target
    hidden = _LINK.sub(hide, text.replace("\x00", ""))
    pieces = smarten(hidden).split("\x00")
    out = [pieces[0]]
    for url, piece in zip(urls, pieces[1:], strict=True):
        out += [url, piece]
    return "".join(out)
