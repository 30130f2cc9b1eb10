"""The Letter model: expressiveness (the seed letters), resolution state, validation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from draftkit.schema import Addressee, Ask, ClauseRef, Letter, Signatory

SEEDS = ["000", "001", "004"]
PERSON_KEYS = ("honorific", "name", "title_lines", "address_lines")


def _expected(corpus_dir: Path, seed: str) -> dict[str, Any]:
    path = next(corpus_dir.glob(f"{seed}_*.expected.json"))
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _letter_from_annotation(data: dict[str, Any]) -> Letter:
    """Build a Letter from an annotation using only the schema's own field names."""
    people = lambda rows: [{k: r[k] for k in PERSON_KEYS if r.get(k)} for r in rows]  # noqa: E731
    signatories = data.get("signatories") or data.get("signatories_sample") or []
    spec = {
        "heading": data.get("heading"),
        "published": data.get("published"),
        "date": data.get("date"),
        "addressees": people(data.get("addressees", [])),
        "cc": people(data.get("cc", [])),
        "subject": data.get("subject"),
        "salutation": data.get("salutation"),
        "asks_intro": data.get("asks_intro"),
        "asks": [{"lead": lead} for lead in data.get("asks_leads", [])],
        "closing": [data["closing"]] if data.get("closing") else [],
        "complimentary_close": data.get("complimentary_close"),
        "signatories": [
            {k: v for k, v in s.items() if v is not None}
            | ({"kind": "organization"} if data.get("signatory_kind") == "organizations" else {})
            for s in signatories
        ],
    }
    return Letter.model_validate({k: v for k, v in spec.items() if v not in (None, [])})


@pytest.mark.parametrize("seed", SEEDS)
def test_schema_expresses_seed_letters_exactly(corpus_dir: Path, seed: str) -> None:
    data = _expected(corpus_dir, seed)
    letter = _letter_from_annotation(data)
    dumped = letter.model_dump(mode="json")
    for key in ("heading", "published", "date", "subject", "salutation", "complimentary_close"):
        assert dumped[key] == data.get(key), key
    for field in ("addressees", "cc"):
        for got, want in zip(dumped[field], data.get(field, []), strict=True):
            for key in PERSON_KEYS:
                assert got[key] == (want.get(key) or ([] if key.endswith("lines") else None))
    for got, want in zip(
        dumped["signatories"],
        data.get("signatories") or data.get("signatories_sample") or [],
        strict=True,
    ):
        assert got["name"] == want["name"]
        assert got["title_lines"] == want.get("title_lines", [])
        assert got["organization"] == want.get("organization")
    assert [a["lead"] for a in dumped["asks"]] == data.get("asks_leads", [])
    assert letter.is_resolved


def test_seed_004_without_close_or_address_is_valid(corpus_dir: Path) -> None:
    letter = _letter_from_annotation(_expected(corpus_dir, "004"))
    assert letter.complimentary_close is None
    assert letter.addressees == []
    assert len(letter.asks) == 7


def test_unresolved_lists_clause_refs_and_missing_salutation() -> None:
    letter = Letter.model_validate(
        {
            "addressees": [{"name": "Jane Roe", "office": "us-senator"}],
            "body": ["Intro.", {"clause": "context.detention"}],
            "asks": [{"clause": "ask.release", "variables": {"country": "X"}}, {"lead": "Act."}],
            "closing": [{"clause": "closing.meeting"}],
        }
    )
    assert not letter.is_resolved
    assert letter.unresolved() == [
        "salutation",
        "body[1] (clause context.detention)",
        "asks[0] (clause ask.release)",
        "closing[0] (clause closing.meeting)",
    ]
    assert isinstance(letter.body[1], ClauseRef)
    assert isinstance(letter.asks[1], Ask)
    assert letter.texts("body") == ["Intro."]


def test_dates_must_be_real_iso_dates() -> None:
    assert Letter.model_validate({"date": "2021-05-25"}).date == dt.date(2021, 5, 25)
    for bad in ("2021-02-30", 20210525, "May 25, 2021", "2021-5-25", 1.5):
        with pytest.raises(ValidationError):
            Letter.model_validate({"date": bad})


def test_unknown_fields_and_empty_parts_are_refused() -> None:
    with pytest.raises(ValidationError):
        Letter.model_validate({"signatores": []})
    with pytest.raises(ValidationError):
        Ask()
    with pytest.raises(ValidationError):
        Addressee()
    with pytest.raises(ValidationError):
        Signatory(name="Org", kind="organization", title_lines=["x"])


def test_subject_prefix_is_stripped() -> None:
    assert Letter(subject="Re: Access").subject == "Access"
    assert Letter(subject="SUBJECT:  Access").subject == "Access"


def test_signatory_lines_and_addressee_label() -> None:
    person = Signatory(name="A B", title_lines=["Director"], organization="Org")
    assert person.lines() == ["A B", "Director", "Org"]
    assert Addressee(title_lines=["Special Rapporteur"]).label() == "Special Rapporteur"


def test_other_document_kinds_are_not_unresolved_for_lack_of_salutation() -> None:
    assert Letter(kind="press-release").unresolved() == []


# -- what a letter may hold ----------------------------------------------------------------


def _nested(depth: int) -> Any:
    value: Any = "y"
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        ({"subject": "a\x07b"}, ("subject",), "U+0007 (a control character) at character 2"),
        ({"body": ["ok", "x\ufffey"]}, ("body",), "item 2 holds U+FFFE"),
        ({"enclosures": ["r\ud800"]}, ("enclosures",), "U+D800 (a lone surrogate)"),
        ({"audience": " "}, ("audience",), "audience is empty"),
        ({"variables": {"x": {1, 2}}}, ("variables",), "variables hold a set"),
        ({"variables": {"x": _nested(25)}}, ("variables",), "20 levels"),
        ({"subject": "x" * 1_000_001}, ("subject",), "at most 1000000 characters"),
    ],
)
def test_what_cannot_be_written_is_refused_with_its_field(
    data: dict[str, Any], where: tuple[str, ...], words: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Letter.model_validate(data)
    error = info.value.errors()[0]
    assert tuple(error["loc"])[: len(where)] == where
    assert words in error["msg"]


def test_a_letter_built_from_shared_references_is_refused_quickly() -> None:
    laughs: list[Any] = ["lol"] * 10
    for _ in range(9):
        laughs = [laughs] * 10
    with pytest.raises(ValidationError, match="more than 200,000 values"):
        Letter.model_validate({"variables": {"x": laughs}})
    with pytest.raises(ValidationError, match="more than 10,000,000 characters"):
        Letter(body=["x" * 900_000] * 20)


def test_a_validated_letter_always_serialises() -> None:
    letter = Letter(
        variables={"rows": [{"name": "x" * 60, "n": 1, "d": dt.date(2026, 1, 1)}] * 20_000}
    )
    assert len(letter.model_dump_json()) > 1_000_000
