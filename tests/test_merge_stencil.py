"""Merge's DOCX path through a stencil: a kind's letter laid out once, then only the open
places (address block, salutation, templated text) set for each recipient.

Every letter is read back with python-docx (style name and text of every paragraph) and
compared with the letter ``compose_letter`` makes for that recipient rendered on its own;
the stencil must have been used for the letters it can take, and left to the full render
those it cannot (a paragraph left out, a paragraph that stops keeping with the close).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest

import draftkit.render.stencil as stencil_module
from draftkit.compose import compose_letter
from draftkit.merge import mail_merge
from draftkit.recipients import Recipient, recipient_from_mapping
from draftkit.render import render_bytes
from draftkit.schema import Letter
from draftkit.styles import STYLES
from tests.helpers import paragraphs

SPEC: dict[str, Any] = {
    "audience": "us-congress",
    "date": "2026-10-05",
    "sender": {"organization": "Lake Region Rights Coalition"},
    "subject": "Oversight of security assistance",
    "body": [
        'We write to you as a senator from {{ recipient.state }}, on "the" record.',
        "{{ recipient.personal_line|default('') }}",
        "A fixed paragraph that every letter shares, with **bold** words.",
    ],
    "asks_intro": "We ask that you:",
    "asks": [
        {"lead": "Act in {{ recipient.state }}.", "body": "Soon."},
        {"lead": "Fund monitors.", "items": ["one", "two"]},
    ],
    "closing": ["Thank you for your time, {{ recipient.state }}."],
    "complimentary_close": "Sincerely,",
    "signatories": [{"name": "Dana Reyes", "title_lines": ["Director"]}],
}


def _senator(name: str, state: str, **more: Any) -> Recipient:
    return recipient_from_mapping(
        {"name": name, "office": "us-senator", "gender": "female", "state": state, **more}
    )


def _representative(name: str, state: str) -> Recipient:
    return recipient_from_mapping(
        {"name": name, "office": "us-representative", "gender": "male", "state": state}
    )


@pytest.fixture
def stencil_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Each time a stencil is filled: whether it gave the letter (False: left to the full
    render)."""
    calls: list[bool] = []
    original = stencil_module.Stencil.render

    def render(self: stencil_module.Stencil, letter: Letter, **kwargs: Any) -> bytes | None:
        data = original(self, letter, **kwargs)
        calls.append(data is not None)
        return data

    monkeypatch.setattr(stencil_module.Stencil, "render", render)
    yield calls


def _merged(spec: Letter, people: list[Recipient], out: Path) -> list[bytes]:
    result = mail_merge(spec, people, out)
    assert result.errors == 0, [row.message for row in result.rows]
    assert result.mode == "grouped"
    return [(out / (row.file or "")).read_bytes() for row in result.rows]


def _expected(spec: Letter, people: list[Recipient]) -> list[list[tuple[str, str]]]:
    """Each recipient's letter composed and rendered on its own, read back."""
    return [
        paragraphs(
            render_bytes(compose_letter(spec, recipient=person, recipient_index=n).letter, "docx")
        )
        for n, person in enumerate(people, start=1)
    ]


def _text(read: list[tuple[str, str]], style: str) -> list[str]:
    return [text for name, text in read if name == style]


def test_recipients_of_two_kinds_filled_through_their_stencils(
    tmp_path: Path, stencil_calls: list[bool]
) -> None:
    spec = Letter.model_validate(SPEC)
    people = [
        _senator("Alma R. Whitfield", "Oregon"),
        _senator("Bea Lindqvist", "Idaho"),
        # text that must be escaped, quotes to curl, letters beyond ASCII
        _senator('Ann "Q" O\'Neil', "Ohio & <Erie>", personal_line='We "thank" you & <all>.'),
        _senator("José Ñúñez-Çelik", "Québec — “Nord”", personal_line="Grüße, ’tis so."),
        # a long address block
        _senator(
            "Cora Long-Address",
            "Utah",
            address="Russell Senate Office Building; Room 200; 2 Constitution Ave NE;"
            " Mail Stop 12; Washington, DC 20510; United States",
        ),
        # a second kind of recipient in the same run
        _representative("Dan Okafor", "Iowa"),
        _representative("Eli Haddad", "Maine & Co"),
        _senator("Fay Marsh", "Texas"),
    ]
    written = _merged(spec, people, tmp_path / "out")
    expected = _expected(spec, people)
    for person, data, wanted in zip(people, written, expected, strict=True):
        assert paragraphs(data) == wanted, person.name
    assert stencil_calls and all(stencil_calls)

    read = [paragraphs(data) for data in written]
    ann, jose, cora, eli = read[2], read[3], read[4], read[6]
    assert _text(ann, STYLES.SALUTATION) == ["Dear Senator O\u2019Neil:"]
    assert "We write to you as a senator from Ohio & <Erie>, on \u201cthe\u201d record." in (
        _text(ann, STYLES.BODY)
    )
    assert "We \u201cthank\u201d you & <all>." in _text(ann, STYLES.BODY)
    assert _text(ann, STYLES.ASK)[0] == "Act in Ohio & <Erie>. Soon."
    assert "Grüße, ’tis so." in _text(jose, STYLES.BODY)
    assert "Québec — “Nord”" in _text(jose, STYLES.CLOSING)[0]
    (address,) = _text(cora, STYLES.ADDRESS)
    assert address.splitlines()[-3:] == ["Mail Stop 12", "Washington, DC 20510", "United States"]
    assert _text(eli, STYLES.SALUTATION) == ["Dear Representative Haddad:"]
    assert _text(eli, STYLES.CLOSING) == ["Thank you for your time, Maine & Co."]


def test_the_continuation_header_and_properties_are_each_recipients(tmp_path: Path) -> None:
    spec = Letter.model_validate(SPEC)
    people = [
        _senator("Alma R. Whitfield", "Oregon"),
        _senator("Bea Lindqvist", "Idaho"),
        _senator("Cleo & Co", "Ohio"),
    ]
    written = _merged(spec, people, tmp_path / "out")
    for person, data in zip(people, written, strict=True):
        document = docx.Document(io.BytesIO(data))
        header = document.sections[0].header
        assert person.name in "".join(p.text for p in header.paragraphs)
        assert document.core_properties.title == spec.subject


def test_letters_the_stencil_cannot_take_are_rendered_in_full(
    tmp_path: Path, stencil_calls: list[bool]
) -> None:
    """A paragraph left out, or one that grows past what keeps with the close, changes more
    than the open blocks: those letters are rendered in full, and are still right."""
    spec = Letter.model_validate(
        {**SPEC, "closing": ["{{ recipient.personal_line|default('Thank you.') }}"]}
    )
    people = [
        _senator("Alma R. Whitfield", "Oregon", personal_line="Short."),
        _senator("Bea Lindqvist", "Idaho", personal_line="Also short."),
        _senator("Cleo Long", "Ohio", personal_line="word " * 150),  # no longer kept
        _senator("Dee Plain", "Utah", personal_line="Short again."),
    ]
    written = _merged(spec, people, tmp_path / "out")
    for person, data, wanted in zip(people, written, _expected(spec, people), strict=True):
        assert paragraphs(data) == wanted, person.name
    assert stencil_calls == [True, False, True]

    stencil_calls.clear()
    blank = Letter.model_validate(SPEC)  # body[1] is left out for those without the column
    people = [
        _senator("Alma R. Whitfield", "Oregon"),
        _senator("Bea Lindqvist", "Idaho", personal_line="Thank you for meeting us."),
        _senator("Cleo Marsh", "Ohio"),
        _senator("Dee Pike", "Utah", personal_line="We met in May."),
        _senator("Eve Orr", "Maine"),
    ]
    written = _merged(blank, people, tmp_path / "blank")
    for person, data, wanted in zip(people, written, _expected(blank, people), strict=True):
        assert paragraphs(data) == wanted, person.name
    # one stencil with the paragraph, one without, each made from its first letter (which
    # it gives as rendered in full); the three others filled in
    assert stencil_calls == [True, True, True]
    assert "We met in May." in _text(paragraphs(written[3]), STYLES.BODY)
    assert len(_text(paragraphs(written[4]), STYLES.BODY)) == 2


def test_a_recipient_with_an_unwritable_character_fails_as_before(tmp_path: Path) -> None:
    spec = Letter.model_validate(SPEC)
    people = [
        _senator("Alma R. Whitfield", "Oregon"),
        _senator("Bea Lindqvist", "Idaho"),
        _senator("Cleo Bell", "Ohio", unused="ring\x07"),
    ]
    result = mail_merge(spec, people, tmp_path / "out")
    assert [row.status for row in result.rows] == ["rendered", "rendered", "error"]
    assert "U+0007" in result.rows[2].message


def test_a_french_letter_is_rendered_in_full(tmp_path: Path, stencil_calls: list[bool]) -> None:
    spec = Letter.model_validate(
        {**SPEC, "language": "fr", "complimentary_close": "Veuillez agréer, Madame la Sénatrice,"}
    )
    people = [_senator("Alma R. Whitfield", "Oregon"), _senator("Bea Lindqvist", "Idaho")]
    written = _merged(spec, people, tmp_path / "out")
    for person, data, wanted in zip(people, written, _expected(spec, people), strict=True):
        assert paragraphs(data) == wanted, person.name
    assert stencil_calls == []


def test_text_after_a_paragraph_or_item_left_out_is_found_where_it_moved(
    tmp_path: Path, stencil_calls: list[bool]
) -> None:
    """Templated text after a paragraph, an ask or a bullet item left out as empty stands
    at a moved place; letters that leave out the same ones share a stencil."""
    spec = Letter.model_validate(
        {
            **SPEC,
            "body": [
                "{{ recipient.personal_line|default('') }}",
                "We write to you as a senator from {{ recipient.state }}.",
            ],
            "asks": [
                {"lead": "{{ recipient.extra|default('') }}"},
                {
                    "lead": "Fund monitors.",
                    "items": [
                        "{{ recipient.key|default('', true) }}",
                        "in {{ recipient.state }}",
                    ],
                },
            ],
            "closing": ["{{ recipient.key|default('', true) }}", "Thanks, {{ recipient.state }}."],
        }
    )
    people = [
        _senator("Alma R. Whitfield", "Oregon"),
        _senator("Bea Lindqvist", "Idaho"),
        _senator("Cleo Marsh", "Ohio & Erie", personal_line="We met.", key="c-1"),
        _senator("Dee Pike", "Utah", extra="Meet us.", key="d-1"),
        _senator("Eve Orr", "Maine"),
        _senator("Fay Holt", "Iowa", personal_line="Hello.", key="f-1"),
    ]
    written = _merged(spec, people, tmp_path / "out")
    for person, data, wanted in zip(people, written, _expected(spec, people), strict=True):
        assert paragraphs(data) == wanted, person.name
    assert stencil_calls and all(stencil_calls)
    assert _text(paragraphs(written[4]), STYLES.ASK_ITEM) == ["in Maine"]
    assert _text(paragraphs(written[2]), STYLES.CLOSING) == ["c-1", "Thanks, Ohio & Erie."]
