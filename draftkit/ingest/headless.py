"""A letter with no salutation: where its first paragraph could begin, and how likely.

The page's first prose paragraph and the first paragraph under a heading that names a
letter are weighed by what stands above them (an addressee or "To" line, a subject, a
memo header, a dateline or a press release's top, a sentence introducing the letter).
"""

from __future__ import annotations

import re

from draftkit.ingest import names
from draftkit.ingest.candidates import _close_candidates
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.head_lines import ATTENTION_LINE, SUBJECT_LINE, TO_LINE, is_person_line
from draftkit.ingest.page import _HEADING_STYLES, _LETTER_HEADING, _Page, _words, is_prose
from draftkit.ingest.run_together import _PRESENTE_LINE
from draftkit.ingest.tail import _trailing_signers
from draftkit.ingest.text import Line

_LETTER_OPENING = re.compile(
    r"^(?:We|I),? (?:the undersigned|write|are writing|am writing|write to|would like to)|"
    r"^(?:On behalf of|As (?:members|leaders|representatives|organi[sz]ations))|"
    r"^(?:Nous|Je),? (?:soussignée?s?|vous écri|souhaitons|tenons)|"
    r"^(?:Nosotr[oa]s|Los abajo firmantes|Las organizaciones abajo firmantes)",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(
    r"(?i)\b(?:you|your|vous|votre|vos|usted|ustedes|su excelencia|vuestra|voc[êe]s?|"
    r"vossas?\s+excel[êe]ncias?|v\.\s?ex[ªa]s?)(?!\w)"
)


TO_ADDRESSED = "a 'To' address line above the first paragraph"
"""The reason a headless reading gives for a "To:" line over its first paragraph."""

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
    # the paragraph's first sentence, over the lines it is wrapped on: every line but the
    # last of similar length (a page copied without blank lines runs a title, a date and
    # an address into one "paragraph" of lines of all lengths)
    end = next((k for k, line in enumerate(lines) if re.search(r"[.!?]$", line)), len(lines) - 1)
    sentence = lines[: end + 1]
    widest = max((len(line) for line in sentence), default=0)
    wrapped = len(sentence) >= 2 and all(len(line) >= 0.6 * widest for line in sentence[:-1])
    return wrapped and _words(" ".join(lines)) >= 20 and is_prose(" ".join(lines))


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
    # the first line that reads as prose, or that opens a paragraph which does once its
    # wrapped lines are joined (a PDF or a plain-text letter with hard line breaks): in
    # a wrapped letter a single long line deep inside the text may read as prose first
    first_prose = next(
        (
            i
            for i in page.content
            if i < stop
            and _prose_at(page, i)
            and not _continues_sentence(page, i)
            and not re.match(r"(?i)^letter\s+dated\s", page.text(i))
            # "Para: Exmo. Senhor Primeiro-Ministro, Exma. Senhora Ministra, …": a long
            # address line reads as prose, but it is the letter's head
            and not TO_LINE.match(page.text(i))
        ),
        None,
    )
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
    r"(?i)(?:\bthe\s+following|^following|\bbelow)\s+is\s+(?:an?|the|our|my)\s+(?:[\w-]+\s+){0,2}letter\b|"
    r"\bhere\s+is\s+(?:an?|the|our|my)\s+(?:[\w-]+\s+){0,2}letter\b|"
    r"\bhere['’]s\s+(?:an?|the|our|my)\s+(?:[\w-]+\s+){0,2}letter\b|"
    r"\b(?:full\s+)?text\s+of\s+(?:the|our|my)\s+letter\s*(?:below|follows)?\s*:?\s*$|"
    # "… has signed on to the following open letter to Parliamentarians about …:"
    r"\bthe\s+\[?following\s+(?:[\w-]+\s+){0,2}letter\b[^.!?]{0,160}:\s*$|"
    # "Veja a carta que o bispo enviou hoje ao presidente:", "Lea la carta:", "Voici la
    # lettre :"
    r"^(?:veja|leia|confira|lea|vea|lisez|voici)\s+(?:abaixo\s+|a\s+continuaci[óo]n\s+)?"
    r"(?:a|la)\s+(?:[\w-]+\s+){0,2}(?:carta|lettre)\b[^.!?]{0,200}:\s*$"
)
"""A page's sentence that introduces the letter below it."""

_ITALIAN_TO = re.compile(
    r"^(?:Al|Alla|Allo|Ai|Agli|Alle)\s+(?:Sig\.|Sig\.ra|Signor\w*|Comune|Presidente|Sindaco|"
    r"Ministr[oa]|Consiglio|Prefett\w*|Assessor\w*|Direttor\w*|Regione|Provincia|Governo|"
    r"On\.|Onorevole|Egregi\w*|Gent\.?\w*|Vice\w*)"
)
"""An Italian address line: "Al Sig. Sindaco …", "Alla Presidente del Consiglio …"."""


_DATE_LABEL = re.compile(r"(?i)^(?:date|fecha|data|datum)\s*:\s*\S.{0,40}$")
"""A labelled date line ("Date: 30 October 2012") between a title and the letter."""


def _published(text: str) -> bool:
    """A page's own date line: "Published 2019-03-21", "May 7, 2019 · News" (not a
    reporter's byline, "By Ines Moraru in Brussels · 21 September 2023": a news story)."""
    if re.match(r"(?i)^(?:by|par|por|von)\s", text):
        return False
    dated = parse_date_line(text) if len(text) <= 80 else None
    return dated is not None and dated.published


def _title(line: Line) -> bool:
    """A heading: an HTML heading, or a short capitalised line with no end punctuation."""
    text = line.text.strip().lstrip("\"“«'‘")
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


LETTER_INTRODUCED = "the page introduces it as a letter ('The following is a letter we sent')"


def introduces_letter(texts: list[str]) -> bool:
    """The page's words just above a letter introduce it ("Below is the letter I sent to
    my representatives.", "… signed on to the following open letter:")."""
    near = [t for t in texts if t.strip()][-4:]
    return any(_LETTER_INTRO.search(t) and len(t.split()) <= 60 for t in near)


_UNDERSIGNED_APPEAL = re.compile(
    r"(?i)\b(?:we|nosotr[oa]s|nous),?\s+(?:the\s+undersigned|los\s+abajo\s+firmantes|"
    r"les\s+soussign[ée]s)\b,?[^.!?]{0,120}?\b(?:call|urge|request|appeal|ask|demand|"
    r"implore|exhort|write|are\s+writing|exigimos|solicitamos|pedimos|instamos|"
    r"exhortamos|demandons|appelons|exhortons|prions|[ée]crivons)\b"
)
"""A body sentence in which the signers speak as one to their reader: "With this in
mind, we, the undersigned, urgently request the Government to …"."""

_PETITION_TITLE = re.compile(r"(?i)\b(?:petition|p[ée]tition|petici[óo]n|abaixo-assinado)\b")

SIGNED_APPEAL = "an appeal by 'we, the undersigned' signed by a list of names at its end"
"""The reason a headless reading gives for a collective appeal signed at its foot."""


def _score_headless(
    page: _Page, first_prose: int, stop: int
) -> tuple[int, float, list[str]] | None:
    before = [i for i in page.content if i < first_prose]
    texts = [page.text(i) for i in before]
    why: list[str] = []
    score = 0.0
    # the address block over the first paragraph: a page copied without blank lines runs
    # the addressee's name, offices and postal lines together (eight lines and more)
    near = before[-10:]
    if any(
        TO_LINE.match(page.text(i))
        or ATTENTION_LINE.match(page.text(i))
        or re.match(r"(?i)^to\s*[,:]?$", page.text(i))
        or _ITALIAN_TO.match(page.text(i))
        for i in near
    ):
        score += 2.0
        why.append(TO_ADDRESSED)
    elif any(_PRESENTE_LINE.match(page.text(i)) for i in near[-2:]):
        score += 2.0
        why.append("an inside address closed by 'Presente'")
    elif any(
        # ("Ingeniero Nicolás Posse," with the comma an address line may end with)
        is_person_line(page.text(i).rstrip(",")) and names.split_honorific(page.text(i))[0]
        for i in near
    ):
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
    # the post's date between its title and the letter ("Published 2019-03-21", "Date: 30
    # October 2012"): the letter still stands right under its title
    dated = 0
    while dated < min(2, len(texts) - 1) and (
        _published(texts[-1 - dated]) or _DATE_LABEL.match(texts[-1 - dated])
    ):
        dated += 1
    if (
        before
        and _LETTER_HEADING.search(texts[-1 - dated])
        and _title(page.lines[before[-1 - dated]])
    ):
        score += 1.5
        why.append("right under a heading that names a letter")
    elif any(_LETTER_HEADING.search(page.text(i)) and _title(page.lines[i]) for i in before[-8:]):
        score += 1.0
        why.append("a heading names a letter")
    dateline = parse_date_line(texts[-1]) if texts and len(texts[-1]) <= 60 else None
    if dateline is not None and dateline.place and not dateline.published:
        # "Paris, le 21 août 2018" right over the first paragraph: a letter's dateline
        score += 1.0
        why.append("a dateline (place and date) over the first paragraph")
    if score and _LETTER_OPENING.match(page.text(first_prose)):
        score += 1.0
        why.append("opens as a letter ('We, the undersigned', 'I write')")
    if introduces_letter(texts):
        score += 2.0
        why.append(LETTER_INTRODUCED)
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
    if (
        not any(_PETITION_TITLE.search(t) for t in texts)
        and _UNDERSIGNED_APPEAL.search(body)
        and _trailing_signers(page, first_prose, stop) >= 10
    ):
        # "… we, the undersigned, urge the Government to …" and ninety names under it:
        # a collective letter published with no greeting (a petition page is not one)
        score += 2.0
        why.append(SIGNED_APPEAL)
    if any(close[1] >= 4.0 for close in _close_candidates(page, first_prose, stop)):
        # "Sincerely," with a name under it after paragraphs that speak to the reader:
        # the text is signed as a letter is, though it opens with no greeting
        score += 1.5
        why.append("a valediction and a signer end it")
    if score >= 1.5:
        return first_prose, score, why
    return None
