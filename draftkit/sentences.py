"""Sentence boundaries, list markers and paragraph openings in letter prose."""

from __future__ import annotations

import re

__all__ = ["ABBREVIATED_END", "LIST_MARKER", "ends_sentence", "first_sentence", "split_marker"]

_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "no",
    "nos",
    "art",
    "arts",
    "para",
    "paras",
    "vs",
    "v",
    "e.g",
    "i.e",
    "cf",
    "p",
    "pp",
    "vol",
    "ch",
    "sec",
    "fig",
    "gen",
    "sen",
    "rep",
    "gov",
    "amb",
    "hon",
    "rev",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "approx",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mt",
    "ft",
    "lt",
    "col",
    "capt",
    "sgt",
    "ave",
    "blvd",
    "op",
    "al",
    "etc.",
}
_END = re.compile(r"([.!?])([”’\"')\]]*)(\s+)(?=[A-Z“\"‘'(\[0-9À-ÖØ-Þ])")

LIST_MARKER = re.compile(
    r"^(?P<marker>"
    r"(?P<bullet>[•·▪◦‣∙●○■□➢➤►▶✓✔\-–—*+\uf0b7\uf0a7§]|o(?=\s))"
    # "1.-", "a).-": Spanish and Mexican documents put a dash after the number or letter
    r"|(?P<number>\(?\d{1,3}(?:\.\.|[.)])(?:\))?(?:\.?-(?=\s))?|\d{1,2}:|\d{1,3}[°º][).](?=\s))"
    r"|(?P<letter>\(?[a-hA-H][.)](?:\.?-(?=\s))?|\((?:i{1,3}|iv|vi{0,3}|ix|x)\)|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)]"
    # Brazilian and Portuguese incisos: "I – a publicação …", "IV - a realização …"
    r"|(?:I{1,3}|IV|VI{0,3}|IX|X)\s[–—-](?=\s))"
    # a space after the marker; none after a bracketed one a PDF ran into its word,
    # "(ii)demand the immediate release …", nor after a number a page ran into its word,
    # "1.Ajitha A. - Activist", "131..Marx Prabagar", "1)postpone the reforms"
    r")(?:\s+|(?<=\))(?=[a-z]{2})|(?<=[.)])(?![A-Z][a-z]{2}\b\.?\d)(?=[A-ZÀ-ÖØ-Þ]))(?P<text>\S.*)$"
)


LIST_INTRO_END = r"(?i)\b(?:to|following|follows|namely|that)"
"""The last word of a sentence that introduces the list under it ("… we call on you
forthwith to;", "For these reasons we urge you to"); each reader adds the punctuation it
accepts after it."""


def split_marker(text: str) -> tuple[str, str, str] | None:
    """Split a list marker off ``text``.

    Returns:
        ``(kind, marker, rest)`` with kind ``bullet``, ``number`` or ``letter``; None
        when the line does not start with a marker.
    """
    match = LIST_MARKER.match(text)
    if not match:
        pseudo = re.match(r"^-(?=[a-z]{2})(?P<text>\S.*)$", text) if text[:1] == "-" else None
        if pseudo:
            return "bullet", "-", pseudo.group("text")  # "-release all prisoners;"
        return None
    kind = "bullet" if match.group("bullet") else "number" if match.group("number") else "letter"
    marker = match.group("marker")
    rest = match.group("text")
    run_into = not text[len(marker) :][:1].isspace()
    if run_into and not (
        (marker.startswith("(") and marker.endswith(")"))
        or (kind == "number" and marker[0] != "(")
        or (kind == "letter" and marker.endswith(")") and rest[:1].isupper())
    ):
        # "a)bc", "A.Smith": only a number, a bracketed marker or "a)" before a capital
        # ("a)Place before the public …") runs into its word
        return None
    return kind, marker, rest


def first_sentence(text: str) -> tuple[str, str | None]:
    """Split ``text`` after its first sentence.

    Abbreviations ("U.S.", "Mr.", "e.g.") and initials do not end a sentence; a closing
    quote after the full stop stays with the sentence.

    Returns:
        ``(first, rest)``; rest is None when the text is one sentence.
    """
    for match in _END.finditer(text):
        end = match.end(2)
        before = text[: match.start(1)]
        word = before.rsplit(None, 1)[-1] if before.split() else ""
        bare = word.lstrip("(“\"‘'").lower()
        if match.group(1) == "." and not match.group(2):
            if bare in _ABBREVIATIONS or (len(bare) == 1 and bare.isalpha()):
                continue
            if "." in bare and re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare):
                continue  # U.S. / U.N. / e.g.
        rest = text[match.end() :].strip()
        return text[:end].strip(), rest or None
    return text.strip(), None


ABBREVIATED_END = re.compile(
    r"(?i)(?:\b[a-z]\.\s?){2,}\)?$|"
    r"\b(?:inc|ltd|co|corp|jr|sr|bros|e\.\s?v|llc|plc|pvt|govt|dept|retd|rtd|esq|hons)\.\)?$"
)
"""A line ending in an abbreviation ("… Pvt. Ltd.", "S.A.S.", "D.C.", "(Retd.)"), not a full
stop."""


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends as a sentence does (a full stop that is no abbreviation's)."""
    text = text.rstrip()
    return bool(re.search(r"[.!?…][”\"’)]*$", text)) and not ABBREVIATED_END.search(text)
