"""The clause model: validation, versions, audience variants, status warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.clauses import Clause
from draftkit.clauses.store import parse_clause_text
from draftkit.errors import ClauseError


def ask(**extra: object) -> Clause:
    data: dict[str, object] = {
        "id": "ask.test",
        "kind": "ask",
        "title": "A test ask",
        "lead": "Do the thing in {{ country }}.",
        "body": "Because it matters.",
        "variables": {"country": {"description": "the country", "example": "Eastland"}},
        "variants": {"un": {"lead": "Please consider the thing in {{ country }}."}},
    }
    data.update(extra)
    return Clause.model_validate(data)


FOLDED = """\
clauses:
  - id: context.x
    kind: context
    title: X
    text: >-
      One sentence here
      wrapped over lines.
    status: draft
"""

LITERAL = """\
clauses:
  - status: vetted
    vetted_by: Someone
    id: context.x
    title: A different title
    kind: context
    text: |
      One   sentence here wrapped
      over lines.
    provenance:
      - title: Old letter
        position: body[1]
"""


def test_version_ignores_yaml_layout_status_and_provenance() -> None:
    a = parse_clause_text(FOLDED, Path("a.yaml"))[0]
    b = parse_clause_text(LITERAL, Path("b.yaml"))[0]
    assert a.version == b.version
    assert len(a.version) == 12


def test_version_changes_with_wording_variants_and_variables() -> None:
    base = ask()
    assert ask(body="Because it matters a lot.").version != base.version
    assert ask(variants={}).version != base.version
    changed_var = {"country": {"description": "the state", "example": "Eastland"}}
    assert ask(variables=changed_var).version != base.version
    assert ask(topics=["x"], status="vetted", vetted_by="P").version == base.version


def test_wording_for_picks_the_audience_variant() -> None:
    clause = ask()
    wording, used = clause.wording_for("un")
    assert used == "un"
    assert wording.lead == "Please consider the thing in {{ country }}."
    assert wording.body == "Because it matters."  # not overridden: inherited
    wording, used = clause.wording_for("us-congress")
    assert used is None
    assert wording.lead == "Do the thing in {{ country }}."
    wording, used = clause.wording_for(None, "un")
    assert used == "un"


def test_wording_for_unknown_forced_variant_is_an_error() -> None:
    with pytest.raises(ClauseError, match=r"no variant 'eu'.*its variants: un"):
        ask().wording_for("un", "eu")


def test_usable_reports_draft_and_retired() -> None:
    assert ask(status="vetted", vetted_by="Policy Committee").usable() is None
    draft = ask().usable()
    assert draft is not None and "draft" in draft and "clauses vet ask.test" in draft
    retired = ask(status="retired", retired_reason="superseded").usable("refuse")
    assert retired is not None and "retired (superseded)" in retired and "refuses" in retired
    with pytest.raises(ClauseError, match="draft"):
        ask().ensure_usable("refuse")
    assert ask().ensure_usable("warn") is not None


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"text": "x"}, "uses lead/body/items, not text"),
        ({"lead": None, "body": None}, "needs a lead, a body or items"),
        ({"status": "retired"}, "needs a retired_reason"),
        ({"status": "vetted"}, "needs vetted_by"),
        ({"id": "bad id"}, "should match pattern"),
        ({"variants": {"un": {"note": "only a note"}}}, "at least one of"),
        ({"variants": {"un": {"text": "x"}}}, "sets lead/body/items, not text"),
    ],
)
def test_invalid_clauses_are_refused(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ask(**extra)


def test_paragraph_variants_may_not_set_ask_fields() -> None:
    with pytest.raises(ValueError, match="may set only text"):
        Clause.model_validate(
            {
                "id": "c.x",
                "kind": "closing",
                "title": "T",
                "text": "Thanks.",
                "variants": {"un": {"lead": "x"}},
            }
        )


def test_undeclared_variables_are_listed() -> None:
    clause = ask(body="For {{ organization }} and {{ country|upper }}.")
    assert clause.undeclared_variables() == {"organization"}


def test_to_data_round_trips_and_omits_file_and_line() -> None:
    clause = ask(status="vetted", vetted_by="P", vetted_on="2026-01-05")
    data = clause.to_data()
    assert "source_file" not in data and "line" not in data
    assert list(data)[:3] == ["id", "kind", "title"]
    assert data["vetted_on"] == "2026-01-05"
    assert Clause.model_validate(data).version == clause.version
