"""Spec files: safe loading, precise errors, and atomic, non-clobbering writes."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit.characters import find_unwritable
from draftkit.errors import OutputError, OutputExistsError, SpecError
from draftkit.files import dump_letter, load_letter, parse_letter
from draftkit.inputs import decode_text, read_input
from draftkit.outputs import refuse_input_as_output, write_bytes_atomic, write_text_atomic
from draftkit.schema import Addressee, Ask, Letter, Signatory
from draftkit.yamljson import MAX_DEPTH, check_data_shape, parse_json_text, parse_yaml_text


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


def test_new_files_get_the_umask_mode_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    mask = os.umask(0o027)
    try:
        new = write_text_atomic(tmp_path / "new.txt", "x")
        assert new.stat().st_mode & 0o777 == 0o640
        kept = tmp_path / "kept.txt"
        kept.write_text("old")
        kept.chmod(0o600)
        write_text_atomic(kept, "new", force=True)
        assert kept.stat().st_mode & 0o777 == 0o600
        assert kept.read_text() == "new"
    finally:
        os.umask(mask)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.txt", "new.txt"]


def test_atomic_write_refuses_a_link_or_a_folder_at_the_target(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("keep")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "folder.txt").mkdir()
    for name in ("link.txt", "folder.txt"):
        with pytest.raises(OutputExistsError, match="not a regular file"):
            write_text_atomic(tmp_path / name, "x", force=True)
    assert (tmp_path / "real.txt").read_text() == "keep"
    assert not list(tmp_path.glob(".*.part"))


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


# -- bounded loading -----------------------------------------------------------------------


def test_yaml_caps_are_checked_while_composing() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]\n"
        for p, n in zip("abcdefg", "bcdefgh", strict=True)
    )
    with pytest.raises(SpecError, match=r"^bomb\.yaml:\d+: aliases expand the file"):
        parse_yaml_text(laughs, path="bomb.yaml")
    with pytest.raises(SpecError, match="refers to the mapping or list that contains it"):
        parse_yaml_text("x: &a [1, *a]\n", path="loop.yaml")
    with pytest.raises(SpecError, match=f"nested more than {MAX_DEPTH} levels deep"):
        parse_yaml_text("x: " + "[" * 60 + "]" * 60, path="deep.yaml")
    with pytest.raises(SpecError, match=r"^n\.yaml:1: a number with more than 100 digits"):
        parse_yaml_text("n: " + "1" * 101, path="n.yaml")
    with pytest.raises(SpecError, match=r"^nul\.yaml:2: the file holds the character U\+0000"):
        parse_yaml_text("a: 1\nb: 'x\x00'\n", path="nul.yaml")
    # the same aliases a few times are fine, and shared values are copied
    data = parse_yaml_text("a: &a [1, 2]\nb: *a\nc: *a\n")
    assert data == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}


def test_json_refuses_duplicates_deep_nesting_and_long_numbers() -> None:
    with pytest.raises(SpecError, match=r"^d\.json:3: duplicate key 'a'"):
        parse_json_text('{\n"a": 1,\n"a": 2\n}', path="d.json")
    with pytest.raises(SpecError, match="nested"):
        parse_json_text("[" * 100_000 + "]" * 100_000, path="deep.json")
    with pytest.raises(SpecError, match="more than 100 digits"):
        parse_json_text("[" + "9" * 200 + "]", path="n.json")
    assert parse_json_text('{"a": [1, 2.5, "x", null, true]}') == {"a": [1, 2.5, "x", None, True]}


def test_check_data_shape_stops_at_the_cap_on_shared_references() -> None:
    laughs: list[object] = ["lol"] * 10
    for _ in range(9):
        laughs = [laughs] * 10
    with pytest.raises(SpecError, match=r"^c\.yaml: more than 1,000 values"):
        check_data_shape(laughs, path="c.yaml", max_nodes=1000)
    check_data_shape({"a": [1, 2, {"b": "c"}]})


def test_read_input_refuses_devices_and_pipes_without_waiting(tmp_path: Path) -> None:
    zero = tmp_path / "endless.csv"
    zero.symlink_to("/dev/zero")  # never ends
    with pytest.raises(SpecError, match=r"endless\.csv: is a pipe or device, not a list"):
        read_input(zero, limit=1000, what="list")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # opening it would wait for a writer for ever
    with pytest.raises(SpecError, match=r"pipe\.csv: is a pipe or device, not a list"):
        read_input(fifo, limit=1000, what="list")
    with pytest.raises(SpecError, match="list not found"):
        read_input(tmp_path / "none.csv", limit=10, what="list")
    (tmp_path / "big.csv").write_bytes(b"x" * 1001)
    with pytest.raises(SpecError, match="list is 1,001 bytes; at most 1,000 are read"):
        read_input(tmp_path / "big.csv", limit=1000, what="list")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("name: Tomás\n".encode(), "name: Tomás\n"),
        ("name: Tomás\n".encode("utf-8-sig"), "name: Tomás\n"),
        ("name: Tomás\n".encode("utf-16"), "name: Tomás\n"),  # with a BOM
        ("name: Tomás\n".encode("utf-16-be"), "name: Tomás\n"),  # NUL pattern, no BOM
    ],
)
def test_decode_text_reads_utf8_and_utf16(data: bytes, text: str) -> None:
    assert decode_text(data) == text


def test_decode_text_names_the_line_of_a_byte_that_is_not_utf8() -> None:
    with pytest.raises(SpecError, match=r"^l.csv:2: not UTF-8 text \(byte 7\) — save it"):
        decode_text("a,b\nJos\xe9,c\n".encode("latin-1"), path="l.csv", hint="save it")
    with pytest.raises(SpecError, match="UTF-16 text that does not decode"):
        decode_text(b"\xff\xfea\x00\x00\xd8", path="l.csv")


# -- writing -------------------------------------------------------------------------------


def test_an_input_is_never_an_output(tmp_path: Path) -> None:
    spec = tmp_path / "letter.yaml"
    spec.write_text("subject: x\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(spec)
    for output in (spec, link, tmp_path / "." / "letter.yaml"):
        with pytest.raises(OutputError, match="the output is the spec; refusing"):
            refuse_input_as_output(output, {"the spec": spec})
    refuse_input_as_output(tmp_path / "letter.docx", {"the spec": spec, "nothing": None})


def test_an_unwritable_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"cannot create a file in /sys \(permission denied\)"):
        write_text_atomic("/sys/letter.txt", "x")
    assert not list(tmp_path.iterdir())
