"""Versions of a clause and the words that changed between two of them.

Clause files are kept under version control (``Files are the truth``): a clause's earlier
versions are in the git history of its file. :func:`clause_history` reads that history
(``git log --follow`` and ``git show``, each file version parsed as the library parses
it) and lists the distinct versions of one clause, newest first, the working copy
included; :func:`diff_clause` compares two versions field by field (text, lead, body,
items, each variant), words marked ``[-deleted-]{+inserted+}``.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from draftkit.clauses.model import Clause
from draftkit.clauses.store import parse_clause_text
from draftkit.diff.text import DELETE_MARKS, INSERT_MARKS
from draftkit.diff.words import Piece, diff_plain, diff_text
from draftkit.errors import ClauseError, DraftkitError

__all__ = [
    "MAX_COMMITS",
    "ClauseDiff",
    "ClauseVersion",
    "clause_history",
    "diff_clause",
    "pick_version",
]

MAX_COMMITS = 500
"""At most this many commits of a clause file are read."""

_GIT_TIMEOUT = 30


@dataclass(frozen=True, slots=True)
class ClauseVersion:
    """One version of a clause.

    Attributes:
        version: The clause's version (a hash of its wording, :attr:`Clause.version`).
        clause: The clause as it stood.
        commit: The commit it is from; None for the working copy.
        date: The commit's date (YYYY-MM-DD); None for the working copy.
        subject: The commit message's first line.
    """

    version: str
    clause: Clause
    commit: str | None = None
    date: str | None = None
    subject: str = ""

    def label(self) -> str:
        """``710f79a51bd5 (2026-03-02, 1a2b3c4d: message)`` or ``… (working copy)``."""
        if self.commit is None:
            return f"{self.version} (working copy)"
        return f"{self.version} ({self.date}, {self.commit[:8]}: {self.subject})"


@dataclass(frozen=True, slots=True)
class ClauseDiff:
    """The changes between two versions of a clause.

    Attributes:
        old: The earlier version.
        new: The later version.
        fields: ``(field, pieces)`` for every field whose words differ: ``lead``,
            ``body``, ``text``, ``items``, ``variants.un.body`` ...
        changed: Other fields that differ (status, variables, audiences ...).
    """

    old: ClauseVersion
    new: ClauseVersion
    fields: tuple[tuple[str, tuple[Piece, ...]], ...]
    changed: tuple[str, ...] = ()

    def to_text(self) -> str:
        """The changes as text: a heading, then each field with its words marked."""
        lines = [
            f"clause {self.new.clause.id}",
            f"--- {self.old.label()}",
            f"+++ {self.new.label()}",
        ]
        if not self.fields and not self.changed:
            lines.append("(the wording is the same)")
        for name, pieces in self.fields:
            lines.append("")
            lines.append(f"{name}:")
            text = "".join(_marked(p) for p in pieces)
            lines.extend(f"  {line}" for line in text.split("\n"))
        if self.changed:
            lines.append("")
            lines.append(f"also changed: {', '.join(self.changed)}")
        return "\n".join(lines) + "\n"


def _marked(piece: Piece) -> str:
    if piece.op == "equal":
        return piece.span.text
    marks = DELETE_MARKS if piece.op == "delete" else INSERT_MARKS
    return marks[0] + piece.span.text + marks[1]


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise ClauseError(
            "git is not installed",
            hint="a clause's earlier versions are read from the git history of its file",
        ) from None
    except subprocess.TimeoutExpired:
        raise ClauseError(f"git {args[0]} took longer than {_GIT_TIMEOUT} s") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ClauseError(f"git {args[0]} failed: {message[-1] if message else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def clause_history(clause: Clause) -> list[ClauseVersion]:
    """The distinct versions of a clause, newest first, from the history of its file.

    The working copy comes first; then each commit of the file (following renames) in
    which the clause's version differs from the one after it. Commits where the file
    cannot be parsed or lacks the clause are skipped.

    Raises:
        ClauseError: git is missing, or the clause's file is not in a git repository.
    """
    path = clause.source_file.resolve()
    folder = path.parent
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    except ClauseError:
        raise ClauseError(
            "its file is not in a git repository, so no earlier version is known",
            path=clause.source_file,
            hint="keep the clause library under git (commit each change) to compare versions",
        ) from None
    relative = path.relative_to(top.resolve()).as_posix()
    log = _git(
        [
            "log",
            "--follow",
            f"-n{MAX_COMMITS}",
            "--format=%x1e%H%x1f%cs%x1f%s",
            "--name-only",
            "--",
            relative,
        ],
        top,
    )
    versions = [ClauseVersion(clause.version, clause)]
    for record in log.split("\x1e"):
        if not record.strip():
            continue
        head, _, names = record.partition("\n")
        commit, date, subject = [*head.split("\x1f"), "", ""][:3]
        name = next((n for n in names.splitlines() if n.strip()), relative)
        try:
            text = _git(["show", f"{commit}:{name}"], top)
            found = [c for c in parse_clause_text(text, path) if c.id == clause.id]
        except DraftkitError:
            continue
        if not found or found[0].version == versions[-1].version:
            continue
        versions.append(ClauseVersion(found[0].version, found[0], commit, date, subject))
    return versions


def pick_version(versions: list[ClauseVersion], wanted: str) -> ClauseVersion:
    """The version whose hash (or commit) starts with ``wanted``.

    Raises:
        ClauseError: No version or several versions match.
    """
    key = wanted.strip().lower()
    found = [
        v for v in versions if v.version.startswith(key) or (v.commit and v.commit.startswith(key))
    ]
    if len(found) == 1:
        return found[0]
    listed = ", ".join(v.version for v in versions)
    if not found:
        raise ClauseError(f"no version '{wanted}' of this clause", hint=f"its versions: {listed}")
    raise ClauseError(f"'{wanted}' names several versions", hint=f"give more of it: {listed}")


_WORDING = ("text", "lead", "body")
_OTHER = ("title", "status", "vetted_by", "vetted_on", "retired_reason", "topics", "audiences")


def diff_clause(old: ClauseVersion, new: ClauseVersion) -> ClauseDiff:
    """Compare two versions of a clause, field by field."""
    a, b = old.clause, new.clause
    fields: list[tuple[str, tuple[Piece, ...]]] = []

    def compare(name: str, x: str | None, y: str | None, markup: bool = True) -> None:
        if (x or "") != (y or ""):
            pieces = diff_text(x, y) if markup else diff_plain(x, y)
            fields.append((name, tuple(pieces)))

    for name in _WORDING:
        compare(name, getattr(a, name), getattr(b, name))
    compare("items", "\n".join(a.items) or None, "\n".join(b.items) or None)
    for variant in sorted(set(a.variants) | set(b.variants)):
        va, vb = a.variants.get(variant), b.variants.get(variant)
        for name in _WORDING:
            compare(
                f"variants.{variant}.{name}",
                getattr(va, name) if va else None,
                getattr(vb, name) if vb else None,
            )
        compare(
            f"variants.{variant}.items",
            "\n".join(va.items) if va and va.items else None,
            "\n".join(vb.items) if vb and vb.items else None,
        )
    changed = [name for name in _OTHER if getattr(a, name) != getattr(b, name)]
    if a.variables != b.variables:
        changed.append("variables")
    return ClauseDiff(old, new, tuple(fields), tuple(changed))
