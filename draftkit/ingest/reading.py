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
   the page (its heading and publication date are kept as context). After the close the
   signature block runs until page furniture, a heading, a second letter or its reply.

The parts (preamble, body, signatures) are then read by their own modules.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from draftkit.ingest import names
from draftkit.ingest.anchors import (
    close_strength,
    is_closing_line,
    match_salutation,
    shaped_salutation,
)
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.noise import (
    foreign_script_share,
    is_footer_start,
    mark_navigation,
    noise_reason,
)
from draftkit.ingest.preamble import (
    CC_LINE,
    DRAFTKIT_HEAD_STYLES,
    SUBJECT_LINE,
    TO_LINE,
    is_person_line,
    name_part,
)
from draftkit.ingest.signatures import is_signatory_label, is_signatory_note
from draftkit.ingest.text import Line
from draftkit.sentences import ABBREVIATED_END, ends_sentence, split_marker

__all__ = ["Candidate", "Reading", "locate", "split_run_together"]

_NOT_A_CUT = {
    "decoration",
    "signature placeholder",
    "page number",
    "running page header",
    "call to sign",
}
"""Noise that may sit inside a signature block without ending the letter."""

_LETTER_OPENING = re.compile(
    r"^(?:We|I),? (?:the undersigned|write|are writing|am writing|write to|would like to)|"
    r"^(?:On behalf of|As (?:members|leaders|representatives|organi[sz]ations))|"
    r"^(?:Nous|Je),? (?:soussignée?s?|vous écri|souhaitons|tenons)|"
    r"^(?:Nosotr[oa]s|Los abajo firmantes|Las organizaciones abajo firmantes)",
    re.IGNORECASE,
)
_LETTER_HEADING = re.compile(
    r"(?i)\b(?:open |joint |public )?letter\b|\blettre ouverte\b|\bcarta abierta\b|"
    r"\bappeal to\b"
)
_SECOND_PERSON = re.compile(
    r"(?i)\b(?:you|your|vous|votre|vos|usted|ustedes|su excelencia|vuestra)\b"
)
_MAIL_HEADER = re.compile(
    r"^(?:From|Sent|To|Cc|Bcc|Subject|Date|Von|Gesendet|An|Betreff|De|Envoyé|À|Objet|"
    r"Enviado|Para|Asunto|Reply-To)\s*:\s*\S",
)
_DELIVERY = re.compile(
    r"^(?:sent\s+)?(?:by|via)\s+(?:e-?mail|electronic mail|fax|facsimile|hand(?: delivery)?|"
    r"courier|post|registered post|first[- ]class mail|u\.s\. mail|certified mail|"
    r"overnight(?: delivery)?|diplomatic pouch)\b.*$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"^[“\"‘'«„]")
_HEADING_STYLES = {"h1", "h2", "page heading", "title"}


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


def _clip(text: str, width: int = 48) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


# -- line shapes ---------------------------------------------------------------------


def _words(text: str) -> int:
    return len(text.split())


@functools.lru_cache(maxsize=16384)
def is_prose(text: str) -> bool:
    """A line of running prose: long, or a sentence of some length."""
    words = _words(text)
    tokens = text.split()
    if words >= 10 and sum(1 for t in tokens if t[:1].isupper()) >= 0.7 * words:
        return False  # a run of names and titles ("Ana Ruiz, Director - X Centre Ben Li, …")
    if words >= 25:
        return True
    return (
        words >= 10
        and re.search(r"[.!?…][”\"’)]*$", text) is not None
        and not ABBREVIATED_END.search(text)
    )


@functools.lru_cache(maxsize=16384)
def _head_line(text: str) -> bool:
    """A line of a letter's head: a name, an office (however long), an address line."""
    words = _words(text)
    ends = re.search(r"[.!?;][”\"’)]*$", text.rstrip()) and not ABBREVIATED_END.search(text)
    return (
        len(text) <= 220
        and words <= 28
        and not (words > 6 and ends)
        and not (words >= 12 and re.search(r"[a-z]{2}[.!?] [A-Z]", _HONORIFIC_DOT.sub("", text)))
    )


_HONORIFIC_DOT = re.compile(
    r"\b(?:Sra|Sr|Srs|Exma|Exmo|Excma|Excmo|Ilma|Ilmo|Dra|Dr|Mrs|Mr|Ms|Prof)\."
)
"""Honorifics whose full stop is no sentence end ("SENACON - Sra. Juliana Pereira …")."""


@functools.lru_cache(maxsize=16384)
def label_like(text: str) -> bool:
    """A short line without sentence punctuation at its end: a name, title or place."""
    return (
        len(text) <= 140
        and _words(text) <= 16
        and not re.search(r"[.!?;][”\"’)]*$", text.rstrip())
        and not is_prose(text)
    )


@functools.lru_cache(maxsize=16384)
def _name_list(text: str) -> bool:
    """Names in one comma- or semicolon-separated paragraph, with no sentence in it."""
    parts = [p for p in re.split(r"[,;]\s+", text.rstrip(".")) if p.strip()]
    return (
        len(parts) >= 3
        and all(_words(p) <= 8 for p in parts)
        and not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", text)
    )


_SECTION_TITLE = re.compile(
    r"(?i)^(?:background|references|notes|footnotes|endnotes|sources|citations|resources|"
    r"related(?:\s+\w+)?|further reading|see also|links|tags|share this|"
    r"(?:background|further|more|additional)\s+information|notes?\s+(?:to|for)\s+editors|"
    r"media\s+(?:contacts?|enquiries|inquiries))"
    r"(?:\s+(?:and|&)\s+(?:background|references|notes|sources|resources|links))?:?$"
)


@functools.lru_cache(maxsize=16384)
def _signer_like(text: str) -> bool:
    """A line that could be a signer, a signer's title or an organisation."""
    if "\t" in text:
        # a table row: a signer when one of its cells names one (others may describe it)
        cells = [c.strip() for c in text.split("\t") if c.strip()]
        named = [c for c in cells if not re.fullmatch(r"\(?\d{1,4}[.)]?", c)]
        return any(_words(c) <= 12 and "\t" not in c and _signer_like(c) for c in named)
    if split_marker(text):
        _, _, text = split_marker(text) or ("", "", text)
    if _name_list(text):
        return True
    honorific, rest = names.split_honorific(text)
    if honorific and rest and _words(text) <= 30 and not re.search(r"[a-z]{6,}[.!?]\s+[A-Z]", rest):
        return True  # "Ms. Ana Ruiz - MA, Senior Planner, Toronto, Canada." signs, full stop or not
    tokens = text.split()
    if len(tokens) >= 10 and sum(1 for t in tokens if t[:1].isupper()) >= 0.7 * len(tokens):
        return not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", text)  # names and titles run together
    sentence = re.search(r"[.!?][”\"’)]*$", text) and not ABBREVIATED_END.search(text)
    if _SECTION_TITLE.match(text.strip()):
        return False  # "Background and References" heads the page's next section
    if len(tokens) >= 3 and text == text.lower() and not re.search(r"\d|@", text):
        return False  # "politics budget debt ceiling": a post's tags, not a name
    return len(text) <= 200 and _words(text) <= 22 and not (_words(text) >= 5 and sentence)


class _Page:
    """The page's lines with their noise, and cheap lookups over the non-blank ones."""

    def __init__(self, lines: list[Line], noise: dict[int, str]) -> None:
        self.lines = lines
        self.noise = noise
        self.content = [i for i, ln in enumerate(lines) if not ln.blank and i not in noise]
        self._position = {index: k for k, index in enumerate(self.content)}

    def text(self, index: int) -> str:
        return self.lines[index].text

    def after(self, index: int, count: int = 1) -> list[int]:
        """The next ``count`` content lines after ``index``."""
        k = self._next_position(index + 1)
        return self.content[k : k + count]

    def before(self, index: int, count: int = 1) -> list[int]:
        """The previous ``count`` content lines before ``index`` (nearest first)."""
        k = self._next_position(index)
        return list(reversed(self.content[max(0, k - count) : k]))

    def _next_position(self, index: int) -> int:
        lo, hi = 0, len(self.content)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.content[mid] < index:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def paragraph(self, index: int) -> str:
        """The text of the paragraph that starts at ``index`` (soft lines joined)."""
        parts = [self.lines[index].text]
        if self.lines[index].hard:
            return parts[0]
        k = self._next_position(index) + 1
        while k < len(self.content) and self.content[k] == self.content[k - 1] + 1:
            line = self.lines[self.content[k]]
            if line.hard or len(parts) >= 12:
                break
            parts.append(line.text)
            k += 1
        return " ".join(parts)

    def between(self, first: int, last: int) -> list[int]:
        return self.content[self._next_position(first) : self._next_position(last)]


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


# -- candidates -------------------------------------------------------------------------


_TO_GREETING = re.compile(r"^To\s+(?:the\s+)?[A-Z][^,:;]{2,160}(?:,|:)$")
"""'To the White House Office of Science and Technology Policy,': with its comma at the
end and prose after it, a greeting (an address line has no comma, a memo's 'To:' its
colon first)."""


def _named_in_title(page: _Page, index: int) -> bool:
    """ "Putin," on its own line under a title "Letter to Putin: …": a bare-name greeting."""
    text = page.text(index).strip()
    if not re.fullmatch(r"[A-Z][\w’'-]{1,30},", text):
        return False
    word = text[:-1]
    return any(
        re.search(rf"(?i)\bletter\s+to\s+(?:[\w.’'-]+\s+){{0,3}}{re.escape(word)}\b", page.text(i))
        for i in page.before(index, 4)
    )


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
        following = page.after(index, 2)
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
        elif _signer_like(page.text(following[0])) and not close_strength(page.lines[following[0]]):
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
    if index > 0 and not page.lines[index - 1].blank:
        return False  # the middle of a block
    lines: list[str] = []
    at = index
    while at < len(page.lines) and not page.lines[at].blank and len(lines) < 12:
        lines.append(page.text(at))
        at += 1
    return len(lines) >= 2 and _words(" ".join(lines)) >= 20 and is_prose(" ".join(lines))


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
            # a letter's head inside a page: "Assunto: …" over the first paragraph
            after = next((i for i in page.after(index, 2) if _prose_at(page, i)), None)
            if after is not None and after < stop and after not in starts:
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
        or re.match(r"(?i)^to,?$", page.text(i))
        or _ITALIAN_TO.match(page.text(i))
        for i in near
    ):
        score += 2.0
        why.append("a 'To' address line above the first paragraph")
    elif any(is_person_line(page.text(i)) and names.split_honorific(page.text(i))[0] for i in near):
        score += 1.5
        why.append("an addressee with an honorific above the first paragraph")
    if any(SUBJECT_LINE.match(t) and len(t) <= 400 for t in texts[-3:]):
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
    if any(re.search(r"(?i)\bstatement\b|\bd[ée]claration\b", t) for t in texts[-8:]):
        score -= 2.0
        why.append("headed as a statement")
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


def _trailing_signers(page: _Page, start: int, stop: int) -> int:
    """How many signer-like lines end the stretch ``[start, stop)`` (a note in brackets
    or a postscript after them aside)."""
    count = 0
    lines = page.between(start, stop)
    if lines and (
        re.match(r"^[(\[]|P\.\s?S\.", page.text(lines[-1])) or parse_date_line(page.text(lines[-1]))
    ):
        lines = lines[:-1]  # a note in brackets, a postscript or the date under the signers
    for index in reversed(lines):
        text = page.text(index)
        if is_prose(text) or not _signer_like(text) or is_closing_line(text):
            break
        count += 1
    return count


def _signed_midway(page: _Page, start: int, stop: int) -> int | None:
    """Where a letter without a close ends when an annex follows its signatures.

    A paragraph of thanks, then a short block whose first line names people (two signers
    side by side in columns included), then more of the document: the letter ends after
    that block. Returns the first line after it, or None.
    """
    blocks = _blocks_between(page, start, stop)
    for k in range(1, len(blocks) - 1):
        block, before = blocks[k], blocks[k - 1]
        if len(block) > 6 or not re.search(r"(?i)\bthank", " ".join(page.text(i) for i in before)):
            continue
        if not is_prose(" ".join(page.text(i) for i in before)):
            continue
        cells = [c.strip() for c in (page.lines[block[0]].raw or "").split("\t") if c.strip()]
        cells = cells or [page.text(block[0])]
        if not all(is_person_line(c) or names.is_person_name(name_part(c)) for c in cells):
            continue
        after = [i for b in blocks[k + 1 :] for i in b]
        if len(after) >= 5:
            return after[0]
    return None


def _closing_line_before(page: _Page, start: int, stop: int) -> int | None:
    """A closing sentence ("I look forward to your reply,") just above the signers."""
    signers = _trailing_signers(page, start, stop)
    content = page.between(start, stop)
    if not signers or len(content) <= signers:
        return None
    candidate = content[-signers - 1]
    return candidate if is_closing_line(page.text(candidate)) else None


def _second_letter(page: _Page, after: int, stop: int) -> int | None:
    """A reply or second letter after the first one's close: its header or salutation."""
    signer_seen = False
    for index in page.between(after + 1, stop):
        text = page.text(index)
        if _MAIL_HEADER.match(text) and re.match(r"(?i)^(?:date|from|de|von)\s*:", text):
            following = page.after(index, 2)
            if any(_MAIL_HEADER.match(page.text(i)) for i in following):
                return index
        if signer_seen and match_salutation(page.lines[index]) and not re.match(r"(?i)^to\s", text):
            following = page.after(index, 1)
            if following and is_prose(page.text(following[0])):
                # the reply's own head (date, address) belongs to it, not to our signers
                head = index
                for previous in page.before(index, 6):
                    if previous <= after or is_prose(page.text(previous)):
                        break
                    if parse_date_line(page.text(previous)) or _MAIL_HEADER.match(
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


def _head_block_kind(page: _Page, block: list[int]) -> str:
    """What a block above the salutation is: date, subject, cc, address, heading, page."""
    texts = [page.text(i).rstrip(",") for i in block]
    first = texts[0]
    if len(texts) >= 2 and sum(1 for t in texts if _MAIL_HEADER.match(t)) >= 2:
        return "mail header"
    if SUBJECT_LINE.match(first) and len(texts) <= 3:
        return "subject"
    if len(texts) == 1 and re.match(r"(?i)^letter\s+dated\s", first) and parse_date_line(first):
        return "date"  # "Letter dated 30 September 2020 from X to Y", a UN-style title
    if (
        len(texts) >= 3
        and (is_person_line(first) or names.is_title_line(first) or names.has_org_word(first))
        and not is_prose(first)
        and names.is_postal_line(texts[-1])
        and not any(re.search(r"[a-z]{3}[.!?]$", t) for t in texts)
    ):
        # an institution over its postal address, a long wrapped line of offices between
        return "address"
    if any(is_prose(t) for t in texts):
        return "prose"
    if _ATTENTION.match(first):
        return "address"  # "A la atención de Fernando …", even set as the page's heading
    if any((page.lines[i].style or "") in _HEADING_STYLES for i in block):
        return "heading"
    if len(block) == 1 and parse_date_line(first):
        return "published" if parse_date_line(first).published else "date"  # type: ignore[union-attr]
    if CC_LINE.match(first):
        return "cc"
    if not all(_head_line(t) or _address_line(t) for t in texts):
        return "page"
    if re.match(r"[a-zà-ÿ]", first) and not re.match(
        r"(?:van|von|de|der|den|da|di|du|del|la|le|d['’]|c/o)\b", first
    ):
        return "page"  # an address line starts with a capital: "tags author name" does not
    if any(page.lines[i].list_kind or split_marker(page.text(i)) for i in block):
        return "page"  # a list of links or items is no inside address
    if (
        len(block) == 1
        and _LETTER_HEADING.search(first)
        and not TO_LINE.match(first)
        and not names.split_honorific(first)[0]
    ):
        return "heading"
    if TO_LINE.match(first) or re.match(r"(?i)^(?:to|a|à|para)\s*[,:]?$", first):
        return "address"
    if (
        is_person_line(first)
        or names.split_honorific(first)[0]
        or names.is_person_name(name_part(first))
        or names.is_title_line(first)
        or (names.has_org_word(first) and _words(first) <= 10)
        or any(names.is_postal_line(t) or names.is_address_start(t) for t in texts)
    ):
        return "address"
    if any(parse_date_line(t) for t in texts):
        return "address"  # a block closing with its date ("… Den Haag 04.09.2022")
    return "label"


def _cc_entries_under_label(page: _Page, label: list[int], block: list[int]) -> bool:
    """True for a block of cc entries set apart from the bare label ("Copy:") above it."""
    match = CC_LINE.match(page.text(label[0]))
    if len(label) != 1 or match is None or match.group("rest").strip():
        return False
    texts = []
    for i in block:
        text = page.text(i).rstrip(",;")
        marker = split_marker(text)
        texts.append(marker[2] if marker and marker[0] == "bullet" else text)
    return len(texts) <= 30 and all(
        _words(t) <= 25
        and re.match(r"[A-ZÀ-Þ]", t) is not None
        and not re.search(r"[a-z]{3}[.!?]$", t)
        and (is_person_line(t) or names.is_person_name(name_part(t)) or "," in t)
        for t in texts
    )


def _address_line(text: str) -> bool:
    email = re.search(r"\S@[\w-]+\.\w", text) is not None  # not "@handle", a byline
    return names.is_postal_line(text) or names.is_address_start(text) or email


def _blocks_between(page: _Page, first: int, last: int) -> list[list[int]]:
    """Content lines in ``[first, last)`` grouped into blocks at blank or noise lines."""
    out: list[list[int]] = []
    previous = -2
    for index in page.between(first, last):
        heading = (page.lines[index].style or "") in _HEADING_STYLES
        if (
            out
            and index == previous + 1
            and heading == ((page.lines[previous].style or "") in _HEADING_STYLES)
        ):
            out[-1].append(index)
        else:
            out.append([index])
        previous = index
    return out


def _letter_head(page: _Page, salutation: int, headless: bool) -> tuple[int, list[int], list[str]]:
    """Walk up from the salutation: the first line of the letter, page context, notes.

    Below the inside address: date, subject, cc and mail-header blocks. The address
    group: one or more addressee blocks. Above it: at most one block (a letterhead or the
    letter's title) directly above the date. Anything else (prose, a heading, a block that
    is not an address) ends the walk; the page's heading and publication date above it
    are kept as context for the preamble.
    """
    end = salutation + (1 if headless else 0)
    styled = [
        i
        for i in page.between(0, end)
        if (page.lines[i].style or "").lower() in DRAFTKIT_HEAD_STYLES
    ]
    if styled:
        # a document draftkit rendered names the parts of its head in its styles
        return styled[0], [], []
    blocks = _blocks_between(page, 0, end)
    kinds = [_head_block_kind(page, block) for block in blocks]
    for k in range(1, len(blocks)):
        if kinds[k] in ("prose", "page", "label", "address") and _cc_entries_under_label(
            page, blocks[k - 1], blocks[k]
        ):
            kinds[k] = "cc"  # "Copy:" alone, a blank line, then one "Name, office" per line
    start = end if headless else salutation
    phase = "below"  # below the first address block, or from there up
    previous_kind = ""
    extra_taken = False
    opened = False  # a "To," line opens the address: above it only a date or letterhead
    k = len(blocks) - 1
    while k >= 0:
        kind, block = kinds[k], blocks[k]
        text = page.text(block[0])
        titled = len(block) == 1 and _LETTER_HEADING.search(text) is not None
        accept = False
        if kind == "date" and any(
            _head_block_kind(page, blocks[j]) == "date" for j in range(k + 1, len(blocks))
        ):
            break  # a second date above the letter's own is the page's
        if (
            opened
            and kind not in ("date", "subject")
            and not (previous_kind == "date" and not extra_taken and kind in ("label", "address"))
        ):
            break
        if opened and previous_kind == "date" and kind in ("label", "address"):
            extra_taken = True
        if kind in ("subject", "cc", "mail header", "date", "address"):
            accept = True
        elif kind == "label" and not titled:
            above = kinds[k - 1] if k > 0 else ""
            if phase == "below" and (
                len(block) > 1 or above in ("address", "cc", "date", "subject", "mail header")
            ):
                # a single unplaceable line above the greeting is a title, unless the
                # letter's head goes on above it (an unlabelled subject under the cc list)
                accept = True
            elif previous_kind == "date" and not extra_taken:
                accept = extra_taken = True
        if kind == "address":
            phase = "in"
        if not accept:
            break
        start = block[0]
        previous_kind = kind
        k -= 1
        if kind == "mail header":
            break  # an e-mail's headers open the message: nothing above is its head
        if kind == "address" and re.match(r"(?i)^(?:to|a|à|para)\b", text):
            opened = True
    notes: list[str] = []
    context: list[int] = []
    if k >= 0:
        notes.append(
            f"page text above line {start + 1}: {kinds[k]} ({_clip(page.text(blocks[k][0]))})"
        )
        heading: list[int] | None = None
        dated: list[int] | None = None
        for j in range(k, max(-1, k - 8), -1):
            single = len(blocks[j]) == 1
            text = page.text(blocks[j][0])
            if heading is None and (
                kinds[j] == "heading"
                or (single and kinds[j] in ("label", "address") and _LETTER_HEADING.search(text))
            ):
                heading = blocks[j][:1]
            elif dated is None and single and kinds[j] in ("published", "date"):
                dated = blocks[j]
            elif heading is None and single and kinds[j] in ("label", "address") and dated:
                heading = blocks[j]  # a title line just above the page's date
            if heading is not None and dated is not None:
                break
        context = sorted([*(heading or []), *(dated or [])])
    return start, context, notes


def _footnotes_start(page: _Page, index: int, limit: int) -> bool:
    """A web page's footnotes: "1." (or "[1]") alone, its note ending with a back link "↩"."""
    if not re.fullmatch(r"\[?\d{1,3}[.)\]]?", page.text(index).strip()):
        return False
    ahead = [i for i in range(index + 1, min(limit, index + 8)) if not page.lines[i].blank][:3]
    return any("↩" in page.text(i) for i in ahead)


def _tail_cut(
    page: _Page, frm: int, limit: int, heading_texts: set[str], *, headings: bool = True
) -> tuple[int, str]:
    """The first line after the letter, and why it ends there.

    A heading ends the letter only after its close: without one, headings may be the
    letter's own sections, and the signature list's end is found by its shape instead.
    """
    lines = page.lines
    for index in range(frm + 1, limit):
        ln = lines[index]
        if ln.blank:
            continue
        reason = page.noise.get(index)
        if is_footer_start(ln.text):
            return index, "page furniture begins"
        if _footnotes_start(page, index, limit):
            return index, "the footnotes begin"
        if reason is not None and reason not in _NOT_A_CUT:
            return index, f"page furniture ({reason})"
        if reason is not None:
            continue
        if (
            headings
            and (ln.heading or (ln.style or "") in ("h1", "h2"))
            and not is_signatory_label(ln.text)
            and not _ADDRESS_LABEL.match(ln.text)
            and not (
                # "Associations" over a list of names: a group of signers under its label
                _words(ln.text) <= 8
                and sum(
                    _signer_like(page.text(i))
                    and not is_prose(page.text(i))
                    and not page.lines[i].link  # "Important Documents" over links
                    for i in page.after(index, 4)
                )
                >= 3
                and (
                    index <= frm + 3
                    or any(_signer_like(page.text(i)) for i in page.before(index, 1))
                )
            )
        ):
            return index, "a heading after the letter"
        if ln.rule and not is_signatory_label(ln.text):
            return index, "a rule after the letter"
        if ln.text.strip().lower() in heading_texts and index > frm + 1:
            return index, "the page's title repeated after the letter"
    return limit, "end of the page"


_ATTENTION = re.compile(
    r"(?i)^(?:a la atenci[oó]n de|à l['’]attention d(?:e|u|es)|all['’]attenzione di|"
    r"zu h(?:än|ae)nden|(?:to|for) the attention of|attn\.?|attention)\s*:?\s+\S"
)
_ADDRESS_LABEL = re.compile(r"(?i)^(?:addressed to|address(?:ees?)?|recipients?|to)\s*:?$")
"""A heading over an address block placed after the signatures ("Addressed to:")."""
_TAIL_PART = re.compile(
    r"(?i)^(?:enclosures?|encl\.?|attachments?|annex(?:es)?|pièces? jointes?|anexos?)\s*[:.]?|"
    r"^(?:P\.\s?S\.|PS:|N\.B\.)"
)
_NOTES_HEADING = re.compile(
    r"(?i)^(?:end\s?notes|foot\s?notes|notes|references|sources|notas|références|fuentes|"
    r"anmerkungen)\s*:?$"
)
_SIGNER_COUNT = re.compile(
    r"(?i)^[\[(]?\d[\d,.]*\+?\s+(?:total\s+|initial\s+|more\s+|additional\s+|other\s+)?"
    r"(?:signers|signatories|signatures|names|organi[sz]ations\s+and\s+individuals)\b"
)
_FOOTNOTE = re.compile(
    r"^(?:\[\d{1,3}\]|\{\d{1,3}\}|\(\d{1,3}\)|\d{1,3}[.)]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+)\s+"
    r"(?=.*(?:\b(?:19|20)\d\d\b|\bibid\b|\bpp?\.\s*\d|https?://|www\.|\bop\.\s?cit))",
    re.IGNORECASE,
)
"""A note at the foot of a letter: a marker, then a citation (a year, "Ibid.", "p. 4", a URL)."""
_DEFINITION = re.compile(r"^[A-Z0-9][\w .&/’'()-]{0,28}:\s+\S")
_CONTACT = re.compile(
    r"(?i)@|https?://|www\.|\+\d[\d ()-]{6,}|\(\d{3}\)\s*\d{3}|"
    r"^(?:tel|telephone|phone|fax|e-?mail|web|website|mobile|cell|mob)\.?\s*[:.]|"
    r"^[ptewfm]:\s"
)


def _entry_kind(page: _Page, index: int) -> str:
    """What a line after the close is: signer, label, note, contact, or not a signer."""
    ln = page.lines[index]
    text = ln.text.strip()
    if is_signatory_note(text):
        return "note"
    if _SIGNER_COUNT.match(text):
        return "label"  # "332 total signers as of 26 January", "[54 INITIAL SIGNERS …]"
    if ln.style == "footnote":
        return "footnote"  # a PDF's footnote, by its smaller type at the foot of a page
    if _NOTES_HEADING.match(text) or (_FOOTNOTE.match(text) and "\t" not in (ln.raw or "")):
        return "footnote"  # a table row ("1<tab>Name<tab>1995/1996<tab>Country") is no note
    if is_signatory_label(text) or re.fullmatch(r"[^:]{1,60}:", text):
        return "label"
    if parse_date_line(text) and not names.is_person_name(text):
        return "date"  # "Letter written March 3rd, 2022." after the signers
    if _CONTACT.search(text) and _words(text) <= 14:
        return "contact"
    if ln.link and _words(text) <= 6:
        return "link"
    if ln.heading or (ln.style or "") in ("h1", "h2"):
        under = page.after(index, 3)
        if (
            _words(text) <= 8
            and sum(
                _signer_like(page.text(i))
                and not is_prose(page.text(i))
                and not page.lines[i].heading
                and not page.lines[i].link
                for i in under
            )
            >= min(3, len(under))
            >= 2
        ):
            return "label"  # "Associations" over the names it groups
        return "heading"
    if "\t" in (ln.raw or text):
        # a table row: a signer when one of its cells is a name (others may describe it)
        cells = [c.strip() for c in (ln.raw or text).split("\t") if c.strip()]
        named = [c for c in cells if not re.fullmatch(r"\(?\d{1,4}[.)]?", c)]
        if named and any(_words(c) <= 12 and _signer_like(c) for c in named):
            return "signer"
    definition = _DEFINITION.match(text)
    if (
        definition
        and not re.match(r"(?i)^(?:signed|sgd|/s/)", text)
        and not is_signatory_label(text.split(":", 1)[0] + ":")
    ):
        return "definition"  # "Tags: …", "IAB: Internet Architecture Board"
    if _name_list(text):
        return "signer"
    slashed = re.match(r"^(?P<name>[^/–|]{3,60}?)\s+[/–|]\s", text)
    if slashed and names.is_person_name(slashed.group("name").strip()):
        return "signer"  # "Ana Ruiz / Former member of parliament for …", however long
    if is_prose(text):
        return "prose"
    return "signer" if _signer_like(text) else "other"


def _signers_after_notes(page: _Page, blocks: list[list[int]], k: int) -> int | None:
    """The block where a signer list goes on after endnotes set in its middle.

    "[SUBSEQUENT SIGNERS]" (or "More signatories:") over five or more signers, within
    the next blocks after the notes: the list resumes there.
    """
    for j in range(k + 1, min(len(blocks), k + 60)):
        first = page.text(blocks[j][0])
        if not (
            _words(first) <= 8
            and re.search(r"(?i)\b(?:signers|signatories|signatures|signed by)\b", first)
        ):
            continue
        under = [i for b in blocks[j:] for i in b][1:8]
        if sum(_signer_like(page.text(i)) and not is_prose(page.text(i)) for i in under) >= 5:
            return j
    return None


_LISTED_BELOW = re.compile(
    r"(?i)\b(?:listed|named|signed)\s+below\b|\(\s*(?:see\s+)?(?:the\s+)?(?:list\s+)?below\s*\)|"
    r"\bsee\s+(?:the\s+)?(?:full\s+)?list\s+below\b"
)


def _signers_listed_below(
    page: _Page, frm: int, cut: int, limit: int, heading_texts: set[str]
) -> tuple[int, int, int, str] | None:
    """A signature block that only says its signers are listed further down.

    Returns (the line saying so, the label over the list, the list's end, why it ends
    there), when the block opens with that line and a signatory label ("Organizations",
    "Signatories:") over at least three signers follows further down (notes between).
    """
    content = page.between(frm, cut)
    if not content or not _LISTED_BELOW.search(page.text(content[0])):
        return None
    for index in range(content[0] + 1, limit):
        if page.lines[index].blank or not is_signatory_label(page.text(index)):
            continue
        if sum(_signer_like(page.text(j)) for j in page.after(index, 6)) < 3:
            continue
        end, why = _tail_cut(page, index, limit, heading_texts)
        list_end, list_why = _signature_end(page, index, end)
        if list_end < end:
            end, why = list_end, list_why
        return content[0], index, end, why
    return None


def _attachment_page(page: _Page, index: int) -> bool:
    """A PDF page after the signatures that opens with a web address: a printout attached
    to the letter (a map, a web page), not more signers."""
    line = page.lines[index]
    if line.page is None:
        return False
    before = next((i for i in range(index - 1, -1, -1) if not page.lines[i].blank), None)
    if before is None or page.lines[before].page in (None, line.page):
        return False
    return re.search(r"https?://|www\.", page.text(index)) is not None


def _signature_end(page: _Page, frm: int, limit: int) -> tuple[int, str]:
    """Where the signature block that starts at ``frm`` ends.

    Signers come in blocks of one shape; the list ends at the first block (after some
    signers) where most lines are not signers: term definitions ("ABC: …"), prose, link
    rows, headings, or a list of another kind than the signers'.
    """
    seen = 0
    signer_list: str | None = None
    label_at: int | None = None  # a label with nothing under it yet ("My answers:")
    blocks = _blocks_between(page, frm, limit)
    k = -1
    while k + 1 < len(blocks):
        k += 1
        block = blocks[k]
        if _TAIL_PART.match(page.text(block[0])) or CC_LINE.match(page.text(block[0])):
            continue  # a cc list, enclosures or a postscript after the signers
        kinds = [_entry_kind(page, i) for i in block]
        joined = " ".join(page.text(i) for i in block)
        if (
            len(block) >= 2
            and not any(page.lines[i].hard for i in block)
            and is_prose(joined)
            and len(joined) >= 60 * len(block)
            and not _name_list(joined)
            and not any("\t" in (page.lines[i].raw or page.text(i)) for i in block)
            and re.search(r"[a-zà-ÿ]{2}[.!?][”\"’)]*$|[a-zà-ÿ]{2}[.!?]\s+[A-ZÀ-Þ]", joined)
        ):
            kinds = ["prose"] * len(block)  # a paragraph wrapped over lines, not a list
        if seen and re.match(
            r"(?i)^(?:for\s+)?(?:media|press)\s+(?:contact|enquir|inquir)|^for more information",
            page.text(block[0]),
        ):
            return block[0], "a press contact after the signers"
        if seen and _attachment_page(page, block[0]):
            return block[0], "an attachment begins on the next page"
        if all(k == "label" for k in kinds):
            label_at = block[0] if label_at is None else label_at
            continue
        signers = kinds.count("signer")
        bad = sum(
            1 for k in kinds if k in ("definition", "prose", "link", "heading", "other", "footnote")
        )
        kind_of_list = page.lines[block[0]].list_kind or (
            "marker" if split_marker(page.text(block[0])) else "plain"
        )
        end = label_at if label_at is not None else block[0]
        if seen and bad > signers:
            resume = _signers_after_notes(page, blocks, k) if kinds[0] == "footnote" else None
            if resume is not None:
                # endnotes set between the first signers and the rest of the list
                for notes in blocks[k:resume]:
                    for i in notes:
                        page.noise[i] = "notes between the signers"
                k = resume - 1
                continue
            previous = blocks[k - 1] if k else []
            if (
                label_at is None
                and kinds[0] == "prose"
                and len(previous) == 1
                and _words(page.text(previous[0])) <= 6
                and not re.search(r"[.,;:]$", page.text(previous[0]))
                and not names.is_person_name(name_part(page.text(previous[0])))
                and not names.is_organisation(page.text(previous[0]))
                and not names.has_org_word(page.text(previous[0]))
            ):
                end = previous[0]  # "General comments" heads the prose after the signers
            return end, f"{kinds[0] if bad else 'other'} lines after {seen} signer lines"
        if not seen and bad and not signers:
            return end, f"{kinds[0]} after the close, no signers (an annex or page text)"
        if (
            seen >= 3
            and signer_list is not None
            and kind_of_list != signer_list
            and len(block) >= 3
            and "label" not in kinds[:1]
        ):
            return end, "a list of another shape after the signers"
        if signers:
            seen += signers
            signer_list = signer_list or kind_of_list
            label_at = None
    return limit, "end of the letter"


# -- the whole reading -----------------------------------------------------------------


_MIDLINE_GREETING = re.compile(
    r"\s(?=(?:My\s+)?Dear\s|Excellenc(?:y|ies)[,:]|Respected\s|Honou?rable\s|Madam[,:\s]|Sir[,:])"
)


_CLOSE_RUN_ON = re.compile(
    r"^(?P<close>(?:Yours\s+(?:very\s+)?(?:sincerely|faithfully|truly|respectfully)|"
    r"(?:Very\s+)?(?:Sincerely|Respectfully|Faithfully|Cordially)(?:\s+yours)?|"
    r"(?:With\s+)?(?:kind|best|warm)(?:est)?\s+regards|Regards|Thanking you|Signed),)\s+"
    r"(?P<rest>[A-Z][^.!?]{2,200})$"
)
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


def split_run_together(lines: list[Line]) -> list[Line]:
    """Lines where a page collapsed two parts of a letter into one.

    "Re: Release of the journalists Dear Minister," and "12 March 2024 Dear Sir," become
    two lines each (with a blank line between), when the part before the greeting is a
    subject, a date or an addressee and the part after is a salutation. "Yours sincerely,
    Jane Doe Director" becomes the close and the signature; an address block run onto one
    line with its place and date is split into its lines.
    """
    out: list[Line] = []
    for ln in _join_wrapped_greetings(lines):
        text = ln.text
        run_on = _CLOSE_RUN_ON.match(text) if not ln.blank and "," in text[:40] else None
        if run_on and not is_prose(run_on.group("rest")):
            for part in (run_on.group("close"), run_on.group("rest")):
                out.append(Line(part, hard=True, raw=part, page=ln.page))
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
        if not ln.blank and len(text) <= 600:
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
            if other[2] >= 4.0 and other[0] > sal[0] + 2 and not other[1][1]:
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
    titled = best.headless and {
        "right under a heading that names a letter",
        "speaks to 'you'",
    } <= set(best.reasons)
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
