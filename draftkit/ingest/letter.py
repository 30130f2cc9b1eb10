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
from draftkit.ingest.body import body_asks_closing, units_of
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.noise import (
    foreign_script_share,
    is_footer_start,
    mark_navigation,
    noise_reason,
)
from draftkit.ingest.preamble import SUBJECT_LINE, is_person_line, parse_preamble
from draftkit.ingest.sentences import split_marker
from draftkit.ingest.signatures import inline_person, parse_signatures
from draftkit.ingest.text import Line, normalise_space
from draftkit.schema import Letter, LetterOptions

__all__ = ["Parsed", "is_close", "match_salutation", "parse_lines"]

_SALUTATION = re.compile(
    r"^(?P<sal>"
    r"(?:(?:My\s+)?Dear(?:est)?|Hello|Greetings|Estimad[oa]s?|Sehr geehrte[rn]?|Cher|Chère|"
    r"Chers|Chères)\s+[^,:;!\n]{1,120}?[,:;!]"
    r"|(?:Your\s+|Their\s+)?Excellenc(?:y|ies)[,:!]"
    r"|(?:Dear\s+)?(?:Sir|Madam|Sir or Madam|Madam or Sir|Sirs|Sir/Madam|Colleagues|Friends|"
    r"Members|Mesdames|Messieurs|Mesdames et Messieurs|Monsieur|Madame)(?:\s+[^,:;\n]{1,60})?[,:]"
    r"|To whom it may concern[,:]?"
    r"|To\s+(?!whom\b)(?:the\s+)?(?:Honou?rable|President|Prime|Secretary|Minister|Members|"
    r"Ambassador|Senator|Representative|Chair|Excellenc|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)"
    r"[^,:;\n]{0,80}[,:](?=\s*$)"
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
    r"|(?:with\s+)?(?:best|warm|kind)(?:est)?\s+wishes|best|warmly|all\s+the\s+best"
    r"|yours\s+in\s+solidarity|in\s+peace|with\s+hope"
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

_CLAIMED = re.compile(
    r"\b(?P<n>\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+"
    r"(?:undersigned\s+)?(?:[\w’'-]+,?\s+){0,6}?(?:organi[sz]ations|groups|NGOs|"
    r"individuals|signatories|coalitions|experts|scholars|members|leaders)\b",
    re.IGNORECASE,
)
_TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    )
}
_NUMBER_WORDS: dict[str, int] = dict(
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
    headless: bool = False


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


_NOT_A_CUT = {"decoration", "signature placeholder", "page number"}
"""Noise that may sit inside a signature block without ending the letter."""

_LETTER_OPENING = re.compile(
    r"^(?:We|I),? (?:the undersigned|write|are writing|am writing|write to)|"
    r"^(?:On behalf of|As (?:members|leaders|representatives|organi[sz]ations))",
    re.IGNORECASE,
)


def _headless_body_start(lines: list[Line], noise: dict[int, str], close: int) -> int | None:
    """A letter without a salutation: where its body starts, if it reads as a letter.

    It needs a complimentary close followed by a signature line, a first prose
    paragraph, and before it an inside address (a person with an honorific), a page
    heading naming a letter, or an opening such as "We, the undersigned ...".
    """
    after = next(
        (i for i in range(close + 1, len(lines)) if not lines[i].blank and i not in noise),
        None,
    )
    if after is None or len(lines[after].text) > 160:
        return None
    first_prose = next(
        (i for i in range(close) if i not in noise and len(lines[i].text.split()) >= 12),
        None,
    )
    if first_prose is None:
        return None
    before = [lines[i].text for i in range(first_prose) if i not in noise and lines[i].text]
    evidence = (
        any(is_person_line(t) for t in before)
        or any(re.search(r"(?i)\bletter\b", t) for t in before)
        or _LETTER_OPENING.match(lines[first_prose].text) is not None
    )
    return first_prose if evidence else None


def _claimed(text: str) -> int | None:
    match = _CLAIMED.search(text)
    if not match:
        return None
    word = match.group("n").lower()
    if word.isdigit():
        return int(word)
    tens, _, unit = word.replace(" ", "-").partition("-")
    if tens in _TENS:
        return _TENS[tens] + _NUMBER_WORDS.get(unit, 0)
    return _NUMBER_WORDS.get(word)


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


def _mark_running_header(lines: list[Line], page: int, noise: dict[int, str]) -> None:
    """A title line standing alone right after a page number is a running page header.

    PDF text repeats a header at the top of each page ("Letter to the Committee on
    Foreign Affairs", "Joint letter – 3 March 2025") after the previous page's number.
    Only a single short line set apart by blank lines, without sentence punctuation, and
    with more text after it, is taken.
    """
    index = page + 1
    while index < len(lines) and lines[index].blank and index - page <= 2:
        index += 1
    if index >= len(lines) or lines[index].blank or index in noise:
        return
    after = index + 1
    if after >= len(lines) or not lines[after].blank:
        return  # part of a paragraph or block that goes on
    if not any(not ln.blank for ln in lines[after:]):
        return  # nothing after it: the end of the document, not a page header
    text = lines[index].text
    if (
        len(text) > 80
        or re.search(r"[.!?:;,]$", text)
        or split_marker(text)
        or text.lower().startswith("dear ")
        or parse_date_line(text) is not None
    ):
        return
    noise[index] = "running page header"


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
    for index in [i for i, r in noise.items() if r == "page number"]:
        _mark_running_header(lines, index, noise)
    for index in [i for i, r in noise.items() if r == "page chrome"]:
        # a short line inside a hard-wrapped paragraph is text, not a menu item
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if (
            before is not None
            and after is not None
            and not before.blank
            and not after.blank
            and not before.hard
            and index - 1 not in noise
            and index + 1 not in noise
            and len(before.text) > 40
            and not re.search(r"[.!?:;]$", before.text)
        ):
            del noise[index]
    salutation: tuple[str, str] | None = None
    sal_index: int | None = None
    for index, ln in enumerate(lines):
        if index in noise or ln.blank:
            continue
        matched = match_salutation(ln)
        if matched and salutation is not None:
            # "To the Members of the Committee:" then "Dear Members," — the second greets
            if index - (sal_index or 0) <= 8:
                salutation, sal_index = matched, index
            break
        if matched:
            salutation, sal_index = matched, index
            if not re.match(r"(?i)^to\s", ln.text):
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
    headless = False
    if sal_index is None and close_index is not None:
        start = _headless_body_start(lines, noise, close_index)
        if start is not None:
            headless = True
            sal_index = start - 1
            salutation = ("", "")
    if sal_index is not None:
        _mark_preamble_noise(lines, sal_index, noise)
        anchor = sal_index
        for index in range(sal_index):
            text = lines[index].text
            if index in noise or not text:
                continue
            if (
                parse_date_line(text)
                or is_person_line(text)
                or names.is_person_name(text)
                or len(text.split()) >= 8
                or SUBJECT_LINE.match(text)
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
            if is_footer_start(ln.text) or (index in noise and noise[index] not in _NOT_A_CUT):
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
    parsed.headless = headless
    pre_end = sal_index + 1 if headless else sal_index
    pre = parse_preamble(clean[:pre_end], parsed.skipped)
    body_end = (
        close_index if close_index is not None else _signature_start(clean[:cut], sal_index + 1)
    )
    body_lines = clean[sal_index + 1 : body_end]
    if salutation[1]:
        first = lines[sal_index]
        body_lines = [Line(salutation[1], hard=first.hard, raw=salutation[1]), *body_lines]
    units = units_of(body_lines)
    if units and units[0].kind == "para" and not pre.subject:
        # "Re: ..." written under the salutation
        subject = SUBJECT_LINE.match(units[0].text)
        if subject and len(units[0].text) <= 300:
            pre.subject = normalise_space(subject.group("text"))
            units = units[1:]
    body, intro, asks, closing, ask_style = body_asks_closing(units)
    sign_from = (close_index + 1) if close_index is not None else body_end
    signatories, note, late_cc, enclosures = parse_signatures(clean[sign_from:cut], parsed.skipped)
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
    if asks and ask_style in ("bullets", "bullet", "lead-in paragraphs", "bold lead-ins"):
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
    if not letter.addressees and salutation[0]:
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
