"""Redline speed: a 10-page letter against its edited version.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/diff.py [--runs 9]

It writes a long letter spec (context paragraphs, asks with bullet items, a long list of
signers; written here, fresh) and an edited version (paragraphs reworded, two asks moved,
one dropped, signers joining and leaving), counts the pages LibreOffice sets the new
letter on, and prints, in the same run:

- in process: ``diff_letters`` alone, and with the .docx redline and the text redline,
  beside Python's ``difflib.unified_diff`` and ``difflib.ndiff`` over the two letters'
  plain text (what a redline without the letter's structure costs);
- in a fresh process, as a user pays it: ``draftkit diff OLD NEW -o redline.docx``,
  beside ``draftkit render NEW -o letter.docx`` (one letter, no comparison) and
  ``draftkit --version`` (the interpreter and the command line starting, nothing else).
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draftkit.build import prepare_letter  # noqa: E402
from draftkit.diff import diff_letters  # noqa: E402
from draftkit.render import render_docx, render_text  # noqa: E402

_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
DRAFTKIT = str(Path(sys.executable).with_name("draftkit"))

_VOCABULARY = (
    "the authorities have detained monitors journalists and lawyers in the region while "
    "access for humanitarian agencies remains limited and families wait for news we ask "
    "that you raise these cases press for independent visits support local groups fund "
    "legal aid and make clear that cooperation depends on progress people displaced by "
    "fighting need shelter water and protection from attacks on camps"
)
WORDS = _VOCABULARY.split(" ")


def _sentence(rng: random.Random, low: int = 12, high: int = 26) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 5)))


def long_spec(seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    asks = []
    for number in range(14):
        ask: dict[str, Any] = {"lead": _sentence(rng, 4, 8), "body": _paragraph(rng)}
        if number % 3 == 0:
            ask["items"] = [_sentence(rng, 5, 10) for _ in range(3)]
        asks.append(ask)
    return {
        "date": "2026-09-22",
        "sender": {"organization": "Lake Region Rights Coalition"},
        "addressees": [
            {
                "honorific": "The Honorable",
                "name": "Marisol T. Vance",
                "title_lines": ["Secretary of State"],
                "address_lines": ["2201 C Street NW", "Washington, DC 20520"],
            }
        ],
        "subject": "Protection of civilians in the Lake Region",
        "salutation": "Dear Secretary Vance:",
        "body": [_paragraph(rng) for _ in range(28)],
        "asks_intro": "We respectfully ask you to:",
        "asks": asks,
        "closing": [_paragraph(rng) for _ in range(3)],
        "complimentary_close": "Sincerely,",
        "signatories": [
            {"name": f"Organization number {n} for rights", "kind": "organization"}
            for n in range(1, 41)
        ],
    }


def edited(spec: dict[str, Any], seed: int = 11) -> dict[str, Any]:
    rng = random.Random(seed)
    new = yaml.safe_load(yaml.safe_dump(spec))
    for index in range(0, len(new["body"]), 3):  # every third paragraph reworded
        words = new["body"][index].split(" ")
        for _ in range(6):
            words[rng.randrange(len(words))] = rng.choice(WORDS)
        new["body"][index] = " ".join(words)
    asks = new["asks"]
    asks.insert(0, asks.pop(9))  # two asks moved, one reworded on the way, one dropped
    asks.insert(4, asks.pop(12))
    asks[0]["body"] = asks[0]["body"].replace("the", "each", 2)
    del asks[7]
    signers = new["signatories"]
    del signers[5:8]
    signers.extend({"name": f"New partner {n}", "kind": "organization"} for n in range(4))
    new["complimentary_close"] = "Respectfully,"
    return new


def per_call_ms(func: Callable[[], object], runs: int) -> float:
    func()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def fresh_ms(command: list[str], runs: int) -> float:
    subprocess.run(command, capture_output=True, check=True, env=_ENV)  # .pyc, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=_ENV)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def pages(docx: Path) -> int | None:
    """Pages LibreOffice sets the document on (None without LibreOffice)."""
    try:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent),
             str(docx)],
            capture_output=True, check=True, timeout=180,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    from pypdf import PdfReader

    return len(PdfReader(str(docx.with_suffix(".pdf"))).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="draftkit-diff-bench-") as tmp:
        folder = Path(tmp)
        old_spec, new_spec = folder / "v1.yaml", folder / "v2.yaml"
        spec = long_spec()
        old_spec.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
        new_spec.write_text(yaml.safe_dump(edited(spec), sort_keys=False), encoding="utf-8")
        old, _ = prepare_letter(old_spec)
        new, _ = prepare_letter(new_spec)
        letter = folder / "v2.docx"
        letter.write_bytes(render_docx(new))
        diff = diff_letters(old, new)
        redline = folder / "redline.docx"
        redline.write_bytes(diff.to_docx())
        words = sum(len(p.split()) for p in render_text(new).split("\n"))
        print(f"letter: {words} words, {pages(letter)} pages (LibreOffice); "
              f"redline {pages(redline)} pages")  # fmt: skip
        print("changes: " + "; ".join(diff.summary()))
        old_text, new_text = render_text(old), render_text(new)
        a, b = old_text.splitlines(), new_text.splitlines()
        rows = {
            "diff_letters (align + words)": lambda: diff_letters(old, new),
            "diff_letters + .docx redline": lambda: diff_letters(old, new).to_docx(),
            "diff_letters + text redline": lambda: diff_letters(old, new).to_text(),
            "difflib.unified_diff, plain text": lambda: list(difflib.unified_diff(a, b)),
            "difflib.ndiff, plain text": lambda: list(difflib.ndiff(a, b)),
            "render the new letter (.docx)": lambda: render_docx(new),
        }
        print(f"\nin process (median of {args.runs}):")
        for name, func in rows.items():
            print(f"  {name:36} {per_call_ms(func, args.runs):8.1f} ms")
        out = folder / "out.docx"
        commands = {
            "draftkit diff OLD NEW -o redline.docx": [
                DRAFTKIT, "diff", str(old_spec), str(new_spec), "-o", str(out), "--force", "-q",
            ],
            "draftkit render NEW -o letter.docx": [
                DRAFTKIT, "render", str(new_spec), "-o", str(out), "--force", "-q",
            ],
            "draftkit --version (start-up alone)": [DRAFTKIT, "--version"],
        }  # fmt: skip
        print(f"\nfresh process, wall time (median of {args.runs}):")
        for name, command in commands.items():
            print(f"  {name:36} {fresh_ms(command, args.runs):8.1f} ms")


if __name__ == "__main__":
    main()
