"""The languages a letter can be written in, and every fixed string a letter prints.

A letter's ``language:`` (``en``, ``fr``, ``es``, ``ar``) decides the words draftkit adds
itself: the subject label ("Re:", "Objet :", "Asunto:", "الموضوع:"), the cc and
enclosure labels, "Page X of Y", how the date is written and how counts are spelled.
This module is the one catalogue of those strings; compose, render and check take them
from here and never write English of their own.

Dates are written by Babel from its CLDR data with an explicit locale, so "16 mars 2026"
does not depend on the machine's locale (``%B`` would). Counts are spelled by num2words
("vingt et une organisations", "veintiuna organizaciones"). Both are imported only when a
date or a count is written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Catalogue",
    "Digits",
    "Language",
    "catalogue",
    "count_words",
    "dated_line",
    "format_date",
    "guess_language",
    "is_rtl",
    "join_names",
    "language_name",
    "localize_digits",
    "plural_close",
    "written_in_english",
]

Language = Literal["en", "fr", "es", "ar"]
"""A language a letter can be written in (ISO 639-1 code)."""

LANGUAGES: tuple[str, ...] = get_args(Language)
"""Every language draftkit writes, English first."""

DEFAULT_LANGUAGE: Language = "en"

Digits = Literal["latin", "arabic-indic"]
"""How digits are written: 0123456789, or the Arabic-Indic ٠١٢٣٤٥٦٧٨٩."""

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

_NBSP = "\u00a0"


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The fixed strings of one language.

    Attributes:
        language: The language code.
        name: The language's own name ("français").
        subject: The label before the subject line.
        cc: The label of the copy list.
        enclosure: The label of one enclosure.
        enclosures: The label of several.
        notes: The heading of the notes at the end of a plain-text letter.
        page: The page number, "{page}" replaced by a page field.
        page_of: "Page {page} of {pages}".
        and_word: The word joining the last two of a list.
        and_others: "{name} and others", for a header naming many addressees.
        dated_at: "{place}, {date}": a date with the place it was written.
        salutation_mark: The mark after a salutation, unless the letter chooses one.
        rtl: Written right to left.
        babel_locale: The CLDR locale of dates.
    """

    language: str
    name: str
    subject: str
    cc: str
    enclosure: str
    enclosures: str
    notes: str
    page: str
    page_of: str
    and_word: str
    and_others: str
    dated_at: str
    salutation_mark: str
    rtl: bool
    babel_locale: str


_CATALOGUES: dict[str, Catalogue] = {
    "en": Catalogue(
        language="en",
        name="English",
        subject="Re:",
        cc="cc:",
        enclosure="Enclosure:",
        enclosures="Enclosures:",
        notes="Notes",
        page="Page {page}",
        page_of="Page {page} of {pages}",
        and_word="and",
        and_others="{name} and others",
        dated_at="{place}, {date}",
        salutation_mark=",",
        rtl=False,
        babel_locale="en",
    ),
    # French typography puts a no-break space before ":" (Office québécois de la langue
    # française, Banque de dépannage linguistique, "Espacement avant et après les signes de
    # ponctuation"); "Objet", "Copie", "Pièce jointe" are the labels of the
    # Guide du rédacteur (Bureau de la traduction) and Le Ramat de la typographie.
    "fr": Catalogue(
        language="fr",
        name="français",
        subject=f"Objet{_NBSP}:",
        cc=f"Copie{_NBSP}:",
        enclosure=f"Pièce jointe{_NBSP}:",
        enclosures=f"Pièces jointes{_NBSP}:",
        notes="Notes",
        page="Page {page}",
        page_of="Page {page} sur {pages}",
        and_word="et",
        and_others="{name} et autres",
        dated_at="{place}, le {date}",
        salutation_mark=",",
        rtl=False,
        babel_locale="fr",
    ),
    # Spanish letters close the salutation with a colon ("Estimado Señor Ministro:"),
    # RAE, Diccionario panhispánico de dudas, "dos puntos" 2.1.
    "es": Catalogue(
        language="es",
        name="español",
        subject="Asunto:",
        cc="Copia:",
        enclosure="Anexo:",
        enclosures="Anexos:",
        notes="Notas",
        page="Página {page}",
        page_of="Página {page} de {pages}",
        and_word="y",
        and_others="{name} y otros",
        dated_at="{place}, {date}",
        salutation_mark=":",
        rtl=False,
        babel_locale="es",
    ),
    "ar": Catalogue(
        language="ar",
        name="العربية",
        subject="الموضوع:",
        cc="نسخة إلى:",
        enclosure="مرفق:",
        enclosures="المرفقات:",
        notes="الهوامش",
        page="صفحة {page}",
        page_of="صفحة {page} من {pages}",
        and_word="و",
        and_others="{name} وآخرون",
        dated_at="{place}، في {date}",
        salutation_mark="،",
        rtl=True,
        babel_locale="ar",
    ),
}


def catalogue(language: str | None) -> Catalogue:
    """The fixed strings of ``language`` (English for ``None``).

    Raises:
        ValueError: An unknown language code (the schema refuses one first).
    """
    try:
        return _CATALOGUES[language or DEFAULT_LANGUAGE]
    except KeyError:
        raise ValueError(
            f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}"
        ) from None


def language_name(language: str) -> str:
    """The language's own name: ``fr`` -> ``français``."""
    return catalogue(language).name


def is_rtl(language: str | None) -> bool:
    """True for a language written right to left (Arabic)."""
    return catalogue(language).rtl


def localize_digits(text: str, digits: str = "latin") -> str:
    """``text`` with its digits written as ``digits`` asks (Arabic-Indic or as typed)."""
    return text.translate(_ARABIC_INDIC) if digits == "arabic-indic" else text


def format_date(
    value: dt.date, language: str | None = None, style: str = "us", digits: str = "latin"
) -> str:
    """Write a date the way a letter in ``language`` does.

    English follows ``style``: ``us`` ("May 25, 2021") or ``international`` ("25 May
    2021"). Other languages have one form, from CLDR through Babel with an explicit
    locale: "16 mars 2026" (the first of the month "1er mars 2026"), "16 de marzo de
    2026", "16 مارس 2026".

    Args:
        value: The date.
        language: The letter's language (English when None).
        style: The English date style.
        digits: ``arabic-indic`` writes ٠-٩ for the digits.

    Returns:
        The date as text.
    """
    lang = catalogue(language)
    if lang.language == "en":
        text = _english_date(value, style)
    else:
        # deferred: Babel loads its locale data only for a letter in another language
        from babel.dates import format_date as babel_date

        text = babel_date(value, format="long", locale=lang.babel_locale)
        if lang.language == "fr" and value.day == 1:
            # French writes the first day of a month as an ordinal: "1er mars 2026"
            text = "1er" + text[1:] if text.startswith("1 ") else text
    return localize_digits(text, digits)


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip


def _english_date(value: dt.date, style: str) -> str:
    month = _MONTHS[value.month - 1]
    if style == "international":
        return f"{value.day} {month} {value.year}"
    return f"{month} {value.day}, {value.year}"


def dated_line(place: str | None, date_text: str, language: str | None = None) -> str:
    """The date line: "Geneva, 16 March 2026", "Genève, le 16 mars 2026" ..."""
    if not place:
        return date_text
    return catalogue(language).dated_at.format(place=place, date=date_text)


def join_names(names: Sequence[str], language: str | None = None) -> str:
    """Join names as the language does: "A, B and C", "A, B et C", "A, B y C", "A وB"."""
    items = [n for n in names if n]
    if not items:
        return ""
    word = catalogue(language).and_word
    if len(items) == 1:
        return items[0]
    head = ("، " if word == "و" else ", ").join(items[:-1])
    if word == "و":  # the Arabic conjunction is written joined to the next word
        return f"{head} و{items[-1]}"
    if word == "y" and items[-1][:1].lower() in ("i", "í") and items[-1][1:2].lower() != "a":
        word = "e"  # Spanish "y" before an /i/ sound: "Francia e Italia" (RAE, DPD "y" 2)
    return f"{head} {word} {items[-1]}"


def count_words(
    value: object,
    language: str | None = None,
    *,
    limit: int = 99,
    feminine: bool = False,
    digits: str = "latin",
) -> str:
    """Spell a count in words in ``language``; larger numbers stay digits.

    ``count_words(21, "fr", feminine=True)`` -> ``"vingt et une"``;
    ``count_words(21, "es", feminine=True)`` -> ``"veintiuna"``;
    ``count_words(11, "ar")`` -> ``"أحد عشر"``. English uses the project's own table
    (:func:`draftkit.numbers.number_words`), so English output is what it always was.

    Args:
        value: The count; a value that is not a whole number is returned as text.
        language: The letter's language.
        limit: Counts above this (at most 99) are written in digits.
        feminine: The counted noun is feminine ("organisations", "organizaciones"):
            French and Spanish then write une/una for one.
        digits: ``arabic-indic`` writes digits as ٠-٩ when the count stays digits.

    Returns:
        The count in words, or in digits.
    """
    lang = catalogue(language).language
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return str(value)
    if number < 0 or number > min(limit, 99):
        return localize_digits(str(number), digits)
    if lang == "en":
        from draftkit.numbers import number_words  # deferred: English keeps its own table

        return number_words(number, limit)
    from num2words import num2words  # deferred: only when a count is spelled out

    words = str(num2words(number, lang=lang))
    if feminine and lang == "fr" and (words == "un" or words.endswith(" un")):
        words = words[:-2] + "une"
    elif feminine and lang == "es" and words.endswith("uno"):
        words = words[:-3] + "una"
    elif lang == "es" and words.endswith("uno"):
        # before a masculine noun: "veintiún", "un" (RAE, DPD "veintiuno")
        words = "veintiún" if words == "veintiuno" else words[:-1]
    return words


_FRENCH_WE = (("l'expression de ma ", "l'expression de notre "),
              ("l'assurance de ma ", "l'assurance de notre "),
              ("l'expression de mes ", "l'expression de nos "),
              ("l'assurance de mes ", "l'assurance de nos "),
              (", mes ", ", nos "))  # fmt: skip


def plural_close(close: str, language: str | None, *, several: bool) -> str:
    """A complimentary close in the voice of the letter's signers.

    The French formulas of the forms-of-address table speak for one signer ("l'expression
    de ma très haute considération"); a letter signed by several, or by a coalition, says
    "notre" ("l'expression de notre très haute considération"). Other languages' closes
    ("Atentamente,", "وتفضلوا بقبول ...") do not change.
    """
    if not several or catalogue(language).language != "fr":
        return close
    for single, plural in _FRENCH_WE:
        close = close.replace(single, plural)
    return close


# The most frequent short function words of each language, which occur in almost every
# sentence and rarely in the others' (words the languages share, "a", "la" in French
# and Spanish, count for both and so decide nothing).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "in",
            "that",
            "is",
            "are",
            "we",
            "you",
            "your",
            "for",
            "with",
            "on",
            "this",
            "be",
            "by",
            "from",
            "it",
            "as",
            "have",
            "has",
            "which",
            "our",
            "their",
            "will",
            "would",
            "should",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "les",
            "des",
            "du",
            "et",
            "est",
            "une",
            "dans",
            "que",
            "qui",
            "pour",
            "sur",
            "nous",
            "vous",
            "votre",
            "vos",
            "au",
            "aux",
            "par",
            "pas",
            "ce",
            "cette",
            "sont",
            "ont",
            "été",
            "leur",
            "leurs",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "los",
            "las",
            "del",
            "y",
            "es",
            "una",
            "en",
            "que",
            "por",
            "para",
            "con",
            "su",
            "sus",
            "nos",
            "usted",
            "se",
            "al",
            "como",
            "han",
            "este",
            "esta",
            "son",
            "ser",
            "fue",
        ]
    ),
    "ar": frozenset(
        [
            "في",
            "من",
            "على",
            "إلى",
            "أن",
            "التي",
            "الذي",
            "عن",
            "مع",
            "هذه",
            "هذا",
            "كما",
            "قد",
            "ولا",
            "أو",
        ]
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_EVIDENCE = 4
"""A paragraph is judged only when it holds at least this many function words."""


def written_in_english(text: str) -> bool | None:
    """Whether ``text`` reads as English, for a language :func:`guess_language` has no word
    list for (an Italian or German letter reads as nothing there).

    Returns:
        True when English function words ("the", "of", "we" …) make up at least 8% of its
        words (in English prose they make up a quarter or more); False when it has 40 words
        or more and they make up under 5% (the few an Italian or German text shares, "in",
        "a"); None when too short to tell.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    english = sum(1 for w in words if w in _FUNCTION_WORDS["en"])
    if english >= MIN_EVIDENCE and english >= 0.08 * len(words):
        return True
    if len(words) >= 40 and english < 0.05 * len(words):
        return False
    return None


def guess_language(text: str) -> str | None:
    """The language ``text`` reads as, or None when it is too short to tell.

    Args:
        text: A paragraph.

    Returns:
        ``en``, ``fr``, ``es`` or ``ar`` when one language's function words make up at
        least :data:`MIN_EVIDENCE` words and twice any other's count; None otherwise.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    counts = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    runner_up = max(c for lang, c in counts.items() if lang != best)
    if counts[best] < MIN_EVIDENCE or counts[best] < 2 * runner_up:
        return None
    return best
