"""The signature block: signatories, the affiliations note, a late cc list, enclosures.

Signers come as blocks of name and title lines, as lists of organisations one per line,
in columns (tabs or aligned spaces), as one comma-separated paragraph, or as
"name, title, organisation" lines; their order is kept.
"""

from __future__ import annotations

import dataclasses
import re

from draftkit.ingest import names
from draftkit.ingest.addressees import copy_blocks
from draftkit.ingest.head_lines import CC_LINE
from draftkit.ingest.organisations import has_org_word, is_organisation
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
    BRACKETED_BLANK,
    CONTACT_LABEL,
    ID_LINE,
    INITIATED_BY,
    POSTSCRIPT,
    SIGNER_COUNT,
    _bold_heading,
    _caps_heading,
    _heading_over_shaped_list,
    heads_a_list,
    is_bracketed_aside,
    is_editor_note,
    is_signatory_label,
)
from draftkit.ingest.signer_lists import wrapped_name_list
from draftkit.ingest.signer_tables import _column_signatories
from draftkit.ingest.signers import (
    _OFFICE_ABOVE,
    _SIGNED_MARK,
    _group_signatories,
    _is_title_like,
    _person_start,
    _regroup_single_lines,
    _styled_signatories,
)
from draftkit.ingest.text import Line, blocks, column_cells, normalise_space
from draftkit.schema import Addressee, Signatory
from draftkit.sentences import split_marker

__all__ = ["parse_signatures"]

_PARTICLES = {"de", "da", "van", "von", "der", "den", "du", "di", "del", "la", "le", "of", "for"}
_LABELLED_CONTACT = re.compile(
    r"(?i)^(?:tel|telephone|phone|fax|e-?mail|mobile|cell|mob|whatsapp)\.?\s*:\s*[+\d(\w]"
)
"""A contact detail after its label ("Mobile: 0917 …", "Email: …")."""
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
_ENTRY_SEPARATOR = re.compile(r"\S\s+[|–—]\s+\S")
"""A one-line entry that parts the name from the rest: "Ana Ruiz | Professor of Law"."""
_WRAPS = re.compile(r"(?:\s[–—-]|[,&]|\s(?:and|of|for|the|de|du|des|la|le|et|y|del|für))$")
"""A signer line that stops at a dash, comma, "and" or "of" goes on on the next line."""


def _entry_shaped(text: str) -> bool:
    """ "Ana Ruiz, Dallas, TX": a person's name, then what follows it after a comma."""
    head, comma, rest = text.partition(", ")
    return bool(comma and rest.strip()) and _person_start(head.strip())


def _unwrap_name_lists(lines: list[Line]) -> list[Line]:
    """Join each block that is one comma-separated paragraph of names wrapped by the page
    (``wrapped_name_list``) into one line: its line ends may cut a name in two."""
    out: list[Line] = []
    block: list[Line] = []
    for ln in [*lines, Line("")]:
        if not ln.blank:
            block.append(ln)
            continue
        label = block[:1] if block and block[0].text.rstrip().endswith(":") else []
        listed = block[len(label) :]  # "Member organisations:" over its names, no blank
        texts = [normalise_space(x.text) for x in listed]
        # a paragraph the page wrapped: not a document's own lines, a list or columns
        own = any(x.hard or x.list_kind or "\t" in (x.raw or "") for x in listed)
        if not own and wrapped_name_list(texts, [x.full for x in listed]):
            text = " ".join(texts)
            block = [*label, Line(text, hard=True, raw=text, style=listed[0].style)]
        out.extend(block)
        block = []
        out.append(ln)
    return out[:-1]


_MARK_TAB = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|[•◦▪·*–-])\t")
"""A list item's number or bullet parted from its text by a tab."""


def _rest_of_entry(text: str) -> bool:
    """A short line under a PDF line that ran to the right edge: the end of that entry
    ("… Universidad del Pacífico" / "Sur", "… des Deutschen" / "Bundestages"), not a name
    of its own (a body's name of two or three words may be one)."""
    text = normalise_space(text)
    words = len(text.split())
    return (
        0 < words <= 3
        and not names.is_person_name(text)
        and (words == 1 or not has_org_word(text))
        and not _person_start(text)
    )


def _run_together(lines: list[Line]) -> list[Line]:
    """Split entries that lost the break between them ("Olvid (France)OpenCloud (Germany)")
    and join entries wrapped onto the next line ("… Children –" / "Brussels Office")."""
    joined: list[Line] = []
    for ln in _unwrap_name_lists(lines):
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not previous.blank
            and not ln.blank
            and (
                _WRAPS.search(previous.text)
                or (
                    previous.full
                    and _rest_of_entry(ln.text)
                    # "Professor of Physics" under "Prof. Anahita Rezaei" is her title
                    and not (names.is_title_line(ln.text) and _person_start(previous.text))
                )
                # "118.<tab>Daniel Brown, …, Simon" / "    Fraser University": the rest of a
                # numbered item, set under its text by the item's hanging indent
                or (
                    previous.full
                    and re.match(r"\s*\d{1,4}[.)]\t", previous.raw or "") is not None
                    and (ln.raw or "")[:1] == " "
                    and len(ln.text.split()) <= 4
                    and not names.is_person_name(ln.text)
                )
            )
            and not split_marker(ln.text)
            and not ln.list_kind
            # a table row's cells are no wrapped entry ("11.<tab>Name, …": a list's number)
            and "\t" not in _MARK_TAB.sub("", previous.raw or "")
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


_DESCRIPTOR = re.compile(
    r"(?i)\b(?:concerned|citizen|resident|constituent|voter|taxpayer|parent|neighbou?r|"
    r"member of the public)s?\b"
)


def _without_descriptor(lines: list[Line], skipped: list[tuple[str, str]]) -> list[Line]:
    """The lines without a descriptor over the first signer's name ("Concerned Resident,"
    right over "Jordan Kohl", no blank line between), which the wrapped-list reading would
    otherwise join to the name."""
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    if len(content) < 2:
        return lines
    first, second = lines[content[0]], lines[content[1]]
    text = normalise_space(first.text)
    if (
        text.endswith(",")
        and len(text.split()) <= 6
        and _DESCRIPTOR.search(text)
        and names.is_person_name(normalise_space(second.text).rstrip(","))
    ):
        skipped.append((text, "a descriptor of the signer, over the name"))
        return [*lines[: content[0]], *lines[content[0] + 1 :]]
    return lines


def _next_entry_text(joined: list[Line], position: int) -> str:
    """The next non-blank line's text, without a list number or a short bracketed note."""
    after = next((x for x in joined[position + 1 :] if not x.blank), None)
    below = normalise_space(after.text) if after is not None else ""
    marker = split_marker(below)
    below = marker[2] if marker else below  # "1. Smt. Vandana Kulkarni"
    return re.sub(r"\s*\([^()]{1,40}\)$", "", below)  # "Jonas Brandt (Vorsitz)"


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
    joined = _run_together(_without_descriptor(lines, skipped))
    heading_at = _heading_over_shaped_list(joined)
    listed = False  # a listed entry came before (a label between two lists heads a group)
    for position, ln in enumerate(joined):
        listed = listed or (
            position > 0
            and (
                joined[position - 1].list_kind is not None
                # a list typed with its numbers ("21. Vinacefuganda")
                or (split_marker(joined[position - 1].text) or ("",))[0] == "number"
            )
        )
        if ln.blank:
            if mode == "cc":
                cc_block.append([])
            kept.append(ln)
            continue
        text = ln.text
        if text.endswith(('"', "”", "»")) and not re.search(r"[\"“«]", text[:-1]):
            # the last line of a letter a page quotes: the quotation mark closes the quote
            text = text[:-1].rstrip()
            ln = dataclasses.replace(ln, text=text, raw=text)
        style = (ln.style or "").lower()
        lowered = text.lower()
        if is_editor_note(text):
            skipped.append((text, "an editor's note in braces"))
            continue
        if INITIATED_BY.match(text):
            skipped.append((text, "who initiated the letter"))
            continue
        if style == "signatory note" or (
            (
                "only" in lowered
                or "purpose" in lowered
                or "identifi" in lowered  # "… dient nur der Identifikation", "… identificación"
                or "titre" in lowered
                or (lowered.split() or [""])[0] in _FOR_ALL
            )
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
        cc_match = CC_LINE.match(text)
        if cc_match or style == "copy list":
            rest = cc_match.group("rest").strip() if cc_match else text
            if mode == "cc" and cc_match and rest and cc_block[-1]:
                # "Copia: Concejo de Bogotá …" / "Copia: Personería de Bogotá": each label
                # opens an entry of its own
                cc_block.append([])
            mode = "cc"
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
            # an HTML (or Markdown) heading over a group
            or ((ln.heading or (ln.style or "") in ("h1", "h2")) and len(text.split()) <= 8)
            or _caps_heading(joined, position)  # "ARIZONA" over the state's signers
            or _bold_heading(joined, position)  # "**Victoria**" over its signers
            or (listed and heads_a_list(joined, position))  # a group between two lists
            # the coalition's name over its numbered list ("1. Bishop …"): the list's title
            or (not has_kept and heads_a_list(joined, position))
            or re.fullmatch(
                r"(?i)\[[^\]]{0,60}\b(?:signers|signatories|signatures)\b[^\]]{0,60}\]", text
            )
            # "Signatories must publish this letter … before completing the table below:":
            # a sentence over the list that says how to join it
            or (
                not has_kept
                and text.rstrip().endswith(":")
                and len(text.split()) >= 8
                and re.search(r"(?i)\b(?:below|ci-dessous|abajo|abaixo|following|suivant)", text)
                is not None
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
            below = _next_entry_text(joined, position) if on_behalf else ""
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
        if (
            not has_kept
            and text.rstrip().endswith(",")
            and len(text.split()) <= 6
            and _DESCRIPTOR.search(text)
            and names.is_person_name(_next_entry_text(joined, position).rstrip(","))
        ):
            # "Concerned San Diego Citizen," / "A concerned constituent," over the name: who
            # the signer is, not a signer of its own
            skipped.append((text, "a descriptor of the signer, over the name"))
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
        if text[:1] in "PN" and POSTSCRIPT.match(text):
            skipped.append((text, "postscript"))
            continue
        if CONTACT_LABEL.match(text) or _LABELLED_CONTACT.match(text):
            # "p: 34 Drummond Street", "m: 0400 …", "Mobile: 0917-846-1299"
            skipped.append((text, "contact details"))
            continue
        # (a table row keeps its cells: a column of links is left out with the table's
        # other descriptive columns)
        tabled = "\t" in (ln.raw or "").strip()
        contact = _CONTACT_IN.search(text) if _MAYBE_CONTACT.search(text) and not tabled else None
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
            # the item keeps the kind of its list (a number typed before it included)
            kind = ln.list_kind or (marker[0] if marker else None)
            ln = Line(rest, hard=True, raw=rest, bold=ln.bold, list_kind=kind)
        if section and not ln.style:
            ln = Line(ln.text, hard=ln.hard, raw=ln.raw, bold=ln.bold, style=section)
        kept.append(ln)
        has_kept = True
    cc.extend(copy_blocks(cc_block))
    elsewhere = [ln for ln in kept if _SIGNED_ELSEWHERE.match(ln.text.strip())]
    if elsewhere:
        # "(Signatures attached)": the lines here name the signing group, not its members
        group = [normalise_space(ln.text) for ln in kept if not ln.blank]
        skipped.extend((text, "signatures are elsewhere") for text in group)
        return [], note or " ".join(group), cc, enclosures
    signatories = _placeholder_signer(_signatories(kept))
    return signatories, note, cc, enclosures


_ON_BEHALF = re.compile(
    r"(?i)^(?:for\s*:?\s+(?:the\s+)?|pour\s+(?:le|la|les|l['’])\s*|au\s+nom\s+(?:de\s+la|de|du|des)\s+|"
    r"per\s+(?:il|la|lo|l['’]|i|gli|le)\s*|a\s+nome\s+(?:di|del|della|dei|delle)\s+|"
    r"por\s+(?:el|la|los|las)\s+|en\s+nombre\s+(?:de\s+la|de|del)\s+|"
    r"em\s+nome\s+(?:de|do|da|dos|das)\s+|pel[oa]s?\s+|im\s+namen\s+(?:des|der)\s+|"
    r"f(?:ü|ue)r\s+(?:den|die|das)\s+)(?P<org>\S.+?)[,:]?$"
)
"""Signing for a body, in the languages letters come in: "For the Coalition,", "For: Kamau
& Associates", "Pour le
Collectif", "Per il Comitato", "Por la Asamblea", "Au nom de", "Em nome da", "Für den"."""
_PLACEHOLDER = re.compile(
    rf"^{BRACKETED_BLANK}$"
    # "(your name/signature)": a blank in brackets that says so
    r"|^\(\s*(?:your|votre|su|seu|sua)\s[^()]{1,40}\)$"
    # a blank set in Markdown emphasis: "*Nombre y apellido*", "*DNI*"
    r"|^(?P<mark>\*{1,2}|_)[^*_\s][^*_]{0,58}(?P=mark)$"
)
"""A template's blank for the sender to fill: "[Full name]", "« Nom en lettres moulées »",
"<< Nom >>"."""
_NAME_BLANK = re.compile(r"(?i)\bnam(?:e|es)\b|\bnom\b|\bnombre\b|\bnome\b|yourname")


def _placeholder_signer(signatories: list[Signatory]) -> list[Signatory]:
    """A template letter's signature: one sender, however many blanks it has.

    "[Full name]" / "[Title]" / "[Company]" (or "« Signature »" / "« Nom »" / a role
    line) is one signer still to be filled in: the name's blank, the others its lines.
    """
    if not 2 <= len(signatories) <= 6 or not _PLACEHOLDER.match(signatories[0].name.strip()):
        return signatories  # a real signer first ("Fight for the Future", "[Your Business]")
    if any(
        not _PLACEHOLDER.match(s.name.strip()) and names.is_person_name(s.name) for s in signatories
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
            # "Centro Mexicano de Defensa Ambiental del Sureste" under "Paola Sepúlveda,
            # bióloga": a body's whole name, an entry of its own, where the line above
            # does not break off on a word that leads on
            and not (
                len(text.split()) >= 3
                and (has_org_word(text) or is_organisation(text))
                and text[:1].isupper()
                and not re.search(
                    r"(?i)(?:[,–—-]|(?:of|the|and|for|de|del|la|las|los|des|du|y|e|et|und|"
                    r"für|der|da|do|dos|das))$",
                    normalise_space(previous.text),
                )
            )
        ):
            joined = f"{previous.text} {text}"
            out[-1] = Line(joined, raw=joined, page=previous.page, bold=previous.bold)
            continue
        out.append(ln)
    return out


def _rejoin_page_split_blocks(groups: list[list[Line]]) -> list[list[Line]]:
    """Signature blocks of one size (name, title, organisation), one of them cut by a page
    break: the two pieces on either side of the break make one block again.

    "Marc-André Tremblay" / "Director of Conservation" at the foot of a page and "Boreal
    Rivers Society" alone at the top of the next, among blocks of three lines each, are
    one signer's block. Only when every other block has that size, so blocks of mixed
    sizes (a body alone, a person with two lines) are never joined.
    """
    sizes = [len(g) for g in groups]
    if len(groups) < 4:
        return groups
    size = max(set(sizes), key=sizes.count)
    if size < 2 or sizes.count(size) != len(groups) - 2:
        return groups
    for k in range(len(groups) - 1):
        upper, lower = groups[k], groups[k + 1]
        if (
            len(upper) + len(lower) == size
            and len(upper) < size
            and upper[-1].page
            and lower[0].page
            and lower[0].page != upper[-1].page
            and _person_start(upper[0].text.rstrip().rstrip(","))
        ):
            return [*groups[:k], [*upper, *lower], *groups[k + 2 :]]
    return groups


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
    if len(content) == 1 and re.fullmatch(r"[A-Z][\w’'-]+", only) and not has_org_word(only):
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
    ) or (
        # "Alisha" / (a gap) / "Plan International Youth Advisory Board Member": a signer
        # by first name, and her role set a line apart
        len(groups) == 2
        and len(groups[0]) == 1
        and re.fullmatch(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ’'-]{1,20}", groups[0][0].text.strip()) is not None
        and not has_org_word(groups[0][0].text)
        and len(groups[1]) == 1
        and names.is_title_line(normalise_space(groups[1][0].text))
    ):
        groups = [[*groups[0], *groups[1]]]  # one signer, their title set a line apart
    groups = _rejoin_page_split_blocks(groups)
    merged: list[list[Line]] = []
    for group in groups:
        if (
            merged
            and len(merged[-1]) == 1
            and group
            and ID_LINE.match(normalise_space(group[0].text))
        ):
            # "LAURA VALENTINA CASTRO HERRERA" / (a gap) / "C.C. 52.841.337 de Bogotá" /
            # "Representante legal, …": the signer's details, set a line apart
            merged[-1] = [*merged[-1], *group]
        else:
            merged.append(group)
    groups = merged
    texts = [ln.text for ln in lines if not ln.blank]
    org_context = sum(has_org_word(t) for t in texts) >= 0.4 * len(texts)
    out: list[Signatory] = []
    for group in groups:
        text = normalise_space(" ".join(ln.text for ln in group))
        if out and is_bracketed_aside(text):
            # "(Presidente Margarita Matus)" a line apart under a signer: about that signer
            last = out[-1]
            if last.kind == "individual":
                out[-1] = last.model_copy(update={"title_lines": [*last.title_lines, text]})
            continue
        read = _group_signatories(group, org_context)
        if (
            len(read) == 1
            and len(group) >= 3
            and len(read[0].title_lines) >= 2
            and all(ln.list_kind == "number" for ln in group)
        ):
            # "1. Papua Forest Guardians" / "2. Merauke Women's Council" / "3. Dr. Yohana
            # Kambu, anthropologist": numbered items read as one name over titles are
            # each a signer
            read = [s for ln in group for s in _group_signatories([ln], org_context)]
        out.extend(read)
    return _roles_over_names(out)


_ROLE_OVER_NAME = re.compile(
    r"(?i)^(?:il|la|lo|el|o|a|le|the)\s+(?:vice-?\s?)?(?:president[ea]?|presidenta|"
    r"segretari[oa](?:\s+generale)?|secretari[oa](?:\s+general)?|secret[áa]ri[oa]|"
    r"direttore|direttrice|director[a]?|diretor[a]?|coordinat(?:ore|rice|or[a]?)|"
    r"portavoce|portavoz|tesorier[ea]|chair(?:man|woman|person)?|president|secretary|"
    r"coordinator|spokes(?:person|man|woman))\b[^,;]{0,120}$"
)
"""A post with its article over the name that holds it ("La Presidente" / "Alessandra
Bucchi"), as Italian, Spanish and Portuguese letters sign."""


def _roles_over_names(signers: list[Signatory]) -> list[Signatory]:
    """ "La Presidente del Comitato …" read as a signer over "Alessandra Bucchi": the post
    is the title of the person under it, not a signer of its own."""
    out: list[Signatory] = []
    k = 0
    while k < len(signers):
        role, below = signers[k], signers[k + 1] if k + 1 < len(signers) else None
        if (
            below is not None
            and not role.title_lines
            and _ROLE_OVER_NAME.match(role.name)
            and names.is_person_name(below.name)
        ):
            out.append(below.model_copy(update={"title_lines": [role.name, *below.title_lines]}))
            k += 2
            continue
        out.append(role)
        k += 1
    return out
