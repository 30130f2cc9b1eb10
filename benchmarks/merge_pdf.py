"""Merge to PDF: one LibreOffice process for the batch against one per letter, side by side.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/merge_pdf.py [--counts 20,100] [--repeat 1] [--dir FOLDER]

Both contenders start from the same recipients (the example merge spec and the senators
of examples/recipients/senators.csv repeated to N rows) and end with N PDF files in a
fresh folder **on disk** (by default ``build/bench-pdf`` in the repository; the file
system is printed). Every run is a **fresh process**, LibreOffice starts cold with a new
profile each time it is started (as it does for a user), and the time is the wall clock
from the first letter to the last PDF:

- batch: ``mail_merge(..., fmt="pdf")`` - the letters written as DOCX, then one
  ``soffice --convert-to pdf`` over all of them, the PDFs renamed into place.
- per letter: ``mail_merge(..., fmt="docx")``, then each DOCX converted on its own by
  ``draftkit.render.pdf.docx_to_pdf`` (one ``soffice`` per letter: what ``draftkit
  render -o letter.pdf`` does for each letter, and what merge did before batching).

The machine's load average is printed beside the figures: on a shared machine, run it
again when the load is low. Only measured figures are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPEC = ROOT / "examples" / "merge-committee.yaml"
LIST = ROOT / "examples" / "recipients" / "senators.csv"


def _child(mode: str, count: int, folder: Path) -> None:
    """Run one contender in this (fresh) process and print its JSON result."""
    from draftkit import load_recipients, mail_merge
    from draftkit.render.pdf import docx_to_pdf

    base = load_recipients(LIST)
    people = [base[i % len(base)] for i in range(count)]
    start = time.perf_counter()
    if mode == "batch":
        result = mail_merge(SPEC, people, folder, fmt="pdf", manifest=False)
        made = result.rendered
    else:
        result = mail_merge(SPEC, people, folder, fmt="docx", manifest=False)
        made = 0
        for row in result.rows:
            assert row.file is not None
            source = folder / row.file
            (folder / f"{source.stem}.pdf").write_bytes(docx_to_pdf(source.read_bytes()))
            source.unlink()
            made += 1
    seconds = time.perf_counter() - start
    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == count == made, (len(pdfs), count, made)
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs)
    print(json.dumps({"seconds": seconds, "letters": made}))


def _run(mode: str, count: int, where: Path) -> float:
    folder = where / f"{mode}-{count}"
    shutil.rmtree(folder, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--counts", str(count), "--dir", str(folder)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{mode} {count} failed:\n{done.stderr}")
    shutil.rmtree(folder, ignore_errors=True)
    return float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])


def _filesystem(path: Path) -> str:
    try:
        out = subprocess.run(["df", "-T", str(path)], capture_output=True, text=True, check=True)
        return out.stdout.splitlines()[-1].split()[1]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="20,100")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=ROOT / "build" / "bench-pdf")
    parser.add_argument("--child", choices=["batch", "per-letter"])
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]
    if args.child:
        args.dir.mkdir(parents=True)
        _child(args.child, counts[0], args.dir)
        return
    args.dir.mkdir(parents=True, exist_ok=True)
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout
    print(f"folder: {args.dir} ({_filesystem(args.dir)}); {version.strip()}")
    print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()[0]:.2f}")
    print(f"{'letters':>7}  {'contender':<11} {'total s':>8}  {'s/letter':>8}")
    for count in counts:
        figures: dict[str, list[float]] = {"batch": [], "per-letter": []}
        for _ in range(args.repeat):
            for mode in figures:  # contenders take turns, run by run
                figures[mode].append(_run(mode, count, args.dir))
        batch = statistics.median(figures["batch"])
        single = statistics.median(figures["per-letter"])
        for mode, seconds in (("batch", batch), ("per-letter", single)):
            print(f"{count:>7}  {mode:<11} {seconds:>8.2f}  {seconds / count:>8.3f}")
        print(f"{'':>7}  batch is {single / batch:.1f}x faster than one soffice per letter")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
