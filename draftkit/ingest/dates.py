"""Dates as letters write them: ``May 25, 2021``, ``25 May 2021``, ``3rd March 2023``,
``2021-05-25``, ``04.09.2022`` (day first), ``Publié le 10 novembre 2023`` ...

:func:`parse_date_line` reads a whole line that *is* a date (optionally after a place,
"Published", "Date:" ...), never a date inside a sentence.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

__all__ = [
    "LEADS_INTO_DATE",
    "DateLine",
    "find_date",
    "is_yearless_date",
    "parse_date_line",
    "split_trailing_date",
]

LEADS_INTO_DATE = re.compile(
    r"(?i)\b(?:am|vom|zum|bis|seit|on|of|from|dated|since|until|du|le|au|del|el|al|de|"
    r"em|do|da|dia)$"
)
"""A line's last word that a date follows: the line was wrapped before its date."""

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        # English, French, Spanish, German, Italian, Portuguese; Dutch and Indonesian
        # ("januari", "maart", "mei", "agustus", "desember"); Polish in the genitive a date
        # takes and in the nominative ("5 maja 2025 r.", "maj 2025")
        "january jan janvier janv enero januar gennaio janeiro januari stycznia styczeń",
        "february feb febr février fevrier févr fevr febrero februar febbraio fevereiro "
        "februari lutego luty",
        "march mar mars marzo märz maerz março marco maart maret marca marzec",
        "april apr avril abril aprile kwietnia kwiecień",
        "may mai mayo maggio maio mei maja maj",
        "june jun juin junio juni giugno junho czerwca czerwiec",
        "july jul juillet juil julio juli luglio julho lipca lipiec",
        "august aug août aout agosto augustus agustus sierpnia sierpień",
        "september sep sept septembre septiembre setiembre settembre setembro września wrzesień",
        "october oct octobre octubre oktober ottobre outubro października październik",
        "november nov novembre noviembre novembro listopada listopad",
        "december dec décembre decembre déc diciembre dezember dicembre dezembro desember "
        "grudnia grudzień",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>\d{4})(?:\s*r\.?)?"  # "5 maja 2025 r." (Polish "roku", the year)
_FORMS = [
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+(?:del?\s+)?{_YEAR}$", re.IGNORECASE),
    re.compile(rf"^{_DAY}\.?\s+(?:de\s+|of\s+)?{_MONTH},?\s+(?:del?\s+)?{_YEAR}$", re.IGNORECASE),
    re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})$"),
    re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$"),
    re.compile(r"^(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})$"),
]
_WEEKDAY = re.compile(
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mon|tue|tues|wed|thu|thur|thurs|fri|"
    r"sat|sun|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|"
    r"segunda-feira|ter[çc]a-feira|quarta-feira|quinta-feira|sexta-feira)\.?,?\s+",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^(?:published|posted|updated|last updated|publié|publie|mis en ligne|publicado|"
    r"derni[eè]re mise [àa] jour|mis [àa] jour(?: le)?|actualizado|[úu]ltima actualizaci[oó]n|"
    r"veröffentlicht|release date|date of publication|发布时间|发布日期|日期|"
    r"publicación|fecha de publicación|publication|date de publication|publicação|"
    r"publicado em|issued|date issued|datum|written)(?:\s+(?:on|le|el|am|em))?\s*[:：]?\s*",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"^(?:(?:date|dated|fecha|datum|sent|gesendet|envoyé|enviado)\s*:\s*|"
    # "Dated this 14th day of October 2025", "Signed at Kampala this 3rd day of …"
    r"(?:(?:dated|signed|done|given)\s+(?:at\s+[^\d,]{1,30}?,?\s+)?)?this\s+(?=\d)|"
    r"(?:letter\s+)?(?:written|sent|dated)(?:\s+on)?\s+(?=\w))",
    re.IGNORECASE,
)
_NOT_A_PLACE = frozenset(
    re.findall(
        r"\S+",
        "al since until till from to on of by before after desde hasta del de au du depuis "
        "bis seit vom zum até em no na ao",
    )
)
"""Words before a date that make it a sentence's end, not a place's dateline."""
_DAY_OF = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+day\s+of\s+")
"""The legal form of a day: "the 14th day of October 2025"."""
_TRAILING = re.compile(
    r"\s*(?:[|·•]|—|–|-)\s*\d{1,2}:\d{2}.*$|"
    # "9 Feb 2026 at 21:14", "9. Februar 2026 um 21:14", "9 février 2026 à 21:14"
    r",?\s+(?:(?:at|um|à|a\s+las|às)\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?.*$",
    re.IGNORECASE,
)


_PLACE_THEN_DATE = re.compile(
    r"^(?P<place>[^\d]{2,60}?)[,\s]+(?P<date>[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
    r"\d{4}|\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:del?\s+)?\d{4}(?:\s*r)?)\.?$"
)
"""A place and a date with no separator between them: "Iraklion, Crete, Greece August 15, 2003"."""


@dataclass(frozen=True, slots=True)
class DateLine:
    """A line that states a date.

    Attributes:
        date: The date.
        place: The place written before it ("Geneva"), if any.
        published: The line says it is a publication date ("Published ...").
        day_first: The date was written day before month.
        ambiguous: Written as ``a/b/yyyy`` with both numbers 12 or under, read month first
            (the letter's other dates may say the writer puts the day first).
    """

    date: dt.date
    place: str | None = None
    published: bool = False
    day_first: bool = False
    ambiguous: bool = False


_DAY_FIRST_EVIDENCE = re.compile(
    r"\b(?:(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d|"
    r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d)\b"
)


_WORD_DATES = re.compile(
    r"(?i)\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th|er)?\s+(?:de\s+|of\s+)?(?P<m1>[a-zà-ÿ]{3,10})\.?|"
    r"(?P<m2>[a-zà-ÿ]{3,10})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)\s+(?:de\s+)?(?:19|20)\d\d\b"
)


_DAY_FIRST_STYLE = re.compile(
    r"(?im)\bYours faithfully\b|\bRespected\s+(?:Sir|Madam)\b|\bHon['’\u00ad]*ble\b|"
    r"\bHonourable\b|\b(?:Shri|Smt|Shrimati)\b|^To,$"
)
_MONTH_FIRST_STYLE = re.compile(
    r"(?m)\bThe Honorable\b|^(?:Very truly yours|Sincerely(?: yours)?),$|"
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?$"
)


def day_first_elsewhere(text: str) -> bool:
    """True when ``text`` writes its dates day first where they cannot be read otherwise.

    A numeric date that is day first beyond doubt ("21/10/2024", "21.10.2024"), or more
    dates in words written day first ("4 April 2026") than month first ("April 4, 2026"):
    the page's ``08/01/2025`` is then 8 January, not 1 August.
    """
    if _DAY_FIRST_EVIDENCE.search(text) is not None:
        return True
    # the letter's conventions: Commonwealth and South Asian forms write the day first,
    # American ones the month ("Yours faithfully", "Respected Sir", "Hon'ble" against
    # "The Honorable", "Sincerely,", a state and ZIP code)
    day_first = len(_DAY_FIRST_STYLE.findall(text))
    month_first = len(_MONTH_FIRST_STYLE.findall(text))
    for match in _WORD_DATES.finditer(text):
        if (match.group("m1") or "").lower() in _MONTHS:
            day_first += 1
        elif (match.group("m2") or "").lower() in _MONTHS:
            month_first += 1
    return day_first > month_first


def swap_day_month(line: DateLine) -> DateLine:
    """An ambiguous ``a/b/yyyy`` date read day first instead (the same date when a == b)."""
    found = _make(line.date.year, line.date.day, line.date.month)
    if found is None:
        return line
    return DateLine(found, line.place, line.published, True, False)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str) -> tuple[dt.date, bool] | None:
    """Parse ``text`` when it is exactly a date; return it and whether it was day-first."""
    text = _WEEKDAY.sub("", text.strip().rstrip(".,;").strip())
    for index, form in enumerate(_FORMS):
        match = form.match(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        if not 1900 <= year <= 2100:
            return None
        if index in (0, 1):
            month = _MONTHS.get(groups["month"].lower().rstrip("."))
            if month is None:
                return None
            found = _make(year, month, int(groups["day"]))
            return (found, index == 1) if found else None
        if index == 2:
            found = _make(year, int(groups["month"]), int(groups["day"]))
            return (found, False) if found else None
        if index == 3:
            found = _make(year, int(groups["month"]), int(groups["day"]))
            return (found, True) if found else None
        first, second = int(groups["a"]), int(groups["b"])
        if first > 12:
            found = _make(year, second, first)
            return (found, True) if found else None
        found = _make(year, first, second)
        return (found, False) if found else None
    return None


_UN_TITLE = re.compile(r"(?i)^letter\s+dated\s+(?P<date>[^,;]{6,40}?)\s+from\s+\S")


_AMBIGUOUS = re.compile(r"(?<![\d/])(?P<a>0?[1-9]|1[0-2])/(?P<b>0?[1-9]|1[0-2])/\d{4}\b")


_READING_TIME = re.compile(
    r"(?i)\b\d+\s*(?:min(?:ute)?s?\.?\s+read|min\.?\s+de\s+lectur[ae]|minutos?\s+de\s+lectura|"
    r"min(?:utos)?\s+de\s+leitura|min\.?\s+lesezeit)\b|tempo de leitura|lesezeit|temps de lecture"
)
"""A post's reading time beside its date ("4 min read"): the line is the page's byline."""


@functools.lru_cache(maxsize=16384)
def parse_date_line(line: str) -> DateLine | None:
    """Read a line that is a date, perhaps after a place or a "Published" label.

    Args:
        line: One line of text (at most about 80 characters to count).

    Returns:
        The date found, or None when the line is not a date line.
    """
    found = _parse_date_line(line)
    if found is None and line.rstrip().endswith(")"):
        # "Dated: 10 December 2024 (Human Rights Day)": a note on the date after it
        found = _parse_date_line(re.sub(r"\s*\([^()]{1,40}\)\s*$", "", line))
    if found is None or found.day_first:
        return found
    pair = _AMBIGUOUS.search(line)
    if pair is None or int(pair.group("a")) == int(pair.group("b")):
        return found
    return DateLine(found.date, found.place, found.published, False, True)


def _section(place: str) -> bool:
    """What stands before a dash and a date is a page's section, not a place: "Statements
    — 9 April 2025" is a post's date (a press release's "GENEVA — …" dateline is set in
    capitals)."""
    return not place.strip(" –—").isupper()


def _parse_date_line(line: str) -> DateLine | None:
    text = line.strip().strip("*_").strip()
    titled = _UN_TITLE.match(text)
    if titled:
        # "Letter dated 30 September 2020 from X to Y": a UN document's title names the date
        found = find_date(titled.group("date"))
        if found:
            return DateLine(found[0], None, False, found[1])
    if not text or len(text) > 90 or not any(ch.isdigit() for ch in text):
        return None
    published = False
    match = _PUBLISHED.match(text)
    if match:
        published = True
        text = text[match.end() :]
    labelled = _LABEL.match(text) is not None
    text = _DAY_OF.sub(r"\1 ", _LABEL.sub("", text))
    if _TRAILING.search(text) and not labelled:
        # a date with its time of day is a page's timestamp, not a dateline (an e-mail's
        # "Date:" header is the letter's own)
        published = True
    text = _TRAILING.sub("", text).strip()
    # "2019-07-25. 2145 hrs.": the writer's own hour in the military style, not a page's
    # timestamp
    text = re.sub(r"(?i)[.,]?\s+[0-2]\d[0-5]\d\s*(?:hrs?|hours)\.?$", "", text)
    if _READING_TIME.search(text):
        published = True  # "December 8, 2025 · Letters · 4 min read": a post's byline
    parts = re.split(r"\s+[·|•]\s+|\s+[—–]\s+(?=\D)", text)
    if (
        len(parts) == 2
        and re.fullmatch(r"[A-ZÀ-Þ][^\d,]{1,30}", parts[0].strip())
        and len(parts[0].split()) <= 3
        and re.match(r"[A-ZÀ-Þ][^\d,]{1,30},\s", parts[1])
        and not find_date(parts[0])
    ):
        parts = [text]  # "Ouagadougou – Abidjan, le 14 octobre 2025": two places, one date
    if len(parts) > 1 and re.match(r"(?i)(?:by|par|por|von)\s+\S", parts[0]):
        for part in parts[1:]:
            dated = find_date(part.strip())
            if dated:
                # "By Secretariat | 6 November 2025": a post's author, then its date
                return DateLine(dated[0], None, True, dated[1])
    if len(parts) == 1:
        # "June 25, 2025  Media Centre, Statements  Leave a comment": a post's date, its
        # sections and links, parted by the wide spaces a copied page leaves between them
        spaced = re.split(r" {2,}", text.strip())
        if len(spaced) > 1 and find_date(spaced[0].strip()):
            parts = spaced
    text = parts[0].strip()
    found = find_date(text)
    if found:
        # "13 novembre 2025 — Communiqués", "15 January 2025 | Policy team | Asylum": the
        # date of a post, with its section or author after it (the letter's own date
        # stands alone or after its place)
        return DateLine(found[0], None, published or len(parts) > 1, found[1])
    if published:
        # "Posted by the Secretariat on 20 September 2022": the date may come later
        words = text.split()
        for begin in range(0, min(len(words), 12)):
            for size in range(min(len(words) - begin, 6), 0, -1):
                found = find_date(" ".join(words[begin : begin + size]))
                if found:
                    return DateLine(found[0], None, True, found[1])
        return None
    # "3 de mayo de 2025, Día Mundial de la Libertad de Prensa": the date, then the day it
    # marks
    head, comma, occasion = text.partition(", ")
    if (
        comma
        and occasion[:1].isupper()
        and not any(ch.isdigit() for ch in occasion)
        and len(occasion.split()) <= 8
    ):
        marked = find_date(head)
        if marked:
            return DateLine(marked[0], None, False, marked[1])
    # "Geneva, 3 March 2023" / "Washington, D.C., May 5, 2024" / "Paris, le 3 mars 2023"
    trailing = _PLACE_THEN_DATE.match(text)
    if trailing and trailing.group("place").strip(" ,").lower() in _NOT_A_PLACE:
        # "al 28 de julio de 2024", "since 3 March 2025": a sentence's end run on to a
        # line of its own (a subject wrapped before its date), not a dateline
        return None
    if trailing:
        found = find_date(trailing.group("date"))
        if found:
            place = re.sub(r"(?i),?\s+(?:le|el|den|am|the|a)$", "", trailing.group("place"))
            if re.search(r"\s[–—]$", place) and _section(place):
                return DateLine(found[0], None, True, found[1])
            if (
                re.match(
                    r"(?i)by\s+(?!e-?mail|hand|post|fax|courier|registered|electronic|mail)\S",
                    place,
                )
                and len(place.split()) <= 6
                and not trailing.group("place").rstrip().endswith(",")
            ):
                # "By Hub Team 1 July 2025": a post's author and date, not a dateline
                return DateLine(found[0], None, True, found[1])
            return DateLine(found[0], place.strip(" ,"), False, found[1])
    for sep in (", le ", ", den ", ", el ", ", ", " – ", " — ", " - "):
        start = text.find(sep)
        while start > 0:
            place, rest = text[:start], text[start + len(sep) :]
            found = find_date(rest)
            if found and not any(ch.isdigit() for ch in place) and len(place) <= 40:
                section = sep.strip() in ("–", "—") and _section(place)
                return DateLine(found[0], None if section else place.strip(), section, found[1])
            start = text.find(sep, start + 1)
    bare = _PLACE_NUMERIC_DATE.match(text)
    if bare is not None and bare.group("place").lower() not in _NOT_A_NUMERIC_PLACE:
        # "Forlì 08/08/2023": a place and a date in figures with no comma between them
        found = find_date(bare.group("date"))
        if found:
            return DateLine(found[0], bare.group("place"), False, found[1])
    return None


_PLACE_NUMERIC_DATE = re.compile(
    r"^(?P<place>(?-i:[A-ZÀ-Ý])[^\W\d_][^\d,.:;!?]{0,30}?)\s+"
    r"(?P<date>\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d)$"
)
"""A place, then a date in figures, with no comma between them ("Forlì 08/08/2023")."""
_NOT_A_NUMERIC_PLACE = frozenset(
    {"page", "p", "version", "rev", "revised", "updated", "posted", "published", "modified",
     "printed", "edition", "draft", "issued", "date", "dated", "as of", "since", "until"}
)


_TRAILING_DATE = re.compile(
    r"\s(?P<date>\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,12}\.?\s+\d{4}|[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+\d{4})\.?$"
)


_YEARLESS = (
    re.compile(rf"^{_MONTH}\s+{_DAY},?$", re.IGNORECASE),
    re.compile(rf"^{_DAY}\.?\s+(?:de\s+|of\s+)?{_MONTH},?$", re.IGNORECASE),
)


def is_yearless_date(line: str) -> bool:
    """True for a day and a month with no year ("November 25", "25 de noviembre")."""
    text = line.strip()
    for pattern in _YEARLESS:
        found = pattern.match(text)
        if found and found.group("month").lower().rstrip(".") in _MONTHS:
            return 1 <= int(found.group("day")) <= 31
    return False


def split_trailing_date(line: str) -> tuple[str, DateLine | None]:
    """A line that ends in a date ("CH-1201 Geneva 04.09.2022"): the rest, and the date."""
    match = _TRAILING_DATE.search(line)
    if match is None or match.start() == 0:
        return line, None
    found = parse_date_line(match.group("date"))
    if found is None:
        return line, None
    return line[: match.start()].rstrip(" ,"), found
