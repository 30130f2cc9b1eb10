"""Ingest on letters as they are found: web pages, page text and PDFs.

``tests/fixtures/wild`` holds fresh letters, one or more for each kind of failure seen on
real letters (a page quoting a whole letter, chrome taken for an address, dates after the
signature, signers in tables, numbered lists of hundreds, endnotes, PDFs with running
headers ...). Every field of every document must match its annotation (the conventions
of ``../shared/corpus-wild/README.md``), scored as ``benchmarks/ingest_accuracy.py``
scores it. The tune half of the shared corpus-wild set must stay at or above 95%; its
held-back half is scored only by the benchmark, never by a test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from draftkit.errors import IngestError
from draftkit.ingest import ingest_file

ROOT = Path(__file__).resolve().parents[1]
WILD = ROOT / "tests" / "fixtures" / "wild"
sys.path.insert(0, str(ROOT / "benchmarks"))

import ingest_accuracy  # noqa: E402

NO_TEXT_LAYER = "29-scanned-no-text-layer"


def _documents() -> list[str]:
    return [stem for stem, _, _ in ingest_accuracy.annotated(WILD)]


@pytest.mark.parametrize("stem", _documents())
def test_every_field_of_a_fresh_letter(stem: str) -> None:
    document, annotation = next((d, a) for s, d, a in ingest_accuracy.annotated(WILD) if s == stem)
    if stem == NO_TEXT_LAYER:
        with pytest.raises(IngestError, match="no text layer"):
            ingest_file(document)
        return
    want = json.loads(annotation.read_text(encoding="utf-8"))
    got, error = ingest_accuracy.ingest_json(document)
    score = ingest_accuracy.Score()
    ingest_accuracy.score_document(score, stem, want, got, error)
    assert score.misses == []


def test_the_tune_half_of_the_shared_wild_set_stays_above_95_percent(
    corpus_dir: Path,
) -> None:
    wild = corpus_dir.parent / "corpus-wild"
    if not wild.is_dir():
        pytest.skip("../shared/corpus-wild is not here")
    tune = set(json.loads(ingest_accuracy.SPLIT_FILE.read_text())["tune"])
    score = ingest_accuracy.Score()
    for stem, document, annotation in ingest_accuracy.annotated(wild):
        if stem in tune:
            want = json.loads(annotation.read_text(encoding="utf-8"))
            got, error = ingest_accuracy.ingest_json(document)
            ingest_accuracy.score_document(score, stem, want, got, error)
    ok, total = score.total
    assert total > 100
    assert ok / total >= 0.95, score.misses


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("Sua Excelência o Senhor Alexandre Padilha", "alexandre padilha"),
        ("À Sua Excelência o Senhor Ministro da Saúde", "ministro da saúde"),
        ("À Sua Excelência o Presidente", "presidente"),
        ("The Honorable Jane Doe", "jane doe"),
        # a trailing full stop goes, after an abbreviation too (the README's line rule)
        ("H.E. Dr. Amani Ruto, C.G.H.", "amani ruto, c.g.h"),
        ("H.E. Dr. Amani Ruto, C.G.H", "amani ruto, c.g.h"),
    ],
)
def test_the_scorer_compares_names_without_their_style(written: str, bare: str) -> None:
    """A Portuguese style with its article ("Sua Excelência o Senhor") is no part of the
    name the scorer compares, with or without the "À" before it."""
    assert ingest_accuracy.bare(written) == bare


def test_the_scorer_compares_the_name_line_as_printed() -> None:
    """An office ingest keeps as the first title line, printed before the name
    (``title_before_name``), is part of the name line the annotators write ("Honourable
    Commissioner Rémy Ngoy Lumbu"), and no longer one of the other lines."""
    want = {"name": "Honourable Commissioner Ada Mensah", "title_lines": ["Chairperson"]}
    got = {
        "honorific": "Honourable",
        "name": "Ada Mensah",
        "title_lines": ["Commissioner", "Chairperson"],
        "title_before_name": True,
    }
    assert ingest_accuracy.same_person(want, got) == (True, True)
    assert ingest_accuracy.same_person(want, {**got, "title_before_name": False}) == (
        False,
        False,
    )
