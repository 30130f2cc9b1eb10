"""Signers from their lines: a block of name and title lines, a "name, title,
organisation" line, names alternating with where they work, lines in draftkit's own styles.
"""

from __future__ import annotations

import functools
import re

from draftkit.ingest import names
from draftkit.ingest.organisations import has_org_word, is_organisation
from draftkit.ingest.postal import is_country_list, is_postal_line
from draftkit.ingest.signer_labels import labelled_signers
from draftkit.ingest.signer_lists import (
    CORPORATE_SUFFIX,
    hold_bracketed_commas,
    release_commas,
    split_name_list,
)
from draftkit.ingest.text import Line, normalise_space
from draftkit.schema import Signatory

__all__ = ["inline_person"]


def _signatory_lines(lines: list[str]) -> Signatory | None:
    """One person (name + title lines) from a group of lines."""
    lines = [normalise_space(x) for x in lines if normalise_space(x)]
    if not lines:
        return None
    name = lines[0]
    # a postal address under a signature (street, postcode) is contact detail, not a title
    rest = [x for x in lines[1:] if not (is_postal_line(x) and re.search(r"\d", x))]
    organization: str | None = None
    if (
        rest
        and is_organisation(rest[-1])
        # "Remembrance Project Coordinator" ends with the office: a title
        and not names.is_title_line(rest[-1].split()[-1])
    ):
        organization = rest[-1]
        rest = rest[:-1]
    former = any(re.search(r"(?i)\(former\)|^former\b|\bformerly\b", t) for t in lines[1:])
    return Signatory(
        name=name, kind="individual", title_lines=rest, organization=organization, former=former
    )


_OCCUPATION = re.compile(
    r"(?:(?:Retired|Former|Family|Senior|Local|Small|Graduate|Medical|Community|Dairy|Organic|"
    r"Registered|Youth)\s+)?[A-Z][a-z]{2,}(?:er|or|ist|ian|ant|ent|eer|ee|ive)"
)
"""A person's occupation standing as their title: "Rancher", "Family Physician", "Retired
Teacher" (one word, or one after a word that qualifies it; never two names)."""


_NAME_BRACKET = re.compile(r"^(?P<name>[^(),]+?)\s+\((?P<org>[^()]{2,})\)$")
_NAME_DASH = re.compile(r"^(?P<name>[^,–—|]+?)\s+[–—|-]\s+(?P<rest>.+)$")


def inline_person(line: str) -> Signatory | None:
    """ "Jane Doe, Director, Some Organisation" or "Jane Doe (Some Organisation)"."""
    # (a comma before the bracket makes it the last part's: "Name, Dept, University (Chile)")
    bracket = _NAME_BRACKET.match(line)
    if bracket and is_country_list(bracket.group("org")):
        return None  # "Fabiano Law Firm (Italy)": an organisation and its country
    if (
        bracket
        and _person_start(bracket.group("name"))
        and not re.match(r"(?i)^(?:former|ret\.?|retired)$", bracket.group("org"))
    ):
        org = bracket.group("org").strip()
        if is_organisation(org) or has_org_word(org):
            return Signatory(name=bracket.group("name").strip(), organization=org)
        return Signatory(name=bracket.group("name").strip(), title_lines=[org])
    dashed = _NAME_DASH.match(line)
    if dashed and _person_start(dashed.group("name").strip()):
        line = f"{dashed.group('name').strip()}, {dashed.group('rest')}"
    if ", " not in line:
        return None
    if CORPORATE_SUFFIX.match(line.rsplit(", ", 1)[-1].strip()):
        return None  # "Riverbend Robotics, LLC": a company
    # commas inside brackets belong to what is in them: "(Faculty Associate, Center X)"
    shielded = hold_bracketed_commas(line)
    parts = [
        release_commas(p.strip()) for p in re.split(rf",\s+{names.NOT_POST_NOMINAL}", shielded)
    ]
    honorific, rest = names.split_honorific(parts[0])
    if not names.is_person_name(rest if honorific else parts[0], allow_single=bool(honorific)):
        return None
    tail = parts[1:]
    if (
        tail
        and not (
            honorific
            or names.is_title_line(tail[0])
            or _is_title_like(tail[0])
            or _OCCUPATION.fullmatch(tail[0]) is not None
            or (len(tail) == 1 and is_organisation(tail[0]))
            # "María José Fuentes, periodista", "Tomás Pizarro, ejidataria de Chemuyil": what
            # the person does, in lower case as Spanish, French and Portuguese write it
            or (
                tail[0][:1].islower()
                and len(tail[0].split()) <= 6
                and not tail[0].startswith("and ")
            )
        )
    ):
        return None  # "Anti-Slavery Europe, Clean Clothes Network, ..." is a list
    organization = None
    if len(tail) >= 2 and is_organisation(tail[-1]):
        organization = tail[-1]
        tail = tail[:-1]
    former = any(re.search(r"(?i)\(former\)|^former\b", t) for t in tail)
    return Signatory(name=parts[0], title_lines=tail, organization=organization, former=former)


_SIGNED_MARK = re.compile(names.SIGNATURE_MARK.pattern + r"\s*", re.IGNORECASE)
"""The mark a typed copy puts for a signature before the name: "(Sgd.) Atty. A. Cruz"."""


def _person_start(text: str) -> bool:
    text = _SIGNED_MARK.sub("", text)
    honorific, rest = names.split_honorific(text)
    candidate = rest if honorific else text
    return names.is_person_name(candidate, allow_single=bool(honorific)) or _office_and_name(text)


@functools.lru_cache(maxsize=8192)
def _office_and_name(text: str) -> bool:
    """ "State Senator Lucia Goldberg", "Delegate Omar Chen": a signer's office, then the
    name, on one line without a comma: the signer, not a title line under one."""
    if "," in text:
        return False
    split = names.split_title_name(text.strip())
    return split is not None and names.is_person_name(split[1])


_PAIR = re.compile(
    r"^(?P<a>[^,|–—&]+?)\s+(?:and|&|y|et|und|e)\s+(?P<b>[^,|–—&]+?)"
    r"(?:\s*(?:\s[|–—]\s|,)\s*(?P<rest>\S.*))?$"
)
"""Two signers on one line: "Ana Ruiz and Ben Okafor", then what they share."""
_SHARED_TITLE = re.compile(
    r"(?i)\b(?:co-?)?(?:presidents|chairs|chairpersons|directors|spokespeople|spokespersons|"
    r"coordinators|co-?ordinators|founders|convenors|conveners|leaders|secretaries)\b"
)
"""An office in the plural under two or more names: the title they share."""
_OFFICE_ABOVE = re.compile(r"(?i)^(?:le|la|l['’]|el|il|lo|the|o|a|der|die)\s*[^\W\d_][^,]{1,60},?$")
"""An office with its article, written above the signer's name ("Le Président,")."""


def _regroup_single_lines(groups: list[list[Line]]) -> list[list[Line]]:
    """Paragraph-per-line layouts (DOCX/HTML): a person's lines follow their name."""
    texts = [g[0].text for g in groups]
    if not any(_person_start(t) for t in texts) or not any(
        # a title of a person's ("Executive Director"), not a body named with one
        # ("Retired Park Rangers Association")
        names.is_title_line(t) and (not has_org_word(t) or _TITLE_END.search(t) is not None)
        for t in texts
    ):
        return groups
    if sum(1 for t in texts if inline_person(normalise_space(t)) is not None) >= 2:
        # "Access Forward" / "Daniel Hoffmann — Senior Researcher, Open Networks Lab" /
        # "Digital Rights Eurasia": whole entries a line each, bodies and people mixed
        return groups
    out: list[list[Line]] = []
    for group in groups:
        line = group[0]
        role = names.is_title_line(line.text) and _TITLE_END.search(line.text) is not None
        if (_person_start(line.text) and not role) or not out:  # ("Party Leader": a role)
            out.append([line])
        else:
            out[-1].append(line)
    return out


def _titled_names(first: str, text: str) -> bool:
    """Two lines that each give a name after its title ("Dr. Jane Doe" / "Prof. John Roe"):
    two signers, though "Prof." alone would read as a title line under the first."""
    one, one_rest = names.split_honorific(first)
    two, two_rest = names.split_honorific(text)
    return (
        one is not None
        and two is not None
        and names.is_person_name(one_rest)
        and names.is_person_name(two_rest)
    )


_TITLE_END = re.compile(
    r"(?i)\b(?:director|coordinator|manager|officer|secretary|president|chair(?:man|woman|"
    r"person)?|organi[sz]er|advocate|counsel|editor|founder|spokesperson|representative|"
    r"campaigner|treasurer|administrator|lead|leader)$"
)
"""A role that ends the line: "National Executive Director" and "Party Leader" are titles,
though "National" and "Party" would name a body."""


def _is_title_like(text: str) -> bool:
    return (
        (names.is_title_line(text) and not is_organisation(text) and not _office_and_name(text))
        or (
            len(text.split()) <= 5
            and _TITLE_END.search(text.strip()) is not None
            and names.is_title_line(text)
            and not _office_and_name(text)
        )
        or bool(re.search(r"(?i)\(former\)|\bformer\b|\(ret\.?\)", text))
        or _WHERE_FROM.fullmatch(text.strip()) is not None
    )


_WHERE_FROM = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,2}(?:ward|resident|constituent|parishioner)")
"""Where a signer lives or votes, under their name: "Bramley ward", "Ashford resident"."""


_ACRONYM_START = re.compile(r"^[A-Z]{2,}\s+[A-ZÀ-Þ][a-zà-ÿ]")
"""An institution named by its letters and its place: "TU Delft", "KU Leuven", "LMU München"."""


def _alternating(group: list[str]) -> bool:
    """Names and affiliations in turn, a line each, four lines or more: every other line a
    person's name, the lines between them (half of them at least) bodies or roles."""
    if len(group) < 4 or len(group) % 2:
        return False

    def body_or_role(text: str) -> bool:
        return (
            has_org_word(text)
            or _ACRONYM_START.match(text) is not None
            or _is_title_like(text)
            or names.is_title_line(text)
            or not names.is_person_name(text)
        )

    people, affiliations = group[0::2], group[1::2]
    if not all(
        names.is_person_name(x) and not has_org_word(x) and not _ACRONYM_START.match(x)
        for x in people
    ):
        return False
    # half at least: "Charité Berlin" or "Sorbonne Université" reads like a name
    return 2 * sum(body_or_role(x) for x in affiliations) >= len(affiliations)


def _signed_by_person(text: str) -> bool:
    """The first line of a signature names a person ("Phillip Smith," or "Phillip Smith,
    President")."""
    head = text.split(",")[0].strip()
    return _person_start(head) or names.is_person_name(head)


def _group_signatories(group_lines: list[Line], org_context: bool = False) -> list[Signatory]:
    kept = [ln for ln in group_lines if normalise_space(ln.text)]
    while (
        3 <= len(kept) <= 7  # one signature, not a list of signers with their numbers
        and _signed_by_person(normalise_space(kept[0].text))
        and is_postal_line(normalise_space(kept[-1].text))
        and re.search(r"\d", kept[-1].text)
        and not _signed_by_person(normalise_space(kept[-1].text))
    ):
        # "Phillip Smith," / "President" / "Community Bandwidth" / "215 Spadina Avenue" /
        # "Toronto, ON M5T 2C7": where to write to the signer, not more signers (the
        # organisation over it stays the signer's own)
        kept.pop()
        while (
            len(kept) >= 2
            and is_postal_line(normalise_space(kept[-1].text))
            and re.search(r"\d", kept[-1].text)
        ):
            kept.pop()
    sections = {ln.style for ln in kept}
    if sections == {"organization signer"}:
        listed: list[Signatory] = []
        for ln in kept:
            text = normalise_space(ln.text)
            person = inline_person(text)
            if person is not None:
                listed.append(person)
            elif (
                text.count(", ") >= (2 if len(kept) == 1 else 4)  # all in one paragraph
                or labelled_signers(text) is not None  # "Alaska: A, B": a group's signers
            ):
                listed += [Signatory(name=p, kind="organization") for p in split_name_list(text)]
            else:
                listed.append(Signatory(name=text, kind="organization"))
        return listed
    if sections == {"individual signer"}:
        org_context = False
    bulleted = len(kept) >= 3 and all(ln.list_kind == "bullet" for ln in kept)
    head = _SIGNED_MARK.sub("", normalise_space(kept[0].text)).rstrip(",;") if kept else ""
    titled = len(kept) <= 3 and (names.is_person_name(head) or _person_start(head))
    titled = (
        titled
        and all(
            _is_title_like(normalise_space(ln.text))
            or names.is_title_line(normalise_space(ln.text))
            # "membro do Diretório Estadual do PMDB": what the signer is, in lower case
            or (ln.text.strip()[:1].islower() and len(ln.text.split()) >= 2)
            for ln in kept[1:]
        )
    )
    if (
        len(kept) > 1
        and not titled  # "Ana Ruiz," / "President, Riverside Club": a name and its title
        and not (len(kept) == 2 and _OFFICE_ABOVE.match(normalise_space(kept[0].text)))
        and all(ln.text.rstrip().endswith((",", ";")) for ln in kept[:-1])
    ):
        # one comma-separated list wrapped over several lines
        joined = " ".join(normalise_space(ln.text) for ln in kept)
        kept = [Line(joined, hard=kept[0].hard, raw=joined)]
    group = [normalise_space(ln.text) for ln in kept]
    if titled and len(group) > 1:
        group[0] = group[0].rstrip(",; ")  # the comma a signer puts after their name
        if any(x[:1].islower() for x in group[1:]):
            # "Rivaldo Soares" / "membro do Diretório Estadual …": the name, then what the
            # signer is, in lower case (no name starts so)
            return [Signatory(name=group[0], title_lines=group[1:])]
    bold = [ln.bold for ln in kept]
    if not group:
        return []
    if (
        len(group) == 2
        and has_org_word(group[0])  # a word that names a body ("Alastair Moore" has none)
        and not names.split_honorific(group[0])[0]
        and inline_person(group[1]) is not None
        # ("Ines Valle, President of the X Association" over another "Name, office": two
        # signers, each with their post)
        and not (
            (first := inline_person(group[0])) is not None
            and first.title_lines
            and names.is_person_name(first.name)
        )
    ):
        # "Netzwerk Rüstungsexporte kontrollieren e. V." / "Dr. Hannah Fischer,
        # Geschäftsführerin": the person under the body's name signs for it
        person = inline_person(group[1])
        if person is not None and person.organization is None:
            return [person.model_copy(update={"organization": group[0]})]
    postal = [is_postal_line(x) and bool(re.search(r"\d", x)) for x in group]
    if (
        len(group) >= 3
        and postal[-1]
        and postal[-2]
        and not postal[0]
        and not _person_start(group[0])
        and not any(_person_start(x) for x in group[1:])
    ):
        # an organisation and where to write to it: "Institute for Peace Studies" / "The
        # Graduate School, Riverside University" / "365 Harbor Avenue" / "Springfield, IL"
        # (an organisation that signs has only its name in the schema: the address lines
        # are contact details, left out as they are under a person's signature)
        return [Signatory(name=group[0], kind="organization")]
    slashed = len(group) == 1 and re.match(r"^(?P<name>[^/,]{3,60}?)\s+/(?:\s|$)", group[0])
    if slashed and _person_start(slashed.group("name")):
        # "Ana Ruiz / Professor, University of X, Chile": one signer, kept as written
        return [Signatory(name=group[0])]
    if len(group) == 1 and group[0].count(", ") >= 2 and _with_address(group[0]):
        # "Ana Ruiz Calle 10, El Centro, Quito, Ecuador": one signer and where to write
        name, _, rest = group[0].partition(", ")
        return [Signatory(name=name.strip(), title_lines=[rest.strip()])]
    one_list = len(group) == 1 and (
        group[0].count(", ") >= 2
        or group[0].count("; ") >= 2
        or labelled_signers(group[0]) is not None
    )  # "Regional organisations: A, B": after a signers' label, a list however short
    parts = split_name_list(group[0]) if one_list else []
    # "Atty. Ana Cruz, Atty. Ben Reyes, …": people's names alone, each after the comma
    # ("Ana Ruiz, Executive Director, Riverside Coalition" is one person and their posts)
    people = len(parts) >= 3 and all(
        _person_start(p) and not names.is_title_line(p) and not has_org_word(p) for p in parts
    )
    if (
        one_list
        and len(parts) >= 2
        and _person_start(parts[0])
        and all(part[:1].islower() for part in parts[1:])
    ):
        # "Dominique Simonnot, ancienne journaliste, militante pour …": a name, then
        # what she is, in lower case (no second name after a comma starts so)
        return [Signatory(name=parts[0], title_lines=[", ".join(parts[1:])])]
    if one_list and (people or not inline_person(group[0])):
        if all(_person_start(p) for p in parts):
            return [Signatory(name=p) for p in parts]
        return [Signatory(name=p, kind="organization") for p in parts]
    if len(group) == 2:
        both = [inline_person(x) for x in group]
        if all(
            person is not None
            and person.title_lines
            and not names.is_title_line(person.name)
            and not has_org_word(person.name)
            for person in both
        ):
            # "Meera Pillai, Senior Advocate" / "Tariq Khan, Former Judge": two signers a
            # line each, not a name over three title lines
            return [person for person in both if person is not None]
    if len(group) >= 2 and _SHARED_TITLE.search(group[1]):
        joint = re.split(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&|y|et|und|e)\s+", group[0].rstrip(",;"))
        if len(joint) >= 2 and all(names.is_person_name(x) and not has_org_word(x) for x in joint):
            # "Priya Sharma, Tane Te Rangi and Joy Bautista" / "Co-convenors, Heat Safe
            # Sydney": people named on one line, then the title they share
            return [Signatory(name=x.strip(), title_lines=group[1:]) for x in joint]
    if len(group) == 1:
        pair = _PAIR.match(group[0])
        if (
            pair
            and names.is_person_name(pair.group("a").strip())
            and names.is_person_name(pair.group("b").strip())
        ):
            # "Ana Ruiz and Ben Okafor | Riverside spokespeople": two signers, one title
            shared = [pair.group("rest").strip()] if pair.group("rest") else []
            return [Signatory(name=pair.group(k).strip(), title_lines=list(shared)) for k in "ab"]
        inline = inline_person(group[0])
        if inline:
            return [inline]
        if _person_start(group[0]) and not (
            org_context and names.split_honorific(group[0])[0] is None
        ):
            return [Signatory(name=group[0])]
        return [Signatory(name=group[0], kind="organization")]
    if len(group) == 2 and "," in group[0] and is_organisation(group[1]):
        person = inline_person(group[0])
        if person is not None and person.organization is None and person.title_lines:
            # "Jane Doe, Executive Director" / "Riverside Coalition": one signer, the body
            # she signs for on the line under her name and title
            return [inline_person(f"{group[0]}, {group[1]}") or person]
    if (
        len(group) == 2
        and _OFFICE_ABOVE.match(group[0])
        and names.is_title_line(group[0])
        and names.is_person_name(group[1].rstrip(","))
    ):
        # "La Presidente" / "Alessandra Bucchi", "Le Président," / "Jean Roux": the office
        # written above the name, as French, Italian and Spanish letters sign
        return [Signatory(name=group[1].rstrip(","), title_lines=[group[0].rstrip(",")])]
    if (
        len(group) == 2
        and re.fullmatch(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’'-]{1,20}", group[0])
        and not has_org_word(group[0])
        and names.is_title_line(group[1])
    ):
        # "Alisha" / "Youth Advisory Board Member": a signer by first name, and her role
        return [Signatory(name=group[0], title_lines=[group[1]])]
    # "Asociación Pro Derechos Humanos de Andalucía" reads like a name but names a body
    first_person = _person_start(group[0]) and not (
        has_org_word(group[0]) and names.split_honorific(group[0])[0] is None
    )
    if (
        len(group) >= 3
        and _SHARED_TITLE.search(group[-1])
        and all(names.is_person_name(x) for x in group[:-1])
    ):
        # "Ana Ruiz" / "Ben Okafor" / "Student Union Co-Presidents": one title for both
        return [Signatory(name=x, title_lines=[group[-1]]) for x in group[:-1]]
    commas = sum(1 for x in group if ", " in x) if len(group) >= 4 else 0
    if len(group) >= 4 and 0.6 * len(group) <= commas < len(group):
        lined = [inline_person(x) for x in group]
        whole = sum(1 for one in lined if one is not None and one.title_lines)
        bodies = [
            x
            for x, one in zip(group, lined, strict=True)
            if one is None and "," not in x and has_org_word(x) and not _is_title_like(x)
        ]
        if bodies and whole >= 0.6 * len(group) and whole + len(bodies) == len(group):
            # "Paola Sepúlveda, bióloga" / "Centro Mexicano de Defensa Ambiental" / "Ximena
            # Cárdenas, bióloga": people a whole line each, bodies between them, every line
            # an entry (a body under a whole line is not that person's)
            return [
                one if one is not None else Signatory(name=x, kind="organization")
                for x, one in zip(group, lined, strict=True)
            ]
    if first_person and _alternating(group):
        # "Silvia Romano" / "Fiocruz" / "Suresh Iyer" / "University College London": a
        # name, then where the person works, on the next line, and so on
        return [
            Signatory(name=group[i], title_lines=[group[i + 1]]) for i in range(0, len(group), 2)
        ]
    if (
        first_person
        and all(_person_start(x) and not _is_title_like(x) and not has_org_word(x) for x in group)
        and not org_context
    ):
        return [Signatory(name=x) for x in group]
    # "Green Coast Lebanon" / "Association for Clean Air" / "Saida Fishermen's Cooperative"
    # / … / "Dr. Karim Nassar — Professor …": a list of bodies and people, a line each, not
    # a name over many title lines
    bodied = [has_org_word(x) or is_organisation(x) for x in group] if first_person else []
    bodies_listed = (
        first_person
        and len(group) >= 4
        and sum(bodied) >= 0.5 * len(group)
        and all(bodied[k] and not _is_title_like(group[k]) for k in range(1, 4))
        and not any(x[:1].islower() or x[:1] in "(&" for x in group)
        and not any(
            names.is_title_line(x) and inline_person(x) is None and not has_org_word(x)
            for x in group[1:]
        )
    )
    if (
        first_person
        and not bodies_listed
        # a bulleted list gives each signer an item of its own ("- Ana Soler Arquitecta",
        # "- Bruno Vidal Profesor"): no item is the title or workplace of the one above
        and not bulleted
        and (
            any(_is_title_like(x) for x in group[1:])
            or (
                len(group) <= 4
                and is_organisation(group[-1])
                and not any(_person_start(x) for x in group[1:])
            )
        )
    ):
        out: list[Signatory] = []
        current: list[str] = []
        for position, text in enumerate(group):
            new_person = (
                bool(current)
                and (len(current) > 1 or _titled_names(current[0], text))
                and _person_start(text)
                and (
                    names.split_honorific(text)[0] is not None
                    or (bold[position] and not all(bold))
                    or (
                        not any(bold)
                        and not has_org_word(text)
                        and not _is_title_like(text)
                        and (
                            (is_organisation(current[-1]) and not _is_title_like(current[-1]))
                            # under a title, the block's last line is where they work
                            or (_is_title_like(current[-1]) and position < len(group) - 1)
                        )
                    )
                )
            )
            if new_person:
                person = _signatory_lines(current)
                if person is not None:
                    out.append(person)
                current = []
            current.append(text)
        person = _signatory_lines(current)
        if person is not None:
            out.append(person)
        return out
    out = []
    last_org: str | None = None
    for text in group:
        inline = inline_person(text)
        if inline:
            if inline.organization is None and last_org:
                inline = inline.model_copy(update={"organization": last_org})
            out.append(inline)
        elif (
            _person_start(text)
            and not has_org_word(text)
            and not org_context
            and (
                names.split_honorific(text)[0] is not None
                or _person_start(group[0])
                or inline_person(group[0]) is not None
            )
        ):
            out.append(Signatory(name=text))
        else:
            out.append(Signatory(name=text, kind="organization"))
            last_org = text
    return out


_STREET_NUMBER = re.compile(r"\d{1,5}[a-z]?\s+\S.*|.*\S\s+\d{1,5}[a-z]?")
"""A street and its number, either way round ("Calle 10", "12 Rue Félix Faure")."""


def _with_address(line: str) -> bool:
    """A signer's line that ends in a postal address: digits and a country, or a postcode."""
    parts = [p.strip() for p in line.split(",")]
    ending = parts[-4:]  # the address is at the line's end, not in a body's name
    return (
        len(parts) <= 6
        and not _person_start(parts[-1])
        and (
            any(is_postal_line(p) for p in ending)
            or (
                is_country_list(parts[-1])
                # "Calle 10", "12 Rue X": a street number beside its street's name (or
                # the name's own part: "Ola Bini Celda 10, El Placer, …, Ecuador")
                and any(_STREET_NUMBER.fullmatch(p) for p in parts)
            )
        )
    )


def _styled_signatories(lines: list[Line]) -> list[Signatory]:
    out: list[Signatory] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            person = _signatory_lines(current)
            if person is not None:
                out.append(person)
            current.clear()

    for ln in lines:
        style = (ln.style or "").lower()
        if ln.blank:
            continue
        if style == "signatory organization":
            # an organisation that signs (draftkit's own style): never a title line of the
            # person above it, however the list is ordered
            flush()
            out.append(Signatory(name=normalise_space(ln.text), kind="organization"))
            continue
        if style == "signature name":
            flush()
        current.append(ln.text)
    flush()
    return out
