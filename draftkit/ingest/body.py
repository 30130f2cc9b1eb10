"""The body of a letter: paragraphs, the asks and their intro, the closing.

Hard-wrapped lines are joined; list items are found by their markers (or by Word and
HTML list structure); asks are a list or run of lead-in paragraphs introduced by a
sentence that asks for something, or paragraphs opening with a bold lead-in.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from draftkit.ingest.text import Line, normalise_space
from draftkit.markup import escape
from draftkit.schema import Ask
from draftkit.sentences import first_sentence, split_marker

__all__ = ["Unit", "body_asks_closing", "units_of"]

_ASK_INTRO = re.compile(
    r"\b(?:urge|urges|urging|ask|asks|asking|request|requests|requesting|call (?:on|upon)|"
    r"calls? for|calling (?:on|upon|for)|seeking|demanding|recommending|"
    r"recommend|recommends|recommendations?|encourage|implore|appeal|invite|press|"
    r"grateful if|would be (?:very |most |deeply )?grateful|we respectfully|"
    r"following (?:steps|actions|measures|"
    r"commitments|recommendations|requests|priorities)|should|must|seek|demand|"
    r"exhort|petition|we hope (?:you|that)|priorit|"
    r"following\s+(?:[\w-]+\s+){0,3}questions|questions\s+(?:to|for)\s+you)\b"
    r"|\b(?:prions|prie|demandons|demande|exhortons|invitons|appelons|recommandons|sollicitons|"
    r"engageons|solicitamos|pedimos|instamos|exhortamos|recomendamos|rogamos|llamamos|"
    r"invitamos|urgimos|exigimos|apelamos|recomendamos|"
    r"fordern|auffordern|bitten|ersuchen|appellieren|empfehlen|verlangen|"
    r"chiediamo|sollecitiamo|esortiamo|raccomandiamo|invitiamo)\b"
    r"|\bto:\s*$",
    re.IGNORECASE,
)
_ASK_VERB_LIST = """
    abolish accelerate accept act address adopt advance affirm allocate allow amend appoint
    approve assert assess assign assure authorise authorize avoid ban begin bring build call
    cancel cease champion clarify close commission commit comply condemn conduct consider
    consult continue convene cooperate create curb cut decline declassify decriminalise
    decriminalize defend deliver demand deploy designate desist develop direct disclose
    discontinue dismantle drop educate eliminate embrace empower enable encourage end
    endorse enforce engage enhance ensure enact establish evaluate examine expand expedite
    extend facilitate fund grant guarantee halt help hold honour honor implement improve
    include increase inform initiate insist instruct integrate intervene introduce
    investigate invite issue join keep launch lead lift limit maintain make mandate meet
    monitor move negotiate oppose order pass pause pay permit persuade place pledge postpone
    press prevent prioritise prioritize proceed produce prohibit promote protect provide
    prosecute publish pursue push put raise ratify reaffirm recognise recognize reconsider
    redouble reduce refer refrain reform refuse reinstate reject release remove renew reopen
    repeal replace report request require rescind reserve respect respond restore resume
    return reverse review revise revoke safeguard sanction scale seek share shorten sign
    speak stand step stop strengthen submit support suspend take terminate track train
    uphold urge use vote waive withdraw work explain confirm indicate specify describe outline
    answer
"""
_ASK_VERBS = frozenset(_ASK_VERB_LIST.split())
"""Verbs that open an ask written as an instruction ("Release …", "Ensure …")."""


def imperative(text: str) -> bool:
    """True when ``text`` opens with a verb of request ("Ensure that …", "Release all …")."""
    words = re.split(r"[\s,;:]+", text.strip(), maxsplit=2)
    if len(words) > 1 and words[0].lower() in ("please", "kindly"):
        words = words[1:]  # "Please provide …"
    return words[0].lower().strip("“\"'(") in _ASK_VERBS


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
    "feel",
    "kindly",
    "sincerely,",
    "a",
    "an",
    "all",
    "many",
    "some",
    "such",
    "given",
    "despite",
}


@dataclass(slots=True)
class Unit:
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


_ENDS_SENTENCE = re.compile(r"[.!?:;”\"’)]$")


def _soften_wrapped_runs(lines: list[Line]) -> list[Line]:
    """Paragraph-per-line documents (PDF turned into Word): wrapped runs may be joined.

    A run of three or more plain paragraphs without blank lines, most of which stop
    mid-sentence, is a hard-wrapped paragraph, so its lines become joinable.
    """
    out = list(lines)
    start = 0
    while start < len(out):
        end = start
        while end < len(out) and not out[end].blank:
            end += 1
        run = out[start:end]
        plain = all(ln.hard and not ln.list_kind and not ln.style for ln in run)
        if plain and len(run) >= 3:
            open_ended = sum(1 for ln in run[:-1] if not _ENDS_SENTENCE.search(ln.text))
            if open_ended >= 0.6 * (len(run) - 1):
                for index in range(start, end):
                    ln = out[index]
                    out[index] = Line(
                        ln.text, indent=ln.indent, marked=ln.marked, lead=ln.lead, raw=ln.text
                    )
        start = end + 1
    return out


def units_of(lines: list[Line]) -> list[Unit]:
    """Group body lines into paragraphs and list items, joining hard-wrapped lines."""
    lines = _soften_wrapped_runs(lines)
    units: list[Unit] = []
    widths = [len(ln.raw or ln.text) for ln in lines if not ln.blank and not ln.hard]
    width = max(widths) if widths else 0
    wrapped = 0 < width <= 100
    current: Unit | None = None
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
            and not re.search(r"[;,]\s*(?:and|or)$", previous.text)
        ):
            marker = None  # "... see\na. b." — a wrapped line, not a lettered item
        if ln.list_kind or marker:
            text = ln.text if ln.list_kind else marker[2] if marker else ln.text
            kind = ln.list_kind or (marker[0] if marker else "bullet")
            indent = ln.list_level * 4 if ln.list_kind else ln.indent
            marked = ln.marked
            if marker and marked is not None:
                stripped = split_marker(marked)
                escaped = escape(marker[1]) + " "
                if stripped:
                    marked = stripped[2]
                elif marked.startswith(escaped):
                    marked = marked[len(escaped) :].lstrip()
            current = Unit(text, marked, "item", kind, indent, ln.lead, ln.style, [ln.text])
            units.append(current)
            previous = ln
            continue
        join = (
            current is not None
            and previous is not None
            and not previous.hard
            and not ln.style
            and _joins(previous, ln, wrapped, width, current)
        )
        if join and current is not None:
            glue = " "
            broken = _BROKEN_WORD.search(current.text)
            if broken and ln.text[:1].islower():
                # "protec-\ntion": a word hyphenated at the line end (PDF text)
                glue = _rejoin(broken.group(1), ln.text, words(lines))
            if current.marked is not None or ln.marked is not None:
                addition = ln.marked if ln.marked is not None else escape(ln.text)
                head = current.markup()
                if glue != " " and head.endswith("-"):
                    head = head[:-1] + glue.rstrip()
                    current.marked = f"{head}{addition}"
                else:
                    current.marked = f"{head} {addition}"
            if glue != " ":
                current.text = f"{current.text[:-1]}{glue.rstrip()}{ln.text}"
            else:
                current.text = f"{current.text} {ln.text}"
            current.soft_lines.append(ln.text)
            previous = ln
            continue
        current = Unit(ln.text, ln.marked, "para", None, ln.indent, ln.lead, ln.style, [ln.text])
        units.append(current)
        previous = ln
    return units


_BROKEN_WORD = re.compile(r"(?<![A-Za-z0-9_])([A-Za-z]{2,})-$")

_COMPOUND_HEADS = frozenset(
    [
        "well", "long", "short", "high", "low", "self", "cross", "full", "half", "far",
        "wide", "world", "all", "ill", "non", "anti", "co", "pre", "post", "multi", "inter",
        "counter", "ex", "cease", "follow", "state", "government", "decision", "law",
        "rights", "first", "second", "third", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten"
    ]
)  # fmt: skip
"""First words that usually start a hyphenated compound ("well-known", "long-term")."""


def words(lines: list[Line]) -> frozenset[str]:
    """Every word and hyphenated compound of the lines, lower-cased (cached per list)."""
    key = id(lines)
    cached = _WORDS.get(key)
    if cached is not None and cached[0] is lines:
        return cached[1]
    found = frozenset(
        w.lower()
        for ln in lines
        # a fragment broken at the line end ("protec-") is not a word of the document
        for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", _BROKEN_WORD.sub("", ln.text))
    )
    _WORDS.clear()
    _WORDS[key] = (lines, found)
    return found


_WORDS: dict[int, tuple[list[Line], frozenset[str]]] = {}


def _rejoin(fragment: str, following: str, seen: frozenset[str]) -> str:
    """What joins a word broken at a line-end hyphen: "-" (a compound) or "" (a break).

    The document decides: a compound written elsewhere with its hyphen keeps it, a word
    written elsewhere whole loses it; otherwise a first part that is a word of its own
    ("long-" + "term", or a usual first word of a compound such as "well-") keeps the
    hyphen and a fragment ("protec-" + "tion") loses it.
    """
    match = re.match(r"[A-Za-z]+", following)
    rest = match.group(0).lower() if match else ""
    head = fragment.lower()
    if f"{head}-{rest}" in seen:
        return "-"
    if f"{head}{rest}" in seen:
        return ""
    return "-" if head in seen or head in _COMPOUND_HEADS else ""


def _joins(previous: Line, line: Line, wrapped: bool, width: int, current: Unit) -> bool:
    prev = previous.text
    if current.kind == "item" and line.indent < current.indent and split_marker(line.text):
        return False
    if current.kind == "item" and line.indent < current.indent and re.search(r"[.!?:;]$", prev):
        return False  # back at the margin after a finished item: a new paragraph
    ends = bool(re.search(r"[.!?:;”\"’)]$", prev))
    if re.search(r";\s*(?:and|or)$", prev) and line.text[:1].isupper():
        return False  # "...; and" closing an item of an unmarked list, one per line
    if not ends:
        return True
    if not wrapped:
        return False
    return len(previous.raw or prev) >= 0.75 * width


def _ask_from(unit: Unit) -> Ask:
    text = unit.markup()
    whole = re.fullmatch(r"\*\*((?:(?!\*\*).)+)\*\*", text.strip())
    if whole:
        # an ask set wholly in bold is a lead-in with no explanation after it
        return Ask(lead=whole.group(1).strip())
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


_REQUEST_WORDS = re.compile(
    r"(?i)\b(?:should|must|shall|needs?\s+to|ought\s+to|we\s+(?:urge|ask|call|request|"
    r"recommend)|(?:is|are)\s+(?:urged|asked|called\s+upon|requested)|please|"
    r"debe(?:n|r[ií]a)?|doit|doivent|devrait)\b"
)


def _requests(text: str) -> bool:
    """An item that asks: an instruction ("Release …") or a sentence of obligation
    ("The government should …"), not a statement of fact."""
    return imperative(text) or _REQUEST_WORDS.search(text) is not None


def _ask_like(unit: Unit) -> bool:
    if unit.lead:
        return True
    word = re.split(r"[\s,;:]+", unit.text.strip(), maxsplit=1)[0].lower().strip("“\"'(")
    labelled = re.match(r"^([A-Za-z]+):\s", unit.text.strip())
    if labelled and labelled.group(1).lower() not in _ASK_LABELS:
        return False  # "Objection: …", "Background: …" label a point, not a request
    return bool(word) and word not in _NOT_ASK_START and unit.text[:1].isupper()


_ASK_LABELS = frozenset(
    {"recommendation", "request", "ask", "action", "demand", "proposal", "recomendación"}
)


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    rest: str | None = text
    while rest:
        first, rest = first_sentence(rest)
        out.append(first)
    return out


_WHOLE_BOLD = re.compile(r"\*\*((?:(?!\*\*).)+)\*\*")


def _bold_heading(unit: Unit) -> str | None:
    """The text of a short paragraph set wholly in bold (a heading), else None."""
    if unit.kind != "para" or unit.style:
        return None
    match = _WHOLE_BOLD.fullmatch(unit.markup().strip())
    if match is None or len(match.group(1).split()) > 20:
        return None
    return match.group(1).strip()


_SECTION_WORDS = frozenset(
    {
        "background", "introduction", "context", "summary", "overview", "conclusion",
        "conclusions", "recommendations", "recommendation", "concerns", "our", "the",
        "about", "key", "next", "annex",
    }
)  # fmt: skip


def _ask_heading(heading: str | None) -> bool:
    """A bold heading that reads as an ask ("Reopen the broadcaster."), not a section title."""
    if not heading:
        return False
    words = heading.split()
    if words[0].lower().strip("“\"'(") in _SECTION_WORDS or heading.endswith("?"):
        return False
    # an instruction ("Drop the charges"), a sentence, or words of obligation; a title
    # such as "What we have" or "Open data and community" is a section's
    return (
        heading.endswith(".")
        or imperative(heading)
        or re.search(r"(?i)\b(?:should|must|urge|need to|call on|ensure)\b", heading) is not None
    )


def _merge_bold_headings(units: list[Unit]) -> list[Unit]:
    """Asks written as a bold heading paragraph, then the paragraph explaining it.

    When at least two bold headings are each followed by a plain paragraph, each pair
    becomes one paragraph whose bold lead-in is the heading (as "**Lead.** Body").
    """
    pairs = [
        index
        for index in range(len(units) - 1)
        if _ask_heading(_bold_heading(units[index]))
        and units[index + 1].kind == "para"
        and not units[index + 1].style
        and _bold_heading(units[index + 1]) is None
    ]
    if len(pairs) < 2:
        return units
    out: list[Unit] = []
    skip: set[int] = set()
    for index, unit in enumerate(units):
        if index in skip:
            continue
        heading = _bold_heading(unit) if index in pairs else None
        if heading is None:
            out.append(unit)
            continue
        body = units[index + 1]
        lead = heading
        merged = Unit(
            f"{lead} {body.text}",
            f"**{lead}** {body.markup()}",
            "para",
            None,
            unit.indent,
            lead,
            None,
            [*unit.soft_lines, *body.soft_lines],
        )
        out.append(merged)
        skip.add(index + 1)
    return out


def _group_heading(units: list[Unit], index: int) -> bool:
    """A short line over a list of asks ("Recommendations to development partners")."""
    if index + 1 >= len(units):
        return False
    unit, following = units[index], units[index + 1]
    return (
        unit.kind == "para"
        and not unit.style
        and 1 <= len(unit.text.split()) <= 10
        and not re.search(r"[.!?;,]$", unit.text.strip())
        and following.kind == "item"
    )


def _section_heading(units: list[Unit], index: int) -> bool:
    """A numbered heading over the prose of a section ("1. Background"), not a list item."""
    unit = units[index]
    following = units[index + 1] if index + 1 < len(units) else None
    return (
        unit.kind == "item"
        and len(unit.text.split()) <= 8
        and not re.search(r"[.!?;:,]$", unit.text)
        and following is not None
        and following.kind == "para"
    )


def body_asks_closing(
    units: list[Unit],
) -> tuple[list[str], str | None, list[Ask], list[str], str]:
    """Split body units into body paragraphs, asks intro, asks and closing.

    Returns:
        ``(body, asks_intro, asks, closing, ask_style)``.
    """
    units = _merge_bold_headings(units)
    labelled = _labelled_asks(units)
    if labelled is not None:
        return labelled
    # the list's left edge, numbered section headings ("1. Background" over prose) apart:
    # the asks under "5. Requests" may be set further in than the headings
    items = [u for k, u in enumerate(units) if u.kind == "item" and not _section_heading(units, k)]
    top = min((u.indent for u in items), default=0)
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

    def ask_lead(unit: Unit) -> bool:
        # a bold lead-in that is a question ("Where are we?") titles a section, not an ask
        lead = unit.lead or ""
        return unit.kind == "para" and bool(lead) and not lead.rstrip(" *").endswith("?")

    for index, unit in enumerate(units):
        if ask_lead(unit) and any(ask_lead(other) for other in units[index + 1 : index + 8]):
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
            announces = (
                unit.kind == "para"
                and unit.text.rstrip().endswith(".")
                and (
                    units[index + 1].kind == "item"
                    or (units[index + 1].kind == "para" and _ask_like(units[index + 1]))
                )
                and re.search(
                    r"(?i)\b(?:the following|these (?:steps|actions|measures|recommendations))\b|"
                    r"\b(?:following|below|as follows|these|our)\b.{0,60}\b(?:proposals?|"
                    r"recommendations?|requests?|steps|measures|actions|asks|demands|priorities|"
                    r"calls|suggestions)\b",
                    _sentences(unit.text)[-1],
                )
                is not None
            )
            # "Wir fordern Sie daher auf," over "1. die Personalbemessung … umzusetzen": an
            # intro may end on a comma where the items finish its sentence
            ends = unit.text.rstrip().endswith(":") or (
                unit.text.rstrip().endswith(",") and units[index + 1].kind == "item"
            )
            # "7. We respectfully request that you:" over "(a) …" "(b) …": in a letter of
            # numbered paragraphs (UN style), the asks are the lettered items under one
            nested_intro = (
                unit.kind == "item"
                and unit.text.rstrip().endswith(":")
                and units[index + 1].kind == "item"
                and units[index + 1].marker_kind == "letter"
                and unit.marker_kind == "number"
            )
            if not nested_intro and (unit.kind != "para" or not (ends or announces)):
                continue
            last = _sentences(unit.text)[-1]
            nxt = units[index + 1]
            grouped = _group_heading(units, index + 1)
            if grouped:
                nxt = units[index + 2]  # the asks come in groups, each under a heading
            if _concerns_intro(last):
                continue
            if not _ASK_INTRO.search(last):
                # no asking word in the intro, but a list of instructions after it
                first_item = index + 2 if grouped else index + 1
                run = _list_run(units, first_item) if nxt.kind == "item" else []
                if len(run) < 2 or sum(imperative(units[i].text) for i in run) < 0.6 * len(run):
                    continue
            if (nxt.kind == "item" and (nxt.indent <= top + 2 or nested_intro)) or (
                nxt.kind == "para" and _ask_like(nxt)
            ):  # (the lettered asks under a numbered paragraph sit deeper than the top)
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
            before = units[index - 1] if index else None
            if (
                unit.marker_kind in ("number", "letter")
                and len(run) >= 2
                and sum(_ask_like(units[i]) for i in run) >= 0.6 * len(run)
                # with nothing announcing them, numbered items ask when they read as
                # requests, not as a list of facts ("Three newspapers were closed.")
                and sum(_requests(units[i].text) for i in run) >= 0.5 * len(run)
            ) or (
                # a bulleted list of instructions ("End cash bail.", "Abolish …")
                len(run) >= 2
                and sum(imperative(units[i].text) for i in run) >= 0.6 * len(run)
                and not (before is not None and _concerns_intro(_sentences(before.text)[-1]))
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
    explained = 0  # asks followed by a paragraph that explains them
    group_heading: str | None = None
    styled_heading = style == "styled" and (units[start].style or "").lower() == "asks intro"
    if (_group_heading(units, start) and style != "styled") or (
        styled_heading and start + 1 < len(units)
    ):
        group_heading = units[start].markup()
        start += 1
        if not styled_heading:
            style = units[start].marker_kind or "list"
    list_mode = units[start].kind == "item"
    ask_kind = units[start].marker_kind
    ask_indent = units[start].indent
    index = start
    while index < len(units):
        unit = units[index]
        styled = (unit.style or "").lower()
        if asks and list_mode and group_heading is None and _group_heading(units, index):
            # the next group of asks, under its own heading; its numbering may restart
            group_heading = unit.markup()
            index += 1
            continue
        if styled == "asks intro" and group_heading is None:
            group_heading = unit.markup()  # draftkit's own rendering of a group heading
            index += 1
            continue
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
            asks
            and unit.kind == "item"
            and ask_kind == "letter"
            and unit.marker_kind == "number"
            and intro_index is not None
            and units[intro_index].kind == "item"
        ):
            # "8. The family has consented …": the letter's numbered paragraphs go on
            closing_from = index
            break
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
            ask = _ask_from(unit)
            if group_heading is not None:
                ask = ask.model_copy(update={"heading": group_heading})
                group_heading = None
            asks.append(ask)
            index += 1
            continue
        if list_mode and asks and unit.kind == "para" and not styled:
            # a paragraph continuing an ask, when the list goes on after it
            ahead = index + 1
            while ahead < len(units) and units[ahead].kind == "para" and ahead - index < 2:
                ahead += 1
            list_goes_on = (
                ahead < len(units)
                and units[ahead].kind == "item"
                and (units[ahead].marker_kind == ask_kind and units[ahead].indent <= ask_indent)
            )
            # the last ask of a list whose every ask is explained by a paragraph has one too
            last_explained = (
                explained >= 2
                and explained == len(asks) - 1
                and not asks[-1].body
                and not (ahead < len(units) and units[ahead].kind == "item")
                and not re.match(r"(?i)^(?:we|i)\b", unit.text)
            )
            if list_goes_on or last_explained:
                previous = asks[-1]
                asks[-1] = previous.model_copy(
                    update={"body": "\n\n".join(x for x in (previous.body, unit.markup()) if x)}
                )
                explained += 1 if not previous.body else 0
                index += 1
                continue
        closing_from = index
        break
    closing = _with_bullets(units[closing_from:])
    return head, intro, asks, closing, style


_LABELLED_ASK = re.compile(
    r"(?i)^(?:recommendation|demand|request|ask|proposal|action|recomendaci[oó]n|demanda|"
    r"petici[oó]n|propuesta|recommandation|demande|proposition)\s*(?:no\.?\s*|#\s*)?"
    r"(?P<number>\d{1,2})\s*[.:)–-]\s+\S"
)


def _labelled_asks(
    units: list[Unit],
) -> tuple[list[str], str | None, list[Ask], list[str], str] | None:
    """Asks that carry their own numbered label: "Recommendation 1. …", "Demand #2: …".

    At least two, numbered from 1 up, each a paragraph; the paragraphs between one and
    the next (its explanation, a card's heading) go with the ask before them, and the
    last ask takes as many as the others' explanations hold. The labels are kept as
    written, so the asks are not numbered again.
    """
    marked = [
        i
        for i, u in enumerate(units)
        if u.kind == "para" and not u.style and _LABELLED_ASK.match(u.text.strip())
    ]
    numbers = [int(_LABELLED_ASK.match(units[i].text.strip()).group("number")) for i in marked]  # type: ignore[union-attr]
    if len(marked) < 2 or numbers != list(range(1, len(marked) + 1)):
        return None
    gaps = [b - a - 1 for a, b in itertools.pairwise(marked)]
    last_takes = max(0, min(gaps) - 1) if gaps and len(set(gaps)) == 1 else 0
    ends = [*marked[1:], min(len(units), marked[-1] + 1 + last_takes)]
    asks: list[Ask] = []
    for index, end in zip(marked, ends, strict=True):
        explained = [units[j].markup() for j in range(index + 1, end)]
        asks.append(Ask(body="\n\n".join([units[index].markup(), *explained])))
    head = _with_bullets(units[: marked[0]])
    closing = _with_bullets(units[ends[-1] :])
    return head, None, asks, closing, "labelled"


def _concerns_intro(text: str) -> bool:
    if re.search(
        r"(?i)\b(?:the\s+following|several|many|two|three)\s+(?:[\w-]+\s+)?"
        r"(?:reasons|grounds|considerations|arguments)\b",
        text,
    ):
        return True  # "We make this request for the following reasons.": a list of why
    return bool(
        re.search(
            r"(?i)\b(?:concerns?|issues|violations|abuses|problems|findings|examples|"
            r"include|including|documented|deserve attention|following facts|such as)\b[^.]*:$",
            text.strip(),
        )
        and not re.search(r"(?i)\b(?:urge|ask|request|call on|recommend)\b", text)
    )


def _list_run(units: list[Unit], index: int) -> list[int]:
    """The items of one list from ``index``: a paragraph or two between items (each
    item explained in prose) does not end it."""
    run = [index]
    kind = units[index].marker_kind
    gap = 0
    for j in range(index + 1, len(units)):
        if units[j].kind == "item" and units[j].marker_kind == kind:
            run.append(j)
            gap = 0
        elif units[j].kind == "item":
            continue
        elif gap < 2 and kind == "number" and j + 1 < len(units):
            gap += 1
        else:
            break
    return run


def _with_bullets(units: list[Unit]) -> list[str]:
    """Paragraph texts; list items that are not asks stay with the paragraph above."""
    parts: list[list[str]] = []  # joined once at the end: a long list stays linear
    for unit in units:
        if unit.kind == "item" and parts:
            marker = "•" if unit.marker_kind == "bullet" else "-"
            parts[-1].append(f"{marker} {unit.markup()}")
        else:
            parts.append([unit.markup()])
    return ["\n".join(part) for part in parts]
