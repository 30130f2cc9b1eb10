"""The small inline markup of letter text: ``**bold**``, ``*italic*``, ``[text](url)``.

Paragraph text in a spec may carry this markup; renderers turn it into real bold and
italic runs and real hyperlinks (DOCX), keep it (Markdown), or flatten it (plain text).
A backslash makes the next character literal (``\\*`` is an asterisk). Unbalanced
markers are kept as literal text rather than swallowing the rest of the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Span", "escape", "link_shown", "parse", "plain"]

_LINK = re.compile(r"\[([^\[\]\n]{1,2000})\]\(((?:https?|mailto):[^)\s]{1,4000})\)")
"""A link `[text](url)`: its text holds no bracket, so a run of "[" is read in linear time."""
_URL_OK = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one formatting.

    Attributes:
        text: The literal text (markup removed, escapes resolved).
        bold: Set in bold.
        italic: Set in italics.
        url: The hyperlink target, if the span is a link.
    """

    text: str
    bold: bool = False
    italic: bool = False
    url: str | None = None


def _closes(text: str, index: int) -> bool:
    """A single ``*`` at ``index`` closes italics: not part of ``**``, not after a space."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else ""
    return before != "*" and after != "*" and not before.isspace()


def _find_closing(text: str, marker: str, start: int) -> int:
    """Index of the next unescaped ``marker`` at or after ``start`` (-1 if none)."""
    index = start
    while True:
        index = text.find(marker, index)
        if index == -1:
            return -1
        backslashes = 0
        probe = index - 1
        while probe >= 0 and text[probe] == "\\":
            backslashes += 1
            probe -= 1
        if backslashes % 2 == 0 and _closes(text, index):
            return index
        index += 1


def parse(text: str) -> list[Span]:
    """Split marked-up text into spans.

    Args:
        text: Text using ``**bold**``, ``*italic*`` and ``[text](url)``.

    Returns:
        Spans in order; adjacent spans with the same formatting are merged.
    """
    spans: list[Span] = []
    _parse_into(text, False, False, spans)
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].url) == (
            span.bold,
            span.italic,
            span.url,
        ):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic, span.url)
        else:
            merged.append(span)
    return merged


def _parse_into(text: str, bold: bool, italic: bool, out: list[Span]) -> None:
    buf: list[str] = []
    i = 0
    n = len(text)

    def flush() -> None:
        if buf:
            out.append(Span("".join(buf), bold, italic))
            buf.clear()

    while i < n:
        char = text[i]
        if char == "\\" and i + 1 < n and text[i + 1] in "\\*[]()_":
            buf.append(text[i + 1])
            i += 2
            continue
        if char == "[":
            match = _LINK.match(text, i)
            if match:
                flush()
                out.append(Span(match.group(1), bold, italic, match.group(2)))
                i = match.end()
                continue
        if text.startswith("**", i) and not bold:
            end = text.find("**", i + 2)
            while end != -1 and text[end - 1] == "\\":
                end = text.find("**", end + 2)
            if end > i + 2:
                flush()
                _parse_into(text[i + 2 : end], True, italic, out)
                i = end + 2
                continue
        if char == "*" and not text.startswith("**", i) and not italic:
            end = _find_closing(text, "*", i + 1)
            if end > i + 1 and not text[i + 1].isspace():
                flush()
                _parse_into(text[i + 1 : end], bold, True, out)
                i = end + 1
                continue
        buf.append(char)
        i += 1
    flush()


def _bare(value: str) -> str:
    value = re.sub(r"^(?:https?://|mailto:)", "", value.strip(), flags=re.IGNORECASE)
    return value.removeprefix("www.").rstrip("/").lower()


def link_shown(span: Span) -> str | None:
    """The address to print after a link's text, or None when the text already shows it.

    On paper a link is only its words, so a printed letter shows where it points:
    ``our website (https://example.org/cases)``. A ``mailto:`` link shows the address.

    Args:
        span: A span of :func:`parse` output.

    Returns:
        The URL (or e-mail address) to show, or None for plain spans and for links whose
        text is already the address.
    """
    if not span.url or not _URL_OK.match(span.url):
        return None
    shown = span.url[len("mailto:") :] if span.url.lower().startswith("mailto:") else span.url
    if _bare(span.text) == _bare(shown):
        return None
    return shown


def plain(text: str, *, links: bool = True) -> str:
    """The text without markup; links become ``text (url)`` unless ``links`` is false."""
    parts: list[str] = []
    for span in parse(text):
        shown = link_shown(span) if links else None
        parts.append(f"{span.text} ({shown})" if shown else span.text)
    return "".join(parts)


def escape(text: str) -> str:
    """Escape literal text so :func:`parse` returns it unchanged (for ingested text).

    Backslashes and asterisks are always escaped; brackets only where they would
    otherwise read as a link, so ordinary text such as "[sic]" stays readable.
    """
    text = re.sub(r"([\\*])", r"\\\1", text)
    return _LINK.sub(lambda m: "\\" + m.group(0), text)
