"""Forms of address: which honorific, address block, salutation and close an office takes.

The rules are data. ``draftkit/data/protocol.yaml`` holds one row per office; every form
in a row says where it comes from (a protocol reference with its page or section, or a
house convention with the reason). This module loads and validates that table once, then
turns an office key and a person into the forms a letter needs::

    >>> forms = address_forms("us-secretary-of-state", "Antony J. Blinken")
    >>> forms.salutation
    'Dear Secretary Blinken'
    >>> address_forms("us-secretary-of-state", "Antony J. Blinken",
    ...               gender="male", style="formal").salutation
    'Dear Mr. Secretary'

Two styles: ``formal`` is the references' first choice (for the highest offices the
address names the office, not the person: "The President"); ``common`` is what most
advocacy letters write ("Dear President Biden"). Salutations carry no trailing
punctuation; :func:`default_punctuation` says what a letter for a given audience adds.
Gender is never guessed: without it the row's neutral form is used. See
``docs/protocol.md`` for the format and ``docs/protocol-offices.md`` for the offices.
"""

from __future__ import annotations

import difflib
import functools
import re
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal, get_args

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from draftkit.errors import ProtocolError
from draftkit.names import split_leading_title, strip_degrees, surname_of

__all__ = [
    "AddressForms",
    "Alternative",
    "Citation",
    "Gendered",
    "OfficeRow",
    "OfficeVariant",
    "Source",
    "StyleForms",
    "address_forms",
    "combined_salutation",
    "default_punctuation",
    "describe_basis",
    "forms_report",
    "get_office",
    "iter_forms",
    "offices",
    "sources",
]

Gender = Literal["female", "male"]
Status = Literal["current", "acting", "former"]
Style = Literal["formal", "common"]

TABLE_FILE = "protocol.yaml"
"""Name of the package data file (under ``draftkit/data``) that holds the table."""

_LIST_HINT = "run `draftkit address --list` to see the office keys"

_EXCELLENCY_HONORIFICS = frozenset({"His Excellency", "Her Excellency", "H.E."})

Jurisdiction = Literal[
    "us",
    "gb",
    "ca",
    "au",
    "holy-see",
    "un",
    "eu",
    "intl",
    "foreign",
    "commonwealth",
    "francophone",
    "religious",
    "academic",
    "private",
]

JURISDICTIONS: tuple[str, ...] = get_args(Jurisdiction)
"""The families of offices (``jurisdiction`` of a row)."""

CONVENTION = "convention"
"""The word that marks a form as a house convention rather than a sourced form."""

_CITE_SEPARATOR = "§"

# Fields of a row that hold a form (and so need a citation), in display order.
_FORM_FIELDS = (
    "honorific",
    "name_line",
    "office_lines",
    "title_lines",
    "address_lines",
    "salutation_formal",
    "salutation_common",
    "complimentary_close_formal",
    "complimentary_close",
)
_STYLE_FIELDS = ("honorific", "name_line", "title_lines", "address_lines")
_GROUPS = ("common", "acting", "former")


# --------------------------------------------------------------------------- table models


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Gendered(_Frozen):
    """A text that may differ by the addressee's gender.

    In the YAML a plain string means "the same for everyone". ``neutral`` is what is used
    when the gender is not given; ``male`` and ``female`` default to it.

    Attributes:
        neutral: The form used without a gender (``None`` = nothing, e.g. no honorific).
        male: The form for a man.
        female: The form for a woman.
    """

    neutral: str | None
    male: str | None = None
    female: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"neutral": data}
        return data

    def pick(self, gender: Gender | None) -> str | None:
        """Return the form for ``gender``, falling back to the neutral form.

        Args:
            gender: ``"female"``, ``"male"`` or ``None`` (unknown: use the neutral form).

        Returns:
            The chosen text, or ``None`` when the row gives nothing for it.
        """
        if gender == "male" and self.male is not None:
            return self.male
        if gender == "female" and self.female is not None:
            return self.female
        return self.neutral

    def texts(self) -> list[str]:
        """All non-empty texts of this value (neutral, male, female)."""
        return [t for t in (self.neutral, self.male, self.female) if t]


# A title or address line: a template, or alternatives (first fully-parameterised one wins).
Line = str | list[str]


class Source(_Frozen):
    """A protocol reference the table cites.

    Attributes:
        id: Short id used in citations (``hickey``).
        title: Author and title of the work.
        publisher: Who publishes it.
        edition: Edition, revision or date of the copy that was read.
        url: Where it was read (the page or the document).
        note: Anything a reader needs to know about the copy (an archived page, a mirror).
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
    title: str = Field(min_length=3)
    publisher: str | None = None
    edition: str | None = None
    url: str | None = None
    note: str | None = None


class Citation(_Frozen):
    """Where one form of a row comes from.

    In the YAML a citation is one line: ``<source id> § <page, section or URL path>`` or
    ``convention § <why the house uses this form>``.

    Attributes:
        source: The source id, or ``None`` for a house convention.
        where: The page, section or URL of the source; for a convention, the reason.
    """

    source: str | None
    where: str = Field(min_length=3)

    @property
    def convention(self) -> bool:
        """True when the form is a house convention, not taken from a reference."""
        return self.source is None

    @classmethod
    def parse(cls, text: str) -> Citation:
        """Parse ``"id § where"`` (or ``"convention § why"``).

        Raises:
            ValueError: The separator or either part is missing.
        """
        head, sep, tail = text.partition(_CITE_SEPARATOR)
        head, tail = head.strip(), " ".join(tail.split())
        if not sep or not head or not tail:
            raise ValueError(
                f"citation {text!r} must read 'source-id § page or section' "
                "or 'convention § reason'"
            )
        return cls(source=None if head == CONVENTION else head, where=tail)

    def text(self) -> str:
        """The citation as written in the table."""
        return f"{self.source or CONVENTION} {_CITE_SEPARATOR} {self.where}"


def _citations(value: Any) -> list[Citation]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise ValueError("a citation is a line or a list of lines")
    out: list[Citation] = []
    for item in items:
        if isinstance(item, Citation):
            out.append(item)
        elif isinstance(item, str):
            out.append(Citation.parse(item))
        else:
            raise ValueError(f"citation {item!r} is not a line of text")
    return out


class Alternative(_Frozen):
    """A form another reference (or common usage) gives, offered beside the table's own.

    Attributes:
        field: The field it replaces (``salutation_formal``, ``honorific`` ...).
        form: The alternative form (a string or a ``{male, female, neutral}`` mapping).
        cite: Where it comes from.
        note: Why the table prefers its own form.
    """

    field: str
    form: Gendered
    cite: list[Citation]
    note: str = Field(min_length=3)

    @field_validator("cite", mode="before")
    @classmethod
    def _parse_cite(cls, value: Any) -> list[Citation]:
        return _citations(value)

    @field_validator("field")
    @classmethod
    def _known_field(cls, value: str) -> str:
        if value not in _FORM_FIELDS:
            raise ValueError(f"unknown field {value!r} (one of: {', '.join(_FORM_FIELDS)})")
        return value


class StyleForms(_Frozen):
    """The address block of the common style, where it differs from the formal one.

    Attributes:
        honorific: Replacement honorific.
        name_line: Replacement template for the first line.
        title_lines: Replacement title lines.
        address_lines: Replacement postal lines.
    """

    honorific: Gendered | None = None
    name_line: Line | None = None
    title_lines: list[Line] | None = None
    address_lines: list[Line] | None = None


class OfficeVariant(_Frozen):
    """What changes for an acting or a former holder; unset fields keep the current form.

    Attributes:
        honorific: Replacement honorific.
        name_line: Replacement template for the first line.
        office_lines: Replacement formal office lines (``[]`` = the name is used).
        title_lines: Replacement title lines (``[]`` = none).
        address_lines: Replacement default address lines.
        salutation_formal: Replacement protocol salutation.
        salutation_common: Replacement name-based salutation.
        complimentary_close: Replacement close (common style).
        complimentary_close_formal: Replacement close (formal style).
    """

    honorific: Gendered | None = None
    name_line: Line | None = None
    office_lines: list[Line] | None = None
    title_lines: list[Line] | None = None
    address_lines: list[Line] | None = None
    salutation_formal: Gendered | None = None
    salutation_common: Gendered | None = None
    complimentary_close: Gendered | None = None
    complimentary_close_formal: Gendered | None = None


class OfficeRow(_Frozen):
    """One office of the forms-of-address table.

    Attributes:
        key: Stable id used in specs (``us-senator``).
        label: Human name of the office.
        jurisdiction: The family of the office (``us``, ``gb``, ``un``, ``religious`` ...).
        country: ISO 3166 two-letter code of the state whose office it is, or ``None``.
        organization: Short name of the international organization (``UN``, ``EU``,
            ``AU``, ``OSCE``, ``CoE``, ``ICC``, ``OAS`` ...), or ``None``.
        honorific: Written before the name ("The Honorable"); ``None`` = none.
        name_line: Template of the first line when it is not "{honorific} {name}"
            ("{honorific} {name} MP", "{rank} {name}, {service}"); may be alternatives.
        office_lines: Formal style only: lines that replace the name and title lines,
            for offices addressed by the office alone ("The President").
        title_lines: Lines under the name; templates with ``{placeholders}``. A list entry
            holds alternatives: the first whose placeholders are all given is used, and
            the line is left out when none is.
        address_lines: Default postal lines (same template rules).
        salutation_formal: The references' salutation ("Dear Mr. Secretary").
        salutation_common: The name-based salutation most letters use.
        courtesy_title: The word before the surname in the common salutation ("Senator").
        courtesy_title_plural: Its plural, used to join three or more ("Senators").
        complimentary_close: Close line for the common style.
        complimentary_close_formal: Close line for the formal style (``None`` = same).
        common: Block forms of the common style where they differ from the formal one.
        acting: Forms for an acting holder (``None`` = the office has no acting form).
        former: Forms for a former holder (``None`` = no former form).
        defaults: Values of template parameters when the caller gives none.
        cite: Where each form comes from: field name (or several, comma-separated, or a
            group such as ``former``) to citations.
        alternatives: Forms other references give, offered beside the row's own.
        notes: Guidance for drafters.
    """

    key: str = Field(pattern=r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
    label: str = Field(min_length=1)
    jurisdiction: Jurisdiction
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    organization: str | None = Field(default=None, pattern=r"^[A-Z][A-Za-z]{1,15}$")
    honorific: Gendered | None = None
    name_line: Line | None = None
    office_lines: list[Line] | None = None
    title_lines: list[Line] = Field(default_factory=list)
    address_lines: list[Line] = Field(default_factory=list)
    salutation_formal: Gendered
    salutation_common: Gendered
    courtesy_title: str | None = None
    courtesy_title_plural: str | None = None
    complimentary_close: Gendered
    complimentary_close_formal: Gendered | None = None
    common: StyleForms | None = None
    acting: OfficeVariant | None = None
    former: OfficeVariant | None = None
    defaults: dict[str, str] = Field(default_factory=dict)
    cite: dict[str, list[Citation]]
    alternatives: list[Alternative] = Field(default_factory=list)
    notes: str = ""

    @field_validator("cite", mode="before")
    @classmethod
    def _parse_cite(cls, value: Any) -> dict[str, list[Citation]]:
        if not isinstance(value, dict) or not value:
            raise ValueError("give a citation for every form (field: 'source § where')")
        out: dict[str, list[Citation]] = {}
        for key, cites in value.items():
            for name in str(key).split(","):
                name = name.strip()
                if name in out:
                    raise ValueError(f"{name!r} is cited twice")
                out[name] = _citations(cites)
        return out

    @field_validator("title_lines", "address_lines", "office_lines")
    @classmethod
    def _no_empty_alternatives(cls, lines: list[Line] | None) -> list[Line] | None:
        for line in lines or []:
            if isinstance(line, list) and not line:
                raise ValueError("an alternatives entry needs at least one line")
        return lines

    @model_validator(mode="after")
    def _check(self) -> OfficeRow:
        for where, gendered in self._salutations():
            if not gendered.neutral:
                raise ValueError(f"{where}: a neutral form is required")
            for text in gendered.texts():
                if text.rstrip() != text or text[-1] in ",:;.":
                    raise ValueError(
                        f"{where}: {text!r} must not end in punctuation or space"
                        " (the letter adds ':' or ',')"
                    )
        for where, text in self._templates():
            try:
                list(string.Formatter().parse(text))
            except ValueError as exc:
                raise ValueError(f"{where}: bad template {text!r}: {exc}") from None
        self._check_cites()
        return self

    def _check_cites(self) -> None:
        known = set(_FORM_FIELDS) | set(_GROUPS)
        known |= {f"{g}.{f}" for g in _GROUPS for f in _FORM_FIELDS}
        for name in self.cite:
            if name not in known:
                raise ValueError(f"cite: unknown field {name!r}")
        for name in self.cited_fields():
            if not self.citations(name):
                raise ValueError(
                    f"cite: no citation for {name!r} (write 'source-id § where' or "
                    "'convention § why')"
                )

    def _salutations(self) -> list[tuple[str, Gendered]]:
        found = [("salutation_formal", self.salutation_formal)]
        found.append(("salutation_common", self.salutation_common))
        for status, variant in (("acting", self.acting), ("former", self.former)):
            if variant is None:
                continue
            for name in ("salutation_formal", "salutation_common"):
                value = getattr(variant, name)
                if value is not None:
                    found.append((f"{status}.{name}", value))
        found += [
            (f"alternatives.{alt.field}", alt.form)
            for alt in self.alternatives
            if alt.field.startswith("salutation")
        ]
        return found

    def _templates(self) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []

        def add(where: str, value: Gendered | list[Line] | str | None) -> None:
            if value is None:
                return
            if isinstance(value, Gendered):
                found.extend((where, text) for text in value.texts())
            elif isinstance(value, str):
                found.append((where, value))
            else:
                for line in value:
                    found.extend((where, t) for t in ([line] if isinstance(line, str) else line))

        holders: list[tuple[str, BaseModel | None]] = [
            ("", self),
            ("common.", self.common),
            ("acting.", self.acting),
            ("former.", self.former),
        ]
        for prefix, holder in holders:
            if holder is None:
                continue
            for name in _FORM_FIELDS:
                add(prefix + name, getattr(holder, name, None))
        for alt in self.alternatives:
            add(f"alternatives.{alt.field}", alt.form)
        return found

    # -- citations ---------------------------------------------------------------------

    def cited_fields(self) -> list[str]:
        """The forms this row sets, each of which needs a citation.

        ``honorific``, both salutations and the common close are always forms (a row
        without an honorific says the office takes none); the others count when set.
        Forms of the common style, of acting and of former holders are named
        ``common.title_lines``, ``former.salutation_formal`` and so on.
        """
        names = ["honorific"]
        for name in ("name_line", "office_lines", "title_lines", "address_lines"):
            if getattr(self, name):
                names.append(name)
        names += ["salutation_formal", "salutation_common"]
        if self.complimentary_close_formal is not None:
            names.append("complimentary_close_formal")
        names.append("complimentary_close")
        for group in _GROUPS:
            holder = getattr(self, group)
            if holder is None:
                continue
            names += [
                f"{group}.{name}"
                for name in _FORM_FIELDS
                if name in type(holder).model_fields and getattr(holder, name) is not None
            ]
        return names

    def citations(self, field: str) -> list[Citation]:
        """The citations for one form (``former.salutation_formal`` falls back to ``former``).

        Args:
            field: A name from :meth:`cited_fields`.

        Returns:
            The citations, or ``[]`` when the row gives none.
        """
        if field in self.cite:
            return list(self.cite[field])
        group = field.split(".", 1)[0]
        if "." in field and group in self.cite:
            return list(self.cite[group])
        return []

    def basis(self) -> dict[str, list[Citation]]:
        """Every form of the row with its citations, in :meth:`cited_fields` order."""
        return {name: self.citations(name) for name in self.cited_fields()}

    def sourced(self, field: str) -> bool:
        """True when at least one citation of ``field`` is a reference, not a convention."""
        return any(not c.convention for c in self.citations(field))

    def source_ids(self) -> list[str]:
        """The ids of the references this row cites, in first-cited order."""
        seen: list[str] = []
        for cites in self.cite.values():
            for cite in cites:
                if cite.source and cite.source not in seen:
                    seen.append(cite.source)
        for alt in self.alternatives:
            for cite in alt.cite:
                if cite.source and cite.source not in seen:
                    seen.append(cite.source)
        return seen

    @property
    def source(self) -> str:
        """The references this row follows, as one line (titles of the cited works)."""
        table = _sources_or_empty()
        titles = [table[i].title if i in table else i for i in self.source_ids()]
        return "; ".join(titles) if titles else "house conventions (see cite)"


class _Table(_Frozen):
    version: Literal[2]
    sources: dict[str, dict[str, Any]]
    offices: list[dict[str, Any]]


# --------------------------------------------------------------------------- result model


class AddressForms(_Frozen):
    """The forms of address for one person in one office, ready for a letter.

    Attributes:
        office: The office key.
        status: ``current``, ``acting`` or ``former``.
        style: The style of ``block``, ``salutation`` and ``complimentary_close``.
        honorific: Written before the name ("The Honorable", "Her Excellency") or
            ``None``; what compose puts in an addressee's ``honorific``.
        name: The name as it appears in the address (courtesy titles such as "Dr." removed).
        surname: The surname used in salutations.
        named_line: The first line naming the person ("The Honorable Jane Roe",
            "Jane Roe MP", "General Jane Roe, USA").
        title_lines: Lines under the name.
        address_lines: Postal address lines.
        block: The whole inside-address block in ``style``: for offices addressed by the
            office alone the formal block starts with the office ("The President").
        salutation: The salutation in ``style``, without punctuation.
        salutation_formal: The references' salutation ("Dear Mr. Secretary").
        salutation_common: The name-based salutation ("Dear Secretary Blinken").
        complimentary_close: The close line for ``style`` ("Sincerely,").
        complimentary_close_formal: The close of the formal style.
        complimentary_close_common: The close of the common style.
        accepted_salutations: Every salutation the table accepts for this person (both
            styles and the alternatives), for checking a letter.
        accepted_honorifics: Every honorific the table accepts (``None`` = no honorific).
        source: The references the row follows.
        missing_params: Template parameters that were not given, so lines were left out.
    """

    office: str
    status: Status = "current"
    style: Style = "common"
    honorific: str | None
    name: str
    surname: str
    named_line: str
    title_lines: list[str]
    address_lines: list[str]
    block: list[str]
    salutation: str
    salutation_formal: str
    salutation_common: str
    complimentary_close: str
    complimentary_close_formal: str
    complimentary_close_common: str
    accepted_salutations: list[str] = Field(default_factory=list)
    accepted_honorifics: list[str | None] = Field(default_factory=list)
    source: str
    missing_params: list[str] = Field(default_factory=list)

    def name_line(self) -> str:
        """The first line of the address block naming the person."""
        return self.named_line

    def block_lines(self) -> list[str]:
        """The whole inside-address block in this style."""
        return list(self.block)

    @property
    def excellency(self) -> bool:
        """True when the addressee is styled "Excellency" (diplomatic forms)."""
        return self.honorific in _EXCELLENCY_HONORIFICS or self.salutation_formal in (
            "Excellency",
            "Your Excellency",
        )


# --------------------------------------------------------------------------- loading


def _parse_table(text: str, *, source: str = TABLE_FILE) -> tuple[OfficeRow, ...]:
    """Parse and validate the YAML text of a forms-of-address table.

    Args:
        text: The YAML document.
        source: The file name used in error messages.

    Returns:
        The validated rows, in file order.

    Raises:
        ProtocolError: The YAML is malformed, a source or a row does not fit the schema
            (the message names it), a row cites an unknown source, or two rows share a
            key.
    """
    return _parse_document(text, source=source)[1]


_TABLE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_document(
    text: str, *, source: str = TABLE_FILE
) -> tuple[dict[str, Source], tuple[OfficeRow, ...]]:
    try:
        # the table is package data, not user input: libyaml reads it whole (six times
        # faster than the capped, line-tracking reader that specs go through)
        data = yaml.load(text, Loader=_TABLE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ProtocolError(
            f"invalid YAML: {getattr(exc, 'problem', None) or exc}",
            path=source,
            line=line,
            hint="fix the syntax of the forms-of-address table",
        ) from exc
    try:
        table = _Table.model_validate(data)
    except ValidationError as exc:
        raise ProtocolError(
            f"not a forms-of-address table: {_first_error(exc)}",
            path=source,
            hint="the file needs `version: 2`, a mapping of `sources` and a list of `offices`",
        ) from exc
    refs: dict[str, Source] = {}
    for ref_id, raw in table.sources.items():
        try:
            refs[ref_id] = Source.model_validate({**raw, "id": ref_id})
        except (ValidationError, TypeError) as exc:
            message = _first_error(exc) if isinstance(exc, ValidationError) else str(exc)
            raise ProtocolError(
                f"source {ref_id!r}: {message}",
                path=source,
                hint="each source needs a title (and, where it was read, a url)",
            ) from exc
    rows: list[OfficeRow] = []
    seen: set[str] = set()
    for index, raw in enumerate(table.offices, start=1):
        key = raw.get("key")
        label = f"row {key!r}" if isinstance(key, str) and key else f"row {index}"
        try:
            row = OfficeRow.model_validate(raw)
        except ValidationError as exc:
            raise ProtocolError(
                f"{label}: {_first_error(exc)}",
                path=source,
                hint="fix that row of the forms-of-address table",
            ) from exc
        if row.key in seen:
            raise ProtocolError(
                f"{label}: duplicate office key",
                path=source,
                hint="each office key must be unique",
            )
        unknown = [ref for ref in row.source_ids() if ref not in refs]
        if unknown:
            raise ProtocolError(
                f"{label}: cites unknown source {unknown[0]!r}",
                path=source,
                hint="add it under `sources:` at the top of the table, or fix the id",
            )
        seen.add(row.key)
        rows.append(row)
    return refs, tuple(rows)


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    loc = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{loc}: {message}" if loc else message


@functools.cache
def _document() -> tuple[dict[str, Source], tuple[OfficeRow, ...]]:
    package = __package__ or "draftkit"
    resource = resources.files(package).joinpath("data").joinpath(TABLE_FILE)
    try:
        text = resource.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProtocolError(
            f"cannot read the forms-of-address table: {exc}",
            path=TABLE_FILE,
            hint="reinstall draftkit: the package data file is missing",
        ) from exc
    return _parse_document(text, source=f"draftkit/data/{TABLE_FILE}")


def _table() -> tuple[OfficeRow, ...]:
    return _document()[1]


def _sources_or_empty() -> dict[str, Source]:
    try:
        return _document()[0]
    except ProtocolError:
        return {}


@functools.cache
def _index() -> dict[str, OfficeRow]:
    return {row.key: row for row in _table()}


def offices(*, country: str | None = None, organization: str | None = None) -> list[OfficeRow]:
    """The offices of the forms-of-address table, in table order.

    The table is read from package data and validated once; later calls reuse it.

    Args:
        country: Only offices of this state (ISO 3166 code such as ``GB``; any case).
        organization: Only offices of this organization (``UN``, ``EU`` ...; any case).

    Returns:
        A new list of the (immutable) rows.

    Raises:
        ProtocolError: The bundled table is missing or malformed.
    """
    rows = list(_table())
    if country is not None:
        rows = [r for r in rows if (r.country or "").lower() == country.strip().lower()]
    if organization is not None:
        wanted = organization.strip().lower()
        rows = [r for r in rows if (r.organization or "").lower() == wanted]
    return rows


def sources() -> dict[str, Source]:
    """The references the table cites, by id.

    Raises:
        ProtocolError: The bundled table is missing or malformed.
    """
    return dict(_document()[0])


def get_office(key: str) -> OfficeRow:
    """Look up one office by key.

    Args:
        key: An office key such as ``us-senator``.

    Returns:
        The office's row.

    Raises:
        ProtocolError: The key is unknown; the hint suggests the nearest key.
    """
    index = _index()
    row = index.get(key)
    if row is not None:
        return row
    close = difflib.get_close_matches(key, list(index), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? {_LIST_HINT}" if close else _LIST_HINT
    raise ProtocolError(f"unknown office {key!r}", hint=hint)


# --------------------------------------------------------------------------- rendering


def _fields(template: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(template) if field]


def _fill(template: str, values: Mapping[str, str]) -> str | None:
    """Fill a template; ``None`` when one of its placeholders has no value."""
    if any(field not in values for field in _fields(template)):
        return None
    return " ".join(template.format_map(dict(values)).split())


def _fill_lines(lines: Sequence[Line], values: Mapping[str, str], missing: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        alternatives = [line] if isinstance(line, str) else line
        for alternative in alternatives:
            filled = _fill(alternative, values)
            if filled is not None:
                out.append(filled)
                break
        else:
            for alternative in alternatives:
                missing.extend(f for f in _fields(alternative) if f not in values)
    return out


def _fill_required(text: str, values: Mapping[str, str], office: str, what: str) -> str:
    filled = _fill(text, values)
    if filled is None:
        needed = [f for f in _fields(text) if f not in values]
        raise ProtocolError(
            f"office {office!r}: the {what} needs the parameter {needed[0]!r}",
            hint=f"pass it, e.g. `--param {needed[0]}=...` or params={{'{needed[0]}': ...}}",
        )
    return filled


_PLAIN_HONORIFICS = (None, "Mr.", "Ms.", "Mrs.", "Mr", "Ms", "Mrs")


@dataclass(frozen=True)
class _Block:
    honorific: str | None
    named_line: str
    title_lines: list[str]
    address_lines: list[str]
    block: list[str]
    missing: list[str]


def _pick_value(row: OfficeRow, variant: OfficeVariant | None, style: Style, field: str) -> Any:
    """A form for ``style``: the variant's, else the common style's, else the row's."""
    if variant is not None and getattr(variant, field, None) is not None:
        return getattr(variant, field)
    if style == "common" and row.common is not None:
        value = getattr(row.common, field, None)
        if value is not None:
            return value
    return getattr(row, field)


def _build_block(
    row: OfficeRow,
    variant: OfficeVariant | None,
    style: Style,
    *,
    gender: Gender | None,
    academic: str | None,
    name: str,
    values: dict[str, str],
    address_override: Sequence[str] | None,
) -> _Block:
    values = dict(values)
    honorific_value: Gendered | None = _pick_value(row, variant, style, "honorific")
    honorific = honorific_value.pick(gender) if honorific_value is not None else None
    if academic and honorific in _PLAIN_HONORIFICS:
        honorific = academic
    if honorific == "Dr.":
        name = strip_degrees(name)
        values["name"] = name
    if honorific is not None:
        honorific = _fill_required(honorific, values, row.key, "honorific")
    values["honorific"] = honorific or ""
    missing: list[str] = []
    template: Line | None = _pick_value(row, variant, style, "name_line")
    default = "{honorific} {name}" if honorific else "{name}"
    named = _fill_lines([template if template is not None else default], values, missing)
    named_line = named[0] if named else _fill(default, values) or name
    titles = _fill_lines(_pick_value(row, variant, style, "title_lines"), values, missing)
    if address_override is not None:
        address = [line for line in address_override if line.strip()]
    else:
        address = _fill_lines(_pick_value(row, variant, style, "address_lines"), values, missing)
    office_lines: list[Line] | None = None
    if style == "formal":
        if variant is not None and variant.office_lines is not None:
            office_lines = variant.office_lines
        else:
            office_lines = row.office_lines
    office = _fill_lines(office_lines or [], values, missing)
    # no office lines, or their parameters are missing: name the person
    block = [*office, *address] if office else [named_line, *titles, *address]
    at = named_line.find(name)
    if at > 0:
        compose_honorific: str | None = named_line[:at].strip() or None
    elif at == 0:
        compose_honorific = None
    else:
        compose_honorific = honorific
    return _Block(
        honorific=compose_honorific,
        named_line=named_line,
        title_lines=titles,
        address_lines=address,
        block=block,
        missing=missing,
    )


def _close(row: OfficeRow, variant: OfficeVariant | None, style: Style) -> Gendered:
    if style == "formal":
        if variant is not None and variant.complimentary_close_formal is not None:
            return variant.complimentary_close_formal
        if variant is not None and variant.complimentary_close is not None:
            return variant.complimentary_close
        return row.complimentary_close_formal or row.complimentary_close
    if variant is not None and variant.complimentary_close is not None:
        return variant.complimentary_close
    return row.complimentary_close


def address_forms(
    office: str,
    name: str,
    *,
    gender: Gender | None = None,
    status: Status = "current",
    style: Style = "common",
    surname: str | None = None,
    params: Mapping[str, str] | None = None,
    address_lines: Sequence[str] | None = None,
) -> AddressForms:
    """Derive the forms of address for a person holding an office.

    Missing template parameters never crash: a title or address line that needs a
    parameter the caller did not give is left out (and listed in ``missing_params``). A
    salutation, honorific or close that needs one raises instead, since leaving it out
    would leave the letter without it.

    Args:
        office: An office key (``us-senator``); see :func:`offices`.
        name: The person's name as written ("Antony J. Blinken"). Courtesy titles at the
            front are removed from the address name; a "Dr." or "Prof." there replaces a
            plain Mr./Ms. honorific.
        gender: ``"female"`` or ``"male"`` to pick gendered forms ("Madam Secretary");
            ``None`` uses the row's neutral form. Gender is never guessed.
        status: ``current``, ``acting`` or ``former`` holder.
        style: ``common`` ("Dear Secretary Blinken", the name in the address) or
            ``formal`` (the references' first choice: "Dear Mr. Secretary", and for the
            highest offices an address naming the office); picks the block, the
            salutation and the close.
        surname: The surname for salutations (or ``params["surname"]``); derived with
            :func:`surname_of` if omitted.
        params: Values for the row's placeholders ({state}, {department}, {country} ...).
        address_lines: Postal lines that replace the row's default address (e.g. a
            member's office from a directory).

    Returns:
        The block, both salutations and both closes, with the chosen style's picked.

    Raises:
        ProtocolError: Unknown office, empty name, an office with no acting/former form,
            or a salutation that needs a parameter that was not given.
    """
    row = get_office(office)
    academic, clean = split_leading_title(name)
    if not clean:
        raise ProtocolError(f"office {office!r}: a name is required", hint="pass the person's name")
    surname = surname or (params or {}).get("surname")
    sur = surname.strip() if surname and surname.strip() else surname_of(clean)

    variant: OfficeVariant | None = None
    if status != "current":
        variant = row.acting if status == "acting" else row.former
        if variant is None:
            raise ProtocolError(
                f"office {office!r} has no {status} form",
                hint=f"use status 'current', or write the {status} holder's lines in the spec",
            )

    values: dict[str, str] = dict(row.defaults)
    values.update({k: str(v) for k, v in (params or {}).items() if str(v).strip()})
    values["name"] = clean
    values["surname"] = sur
    given = clean[: -len(sur)].strip(" ,") if clean.endswith(" " + sur) else ""
    if given:
        values["given"] = given

    blocks = {
        each: _build_block(
            row,
            variant,
            each,
            gender=gender,
            academic=academic,
            name=clean,
            values=values,
            address_override=address_lines,
        )
        for each in ("formal", "common")
    }
    chosen = blocks[style]

    def salutation(field: str, what: str) -> str:
        value: Gendered = _pick_value(row, variant, "formal", field)
        return _fill_required(str(value.pick(gender)), values, office, what)

    formal = salutation("salutation_formal", "formal salutation")
    common = salutation("salutation_common", "common salutation")
    closes = {
        each: _fill_required(
            str(_close(row, variant, each).pick(gender)), values, office, "complimentary close"
        )
        for each in ("formal", "common")
    }

    accepted = [formal, common]
    honorifics: list[str | None] = [blocks["formal"].honorific, blocks["common"].honorific]
    if variant is None:
        for alt in row.alternatives:
            text = alt.form.pick(gender)
            filled = _fill(text, values) if text else None
            if alt.field.startswith("salutation") and filled:
                accepted.append(filled)
            elif alt.field == "honorific":
                honorifics.append(filled)
    return AddressForms(
        office=row.key,
        status=status,
        style=style,
        honorific=chosen.honorific,
        name=values["name"] if chosen.honorific != "Dr." else strip_degrees(clean),
        surname=sur,
        named_line=chosen.named_line,
        title_lines=chosen.title_lines,
        address_lines=chosen.address_lines,
        block=chosen.block,
        salutation=formal if style == "formal" else common,
        salutation_formal=formal,
        salutation_common=common,
        complimentary_close=closes[style],
        complimentary_close_formal=closes["formal"],
        complimentary_close_common=closes["common"],
        accepted_salutations=list(dict.fromkeys(accepted)),
        accepted_honorifics=list(dict.fromkeys(honorifics)),
        source=row.source,
        missing_params=sorted(set(chosen.missing)),
    )


def iter_forms(row: OfficeRow) -> Iterator[tuple[str, str]]:
    """Every ``(field, text)`` form of a row, including variants and alternatives.

    Used by tools that index the table (the checker's list of title words).
    """
    yield from row._templates()


# --------------------------------------------------------------------------- several recipients


def _join(parts: Sequence[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def combined_salutation(
    forms: Sequence[AddressForms],
    *,
    style: Style = "common",
    group: str | None = None,
) -> str:
    """One salutation for a letter with several addressees.

    Rules, in order:

    1. One addressee: that addressee's salutation in ``style``.
    2. ``group`` given: "Dear Members of the {group}" ("Dear Members of the Committee").
    3. Every addressee styled Excellency (ambassadors, heads of state ...): "Excellencies".
    4. Three or more holders of the same office whose common salutations all read
       "Dear {courtesy title} {surname}": "Dear Senators Risch, Shaheen and Cardin".
    5. Otherwise the name-based salutations are joined: "Dear Senator Risch and Senator
       Shaheen", "Dear Secretary Blinken and Administrator Power". Office-only formal
       forms ("Dear Mr. Secretary") cannot tell two people apart, so both styles join
       the name-based forms here.

    Args:
        forms: The addressees' forms, in the order they are addressed.
        style: ``common`` or ``formal`` (matters only for a single addressee).
        group: A body the addressees belong to, e.g. "Committee on Foreign Relations".

    Returns:
        The salutation, without trailing punctuation.

    Raises:
        ProtocolError: ``forms`` is empty.
    """
    if not forms:
        raise ProtocolError("no addressees to greet", hint="pass at least one addressee")
    if len(forms) == 1:
        only = forms[0]
        return only.salutation_formal if style == "formal" else only.salutation_common
    if group and group.strip():
        body = " ".join(group.split())
        if body.lower().startswith("the "):
            body = body[4:]
        return f"Dear Members of the {body}"
    if all(f.excellency for f in forms):
        return "Excellencies"
    offices_used = {f.office for f in forms}
    if len(forms) >= 3 and len(offices_used) == 1:
        row = _index().get(forms[0].office)
        if row is not None and row.courtesy_title and row.courtesy_title_plural:
            prefix = f"Dear {row.courtesy_title} "
            if all(f.salutation_common == prefix + f.surname for f in forms):
                surnames = [f.surname for f in forms]
                return f"Dear {row.courtesy_title_plural} {_join(surnames)}"
    salutations = [f.salutation_common for f in forms]
    if all(s.startswith("Dear ") for s in salutations):
        return "Dear " + _join([s.removeprefix("Dear ") for s in salutations])
    return _join(salutations)


_PUNCTUATION_RE = re.compile(r"^us(?:$|[-_ ])", re.IGNORECASE)


def default_punctuation(audience: str | None) -> str:
    """The mark that follows the salutation by default for an audience.

    US business letters put a colon after the salutation ("Dear Senator Risch:"); UN, EU
    and foreign-government correspondence uses a comma. Without an audience the comma is
    used, which is correct everywhere in less formal letters.

    Args:
        audience: A template audience such as ``us-executive``, ``us-congress``, ``un``,
            ``eu`` or ``foreign-government`` (or a jurisdiction such as ``us``).

    Returns:
        ``":"`` for US audiences, ``","`` otherwise.
    """
    if audience and _PUNCTUATION_RE.match(audience.strip()):
        return ":"
    return ","


# --------------------------------------------------------------------------- reports


def _citation_report(cite: Citation, refs: Mapping[str, Source]) -> dict[str, Any]:
    if cite.source is None:
        return {"source": None, "convention": True, "why": cite.where}
    ref = refs.get(cite.source)
    return {
        "source": cite.source,
        "convention": False,
        "title": ref.title if ref else cite.source,
        "edition": ref.edition if ref else None,
        "url": ref.url if ref else None,
        "where": cite.where,
    }


def describe_basis(row: OfficeRow) -> dict[str, dict[str, Any]]:
    """Every form of a row with its citations, ready for JSON.

    Returns:
        ``{field: {"basis": "sourced" | "convention", "citations": [...]}}`` in
        :meth:`OfficeRow.cited_fields` order; a citation is ``{"source", "title",
        "edition", "url", "where"}`` or ``{"source": None, "convention": True, "why"}``.
    """
    refs = _sources_or_empty()
    return {
        name: {
            "basis": "sourced" if row.sourced(name) else "convention",
            "citations": [_citation_report(c, refs) for c in row.citations(name)],
        }
        for name in row.cited_fields()
    }


def forms_report(
    office: str,
    name: str,
    *,
    gender: Gender | None = None,
    status: Status = "current",
    style: Style = "common",
    surname: str | None = None,
    params: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Both styles' forms for a person, the alternatives and where each form comes from.

    This is what ``draftkit address --format json`` prints.

    Args:
        office: An office key.
        name: The person's name.
        gender: ``"female"``, ``"male"`` or ``None``.
        status: ``current``, ``acting`` or ``former``.
        style: The style the letter uses (``formal`` or ``common``).
        surname: The surname for salutations (derived when omitted).
        params: Template parameters.

    Returns:
        A JSON-ready mapping: ``office``, ``label``, ``jurisdiction``, ``country``,
        ``organization``, ``status``, ``style``, ``name``, ``surname``, ``styles`` (for
        ``formal`` and ``common``: ``block``, ``salutation``, ``complimentary_close``),
        ``missing_params``, ``alternatives`` and ``basis`` (see :func:`describe_basis`).

    Raises:
        ProtocolError: As :func:`address_forms`.
    """
    row = get_office(office)
    styles: dict[str, AddressForms] = {
        each: address_forms(
            office,
            name,
            gender=gender,
            status=status,
            style=each,
            surname=surname,
            params=params,
        )
        for each in ("formal", "common")
    }
    chosen = styles[style]
    values: dict[str, str] = dict(row.defaults)
    values.update({k: str(v) for k, v in (params or {}).items() if str(v).strip()})
    values.update(name=chosen.name, surname=chosen.surname, honorific=chosen.honorific or "")
    refs = _sources_or_empty()
    alternatives = []
    for alt in row.alternatives:
        text = alt.form.pick(gender) or ""
        alternatives.append(
            {
                "field": alt.field,
                "form": _fill(text, values) or text,
                "note": alt.note,
                "citations": [_citation_report(c, refs) for c in alt.cite],
            }
        )
    return {
        "office": row.key,
        "label": row.label,
        "jurisdiction": row.jurisdiction,
        "country": row.country,
        "organization": row.organization,
        "status": status,
        "style": style,
        "name": chosen.name,
        "surname": chosen.surname,
        "honorific": chosen.honorific,
        "styles": {
            each: {
                "block": forms.block_lines(),
                "salutation": forms.salutation,
                "complimentary_close": forms.complimentary_close,
            }
            for each, forms in styles.items()
        },
        "missing_params": chosen.missing_params,
        "alternatives": alternatives,
        "basis": describe_basis(row),
    }
