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
import os
import statistics
import subprocess
import sys
import tempfile
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


# As installed: pip compiles the package's .pyc files at install time, so the benchmark
# lets Python write them (a shell that sets PYTHONDONTWRITEBYTECODE would otherwise make
# every run compile draftkit from source), and one untimed run per command writes them
# and draftkit's cache of the forms-of-address table, as a user's first run does.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run_ms(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=_ENV)
    return (time.perf_counter() - start) * 1000


def cold_pairs(commands: dict[str, list[str]], runs: int = 9) -> dict[str, float]:
    """Median wall time (ms) of each command in a fresh process, run in turn (A B A B ...).

    Taking turns spreads whatever else the machine is doing over every contender alike.
    """
    for command in commands.values():
        _run_ms(command)  # untimed: writes .pyc files and caches, as the first run does
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_run_ms(command))
    return {name: statistics.median(values) for name, values in times.items()}


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
    example = ROOT / "examples" / "coalition-president.yaml"
    with tempfile.TemporaryDirectory(dir=ROOT) as tmp:  # on the real disk, not /dev/shm
        target = Path(tmp) / "letter.docx"
        figures = cold_pairs(
            {
                "python -c 'import click'": [sys.executable, "-c", "import click"],
                "draftkit --help": [*exe, "--help"],
                "draftkit render (one letter, .docx)": [
                    *exe,
                    "render",
                    str(example),
                    "-o",
                    str(target),
                    "--force",
                ],
            }
        )
    click_ms = figures["python -c 'import click'"]
    print(
        "cold start, each in a fresh process, median of 9 taken in turn "
        "(after one untimed run that writes .pyc files and caches):"
    )
    for name, ms in figures.items():
        print(f"  {name:38} {ms:7.0f} ms  {ms / click_ms:5.1f}x import click")


if __name__ == "__main__":
    main()
