"""Shared fixtures: the read-only corpus and data in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The corpus of real letters with hand-made ``*.expected.json`` (skips when absent)."""
    path = SHARED / "corpus"
    if not path.is_dir():
        pytest.skip(f"corpus not found at {path}")
    return path


@pytest.fixture(scope="session")
def congress_dir() -> Path:
    """The congress-legislators snapshot (skips when absent)."""
    path = SHARED / "data" / "congress-legislators"
    if not path.is_dir():
        pytest.skip(f"congress data not found at {path}")
    return path


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The project's example specs."""
    return EXAMPLES


def example_specs() -> list[Path]:
    """The example letter specs that render on their own.

    Leaves out project settings (``draftkit.yaml``) and mail-merge specs (``merge-*.yaml``),
    whose addressees come from a recipient list.
    """
    return sorted(
        p
        for p in EXAMPLES.glob("*.yaml")
        if p.name != "draftkit.yaml" and not p.name.startswith("merge-")
    )
