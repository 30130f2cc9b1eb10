"""``draftkit ingest --explain``: every line with the part it was read as, and why."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from draftkit.ingest import ingest_bytes, ingest_file
from draftkit.render import render_docx

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT / "tests" / "fixtures" / "wild"


def _docs_example(tmp_path: Path) -> tuple[Path, str]:
    """The example page of docs/ingest.md and the --explain output the docs show for it."""
    docs = (ROOT / "docs" / "ingest.md").read_text(encoding="utf-8")
    page = re.search(
        r"saved as text from the organisation's website:\n\n```text\n(.*?)```", docs, re.S
    )
    shown = re.search(r"```console\n\$ draftkit ingest (\S+) --explain\n(.*?)```", docs, re.S)
    assert page and shown
    path = tmp_path / shown.group(1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.group(1), encoding="utf-8")
    return path, shown.group(2)


def test_the_docs_show_what_explain_prints(tmp_path: Path) -> None:
    path, shown = _docs_example(tmp_path)
    run = subprocess.run(
        [sys.executable, "-m", "draftkit", "ingest", str(path.relative_to(tmp_path)), "--explain"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == shown


def test_each_part_of_a_letter_is_named_with_its_reason(tmp_path: Path) -> None:
    path, _ = _docs_example(tmp_path)
    result = ingest_file(path, explain=True)
    parts = {entry.part for entry in result.explanation}
    assert {"page noise", "page heading", "inside address", "subject", "salutation", "ask"} <= parts
    assert {"complimentary close", "signer", "after the letter"} <= parts
    salutation = next(e for e in result.explanation if e.part == "salutation")
    assert salutation.text == "Dear Minister," and "by its words" in salutation.why
    assert result.reading[0].startswith("kept (score")
    # without explain=True the line-by-line reading is not computed
    assert ingest_file(path).explanation == []


def test_a_reply_below_the_letter_is_shown_as_left_out() -> None:
    result = ingest_file(WILD / "08-address-after-signatures.txt", explain=True)
    assert result.letter is not None
    late = [
        e for e in result.explanation if e.part == "signature block" and "inside address" in e.why
    ]
    assert late and late[0].text.startswith("The Rt Hon.")


def test_groups_of_asks_keep_their_headings_through_word_and_back() -> None:
    letter = ingest_file(WILD / "23-two-ask-lists.html").letter
    assert letter is not None
    headings = [ask.heading for ask in letter.resolved_asks() if ask.heading]
    assert headings == [
        "Recommendations to the Ministry of Health",
        "Recommendations to development partners",
    ]
    again = ingest_bytes(render_docx(letter), filename="again.docx").letter
    assert again is not None
    assert [a.heading for a in again.resolved_asks() if a.heading] == headings
    assert len(again.asks) == len(letter.asks) == 7
