"""A reference document prepared once, and kept prepared on disk between runs.

Preparing a reference (:mod:`draftkit.render.reference`) opens it with python-docx, adds
what it lacks and splits it into the pieces every letter reuses. That costs a one-letter
``draftkit render`` about a fifth of its start-up: importing python-docx and lxml, and
the work itself. The pieces are plain text, numbers and compressed bytes, so they are
kept as JSON in the user cache folder, under a name made from a hash of the reference's
bytes and of the code that prepares it (draftkit's version, and the size and modification
time of each module that prepares it): a changed reference or a new draftkit never meets
an old copy. A copy that is missing, damaged or cannot be written is ignored (the
reference is prepared again).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftkit._version import __version__
from draftkit.config import default_cache_dir, source_stamp
from draftkit.errors import DraftkitError, RenderError
from draftkit.ooxml import read_package_file
from draftkit.outputs import write_text_atomic
from draftkit.render.package import ZipEntry
from draftkit.render.wordml import MAX_REFERENCE_BYTES

__all__ = ["Prepared", "prepared_for"]

_HERE = Path(__file__).resolve().parent
_PREPARING_CODE = ("reference.py", "wordml.py", "prepared.py", "package.py")


@dataclass(slots=True)
class Prepared:
    """A reference document turned into reusable pieces."""

    entries: list[ZipEntry]
    document_name: str
    doc_prefix: str
    sect_xml: str
    doc_tail: str
    rels_name: str
    rels_xml: str
    numbering_name: str
    numbering_xml: str
    numbering_entry: ZipEntry
    content_types_xml: str
    abstract_id: int
    first_num_id: int
    style_ids: dict[str, str]
    custom_xml_props: list[tuple[str, str]]
    has_letterhead: bool
    single_entries: list[ZipEntry]
    combined_entries: list[ZipEntry]
    id_prefix: str
    part_prefix: str
    continuation: bool
    house_header: bool
    header_kinds: tuple[str, ...]
    text_width: int


@functools.cache
def _code_digest() -> str:
    """A hash of draftkit's version and of the modules whose output a prepared copy is
    (their :func:`~draftkit.config.source_stamp`: name, size, modification time)."""
    stamp = source_stamp(*(_HERE / name for name in _PREPARING_CODE))
    # no sources (a frozen install): the version alone
    text = f"{__version__}\n{stamp if stamp is not None else ' '.join(_PREPARING_CODE)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _encode(value: Any) -> Any:
    if isinstance(value, ZipEntry):
        return {
            "__zip__": [
                value.name,
                base64.b64encode(value.data).decode("ascii"),
                value.crc,
                value.size,
                value.method,
            ]
        }
    if isinstance(value, tuple):
        return {"__tuple__": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "__zip__" in value:
            name, data, crc, size, method = value["__zip__"]
            return ZipEntry(name, base64.b64decode(data), int(crc), int(size), int(method))
        if "__tuple__" in value:
            return tuple(_decode(v) for v in value["__tuple__"])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _to_json(prepared: Prepared) -> str:
    return json.dumps(
        {f.name: _encode(getattr(prepared, f.name)) for f in dataclasses.fields(Prepared)},
        ensure_ascii=False,
    )


def _from_json(text: str) -> Prepared | None:
    """The prepared pieces from a cached copy; None when it is not one this code wrote."""
    try:
        raw = json.loads(text)
        if not isinstance(raw, dict) or set(raw) != {f.name for f in dataclasses.fields(Prepared)}:
            return None
        prepared = Prepared(**{name: _decode(value) for name, value in raw.items()})
        # pairs of (name, value) are lists in JSON
        prepared.custom_xml_props = [(str(a), str(b)) for a, b in prepared.custom_xml_props]
    except (ValueError, TypeError, KeyError, binascii.Error):
        return None
    return prepared


def prepared_for(path: Path) -> Prepared:
    """The prepared pieces of the reference document at ``path``.

    Args:
        path: A ``.docx`` file.

    Raises:
        RenderError: The file cannot be read (missing, a folder, too large) or cannot be
            used as a reference document.
    """
    data = read_package_file(path, error=RenderError, limit=MAX_REFERENCE_BYTES)
    key = hashlib.sha256(data).hexdigest()[:24]
    cached = default_cache_dir() / "references" / f"{key}-{_code_digest()}.json"
    try:
        found = _from_json(cached.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        found = None
    if found is not None:
        return found
    # deferred: python-docx and lxml load only when a reference is prepared (start-up time)
    from draftkit.render.reference import prepare

    prepared = prepare(path, data)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(cached, _to_json(prepared), force=True)
    except (OSError, DraftkitError):
        pass  # a copy that cannot be kept only costs the next start its speed
    return prepared
