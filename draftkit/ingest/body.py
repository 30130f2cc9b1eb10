"""The body of a letter: its units sorted into paragraphs, the asks and their intro, the closing.

The units (paragraphs and list items, hard-wrapped lines joined) come from
:mod:`draftkit.ingest.units`; whether a unit is an ask, and the ask it makes, from
:mod:`draftkit.ingest.asks`. Asks are a list or run of lead-in paragraphs introduced by a
sentence that asks for something, or paragraphs opening with a bold lead-in.
"""

from __future__ import annotations

import re

from draftkit.ingest import names
from draftkit.ingest.asks import (
    _ASK_INTRO,
    _WE_ASK,
    _ask_from,
    _ask_like,
    _concerns_intro,
    _labelled_asks,
    _merge_bold_headings,
    _requests,
    imperative,
)
from draftkit.ingest.organisations import has_org_word
from draftkit.ingest.page import _words
from draftkit.ingest.signers import inline_person
from draftkit.ingest.units import Unit, _with_bullets
from draftkit.schema import Ask
from draftkit.sentences import LIST_INTRO_END, first_sentence

__all__ = ["body_asks_closing"]


def _sentences(text: str) -> list[str]:
    out: list[str] = []
    rest: str | None = text
    while rest:
        first, rest = first_sentence(rest)
        out.append(first)
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
                (
                    unit.text.rstrip().endswith(",")
                    # "… call on you forthwith to;", "For these reasons we urge you to"
                    or _INTRODUCES_LIST.search(unit.text)
                )
                and units[index + 1].kind == "item"
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
            if nxt.kind == "item" and _listed_not_asked(
                units, _list_run(units, index + 2 if grouped else index + 1)
            ):
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
            if _listed_not_asked(units, run):
                break
            if (
                unit.marker_kind in ("number", "letter")
                and len(run) >= 2
                and sum(_ask_like(units[i]) for i in run) >= 0.6 * len(run)
                # with nothing announcing them, numbered items ask when they read as
                # requests, not as a list of facts ("Three newspapers were closed.")
                and sum(_requests(units[i].text) for i in run) >= 0.5 * len(run)
            ) or (
                # a bulleted list of instructions ("End cash bail.", "Abolish …") or of
                # requests put as such ("We ask that you clarify …")
                len(run) >= 2
                and (
                    sum(imperative(units[i].text) for i in run) >= 0.6 * len(run)
                    or sum(bool(_WE_ASK.match(units[i].text.strip())) for i in run)
                    >= 0.6 * len(run)
                    # "I am demanding that you …" over "* Reallocate …" / "* Work with …":
                    # the paragraph asks, the list under it says what
                    or (
                        before is not None
                        and before.kind == "para"
                        and _ASK_INTRO.search(_sentences(before.text)[-1]) is not None
                        and not _concerns_intro(_sentences(before.text)[-1])
                        and sum(_ask_like(units[i]) for i in run) >= 0.8 * len(run)
                    )
                )
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
    led = 0  # asks so far that open with a lead-in of their own (bold)
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
                # after asks that each open with a bold lead-in, a paragraph without one
                # is the letter going on ("Europe's credibility … depends on …")
                and (unit.lead or led < 2 or led < len(asks) or imperative(unit.text))
            )
        ):
            led += 1 if unit.lead else 0
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


_INTRODUCES_LIST = re.compile(LIST_INTRO_END + r"\s*;?$")
"""An intro that ends on its last word or a semicolon, the items finishing its sentence."""


def _listed_not_asked(units: list[Unit], run: list[int]) -> bool:
    """Most items of the list name people or quote someone: a list of signers ("BEAUFILS
    Bruno, enseignant-chercheur, Université de Lille") or of quotations, not of asks."""
    if len(run) < 2:
        return False
    texts = [units[i].text.strip() for i in run]
    people = sum(
        1
        for text in texts
        if inline_person(text) is not None or names.is_person_name(text.split(",")[0].strip())
    )
    quoted = sum(1 for text in texts if text[:1] in '“"«„')
    if 2 * people > len(texts) or 2 * quoted > len(texts):
        return True
    # "the Association for Computers and the Humanities;" / "the Digital Library
    # Federation;": bodies named, a list of who joins, with no verb to ask with
    bodies = sum(
        1
        for text in texts
        if has_org_word(text)
        and _words(text) <= 14
        and not imperative(re.sub(r"(?i)^(?:and|or)\s+", "", text))
        and not _requests(text)
    )
    return 3 * bodies > 2 * len(texts)


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
