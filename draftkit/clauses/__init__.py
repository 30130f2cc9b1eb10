"""The clause library: vetted letter language with provenance, status and audience variants.

Clauses live in reviewable YAML files (one file per topic); a SQLite FTS5 index in a cache
folder makes them searchable and is rebuilt whenever the files change. See
docs/clauses.md for building and vetting a library.

The names below load their module on first use (PEP 562), so that importing one small
module of the package (``check`` uses :mod:`draftkit.clauses.similarity`) does not load
the clause models, SQLite and the search: a letter without clauses renders without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from draftkit.clauses.harvest import HarvestMatch, HarvestReport
    from draftkit.clauses.library import ClauseLibrary, SearchHit
    from draftkit.clauses.model import (
        CLAUSE_KINDS,
        Clause,
        ClauseKind,
        ClauseStatus,
        ClauseVariant,
        ClauseWording,
        Source,
        SourceInfo,
        VariableSpec,
    )
    from draftkit.clauses.similarity import similarity as text_similarity

_EXPORTS: dict[str, tuple[str, str]] = {
    "CLAUSE_KINDS": ("draftkit.clauses.model", "CLAUSE_KINDS"),
    "Clause": ("draftkit.clauses.model", "Clause"),
    "ClauseKind": ("draftkit.clauses.model", "ClauseKind"),
    "ClauseLibrary": ("draftkit.clauses.library", "ClauseLibrary"),
    "ClauseStatus": ("draftkit.clauses.model", "ClauseStatus"),
    "ClauseVariant": ("draftkit.clauses.model", "ClauseVariant"),
    "ClauseWording": ("draftkit.clauses.model", "ClauseWording"),
    "HarvestMatch": ("draftkit.clauses.harvest", "HarvestMatch"),
    "HarvestReport": ("draftkit.clauses.harvest", "HarvestReport"),
    "SearchHit": ("draftkit.clauses.library", "SearchHit"),
    "Source": ("draftkit.clauses.model", "Source"),
    "SourceInfo": ("draftkit.clauses.model", "SourceInfo"),
    "VariableSpec": ("draftkit.clauses.model", "VariableSpec"),
    "text_similarity": ("draftkit.clauses.similarity", "similarity"),
}

__all__ = [
    "CLAUSE_KINDS",
    "Clause",
    "ClauseKind",
    "ClauseLibrary",
    "ClauseStatus",
    "ClauseVariant",
    "ClauseWording",
    "HarvestMatch",
    "HarvestReport",
    "SearchHit",
    "Source",
    "SourceInfo",
    "VariableSpec",
    "text_similarity",
]


def __getattr__(name: str) -> Any:
    target = _EXPORTS.get(name)
    if target is None:  # a submodule (``from draftkit.clauses import index``) is imported
        raise AttributeError(f"module 'draftkit.clauses' has no attribute {name!r}")
    module, attribute = target
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
