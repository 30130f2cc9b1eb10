"""Lines where a page ran two parts of a letter together, split back before the reading.

A subject, a date or an addressee run onto the greeting's line, a paragraph that ends
with its valediction, a close with the signer after it, an inside address collapsed onto
one line with its place and date, a greeting wrapped onto a second line, a cc label set
beside the middle of its list, a dateline and the addressees run into the first
paragraph, a whole letter printed as one paragraph: :func:`split_run_together` gives each
part its own line.
"""

from __future__ import annotations

import dataclasses
import re

from draftkit.ingest.anchors import match_salutation
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.head_lines import SUBJECT_LINE, TO_LINE, is_person_line
from draftkit.ingest.page import _words, is_prose, label_like
from draftkit.ingest.postal import _COUNTRY_WORDS
from draftkit.ingest.signer_labels import is_name_placeholder
from draftkit.ingest.text import Line

_MIDLINE_GREETING = re.compile(
    r"\s(?=(?:My\s+)?Dear\s|Excellenc(?:y|ies)[,:]|Respected\s|Honou?rable\s|Madam[,:\s]|Sir[,:])"
)


_PRESENTE_WORD = r"P\s?r\s?e\s?s\s?e\s?n\s?t\s?e\s*[.:-]*"
"""'Presente.' closing a Spanish inside address, as Latin American letters write it."""
_PRESENTE = re.compile(rf"^({_PRESENTE_WORD})\s+(?=\S)")
_PRESENTE_LINE = re.compile(rf"(?i)^{_PRESENTE_WORD}$")

_RUN_ON_VALEDICTION = (
    r"Yours\s+(?:very\s+)?(?:[Ss]incerely|[Ff]aithfully|[Tt]ruly|[Rr]espectfully)|"
    r"(?:Very\s+)?(?:Sincerely|Respectfully|Faithfully|Cordially)(?:\s+yours)?|"
    r"(?:With\s+)?(?:[Kk]ind|[Bb]est|[Ww]arm)(?:est)?\s+regards|Regards|Atentamente|Cordialement"
)
"""Valedictions that may share a line with what comes before or after them."""
_CLOSE_RUN_ON = re.compile(
    rf"^(?P<close>(?:{_RUN_ON_VALEDICTION}|"
    r"(?:(?:With|Many)\s+)?(?:[Kk]ind|[Bb]est|[Ww]arm|[Tt]hanks|[Tt]hank you)(?:est)?"
    r"(?:\s+(?:regards|wishes))?|Thanking you|Signed|Cheers|Best|Thanks|Saludos),)"
    # the name may have initials and abbreviations: "Sincerely, Stephen A. Fuqua"
    r"(?:\s+(?P<rest>[A-Z](?:[^.!?]|(?<=\b[A-Z])\.|(?<=\b(?:Dr|Mr|Ms|Jr|Sr))\.|"
    r"(?<=[a-z])\.(?=[a-z])){2,200}"
    # or a template's place for the sender's name: "Sincerely, (your name/signature)",
    # even with no space after the comma ("Sincerely,[Your Name]": a page lost the break)
    r"|[\[({<«][^\n]{2,120}"
    # or the count of those who sign: "Sincerely, 68 Nobel Laureates"
    r"|\d[\d,]*\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})|(?P<blank>[\[{<«][^\n]{2,120}))$"
)
_BLANK_ALONE = re.compile(r"\[[^\[\]]{2,60}\]|\{[^{}]{2,60}\}|<<[^<>]{2,60}>>")
"""A template's blank in brackets ("[Your information here]"): what runs on after a close."""
_TRAILING_CLOSE = re.compile(
    r"^(?P<body>.{6,}?[a-z)\]”\"][.!?][”\"]?)\s+"
    rf"(?P<close>(?:{_RUN_ON_VALEDICTION})[,.])$"
)
"""A paragraph that ends with the valediction: "… for your consideration. Sincerely," (or
"Atentamente." with a full stop, as Spanish letters write it)."""
_CLOSE_WORD_END = re.compile(
    r"(?i)(?:sincerely|faithfully|truly|respectfully|cordially|regards|atentamente|"
    r"cordialement|yours)\.$"
)
"""The last word of a paragraph that may end with its valediction and a full stop (checked
before the whole pattern, which is costly on every paragraph)."""
_ADDRESS_BREAK = re.compile(
    r"\s(?=(?:Dr|Mr|Mrs|Ms|Prof|H\.E)\.\s|(?:The\s+)?(?:Rt\.?\s+)?Hon(?:ou?rable|\.)\s|"
    r"P\.?\s?O\.?\s+Box\b|[\w.+-]+@[\w-]+\.[\w.]+)|,\s(?=\d{4,5}(?:\s?[A-Z]{2})?\s+[A-Z])"
)


_GLUED_OFFICE = re.compile(
    r"[a-zà-ÿ](?=(?:Ministry|Department|Office|Embassy|Commission|Council|Secretariat|"
    r"Executive|Director|Secretary|Minister|Chair|President|Parliament|Government|"
    r"Permanent|Special|Senior|Member|Ministerio|Ministère|Minist[ée]rio|Secretar[ií]a)\b)"
)
"""A name run into the office line under it ("Amit ShahMinistry of Home Affairs")."""
_CAMEL = re.compile(r"[a-zà-ÿ][A-Z]")
"""A lower-case letter run into a capital: where a page may have dropped a line break."""
_NAME_WORDS = re.compile(r"(?:[A-Z][\w.'’-]*,?\s+){1,5}[A-Z][\w'’-]+")
"""Two to six capitalised words: what a name (with its honorific) looks like."""


_PIPE_RULE = re.compile(r"\|(?:\s*:?-+:?\s*\|){2,}")
"""The rule under a pipe table's header row: "|-|-|-|", "| --- | :---: |"."""


def _pipe_table_run(text: str) -> list[str] | None:
    """A pipe table run into one line ("… below: | Name | Type | Country | |-|-|-| | A |
    NGO | Belgium | | B | …"), as the text before it and a line per row, cells parted by
    tabs; None when the line holds no such table."""
    rule = _PIPE_RULE.search(text)
    if rule is None:
        return None
    columns = rule.group().count("|") - 1
    cells_before = text[: rule.start()].rstrip().rstrip("|").split("|")
    if len(cells_before) < columns + 1:
        return None
    lead = "|".join(cells_before[: len(cells_before) - columns]).strip()
    header = [c.strip() for c in cells_before[len(cells_before) - columns :]]
    rows: list[list[str]] = []
    current: list[str] = []
    for cell in text[rule.end() :].split("|"):
        cell = cell.strip()
        if not cell and current:
            rows.append(current)
            current = []
        elif cell:
            current.append(cell)
    if current:
        rows.append(current)
    if len(rows) < 2 or sum(len(row) == columns for row in rows) < 0.8 * len(rows):
        return None
    out = [lead] if lead else []
    return [*out, "\t".join(header), *("\t".join(row) for row in rows)]


def _address_run(text: str) -> list[str] | None:
    """An address block collapsed onto one line, split at its parts: "To the Prime Minister
    Dr. A. Rutte PO Box 20001, 2500 EA Den Haag info@example.nl Amsterdam 2 November 2015"."""
    if len(text) > 300 or re.search(r"[a-z]{2}[.!?]\s+[A-Z]", text) or ". " in text[-3:]:
        return None
    parts = [p.strip() for p in _ADDRESS_BREAK.split(text) if p.strip()]
    if len(parts) < 3:
        return None
    dated = re.search(
        r"\s(?P<tail>[A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?,?\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+"
        r"\s+\d{1,2},?)\s+\d{4}\.?)$",
        parts[-1],
    )
    if dated and parse_date_line(dated.group("tail")):
        parts[-1:] = [parts[-1][: dated.start()].strip(), dated.group("tail")]
    return [p for p in parts if p]


_GREETING_START = re.compile(r"^(?:My\s+)?(?:Dear|Estimad[oa]s?|Cher|Chère|Chers|Chères)\s")


def _join_wrapped_greetings(lines: list[Line]) -> list[Line]:
    """A greeting wrapped onto a second line joined back into one line.

    "Dear Judge Dow, Judge Fleiss and Chief" over "Judge Sippel:" is one salutation: the
    first line has no end, the second is short and ends as a greeting does.
    """
    out: list[Line] = []
    skip = False
    for index, ln in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        text = ln.text.strip()
        if (
            nxt is not None
            and not ln.blank
            and not nxt.blank
            and _GREETING_START.match(text)
            and not re.search(r"[,:;.!?]$", text)
            and len(text) <= 160
            and re.search(r"[,:]$", nxt.text.strip())
            and _words(nxt.text) <= 8
            and not is_prose(nxt.text)
        ):
            joined = f"{text} {nxt.text.strip()}"
            out.append(
                Line(joined, indent=ln.indent, hard=True, raw=joined, page=ln.page, bold=ln.bold)
            )
            skip = True
            continue
        out.append(ln)
    return out


_BARE_SUBJECT_LABEL = re.compile(
    r"(?i)^(?:subject|subj|objet|sujet|asunto|assunto|betreff|oggetto)\s*:$"
)


def _form_labels(lines: list[Line]) -> list[Line]:
    """A form's labels alone on their lines: "Subject:" with its value on the next line is
    one subject line ("Subject:" / "RE: MEMORANDUM OF OBJECTION …" from an e-mail
    preview); "Message:" over the greeting is set aside."""
    if not any(ln.text.endswith(":") and len(ln.text) <= 20 for ln in lines):
        return lines  # the common case: no bare label, nothing to walk
    out: list[Line] = []
    skip = False
    for index, ln in enumerate(lines):
        if skip:
            skip = False
            continue
        if not ln.text.endswith(":") or len(ln.text) > 20:
            out.append(ln)
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            following is not None
            and not following.blank
            and len(following.text) <= 300
            and _BARE_SUBJECT_LABEL.match(ln.text.strip())
        ):
            value = re.sub(r"(?i)^(?:re|ref)\s*:\s*", "", following.text.strip())
            joined = f"{ln.text.strip()} {value}"
            out.append(Line(joined, indent=ln.indent, hard=True, raw=joined, page=ln.page))
            skip = True
            continue
        if (
            following is not None
            and re.fullmatch(
                r"(?i)(?:message|your message|body|mensaje|message\s+body)\s*:", ln.text
            )
            and match_salutation(following) is not None
        ):
            # the form's "Message:" label over the greeting says nothing of the letter
            out.append(Line("", raw=ln.raw))
            continue
        out.append(ln)
    return out


_BARE_CC_LABEL = re.compile(r"(?i)^(?:cc|c\.c\.|copy|copies|copy to|copies to)\s*:?$")


def _label_above_entries(lines: list[Line]) -> list[Line]:
    """A "CC:" label set beside the middle of its indented list, moved above the list.

    A PDF sets the label level with the list's first line (or centred beside it), and the
    text comes out with the label after the first entry: "    Hon. A, Minister …" /
    "CC:" / "    Hon. B, …". The entries are indented past the label; the label goes first.
    """
    out = list(lines)
    for index in range(1, len(out) - 1):
        label, before, after = out[index], out[index - 1], out[index + 1]
        if (
            _BARE_CC_LABEL.match(label.text.strip())
            and not before.blank
            and not after.blank
            and before.indent > label.indent + 2
            and after.indent > label.indent + 2
            and not _BARE_CC_LABEL.match(before.text.strip())
            and (index < 2 or out[index - 2].blank or out[index - 2].indent <= label.indent)
        ):
            out[index - 1], out[index] = label, before
    return out


_DASH_COUNTRY = re.compile(r"\s[-–—]\s" + _COUNTRY_WORDS.pattern + r"(?=\s|$)")


def _dash_country_run(text: str) -> list[str] | None:
    """Signers a page ran into one paragraph, each "Name - Country" ("Bits of Freedom -
    Netherlands Center for Media Justice - US …"): an entry after each country, when
    there are four or more and nothing but entries is on the line."""
    found = list(_DASH_COUNTRY.finditer(text))
    if len(found) < 4:
        return None
    entries: list[str] = []
    start = 0
    for match in found:
        entries.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        return None
    if any(not 2 <= _words(entry) <= 16 or is_prose(entry) for entry in entries):
        return None
    return entries


_GREETING_AND_DATE = re.compile(r"^(?P<greeting>\S.{2,120}?[,:])\s{3,}(?P<date>\S.{4,40})$")
"""A greeting and, far to its right on the same line, the letter's date."""


_LETTER_LABEL = re.compile(
    r"(?i)^(?:(?:the\s+)?(?:full\s+)?text\s+of\s+(?:the\s+|our\s+)?(?:sample\s+)?letter|"
    r"(?:sample|template|draft|suggested|model)\s+(?:letter|message|text|e-?mail)|"
    r"letter\s+text|(?:texto|modelo)\s+de\s+(?:la\s+)?carta|texte\s+de\s+la\s+lettre)\s*:$"
)
"""A page's label over the letter it gives, run into the greeting: "Text of letter: Dear …"."""


_FLAT_GREETING_WORD = re.compile(
    r"(?:(?:My\s+)?Dear|Car[oa]s?|Prezad[oa]s?|Exm[oa]s?\.|Excelent[íi]ss?im[oa]s?|"
    r"Senhor(?:a|es|as)?|Estimad[oa]s?|Querid[oa]s?|Señor(?:a|es|as)?|Sehr\s+geehrte[rn]?|"
    r"Liebe[rs]?|Monsieur|Madame|Mesdames|Cher|Chère|Chers|Chères|Respected|"
    r"Honou?rable|Excellency|Your\s+Excellency)\s"
)
_FLAT_CLOSE = re.compile(
    r"(?<=[.!?]\s)(?P<close>(?:Atenciosamente|Cordialmente|Atentamente|Respeitosamente|"
    r"Respetuosamente|Saludos\s+cordiales|Un\s+cordial\s+saludo|Sincerely(?:\s+yours)?|"
    r"Yours\s+(?:sincerely|faithfully|truly|respectfully)|Respectfully(?:\s+yours)?|"
    r"(?:With\s+)?(?:[Bb]est|[Kk]ind)\s+regards|(?:Bien\s+)?[Cc]ordialement|"
    r"Mit\s+freundlichen\s+Grüßen|Hochachtungsvoll|Com\s+os\s+melhores\s+cumprimentos|"
    r"Cumprimentos|Saudações(?:\s+\w+)?)[,.:]?)\s+(?=[A-ZÀ-Ý\"“])"
)
"""A valediction inside a flattened letter, after a sentence's end, a name after it (the
line-anchored closes of ``anchors`` cannot find one in the middle of a paragraph)."""


def _flattened_letter(text: str) -> list[str] | None:
    """A whole letter a page printed as one paragraph (its line breaks lost): the words
    before its greeting, the greeting, the body, the close and what follows the close
    (signer, post, an address set under the signature), each its own part. None unless
    both a greeting near the start and a close near the end are found."""
    greeting: tuple[int, str] | None = None
    for match in _FLAT_GREETING_WORD.finditer(text[: max(400, len(text) // 2)]):
        start = match.start()
        if start and text[start - 1] not in " \t":
            continue
        opening = match_salutation(Line(text[start : start + 300]))
        if opening is None or not opening[1] or not re.search(r"[,:]$", opening[0]):
            continue
        greeting = (start, opening[0])
        break
    if greeting is None:
        return None
    start, salutation = greeting
    body_from = start + len(salutation)
    closes = [m for m in _FLAT_CLOSE.finditer(text) if m.start() > body_from + 200]
    if not closes or closes[-1].start() < len(text) * 0.6:
        return None
    close = closes[-1]
    # the words before the greeting: a page's lead-in, the letter's date and its address
    # (which opens with its honorific, "Exmo. Sr. Senador …"), sentence by sentence
    parts = _flat_pieces(text[:start])
    parts += [salutation, text[body_from : close.start()].strip(), close.group("close")]
    # "Edilson Silva. Presidente do PSOL/PE": the signer, then the post; an address under
    # the signature opens with its honorific ("Exmo. Sr. Dr. …")
    for piece in _flat_pieces(text[close.end() :]):
        capitals = _CAPITALS_THEN_POST.match(piece)
        # "JAYME JEMIL ASFORA FILHO Presidente da OAB-PE": the name in capitals, its post
        for part in capitals.groups() if capitals else (piece,):
            parts.append(re.sub(r"(?<=[a-zà-ÿ]{3})\.$", "", part))
    return [part for part in parts if part]


_CAPITALS_THEN_POST = re.compile(r"^((?:[A-ZÀ-Ý]{2,}\s+){1,6}[A-ZÀ-Ý]{2,})\s+([A-ZÀ-Ý][a-zà-ÿ].*)$")


_FLAT_BREAK = re.compile(r"(?<=[a-zà-ÿ0-9)]\.)\s+(?=[A-ZÀ-Ý])|\s+(?=(?:Exm|Ilm)[oa]s?\.\s)")
"""Where a flattened letter's head or foot breaks: after a sentence, before an honorific."""


def _flat_pieces(text: str) -> list[str]:
    return [piece.strip() for piece in _FLAT_BREAK.split(text) if piece.strip()]


def _dateline_over_paragraph(lines: list[Line]) -> list[Line]:
    """A dateline and the short lines under it run into the letter's first paragraph (a
    page that set the letter's lines without blank lines between them): "Manaus, 20 de
    setembro de 2007" / "Exmos. Srs." / "Presidente …" / "Por ocasião de vosso encontro …"
    — the dateline and each short line become paragraphs of their own."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        ln = lines[k]
        dated = (
            parse_date_line(ln.text.strip())
            if not ln.blank and len(ln.text) <= 80 and (k == 0 or lines[k - 1].blank)
            else None
        )
        if dated is None or dated.place is None:
            out.append(ln)
            k += 1
            continue
        run = [k]
        j = k + 1
        while j < len(lines) and not lines[j].blank and _words(lines[j].text) <= 8:
            run.append(j)
            j += 1
        follows_prose = j < len(lines) and not lines[j].blank and is_prose(lines[j].text)
        if len(run) < 2 or not follows_prose:
            out.append(ln)
            k += 1
            continue
        for index in run:
            out.append(dataclasses.replace(lines[index], hard=True))
            out.append(Line("", raw=""))
        k = j
    return out


def split_run_together(lines: list[Line]) -> list[Line]:
    """Lines where a page collapsed two parts of a letter into one.

    "Re: Release of the journalists Dear Minister," and "12 March 2024 Dear Sir," become
    two lines each (with a blank line between), when the part before the greeting is a
    subject, a date or an addressee and the part after is a salutation. "Yours sincerely,
    Jane Doe Director" becomes the close and the signature; an address block run onto one
    line with its place and date is split into its lines.
    """
    out: list[Line] = []
    for ln in _join_wrapped_greetings(
        _label_above_entries(_form_labels(_dateline_over_paragraph(lines)))
    ):
        text = ln.text
        if not text:
            out.append(ln)  # a blank line: nothing run together
            continue
        run_on = _CLOSE_RUN_ON.match(text) if not ln.blank and "," in text[:40] else None
        rest = (run_on.group("rest") or run_on.group("blank") or "") if run_on else ""
        if run_on and (
            (is_name_placeholder(rest) or _BLANK_ALONE.fullmatch(rest) is not None)
            if rest[:1] in "[({<«"
            else not is_prose(rest)
        ):
            for part in (run_on.group("close"), rest):
                out.append(Line(part, hard=True, raw=part, page=ln.page))
            continue
        trailing = (
            _TRAILING_CLOSE.match(text)
            if not ln.blank
            and (text.endswith(",") or (text.endswith(".") and _CLOSE_WORD_END.search(text[-24:])))
            else None
        )
        if trailing:
            out.append(Line(trailing.group("body"), hard=ln.hard, raw=trailing.group("body"),
                            page=ln.page))  # fmt: skip
            out.append(Line("", raw=""))
            out.append(Line(trailing.group("close"), hard=True, raw=trailing.group("close"),
                            page=ln.page))  # fmt: skip
            continue
        glued = (
            _GLUED_OFFICE.search(text)
            if not ln.blank and len(text) <= 160 and _CAMEL.search(text)
            else None
        )
        if glued and not is_prose(text) and _NAME_WORDS.fullmatch(text[: glued.start() + 1]):
            # "Shri. Amit ShahMinistry of Home Affairs": a page that dropped the line break
            # between the name and the office under it
            for part in (text[: glued.start() + 1], text[glued.start() + 1 :]):
                out.append(Line(part, hard=True, raw=part, page=ln.page))
            continue
        table = _pipe_table_run(text) if not ln.blank and "|-" in text else None
        if table:
            # a Markdown pipe table a page printed as one paragraph: a row a line, its
            # cells parted by tabs, as a table row in plain text
            for part in table:
                out.append(Line(part.replace("\t", " "), hard=True, raw=part, page=ln.page))
            continue
        entries = _dash_country_run(text) if not ln.blank and len(text) >= 80 else None
        if entries:
            out.extend(Line(part, hard=True, raw=part, page=ln.page) for part in entries)
            continue
        address = (
            _address_run(text)
            if not ln.blank
            and _words(text) >= 8
            and (text.startswith("To ") or "@" in text or re.search(r"\bP\.?\s?O\.?\s+Box", text))
            else None
        )
        if address:
            out.extend(Line(part, hard=True, raw=part, page=ln.page) for part in address)
            continue
        dated = _GREETING_AND_DATE.match(text) if "   " in text else None
        if (
            dated
            and match_salutation(Line(dated.group("greeting")))
            and parse_date_line(dated.group("date"))
        ):
            # "Dear Representative Culberson,          16 February 2008": a typed letter
            # with its date set at the right margin of the greeting's line; the date heads
            # the letter, the greeting follows
            for part in (dated.group("date"), "", dated.group("greeting")):
                out.append(Line(part, hard=bool(part), raw=part, page=ln.page))
            continue
        flattened = _flattened_letter(text) if not ln.blank and len(text) >= 600 else None
        if flattened:
            # each part a paragraph of its own, the letter apart from the lines around it
            for part in flattened:
                out.append(Line("", raw=""))
                out.append(Line(part, hard=True, raw=part, page=ln.page))
            out.append(Line("", raw=""))
            continue
        pieces: tuple[str, str] | None = None
        if len(text) > 2000 and _GREETING_START.match(text):
            # a whole letter on one line (a page that lost its line breaks): its greeting
            # is read off its start ("Dear Salah Uddin Choudhury, I refer to …")
            opening = match_salutation(Line(text[:300]))
            if opening is not None and opening[1]:
                pieces = (opening[0], text[len(opening[0]) :].strip())
        presente = _PRESENTE.match(text) if not ln.blank and pieces is None else None
        if presente and match_salutation(Line(text[presente.end() :])) is not None:
            # "Presente. De nuestra consideración: …": the address block's last line
            # (Latin American usage) run into the salutation
            pieces = (presente.group(1).strip(), text[presente.end() :])
        if pieces is None and not ln.blank and len(text) <= 600:
            for match in _MIDLINE_GREETING.finditer(text):
                head, tail = text[: match.start()].strip(), text[match.end() :].strip()
                if not head or match_salutation(Line(tail)) is None:
                    continue
                if re.search(r"(?i)\bthe$", head):
                    continue  # "To: The Honourable Tim Hodgson, Minister …": a style, no greeting
                if (
                    SUBJECT_LINE.match(head)
                    or _LETTER_LABEL.match(head)
                    or parse_date_line(head)
                    or (label_like(head) and (is_person_line(head) or TO_LINE.match(head)))
                ):
                    pieces = (head, tail)
                    break
        if pieces is None:
            out.append(ln)
            continue
        for number, piece in enumerate(pieces):
            if number:
                out.append(Line("", raw=""))
            out.append(
                Line(piece, indent=ln.indent, hard=ln.hard, raw=piece, page=ln.page, rule=ln.rule)
            )
    return out
