"""Text in encodings a reader has to guess, and bytes that are not text at all.

Sources: the classic mojibake cases (Windows-1252 read as UTF-8 and back), UTF-16 with and
without a byte-order mark, CESU-8 surrogates (``\\xed\\xa0\\x80``), noncharacters that are
valid UTF-8, NUL-laden binaries named ``.txt``, and HTML character references to control
characters (``&#x1b;``). A guess must be said (a warning), never made silently; what
cannot be held is replaced visibly; what cannot be read is one error line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.builders import SPEC
from tests.hostile.harness import assert_bounded, assert_refused, run

LETTER = (
    "Dear Minister,\n\nWe ask that the café owners be released — now.\n\n"
    "Sincerely,\n\nJo Doe\n"
)


@pytest.mark.parametrize(
    ("name", "data", "warning"),
    [
        ("cp1252.txt", LETTER.encode("cp1252"), "not UTF-8: read as Windows-1252"),
        (
            "mixed.txt",
            LETTER.encode("utf-8").replace(b"now", b"\x93now\x94"),
            "Windows-1252",
        ),
        ("cesu.txt", LETTER.encode("utf-8") + b"P.S. \xed\xa0\x80\n", "Windows-1252"),
        ("nonchar.txt", LETTER.replace("now", "now\ufffe").encode("utf-8"), "U+FFFD"),
        ("bom16.txt", LETTER.encode("utf-16"), None),
        ("plain16.txt", LETTER.encode("utf-16-le"), None),
        (
            "entities.html",
            b"<html><body><p>Dear Minister,</p><p>We ask&#x1b;[2J you to act&#7;.</p>"
            b"<p>Sincerely,</p><p>Jo Doe</p></body></html>",
            "2 character references to control characters",
        ),
    ],
)
def test_guesses_are_said_and_nothing_is_dropped_silently(
    name: str, data: bytes, warning: str | None, case: Path
) -> None:
    (case / name).write_bytes(data)
    result = run(["ingest", name], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    out = result.stdout.decode()
    assert "\x1b" not in out and "\x07" not in out
    if warning is not None:
        assert warning in result.stderr, result.describe()
    else:
        assert "Windows-1252" not in result.stderr, result.describe()
    if name != "entities.html":
        assert "café" in out or "caf" in out


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("broken16.txt", b"\xff\xfe" + "Dear Minister".encode("utf-16-le") + b"\x00\xd8", "UTF-16"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "binary file"),
        ("empty.txt", b"", "empty file"),
        ("huge.txt", b"Dear Minister,\n" + b"a" * (21 * 1024 * 1024), "at most 20,971,520"),
    ],
)
def test_unreadable_text_is_one_line(name: str, data: bytes, says: str, case: Path) -> None:
    (case / name).write_bytes(data)
    assert_refused(run(["ingest", name], case), names=name, says=says)


def test_one_enormous_line_is_read_or_refused_cleanly(case: Path) -> None:
    (case / "long.txt").write_text(
        "Dear Minister,\n\n" + "word " * 400_000 + "\n\nSincerely,\n\nJo Doe\n", encoding="utf-8"
    )
    result = run(["ingest", "long.txt"], case)
    assert_bounded(result)
    assert result.code in (0, 1), result.describe()
    if result.code == 1:
        assert len(result.lines) == 1 and "long.txt" in result.lines[0], result.describe()


def test_a_spec_in_utf16_is_read(case: Path) -> None:
    # Notepad's "Unicode" (UTF-16 with a byte-order mark) is read, not refused as not UTF-8
    (case / "letter.yaml").write_bytes(SPEC.replace("Jane Roe", "Inés Roe").encode("utf-16"))
    result = run(["render", "letter.yaml", "-o", "letter.txt"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert "Inés Roe" in (case / "letter.txt").read_text(encoding="utf-8")


def test_a_spec_in_broken_utf16_is_one_line(case: Path) -> None:
    (case / "letter.yaml").write_bytes(SPEC.encode("utf-16")[:-2] + b"\x00\xd8")
    result = run(["render", "letter.yaml", "-o", "letter.docx"], case)
    assert_refused(result, names="letter.yaml", says=["UTF-16 text that does not decode"])


def test_a_recipient_list_in_windows_1252_is_read_and_the_guess_said(case: Path) -> None:
    text = SPEC.replace("addressees:\n  - name: Jane Roe\n    office: us-secretary-of-state\n", "")
    (case / "letter.yaml").write_text(text, encoding="utf-8")
    (case / "people.csv").write_bytes("name,office\nJosé Núñez,us-senator\n".encode("cp1252"))
    result = run(["merge", "letter.yaml", "--recipients", "people.csv", "-o", "out"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert "people.csv read as CSV, Windows-1252 (detected)" in result.stderr
    assert any("jose-nunez" in name for name in result.after), result.after
