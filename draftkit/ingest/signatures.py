"""The signature block: signatories, the affiliations note, a late cc list, enclosures.

Signers come as blocks of name and title lines, as lists of organisations one per line,
in columns (tabs or aligned spaces), as one comma-separated paragraph, or as
"name, title, organisation" lines; their order is kept.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from draftkit.ingest import names
from draftkit.ingest.addressees import addressee_from, split_entries
from draftkit.ingest.dates import DateLine, parse_date_line
from draftkit.ingest.head_lines import CC_LINE
from draftkit.ingest.signer_labels import (
    _ENCLOSURE,
    _FOR_ALL,
    _GROUP_COUNT,
    _GROUP_LABEL,
    _SECTION,
    _SECTION_AFTER,
    _SECTION_LOOSE,
    _SIGN_INTRO,
    _SIGN_NOTE,
    _SIGNED_ELSEWHERE,
    AND_MORE,
    CONTACT_LABEL,
    PLACE_LABEL,
    SIGNER_COUNT,
    _bold_heading,
    _caps_heading,
    _heading_over_shaped_list,
    is_bracketed_aside,
    is_editor_note,
    is_signatory_label,
    labelled_signers,
)
from draftkit.ingest.text import Line, blocks, column_cells, normalise_space
from draftkit.schema import Addressee, Signatory
from draftkit.sentences import split_marker

__all__ = ["Tail", "inline_person", "parse_signatures", "split_tail"]


def _signatory_lines(lines: list[str]) -> Signatory | None:
    """One person (name + title lines) from a group of lines."""
    lines = [normalise_space(x) for x in lines if normalise_space(x)]
    if not lines:
        return None
    name = lines[0]
    # a postal address under a signature (street, postcode) is contact detail, not a title
    rest = [x for x in lines[1:] if not (names.is_postal_line(x) and re.search(r"\d", x))]
    organization: str | None = None
    if (
        rest
        and names.is_organisation(rest[-1])
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


def inline_person(line: str) -> Signatory | None:
    """ "Jane Doe, Director, Some Organisation" or "Jane Doe (Some Organisation)"."""
    bracket = re.match(r"^(?P<name>[^()]+?)\s+\((?P<org>[^()]{2,})\)$", line)
    if bracket and names.is_country_list(bracket.group("org")):
        return None  # "Fabiano Law Firm (Italy)": an organisation and its country
    if (
        bracket
        and _person_start(bracket.group("name"))
        and not re.match(r"(?i)^(?:former|ret\.?|retired)$", bracket.group("org"))
    ):
        org = bracket.group("org").strip()
        if names.is_organisation(org) or names.has_org_word(org):
            return Signatory(name=bracket.group("name").strip(), organization=org)
        return Signatory(name=bracket.group("name").strip(), title_lines=[org])
    dashed = re.match(r"^(?P<name>[^,–—|]+?)\s+[–—|-]\s+(?P<rest>.+)$", line)
    if dashed and _person_start(dashed.group("name").strip()):
        line = f"{dashed.group('name').strip()}, {dashed.group('rest')}"
    if ", " not in line:
        return None
    if _CORPORATE_SUFFIX.match(line.rsplit(", ", 1)[-1].strip()):
        return None  # "Riverbend Robotics, LLC": a company
    # commas inside brackets belong to what is in them: "(Faculty Associate, Center X)"
    shielded = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(",", "\x00"), line)
    parts = [
        p.strip().replace("\x00", ",") for p in re.split(rf",\s+{names.NOT_POST_NOMINAL}", shielded)
    ]
    honorific, rest = names.split_honorific(parts[0])
    if not names.is_person_name(rest if honorific else parts[0], allow_single=bool(honorific)):
        return None
    tail = parts[1:]
    if tail and not (
        honorific
        or names.is_title_line(tail[0])
        or _is_title_like(tail[0])
        or _OCCUPATION.fullmatch(tail[0]) is not None
        or (len(tail) == 1 and names.is_organisation(tail[0]))
    ):
        return None  # "Anti-Slavery Europe, Clean Clothes Network, ..." is a list
    organization = None
    if len(tail) >= 2 and names.is_organisation(tail[-1]):
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


_PARTICLES = {"de", "da", "van", "von", "der", "den", "du", "di", "del", "la", "le", "of", "for"}
_MAYBE_CONTACT = re.compile(r"[@+|(]|http|www\.")
_CONTACT_IN = re.compile(
    # an address's local part is at most 64 characters: bounded, so a long line is
    # searched in linear time
    r"[^\s@]{0,64}@[\w-]+\.[\w.-]+|(?<![\w@])@\w|https?://|www\.|\+\d[\d ()-]{6,}|"
    r"\(\d{3}\)\s*\d{3}|"
    # a bar before a number or a contact word ("… | 0400 123 456", "| Tel"): a bar alone
    # may part a signer from their title ("Ana Ruiz | Professor of Law")
    r"\s\|\s+(?=[\d(+]|(?i:tel|phone|fax|e-?mail|mobile|web)\b)"
)
"""Contact details in a signer line: an e-mail address, a handle, a web address, a phone
number ("Tech@NYU", a name with an at sign, is not one)."""
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
_ENTRY_SEPARATOR = re.compile(r"\S\s+[|–—]\s+\S")
"""A one-line entry that parts the name from the rest: "Ana Ruiz | Professor of Law"."""
_WRAPS = re.compile(r"(?:\s[–—-]|[,&]|\s(?:and|of|for|the|de|du|des|la|le|et|y|del|für))$")
"""A signer line that stops at a dash, comma, "and" or "of" goes on on the next line."""


def _entry_shaped(text: str) -> bool:
    """ "Ana Ruiz, Dallas, TX": a person's name, then what follows it after a comma."""
    head, comma, rest = text.partition(", ")
    return bool(comma and rest.strip()) and _person_start(head.strip())


def _run_together(lines: list[Line]) -> list[Line]:
    """Split entries that lost the break between them ("Olvid (France)OpenCloud (Germany)")
    and join entries wrapped onto the next line ("… Children –" / "Brussels Office")."""
    joined: list[Line] = []
    for ln in lines:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not previous.blank
            and not ln.blank
            and _WRAPS.search(previous.text)
            and not split_marker(ln.text)
            and not ln.list_kind
            and "\t" not in (previous.raw or "")
            and not _SIGN_INTRO.match(previous.text)
            and not _ON_BEHALF.match(previous.text)  # "For the Coalition," over a name
            and not (_OFFICE_ABOVE.match(previous.text) and names.is_person_name(ln.text))
            and not (_entry_shaped(previous.text.rstrip(" ,")) and _entry_shaped(ln.text))
        ):
            # ("Greg Baynes, View Park, CA," over "Ana Ruiz, Dallas, TX": a stray comma
            # after a whole entry, not an entry wrapped onto the next line)
            text = f"{previous.text} {ln.text}"
            joined[-1] = Line(text, hard=True, raw=text, style=previous.style, bold=previous.bold)
            continue
        joined.append(ln)
    out: list[Line] = []
    for ln in joined:
        parts = re.split(r"(?<=\))(?=[A-Z][a-z])", ln.text) if ")" in ln.text else [ln.text]
        if len(parts) == 1:
            out.append(ln)
            continue
        for part in parts:
            out.append(Line(part.strip(), hard=True, raw=part.strip(), style=ln.style))
    return out


@dataclass(slots=True)
class Tail:
    """What the lines after the close hold besides signers.

    Attributes:
        lines: The lines left for the signature parser (the others blanked).
        date: A date line after the close ("Geneva, 12 May 2023"), if any.
        address: An inside address placed after the signatures (British style).
    """

    lines: list[Line]
    date: DateLine | None = None
    address: list[str] | None = None


def _is_contact(text: str) -> bool:
    return bool(
        re.search(r"@|https?://|www\.|\+\d[\d ()-]{6,}|\(\d{3}\)\s*\d{3}", text)
        or re.match(r"(?i)^(?:tel|telephone|phone|fax|e-?mail|web|website|mobile)\.?\s*[:.]", text)
        or CONTACT_LABEL.match(text) is not None
    )


def _postal(text: str) -> bool:
    return (names.is_postal_line(text) and bool(re.search(r"\d", text))) or bool(
        re.match(r"(?i)^(?:p\.?\s?o\.?\s+box|postfach|case postale|apartado)\b", text)
    )


def split_tail(lines: list[Line], skipped: list[tuple[str, str]], *, want_address: bool) -> Tail:
    """Take dates, a late inside address and contact blocks out of the signature region.

    Args:
        lines: The lines after the close (or after the body).
        skipped: Collects what was set aside, with the reason.
        want_address: No inside address was found above the salutation, so an address
            block among the signatures (a person or office, then postal lines) is one.
    """
    out = list(lines)
    tail = Tail(out)
    groups: list[list[int]] = []
    for index, ln in enumerate(out):
        if ln.blank:
            if groups and groups[-1]:
                groups.append([])
            continue
        if not groups:
            groups.append([])
        groups[-1].append(index)
    groups = [g for g in groups if g]
    signers_seen = False
    for group in groups:
        texts = [out[i].text.strip() for i in group]
        if CC_LINE.match(texts[0]) or _ENCLOSURE.match(texts[0]):
            continue
        for i in list(group):
            found = parse_date_line(out[i].text)
            if found is not None and not found.published:
                if tail.date is None:
                    tail.date = found
                skipped.append((out[i].text, "the letter's date, after the close"))
                out[i] = Line("", raw="")
                group = [g for g in group if g != i]
                for j in [g for g in group if g < i]:
                    if PLACE_LABEL.match(out[j].text.strip()):
                        # "Place: Pune" over "Date: 08/01/2025": where it was signed
                        skipped.append((out[j].text, "the place the letter was signed"))
                        out[j] = Line("", raw="")
                        group = [g for g in group if g != j]
        if not group:
            continue
        texts = [out[i].text.strip() for i in group]
        postal = sum(_postal(t) for t in texts)
        contact = sum(_is_contact(t) for t in texts)
        first = texts[0]
        honorific = names.split_honorific(first)[0] is not None
        tabular = any("\t" in (out[i].raw or out[i].text) for i in group) or bool(
            split_marker(first) or re.match(r"^\d{1,4}\s", first)
        )
        sent_to = _SENT_TO.match(first)
        if sent_to and sent_to.group("rest"):
            texts = [sent_to.group("rest"), *texts[1:]]  # "Sent to: The Rt Hon …" on one line
        elif sent_to:
            texts = texts[1:]
        if (
            want_address
            and tail.address is None
            and texts
            and not tabular
            and signers_seen
            and (
                # "Envoyé à :" / "Sent to:" over the block: the label says what it is
                (sent_to is not None and 1 <= len(texts) <= 9)
                or (
                    postal
                    and 3 <= len(texts) <= 9
                    and (honorific or names.is_title_line(first) or names.has_org_word(texts[1]))
                )
            )
        ):
            tail.address = texts
            for i in group:
                skipped.append((out[i].text, "inside address, after the signatures"))
                out[i] = Line("", raw="")
            continue
        named = re.match(r"^(?P<name>[^/,–|]{3,60}?)\s*[/,–|]\s", first)
        entry = named is not None and names.is_person_name(named.group("name").strip())
        if signers_seen and (contact or (postal and not entry)) and not honorific and not tabular:
            # ("Ana Ruiz / Nobel Peace Prize 1980, Argentina" is a signer, not an address)
            for i in group:
                skipped.append((out[i].text, "contact block after the signatures"))
                out[i] = Line("", raw="")
            continue
        signers_seen = True
    return tail


_CORPORATE_SUFFIX = re.compile(
    r"(?i)^(?:inc|incorporated|llc|llp|ltd|limited|plc|co|corp|gmbh|e\.\s?v|s\.\s?a|"
    r"a\.\s?c|ag|pty|sarl|asbl|vzw)\.?$"
)


def split_name_list(text: str) -> list[str]:
    """The names in one comma- or semicolon-separated paragraph of signers.

    "Restore The Fourth, Inc., Media Alliance, and United We Dream." gives three names:
    a company suffix after a comma stays with its name, the final "and" and full stop go.
    """
    text = labelled_signers(text) or text  # "Organizaciones firmantes: A, B, …": the label goes
    # a list parted by semicolons keeps the commas inside its entries ("Forum X, Pune;")
    parting = r";\s+(?:and\s+)?" if text.count("; ") >= 2 else r",\s+(?:and\s+)?|;\s+"
    parts = [p.strip() for p in re.split(parting, text.rstrip(".,;")) if p.strip()]
    if len(parts) >= 3:
        # "… (CESA) y Mesa de Jóvenes": the last two joined by a conjunction after an acronym
        last = re.split(r"(?<=\))\s+(?:and|y|et|e|und|&)\s+(?=[A-ZÀ-Þ])", parts[-1], maxsplit=1)
        if len(last) == 1:
            # "… Kuñataî Poty y Movimiento Estudiantil Independiente (MEI)": a name with its
            # acronym after the last conjunction
            found = re.search(
                r"^(?P<a>.+\S)\s+(?:y|e|et|und)\s+(?P<b>[A-ZÀ-Þ][^,()]{2,80}\([A-ZÀ-Þ]{2,10}\))$",
                parts[-1],
            )
            last = [found.group("a"), found.group("b")] if found else last
        parts[-1:] = [p.strip() for p in last if p.strip()]
    out: list[str] = []
    for part in parts:
        if out and _CORPORATE_SUFFIX.match(part):
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    if out and text.rstrip().endswith(".") and _CORPORATE_SUFFIX.match(out[-1].rsplit(", ", 1)[-1]):
        out[-1] += "."  # "…, Acme, Inc." keeps the full stop of its abbreviation
    return out


def parse_signatures(
    lines: list[Line], skipped: list[tuple[str, str]]
) -> tuple[list[Signatory], str | None, list[Addressee], list[str]]:
    """Read the signature block: signatories, the affiliations note, a cc list, enclosures."""
    signatories: list[Signatory] = []
    note: str | None = None
    cc: list[Addressee] = []
    enclosures: list[str] = []
    kept: list[Line] = []
    section: str | None = None
    mode = "sign"
    cc_block: list[list[str]] = [[]]
    has_kept = False  # a signer line has been kept
    joined = _run_together(lines)
    heading_at = _heading_over_shaped_list(joined)
    for position, ln in enumerate(joined):
        if ln.blank:
            if mode == "cc":
                cc_block.append([])
            kept.append(ln)
            continue
        text = ln.text
        style = (ln.style or "").lower()
        lowered = text.lower()
        if is_editor_note(text):
            skipped.append((text, "an editor's note in braces"))
            continue
        if style == "signatory note" or (
            ("only" in lowered or "purpose" in lowered or (lowered.split() or [""])[0] in _FOR_ALL)
            and _SIGN_NOTE.search(text)
        ):
            note = normalise_space(text.lstrip("*† "))
            continue
        previous = joined[position - 1] if position else None
        if (
            note
            and previous is not None
            and not previous.blank
            and text[:1].islower()
            and normalise_space(previous.text.lstrip("*† ")) in note
        ):
            # "… Signers represent both" / "legislative chambers.": the note, wrapped
            note = f"{note} {normalise_space(text)}"
            continue
        cc_match = CC_LINE.match(text) if text[:1] in _CC_FIRST else None
        if cc_match or style == "copy list":
            mode = "cc"
            rest = cc_match.group("rest").strip() if cc_match else text
            if rest:
                cc_block[-1].append(rest)
            continue
        enc = _ENCLOSURE.match(text) if text[:1] in "eEaApP" else None
        if enc or style == "enclosure":
            mode = "enclosure"
            rest = enc.group("rest").strip() if enc else normalise_space(text)
            if rest:
                enclosures.append(rest)
            continue
        if mode == "cc":
            cc_block[-1].append(text)
            continue
        if mode == "enclosure":
            enclosures.append(normalise_space(text))
            continue
        if (
            (not has_kept and (_SIGN_INTRO.match(text) or is_signatory_label(text)))
            or (
                text.rstrip().endswith(":")
                and (_SIGN_INTRO.match(text) or _GROUP_LABEL.match(text))
            )
            or _SECTION.match(text)
            or _SECTION_AFTER.match(text)
            or _SECTION_LOOSE.match(text)
            or position == heading_at
            or (ln.heading and len(text.split()) <= 8)  # an HTML heading over a group
            or _caps_heading(joined, position)  # "ARIZONA" over the state's signers
            or _bold_heading(joined, position)  # "**Victoria**" over its signers
            or re.fullmatch(
                r"(?i)\[[^\]]{0,60}\b(?:signers|signatories|signatures)\b[^\]]{0,60}\]", text
            )
        ):
            skipped.append((text, "signatory list heading"))
            if re.search(
                r"individual|citizens|persons|people|personal|scholars|academics|experts|"
                r"leaders|members of|faith",
                lowered,
            ) or ("signers" in lowered and "organi" not in lowered):
                section = "individual signer"
            elif re.search(r"organi[sz]ation|groups|coalitions|networks", lowered):
                section = "organization signer"
            elif position != heading_at:
                section = None  # "Law Libraries & Directors": a section of either kind
            kept.append(Line(""))
            continue
        if (
            text.startswith("(")
            and text.endswith(")")
            and kept
            and not kept[-1].blank
            and _ENTRY_SEPARATOR.search(kept[-1].text)
        ):
            # "(Faculty Associate, Berkman Klein Center)" under "Ana Ruiz | Professor …":
            # the rest of that entry, wrapped onto a line of its own
            previous = kept[-1]
            wrapped = f"{previous.text} {text}"
            kept[-1] = Line(wrapped, hard=previous.hard, raw=wrapped, bold=previous.bold)
            continue
        behalf = "behalf" in lowered and re.match(
            r"(?i)^(?:for and )?on behalf of\s+(?P<org>.+?)[,:]?$", text
        )
        if not behalf and len(text.split()) <= 14:
            on_behalf = _ON_BEHALF.match(text)
            after = next((x for x in joined[position + 1 :] if not x.blank), None)
            below = normalise_space(after.text) if after is not None else ""
            marker = split_marker(below)
            below = marker[2] if marker else below  # "1. Smt. Vandana Kulkarni"
            below = re.sub(r"\s*\([^()]{1,40}\)$", "", below)  # "Jonas Brandt (Vorsitz)"
            if (
                on_behalf
                and below
                and on_behalf.group("org")[:1].isupper()
                and (names.is_person_name(below.rstrip(",")) or _person_start(below) or
                     below.endswith(":") or names.is_title_line(below))
            ):  # fmt: skip
                # "For the Riverside Coalition," / "Pour le Collectif …" / "Per il Comitato …"
                # over the name of the person who signs for it
                behalf = on_behalf
        if behalf:
            # "On behalf of X," introduces who signs for X; X itself is not a signer line
            skipped.append((text, "signing on behalf of"))
            continue
        if SIGNER_COUNT.match(text) or _GROUP_COUNT.match(text) or AND_MORE.match(text):
            skipped.append((text, "a count of the signers"))
            continue
        if re.match(
            r"(?i)^(?:see|view|read|show|browse)\s+(?:all|more|the\s+(?:full|whole|complete))\b"
            r".{0,80}\b(?:signat|signers|names|list)",
            text,
        ):
            skipped.append((text, "a link to the full list of signers"))
            continue
        if text[:1] in "PN" and re.match(r"^(?:P\.\s?S\.|PS:|N\.B\.)", text):
            skipped.append((text, "postscript"))
            continue
        if CONTACT_LABEL.match(text):
            skipped.append((text, "contact details"))  # "p: 34 Drummond Street", "m: 0400 …"
            continue
        contact = _CONTACT_IN.search(text) if _MAYBE_CONTACT.search(text) else None
        if contact:
            before = text[: contact.start()].strip(" ,;|–—-")
            lowercase = [w for w in before.split() if w[:1].islower() and w not in _PARTICLES]
            if (
                not has_kept
                and len(before.split()) >= 2
                and len(lowercase) < 2  # "To sign this letter, please email …" is a sentence
                and not re.match(r"(?i)^(?:tel|phone|fax|e-?mail|web|mobile|contact)", before)
            ):
                # "Jane Doe Human Rights Desk www.example.org": the signer, then contact
                skipped.append((text[contact.start() :], "contact details"))
                ln = Line(before, hard=True, raw=before, bold=ln.bold)
                text = before
            else:
                skipped.append((text, "contact details"))
                continue
        mark = text[:1] in "/([sS" and _SIGNED_MARK.match(text)
        if mark:
            name = text[mark.end() :].strip()
            skipped.append((text, "electronic signature mark"))
            following = next((x for x in joined[position + 1 :] if not x.blank), None)
            if not name or (following is not None and normalise_space(following.text) == name):
                continue
            ln = Line(name, hard=ln.hard, raw=name, bold=ln.bold)
        marker = split_marker(text) if not ln.list_kind else None
        long_number = text[:1] in "(0123456789" and re.match(r"^\(?\d{3,4}[.)]\s+(?=\S)", text)
        if long_number and not marker:
            marker = ("number", long_number.group(0).strip(), text[long_number.end() :])
        if (marker and marker[0] in ("bullet", "number")) or ln.list_kind:
            rest = marker[2] if marker else text
            ln = Line(rest, hard=True, raw=rest, bold=ln.bold)
        if section and not ln.style:
            ln = Line(ln.text, hard=ln.hard, raw=ln.raw, bold=ln.bold, style=section)
        kept.append(ln)
        has_kept = True
    for block in cc_block:
        # "cc: The Hon. A, Minister of X; The Hon. B, Member for Y;": one entry each
        parted = len(block) == 1 and ";" in block[0]
        block = [part.strip() for line in block for part in line.split(";") if part.strip()]
        entries = (
            [[part] for part in block]
            if parted
            else split_entries(block, copies=True)
            if block
            else []
        )
        for entry in entries:
            person = addressee_from(entry, cc=True)
            if person:
                cc.append(person)
    elsewhere = [ln for ln in kept if _SIGNED_ELSEWHERE.match(ln.text.strip())]
    if elsewhere:
        # "(Signatures attached)": the lines here name the signing group, not its members
        group = [normalise_space(ln.text) for ln in kept if not ln.blank]
        skipped.extend((text, "signatures are elsewhere") for text in group)
        return [], note or " ".join(group), cc, enclosures
    signatories = _placeholder_signer(_signatories(kept))
    return signatories, note, cc, enclosures


_SENT_TO = re.compile(
    r"(?i)^(?:(?:sent|addressed|delivered|mailed)\s+to|envoy[ée]e?\s+[àa]|adress[ée]e?\s+[àa]|"
    r"destinataires?|enviad[oa]\s+a|dirigid[oa]\s+a|to(?=\s*:\s*$))\s*:\s*(?P<rest>.*)$"
)
"""A label over an inside address written after the letter: "Sent to:", "Envoyé à :"."""
_CC_FIRST = frozenset("cCbBkKnNzZiIvVpPeEwW")
"""The letters a copy line can open with ("cc:", "Kopie an", "Nachrichtlich:", "p.c.",
"with a copy to"): other lines skip the copy-line search."""

_ON_BEHALF = re.compile(
    r"(?i)^(?:for\s+(?:the\s+)?|pour\s+(?:le|la|les|l['’])\s*|au\s+nom\s+(?:de\s+la|de|du|des)\s+|"
    r"per\s+(?:il|la|lo|l['’]|i|gli|le)\s*|a\s+nome\s+(?:di|del|della|dei|delle)\s+|"
    r"por\s+(?:el|la|los|las)\s+|en\s+nombre\s+(?:de\s+la|de|del)\s+|"
    r"em\s+nome\s+(?:de|do|da|dos|das)\s+|pel[oa]s?\s+|im\s+namen\s+(?:des|der)\s+|"
    r"f(?:ü|ue)r\s+(?:den|die|das)\s+)(?P<org>\S.+?)[,:]?$"
)
"""Signing for a body, in the languages letters come in: "For the Coalition,", "Pour le
Collectif", "Per il Comitato", "Por la Asamblea", "Au nom de", "Em nome da", "Für den"."""
_OFFICE_ABOVE = re.compile(
    r"(?i)^(?:le|la|l['’]|el|il|lo|the|o|a|der|die)\s*[^\W\d_][^,]{1,60},?$"
)
"""An office with its article, written above the signer's name ("Le Président,")."""
_PLACEHOLDER = re.compile(r"^[\[«<{]\s*[^\]»>}]{1,60}?\s*[\]»>}]$")
"""A template's blank for the sender to fill: "[Full name]", "« Nom en lettres moulées »"."""
_NAME_BLANK = re.compile(r"(?i)\bnam(?:e|es)\b|\bnom\b|\bnombre\b|\bnome\b|yourname")


def _placeholder_signer(signatories: list[Signatory]) -> list[Signatory]:
    """A template letter's signature: one sender, however many blanks it has.

    "[Full name]" / "[Title]" / "[Company]" (or "« Signature »" / "« Nom »" / a role
    line) is one signer still to be filled in: the name's blank, the others its lines.
    """
    if not 2 <= len(signatories) <= 6 or not _PLACEHOLDER.match(signatories[0].name.strip()):
        return signatories  # a real signer first ("Fight for the Future", "[Your Business]")
    if any(
        not _PLACEHOLDER.match(s.name.strip()) and names.is_person_name(s.name)
        for s in signatories
    ):
        return signatories  # a real name among them: not a blank template's signature
    blanks = [s for s in signatories if _PLACEHOLDER.match(s.name.strip())]
    named = [s for s in blanks if _NAME_BLANK.search(s.name)]
    lead = named[0] if named else blanks[0]
    rest = [s.name for s in signatories[signatories.index(lead) + 1 :]]
    return [Signatory(name=lead.name, title_lines=[*lead.title_lines, *rest])]


def _rejoin_wrapped_entries(lines: list[Line]) -> list[Line]:
    """In a long list of "Name, Title, Institution" lines, a line that opens no entry of
    its own ("University", "College (CUNY)", "Barbara") is the end of the one above,
    wrapped by the page."""
    content = [ln for ln in lines if not ln.blank]
    if len(content) < 10 or sum(ln.hard for ln in content) > 0.5 * len(content):
        return lines
    shaped = sum(1 for ln in content if _entry_shaped(normalise_space(ln.text)))
    if shaped < 0.75 * len(content):
        return lines
    out: list[Line] = []
    for ln in lines:
        text = normalise_space(ln.text)
        previous = out[-1] if out else None
        if (
            previous is not None
            and not previous.blank
            and not ln.blank
            and not _entry_shaped(text)
            and not split_marker(text)
        ):
            joined = f"{previous.text} {text}"
            out[-1] = Line(joined, raw=joined, page=previous.page, bold=previous.bold)
            continue
        out.append(ln)
    return out


def _signatories(lines: list[Line]) -> list[Signatory]:
    styled = [ln for ln in lines if (ln.style or "").lower().startswith(("signature", "signatory"))]
    if styled:
        return _styled_signatories(lines)
    lines = _rejoin_wrapped_entries(lines)
    raws = [ln.raw if ln.raw else ln.text for ln in lines]
    tabbed = sum(1 for r in raws if "\t" in r.strip())
    columns = column_cells(raws) if not any(ln.hard for ln in lines) or tabbed >= 2 else None
    if columns:
        return _column_signatories(columns)
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    if not content:
        return []
    only = normalise_space(lines[content[0]].text)
    if len(content) == 1 and re.fullmatch(r"[A-Z][\w’'-]+", only) and not names.has_org_word(only):
        return [Signatory(name=only)]  # a letter signed with a first name
    groups: list[list[Line]]
    gaps = [content[k + 1] - content[k] - 1 for k in range(len(content) - 1)]
    if gaps and min(gaps) >= 1 and max(gaps) > min(gaps):
        # every line is its own block: the larger gaps part the signers
        threshold = min(gaps)
        groups = [[lines[content[0]]]]
        for k, gap in enumerate(gaps):
            if gap > threshold:
                groups.append([])
            groups[-1].append(lines[content[k + 1]])
    else:
        groups = blocks(lines)
    if len(groups) > 2 and all(len(g) == 1 for g in groups):
        groups = _regroup_single_lines(groups)
    elif (
        len(groups) == 2
        and _person_start(groups[0][0].text.rstrip().rstrip(","))
        and all(
            _is_title_like(normalise_space(ln.text)) and not _person_start(ln.text)
            for ln in groups[1]
        )
    ):
        groups = [[*groups[0], *groups[1]]]  # one signer, their title set a line apart
    texts = [ln.text for ln in lines if not ln.blank]
    org_context = sum(names.has_org_word(t) for t in texts) >= 0.4 * len(texts)
    out: list[Signatory] = []
    for group in groups:
        text = normalise_space(" ".join(ln.text for ln in group))
        if out and is_bracketed_aside(text):
            # "(Presidente Margarita Matus)" a line apart under a signer: about that signer
            last = out[-1]
            if last.kind == "individual":
                out[-1] = last.model_copy(update={"title_lines": [*last.title_lines, text]})
            continue
        out.extend(_group_signatories(group, org_context))
    return out


def _regroup_single_lines(groups: list[list[Line]]) -> list[list[Line]]:
    """Paragraph-per-line layouts (DOCX/HTML): a person's lines follow their name."""
    texts = [g[0].text for g in groups]
    if not any(_person_start(t) for t in texts) or not any(names.is_title_line(t) for t in texts):
        return groups
    out: list[list[Line]] = []
    for group in groups:
        line = group[0]
        if _person_start(line.text) or not out:
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


def _is_title_like(text: str) -> bool:
    return (
        (
            names.is_title_line(text)
            and not names.is_organisation(text)
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
            names.has_org_word(text)
            or _ACRONYM_START.match(text) is not None
            or _is_title_like(text)
            or names.is_title_line(text)
            or not names.is_person_name(text)
        )

    people, affiliations = group[0::2], group[1::2]
    if not all(
        names.is_person_name(x) and not names.has_org_word(x) and not _ACRONYM_START.match(x)
        for x in people
    ):
        return False
    # half at least: "Charité Berlin" or "Sorbonne Université" reads like a name
    return 2 * sum(body_or_role(x) for x in affiliations) >= len(affiliations)


def _paired_rows(block: list[list[str]], least: int = 4) -> list[Signatory] | None:
    """A table of names over affiliations: a row of names, the row under it where each
    of them works, and so on ("Silvia Romano | Ilaria Barbieri" / "Fiocruz | McGill
    University"), read a pair of rows at a time, left to right."""
    if len(block) < least or len(block) % 2:
        return None
    lines: list[str] = []
    for top, under in zip(block[0::2], block[1::2], strict=True):
        for name, affiliation in itertools.zip_longest(top, under, fillvalue=""):
            if not name and not affiliation:
                continue
            if not name or not affiliation:
                return None
            lines += [name, affiliation]
    if not _alternating(lines):
        return None
    return [Signatory(name=lines[i], title_lines=[lines[i + 1]]) for i in range(0, len(lines), 2)]


def _pair_cut(block: list[list[str]]) -> bool:
    """A names-over-affiliations table cut after a row of names: its affiliations follow."""
    return (
        len(block) >= 3
        and len(block) % 2 == 1
        and all(names.is_person_name(cell) for cell in block[-1] if cell)
        and _paired_rows(block[:-1], least=2) is not None
    )


def _group_signatories(group_lines: list[Line], org_context: bool = False) -> list[Signatory]:
    kept = [ln for ln in group_lines if normalise_space(ln.text)]
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
    head = _SIGNED_MARK.sub("", normalise_space(kept[0].text)).rstrip(",;") if kept else ""
    titled = len(kept) <= 3 and (names.is_person_name(head) or _person_start(head))
    titled = titled and all(
        _is_title_like(normalise_space(ln.text))
        or names.is_title_line(normalise_space(ln.text))
        for ln in kept[1:]
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
    bold = [ln.bold for ln in kept]
    if not group:
        return []
    postal = [names.is_postal_line(x) and bool(re.search(r"\d", x)) for x in group]
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
    if one_list and not inline_person(group[0]):
        parts = split_name_list(group[0])
        if all(_person_start(p) for p in parts):
            return [Signatory(name=p) for p in parts]
        return [Signatory(name=p, kind="organization") for p in parts]
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
    if len(group) == 2 and "," in group[0] and names.is_organisation(group[1]):
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
        and not names.has_org_word(group[0])
        and names.is_title_line(group[1])
    ):
        # "Alisha" / "Youth Advisory Board Member": a signer by first name, and her role
        return [Signatory(name=group[0], title_lines=[group[1]])]
    # "Asociación Pro Derechos Humanos de Andalucía" reads like a name but names a body
    first_person = _person_start(group[0]) and not (
        names.has_org_word(group[0]) and names.split_honorific(group[0])[0] is None
    )
    if (
        len(group) >= 3
        and _SHARED_TITLE.search(group[-1])
        and all(names.is_person_name(x) for x in group[:-1])
    ):
        # "Ana Ruiz" / "Ben Okafor" / "Student Union Co-Presidents": one title for both
        return [Signatory(name=x, title_lines=[group[-1]]) for x in group[:-1]]
    if first_person and _alternating(group):
        # "Silvia Romano" / "Fiocruz" / "Suresh Iyer" / "University College London": a
        # name, then where the person works, on the next line, and so on
        return [
            Signatory(name=group[i], title_lines=[group[i + 1]]) for i in range(0, len(group), 2)
        ]
    if (
        first_person
        and all(
            _person_start(x) and not _is_title_like(x) and not names.has_org_word(x) for x in group
        )
        and not org_context
    ):
        return [Signatory(name=x) for x in group]
    if first_person and (
        any(_is_title_like(x) for x in group[1:])
        or (
            len(group) <= 4
            and names.is_organisation(group[-1])
            and not any(_person_start(x) for x in group[1:])
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
                        and not names.has_org_word(text)
                        and not _is_title_like(text)
                        and (
                            names.is_organisation(current[-1])
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
            and not names.has_org_word(text)
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


_HEADER_WORD = (
    r"(?:no\.?|nr\.?|n[º°o]\.?|#|number|s\.?\s?no\.?|names?|full name|"
    r"organi[sz]ations?|signator(?:y|ies)|signers?|groups?|countr(?:y|ies)|city|location|"
    r"region|title|position|role|affiliations?|institutions?|nom|pays|país|nombre|"
    r"organizaci[oó]n|ciudad|cargo|category|field|discipline|prize|year|class|cohort)"
)
_HEADER_CELL = re.compile(rf"(?i)^{_HEADER_WORD}(?:\s+{_HEADER_WORD})*$")
"""A table's header cell: "Name", "Organisation", "Category Prize Year"."""
_PLACE_HEADER = re.compile(
    r"(?i)^(?:countr|city|location|region|pays|país|ciudad|category|field|discipline|prize|"
    r"year|class|cohort)"
)
"""Header of a column that describes the signers (where, what field, which year): left out."""
_ROW_NUMBER = re.compile(r"^\(?\d{1,4}[.)]?\)?$")


def _clean_table(rows: list[list[str]]) -> list[list[str]]:
    """A signatory table without its header row, numbering, year and country columns.

    The cells that remain are names (and titles); list numbers written inside a cell
    ("12. Name") are removed too.
    """
    content = [r for r in rows if any(c.strip() for c in r)]
    if not content:
        return rows
    header: list[str] = []
    first = [c.strip() for c in content[0] if c.strip()]
    if len(first) >= 2 and all(_HEADER_CELL.match(c) for c in first):
        header = [c.strip() for c in content[0]]
        rows = [r for r in rows if r is not content[0]]
    width = max((len(r) for r in rows), default=0)
    drop: set[int] = set()
    for column in range(width):
        cells = [r[column].strip() for r in rows if len(r) > column and r[column].strip()]
        if not cells or width < 2:
            continue
        title = header[column] if column < len(header) else ""
        if (
            sum(
                1
                for c in cells
                if _ROW_NUMBER.match(c)
                or re.fullmatch(r"(?:\d{1,4}\s*)+", c)
                or re.fullmatch(r"(?:19|20)\d\d(?:\s*[/–-]\s*(?:19|20)?\d\d)?", c)
            )
            >= 0.9 * len(cells)
            or _PLACE_HEADER.match(title)
            or (not title and sum(names.is_country_list(c) for c in cells) >= 0.8 * len(cells))
            # a column describing each signer, not naming them
            or (column > 0 and sum(len(c.split()) for c in cells) >= 10 * len(cells))
        ):
            drop.add(column)
    out: list[list[str]] = []
    for row in rows:
        kept = [cell for index, cell in enumerate(row) if index not in drop]
        out.append([re.sub(r"^\(?\d{1,4}[.)]\s+", "", cell.strip()) for cell in kept])
    return out


def _order_cells(block: list[list[str]]) -> list[str]:
    """The cells of a multi-column list of names, in the order the list was written.

    A list filled down the columns (1–10 in the first, 11–20 in the second) reads
    column by column; one filled across the rows reads row by row. The order whose
    names (or list numbers) are more often in sequence wins, and the columns only when
    they are mostly in sequence (an alphabetical list); rows win otherwise, as a table
    reads.
    """
    width = max(len(r) for r in block)
    across = [cell for row in block for cell in row if cell]
    down = [row[c] for c in range(width) for row in block if c < len(row) and row[c]]

    def in_sequence(cells: list[str]) -> int:
        keys = [re.sub(r"^(?:the|la|le|el|les|los|die|der)\s+", "", c.casefold()) for c in cells]
        return sum(1 for a, b in itertools.pairwise(keys) if a <= b)

    ordered = in_sequence(down)
    if ordered > in_sequence(across) and ordered >= 0.75 * (len(down) - 1):
        return down
    return across


_NUMBERED_CELL = re.compile(r"^\(?(?P<n>\d{1,4})[.)]?\s+(?P<name>\S.*)$")


def _numbered_columns(rows: list[list[str]]) -> list[Signatory] | None:
    """A numbered list set in columns ("1 Acme  48 Bolt  95 Crane"): the names in the
    list's own order, a cell without a number continuing the name above it. A column of
    countries or descriptions beside the names is left out."""
    merged: list[list[str]] = []
    for raw_row in rows:
        row: list[str] = []
        for cell in raw_row:
            # "12" and "Acme Ltd" set apart by a wide gap are one numbered entry
            if row and re.fullmatch(r"\(?\d{1,4}[.)]?", row[-1].strip()) and cell.strip():
                row[-1] = f"{row[-1].strip()} {cell.strip()}"
            else:
                row.append(cell)
        merged.append(row)
    filled = [row for row in merged if any(c.strip() for c in row)]
    leading = [row for row in filled if _NUMBERED_CELL.match(row[0].strip())]
    if len(leading) < 6 or len(leading) < 0.6 * len(filled):
        return None
    # columns holding numbered entries; the others (countries, notes) are not names
    numbered_columns = {
        column
        for row in filled
        for column, cell in enumerate(row)
        if _NUMBERED_CELL.match(cell.strip())
    }
    entries: dict[int, list[str]] = {}
    last_in_column: dict[int, int] = {}
    for row in merged:
        for column, raw in enumerate(row):
            cell = raw.strip()
            if not cell or column not in numbered_columns:
                continue
            match = _NUMBERED_CELL.match(cell)
            if match and int(match.group("n")) not in entries:
                number = int(match.group("n"))
                entries[number] = [match.group("name")]
                last_in_column[column] = number
            elif re.fullmatch(r"\(?\d{1,4}[.)]?", cell):
                continue  # a number whose name is lost
            elif column in last_in_column:
                entries[last_in_column[column]].append(cell)
    out: list[Signatory] = []
    for number in sorted(entries):
        name = normalise_space(" ".join(entries[number]))
        person = inline_person(name)
        out.append(person or Signatory(name=name, kind="organization"))
    return out


def _signer_bands(block: list[list[str]], width: int) -> list[Signatory] | None:
    """A table of signers whose every cell is a whole entry of a few lines (name, title,
    organisation), its rows run together: the signers in reading order, band by band.

    The entry's height is the period at which names come back in every column ("Dr. Astrid
    Berg | Prof. Luca Marino", then two lines of titles, then the next two names).
    """
    if width < 2 or len(block) < 4:
        return None
    for height in (2, 3, 4, 5):
        if len(block) < 2 * height:
            break
        heads = [r for k, r in enumerate(block) if k % height == 0]
        rest = [c for k, r in enumerate(block) if k % height for c in r if c]
        named = [c for r in heads for c in r if c]
        if (
            len(named) >= 2 * len(heads) - 1
            and all(_person_start(c) for c in named)
            and sum(_person_start(c) for c in rest) <= 0.25 * len(rest)
        ):
            out: list[Signatory] = []
            for band in range(0, len(block), height):
                rows = block[band : band + height]
                for column in range(width):
                    cell = [r[column] for r in rows if column < len(r) and r[column]]
                    person = _signatory_lines(cell) if cell else None
                    if person is not None:
                        out.append(person)
            return out
    return None


def _column_signatories(rows: list[list[str]]) -> list[Signatory]:
    numbered = _numbered_columns(rows)
    if numbered is not None:
        return numbered
    out: list[Signatory] = []
    cells = [cell for row in rows for cell in row if cell]
    org_context = sum(names.has_org_word(c) for c in cells) >= 0.4 * max(1, len(cells))
    block: list[list[str]] = []
    # a name in the first cell of every row, the other cells describing them (field, year)
    cleaned = [row for row in _clean_table([list(r) for r in rows]) if any(row)]
    firsts = [r[0] for r in cleaned if r and r[0]]
    others = [c for r in cleaned for c in r[1:] if c]
    if (
        len(cleaned) >= 3
        and sum(_person_start(c) for c in firsts) >= 0.8 * len(cleaned)
        and sum(_person_start(c) for c in others) <= 0.2 * len(others)
    ):
        # one signer per row: the name, then cells that describe them ("Chemistry")
        people = [_signatory_lines([c for c in row if c]) for row in cleaned]
        return [person for person in people if person is not None]

    def flush() -> None:
        if not block:
            return
        # each table is cleaned apart: its own header, numbering and country columns
        block[:] = [row for row in _clean_table(list(block)) if any(row)]
        if not block:
            return
        paired = _paired_rows(block)
        if paired is not None:
            out.extend(paired)
            block.clear()
            return
        width = max(len(r) for r in block)
        banded = _signer_bands(block, width)
        if banded is not None:
            out.extend(banded)
            block.clear()
            return
        columns = [[r[c] for r in block if c < len(r) and r[c]] for c in range(width)]
        side_by_side = (
            len(columns) >= 2
            and len(block) <= 6
            and all(len(col) > 1 and _person_start(col[0]) for col in columns)
            # the lines under the names describe them (not more names, a list in rows)
            and any(
                _is_title_like(x) or names.has_org_word(x) or not _person_start(x)
                for col in columns
                for x in col[1:]
            )
        )  # two or three signers set in columns: name, then title, in each
        if side_by_side or (
            columns
            and len(columns[0]) > 1
            and _person_start(columns[0][0])
            and any(_is_title_like(x) for x in columns[0][1:])
        ):
            for col in columns:
                person = _signatory_lines(col)
                if person is not None:
                    out.append(person)
        else:
            for cell in _order_cells(block):
                out.extend(_group_signatories([Line(cell)], org_context))
        block.clear()

    for row in rows:
        if not any(cell for cell in row):
            if _pair_cut(block):
                continue  # a page break between a row of names and their affiliations
            flush()
            continue
        if block and _continues(block[-1], row):
            # a cell wrapped onto the next line ("… Network, Dublin" / "Office")
            previous = block[-1]
            width = max(len(previous), len(row))
            above = [*previous, *[""] * (width - len(previous))]
            below = [*row, *[""] * (width - len(row))]
            block[-1] = [f"{a} {b}".strip() for a, b in zip(above, below, strict=True)]
            continue
        block.append(row)
    flush()
    return out


def _with_address(line: str) -> bool:
    """A signer's line that ends in a postal address: digits and a country, or a postcode."""
    parts = [p.strip() for p in line.split(",")]
    return (
        bool(re.search(r"\d", line))
        and (names.is_country_list(parts[-1]) or bool(re.search(r"\b\d{4,6}\b", line)))
        and not _person_start(parts[-1])
    )


def _continues(previous: list[str], row: list[str]) -> bool:
    """A row with fewer cells than the one above, each a short or lower-case fragment."""
    filled = [i for i, cell in enumerate(row) if cell]
    above = [i for i, cell in enumerate(previous) if cell]
    if not filled or len(filled) >= len(above) or len(above) < 2:
        return False
    return all(
        i < len(previous)
        and previous[i]
        and (len(row[i].split()) <= 2 or row[i][:1].islower())
        and not _person_start(row[i])
        for i in filled
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
