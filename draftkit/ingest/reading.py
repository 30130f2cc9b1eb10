"""Finding the letter inside a page: its anchors, its extent, and the reasons.

A page holds more than a letter: site chrome, an editor's introduction, a byline, the
letter, then share rows, tags and footers; sometimes a reply or a second letter. This
module reads the page as a whole before any part of the letter is parsed:

1. Lines that are page furniture by themselves ("Skip to content", "© 2024 …", page
   numbers, cookie notices) are set aside; shape-based chrome (menus, link rows, repeated
   lines) is judged later, once it is known what lies outside the letter.
2. Every line that could open a letter (a salutation by its words or its shape, or an
   inside address with no salutation) and every line that could end it (a complimentary
   close) is a candidate. Each pairing is a *reading*, scored from what surrounds its
   anchors: prose after the salutation, an address block or date above it, signer-like
   lines after the close, a quotation or an article paragraph around it. The best
   reading is kept; the others stay in :attr:`Reading.alternatives` for ``--explain``.
3. From the chosen salutation the letter's head is walked upward (date, subject, cc,
   inside-address blocks, letterhead) until prose, a heading or chrome; what lies above is
   the page (its heading and publication date are kept as context): see
   :mod:`draftkit.ingest.head`. After the close the signature block runs until page
   furniture, a heading, footnotes, a second letter or its reply: see
   :mod:`draftkit.ingest.tail`. Both work on the page model of :mod:`draftkit.ingest.page`.

The parts (preamble, body, signatures) are then read by their own modules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from draftkit.ingest import names
from draftkit.ingest.anchors import (
    close_strength,
    match_salutation,
    shaped_salutation,
)
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.head import (
    _letter_head,
)
from draftkit.ingest.head_lines import (
    ATTENTION_LINE,
    CC_LINE,
    MAIL_HEADER,
    SUBJECT_LINE,
    TO_LINE,
    is_person_line,
)
from draftkit.ingest.noise import (
    foreign_script_share,
    mark_navigation,
    noise_reason,
)
from draftkit.ingest.page import (
    _HEADING_STYLES,
    _LETTER_HEADING,
    _clip,
    _name_list,
    _Page,
    _signer_like,
    _words,
    is_prose,
    label_like,
)
from draftkit.ingest.signer_labels import is_signatory_label, is_signatory_note, labelled_signers
from draftkit.ingest.tail import (
    _closing_line_before,
    _signature_end,
    _signed_midway,
    _signers_listed_below,
    _tail_cut,
    _trailing_signers,
)
from draftkit.ingest.text import Line
from draftkit.sentences import ends_sentence, split_marker

__all__ = ["MEMO_HEADER", "Candidate", "Reading", "locate", "split_run_together"]


_LETTER_OPENING = re.compile(
    r"^(?:We|I),? (?:the undersigned|write|are writing|am writing|write to|would like to)|"
    r"^(?:On behalf of|As (?:members|leaders|representatives|organi[sz]ations))|"
    r"^(?:Nous|Je),? (?:soussignée?s?|vous écri|souhaitons|tenons)|"
    r"^(?:Nosotr[oa]s|Los abajo firmantes|Las organizaciones abajo firmantes)",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(
    r"(?i)\b(?:you|your|vous|votre|vos|usted|ustedes|su excelencia|vuestra)\b"
)
_DELIVERY = re.compile(
    r"^(?:sent\s+)?(?:by|via)\s+(?:e-?mail|electronic mail|fax|facsimile|hand(?: delivery)?|"
    r"courier|post|registered post|first[- ]class mail|u\.s\. mail|certified mail|"
    r"overnight(?: delivery)?|diplomatic pouch|regulations\.gov|the federal erulemaking portal)"
    r"\b.*$|"
    # "Submitted via regulations.gov", "Filed electronically through …": a public comment's
    r"^(?:submitted|filed|delivered|sent)\s+(?:electronically\s+)?(?:via|by|through|to)\s+\S.*$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^[“\"‘'«„]")
_ROUTED = re.compile(r"(?i)^(?:through|thru)\s*:\s*\S")
"""A formal letter's routing line ("Through: The Dean of Students"): who passes it on."""


@dataclass(slots=True)
class Candidate:
    """One way of reading the page as a letter, with its score and the reasons."""

    salutation: int | None
    close: int | None
    score: float
    reasons: list[str] = field(default_factory=list)
    headless: bool = False
    greeting: tuple[str, str] | None = None
    stop: int = 0
    ended: bool = False

    def describe(self, lines: list[Line]) -> str:
        """One line saying which anchors this reading takes."""
        opening = (
            f"opens at line {self.salutation + 1} ({_clip(lines[self.salutation].text)})"
            if self.salutation is not None
            else "no opening"
        )
        if self.headless and self.salutation is not None:
            opening = f"opens without salutation at line {self.salutation + 2}"
        closing = (
            f"closes at line {self.close + 1} ({_clip(lines[self.close].text)})"
            if self.close is not None
            else "no close"
        )
        return f"{opening}; {closing}"


@dataclass(slots=True)
class Reading:
    """Where the letter is in a page, and what each line around it is.

    Attributes:
        lines: The page's lines, as the reader gave them.
        noise: Lines set aside as page furniture, with the reason (index -> reason).
        salutation: The salutation line's index (for a letter without one: the line
            before its first paragraph), or None when no letter was found.
        greeting: The salutation text and any text running on after it on its line.
        close: The complimentary close's index, if any.
        start: The first line of the letter proper (its head); lines above it are page.
        context: Page lines above ``start`` kept for the preamble parser (the page's
            heading and publication date).
        end: The first line after the letter; lines from here are page furniture.
        headless: The letter has no salutation.
        chosen: The reading kept; ``alternatives`` are the others, best first.
        closing_line: A closing sentence used instead of a close ("I look forward to
            your reply,"), when there is no close.
        signatures: Where the signature block begins (the line after the close, or
            after the body's last paragraph when there is no close).
        complete: The letter has an opening and an ending (a close or signers), so the
            page reproduces a whole letter rather than quoting from one.
    """

    lines: list[Line]
    noise: dict[int, str] = field(default_factory=dict)
    salutation: int | None = None
    greeting: tuple[str, str] | None = None
    close: int | None = None
    start: int = 0
    context: list[int] = field(default_factory=list)
    end: int = 0
    headless: bool = False
    closing_line: int | None = None
    signatures: int | None = None
    chosen: Candidate | None = None
    alternatives: list[Candidate] = field(default_factory=list)
    complete: bool = False
    notes: list[str] = field(default_factory=list)


# -- line shapes ---------------------------------------------------------------------


# -- page furniture by itself ----------------------------------------------------------


def _context_free_noise(lines: list[Line]) -> dict[int, str]:
    whole = " ".join(ln.text for ln in lines[:400])
    latin = foreign_script_share(whole) < 0.3
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
            continue
        # one word of a menu ("reddit", "Press") amid a list of names is one of the names:
        # a menu's items stand beside other menu items, not beside signers
        near = [i for i in (index - 2, index - 1, index + 1, index + 2) if 0 <= i < len(lines)]
        named = [i for i in near if not lines[i].blank and i not in noise]
        if (
            len(named) >= 3
            and all(label_like(lines[i].text) and _words(lines[i].text) <= 8 for i in named)
            and not any(lines[i].link for i in named)
            and not lines[index].link
        ):
            del noise[index]
    return noise


def _mark_running_header(lines: list[Line], page: int, noise: dict[int, str]) -> None:
    """A title line standing alone right after a page number is a running page header."""
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


def _mark_preamble_noise(lines: list[Line], stop: int, noise: dict[int, str]) -> None:
    """Delivery lines ("By email: ...") and forwarded e-mail headers before the letter.

    When the last e-mail header block stands right above the greeting (or above its inside
    address), the letter is that e-mail: its header (From, To, Date, Subject) is the letter's
    head and is read as such; only what precedes the header is set aside.
    """
    last_header_block_end: int | None = None
    last_header_block_start = 0
    index = 0
    while index < stop:
        if lines[index].blank:
            index += 1
            continue
        end = index
        while end < stop and not lines[end].blank:
            end += 1
        block = range(index, end)
        headers = [i for i in block if MAIL_HEADER.match(lines[i].text)]
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
            last_header_block_end, last_header_block_start = end, index
        index = end
    if last_header_block_end is not None:
        # the letter's own header: nothing but its inside address between it and the
        # greeting (a cover note in prose means the header is a forwarding message's)
        between = range(last_header_block_end, stop)
        own = not any(is_prose(lines[i].text) for i in between if not lines[i].blank)
        why = "above the letter's e-mail header" if own else "forwarded e-mail"
        for i in range(last_header_block_start if own else last_header_block_end):
            if not lines[i].blank:
                noise.setdefault(i, why)
    for i in range(stop):
        if not lines[i].blank and _ROUTED.match(lines[i].text.strip()):
            noise.setdefault(i, "routing line ('Through: the Dean')")  # not the addressee's
            continue
        if not lines[i].blank and _DELIVERY.match(lines[i].text.strip()):
            above = next((j for j in (i - 1, i - 2) if j >= 0 and not lines[j].blank), None)
            if (
                above is not None
                and len(lines[above].text.split()) <= 10
                and parse_date_line(lines[above].text) is None  # a date is no address
            ):
                continue  # under an inside address, it is that address's last line
            noise.setdefault(i, "delivery line")


# -- candidates -------------------------------------------------------------------------


_TO_GREETING = re.compile(r"^To\s+(?:the\s+)?[A-Z][^,:;]{2,160}(?:,|:)$")
"""'To the White House Office of Science and Technology Policy,': with its comma at the
end and prose after it, a greeting (an address line has no comma, a memo's 'To:' its
colon first)."""


def _named_in_title(page: _Page, index: int) -> bool:
    """ "Putin," on its own line under a title "Letter to Putin: …": a bare-name greeting."""
    text = page.text(index).strip()
    if not text.endswith(",") or not re.fullmatch(r"[A-Z][\w’'-]{1,30},", text):
        return False
    word = text[:-1]
    return any(
        re.search(rf"(?i)\bletter\s+to\s+(?:[\w.’'-]+\s+){{0,3}}{re.escape(word)}\b", page.text(i))
        for i in page.before(index, 4)
    )


_VOCATIVE = "a sentence of the body that addresses the reader"


def _salutation_candidates(page: _Page) -> list[tuple[int, tuple[str, str], float, list[str]]]:
    """Lines that could open the letter, each with a score and the reasons."""
    out: list[tuple[int, tuple[str, str], float, list[str]]] = []
    for index in page.content:
        ln = page.lines[index]
        if len(out) >= 12:
            break
        matched = match_salutation(ln)
        strength = 3.0
        why: list[str] = []
        if matched:
            why.append("a salutation by its words")
            if re.match(r"(?i)^to\s", ln.text):
                strength = 2.0
        elif shaped_salutation(ln):
            matched, strength = (ln.text.strip(), ""), 1.0
            why.append("a greeting by its shape (short, names an office, ends with a comma)")
        elif _TO_GREETING.match(ln.text.strip()):
            matched, strength = (ln.text.strip(), ""), 2.0
            why.append("a 'To the …,' greeting naming a body or office")
        elif _named_in_title(page, index):
            matched, strength = (ln.text.strip(), ""), 1.0
            why.append("the name the page's title says the letter is to, with a comma")
        else:
            continue
        score = strength
        following = page.after(index, 3)
        if following and SUBJECT_LINE.match(page.text(following[0])):
            following = following[1:]  # "RE: …" under the greeting, then the letter
        following = following[:2]
        rest = matched[1]
        if rest and _words(rest) >= 6:
            score += 1.0
            why.append("the letter runs on after it on the same line")
        elif following and (
            is_prose(page.paragraph(following[0]))
            or (
                _words(page.paragraph(following[0])) >= 6
                and not label_like(page.paragraph(following[0]))
            )
        ):
            score += 2.0
            why.append("prose follows")
        elif following and (
            split_marker(page.text(following[0])) or page.lines[following[0]].list_kind
        ):
            score += 1.0
            why.append("a list follows")
        else:
            score -= 2.0
            why.append("no paragraph follows")
        previous = page.before(index, 3)
        if previous:
            first = page.text(previous[0])
            if parse_date_line(first) or SUBJECT_LINE.match(first) or CC_LINE.match(first):
                score += 1.0
                why.append("a date, subject or cc line above")
            elif label_like(first) and (
                is_person_line(first)
                or names.is_title_line(first)
                or names.is_postal_line(first)
                or TO_LINE.match(first)
            ):
                score += 1.0
                why.append("an address block above")
            elif (
                is_prose(first)
                and matched[0]
                and strength < 3.0
                and not why[0].startswith("the name the page's title")
            ):
                score -= 1.5
                why.append("an article paragraph just above")
        if _QUOTED.match(ln.text):
            score -= 2.0
            why.append("inside a quotation")
        if (
            (rest.lstrip()[:1].islower() or re.match(r"^[^,]{2,60},\s+[a-z]", matched[0]))
            and previous
            and is_prose(" ".join(page.text(i) for i in reversed(previous)))
        ):
            # "Your Excellency, we appeal to you to:" after the letter's paragraphs: the
            # recipient addressed again in the body, not the letter's greeting
            score -= 2.0
            why.append(_VOCATIVE)
        titled = why[0].startswith("the name the page's title")
        if (
            strength == 1.0
            and not titled
            and previous
            and is_prose(page.text(previous[0]))
            and not re.search(r"(?i)\bletter\b|\blettre\b|\bcarta\b", page.text(previous[0]))
        ):
            # a comma-ended line after prose is a sentence, not a greeting, unless the
            # prose announces the letter ("Below is the letter I sent to …")
            continue
        out.append((index, matched, score, why))
    return out


def _close_candidates(page: _Page, start: int, stop: int) -> list[tuple[int, float, list[str]]]:
    """Lines after ``start`` that could close the letter, each with a score and reasons."""
    out: list[tuple[int, float, list[str]]] = []
    previous_prose = False
    for index in page.between(start, stop):
        ln = page.lines[index]
        strength = close_strength(ln)
        shaped = False
        if not strength and previous_prose and _shaped_close(ln.text):
            strength, shaped = 1, True
        previous_prose = is_prose(ln.text)
        if not strength:
            continue
        why = [
            "a close by its shape (a few words and a comma after the last paragraph)"
            if shaped
            else "a valediction"
            if strength == 2
            else "a closing phrase"
        ]
        score = float(strength)
        following = [i for i in page.after(index, 4) if not is_signatory_note(page.text(i))]
        text = ln.text.strip()
        if not following or following[0] >= stop:
            score += 0.5
            why.append("nothing of the letter after it")
        elif (
            _signer_like(page.text(following[0])) and not close_strength(page.lines[following[0]])
        ) or labelled_signers(page.text(following[0])) is not None:
            score += 2.0
            why.append("a signer-like line follows")
        elif close_strength(page.lines[following[0]]) == 2 or (
            strength == 1 and close_strength(page.lines[following[0]])
        ):
            score -= 2.0
            why.append("another close follows")
        elif close_strength(page.lines[following[0]]):
            score += 1.0
            why.append("a signing label follows ('Signed,')")
        elif is_prose(page.text(following[0])):
            score -= 2.5
            why.append("prose follows")
        if strength == 1 and not (text.endswith(",") or text.lower().startswith("thanking")):
            score -= 1.0
        out.append((index, score, why))
    return out


@functools.lru_cache(maxsize=16384)
def _shaped_close(text: str) -> bool:
    """A valediction by its shape: one to five words and a comma ("Is mise le meas,",
    "Coordialmente,") after the last paragraph; the caller checks a signer follows."""
    text = text.strip()
    words = text.split()
    return (
        text.endswith(",")
        and 1 <= len(words) <= 5
        and text[:1].isupper()
        and not re.search(r"\d|[:;]", text)
        and match_salutation(Line(text)) is None
        and not names.is_person_name(text[:-1])
        and not names.has_org_word(text)
    )


_TELLS_OF_LETTER = re.compile(
    r"(?i)\b(?:signed|sent|published|delivered|launched|wrote|handed|submitted|organi[sz]ed)"
    r"\s+(?:our|the|this|an?|their)\s+(?:[\w-]+\s+){0,3}(?:open\s+|joint\s+)?letter\b|"
    r"\bthe\s+(?:open\s+|joint\s+)?letter\s+(?:was|has\s+been|is\s+(?:available|here|below))\b"
)
"""A page's paragraph that reports on a letter rather than being its first paragraph."""


def _prose_at(page: _Page, index: int) -> bool:
    """Prose starts at ``index``: the line reads as prose, or it opens a paragraph that
    does when its lines are joined (a PDF or a plain-text letter wraps its lines)."""
    if is_prose(page.text(index)):
        return True
    lines = _paragraph_lines(page, index)
    return len(lines) >= 2 and _words(" ".join(lines)) >= 20 and is_prose(" ".join(lines))


def _paragraph_lines(page: _Page, index: int) -> list[str]:
    """The lines of the paragraph that opens at ``index`` (at most 12); none when
    ``index`` is in the middle of a block."""
    if index > 0 and not page.lines[index - 1].blank:
        return []
    lines: list[str] = []
    at = index
    while at < len(page.lines) and not page.lines[at].blank and len(lines) < 12:
        lines.append(page.text(at))
        at += 1
    return lines


def _short_paragraph_at(page: _Page, index: int) -> bool:
    """A paragraph of one or two sentences starts at ``index`` (eight words or more)."""
    joined = " ".join(_paragraph_lines(page, index))
    ends = re.search(r"[a-z)][.!?]$", joined) is not None
    return _words(joined) >= 8 and joined[:1].isupper() and ends


def _continues_sentence(page: _Page, index: int) -> bool:
    """The line goes on with a sentence the line above left open (a hard-wrapped paragraph)."""
    if index == 0 or page.lines[index - 1].blank:
        return False
    above = page.text(index - 1).rstrip()
    text = page.text(index).lstrip()
    return bool(above) and bool(text) and text[0].islower() and above[-1] not in ".!?:"


def _headless_openings(page: _Page, stop: int) -> list[tuple[int, float, list[str]]]:
    """Where a letter without a salutation could begin its first paragraph.

    Two places are weighed: the page's first prose paragraph, and the first paragraph
    under a heading that names a letter ("Open letter to the Commission").
    """
    starts: list[int] = []
    first_prose = None
    # a line that reads as prose; failing that, a paragraph that does once its wrapped
    # lines are joined (a PDF or a plain-text letter with hard line breaks)
    for joined in (False, True):
        first_prose = next(
            (
                i
                for i in page.content
                if i < stop
                and (_prose_at(page, i) if joined else is_prose(page.text(i)))
                and not _continues_sentence(page, i)
                and not re.match(r"(?i)^letter\s+dated\s", page.text(i))
            ),
            None,
        )
        if first_prose is not None:
            break
    if first_prose is not None:
        starts.append(first_prose)
    for index in page.content:
        if index >= stop:
            break
        text = page.text(index)
        if SUBJECT_LINE.match(text) and len(text) <= 400:
            # a letter's head inside a page: "Assunto: …" over the first paragraph (a
            # short one too, when the head is a memo's "To: / From: / Re:")
            memo = index > 0 and _MEMO_LABEL.match(page.text(index - 1)) is not None
            after = next(
                (
                    i
                    for i in page.after(index, 2)
                    if _prose_at(page, i) or (memo and _short_paragraph_at(page, i))
                ),
                None,
            )
            if after is not None and after < stop and after not in starts:
                starts.append(after)
        if _LETTER_INTRO.search(text) and len(text.split()) <= 60:
            # "The following is a letter we sent to …": the letter begins below
            after = next(
                (
                    i
                    for i in page.after(index, 6)
                    if i < stop and page.lines[i - 1].blank and _prose_at(page, i)
                ),
                None,
            )
            if after is not None and after not in starts:
                starts.append(after)
        if _LETTER_HEADING.search(text) and _title(page.lines[index]):
            after = next(
                (
                    i
                    for i in page.after(index, 3)
                    if is_prose(page.text(i))
                    and not re.match(r"(?i)^letter\s+dated\s", page.text(i))
                ),
                None,
            )
            if after is not None and after < stop and after not in starts:
                starts.append(after)
    out: list[tuple[int, float, list[str]]] = []
    for start in starts:
        scored = _score_headless(page, start, stop)
        if scored is not None:
            out.append(scored)
    return out


_LETTER_INTRO = re.compile(
    r"(?i)\b(?:the\s+following|below)\s+is\s+(?:a|the|our|my)\s+(?:[\w-]+\s+){0,2}letter\b|"
    r"\bhere\s+is\s+(?:a|the|our|my)\s+(?:[\w-]+\s+){0,2}letter\b|"
    r"\bhere['’]s\s+(?:a|the|our|my)\s+(?:[\w-]+\s+){0,2}letter\b|"
    r"\b(?:full\s+)?text\s+of\s+(?:the|our|my)\s+letter\s*(?:below|follows)?\s*:?\s*$"
)
"""A page's sentence that introduces the letter below it."""

_ITALIAN_TO = re.compile(
    r"^(?:Al|Alla|Allo|Ai|Agli|Alle)\s+(?:Sig\.|Sig\.ra|Signor\w*|Comune|Presidente|Sindaco|"
    r"Ministr[oa]|Consiglio|Prefett\w*|Assessor\w*|Direttor\w*|Regione|Provincia|Governo|"
    r"On\.|Onorevole|Egregi\w*|Gent\.?\w*|Vice\w*)"
)
"""An Italian address line: "Al Sig. Sindaco …", "Alla Presidente del Consiglio …"."""


def _title(line: Line) -> bool:
    """A heading: an HTML heading, or a short capitalised line with no end punctuation."""
    text = line.text.strip()
    return (
        bool(line.heading)
        or (line.style or "") in _HEADING_STYLES
        or (
            _words(text) <= 30
            and not is_prose(text)
            and not re.search(r"[.!?:,;]$", text)
            and text[:1].isupper()
        )
    )


_MEMO_LABEL = re.compile(r"(?i)^(to|from|re|subject|subj|date|cc)\s*:\s*\S")
MEMO_HEADER = "a memo header (To, From, Re) above the first paragraph"
"""A memorandum to named readers: a letter by another name, though it has no greeting."""


_DATELINE = re.compile(
    r"^[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][a-z.]+)?)?\s*"
    r"(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s+\S"
)
"""A news dateline opening a paragraph: "HARRISBURG, Pa. - A coalition …", "GENEVA — …"."""
_PRESS_TOP = re.compile(r"(?i)^(?:for immediate release|(?:media|press) contacts?\s*:?)")


def _score_headless(
    page: _Page, first_prose: int, stop: int
) -> tuple[int, float, list[str]] | None:
    before = [i for i in page.content if i < first_prose]
    texts = [page.text(i) for i in before]
    why: list[str] = []
    score = 0.0
    near = before[-6:]
    if any(
        TO_LINE.match(page.text(i))
        or ATTENTION_LINE.match(page.text(i))
        or re.match(r"(?i)^to,?$", page.text(i))
        or _ITALIAN_TO.match(page.text(i))
        for i in near
    ):
        score += 2.0
        why.append("a 'To' address line above the first paragraph")
    elif any(_PRESENTE_LINE.match(page.text(i)) for i in near[-2:]):
        score += 2.0
        why.append("an inside address closed by 'Presente'")
    elif any(is_person_line(page.text(i)) and names.split_honorific(page.text(i))[0] for i in near):
        score += 1.5
        why.append("an addressee with an honorific above the first paragraph")
    labels = {
        found.group(1).lower()
        for found in (_MEMO_LABEL.match(t) for t in texts[-16:])
        if found is not None
    }
    if {"to", "from"} <= labels and labels & {"re", "subject", "subj"}:
        score += 2.5
        why.append(MEMO_HEADER)
    elif any(SUBJECT_LINE.match(t) and len(t) <= 400 for t in texts[-3:]):
        score += 1.5
        why.append("under a labelled subject line")
    if before and _LETTER_HEADING.search(texts[-1]) and _title(page.lines[before[-1]]):
        score += 1.5
        why.append("right under a heading that names a letter")
    elif any(_LETTER_HEADING.search(page.text(i)) and _title(page.lines[i]) for i in before[-8:]):
        score += 1.0
        why.append("a heading names a letter")
    if score and _LETTER_OPENING.match(page.text(first_prose)):
        score += 1.0
        why.append("opens as a letter ('We, the undersigned', 'I write')")
    if any(_LETTER_INTRO.search(t) and len(t.split()) <= 60 for t in texts[-4:]):
        score += 2.0
        why.append("the page introduces it as a letter ('The following is a letter we sent')")
    elif any(re.search(r"(?i)\bstatement\b|\bd[ée]claration\b", t) for t in texts[-8:]):
        score -= 2.0
        why.append("headed as a statement")
    if _DATELINE.match(page.text(first_prose)) or any(_PRESS_TOP.match(t) for t in texts[:12]):
        score -= 3.0
        why.append("a press release's dateline or header ('WASHINGTON —', 'For immediate release')")
    opening = [i for i in page.content if i >= first_prose and _prose_at(page, i)][:3]
    if any(_TELLS_OF_LETTER.search(page.text(i)) for i in opening):
        score -= 2.0
        why.append("its first paragraph tells of the letter ('groups signed our open letter')")
    body = " ".join(page.text(i) for i in page.content if first_prose <= i < stop)
    if _SECOND_PERSON.search(body):
        score += 0.5
        why.append("speaks to 'you'")
    if score >= 1.5:
        return first_prose, score, why
    return None


def _second_letter(page: _Page, after: int, stop: int) -> int | None:
    """A reply or second letter after the first one's close: its header or salutation."""
    signer_seen = False
    for index in page.between(after + 1, stop):
        text = page.text(index)
        if MAIL_HEADER.match(text) and re.match(r"(?i)^(?:date|from|de|von)\s*:", text):
            following = page.after(index, 2)
            if any(MAIL_HEADER.match(page.text(i)) for i in following):
                return index
        if signer_seen and match_salutation(page.lines[index]) and not re.match(r"(?i)^to\s", text):
            following = page.after(index, 1)
            if following and is_prose(page.text(following[0])):
                # the reply's own head (date, address) belongs to it, not to our signers
                head = index
                for previous in page.before(index, 6):
                    if previous <= after or is_prose(page.text(previous)):
                        break
                    if parse_date_line(page.text(previous)) or MAIL_HEADER.match(
                        page.text(previous)
                    ):
                        head = previous
                return head
        signer_seen = True
    return None


def _score_reading(
    page: _Page,
    sal: tuple[int, tuple[str, str], float, list[str]] | None,
    close: tuple[int, float, list[str]] | None,
    headless: tuple[int, float, list[str]] | None,
    stop: int,
) -> Candidate:
    reasons: list[str] = []
    score = 0.0
    if sal is not None:
        score += sal[2]
        reasons += sal[3]
        opening = sal[0]
    elif headless is not None:
        score += headless[1] - 1.0
        reasons += ["no salutation", *headless[2]]
        opening = headless[0] - 1
    else:
        return Candidate(None, None, 0.0, ["no opening"])
    body_end = close[0] if close is not None else stop
    prose = sum(1 for i in page.between(opening + 1, body_end) if is_prose(page.text(i)))
    score += min(prose, 4) * 0.5
    reasons.append(f"{prose} prose paragraph{'s' if prose != 1 else ''} in the body")
    if close is not None:
        score += close[1]
        reasons += close[2]
    else:
        signers = _trailing_signers(page, opening + 1, stop)
        if signers and _closing_line_before(page, opening + 1, stop) is not None:
            score += 2.0
            reasons.append("a closing sentence ending in a comma, then the signature")
        elif signers:
            score += 1.0
            reasons.append("no close, but signer-like lines end it")
    # the first letter of a page is its subject; a later one is a reply or a quotation
    score -= 0.05 * len(page.between(0, opening))
    return Candidate(
        salutation=opening,
        close=close[0] if close is not None else None,
        score=round(score, 2),
        reasons=reasons,
        headless=sal is None,
        greeting=sal[1] if sal is not None else ("", ""),
        stop=stop,
        ended=close is not None or any("signature" in r or "signer" in r for r in reasons),
    )


# -- the letter's head and tail -------------------------------------------------------


# -- the whole reading -----------------------------------------------------------------


_MIDLINE_GREETING = re.compile(
    r"\s(?=(?:My\s+)?Dear\s|Excellenc(?:y|ies)[,:]|Respected\s|Honou?rable\s|Madam[,:\s]|Sir[,:])"
)


_PRESENTE_WORD = r"P\s?r\s?e\s?s\s?e\s?n\s?t\s?e\s*[.:-]*"
"""'Presente.' closing a Spanish inside address, as Latin American letters write it."""
_PRESENTE = re.compile(rf"^({_PRESENTE_WORD})\s+(?=\S)")
_PRESENTE_LINE = re.compile(rf"(?i)^{_PRESENTE_WORD}$")

_RUN_ON_VALEDICTION = (
    r"Yours\s+(?:very\s+)?(?:sincerely|faithfully|truly|respectfully)|"
    r"(?:Very\s+)?(?:Sincerely|Respectfully|Faithfully|Cordially)(?:\s+yours)?|"
    r"(?:With\s+)?(?:[Kk]ind|[Bb]est|[Ww]arm)(?:est)?\s+regards|Regards|Atentamente|Cordialement"
)
"""Valedictions that may share a line with what comes before or after them."""
_CLOSE_RUN_ON = re.compile(
    rf"^(?P<close>(?:{_RUN_ON_VALEDICTION}|"
    r"(?:(?:With|Many)\s+)?(?:[Kk]ind|[Bb]est|[Ww]arm|[Tt]hanks|[Tt]hank you)(?:est)?"
    r"(?:\s+(?:regards|wishes))?|Thanking you|Signed|Cheers|Best|Thanks|Saludos),)\s+"
    # the name may have initials and abbreviations: "Sincerely, Stephen A. Fuqua"
    r"(?P<rest>[A-Z](?:[^.!?]|(?<=\b[A-Z])\.|(?<=\b(?:Dr|Mr|Ms|Jr|Sr))\.){2,200})$"
)
_TRAILING_CLOSE = re.compile(
    r"^(?P<body>.{6,}?[a-z)\]”\"][.!?][”\"]?)\s+"
    rf"(?P<close>(?:{_RUN_ON_VALEDICTION}),)$"
)
"""A paragraph that ends with the valediction: "… for your consideration. Sincerely,"."""
_ADDRESS_BREAK = re.compile(
    r"\s(?=(?:Dr|Mr|Mrs|Ms|Prof|H\.E)\.\s|(?:The\s+)?(?:Rt\.?\s+)?Hon(?:ou?rable|\.)\s|"
    r"P\.?\s?O\.?\s+Box\b|[\w.+-]+@[\w-]+\.[\w.]+)|,\s(?=\d{4,5}(?:\s?[A-Z]{2})?\s+[A-Z])"
)


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


def split_run_together(lines: list[Line]) -> list[Line]:
    """Lines where a page collapsed two parts of a letter into one.

    "Re: Release of the journalists Dear Minister," and "12 March 2024 Dear Sir," become
    two lines each (with a blank line between), when the part before the greeting is a
    subject, a date or an addressee and the part after is a salutation. "Yours sincerely,
    Jane Doe Director" becomes the close and the signature; an address block run onto one
    line with its place and date is split into its lines.
    """
    out: list[Line] = []
    for ln in _join_wrapped_greetings(_label_above_entries(lines)):
        text = ln.text
        run_on = _CLOSE_RUN_ON.match(text) if not ln.blank and "," in text[:40] else None
        if run_on and not is_prose(run_on.group("rest")):
            for part in (run_on.group("close"), run_on.group("rest")):
                out.append(Line(part, hard=True, raw=part, page=ln.page))
            continue
        trailing = _TRAILING_CLOSE.match(text) if not ln.blank and text.endswith(",") else None
        if trailing:
            out.append(Line(trailing.group("body"), hard=ln.hard, raw=trailing.group("body"),
                            page=ln.page))  # fmt: skip
            out.append(Line("", raw=""))
            out.append(Line(trailing.group("close"), hard=True, raw=trailing.group("close"),
                            page=ln.page))  # fmt: skip
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
        pieces: tuple[str, str] | None = None
        presente = _PRESENTE.match(text) if not ln.blank else None
        if presente and match_salutation(Line(text[presente.end() :])) is not None:
            # "Presente. De nuestra consideración: …": the address block's last line
            # (Latin American usage) run into the salutation
            pieces = (presente.group(1).strip(), text[presente.end() :])
        if pieces is None and not ln.blank and len(text) <= 600:
            for match in _MIDLINE_GREETING.finditer(text):
                head, tail = text[: match.start()].strip(), text[match.end() :].strip()
                if not head or match_salutation(Line(tail)) is None:
                    continue
                if (
                    SUBJECT_LINE.match(head)
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


def locate(lines: list[Line]) -> Reading:
    """Find the letter in a page's lines.

    Args:
        lines: Lines from a reader (blank lines separate blocks). Lines that run two
            parts of a letter together are split first; the reading's ``lines`` are
            the lines it indexes.

    Returns:
        The reading: noise, anchors, the letter's extent and the alternatives weighed.
    """
    lines = split_run_together(lines)
    reading = Reading(lines=lines)
    noise = _context_free_noise(lines)
    reading.noise = noise
    page = _Page(lines, noise)
    reading.end = len(lines)
    salutations = _salutation_candidates(page)
    candidates: list[Candidate] = []
    for position, sal in enumerate(salutations):
        # a later salutation with prose after it begins another letter (a reply)
        stop = len(lines)
        for other in salutations[position + 1 :]:
            # ("Mr. President, your answer is overdue." inside the body addresses the
            # reader again; it does not open a letter)
            if (
                other[2] >= 4.0
                and other[0] > sal[0] + 2
                and not other[1][1]
                and _VOCATIVE not in other[3]
            ):
                stop = max(_letter_head(page, other[0], False)[0], sal[0] + 1)
                break
        closes = _close_candidates(page, sal[0] + 1, stop)
        best_close = max(closes, key=lambda c: (c[1], -c[0])) if closes else None
        if best_close is not None and best_close[1] < 1.0:
            best_close = None
        if best_close is not None:
            # the first good close, not a later one of equal strength
            best_close = next(c for c in closes if c[1] >= best_close[1] - 0.01)
        candidates.append(_score_reading(page, sal, best_close, None, stop))
    first_sal = salutations[0][0] if salutations else len(lines)
    for opening in _headless_openings(page, first_sal):
        closes = _close_candidates(page, opening[0], first_sal)
        good = [c for c in closes if c[1] >= 2.0]
        candidates.append(_score_reading(page, None, good[0] if good else None, opening, first_sal))
    candidates.sort(key=lambda c: -c.score)
    if not candidates or candidates[0].salutation is None or candidates[0].score < 1.5:
        reading.alternatives = candidates
        reading.notes.append("no reading opens a letter")
        return reading
    best = candidates[0]
    earlier = [
        c
        for c in candidates[1:]
        if c.salutation is not None
        and best.salutation is not None
        and c.salutation < best.salutation
        and c.stop <= best.salutation
        and c.ended
        and c.score >= 0.6 * best.score
    ]
    if earlier:
        # the page's first whole letter is its subject; a later one is a reply or a quote
        first = min(earlier, key=lambda c: c.salutation or 0)
        first.reasons.append("the page's first whole letter (a later one is a reply or a quote)")
        candidates.remove(first)
        candidates.insert(0, first)
        best = first
    reading.chosen, reading.alternatives = best, candidates[1:]
    reading.salutation, reading.close, reading.headless = best.salutation, best.close, best.headless
    reading.greeting = best.greeting
    assert best.salutation is not None
    sal_index = best.salutation
    _mark_preamble_noise(lines, sal_index, noise)
    # menus: runs of short lines above the first line that reads as the letter's
    anchor = next(
        (
            i
            for i in range(sal_index)
            if i not in noise
            and lines[i].text
            and (
                parse_date_line(lines[i].text)
                or is_person_line(lines[i].text)
                or names.is_person_name(lines[i].text)
                or _words(lines[i].text) >= 8
                or SUBJECT_LINE.match(lines[i].text)
            )
        ),
        sal_index,
    )
    for index in mark_navigation(lines, anchor):
        noise.setdefault(index, "navigation menu")
    page = _Page(lines, noise)
    start, context, notes = _letter_head(page, sal_index, best.headless)
    reading.start, reading.context = start, context
    reading.notes += notes
    # the letter's end: page furniture, a heading, the title again, or a reply
    tail_from = best.close if best.close is not None else sal_index
    limit = len(lines)
    second = _second_letter(page, tail_from, limit)
    if second is not None:
        limit = second
        reading.notes.append(f"a second letter or reply begins at line {second + 1}")
    heading_texts = {
        lines[i].text.strip().lower() for i in context if not parse_date_line(lines[i].text)
    }
    cut, why = _tail_cut(page, tail_from, limit, heading_texts, headings=best.close is not None)
    if best.close is None:
        signed = _signed_midway(page, sal_index + 1, cut)
        if signed is not None:
            cut, why = signed, "an annex after the thanks and the signatures"
    if best.close is not None:
        signers_from = best.close + 1
    else:
        # after the body's last sentence ("Thank you for your attention." included)
        prose = [
            i
            for i in page.between(sal_index + 1, cut)
            if not CC_LINE.match(page.text(i))
            and "\t" not in page.text(i)  # a table row is no sentence of the body
            and (
                is_prose(page.text(i))
                or (
                    _words(page.text(i)) >= 3
                    and ends_sentence(page.text(i))
                    and not _name_list(page.text(i))
                )
            )
        ]
        signers_from = (prose[-1] + 1) if prose else sal_index + 1
        labelled = next(
            (
                i
                for i in page.between(sal_index + 1, cut)
                if is_signatory_label(page.text(i))
                and sum(_signer_like(page.text(j)) for j in page.after(i, 4)) >= 3
            ),
            None,
        )
        if labelled is not None:
            # "Firman esta carta:" over a list of names: the signature block starts there
            signers_from = min(signers_from, labelled)
        run = _trailing_signers(page, sal_index + 1, cut)
        content = page.between(sal_index + 1, cut)
        if content and re.match(r"^[(\[]|P\.\s?S\.", page.text(content[-1])):
            content = content[:-1]
        if run >= 3 and len(content) > run:
            # a list of signers ends the letter: it starts where that run of names does,
            # or at the label over it ("Signed by the people of …:")
            run_start = content[-run]
            label = content[-run - 1]
            if page.text(label).rstrip().endswith(":") and _words(page.text(label)) <= 20:
                run_start = label
            signers_from = min(signers_from, run_start)
    if best.close is None:
        reading.closing_line = _closing_line_before(page, sal_index + 1, cut)
        if reading.closing_line is not None:
            signers_from = reading.closing_line + 1
    reading.signatures = signers_from
    end, end_why = _signature_end(page, signers_from, cut)
    if end < cut:
        cut, why = end, end_why
    moved = _signers_listed_below(page, signers_from, cut, limit, heading_texts)
    if moved is not None:
        # "83 organizations (listed below)", then the notes, then "Organizations" over the
        # list: the notes between are no part of the signature block
        note_at, label, cut, why = moved
        noise.setdefault(note_at, "the signatories are listed below")
        for index in range(note_at + 1, label):
            if not lines[index].blank:
                noise.setdefault(index, "notes between the letter and its signatories")
        reading.notes.append(f"the signatories are listed below, from line {label + 1}")
    reading.end = cut
    if cut < len(lines):
        reading.notes.append(f"the letter ends before line {cut + 1}: {why}")
    for index in range(cut, len(lines)):
        if not lines[index].blank:
            noise.setdefault(index, "after the letter" if index >= limit else "page footer")
    opening_ok = not best.headless or best.score >= 2.0
    ending_ok = best.close is not None or _trailing_signers(page, sal_index + 1, cut) > 0
    head_ok = start < sal_index and not best.headless
    # an open letter set under its title: no greeting, no close, but it speaks to its addressee
    titled = best.headless and (
        {"right under a heading that names a letter", "speaks to 'you'"} <= set(best.reasons)
        or MEMO_HEADER in best.reasons  # a memo to named readers: sent, whatever its ending
    )
    # a greeting on a line of its own and a body of several paragraphs is a letter, close
    # or no close ("Dear Senator, you are not listening …" inside an article is not)
    above = [i for i in page.content if i < sal_index][-1:]
    greeted = (
        not best.headless
        and best.greeting is not None
        and not best.greeting[1]
        and (
            "a salutation by its words" in best.reasons
            or any(r.startswith("the name the page's title") for r in best.reasons)
            # a greeting by its shape under a line that presents the letter ("Below is the
            # letter I sent to my representatives:")
            or bool(above and re.search(r"(?i)\bletter\b", page.text(above[0])))
        )
        and sum(1 for i in page.between(sal_index + 1, cut) if is_prose(page.text(i))) >= 3
    )
    reading.complete = opening_ok and (ending_ok or head_ok or titled or greeted)
    return reading
