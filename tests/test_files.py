"""Spec files: safe loading, precise errors, and atomic, non-clobbering writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit.characters import find_unwritable
from draftkit.errors import OutputExistsError, SpecError
from draftkit.files import (
    dump_letter,
    load_letter,
    parse_letter,
    write_bytes_atomic,
    write_text_atomic,
)
from draftkit.schema import Addressee, Ask, Letter, Signatory


def _spec(tmp_path: Path, text: str, name: str = "letter.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(SpecError) as info:
        load_letter(path)
    return str(info.value)


def test_unknown_field_names_file_line_and_suggestion(tmp_path: Path) -> None:
    path = _spec(tmp_path, "date: 2021-05-25\nsignatores:\n  - name: A\n")
    assert _error(path) == (
        f"{path}:2: signatores: unknown field 'signatores' — did you mean 'signatories'?"
    )


def test_nested_unknown_field_suggests_from_the_right_model(tmp_path: Path) -> None:
    path = _spec(tmp_path, "addressees:\n  - name: Jane\n    titel_lines: [Minister]\n")
    assert _error(path).endswith(
        ":3: addressees[0].titel_lines: unknown field 'titel_lines' — did you mean 'title_lines'?"
    )


def test_impossible_date_and_integer_date(tmp_path: Path) -> None:
    assert "2021-02-30' is not a real date" in _error(_spec(tmp_path, "date: 2021-02-30\n"))
    message = _error(_spec(tmp_path, "date: 20210525\n", "int.yaml"))
    assert ":1: date: expected a date written YYYY-MM-DD, got int 20210525" in message


def test_wrong_type_names_path_and_type(tmp_path: Path) -> None:
    path = _spec(tmp_path, "asks:\n  - lead: Act.\n    items: not-a-list\n")
    message = _error(path)
    assert ":3: asks[0].items:" in message and "got text 'not-a-list'" in message


def test_empty_value_is_named_in_plain_words(tmp_path: Path) -> None:
    path = _spec(tmp_path, "addressees:\n  - name: Jane Doe\n    title_lines:\n")
    message = _error(path)
    assert ":3: addressees[0].title_lines:" in message
    assert "got nothing" in message and "NoneType" not in message
    assert "write a value after the colon" in message


@pytest.mark.parametrize("name", ["old.docx", "old.txt", "old.html", "old.md", "old.pdf"])
def test_a_document_is_pointed_to_ingest(tmp_path: Path, name: str) -> None:
    path = _spec(tmp_path, "Dear Minister,\n\nWe write to you.\n", name)
    message = _error(path)
    assert f"is a {path.suffix} document, not a spec" in message
    assert f"draftkit ingest {name} -o old.yaml" in message


def test_clause_reference_errors_point_at_the_reference(tmp_path: Path) -> None:
    path = _spec(tmp_path, "asks:\n  - clause: ask.x\n    varables: {a: 1}\n")
    assert "asks[0].varables: unknown field 'varables' — did you mean 'variables'?" in _error(path)


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = _spec(tmp_path, "date: 2021-05-25\naddressees: [\n  - bad\n")
    message = _error(path)
    assert message.startswith(f"{path}:") and "invalid YAML" in message


def test_unsafe_yaml_tags_are_refused(tmp_path: Path) -> None:
    path = _spec(tmp_path, "subject: !!python/object/apply:os.system ['echo hi']\n")
    assert ":1: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'" in (
        _error(path)
    )
    scalar = _spec(tmp_path, "subject: !!python/name:os.system ''\n", "scalar.yaml")
    assert "invalid YAML: could not determine a constructor" in _error(scalar)


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    assert "duplicate key 'subject'" in _error(_spec(tmp_path, "subject: a\nsubject: b\n"))


def test_json_specs_and_json_errors(tmp_path: Path) -> None:
    good = _spec(tmp_path, json.dumps({"date": "2021-05-25", "subject": "X"}), "a.json")
    assert load_letter(good).subject == "X"
    bad = _spec(tmp_path, '{"date": "2021-05-25",\n "subject": }', "b.json")
    assert f"{bad}:2: invalid JSON" in _error(bad)
    typo = _spec(tmp_path, '{\n  "subjet": "X"\n}', "c.json")
    assert f"{typo}:2: subjet: unknown field 'subjet' — did you mean 'subject'?" == _error(typo)


def test_missing_empty_and_non_mapping_files(tmp_path: Path) -> None:
    assert "file not found" in _error(tmp_path / "nope.yaml")
    assert "must be a mapping" in _error(_spec(tmp_path, "", "empty.yaml"))
    assert "must be a mapping" in _error(_spec(tmp_path, "- a\n- b\n", "list.yaml"))
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("subject: caf\xe9\n".encode("latin-1"))
    assert "not UTF-8" in _error(latin)


def test_parse_letter_reports_how_many_more_problems() -> None:
    with pytest.raises(SpecError, match=r"and 1 more problem"):
        parse_letter({"date": "x", "subjct": "y"})


def test_atomic_write_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_text_atomic(target, "first")
    with pytest.raises(OutputExistsError, match="pass --force"):
        write_text_atomic(target, "second")
    assert target.read_text() == "first"
    write_text_atomic(target, "second", force=True)
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_write_leaves_nothing_when_the_folder_is_missing(tmp_path: Path) -> None:
    with pytest.raises(OutputExistsError, match="does not exist"):
        write_bytes_atomic(tmp_path / "missing" / "x.docx", b"data")
    assert not (tmp_path / "missing").exists()


def test_written_files_get_normal_permissions(tmp_path: Path) -> None:
    path = write_text_atomic(tmp_path / "a.txt", "x")
    assert path.stat().st_mode & 0o044  # readable by group/others under a normal umask


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and s.strip() and find_unwritable(s) is None)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    subject=_text,
    name=_text,
    lead=_text,
    body=st.lists(_text, max_size=3),
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    fmt=st.sampled_from(["yaml", "json"]),
)
def test_dump_and_load_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    subject: str,
    name: str,
    lead: str,
    body: list[str],
    day: dt.date,
    fmt: str,
) -> None:
    letter = Letter(
        date=day,
        subject=subject,
        addressees=[Addressee(name=name, title_lines=["Minister"])],
        salutation=f"Dear {name},",
        body=list(body),
        asks=[Ask(lead=lead, items=["one", "two"])],
        signatories=[Signatory(name=name, kind="organization")],
    )
    path = tmp_path_factory.mktemp("rt") / f"letter.{fmt}"
    path.write_text(dump_letter(letter, fmt), encoding="utf-8")
    assert load_letter(path) == letter
