"""Sign-on letters: signatories from a form export, cleaned, de-duplicated, ordered, counted.

Coalition letters collect signatures through a web form or a shared spreadsheet. The
export has its own column names ("Your name", "Organisation", "Signing as"), stray
spaces, names typed in capitals, and the same organisation entered twice ("Human Rights
Watch" and "Human Rights Watch (HRW)"). This module turns such a file into the letter's
``signatories`` list:

- :func:`read_signatories` reads a CSV/TSV export, a workbook (.xlsx/.xls/.ods) or a
  YAML/JSON list (through :func:`draftkit.tables.read_table`) with loosely matched
  columns, normalises whitespace and all-capital or all-lower-case names, and merges
  duplicates (same organisation under its acronym, without "The", with "&" for "and" or
  a legal form such as "Inc." or "Ltd."; same person with another spacing, case,
  accents, "Last, First" order, or the same e-mail).
- :func:`find_near_duplicates` lists what is likely the same signatory typed two ways
  ("Amnesty Internatonal USA" and "Amnesty International USA"), for review;
  :func:`merge_near_duplicates` (``merge_near=True``) accepts the merge.
- :func:`order_signatories` applies an ordering policy: ``as-entered``,
  ``organization`` (alphabetical by organisation), ``family-name``, or
  ``lead-then-alphabetical``.
- :func:`count_signatories` and :func:`count_text` keep counts true: "the undersigned
  11 organizations" is generated from the list (counts typed into a letter that the
  list contradicts are the ``count-mismatch`` rule of :mod:`draftkit.check`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import ValidationError
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from draftkit.cells import cell_lines
from draftkit.errors import SpecError
from draftkit.names import PARTICLES, SUFFIXES, surname_of
from draftkit.numbers import number_words
from draftkit.schema import Signatory
from draftkit.tables import Table, read_table

__all__ = [
    "ORDER_POLICIES",
    "Duplicate",
    "NearDuplicate",
    "OrderPolicy",
    "SignatoryCounts",
    "SignatoryImport",
    "count_signatories",
    "count_text",
    "dedupe",
    "find_near_duplicates",
    "identity_key",
    "merge_near_duplicates",
    "normalize_name",
    "order_signatories",
    "organization_key",
    "read_signatories",
    "signatories_yaml",
]

OrderPolicy = Literal["as-entered", "organization", "family-name", "lead-then-alphabetical"]
ORDER_POLICIES: tuple[OrderPolicy, ...] = (
    "as-entered",
    "organization",
    "family-name",
    "lead-then-alphabetical",
)
MAX_BYTES = 20 * 1024 * 1024


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A row merged into an earlier one.

    Attributes:
        kept: The name kept (the first entry).
        dropped: The name of the duplicate entry.
        source: Where the duplicate was (``form.csv:12``).
        reason: Why they are the same (``same organization`` ...).
    """

    kept: str
    dropped: str
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two signatories whose names are likely the same one typed two ways.

    Attributes:
        kept: The name kept if the two are merged (the spelling whose words other names
            in the list also use, else the one entered more often, else the first).
        other: The other spelling.
        score: Similarity of the normalised names, 0-100 (rapidfuzz ``ratio``).
        kind: ``organization`` or ``individual``.
    """

    kept: str
    other: str
    score: float
    kind: str

    def line(self) -> str:
        """The review line: ``likely the same: "A" ~ "B" (98)``."""
        return f'likely the same: "{self.kept}" ~ "{self.other}" ({self.score:.0f})'


@dataclass(slots=True)
class SignatoryImport:
    """Signatories read from a file.

    Attributes:
        signatories: Cleaned and de-duplicated, in the order entered.
        duplicates: Rows merged into earlier ones.
        skipped: Rows that could not be used, each ``"source: why"``.
        identification_only: Names of individuals whose affiliation is listed for
            identification only.
        unused_columns: Headers that are not a signatory field and not form bookkeeping
            (timestamps, ids, consent): their data is not in the list.
        source: The file read.
        near_duplicates: Signatories likely the same under two spellings: merged (and
            also listed in ``duplicates``) when read with ``merge_near=True``, else
            left in the list for review.
        read_as: How the file was read (``CSV, Windows-1252 (detected)``,
            ``XLSX, sheet 'Signers'``).
        warnings: What the reader noticed in the file (names garbled by a wrong
            encoding before it was saved), one line each; see
            :attr:`draftkit.tables.Table.warnings`.
    """

    signatories: list[Signatory] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    identification_only: list[str] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    source: str = ""
    near_duplicates: list[NearDuplicate] = field(default_factory=list)
    read_as: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SignatoryCounts:
    """How many signed, by type.

    Attributes:
        total: Every signatory.
        organizations: Organisations.
        individuals: Individuals.
        leads: Lead signatories.
        former: Individuals signing in a former capacity.
    """

    total: int
    organizations: int
    individuals: int
    leads: int
    former: int


# --------------------------------------------------------------------------- normalisation

_SMALL_WORDS = frozenset(
    {"a", "an", "and", "at", "de", "del", "der", "di", "du", "for", "in", "la", "le", "of",
     "on", "or", "the", "to", "van", "von", "y", "et", "des", "da", "dos"}
)  # fmt: skip


def _title_word(word: str, first: bool) -> str:
    if not first and word in _SMALL_WORDS:
        return word
    parts = re.split(r"([-'’])", word)
    out = []
    for part in parts:
        if part in ("-", "'", "’") or not part:
            out.append(part)
        elif part.startswith("mc") and len(part) > 2:
            out.append("Mc" + part[2:].capitalize())
        else:
            out.append(part[:1].upper() + part[1:])
    return "".join(out)


def normalize_name(text: str) -> str:
    """Tidy a name as typed into a form.

    Whitespace is collapsed; a name typed all in capitals or all in lower case is set in
    title case (small words such as "of" and "the" stay lower case, an acronym in
    parentheses stays as typed). Mixed-case names are kept as entered ("iDefend").

    Examples:
        ``"  HUMAN  RIGHTS WATCH (HRW) "`` -> ``"Human Rights Watch (HRW)"``;
        ``"jane o'neil-smith"`` -> ``"Jane O'Neil-Smith"``.
    """
    text = " ".join(text.split())
    letters = [c for c in re.sub(r"\([^)]*\)", "", text) if c.isalpha()]
    if not letters:
        return text
    upper = all(c.isupper() for c in letters)
    lower = all(c.islower() for c in letters)
    if not (lower or (upper and len(letters) > 4)):
        return text
    words = []
    for index, token in enumerate(text.split(" ")):
        if token.startswith("(") or (upper and len(token) <= 1):
            words.append(token)
        else:
            words.append(_title_word(token.lower(), index == 0))
    return " ".join(words)


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form for comparisons and sorting."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = stripped.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def _acronyms(name: str) -> list[str]:
    return [_fold(a) for a in re.findall(r"\(([^)]+)\)", name) if _fold(a)]


# legal forms at the end of an organisation's name, as folded ("Inc." -> "inc", "e.V." -> "e v")
_LEGAL_FORMS = re.compile(
    r"(?:\s+(?:inc|incorporated|ltd|limited|llc|l l c|llp|plc|corp|corporation|co|gmbh"
    r"|e v|ev|asbl|aisbl|a c|pbc|cic|ngo))+$"
)


def organization_key(name: str) -> str:
    """An organisation's name as compared: case, accents, punctuation, "the", &/and,
    a parenthesised acronym and a trailing legal form (Inc., Ltd., LLC, e.V. ...) left out.

    Examples:
        ``"The Rights Fund, Inc."`` -> ``"rights fund"``; ``"Aid & Relief (A&R)"`` ->
        ``"aid and relief"``.
    """
    base = _fold(re.sub(r"\([^)]*\)", " ", name))
    base = base.removeprefix("the ").strip()
    stripped = _LEGAL_FORMS.sub("", base).strip()
    return stripped or base or _fold(name)


_org_key = organization_key


_PERSON_TITLES = re.compile(
    r"^(?:dr|prof|professor|rev|mr|mrs|ms|mx|sr|sir|dame|hon|the hon)\.?\s+", re.IGNORECASE
)


def _person_name(name: str) -> str:
    """``"Doe, Jane"`` -> ``"Jane Doe"`` (but ``"King, Jr."`` stays)."""
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        if first and last and first.casefold() not in SUFFIXES and " " not in last.strip():
            return f"{first} {last}"
    return name


def _person_key(name: str) -> str:
    text = _PERSON_TITLES.sub("", name)
    return _fold(text)


def identity_key(name: str, *, organization: bool) -> str:
    """Who a signatory is, as de-duplication compares them: the same key is the same signer.

    An organisation by :func:`organization_key`; a person by their name without courtesy
    titles, case, accents or punctuation, "Last, First" read as "First Last".
    """
    if organization:
        return "org:" + organization_key(name)
    return "person:" + _person_key(_person_name(name))


# --------------------------------------------------------------------------- columns

_COLUMNS: list[tuple[str, tuple[str, ...]]] = [
    # target, header words (matched on the folded header; first rule that fits wins)
    ("identification", ("identification", "id only", "for id")),
    ("email", ("email", "e mail")),
    ("lead", ("lead",)),
    ("former", ("former",)),
    ("kind", ("type", "kind", "signing as", "sign as", "capacity", "category")),
    ("first_name", ("first name", "given name", "first")),
    ("last_name", ("last name", "family name", "surname", "last")),
    ("title", ("title", "position", "job", "role")),
    ("organization", ("organization", "organisation", "org", "affiliation", "institution",
                      "company", "group")),
    ("name", ("name", "signatory", "signer", "full name", "fullname", "person",
              "individual", "signature")),
]  # fmt: skip


def _header_target(header: str) -> str | None:
    folded = _fold(header.replace("_", " "))
    if not folded:
        return None
    for target, words in _COLUMNS:
        for word in words:
            if folded == word or re.search(rf"\b{re.escape(word)}\b", folded):
                return target
    return None


_BOOKKEEPING = re.compile(
    r"\b(timestamp|time|date|submitted|submission|id|ip|consent|agree[sd]?|response|row|"
    r"notes?|comments?|source|status|phone|telephone|address|city|country|state|zip|"
    r"postcode|website|url)\b"
)
"""Form-export columns that are expected not to be used (no note about them)."""


def _unused(headers: Sequence[str], columns: Mapping[str, str]) -> list[str]:
    return [
        h
        for h in headers
        if h and h.strip() and h not in columns and not _BOOKKEEPING.search(_fold(h))
    ]


def _columns(headers: Sequence[str]) -> dict[str, str]:
    """header -> target field; each target taken by its first header."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        target = _header_target(header or "")
        if target is None:
            continue
        if target in taken:
            continue
        out[header] = target
        taken.add(target)
    return out


_TRUE = frozenset({"yes", "y", "true", "1", "x", "✓", "✔", "checked", "on"})


def _truthy(value: Any) -> bool:
    text = _fold(str(value or ""))
    return text in _TRUE or text.startswith("yes") or "identification" in text


def _kind(value: Any) -> tuple[Literal["individual", "organization"] | None, bool]:
    """The signatory type written in a cell, and whether it says identification only."""
    text = _fold(str(value or ""))
    if not text:
        return None, False
    ident = "identification" in text
    if any(w in text for w in ("individual", "person", "myself", "personal")) or ident:
        return "individual", ident
    if any(w in text for w in ("org", "group", "institution", "behalf", "ngo", "coalition")):
        return "organization", False
    return None, False


# --------------------------------------------------------------------------- reading


_NOT_UTF8 = "export the form as UTF-8 CSV, or pass --encoding"


def _rows(
    path: Path, fmt: str | None, sheet: str | None, encoding: str | None
) -> tuple[list[dict[Any, Any]], list[str], Table]:
    table = read_table(
        path,
        limit=MAX_BYTES,
        what="signatory file",
        hint=_NOT_UTF8,
        fmt=fmt,
        sheet=sheet,
        encoding=encoding,
        list_key="signatories",
    )
    if table.format in ("json", "yaml") and any(set(r.cells) == {None} for r in table.rows):
        raise SpecError("expected a list of signatories (mappings)", path=table.name)
    return [dict(row.cells) for row in table.rows], [table.source(row) for row in table.rows], table


def _signatory(row: Mapping[str, Any], columns: Mapping[str, str]) -> tuple[Signatory, bool, str]:
    """One row as a signatory, whether it is for identification only, and its e-mail.

    Raises:
        ValueError: The row has no name, or a type that is not understood.
    """
    values: dict[str, Any] = {}
    for header, target in columns.items():
        value = row.get(header)
        if value not in (None, ""):
            values[target] = value
    name = normalize_name(str(values.get("name", "")))
    organization = normalize_name(str(values.get("organization", "")))
    if not name:
        first = normalize_name(str(values.get("first_name", "")))
        last = normalize_name(str(values.get("last_name", "")))
        name = " ".join(p for p in (first, last) if p)
    kind, ident = _kind(values.get("kind"))
    if values.get("kind") not in (None, "") and kind is None:
        raise ValueError(f"type {values['kind']!r} is neither an individual nor an organization")
    ident = ident or _truthy(values.get("identification"))
    if kind is None:
        kind = "individual" if name else "organization"
    if kind == "organization":
        name = name if name and not organization else (organization or name)
        if not name:
            raise ValueError("no organization name")
        signatory = Signatory(name=name, kind="organization", lead=_truthy(values.get("lead")))
        return signatory, False, ""
    if not name:
        raise ValueError("no name")
    signatory = Signatory(
        name=_person_name(name),
        kind="individual",
        title_lines=cell_lines(values.get("title")),
        organization=organization or None,
        former=_truthy(values.get("former")),
        lead=_truthy(values.get("lead")),
    )
    return signatory, ident and bool(organization), _fold(str(values.get("email", "")))


def read_signatories(
    path: str | Path,
    *,
    fmt: str | None = None,
    sheet: str | None = None,
    encoding: str | None = None,
    merge_near: bool = False,
) -> SignatoryImport:
    """Read signatories from a CSV/TSV form export, a workbook or a YAML/JSON list.

    The file is read by :func:`draftkit.tables.read_table` (``-`` is standard input;
    ``fmt``, ``sheet`` and ``encoding`` as there).

    Columns are matched loosely: a header containing "name", "signatory" or "signer" is
    the name; "first name"/"last name" are joined; "organization", "organisation",
    "affiliation" or "institution" is the organisation; "title" or "position" the title
    lines (split on ``;`` or new lines); "type", "kind" or "signing as" the type
    (individual or organization); "identification" marks an affiliation listed for
    identification only; "lead" a lead signatory; "former" a former capacity; "e-mail"
    is used only to recognise the same person twice. Other columns are not used; those
    that are not form bookkeeping (timestamps, ids, consent, comments ...) are listed in
    ``unused_columns`` so a caller can say so. A row without a type is an individual
    when it has a name, else the organisation it names.

    Names that are likely the same signatory typed two ways are found by
    :func:`find_near_duplicates`; with ``merge_near`` they are merged (the spelling kept
    is the one :class:`NearDuplicate` describes), else listed in ``near_duplicates`` for
    review and left in the list.

    Returns:
        The cleaned, de-duplicated list in the order entered, with what was merged or
        skipped.

    Raises:
        SpecError: The file is missing, unreadable, or has no name/organisation column.
    """
    path = Path(path)
    rows, sources, table = _rows(path, fmt, sheet, encoding)
    headers: list[str] = []
    for row in rows:
        headers.extend(h for h in row if h is not None and h not in headers)
    columns = _columns(headers)
    if not {"name", "organization", "first_name", "last_name"} & set(columns.values()):
        raise SpecError(
            "no name or organization column",
            path=table.name,
            line=None if table.sheet else 1,
            where=f"sheet '{table.sheet}', row 1" if table.sheet else None,
            hint="name a column 'name' (and 'organization', 'title', 'type' as needed)",
        )
    result = SignatoryImport(
        source=table.name,
        unused_columns=_unused(headers, columns),
        read_as=table.read_as(),
        warnings=list(table.warnings),
    )
    entries: list[tuple[Signatory, str, str]] = []
    for row, source in zip(rows, sources, strict=True):
        if not any(str(v or "").strip() for v in row.values()):
            continue
        try:
            signatory, ident, email = _signatory(row, columns)
        except (ValueError, ValidationError) as exc:
            message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            result.skipped.append(f"{source}: {message}")
            continue
        entries.append((signatory, source, email))
        if ident:
            result.identification_only.append(signatory.name)
    result.signatories, result.duplicates = _dedupe(entries)
    counts: dict[str, int] = {}
    for dup in result.duplicates:
        counts[dup.kept] = counts.get(dup.kept, 0) + 1
    result.near_duplicates = find_near_duplicates(result.signatories, rows=counts)
    if merge_near and result.near_duplicates:
        result.signatories, merged = merge_near_duplicates(
            result.signatories, result.near_duplicates
        )
        first_row: dict[str, str] = {}
        for signatory, source, _ in entries:
            first_row.setdefault(signatory.name, source)
        result.duplicates.extend(
            Duplicate(d.kept, d.dropped, first_row.get(d.dropped, d.source), d.reason)
            for d in merged
        )
    kept = {s.name for s in result.signatories}
    result.identification_only = [
        n for n in dict.fromkeys(result.identification_only) if n in kept
    ]
    return result


def _merge_into(first: Signatory, other: Signatory) -> Signatory:
    update: dict[str, Any] = {
        "lead": first.lead or other.lead,
        "former": first.former or other.former,
    }
    if first.kind == "individual":
        if not first.title_lines and other.title_lines:
            update["title_lines"] = list(other.title_lines)
        if not first.organization and other.organization:
            update["organization"] = other.organization
    return first.model_copy(update=update)


def _dedupe(
    entries: Iterable[tuple[Signatory, str, str]],
) -> tuple[list[Signatory], list[Duplicate]]:
    kept: list[Signatory] = []
    duplicates: list[Duplicate] = []
    by_key: dict[tuple[str, str], int] = {}
    for signatory, source, email in entries:
        if signatory.kind == "organization":
            acronyms = [("org", a) for a in _acronyms(signatory.name)]
            keys = [("org", _org_key(signatory.name)), *acronyms]
            reason = "same organization"
        else:
            keys = [("person", _person_key(signatory.name))]
            if email:
                keys.append(("email", email))
            reason = "same person"
        found = next((by_key[k] for k in keys if k in by_key), None)
        if found is not None:
            first = kept[found]
            kept[found] = _merge_into(first, signatory)
            duplicates.append(Duplicate(first.name, signatory.name, source, reason))
            index = found
        else:
            kept.append(signatory)
            index = len(kept) - 1
        for key in keys:
            by_key.setdefault(key, index)
        if signatory.kind == "organization":
            # an entry that is only an acronym ("HRW") matches "Human Rights Watch (HRW)"
            by_key.setdefault(("org", _fold(signatory.name)), index)
    return kept, duplicates


def dedupe(signatories: Iterable[Signatory]) -> tuple[list[Signatory], list[Duplicate]]:
    """Merge repeated signatories (first entry kept; lead/titles filled from later ones).

    Organisations match when their names agree ignoring case, accents, punctuation, a
    leading "The", "&" for "and", and a parenthesised acronym (which also matches an
    entry that is only that acronym). People match on their name ignoring case, accents,
    punctuation, courtesy titles and "Last, First" order.

    Returns:
        The kept signatories in order, and the duplicates merged.
    """
    return _dedupe((s, f"#{i + 1}", "") for i, s in enumerate(signatories))


# --------------------------------------------------------------------------- near duplicates

_NEAR_CUTOFF = 85.0  # rapidfuzz ratio below which two names are not compared further


def _typo_of(first: list[str], second: list[str]) -> bool:
    """Whether two token lists differ only by typing slips.

    Same words but for a few of at least four letters each, each within one edit (two
    for words over eight letters; a swap of neighbours is one edit): "Internatonal" for
    "International", "Wacth" for "Watch", "Centre" for "Center". A different short word
    ("USA" and "UK"), a number, or a word more or less is a different signatory; words
    run together ("HumanRights") are the same.
    """
    if len(first) != len(second):
        return "".join(first) == "".join(second)
    differing = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    if not differing or len(differing) > max(1, len(first) // 3):
        return False
    for a, b in differing:
        if min(len(a), len(b)) < 4 or any(c.isdigit() for c in a + b):
            return False
        allowed = 1 if max(len(a), len(b)) <= 8 else 2
        if DamerauLevenshtein.distance(a, b) > allowed:
            return False
    return True


def _near_key(signatory: Signatory) -> str:
    if signatory.kind == "organization":
        return organization_key(signatory.name)
    return _person_key(signatory.name)


def find_near_duplicates(
    signatories: Sequence[Signatory], *, rows: Mapping[str, int] | None = None
) -> list[NearDuplicate]:
    """Signatories that are likely the same one typed two ways, for review.

    Names are compared after :func:`organization_key` normalisation (people: case,
    accents, punctuation and courtesy titles left out). Two organisations are likely the
    same when their names differ only by typing slips (see below); two people only when
    they also give the same organisation, since two people's names may rightly differ
    by one letter ("Maria" and "Mario"). A slip is a word of at least four letters within
    one edit of the other (two for words over eight letters; swapped neighbours count
    as one), in at most a third of the words, or words run together; a different short
    word ("USA" and "UK") or number never is. Exact duplicates are :func:`dedupe`'s.

    Args:
        signatories: The list (already de-duplicated).
        rows: How many rows each name stood for (a name merged from three rows: 3), to
            keep the spelling entered most often when the rest of the list does not
            tell which spelling is right.

    Returns:
        One :class:`NearDuplicate` per name to merge into another, in list order.
    """
    items = list(signatories)
    keys = [_near_key(s) for s in items]
    tokens = [k.split() for k in keys]
    support: dict[str, int] = {}
    for words in tokens:
        for word in set(words):
            support[word] = support.get(word, 0) + 1
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    scores: dict[int, float] = {}
    for i, key in enumerate(keys):
        if not key:
            continue
        later = {j: keys[j] for j in range(i + 1, len(items)) if keys[j]}
        for _, score, j in process.extract(
            key, later, scorer=fuzz.ratio, score_cutoff=_NEAR_CUTOFF, limit=None
        ):
            a, b = items[i], items[j]
            if a.kind != b.kind or key == keys[j]:
                continue
            if a.kind == "individual" and (
                not a.organization
                or not b.organization
                or organization_key(a.organization) != organization_key(b.organization)
            ):
                continue
            if not _typo_of(tokens[i], tokens[j]):
                continue
            ri, rj = root(i), root(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
            scores[j] = max(scores.get(j, 0.0), float(score))
            scores[i] = max(scores.get(i, 0.0), float(score))
    groups: dict[int, list[int]] = {}
    for index in range(len(items)):
        if index in scores:
            groups.setdefault(root(index), []).append(index)
    counted = rows or {}

    def weight(index: int, members: list[int]) -> tuple[int, int, int, int]:
        # A slip is rarely typed the same way in another name, so the spelling whose
        # words other names (outside the group) also use is the right one, even when
        # the slip was entered more often ("Associiation" twice, "Association" once
        # beside nine other "... Association"s); then the spelling entered more often.
        inside: dict[str, int] = {}
        for member in members:
            for word in set(tokens[member]):
                inside[word] = inside.get(word, 0) + 1
        seen_elsewhere = sum(support.get(w, 0) > inside.get(w, 0) for w in set(tokens[index]))
        return (
            seen_elsewhere,
            1 + counted.get(items[index].name, 0),
            sum(support.get(w, 0) for w in tokens[index]),
            -index,
        )

    found: list[tuple[int, NearDuplicate]] = []
    for members in groups.values():
        best = max(members, key=lambda index: weight(index, members))
        for index in members:
            if index == best:
                continue
            found.append(
                (
                    index,
                    NearDuplicate(
                        kept=items[best].name,
                        other=items[index].name,
                        score=round(fuzz.ratio(keys[best], keys[index]), 1),
                        kind=items[index].kind,
                    ),
                )
            )
    return [near for _, near in sorted(found, key=lambda pair: pair[0])]


def merge_near_duplicates(
    signatories: Sequence[Signatory], near: Iterable[NearDuplicate]
) -> tuple[list[Signatory], list[Duplicate]]:
    """Accept near-duplicate merges: each ``other`` folds into its ``kept``.

    The kept spelling takes the place of the first of the two in the list; lead, former,
    titles and organisation are filled in as :func:`dedupe` does.

    Returns:
        The list, and one :class:`Duplicate` per merged name (reason ``likely the same
        (score)``).
    """
    items = list(signatories)
    by_name = {s.name: i for i, s in reversed(list(enumerate(items)))}
    target: dict[int, int] = {}
    merged: list[Duplicate] = []
    for pair in near:
        keep, drop = by_name.get(pair.kept), by_name.get(pair.other)
        if keep is None or drop is None or keep == drop:
            continue
        target[drop] = keep
        merged.append(
            Duplicate(pair.kept, pair.other, f"#{drop + 1}", f"likely the same ({pair.score:.0f})")
        )
    out: list[Signatory] = []
    position: dict[int, int] = {}  # kept index -> its place in out
    for index, signatory in enumerate(items):
        keep = target.get(index, index)
        if keep in position:
            place = position[keep]
            out[place] = _merge_into(out[place], signatory)
            continue
        # the kept spelling takes the place of whichever of the two comes first
        position[keep] = len(out)
        out.append(signatory if keep == index else _merge_into(items[keep], signatory))
    return out, merged


# --------------------------------------------------------------------------- ordering


def _family_key(name: str) -> tuple[str, str]:
    try:
        surname = surname_of(name)
    except Exception:  # a name surname_of cannot split sorts under itself
        surname = name
    words = surname.split()
    while len(words) > 1 and words[0].casefold() in PARTICLES:
        words = words[1:]
    return _fold(" ".join(words)), _fold(name)


def _org_sort(name: str) -> tuple[str, str]:
    folded = _fold(name)
    return folded.removeprefix("the "), folded


def _sort_key(signatory: Signatory, policy: OrderPolicy) -> tuple[str, str, str]:
    if signatory.kind == "organization":
        return (*_org_sort(signatory.name), "")
    family = _family_key(signatory.name)
    if policy == "organization" and signatory.organization:
        return (*_org_sort(signatory.organization), family[0])
    return (*family, "")

def order_signatories(signatories: Sequence[Signatory], policy: OrderPolicy) -> list[Signatory]:
    """Order signatories by a policy.

    Policies:
        ``as-entered``: unchanged.
        ``organization``: alphabetical by organisation; an individual sorts under their
        organisation (then family name), or under their family name without one.
        ``family-name``: individuals by family name (particles such as "van" ignored),
        organisations by name.
        ``lead-then-alphabetical``: lead signatories first as entered, then the rest
        alphabetically (organisations by name, individuals by family name).

    A leading "The", case and accents never affect the order.

    Raises:
        SpecError: Unknown policy.
    """
    if policy not in ORDER_POLICIES:
        raise SpecError(
            f"unknown signatory order '{policy}'", hint=f"use one of {', '.join(ORDER_POLICIES)}"
        )
    items = list(signatories)
    if policy == "as-entered":
        return items
    if policy == "lead-then-alphabetical":
        leads = [s for s in items if s.lead]
        rest = sorted((s for s in items if not s.lead), key=lambda s: _sort_key(s, "family-name"))
        return leads + rest
    return sorted(items, key=lambda s: _sort_key(s, policy))


# --------------------------------------------------------------------------- counts


def count_signatories(signatories: Iterable[Signatory]) -> SignatoryCounts:
    """Count signatories by type."""
    items = list(signatories)
    return SignatoryCounts(
        total=len(items),
        organizations=sum(1 for s in items if s.kind == "organization"),
        individuals=sum(1 for s in items if s.kind == "individual"),
        leads=sum(1 for s in items if s.lead),
        former=sum(1 for s in items if s.former),
    )


def count_text(
    signatories: Iterable[Signatory],
    *,
    prefix: str = "the undersigned",
    words: bool = False,
    organization_word: str = "organizations",
) -> str:
    """The count of signers as a phrase generated from the list.
    Examples: "the undersigned 11 organizations", "the undersigned 11 organizations and
    3 individuals", with ``words=True`` "the undersigned eleven organizations"; one
    signer: "the undersigned organization".

    Args:
        signatories: The list.
        prefix: Text before the number.
        words: Spell numbers below 100 as words.
        organization_word: "organizations" or "organisations".
    """
    counts = count_signatories(signatories)

    def part(number: int, plural: str, singular: str) -> str:
        if number == 1 and counts.total == 1:
            return singular
        shown = number_words(number) if words else str(number)
        return f"{shown} {plural if number != 1 else singular}"

    org_singular = organization_word.removesuffix("s")
    parts = []
    if counts.organizations:
        parts.append(part(counts.organizations, organization_word, org_singular))
    if counts.individuals:
        parts.append(part(counts.individuals, "individuals", "individual"))
    if not parts:
        return prefix
    return f"{prefix} {' and '.join(parts)}".strip()


# --------------------------------------------------------------------------- output


def signatories_yaml(
    signatories: Sequence[Signatory],
    *,
    policy: OrderPolicy = "as-entered",
    source: str | None = None,
    identification_only: Sequence[str] = (),
) -> str:
    """The list as a YAML fragment to paste into a spec (``signatories:``), with counts.

    The header comments give the counts, the ordering policy and the generated count
    text; the fragment holds only the ``signatories:`` key.
    """
    counts = count_signatories(signatories)
    entries: list[dict[str, Any]] = []
    for signatory in signatories:
        entry = signatory.model_dump(exclude_defaults=True)
        entry["name"] = signatory.name
        if signatory.kind == "organization":
            entry["kind"] = "organization"
        entries.append(entry)
    lines = [
        f"# {counts.total} signatories"
        + (f" from {source}" if source else "")
        + f": {counts.organizations} organizations, {counts.individuals} individuals"
        + (f", {counts.leads} lead" if counts.leads else ""),
        f"# order: {policy} (set options.signatory_order: {policy} in the spec)",
        f'# count text: "{count_text(signatories)}"',
    ]
    if identification_only:
        lines.append(
            f"# {len(identification_only)} sign with affiliations for identification only;"
            ' consider signatory_note: "Affiliations are listed for identification only."'
        )
    body = yaml.safe_dump(
        {"signatories": entries}, sort_keys=False, allow_unicode=True, width=88
    )
    return "\n".join(lines) + "\n" + body
