"""Which characters a letter can hold, and how user text is shown on a terminal.

Two small rules with one home:

- **Unwritable characters** are refused where text enters draftkit (spec validation, clause
  files, recipient rows) instead of being dropped by a writer: C0 and C1 control characters
  other than tab, line feed and carriage return (XML cannot hold most of them, and they do
  nothing visible in a letter), Unicode noncharacters (U+FDD0..U+FDEF and the last two code
  points of every plane) and lone surrogates (they cannot be encoded at all).
- **Terminal output** of user data (clause text, names, file names, messages) shows
  characters that a terminal would act on instead of printing: control characters as
  ``\\x1b``, ``\\r``, and bidirectional-override and other invisible formatting characters
  (the "Trojan Source" trick, CVE-2021-42574) as ``U+202E``.

>>> find_unwritable("Dear\\x07 Minister")
(4, '\\x07')
>>> describe("\\x07")
'U+0007 (a control character)'
>>> shown("evil\\x1b[2Jtext \\u202eabc")
'evil\\\\x1b[2Jtext U+202Eabc'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

__all__ = [
    "describe",
    "find_unwritable",
    "replace_unwritable",
    "shown",
    "unwritable_in",
]

_NONCHARACTERS = "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_UNWRITABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
# the same without the astral noncharacters: eight times faster on text that has no
# character beyond U+FFFF (nearly every text; see _search)
_UNWRITABLE_BMP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
# What a terminal acts on or hides: C0/C1 controls but tab and newline, and the invisible
# formatting characters that reorder or hide text (bidi embeddings, overrides, isolates,
# marks), plus anything that cannot be encoded (surrogates) or is not a character.
_TERMINAL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# the unwritable characters an ASCII text can hold: looking for each one in turn is some
# thirty times quicker than the character-class search that finds the first of them
_UNWRITABLE_ASCII = tuple(chr(c) for c in [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _search(text: str) -> re.Match[str] | None:
    """The first unwritable character of ``text`` (the full pattern only when needed)."""
    if text.isprintable():
        # no control, format, surrogate or unassigned character at all (checked in C): every
        # unwritable character is one of those (tests/test_characters.py checks each code point)
        return None
    if text.isascii():
        if not any(char in text for char in _UNWRITABLE_ASCII):
            return None
        return _UNWRITABLE_BMP.search(text)
    if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
        # no character beyond U+FFFF (each takes two UTF-16 units): ~40 times quicker to
        # tell than max(text), which compares character objects one by one
        return _UNWRITABLE_BMP.search(text)
    return _UNWRITABLE.search(text)


def find_unwritable(text: str) -> tuple[int, str] | None:
    """The position and character of the first unwritable character, or None."""
    match = _search(text)
    return (match.start(), match.group()) if match else None


def describe(char: str) -> str:
    """A character as ``U+0007 (a control character)`` for messages."""
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate"
    elif code < 0x20 or 0x7F <= code <= 0x9F:
        kind = "a control character"
    elif char in _BIDI:
        kind = "an invisible text-direction control"
    else:
        kind = "a Unicode noncharacter"
    return f"U+{code:04X} ({kind})"


def replace_unwritable(text: str) -> tuple[str, int]:
    """``text`` with every unwritable character replaced by U+FFFD, and how many there were.

    For text read from documents (ingest), where refusing the document would lose more than
    a visible replacement character; the caller warns with the count.
    """
    return _UNWRITABLE.subn("\ufffd", text)


def _walk(value: Any, path: str, model: type | None) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        found = find_unwritable(value)
        if found is not None:
            yield path, found[1]
    elif model is not None and isinstance(value, model):
        for name in type(value).model_fields:  # type: ignore[attr-defined]
            yield from _walk(getattr(value, name), f"{path}.{name}" if path else name, model)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]", model)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield from _walk(key, f"{path} (key {shown(key)!r})", model)
            yield from _walk(item, f"{path}.{key}" if path else str(key), model)


def _texts(value: Any, model: type | None) -> list[str]:
    """Every string in ``value`` (and its keys), without paths: the quick first look.

    The order is not kept (only the set of strings matters); exact ``str`` values are
    taken straight out of lists and models, which is most of a letter's text.
    """
    out: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str:
            out.append(item)
        elif item is None or kind is int or kind is bool:
            continue
        elif kind is list or kind is tuple:
            for element in item:
                if type(element) is str:
                    out.append(element)
                elif element is not None:
                    stack.append(element)
        elif isinstance(item, str):
            out.append(item)
        elif model is not None and isinstance(item, model):
            # a pydantic model keeps its fields in __dict__
            for element in vars(item).values():
                if type(element) is str:
                    out.append(element)
                elif element is not None:
                    stack.append(element)
        elif isinstance(item, list | tuple):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
    return out


def unwritable_in(value: Any, *, models: bool = True) -> tuple[str, str] | None:
    """The field path and character of the first unwritable character in a model or data.

    Args:
        value: A pydantic model (a :class:`~draftkit.schema.Letter`), or lists, mappings
            and strings.
        models: Look inside pydantic models too (False: skip them, for a validator whose
            nested models were checked when they were built).

    Returns:
        ``("asks[2].lead", "\\x07")``, or None when every string can be written.
    """
    if models:
        # deferred: the CLI prints through this module without pydantic (--help start-up)
        from pydantic import BaseModel

        model: type | None = BaseModel
    else:
        model = None
    # one search over all the text; only a letter that holds such a character is walked
    # again to name the field
    if _search("\n".join(_texts(value, model))) is None:
        return None
    return next(_walk(value, "", model), None)


def _show(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\r":
        return "\\r"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    return f"U+{code:04X}"


def shown(text: str) -> str:
    """``text`` safe to print on a terminal: controls as ``\\x1b``, bidi controls as
    ``U+202E``; tab and newline are kept.

    Args:
        text: User data or a message that quotes it.

    Returns:
        The text with every character a terminal would act on (or that hides or reorders
        what follows) written out visibly.
    """
    return _TERMINAL.sub(_show, text)
