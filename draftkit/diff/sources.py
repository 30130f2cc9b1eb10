"""Reading the two versions of a letter: a spec (YAML/JSON) or a .docx.

A spec is composed as ``draftkit render`` composes it. A .docx that draftkit rendered
records the SHA-256 of its spec (:mod:`draftkit.provenance`): when a spec with that
hash sits beside it (same name, ``.yaml``/``.yml``/``.json``), the spec is used, so the
comparison sees exactly the letter that was rendered. Any other .docx (a partner's
edited copy, a letter from elsewhere) is read back through ingest.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from draftkit.build import prepare_letter
from draftkit.errors import IngestError, SpecError
from draftkit.provenance import read_provenance, spec_hash
from draftkit.schema import Letter

__all__ = ["SPEC_SUFFIXES", "Version", "read_version"]

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
"""File endings read as letter specs."""


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a comparison.

    Attributes:
        path: The file named.
        letter: The resolved letter.
        how: How it was read: ``spec``, ``spec beside the .docx (name)`` or ``ingest``.
        warnings: What compose or ingest said about it.
    """

    path: Path
    letter: Letter
    how: str
    warnings: tuple[str, ...] = ()


def _spec_beside(path: Path) -> Path | None:
    """The spec a draftkit-rendered .docx was made from, if it sits beside it unchanged."""
    try:
        provenance = read_provenance(path)
    except IngestError:
        return None
    if not provenance.spec_sha256:
        return None
    for suffix in SPEC_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate.is_file() and spec_hash(candidate.read_bytes()) == provenance.spec_sha256:
            return candidate
    return None


def read_version(path: str | Path) -> Version:
    """Read one version of a letter for :func:`~draftkit.diff.letter.diff_letters`.

    Args:
        path: A spec (``.yaml``/``.yml``/``.json``) or a ``.docx``.

    Returns:
        The resolved letter and how it was read.

    Raises:
        SpecError: The file is neither a spec nor a .docx.
        DraftkitError: The spec does not compose, or the .docx cannot be read as a letter.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in SPEC_SUFFIXES:
        letter, warnings = prepare_letter(path)
        return Version(path, letter, "spec", tuple(warnings))
    if suffix != ".docx":
        raise SpecError(
            f"cannot compare a '{suffix or path.name}' file",
            path=path,
            hint="give a letter spec (.yaml, .yml, .json) or a .docx",
        )
    spec = _spec_beside(path)
    if spec is not None:
        letter, warnings = prepare_letter(spec)
        return Version(path, letter, f"its spec {spec.name} (same SHA-256)", tuple(warnings))
    # deferred: ingest loads only when a .docx is read back (start-up time)
    from draftkit.ingest import ingest_file

    result = ingest_file(path)
    ingested = result.letter
    if ingested is None or ingested.kind != "letter":
        raise IngestError(
            "this document was not read as a letter",
            path=path,
            hint="compare the specs the letters were rendered from",
        )
    if not ingested.salutation:
        raise IngestError(
            "no salutation was found in this document",
            path=path,
            hint="compare the specs, or add the salutation ('Dear ...') to the document",
        )
    return Version(path, ingested, "ingest", tuple(result.warnings))
