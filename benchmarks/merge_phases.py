"""Where a merge's processor time goes: its phases, in fresh processes, processor seconds.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/merge_phases.py [--count 200] [--repeat 3] [--against DIR]

Each run is a fresh process that merges ``benchmarks/merge.py``'s letter for ``count``
recipients into a new folder and times, in processor seconds (``time.process_time``, so
that another job on the machine moves the figures less than wall time), the phases of
the merge: reading the spec (``make_plan``), the file names (the first office lookup
reads the forms-of-address table), composing one letter of each kind (``prepare``),
making each kind's stencil, filling the recipients' slots, setting the letters through
their stencils and writing them. ``--against`` names another checkout of draftkit (the
code before a change): the two take turns, run by run. Medians are printed, with the
load average; only measured figures.
"""

from __future__ import annotations

import argparse
import collections
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

PHASES = (
    "make_plan", "output_names", "prepare", "make_stencil", "fill_slots", "stencil_render",
    "write", "total",
)  # fmt: skip


def child(root: Path, count: int, out: Path) -> None:
    """One measured process: merge ``count`` letters with the draftkit at ``root``."""
    sys.path.insert(0, str(root))
    import draftkit.merge as merge_package  # from root, before the benchmark's own path
    import draftkit.merge.letters as letters
    import draftkit.merge.outputs as outputs
    import draftkit.render.stencil as stencil
    from draftkit import mail_merge

    assert Path(merge_package.__file__).is_relative_to(root), merge_package.__file__
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import merge as bench  # the benchmark's letter and recipients

    spent: collections.Counter[str] = collections.Counter()

    def timed(owner: Any, name: str, phase: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(original)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent[phase] += time.process_time() - start

        setattr(owner, name, wrapper)

    timed(merge_package, "make_plan", "make_plan")
    timed(merge_package, "output_names", "output_names")
    timed(letters.Letters, "prepare", "prepare")
    timed(stencil, "make_stencil", "make_stencil")
    timed(letters, "fill_slots", "fill_slots")
    timed(stencil.Stencil, "render", "stencil_render")
    timed(outputs, "write_bytes_atomic", "write")
    letter, people = bench.spec(), bench.recipients(count)
    out.mkdir(parents=True)
    start = time.process_time()
    result = mail_merge(letter, people, out)
    spent["total"] = time.process_time() - start
    assert result.rendered == count, result.rows[:3]
    print(json.dumps({phase: spent[phase] * 1000 for phase in PHASES}))


def one_run(root: Path, count: int, base: Path) -> dict[str, float]:
    """The phases of one fresh process (milliseconds of processor time)."""
    out = Path(tempfile.mkdtemp(dir=base)) / "letters"
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(root),
               "--count", str(count), "--into", str(out)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    shutil.rmtree(out.parent, ignore_errors=True)
    if done.returncode != 0:
        raise SystemExit(f"{root} failed: {done.stderr.strip()[-400:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="recipients")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per checkout")
    parser.add_argument("--against", type=Path, help="another checkout, run in turns")
    parser.add_argument(
        "--dir",
        type=Path,
        default=ROOT / "build" / "bench",
        help="where the letters are written (default: build/bench, on disk)",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.count, args.into)
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    roots = [ROOT, *([args.against.resolve()] if args.against else [])]
    runs: dict[Path, list[dict[str, float]]] = {root: [] for root in roots}
    load = os.getloadavg()[0]
    one_run(ROOT, 2, args.dir)  # .pyc files and the user caches, not measured
    for _ in range(args.repeat):
        for root in roots:
            runs[root].append(one_run(root, args.count, args.dir))
    print(f"{args.count} letters, median of {args.repeat} fresh processes, processor ms "
          f"(load average {load:.2f} before, {os.getloadavg()[0]:.2f} after)")  # fmt: skip
    print(f"  {'phase':16}" + "".join(f"{str(root)[-28:]:>30}" for root in roots))
    for phase in PHASES:
        cells = [statistics.median(run[phase] for run in runs[root]) for root in roots]
        print(f"  {phase:16}" + "".join(f"{cell:30.1f}" for cell in cells))


if __name__ == "__main__":
    main()
