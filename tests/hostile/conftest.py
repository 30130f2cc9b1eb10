"""Fixtures of the hostile suite: a fresh folder per case."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """An empty folder to run one case in (its files are compared before and after)."""
    folder = tmp_path / "case"
    folder.mkdir()
    return folder
