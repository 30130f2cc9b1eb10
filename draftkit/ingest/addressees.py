"""One addressee or cc entry from its lines, and a block of lines cut into entries.

An entry opens with a person (honorific and name, or office and name) or an office;
its titles follow, then its address. An address a page ran onto one line is put back
into its lines first.
"""

from __future__ import annotations

import itertools
import re

from draftkit.ingest import names
from draftkit.ingest.head_lines import (
    _ADDRESSED,
    _EMAIL,
    _TO_LABEL,
    TO_LINE,
    is_person_line,
    name_part,
)
from draftkit.ingest.organisations import has_org_word
from draftkit.ingest.postal import is_address_start, is_country_list, is_postal_line
from draftkit.ingest.signer_lists import CORPORATE_SUFFIX
from draftkit.ingest.text import normalise_space
from draftkit.schema import Addressee
from draftkit.sentences import ABBREVIATED_END, split_marker

__all__ = [
    "COLLECTIVE",
    "addressee_from",
    "copy_blocks",
    "copy_list",
    "name_then_office",
    "split_entries",
]

COLLECTIVE = re.compile(
    r"(?i)^(?:the\s+|all\s+|honou?rable\s+|distinguished\s+|les\s+|los\s+|las\s+|os\s+|"
    r"as\s+|die\s+)?(?:members|ministers|"
    r"permanent representatives|delegates|delegations|representatives|commissioners|judges|"
    r"justices|mayors|governors|senators|councill?ors|"
    # "Mitglieder des Ausschusses für …", "Membres de la commission …", "Miembros de …"
    r"mitglieder|membres|miembros|membros|abgeordneten?|d[ée]put[ée]s|diputad[oa]s|"
    r"deputad[oa]s|"
    # "Señores congresistas", "Señoras y señores diputados": the courtesy before a plural
    r"se[ñn]or(?:es|as)\s+(?:y\s+se[ñn]or(?:es|as)\s+)?(?=[a-záéíóú]{4,}s\b))"
)
"""A body of people written to together: "Members of the European Parliament"."""


def _split_title_address(
    lines: list[str], *, cc: bool = False, office_first: bool = False
) -> tuple[list[str], list[str]]:
    titles: list[str] = []
    address: list[str] = []
    for index, line in enumerate(lines):
        if address:
            address.append(line)
            continue
        start = is_address_start(line)
        has_digits = any(ch.isdigit() for ch in line)
        if (
            index == 0
            and start
            and (names.is_title_line(line) or (office_first and has_org_word(line)))
            and not has_digits
            and not is_postal_line(line)
        ):
            start = False  # "Ministerio de …" written over the name: where they hold office
        if cc and start and not (has_digits or (is_postal_line(line) and has_digits)):
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
    if _STATE.match(line) or is_postal_line(line):
        return True
    words = line.replace(",", " ").split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not any(ch.isdigit() for ch in line)
        and not names.is_title_line(line)
        and not has_org_word(line)
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
        if len(tail) > size and is_country_list(" ".join(tail[-size:])):
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


_NAME_DOT_POST = re.compile(r"^(?P<who>.+?[a-zà-ÿ]{2})\.\s+(?P<post>[A-ZÀ-Þ][^.]{2,120}?)\.?$")
"""A copy line set "Name. Post." ("Lic. Rosa Icela Rodríguez. Secretaria de Gobernación.")."""

_MAILBOX = re.compile(r"\s*<[^<>\s@]{1,64}@[^<>\s]{1,255}>")
"""An e-mail address in angle brackets after a display name."""


def addressee_from(lines: list[str], *, cc: bool = False) -> Addressee | None:
    """Read one inside-address or cc entry."""
    lines = [
        _line_end(_unbulleted(normalise_space(line)))
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
    company, _, suffix = lines[0].partition(", ") if len(lines) == 1 else ("", "", "")
    if (
        lines[0].count(", ") == 1
        and CORPORATE_SUFFIX.match(suffix)
        and not (names.is_person_name(company) and not has_org_word(company))
    ):
        return Addressee(name=lines[0])  # "Standard Bank Moçambique, S.A.": one company
    if cc and len(lines) == 1:
        dotted = _NAME_DOT_POST.match(lines[0])
        who = dotted.group("who") if dotted else ""
        bare = names.split_honorific(who)[1] or who
        if (
            dotted
            and len(bare.split()) >= 2
            and not ABBREVIATED_END.search(f"{who}.")  # "Pol. Col. Tawee …", "Rt. Hon. …"
            and not re.search(r"(?i)\b(?:col|gen|hon|maj|capt|lt|sgt|rev|pol|cmdr|adm)$", who)
            and names.is_person_name(bare)
        ):
            # "c.c.p. Lic. Rosa Icela Rodríguez. Secretaria de Gobernación.": the name, a
            # full stop, the post (as Mexican copy lines set them)
            lines = [dotted.group("who"), dotted.group("post")]
    if len(lines) == 1:
        lines = split_run_on(lines[0])
    office_first = False
    if len(lines) > 1 and _GENERIC_COURTESY.fullmatch(lines[0]):
        # "Señoras y señores" / "Comisión Interamericana de Derechos Humanos": the body
        # written to is the addressee; the courtesy over it is a line of its block
        lines = [lines[1], lines[0], *lines[2:]]
    if len(lines) > 1 and _lone_honorific(lines[0]):
        # "Señora" / "Valentina Echeverri Rojas": the honorific on a line of its own
        lines = [f"{lines[0]} {lines[1]}", *lines[2:]]
    elif len(lines) > 1 and courtesy_office(lines[0]) and is_person_line(lines[1]):
        # "Herrn Ersten Bürgermeister" / "Dr. Peter Tschentscher": the office, styled for
        # the person named under it, is their title
        lines = [lines[1], names.split_honorific(lines[0])[1], *lines[2:]]
    elif len(lines) > 1 and _styled_office_only(lines[0]) and is_person_line(lines[1]):
        # "Sr. Jefe del Gabinete de Ministros …," / "Ingeniero Nicolás Posse,": the office,
        # styled as the letter writes it, over the name of who holds it
        lines = [lines[1], lines[0], *lines[2:]]
    if (
        len(lines) > 1
        and (names.is_title_line(lines[0]) or has_org_word(lines[0]))
        and not names.split_honorific(lines[0])[0]
        and not is_person_line(lines[0])
        and not names.is_person_name(lines[0])
        and (
            is_person_line(lines[1])
            or (names.is_person_name(lines[1]) and not has_org_word(lines[1]))
        )
        and not is_address_start(lines[1])
    ):
        # "Minister of Foreign Affairs" or "Ministerio de …" above the name: the office
        # ("Leinster House" under "Clerk to the Committee" is where, not who)
        # or institution is a title line
        lines = [lines[1], lines[0], *lines[2:]]
        office_first = True
    elif (
        len(lines) > 3
        and (names.is_title_line(lines[0]) or has_org_word(lines[0]))
        and not names.split_honorific(lines[0])[0]
        and not is_person_line(lines[0])
        and not is_person_line(lines[1])
        and not is_postal_line(lines[1])
        and len(lines[1].split()) <= 4
        and names.split_honorific(lines[2])[0] is not None
        and is_person_line(lines[2])
    ):
        # "Nordmark Energie AG" / "Vorstand" / "Herrn Dr. Lukas Brenner" / street / town:
        # the company and its board above the person written to (DIN 5008)
        lines = [lines[2], lines[0], lines[1], *lines[3:]]
        office_first = True
    first = lines[0]
    honorific, rest = names.split_honorific(first)
    name: str | None = None
    extra: list[str] = []
    office_on_name_line: str | None = None  # "Secretary of State John F. Kerry"
    if honorific:
        head = name_part(rest)
        styled = (
            re.match(r"(?i)justice\s+(?=\S)", rest)
            if re.search(r"(?i)\b(?:mr|mrs|ms|madam)\.?$", honorific)
            else None
        )
        judge = styled is not None and names.is_person_name(
            name_part(rest[styled.end() :]), allow_single=True
        )
        if styled is not None and judge:
            # "Hon'ble Mr. Justice B. R. Gavai": a judge's style, "Justice" before the
            # name after "Mr.", is part of the name line, not an office
            head = rest[: styled.end()] + name_part(rest[styled.end() :])
        if head and (judge or names.is_person_name(head, allow_single=True)):
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
                and not is_address_start(first)
                and not any(is_person_line(x) for x in lines[1:])
            ):
                name = first  # an office standing for the person: "The Leader of the Opposition"
            elif (
                has_org_word(first)
                and not is_address_start(first)
                and not any(ch.isdigit() for ch in first)
                and not any(
                    is_person_line(x)
                    or (
                        names.is_person_name(x)
                        and not is_address_start(x)
                        and not is_postal_line(x)
                    )
                    for x in lines[1:]
                )
            ):
                name = first  # an institution written to as such: "Judicial Conference of …"
            elif _NAME_PLACEHOLDER.fullmatch(first):
                name = first  # a template's "[Name of MP]": the name, left for the sender
            elif COLLECTIVE.match(first) and len(first.split()) <= 8 and "," not in first:
                name = first  # the people of a body written to together: "The Commissioners"
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
    if cc and name and len(lines) == 1 and not titles and not honorific:
        office, comma, body = name.partition(", ")
        if comma and len(office.split()) >= 2 and body and not CORPORATE_SUFFIX.match(body):
            # "Board of Directors, Andes Cobre Resources Inc.": a one-line entry splits at
            # its first comma, the office its name and the body it belongs to a title line
            name, titles = office, [body]
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


_CARRIED_ON = re.compile(
    r"(?:(?:et|and|y|e|und)\s+)?(?:of|for|de|du|des|del|della|da|do|dos|das|à|au|aux|"
    r"the|la|le|les|el|los|las|der|die)\s"
)
"""Small words in lowercase opening the rest of a long wrapped line ("… de la Forêt" / "et
de la Pêche"); "and Acting Assistant Secretary" is a second office, a line of its own."""


def _rejoin_wrapped(block: list[str], *, copies: bool = False) -> list[str]:
    """Lines of a list with the entries a narrow page wrapped joined again: a line goes
    on from the one above when that one stops on a word that leads on ("Senate Committee
    on Energy and" / "Natural Resources"), when it opens with small words that carry a
    long line on (``_CARRIED_ON``), or is the last word or two of it (``_tail_of``)."""
    out: list[str] = []
    for line in block:
        if (
            out
            and line.strip()
            # a cc list's entry wrapped before its last word; an address's last line may
            # be its town alone ("Geneva"), so an inside address is left as it is
            and (
                _OPEN_END.search(out[-1].strip())
                or _carried_on(out[-1], line)
                or (copies and _tail_of(out[-1], line))
            )
        ):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


def _carried_on(above: str, line: str) -> bool:
    """A long line with no closing mark, and small words carrying it on below."""
    return (
        len(above.strip()) >= 30
        and re.search(r"[.,;:]$", above.strip()) is None
        and _CARRIED_ON.match(line.strip()) is not None
    )


def _tail_of(above: str, line: str) -> bool:
    """A word or two under a long "Name, Title, Body" line that name no one and no body of
    their own ("… House Subcommittee on Federal" / "Lands"): the line above, wrapped."""
    text = line.strip()
    return (
        len(above) >= 50
        and ", " in above
        and not above.rstrip().endswith((",", ";", "."))
        and len(text.split()) <= 2
        and "," not in text
        and not is_person_line(text)
        and not has_org_word(text)
        and not names.is_title_line(text)
        and not is_postal_line(text)
    )


def _body_and_seat(line: str) -> bool:
    """ "Office of the UN High Commissioner for Human Rights, Kenya": a body of three words
    or more and, after a comma, where it sits; no digits, so no street or postcode."""
    body, comma, _seat = line.partition(", ")
    return (
        bool(comma) and len(body.split()) >= 3 and has_org_word(body) and not re.search(r"\d", line)
    )


def _one_a_line(block: list[str]) -> bool:
    """A copy list of short lines that each name a person or a body, no address lines."""
    # with no person in the list, "Permanent Mission of … to the United Nations, Geneva" or
    # "Ministry of Lands" is a body copied, not the start of someone's address
    people = any(is_person_line(line) for line in block)
    return all(
        len(line.split()) <= 16
        and (not is_postal_line(line) or _body_and_seat(line))
        # "Rt. Hon. Tajudeen Abbas, Speaker, House of …": a person first, whatever follows
        and (is_person_line(line) or not is_address_start(line) or not people)
        and (
            ", " in line or is_person_line(line) or has_org_word(line) or names.is_title_line(line)
        )
        for line in block
    )


_GENERIC_COURTESY = re.compile(
    r"(?i)(?:señoras y señores|señores y señoras|mesdames(?:,)? (?:et )?messieurs|"
    r"ladies and gentlemen|sehr geehrte damen und herren|damen und herren|"
    r"senhoras e senhores|signore e signori)[,:]?"
)
"""A courtesy to everyone at a body, set over its name in the address block."""

_NAME_PLACEHOLDER = re.compile(
    r"(?i)[\[<{]{1,2}[^\]>}]{0,30}\b(?:name|nom|nombre|nome)\b[^\]>}]{0,30}[\]>}]{1,2}"
)
"""A template's placeholder for the addressee's name: "[Name of MP]", "<<Nombre>>"."""


def _unbulleted(line: str) -> str:
    """The entry without a bullet before it ("– Monsieur Ousmane Sonko, Premier ministre")."""
    marker = split_marker(line)
    if marker is None or marker[0] != "bullet" or line.endswith(marker[1]):
        return line  # "– Sekretariat –": a line set between dashes keeps them
    return marker[2]


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
    block = _rejoin_wrapped(block, copies=copies)
    marked = [split_marker(line) for line in block]
    if block and all(marked):
        # "1. The Municipal Commissioner, …" / "2. The Ward Officer, …": an entry a number
        return [[_line_end(marker[2])] for marker in marked if marker]
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
        and all(len(line.split()) <= 10 and not is_postal_line(line) for line in stripped)
        and not any(is_person_line(line) for line in stripped)
    ):
        # "The Deputy Vice-Chancellor" / "The Bursar" / "The Chief Warden" / "File": a copy
        # list of offices, an entry a line
        return [[line] for line in stripped]
    inline = sum(
        1
        for line in block
        if ", " in line
        and (
            names.split_honorific(line)[0]
            or names.split_title_name(line.split(",", 1)[0].strip()) is not None
            or name_then_office(line)
        )
        and len(name_part(line).split()) <= 6
    )
    if (len(block) >= 3 and inline >= 0.6 * len(block)) or (len(block) == 2 and inline == 2):
        return [[line] for line in block]
    entries: list[list[str]] = []
    for at, line in enumerate(block):
        below = block[at + 1] if at + 1 < len(block) else ""
        single_office = names.split_title_name(line)
        honorific = names.split_honorific(line)[0]
        if (
            entries
            and len(entries[-1]) == 1
            and (_lone_honorific(entries[-1][0]) or courtesy_office(entries[-1][0]))
        ):
            # "Exma. Senhora" / "Dra. Helena Marques": the honorific on a line of its own;
            # "Herrn Ersten Bürgermeister" / "Dr. Peter Tschentscher": the office so styled
            entries[-1].append(line)
        elif office_above and _office_over_name(entries, line):
            entries[0].append(line)
        elif (
            entries
            and len(entries[-1]) >= 2
            and is_postal_line(entries[-1][-1])
            and re.search(r"\d", entries[-1][-1])
            and _GROUP_WRITTEN_TO.match(line)
        ):
            # "… 98800 Nouméa" / "Mesdames et Messieurs les membres du Congrès": after a
            # whole address, the members of the body written to as well
            entries.append([line])
        elif (
            entries
            and len(entries[-1]) >= 3
            and any(is_postal_line(ln) and re.search(r"\d", ln) for ln in entries[-1][1:])
            and (is_postal_line(entries[-1][-1]) or _place_like(entries[-1][-1]))
            and line.startswith("The ")
            and names.is_title_line(line)
            and not is_postal_line(line)
        ):
            # "… P.O. Box 41842-00100" / "Nairobi" / "The Chairperson": after a whole postal
            # address, an office opens the next addressee
            entries.append([line])
        elif (
            entries
            and is_person_line(line)
            and (honorific or (single_office is not None and len(single_office[0].split()) == 1))
            and not _styled_office_under_name(line, entries[-1])
        ):
            entries.append([line])
        elif (
            copies
            and entries
            and len(entries[-1]) >= 2
            and _place_like(entries[-1][-1])
            and (names.is_title_line(line) or has_org_word(line))
            and not _place_like(line)
        ):
            # "Presidential Task Force …" / "Malacañang Compound, Manila" / "Commission on
            # Human Rights …": a copy list set without blank lines, each office over where
            # it sits; an office after a place opens the next entry
            entries.append([line])
        elif (
            copies
            and entries
            and len(entries[-1]) == 1
            and entries[-1][0].count(", ") >= 2
            and names.is_person_name(name_part(entries[-1][0]))
            and (has_org_word(line) or names.is_title_line(line))
            and not is_postal_line(line)
        ):
            # "Günther Thallinger, Member of the Board, Allianz SE" / "Allianz SE Supervisory
            # Board": a whole entry on its line (name, post, body), then another
            entries.append([line])
        elif (
            entries
            and len(entries[-1]) >= 2
            and names.is_person_name(name_part(entries[-1][0]).removeprefix("To: "))
            and (names.is_title_line(entries[-1][-1]) or has_org_word(entries[-1][-1]))
            and not is_postal_line(entries[-1][-1])
            and "," not in line
            and len(line.split()) <= 4
            and names.is_person_name(line)
            and not names.is_title_line(line)
            and (names.is_title_line(below) or has_org_word(below))
            and not is_postal_line(below)
        ):
            # "Ursula von der Leyen" / "President of the European Commission" / "Valdis
            # Dombrovskis" / "European Commissioner for Trade": people written to one under
            # another, each name over its office, without blank lines
            entries.append([line])
        elif entries and len(entries[-1]) == 1 and _stacked(entries[-1][0], line):
            # "Mayor Keith Wilson" / "Council President Elena Ruiz" / "Members of the City
            # Council": people written to together, one a line, the address under the last
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


_GROUP_WRITTEN_TO = re.compile(
    r"(?i)^(?:(?:the|to the)\s+)?(?:(?:chair(?:person|man|woman)?|president|speaker)\s+"
    r"(?:and|&)\s+)?(?:honou?rable\s+|distinguished\s+)?members\s+of\b|"
    r"^(?:mesdames et messieurs|señoras y señores|senhoras e senhores|sehr geehrte)\b"
    r".{0,20}\b(?:membres|miembros|membros|mitglieder|élus|diputad|deputad|abgeordnete)"
)
"""The members of a body written to beside its head: "The Chair and Members of the Board
of Governors", "Mesdames et Messieurs les membres du Congrès"."""

_COURTESY_HONORIFIC = re.compile(
    r"(?i)^(?:herrn?|frau|monsieur|madame|se[ñn]or|se[ñn]ora|senhor|senhora)$"
)


def courtesy_office(text: str) -> bool:
    """An office styled with the courtesy of the person who holds it, no name: "Herrn
    Ersten Bürgermeister", "Frau Bundesministerin", "Señora Ministra"."""
    honorific, rest = names.split_honorific(normalise_space(text))
    return bool(
        honorific
        and rest
        and _COURTESY_HONORIFIC.match(honorific)
        and names.is_title_line(rest)
        # the office's word last, no name after it ("Herrn Bürgermeister Peter Müller")
        and names.is_title_line(rest.split()[-1])
        and not has_org_word(rest)
    )


def _stacked(above: str, line: str) -> bool:
    """A line naming a second person (an office and a name) or a body of people under a
    one-line entry that names a person the same way: addressees stacked one a line."""
    above, line = normalise_space(above), normalise_space(line)
    if is_postal_line(line) or is_address_start(line) or ", " in line:
        return False
    if COLLECTIVE.match(line):
        # "To: Kirsty Coventry, President of the IOC" / "Members of the Executive Board"
        to = TO_LINE.match(above)
        person = name_part(to.group("rest") if to else above)
        return is_person_line(person) or names.is_person_name(person)
    if not (names.split_title_name(above) or names.split_honorific(above)[0]):
        return False
    office = names.split_title_name(line)
    return (
        office is not None
        and len(office[0].split()) <= 3
        # "FISCAL GENERAL" / "DE LA REPÚBLICA": the office's own words, no one's name
        and office[1].split()[0].lower() not in _NAME_PARTICLES
    )


_NAME_PARTICLES = frozenset(
    {"de", "del", "la", "le", "du", "des", "da", "do", "dos", "van", "von", "der"}
)
"""Words a name may carry but never starts with after an office ("DE LA REPÚBLICA")."""


def _office_over_name(entries: list[list[str]], line: str) -> bool:
    """A name line under the block's first line, an office ("Ao Magnífico Reitor da
    Universidade de São Paulo" / "Prof. Dr. Carlos Carlotti Junior"): one addressee."""
    if len(entries) != 1:
        return False
    above = [x for x in entries[0] if not _TO_LABEL.match(normalise_space(x))]
    if len(above) == 2 and (
        # "Nordmark Energie AG" / "Vorstand" over "Herrn Dr. Lukas Brenner": a company and
        # its board, then the person
        is_person_line(above[1])
        or is_postal_line(above[1])
        or len(above[1].split()) > 4
        or not (names.is_title_line(above[0]) or has_org_word(above[0]))
    ):
        return False
    return (
        len(above) in (1, 2)
        and not TO_LINE.match(above[0])  # "To the Prime Minister": read as a "To" line
        and not _ADDRESSED.match(above[0])
        # (an office styled "Sr. Jefe del Gabinete de Ministros …" names no one)
        and (not is_person_line(above[0]) or _styled_office_only(above[0]))
        and not is_postal_line(above[0])
        and len(above[0].split()) <= 12
        and is_person_line(line.rstrip(","))  # ("Ingeniero Nicolás Posse,": its comma too)
        and ", " not in line
    )


def _styled_office_only(line: str) -> bool:
    """An honorific and an office, no name: "Sr. Jefe del Gabinete de Ministros"."""
    honorific, rest = names.split_honorific(normalise_space(line).rstrip(",."))
    return bool(
        honorific
        and rest
        and names.opens_with_office(rest)
        and not names.split_title_name(rest)  # "Sr. Presidente Luiz Inácio …" names him
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


def name_then_office(line: str) -> bool:
    """ "Irina Bokova, Director-General of UNESCO": a person's name, then their office."""
    name, _, office = line.partition(",")
    office = office.strip()
    return (
        names.is_person_name(name.strip())
        and bool(office)
        and (names.is_title_line(office) or has_org_word(office))
    )


def _office_entry(line: str, current: list[str]) -> bool:
    """A line that opens an entry naming an office, after an entry that names one too."""
    honorific, rest = names.split_honorific(line)
    opens = (honorific is not None and bool(rest)) or (
        line.startswith("The ") and names.is_title_line(line)
    )
    if not opens or is_postal_line(line) or is_address_start(line):
        return False
    last = current[-1]
    named = is_person_line(current[0]) or names.is_person_name(name_part(current[0]))
    if named and len(current) == 1:
        return False  # the title line under a person's name is theirs
    return bool(
        names.split_honorific(current[0])[0] or names.is_title_line(last)
    ) and not is_address_start(last)


def styled_people(line: str) -> list[str] | None:
    """People each with their style, run on one line: "Rt Hon Winston Peters, Hon Marama
    Davidson and Hon Chlöe Swarbrick" as its three entries; None unless every part opens
    with an honorific over a person's name (two parts at least)."""
    if " and " not in line and ", " not in line and " & " not in line:
        return None
    parts = [p.strip() for p in re.split(r",\s+(?:and\s+)?|\s+(?:and|&)\s+", line) if p.strip()]
    if len(parts) < 2:
        return None
    for part in parts:
        honorific, rest = names.split_honorific(part)
        if honorific is None or not names.is_person_name(rest):
            return None
    return parts


def copy_list(block: list[str]) -> list[Addressee]:
    """A cc list's lines read as its entries (:func:`split_entries` in its copies mode)."""
    lines: list[str] = []
    for line in block:
        lines.extend(styled_people(line) or [line])
    return [
        person
        for entry in split_entries(lines, copies=True)
        if (person := addressee_from(entry, cc=True)) is not None
    ]


def copy_blocks(blocks: list[list[str]]) -> list[Addressee]:
    """A cc list set in blocks (a blank line between them) read as its entries.

    Blocks each of a few lines naming one person or office ("The Chairman" / "House
    Committee on Human Rights" / "National Assembly, Abuja") are an entry a block; a
    block of one line parted by semicolons ("cc: The Hon. A, Minister of X; The Hon. B,
    Member for Y") an entry a part; other blocks are read by :func:`copy_list`.
    """
    filled = [block for block in blocks if block]
    if any(styled_people(line) for block in filled for line in block):
        # "Rt Hon Winston Peters, Hon Marama Davidson and Hon Chlöe Swarbrick" / "Hon
        # Rawiri Waititi and …": people with their styles, an entry each
        return copy_list([line for block in filled for line in block])
    apart = len(filled) >= 2 and all(
        2 <= len(block) <= 6 and sum(is_person_line(normalise_space(x)) for x in block) <= 1
        for block in filled
    )
    out: list[Addressee] = []
    for block in filled:
        if apart:
            entry = addressee_from(block, cc=True)
            out.extend([entry] if entry is not None else [])
        elif len(block) == 1 and ";" in block[0]:
            parts = [part.strip() for part in block[0].split(";") if part.strip()]
            out.extend(p for part in parts if (p := addressee_from([part], cc=True)) is not None)
        else:
            out.extend(
                copy_list([part.strip() for x in block for part in x.split(";") if part.strip()])
            )
    return out
