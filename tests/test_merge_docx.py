"""Merged DOCX letters have the content of each letter built with python-docx.

Both documents are read back with python-docx and compared paragraph by paragraph
(style name and text, including table cells), for merged letters that exercise every
block: address lines, templated paragraphs, bold/italic runs, hyperlinks, numbered
asks with bullet items, organisation lists and a two-column table of individuals.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx

from draftkit.merge import mail_merge, merge_letters
from draftkit.provenance import read_provenance
from draftkit.recipients import load_recipients, recipient_from_mapping
from draftkit.render.word import DocxRenderer, default_reference
from draftkit.schema import Letter
from tests.docx_straightforward import render_straightforward
from tests.helpers import W, paragraphs


def rich_spec() -> Letter:
    individuals = [
        {"name": f"Signer Number{i}", "title_lines": ["Director", f"Group {i}"]} for i in range(10)
    ]
    return Letter.model_validate(
        {
            "audience": "us-congress",
            "date": "2026-10-05",
            "sender": {"organization": "Test Coalition", "address_lines": ["1 Main St"]},
            "subject": "Rights in {{ recipient.state }}",
            "body": [
                "We write to **{{ recipient.name }}** about *urgent* matters.",
                "See [our report](https://example.org/report?a=1&b=2) and "
                "[the annex](https://example.org/annex).",
                "A paragraph with <angle> & ampersand characters.",
            ],
            "asks_intro": "We ask that you:",
            "asks": [
                {"lead": "Act now.", "body": "Because *time* matters."},
                {"lead": "Fund monitors.", "items": ["first item", "second **bold** item"]},
                {"body": "An ask without a lead."},
            ],
            "closing": ["Thank you, {{ recipient.surname }}."],
            "signatories": individuals,
            "signatory_note": "Affiliations are listed for identification only.",
            "enclosures": ["Annex A"],
            "cc": [{"name": "Staff Member", "title_lines": ["Legislative Assistant"]}],
        }
    )


def test_fast_merge_output_matches_python_docx_built_letters(tmp_path: Path) -> None:
    people = [
        recipient_from_mapping(
            {"name": name, "office": "us-senator", "state": state, "gender": gender}
        )
        for name, state, gender in (
            ("Ana Sousa", "Ohio", "f"),
            ("Bo Reyes", "Utah", "m"),
            ("Chidi Okafor-Lane", "Iowa", ""),
        )
    ]
    spec = rich_spec()
    result = mail_merge(spec, people, tmp_path)
    letters = [m.letter for m in merge_letters(spec, people)]
    for row, letter in zip(result.rows, letters, strict=True):
        assert letter is not None and row.file is not None
        fast = (tmp_path / row.file).read_bytes()
        slow = render_straightforward(letter, default_reference())
        assert paragraphs(fast) == paragraphs(slow)
        assert len(paragraphs(fast)) > 25


def test_memoised_blocks_do_not_leak_between_letters(tmp_path: Path) -> None:
    """Reused XML stays correct: each letter keeps its own name, links and numbering."""
    people = [
        recipient_from_mapping({"name": f"Person Number{i}", "office": "us-senator",
                                "state": "Ohio"})
        for i in range(4)
    ]  # fmt: skip
    result = mail_merge(rich_spec(), people, tmp_path)
    for index, row in enumerate(result.rows):
        data = (tmp_path / (row.file or "")).read_bytes()
        got = paragraphs(data)
        assert ("Letter Salutation", f"Dear Senator Number{index}:") in got
        document = docx.Document(io.BytesIO(data))
        links = document.element.body.findall(f".//{W}hyperlink")
        targets = {document.part.rels[h.get(f"{{{_R}}}id")].target_ref for h in links}
        assert targets == {"https://example.org/report?a=1&b=2", "https://example.org/annex"}


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def test_congress_letters_match_too(tmp_path: Path, congress_dir: Path, examples_dir: Path) -> None:
    people = load_recipients(congress_dir, committees=["HSFA"])[:5]
    spec = examples_dir / "merge-committee.yaml"
    result = mail_merge(spec, people, tmp_path)
    letters: list[Any] = [m.letter for m in merge_letters(spec, people)]
    for row, letter in zip(result.rows, letters, strict=True):
        fast = (tmp_path / (row.file or "")).read_bytes()
        assert paragraphs(fast) == paragraphs(render_straightforward(letter, default_reference()))


def test_memoised_blocks_give_the_bytes_of_a_fresh_renderer(tmp_path: Path) -> None:
    """Letters whose blocks come from the renderer's memo equal letters rendered by a new
    renderer, byte for byte: templated text, markup from cells, links, a name with XML
    characters."""
    spec = Letter.model_validate(
        {
            **rich_spec().model_dump(exclude_defaults=True),
            "body": [
                "We write to {{ recipient.name }} about matters in {{ recipient.state }}.",
                "Static text with **bold**, *italics* and [a link](https://example.org/x).",
            ],
            "asks": [
                {"lead": "Act in {{ recipient.state }}.", "body": "Because *time* matters."},
                {"lead": "Fund monitors.", "items": ["first item", "for {{ recipient.name }}"]},
            ],
            "signatories": [{"name": "Test Coalition", "kind": "organization"}],
        }
    )
    people = [
        recipient_from_mapping({"name": name, "office": office, "state": state, "key": key})
        for name, office, state, key in (
            ("Ana Sousa", "us-senator", "Ohio", "A1"),
            ("Bo <Reyes> & Co", "us-representative", "Utah", ""),
            ("Zoë O'Brien-Łukasz", "us-senator", "Iowa", "Z9"),
            ("Star Person", "us-senator", "**Bold** state", "S1"),
        )
    ]
    result = mail_merge(spec, people, tmp_path)
    assert [r.status for r in result.rows] == ["rendered"] * 4
    letters = [m.letter for m in merge_letters(spec, people)]
    for row, letter in zip(result.rows, letters, strict=True):
        assert letter is not None
        written = (tmp_path / (row.file or "")).read_bytes()
        properties = read_provenance(io.BytesIO(written)).properties
        assert written == DocxRenderer().render(letter, properties=properties)
    text = paragraphs((tmp_path / (result.rows[1].file or "")).read_bytes())
    assert ("Subject Line", "Re: Rights in Utah") in text
    assert ("Inside Address", "The Honorable Bo <Reyes> & Co\nRepresentative for Utah\n"
            "United States House of Representatives\nWashington, DC 20515") in text


def test_a_templated_salutation_and_recipients_without_office(tmp_path: Path) -> None:
    spec = Letter.model_validate(
        {
            "date": "2026-10-05",
            "sender": {"organization": "Test Coalition"},
            "salutation": "Dear {{ recipient.name }},",
            "body": ["Hello from {{ recipient.city }}."],
            "signatories": [{"name": "Test Coalition", "kind": "organization"}],
        }
    )
    people = [
        recipient_from_mapping({"name": "Ana Sousa", "address": "1 Road; Porto", "city": "Porto"}),
        recipient_from_mapping({"name": "Bo Reyes", "salutation": "Dear Bo", "city": "Lima"}),
    ]
    result = mail_merge(spec, people, tmp_path)
    first = paragraphs((tmp_path / (result.rows[0].file or "")).read_bytes())
    assert ("Letter Salutation", "Dear Ana Sousa,") in first
    assert ("Inside Address", "Ana Sousa\n1 Road\nPorto") in first
    second = paragraphs((tmp_path / (result.rows[1].file or "")).read_bytes())
    assert ("Letter Salutation", "Dear Bo,") in second
