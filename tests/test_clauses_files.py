"""Clause files: file:line errors, duplicate ids, and in-place edits that keep the rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.characters import replace_unwritable
from draftkit.clauses import Clause, ClauseLibrary
from draftkit.clauses.store import append_clauses, parse_clause_text, set_clause_fields
from draftkit.errors import ClauseError

GOOD = """\
# Topic: testing. This comment must survive edits.
topic: testing
clauses:
  # the first clause
  - id: ask.first
    kind: ask
    title: First ask
    lead: Do the first thing.  # keep this comment
    body: >-
      A body that is folded
      over two lines.
    status: draft

  - id: context.second
    kind: context
    title: Second paragraph
    text: |
      A literal paragraph
      on two lines.
    topics:
      - alpha
      - beta
    status: vetted
    vetted_by: Policy Committee
    vetted_on: 2026-01-02
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> ClauseError:
    path = write(tmp_path, "bad.yaml", text)
    with pytest.raises(ClauseError) as info:
        ClauseLibrary([tmp_path], cache_dir=tmp_path / ".cache").load()
    assert info.value.path == str(path)
    return info.value


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, "clauses:\n  - id: ask.x\n    title: [unclosed\n")
    assert error.line is not None and error.line >= 3
    assert str(error).startswith(f"{tmp_path / 'bad.yaml'}:{error.line}: invalid YAML")


def test_unknown_field_has_line_and_suggestion(tmp_path: Path) -> None:
    text = GOOD.replace("    topics:\n", "    topcs:\n")
    error = error_for(tmp_path, text)
    assert error.line == 20
    assert "unknown field 'topcs'" in str(error)
    assert "did you mean 'topics'" in str(error)
    assert "clauses[1]" in str(error) and "context.second" in str(error)


def test_bad_status_and_bad_date_point_at_their_lines(tmp_path: Path) -> None:
    error = error_for(tmp_path, GOOD.replace("status: draft", "status: approved"))
    assert error.line == 12 and "approved" in str(error)
    error = error_for(tmp_path, GOOD.replace("2026-01-02", "2026-02-30"))
    assert error.line == 25 and "not a real date" in str(error)


def test_missing_kind_and_non_mapping_entries(tmp_path: Path) -> None:
    error = error_for(tmp_path, "clauses:\n  - id: ask.x\n    title: T\n    lead: L.\n")
    assert error.line == 2 and "required field is missing" in str(error)
    error = error_for(tmp_path, "clauses:\n  - just a string\n")
    assert error.line == 2 and "must be a mapping" in str(error)
    error = error_for(tmp_path, "clause:\n  - id: x\n")
    assert error.line == 1 and "unknown top-level key 'clause'" in str(error)


def test_whole_clause_rules_point_at_the_field(tmp_path: Path) -> None:
    error = error_for(tmp_path, GOOD.replace("    status: draft\n", "    status: retired\n", 1))
    assert error.line == 12 and "needs a retired_reason" in str(error)
    error = error_for(tmp_path, GOOD.replace("    lead: Do the first", "    text: Do the first"))
    assert error.line == 8 and "not text" in str(error)


def test_duplicate_id_in_one_file(tmp_path: Path) -> None:
    text = GOOD + "\n  - id: ask.first\n    kind: ask\n    title: Again\n    lead: Again.\n"
    error = error_for(tmp_path, text)
    assert "duplicate clause id 'ask.first' (also at line 5)" in str(error)
    assert error.line == 27


def test_duplicate_id_across_files_names_both(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", GOOD)
    second = write(
        tmp_path,
        "b.yaml",
        "clauses:\n  - id: ok.one\n    kind: closing\n    title: T\n    text: Thanks.\n"
        "  - id: context.second\n    kind: closing\n    title: T\n    text: Thanks again.\n",
    )
    with pytest.raises(ClauseError) as info:
        ClauseLibrary([tmp_path], cache_dir=tmp_path / ".cache").load()
    message = str(info.value)
    assert message.startswith(f"{second}:6: duplicate clause id 'context.second'")
    assert f"{first}:14" in message


def test_missing_folder_and_no_folders(tmp_path: Path) -> None:
    with pytest.raises(ClauseError, match="folder not found"):
        ClauseLibrary([tmp_path / "nope"])
    with pytest.raises(ClauseError, match="no clause library folders"):
        ClauseLibrary([])


def test_single_clause_file_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "one.yaml", "id: closing.one\nkind: closing\ntitle: T\ntext: Thanks.\n")
    clauses = parse_clause_text(path.read_text(), path)
    assert [(c.id, c.line) for c in clauses] == [("closing.one", 1)]
    edited = set_clause_fields(path.read_text(), path, "closing.one", {"topics": ["x"]})
    assert parse_clause_text(edited, path)[0].topics == ["x"]


def test_set_fields_keeps_comments_and_other_clauses(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    text = set_clause_fields(
        GOOD,
        path,
        "ask.first",
        {"status": "vetted", "vetted_by": "Policy Committee", "vetted_on": "2026-03-04"},
    )
    assert "# Topic: testing. This comment must survive edits." in text
    assert "# the first clause" in text
    assert "lead: Do the first thing.  # keep this comment" in text
    # the other clause is byte-for-byte unchanged
    assert GOOD[GOOD.index("  - id: context.second") :] in text
    first, second = parse_clause_text(text, path)
    assert (first.status, first.vetted_by, first.vetted_on) == (
        "vetted",
        "Policy Committee",
        dt.date(2026, 3, 4),
    )
    assert second.version == parse_clause_text(GOOD, path)[1].version
    # replace a block value and remove a field
    text = set_clause_fields(text, path, "context.second", {"topics": ["gamma"], "vetted_on": None})
    second = parse_clause_text(text, path)[1]
    assert second.topics == ["gamma"] and second.vetted_on is None
    assert "      - alpha" not in text


def test_append_keeps_file_and_creates_new_files(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    new = Clause(id="closing.new", kind="closing", title="New", text="Thank you.\nTwo lines.")
    text = append_clauses(GOOD, path, [new])
    assert text.startswith(GOOD.rstrip("\n"))
    assert [c.id for c in parse_clause_text(text, path)] == [
        "ask.first",
        "context.second",
        "closing.new",
    ]
    assert parse_clause_text(text, path)[2].text == "Thank you.\nTwo lines."
    fresh = append_clauses("", path, [new])
    assert fresh.startswith("clauses:\n  - id: closing.new")
    empty_list = append_clauses("# c\nclauses: []\n", path, [new])
    assert empty_list.startswith("# c\nclauses:\n  - id: closing.new")
    assert [c.id for c in parse_clause_text(empty_list, path)] == ["closing.new"]


def _writable(size: int) -> st.SearchStrategy[str]:
    """Text a clause can hold (control characters and noncharacters are refused)."""
    return st.text(min_size=1, max_size=size).map(lambda value: replace_unwritable(value)[0])


@settings(max_examples=80, deadline=None)
@given(
    by=_writable(40).filter(lambda s: s.strip() and s == s.strip()),
    reason=_writable(120).filter(lambda s: s.strip()),
    topics=st.lists(_writable(12), max_size=3),
)
def test_edited_values_read_back_exactly(by: str, reason: str, topics: list[str]) -> None:
    path = Path("t.yaml")
    text = set_clause_fields(
        GOOD,
        path,
        "ask.first",
        {"status": "retired", "vetted_by": by, "retired_reason": reason, "topics": topics},
    )
    first, second = parse_clause_text(text, path)
    assert (first.vetted_by, first.retired_reason, first.topics) == (by, reason, topics)
    assert second.version == parse_clause_text(GOOD, path)[1].version
    assert "# the first clause" in text


@settings(max_examples=80, deadline=None)
@given(text=_writable(300), title=_writable(90))
def test_appended_clauses_read_back_exactly(text: str, title: str) -> None:
    path = Path("t.yaml")
    new = Clause(id="context.any", kind="context", title=title, text=text)
    for base in (GOOD, ""):
        clauses = parse_clause_text(append_clauses(base, path, [new]), path)
        assert (clauses[-1].title, clauses[-1].text) == (title, text)


def test_a_title_line_of_a_no_break_space_alone_survives_an_append() -> None:
    """Found by hypothesis: the literal block's line holding U+00A0 alone was not indented."""
    path = Path("t.yaml")
    new = Clause(id="context.any", kind="context", title="\n\xa0", text="0")
    for base in (GOOD, ""):
        clauses = parse_clause_text(append_clauses(base, path, [new]), path)
        assert clauses[-1].title == "\n\xa0"


def test_a_value_ending_in_a_line_break_is_edited_in_place_and_reads_back() -> None:
    """Found by hypothesis: a literal block kept with "|+" ended the dump with "...", which
    broke the file it was spliced into (and would take in the blank lines after it)."""
    path = Path("t.yaml")
    for topics in (["\n"], ["a\n\n"], ["x\ny"]):
        text = set_clause_fields(GOOD, path, "ask.first", {"topics": topics})
        assert parse_clause_text(text, path)[0].topics == topics
