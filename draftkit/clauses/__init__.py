"""The clause library: vetted letter language with provenance, status and audience variants.

Clauses live in reviewable YAML files (one file per topic); a SQLite FTS5 index in a cache
folder makes them searchable and is rebuilt whenever the files change. See
docs/clauses.md for building and vetting a library.
"""

from __future__ import annotations

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
