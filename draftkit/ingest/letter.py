"""The structure of a letter: from lines to a :class:`~draftkit.schema.Letter`.

The parser finds the salutation and the complimentary close first; they split a
letter into its preamble (heading, date, inside address, cc, subject), its body
(paragraphs, asks, closing) and its signature block. Each part is then read with
rules about letters in general: honorifics and names, office and address lines, list
markers and lead-in sentences, signatures in blocks, columns or comma lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from draftkit.ingest import names
from draftkit.ingest.addressees import addressee_from, copy_list
from draftkit.ingest.anchors import match_salutation
from draftkit.ingest.body import body_asks_closing
from draftkit.ingest.candidates import ADDRESSED_OFFICE, ADDRESSED_RUN
from draftkit.ingest.dates import (
    DateLine,
    day_first_elsewhere,
    parse_date_line,
    split_trailing_date,
    swap_day_month,
)
from draftkit.ingest.head_lines import CC_LINE, SUBJECT_LINE
from draftkit.ingest.noise import DELIVERY_LINE
from draftkit.ingest.preamble import Preamble, parse_preamble
from draftkit.ingest.reading import Reading, locate
from draftkit.ingest.signatures import parse_signatures
from draftkit.ingest.signers import inline_person
from draftkit.ingest.tail_split import split_tail
from draftkit.ingest.text import Line, normalise_space
from draftkit.ingest.units import units_of
from draftkit.languages import guess_language, written_in_english
from draftkit.numbers import parse_number
from draftkit.schema import Addressee, Letter, LetterOptions
from draftkit.sentences import split_marker

__all__ = ["Parsed", "parse_lines"]


_ADDRESS_ONLY = re.compile(r"^\S+@\S+\.\w+$|^https?://\S+$")
"""A line that is an e-mail address or a link alone (under "By email:")."""


def _delivery(addressees: list[Addressee]) -> tuple[list[Addressee], list[str]]:
    """The mailing notation that closes the last inside address ("By email:
    committee@…", "Sent by email"), taken out of it: it says how the letter went out,
    not where to. Returns the addressees without it, and its lines."""
    if not addressees:
        return addressees, []
    last = addressees[-1]
    field = "address_lines" if last.address_lines else "title_lines"
    lines: list[str] = list(getattr(last, field))
    start = len(lines)
    while start and _ADDRESS_ONLY.match(lines[start - 1].strip()):
        start -= 1
    while start and DELIVERY_LINE.match(lines[start - 1].strip()):
        start -= 1
    if start == len(lines) or not DELIVERY_LINE.match(lines[start].strip()):
        return addressees, []
    kept = last.model_copy(update={field: lines[:start]})
    return [*addressees[:-1], kept], lines[start:]


def _capitals_over_prose(lines: list[Line], index: int, subject: str) -> int:
    """How many lines a subject in capitals ("RE: SUSPENSION OF …") on line ``index``
    takes when a line of ordinary prose follows it with no blank line between (the prose
    opens the body; it does not carry the subject on); 0 when it is not so set."""

    def capitals(text: str) -> bool:  # "IN APPLICATION No. 12/2024", "2025"
        return sum(c.islower() for c in text) <= sum(c.isupper() for c in text)

    if sum(c.isalpha() for c in subject) < 8 or not capitals(subject):
        return 0
    end = index + 1
    while end < len(lines) and not lines[end].blank and capitals(lines[end].text):
        end += 1
    prose = end < len(lines) and not lines[end].blank
    return end - index if prose else 0


def _copies_before_close(lines: list[Line]) -> tuple[list[Line], list[Addressee]]:
    """A cc list set as the last block above the close ("cc:" / "Jesus Remulla, Secretary
    of Justice" / … over "Respectfully,"): the letter's copies, not its closing text."""
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    if not content:
        return lines, []
    end = content[-1] + 1
    start = end - 1
    while start > 0 and not lines[start - 1].blank:
        start -= 1
    label = CC_LINE.match(lines[start].text.strip())
    if label is None or end - start > 40:
        return lines, []
    rest = label.group("rest").strip()
    entries = [*([rest] if rest else []), *(ln.text for ln in lines[start + 1 : end])]
    copies = copy_list(entries)
    return (lines[:start], copies) if copies else (lines, [])


_CLAIMED = re.compile(
    r"\b(?P<n>\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+"
    r"(?:undersigned\s+)?(?:[\w’'-]+,?\s+){0,6}?(?:organi[sz]ations|groups|NGOs|"
    r"individuals|signatories|coalitions|experts|scholars|members|leaders)\b",
    re.IGNORECASE,
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
    headless: bool = False
    reading: Reading | None = None


def _claimed(text: str) -> int | None:
    match = _CLAIMED.search(text)
    return parse_number(match.group("n")) if match else None


_GERMAN_GREETING = re.compile(r"^(?:Sehr geehrte[rs]?|Liebe[rs]?|Guten Tag|Hallo)\b")
"""A German letter's greeting."""


def _greeting_above(lines: list[Line], index: int, start: int, noise: dict[int, str]) -> str | None:
    """The first half of a greeting set on two lines, on the line right above the
    salutation: a greeting by its words of its own, ending in a comma."""
    above = index - 1
    if above < start or above in noise or lines[above].blank:
        return None
    found = match_salutation(lines[above])
    if found is None or found[1] or not found[0].endswith(","):
        return None
    return found[0]


def _greeted(salutation: str) -> str:
    """Whom a salutation greets: "Dear Senator Ruiz," -> "Senator Ruiz" ("Dear Senator,
    Assemblyman, etc," names the offices, not the "etc")."""
    who = re.sub(r"(?i)^(?:my\s+)?dear\s+", "", salutation.strip()).rstrip(",:;! ")
    return re.sub(r"(?i),?\s+(?:etc|etc\.|and so on|y dem[aá]s)$", "", who)


def _greetings_stacked(lines: list[Line], index: int, noise: dict[int, str]) -> list[int]:
    """Greetings set one a paragraph right over the salutation, each to one addressee
    ("Sehr geehrte Frau Broistedt," / "Sehr geehrter Herr Kangarani," / …): their lines,
    top first; [] unless there are two or more of them."""
    found: list[int] = []
    k = index - 1
    while k >= 0:
        if lines[k].blank:
            if k - 1 >= 0 and lines[k - 1].blank:
                break  # two blank lines: the greetings stop
            k -= 1
            continue
        if k in noise:
            break
        greeting = match_salutation(lines[k])
        if greeting is None or greeting[1] or not greeting[0].endswith(","):
            break
        found.insert(0, k)
        k -= 1
    return found if len(found) >= 2 else []


def _greetings_below(lines: list[Line], index: int, stop: int) -> list[int]:
    """Greetings that go on under the salutation, each a paragraph that opens in lower
    case with a greeting's words and ends with a comma (or the last with "!" or ":")."""
    found: list[int] = []
    for k in range(index + 1, min(stop, index + 40)):
        line = lines[k]
        if line.blank:
            continue
        text = line.text.strip()
        if not text[:1].islower() or len(text) > 300:
            break
        greeting = match_salutation(Line(text[0].upper() + text[1:]))
        # ("sehr geehrte Herren des Vorstands, Wolfgang Brück und Jens Finke,": the names
        # after the office run on past its comma; no sentence ends inside)
        plain = re.sub(r"\b(?:Dr|Prof|Mr|Mrs|Ms|Hr|Fr|St|Sr|Sra|Jr|[A-Z])\.", "", text)
        if greeting is None or re.search(r"[.?]\s|[.?]$", plain):
            break
        found.append(k)
        if re.search(r"[:!]$", text):
            break
    # the last greeting ends the salutation with its comma (or "!", ":"); one left without
    # its comma ("…, Jens Finke") is followed by another
    while found and not re.search(r"[,:!]$", lines[found[-1]].text.strip()):
        found.pop()
    return found


def _signature_start(lines: list[Line], start: int) -> int:
    """Without a complimentary close: where the trailing list of names begins."""
    signer_styles = ("signature name", "signatory organization")
    for index in range(start, len(lines)):
        if (lines[index].style or "") in signer_styles:
            # a draftkit-styled document says where its signature block starts
            return index
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
        if not all(_label_like(ln.text) for ln in lines[first:end]):
            break
        begin = first
    if begin == len(lines) and blocks:
        # no blank line parts the names from the last paragraph: go line by line
        first, end = blocks[-1]
        index = end
        while index > first and _label_like(lines[index - 1].text):
            index -= 1
        if end - index >= 2 and index > first:
            begin = index
    return begin


def _label_like(text: str) -> bool:
    """A short line without sentence punctuation: a name, a title, an organisation."""
    return (
        len(text) <= 120
        and not re.search(r"[.!?:]$", text.rstrip('”"’)'))
        and len(text.split()) <= 14
        and not split_marker(text)
    ) or inline_person(text) is not None


def _addressed_run(
    lines: list[Line],
    sal_index: int,
    noise: dict[int, str],
    pre: Preamble,
    skipped: list[tuple[str, str]],
    salutation: tuple[str, str],
) -> tuple[str, str]:
    """The "Exmo. Sr. Office, Name," lines over the letter, the greeting's line the last of
    them: each is an addressee, one a line, and the letter has no greeting of its own.

    Returns:
        The salutation left: none, with any text run on after the last line kept.
    """
    run = [sal_index]
    k = sal_index - 1
    while k >= 0 and k not in noise and ADDRESSED_OFFICE.match(lines[k].text.strip()):
        run.insert(0, k)
        k -= 1
    texts = [normalise_space(lines[i].text).rstrip(",;: ") for i in run]
    keys = {t.casefold() for t in texts}

    def from_run(person: Addressee) -> bool:
        label = normalise_space(f"{person.honorific or ''} {person.name or ''}").casefold()
        return any(key.startswith(label) for key in keys) if label else False

    kept = [p for p in pre.addressees if not from_run(p)]
    listed: list[Addressee] = []
    for text in texts:
        honorific, rest = names.split_honorific(text)
        listed.append(Addressee(honorific=honorific, name=rest or text))
    pre.addressees = [*kept, *listed]
    raw = {lines[i].text for i in run}
    skipped[:] = [entry for entry in skipped if entry[0] not in raw]
    return ("", salutation[1])


_DAY_FIRST_LANGUAGES = ("fr", "es", "ar")
"""Languages whose letters write a numeric date day first (``guess_language``'s codes)."""


def _language_of(data: dict[str, object]) -> str | None:
    """The letter's language when its prose reads as French, Spanish or Arabic (so that
    rendering the spec writes its labels, date and close in that language); None for
    English or when there is too little prose to tell."""
    parts: list[str] = []
    for name in ("salutation", "body", "closing", "complimentary_close"):
        value = data.get(name)
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts.extend(v for v in value if isinstance(v, str))
    found = guess_language(" ".join(parts))
    return found if found in ("fr", "es", "ar") else None


def parse_lines(lines: list[Line]) -> Parsed:
    """Parse a document's lines into a letter (or find that it is not one).

    Args:
        lines: Lines from a reader.

    Returns:
        The parse: the letter (None when no letter was found), the salutation and close
        positions, the reading behind them, what was found and what was skipped.
    """
    reading = locate(lines)
    lines = reading.lines
    noise = reading.noise
    parsed = Parsed(letter=None, salutation_index=None, close_index=None, reading=reading)
    cut = reading.end
    for index in sorted(noise):
        parsed.skipped.append((lines[index].text, noise[index]))
    clean = [Line("", raw="") if i in noise else ln for i, ln in enumerate(lines)]
    sal_index, close_index = reading.salutation, reading.close
    parsed.salutation_index, parsed.close_index = sal_index, close_index
    parsed.text_lines = [ln.text for ln in clean[:cut]]
    salutation = reading.greeting
    if sal_index is None or salutation is None:
        return parsed
    headless = reading.headless
    parsed.headless = headless
    pre_end = sal_index + 1 if headless else sal_index
    if not headless:
        above = _greeting_above(lines, sal_index, reading.start, noise)
        if above is not None:
            # "Madame la Maire," / "Mesdames et Messieurs les conseillers,": one greeting
            # to two addressees, set on two lines
            salutation = (f"{above} {salutation[0]}", salutation[1])
            pre_end = sal_index - 1
        elif reading.chosen is None or ADDRESSED_RUN not in reading.chosen.reasons:
            stacked = _greetings_stacked(lines, sal_index, noise)
            if stacked:
                # "Sehr geehrter Herr Oberbürgermeister," / "Sehr geehrte Frau Broistedt," …
                # each a paragraph over the first one: one greeting to each addressee
                texts = [normalise_space(lines[i].text) for i in stacked]
                salutation = (" ".join([*texts, salutation[0]]), salutation[1])
                pre_end = stacked[0]
                raw = {lines[i].text for i in stacked}
                parsed.skipped[:] = [entry for entry in parsed.skipped if entry[0] not in raw]
    head = [
        ln
        if (i >= reading.start or i in reading.context) and i not in reading.title
        else Line("", raw="")
        for i, ln in enumerate(clean[:pre_end])
    ]
    for i in range(min(reading.start, pre_end)):
        if i not in reading.context and i not in noise and not lines[i].blank:
            why = "prose" if len(lines[i].text.split()) >= 12 else "page text"
            parsed.skipped.append((lines[i].text, f"{why} before the letter"))
    dear = re.match(r"(?i)(?:my\s+)?dear\s", salutation[0].strip())
    pre = parse_preamble(
        head,
        parsed.skipped,
        letter_from=reading.start,
        greeted=normalise_space(_greeted(salutation[0])) if dear else None,
    )
    if reading.chosen is not None and ADDRESSED_RUN in reading.chosen.reasons:
        salutation = _addressed_run(lines, sal_index, noise, pre, parsed.skipped, salutation)
    if reading.title:
        title = normalise_space(" ".join(lines[i].text for i in reading.title))
        if pre.heading is None:
            pre.heading = title  # the letter's own title, under its address
        else:
            parsed.skipped.append((title, "the letter's title under its address"))
    # a mailing notation set apart in the letter's head ("By email: …" as its own paragraph
    # under the inside address, or above it): the letter's delivery line, not lost
    unplaced = {text for text, _why in parsed.skipped}
    head_delivery = [
        normalise_space(ln.text)
        for ln in head[reading.start :]
        if not ln.blank
        and ln.text in unplaced
        and (
            (ln.style or "").lower() == "delivery notation" or DELIVERY_LINE.match(ln.text.strip())
        )
    ]
    styled = any(
        (ln.style or "").lower() in ("signature name", "signatory organization") for ln in lines
    )
    if close_index is not None:
        body_end = close_index
    elif reading.closing_line is not None:
        body_end = reading.closing_line + 1
        while (
            body_end < cut
            and not clean[body_end].blank
            and clean[body_end].text[:1].islower()
            and not re.search(r"[.!?…][”\"’)]*$", clean[body_end - 1].text.rstrip())
        ):
            body_end += 1  # "… l'expression de notre haute" / "considération.": one sentence
    elif styled or reading.signatures is None:
        body_end = _signature_start(clean[:cut], sal_index + 1)
    else:
        # the reading knows where the body's last paragraph ends
        body_end = reading.signatures
    body_from = sal_index + 1
    if not headless and not salutation[1]:
        below = _greetings_below(clean, sal_index, body_end)
        if below:
            # "Sehr geehrter Herr Ministerpräsident …," / "sehr geehrter Herr Minister …,":
            # the greeting goes on, one addressee a paragraph, before the letter begins
            texts = [normalise_space(clean[i].text) for i in below]
            salutation = (" ".join([salutation[0], *texts]), "")
            body_from = below[-1] + 1
    body_lines, copies = _copies_before_close(clean[body_from:body_end])
    pre.cc.extend(copies)
    if salutation[1]:
        first = lines[sal_index]
        body_lines = [Line(salutation[1], hard=first.hard, raw=salutation[1]), *body_lines]
    units = units_of(body_lines)
    first_line = next((i for i, ln in enumerate(body_lines) if not ln.blank), None)
    taken = 0  # lines of a subject in capitals over prose (see _capitals_over_prose)
    if (
        first_line is not None
        and not pre.subject
        and units
        and (subject := SUBJECT_LINE.match(body_lines[first_line].text.strip())) is not None
        and len(body_lines[first_line].text) <= 300
        and (
            len(units[0].text) > 300
            or (taken := _capitals_over_prose(body_lines, first_line, subject.group("text")))
        )
    ):
        # "SUBJECT: …" on the line under the salutation, run into the first paragraph by
        # a page copied without blank lines: the line alone (or the lines in capitals) is
        # the subject
        more = [ln.text for ln in body_lines[first_line + 1 : first_line + max(taken, 1)]]
        pre.subject = normalise_space(" ".join([subject.group("text"), *more]))
        units = units_of([*body_lines[:first_line], *body_lines[first_line + max(taken, 1) :]])
    if units and units[0].kind == "para" and not pre.subject:
        # "Re: ..." written under the salutation
        subject = SUBJECT_LINE.match(units[0].text)
        if subject and len(units[0].text) <= 300:
            pre.subject = normalise_space(subject.group("text"))
            units = units[1:]
    if not pre.subject and len(pre.unlabelled) == 1 and _GERMAN_GREETING.match(salutation[0]):
        # DIN 5008 sets a German letter's subject without "Betreff:", on its own line
        # under the date and above the greeting
        pre.subject = pre.unlabelled.pop()
        parsed.skipped[:] = [
            entry for entry in parsed.skipped if entry[1] != "unlabelled line before the salutation"
        ]
    last_sentence: list[str] = []
    if reading.closing_line is not None and units and close_index is None:
        # the closing sentence the reading found ("Veuillez agréer …") closes the body
        last_sentence = [units[-1].markup()]
        units = units[:-1]
    # "Belém, 5 de novembro de 2025." as the last line of the body, right over the close:
    # the letter's dateline, where Portuguese and Spanish letters often set it
    dateline = (
        parse_date_line(units[-1].text)
        if units
        # over the close, or (a letter with no close) over the signers that end it
        and (close_index is not None or body_end < cut)
        and not last_sentence
        and units[-1].kind == "para"
        and len(units[-1].text) <= 80
        else None
    )
    dateline_text = units[-1].markup() if dateline is not None else None
    body, intro, asks, closing, ask_style = body_asks_closing(units)
    closing = [*closing, *last_sentence]
    sign_from = (close_index + 1) if close_index is not None else body_end
    tail = split_tail(clean[sign_from:cut], parsed.skipped, want_address=not pre.addressees)
    signatories, note, late_cc, enclosures = parse_signatures(tail.lines, parsed.skipped)
    if tail.address is not None:
        dated = parse_date_line(tail.address[-1])
        block = tail.address[:-1] if dated else tail.address
        if dated is None:
            rest, dated = split_trailing_date(block[-1])
            block = [*block[:-1], rest] if rest else block[:-1]
        late = addressee_from(block)
        if late is not None:
            pre.addressees = [late]
        if dated and tail.date is None:
            tail.date = dated
    if dateline is not None and tail.date is None and (pre.date is None or pre.date_byline):
        tail.date = dateline
        if closing and closing[-1] == dateline_text:
            closing = closing[:-1]
        elif not closing and body and body[-1] == dateline_text:
            body = body[:-1]
    date = pre.date or tail.date
    published_from_byline = None
    if (
        pre.date is not None
        and tail.date is not None
        and (
            pre.date_byline
            # "21 November 2025" bare over the letter, "Nairobi and Banjul, 20 November
            # 2025" under its signers: a page dated after the letter it carries
            or (not pre.date.place and tail.date.place and pre.date.date > tail.date.date)
        )
    ):
        # "Sep 2, 2024 • Secretariat" above the letter and "Kampala, 28 August 2024" under
        # the signers: the byline dates the page, the dateline the letter
        date, published_from_byline = tail.date, pre.date.date

    if date is None and not headless:
        for i in sorted(reading.context):
            heading_date = parse_date_line(normalise_space(lines[i].text))
            if heading_date is not None and heading_date.place and not heading_date.published:
                # "Berlin und Köln, den 05. Mai 2020" as the page's title over the letter:
                # a dateline, the letter's own date, not a publication date
                date = heading_date
                break

    def day_first() -> bool:
        """The document writes its other dates day first ("21.10.2024", "4 April"), or is
        written in a language whose letters put the day first ("Buenos Aires, 09/02/2024"
        over a letter in Spanish is 9 February)."""
        text = "\n".join(ln.text for ln in lines)
        return (
            day_first_elsewhere(text)
            or guess_language(text) in _DAY_FIRST_LANGUAGES
            # an Italian, German or Portuguese letter: only English writes the month first
            or written_in_english(text) is False
        )

    if date is not None and date.ambiguous and day_first():
        date = swap_day_month(date)  # "08/01/2025" in a letter that writes "21.10.2024"
    if pre.published is not None and pre.published_ambiguous and day_first():
        # "Publicado em 06/11/2025" over "Belém, 5 de novembro de 2025": day first
        swapped = swap_day_month(DateLine(pre.published, None, True, False, True))
        pre.published = swapped.date
    published = pre.published or published_from_byline
    if date is None and published is not None and any(ln.page for ln in lines):
        # a PDF is the letter itself, not a page about it: the date under its title is the
        # letter's own, not a publication date
        date, published = DateLine(published, None, False, False), None
    addressees, delivery = _delivery(pre.addressees)
    if head_delivery and addressees:
        delivery = [*head_delivery, *delivery]
        parsed.skipped[:] = [e for e in parsed.skipped if normalise_space(e[0]) not in delivery]
    letter_data: dict[str, object] = {
        "kind": "letter",
        "heading": pre.heading,
        "published": published,
        "date": date.date if date else None,
        "place": date.place if date else None,
        "addressees": addressees,
        "delivery": delivery,
        "cc": [*pre.cc, *late_cc],
        "subject": pre.subject,
        "salutation": salutation[0] or None,
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
    if asks and ask_style in (
        "bullets",
        "bullet",
        "lead-in paragraphs",
        "bold lead-ins",
        "labelled",
    ):
        options["number_asks"] = False
    if date and date.day_first:
        options["date_format"] = "international"
    fields = LetterOptions.model_fields
    if "date_position" in fields and pre.date_after_address:
        options["date_position"] = "after-address"
    if "cc_position" in fields and pre.cc_in_preamble:
        options["cc_position"] = "after-address"
    if options:
        letter_data["options"] = options
    language = _language_of(letter_data)
    if language is not None:
        letter_data["language"] = language
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
    if headless:
        parsed.warnings.append("no salutation; read as a letter from its close and signatures")
    for line in pre.unlabelled:
        parsed.warnings.append(f"a line before the salutation has no label (a subject?): '{line}'")
    if not letter.addressees and salutation[0]:
        who = _greeted(salutation[0])
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
