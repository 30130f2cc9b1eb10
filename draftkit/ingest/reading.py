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

Lines a page ran together are split back first (:mod:`draftkit.ingest.run_together`);
furniture is marked by :mod:`draftkit.ingest.noise`; the salutation and close candidates
come from :mod:`draftkit.ingest.candidates`, the openings of a letter with no salutation
from :mod:`draftkit.ingest.headless`. This module pairs them, scores each pairing and
bounds the letter (:func:`locate`).

The parts (preamble, body, signatures) are then read by their own modules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from draftkit.ingest import names
from draftkit.ingest.anchors import (
    is_politeness_formula,
    match_salutation,
)
from draftkit.ingest.candidates import (
    _VOCATIVE,
    ADDRESSED_RUN,
    _close_candidates,
    _salutation_candidates,
)
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.head import (
    _letter_head,
)
from draftkit.ingest.head_lines import (
    CC_LINE,
    MAIL_HEADER,
    SUBJECT_LINE,
    is_person_line,
    name_part,
)
from draftkit.ingest.headless import MEMO_HEADER, TO_ADDRESSED, _headless_openings, _published
from draftkit.ingest.noise import (
    _context_free_noise,
    _mark_preamble_noise,
    mark_navigation,
)
from draftkit.ingest.page import (
    _LETTER_HEADING,
    _SECTION_TITLE,
    _clip,
    _name_list,
    _named_with_office,
    _Page,
    _signer_like,
    _words,
    is_prose,
)
from draftkit.ingest.run_together import split_run_together
from draftkit.ingest.signer_labels import is_signatory_label
from draftkit.ingest.tail import (
    _DELIVERY_NOTE,
    _before_aside,
    _closing_line_before,
    _signature_end,
    _signed_midway,
    _signers_listed_below,
    _tail_cut,
    _trailing_signers,
)
from draftkit.ingest.text import Line
from draftkit.sentences import LIST_INTRO_END, ends_sentence, split_marker

__all__ = ["Candidate", "Reading", "locate"]


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
    closed: bool = False  # a close or a closing sentence ends it (not signer lines alone)

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
        title: The lines of a title naming the letter between its inside address and its
            first line: the letter's heading, not a line of the address.
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
    title: list[int] = field(default_factory=list)
    end: int = 0
    headless: bool = False
    closing_line: int | None = None
    signatures: int | None = None
    chosen: Candidate | None = None
    alternatives: list[Candidate] = field(default_factory=list)
    complete: bool = False
    notes: list[str] = field(default_factory=list)


# -- a pairing's score ------------------------------------------------------------------


def _capitalised(text: str) -> set[str]:
    """The capitalised words of a line (a name's words), lower-cased."""
    return {w.lower() for w in re.findall(r"\b[A-ZÀ-Þ][\w'’-]+", text)}


def _same_greeting(later: str, first: str) -> bool:
    """ "Caro ministro," said again in the body of a letter that opened "Caro ministro
    Joaquim Barbosa,": the same greeting, shortened or whole."""
    a = later.rstrip(",:;").lower().split()
    b = first.rstrip(",:;").lower().split()
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if (len(shorter) >= 2 and longer[: len(shorter)] == shorter) or a == b:
        return True
    # "Senhor presidente, …" in the body of a letter that opened "Caro Presidente Lula,":
    # the reader's office, greeted again with another courtesy
    office_a, office_b = _greeted_office(a), _greeted_office(b)
    return bool(office_a) and office_a == office_b


_COURTESY_LIST = """
    dear my meu minha caro cara querido querida prezado prezada estimado estimada
    senhor senhora señor señora sr. sra. mr. mrs. ms. madam madame monsieur cher chère
"""
_COURTESY_WORDS = frozenset(_COURTESY_LIST.split())


def _greeted_office(words: list[str]) -> str:
    """The first word after a greeting's courtesies, when it is an office ("presidente")."""
    rest = [w.strip(",:;!") for w in words if w.strip(",:;!")]
    while rest and rest[0] in _COURTESY_WORDS:
        rest = rest[1:]
    return rest[0] if rest and names.is_title_line(rest[0]) else ""


def _second_letter(page: _Page, after: int, stop: int, greeting: str | None = None) -> int | None:
    """A reply or second letter after the first one's close: its header or salutation.

    With no close (``after`` is the salutation), the letter's own greeting said again at the
    head of a later paragraph ("Messieurs les Ministres, vous …") is a vocative, not a
    second letter.
    """
    signer_seen = False
    for index in page.between(after + 1, stop):
        text = page.text(index)
        if MAIL_HEADER.match(text) and re.match(r"(?i)^(?:date|from|de|von)\s*:", text):
            following = page.after(index, 2)
            if any(MAIL_HEADER.match(page.text(i)) for i in following):
                return index
        found = match_salutation(page.lines[index]) if signer_seen else None
        if (
            found is not None
            and greeting is not None
            and found[1]
            and _same_greeting(found[0], greeting)
        ):
            continue  # the greeting repeated as a vocative inside the letter
        if found is not None and not re.match(r"(?i)^to\s", text):
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
    # (menus and link lists above it, a few words a line, are the page's frame, not text
    # that comes first)
    score -= 0.05 * page.wordy_before(opening)
    return Candidate(
        salutation=opening,
        close=close[0] if close is not None else None,
        score=round(score, 2),
        reasons=reasons,
        headless=sal is None,
        greeting=sal[1] if sal is not None else ("", ""),
        stop=stop,
        ended=close is not None or any("signature" in r or "signer" in r for r in reasons),
        closed=close is not None or any(r.startswith("a closing sentence") for r in reasons),
    )


# -- the whole reading -----------------------------------------------------------------


def _wrapped_prose(page: _Page, first: int, last: int) -> list[int]:
    """The lines of paragraphs wrapped over soft lines that read as prose joined.

    A PDF's paragraph is a run of soft lines, each cut at the page's width: none of them
    may end a sentence, but the paragraph does ("Please find attached a document in which
    we quote your manifesto and then …" / "… put this right.").
    """
    found: list[int] = []
    content = page.between(first, last)
    # a paragraph's lines but its last run to the page's width: a short line ends it ("…
    # experiences." / "Save Our Safer Streets" / "Co-signed by …" are three parts)
    width = max((len(page.text(i)) for i in content), default=0)
    k = 0
    while k < len(content):
        index = content[k]
        run = [index]
        if not page.lines[index].hard:
            while (
                k + 1 < len(content)
                and content[k + 1] == run[-1] + 1
                and not page.lines[content[k + 1]].hard
                and (
                    len(page.text(run[-1])) >= 0.6 * width
                    # "… for this type of temporary" / "housing.": a sentence broken off
                    # in the middle runs on, whatever the line's length
                    or (
                        page.text(content[k + 1])[:1].islower()
                        and not re.search(r"[.!?:;,]$", page.text(run[-1]).rstrip())
                    )
                )
                and len(run) < 12
            ):
                k += 1
                run.append(content[k])
        k += 1
        if len(run) >= 2:
            joined = " ".join(page.text(i) for i in run)
            if is_prose(joined) and ends_sentence(joined) and not _COSIGNED.match(joined):
                found.extend(run)
    return found


_COSIGNED = re.compile(r"(?i)^(?:co-?signed|countersigned|also signed|endorsed) by\s+\S")
"""A line naming the letter's co-signers under its signer."""


def _labelled_list(text: str) -> bool:
    """A signatory label and its list on one line ("Signataires : Collectif A, Fondation B –
    agence Provence, …"): the signers, however long its entries, not a sentence of the
    body."""
    label, colon, rest = text.partition(":")
    if not colon or _words(label) > 6 or rest.count(",") + rest.count(";") < 2:
        return False
    parts = [p for p in re.split(r"[,;]\s+", rest.strip().rstrip(".")) if p.strip()]
    return (
        is_signatory_label(f"{label.strip()}:")
        and len(parts) >= 3
        and all(_words(p) <= 14 for p in parts)
        and not re.search(r"[a-z]{2}[.!?]\s+[A-Z]", rest)
    )


_IN_GROUP = re.compile(
    r"(?i)^(?:dear|hi|hello|greetings)\s+(?:all|everyone|members|friends|colleagues|comrades|"
    r"supporters|allies|partners|team|folks|sisters\s+and\s+brothers|brothers\s+and\s+sisters)"
    r"\b[^,:;]{0,30}[,:;!]?$"
)
"""A greeting to the writer's own group ("Dear members,", "Hi all,"): a note, not the
letter to an official it may carry."""
_GREETS_OFFICE = re.compile(
    r"(?i)\b(?:chair(?:person|man|woman)?|chancellor|president|secretary|minister|senator|"
    r"representative|governor|mayor|commissioner|director|ambassador|excellenc|members\s+of\s+"
    r"(?:the\s+)?(?:council|committee|board|parliament|congress|senate|assembly))"
)
"""A greeting that names an office ("Dear Chairperson Thompson and Chancellor …")."""

def _note_to_members(note: Candidate, letter: Candidate) -> bool:
    """``note`` greets the writer's own group ("Dear members,") and ``letter`` greets an
    office ("Dear Chairperson Thompson and Chancellor …:"): the note sends the letter."""
    return (
        note.greeting is not None
        and letter.greeting is not None
        and _IN_GROUP.match(note.greeting[0]) is not None
        and _IN_GROUP.match(letter.greeting[0]) is None
        and _GREETS_OFFICE.search(letter.greeting[0]) is not None
    )


_INTRODUCES_LIST = re.compile(LIST_INTRO_END + r"\s*[:;]$")
"""A sentence's end that introduces the list under it ("… call on you forthwith to;")."""

_HANDS_ON = re.compile(
    r"(?i)\b(?:the\s+)?following\s+(?:[\w-]+\s+){0,2}(?:text|letter|message|e-?mail|note)\b|"
    r"\b(?:el|la)\s+siguiente\s+(?:texto|carta|mensaje)\b|\b(?:le|la)\s+(?:texte|lettre|message)\s+suivante?\b"
)
"""A line of a note that hands on the letter under it ("… the following text, which asks
the minister to …")."""


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
    if best.greeting is not None and _IN_GROUP.match(best.greeting[0]):
        # "Dear members, … In solidarity," (a union's e-mail) over the sign-on letter it
        # sends, "Dear Chairperson Thompson and Chancellor Matos Rodríguez:": the letter to
        # the officials is the page's letter
        official = next(
            (
                c
                for c in candidates[1:]
                if c.salutation is not None
                and best.salutation is not None
                and c.salutation > best.salutation
                and _note_to_members(best, c)
                and "a salutation by its words" in c.reasons
                and c.score >= 0.6 * best.score
            ),
            None,
        )
        if official is not None:
            official.reasons.append("the letter to officials the page's note to its members sends")
            candidates.remove(official)
            candidates.insert(0, official)
            best = official
    earlier = [
        c
        for c in candidates[1:]
        if c.salutation is not None
        and best.salutation is not None
        and c.salutation < best.salutation
        and c.stop <= best.salutation
        and c.ended
        and c.score >= 0.6 * best.score
        # a note with no close or closing sentence over a whole letter with a head of
        # its own ("Dear friends, …" / "— The team", then the date, "RE: …" and the
        # letter it sends) presents the letter; it is no letter before it
        and (
            c.closed
            or best.close is None
            or _letter_head(page, best.salutation, best.headless)[0] >= best.salutation
        )
        # a note to the writer's own members over the letter to officials it sends
        and not _note_to_members(c, best)
        # "Dear friends, I have sent the minister the following text:" over the letter
        # sent: a note that hands on the letter below it, with no close of its own
        and not (
            not c.closed
            and any(
                _HANDS_ON.search(page.text(i))
                for i in page.between(c.salutation, best.salutation)
            )
        )
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
                # "Ana Ruiz, CEO" over her company's address: a name with its office
                or ("," in lines[i].text and names.is_person_name(name_part(lines[i].text)))
                or _words(lines[i].text) >= 8
                or SUBJECT_LINE.match(lines[i].text)
            )
        ),
        sal_index,
    )
    for index in mark_navigation(lines, anchor):
        noise.setdefault(index, "navigation menu")
    page = _Page(lines, noise)
    start, context, notes, title = _letter_head(page, sal_index, best.headless)
    reading.start, reading.context, reading.title = start, context, title
    reading.notes += notes
    # the letter's end: page furniture, a heading, the title again, or a reply
    tail_from = best.close if best.close is not None else sal_index
    limit = len(lines)
    second = _second_letter(
        page,
        tail_from,
        limit,
        best.greeting[0] if best.greeting is not None and best.close is None else None,
    )
    if second is not None:
        limit = second
        reading.notes.append(f"a second letter or reply begins at line {second + 1}")
    heading_texts = {
        lines[i].text.strip().lower() for i in context if not parse_date_line(lines[i].text)
    }
    if best.close is None:
        # the site's name at the top of the page, said twice again in its footer ("Your
        # awesome title" over the post, then "Your awesome title" / "• Your awesome title"
        # under it): where it comes back, a letter with no close has ended (a body named
        # once at the top and once under the letter may be the one that signs it)
        names_at_top = {
            page.text(i).strip().lower()
            for i in page.content[:3]
            if i < start and _words(page.text(i)) <= 6 and not parse_date_line(page.text(i))
        }
        if names_at_top:  # (the page's lower part is read only when there is one)
            footer = [
                re.sub(r"^[•·▪◦*-]\s+", "", page.text(i)).strip().lower()
                for i in page.content
                if i > sal_index
            ]
            heading_texts |= {name for name in names_at_top if footer.count(name) >= 2}
    cut, why = _tail_cut(page, tail_from, limit, heading_texts, headings=best.close is not None)
    if best.close is None:
        signed = _signed_midway(page, sal_index + 1, cut)
        if signed is not None:
            cut, why = signed, "an annex after the thanks and the signatures"
        else:
            notes_at = next(
                (
                    i
                    for i in page.between(sal_index + 2, cut)
                    if _SECTION_TITLE.match(page.text(i).strip())
                    and (above := page.before(i, 1))
                    and _named_with_office(page.text(above[0]))
                ),
                None,
            )
            if notes_at is not None:
                # "Pieter Hintjens, presidente da FFII." / "Mais informações" / links and
                # press contacts: the release's notes after the letter it quotes
                cut, why = notes_at, "the page's notes after the signer"
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
                    # "Pieter Hintjens, presidente da FFII.": a signer and his office
                    and not _named_with_office(page.text(i))
                )
                # "… we call on you forthwith to;": the sentence that opens a list of asks
                or (_words(page.text(i)) >= 8 and _INTRODUCES_LIST.search(page.text(i)))
            )
            and not _labelled_list(page.text(i))
            # "Co-signed by London Cycling Campaign, Oaklands School and …": signers
            and not _COSIGNED.match(page.text(i))
        ]
        wrapped = set(_wrapped_prose(page, sal_index + 1, cut))
        prose = sorted({*prose, *wrapped})
        while (
            len(prose) >= 2
            and _DELIVERY_NOTE.match(page.text(prose[-1]))
            and any(
                _signer_like(page.text(i)) and not is_prose(page.text(i))
                for i in page.between(prose[-2] + 1, prose[-1])
            )
        ):
            # "Save Our Safer Streets" / "This letter was sent to the council on 22
            # February.": the page's note on how the letter went out, under its signer
            prose.pop()
        introduced = -1  # the last item of a list the body's last sentence introduces
        if prose and _INTRODUCES_LIST.search(page.text(prose[-1]).rstrip()):
            # "… call on you forthwith to;" over "a)Uphold your election promise …" /
            # "b)Introduce a bill …": the items the sentence introduces are the body's
            items = []
            for i in page.between(prose[-1] + 1, cut):
                marked = split_marker(page.text(i))
                if marked is None or _words(marked[2]) < 6:
                    break
                items.append(i)
            if len(items) >= 2:
                prose += items
                introduced = items[-1]
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
            above = page.before(labelled, 3)
            if above and parse_date_line(page.text(above[0])):
                above = above[1:]  # the letter's date between its signer and the list
            if (
                len(above) >= 2
                and _signer_like(page.text(above[0]))
                and not is_prose(page.text(above[0]))
                and is_prose(page.text(above[1]))
            ):
                # "Rebel·lió o Extinció Barcelona" / "Barcelona, 21 de marzo" / "FIRMAS …":
                # the letter's own signer, over the list of those who signed with it
                signers_from = min(signers_from, above[0])
        run = _trailing_signers(page, sal_index + 1, cut)
        content = _before_aside(page, sal_index + 1, cut)  # the lines the run was counted in
        if (
            run >= 3
            and len(content) > run
            and content[-run] not in wrapped
            and content[-run] > introduced
        ):
            # a list of signers ends the letter: it starts where that run of names does,
            # or at the label over it ("Signed by the people of …:")
            run_start = content[-run]
            for pos in range(len(content) - run, len(content)):
                text = page.text(content[pos])
                if _words(text) < 8 or not _INTRODUCES_LIST.search(text):
                    continue
                # "… call on you forthwith to;" / "a)Uphold …" / "b)Introduce …" in the
                # run: the body's last sentence and the asks it introduces, then the names
                after = pos + 1
                while after < len(content) and _words(
                    (split_marker(page.text(content[after])) or ("", "", ""))[2]
                ) >= 6:
                    after += 1
                if after - pos > 2 and after < len(content):
                    run_start = content[after]
                break
            label = content[-run - 1]
            if page.text(label).rstrip().endswith(":") and _words(page.text(label)) <= 20:
                run_start = label
            signers_from = min(signers_from, run_start)
    if best.close is None:
        reading.closing_line = _closing_line_before(page, sal_index + 1, cut)
        if reading.closing_line is None:
            # "Please accept, Your Excellency, the assurances …" over the signer's name, then
            # a cc list and an annex: the formula closes the letter where it stands
            formulas = [
                i
                for i in page.between(sal_index + 1, cut)
                if is_politeness_formula(page.text(i))
                and (below := page.after(i, 1))
                and _signer_like(page.text(below[0]))
                and not is_politeness_formula(page.text(below[0]))
            ]
            if formulas:
                reading.closing_line = formulas[-1]
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
        # "Para: Exmo. Senhor Primeiro-Ministro, …" over paragraphs that speak to them: a
        # letter addressed on a "To" line, whatever its ending
        or (
            {TO_ADDRESSED, "speaks to 'you'"} <= set(best.reasons)
            and sum(1 for i in page.between(sal_index, cut) if is_prose(page.text(i))) >= 3
        )
    )
    # a greeting on a line of its own and a body of several paragraphs is a letter, close
    # or no close ("Dear Senator, you are not listening …" inside an article is not)
    above = [i for i in page.content if i < sal_index][-1:]
    # a greeting that runs on into its first paragraph counts too when the page's title right
    # above it names the letter ("Carta abierta al Presidente" over "Señor Presidente, he …")
    titled_above = [i for i in page.content if i < sal_index][-3:]
    while titled_above and _published(page.text(titled_above[-1])):
        titled_above.pop()  # the post's date between its title and the letter
    under_title = bool(titled_above and _LETTER_HEADING.search(page.text(titled_above[-1])))
    if not under_title and best.greeting is not None and best.greeting[1]:
        # "Carta aberta ao ministro Joaquim Barbosa" as the page's title, a few lines over
        # "Caro ministro Joaquim Barbosa, há poucos dias, …": the title names the letter
        # and its reader, whom the greeting greets
        greeted_names = _capitalised(best.greeting[0])
        under_title = len(greeted_names) >= 2 and any(
            _LETTER_HEADING.search(page.text(i))
            and len(greeted_names & _capitalised(page.text(i))) >= 2
            for i in [i for i in page.content if i < sal_index][-8:]
        )
    greeted = (
        not best.headless
        and best.greeting is not None
        and (not best.greeting[1] or under_title)
        and (
            "a salutation by its words" in best.reasons
            # "Exmo. Sr. Office, Name," lines, one an addressee, over the first paragraph
            or ADDRESSED_RUN in best.reasons
            or any(r.startswith("the name the page's title") for r in best.reasons)
            # a greeting by its shape under a line that presents the letter ("Below is the
            # letter I sent to my representatives:")
            or bool(above and re.search(r"(?i)\bletter\b", page.text(above[0])))
        )
        and sum(1 for i in page.between(sal_index + 1, cut) if is_prose(page.text(i))) >= 3
    )
    reading.complete = opening_ok and (ending_ok or head_ok or titled or greeted)
    return reading
