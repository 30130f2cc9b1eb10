"""The difference between two versions of a letter, and its renderings.

:func:`diff_letters` aligns two resolved letters (:mod:`draftkit.diff.align`) into a
:class:`LetterDiff`, which renders as a Word document with tracked changes
(:meth:`LetterDiff.to_docx`, :mod:`draftkit.diff.docx`) or as text for an e-mail
(:meth:`LetterDiff.to_text`, :mod:`draftkit.diff.text`)::

    >>> diff = diff_letters(old, new)                      # doctest: +SKIP
    >>> diff.summary()                                     # doctest: +SKIP
    ['ask: 1 changed, 1 moved', 'signatory: 1 inserted']
    >>> Path("redline.docx").write_bytes(diff.to_docx(author="Policy team"))  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from draftkit.diff.align import Entry, align
from draftkit.render.layout import require_resolved
from draftkit.schema import Letter

__all__ = ["AUTHOR_VARIABLE", "LetterDiff", "default_author", "diff_letters"]

AUTHOR_VARIABLE = "DRAFTKIT_AUTHOR"
"""The environment variable naming the author of tracked changes (when --author is not given)."""


@dataclass(frozen=True, slots=True)
class LetterDiff:
    """What changed between two versions of a letter, part by part.

    Attributes:
        old: The old letter (resolved).
        new: The new letter (resolved).
        entries: The aligned units in reading order (see :class:`~draftkit.diff.align.Entry`).
    """

    old: Letter
    new: Letter
    entries: tuple[Entry, ...]

    @property
    def changed(self) -> bool:
        """True when the letters differ in anything a reader sees."""
        return any(e.kind != "equal" for e in self.entries) or (
            self.old.sender.organization,
            self.old.sender.address_lines,
        ) != (self.new.sender.organization, self.new.sender.address_lines)

    def counts(self) -> dict[str, dict[str, int]]:
        """Changes by part of the letter and kind: ``{"ask": {"moved": 1, "changed": 2}}``.

        A move counts once (not at its old and its new place).
        """
        out: dict[str, Counter[str]] = {}
        for entry in self.entries:
            if entry.kind in ("equal", "moved-from"):
                continue
            kind = "moved" if entry.kind == "moved-to" else entry.kind
            out.setdefault(entry.part, Counter())[kind] += 1
        return {part: dict(counter) for part, counter in out.items()}

    def summary(self) -> list[str]:
        """One line per changed part: ``ask: 1 changed, 1 moved``; empty when unchanged."""
        order = ("changed", "inserted", "deleted", "moved")
        return [
            f"{part}: " + ", ".join(f"{kinds[k]} {k}" for k in order if kinds.get(k))
            for part, kinds in self.counts().items()
        ]

    def to_docx(
        self,
        *,
        author: str | None = None,
        date: dt.datetime | None = None,
        reference: str | Path | None = None,
        properties: Mapping[str, str] | None = None,
    ) -> bytes:
        """The new letter as a Word document with every change tracked.

        Args:
            author: Who the changes are recorded under; :func:`default_author` when None.
            date: When; now when None.
            reference: A house-style ``.docx`` (as for rendering).
            properties: Custom document properties to record.

        Returns:
            The ``.docx`` bytes.

        Raises:
            RenderError: The reference cannot be read, or a letter holds a character the
                redline reserves.
        """
        # deferred: python-docx and lxml load only for a .docx redline (start-up time)
        from draftkit.diff.docx import render_redline

        return render_redline(
            self.entries,
            self.old,
            self.new,
            author=author or default_author(self.new),
            date=date or dt.datetime.now(dt.UTC),
            reference=reference,
            properties=properties,
        )

    def to_text(self, fmt: Literal["txt", "md"] = "txt", *, width: int = 72) -> str:
        """The diff as text: ``[-deleted-]{+inserted+}`` inside each paragraph.

        Args:
            fmt: ``txt`` (plain, wrapped at ``width``) or ``md`` (Markdown, unwrapped).
            width: The wrapping width of plain text.
        """
        # deferred: text.py imports LetterDiff for its types (no import circle)
        from draftkit.diff.text import render_diff_text

        return render_diff_text(self, fmt, width=width)


def default_author(letter: Letter | None = None) -> str:
    """Who tracked changes are recorded under when nobody is named.

    ``$DRAFTKIT_AUTHOR``, else the letter's sending organisation, else the login name,
    else "draftkit".
    """
    named = os.environ.get(AUTHOR_VARIABLE, "").strip()
    if named:
        return named
    if letter is not None and letter.sender.organization:
        return letter.sender.organization
    try:
        return getpass.getuser() or "draftkit"
    except (OSError, KeyError, ImportError):
        return "draftkit"


def diff_letters(old: Letter, new: Letter) -> LetterDiff:
    """Compare two versions of a letter, part by part.

    Addressees and signatories are matched by who they are, paragraphs by their text
    (reworded paragraphs pair with their old wording), asks across the whole list so that
    a moved ask is a move; words are compared inside each pair.

    Args:
        old: The earlier version (resolved: composed from a spec, or ingested).
        new: The later version (resolved).

    Returns:
        The :class:`LetterDiff`; render it with :meth:`LetterDiff.to_docx` or
        :meth:`LetterDiff.to_text`.

    Raises:
        RenderError: A letter is not resolved (compose it first) or not a letter.
    """
    require_resolved(old)
    require_resolved(new)
    return LetterDiff(old, new, tuple(align(old, new)))
