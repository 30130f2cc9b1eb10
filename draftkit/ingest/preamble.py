"""The preamble of a letter: page heading, dates, letterhead, inside address, cc, subject.

Everything before the salutation. Addressees are read from honorifics, names, office
and address lines; a cc list may separate its entries by blank lines or not at all;
draftkit's own DOCX styles are used directly when present.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from draftkit.ingest import names
from draftkit.ingest.addressees import addressee_from, copy_blocks
from draftkit.ingest.dates import LEADS_INTO_DATE, DateLine, is_yearless_date, parse_date_line
from draftkit.ingest.head_lines import (
    _ADDRESS_ONLY_TO,
    _ADDRESSED,
    _BYLINE,
    _DATE_BLANK,
    _HEADER_WITH_ADDRESS,
    _PAGE_PROMPT,
    ATTENTION_LINE,
    CC_LINE,
    CONTACT_ONLY,
    DRAFTKIT_HEAD_STYLES,
    MAIL_HEADER,
    REFERENCE_LINE,
    SUBJECT_LINE,
    TO_LINE,
    is_person_line,
    name_part,
)
from draftkit.ingest.inside_address import _addressees
from draftkit.ingest.noise import DELIVERY_LINE
from draftkit.ingest.organisations import has_org_word
from draftkit.ingest.postal import is_postal_line
from draftkit.ingest.text import Line, blocks, column_cells, normalise_space
from draftkit.schema import Addressee
from draftkit.sentences import ends_sentence, split_marker

__all__ = ["Preamble", "parse_preamble"]


@dataclass(slots=True)
class Preamble:
    heading: str | None = None
    published: dt.date | None = None
    published_ambiguous: bool = False  # "06/11/2025": which of day and month comes first
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
        and not (is_postal_line(text) and len(words) < 6)
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
        # (as words: "Wiederherstellungsplan" holds no "tel")
        re.search(
            r"(?i)(\btel\b\.?|\bphone\b|\bfax\b|\be-?mail\b|www\.|https?://|@|\(\d{3}\)|\+\d|·|\|)",
            ln.text,
        )
        for k, ln in enumerate(block)
        # "By email: committee@…" under an inside address says how the letter goes out;
        # it is no contact line of a letterhead
        if not DELIVERY_LINE.match(ln.text.strip())
        and not (k and DELIVERY_LINE.match(block[k - 1].text.strip()))
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


_OPEN_LETTER_DATED = re.compile(
    r"(?i)^(?:an?\s+)?(?:open|joint|public)\s+letter\s*[-–—:|·,]\s*\S.{3,30}$"
)
"""A title that is the words "Open letter" and the letter's date."""


def _names_people(text: str) -> bool:
    """The line names one or more people ("Ana Ruiz", "Jack Abernethy and Bill Shine")."""
    parts = [p.strip() for p in re.split(r"\s+(?:and|&)\s+|,\s+", text.strip()) if p.strip()]
    return (
        bool(parts)
        and len(parts) <= 4
        and all(is_person_line(p) or names.is_person_name(p) for p in parts)
    )


def parse_preamble(
    lines: list[Line],
    skipped: list[tuple[str, str]],
    *,
    letter_from: int | None = None,
    greeted: str | None = None,
) -> Preamble:
    """Read the lines before the salutation.

    Args:
        lines: The preamble's lines (page noise already blanked).
        skipped: Collects lines left unplaced, with the reason.
        letter_from: The first line of the letter's own head: a date from here on is the
            letter's date unless it says it is a publication date ("Published …").
            None when unknown (a date next to the page heading is then its date).
        greeted: Whom the salutation greets ("Secretary General of the Commission" for
            "Dear Secretary General of the Commission:"): a block above the date that
            opens with it is the inside address, not the sender's letterhead.

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
            (
                (ln.style and ln.style.lower() in ("page heading", "h1", "h2", "title"))
                or (ln.heading and len(block) == 1 and block_starts[b] + 1 < (letter_from or 0))
            )
            and not _ADDRESSED.match(ln.text)
            # "## Re: Content moderation …": a subject set as a heading is the subject
            and not SUBJECT_LINE.match(ln.text)
        ):
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
                    r"(?i)\b(?:letter|appeal|petition|lettre|carta|lettera|appel|p[ée]tition|"
                    r"brief|schreiben|appell)\b",
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
                    # "October 7, 2016" / "Jack Abernethy and Bill Shine" / "Co-Presidents":
                    # the people written to under the date, not a title beside it
                    and not (head > other and _names_people(text))
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
            i for i in dates if i < letter_from and i != heading_index and dates[i].place is None
        ]
        if above:
            published_index = above[-1]
    if (
        published_index is not None
        and published_index + 1 < len(lines)
        and not lines[published_index + 1].blank
        and TO_LINE.match(lines[published_index + 1].text.strip())
    ):
        # "May 20, 2021" right over "To: Ana Ruiz": the date heads the letter's own address
        published_index = None
    if published_index is not None:
        pre.published = dates[published_index].date
        pre.published_ambiguous = dates[published_index].ambiguous
    start_at = max([x for x in (heading_index, published_index) if x is not None], default=-1)
    remaining = {i: d for i, d in dates.items() if i != published_index and i > start_at}
    if not remaining:
        # "Open letter - 11 July 2026" as the page's title: the title that names the letter
        # dates it, when nothing else does
        remaining = {
            i: DateLine(d.date, None, d.published, d.day_first, d.ambiguous)
            for i, d in dates.items()
            if i != published_index
            and d.place is not None
            and _OPEN_LETTER_DATED.match(lines[i].text.strip())
        }
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
            # "The President" / "University of Tehran" / …: an office written to, over its
            # address, is no letterhead
            or (
                i == above[0]
                and re.match(r"(?:The|La|Le|El|Der|Die)\s", lines[i].text) is not None
                and names.is_title_line(lines[i].text)
                and not has_org_word(lines[i].text)
            )
            # "Secretary General of the Commission" over the date, greeted as "Dear
            # Secretary General of the Commission:": the addressee, not the sender
            or (
                i == above[0]
                and greeted is not None
                and normalise_space(lines[i].text).rstrip(",;:").casefold() == greeted.casefold()
            )
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
            len(block) == 2
            and LEADS_INTO_DATE.search(first_text)
            and parse_date_line(block[1].text) is not None
        ):
            # "… Forderungen zur Anhörung am" / "13. Oktober 2025": one line, wrapped
            first_text = f"{first_text} {normalise_space(block[1].text)}"
            block = block[:1]
        if (
            pre.date_after_address
            and mode == "address"
            and len(block) == 1
            and start > (first_date if first_date is not None else 10**9)
            and _looks_like_heading(first_text)
            and not is_person_line(first_text)
            and not names.split_honorific(first_text)[0]
            and not names.is_title_line(first_text)
            and not is_postal_line(first_text)
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
            if (subject and _reference_number(subject)) or (
                subject is None and REFERENCE_LINE.match(ln.text.strip())
            ):
                skipped.append((ln.text, "reference number (not the subject)"))
                continue
            if subject or (ln.style and ln.style.lower() == "subject line"):
                if texts:
                    _flush(texts, mode, pending, cc_lines)
                    texts = []
                subject_parts = [subject.group("text") if subject else ln.text]
                mode = "subject"
                continue
            if (
                len(ln.text) <= 500
                and _HEADER_WITH_ADDRESS.match(ln.text)
                and any(
                    is_person_line(later.text) and not MAIL_HEADER.match(later.text)
                    for _, later in content
                    if index_of[id(later)] > index_of[id(ln)]
                )
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
                # "A la atención de D.ª Sira Rego" over an office and an address of their
                # own: a second addressee, marked as the first was
                and not (len(block) >= 3 and is_postal_line(block[-1].text))
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
            if (
                mode == "address"
                and not texts
                and pending
                and all(CONTACT_ONLY.match(x.text) for x in block)
            ):
                # "Email: info@adalet.gov.tr" in a block of its own under the address: how
                # to reach the addressee, no line of the inside address
                skipped.append((ln.text, "the addressee's contact details"))
                continue
            if mode == "address" and not texts and not pending and CONTACT_ONLY.match(ln.text):
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
    pre.cc.extend(copy_blocks(cc_lines))
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
