"""Harvesting past letters into draft clauses, recognising language already in the library.

The corpus letters are read at test time. The main tests cut them into a Letter with a
small splitter of their own (so they test harvest, not ingest); one test goes through
the ingest API when it is available.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
from pathlib import Path

import pytest

from draftkit.clauses import ClauseLibrary, SourceInfo
from draftkit.clauses.similarity import fingerprint, similarity
from draftkit.schema import Ask, Letter

SEEDS = ("000", "001", "004")
CLOSES = {"Sincerely,", "Yours sincerely,", "Respectfully,"}


def split_letter(text: str) -> Letter:
    """A minimal splitter for the seed letters: paragraphs after the salutation.

    Blocks are separated by blank lines (no-break spaces count as blank); hard-wrapped
    lines are joined. A paragraph ending in "to:" introduces the asks; each later
    paragraph is an ask whose first sentence is its lead, and a block of "•" lines gives
    the previous ask its items. A paragraph starting "Thank you" is the closing.
    """
    lines = [line.replace("\xa0", " ").strip() for line in text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Dear "))
    blocks: list[list[str]] = [[]]
    for line in lines[start + 1 :]:
        if line in CLOSES:
            break
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    body: list[str] = []
    asks: list[Ask] = []
    closing: list[str] = []
    intro = None
    for block in (b for b in blocks if b):
        if all(line.startswith("•") for line in block):
            items = [line.lstrip("• ").strip() for line in block]
            asks[-1] = asks[-1].model_copy(update={"items": items})
            continue
        paragraph = " ".join(block)
        if paragraph.startswith("Thank you"):
            closing.append(paragraph)
            break
        if intro is None and paragraph.endswith("to:") and len(paragraph.split()) < 12:
            intro = paragraph
        elif intro is not None:
            match = re.match(r"(.+?[a-z0-9)”’\"][.!?])\s+(.*)", paragraph)
            lead, rest = (match.group(1), match.group(2)) if match else (paragraph, None)
            asks.append(Ask(lead=lead, body=rest or None))
        else:
            body.append(paragraph)
    return Letter(body=body, asks_intro=intro, asks=asks, closing=closing)


def seed(corpus_dir: Path, number: str) -> tuple[Letter, SourceInfo, dict[str, object]]:
    path = next(corpus_dir.glob(f"{number}_*.txt"))
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    letter = split_letter(path.read_text(encoding="utf-8"))
    date = expected.get("date")
    info = SourceInfo(
        title=str(expected.get("subject") or expected.get("heading") or expected["salutation"]),
        date=dt.date.fromisoformat(str(date)) if date else None,
        sender=f"sender of {number}",
        file=str(path),
    )
    return letter, info, expected


@pytest.fixture
def library(tmp_path: Path) -> ClauseLibrary:
    folder = tmp_path / "clauses"
    folder.mkdir()
    return ClauseLibrary([folder], cache_dir=tmp_path / "cache", refresh_interval=0)


def test_splitter_reads_the_seed_letters_as_annotated(corpus_dir: Path) -> None:
    letter, _, expected = seed(corpus_dir, "004")
    assert [a.lead for a in letter.asks] == expected["asks_leads"]
    assert [len(a.items) for a in letter.asks] == [0, 0, 0, 0, 0, 0, 3]
    assert letter.asks_intro == expected["asks_intro"]
    assert letter.closing == [expected["closing"]]
    letter, _, expected = seed(corpus_dir, "001")
    assert len(letter.body) == expected["body_paragraphs"]


def test_harvesting_the_seed_letters_proposes_drafts_with_provenance(
    corpus_dir: Path, library: ClauseLibrary
) -> None:
    seeds = [seed(corpus_dir, n) for n in SEEDS]
    report = library.harvest([(letter, info) for letter, info, _ in seeds])
    expected_count = sum(len(x.body) + len(x.asks) + len(x.closing) for x, _, _ in seeds)
    assert len(report.added) == expected_count
    assert report.matched == []
    assert report.written == [library.folders[0] / "harvested.yaml"]
    stored = {c.id: c for c in library.all()}
    assert len(stored) == expected_count
    assert all(c.status == "draft" for c in stored.values())

    # the asks of 004, in order, with their leads, items and positions
    letter, info, expected = seeds[2]
    asks = [c for c in stored.values() if c.kind == "ask"]
    assert [c.lead for c in asks] == expected["asks_leads"]
    assert [c.body for c in asks] == [a.body for a in letter.asks]
    assert asks[-1].items == letter.asks[-1].items and len(asks[-1].items) == 3
    for index, clause in enumerate(asks):
        [source] = clause.provenance
        assert source.position == f"asks[{index}]"
        assert (source.title, source.date, source.sender, source.file) == (
            info.title,
            info.date,
            info.sender,
            info.file,
        )
        lead = str(expected["asks_leads"][index]).rstrip(".")
        assert clause.title == lead or (clause.title.endswith("…") and len(clause.title) <= 81)
        assert lead.startswith(clause.title.rstrip("…"))
        assert clause.id.startswith("ask.")

    # paragraphs: first body paragraph is an opening, later ones context, then closings
    for letter, info, _ in seeds:
        mine = [c for c in stored.values() if c.provenance[0].file == info.file]
        paragraphs = [c for c in mine if c.kind != "ask"]
        assert [c.text for c in paragraphs] == [*letter.body, *letter.closing]
        kinds = [c.kind for c in paragraphs]
        assert kinds == ["opening"] + ["context"] * (len(letter.body) - 1) + ["closing"] * len(
            letter.closing
        )
        positions = [c.provenance[0].position for c in paragraphs]
        assert positions == [f"body[{i}]" for i in range(len(letter.body))] + [
            f"closing[{i}]" for i in range(len(letter.closing))
        ]
    assert seeds[1][1].date == dt.date(2014, 9, 10)
    assert stored[asks[0].id].provenance[0].date is None  # 004 has no date


def test_harvesting_the_same_letters_twice_adds_nothing(
    corpus_dir: Path, library: ClauseLibrary
) -> None:
    letters = [seed(corpus_dir, n)[:2] for n in SEEDS]
    library.harvest(letters)
    path = library.folders[0] / "harvested.yaml"
    before = path.read_bytes()
    again = library.harvest(letters)
    assert again.added == []
    assert again.matched and all(m.exact and not m.recorded for m in again.matched)
    assert not again.changed and again.written == []
    assert path.read_bytes() == before
    assert len(library.all()) == sum(1 for _ in again.matched)


def _edit_paragraph(paragraph: str) -> str:
    """Change one word and replace one whole sentence of a paragraph."""
    sentences = re.split(r"(?<=[.!?”\"])\s+(?=[A-Z])", paragraph)
    assert len(sentences) >= 3
    sentences[1] = "We add here a sentence of our own that says something rather different."
    first = sentences[0].split()
    first[len(first) // 2] = "notably"
    sentences[0] = " ".join(first)
    return " ".join(sentences)


def test_a_lightly_edited_paragraph_matches_its_original(
    corpus_dir: Path, library: ClauseLibrary
) -> None:
    letter, info, _ = seed(corpus_dir, "001")
    library.harvest([(letter, info)])
    original = max(letter.body, key=lambda p: len(re.findall(r"[.!?]\s", p)))
    edited = _edit_paragraph(original)
    assert edited != original
    later = Letter(
        body=["A new opening paragraph written for this test, about nothing in particular.", edited]
    )
    later_info = SourceInfo(title="A later letter", date=dt.date(2015, 1, 5), file="later.txt")
    report = library.harvest([(later, later_info)])
    assert [c.text for c in report.added] == [later.body[0]]
    [match] = report.matched
    assert match.recorded and not match.exact and match.score >= 0.6
    clause = library.get(match.clause_id)
    assert clause.text == original
    assert [s.position for s in clause.provenance] == [
        f"body[{letter.body.index(original)}]",
        "body[1]",
    ]
    assert clause.provenance[1].title == "A later letter"
    # and once recorded, harvesting the later letter again changes nothing
    assert not library.harvest([(later, later_info)]).changed


def test_exact_duplicates_ignore_quotes_case_and_spacing(
    corpus_dir: Path, library: ClauseLibrary
) -> None:
    letter, info, _ = seed(corpus_dir, "000")
    library.harvest([(letter, info)])
    paragraph = letter.body[1]
    variant = "  " + paragraph.replace("’", "'").replace(" ", "  ").upper() + " "
    report = library.harvest(
        [(Letter(body=[variant]), SourceInfo(title="Copy", file="copy.txt"))], dry_run=True
    )
    [match] = report.matched
    assert match.exact and match.recorded
    assert report.added == [] and report.written == []
    # a dry run writes nothing
    assert len(library.get(match.clause_id).provenance) == 1


def test_distinct_paragraphs_are_not_merged(corpus_dir: Path) -> None:
    letter, _, _ = seed(corpus_dir, "004")
    pieces = [*letter.body, *(f"{a.lead} {a.body or ''}" for a in letter.asks)]
    prints = [fingerprint(p) for p in pieces]
    for i, a in enumerate(prints):
        for b in prints[i + 1 :]:
            assert similarity(a, b) < 0.6


def test_non_letters_and_short_pieces_are_skipped(library: ClauseLibrary) -> None:
    release = Letter(kind="press-release", body=["A press release paragraph with words."])
    short = Letter(body=["Thank you.", "A paragraph long enough to be proposed as a clause."])
    report = library.harvest(
        [(release, SourceInfo(file="pr.txt")), (short, SourceInfo(file="short.txt"))]
    )
    assert ("pr.txt", "not a letter (press-release)") in report.skipped
    assert any("short.txt: body[0]" in where for where, _ in report.skipped)
    assert [c.text for c in report.added] == [short.body[1]]


def test_harvest_matches_variant_wording_of_library_clauses(tmp_path: Path) -> None:
    folder = tmp_path / "clauses"
    folder.mkdir()
    (folder / "t.yaml").write_text(
        "clauses:\n"
        "  - id: closing.thanks\n"
        "    kind: closing\n"
        "    title: Thanks\n"
        "    text: Thank you for your attention to this matter and your service.\n"
        "    variants:\n"
        "      un:\n"
        "        text: Please accept the assurances of our highest consideration and thanks.\n",
        encoding="utf-8",
    )
    with ClauseLibrary([folder], cache_dir=tmp_path / "cache") as lib:
        letter = Letter(
            closing=["Please accept the assurances of our highest consideration and thanks."]
        )
        report = lib.harvest([(letter, SourceInfo(title="UN letter", file="un.txt"))])
        assert [m.clause_id for m in report.matched] == ["closing.thanks"]
        assert lib.get("closing.thanks").provenance[0].title == "UN letter"
        text = (folder / "t.yaml").read_text(encoding="utf-8")
        assert "    provenance:\n      - title: UN letter\n" in text


def test_harvest_through_the_ingest_api(corpus_dir: Path, library: ClauseLibrary) -> None:
    try:
        ingest_file = importlib.import_module("draftkit.ingest").ingest_file
    except (ImportError, AttributeError):
        pytest.skip("draftkit.ingest is not available yet")
    except Exception as exc:  # ingest is being built in parallel; its own tests cover it
        pytest.skip(f"draftkit.ingest does not import: {exc!r}")
    letters = []
    for number in SEEDS:
        path = next(corpus_dir.glob(f"{number}_*.txt"))
        letter = ingest_file(path).letter
        assert letter is not None
        letters.append((letter, SourceInfo.from_letter(letter, path)))
    report = library.harvest(letters)
    pieces = sum(
        len([p for p in x.body if len(p.split()) >= 5])
        + len(x.asks)
        + len([p for p in x.closing if len(p.split()) >= 5])
        for x, _ in letters
    )
    assert len(report.added) + len(report.matched) == pieces
    assert len(report.added) >= 20
    for clause in report.added:
        [source] = clause.provenance
        assert source.file and Path(source.file).name.startswith(SEEDS)
        assert re.fullmatch(r"(body|asks|closing)\[\d+\]", source.position or "")
    first = next(c for c in report.added if Path(c.provenance[0].file or "").name.startswith("001"))
    assert first.provenance[0].title == "United Nations General Assembly action on North Korea"
    assert first.provenance[0].date == dt.date(2014, 9, 10)
    assert not library.harvest(letters).changed


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "Thank you for your attention to this urgent matter. We look forward to your response.",
            "Thank you for your attention to this pressing matter. We look forward to your reply.",
            True,
        ),
        (
            "We urge you to press for the release of all political prisoners held in the country.",
            "We urge you to press for the immediate and unconditional release of all political "
            "prisoners held in the country.",
            True,
        ),
        (
            "Thank you for your attention to this request. We would welcome the opportunity to "
            "meet with your advisers.",
            "Thank you for your consideration. We would welcome the opportunity to discuss this "
            "request with you or your staff.",
            False,
        ),
        (
            "We thank you for your attention to these concerns and stand ready to provide "
            "further information.",
            "We thank you for your leadership and stand ready to support your efforts.",
            False,
        ),
    ],
)
def test_short_texts_match_only_when_lightly_edited(a: str, b: str, same: bool) -> None:
    assert (similarity(fingerprint(a), fingerprint(b)) >= 0.6) is same
