"""Rendering speed: ms per letter for each example, and the CLI's cold start.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/render.py [--count 200] [--instructions]

It prints, side by side in the same run: draftkit's DOCX renderer (reference parsed once,
body built per letter) against building the same letter with python-docx from the
reference each time (the straightforward approach), plus Markdown and text, and the
time of `draftkit --help` and of a one-letter `draftkit render` against a bare
`python -c "import click"`, each in a fresh process.

The render is timed twice: with the user cache folder as a user's second run finds it
(what draftkit keeps there does not change when the spec does: compiled template
variants, the prepared reference, the forms-of-address table's JSON copy, the code
Python compiles from text at start-up), and as a first run ever finds it (an empty
cache folder, made anew before each run). No cache holds the letter or its output.

With ``--instructions`` (valgrind installed), each contender also runs once under
callgrind and its instruction count is printed: on a shared machine the wall-clock
figures move with the load, instruction counts hardly do.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
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


FIRST_RUN = "first run: "
"""A contender named so runs with an empty user cache folder, made anew for each run."""


def _env(name: str, cache: Path) -> dict[str, str]:
    if not name.startswith(FIRST_RUN):
        return _ENV
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir()
    return {**_ENV, "XDG_CACHE_HOME": str(cache)}


def _run_ms(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=env)
    return (time.perf_counter() - start) * 1000


def cold_pairs(commands: dict[str, list[str]], cache: Path, runs: int = 9) -> dict[str, float]:
    """Median wall time (ms) of each command in a fresh process, run in turn (A B A B ...).

    Taking turns spreads whatever else the machine is doing over every contender alike.
    """
    for name, command in commands.items():
        _run_ms(command, _env(name, cache))  # untimed: writes .pyc files and caches
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_run_ms(command, _env(name, cache)))
    return {name: statistics.median(values) for name, values in times.items()}


def instructions(commands: dict[str, list[str]], cache: Path) -> dict[str, int]:
    """Instructions each command executes in a fresh process (valgrind's callgrind)."""
    out: dict[str, int] = {}
    for name, command in commands.items():
        with tempfile.TemporaryDirectory() as scratch:
            done = subprocess.run(
                ["valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/out",
                 *command],
                capture_output=True, text=True, check=True, env=_env(name, cache),
            )  # fmt: skip
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found:
            out[name] = int(found.group(1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="letters per measurement")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
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
        render = [*exe, "render", str(example), "-o", str(target), "--force"]
        commands = {
            "python -c 'import click'": [sys.executable, "-c", "import click"],
            "draftkit --help": [*exe, "--help"],
            "draftkit render (one letter, .docx)": render,
            f"{FIRST_RUN}draftkit render": render,
        }
        cache = Path(tmp) / "empty-user-cache"
        figures = cold_pairs(commands, cache)
        counts = instructions(commands, cache) if args.instructions else {}
    click_ms = figures["python -c 'import click'"]
    print(
        "cold start, each in a fresh process, median of 9 taken in turn "
        "(after one untimed run that writes .pyc files and caches):"
    )
    for name, ms in figures.items():
        print(f"  {name:38} {ms:7.0f} ms  {ms / click_ms:5.1f}x import click")
    if counts:
        click = counts["python -c 'import click'"]
        print("instructions, one fresh process each (valgrind --tool=callgrind):")
        for name, count in counts.items():
            print(f"  {name:38} {count / 1e6:7.0f} M   {count / click:5.2f}x import click")


if __name__ == "__main__":
    main()
