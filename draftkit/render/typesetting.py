"""The letter as it is printed: typographic quotes and footnotes written in place.

Every renderer sets the letter :func:`typeset` gives (curly quotes and apostrophes, « »
in French), after :func:`with_notes` has written the ``footnotes:`` map into the text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel

from draftkit.markup import resolve_notes
from draftkit.schema import Addressee, Ask, Letter, TableEntry, Translation
from draftkit.typography import smarten, smarten_markup

__all__ = ["typeset", "with_notes"]

_M = TypeVar("_M", bound=BaseModel)


def _changed(model: _M, update: dict[str, Any]) -> _M:
    """``model`` with ``update``, or ``model`` itself when nothing changes (no copy)."""
    for name, value in update.items():
        if getattr(model, name) != value:
            return model.model_copy(update=update)
    return model


def _person(person: Addressee) -> Addressee:
    return _changed(
        person,
        {
            "honorific": smarten(person.honorific) if person.honorific else None,
            "name": smarten(person.name) if person.name else None,
            "title_lines": [smarten(line) for line in person.title_lines],
            "address_lines": [smarten(line) for line in person.address_lines],
        },
    )


def typeset(letter: Letter) -> Letter:
    """The letter as it is printed: typographic quotes and apostrophes everywhere.

    Every renderer sets this version of the letter, so .docx, PDF, Markdown and text
    agree. A letter with ``options.quotes: straight`` is returned unchanged.

    Args:
        letter: A letter.

    Returns:
        A copy with “ ” ‘ ’ for straight quotes in every text a reader sees (link
        targets excepted) — « » with no-break spaces inside in a French letter — or
        ``letter`` itself.
    """
    if letter.options.quotes == "straight":
        return letter
    typeset_letter = _typographic(letter)
    if "fr" in (letter.language, *letter.translations):
        return _guillemets(typeset_letter)
    return typeset_letter


_FRENCH_QUOTES = {"\u201c": "\u00ab\u00a0", "\u201d": "\u00a0\u00bb"}


def _guillemets(letter: Letter) -> Letter:
    """A French letter's quotation marks: « » with no-break spaces inside, not “ ”."""

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            for curly, french in _FRENCH_QUOTES.items():
                value = value.replace(curly, french)
            return value
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    update: dict[str, Any] = {}
    if letter.language == "fr":
        skip = {"variables", "options", "provenance", "translations", "languages"}
        data = letter.model_dump(exclude=skip)
        if "\u201c" in repr(data) or "\u201d" in repr(data):
            changed = Letter.model_validate(walk(data))
            update = {k: getattr(changed, k) for k in data}
    french = letter.translations.get("fr")
    if french is not None:
        version = Translation.model_validate(walk(french.model_dump()))
        update["translations"] = {**letter.translations, "fr": version}
    return letter.model_copy(update=update) if update else letter


def _typographic(letter: Letter) -> Letter:

    def marked(value: str | None) -> str | None:
        return smarten_markup(value) if value else value

    def texts(values: list[Any]) -> list[Any]:
        return [
            smarten_markup(v)
            if isinstance(v, str)
            else _table_cells(v, smarten_markup)
            if isinstance(v, TableEntry)
            else v
            for v in values
        ]

    asks = [
        _changed(
            ask,
            {
                "lead": marked(ask.lead),
                "body": marked(ask.body),
                "heading": marked(ask.heading),
                "items": [smarten_markup(item) for item in ask.items],
            },
        )
        if isinstance(ask, Ask)
        else ask
        for ask in letter.asks
    ]
    signatories = [
        _changed(
            signer,
            {
                "name": smarten(signer.name),
                "title_lines": [smarten(line) for line in signer.title_lines],
                "organization": smarten(signer.organization) if signer.organization else None,
            },
        )
        for signer in letter.signatories
    ]
    sender = _changed(
        letter.sender,
        {
            "organization": smarten(letter.sender.organization)
            if letter.sender.organization
            else None,
            "address_lines": [smarten(line) for line in letter.sender.address_lines],
        },
    )
    return letter.model_copy(
        update={
            "heading": marked(letter.heading),
            "place": smarten(letter.place) if letter.place else None,
            "sender": sender,
            "addressees": [_person(p) for p in letter.addressees],
            "cc": [_person(p) for p in letter.cc],
            "subject": marked(letter.subject),
            "salutation": marked(letter.salutation),
            "body": texts(letter.body),
            "asks_intro": marked(letter.asks_intro),
            "asks": asks,
            "closing": texts(letter.closing),
            "complimentary_close": marked(letter.complimentary_close),
            "signatories": signatories,
            "signatory_note": marked(letter.signatory_note),
            "enclosures": [
                smarten(item)
                if isinstance(item, str)
                else item.model_copy(update={"title": smarten(item.label())})
                for item in letter.enclosures
            ],
            "translations": {
                language: _changed(
                    version,
                    {
                        "subject": marked(version.subject),
                        "salutation": marked(version.salutation),
                        "body": texts(version.body),
                        "asks_intro": marked(version.asks_intro),
                        "asks": [_ask_typeset(a) for a in version.asks],
                        "closing": texts(version.closing),
                        "complimentary_close": marked(version.complimentary_close),
                        "signatory_note": marked(version.signatory_note),
                    },
                )
                for language, version in letter.translations.items()
            },
        }
    )


def _table_cells(entry: TableEntry, change: Callable[[str], str]) -> TableEntry:
    """``entry`` with ``change`` applied to its caption and every cell."""
    table = entry.table
    changed = table.model_copy(
        update={
            "header": [change(cell) for cell in table.header],
            "rows": [[change(cell) for cell in row] for row in table.rows],
            "caption": change(table.caption) if table.caption else table.caption,
        }
    )
    return entry.model_copy(update={"table": changed})


def with_notes(letter: Letter) -> Letter:
    """The letter with every ``[^label]`` of its ``footnotes:`` map written in place.

    Renderers see only inline notes (``^[note text]``); a reference to a label the map
    lacks stays as typed (``draftkit check`` reports it).
    """
    notes = letter.footnotes
    if not notes:
        return letter

    def one(value: str | None) -> str | None:
        return resolve_notes(value, notes) if value else value

    def texts(values: list[Any]) -> list[Any]:
        return [
            resolve_notes(v, notes)
            if isinstance(v, str)
            else _table_cells(v, lambda cell: resolve_notes(cell, notes))
            if isinstance(v, TableEntry)
            else v
            for v in values
        ]

    def asks(values: list[Any]) -> list[Any]:
        return [
            _changed(
                ask,
                {
                    "lead": one(ask.lead),
                    "body": one(ask.body),
                    "items": [resolve_notes(item, notes) for item in ask.items],
                },
            )
            if isinstance(ask, Ask)
            else ask
            for ask in values
        ]

    return letter.model_copy(
        update={
            "body": texts(letter.body),
            "asks_intro": one(letter.asks_intro),
            "asks": asks(letter.asks),
            "closing": texts(letter.closing),
            "signatory_note": one(letter.signatory_note),
            # a bilingual letter's other versions refer to the same notes
            "translations": {
                language: _changed(
                    version,
                    {
                        "body": texts(version.body),
                        "asks_intro": one(version.asks_intro),
                        "asks": asks(version.asks),
                        "closing": texts(version.closing),
                        "signatory_note": one(version.signatory_note),
                    },
                )
                for language, version in letter.translations.items()
            },
        }
    )


def _ask_typeset(ask: Any) -> Any:
    if not isinstance(ask, Ask):
        return ask
    return _changed(
        ask,
        {
            "lead": smarten_markup(ask.lead) if ask.lead else ask.lead,
            "body": smarten_markup(ask.body) if ask.body else ask.body,
            "heading": smarten_markup(ask.heading) if ask.heading else ask.heading,
            "items": [smarten_markup(item) for item in ask.items],
        },
    )
