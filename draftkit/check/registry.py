"""The rule registry and what every rule receives: the letter and its surroundings."""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from draftkit.check.model import SEVERITIES, Finding, Severity, SourceKind
from draftkit.check.places import Place, prose
from draftkit.schema import Letter

if TYPE_CHECKING:
    from draftkit.check.model import Coverage
    from draftkit.clauses.model import Clause
    from draftkit.provenance import Provenance

__all__ = ["CheckContext", "Rule", "RuleFunc", "all_rules", "get_rule", "render_rules", "rule"]

RULE_MODULES = (
    "draftkit.check.address",
    "draftkit.check.counts",
    "draftkit.check.text",
    "draftkit.check.structure",
    "draftkit.check.coverage",
    "draftkit.check.trace",
    "draftkit.check.notes",
    "draftkit.check.language",
)
"""Modules that define rules (imported once, in this order, to fill the registry)."""

RENDER_RULE_MODULES = (
    "draftkit.check.address",
    "draftkit.check.counts",
    "draftkit.check.text",
    "draftkit.check.structure",
    "draftkit.check.notes",
)
"""The modules that hold the rules ``draftkit render`` runs: every error rule and the
warning rules it reports (``build.REVIEW_RULES``). A render imports only these, for
start-up time; a test keeps the list whole."""


@dataclass
class CheckContext:
    """What a rule may look at.

    Attributes:
        letter: The letter (resolved for specs and ingested documents).
        kind: What was checked.
        today: The reference date for date rules.
        future_days: How far ahead a letter may be dated without a warning.
        clauses: The clause library's clauses, or None when there is no library.
        spec_data: The raw spec mapping (spec files only).
        provenance: What a DOCX records about how it was made.
        spec_bytes: A spec file to compare with the DOCX's recorded spec hash.
        spec_name: That spec file's name (for messages).
        coverage: Filled by the vetted-language rule.
        cache: Results rules share (computed by the first rule that needs them).
        paragraphs: A document's paragraphs exactly as typed (.docx only), for rules
            about spacing that ingest normalises away.
    """

    letter: Letter
    kind: SourceKind = "letter"
    today: dt.date = field(default_factory=dt.date.today)
    future_days: int = 60
    clauses: Sequence[Clause] | None = None
    spec_data: Any = None
    provenance: Provenance | None = None
    spec_bytes: bytes | None = None
    spec_name: str | None = None
    coverage: Coverage | None = None
    cache: dict[str, Any] = field(default_factory=dict)
    paragraphs: list[str] | None = None
    _prose: list[Place] | None = None

    @property
    def prose(self) -> list[Place]:
        """The letter's prose places (computed once)."""
        if self._prose is None:
            self._prose = prose(self.letter)
        return self._prose


RuleFunc = Callable[["CheckContext", "Rule"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A lint rule.

    Attributes:
        id: The stable id, used in output and to switch the rule off.
        severity: The severity of its findings (some rules vary it per finding).
        summary: What it checks, in one line (``draftkit check --rules``).
        hint: The usual fix.
        func: The function producing findings.
    """

    id: str
    severity: Severity
    summary: str
    hint: str
    func: RuleFunc

    def finding(
        self,
        message: str,
        *,
        where: str | None = None,
        excerpt: str | None = None,
        hint: str | None = None,
        anchor: str | None = None,
        severity: Severity | None = None,
        details: dict[str, Any] | None = None,
    ) -> Finding:
        """A finding of this rule (severity and hint default to the rule's).

        A finding may be milder than its rule, never more severe: ``draftkit render``
        runs only the rules whose findings it reports, by their severity.

        Raises:
            ValueError: ``severity`` is more severe than the rule's.
        """
        if severity is not None and SEVERITIES.index(severity) < SEVERITIES.index(self.severity):
            raise ValueError(f"rule {self.id!r} is a {self.severity} rule: no {severity} findings")
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message=message,
            where=where,
            excerpt=excerpt,
            hint=hint if hint is not None else self.hint,
            anchor=anchor,
            details=details or {},
        )


_REGISTRY: dict[str, Rule] = {}


def rule(
    rule_id: str, severity: Severity, summary: str, hint: str
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a function as a rule.

    Args:
        rule_id: The stable id (lower case, hyphenated).
        severity: The usual severity of its findings.
        summary: What it checks.
        hint: The usual fix.
    """

    def register(func: RuleFunc) -> RuleFunc:
        if rule_id in _REGISTRY:
            raise ValueError(f"rule {rule_id!r} registered twice")
        _REGISTRY[rule_id] = Rule(rule_id, severity, summary, hint, func)
        return func

    return register


@functools.cache
def _load(modules: tuple[str, ...] = RULE_MODULES) -> None:
    for module in modules:
        importlib.import_module(module)


def _in_order(modules: tuple[str, ...]) -> list[Rule]:
    """The rules of ``modules``, in the order of :data:`RULE_MODULES`, then registration.

    The order does not depend on which modules a process happened to import first.
    """
    _load(modules)
    place = {module: index for index, module in enumerate(RULE_MODULES)}
    rules = [r for r in _REGISTRY.values() if r.func.__module__ in modules]
    return sorted(rules, key=lambda r: place[r.func.__module__])


def all_rules() -> list[Rule]:
    """Every rule, in registration order (grouped by module, in :data:`RULE_MODULES` order)."""
    return _in_order(RULE_MODULES)


def render_rules() -> list[Rule]:
    """The rules of :data:`RENDER_RULE_MODULES` (what ``draftkit render`` may run), in order."""
    return _in_order(RENDER_RULE_MODULES)


def get_rule(rule_id: str) -> Rule:
    """The rule with this id.

    Raises:
        KeyError: No such rule.
    """
    _load()
    return _REGISTRY[rule_id]
