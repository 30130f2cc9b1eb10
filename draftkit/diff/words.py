"""Word-level differences inside one paragraph, formatting kept (difflib over tokens).

A paragraph's text is split into spans by :func:`draftkit.markup.parse` and each span into
tokens: words, runs of white space and single punctuation marks; a link is one token (its
words and its address change together, or the printed "(address)" would be wrong). Tokens
are compared by their text (and link; white space also by the word before it, so that the
most common token of all does not make difflib slow), so a word that only turned bold is
*equal* with a
formatting change (``was`` holds its old formatting): Word shows it as ``w:rPrChange``.

A short stretch of white space between two changes is folded into them, so "the old
wording" → "a new phrasing" reads as one deletion and one insertion instead of four.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from draftkit.markup import Span, parse

__all__ = [
    "Op",
    "Piece",
    "diff_plain",
    "diff_spans",
    "diff_text",
    "plain_of",
    "similarity",
    "spans_of",
    "tokens",
]

Op = Literal["equal", "insert", "delete"]

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
_WORD = re.compile(r"\w+", re.UNICODE)


@functools.lru_cache(maxsize=4096)
def spans_of(text: str) -> tuple[Span, ...]:
    """:func:`draftkit.markup.parse`, remembered: a diff reads each paragraph several times."""
    return tuple(parse(text))


def plain_of(text: str) -> str:
    """The text without its markup (link addresses left out)."""
    return "".join(span.text for span in spans_of(text))


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a paragraph that is equal, inserted or deleted.

    Attributes:
        op: ``equal``, ``insert`` or ``delete``.
        span: The text with its formatting: the new formatting for ``equal`` and
            ``insert``, the old for ``delete``.
        was: For an ``equal`` piece whose bold or italics changed, the old formatting
            (a span with the same text); None otherwise.
    """

    op: Op
    span: Span
    was: Span | None = None


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    span: Span

    @property
    def key(self) -> tuple[str, str | None, str | None]:
        return self.text, self.span.url, self.span.note


def tokens(spans: Sequence[Span]) -> list[_Token]:
    """Split spans into comparable tokens (a link is one token)."""
    out: list[_Token] = []
    for span in spans:
        if span.url or span.note is not None:  # a footnote's mark is one token too
            out.append(_Token(span.text, span))
            continue
        for match in _TOKEN.finditer(span.text):
            out.append(_Token(match.group(0), span))
    return out


def _fmt(span: Span) -> tuple[bool, bool, str | None]:
    return span.bold, span.italic, span.url


def _with(span: Span, text: str) -> Span:
    return Span(text, span.bold, span.italic, span.url, span.note)


# one entry per token: (op, old token, new token)
_Step = tuple[Op, "_Token | None", "_Token | None"]


def _keys(tokens: list[_Token]) -> list[tuple[str, str | None, str | None]]:
    keys: list[tuple[str, str | None, str | None]] = []
    previous = ""
    for token in tokens:
        if token.text.isspace():
            keys.append((token.text, previous, None))
        else:
            keys.append(token.key)
            previous = token.text
    return keys


def _steps(old: list[_Token], new: list[_Token]) -> list[_Step]:
    matcher = difflib.SequenceMatcher(None, _keys(old), _keys(new), False)
    steps: list[_Step] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            steps.extend(("equal", old[i1 + k], new[j1 + k]) for k in range(i2 - i1))
            continue
        steps.extend(("delete", old[i], None) for i in range(i1, i2))
        steps.extend(("insert", None, new[j]) for j in range(j1, j2))
    return _fold_gaps(steps)


def _fold_gaps(steps: list[_Step]) -> list[_Step]:
    """White space or a short joint of punctuation (". ") between two changes joins them."""
    out: list[_Step] = []
    index = 0
    while index < len(steps):
        step = steps[index]
        if step[0] != "equal":
            out.append(step)
            index += 1
            continue
        end = index
        while end < len(steps) and steps[end][0] == "equal":
            end += 1
        run = steps[index:end]
        between = index > 0 and end < len(steps)
        joint = "".join(t[1].text for t in run if t[1] is not None)
        notes = any(t[1] is not None and t[1].span.note is not None for t in run)
        if between and len(joint) <= 3 and not notes and not any(c.isalnum() for c in joint):
            for _, old, new in run:
                out.append(("delete", old, None))
                out.append(("insert", None, new))
        else:
            out.extend(run)
        index = end
    # within each stretch of changes, deletions first, then insertions; the white space
    # both sides end with is not part of the change ("[-all-]{+every+} governments")
    result: list[_Step] = []
    stretch: list[_Step] = []
    for step in [*out, ("equal", None, None)]:
        if step[0] == "equal":
            deleted = [s for s in stretch if s[0] == "delete"]
            inserted = [s for s in stretch if s[0] == "insert"]
            tail = _shared_tail(deleted, inserted)
            result.extend(deleted)
            result.extend(inserted)
            if tail is not None:
                result.append(tail)
            stretch = []
            if step[1] is not None:
                result.append(step)
        else:
            stretch.append(step)
    return result


def _shared_tail(deleted: list[_Step], inserted: list[_Step]) -> _Step | None:
    """Take out the white space that both sides of a change end with."""
    if not deleted or not inserted:
        return None
    old, new = deleted[-1][1], inserted[-1][2]
    assert old is not None and new is not None
    if not old.text.isspace() or old.text != new.text or len(deleted) < 2 or len(inserted) < 2:
        return None
    deleted.pop()
    inserted.pop()
    return ("equal", old, new)


def _was_fmt(piece: Piece) -> tuple[bool, bool, str | None] | None:
    return _fmt(piece.was) if piece.was is not None else None


def diff_spans(old: Sequence[Span], new: Sequence[Span]) -> list[Piece]:
    """The pieces that turn ``old`` spans into ``new`` spans, adjacent pieces merged.

    Joining the ``equal`` and ``insert`` pieces' texts gives the new text; joining the
    ``equal`` and ``delete`` pieces' texts gives the old.
    """
    pieces: list[Piece] = []
    for op, was, now in _steps(tokens(old), tokens(new)):
        if op == "delete":
            assert was is not None
            piece = Piece("delete", _with(was.span, was.text))
        elif op == "insert":
            assert now is not None
            piece = Piece("insert", _with(now.span, now.text))
        else:
            assert was is not None and now is not None
            changed = _fmt(was.span)[:2] != _fmt(now.span)[:2]
            piece = Piece(
                "equal",
                _with(now.span, now.text),
                _with(was.span, was.text) if changed else None,
            )
        last = pieces[-1] if pieces else None
        if (
            last is not None
            and last.op == piece.op
            and _fmt(last.span) == _fmt(piece.span)
            and not piece.span.url
            and not last.span.url
            and piece.span.note is None
            and last.span.note is None
            and _was_fmt(last) == _was_fmt(piece)
        ):
            text = last.span.text + piece.span.text
            was_span = (
                _with(last.was, last.was.text + piece.span.text) if last.was is not None else None
            )
            pieces[-1] = Piece(piece.op, _with(piece.span, text), was_span)
        else:
            pieces.append(piece)
    return pieces


def diff_text(old: str | None, new: str | None) -> list[Piece]:
    """:func:`diff_spans` of two marked-up texts (``**bold**``, ``*italic*``, links)."""
    if old == new:
        return [Piece("equal", span) for span in spans_of(new or "")]
    return diff_spans(spans_of(old or ""), spans_of(new or ""))


def diff_plain(old: str | None, new: str | None) -> list[Piece]:
    """:func:`diff_spans` of two plain texts (address lines, names: no markup)."""
    if old == new:
        return [Piece("equal", Span(new))] if new else []
    return diff_spans(
        [Span(old)] if old else [],
        [Span(new)] if new else [],
    )


def similarity(old: str, new: str) -> float:
    """How alike two texts are, 0 to 1, by their words (difflib's ratio)."""
    if old == new:
        return 1.0
    a = _WORD.findall(old.lower())
    b = _WORD.findall(new.lower())
    if not a or not b:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b)
    if matcher.real_quick_ratio() < 0.3 or matcher.quick_ratio() < 0.3:
        return matcher.quick_ratio()
    return matcher.ratio()
