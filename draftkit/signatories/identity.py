"""Who a signatory is: a name as typed tidied, and the keys that tell two entries are one signer."""

from __future__ import annotations

import re
import unicodedata

from draftkit.names import SUFFIXES

__all__ = ["identity_key", "normalize_name", "organization_key"]

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
