"""``draftkit check``: lint a letter before it goes out, and trace a DOCX to its sources.

>>> from draftkit.check import check_file
>>> report = check_file("letter.yaml")                 # doctest: +SKIP
>>> [f.one_line() for f in report.findings]                # doctest: +SKIP
["error [count-mismatch] body[0]: the text says '11 organizations', but 9 organizations sign"]

Rules have stable ids (``draftkit check --rules``; docs/check.md lists every rule with
an example). Switch rules off per project (``check: {disable: [length]}`` in
draftkit.yaml), per letter (a ``# draftkit: disable=length`` comment line in the spec) or
per run (``disable=``). :func:`annotate_docx` writes a copy of a .docx with each finding
as a Word comment on its paragraph.
"""

from __future__ import annotations

from draftkit.check.annotate import AnnotateResult, annotate_docx
from draftkit.check.engine import (
    check_file,
    check_letter,
    check_merge,
    resolve_disabled,
    spec_directives,
)
from draftkit.check.model import SEVERITIES, CheckReport, Coverage, Finding, Severity
from draftkit.check.registry import Rule, all_rules, get_rule, render_rules

__all__ = [
    "SEVERITIES",
    "AnnotateResult",
    "CheckReport",
    "Coverage",
    "Finding",
    "Rule",
    "Severity",
    "all_rules",
    "annotate_docx",
    "check_file",
    "check_letter",
    "check_merge",
    "get_rule",
    "render_rules",
    "resolve_disabled",
    "spec_directives",
]
