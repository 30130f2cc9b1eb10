"""Mail-merge work in processor instructions: draftkit against the zip floor (valgrind).

Run on demand (not part of the test suite; needs valgrind):

    .venv/bin/python benchmarks/merge_instructions.py [--counts 10,200] [--dir FOLDER]

Wall times on a shared machine swing by half from one run to the next; instruction counts
do not. Each contender runs in a fresh process under ``valgrind --tool=callgrind`` (with
``PYTHONHASHSEED=0``) twice, writing ``low`` and ``high`` letters of
``benchmarks/merge.py``'s letter; the difference over ``high - low`` is the work of one
letter, what is left of the ``low`` run's count over a run that only makes the spec and
the recipients (``setup``) is the fixed cost of a merge. The floor is the zip floor of
``benchmarks/merge.py`` (the letter's document.xml with the recipient's name, salutation
and state replaced, zipped with parts compressed once, written). Only measured figures
are printed.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(mode: str, count: int, out: Path) -> None:
    """One measured process: ``setup``, ``draftkit`` or ``floor`` for ``count`` letters."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import merge as bench  # the benchmark's letter and recipients

    from draftkit import mail_merge, render_bytes
    from draftkit.render.package import build_zip, compress

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    letter, people = bench.spec(), bench.recipients(count)
    if mode == "draftkit":
        result = mail_merge(letter, people, out)
        assert result.rendered == count, result.rows[:3]
    elif mode == "floor":
        first = bench._resolved(letter, people[:1])[0]
        with zipfile.ZipFile(io.BytesIO(render_bytes(first, "docx"))) as archive:
            parts = {i.filename: archive.read(i.filename) for i in archive.infolist()}
        document = parts.pop("word/document.xml").decode("utf-8")
        fixed = [compress(name, data) for name, data in parts.items()]
        name0 = first.addressees[0].name or ""
        salutation0 = first.salutation or ""
        state0 = str(people[0].variables["state"])
        for index, person in enumerate(people):
            xml = (
                document.replace(name0, person.name or "")
                .replace(salutation0, f"Dear Senator {person.name}:")
                .replace(state0, str(person.variables.get("state", "")))
            )
            data = build_zip([*fixed, compress("word/document.xml", xml.encode("utf-8"))])
            (out / f"{index:04d}.docx").write_bytes(data)


def instructions(mode: str, count: int, base: Path) -> int:
    """The instructions of one fresh process of ``mode`` (callgrind's total)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    target = base / f"{mode}-{count}"
    command = [
        "valgrind", "--tool=callgrind", f"--callgrind-out-file={base / 'callgrind.%p'}",
        sys.executable, str(Path(__file__).resolve()), "--child", mode, "--count", str(count),
        "--into", str(target),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"{mode} ({count}) failed: {done.stderr.strip()[-400:]}")
    shutil.rmtree(target, ignore_errors=True)
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--counts", default="10,200", help="low,high letters")
    parser.add_argument("--dir", type=Path, default=None, help="where the letters go")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.count, args.into)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    low, high = (int(c) for c in args.counts.split(","))
    base = Path(tempfile.mkdtemp(prefix="merge-instructions-", dir=args.dir))
    try:
        child("draftkit", 2, base / "warm")  # .pyc files and the user caches, not measured
        setup = instructions("setup", low, base)
        counts = {
            mode: (instructions(mode, low, base), instructions(mode, high, base))
            for mode in ("draftkit", "floor")
        }
    finally:
        shutil.rmtree(base, ignore_errors=True)
    per = {mode: (b - a) / (high - low) for mode, (a, b) in counts.items()}
    fixed = counts["draftkit"][0] - setup - low * per["draftkit"]
    print(f"instructions a letter ({high} letters less {low}, fresh processes):")
    print(f"  draftkit  {per['draftkit'] / 1e6:6.2f} million")
    print(f"  floor     {per['floor'] / 1e6:6.2f} million")
    print(f"  draftkit / floor: {per['draftkit'] / per['floor']:.2f}x")
    print(f"fixed cost of a merge: {fixed / 1e6:.0f} million instructions; with it, a merge of")
    total = per["draftkit"] + fixed / high
    print(f"  {high} letters is {total / per['floor']:.2f}x the floor's instructions")


if __name__ == "__main__":
    main()
