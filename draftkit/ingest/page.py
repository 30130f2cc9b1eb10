"""A page's lines as the letter finder sees them: blocks, prose, signer-like lines.

:class:`_Page` holds a document's lines with the page furniture found so far; the
predicates here (does a line read as prose, as a label, as a signer; where do blocks
start) are what the head walk (:mod:`draftkit.ingest.head`), the tail
(:mod:`draftkit.ingest.tail`) and the scoring of readings
(:mod:`draftkit.ingest.reading`) share.
"""

from __future__ import annotations

import functools
import re

from draftkit.ingest import names
from draftkit.ingest.head_lines import CC_LINE
from draftkit.ingest.signer_labels import labelled_signers
from draftkit.ingest.text import Line
from draftkit.sentences import ABBREVIATED_END, split_marker

_LETTER_HEADING = re.compile(
    r"(?i)\b(?:open |joint |public )?letter\b|\blettre ouverte\b|\bcarta abierta\b|"
    r"\bappeal to\b|"
    # the same in the other languages letters come in: "Lettre adressée au premier ministre",
    # "Carta al Gobernador", "Carta aberta ao Presidente", "Lettera aperta al Sindaco"
    r"\blettres? (?:adress[ée]es?|envoy[ée]es?|commune|au|à|aux)\b|"
    r"\bcartas? (?:aberta|dirigida|enviada|al|a la|a los|a|ao|à|aos|para)\b|"
    r"\blettera (?:aperta|al|alla|ai|agli)\b|\boffener brief\b|\bbrief an\b|"
    # "Carta de la comunidad … al Gobierno", "Lettre des chercheurs au ministre": from whom
    # to whom
    r"\b(?:cartas?|lettres?)\s+(?:de|del|des|da|do|dos|das|du)\s[^.!?]{1,120}?\s"
    r"(?:al|a\s+la|a\s+los|a\s+las|ao|aos|à|às|au|aux)\s"
    # a heading that is the word alone: "Letter", "The letter", "Carta", "La lettre"
    r"|^(?:the\s+|la\s+|a\s+|le\s+|l['’]\s*|die\s+|der\s+)?(?:letter|carta|lettre|lettera|brief)"
    r"(?:\s+(?:text|texto|texte))?$"
    r"|^(?:text|texto|texte)\s+(?:of|de|da|du)\s+(?:the\s+|la\s+|a\s+|l['’]\s*)?"
    r"(?:letter|carta|lettre)$"
)


_HEADING_STYLES = {"h1", "h2", "page heading", "title"}


def _clip(text: str, width: int = 48) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _words(text: str) -> int:
    return len(text.split())


@functools.lru_cache(maxsize=16384)
def is_prose(text: str) -> bool:
    """A line of running prose: long, or a sentence of some length."""
    words = _words(text)
    tokens = text.split()
    if words >= 10 and sum(1 for t in tokens if t[:1].isupper()) >= 0.7 * words:
        return False  # a run of names and titles ("Ana Ruiz, Director - X Centre Ben Li, …")
    if words >= 25:
        return True
    return (
        words >= 10
        and re.search(r"[.!?…][”\"’)]*$", text) is not None
        and not ABBREVIATED_END.search(text)
    )


@functools.lru_cache(maxsize=16384)
def _head_line(text: str) -> bool:
    """A line of a letter's head: a name, an office (however long), an address line."""
    words = _words(text)
    if len(text) <= 300 and CC_LINE.match(text):
        return True  # "c.c.p. Lic. Rosa Icela Rodríguez. Secretaria de Gobernación.": a copy line
    ends = re.search(r"[.!?;][”\"’)]*$", text.rstrip()) and not ABBREVIATED_END.search(text)
    if (
        ends
        and words <= 12
        and text.rstrip().endswith(".")
        and "." not in text.rstrip()[:-1]
        and names.is_title_line(text.rstrip()[:-1])
    ):
        ends = None  # "Directora Adjunta de Posgrado y Becas del Conacyt.": an office, stopped
    return (
        len(text) <= 220
        and words <= 28
        and not (words > 6 and ends)
        and not (words >= 12 and re.search(r"[a-z]{2}[.!?] [A-Z]", _HONORIFIC_DOT.sub("", text)))
    )


_HONORIFIC_DOT = re.compile(
    r"\b(?:Sra|Sr|Srs|Exma|Exmo|Excma|Excmo|Ilma|Ilmo|Dra|Dr|Mrs|Mr|Ms|Prof|Atty|Engr|Fr|Rev|Hon|Assoc|Asst|"
    r"Retd|Rtd|Jr|Adv)\."
)
"""Honorifics whose full stop is no sentence end ("SENACON - Sra. Juliana Pereira …")."""


@functools.lru_cache(maxsize=16384)
def label_like(text: str) -> bool:
    """A short line without sentence punctuation at its end: a name, title or place."""
    return (
        len(text) <= 140
        and _words(text) <= 16
        and not re.search(r"[.!?;][”\"’)]*$", text.rstrip())
        and not is_prose(text)
    )


@functools.lru_cache(maxsize=16384)
def _name_list(text: str) -> bool:
    """Names in one comma- or semicolon-separated paragraph, with no sentence in it."""
    if text.count("; ") >= 2:
        # entries parted by semicolons may hold commas and run longer ("Red de Mujeres
        # Defensoras de Derechos Sociales y Ambientales (Ecuador); …")
        parts, most = [p for p in re.split(r";\s+", text.rstrip(".;")) if p.strip()], 14
    else:
        parts, most = [p for p in re.split(r"[,;]\s+", text.rstrip(".")) if p.strip()], 8
    return (
        len(parts) >= 3
        and all(_words(p) <= most for p in parts)
        # a sentence's end (after a word or a year: "… March 3, 2025. To add …");
        # "Prof. Dr. Timo Schmidt" has none
        and not re.search(r"(?:[a-z]{2}|\b\d{4})[.!?]\s+[A-Z]", _HONORIFIC_DOT.sub("", text))
    )


def listed_names(text: str) -> bool:
    """Names in one comma- or semicolon-separated paragraph, after their label or not
    ("Organisations signataires : Ligue …, Collectif …, …")."""
    if _name_list(text):
        return True
    listed = labelled_signers(text)
    return listed is not None and _name_list(listed)


_SECTION_TITLE = re.compile(
    r"(?i)^(?:background|references|notes|footnotes|endnotes|sources|citations|resources|"
    r"related(?:\s+\w+)?|further reading|see also|links|tags|share this|"
    r"(?:background|further|more|additional)\s+information|notes?\s+(?:to|for)\s+editors|"
    r"media\s+(?:contacts?|enquiries|inquiries)|"
    # the same parts of a release in Portuguese, Spanish and French
    r"mais\s+informa[çc][õo]es|m[áa]s\s+informaci[óo]n|plus\s+d['’]informations?|"
    r"contactos?(?:\s+de\s+(?:imprensa|prensa))?|contacts?\s+(?:presse|m[ée]dias?))"
    r"(?:\s+(?:and|&)\s+(?:background|references|notes|sources|resources|links))?:?$"
)


@functools.lru_cache(maxsize=16384)
def _signer_like(text: str) -> bool:
    """A line that could be a signer, a signer's title or an organisation."""
    if "\t" in text:
        # a table row: a signer when one of its cells names one (others may describe it)
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        named = [c for c in cells if not re.fullmatch(r"\(?\d{1,4}[.)]?", c)]
        return any(_words(c) <= 12 and "\t" not in c and _signer_like(c) for c in named)
    if split_marker(text):
        _, _, text = split_marker(text) or ("", "", text)
    if listed_names(text):
        return True
    honorific, rest = names.split_honorific(text)
    if honorific and rest and _words(text) <= 30 and not re.search(r"[a-z]{6,}[.!?]\s+[A-Z]", rest):
        return True  # "Ms. Ana Ruiz - MA, Senior Planner, Toronto, Canada." signs, full stop or not
    tokens = text.split()
    if len(tokens) >= 10 and sum(1 for t in tokens if t[:1].isupper()) >= 0.7 * len(tokens):
        # names and titles run together ("Atty. Ana Cruz — Convenor, …": no sentence end)
        return not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", _HONORIFIC_DOT.sub("", text))
    sentence = re.search(r"[.!?][”\"’)]*$", text) and not ABBREVIATED_END.search(text)
    if _SECTION_TITLE.match(text.strip()):
        return False  # "Background and References" heads the page's next section
    if len(tokens) >= 3 and text == text.lower() and not re.search(r"\d|@", text):
        return False  # "politics budget debt ceiling": a post's tags, not a name
    if sentence and _named_with_office(text):
        return True  # "Ana Julia, Governadora do Estado do Pará.": a name, then her office
    return len(text) <= 200 and _words(text) <= 22 and not (_words(text) >= 5 and sentence)


_NAME_THEN_OFFICE = re.compile(r"^([^,–—]{3,60}?)\s*(?:,|\s[–—-]\s)\s*(\S.{2,160})$")


def _named_with_office(text: str) -> bool:
    """ "Name, office." or "Name – office." ended with a full stop, as Spanish and
    Portuguese signatures often are: a signer, not a sentence (no verb-like lowercase run
    of its own, one sentence only)."""
    found = _NAME_THEN_OFFICE.match(text.strip())
    if found is None or not names.is_person_name(found.group(1)):
        return False
    office = found.group(2)
    return (
        _words(office) <= 16
        and not re.search(r"[a-z]{2}[.!?]\s+\S", office)
        and _TELLING.search(office) is None
    )


_TELLING = re.compile(
    r"(?i)\b(?:is|are|was|were|will|would|has|have|had|said|says|signed|wrote|sent|we|our|"
    r"they|est|sont|a\s+sign[ée]|es|son|fue|firmó|é|são|foi|assinou|nous|nosotros|nós)\b"
)
"""Words of a sentence about a person ("Ana Ruiz, our director, said …"), not an office."""


class _Page:
    """The page's lines with their noise, and cheap lookups over the non-blank ones."""

    def __init__(self, lines: list[Line], noise: dict[int, str]) -> None:
        self.lines = lines
        self.noise = noise
        self.content = [i for i, ln in enumerate(lines) if not ln.blank and i not in noise]
        self._position = {index: k for k, index in enumerate(self.content)}
        self._wordy: list[int] | None = None
        self.closes: dict[tuple[int, int], list[tuple[int, float, list[str]]]] = {}
        """The close candidates already weighed between two lines (a headless opening's
        score and its reading both ask for the same stretch)."""
        self.labelled: dict[int, bool] = {}
        """Whether a signatory label heads the run of short lines a line is in (see
        ``tail._labelled_above``), worked out once per line."""

    def text(self, index: int) -> str:
        return self.lines[index].text

    def after(self, index: int, count: int = 1) -> list[int]:
        """The next ``count`` content lines after ``index``."""
        k = self._next_position(index + 1)
        return self.content[k : k + count]

    def before(self, index: int, count: int = 1) -> list[int]:
        """The previous ``count`` content lines before ``index`` (nearest first)."""
        k = self._next_position(index)
        return list(reversed(self.content[max(0, k - count) : k]))

    def _next_position(self, index: int) -> int:
        lo, hi = 0, len(self.content)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.content[mid] < index:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def paragraph(self, index: int) -> str:
        """The text of the paragraph that starts at ``index`` (soft lines joined)."""
        parts = [self.lines[index].text]
        if self.lines[index].hard:
            return parts[0]
        k = self._next_position(index) + 1
        while k < len(self.content) and self.content[k] == self.content[k - 1] + 1:
            line = self.lines[self.content[k]]
            if line.hard or len(parts) >= 12:
                break
            parts.append(line.text)
            k += 1
        return " ".join(parts)

    def between(self, first: int, last: int) -> list[int]:
        return self.content[self._next_position(first) : self._next_position(last)]

    def wordy_before(self, index: int) -> int:
        """How many content lines before ``index`` hold more than three words (text that
        comes first, not a menu's short links)."""
        if self._wordy is None:
            running = 0
            self._wordy = []
            for k in self.content:
                self._wordy.append(running)
                running += _words(self.text(k)) > 3
            self._wordy.append(running)
        return self._wordy[self._next_position(index)]


def _blocks_between(page: _Page, first: int, last: int) -> list[list[int]]:
    """Content lines in ``[first, last)`` grouped into blocks at blank or noise lines."""
    out: list[list[int]] = []
    previous = -2
    for index in page.between(first, last):
        heading = (page.lines[index].style or "") in _HEADING_STYLES
        if (
            out
            and index == previous + 1
            and heading == ((page.lines[previous].style or "") in _HEADING_STYLES)
        ):
            out[-1].append(index)
        else:
            out.append([index])
        previous = index
    return out
