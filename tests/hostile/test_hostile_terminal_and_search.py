"""User data on the terminal, and search queries that are FTS5 syntax.

Terminal cases: escape sequences in stored text reach a terminal that acts on them
(CWE-150; e.g. ConEmu's OSC that runs programs, ConEmu/ConEmu#687; OSC 52 clipboard
writes; title changes), and bidirectional overrides reorder what a reader sees (Trojan
Source, CVE-2021-42574). Whatever draftkit prints about user data (messages, clause text,
names, file names) shows them escaped (``\\x1b``, ``U+202E``); documents written to a file
or a pipe stay exact.

Search cases: SQLite FTS5 reads ``MATCH`` strings as a query language, so quotes, ``:``,
``-``, ``NEAR(`` and ``AND``/``OR``/``NOT`` make ordinary queries fail with "fts5: syntax
error" or "no such column" (Dicklesworthstone/meta_skill#100, coleifer/peewee#2955,
dbohdan/tinyfts#2). Every query must run as words, exit 0 and never raise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.builders import SPEC
from tests.hostile.harness import assert_bounded, assert_refused, run

LIBRARY = """\
clauses:
  - id: ask.release
    kind: ask
    title: "Release the reporters \u202etxt.exe"
    lead: Release the detained reporters.
    body: "Their detention is arbitrary; see the report \u2066annex\u2069."
"""


def _library(folder: Path) -> None:
    (folder / "library").mkdir()
    (folder / "library" / "asks.yaml").write_text(LIBRARY, encoding="utf-8")


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'",
        "NEAR(",
        "title:reporters",
        "nosuchcolumn:x",
        "-reporters",
        "reporters AND OR NOT",
        "^release",
        "(release",
        "{title body}:release",
        "release*",
        "\\",
        "release" * 15_000,
        " ".join(["release"] * 5000),
        "\x1b]0;owned\x07 release",
    ],
    ids=lambda q: repr(q[:24]),
)
def test_any_search_query_is_searched_as_words(query: str, case: Path) -> None:
    _library(case)
    result = run(["clauses", "search", "--library", "library", "--", query], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert "\x1b" not in result.stderr and b"\x1b" not in result.stdout, result.describe()


def test_clause_text_is_shown_escaped(case: Path) -> None:
    _library(case)
    result = run(["clauses", "show", "ask.release", "--library", "library"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    out = result.stdout.decode()
    assert "Release the reporters U+202Etxt.exe" in out
    assert "U+2066annexU+2069" in out
    assert "\u202e" not in out and "\u2066" not in out


def test_clause_yaml_to_a_pipe_stays_exact(case: Path) -> None:
    _library(case)
    args = ["clauses", "show", "ask.release", "--format", "yaml", "--library", "library"]
    result = run(args, case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert "\u202e" in result.stdout.decode()  # a document on a pipe: byte for byte


def test_clauses_add_refuses_escape_sequences(case: Path) -> None:
    _library(case)
    (case / "new.yaml").write_text(
        'id: context.evil\nkind: context\ntitle: "Hi\\e]52;c;b3duZWQ=\\a"\ntext: Hello.\n',
        encoding="utf-8",
    )
    result = run(["clauses", "add", "new.yaml", "--library", "library"], case)
    line = assert_refused(result, names="new.yaml", says="U+001B (a control character)")
    assert "\x1b" not in line and "\x07" not in line


def test_a_file_name_with_an_escape_sequence_is_shown_escaped(case: Path) -> None:
    name = "evil\x1b[2J\x1b]0;owned\x07.yaml"
    (case / name).write_text("subject: [unclosed\n", encoding="utf-8")
    result = run(["render", name, "-o", "out.docx"], case)
    line = assert_refused(result, names="evil\\x1b[2J\\x1b]0;owned\\x07.yaml", says="invalid YAML")
    assert "\x1b" not in line


def test_a_recipient_cell_with_an_escape_sequence_is_named_escaped(case: Path) -> None:
    text = SPEC.replace("addressees:\n  - name: Jane Roe\n    office: us-secretary-of-state\n", "")
    (case / "letter.yaml").write_text(text, encoding="utf-8")
    (case / "people.csv").write_text(
        "name,office\nSen. A\x1b[8mhidden,us-senator\nSen. B,us-senator\n", encoding="utf-8"
    )
    result = run(["merge", "letter.yaml", "--recipients", "people.csv", "-o", "out"], case)
    assert_bounded(result)
    # merge goes on: one row skipped, named; a partial failure exits 1 (docs/cli.md)
    assert result.code == 1, result.describe()
    assert "\x1b" not in result.stderr
    assert any("people.csv:2" in line and "U+001B" in line for line in result.lines)
    letters = [c for c in result.changed() if c.startswith("out/") and c.endswith(".docx")]
    assert len(letters) == 1, result.describe()


def test_ingested_escape_sequences_become_visible_replacement_characters(case: Path) -> None:
    (case / "old.txt").write_bytes(
        b"Dear Minister,\n\nWe ask \x1b]0;owned\x07you to act.\n\nSincerely,\n\nJo Doe\n"
    )
    result = run(["ingest", "old.txt"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert b"\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "\ufffd" in result.stdout.decode()
    assert "replaced by U+FFFD" in result.stderr


def test_bidi_text_in_a_spec_renders_exactly_and_check_shows_it_escaped(case: Path) -> None:
    text = SPEC.replace("subject: Detained reporters", "subject: Detained \u202ereporters")
    (case / "letter.yaml").write_text(text, encoding="utf-8")
    result = run(["render", "letter.yaml", "-o", "-", "--format", "txt"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert "\u202e" in result.stdout.decode()  # the letter itself keeps what was written
    checked = run(["check", "letter.yaml", "--format", "text"], case)
    assert_bounded(checked)
    assert "\u202e" not in checked.stdout.decode() + checked.stderr
