"""The preamble of a letter: page heading, dates, letterhead, inside address, cc, subject.

Everything before the salutation. Addressees are read from honorifics, names, office
and address lines; a cc list may separate its entries by blank lines or not at all;
draftkit's own DOCX styles are used directly when present.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from draftkit.ingest import names
from draftkit.ingest.dates import DateLine, is_yearless_date, parse_date_line
from draftkit.ingest.head_lines import (
    _ADDRESS_ONLY_TO,
    _ADDRESSED,
    _BYLINE,
    _CONTACT_ONLY,
    _DATE_BLANK,
    _EMAIL,
    _HEADER_WITH_ADDRESS,
    _PAGE_PROMPT,
    _TO_LABEL,
    ATTENTION_LINE,
    CC_LINE,
    DRAFTKIT_HEAD_STYLES,
    MAIL_HEADER,
    SUBJECT_LINE,
    TO_LINE,
    is_person_line,
    name_part,
)
from draftkit.ingest.text import Line, blocks, column_cells, normalise_space
from draftkit.schema import Addressee
from draftkit.sentences import ABBREVIATED_END, ends_sentence, split_marker

__all__ = ["Preamble", "addressee_from", "parse_preamble", "split_entries"]


def _split_title_address(
    lines: list[str], *, cc: bool = False, office_first: bool = False
) -> tuple[list[str], list[str]]:
    titles: list[str] = []
    address: list[str] = []
    for index, line in enumerate(lines):
        if address:
            address.append(line)
            continue
        start = names.is_address_start(line)
        has_digits = any(ch.isdigit() for ch in line)
        if (
            index == 0
            and start
            and (names.is_title_line(line) or (office_first and names.has_org_word(line)))
            and not has_digits
            and not names.is_postal_line(line)
        ):
            start = False  # "Ministerio de …" written over the name: where they hold office
        if cc and start and not (has_digits or (names.is_postal_line(line) and has_digits)):
            start = False
        if start:
            address.append(line)
        else:
            titles.append(line)
    if not address and not cc:
        # "Beijing", "Nairobi, Kenya", "Republic of Valmont" closing the block are places
        while len(titles) > 1 and _place_like(titles[-1]):
            address.insert(0, titles.pop())
    return titles, address


_STATE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][\w’'-]+\s+){0,2}(?:Republic|Kingdom|State|Commonwealth|Federation|"
    r"Principality|Sultanate|Emirates?|Confederation)\s+of\s+[A-Z][\w’' -]+$"
)


def _place_like(line: str) -> bool:
    """A city, "City, Country" or a state's formal name at the end of an address."""
    if _STATE.match(line) or names.is_postal_line(line):
        return True
    words = line.replace(",", " ").split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(ch.isdigit() for ch in line)
        and not names.is_title_line(line)
        and not names.has_org_word(line)
    )


_TITLE_START = re.compile(
    r"^(?:Minister|Secretary|Ambassador|President|Vice-President|Director|Director-General|"
    r"Commissioner|Chair|Chairman|Chairwoman|Chairperson|Special|High|Permanent|Deputy|"
    r"Under-Secretary|Senator|Representative|Member|Head|Governor|Mayor|Judge|Attorney|"
    r"Prosecutor|Prime|Foreign|Speaker|Rapporteur|Envoy|Leader|Chief)$"
)
_ADDRESS_WORD = re.compile(
    r"^(?:Ministry|Ministère|Ministerio|Department|Embassy|Mission|Office|Consulate|Senate|"
    r"Parliament|Palais|Palace|Government|Presidency|Chancellery|House|Headquarters|"
    r"Republic|Kingdom|Federation|Commonwealth|Principality)$"
)
_STREET_END = re.compile(
    r"^(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Drive|Dr\.?|Lane|Ln\.?|Boulevard|Blvd\.?|"
    r"Way|Place|Pl\.?|Court|Ct\.?|Square|Parkway|Pkwy\.?|Plaza|Circle|Highway|Terrace),?$"
)
_TITLE_WORD = re.compile(
    r"^(?:and|of|for|the|&|Executive|Officer|Operating|Financial|General|Assistant|Associate|"
    r"Senior|Managing|Vice|Deputy|Acting|Interim|Board|Chief|President|Director|Secretary|"
    r"Chair|Chairman|Chairwoman|Chairperson|Counsel|Administrator|Commissioner|Founder|Co-Founder)$"
)


def _split_named_run_on(tokens: list[str]) -> list[str] | None:
    """ "Ana Ruiz President and Chief Executive Officer Acme Corporation 999 Lake Drive
    Springfield, Illinois 62701": a name, an office, an institution and a postal address
    run onto one line (a web page whose line breaks the browser folded) — back into lines.

    Only a line that opens with a person's name followed by an office, and holds a street
    number, is split; anything else is left alone (None).
    """
    start = next((n for n in (2, 3) if n < len(tokens) and _TITLE_START.match(tokens[n])), None)
    if start is None or not names.is_person_name(" ".join(tokens[:start])):
        return None
    street = next(
        (i for i in range(start + 1, len(tokens)) if re.fullmatch(r"\d[\d-]*[A-Za-z]?", tokens[i])),
        None,
    )
    if street is None or "," in " ".join(tokens[:street]):
        return None
    cuts = [start]
    index = start + 1
    while index < street and _TITLE_WORD.match(tokens[index]):
        index += 1  # the office runs on: "President and Chief Executive Officer"
    if index < street:
        cuts.append(index)  # the institution
    cuts.append(street)
    ends = [i + 1 for i in range(street, len(tokens) - 1) if _STREET_END.match(tokens[i])]
    if ends:
        cuts.append(ends[0])  # the town after the street
    edges = [0, *cuts, len(tokens)]
    return [" ".join(tokens[a:b]) for a, b in itertools.pairwise(edges) if b > a]


def split_run_on(line: str) -> list[str]:
    """An inside address a page collapsed onto one line, back into its lines.

    "Mr. Ana Reyes Minister of Justice Ministry of Justice Port Aubrey Kestria" becomes
    the name, the office, the institution and the country; a line with commas, or one
    that does not start with a person, is left alone.
    """
    tokens = line.split()
    honorific, rest = names.split_honorific(line)
    if not honorific and len(tokens) >= 8:
        return _split_named_run_on(tokens) or [line]
    if len(tokens) < 6 or "," in line or not honorific:
        return [line]
    start = len(tokens) - len(rest.split())
    cuts: list[int] = []
    for index in range(start + 1, len(tokens)):
        word, previous = tokens[index], tokens[index - 1]
        if not word[:1].isupper():
            continue
        title_here = _TITLE_START.match(word) and not _TITLE_START.match(previous)
        institution = (
            _ADDRESS_WORD.match(word)
            and previous[:1].isupper()
            and (not cuts or index - cuts[-1] >= 2)
        )
        if (title_here or institution) and previous.lower() not in ("of", "the", "and", "for"):
            cuts.append(index)
    if not cuts:
        return [line]
    tail = tokens[cuts[-1] :]
    for size in (3, 2, 1):
        if len(tail) > size and names.is_country_list(" ".join(tail[-size:])):
            cuts.append(len(tokens) - size)
            break
    edges = [0, *cuts, len(tokens)]
    parts = [" ".join(tokens[a:b]) for a, b in itertools.pairwise(edges) if b > a]
    first = parts[0]
    if not names.is_person_name(names.split_honorific(first)[1], allow_single=True):
        return [line]
    return parts


def _line_end(line: str) -> str:
    """An address line without the comma or full stop a letter puts at its end.

    A footnote mark glued to that comma goes too: "To the United Nations,1".
    """
    line = re.sub(r"(?<=[A-Za-zÀ-ÿ)][,.;])\d{1,2}$", "", line).rstrip(",")
    if line.endswith(".") and not ABBREVIATED_END.search(line) and len(line.split()) > 1:
        line = line[:-1]
    return line


_MAILBOX = re.compile(r"\s*<[^<>\s@]{1,64}@[^<>\s]{1,255}>")
"""An e-mail address in angle brackets after a display name."""


def addressee_from(lines: list[str], *, cc: bool = False) -> Addressee | None:
    """Read one inside-address or cc entry."""
    lines = [
        _line_end(normalise_space(line))
        for line in lines
        if normalise_space(line) and not _TO_LABEL.match(normalise_space(line))
    ]
    if not lines:
        return None
    if _ADDRESSED.match(lines[0]) and (len(lines) > 1 or not re.match(r"(?i)^to\b", lines[0])):
        lines = [_ADDRESSED.sub("", lines[0]), *lines[1:]]
    if len(lines) == 1 and re.fullmatch(_EMAIL, lines[0]):
        return Addressee(name=lines[0].strip("<>"))  # "Cc: ps@health.go.ke": the address
    # "Bridget Phillipson MP <bridget.phillipson.mp@parliament.uk>": a mail header's
    # display name and mailbox; the mailbox is no part of the name
    lines = [_MAILBOX.sub("", line).strip() or line for line in lines]
    if len(lines) == 1:
        lines = split_run_on(lines[0])
    office_first = False
    if len(lines) > 1 and _lone_honorific(lines[0]):
        # "Señora" / "Valentina Echeverri Rojas": the honorific on a line of its own
        lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
    if (
        len(lines) > 1
        and (names.is_title_line(lines[0]) or names.has_org_word(lines[0]))
        and not names.split_honorific(lines[0])[0]
        and not is_person_line(lines[0])
        and not names.is_person_name(lines[0])
        and (
            is_person_line(lines[1])
            or (names.is_person_name(lines[1]) and not names.has_org_word(lines[1]))
        )
        and not names.is_address_start(lines[1])
    ):
        # "Minister of Foreign Affairs" or "Ministerio de …" above the name: the office
        # ("Leinster House" under "Clerk to the Committee" is where, not who)
        # or institution is a title line
        lines = [lines[1], lines[0], *lines[2:]]
        office_first = True
    first = lines[0]
    honorific, rest = names.split_honorific(first)
    name: str | None = None
    extra: list[str] = []
    office_on_name_line: str | None = None  # "Secretary of State John F. Kerry"
    if honorific:
        head = name_part(rest)
        if head and names.is_person_name(head, allow_single=True):
            name = head
            tail = rest[len(head) :].lstrip(", ").strip()
            if tail:
                extra.append(tail)
        elif rest and names.split_title_name(rest):
            # "H.E. President Cyril Ramaphosa": the office after the honorific is a title
            office, name = names.split_title_name(rest) or ("", "")
            extra.append(office)
            office_on_name_line = office
        elif rest and names.is_title_line(rest):
            # "The Rt Hon the Prime Minister": the office is the name line
            name = rest
        elif rest:
            extra.append(rest)
    else:
        split = names.split_title_name(first)
        head = name_part(first)
        head_split = names.split_title_name(head) if head != first else None
        if split:
            extra.append(split[0])
            name = split[1]
            office_on_name_line = split[0]
        elif head_split:
            # "Senator Ana Ruiz, Chair, Committee on X": the office before the name and
            # the others after it are her titles
            extra.append(head_split[0])
            name = head_split[1]
            tail = first[len(head) :].lstrip(", ").strip()
            if tail:
                extra.append(tail)
        else:
            head = name_part(first)
            if names.is_person_name(first) and not names.is_person_name(head):
                name = first  # "van der Berg-Hoekstra, M.J.": surname first, then initials
            elif names.is_person_name(head):
                name = head
                tail = first[len(head) :].lstrip(", ").strip()
                if tail:
                    extra.append(tail)
            elif (
                names.is_title_line(first)
                and not names.is_address_start(first)
                and not any(is_person_line(x) for x in lines[1:])
            ):
                name = first  # an office standing for the person: "The Leader of the Opposition"
            elif (
                names.has_org_word(first)
                and not names.is_address_start(first)
                and not any(ch.isdigit() for ch in first)
                and not any(
                    is_person_line(x)
                    or (
                        names.is_person_name(x)
                        and not names.is_address_start(x)
                        and not names.is_postal_line(x)
                    )
                    for x in lines[1:]
                )
            ):
                name = first  # an institution written to as such: "Judicial Conference of …"
            else:
                extra.append(first)
    titles, address = _split_title_address(extra + lines[1:], cc=cc, office_first=office_first)
    if not name and not titles and address:
        titles, address = address[:1], address[1:]
    if not (name or titles):
        return None
    if cc and not name and len(lines) == 1:
        # a copy to an office alone ("Councillor, Ward No. 19, …"): the office is the entry
        name, titles = titles[0], titles[1:]
    return Addressee(
        honorific=honorific,
        name=name,
        title_lines=titles,
        address_lines=address,
        title_before_name=bool(
            office_on_name_line and name and titles and titles[0] == office_on_name_line
        ),
    )


_OPEN_END = re.compile(
    r"(?i)(?:&|\b(?:and|of|for|on|the|to|at|in|y|et|de|del|des|du|der|und|für))$"
)
"""A line that cannot end an entry: it stops on a word that leads on (a comma may end an
address line: "Minister of Finance,")."""


def _rejoin_wrapped(block: list[str]) -> list[str]:
    """Lines of a list with the entries a narrow page wrapped joined again: a line goes
    on from the one above when that one stops on a word that leads on ("Senate Committee
    on Energy and" / "Natural Resources")."""
    out: list[str] = []
    for line in block:
        if out and line.strip() and _OPEN_END.search(out[-1].strip()):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def _one_a_line(block: list[str]) -> bool:
    """A copy list of short lines that each name a person or a body, no address lines."""
    return all(
        len(line.split()) <= 16
        and not names.is_postal_line(line)
        and not names.is_address_start(line)
        and (
            ", " in line
            or is_person_line(line)
            or names.has_org_word(line)
            or names.is_title_line(line)
        )
        for line in block
    )


def split_entries(
    block: list[str], *, office_above: bool = False, copies: bool = False
) -> list[list[str]]:
    """Split a block at lines that open a new person (a cc list without blank lines).

    When most lines are whole entries ("Mr. Ana Ruiz, Minister of Justice"), every
    line is an entry, offices standing alone included. With ``office_above`` (an inside
    address), an office on the block's first line and a name under it are one addressee
    ("Bundesministerin für Gesundheit" / "Frau Nina Warken MdB"), as German, Italian and
    Portuguese letters set them. In a cc list (``copies``), lines that each give a
    name or an office and, after a comma, where it sits ("Regional Administrators, EPA
    Regions 1–10" / "Office of Inspector General, U.S. EPA") are an entry each.
    """
    block = _rejoin_wrapped(block)
    if (
        copies
        and len(block) >= 2
        and all(", " in line and len(line.split(",")[0].split()) <= 8 for line in block)
    ):
        return [[line] for line in block]
    if copies and len(block) >= 2 and _one_a_line(block):
        # "M. Alain Vaillancourt, responsable …" / "Commission de la sécurité publique" /
        # "Commission des droits de la personne": offices and people, an entry a line (a
        # name alone keeps the title and office lines under it)
        copied: list[list[str]] = []
        for line in block:
            above = copied[-1] if copied else None
            if (
                above is not None
                and ", " not in above[0]
                and is_person_line(above[0])
                and not is_person_line(line)
            ):
                above.append(line)  # "The Honorable Ana Ruiz" / "Assistant Secretary" / …
            else:
                copied.append([line])
        return copied
    stripped = [line.strip() for line in block]
    offices = sum(1 for line in stripped if re.match(r"^The\s+[A-Z]", line))
    if (
        len(block) >= 3
        and offices >= 2
        and offices >= len(block) - 1
        and all(len(line.split()) <= 10 and not names.is_postal_line(line) for line in stripped)
        and not any(is_person_line(line) for line in stripped)
    ):
        # "The Deputy Vice-Chancellor" / "The Bursar" / "The Chief Warden" / "File": a copy
        # list of offices, an entry a line
        return [[line] for line in stripped]
    marked = [split_marker(line) for line in block]
    if block and all(marked):
        # "1. The Municipal Commissioner, …" / "2. The Ward Officer, …": an entry a number
        return [[marker[2].rstrip(".")] for marker in marked if marker]
    inline = sum(
        1
        for line in block
        if ", " in line
        and (
            names.split_honorific(line)[0]
            or names.split_title_name(line.split(",", 1)[0].strip()) is not None
            or _name_then_office(line)
        )
        and len(name_part(line).split()) <= 6
    )
    if (len(block) >= 3 and inline >= 0.6 * len(block)) or (len(block) == 2 and inline == 2):
        return [[line] for line in block]
    entries: list[list[str]] = []
    for line in block:
        single_office = names.split_title_name(line)
        honorific = names.split_honorific(line)[0]
        if entries and len(entries[-1]) == 1 and _lone_honorific(entries[-1][0]):
            # "Exma. Senhora" / "Dra. Helena Marques": the honorific on a line of its own
            entries[-1].append(line)
        elif office_above and _office_over_name(entries, line):
            entries[0].append(line)
        elif (
            entries
            and is_person_line(line)
            and (honorific or (single_office is not None and len(single_office[0].split()) == 1))
            and not _styled_office_under_name(line, entries[-1])
        ):
            entries.append([line])
        elif (
            entries
            and len(entries[-1]) == 1
            and ", " in line
            and ", " in entries[-1][0]
            and names.is_person_name(name_part(line))
            and names.is_person_name(name_part(entries[-1][0]))
        ):
            # "Ana Ruiz, UNCTAD" under "Ben Li, UNCTAD": one person a line, alike
            entries.append([line])
        elif entries and _office_entry(line, entries[-1]):
            # "The Rt Hon the Leader of the Opposition" / "The Shadow Secretary of State …":
            # each line names an office of its own
            entries.append([line])
        elif entries:
            entries[-1].append(line)
        else:
            entries.append([line])
    return entries


def _office_over_name(entries: list[list[str]], line: str) -> bool:
    """A name line under the block's first line, an office ("Ao Magnífico Reitor da
    Universidade de São Paulo" / "Prof. Dr. Carlos Carlotti Junior"): one addressee."""
    if len(entries) != 1:
        return False
    above = [x for x in entries[0] if not _TO_LABEL.match(normalise_space(x))]
    return (
        len(above) == 1
        and not TO_LINE.match(above[0])  # "To the Prime Minister": read as a "To" line
        and not _ADDRESSED.match(above[0])
        and not is_person_line(above[0])
        and not names.is_postal_line(above[0])
        and len(above[0].split()) <= 12
        and is_person_line(line)
        and ", " not in line
    )


def _styled_office_under_name(line: str, entry: list[str]) -> bool:
    """ "Honourable Mayor" under "Mr. Kamal Hossain Chowdhury": the office, with its style,
    on the line under a person's name is that person's title, not a second addressee."""
    honorific, rest = names.split_honorific(line)
    return (
        honorific is not None
        and len(entry) == 1
        and bool(rest)
        and names.is_title_line(rest)
        and not names.is_person_name(rest)
        and (is_person_line(entry[0]) or names.is_person_name(name_part(entry[0])))
    )


def _lone_honorific(line: str) -> bool:
    """ "The Honorable", "Exma. Senhora": an honorific with no name on its line."""
    honorific, rest = names.split_honorific(line)
    return honorific is not None and not rest


def _name_then_office(line: str) -> bool:
    """ "Irina Bokova, Director-General of UNESCO": a person's name, then their office."""
    name, _, office = line.partition(",")
    office = office.strip()
    return (
        names.is_person_name(name.strip())
        and bool(office)
        and (names.is_title_line(office) or names.has_org_word(office))
    )


def _office_entry(line: str, current: list[str]) -> bool:
    """A line that opens an entry naming an office, after an entry that names one too."""
    honorific, rest = names.split_honorific(line)
    opens = (honorific is not None and bool(rest)) or (
        line.startswith("The ") and names.is_title_line(line)
    )
    if not opens or names.is_postal_line(line) or names.is_address_start(line):
        return False
    last = current[-1]
    named = is_person_line(current[0]) or names.is_person_name(name_part(current[0]))
    if named and len(current) == 1:
        return False  # the title line under a person's name is theirs
    return bool(
        names.split_honorific(current[0])[0] or names.is_title_line(last)
    ) and not names.is_address_start(last)


@dataclass(slots=True)
class Preamble:
    heading: str | None = None
    published: dt.date | None = None
    date: DateLine | None = None
    addressees: list[Addressee] = field(default_factory=list)
    cc: list[Addressee] = field(default_factory=list)
    subject: str | None = None
    letterhead: list[str] = field(default_factory=list)
    date_after_address: bool = False
    date_byline: bool = False  # the date's line is a page's byline ("Sep 2, 2024 • Staff")
    cc_in_preamble: bool = False
    sender: str | None = None
    unlabelled: list[str] = field(default_factory=list)


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    return (
        (
            (
                3 <= len(words) <= 30
                and len(text) <= 220
                and not text.endswith((",", ";"))
                and text[:1].isupper()
            )
            or (text[:1].isdigit() and len(words) >= 3)
            # "Sample Letter", "Open letter": a short heading naming what follows
            or re.fullmatch(r"[A-ZÀ-Þ][\w-]*\s+(?i:letter|lettre|carta|brief)s?", text) is not None
        )
        and not is_person_line(text)
        and not names.split_honorific(text)[0]
        and not TO_LINE.match(text)
        # "From: …", "Attached: …" are header lines; "Bangladesh: Joint letter on …", a
        # page's title with its country or topic before a colon, is a heading
        and not (
            re.match(r"^[A-Z][\w-]{0,15}\s*:\s", text)
            and not re.search(r"(?i)\b(?:letter|lettre|carta|lettera|brief|appeal)\b", text)
        )
        and not (names.is_postal_line(text) and len(words) < 6)
        and not (len(words) > 8 and re.search(r"[.!?]$|[a-z]{2}\. [A-Z]", text))
    )


def _columns_of(block: list[Line], index_of: dict[int, int]) -> list[list[Line]]:
    """A block set in two columns (two inside addresses side by side) as two blocks.

    Each line holds a left and a right cell (a PDF's tab, a table row, or a run of
    spaces that starts the second column at the same place on most lines, as in plain
    text); the left column is read first. A cell keeps the index of its line in
    ``index_of``.
    """
    if len(block) < 2:
        return [block]
    cells = [[c.strip() for c in (ln.raw or ln.text).split("\t") if c.strip()] for ln in block]
    if not any(len(c) == 2 for c in cells):
        spaced = column_cells([ln.raw or ln.text for ln in block])
        if spaced is not None:
            cells = [[c for c in row if c] for row in spaced]
    if any(len(c) > 2 for c in cells) or sum(len(c) == 2 for c in cells) < 2:
        return [block]
    heads = [re.sub(r"(?i)^(?:cc|copy|copies)\s*:\s*", "", c[0]) for c in cells if c]
    if not any(is_person_line(head) or names.split_honorific(head)[0] for head in heads):
        return [block]  # two columns of addressees or of copies ("cc: …" over each), else text
    left: list[Line] = []
    right: list[Line] = []
    for ln, row in zip(block, cells, strict=True):
        for column, text in zip((left, right), row, strict=False):
            cell = Line(text, hard=True, raw=text, page=ln.page)
            index_of[id(cell)] = index_of[id(ln)]
            column.append(cell)
    return [left, right] if right else [left]


def _join_wrapped(block: list[Line], index_of: dict[int, int]) -> list[Line]:
    """Lines of a block that one long line was wrapped into, joined back.

    A line broken inside a word ("Court Adminis-" / "tration and …") or inside brackets
    ("Information Technology (Hon." / "Thomas Hardiman), …") goes on in the next line.
    The joined line takes the index of its first part in ``index_of``.
    """
    out: list[Line] = []
    for ln in block:
        if out:
            last = out[-1].text
            hyphen = re.search(r"[a-z]-$", last) is not None and ln.text[:1].islower()
            if hyphen or last.count("(") > last.count(")"):
                text = last[:-1] + ln.text if hyphen else f"{last} {ln.text}"
                joined = Line(text, indent=out[-1].indent, hard=True, raw=text, page=out[-1].page)
                index_of[id(joined)] = index_of[id(out[-1])]
                out[-1] = joined
                continue
        out.append(ln)
    return out


def _continued_in_lowercase(lines: list[Line], i: int) -> bool:
    """True when the line after ``i`` carries on its phrase in lowercase.

    "Providing Free Access" over "to Legal Materials" is a tagline set on two lines, not
    a person's name.
    """
    nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
    return bool(nxt) and nxt[:1].islower()


def _reference_number(subject: re.Match[str]) -> bool:
    """ "Ref: TUM/MoE/03/2026", "Our ref: HRC-114": a file reference, not the subject."""
    text = subject.group("text").strip()
    return (
        subject.group("label").lower() in ("ref", "reference", "our ref")
        and len(text.split()) <= 3
        and re.search(r"\d", text) is not None
        and re.search(r"[a-z]{4,}\s+[a-z]{3,}", text) is None
    )


def _letterhead_like(block: list[Line]) -> bool:
    first = block[0].text
    if re.match(r"(?i)^to\b", first):
        return False  # "To the Prime Minister": an addressee, however many contacts follow
    if block[0].style and block[0].style.lower().startswith("letterhead"):
        return True
    if sum(1 for ln in block if MAIL_HEADER.match(ln.text)) >= 2:
        return False  # an e-mail's header, its sender's address in it, is the letter's head
    letters = [ch for ch in first if ch.isalpha()]
    caps = bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.9
    contact = any(
        re.search(r"(?i)(tel\.?|phone|fax|e-?mail|www\.|https?://|@|\(\d{3}\)|\+\d|·|\|)", ln.text)
        for ln in block
    )
    return (caps and len(letters) > 6) or contact


def _styled_preamble(lines: list[Line], skipped: list[tuple[str, str]]) -> Preamble:
    """A preamble written by draftkit's renderer: its paragraph styles say what is what."""
    pre = Preamble()
    runs: list[list[Line]] = []
    for ln in lines:
        if ln.blank:
            runs.append([])
        elif runs and runs[-1] and runs[-1][-1].style == ln.style:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    for block in (run for run in runs if run):
        style = (block[0].style or "").lower()
        texts = [ln.text for ln in block]
        if style == "page heading":
            pre.heading = normalise_space(" ".join(texts))
        elif style in ("publication date", "letter date"):
            found = parse_date_line(texts[0])
            if found and style == "publication date":
                pre.published = found.date
            elif found:
                pre.date = found
                pre.date_after_address = bool(pre.addressees)
        elif style == "inside address":
            person = addressee_from(texts)
            if person:
                pre.addressees.append(person)
        elif style == "copy list":
            pre.cc_in_preamble = True
            match = CC_LINE.match(texts[0])
            if match:
                texts = [match.group("rest"), *texts[1:]]
            person = addressee_from(texts, cc=True)
            if person:
                pre.cc.append(person)
        elif style == "subject line":
            subject = SUBJECT_LINE.match(texts[0])
            pre.subject = normalise_space(
                " ".join([subject.group("text") if subject else texts[0], *texts[1:]])
            )
        elif style.startswith("letterhead"):
            pre.letterhead.extend(texts)
        else:
            skipped.extend((t, "unplaced text before the salutation") for t in texts)
    return pre


def parse_preamble(
    lines: list[Line], skipped: list[tuple[str, str]], *, letter_from: int | None = None
) -> Preamble:
    """Read the lines before the salutation.

    Args:
        lines: The preamble's lines (page noise already blanked).
        skipped: Collects lines left unplaced, with the reason.
        letter_from: The first line of the letter's own head: a date from here on is the
            letter's date unless it says it is a publication date ("Published …").
            None when unknown (a date next to the page heading is then its date).

    Returns:
        Heading, publication date, letter date, addressees, cc, subject and letterhead.
    """
    header = [ln.text for ln in lines if ln.style == "page header"]
    lines = [Line("") if ln.style == "page header" else ln for ln in lines]
    if any((ln.style or "").lower() in DRAFTKIT_HEAD_STYLES for ln in lines):
        pre = _styled_preamble(lines, skipped)
        pre.letterhead = pre.letterhead or header
        return pre
    pre = Preamble(letterhead=list(header))
    content = [(i, ln) for i, ln in enumerate(lines) if not ln.blank]
    dates: dict[int, DateLine] = {}
    for i, ln in content:
        if ln.style and ln.style.lower() in ("letter date", "publication date"):
            found = parse_date_line(ln.text)
            if found:
                dates[i] = DateLine(
                    found.date, found.place, ln.style.lower() == "publication date", found.day_first
                )
            continue
        found = parse_date_line(ln.text)
        if found and not SUBJECT_LINE.match(ln.text):  # "Re: … beyond March 31, 2025"
            dates[i] = found
    if not content:
        return pre
    # Heading: styled, or a one-line block next to a publication date.
    index_of = {id(ln): i for i, ln in enumerate(lines)}
    block_list = [
        _join_wrapped(column, index_of)
        for block in blocks(lines)
        for column in _columns_of(block, index_of)
    ]
    block_starts = [index_of[id(b[0])] for b in block_list]
    heading_index: int | None = None
    for b, block in enumerate(block_list):
        ln = block[0]
        if (
            (ln.style and ln.style.lower() in ("page heading", "h1", "h2", "title"))
            or (ln.heading and len(block) == 1 and block_starts[b] + 1 < (letter_from or 0))
        ) and not _ADDRESSED.match(ln.text):
            heading_index = block_starts[b]
            break
    if heading_index is None:
        for b, block in enumerate(block_list):
            start = block_starts[b]
            if len(block) != 1 or start in dates or not _looks_like_heading(block[0].text):
                continue
            if SUBJECT_LINE.match(block[0].text) or CC_LINE.match(block[0].text):
                continue
            neighbours = [block_starts[x] for x in (b - 1, b + 1) if 0 <= x < len(block_list)]
            addressed_above = any(
                is_person_line(ln.text) or names.split_honorific(ln.text)[0]
                for earlier in block_list[:b]
                for ln in earlier[:1]
            )
            if not addressed_above and any(
                n in dates
                and len(block_list[blocks_index(block_starts, n)]) == 1
                and (letter_from is None or n < letter_from)
                for n in neighbours
            ):
                # a title beside the page's date; under inside addresses it is the
                # letter's own unlabelled subject, not the page's heading
                heading_index = start
    if heading_index is None:
        for b, block in enumerate(block_list):
            text = block[0].text
            if (
                len(block) == 1
                and block_starts[b] not in dates
                and _looks_like_heading(text)
                and re.search(
                    r"(?i)\b(?:letter|appeal|petition|lettre|carta|lettera|appel|p[ée]tition)\b",
                    text,
                )
                and not SUBJECT_LINE.match(text)
            ):
                heading_index = block_starts[b]
                break
            if is_person_line(text) or block_starts[b] in dates:
                break
    published_index: int | None = None
    for i, found in dates.items():
        if found.published:
            published_index = i
            break
    if heading_index is None and len(content) >= 2:
        # no blank lines: a heading and a date as the first two lines of the page
        i, j = content[0][0], content[1][0]
        if j == i + 1:
            for head, other in ((i, j), (j, i)):
                text = lines[head].text
                if (
                    other in dates
                    and dates[other].place is None
                    and head not in dates
                    and _looks_like_heading(text)
                    and not SUBJECT_LINE.match(text)
                    and not CC_LINE.match(text)
                ):
                    heading_index = head
                    published_index = published_index if published_index is not None else other
                    break
    if heading_index is not None:
        pre.heading = normalise_space(lines[heading_index].text)
        if published_index is None:
            b = blocks_index(block_starts, heading_index)
            for x in (b - 1, b + 1):
                if (
                    0 <= x < len(block_list)
                    and (letter_from is None or block_starts[x] < letter_from)
                    and block_starts[x] in dates
                    and len(block_list[x]) == 1
                    and dates[block_starts[x]].place is None
                ):
                    published_index = block_starts[x]
                    break
    if published_index is None and letter_from is not None:
        # a date the reading kept as page context, above the letter's own head (prose or a
        # heading stands between): the page's publication date, not the letter's (a
        # dateline with its place, "Bogotá, 13 de junio de 2022", is still the letter's)
        above = [
            i
            for i in dates
            if i < letter_from and i != heading_index and dates[i].place is None
        ]
        if above:
            published_index = above[-1]
    if published_index is not None:
        pre.published = dates[published_index].date
    start_at = max([x for x in (heading_index, published_index) if x is not None], default=-1)
    remaining = {i: d for i, d in dates.items() if i != published_index and i > start_at}
    if remaining:
        first_date = min(remaining)
        pre.date = remaining[first_date]
        pre.date_byline = _BYLINE.search(lines[first_date].text) is not None
    else:
        first_date = None
    # Lines above the letter's date, when no person is addressed above it, are the
    # sender's letterhead (name, address, contacts), not an inside address.
    letterhead_lines: set[int] = set()
    if first_date is not None:
        above = [
            i
            for i, ln in content
            if start_at < i < first_date and i not in dates and i != heading_index
        ]
        if above and not any(
            is_person_line(lines[i].text)
            or (
                names.is_person_name(name_part(lines[i].text))
                and not _continued_in_lowercase(lines, i)
            )
            or TO_LINE.match(lines[i].text)
            or SUBJECT_LINE.match(lines[i].text)
            or CC_LINE.match(lines[i].text)
            or MAIL_HEADER.match(lines[i].text)  # an e-mail's "From:" over its "Sent:"
            for i in above
        ):
            letterhead_lines = set(above)
    # Walk the rest: letterhead, addressees, cc, subject.
    mode = "address"
    address_block: list[str] = []
    entries_before_date = 0
    pending: list[list[str]] = []  # blocks of address text
    cc_lines: list[list[str]] = []
    subject_parts: list[str] = []
    seen_person = False
    for b, block in enumerate(block_list):
        start = block_starts[b]
        skipped.extend(
            (ln.text, "page text before the letter")
            for ln in block
            if index_of[id(ln)] <= start_at
            and index_of[id(ln)] not in (heading_index, published_index)
        )
        block = [ln for ln in block if index_of[id(ln)] > start_at]
        if not block:
            continue
        start = index_of[id(block[0])]
        first_text = normalise_space(block[0].text)
        if (
            pre.date_after_address
            and mode == "address"
            and len(block) == 1
            and start > (first_date if first_date is not None else 10**9)
            and _looks_like_heading(first_text)
            and not is_person_line(first_text)
            and not names.split_honorific(first_text)[0]
            and not names.is_title_line(first_text)
            and not names.is_postal_line(first_text)
            and not SUBJECT_LINE.match(block[0].text.strip())
            and not CC_LINE.match(first_text)
        ):
            # a title under the date, below the inside addresses: an unlabelled subject
            skipped.append((block[0].text, "unlabelled line before the salutation"))
            pre.unlabelled.append(first_text)
            mode = "after"
            continue
        if (
            mode == "cc"
            and len(block) == 1
            and len(first_text.split()) >= 6
            and (":" in first_text or len(first_text.split()) >= 9)
            and not is_person_line(first_text)
            and not names.split_honorific(first_text)[0]
            and not SUBJECT_LINE.match(block[0].text.strip())
        ):
            # a line of its own after the cc list: an unlabelled subject, not a cc entry
            skipped.append((block[0].text, "unlabelled line before the salutation"))
            pre.unlabelled.append(first_text)
            mode = "after"
            continue
        texts: list[str] = []
        from_block = False
        for ln in block:
            i = index_of[id(ln)]
            if i in letterhead_lines:
                pre.letterhead.append(ln.text)
                skipped.append((ln.text, "letterhead"))
                continue
            if i in dates:
                if i == first_date and seen_person:
                    pre.date_after_address = True
                if texts:
                    _flush(texts, mode, pending, cc_lines)
                    texts = []
                mode = "address" if mode != "cc" else "after"
                continue
            subject = SUBJECT_LINE.match(ln.text)
            if subject and _reference_number(subject):
                skipped.append((ln.text, "reference number (not the subject)"))
                continue
            if subject or (ln.style and ln.style.lower() == "subject line"):
                if texts:
                    _flush(texts, mode, pending, cc_lines)
                    texts = []
                subject_parts = [subject.group("text") if subject else ln.text]
                mode = "subject"
                continue
            if len(ln.text) <= 500 and _HEADER_WITH_ADDRESS.match(ln.text) and any(
                is_person_line(later.text) and not MAIL_HEADER.match(later.text)
                for _, later in content
                if index_of[id(later)] > index_of[id(ln)]
            ):
                # "To: Office of Senator X <correspondence@…>" over a letter with its own
                # inside address: the e-mail's routing, not the letter's addressee or copy
                skipped.append((ln.text, "e-mail header over the letter's own address"))
                continue
            if _ADDRESS_ONLY_TO.match(ln.text):
                # "To: minister@health.go.ke", "Cc: policy@…": addresses name no one; the
                # greeting names the addressee
                skipped.append((ln.text, "e-mail addresses in the header, no name"))
                continue
            cc = (
                CC_LINE.match(ln.text)
                if not (ln.style and ln.style.lower() == "inside address")
                else None
            )
            if cc or (ln.style and ln.style.lower() == "copy list" and mode != "cc"):
                if texts:
                    _flush(texts, mode, pending, cc_lines)
                    texts = []
                mode = "cc"
                pre.cc_in_preamble = True
                rest = cc.group("rest").strip() if cc else ln.text
                parts = [p.strip() for p in rest.split("; ")] if cc and "; " in rest else [rest]
                for part in parts[:-1]:
                    _flush([part], mode, pending, cc_lines)  # "cc: A, Office; B": two entries
                if parts[-1]:
                    texts.append(parts[-1])
                continue
            sender = re.match(
                r"^(?:(?i:From|Sender|Von|De)\s*:\s*|From\s+(?=(?:the\s+)?[A-Z]))(?P<rest>.+)$",
                ln.text,
            )
            if (
                mode == "address"
                and ln is block[0]
                and (texts or pending or pre.addressees)
                and ATTENTION_LINE.match(ln.text)
            ):
                # "Kind attention: The Secretary for Education" a line apart under the address
                # block: who in the office it is marked for, not another addressee (an
                # "Attn:" line inside the block is one of its address lines)
                skipped.append((ln.text, "attention line (who in the office it is marked for)"))
                continue
            if sender:
                pre.sender = normalise_space(sender.group("rest"))
                skipped.append((ln.text, "sender line (kept as the sender)"))
                from_block = True  # a memo's FROM may go on over the lines under it
                continue
            if from_block and ln.raw[:1] in (" ", "\t") and not texts:
                skipped.append((ln.text, "sender line (kept as the sender)"))
                continue  # "FROM: Atty. A, Chair" / "      Atty. B, Vice-Chair"
            if mode == "subject" and re.match(r"^[A-Z][\w-]{0,15}\s*:\s", ln.text):
                skipped.append((ln.text, "header line after the subject"))
                continue  # "Attached: …" under the subject is not part of it
            if mode == "subject":
                subject_parts.append(ln.text)
                continue
            if mode == "after":
                skipped.append((ln.text, "unplaced text before the salutation"))
                continue
            bullet = split_marker(ln.text) if mode == "cc" else None
            if bullet is not None and bullet[0] == "bullet" and bullet[2].strip():
                # a bulleted cc list: each item is one entry
                if texts:
                    _flush(texts, mode, pending, cc_lines)
                texts = [bullet[2].strip()]
                _flush(texts, mode, pending, cc_lines)
                texts = []
                continue
            if (
                mode == "address"
                and not seen_person
                and not pending
                and start < (first_date if first_date is not None else 10**9)
                and _letterhead_like(block)
                and not is_person_line(ln.text)
            ):
                pre.letterhead.extend(x.text for x in block)
                break
            if mode == "address" and not texts and not pending and _CONTACT_ONLY.match(ln.text):
                # a phone number or e-mail address before any addressee: the sender's
                # letterhead (set in a column beside the address block, read in between)
                pre.letterhead.append(ln.text)
                skipped.append((ln.text, "letterhead"))
                continue
            if _DATE_BLANK.match(ln.text.strip()):
                # "[Date]" in a model letter: where the sender writes the date, no address
                skipped.append((ln.text, "a blank for the date"))
                continue
            if is_yearless_date(ln.text):
                # "November 25" under a memo's To and From lines: a date without its year,
                # which the letter's date cannot be; not an address line either
                skipped.append((ln.text, "a date without its year"))
                continue
            tokens = ln.text.split()
            words = len(tokens)
            named = sum(1 for t in tokens if t[:1].isupper() or t[:1] == "(") >= 0.7 * words
            if (words > 30 and not named) or (words > 8 and ends_sentence(ln.text)):
                skipped.append((ln.text, "prose before the letter"))
                continue
            if words >= 3 and _PAGE_PROMPT.search(ln.text) and re.search(r"[a-z]{3}[.!]$", ln.text):
                # "Find your Senator's contact information.": the page speaking to its reader
                skipped.append((ln.text, "page text before the letter"))
                continue
            texts.append(ln.text)
            if is_person_line(ln.text) or names.is_person_name(ln.text):
                seen_person = True
        else:
            if texts:
                _flush(texts, mode, pending, cc_lines)
            if mode == "subject":
                mode = "address"
            continue
        for ln in block:
            skipped.append((ln.text, "letterhead"))
    if subject_parts:
        pre.subject = normalise_space(" ".join(subject_parts))
    pre.addressees = _addressees(pending, skipped)
    for block_lines in cc_lines:
        for entry in split_entries(block_lines, copies=True):
            person = addressee_from(entry, cc=True)
            if person:
                pre.cc.append(person)
    del address_block, entries_before_date
    return pre


def blocks_index(starts: list[int], start: int) -> int:
    """The index of the block starting at line ``start``."""
    return starts.index(start)


def _flush(texts: list[str], mode: str, pending: list[list[str]], cc: list[list[str]]) -> None:
    if mode == "cc":
        cc.append(list(texts))
    elif mode in ("address",):
        pending.append(list(texts))


_COLLECTIVE = re.compile(
    r"(?i)^(?:the\s+|all\s+|honou?rable\s+|distinguished\s+)?(?:members|ministers|"
    r"permanent representatives|delegates|delegations|representatives|commissioners|judges|"
    r"justices|mayors|governors|senators|councill?ors)\b"
)
"""A body of people written to together: "Members of the European Parliament"."""


def _address_only(entry: list[str]) -> bool:
    """True for a block of address lines with no person at its head."""
    first = normalise_space(entry[0])
    if names.split_honorific(first)[0] or names.split_title_name(first):
        return False
    if _COLLECTIVE.match(first):
        return False  # "Members of the European Parliament" over its address: addressees
    if names.is_postal_line(first) or names.is_address_start(first):
        return True
    if len(entry) > 1 and names.is_title_line(entry[1]):
        office = entry[1].split(",")[0]  # "Majority Whip, U.S. House of Representatives"
        if not names.is_address_start(entry[1]) or (
            names.is_title_line(office) and not names.is_address_start(office)
        ):
            return False
    return any(names.is_postal_line(x) or names.is_address_start(x) for x in entry[1:])


def _addressees(groups: list[list[str]], skipped: list[tuple[str, str]]) -> list[Addressee]:
    reader = _AddressReader(skipped)
    for whole in groups:
        whole = [x for x in whole if not _TO_LABEL.match(normalise_space(x))]
        for part, block in enumerate(_joined_by_and(whole)):
            reader.read(block, fresh=part > 0)
    return reader.people


def _joined_by_and(block: list[str]) -> list[list[str]]:
    """ "Minister for Economic Affairs and" / "The State Secretary …": two addressees."""
    out: list[list[str]] = [[]]
    for line in block:
        out[-1].append(line)
        if re.search(r"\s(?:and|&)$", normalise_space(line)):
            out[-1][-1] = re.sub(r"\s+(?:and|&)$", "", normalise_space(line))
            out.append([])
    return [part for part in out if part]


class _AddressReader:
    """Reads inside-address blocks into addressees, attaching address-only blocks."""

    def __init__(self, skipped: list[tuple[str, str]]) -> None:
        self.people: list[Addressee] = []
        self.skipped = skipped
        self.unaddressed: list[int] = []
        self.targets: list[int] = []

    def read(self, block: list[str], *, fresh: bool = False) -> None:
        """Read one block; ``fresh`` means its first line opens a new addressee."""
        people = self.people
        entries = split_entries(block, office_above=True) if block else []
        for number in range(len(entries) - 1):
            head, following = entries[number], entries[number + 1]
            if (
                len(head) == 1
                and TO_LINE.match(normalise_space(head[0]))
                and is_person_line(normalise_space(following[0]))
            ):
                # "To the Prime Minister" / "Dr. A. Rutte": the office, then the person
                rest = re.sub(r"(?i)^to\s*:?\s+", "", normalise_space(head[0])).rstrip(":, ")
                entries[number + 1] = [following[0], rest, *following[1:]]
                entries[number] = []
        for number, raw_entry in enumerate(e for e in entries if e):
            entry = [_line_end(normalise_space(x)) for x in raw_entry]
            entry = [_MAILBOX.sub("", x).strip() or x for x in entry]  # "To: Name <a@b>"
            first = entry[0]
            group = TO_LINE.match(first)
            named = group is not None and (
                is_person_line(group.group("rest"))
                # "To: Chair Dana Okafor, Riverside Planning Commission": a person, then
                # the body they chair, on one line
                or is_person_line(group.group("rest").split(", ", 1)[0])
            )
            if group and not named:
                titles, address = _split_title_address([x for x in entry[1:] if x])
                people.append(
                    Addressee(
                        name=group.group("rest").rstrip(":, "),
                        title_lines=titles,
                        address_lines=address,
                    )
                )
                self.unaddressed = [] if address else [len(people) - 1]
                self.targets = []
                continue
            if group:
                entry = [group.group("rest"), *entry[1:]]
                first = entry[0]
            last = people[-1] if people else None
            if (
                last is not None
                and not (fresh and number == 0)
                and not last.title_lines
                and not last.address_lines
                and last.name
                and len(entry) <= 3
                and names.is_title_line(first)
                and not is_person_line(first)
            ):
                # a name alone, then its office in a block of its own (a web page sets each
                # line of the address as a paragraph): the office is that person's
                titles, address = _split_title_address([x for x in entry if x])
                people[-1] = last.model_copy(
                    update={"title_lines": titles, "address_lines": address}
                )
                self.unaddressed = [] if address else [len(people) - 1]
                continue
            person_start = (
                is_person_line(first)
                or _COLLECTIVE.match(first) is not None
                or (names.is_person_name(name_part(first)) and not _address_only(entry))
                or (
                    len(entry) > 1
                    and names.is_title_line(first)
                    and (is_person_line(entry[1]) or names.is_person_name(entry[1]))
                )
            )
            if not person_start and people and not (fresh and number == 0):
                # an address block on its own: for the addressees above without one
                lines = [x for x in entry if x]
                self.targets = self.unaddressed or self.targets or [len(people) - 1]
                for index in self.targets:
                    old = people[index]
                    people[index] = old.model_copy(
                        update={"address_lines": [*old.address_lines, *lines]}
                    )
                self.unaddressed = []
                continue
            person = addressee_from(entry)
            if person is None:
                self.skipped.extend((x, "unplaced text before the salutation") for x in entry)
                continue
            if fresh and number == 0 and person.name is None and person.title_lines:
                # an office joined to the one above by "and": named as the office, like it
                titles, address = _split_title_address(entry[1:])
                person = Addressee(name=first, title_lines=titles, address_lines=address)
            people.append(person)
            self.targets = []
            if person.address_lines:
                self.unaddressed = []
            else:
                self.unaddressed.append(len(people) - 1)
