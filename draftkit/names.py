"""Personal names: courtesy titles, particles, generational and degree suffixes, the surname.

Forms of address take the surname for the salutation ("Dear Secretary Blinken"),
sign-on lists sort signers by family name and turn "Doe, Jane" round: all of them read
names by this one table of titles, particles and suffixes.
"""

from __future__ import annotations

import re

from draftkit.errors import ProtocolError

__all__ = [
    "PARTICLES",
    "SUFFIXES",
    "split_leading_title",
    "strip_degrees",
    "surname_of",
]

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

SUFFIXES = frozenset(
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
PARTICLES = frozenset(
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


def split_leading_title(name: str) -> tuple[str | None, str]:
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
    return split_leading_title(name)[1]


_DEGREES = frozenset({"phd", "ph.d.", "md", "m.d.", "d.phil.", "dphil"})
_ROMAN = re.compile(r"^[IVX]+$")


def strip_degrees(name: str) -> str:
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
            and word.lower() not in SUFFIXES
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
    while len(words) > 1 and words[-1].lower() in SUFFIXES:
        words.pop()
    if not words:
        raise ProtocolError(
            f"cannot find a surname in {name!r}", hint="give the person's name or a surname"
        )
    upper = _upper_surname(words)
    if upper is not None:
        return upper
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(words[start:])
