"""Golden tests: every corpus document and every fixture letter matches its annotation.

Documents are discovered at collection time, so fixtures added later are tested too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_golden import documents, run

TESTS = Path(__file__).resolve().parent
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FIXTURES = TESTS / "fixtures" / "letters"


def _names(folder: Path) -> list[str]:
    return [path.name for path in documents(folder)] if folder.is_dir() else []


@pytest.mark.parametrize("name", _names(CORPUS) or ["(corpus missing)"])
def test_corpus_document_matches_its_annotation(corpus_dir: Path, name: str) -> None:
    path = corpus_dir / name
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    assert run(path) == []


@pytest.mark.parametrize("name", _names(FIXTURES) or ["(no fixtures yet)"])
def test_fixture_letter_matches_its_annotation(name: str) -> None:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip("no fixture letters yet")
    assert run(path) == []
