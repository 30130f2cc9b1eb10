"""The forms a letter needs for one person in an office, and for several together."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import (
    Field,
)

from draftkit.empty import empty_list
from draftkit.errors import ProtocolError
from draftkit.names import split_leading_title, strip_degrees, surname_of
from draftkit.protocol.rows import (
    _EXCELLENCY_HONORIFICS,
    Gender,
    Gendered,
    Line,
    OfficeRow,
    OfficeVariant,
    Status,
    Style,
    _Frozen,
)
from draftkit.protocol.table import _row, cited_works, get_office

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
    accepted_salutations: list[str] = Field(default_factory=empty_list)
    accepted_honorifics: list[str | None] = Field(default_factory=empty_list)
    source: str
    missing_params: list[str] = Field(default_factory=empty_list)

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


# --------------------------------------------------------------------------- rendering


@functools.lru_cache(maxsize=1024)  # a merge fills the same few templates for every recipient
def _fields(template: str) -> tuple[str, ...]:
    return tuple(field for _, field, _, _ in string.Formatter().parse(template) if field)


@functools.lru_cache(maxsize=1024)
def _field_set(template: str) -> frozenset[str]:
    return frozenset(_fields(template))


def _fill(template: str, values: Mapping[str, str]) -> str | None:
    """Fill a template; ``None`` when one of its placeholders has no value."""
    if not _field_set(template) <= values.keys():
        return None
    return " ".join(template.format_map(values).split())


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

_CITED: dict[int, tuple[OfficeRow, str]] = {}


def _cited(row: OfficeRow) -> str:
    """:func:`cited_works` of a row, kept: a merge asks it of the same few rows for every
    recipient (the row is kept with it, so its id is not reused meanwhile)."""
    kept = _CITED.get(id(row))
    if kept is None or kept[0] is not row:
        if len(_CITED) >= 512:
            _CITED.clear()
        kept = _CITED[id(row)] = (row, cited_works(row))
    return kept[1]


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
    language: str | None = None,
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
        language: ``fr``, ``es`` or ``ar`` for the office's forms in that language
            (``protocol-languages.yaml``); ``en`` or None for the English table.

    Returns:
        The block, both salutations and both closes, with the chosen style's picked.

    Raises:
        ProtocolError: Unknown office, empty name, an office with no acting/former form,
            or a salutation that needs a parameter that was not given.
    """
    row = get_office(office) if language in (None, "en") else None
    if row is None:
        # deferred: the languages file is read only for a letter in another language
        from draftkit.protocol.languages import language_office

        translated = language_office(office, str(language))
        row = translated.row
        params = {**translated.params_for(gender), **(params or {})}
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

    def block(each: Style) -> _Block:
        return _build_block(
            row,
            variant,
            each,
            gender=gender,
            academic=academic,
            name=clean,
            values=values,
            address_override=address_lines,
        )

    common_block = block("common")
    office_lines = variant.office_lines if variant is not None else None
    if row.common is None and not (office_lines if office_lines is not None else row.office_lines):
        formal_block = common_block  # no common forms and no office lines: the same block
    else:
        formal_block = block("formal")
    blocks = {"formal": formal_block, "common": common_block}
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
        source=_cited(row),
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
        row = _row(forms[0].office)
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
