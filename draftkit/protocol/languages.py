"""Forms of address in other languages (``draftkit/data/protocol-languages.yaml``).

``protocol.yaml`` holds one row per office in English. The languages file gives the same
offices in French, Spanish and Arabic; each entry becomes a full :class:`OfficeRow` (the
office's key, label and jurisdiction from the English row, the forms from the entry or
from the French-language ``francophone-*`` row it names with ``like:``), validated like
the English rows, with a citation for every form. :func:`address_forms` takes
``language=`` and uses these rows.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from draftkit.empty import empty_dict
from draftkit.errors import ProtocolError
from draftkit.protocol.rows import Gender, Gendered, OfficeRow, Source
from draftkit.protocol.table import (
    _first_error,
    _load_yaml,
    _raw,
    _raw_rows,
    _validated_row,
    get_office,
)

__all__ = [
    "LANGUAGES_FILE",
    "LanguageRow",
    "has_forms",
    "language_office",
    "language_offices",
    "language_sources",
]

LANGUAGES_FILE = "protocol-languages.yaml"
"""Name of the package data file (under ``draftkit/data``) with the forms in other languages."""

_ENGLISH = ("en", None, "")
# fields an entry may give besides the row fields it shares with protocol.yaml
_ENTRY_ONLY = ("office", "language", "like", "gender_params")
_BASE_FIELDS = ("key", "label", "jurisdiction", "country", "organization")


class LanguageRow(BaseModel):
    """An office's forms in one language.

    Attributes:
        row: The forms, as a row of the table (its key is the office's key).
        language: The language code (``fr``, ``es``, ``ar``).
        like: The row of ``protocol.yaml`` the forms were taken from, if any.
        gender_params: Template parameters whose value follows the addressee's gender.
    """

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    row: OfficeRow
    language: str
    like: str | None = None
    gender_params: dict[str, Gendered] = Field(default_factory=empty_dict)

    def params_for(self, gender: Gender | None) -> dict[str, str]:
        """The gender-dependent parameters for ``gender`` (those with no form left out)."""
        out: dict[str, str] = {}
        for name, value in self.gender_params.items():
            picked = value.pick(gender)
            if picked:
                out[name] = picked
        return out


class _Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int
    sources: dict[str, dict[str, Any]] = Field(default_factory=empty_dict)
    forms: list[dict[str, Any]]


def _split_cite(cite: Any) -> dict[str, Any]:
    """``{"a, b": x}`` -> ``{"a": x, "b": x}`` (so an entry can replace one field's cite)."""
    out: dict[str, Any] = {}
    if isinstance(cite, Mapping):
        for key, value in cite.items():
            for name in str(key).split(","):
                out[name.strip()] = value
    return out


def _entry_row(
    entry: dict[str, Any], where: str, english: Mapping[str, dict[str, Any]]
) -> tuple[dict[str, Any], str | None]:
    """The plain-data row of an entry, merged with its English office and ``like`` row."""
    office = entry.get("office")
    base = english.get(office) if isinstance(office, str) else None
    if base is None:
        raise ProtocolError(
            f"{where}: unknown office {office!r}",
            path=LANGUAGES_FILE,
            hint="name an office key of protocol.yaml (draftkit address --list)",
        )
    like = entry.get("like")
    source_row: dict[str, Any] = {}
    if like is not None:
        found = english.get(like) if isinstance(like, str) else None
        if found is None:
            raise ProtocolError(
                f"{where}: like: unknown office {like!r}",
                path=LANGUAGES_FILE,
                hint="name a row of protocol.yaml written in the entry's language",
            )
        source_row = {k: v for k, v in found.items() if k not in _BASE_FIELDS}
    own = {k: v for k, v in entry.items() if k not in _ENTRY_ONLY}
    cite = _split_cite(source_row.get("cite"))
    cite.update(_split_cite(own.pop("cite", None)))
    merged: dict[str, Any] = {**source_row, **own}
    for field in _BASE_FIELDS:
        if field in base:
            merged[field] = base[field]
    if "address_lines" not in merged and base.get("address_lines"):
        merged["address_lines"] = base["address_lines"]
        base_cite = _split_cite(base.get("cite"))
        if "address_lines" in base_cite:
            cite["address_lines"] = base_cite["address_lines"]
    merged["defaults"] = {
        **(base.get("defaults") or {}),
        **(source_row.get("defaults") or {}),
        **(own.get("defaults") or {}),
    }
    # the English row's variants (acting, former, common) do not carry over
    for group in ("acting", "former", "common"):
        if group not in own and group not in source_row:
            merged.pop(group, None)
    merged["cite"] = cite
    return merged, like if isinstance(like, str) else None


@functools.cache
def _load() -> tuple[dict[str, Source], dict[tuple[str, str], LanguageRow]]:
    """The languages file, validated whole: sources and rows by (office, language)."""
    resource = resources.files("draftkit").joinpath("data").joinpath(LANGUAGES_FILE)
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProtocolError(
            f"cannot read the forms of address in other languages: {exc}",
            path=LANGUAGES_FILE,
            hint="reinstall draftkit: the package data file is missing",
        ) from exc
    try:
        doc = _Document.model_validate(_load_yaml(text, source=LANGUAGES_FILE))
    except ValidationError as exc:
        raise ProtocolError(
            f"not a forms-of-address languages file: {_first_error(exc)}",
            path=LANGUAGES_FILE,
            hint="the file needs `version: 1`, a mapping of `sources` and a list of `forms`",
        ) from exc
    english_data, _ = _raw()
    known: dict[str, Any] = dict(english_data.get("sources") or {})
    own_sources: dict[str, Source] = {}
    for ref_id, raw in doc.sources.items():
        try:
            own_sources[ref_id] = Source.model_validate({**raw, "id": ref_id})
        except ValidationError as exc:
            raise ProtocolError(
                f"source {ref_id!r}: {_first_error(exc)}",
                path=LANGUAGES_FILE,
                hint="each source needs a title (and, where it was read, a url)",
            ) from exc
        known[ref_id] = raw
    english = _raw_rows()
    rows: dict[tuple[str, str], LanguageRow] = {}
    for index, entry in enumerate(doc.forms, start=1):
        office = entry.get("office")
        language = entry.get("language")
        where = f"entry {index} ({office} in {language})"
        if language not in ("fr", "es", "ar"):
            raise ProtocolError(
                f"{where}: language must be fr, es or ar",
                path=LANGUAGES_FILE,
                hint="English forms live in protocol.yaml",
            )
        merged, like = _entry_row(entry, where, english)
        row = _validated_row(merged, where, LANGUAGES_FILE, known)
        try:
            gendered = {
                str(k): Gendered.model_validate(v)
                for k, v in (entry.get("gender_params") or {}).items()
            }
        except ValidationError as exc:
            raise ProtocolError(
                f"{where}: gender_params: {_first_error(exc)}",
                path=LANGUAGES_FILE,
                hint="give each parameter a {male, female, neutral} mapping",
            ) from exc
        key = (row.key, str(language))
        if key in rows:
            raise ProtocolError(
                f"{where}: the office already has forms in this language",
                path=LANGUAGES_FILE,
                hint="keep one entry per office and language",
            )
        rows[key] = LanguageRow(row=row, language=str(language), like=like, gender_params=gendered)
    return own_sources, rows


def language_sources() -> dict[str, Source]:
    """The references the languages file adds to those of ``protocol.yaml``, by id."""
    return dict(_load()[0])


def language_offices(language: str | None = None) -> list[LanguageRow]:
    """Every office with forms in another language (in file order), or in ``language``."""
    return [r for (_, lang), r in _load()[1].items() if language in (None, lang)]


def language_office(office: str, language: str) -> LanguageRow:
    """An office's forms in ``language``.

    Raises:
        ProtocolError: The office is unknown, or has no forms in that language (the hint
            names the offices that have).
    """
    found = _load()[1].get((office, language))
    if found is not None:
        return found
    get_office(office)  # an unknown office says so first
    have = sorted(o for (o, lang) in _load()[1] if lang == language)
    raise ProtocolError(
        f"office {office!r} has no forms in {language!r} yet",
        hint=(
            f"offices with {language} forms: {', '.join(have)}; or write the salutation, "
            "the address and the close in the spec"
        ),
    )


def has_forms(office: str, language: str) -> bool:
    """Whether ``office`` has forms in ``language`` (an unknown office has none)."""
    return (office, language) in _load()[1]


def is_english(language: str | None) -> bool:
    """True when ``language`` asks for the English table (``en`` or none)."""
    return language in _ENGLISH
