"""Recipient lists for mail merge: CSV, YAML/JSON lists, and the US congress directory.

A :class:`Recipient` is one person a merged letter goes to: the fields an
:class:`~draftkit.schema.Addressee` needs (name, office, gender ...) plus free
``variables`` (a state, a committee, a personal line) that templates can use as
``{{ recipient.state }}``. Every source reads into the same model:

- **CSV** (``.csv``, ``.tsv``): one row per recipient. Column names are matched loosely
  ("Full name", "full_name" and "NAME" are the same column); known columns fill the
  addressee, every other column becomes a variable.
- **YAML/JSON** (``.yaml``, ``.yml``, ``.json``): a list of mappings, or a mapping with a
  ``recipients:`` list, using the same keys as the CSV columns.
- **congress-legislators** (a folder holding ``legislators-current.yaml``, or that file):
  the public-domain directory of the US Congress. Each member's office, state, district,
  party and DC office address come from their current (last) term; members can be
  selected by chamber, state, party and committee (``thomas_id`` such as ``SSFR``, or a
  subcommittee such as ``SSFR09``).

A row that cannot be used (no name, a gender that is not understood) is still returned,
with :attr:`Recipient.problem` saying why, so that merge can report it and go on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from draftkit.characters import describe, shown, unwritable_in
from draftkit.errors import ProtocolError, SpecError
from draftkit.files import (
    check_data_shape,
    decode_text,
    parse_json_text,
    parse_yaml_text,
    read_input,
)
from draftkit.protocol import get_office
from draftkit.schema import Addressee
from draftkit.tables import BlankValue, DataValue, cell_lines, read_table

__all__ = [
    "CONGRESS_FILE",
    "STATE_NAMES",
    "Recipient",
    "is_congress",
    "iter_problems",
    "load_congress",
    "load_recipients",
    "ordinal",
    "parse_where",
    "read_csv",
    "read_list",
    "recipient_from_mapping",
    "select",
]

CONGRESS_FILE = "legislators-current.yaml"
"""The file that marks a congress-legislators folder."""

_MAX_CONGRESS_VALUES = 2_000_000  # legislators-current.yaml holds about 45,000

MAX_RECIPIENT_BYTES = 50 * 1024 * 1024
"""Recipient files larger than this are refused."""

Gender = Literal["female", "male"]
Status = Literal["current", "acting", "former"]


class Recipient(BaseModel):
    """One recipient of a merged letter.

    Attributes:
        name: The person's name as it should appear in the address.
        office: The forms-of-address key (``us-senator``); None for a recipient whose
            address lines and salutation are given directly.
        honorific: Overrides the office's honorific ("The Honorable").
        gender: ``female``/``male`` to pick gendered forms; never guessed.
        status: ``current``, ``acting`` or ``former`` holder of the office.
        surname: The surname for salutations when the name alone would mislead.
        title_lines: Lines under the name (replace the office's).
        address_lines: Postal lines (replace the office's default address).
        salutation: A salutation for this recipient only (their own preference).
        variables: Free values for templates: ``{{ recipient.state }}`` ...
        key: A stable identifier (bioguide id, e-mail, row id) shown in the manifest.
        source: Where the row came from (``list.csv:7``), for messages.
        problem: Why the row cannot be used; None for a usable row.
    """

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    office: str | None = None
    honorific: str | None = None
    gender: Gender | None = None
    status: Status = "current"
    surname: str | None = None
    title_lines: list[str] = Field(default_factory=list)
    address_lines: list[str] = Field(default_factory=list)
    salutation: str | None = None
    variables: dict[str, Any] = Field(default_factory=dict)
    key: str | None = None
    source: str | None = None
    problem: str | None = None

    @model_validator(mode="after")
    def _writable(self) -> Recipient:
        """A recipient from any source (a list, the congress directory, Python) whose text
        cannot be written into a letter is a problem row, never a silently cleaned one."""
        if self.problem is not None:
            return self
        for name in type(self).model_fields:
            if name in ("source", "problem"):
                continue
            found = unwritable_in(getattr(self, name))
            if found is not None:
                where = f"{name}{found[0]}" if found[0].startswith("[") else name
                where = f"{name}.{found[0]}" if found[0] and not found[0].startswith("[") else where
                self.problem = (
                    f"'{shown(where)}' holds {describe(found[1])}, which cannot be written "
                    "into a document"
                )
                break
        return self

    def label(self) -> str:
        """A short label for messages and the manifest: the name, else key or source."""
        return self.name or self.key or self.source or "(unnamed recipient)"

    def params(self) -> dict[str, str]:
        """Values for the office's address templates: scalar variables and the surname."""
        out = {
            k: str(v)
            for k, v in self.variables.items()
            if isinstance(v, str | int | float) and not isinstance(v, bool) and str(v) != ""
        }
        if self.surname:
            out["surname"] = self.surname
        return out

    def addressee(self) -> Addressee:
        """This recipient as an inside-address entry.

        Raises:
            SpecError: The row has a problem or no name.
        """
        if self.problem:
            raise SpecError(self.problem, path=self.source)
        if not (self.name and self.name.strip()):
            raise SpecError(
                "recipient has no name", path=self.source, hint="fill in the name column"
            )
        return Addressee(
            honorific=self.honorific,
            name=self.name,
            title_lines=list(self.title_lines),
            address_lines=list(self.address_lines),
            office=self.office,
            gender=self.gender,
            status=self.status,
            params=self.params(),
        )


# --------------------------------------------------------------------------- field names


def _column(name: str) -> str:
    """A header as a variable name: ``"Personal line "`` -> ``personal_line``."""
    return re.sub(r"[^0-9a-z]+", "_", name.strip().lower()).strip("_")


_ALIASES: dict[str, str] = {
    "name": "name",
    "full_name": "name",
    "fullname": "name",
    "recipient": "name",
    "recipient_name": "name",
    "official_full": "name",
    "first_name": "first_name",
    "first": "first_name",
    "given_name": "first_name",
    "last_name": "surname",
    "last": "surname",
    "family_name": "surname",
    "surname": "surname",
    "office": "office",
    "office_key": "office",
    "honorific": "honorific",
    "prefix": "honorific",
    "gender": "gender",
    "sex": "gender",
    "status": "status",
    "title": "title_lines",
    "titles": "title_lines",
    "title_lines": "title_lines",
    "address": "address_lines",
    "address_lines": "address_lines",
    "postal_address": "address_lines",
    "salutation": "salutation",
    "greeting": "salutation",
    "key": "key",
    "id": "key",
    "variables": "variables",
    "params": "variables",
}

_FEMALE = frozenset({"f", "female", "w", "woman", "feminine"})
_MALE = frozenset({"m", "male", "man", "masculine"})
_NEUTRAL = frozenset(
    {"", "x", "n", "na", "n/a", "none", "unknown", "other", "nonbinary", "non-binary",
     "neutral", "prefer not to say", "-"}
)
_STATUSES = frozenset({"current", "acting", "former"})


def _gender(value: Any) -> Gender | None:
    text = " ".join(str(value or "").split()).lower()
    if text in _FEMALE:
        return "female"
    if text in _MALE:
        return "male"
    if text in _NEUTRAL:
        return None
    raise ValueError(f"gender {value!r} is not understood (female, male, or leave it empty)")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _data(value: Any) -> Any:
    """Recipient text as :class:`~draftkit.tables.DataValue` (printed escaped)."""
    if isinstance(value, str) and not isinstance(value, DataValue | BlankValue):
        return DataValue(value)
    return value


def recipient_from_mapping(data: Mapping[Any, Any], *, source: str | None = None) -> Recipient:
    """Build a recipient from one row or mapping, keeping unknown keys as variables.

    Args:
        data: Column or key -> value. Names are matched loosely (``Full Name`` is
            ``name``); ``first_name`` + ``last_name`` make a name when there is none.
        source: Where the row came from, for messages.

    Returns:
        The recipient; a row that cannot be used has ``problem`` set instead of raising.
    """
    fields: dict[str, Any] = {}
    variables: dict[str, Any] = {}
    problems: list[str] = []
    for raw_key, value in data.items():
        if raw_key is None:
            problems.append("the row has more cells than the header has columns")
            continue
        unwritable = unwritable_in(value)
        if unwritable is not None:
            inside = f" ({unwritable[0].lstrip('.')})" if unwritable[0] else ""
            problems.append(
                f"'{shown(str(raw_key))}'{inside} holds {describe(unwritable[1])}, which "
                "cannot be written into a document"
            )
            continue
        column = _column(str(raw_key))
        if not column:
            continue
        target = _ALIASES.get(column)
        if target == "variables":
            if isinstance(value, Mapping):
                variables.update({_column(str(k)) or str(k): _data(v) for k, v in value.items()})
            elif value not in (None, ""):
                problems.append(f"'{raw_key}' must be a mapping of names to values")
            continue
        if target is None:
            value = value.strip() if isinstance(value, str) else value
            variables[column] = BlankValue(column) if value in (None, "") else _data(value)
            continue
        fields[target] = value
    first = _text(fields.pop("first_name", None))
    out: dict[str, Any] = {"source": source, "variables": variables}
    name = _text(fields.get("name"))
    surname = _text(fields.get("surname"))
    if not name and (first or surname):
        name = " ".join(p for p in (first, surname) if p)
    out["name"] = name
    out["surname"] = surname
    for key in ("office", "honorific", "salutation", "key"):
        out[key] = _text(fields.get(key))
    if out["office"]:
        out["office"] = out["office"].lower()
    out["title_lines"] = cell_lines(fields.get("title_lines"), bars=True)
    out["address_lines"] = cell_lines(fields.get("address_lines"), bars=True)
    try:
        out["gender"] = _gender(fields.get("gender"))
    except ValueError as exc:
        problems.append(str(exc))
    status = (_text(fields.get("status")) or "current").lower()
    if status not in _STATUSES:
        problems.append(f"status {status!r} is not one of current, acting, former")
        status = "current"
    out["status"] = status
    if not name and not problems:
        problems.append("no name (fill in the name column)")
    if problems:
        out["problem"] = "; ".join(problems)
    return Recipient.model_validate(out)


# --------------------------------------------------------------------------- files


def _read(path: Path) -> str:
    raw = read_input(path, limit=MAX_RECIPIENT_BYTES, what="recipient file")
    return decode_text(raw, path=path, hint=_NOT_UTF8)


_NOT_UTF8 = "save the list as UTF-8 (in Excel: CSV UTF-8)"


def read_csv(path: str | Path) -> list[Recipient]:
    """Read recipients from a CSV (or TSV / semicolon-separated) file with a header row.

    The file is read by :func:`draftkit.tables.read_table` (UTF-8 or UTF-16, the
    delimiter from the header, a quote never closed refused with its line).

    Raises:
        SpecError: The file is missing, not UTF-8/UTF-16, has no header, or is not CSV.
    """
    path = Path(path)
    table = read_table(path, limit=MAX_RECIPIENT_BYTES, what="recipient file", hint=_NOT_UTF8)
    if not any(_ALIASES.get(_column(h)) in ("name", "first_name", "surname") for h in table.header):
        raise SpecError(
            "the header has no name column",
            path=path,
            line=1,
            hint="name a column 'name' (or 'first name' and 'last name')",
        )
    return [
        recipient_from_mapping(row.cells, source=table.source(row))
        for row in table.rows
        if any((v or "").strip() for v in row.cells.values() if isinstance(v, str))
    ]


def read_list(path: str | Path) -> list[Recipient]:
    """Read recipients from a YAML or JSON list of mappings (or ``recipients: [...]``).

    Raises:
        SpecError: The file is not valid YAML/JSON or not a list of mappings.
    """
    path = Path(path)
    text = _read(path)
    if path.suffix.lower() == ".json":
        data = parse_json_text(text, path=path)
    else:
        data = parse_yaml_text(text, path=path)
    if isinstance(data, dict) and "recipients" in data:
        data = data["recipients"]
    if not isinstance(data, list):
        raise SpecError(
            "a recipient list must be a list of mappings",
            path=path,
            hint="write '- name: ...' entries, or 'recipients:' followed by them",
        )
    out: list[Recipient] = []
    for index, item in enumerate(data):
        where = f"{path}:recipients[{index}]"
        if not isinstance(item, Mapping):
            out.append(Recipient(source=where, problem="entry is not a mapping of fields"))
            continue
        out.append(recipient_from_mapping(item, source=where))
    return out


# --------------------------------------------------------------------------- congress

STATE_NAMES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida",
    "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana",
    "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine",
    "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska",
    "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio",
    "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "the District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "the U.S. Virgin Islands", "AS": "American Samoa",
    "MP": "the Northern Mariana Islands",
}  # fmt: skip
"""USPS state and territory codes -> names as they read after "for" in a title line."""

_NONVOTING_SEATS: dict[str, tuple[str, str]] = {
    "PR": ("us-resident-commissioner", "Resident Commissioner"),
    "DC": ("us-delegate", "Delegate"),
    "GU": ("us-delegate", "Delegate"),
    "VI": ("us-delegate", "Delegate"),
    "AS": ("us-delegate", "Delegate"),
    "MP": ("us-delegate", "Delegate"),
}
"""House seats of places that are not states: (forms-of-address key, title of the seat).

Puerto Rico elects a Resident Commissioner; the District of Columbia and the territories
elect Delegates. Neither is a Representative (House Clerk; CRS report RL31856)."""

_LEADERSHIP_TITLES = frozenset(
    {"chair", "chairman", "chairwoman", "cochair", "cochairman", "cochairwoman", "co-chair",
     "vice chair", "vice chairman", "vice chairwoman", "ranking member"}
)  # fmt: skip
"""Committee seat titles that name a position ("Ex Officio" names a kind of seat)."""

_CHAMBERS = {"sen": "senate", "rep": "house"}
_CHAMBER_LINES = {"sen": "United States Senate", "rep": "United States House of Representatives"}
_CHAMBER_ZIP = {"sen": "20510", "rep": "20515"}
_OFFICES = {"sen": "us-senator", "rep": "us-representative"}
_DC_ADDRESS = re.compile(
    r"^(?P<street>.*?)[\s,]+Washington,?\s+D\.?\s?C\.?,?\s+(?P<zip>\d{5}(?:-\d{4})?)\s*$",
    re.IGNORECASE,
)


def ordinal(number: int) -> str:
    """``1`` -> ``"1st"``, ``12`` -> ``"12th"``, ``22`` -> ``"22nd"``."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


@functools.lru_cache(maxsize=8)
def _load_yaml_cached(path: str, mtime: int) -> Any:
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raw = read_input(path, limit=MAX_RECIPIENT_BYTES, what="congress data file")
    data = yaml.load(raw, Loader=loader)
    check_data_shape(data, path=path, max_nodes=_MAX_CONGRESS_VALUES)
    return data


def _congress_file(folder: Path, name: str) -> Any:
    path = folder / name
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        raise SpecError(
            f"the congress data has no {name}",
            path=folder,
            hint="pass the congress-legislators folder (legislators-current.yaml and the "
            "committee files)",
        ) from None
    try:
        return _load_yaml_cached(str(path), mtime)
    except yaml.YAMLError as exc:
        raise SpecError(f"cannot parse {name}: {str(exc).splitlines()[0]}", path=path) from None


def _dc_address(term: Mapping[str, Any]) -> list[str]:
    kind = str(term.get("type"))
    chamber = _CHAMBER_LINES.get(kind)
    address = _text(term.get("address"))
    if address:
        match = _DC_ADDRESS.match(address)
        if match:
            street = match.group("street").strip(" ,;")
            return [line for line in (chamber, street, f"Washington, DC {match['zip']}") if line]
    office = _text(term.get("office"))
    if office:
        return [line for line in (chamber, office, f"Washington, DC {_CHAMBER_ZIP[kind]}") if line]
    return []


_QUOTED_NICKNAME = re.compile(r"""\s*(?:"[^"]*"|\u201c[^\u201d]*\u201d|\([^)]*\))(?=\s|,|$)""")
"""A nickname written into a name: ``Eric A. "Rick" Crawford``, ``James (Jim)``."""


def _without_nickname(text: str) -> str:
    return " ".join(_QUOTED_NICKNAME.sub("", text).split()).replace(" ,", ",")


def _surname_in(full: str, last: str) -> str:
    """The family name as it stands in ``full``: ``last``, or its longest leading part there.

    ``official_full`` is how the member styles themself; when it leaves out part of a
    compound ``last`` ("Pablo José Hernández" for last "Hernández Rivera"), the
    salutation follows the styled name ("Hernández").
    """
    words = last.split()
    for count in range(len(words), 0, -1):
        part = " ".join(words[:count])
        if re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", full):
            return part
    return last


def _member_name(name: Mapping[str, Any]) -> tuple[str, str | None]:
    """The name for the address block and the surname for the salutation.

    The name is ``official_full`` without a quoted nickname (a formal address uses the
    full name; the nickname stays available as the ``nickname`` variable). Without
    ``official_full`` it is built from first name, a middle initial and last name, and
    the suffix.
    """
    last = _text(name.get("last"))
    full = _text(name.get("official_full"))
    if full:
        full = _without_nickname(full)
    else:
        middle = _text(name.get("middle")) or ""
        initial = middle if re.fullmatch(r"(?:\w\.\s?)+", middle) else ""
        parts = [_without_nickname(str(name.get("first") or "")), initial, last or ""]
        full = " ".join(p for p in parts if p)
        suffix = _text(name.get("suffix"))
        if full and suffix:
            full += f", {suffix}"
    surname = _surname_in(full, last) if full and last else last
    return full, surname


@functools.cache
def _has_office(key: str) -> bool:
    try:
        get_office(key)
    except ProtocolError:
        return False
    return True


def _member(entry: Mapping[str, Any], source: str) -> Recipient:
    name = entry.get("name") or {}
    terms = entry.get("terms") or []
    bioguide = str((entry.get("id") or {}).get("bioguide") or "")
    full, surname = _member_name(name)
    if not terms:
        return Recipient(name=full or None, key=bioguide, source=source,
                         problem="no term of office in the data")
    term = terms[-1]
    kind = str(term.get("type"))
    if kind not in _OFFICES:
        return Recipient(name=full or None, key=bioguide, source=source,
                         problem=f"unknown term type {kind!r}")
    code = str(term.get("state") or "")
    state = STATE_NAMES.get(code, code)
    district_number = term.get("district")
    party = str(term.get("party") or "")
    variables: dict[str, Any] = {
        "chamber": _CHAMBERS[kind],
        "state": state,
        "state_code": code,
        "party": party,
        "party_code": party[:1],
        "bioguide": bioguide,
        "district": "",
        "district_number": None,
        "at_large": False,
        "state_rank": str(term.get("state_rank") or ""),
        "phone": str(term.get("phone") or ""),
        "url": str(term.get("url") or ""),
        "contact_form": str(term.get("contact_form") or ""),
        "member_title": "Senator" if kind == "sen" else "Representative",
        "nickname": _text(name.get("nickname")) or "",
        "official_full": _text(name.get("official_full")) or "",
    }
    if kind == "rep" and isinstance(district_number, int):
        variables["district_number"] = district_number
        if district_number >= 1:
            variables["district"] = ordinal(district_number)
        else:
            variables["at_large"] = True
    office = _OFFICES[kind]
    title_lines: list[str] = []
    seat = _NONVOTING_SEATS.get(code) if kind == "rep" else None
    if seat is not None:
        seat_office, seat_title = seat
        variables["member_title"] = seat_title
        if _has_office(seat_office):
            office = seat_office
        else:  # the forms-of-address table has no row yet: keep the House forms
            title_lines = [f"{seat_title} from {state}"]
    genders: dict[str, Gender] = {"F": "female", "M": "male"}
    gender = genders.get(str((entry.get("bio") or {}).get("gender")))
    return Recipient(
        name=full or None,
        office=office,
        gender=gender,
        surname=surname,
        title_lines=title_lines,
        address_lines=_dc_address(term),
        variables=variables,
        key=bioguide or None,
        source=source,
        problem=None if full else "no name in the data",
    )


def _committee_index(folder: Path) -> dict[str, tuple[str, str | None]]:
    """thomas_id (with subcommittee suffix) -> (committee name, subcommittee name)."""
    out: dict[str, tuple[str, str | None]] = {}
    for committee in _congress_file(folder, "committees-current.yaml") or []:
        cid = str(committee.get("thomas_id") or "")
        cname = str(committee.get("name") or cid)
        out[cid] = (cname, None)
        for sub in committee.get("subcommittees") or []:
            out[cid + str(sub.get("thomas_id") or "")] = (cname, str(sub.get("name") or ""))
    return out


def _seats_in_order(seats: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Seats majority first, then minority, each by rank; a chair before an equal rank.

    The membership file lists House committees alternating majority and minority, and
    joint committees one chamber's rank 1 before the other's, so its order is not kept.
    """

    def key(seat: Mapping[str, Any]) -> tuple[bool, float, bool]:
        rank = seat.get("rank")
        title = str(seat.get("title") or "").casefold()
        return (
            str(seat.get("party") or "") != "majority",
            float(rank) if isinstance(rank, int | float) else float("inf"),
            title not in ("chair", "chairman", "chairwoman", "cochairman", "co-chair"),
        )

    return sorted(seats, key=key)


def _state_sort_key(state: str) -> str:
    """A state or territory name for sorting: "the District of Columbia" sorts under D."""
    return re.sub(r"^the\s+", "", state, flags=re.IGNORECASE).casefold()


def load_congress(
    path: str | Path,
    *,
    where: Mapping[str, Iterable[str]] | None = None,
    committees: Sequence[str] = (),
) -> list[Recipient]:
    """Read members of Congress from a congress-legislators snapshot.

    Each member's office (``us-senator``/``us-representative``), state, district, party
    and DC office address come from their current (last) term; the name is
    ``official_full`` without a quoted nickname, the surname ``name.last`` (or the part
    of it that ``official_full`` uses), the gender ``bio.gender``. The Delegates of the
    District of Columbia and the territories and the Resident Commissioner of Puerto Rico
    take the ``us-delegate``/``us-resident-commissioner`` forms when the forms-of-address
    table has them, and otherwise the House forms with their own title line
    ("Delegate from Guam").

    Variables of each recipient: ``chamber`` (senate/house), ``state`` ("Idaho"),
    ``state_code`` ("ID"), ``district`` ("3rd", empty for senators and at-large
    members), ``district_number``, ``at_large``, ``party``, ``party_code``, ``bioguide``,
    ``state_rank``, ``phone``, ``url``, ``contact_form``, ``member_title`` ("Senator",
    "Representative", "Delegate" or "Resident Commissioner"), ``nickname`` and
    ``official_full`` (as in the data, may be empty); with ``committees`` also
    ``committee`` (its full name), ``committee_id``, ``subcommittee``,
    ``committee_title`` (a position: "Chairman", "Chair", "Vice Chair", "Ranking
    Member" ... or empty), ``committee_ex_officio``, ``committee_rank`` and
    ``committee_side`` (majority/minority).

    Args:
        path: The snapshot folder, or its ``legislators-current.yaml``.
        where: Selection, see :func:`select`.
        committees: Committee ``thomas_id`` values (``SSFR``, ``HSFA``, ``SSFR09``);
            members of any of them are kept, in committee order (majority by rank, then
            minority by rank; a member on several is kept once, with the first).

    Returns:
        The selected members, senators first then by state and district, unless
        selected by committee.

    Raises:
        SpecError: Missing files or an unknown committee id.
    """
    folder = Path(path)
    if folder.is_file():
        folder = folder.parent
    members = _congress_file(folder, CONGRESS_FILE) or []
    source_file = folder / CONGRESS_FILE
    by_id: dict[str, Recipient] = {}
    ordered: list[Recipient] = []
    for index, entry in enumerate(members):
        recipient = _member(entry, f"{source_file}:[{index}]")
        ordered.append(recipient)
        if recipient.key:
            by_id[recipient.key] = recipient
    if committees:
        index_map = _committee_index(folder)
        membership = _congress_file(folder, "committee-membership-current.yaml") or {}
        chosen: list[Recipient] = []
        seen: set[str] = set()
        for raw in committees:
            cid = raw.strip().upper()
            if cid not in index_map or cid not in membership:
                known = sorted(k for k in index_map if len(k) == 4)
                raise SpecError(
                    f"unknown committee '{raw}'",
                    path=folder / "committees-current.yaml",
                    hint=f"use a thomas_id such as {', '.join(known[:6])} ... "
                    "(a subcommittee adds its number, e.g. SSFR09)",
                )
            cname, sub = index_map[cid]
            for seat in _seats_in_order(membership[cid] or []):
                bid = str(seat.get("bioguide") or "")
                member = by_id.get(bid)
                if member is None or bid in seen:
                    continue
                seen.add(bid)
                title = _text(seat.get("title")) or ""
                leader = title.casefold() in _LEADERSHIP_TITLES
                extra = {
                    "committee": cname,
                    "committee_id": cid,
                    "subcommittee": sub or "",
                    "committee_title": title if leader else "",
                    "committee_ex_officio": title.casefold() == "ex officio",
                    "committee_rank": seat.get("rank"),
                    "committee_side": str(seat.get("party") or ""),
                }
                chosen.append(
                    member.model_copy(update={"variables": {**member.variables, **extra}})
                )
        ordered = chosen
    else:
        ordered.sort(
            key=lambda r: (
                r.variables.get("chamber") != "senate",
                _state_sort_key(str(r.variables.get("state", ""))),
                r.variables.get("district_number") or 0,
                (r.surname or "").lower(),
            )
        )
    return select(ordered, where or {})


def is_congress(path: str | Path) -> bool:
    """True when ``path`` is a congress-legislators folder or its members file."""
    path = Path(path)
    if path.is_dir():
        return (path / CONGRESS_FILE).is_file()
    return path.name.startswith("legislators-") and path.suffix in (".yaml", ".yml")


# --------------------------------------------------------------------------- selection

_VALUE_ALIASES: dict[str, dict[str, str]] = {
    "chamber": {"sen": "senate", "s": "senate", "senator": "senate", "senators": "senate",
                "rep": "house", "h": "house", "representative": "house",
                "representatives": "house"},
}  # fmt: skip


def parse_where(conditions: Iterable[str]) -> dict[str, set[str]]:
    """Parse ``KEY=VALUE`` conditions (``VALUE`` may list alternatives: ``ID,NH``).

    The same key given twice accepts either value; different keys must all match.

    Raises:
        SpecError: A condition without ``=``.
    """
    out: dict[str, set[str]] = {}
    for condition in conditions:
        key, sep, value = condition.partition("=")
        if not sep or not key.strip():
            raise SpecError(
                f"cannot read the condition {condition!r}",
                hint="write KEY=VALUE, e.g. --where chamber=senate --where state=ID",
            )
        values = {v.strip().casefold() for v in value.split(",") if v.strip()}
        out.setdefault(_column(key), set()).update(values)
    return out


def _candidates(recipient: Recipient, key: str) -> list[str]:
    direct: dict[str, Any] = {
        "name": recipient.name,
        "office": recipient.office,
        "gender": recipient.gender,
        "status": recipient.status,
        "key": recipient.key,
    }
    values = [direct.get(key), recipient.variables.get(key), recipient.variables.get(f"{key}_code")]
    return [_match_form(str(v)) for v in values if v is not None and str(v) != ""]


def _match_form(value: str) -> str:
    """A value as conditions compare it: case-folded, without a leading "the "."""
    return re.sub(r"^the\s+", "", " ".join(value.split()).casefold())


def _known_keys(recipients: Sequence[Recipient]) -> set[str]:
    keys = {"name", "office", "gender", "status", "key"}
    for recipient in recipients:
        keys.update(recipient.variables)
    return keys


def select(recipients: Sequence[Recipient], where: Mapping[str, Iterable[str]]) -> list[Recipient]:
    """Keep the recipients matching every condition (case-insensitive).

    A condition ``state=ID`` matches a recipient whose ``state`` or ``state_code``
    is "ID"; ``gender=F`` matches ``female``; ``chamber`` also accepts ``sen``/``rep``.

    Raises:
        SpecError: A key no recipient has (usually a typo).
    """
    if not where:
        return list(recipients)
    known = _known_keys(recipients)
    conditions: dict[str, set[str]] = {}
    for key, values in where.items():
        column = _column(key)
        if recipients and column not in known:
            raise SpecError(
                f"no recipient has '{key}' to select on",
                hint=f"keys: {', '.join(sorted(known))}",
            )
        aliases = _VALUE_ALIASES.get(column, {})
        wanted = {_match_form(aliases.get(v.casefold(), v)) for v in values}
        if column == "gender":
            wanted = {str(_safe_gender(v) or v) for v in wanted}
        conditions[column] = wanted
    return [
        r
        for r in recipients
        if all(wanted & set(_candidates(r, key)) for key, wanted in conditions.items())
    ]


def _safe_gender(value: str) -> str | None:
    try:
        return _gender(value)
    except ValueError:
        return None


# --------------------------------------------------------------------------- entry point


def load_recipients(
    source: str | Path,
    *,
    where: Iterable[str] | Mapping[str, Iterable[str]] = (),
    committees: Sequence[str] = (),
) -> list[Recipient]:
    """Read a recipient list from any supported source and select from it.

    Args:
        source: A ``.csv``/``.tsv`` file, a ``.yaml``/``.yml``/``.json`` list, or a
            congress-legislators folder (or its ``legislators-current.yaml``).
        where: ``KEY=VALUE`` strings (see :func:`parse_where`) or an already parsed
            mapping.
        committees: Committee ids; only for the congress data.

    Returns:
        The recipients in source order (rows with problems included, flagged).

    Raises:
        SpecError: Unreadable source, unknown format, or ``committees`` on a plain list.
    """
    path = Path(source)
    conditions = where if isinstance(where, Mapping) else parse_where(where)
    if is_congress(path):
        return load_congress(path, where=conditions, committees=committees)
    if committees:
        raise SpecError(
            "--committee selects from the congress-legislators data only",
            path=path,
            hint="for your own list, add a committee column and use --where committee=...",
        )
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        rows = read_csv(path)
    elif suffix in (".yaml", ".yml", ".json"):
        rows = read_list(path)
    elif path.is_dir():
        raise SpecError(
            "this folder is not congress-legislators data",
            path=path,
            hint=f"pass a .csv or .yaml list, or a folder holding {CONGRESS_FILE}",
        )
    else:
        raise SpecError(
            f"cannot tell the format of '{path.name}'",
            path=path,
            hint="use a .csv, .tsv, .yaml, .yml or .json recipient list",
        )
    return select(rows, conditions)


def iter_problems(recipients: Iterable[Recipient]) -> Iterator[Recipient]:
    """The recipients that cannot be used (their ``problem`` says why)."""
    return (r for r in recipients if r.problem)
