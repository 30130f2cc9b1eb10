"""Shared fixtures: the read-only corpus and data in ../shared."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep what draftkit caches (prepared references, the protocol table's copy,
    clause indexes without a cache_dir) out of the user's home during the tests, and
    the user's congress data (``recipients update``) out of reach: a test that wants it
    sets ``XDG_DATA_HOME`` itself."""
    saved = {name: os.environ.get(name) for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME")}
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
    os.environ["XDG_DATA_HOME"] = str(tmp_path_factory.mktemp("user-data"))
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


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
