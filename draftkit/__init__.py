"""draftkit: draft formal advocacy letters from structured specs.

The public API: everything a user needs is importable from here, and only from here.
The modules behind it (``draftkit.compose``, ``draftkit.merge`` ...) are implementation
detail and may change between versions (the httpx way). The flow these names follow::

    load_letter ─► compose_letter ─► render_bytes / render_to_file     (render_spec: all three)
    load_recipients ─► mail_merge / merge_letters                       (compose once, fill each)
    check_file / check_letter                                           (the rules)
    diff_letters ─► LetterDiff.to_docx / to_text                        (redline of two versions)
    ingest_file / ingest_text ─► Letter                                 (past letters)

The package imports nothing heavy at start-up (``draftkit --help`` stays fast): each
public name is loaded from its module on first access (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from draftkit._version import __version__

if TYPE_CHECKING:
    from draftkit.build import render_spec
    from draftkit.check import CheckReport, check_file, check_letter
    from draftkit.clauses import ClauseLibrary
    from draftkit.compose import ComposeResult, compose_letter
    from draftkit.diff import diff_letters
    from draftkit.errors import (
        ClauseError,
        DraftkitError,
        IngestError,
        OutputError,
        ProtocolError,
        RenderError,
        SpecError,
        TemplateError,
    )
    from draftkit.files import load_letter
    from draftkit.ingest import IngestResult, ingest_file, ingest_text
    from draftkit.merge import MergeResult, mail_merge, merge_letters
    from draftkit.protocol import address_forms
    from draftkit.recipients import Recipient, load_recipients
    from draftkit.render import render_bytes, render_to_file
    from draftkit.schema import Addressee, Ask, Letter, Signatory


_EXPORTS: dict[str, str] = {
    # the letter
    "Addressee": "draftkit.schema",
    "Ask": "draftkit.schema",
    "Letter": "draftkit.schema",
    "Recipient": "draftkit.recipients",
    "Signatory": "draftkit.schema",
    # reading specs and recipient lists
    "load_letter": "draftkit.files",
    "load_recipients": "draftkit.recipients",
    # one letter: spec -> compose -> Letter -> render
    "ComposeResult": "draftkit.compose",
    "compose_letter": "draftkit.compose",
    "render_bytes": "draftkit.render",
    "render_spec": "draftkit.build",
    "render_to_file": "draftkit.render",
    # many letters: merge = compose once + fill per recipient
    "MergeResult": "draftkit.merge",
    "mail_merge": "draftkit.merge",
    "merge_letters": "draftkit.merge",
    # the rules
    "CheckReport": "draftkit.check",
    "check_file": "draftkit.check",
    "check_letter": "draftkit.check",
    # versions: a redline (Word tracked changes) between two letters
    "diff_letters": "draftkit.diff",
    # past letters
    "IngestResult": "draftkit.ingest",
    "ingest_file": "draftkit.ingest",
    "ingest_text": "draftkit.ingest",
    # vetted language and forms of address
    "ClauseLibrary": "draftkit.clauses",
    "address_forms": "draftkit.protocol",
    # errors: one tree, each message says what to do next
    "ClauseError": "draftkit.errors",
    "DraftkitError": "draftkit.errors",
    "IngestError": "draftkit.errors",
    "OutputError": "draftkit.errors",
    "ProtocolError": "draftkit.errors",
    "RenderError": "draftkit.errors",
    "SpecError": "draftkit.errors",
    "TemplateError": "draftkit.errors",
}

__all__ = [
    "Addressee",
    "Ask",
    "CheckReport",
    "ClauseError",
    "ClauseLibrary",
    "ComposeResult",
    "DraftkitError",
    "IngestError",
    "IngestResult",
    "Letter",
    "MergeResult",
    "OutputError",
    "ProtocolError",
    "Recipient",
    "RenderError",
    "Signatory",
    "SpecError",
    "TemplateError",
    "__version__",
    "address_forms",
    "check_file",
    "check_letter",
    "compose_letter",
    "diff_letters",
    "ingest_file",
    "ingest_text",
    "load_letter",
    "load_recipients",
    "mail_merge",
    "merge_letters",
    "render_bytes",
    "render_spec",
    "render_to_file",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'draftkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
