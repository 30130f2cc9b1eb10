"""Rendering speed: ms per letter for each example, and the CLI's cold start.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/render.py [--count 200]

It prints, side by side in the same run: draftkit's DOCX renderer (reference parsed once,
body built per letter) against building the same letter with python-docx from the
reference each time (the straightforward approach), plus Markdown and text, and the
time of `draftkit --help` against a bare `python -c "import click"`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draftkit.build import prepare_letter  # noqa: E402
from draftkit.render import render_docx, render_markdown, render_text  # noqa: E402
from draftkit.render.word import default_reference  # noqa: E402


def per_call_ms(func: Callable[[], object], count: int) -> float:
    func()  # warm up (parses the reference once)
    start = time.perf_counter()
    for _ in range(count):
        func()
    return (time.perf_counter() - start) * 1000 / count


def python_docx_reopen() -> None:
    """What a naive renderer pays per letter: re-opening the reference with python-docx."""
    import io

    import docx

    document = docx.Document(str(default_reference()))
    document.add_paragraph("x", style="Body Text")
    document.save(io.BytesIO())


def cold_start(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="letters per measurement")
    args = parser.parse_args()
    print(f"{'example':28} {'docx ms':>9} {'md ms':>8} {'txt ms':>8}")
    for spec in sorted(
        p
        for p in (ROOT / "examples").glob("*.yaml")
        if p.name != "draftkit.yaml" and not p.name.startswith("merge-")
    ):
        letter = prepare_letter(spec)[0]
        docx_ms = per_call_ms(lambda letter=letter: render_docx(letter), args.count)
        md_ms = per_call_ms(lambda letter=letter: render_markdown(letter), args.count)
        txt_ms = per_call_ms(lambda letter=letter: render_text(letter), args.count)
        print(f"{spec.stem:28} {docx_ms:9.2f} {md_ms:8.3f} {txt_ms:8.3f}")
    naive = per_call_ms(python_docx_reopen, max(20, args.count // 10))
    print(
        f"{'python-docx open+save only':28} {naive:9.2f}"
        "   (the floor of a reopen-per-letter design)"
    )
    draftkit = ROOT / ".venv" / "bin" / "draftkit"
    exe = [str(draftkit)] if draftkit.exists() else [sys.executable, "-m", "draftkit"]
    help_ms = cold_start([*exe, "--help"])
    click_ms = cold_start([sys.executable, "-c", "import click"])
    print(
        f"cold start: draftkit --help {help_ms:.0f} ms; python -c 'import click' {click_ms:.0f} ms"
    )


if __name__ == "__main__":
    main()
