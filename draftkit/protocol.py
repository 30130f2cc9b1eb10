"""Forms of address: which honorific, address block, salutation and close an office takes.

The rules are data. ``draftkit/data/protocol.yaml`` holds one row per office, each with a
public source; this module loads and validates that table once, then turns an office key
and a person into the forms a letter needs::

    >>> forms = address_forms("us-secretary-of-state", "Antony J. Blinken")
    >>> forms.salutation
    'Dear Secretary Blinken'
    >>> address_forms("us-secretary-of-state", "Antony J. Blinken",
    ...               gender="male", style="formal").salutation
    'Dear Mr. Secretary'

Salutations carry no trailing punctuation; :func:`default_punctuation` says what a letter
for a given audience adds. Gender is never guessed: without it the row's neutral form is
used. See ``docs/protocol.md`` for the table and its sources.
"""

from __future__ import annotations

import difflib
import functools
import re
import string
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from draftkit.errors import ProtocolError

__all__ = [
    "AddressForms",
    "Gendered",
    "OfficeRow",
    "OfficeVariant",
    "address_forms",
    "combined_salutation",
    "default_punctuation",
    "get_office",
    "offices",
    "surname_of",
]

Gender = Literal["female", "male"]
Status = Literal["current", "acting", "former"]
Style = Literal["formal", "common"]

TABLE_FILE = "protocol.yaml"
"""Name of the package data file (under ``draftkit/data``) that holds the table."""

_LIST_HINT = "run `draftkit address --list` to see the office keys"

# Placeholders every template may use without the caller passing them as params.
_BUILTIN_FIELDS = frozenset({"name", "surname"})

_EXCELLENCY_HONORIFICS = frozenset({"His Excellency", "Her Excellency", "H.E."})


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


class OfficeVariant(_Frozen):
    """What changes for an acting or a former holder; unset fields keep the current form.

    Attributes:
        honorific: Replacement honorific.
        title_lines: Replacement title lines (``[]`` = none).
        address_lines: Replacement default address lines.
        salutation_formal: Replacement protocol salutation.
        salutation_common: Replacement name-based salutation.
        complimentary_close: Replacement close (common style).
        complimentary_close_formal: Replacement close (formal style).
    """

    honorific: Gendered | None = None
    title_lines: list[Line] | None = None
    address_lines: list[Line] | None = None
    salutation_formal: Gendered | None = None
    salutation_common: Gendered | None = None
    complimentary_close: str | None = None
    complimentary_close_formal: str | None = None


class OfficeRow(_Frozen):
    """One office of the forms-of-address table.

    Attributes:
        key: Stable id used in specs (``us-senator``).
        label: Human name of the office.
        jurisdiction: ``us``, ``un``, ``eu``, ``intl``, ``academic`` or ``private``.
        honorific: Written before the name in the address block (``None`` = none).
        title_lines: Lines under the name; templates with ``{placeholders}``. A list entry
            holds alternatives: the first whose placeholders are all given is used, and
            the line is left out when none is.
        address_lines: Default postal lines (same template rules).
        salutation_formal: The protocol salutation ("Dear Mr. Secretary").
        salutation_common: The name-based salutation ("Dear Secretary Blinken").
        courtesy_title: The word before the surname in the common salutation ("Senator").
        courtesy_title_plural: Its plural, used to join three or more ("Senators").
        complimentary_close: Close line for the common style.
        complimentary_close_formal: Close line for the formal style (``None`` = same).
        acting: Forms for an acting holder (``None`` = the office has no acting form).
        former: Forms for a former holder (``None`` = no former form).
        source: The public reference(s) the row follows.
        notes: Guidance for drafters.
    """

    key: str = Field(pattern=r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
    label: str = Field(min_length=1)
    jurisdiction: Literal["us", "un", "eu", "intl", "academic", "private"]
    honorific: Gendered | None = None
    title_lines: list[Line] = Field(default_factory=list)
    address_lines: list[Line] = Field(default_factory=list)
    salutation_formal: Gendered
    salutation_common: Gendered
    courtesy_title: str | None = None
    courtesy_title_plural: str | None = None
    complimentary_close: str = Field(min_length=1)
    complimentary_close_formal: str | None = None
    acting: OfficeVariant | None = None
    former: OfficeVariant | None = None
    source: str = Field(min_length=10)
    notes: str = ""

    @field_validator("title_lines", "address_lines")
    @classmethod
    def _no_empty_alternatives(cls, lines: list[Line]) -> list[Line]:
        for line in lines:
            if isinstance(line, list) and not line:
                raise ValueError("an alternatives entry needs at least one line")
        return lines

    @model_validator(mode="after")
    def _check_templates(self) -> OfficeRow:
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
        return self

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

        for prefix, holder in (("", self), ("acting.", self.acting), ("former.", self.former)):
            if holder is None:
                continue
            for name in (
                "honorific",
                "title_lines",
                "address_lines",
                "salutation_formal",
                "salutation_common",
                "complimentary_close",
                "complimentary_close_formal",
            ):
                add(prefix + name, getattr(holder, name))
        return found


class _Table(_Frozen):
    version: Literal[1]
    offices: list[dict[str, Any]]


# --------------------------------------------------------------------------- result model


class AddressForms(_Frozen):
    """The forms of address for one person in one office, ready for a letter.

    Attributes:
        office: The office key.
        status: ``current``, ``acting`` or ``former``.
        honorific: Written before the name ("The Honorable", "Her Excellency") or ``None``.
        name: The name as it appears in the address (courtesy titles such as "Dr." removed).
        surname: The surname used in salutations.
        title_lines: Lines under the name.
        address_lines: Postal address lines.
        salutation: The salutation in the requested style, without punctuation.
        salutation_formal: The protocol salutation ("Dear Mr. Secretary").
        salutation_common: The name-based salutation ("Dear Secretary Blinken").
        complimentary_close: The close line for the requested style ("Sincerely,").
        source: The citation of the table row.
        missing_params: Template parameters that were not given, so lines were left out.
    """

    office: str
    status: Status = "current"
    honorific: str | None
    name: str
    surname: str
    title_lines: list[str]
    address_lines: list[str]
    salutation: str
    salutation_formal: str
    salutation_common: str
    complimentary_close: str
    source: str
    missing_params: list[str] = Field(default_factory=list)

    def name_line(self) -> str:
        """The first line of the address block: honorific and name."""
        return f"{self.honorific} {self.name}" if self.honorific else self.name

    def block_lines(self) -> list[str]:
        """The whole inside-address block: name line, title lines, address lines."""
        return [self.name_line(), *self.title_lines, *self.address_lines]

    @property
    def excellency(self) -> bool:
        """True when the addressee is styled "Excellency" (diplomatic forms)."""
        return self.honorific in _EXCELLENCY_HONORIFICS or self.salutation_formal == "Excellency"


# --------------------------------------------------------------------------- loading


def _parse_table(text: str, *, source: str = TABLE_FILE) -> tuple[OfficeRow, ...]:
    """Parse and validate the YAML text of a forms-of-address table.

    Args:
        text: The YAML document.
        source: The file name used in error messages.

    Returns:
        The validated rows, in file order.

    Raises:
        ProtocolError: The YAML is malformed, a row does not fit the schema (the message
            names the row key), or two rows share a key.
    """
    try:
        data = yaml.safe_load(text)
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
            hint="the file needs `version: 1` and a list of `offices`",
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
        seen.add(row.key)
        rows.append(row)
    return tuple(rows)


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    loc = ".".join(str(part) for part in error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{loc}: {message}" if loc else message


@functools.cache
def _table() -> tuple[OfficeRow, ...]:
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
    return _parse_table(text, source=f"draftkit/data/{TABLE_FILE}")


@functools.cache
def _index() -> dict[str, OfficeRow]:
    return {row.key: row for row in _table()}


def offices() -> list[OfficeRow]:
    """Every office of the forms-of-address table, in table order.

    The table is read from package data and validated once; later calls reuse it.

    Returns:
        A new list of the (immutable) rows.

    Raises:
        ProtocolError: The bundled table is missing or malformed.
    """
    return list(_table())


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


# --------------------------------------------------------------------------- names

_LEADING_TITLES = (
    "the honorable",
    "the honourable",
    "the right honourable",
    "his excellency",
    "her excellency",
    "h.e.",
    "hon.",
    "professor",
    "prof.",
    "prof",
    "dr.",
    "dr",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "mx.",
    "mx",
    "miss",
    "sen.",
    "rep.",
)
_ACADEMIC_TITLES = {"professor": "Professor", "prof.": "Professor", "prof": "Professor"}
_ACADEMIC_TITLES.update({"dr.": "Dr.", "dr": "Dr."})

_SUFFIXES = frozenset(
    {
        "jr",
        "jr.",
        "sr",
        "sr.",
        "ii",
        "iii",
        "iv",
        "v",
        "vi",
        "phd",
        "ph.d.",
        "md",
        "m.d.",
        "esq",
        "esq.",
        "mp",
        "mep",
        "ret.",
    }
)
_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "dos",
        "das",
        "la",
        "le",
        "ter",
        "ten",
        "zu",
        "bin",
        "ibn",
        "al",
        "el",
        "st.",
    }
)


def _split_leading_title(name: str) -> tuple[str | None, str]:
    """Remove courtesy titles from the front of a name; return the last academic one."""
    rest = " ".join(name.split())
    academic: str | None = None
    changed = True
    while changed and rest:
        changed = False
        lowered = rest.lower()
        for title in _LEADING_TITLES:
            if lowered == title or lowered.startswith(title + " "):
                academic = _ACADEMIC_TITLES.get(title, academic)
                rest = rest[len(title) :].strip()
                changed = True
                break
    return academic, rest


def _clean_name(name: str) -> str:
    return _split_leading_title(name)[1]


_DEGREES = frozenset({"phd", "ph.d.", "md", "m.d.", "d.phil.", "dphil"})
_ROMAN = re.compile(r"^[IVX]+$")


def _strip_degrees(name: str) -> str:
    """Drop trailing doctoral degrees ("Jane Roe, Ph.D." -> "Jane Roe")."""
    words = name.replace(",", " , ").split()
    while words and (words[-1].lower() in _DEGREES or words[-1] == ","):
        words.pop()
    return " ".join(words).replace(" , ", ", ")


def _upper_surname(words: list[str]) -> str | None:
    """A surname written in capitals, UN style ("CHO Hyun-dong" -> "Cho")."""

    def is_caps(word: str) -> bool:
        letters = word.replace("-", "").replace("'", "").replace("’", "")
        return (
            len(letters) >= 2
            and letters.isalpha()
            and letters.isupper()
            and not _ROMAN.match(letters)
            and word.lower() not in _SUFFIXES
            and any(v in letters for v in "AEIOUY")  # "JD", "RFK" are initials
        )

    flags = [is_caps(w) for w in words]
    if not any(flags) or all(flags):
        return None
    start = flags.index(True)
    end = start
    while end + 1 < len(words) and flags[end + 1]:
        end += 1
    return " ".join(w.title() if w.isupper() else w for w in words[start : end + 1])


def surname_of(name: str) -> str:
    """The surname to use in a salutation, from a full name.

    Leading courtesy titles ("Dr.", "The Honorable") and trailing generational or degree
    suffixes ("Jr.", "III", "Ph.D.") are dropped; lower-case-style particles before the
    last word are kept with it ("Ursula von der Leyen" -> "von der Leyen"). A family name
    written in capitals, as UN lists do, is taken as the surname wherever it stands
    ("CHO Hyun-dong" -> "Cho"). Other names that do not follow "given names + surname"
    (family name first, two-part Spanish surnames) need an explicit surname.

    Args:
        name: A person's name as written ("Antony J. Blinken", "Joseph R. Biden, Jr.").

    Returns:
        The surname ("Blinken", "Biden").

    Raises:
        ProtocolError: The name is empty once titles and suffixes are removed.
    """
    rest = _clean_name(name)
    words = [w for w in rest.replace(",", " ").split() if w]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    if not words:
        raise ProtocolError(
            f"cannot find a surname in {name!r}", hint="give the person's name or a surname"
        )
    upper = _upper_surname(words)
    if upper is not None:
        return upper
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


# --------------------------------------------------------------------------- rendering


def _fields(template: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(template) if field]


def _fill(template: str, values: Mapping[str, str]) -> str | None:
    """Fill a template; ``None`` when one of its placeholders has no value."""
    if any(field not in values for field in _fields(template)):
        return None
    return template.format_map(dict(values))


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
        style: Which salutation goes in ``salutation``: ``common`` ("Dear Secretary
            Blinken") or ``formal`` ("Dear Mr. Secretary"); also picks the close.
        surname: The surname for salutations (or ``params["surname"]``); derived with
            :func:`surname_of` if omitted.
        params: Values for the row's placeholders ({state}, {department}, {country} ...).
        address_lines: Postal lines that replace the row's default address (e.g. a
            member's office from a directory).

    Returns:
        The honorific, address block, both salutations and the close.

    Raises:
        ProtocolError: Unknown office, empty name, an office with no acting/former form,
            or a salutation that needs a parameter that was not given.
    """
    row = get_office(office)
    academic, clean = _split_leading_title(name)
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

    def pick(field: str) -> Any:
        if variant is not None and getattr(variant, field) is not None:
            return getattr(variant, field)
        return getattr(row, field)

    values: dict[str, str] = {k: str(v) for k, v in (params or {}).items()}
    values["name"] = clean
    values["surname"] = sur

    honorific_value: Gendered | None = pick("honorific")
    honorific = honorific_value.pick(gender) if honorific_value is not None else None
    if academic and honorific in (None, "Mr.", "Ms.", "Mrs."):
        honorific = academic
    if honorific == "Dr.":
        clean = _strip_degrees(clean)
        values["name"] = clean
    if honorific is not None:
        honorific = _fill_required(honorific, values, office, "honorific")

    missing: list[str] = []
    title_lines = _fill_lines(pick("title_lines"), values, missing)
    if address_lines is not None:
        lines = [line for line in address_lines if line.strip()]
    else:
        lines = _fill_lines(pick("address_lines"), values, missing)

    formal_value: Gendered = pick("salutation_formal")
    common_value: Gendered = pick("salutation_common")
    formal = _fill_required(str(formal_value.pick(gender)), values, office, "formal salutation")
    common = _fill_required(str(common_value.pick(gender)), values, office, "common salutation")

    close_common: str = pick("complimentary_close")
    close_formal: str | None = None
    if variant is not None and variant.complimentary_close_formal is not None:
        close_formal = variant.complimentary_close_formal
    elif variant is not None and variant.complimentary_close is not None:
        close_formal = variant.complimentary_close
    else:
        close_formal = row.complimentary_close_formal or row.complimentary_close
    close = close_formal if style == "formal" else close_common
    close = _fill_required(close, values, office, "complimentary close")

    return AddressForms(
        office=row.key,
        status=status,
        honorific=honorific,
        name=clean,
        surname=sur,
        title_lines=title_lines,
        address_lines=lines,
        salutation=formal if style == "formal" else common,
        salutation_formal=formal,
        salutation_common=common,
        complimentary_close=close,
        source=row.source,
        missing_params=sorted(set(missing)),
    )


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
