"""A PDF's page furniture: page numbers, running headers and footers, footnotes.

Rows repeated on every page (a running header or footer, a continuation header with the
addressee and date), page numbers in their usual shapes, and the footnotes at a page's
foot are told apart from the letter's own rows before the lines are put together.
"""

from __future__ import annotations

import re

from draftkit.ingest import names
from draftkit.ingest.anchors import match_salutation
from draftkit.ingest.dates import parse_date_line, split_trailing_date
from draftkit.ingest.pdf_layout import Row as _Row
from draftkit.ingest.text import Line

_FOOTNOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§])\s*\S")


def _footnote_rows(rows: list[_Row]) -> int:
    """How many rows at the foot of a page are its footnotes (0 when none).

    Footnotes are set smaller than the text above them and the first opens with its
    mark ("1 https://…", "* Names for identification"); the rows set as small below
    it are the notes' own.
    """
    sized = [r for r in rows if r.size > 0]
    if len(sized) < 4:
        return 0
    weights: dict[float, int] = {}
    for row in sized:
        key = round(row.size, 1)
        weights[key] = weights.get(key, 0) + len(row.text)
    body = max(weights, key=lambda k: weights[k])
    count = 0
    for row in reversed(rows):
        if _PAGE_NUMBER.match(row.text.strip().replace("\t", " ")) and count == 0:
            count += 1  # a page number under the notes goes with them
            continue
        if row.size <= 0 or row.size >= 0.92 * body:
            break
        count += 1
    while count and not _FOOTNOTE_MARK.match(rows[len(rows) - count].text.strip()):
        count -= 1  # the notes start at a marked row; small text above it is not theirs
    if count >= len(rows) - 1:
        return 0  # a page all in small type has no footnotes to set apart
    if count and rows[len(rows) - count].text.count("\t") >= 2:
        return 0  # "1 | Ghana Coalition … | Bono": a table's numbered rows, set small, not notes
    return count


_PAGE_LABEL = r"(?:page|pg\.?|p\.|seite|página|pagina)"
_PAGE_OF = r"\d{1,3}(?:\s*(?:of|/|de|sur|von)\s*\d{1,3})?$"
_LABELLED_PAGE_NUMBER = re.compile(rf"(?i)^{_PAGE_LABEL}\s*{_PAGE_OF}")
_PAGE_NUMBER = re.compile(rf"(?i)^{_PAGE_LABEL}?\s*{_PAGE_OF}|^[-–—]\s*\d{{1,3}}\s*[-–—]$")
_NUMBERED_FOOTER = re.compile(rf"(?i)\S\s*[·|•–—-]\s*{_PAGE_LABEL}\s*{_PAGE_OF}")
"""A footer line that ends with its page's number: "CPAOP – Lima · Página 1"."""


def _furniture(per_page: list[tuple[list[_Row], float]]) -> dict[tuple[int, int], str]:
    """Rows in the top or bottom band of a page that repeat on other pages, or number them.

    The band is the outer 15% of the page: a letterhead's footer of contact lines or a
    running header of title and date over two lines reaches further in than a page number.
    """
    bands: dict[tuple[int, int], str] = {}
    tops: set[tuple[int, int]] = set()
    keys: dict[str, set[int]] = {}
    for number, (rows, height) in enumerate(per_page, start=1):
        band = 0.15 * height
        for position, row in enumerate(rows):
            labelled = _LABELLED_PAGE_NUMBER.match(row.text.strip()) is not None
            reach = 0.25 * height if labelled else band  # "Pg 3" set well up from the foot
            if row.bottom > height - reach:
                tops.add((number, position))
            if row.bottom > height - reach or row.top < reach:
                key = re.sub(r"\d+", "#", re.sub(r"\s+", " ", row.text.strip().lower()))
                bands[(number, position)] = key
                keys.setdefault(key, set()).add(number)
    out: dict[tuple[int, int], str] = {}
    many = len(per_page) >= 2
    numbered = {  # the rows that number a page at its foot: (page, baseline)
        (where[0], per_page[where[0] - 1][0][where[1]].bottom)
        for where in bands
        if where not in tops
        and _PAGE_NUMBER.match(per_page[where[0] - 1][0][where[1]].text.strip().replace("\t", " "))
    }
    for where, key in bands.items():
        text = per_page[where[0] - 1][0][where[1]].text.strip()
        if _PAGE_NUMBER.match(text.replace("\t", " ")):
            out[where] = "page number"
        elif where not in tops and _NUMBERED_FOOTER.search(text.replace("\t", " ")):
            out[where] = "page footer with the page's number"
        elif where not in tops and _beside_page_number(per_page, where, numbered):
            out[where] = "page footer over the page's number"
        elif where[0] == 1 and where in tops and parse_date_line(text.replace("\t", " ")):
            continue  # the letter's own date, which later pages repeat in their header
        elif where[0] > 1 and where in tops and _continuation_header(text):
            out[where] = "continuation header"
        elif (
            many
            and len(keys[key]) >= 2
            # (a greeting at the top of two pages opens two letters, each on its page: a
            # document of letters, not a running header)
            and match_salutation(Line(text.replace("\t", " "))) is None
        ):
            out[where] = "running page header or footer"
    return out


def _beside_page_number(
    per_page: list[tuple[list[_Row], float]],
    where: tuple[int, int],
    numbered: set[tuple[int, float]],
) -> bool:
    """A row at the foot of a page set in small type right above or beside its page number
    ("Lettre ouverte — … — 14 mars 2025" over "Page 1 of 1"): the page's footer, even on a
    PDF of one page, where no repetition shows it."""
    rows, _ = per_page[where[0] - 1]
    row = rows[where[1]]
    sizes = sorted(r.size for r in rows if r.size > 0)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    return 0 < row.size < 0.9 * body and any(
        page == where[0] and 0 <= row.bottom - bottom <= 2.5 * row.size for page, bottom in numbered
    )


def _continuation_header(text: str) -> bool:
    """ "The Honorable Jane Roe · March 16, 2026" atop page 2: the addressee and the date."""
    plain = text.replace("\t", " ").strip()
    if len(plain) > 160:
        return False
    rest, found = split_trailing_date(
        re.sub(r"(?i)[\s·|,–-]*(?:page|pg\.?|p\.)\s*\d{1,3}$", "", plain)
    )
    words = re.sub(r"[·|–—-]", " ", rest).split()
    small = {"of", "the", "and", "for", "to", "de", "la", "du", "des", "et", "y", "del"}
    named = all(w[:1].isupper() or w[:1].isdigit() or w in small for w in words)
    return found is not None and 0 < len(words) <= 12 and named and not _dateline(plain)


def _dateline(text: str) -> bool:
    """ "Quezon City, 2 June 2025": a place and the date, the letter's own dateline (a
    letter may start on page 2, under a cover page), not a person's name and the date."""
    found = parse_date_line(text)
    place = (found.place or "").strip() if found else ""
    return (
        bool(place)
        and re.search(r"[A-Za-zÀ-ÿ.]$", place) is not None  # "Secretary Rubio -" is no place
        and len(place.split()) <= 4
        and not names.is_person_name(place)
        and names.split_honorific(place)[0] is None
        and not names.is_title_line(place)
    )
