"""The lines that could open or close a letter: its salutation and close candidates.

Each candidate comes with a score and the reasons for it (a salutation by its words or
its shape, a bare name under a title that names it, a close followed by signer-like
lines); the reading (:mod:`draftkit.ingest.reading`) pairs them and keeps the best.
"""

from __future__ import annotations

import functools
import re

from draftkit.ingest import names
from draftkit.ingest.anchors import close_strength, match_salutation, shaped_salutation
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.head_lines import CC_LINE, SUBJECT_LINE, TO_LINE, is_person_line
from draftkit.ingest.organisations import has_org_word
from draftkit.ingest.page import _LETTER_HEADING, _Page, _signer_like, _words, is_prose, label_like
from draftkit.ingest.postal import is_postal_line
from draftkit.ingest.signer_labels import (
    SIGNER_COUNT,
    is_name_placeholder,
    is_signatory_label,
    is_signatory_note,
    labelled_signers,
)
from draftkit.ingest.text import Line
from draftkit.sentences import split_marker

_QUOTED = re.compile(r"^[“\"‘'«„]")


_TO_GREETING = re.compile(r"^To\s+(?:the\s+)?[A-Z][^,:;]{2,160}(?:,|:)$")
"""'To the White House Office of Science and Technology Policy,': with its comma at the
end and prose after it, a greeting (an address line has no comma, a memo's 'To:' its
colon first)."""


def _named_in_title(page: _Page, index: int) -> bool:
    """ "Putin," on its own line under a title "Letter to Putin: …": a bare-name greeting."""
    text = page.text(index).strip()
    if re.fullmatch(r"[A-Z][\w’'-]{1,30},", text):
        word = text[:-1]
        return any(
            re.search(
                rf"(?i)\bletter\s+to\s+(?:[\w.’'-]+\s+){{0,3}}{re.escape(word)}\b", page.text(i)
            )
            for i in page.before(index, 4)
        )
    # "Enrique Quintana, nuevo director de CONATEL:" under "Carta al nuevo director de
    # CONATEL": the reader the title names, greeted by name and office
    if text[-1:] not in (",", ":") or "," not in text or _words(text) > 14:
        return False
    if not re.fullmatch(r"[A-ZÀ-Þ][^.!?;:]{2,140}[,:]", text):
        return False
    words = {w.lower() for w in re.findall(r"\w{4,}", text)}
    return any(
        len(words & {w.lower() for w in re.findall(r"\w{4,}", page.text(i))}) >= 2
        and _LETTER_HEADING.search(page.text(i)) is not None
        for i in page.before(index, 4)
    ) and names.is_person_name(text.split(",")[0])


_VOCATIVE = "a sentence of the body that addresses the reader"


def _addressed_under(page: _Page, index: int) -> bool:
    """An office line with a comma that a name line or a copy line follows ("Sr. Jefe del
    Gabinete de Ministros," / "Ingeniero Nicolás Posse," / "c.c. …"): the address, read
    line by line, not a greeting."""
    below = page.after(index, 1)
    if not below or below[0] != index + 1:
        return False
    text = page.text(below[0]).strip()
    return bool(CC_LINE.match(text)) or (
        text.endswith(",") and _words(text) <= 8 and not is_prose(text)
        and (names.is_person_name(text.rstrip(",")) or names.split_honorific(text)[0] is not None)
    )


ADDRESSED_OFFICE = re.compile(
    r"(?i)^(?:Exm[oa]s?|Excm[oa]s?|Ilm[oa]s?|Excelent[íi]s{1,2}im[oa]s?)\.?\s+"
    r"(?:(?:Sr[as]?|Sres|Sras|Senhor(?:a|es|as)?|Señor(?:a|es|as)?)\.?\s+)?"
    r"[^,]{3,120},\s*\S[^\n]{2,160}$"
)
"""A Portuguese or Spanish address line that names an office and its holder, "Exmo. Sr.
Presidente da República, Marcelo Rebelo de Sousa,": one of the letter's addressees."""


def _addressed_next(page: _Page, index: int) -> bool:
    """The line right under ``index`` is another "Exmo. Sr. Office, Name," line."""
    below = page.after(index, 1)
    return bool(below) and below[0] == index + 1 and _addressed(page, below[0])


def _addressed(page: _Page, index: int) -> bool:
    return ADDRESSED_OFFICE.match(page.text(index).strip()) is not None


ADDRESSED_RUN = "the last of the 'Exmo. Sr. Office, Name,' lines over the letter"
"""The reason a salutation candidate gives when it ends a run of addressee lines: the
letter starts under it, and it is one more addressee, not a greeting."""


def _salutation_candidates(page: _Page) -> list[tuple[int, tuple[str, str], float, list[str]]]:
    """Lines that could open the letter, each with a score and the reasons."""
    out: list[tuple[int, tuple[str, str], float, list[str]]] = []
    for index in page.content:
        ln = page.lines[index]
        if len(out) >= 12:
            break
        addressed = _addressed(page, index)
        if addressed and _addressed_next(page, index):
            # one of two or more "Exmo. Sr. Office, Name," lines in a row: the letter's
            # addressees, set one a line (Portuguese open letters do so, with no greeting
            # of their own); the letter opens under the last of them
            continue
        above = page.before(index, 1)
        run_end = addressed and bool(above) and above[0] == index - 1 and _addressed(page, above[0])
        matched = None if run_end else match_salutation(ln)
        strength = 3.0
        why: list[str] = []
        if run_end:
            # the last of the "Exmo. Sr. Office, Name," lines: the letter opens under it
            matched = (ln.text.strip(), "")
            why.append(ADDRESSED_RUN)
        elif matched:
            why.append("a salutation by its words")
            if re.match(r"(?i)^to\s", ln.text):
                strength = 2.0
        elif shaped_salutation(ln) and not _addressed_under(page, index):
            matched, strength = (ln.text.strip(), ""), 1.0
            why.append("a greeting by its shape (short, names an office, ends with a comma)")
        elif _TO_GREETING.match(ln.text.strip()):
            matched, strength = (ln.text.strip(), ""), 2.0
            why.append("a 'To the …,' greeting naming a body or office")
        elif ln.text.rstrip()[-1:] in (",", ":") and _named_in_title(page, index):
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
                or is_postal_line(first)
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


_SIGNING_LABEL = re.compile(
    r"(?i)^(?:signed|signed by|firmado|assinado|sign[ée])\b[^.]{0,20}[,:]?$"
)
"""A label over the signatures ("Signed,", "Signed by:") rather than a valediction."""


def _rule_under(page: _Page, index: int) -> bool:
    """The next non-blank line under ``index`` is a rule ("---", "***")."""
    below = next((i for i in range(index + 1, len(page.lines)) if not page.lines[i].blank), None)
    # ("..." or "…" under the close is an ellipsis, the place a signature was cut, no rule)
    return (
        below is not None
        and page.noise.get(below) == "decoration"
        and re.fullmatch(r"[\s.…‥·]+", page.text(below)) is None
    )


def _close_candidates(page: _Page, start: int, stop: int) -> list[tuple[int, float, list[str]]]:
    """Lines after ``start`` that could close the letter, each with a score and reasons."""
    known = page.closes.get((start, stop))
    if known is None:
        known = page.closes[(start, stop)] = _weigh_closes(page, start, stop)
    return known


def _weigh_closes(page: _Page, start: int, stop: int) -> list[tuple[int, float, list[str]]]:
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
        above = page.before(index, 1)
        if (
            above
            and (greeting := match_salutation(page.lines[above[0]])) is not None
            and not greeting[1]  # a greeting alone on its line, not a paragraph's vocative
            and (below := page.after(index, 1))
            and is_prose(page.paragraph(below[0]))
            and _words(page.paragraph(below[0])) >= 12
        ):
            continue  # "Dear Secretary Lopez," / "Warm greetings." / the letter: a greeting
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
        elif strength == 2 and _rule_under(page, index):
            # "Sincerely," then "---": a template left for the sender to sign; the rule
            # ends the letter
            score += 0.5
            why.append("a rule under it ends the letter")
        elif (
            _signer_like(page.text(following[0])) and not close_strength(page.lines[following[0]])
        ) or labelled_signers(page.text(following[0])) is not None:
            score += 2.0
            why.append("a signer-like line follows")
            if is_name_placeholder(page.text(following[0])):
                # "Thank you," over "[YOUR NAME]": a template's close and its signer's blank
                score += 1.0
                why.append("a template's blank for the sender's name")
        elif strength == 2 and (
            SIGNER_COUNT.match(page.text(following[0]))
            or is_signatory_label(page.text(following[0]))
        ):
            # "With urgency," over "1,104 total signers as of …" or "Signatories:"
            score += 1.5
            why.append("a count or label of the signers follows")
        elif (
            close_strength(page.lines[following[0]]) == 1
            and _SIGNING_LABEL.match(page.text(following[0]))
            and text.endswith(",")
        ):
            score += 1.0
            why.append("a signing label follows ('Signed,')")
        elif close_strength(page.lines[following[0]]) == 2 or (
            strength == 1 and close_strength(page.lines[following[0]])
        ):
            score -= 2.0
            why.append("another close follows")
        elif close_strength(page.lines[following[0]]):
            score += 1.0
            why.append("a signing label follows ('Signed,')")
        elif is_prose(page.text(following[0])):
            if strength == 2 and not shaped and _words(text) <= 4:
                # "Sincerely," alone on its line, then "For an up-to-date list of the
                # signatures, see …" or a postscript: a valediction still, a note after it
                score -= 1.0
                why.append("prose follows (a note or postscript after the close)")
            else:
                score -= 2.5
                why.append("prose follows")
        if strength == 1 and not (text.endswith(",") or text.lower().startswith("thanking")):
            score -= 1.0
        if _SIGNING_LABEL.match(text) and out and out[-1][0] in page.before(index, 1):
            # "With respect and hope," / "Signed,": the close, then the label of the list
            score -= 2.0
            why.append("a close right above it: a signing label")
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
        and not has_org_word(text)
    )
