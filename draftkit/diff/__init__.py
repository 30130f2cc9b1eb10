"""Redlines between versions: two letters, a clause's versions, two signatory lists.

- :func:`diff_letters` compares two versions of a letter part by part
  (:mod:`~draftkit.diff.align`, words by :mod:`~draftkit.diff.words`); the
  :class:`LetterDiff` renders as a Word document with tracked changes
  (:mod:`~draftkit.diff.docx`) or as marked text (:mod:`~draftkit.diff.text`).
- :func:`read_version` reads a version from a spec or a .docx (:mod:`~draftkit.diff.sources`).
- :func:`diff_clause` compares two versions of a clause from the history of its file
  (:mod:`~draftkit.diff.clauses`).
- :func:`diff_signatories` says who joined, who left and whose details changed
  (:mod:`~draftkit.diff.signatories`).
"""

from __future__ import annotations

from draftkit.diff.letter import AUTHOR_VARIABLE, LetterDiff, default_author, diff_letters
from draftkit.diff.sources import Version, read_version

__all__ = [
    "AUTHOR_VARIABLE",
    "LetterDiff",
    "Version",
    "default_author",
    "diff_letters",
    "read_version",
]
