"""Reading rendered letters page by page: LibreOffice to PDF, then poppler's pdftotext.

A page is read twice: as text (``pdftotext -f N -l N``, reading order, so columns come
one after the other) and as lines with their boxes (``pdftotext -bbox-layout``), which
tell how much room is left at the foot of a page.
"""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tests.helpers import need


def to_pdf(documents: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """Convert .docx files to PDF with one LibreOffice run (skips when it is missing)."""
    soffice = need("soffice")
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, documents),
        ],
        capture_output=True,
        check=True,
        timeout=600,
        env={**os.environ, "HOME": str(folder)},
    )
    out = {doc: folder / f"{doc.stem}.pdf" for doc in documents}
    missing = [str(doc) for doc, pdf in out.items() if not pdf.exists()]
    assert not missing, f"LibreOffice made no PDF of {missing}"
    return out


@functools.cache
def page_count(pdf: Path) -> int:
    """The number of pages (pdfinfo)."""
    info = subprocess.run(
        [need("pdfinfo"), str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    return int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])


@functools.cache
def page_text(pdf: Path, number: int, *, raw: bool = False) -> str:
    """The text of one page (``pdftotext -f N -l N``).

    By default poppler guesses a reading order from where text sits; ``raw`` gives the
    text in the order the PDF draws it (what copying text and assistive technology
    follow in an untagged PDF).
    """
    return subprocess.run(
        [
            need("pdftotext"),
            *(["-raw"] if raw else []),
            "-f",
            str(number),
            "-l",
            str(number),
            str(pdf),
            "-",
        ],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


@dataclass(frozen=True)
class Line:
    """One line of text on a page, with its box in points from the top-left corner."""

    text: str
    x: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Page:
    """A page's size and lines."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]


@functools.cache
def pages(pdf: Path) -> tuple[Page, ...]:
    """Every page with its lines and their boxes (``pdftotext -bbox-layout``; cached)."""
    html = subprocess.run(
        [need("pdftotext"), "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        check=True,
    ).stdout
    root = etree.fromstring(html, etree.XMLParser(recover=True))
    out: list[Page] = []
    for number, page in enumerate(root.iter("{*}page"), start=1):
        lines = []
        for line in page.iter("{*}line"):
            words = [w.text or "" for w in line.iter("{*}word")]
            lines.append(
                Line(
                    " ".join(words),
                    float(line.get("xMin", 0)),
                    float(line.get("yMin", 0)),
                    float(line.get("yMax", 0)),
                )
            )
        lines.sort(key=lambda ln: (ln.top, ln.x))
        out.append(
            Page(number, float(page.get("width", 0)), float(page.get("height", 0)), tuple(lines))
        )
    return tuple(out)
