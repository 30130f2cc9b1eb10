"""What a check produces: findings with a severity, a place and a fix, and the report."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from draftkit.empty import empty_dict, empty_list
from draftkit.provenance import Provenance
from draftkit.schema import Letter

__all__ = ["SEVERITIES", "CheckReport", "Coverage", "Finding", "Severity", "SourceKind"]

Severity = Literal["error", "warning", "info"]
"""How serious a finding is: errors make ``draftkit check`` exit 1."""

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""The severities, most serious first."""

SourceKind = Literal["spec", "docx", "text", "html", "letter"]
"""What was checked: a spec file, a document read by ingest, or a Letter object."""


class Finding(BaseModel):
    """One thing a careful reader would point out.

    Attributes:
        rule: The stable rule id (``count-mismatch``); use it to switch the rule off.
        severity: ``error``, ``warning`` or ``info``.
        message: What is wrong, in one sentence.
        where: The place in the letter as a field path (``asks[2].lead``, ``signatories``),
            or None for the letter as a whole.
        excerpt: A short excerpt of the text concerned.
        hint: How to fix it.
        anchor: The text of the paragraph the finding belongs to, as a reader sees it
            (used to find the paragraph in a .docx).
        details: Extra data for tools (numbers, lists).
        line: The line of the spec file where the field is written (specs only).
    """

    model_config = ConfigDict(frozen=True)

    rule: str
    severity: Severity
    message: str
    where: str | None = None
    excerpt: str | None = None
    hint: str | None = None
    anchor: str | None = None
    details: dict[str, Any] = Field(default_factory=empty_dict)
    line: int | None = None

    def one_line(self) -> str:
        """The finding as one line: ``severity [rule] where: message``."""
        place = f"{self.where}: " if self.where else ""
        return f"{self.severity} [{self.rule}] {place}{self.message}"


class Coverage(BaseModel):
    """How much of a letter's prose is library language.

    Attributes:
        sentences: Sentences counted (very short ones are left out).
        vetted: Sentences matching a vetted clause.
        draft: Sentences matching a draft clause.
        retired: Sentences matching a retired clause.
        new: Sentences matching no clause.
        new_sentences: ``(field path, sentence)`` of the new sentences, for review.
    """

    # built on first use, for start-up time: only the clause-library rules, which a render
    # does not run, make one
    model_config = ConfigDict(defer_build=True)

    sentences: int = 0
    vetted: int = 0
    draft: int = 0
    retired: int = 0
    new: int = 0
    new_sentences: list[tuple[str, str]] = Field(default_factory=empty_list)

    @property
    def vetted_share(self) -> float:
        """The share of counted sentences that are vetted language (0 when none)."""
        return self.vetted / self.sentences if self.sentences else 0.0


class CheckReport(BaseModel):
    """The result of checking one letter.

    Attributes:
        source: The file checked, if any.
        kind: What was checked (``spec``, ``docx``, ``text``, ``html``, ``letter``).
        findings: The findings, most serious first, in letter order within a severity.
        disabled: Rule ids switched off (config, spec comment, command line).
        provenance: What a rendered DOCX says produced it.
        coverage: Vetted-language figures, when a clause library was available.
        notes: Things worth saying that are not findings (what was not checked and why).
        letter: The letter that was checked (composed for a spec); not serialised.
    """

    # built on first validation, for start-up time: check_letter makes its reports without
    # validating them (every value is already what the field holds), so a render never
    # builds this model's validator (the whole letter's, the provenance's ... again)
    model_config = ConfigDict(defer_build=True)

    source: str | None = None
    kind: SourceKind = "letter"
    findings: list[Finding] = Field(default_factory=empty_list)
    disabled: list[str] = Field(default_factory=empty_list)
    provenance: Provenance | None = None
    coverage: Coverage | None = None
    notes: list[str] = Field(default_factory=empty_list)
    letter: Letter | None = Field(default=None, exclude=True)

    def count(self, severity: Severity) -> int:
        """How many findings have ``severity``."""
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        """True when at least one finding is an error."""
        return any(f.severity == "error" for f in self.findings)

    def rules(self) -> list[str]:
        """The ids of the rules that produced findings, sorted, each once."""
        return sorted({f.rule for f in self.findings})

    def summary(self) -> str:
        """``3 findings (1 error, 1 warning, 1 info)`` or ``no findings``."""
        total = len(self.findings)
        if not total:
            return "no findings"
        parts = []
        for severity in SEVERITIES:
            n = self.count(severity)
            if n:
                label = severity if n == 1 or severity == "info" else severity + "s"
                parts.append(f"{n} {label}")
        return f"{total} finding{'s' if total != 1 else ''} ({', '.join(parts)})"
