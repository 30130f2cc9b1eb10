"""render ≡ merge: one composition path for a letter, whoever it goes to.

For every built-in variant (and a team variant extending ``us-congress``) and every kind of
recipient (a senator and a committee chair from the congress data, a delegate, an executive
official, a UN mandate-holder, a foreign minister, CSV rows with and without an office),
the letter ``compose_letter`` makes of the spec for that recipient is the letter merge
writes for them, grouped or composed one by one, as text and as DOCX (byte for byte, once
merge's per-recipient properties are given to the renderer too).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from draftkit.compose import compose_letter
from draftkit.config import ProjectConfig
from draftkit.merge import mail_merge, merge_letters
from draftkit.provenance import read_provenance
from draftkit.recipients import Recipient, load_recipients, read_csv, recipient_from_mapping
from draftkit.render import render_bytes, render_text
from draftkit.schema import Letter
from tests.helpers import paragraphs

VARIANTS = ["base", "us-congress", "us-executive", "un", "eu", "foreign-government", "senate-team"]

VARIABLES = {
    "purpose": "ask for the release of the reporters held in Arkadia",
    "country": "Arkadia",
    "government": "the Government of Arkadia",
    "organization": "the Lake Region Rights Coalition",
}

# Both specs are signed by one person for an organisation and name no sender organisation:
# ``sender_name`` is then the signer's organisation, in spec text as in templates.
SIGNER = [{"name": "Dana Reyes", "title_lines": ["Director"], "organization": "Rights Watchers"}]

WRITTEN: dict[str, Any] = {
    "date": "2026-10-05",
    "asks_intro": "We ask that you:",
    "variables": {"country": "Arkadia", "organization": "Rights Watchers"},
    "subject": "Detention in {{ country }}: a letter to {{ recipient.name }}",
    "body": [
        "We write on behalf of {{ sender_name }} to {{ recipient.name }}"
        "{% if recipient.state|default('') %} of {{ recipient.state }}{% endif %}.",
        {"clause": "opening.single-organization"},
        "{{ recipient.personal_line|default('') }}",
        "A fixed paragraph with **bold** words and a [link](https://example.org/report).",
    ],
    "asks": [
        {"lead": "Act in {{ recipient.state|default('your country') }}.", "body": "Soon."},
        {"clause": "ask.release-political-prisoners"},
        {"lead": "Fund monitors.", "items": ["one", "{{ recipient.key|default('', true) }}"]},
    ],
    "signatories": SIGNER,
}

# Without its own asks introduction, the variant's asks_intro block reads the asks, which
# hold per-recipient text: every letter is then composed on its own.
READ_BY_THE_VARIANT = {k: v for k, v in WRITTEN.items() if k != "asks_intro"}

LEFT_TO_THE_VARIANT: dict[str, Any] = {
    "date": "2026-10-05",
    "variables": VARIABLES,
    "subject": "Reporters held in Arkadia",
    "asks": [{"lead": "Press for their release.", "body": "Raise their cases."}],
    "signatories": SIGNER,
}


def _team_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    folder.mkdir(exist_ok=True)
    (folder / "senate-team.j2").write_text('{% extends "us-congress.j2" %}\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def kinds(congress_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Recipient]:
    """One recipient of each kind, from the congress data and from a CSV file."""
    ssfr = load_recipients(congress_dir, committees=["SSFR"])
    chair = next(r for r in ssfr if r.variables.get("committee_title"))
    member = next(r for r in ssfr if not r.variables.get("committee_title"))
    (delegate,) = load_recipients(congress_dir, where=["state=DC"])
    folder = tmp_path_factory.mktemp("lists")
    listing = folder / "list.csv"
    listing.write_text(
        "Name,Office,State,Address,Salutation,Personal line\n"
        "Alma R. Whitfield,us-senator,Oregon,,,Thank you for meeting us.\n"
        'Helena Ortiz,,,"12 Rue Haute; 1000 Brussels",Dear Ms. Ortiz,\n',
        encoding="utf-8",
    )
    csv_office, csv_no_office = read_csv(listing)
    return {
        "congress member": member,
        "committee chair": chair,
        "delegate": delegate,
        "executive official": recipient_from_mapping(
            {"name": "Jordan Lee", "office": "us-secretary-of-state", "gender": "female"}
        ),
        "UN mandate-holder": recipient_from_mapping(
            {"name": "Ana Ruiz", "office": "un-special-rapporteur", "key": "un-1"}
        ),
        "foreign minister": recipient_from_mapping(
            {"name": "Kofi Mensah", "office": "foreign-minister", "gender": "male"}
        ),
        "CSV row with office": csv_office,
        "CSV row without office": csv_no_office,
    }


def _config(examples_dir: Path) -> ProjectConfig:
    return ProjectConfig(clauses=[examples_dir / "clauses"])


SHAPES = {
    "written": (WRITTEN, "grouped"),
    "read by the variant": (READ_BY_THE_VARIANT, "per-recipient"),
    "left to the variant": (LEFT_TO_THE_VARIANT, "grouped"),
}


@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("variant", VARIANTS)
def test_render_of_the_composed_spec_is_what_merge_writes(
    variant: str,
    shape: str,
    kinds: dict[str, Recipient],
    examples_dir: Path,
    tmp_path: Path,
) -> None:
    data, mode = SHAPES[shape]
    if variant == "us-executive" and "asks_intro" not in data:
        mode = "per-recipient"  # its asks_intro block reads recipient_forms
    spec = Letter.model_validate({"audience": variant, **data})
    config = _config(examples_dir)
    templates = (_team_templates(tmp_path),)
    names = list(kinds)
    people = [kinds[name] for name in names]
    composed = [
        compose_letter(
            spec, config=config, template_dirs=templates, recipient=person, recipient_index=index
        ).letter
        for index, person in enumerate(people, start=1)
    ]
    for grouped in (True, False):
        merged = list(
            merge_letters(spec, people, config=config, template_dirs=templates, grouped=grouped)
        )
        for name, one, other in zip(names, composed, merged, strict=True):
            assert other.error is None, f"{name}: {other.error}"
            assert other.letter == one, f"{name}, grouped={grouped}"

    for grouped in (True, False):
        out = tmp_path / f"txt-{grouped}"
        result = mail_merge(
            spec, people, out, fmt="txt", config=config, template_dirs=templates, grouped=grouped
        )
        assert result.errors == 0, [row.message for row in result.rows]
        assert result.mode == (mode if grouped else "per-recipient")
        for name, letter, row in zip(names, composed, result.rows, strict=True):
            written = (out / (row.file or "")).read_text(encoding="utf-8")
            assert written == render_text(letter), name

    out = tmp_path / "docx"
    result = mail_merge(spec, people, out, config=config, template_dirs=templates)
    assert result.errors == 0, [row.message for row in result.rows]
    for name, letter, row in zip(names, composed, result.rows, strict=True):
        written = (out / (row.file or "")).read_bytes()
        properties = read_provenance(io.BytesIO(written)).properties
        assert properties["draftkit.recipient"] == kinds[name].label()
        again = render_bytes(letter, "docx", properties=properties)
        assert paragraphs(written) == paragraphs(again), name
        assert written == again, f"{name}: the merged DOCX differs from rendering the letter"


def test_every_kind_is_exercised(kinds: dict[str, Recipient], examples_dir: Path) -> None:
    """The matrix above really covers what it names: offices, salutations, blank paragraphs."""
    spec = Letter.model_validate({"audience": "us-congress", **WRITTEN})
    letters = {
        name: compose_letter(spec, config=_config(examples_dir), recipient=person).letter
        for name, person in kinds.items()
    }
    chair, delegate = kinds["committee chair"], kinds["delegate"]
    assert letters["committee chair"].salutation == f"Dear Senator {chair.surname}:"
    assert letters["delegate"].salutation == f"Dear Delegate {delegate.surname}:"
    assert letters["CSV row without office"].salutation == "Dear Ms. Ortiz:"
    assert letters["CSV row without office"].addressees[0].address_lines == [
        "12 Rue Haute",
        "1000 Brussels",
    ]
    assert "Thank you for meeting us." in letters["CSV row with office"].body
    assert "Thank you for meeting us." not in letters["executive official"].body
    assert len(letters["CSV row with office"].body) == len(letters["delegate"].body) + 1
    assert letters["executive official"].body[0] == (
        "We write on behalf of Rights Watchers to Jordan Lee."
    )
    assert letters["UN mandate-holder"].asks[2].items == ["one", "un-1"]  # type: ignore[union-attr]
    assert letters["delegate"].provenance  # the clauses were expanded
