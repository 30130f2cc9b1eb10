"""The structure of a letter: from lines to a :class:`~draftkit.schema.Letter`.

The parser finds the salutation and the complimentary close first; they split a
letter into its preamble (heading, date, inside address, cc, subject), its body
(paragraphs, asks, closing) and its signature block. Each part is then read with
rules about letters in general: honorifics and names, office and address lines, list
markers and lead-in sentences, signatures in blocks, columns or comma lists.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from draftkit.ingest import names
from draftkit.ingest.dates import DateLine, parse_date_line
from draftkit.ingest.noise import (
    foreign_script_share,
    is_footer_start,
    mark_navigation,
    noise_reason,
)
from draftkit.ingest.sentences import first_sentence, split_marker
from draftkit.ingest.text import Line, normalise_space
from draftkit.markup import escape
from draftkit.schema import Addressee, Ask, Letter, Signatory

__all__ = ["Parsed", "parse_lines"]

_SALUTATION = re.compile(
    r"^(?P<sal>"
    r"(?:(?:My\s+)?Dear(?:est)?|Hello|Greetings|Estimad[oa]s?|Sehr geehrte[rn]?|Cher|Chère|"
    r"Chers|Chères)\s+[^,:;!\n]{1,120}?[,:;!]"
    r"|(?:Your\s+|Their\s+)?Excellenc(?:y|ies)[,:!]"
    r"|(?:Dear\s+)?(?:Sir|Madam|Sir or Madam|Madam or Sir|Sirs|Sir/Madam|Colleagues|Friends|"
    r"Members|Mesdames|Messieurs|Mesdames et Messieurs|Monsieur|Madame)(?:\s+[^,:;\n]{1,60})?[,:]"
    r"|To whom it may concern[,:]?"
    r"|(?:Mr\.?|Madam|Madame|Monsieur le|Madame la)\s+(?:President|Secretary|Secretary-General|"
    r"Chair|Chairman|Chairwoman|Speaker|Prime Minister|Minister|Ambassador|Commissioner|"
    r"High Commissioner|Rapporteur|Special Rapporteur|Director|Director-General|Mayor|"
    r"Governor|Président|Présidente|Ministre|Vice President|Vice-President)[,:]"
    r"|Ladies and Gentlemen[,:]|Distinguished\s+[^,:\n]{1,80}[,:]|Honou?rable\s+[^,:\n]{1,80}[,:]"
    r")(?P<rest>.*)$",
    re.IGNORECASE,
)
_SALUTATION_BARE = re.compile(r"^(?:My\s+)?Dear\s+[^.!?,:;]{1,80}$")

_CLOSE = re.compile(
    r"^(?:"
    r"(?:(?:very\s+)?(?:truly|sincerely|faithfully|respectfully|cordially|gratefully)\s+yours)"
    r"|(?:yours\s+(?:very\s+)?(?:sincerely|faithfully|truly|respectfully|cordially|ever))"
    r"|(?:(?:most\s+|very\s+)?(?:sincerely|faithfully|respectfully|cordially|gratefully|"
    r"truly))"
    r"|respectfully\s+submitted|yours|"
    r"(?:with\s+)?(?:(?:kind|best|warm|warmest|kindest|sincere|warm\s+and\s+kind)\s+)?regards"
    r"|(?:with\s+)?(?:best|warm|kind)(?:est)?\s+wishes"
    r"|with\s+(?:(?:the|our|my)\s+)?(?:renewed\s+)?(?:assurances?|expressions?|sentiments?)\s+of\s+"
    r"[^,]{3,120}"
    r"|(?:please\s+)?accept\b.{0,200}?(?:consideration|respect|esteem|regards)"
    r"|in\s+solidarity|with\s+(?:gratitude|thanks|appreciation|respect|hope|best\s+regards)"
    r"|(?:many\s+)?thanks(?:\s+again)?|thank\s+you(?:\s+again)?"
    r"|(?:bien\s+)?cordialement|veuillez\s+agréer[^.]{0,200}|atentamente|"
    r"(?:un\s+)?cordial\s+saludo|saludos(?:\s+cordiales)?|mit\s+freundlichen\s+grüßen|"
    r"hochachtungsvoll"
    r")[,.]?$",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"^(?:\*\*)?(?P<label>Re|RE|Subject|SUBJECT|Subj|Ref|REF|Reference|Our ref|Regarding|"
    r"Concerning|Objet|OBJET|Asunto|ASUNTO|Betreff|Oggetto|Assunto)\s*[:.]\s*(?:\*\*)?"
    r"(?P<text>\S.*?)(?:\*\*)?$"
)
_CC = re.compile(
    r"^(?:cc|c\.c\.|bcc|copy to|copies to|copied to|with (?:a )?copy to|copy|"
    r"copie à|copie|con copia a|kopie an|copia)\s*(?::|\.(?=\s)|(?=\s+[A-Z])|$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_SIGN_INTRO = re.compile(
    r"^(?:signed|signed by|signed on behalf of|signatories|signatures|signed,|"
    r"co-?signed by|endorsed by|endorsing organi[sz]ations|supported by|"
    r"the undersigned(?: organi[sz]ations| individuals)?|undersigned|on behalf of|"
    r"list of signatories|signataires|firmantes|organi[sz]ations|individuals|"
    r"organi[sz]ational signatories|individual signatories|sign-on organi[sz]ations)"
    r"(?:\s*\(.*\))?\s*[:,]?$",
    re.IGNORECASE,
)
_SECTION = re.compile(
    r"^(?:[A-Z][\w-]*(?:,?\s+(?:and|&)?\s*[A-Z][\w-]*){0,4}\s+)?"
    r"(?:Organi[sz]ations|Groups|Individuals|Signatories|Signers|Endorsers|Members|"
    r"Coalitions|Networks|Experts|Academics|Faith Leaders)(?:\s*\(\d+\))?\s*:?$"
)
_SIGN_NOTE = re.compile(
    r"(?:affiliations?|titles?|institutions?|organi[sz]ations?)\b.{0,80}\b"
    r"(?:identification|informational|information|reference)\s+(?:purposes\s+)?only"
    r"|for identification purposes",
    re.IGNORECASE,
)
_ENCLOSURE = re.compile(
    r"^(?:enclosures?|encl\.?|attachments?|annex(?:es)?|pièces? jointes?)\s*[:.]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_ASK_INTRO = re.compile(
    r"\b(?:urge|urges|urging|ask|asks|request|requests|call (?:on|upon)|calls? for|"
    r"recommend|recommends|recommendations?|encourage|implore|appeal|invite|press|"
    r"grateful if|would be grateful|we respectfully|following (?:steps|actions|measures|"
    r"commitments|recommendations|requests|priorities)|should|must|seek|demand|"
    r"exhort|petition|we hope (?:you|that)|priorit)\b"
    r"|\bto:\s*$",
    re.IGNORECASE,
)
_NOT_ASK_START = {
    "we",
    "i",
    "our",
    "my",
    "thank",
    "thanks",
    "the",
    "this",
    "these",
    "those",
    "that",
    "it",
    "its",
    "in",
    "as",
    "please",
    "if",
    "sincerely",
    "again",
    "once",
    "should",
    "there",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "you",
    "your",
    "on",
    "at",
    "for",
    "with",
    "while",
    "although",
    "though",
    "since",
    "because",
    "when",
    "yours",
    "respectfully",
    "accept",
    "and",
    "but",
    "so",
    "moreover",
    "furthermore",
    "however",
    "finally",
    "lastly",
    "a",
    "an",
    "all",
    "many",
    "some",
    "such",
    "given",
    "despite",
}
_CLAIMED = re.compile(
    r"\b(?P<n>\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+"
    r"(?:undersigned\s+)?(?:[\w’'-]+,?\s+){0,6}?(?:organi[sz]ations|groups|NGOs|"
    r"individuals|signatories|coalitions|experts|scholars|members|leaders)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = dict(
    zip(
        re.findall(
            r"\w+",
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
        ),
        range(21),
        strict=True,
    )
)


@dataclass(slots=True)
class Parsed:
    """What the structure parser made of a document."""

    letter: Letter | None
    salutation_index: int | None
    close_index: int | None
    found: dict[str, int | str] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text_lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Unit:
    """A paragraph or list item in the body of a letter."""

    text: str
    marked: str | None = None
    kind: str = "para"  # para | item
    marker_kind: str | None = None  # bullet | number | letter
    indent: int = 0
    lead: str | None = None
    style: str | None = None
    soft_lines: list[str] = field(default_factory=list)

    def markup(self) -> str:
        return self.marked if self.marked is not None else escape(self.text)


# --------------------------------------------------------------------------- helpers


def match_salutation(line: Line) -> tuple[str, str] | None:
    """The salutation on ``line`` and any text running on after it."""
    text = line.text
    if not text or text[0] in "“\"‘'«„(" or len(text) > 2000:
        return None
    if line.style and line.style.lower() == "salutation":
        return text.strip(), ""
    if re.match(r"(?i)^dear\s+(?:readers?|subscribers?|supporters?|visitors?)\b", text):
        return None
    match = _SALUTATION.match(text)
    if match:
        sal = match.group("sal").strip()
        rest = match.group("rest").strip()
        if (
            rest
            and re.search(r"[,:]$", text.strip())
            and len(text) < 200
            and not re.search(r"[.!?]", rest)
        ):
            return text.strip(), ""  # "Dear Secretary Blinken, Under Secretary Nuland:"
        if sal.endswith(";") and rest:
            return None
        if rest and sal.lower().startswith(("hello", "greetings")) and len(rest) > 0:
            return None
        return sal, rest
    if _SALUTATION_BARE.match(text.strip()) and len(text) <= 80:
        return text.strip(), ""
    return None


def is_close(line: Line) -> bool:
    """True when ``line`` is a complimentary close ("Sincerely,", "Yours faithfully,")."""
    if line.style and line.style.lower() == "complimentary close":
        return True
    text = line.text.strip().strip("*_").strip()
    if not text or len(text) > 240:
        return False
    if not _CLOSE.match(text):
        return False
    # "Thank you." and "Regards." as sentences are body text unless followed by a comma
    return not (re.match(r"(?i)^(?:many\s+)?thank", text) and not text.endswith(","))


def _is_person_line(text: str) -> bool:
    """A line that opens an addressee or cc entry: honorific + name, or office + name."""
    honorific, rest = names.split_honorific(text)
    head = _name_part(rest)
    if honorific and head and names.is_person_name(head, allow_single=True):
        return True
    return names.split_title_name(text) is not None


def _name_part(text: str) -> str:
    """The part of "Jane Doe, Director, Office X" before the first comma (suffixes kept)."""
    match = re.match(r"^(.*?)(?:,\s+(?!(?:Jr|Sr|Esq|II|III|IV|Ph\.?D|M\.?D)\b)|$)", text)
    return match.group(1).strip() if match else text.strip()


def _split_title_address(lines: list[str], *, cc: bool = False) -> tuple[list[str], list[str]]:
    titles: list[str] = []
    address: list[str] = []
    for index, line in enumerate(lines):
        if address:
            address.append(line)
            continue
        start = names.is_address_start(line)
        has_digits = any(ch.isdigit() for ch in line)
        if index == 0 and start and names.is_title_line(line) and not has_digits:
            start = False
        if cc and start and not (has_digits or (names.is_postal_line(line) and has_digits)):
            start = False
        if start:
            address.append(line)
        else:
            titles.append(line)
    return titles, address


def _addressee_from(lines: list[str], *, cc: bool = False) -> Addressee | None:
    """Read one inside-address or cc entry."""
    lines = [normalise_space(line) for line in lines if normalise_space(line)]
    if not lines:
        return None
    first = lines[0]
    honorific, rest = names.split_honorific(first)
    name: str | None = None
    extra: list[str] = []
    if honorific:
        head = _name_part(rest)
        if head and names.is_person_name(head, allow_single=True):
            name = head
            tail = rest[len(head) :].lstrip(", ").strip()
            if tail:
                extra.append(tail)
        elif rest:
            extra.append(rest)
    else:
        split = names.split_title_name(first)
        if split:
            extra.append(split[0])
            name = split[1]
        else:
            head = _name_part(first)
            if names.is_person_name(head):
                name = head
                tail = first[len(head) :].lstrip(", ").strip()
                if tail:
                    extra.append(tail)
            else:
                extra.append(first)
    titles, address = _split_title_address(extra + lines[1:], cc=cc)
    if not name and not titles and address:
        titles, address = address[:1], address[1:]
    if not (name or titles):
        return None
    return Addressee(honorific=honorific, name=name, title_lines=titles, address_lines=address)


def _split_entries(block: list[str]) -> list[list[str]]:
    """Split a block at lines that open a new person (a cc list without blank lines)."""
    entries: list[list[str]] = []
    for line in block:
        if entries and _is_person_line(line) and names.split_honorific(line)[0]:
            entries.append([line])
        elif entries:
            entries[-1].append(line)
        else:
            entries.append([line])
    return entries


def _blocks(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                out.append(current)
                current = []
        else:
            current.append(line)
    if current:
        out.append(current)
    return out


# --------------------------------------------------------------------------- preamble


@dataclass(slots=True)
class _Preamble:
    heading: str | None = None
    published: dt.date | None = None
    date: DateLine | None = None
    addressees: list[Addressee] = field(default_factory=list)
    cc: list[Addressee] = field(default_factory=list)
    subject: str | None = None
    letterhead: list[str] = field(default_factory=list)
    date_after_address: bool = False
    cc_in_preamble: bool = False
    sender: str | None = None


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
        )
        and not _is_person_line(text)
        and not _TO.match(text)
    )


def _letterhead_like(block: list[Line]) -> bool:
    first = block[0].text
    if block[0].style and block[0].style.lower().startswith("letterhead"):
        return True
    letters = [ch for ch in first if ch.isalpha()]
    caps = bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.9
    contact = any(
        re.search(r"(?i)(tel\.?|phone|fax|e-?mail|www\.|https?://|@|\(\d{3}\)|\+\d|·|\|)", ln.text)
        for ln in block
    )
    return (caps and len(letters) > 6) or contact


_DRAFTKIT_PREAMBLE = {
    "page heading",
    "publication date",
    "letter date",
    "inside address",
    "copy list",
    "subject line",
    "letterhead name",
    "letterhead address",
}


def _styled_preamble(lines: list[Line], parsed: Parsed) -> _Preamble:
    """A preamble written by draftkit's renderer: its paragraph styles say what is what."""
    pre = _Preamble()
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
            person = _addressee_from(texts)
            if person:
                pre.addressees.append(person)
        elif style == "copy list":
            pre.cc_in_preamble = True
            match = _CC.match(texts[0])
            if match:
                texts = [match.group("rest"), *texts[1:]]
            person = _addressee_from(texts, cc=True)
            if person:
                pre.cc.append(person)
        elif style == "subject line":
            subject = _SUBJECT.match(texts[0])
            pre.subject = normalise_space(
                " ".join([subject.group("text") if subject else texts[0], *texts[1:]])
            )
        elif style.startswith("letterhead"):
            pre.letterhead.extend(texts)
        else:
            parsed.skipped.extend((t, "unplaced text before the salutation") for t in texts)
    return pre


def _parse_preamble(lines: list[Line], parsed: Parsed) -> _Preamble:
    if any((ln.style or "").lower() in _DRAFTKIT_PREAMBLE for ln in lines):
        return _styled_preamble(lines, parsed)
    pre = _Preamble()
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
        if found:
            dates[i] = found
    if not content:
        return pre
    # Heading: styled, or a one-line block next to a publication date.
    blocks = _blocks(lines)
    index_of = {id(ln): i for i, ln in enumerate(lines)}
    block_starts = [index_of[id(b[0])] for b in blocks]
    heading_index: int | None = None
    for b, block in enumerate(blocks):
        ln = block[0]
        if ln.style and ln.style.lower() in ("page heading", "h1", "title"):
            heading_index = block_starts[b]
            break
    if heading_index is None:
        for b, block in enumerate(blocks):
            start = block_starts[b]
            if len(block) != 1 or start in dates or not _looks_like_heading(block[0].text):
                continue
            if _SUBJECT.match(block[0].text) or _CC.match(block[0].text):
                continue
            neighbours = [block_starts[x] for x in (b - 1, b + 1) if 0 <= x < len(blocks)]
            if any(
                n in dates and len(blocks[blocks_index(block_starts, n)]) == 1 for n in neighbours
            ):
                heading_index = start
    published_index: int | None = None
    for i, found in dates.items():
        if found.published:
            published_index = i
            break
    if heading_index is not None:
        pre.heading = normalise_space(lines[heading_index].text)
        if published_index is None:
            b = blocks_index(block_starts, heading_index)
            for x in (b - 1, b + 1):
                if (
                    0 <= x < len(blocks)
                    and block_starts[x] in dates
                    and len(blocks[x]) == 1
                    and dates[block_starts[x]].place is None
                ):
                    published_index = block_starts[x]
                    break
    if published_index is not None:
        pre.published = dates[published_index].date
    start_at = max([x for x in (heading_index, published_index) if x is not None], default=-1)
    remaining = {i: d for i, d in dates.items() if i != published_index and i > start_at}
    if remaining:
        first_date = min(remaining)
        pre.date = remaining[first_date]
    else:
        first_date = None
    # Walk the rest: letterhead, addressees, cc, subject.
    mode = "address"
    address_block: list[str] = []
    entries_before_date = 0
    pending: list[list[str]] = []  # blocks of address text
    cc_lines: list[list[str]] = []
    subject_parts: list[str] = []
    seen_person = False
    for b, block in enumerate(blocks):
        start = block_starts[b]
        if start <= start_at:
            parsed.skipped.extend(
                (ln.text, "page text before the letter")
                for ln in block
                if index_of[id(ln)] not in (heading_index, published_index)
            )
            continue
        texts: list[str] = []
        for ln in block:
            i = index_of[id(ln)]
            if i in dates:
                if i == first_date and seen_person:
                    pre.date_after_address = True
                if texts:
                    _flush(texts, mode, pending, cc_lines)
                    texts = []
                mode = "address" if mode != "cc" else "after"
                continue
            subject = _SUBJECT.match(ln.text)
            if subject or (ln.style and ln.style.lower() == "subject line"):
                if texts:
                    _flush(texts, mode, pending, cc_lines)
                    texts = []
                subject_parts = [subject.group("text") if subject else ln.text]
                mode = "subject"
                continue
            cc = (
                _CC.match(ln.text)
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
                if rest:
                    texts.append(rest)
                continue
            sender = re.match(r"^(?:From|Sender|Von|De)\s*:\s*(?P<rest>.+)$", ln.text)
            if sender:
                pre.sender = normalise_space(sender.group("rest"))
                parsed.skipped.append((ln.text, "sender line (kept as the sender)"))
                continue
            if mode == "subject":
                subject_parts.append(ln.text)
                continue
            if mode == "after":
                parsed.skipped.append((ln.text, "unplaced text before the salutation"))
                continue
            if (
                mode == "address"
                and not seen_person
                and not pending
                and start < (first_date if first_date is not None else 10**9)
                and _letterhead_like(block)
                and not _is_person_line(ln.text)
            ):
                pre.letterhead.extend(x.text for x in block)
                break
            texts.append(ln.text)
            if _is_person_line(ln.text) or names.is_person_name(ln.text):
                seen_person = True
        else:
            if texts:
                _flush(texts, mode, pending, cc_lines)
            if mode == "subject":
                mode = "address"
            continue
        for ln in block:
            parsed.skipped.append((ln.text, "letterhead"))
    if subject_parts:
        pre.subject = normalise_space(" ".join(subject_parts))
    pre.addressees = _addressees(pending, parsed)
    for block_lines in cc_lines:
        for entry in _split_entries(block_lines):
            person = _addressee_from(entry, cc=True)
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


_TO = re.compile(r"^To\s*:?\s+(?:the\s+)?(?P<rest>[A-Z].*)$")


def _address_only(entry: list[str]) -> bool:
    """True for a block of address lines with no person at its head."""
    first = normalise_space(entry[0])
    if names.split_honorific(first)[0] or names.split_title_name(first):
        return False
    if names.is_postal_line(first) or names.is_address_start(first):
        return True
    if len(entry) > 1 and names.is_title_line(entry[1]) and not names.is_address_start(entry[1]):
        return False
    return any(names.is_postal_line(x) or names.is_address_start(x) for x in entry[1:])


def _addressees(blocks: list[list[str]], parsed: Parsed) -> list[Addressee]:
    people: list[Addressee] = []
    unaddressed: list[int] = []
    targets: list[int] = []
    for block in blocks:
        entries = _split_entries(block)
        for entry in entries:
            first = normalise_space(entry[0])
            group = _TO.match(first)
            if group and not _is_person_line(group.group("rest")):
                titles, address = _split_title_address(
                    [normalise_space(x) for x in entry[1:] if normalise_space(x)]
                )
                people.append(
                    Addressee(name=group.group("rest"), title_lines=titles, address_lines=address)
                )
                unaddressed = [] if address else [len(people) - 1]
                targets = []
                continue
            if group:
                entry = [group.group("rest"), *entry[1:]]
                first = entry[0]
            person_start = _is_person_line(first) or (
                names.is_person_name(_name_part(first)) and not _address_only(entry)
            )
            if not person_start and people:
                # an address block on its own: for the addressees above without one
                lines = [normalise_space(x) for x in entry if normalise_space(x)]
                targets = unaddressed or targets or [len(people) - 1]
                for index in targets:
                    old = people[index]
                    people[index] = old.model_copy(
                        update={"address_lines": [*old.address_lines, *lines]}
                    )
                unaddressed = []
                continue
            person = _addressee_from(entry)
            if person is None:
                parsed.skipped.extend((x, "unplaced text before the salutation") for x in entry)
                continue
            people.append(person)
            targets = []
            if person.address_lines:
                unaddressed = []
            else:
                unaddressed.append(len(people) - 1)
    return people


# --------------------------------------------------------------------------- body


def _units(lines: list[Line]) -> list[_Unit]:
    """Group body lines into paragraphs and list items, joining hard-wrapped lines."""
    units: list[_Unit] = []
    widths = [len(ln.raw or ln.text) for ln in lines if not ln.blank and not ln.hard]
    width = max(widths) if widths else 0
    wrapped = 0 < width <= 100
    current: _Unit | None = None
    previous: Line | None = None
    for ln in lines:
        if ln.blank:
            current = None
            previous = None
            continue
        marker = None if ln.list_kind else split_marker(ln.text)
        if (
            marker
            and marker[0] == "letter"
            and previous is not None
            and not previous.hard
            and not re.search(r"[.!?:;”\"’)]$", previous.text)
        ):
            marker = None  # "... see\na. b." — a wrapped line, not a lettered item
        if ln.list_kind or marker:
            text = ln.text if ln.list_kind else marker[2] if marker else ln.text
            kind = ln.list_kind or (marker[0] if marker else "bullet")
            indent = ln.list_level * 4 if ln.list_kind else ln.indent
            marked = ln.marked
            if marker and marked is not None:
                stripped = split_marker(marked)
                marked = stripped[2] if stripped else marked
            current = _Unit(text, marked, "item", kind, indent, ln.lead, ln.style, [ln.text])
            units.append(current)
            previous = ln
            continue
        join = (
            current is not None
            and previous is not None
            and not ln.hard
            and not previous.hard
            and _joins(previous, ln, wrapped, width, current)
        )
        if join and current is not None:
            current.text = f"{current.text} {ln.text}"
            current.soft_lines.append(ln.text)
            previous = ln
            continue
        current = _Unit(ln.text, ln.marked, "para", None, ln.indent, ln.lead, ln.style, [ln.text])
        units.append(current)
        previous = ln
    return units


def _joins(previous: Line, line: Line, wrapped: bool, width: int, current: _Unit) -> bool:
    prev = previous.text
    if current.kind == "item" and line.indent < current.indent and split_marker(line.text):
        return False
    ends = bool(re.search(r"[.!?:;”\"’)]$", prev))
    if not ends:
        return True
    if not wrapped:
        return False
    return len(previous.raw or prev) >= 0.75 * width


def _ask_from(unit: _Unit) -> Ask:
    text = unit.markup()
    if (unit.style or "").lower() == "ask" and not unit.lead:
        return Ask(body=text)
    if unit.lead:
        lead = escape(normalise_space(unit.lead))
        body = text
        match = re.match(r"^\*\*(.+?)\*\*\s*", body)
        if match:
            lead = match.group(1).strip()
            body = body[match.end() :]
        elif body.startswith(lead):
            body = body[len(lead) :]
        return Ask(lead=lead.strip(), body=body.strip() or None)
    lead, rest = first_sentence(text)
    return Ask(lead=lead, body=rest)


def _ask_like(unit: _Unit) -> bool:
    if unit.lead:
        return True
    word = re.split(r"[\s,;:]+", unit.text.strip(), maxsplit=1)[0].lower().strip("“\"'(")
    return bool(word) and word not in _NOT_ASK_START and unit.text[:1].isupper()


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    rest: str | None = text
    while rest:
        first, rest = first_sentence(rest)
        out.append(first)
    return out


def _body_asks_closing(
    units: list[_Unit],
) -> tuple[list[str], str | None, list[Ask], list[str], str]:
    """Split body units into body paragraphs, asks intro, asks and closing.

    Returns:
        ``(body, asks_intro, asks, closing, ask_style)``.
    """
    top = min((u.indent for u in units if u.kind == "item"), default=0)
    start: int | None = None
    intro_index: int | None = None
    style = "none"
    for index, unit in enumerate(units):
        styled = (unit.style or "").lower()
        if styled == "asks intro":
            intro_index, start, style = index, index + 1, "styled"
            break
        if styled == "ask":
            start, style = index, "styled"
            break
    bold_index: int | None = None
    for index, unit in enumerate(units):
        if (
            unit.kind == "para"
            and unit.lead
            and any(other.kind == "para" and other.lead for other in units[index + 1 : index + 8])
        ):
            bold_index = index
            break
    if start is None:
        for index, unit in enumerate(units[:-1]):
            heading = (
                unit.kind == "para"
                and len(unit.text.split()) <= 6
                and not re.search(r"[.!?;,]$", unit.text)
                and re.search(r"(?i)recommend|request|\basks?\b|demand|call", unit.text)
                and units[index + 1].kind == "item"
            )
            if heading:
                intro_index, start = index, index + 1
                style = units[index + 1].marker_kind or "list"
                break
            if unit.kind != "para" or not unit.text.rstrip().endswith(":"):
                continue
            last = _sentences(unit.text)[-1]
            if not _ASK_INTRO.search(last) or _concerns_intro(last):
                continue
            nxt = units[index + 1]
            if (nxt.kind == "item" and nxt.indent <= top + 1) or (
                nxt.kind == "para" and _ask_like(nxt)
            ):
                if bold_index is not None and bold_index < index:
                    break
                intro_index, start = index, index + 1
                style = (nxt.marker_kind or "list") if nxt.kind == "item" else "lead-in paragraphs"
                break
    if start is None and bold_index is not None:
        start, style = bold_index, "bold lead-ins"
        before = units[bold_index - 1] if bold_index else None
        if before is not None and before.kind == "para" and before.text.rstrip().endswith(":"):
            intro_index = bold_index - 1
    if start is None:
        for index, unit in enumerate(units):
            if unit.kind != "item" or unit.indent > top + 1:
                continue
            run = _list_run(units, index)
            if (
                unit.marker_kind in ("number", "letter")
                and len(run) >= 2
                and sum(_ask_like(units[i]) for i in run) >= 0.6 * len(run)
            ):
                start, style = index, unit.marker_kind or "list"
            break
    if start is None:
        closing_at = next(
            (i for i, u in enumerate(units) if (u.style or "").lower() == "closing"), None
        )
        if closing_at is not None:
            return (
                _with_bullets(units[:closing_at]),
                None,
                [],
                _with_bullets(units[closing_at:]),
                "none",
            )
        return _with_bullets(units), None, [], [], "none"
    head_units = units[: intro_index if intro_index is not None else start]
    head = _with_bullets(head_units)
    intro: str | None = None
    if intro_index is not None:
        sentences = _sentences(units[intro_index].markup())
        intro = sentences[-1]
        if len(sentences) > 1:
            head.append(" ".join(sentences[:-1]))
    asks: list[Ask] = []
    closing_from = len(units)
    list_mode = units[start].kind == "item"
    ask_kind = units[start].marker_kind
    ask_indent = units[start].indent
    index = start
    while index < len(units):
        unit = units[index]
        styled = (unit.style or "").lower()
        if asks and (
            styled == "ask item"
            or (
                unit.kind == "item"
                and (
                    unit.indent > ask_indent
                    or not list_mode
                    or (unit.marker_kind != ask_kind and unit.marker_kind == "bullet")
                )
            )
        ):
            asks[-1].items.append(unit.markup())
            index += 1
            continue
        if (
            styled == "ask"
            or (list_mode and unit.kind == "item")
            or (
                not list_mode
                and unit.kind == "para"
                and _ask_like(unit)
                and styled not in ("closing", "body text")
                and (style != "bold lead-ins" or unit.lead)
            )
        ):
            asks.append(_ask_from(unit))
            index += 1
            continue
        if list_mode and asks and unit.kind == "para" and not styled:
            # a paragraph continuing an ask, when the list goes on after it
            ahead = index + 1
            while ahead < len(units) and units[ahead].kind == "para" and ahead - index < 2:
                ahead += 1
            if (
                ahead < len(units)
                and units[ahead].kind == "item"
                and (units[ahead].marker_kind == ask_kind and units[ahead].indent <= ask_indent)
            ):
                previous = asks[-1]
                asks[-1] = Ask(
                    lead=previous.lead,
                    body="\n\n".join(x for x in (previous.body, unit.markup()) if x),
                    items=previous.items,
                )
                index += 1
                continue
        closing_from = index
        break
    closing = _with_bullets(units[closing_from:])
    return head, intro, asks, closing, style


def _concerns_intro(text: str) -> bool:
    return bool(
        re.search(
            r"(?i)\b(?:concerns?|issues|violations|abuses|problems|findings|examples|"
            r"include|including|documented|deserve attention|following facts|such as)\b[^.]*:$",
            text.strip(),
        )
        and not re.search(r"(?i)\b(?:urge|ask|request|call on|recommend)\b", text)
    )


def _list_run(units: list[_Unit], index: int) -> list[int]:
    run = [index]
    kind = units[index].marker_kind
    for j in range(index + 1, len(units)):
        if units[j].kind == "item" and units[j].marker_kind == kind:
            run.append(j)
        elif units[j].kind == "item":
            continue
        else:
            break
    return run


def _with_bullets(units: list[_Unit]) -> list[str]:
    """Paragraph texts; list items that are not asks stay with the paragraph above."""
    out: list[str] = []
    for unit in units:
        if unit.kind == "item" and out:
            marker = "•" if unit.marker_kind == "bullet" else "-"
            out[-1] = f"{out[-1]}\n{marker} {unit.markup()}"
        else:
            out.append(unit.markup())
    return out


# --------------------------------------------------------------------------- signatures


def _columns(raw_lines: list[str]) -> list[list[str]] | None:
    """Split lines set in two or more columns into cells (tabs or runs of 3+ spaces)."""
    splits = [ln for ln in raw_lines if ln.strip() and re.search(r"\S(\t+| {3,})\S", ln)]
    content = [ln for ln in raw_lines if ln.strip()]
    if not content or len(splits) < max(1, len(content) // 2):
        return None
    if any("\t" in ln for ln in splits):
        return [[c.strip() for c in re.split(r"\t+", ln.strip())] for ln in raw_lines]
    positions: dict[int, int] = {}
    for ln in splits:
        for match in re.finditer(r"(?<=\S) {3,}(?=\S)", ln):
            positions[match.end()] = positions.get(match.end(), 0) + 1
    column = max(positions, key=lambda p: (positions[p], -p))
    out = []
    for ln in raw_lines:
        left, right = ln[:column].strip(), ln[column:].strip()
        out.append([left, right])
    return out


def _signatory_lines(lines: list[str]) -> Signatory | list[Signatory] | None:
    """One person (name + title lines) from a group of lines."""
    lines = [normalise_space(x) for x in lines if normalise_space(x)]
    if not lines:
        return None
    name = lines[0]
    rest = lines[1:]
    organization: str | None = None
    if rest and names.is_organisation(rest[-1]):
        organization = rest[-1]
        rest = rest[:-1]
    former = any(re.search(r"(?i)\(former\)|^former\b|\bformerly\b", t) for t in lines[1:])
    return Signatory(
        name=name, kind="individual", title_lines=rest, organization=organization, former=former
    )


def _inline_person(line: str) -> Signatory | None:
    """ "Jane Doe, Director, Some Organisation" on one line."""
    if ", " not in line:
        return None
    parts = [p.strip() for p in re.split(r",\s+(?!(?:Jr|Sr|Esq|II|III|IV|Ph\.?D|M\.?D)\b)", line)]
    honorific, rest = names.split_honorific(parts[0])
    if not names.is_person_name(rest if honorific else parts[0], allow_single=bool(honorific)):
        return None
    tail = parts[1:]
    if tail and not (
        honorific
        or names.is_title_line(tail[0])
        or _is_title_like(tail[0])
        or (len(tail) == 1 and names.is_organisation(tail[0]))
    ):
        return None  # "Anti-Slavery Europe, Clean Clothes Network, ..." is a list
    organization = None
    if len(tail) >= 2 and names.is_organisation(tail[-1]):
        organization = tail[-1]
        tail = tail[:-1]
    former = any(re.search(r"(?i)\(former\)|^former\b", t) for t in tail)
    return Signatory(name=parts[0], title_lines=tail, organization=organization, former=former)


def _person_start(text: str) -> bool:
    honorific, rest = names.split_honorific(text)
    candidate = rest if honorific else text
    return names.is_person_name(candidate, allow_single=bool(honorific))


def _parse_signatures(
    lines: list[Line], parsed: Parsed
) -> tuple[list[Signatory], str | None, list[Addressee], list[str]]:
    """Read the signature block: signatories, the affiliations note, a cc list, enclosures."""
    signatories: list[Signatory] = []
    note: str | None = None
    cc: list[Addressee] = []
    enclosures: list[str] = []
    kept: list[Line] = []
    mode = "sign"
    cc_block: list[list[str]] = [[]]
    for ln in lines:
        if ln.blank:
            if mode == "cc":
                cc_block.append([])
            kept.append(ln)
            continue
        text = ln.text
        style = (ln.style or "").lower()
        if style == "signatory note" or _SIGN_NOTE.search(text):
            note = normalise_space(text.lstrip("*† "))
            continue
        cc_match = _CC.match(text)
        if cc_match or style == "copy list":
            mode = "cc"
            rest = cc_match.group("rest").strip() if cc_match else text
            if rest:
                cc_block[-1].append(rest)
            continue
        enc = _ENCLOSURE.match(text)
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
        if (not any(not k.blank for k in kept) and _SIGN_INTRO.match(text)) or (
            _SIGN_INTRO.match(text) and text.rstrip().endswith(":")
        ):
            parsed.skipped.append((text, "signatory list heading"))
            continue
        if _SECTION.match(text):
            parsed.skipped.append((text, "signatory list heading"))
            continue
        if re.match(r"^(?:P\.\s?S\.|PS:|N\.B\.)", text):
            parsed.skipped.append((text, "postscript"))
            continue
        if re.search(r"@|https?://|www\.|\s\|\s|\+\d[\d ()-]{6,}|\(\d{3}\)\s*\d{3}", text):
            parsed.skipped.append((text, "contact details"))
            continue
        if text.startswith("/s/"):
            name = text[3:].strip()
            parsed.skipped.append((text, "electronic signature mark"))
            following = next((x for x in lines[lines.index(ln) + 1 :] if not x.blank), None)
            if not name or (following is not None and normalise_space(following.text) == name):
                continue
            ln = Line(name, hard=ln.hard, raw=name, bold=ln.bold)
        marker = split_marker(text) if not ln.list_kind else None
        if (marker and marker[0] == "bullet") or ln.list_kind:
            rest = marker[2] if marker else text
            ln = Line(rest, hard=True, raw=rest, bold=ln.bold)
        kept.append(ln)
    for block in cc_block:
        for entry in _split_entries(block) if block else []:
            person = _addressee_from(entry, cc=True)
            if person:
                cc.append(person)
    signatories = _signatories(kept)
    return signatories, note, cc, enclosures


def _signatories(lines: list[Line]) -> list[Signatory]:
    styled = [ln for ln in lines if (ln.style or "").lower().startswith(("signature", "signatory"))]
    if styled:
        return _styled_signatories(lines)
    raws = [ln.raw if ln.raw else ln.text for ln in lines]
    columns = _columns(raws) if not any(ln.hard for ln in lines) else None
    if columns:
        return _column_signatories(columns)
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    if not content:
        return []
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
        groups = _blocks(lines)
    if len(groups) > 2 and all(len(g) == 1 for g in groups):
        groups = _regroup_single_lines(groups)
    texts = [ln.text for ln in lines if not ln.blank]
    org_context = sum(names.has_org_word(t) for t in texts) >= 0.4 * len(texts)
    out: list[Signatory] = []
    for group in groups:
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


def _is_title_like(text: str) -> bool:
    return (names.is_title_line(text) and not names.is_organisation(text)) or bool(
        re.search(r"(?i)\(former\)|\bformer\b|\(ret\.?\)", text)
    )


def _group_signatories(group_lines: list[Line], org_context: bool = False) -> list[Signatory]:
    kept = [ln for ln in group_lines if normalise_space(ln.text)]
    if len(kept) > 1 and all(ln.text.rstrip().endswith((",", ";")) for ln in kept[:-1]):
        # one comma-separated list wrapped over several lines
        joined = " ".join(normalise_space(ln.text) for ln in kept)
        kept = [Line(joined, hard=kept[0].hard, raw=joined)]
    group = [normalise_space(ln.text) for ln in kept]
    bold = [ln.bold for ln in kept]
    hard = [ln.hard for ln in kept]
    if not group:
        return []
    if len(group) == 1 and group[0].count(", ") >= 2 and not _inline_person(group[0]):
        parts = [
            p.strip() for p in re.split(r",\s+(?:and\s+)?|;\s+", group[0].rstrip(".")) if p.strip()
        ]
        if all(_person_start(p) for p in parts):
            return [Signatory(name=p) for p in parts]
        return [Signatory(name=p, kind="organization") for p in parts]
    if len(group) == 1:
        inline = _inline_person(group[0])
        if inline:
            return [inline]
        if _person_start(group[0]) and not (
            org_context and names.split_honorific(group[0])[0] is None
        ):
            return [Signatory(name=group[0])]
        return [Signatory(name=group[0], kind="organization")]
    first_person = _person_start(group[0])
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
                and len(current) > 1
                and _person_start(text)
                and (
                    names.split_honorific(text)[0] is not None
                    or (bold[position] and not all(bold))
                    or (
                        hard[position]
                        and not any(bold)
                        and not names.has_org_word(text)
                        and not _is_title_like(text)
                        and (names.is_organisation(current[-1]) or _is_title_like(current[-1]))
                    )
                )
            )
            if new_person:
                person = _signatory_lines(current)
                if isinstance(person, Signatory):
                    out.append(person)
                current = []
            current.append(text)
        person = _signatory_lines(current)
        if isinstance(person, Signatory):
            out.append(person)
        return out
    out = []
    last_org: str | None = None
    for text in group:
        inline = _inline_person(text)
        if inline:
            if inline.organization is None and last_org:
                inline = inline.model_copy(update={"organization": last_org})
            out.append(inline)
        elif (
            _person_start(text)
            and not names.has_org_word(text)
            and not org_context
            and (names.split_honorific(text)[0] is not None or _person_start(group[0]))
        ):
            out.append(Signatory(name=text))
        else:
            out.append(Signatory(name=text, kind="organization"))
            last_org = text
    return out


def _column_signatories(rows: list[list[str]]) -> list[Signatory]:
    out: list[Signatory] = []
    cells = [cell for row in rows for cell in row if cell]
    org_context = sum(names.has_org_word(c) for c in cells) >= 0.4 * max(1, len(cells))
    block: list[list[str]] = []

    def flush() -> None:
        if not block:
            return
        width = max(len(r) for r in block)
        columns = [[r[c] for r in block if c < len(r) and r[c]] for c in range(width)]
        if (
            columns
            and len(columns[0]) > 1
            and _person_start(columns[0][0])
            and any(_is_title_like(x) for x in columns[0][1:])
        ):
            for col in columns:
                person = _signatory_lines(col)
                if isinstance(person, Signatory):
                    out.append(person)
        else:
            for row in block:
                for cell in row:
                    if cell:
                        out.extend(_group_signatories([Line(cell)], org_context))
        block.clear()

    for row in rows:
        if not any(cell for cell in row):
            flush()
            continue
        block.append(row)
    flush()
    return out


def _styled_signatories(lines: list[Line]) -> list[Signatory]:
    out: list[Signatory] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            person = _signatory_lines(current)
            if isinstance(person, Signatory):
                out.append(person)
            current.clear()

    for ln in lines:
        style = (ln.style or "").lower()
        if ln.blank:
            continue
        if style == "signatory organization" and not current:
            out.append(Signatory(name=normalise_space(ln.text), kind="organization"))
            continue
        if style == "signature name":
            flush()
        current.append(ln.text)
    flush()
    return out


# --------------------------------------------------------------------------- top level

_DELIVERY = re.compile(
    r"^(?:sent\s+)?(?:by|via)\s+(?:e-?mail|electronic mail|fax|facsimile|hand(?: delivery)?|"
    r"courier|post|registered post|first[- ]class mail|u\.s\. mail|certified mail|"
    r"overnight(?: delivery)?|diplomatic pouch)\b.*$",
    re.IGNORECASE,
)
_MAIL_HEADER = re.compile(
    r"^(?:From|Sent|To|Cc|Bcc|Subject|Date|Von|Gesendet|An|Betreff|De|Envoyé|À|Objet|"
    r"Enviado|Para|Asunto|Reply-To)\s*:\s*\S",
)


def _mark_preamble_noise(lines: list[Line], stop: int, noise: dict[int, str]) -> None:
    """Delivery lines ("By email: ...") and forwarded e-mail headers before the letter."""
    last_header_block_end: int | None = None
    index = 0
    while index < stop:
        if lines[index].blank:
            index += 1
            continue
        end = index
        while end < stop and not lines[end].blank:
            end += 1
        block = range(index, end)
        headers = [i for i in block if _MAIL_HEADER.match(lines[i].text)]
        mail = any(
            re.match(r"^(?:Sent|Gesendet|Envoyé|Enviado)\s*:", lines[i].text)
            or "@" in lines[i].text
            for i in headers
        )
        if (
            len(headers) >= 2
            and mail
            and any(lines[i].text.startswith(("From", "Von", "De")) for i in headers)
        ):
            last_header_block_end = end
        index = end
    if last_header_block_end is not None:
        for i in range(last_header_block_end):
            if not lines[i].blank:
                noise.setdefault(i, "forwarded e-mail")
    for i in range(stop):
        if not lines[i].blank and _DELIVERY.match(lines[i].text.strip()):
            noise.setdefault(i, "delivery line")


def _claimed(text: str) -> int | None:
    match = _CLAIMED.search(text)
    if not match:
        return None
    word = match.group("n").lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def _signature_start(lines: list[Line], start: int) -> int:
    """Without a complimentary close: where the trailing list of names begins."""
    blocks: list[tuple[int, int]] = []
    i = start
    while i < len(lines):
        if lines[i].blank:
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].blank:
            j += 1
        blocks.append((i, j))
        i = j
    begin = len(lines)
    for first, end in reversed(blocks):
        texts = [ln.text for ln in lines[first:end]]
        label = all(
            (
                len(t) <= 120
                and not re.search(r"[.!?:]$", t.rstrip('”"’)'))
                and len(t.split()) <= 14
                and not split_marker(t)
            )
            or _inline_person(t) is not None
            for t in texts
        )
        if not label:
            break
        begin = first
    return begin


def parse_lines(lines: list[Line]) -> Parsed:
    """Parse a document's lines into a letter (or find that it is not one).

    Args:
        lines: Lines from a reader.

    Returns:
        The parse: the letter (None when no salutation or close was found), the
        salutation and close positions, what was found and what was skipped.
    """
    whole = " ".join(ln.text for ln in lines[:400])
    latin = foreign_script_share(whole) < 0.3
    parsed = Parsed(letter=None, salutation_index=None, close_index=None)
    noise: dict[int, str] = {}
    for index, ln in enumerate(lines):
        if ln.blank:
            continue
        reason = noise_reason(ln.text, latin_document=latin)
        if reason and reason != "page number":
            dated = parse_date_line(ln.text)
            if dated is not None and dated.published:
                reason = None
        if reason:
            noise[index] = reason
    salutation: tuple[str, str] | None = None
    sal_index: int | None = None
    for index, ln in enumerate(lines):
        if index in noise or ln.blank:
            continue
        matched = match_salutation(ln)
        if matched:
            salutation, sal_index = matched, index
            break
    close_index: int | None = None
    search_from = (sal_index + 1) if sal_index is not None else 0
    candidates = [
        index
        for index in range(search_from, len(lines))
        if index not in noise and not lines[index].blank and is_close(lines[index])
    ]
    for index in candidates:
        sentence = lines[index].text.rstrip().endswith(".")
        following = [
            i
            for i in range(index + 1, min(len(lines), index + 6))
            if not lines[i].blank and i not in noise
        ][:2]
        if sentence and any(i in candidates for i in following):
            continue
        close_index = index
        break
    if sal_index is not None:
        _mark_preamble_noise(lines, sal_index, noise)
        anchor = sal_index
        for index in range(sal_index):
            text = lines[index].text
            if index in noise or not text:
                continue
            if (
                parse_date_line(text)
                or _is_person_line(text)
                or len(text.split()) >= 8
                or _SUBJECT.match(text)
            ):
                anchor = index
                break
        for index in mark_navigation(lines, anchor):
            noise.setdefault(index, "navigation menu")
    # everything from the first footer line after the letter is page furniture
    tail_from = close_index if close_index is not None else sal_index
    cut = len(lines)
    if tail_from is not None:
        for index in range(tail_from + 1, len(lines)):
            ln = lines[index]
            if ln.blank:
                continue
            if is_footer_start(ln.text) or (index in noise and noise[index] != "decoration"):
                cut = index
                break
    for index in range(cut, len(lines)):
        if not lines[index].blank:
            noise.setdefault(index, "page footer")
    for index in sorted(noise):
        parsed.skipped.append((lines[index].text, noise[index]))
    clean = [Line("", raw="") if i in noise else ln for i, ln in enumerate(lines)]
    parsed.salutation_index, parsed.close_index = sal_index, close_index
    parsed.text_lines = [ln.text for ln in clean[:cut]]
    if sal_index is None or salutation is None:
        return parsed
    pre = _parse_preamble(clean[:sal_index], parsed)
    body_end = (
        close_index if close_index is not None else _signature_start(clean[:cut], sal_index + 1)
    )
    body_lines = clean[sal_index + 1 : body_end]
    if salutation[1]:
        first = lines[sal_index]
        body_lines = [Line(salutation[1], hard=first.hard, raw=salutation[1]), *body_lines]
    units = _units(body_lines)
    body, intro, asks, closing, ask_style = _body_asks_closing(units)
    sign_from = (close_index + 1) if close_index is not None else body_end
    signatories, note, late_cc, enclosures = _parse_signatures(clean[sign_from:cut], parsed)
    date = pre.date
    letter_data: dict[str, object] = {
        "kind": "letter",
        "heading": pre.heading,
        "published": pre.published,
        "date": date.date if date else None,
        "place": date.place if date else None,
        "addressees": pre.addressees,
        "cc": [*pre.cc, *late_cc],
        "subject": pre.subject,
        "salutation": salutation[0],
        "body": body,
        "asks_intro": intro,
        "asks": asks,
        "closing": closing,
        "complimentary_close": normalise_space(lines[close_index].text)
        if close_index is not None
        else None,
        "signatories": signatories,
        "signatory_note": note,
        "enclosures": enclosures,
    }
    if pre.sender and not pre.letterhead:
        letter_data["sender"] = {"organization": pre.sender}
    if pre.letterhead:
        sender: dict[str, object] = {"organization": normalise_space(pre.letterhead[0])}
        if len(pre.letterhead) > 1:
            sender["address_lines"] = [
                normalise_space(part)
                for line in pre.letterhead[1:]
                for part in re.split(r"\s+[·|•]\s+", line)
                if normalise_space(part)
            ]
        letter_data["sender"] = sender
    options: dict[str, object] = {}
    if asks and ask_style in ("bullets", "bullet", "lead-in paragraphs", "bold lead-ins"):
        options["number_asks"] = False
    if date and date.day_first:
        options["date_format"] = "international"
    from draftkit.schema import LetterOptions

    fields = LetterOptions.model_fields
    if "date_position" in fields and pre.date_after_address:
        options["date_position"] = "after-address"
    if "cc_position" in fields and pre.cc_in_preamble:
        options["cc_position"] = "after-address"
    if options:
        letter_data["options"] = options
    letter = Letter.model_validate(letter_data)
    parsed.letter = letter
    found = parsed.found
    found["addressees"] = len(letter.addressees)
    found["cc"] = len(letter.cc)
    found["asks"] = len(letter.asks)
    found["signatories"] = len(letter.signatories)
    found["date"] = letter.date.isoformat() if letter.date else "none"
    if letter.published:
        found["published"] = letter.published.isoformat()
    found["body_paragraphs"] = len(letter.body)
    found["ask_style"] = ask_style
    if not letter.addressees:
        who = re.sub(r"(?i)^(?:my\s+)?dear\s+", "", salutation[0]).rstrip(",:;! ")
        found["addressee_from_salutation"] = who
        parsed.warnings.append(f"no inside address; the salutation names '{who}'")
    claimed = _claimed(" ".join(body[:2])) if body else None
    if claimed is not None:
        found["claimed_signatories"] = claimed
        organisations = sum(1 for s in letter.signatories if s.kind == "organization")
        listed = organisations or len(letter.signatories)
        if listed and claimed != listed and claimed > 2:
            parsed.warnings.append(f"the letter speaks of {claimed} signers but lists {listed}")
    if not letter.signatories:
        parsed.warnings.append("no signatories found")
    return parsed
