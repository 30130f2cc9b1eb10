"""Expanding clause references: each ``{clause: ID}`` becomes the clause's rendered wording.

A paragraph clause may give several paragraphs, so the spec's own entries can move;
:func:`expand_clauses` says where each went, and records every clause it used (id,
version, variant, status) in the letter's provenance.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol

from draftkit.compose.strings import render_string
from draftkit.errors import ClauseError, TemplateError
from draftkit.places import Place
from draftkit.schema import Ask, ClauseRef, Letter, ProvenanceEntry

if TYPE_CHECKING:
    from draftkit.clauses.model import Clause

__all__ = [
    "ClauseSource",
    "Expansion",
    "expand_clauses",
    "one_line",
    "paragraphs",
    "relocate",
]


class ClauseSource(Protocol):
    """What compose needs from a clause library: look a clause up by id."""

    def get(self, clause_id: str) -> Clause:
        """Return the clause with this id or raise :class:`ClauseError`."""
        ...


# runs of ASCII white space; a no-break space (French "Objet :") is text, and stays
_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def paragraphs(text: str) -> list[str]:
    """Text split into paragraphs on blank lines, each on one line."""
    return [_SPACES.sub(" ", p).strip(" ") for p in re.split(r"\n\s*\n", text) if p.strip()]


def one_line(text: str) -> str | None:
    """Text on one line (None when empty)."""
    joined = _SPACES.sub(" ", text).strip(" ")
    return joined or None


class Expansion:
    """What expanding the clauses of a letter did.

    Attributes:
        provenance: One entry per place filled from a clause.
        moved: The spec's own entries of ``body``, ``closing`` and ``asks``: spec place
            -> place in the expanded letter.
        texts: Every clause text rendered (to learn which names they read).
    """

    def __init__(self) -> None:
        self.provenance: list[ProvenanceEntry] = []
        self.moved: dict[Place, Place] = {}
        self.texts: list[str] = []


def _render_clause(
    clause: Clause, text: str, context: Mapping[str, Any], ref: ClauseRef, place: str
) -> str:
    values = dict(context)
    values.update(ref.variables)
    given: Mapping[str, Any] = context.get("variables") or {}
    for name, spec in clause.variables.items():
        if name in ref.variables:
            continue
        if name in given:
            values[name] = given[name]
            continue
        if spec.required:
            raise ClauseError(
                f"clause '{clause.id}' needs variable '{name}'"
                + (f" ({spec.description})" if spec.description else ""),
                where=place,
                hint=f"add {name}: under variables: in the spec or in the clause reference",
            )
        values[name] = ""
    source = str(clause.source_file) if clause.line else f"clause {clause.id}"
    try:
        return render_string(text, values, name=source)
    except TemplateError as exc:
        raise ClauseError(
            f"clause '{clause.id}': {exc.message}",
            path=clause.source_file if clause.line else None,
            line=clause.line or None,
            where=place,
            hint=exc.hint,
        ) from None


def _in_language(
    clause: Clause, language: str, library: ClauseSource, place: str, warnings: list[str]
) -> Clause:
    """The version of ``clause`` in the letter's ``language``.

    A clause and its versions in other languages share one id: the version in French of
    ``ask.x`` is ``ask.x.fr`` (``translates: ask.x``). A letter names any of them and
    gets the one in its language; when there is none, the clause's own wording is used
    and a warning says so (``draftkit check`` reports it too).
    """
    if clause.language == language:
        return clause
    base = clause.translates or clause.id
    wanted = base if language == "en" else f"{base}.{language}"
    try:
        found = library.get(wanted)
    except ClauseError:
        found = None
    if found is not None and found.language == language:
        return found
    warnings.append(
        f"{place}: clause '{clause.id}' has no {language} version ({wanted}); its "
        f"{clause.language} wording is used"
    )
    return clause


def expand_clauses(
    letter: Letter,
    library: ClauseSource,
    audiences: Sequence[str],
    policy: Literal["warn", "refuse"],
    context: Mapping[str, Any],
    warnings: list[str],
) -> Expansion:
    """Replace the clause references of ``letter`` (in place) by their wording.

    Args:
        letter: The letter being composed (changed in place).
        library: Where clauses are looked up.
        audiences: The variant and the variants it extends: the first a clause has a
            wording for is used.
        policy: What a draft or retired clause does: ``warn`` or ``refuse``.
        context: The names the wording may use.
        warnings: Where a warning about a clause's status goes.

    Raises:
        ClauseError: Unknown or refused clause, a clause in the wrong place, a missing
            clause variable, or a failing wording.
    """
    done = Expansion()

    def fetch(ref: ClauseRef, place: str) -> tuple[Clause, Any, str | None]:
        try:
            clause = library.get(ref.clause)
        except ClauseError as exc:
            raise ClauseError(
                exc.message, path=exc.path, line=exc.line, where=place, hint=exc.hint
            ) from None
        clause = _in_language(clause, letter.language, library, place, warnings)
        message = clause.usable(policy)
        if message is not None:
            if policy == "refuse":
                raise ClauseError(message, where=place)
            warnings.append(f"{place}: {message}")
        audience = next((a for a in audiences if a in clause.variants), None)
        wording, used = clause.wording_for(audience, ref.variant)
        return clause, wording, used

    def record(place: str, clause: Clause, used: str | None) -> None:
        done.provenance.append(
            ProvenanceEntry(
                place=place,
                clause=clause.id,
                version=clause.version,
                variant=used,
                status=clause.status,
                # recorded where a language is in play (English letters stay as they were)
                language=None if clause.language == letter.language == "en" else clause.language,
            )
        )

    def rendered(clause: Clause, text: str, ref: ClauseRef, place: str) -> str:
        done.texts.append(text)
        return _render_clause(clause, text, context, ref, place)

    for field_name in ("body", "closing"):
        out: list[Any] = []
        for index, entry in enumerate(getattr(letter, field_name)):
            if not isinstance(entry, ClauseRef):
                done.moved[(field_name, index)] = (field_name, len(out))
                out.append(entry)
                continue
            place = f"{field_name}[{index}]"
            clause, wording, used = fetch(entry, place)
            if wording.text is None:
                raise ClauseError(
                    f"clause '{clause.id}' is an ask, not a paragraph",
                    where=place,
                    hint="move the reference under asks:",
                )
            for paragraph in paragraphs(rendered(clause, wording.text, entry, place)):
                record(f"{field_name}[{len(out)}]", clause, used)
                out.append(paragraph)
        if any(isinstance(e, ClauseRef) for e in getattr(letter, field_name)):
            # setting a field marks it written by the spec: a body the spec left out
            # must stay open to the variant's opening
            setattr(letter, field_name, out)

    asks: list[Any] = []
    for index, entry in enumerate(letter.asks):
        if not isinstance(entry, ClauseRef):
            done.moved[("asks", index)] = ("asks", len(asks))
            asks.append(entry)
            continue
        place = f"asks[{index}]"
        clause, wording, used = fetch(entry, place)
        if wording.text is not None:
            raise ClauseError(
                f"clause '{clause.id}' is a {clause.kind} paragraph, not an ask",
                where=place,
                hint="move the reference under body: or closing:",
            )

        def render(
            text: str | None, *, c: Clause = clause, e: ClauseRef = entry, p: str = place
        ) -> str | None:
            return one_line(rendered(c, text, e, p)) if text else None

        items = [i for i in (render(item) for item in wording.items) if i]
        asks.append(Ask(lead=render(wording.lead), body=render(wording.body), items=items))
        record(f"asks[{len(asks) - 1}]", clause, used)
    letter.asks = asks
    return done


def relocate(place: Place, moved: Mapping[Place, Place]) -> Place:
    """Where a spec place stands after expansion (places outside lists do not move)."""
    head = moved.get(place[:2])
    return place if head is None else head + place[2:]
