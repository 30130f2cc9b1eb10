"""Ingest on inputs built to hang it, blow it up or make it drop text without a word.

Cases from the blind hostile check (a kit built by someone who had not read the code):
a named pipe given as the letter, a page whose character references name control
characters, a run of tens of thousands of ``[``, a list of hundreds of thousands of
bullets, and a paragraph longer than a letter may hold.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

import pytest

from draftkit.errors import IngestError
from draftkit.ingest import ingest_bytes, ingest_file, pdf
from tests.hostile import builders
from tests.hostile.harness import assert_bounded, assert_refused, run
from tests.pictures import pdf_from_objects


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_not_waited_on(case: Path) -> None:
    os.mkfifo(case / "letter.txt")
    assert_refused(run(["ingest", "letter.txt"], case), names="letter.txt", says="pipe or device")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_by_the_library() -> None:
    with pytest.raises(IngestError, match="pipe or device"):
        ingest_file("/dev/zero")


def test_references_to_control_characters_are_replaced_and_said() -> None:
    page = (
        b"<html><body><p>Dear Minister,</p><p>We ask&#27; that you act&#xFFFF; now&#0;.</p>"
        b"<p>Sincerely,</p><p>Jo Doe</p></body></html>"
    )
    result = ingest_bytes(page, filename="page.html")
    assert any("3 character references" in w for w in result.warnings), result.warnings
    assert result.letter is not None
    text = "\n".join(result.letter.body)
    assert text.count("\ufffd") == 3, text
    assert "We ask" in text and "now" in text


def test_ordinary_references_give_no_warning() -> None:
    page = (
        b"<html><body><p>Dear Minister,</p><p>Caf&#233; &#8212; &#x2019;s &#150; &#9;ok.</p>"
        b"<p>Sincerely,</p><p>Jo Doe</p></body></html>"
    )
    result = ingest_bytes(page, filename="page.html")
    assert not any("character reference" in w for w in result.warnings), result.warnings


def test_a_run_of_brackets_is_read_in_bounded_time(case: Path) -> None:
    (case / "brackets.txt").write_text(
        "Dear Minister,\n\nWe ask " + "[" * 35_000 + " you to act.\n\nSincerely,\n\nJo Doe\n",
        encoding="utf-8",
    )
    result = run(["ingest", "brackets.txt"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()


def test_long_header_lines_and_one_word_lines_are_read_in_bounded_time(case: Path) -> None:
    word = "a" * 60_000
    (case / "header.txt").write_text(
        f"From: Jo Doe <jo@example.org>\nTo: {word}\nCc: {word} at {word}\n"
        f"Sent: Tuesday, 3 March 2026 09:14\nSubject: {word}\n\n"
        f"The Honorable Ana Ruiz\nUnited States Senate\nWashington, DC 20510\n\n"
        f"Dear Senator Ruiz:\n\nWe ask you to act.\n\nSincerely,\n\n{word}; {word}; {word}\n"
        f"{word}{word} @x\n{'Ana ' + ' ' * 60_000 + 'Ruiz'}\n",
        encoding="utf-8",
    )
    result = run(["ingest", "header.txt"], case)
    assert_bounded(result)
    assert result.code in (0, 1), result.describe()


def test_a_long_bulleted_list_is_read_in_bounded_time(case: Path) -> None:
    items = "".join(f"- item {n}\n" for n in range(150_000))
    (case / "list.txt").write_text(
        f"Dear Minister,\n\nWe note:\n{items}\nSincerely,\n\nJo Doe\n", encoding="utf-8"
    )
    result = run(["ingest", "list.txt"], case)
    assert_bounded(result)
    assert result.code in (0, 1), result.describe()
    if result.code == 1:
        assert len(result.lines) == 1 and "list.txt" in result.lines[0], result.describe()


def test_a_paragraph_too_long_to_hold_is_named_in_words() -> None:
    text = "Dear Minister,\n\n" + "word " * 210_000 + "\n\nSincerely,\n\nJo Doe\n"
    with pytest.raises(IngestError) as caught:
        ingest_bytes(text.encode(), filename="long.txt")
    message = str(caught.value)
    assert "paragraph 1 of the body holds more than 1,000,000 characters" in message, message
    assert "String should" not in message


def _pdf_with_operations(count: int) -> bytes:
    """A one-page PDF whose Flate content stream shows "a" ``count`` times."""
    content = b"BT /F1 12 Tf 72 720 Td " + b"(a) Tj " * count + b"ET"
    packed = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objects)


def test_a_pdf_content_bomb_is_refused_not_a_crash(case: Path) -> None:
    data = _pdf_with_operations(5_000_000)
    assert len(data) < 100_000
    (case / "bomb.pdf").write_bytes(data)
    assert_refused(run(["ingest", "bomb.pdf"], case), names="bomb.pdf", says="to lay out")


def test_pages_read_in_a_child_are_the_pages_read_here() -> None:
    data = sorted((Path(__file__).parents[1] / "fixtures" / "wild").glob("*.pdf"))[0].read_bytes()
    assert pdf._isolated_pages(data, None) == pdf._page_rows(data, None)


def test_a_document_of_too_many_paragraphs_is_refused_quickly(case: Path) -> None:
    lines = ["Dear Minister,", *(f"Point {n} of the annex." for n in range(25_000)), "Jo Doe"]
    body = builders.document_xml(builders.paragraphs(lines))
    (case / "long.docx").write_bytes(builders.docx(body))
    assert_refused(
        run(["ingest", "long.docx"], case), names="long.docx", says="ingest reads at most 20,000"
    )


def test_lines_of_tabs_between_the_head_and_the_signers_are_read_in_bounded_time(
    case: Path,
) -> None:
    tabs = "a\t" * 60_000
    (case / "tabs.txt").write_text(
        f"{tabs}\n\nThe Honorable Ana Ruiz\n{tabs}\nUnited States Senate\n\nDear Senator Ruiz:"
        f"\n\n{tabs}\n\nWe ask you to act.\n\nSincerely,\n\nJo Doe\n{tabs}\n\ncc: {tabs}\n",
        encoding="utf-8",
    )
    result = run(["ingest", "tabs.txt"], case)
    assert_bounded(result)
    assert result.code in (0, 1), result.describe()


def test_a_page_of_numbers_beside_a_petition_is_classified_in_bounded_time(case: Path) -> None:
    (case / "numbers.txt").write_text(
        "Petition to the Minister\n\n" + "1," * 60_000 + "\n\nDear Minister,\n\n"
        "We ask you to act.\n\nSincerely,\n\nJo Doe\n\n" + "1 " * 60_000 + "\n",
        encoding="utf-8",
    )
    result = run(["ingest", "numbers.txt"], case)
    assert_bounded(result)
    assert result.code in (0, 1), result.describe()
