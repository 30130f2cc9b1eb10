"""The inside address: its blocks read into addressees; a block of address lines with no
person at its head goes to the addressees above it that have no address yet."""

from __future__ import annotations

import re

from draftkit.ingest import names
from draftkit.ingest.addressees import (
    _GROUP_WRITTEN_TO,
    _MAILBOX,
    COLLECTIVE,
    _line_end,
    _split_title_address,
    addressee_from,
    name_then_office,
    split_entries,
    styled_people,
)
from draftkit.ingest.head_lines import (
    _ADDRESSED,
    _ATTENTION,
    _TO_LABEL,
    ATTENTION_LINE,
    POST_BYLINE,
    TO_LINE,
    is_person_line,
    name_part,
)
from draftkit.ingest.organisations import has_org_word
from draftkit.ingest.postal import is_address_start, is_country_list, is_postal_line
from draftkit.ingest.text import normalise_space
from draftkit.schema import Addressee
from draftkit.sentences import split_marker

_FORMAL_STYLE = re.compile(
    r"(?i)^(?:excel[eê]nt[ií]ss?im[oa]|(?:sua|son|su)\s+excel|exm[oa]|excm[oa])"
)
"""The Portuguese, Spanish and French styles that open an addressee's block."""

_PLACE_AFTER = re.compile(r"\s*\((?P<place>[A-ZÀ-Þ][^()]{1,40},\s*[A-ZÀ-Þ][^()]{1,40})\)$")
"""A place in brackets after the addressee: "(Geneva, Switzerland)"."""


def _address_only(entry: list[str]) -> bool:
    """True for a block of address lines with no person at its head."""
    first = normalise_space(entry[0])
    if names.split_honorific(first)[0] or names.split_title_name(first):
        return False
    if COLLECTIVE.match(first):
        return False  # "Members of the European Parliament" over its address: addressees
    if is_postal_line(first) or is_address_start(first):
        return True
    if len(entry) > 1 and names.is_title_line(entry[1]):
        office = entry[1].split(",")[0]  # "Majority Whip, U.S. House of Representatives"
        if not is_address_start(entry[1]) or (
            names.is_title_line(office) and not is_address_start(office)
        ):
            return False
    return any(is_postal_line(x) or is_address_start(x) for x in entry[1:])


_OPENS_ADDRESS = re.compile(
    r"(?i)^(?:to\s*:|(?:ao|aos|à|às)\s+(?:magn[íi]fic|excel|exm|ilustr|ilm|senhor|sr\.|sra\.|"
    r"dr\.|dra\.|prof|sua\s+excel)|an\s+(?:den|die)\s|à\s+l'attention\s+de)"
)
"""A line that opens an inside address with its "to" ("Ao Magnífico Reitor", "To:")."""


def _bare_name(line: str) -> bool:
    """A person's name alone: no style, no office, no body's name ("Eduardo Campos", not
    "Ministério da Saúde")."""
    return (
        names.split_honorific(line)[0] is None
        and names.is_person_name(line)
        and not names.is_title_line(line)
        and not has_org_word(line)
        and not is_address_start(line)
        and not is_postal_line(line)
    )


def _one_line(person: Addressee) -> bool:
    """An addressee read from one line ("Councilman Bo Li"), nothing under it."""
    titles = person.title_lines
    return not person.address_lines and (
        not titles or (person.title_before_name and len(titles) == 1)
    )


def _styled_office_alone(person: Addressee | None) -> bool:
    """An addressee that is only a formal style and an office ("Exmo. Senhor Governador do
    Estado de Pernambuco"), no name, no lines under it."""
    return (
        person is not None
        and bool(person.honorific)
        and _FORMAL_STYLE.match(person.honorific or "") is not None
        and bool(person.name)
        and names.is_title_line(person.name or "")
        and (
            not names.is_person_name(person.name or "")
            or names.opens_with_office(person.name or "")
        )
        and not person.title_lines
        and not person.address_lines
    )


_BARE_MAILBOX = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
"""An e-mail address alone on its line."""


_SHARED_STYLE = re.compile(
    r"(?i)^(?:(?:exm[oa]s|excm[oa]s|ilm[oa]s|ilustr[ií]ssim[oa]s|excelent[ií]ssim[oa]s)\.?\s+"
    r"(?:srs|sras|senhor[ae]s|señor[ae]s|sres)\.?(?:/as)?|mesdames(?:\s+et\s+messieurs)?|"
    r"messieurs|excellencies|your\s+excellencies)\s*[,:]?$"
)
"""A plural style over the addressees' blocks ("Exmos. Srs." over "Presidente …" and
"Presidente …"): it styles them all, and names no one."""


def _styled_office_line(line: str) -> bool:
    """A line that styles an office and names who holds it, or a body, on its own: "Mr.
    President of CONICET, Dr. Daniel Salamone", "Honorable Senators and Deputies of …"."""
    honorific, rest = names.split_honorific(line)
    return (
        honorific is not None
        and bool(rest)
        and len(line.split()) <= 16
        and not is_postal_line(line)
        and (
            names.is_title_line(rest.split(",")[0])
            or names.opens_with_office(rest)
            or _PLURAL_OFFICE.match(rest) is not None
        )
    )


def _addressees(groups: list[list[str]], skipped: list[tuple[str, str]]) -> list[Addressee]:
    reader = _AddressReader(skipped)
    if (
        len(groups) >= 3
        and len(groups[0]) == 1
        and _SHARED_STYLE.match(normalise_space(groups[0][0]))
    ):
        skipped.append((groups[0][0], "a style shared by the addressees below it"))
        groups = groups[1:]
    for whole in groups:
        if len(whole) == 1 and POST_BYLINE.match(normalise_space(whole[0])):
            # "Por Edilson Silva" alone over the greeting: the post's byline, no addressee
            skipped.append((whole[0], "the post's byline"))
            continue
        # "A la atención de:" alone over an office and an address of its own: a second
        # addressee, marked for attention, not more lines of the first
        marked = (
            len(whole) >= 3
            and re.fullmatch(rf"(?i)(?:{_ATTENTION})\s*:", normalise_space(whole[0])) is not None
            and is_postal_line(normalise_space(whole[-1]))
        )
        opening = next(
            (
                k
                for k, x in enumerate(whole)
                if k and _OPENS_ADDRESS.match(normalise_space(x)) and k + 1 < len(whole)
            ),
            None,
        )
        if opening is not None and not any(
            names.split_honorific(normalise_space(x))[0] for x in whole[:opening]
        ):
            # "Comunidade universitária – USP" over "Ao Magnífico Reitor" / "Prof. Dr. …":
            # the "to" opens the address; what stands above it is the sender's
            for x in whole[:opening]:
                skipped.append((x, "above the line that opens the address (the sender's)"))
            whole = whole[opening:]
        whole = [x for x in whole if not _TO_LABEL.match(normalise_space(x))]
        if len(whole) >= 2 and all(_styled_office_line(normalise_space(x)) for x in whole):
            # "Mr. President of the Republic, Javier Milei" / "Mr. Chief of the Cabinet,
            # Nicolás Posse" / "Honorable Senators and Deputies …": one addressee a line
            for x in whole:
                reader.read([x], fresh=True)
            continue
        if len(whole) >= 2 and all(_BARE_MAILBOX.fullmatch(normalise_space(x)) for x in whole):
            # "To:" / "cna@parliament.go.ke" / "finance@parliament.go.ke": an e-mail's
            # recipients, each its own addressee
            for x in whole:
                reader.read([x], fresh=True)
            continue
        marks = [split_marker(normalise_space(x)) for x in whole]
        if len(whole) >= 2 and all(m is not None and m[0] == "bullet" for m in marks):
            # "• Standard Bank Moçambique, S.A." / "• Nedbank Group Limited": a bulleted
            # list of the bodies written to, each its own addressee
            for entry in split_entries(whole):
                reader.read(entry, fresh=True)
            continue
        for part, block in enumerate(_joined_by_and(whole)):
            reader.read(block, fresh=part > 0 or (marked and bool(reader.people)))
    return _share_plural_office(reader.people)


_PLURAL_OFFICE = re.compile(
    r"(?i)^(?:co-?(?:chairs?|chairpersons|presidents|directors)|candidat[oa]s|members|senators|"
    r"representatives|ministers|ministr[oa]s|commissioners|directors|presidents|presidentes|"
    r"councill?ors|concejales|vereadores|diputad[oa]s|deputad[oa]s|senador(?:a|e)s|"
    r"rapporteurs|relator(?:a|e)s|chairs|governors|gobernadores|governadores|mayors)\b"
)
"""An office held by several people ("Candidatos a la Presidencia …", "Co-Chairs, …")."""


def _share_plural_office(people: list[Addressee]) -> list[Addressee]:
    """ "Gustavo Petro" / "Rodolfo Hernández" / "Candidatos a la Presidencia …": names a
    line each, then an office in the plural that the reading gave the last of them; the
    office (and its address) is every one of theirs."""
    out = list(people)
    for k, person in enumerate(out):
        if not person.title_lines or not _PLURAL_OFFICE.match(person.title_lines[0]):
            continue
        if person.title_before_name:
            continue
        start = k
        while (
            start > 0
            and not out[start - 1].title_lines
            and not out[start - 1].address_lines
            and out[start - 1].name
            and names.is_person_name(out[start - 1].name or "")
        ):
            start -= 1
        for j in range(start, k):
            out[j] = out[j].model_copy(
                update={
                    "title_lines": list(person.title_lines),
                    "address_lines": list(person.address_lines),
                }
            )
    return out


_AND_TO = re.compile(
    r"^(?:[Ee]t|[Aa]nd|[Yy]|[Ee]|[Uu]nd)\s+(?:de|du|des|à|au|aux|to|a|al|ao|an)\s+(?=[A-ZÀ-Ý])"
)
"""A line that adds a second addressee to the first: "et de Mesdames et Messieurs …",
"and to Members …" (a capital after it: "et de la pêche" ends a wrapped office)."""


def _joined_by_and(block: list[str]) -> list[list[str]]:
    """ "Minister for Economic Affairs and" / "The State Secretary …", or a line opening
    "et de …" under the first addressee: two addressees."""
    out: list[list[str]] = [[]]
    wrapped = False
    for position, line in enumerate(block):
        if wrapped:
            out[-1][-1] = f"{out[-1][-1]} {normalise_space(line)}"
            wrapped = False
            continue
        if out[-1] and re.fullmatch(r"(?i)and|&|et|y|e|und", normalise_space(line)):
            out.append([])  # "… Nairobi" / "AND" / "The Chairperson": the second addressee
            continue
        joined = _AND_TO.match(normalise_space(line))
        if joined and out[-1]:
            # "À l'attention de Madame Anne Hidalgo, Maire de Paris," / "et de Mesdames et
            # Messieurs les conseillers de Paris": the second addressee opens the line
            line = normalise_space(line)[joined.end() :]
            out.append([])
        out[-1].append(line)
        if re.search(r"\s(?:and|&)$", normalise_space(line)):
            below = normalise_space(block[position + 1]) if position + 1 < len(block) else ""
            if below and _rest_of_office(below):
                # "… Committee on Communications, Digital Technology and" / "Innovations":
                # one office wrapped after its "and"
                wrapped = True
                continue
            out[-1][-1] = re.sub(r"\s+(?:and|&)$", "", normalise_space(line))
            out.append([])
    return [part for part in out if part]


def _rest_of_office(line: str) -> bool:
    """A line of one to three words that names no one and opens no office of its own:
    the rest of an office's name wrapped after its "and"."""
    return (
        len(line.split()) <= 3
        and not names.split_honorific(line)[0]
        and not is_person_line(line)
        and not names.is_title_line(line)
        and not line.startswith("The ")
        and not is_postal_line(line)
        and not is_address_start(line)
    )


def _listed_on_to_line(rest: str) -> list[str] | None:
    """The addressees a "To:" line lists, parted by commas ("Para: Exmo. Senhor
    Primeiro-Ministro de Portugal, Exma. Senhora Ministra da Saúde, …, Povo de Portugal"):
    most parts open with a style, or they are capitalised names of bodies the last of which
    follows "and"; none reads as a sentence; None otherwise."""
    parts = [p.strip() for p in re.split(r",\s+|;\s+", rest.strip().rstrip(".,;:")) if p.strip()]
    if len(parts) < 3 or any(len(p.split()) > 12 for p in parts):
        return None
    styled = sum(1 for p in parts if names.split_honorific(p)[0] is not None)
    if styled >= 2 and styled * 2 >= len(parts):
        return parts
    last = re.match(r"(?i)^(?:and|et|y|e)\s+(\S.*)$", parts[-1])
    bodies = [*parts[:-1], last.group(1)] if last else []
    if bodies and all(p[:1].isupper() and 2 <= len(p.split()) <= 8 for p in bodies):
        # "Addressed to Federal Government, Provincial Governments, Canada's Research
        # Funding Councils, and University senior administrators:": the bodies written to
        return bodies
    return None


class _AddressReader:
    """Reads inside-address blocks into addressees, attaching address-only blocks."""

    def __init__(self, skipped: list[tuple[str, str]]) -> None:
        self.people: list[Addressee] = []
        self.skipped = skipped
        self.unaddressed: list[int] = []
        self.targets: list[int] = []

    def read(self, block: list[str], *, fresh: bool = False) -> None:
        """Read one block; ``fresh`` means its first line opens a new addressee."""
        before = len(self.people)
        self._read(block, fresh=fresh)
        new = self.people[before:]
        if (
            len(new) >= 2
            and new[-1].address_lines
            and all(_one_line(p) for p in new[:-1])
        ):
            # "Mayor Ana Ruiz" / "Councilman Bo Li" / … / the town hall's address: the
            # people stacked a line each over one address all receive the letter there
            # (people with lines of their own, an office each, keep to them)
            for k in range(before, len(self.people) - 1):
                self.people[k] = self.people[k].model_copy(
                    update={"address_lines": list(new[-1].address_lines)}
                )
            self.unaddressed = []

    def _read(self, block: list[str], *, fresh: bool) -> None:
        people = self.people
        to_line = TO_LINE.match(normalise_space(block[0])) if len(block) == 1 else None
        listed = _listed_on_to_line(to_line.group("rest")) if to_line else None
        if listed:
            for part in listed:  # an addressee each, as if each stood in a block of its own
                self.read([part], fresh=True)
            return
        spread: list[str] = []
        for line in block:
            # "To: Rt Hon Christopher Luxon and Rt Hon Chris Hipkins": two people, a style each
            to = TO_LINE.match(normalise_space(line))
            spread.extend(
                styled_people(to.group("rest") if to else normalise_space(line)) or [line]
            )
        block = spread
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
            marked = ATTENTION_LINE.match(entry[0])
            if marked and len(entry) > 1:
                # "A la atención de D.ª Sira Rego Bando" over her office: the person
                entry = [_ADDRESSED.sub("", entry[0]), *entry[1:]]
            first = entry[0]
            group = TO_LINE.match(first)
            named = group is not None and (
                is_person_line(group.group("rest"))
                # "To: Chair Dana Okafor, Riverside Planning Commission": a person, then
                # the body they chair, on one line
                or is_person_line(group.group("rest").split(", ", 1)[0])
                # "To: Kirsty Coventry, President of the International Olympic Committee"
                or name_then_office(group.group("rest"))
            )
            if group and not named:
                rest = group.group("rest").rstrip(":, ")
                place = _PLACE_AFTER.search(rest)
                if place and is_country_list(place.group("place").rsplit(",", 1)[-1].strip()):
                    # "To: Permanent Representatives of … (Geneva, Switzerland)": where they
                    # are is the address
                    rest = rest[: place.start()].rstrip()
                    entry = [entry[0], *entry[1:], place.group("place")]
                titles, address = _split_title_address([x for x in entry[1:] if x])
                people.append(
                    Addressee(
                        name=rest,
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
                # "Ministério da Saúde" under "À Sua Excelência o Senhor Ministro da Saúde":
                # the body of an office written to, with its address
                and (names.is_title_line(first) or has_org_word(first))
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
                or COLLECTIVE.match(first) is not None
                # "Excelentíssimo Senhor Ministro Gilmar Mendes": a formal style opens an
                # addressee, whatever office comes before the name
                or (_FORMAL_STYLE.match(first) is not None and len(entry) > 1)
                # "THE CHAIRPERSON" over its body's address: an office written to
                or (
                    len(entry) > 1
                    and re.match(r"(?i)^the\s", first) is not None
                    and names.is_title_line(first.title())
                    and not is_address_start(first)
                )
                or (names.is_person_name(name_part(first)) and not _address_only(entry))
                # "Gordon Smith, co-President" over the body's name and address they share
                # with the people above: a person, then the address
                or (name_then_office(first) and names.is_person_name(name_part(first)))
                or (
                    len(entry) > 1
                    and names.is_title_line(first)
                    and (is_person_line(entry[1]) or names.is_person_name(entry[1]))
                )
            )
            last_lines = (people[-1].address_lines or people[-1].title_lines) if people else []
            ending = last_lines[-1] if last_lines else ""
            # the address is whole: it ends on its postal line ("Manila 1000", "DC 20433")
            complete = is_postal_line(ending) or re.search(r"\b\d{4,}$", ending) is not None
            if (
                not person_start
                and complete
                and (
                    names.is_title_line(first)
                    or has_org_word(first)
                    or _GROUP_WRITTEN_TO.match(first) is not None
                )
                and not is_address_start(first)
                and not is_postal_line(first)
                # "The Chair and Members of the Board of Governors" alone: written to too
                and (len(entry) > 1 or _GROUP_WRITTEN_TO.match(first) is not None)
            ):
                # "Executive Directors" / "Board of Executive Directors" (or "Oklahoma Pardon
                # and Parole Board") over an address of its own, under an addressee whose
                # address is whole: an office or body written to as such, a second addressee
                titles, address = _split_title_address(entry[1:])
                people.append(Addressee(name=first, title_lines=titles, address_lines=address))
                self.targets = []
                self.unaddressed = [] if address else [len(people) - 1]
                continue
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
            last = people[-1] if people else None
            if (
                last is not None
                and not (fresh and number == 0)
                and _styled_office_alone(last)
                and _bare_name(first)
            ):
                # "Exmo. Senhor Governador do Estado de Pernambuco" / "Eduardo Campos", each
                # a paragraph of its own: the office styled over the name of who holds it
                people.pop()
                entry = [f"{last.honorific} {last.name}", *entry]
            if (
                len(entry) >= 2
                and _FORMAL_STYLE.match(entry[0]) is not None
                and _styled_office_alone(addressee_from(entry[:1]))
                and _bare_name(entry[1])
            ):
                entry = [entry[1], entry[0], *entry[2:]]
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
