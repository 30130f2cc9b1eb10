"""render.pdf.convert_batch: one LibreOffice per run of documents, and what it does when
LibreOffice stops early, skips a document or hangs.

A stand-in ``soffice`` (a small script) behaves as LibreOffice 7.4 was seen to: it
converts in order, stops silently (exit 0) after a number of documents, skips a file it
cannot read; one test runs the real LibreOffice over more documents than one run takes.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest

import draftkit.render.pdf as pdf_module
from draftkit.render.pdf import convert_batch, find_soffice

FAKE = """#!{python}
import os, sys, time
from pathlib import Path
args = sys.argv[1:]
out = Path(args[args.index("--outdir") + 1])
files = [a for a in args[args.index("--outdir") + 2:]]
with open(os.environ["FAKE_SOFFICE_LOG"], "a") as log:
    log.write(str(len(files)) + "\\n")
stop = int(os.environ.get("FAKE_SOFFICE_STOP", "1000"))
done = 0
for name in files:
    if done >= stop:
        break
    if "hang" in Path(name).name:
        time.sleep(60)
    if "bad" in Path(name).name:
        continue
    (out / (Path(name).stem + ".pdf")).write_bytes(b"%PDF-1.4\\n1 0 obj\\n%%EOF\\n")
    done += 1
"""


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    script = tmp_path / "soffice"
    script.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    log = tmp_path / "runs.log"
    monkeypatch.setattr(pdf_module, "find_soffice", lambda: str(script))
    monkeypatch.setenv("FAKE_SOFFICE_LOG", str(log))
    return log


def _sources(folder: Path, names: list[str]) -> list[Path]:
    folder.mkdir()
    paths = []
    for name in names:
        path = folder / f"{name}.docx"
        path.write_bytes(b"PK")
        paths.append(path)
    return paths


def _runs(log: Path) -> list[int]:
    return [int(line) for line in log.read_text().split()]


def test_a_batch_is_one_process_per_two_hundred(tmp_path: Path, fake: Path) -> None:
    sources = _sources(tmp_path / "in", [f"{i:03d}" for i in range(450)])
    (tmp_path / "out").mkdir()
    result = convert_batch(sources, tmp_path / "out")
    assert len(result.converted) == 450 and not result.failed
    assert _runs(fake) == [200, 200, 50]


def test_a_run_that_stops_early_is_continued(
    tmp_path: Path, fake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_SOFFICE_STOP", "70")
    sources = _sources(tmp_path / "in", [f"{i:03d}" for i in range(150)])
    (tmp_path / "out").mkdir()
    result = convert_batch(sources, tmp_path / "out")
    assert len(result.converted) == 150 and not result.failed
    assert _runs(fake) == [150, 80, 10]


def test_a_document_it_skips_fails_alone(tmp_path: Path, fake: Path) -> None:
    sources = _sources(tmp_path / "in", ["001", "002-bad", "003", "004-bad"])
    (tmp_path / "out").mkdir()
    result = convert_batch(sources, tmp_path / "out")
    assert sorted(p.name for p in result.converted) == ["001.docx", "003.docx"]
    assert sorted(p.name for p in result.failed) == ["002-bad.docx", "004-bad.docx"]
    assert _runs(fake) == [4, 1]  # the last one was retried once: it might not have been reached


def test_a_document_that_hangs_fails_and_the_rest_go_on(tmp_path: Path, fake: Path) -> None:
    sources = _sources(tmp_path / "in", ["001", "002-hang", "003"])
    (tmp_path / "out").mkdir()
    result = convert_batch(sources, tmp_path / "out", timeout=3)
    assert sorted(p.name for p in result.converted) == ["001.docx", "003.docx"]
    assert "did not finish within 3 s" in result.failed[sources[1]]


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
def test_real_libreoffice_over_more_documents_than_one_run_takes(tmp_path: Path) -> None:
    """LibreOffice 7.4 stops after 246 documents in one run; 260 letters all convert."""
    import draftkit

    spec = Path(__file__).parents[1] / "examples" / "secretary-of-state.yaml"
    letter = draftkit.compose_letter(spec).letter
    data = draftkit.render_bytes(letter, "docx")
    folder = tmp_path / "in"
    folder.mkdir()
    sources = []
    for i in range(260):
        path = folder / f"{i:03d}.docx"
        path.write_bytes(data)
        sources.append(path)
    (tmp_path / "out").mkdir()
    result = convert_batch(sources, tmp_path / "out")
    assert not result.failed and len(result.converted) == 260
