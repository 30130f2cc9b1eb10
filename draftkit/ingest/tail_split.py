"""What the lines after the close hold besides signers: the letter's date, an inside
address written after the signatures, contact blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftkit.ingest import names
from draftkit.ingest.dates import DateLine, parse_date_line
from draftkit.ingest.head_lines import CC_LINE
from draftkit.ingest.organisations import has_org_word
from draftkit.ingest.postal import is_postal_line
from draftkit.ingest.signer_labels import _ENCLOSURE, CONTACT_LINE, PLACE_LABEL
from draftkit.ingest.text import Line
from draftkit.sentences import split_marker

__all__ = ["Tail", "split_tail"]


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


def _postal(text: str) -> bool:
    return (is_postal_line(text) and bool(re.search(r"\d", text))) or bool(
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
    label_above = False  # a bare "Sent to:" over the next block
    contact_signers = False  # the first signer's block: a name over its contact lines
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
                for j in [g for g in group if g < i or g == i + 1]:
                    if PLACE_LABEL.match(out[j].text.strip()):
                        # "Place: Pune" over "Date: 08/01/2025" (or under it): where it
                        # was signed
                        skipped.append((out[j].text, "the place the letter was signed"))
                        out[j] = Line("", raw="")
                        group = [g for g in group if g != j]
        if not group:
            continue
        texts = [out[i].text.strip() for i in group]
        postal = sum(_postal(t) for t in texts)
        contact = sum(CONTACT_LINE.search(t) is not None for t in texts)
        first = texts[0]
        honorific = names.split_honorific(first)[0] is not None
        tabular = any("\t" in (out[i].raw or out[i].text) for i in group) or bool(
            split_marker(first) or (re.match(r"^\d{1,4}\s", first) and not _postal(first))
        )  # "12 Ana Ruiz": a numbered row; "100 Harbor Way": a street
        sent_to = _SENT_TO.match(first)
        labelled = sent_to is not None or label_above
        label_above = False
        if sent_to and sent_to.group("rest"):
            texts = [sent_to.group("rest"), *texts[1:]]  # "Sent to: The Rt Hon …" on one line
        elif sent_to:
            texts = texts[1:]
            if not texts and want_address and tail.address is None and signers_seen:
                # "Envoyé à:" alone, a blank line, then the block it labels
                label_above = True
                skipped.append((out[group[0]].text, "label of the inside address below"))
                out[group[0]] = Line("", raw="")
                continue
        if (
            want_address
            and tail.address is None
            and texts
            and not tabular
            and signers_seen
            and (
                # "Envoyé à :" / "Sent to:" over the block: the label says what it is
                (labelled and 1 <= len(texts) <= 9)
                or (
                    postal
                    and 3 <= len(texts) <= 9
                    and (honorific or names.is_title_line(first) or has_org_word(texts[1]))
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
        # "Software Heritage" / "Contact: Roberto …", then "CNLL" / "Contact: Stefane …":
        # each body signs over its contact, as the first block did
        # a name (or body) over its contact lines, in a block of a few lines
        name_over_contact = contact > 0 and not CONTACT_LINE.search(first) and len(texts) <= 5
        like_first = contact_signers and name_over_contact
        if (
            signers_seen
            and (contact or (postal and not entry))
            and not honorific
            and not tabular
            and not like_first
        ):
            # ("Ana Ruiz / Nobel Peace Prize 1980, Argentina" is a signer, not an address)
            for i in group:
                skipped.append((out[i].text, "contact block after the signatures"))
                out[i] = Line("", raw="")
            continue
        if not signers_seen:
            contact_signers = name_over_contact
        signers_seen = True
    return tail


_SENT_TO = re.compile(
    r"(?i)^(?:(?:sent|addressed|delivered|mailed)\s+to|envoy[ée]e?\s+[àa]|adress[ée]e?\s+[àa]|"
    r"destinataires?|enviad[oa]\s+a|dirigid[oa]\s+a|to(?=\s*:\s*$))\s*:\s*(?P<rest>.*)$"
)
"""A label over an inside address written after the letter: "Sent to:", "Envoyé à :"."""
