"""The prepared reference kept on disk: same pieces as preparing afresh, safe to lose."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from draftkit.render import reference as reference_module
from draftkit.render.prepared import prepared_for
from draftkit.render.word import default_reference

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "draftkit" / "references"


def _house_style(folder: Path) -> Path:
    """A house style of our own: Word's blank document with a letterhead line."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Coastal Fisheries Network"
    path = folder / "house.docx"
    document.save(str(path))
    return path


def test_a_kept_copy_holds_exactly_what_preparing_gives(cache: Path, tmp_path: Path) -> None:
    for reference in (default_reference(), _house_style(tmp_path)):
        fresh = reference_module.prepare(reference, reference.read_bytes())
        first = prepared_for(reference)  # prepares, and keeps a copy
        assert first == fresh
        kept = prepared_for(reference)  # read back from the copy
        assert kept == fresh
    assert len(list(cache.glob("*.json"))) == 2


def test_the_copy_is_read_without_preparing_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared_for(default_reference())

    def refuse(*_: object) -> None:
        raise AssertionError("prepared again")

    monkeypatch.setattr(reference_module, "prepare", refuse)
    assert prepared_for(default_reference()).style_ids


def test_a_damaged_copy_or_a_changed_reference_prepares_afresh(cache: Path, tmp_path: Path) -> None:
    house = _house_style(tmp_path)
    before = prepared_for(house)
    (copy,) = cache.glob("*.json")
    copy.write_text('{"entries": [', encoding="utf-8")  # cut short
    assert prepared_for(house) == before
    assert copy.read_text(encoding="utf-8").endswith("}")  # written whole again
    document = docx.Document(str(house))
    document.sections[0].header.paragraphs[0].text = "Harbour Women's Union"
    document.save(str(house))
    after = prepared_for(house)
    assert after != before  # a new reference never meets the old copy
    assert len(list(cache.glob("*.json"))) == 2


def test_an_unwritable_cache_still_renders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert prepared_for(default_reference()).style_ids


def test_a_render_with_a_kept_copy_never_loads_python_docx(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    script = (
        "import sys\n"
        "from draftkit.build import prepare_letter\n"
        "from draftkit.render import render_docx\n"
        "letter = prepare_letter('examples/coalition-president.yaml')[0]\n"
        "assert render_docx(letter)[:2] == b'PK'\n"
        "print('docx' in sys.modules, 'lxml.etree' in sys.modules)\n"
    )
    first = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.split() == ["True", "True"]  # the first render prepares
    second = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert second.returncode == 0, second.stderr
    assert second.stdout.split() == ["False", "False"]
