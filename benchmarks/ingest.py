"""Ingest speed: letters per second over a few hundred plain-text letters.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/ingest.py [--letters 400] [--seed 7]

Generates fresh synthetic letters of several shapes (page noise around the letter,
address blocks and cc lists, hard-wrapped paragraphs, numbered and lead-in asks,
individual and organisation signatories, long coalition lists), then times
``ingest_text`` on one core. The target is at least 200 letters/s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import textwrap
import time

from draftkit.ingest import (
    anchors,
    candidates,
    dates,
    head,
    ingest_text,
    names,
    noise,
    organisations,
    page,
    postal,
    reading,
    tail,
)

WORDS = [
    "rights",
    "detention",
    "release",
    "access",
    "monitors",
    "council",
    "envoy",
    "sanctions",
    "refugees",
    "dialogue",
    "government",
    "journalists",
    "lawyers",
    "families",
    "visit",
    "court",
    "charges",
    "evidence",
    "protection",
    "humanitarian",
    "mandate",
    "resolution",
    "accountability",
    "victims",
    "survivors",
    "region",
    "minister",
    "authorities",
    "independent",
    "urgent",
    "report",
    "investigation",
    "freedom",
    "assembly",
    "expression",
]
GIVEN = [
    "Ana",
    "Ivo",
    "Mirela",
    "Tomas",
    "Leila",
    "Kofi",
    "Sanna",
    "Rafael",
    "Hana",
    "Dmitri",
    "Amara",
    "Jonas",
    "Priya",
    "Elif",
]
FAMILY = [
    "Dobrev",
    "Brennan",
    "Osei",
    "Lindqvist",
    "Haddad",
    "Mensah",
    "Varga",
    "Okafor",
    "Ruiz",
    "Tanaka",
    "Novak",
]
OFFICES = [
    ("The Honorable", "Secretary of State", ["U.S. Department of State", "Washington, DC 20520"]),
    ("H.E. Mr.", "Minister of Foreign Affairs", ["Ministry of Foreign Affairs", "Port Aubrey"]),
    (
        "Ms.",
        "Special Rapporteur on the rights of defenders",
        ["Palais des Nations", "CH-1211 Geneva 10"],
    ),
    ("The Honorable", "Chair, Committee on Foreign Affairs", ["U.S. House of Representatives"]),
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice('ABCDEFGHJKLMN')}. {rng.choice(FAMILY)}"


def make_letter(rng: random.Random, index: int) -> str:
    """One synthetic letter; its shape depends on ``index``."""
    parts: list[str] = []
    if index % 3 == 0:
        parts += [
            "Skip to main content\nHome\nAbout Us\nDonate",
            f"Letter number {index} on detentions",
        ]
        parts.append("Published June 14, 2023")
    parts.append(rng.choice(["May 30, 2023", "3 March 2024", "2022-10-17", "04.09.2022"]))
    honorific, title, address = rng.choice(OFFICES)
    parts.append("\n".join([f"{honorific} {_person(rng)}", title, *address]))
    if index % 2:
        parts.append("\n".join([f"CC: Mr. {_person(rng)}", "Director, Office of Policy"]))
    parts.append("Re: " + _sentence(rng).rstrip("."))
    parts.append("Dear Minister,")
    width = 72 if index % 4 == 0 else 10_000
    parts += [textwrap.fill(_paragraph(rng), width) for _ in range(rng.randint(2, 5))]
    if index % 2 == 0:
        parts.append("We urge you to:")
        parts += [f"{n}. {_paragraph(rng)}" for n in range(1, rng.randint(3, 7))]
    else:
        parts.append("We are writing to ask you to:")
        parts += [_paragraph(rng) for _ in range(rng.randint(2, 5))]
    parts.append("Thank you for your attention to these concerns.")
    parts.append(rng.choice(["Sincerely,", "Yours faithfully,", "Respectfully,"]))
    if index % 5 == 0:
        parts.append("\n".join(f"{rng.choice(FAMILY)} Rights Network {n}" for n in range(120)))
    else:
        parts += [
            "\n".join([_person(rng), "Executive Director", f"{rng.choice(FAMILY)} Institute"])
            for _ in range(rng.randint(1, 6))
        ]
    if index % 3 == 0:
        parts.append("Share this\nFacebook\n© 2024 Rights Network. All rights reserved.")
    return "\n\n".join(parts) + "\n"


def _clear_caches() -> None:
    for module in (
        names,
        organisations,
        postal,
        noise,
        page,
        head,
        tail,
        reading,
        candidates,
        dates,
        anchors,
    ):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    letters = [make_letter(rng, i) for i in range(args.letters)]
    size = sum(len(t) for t in letters) / len(letters)
    ingest_text(letters[0])  # warm imports and compiled patterns
    rates: list[float] = []
    cpu_rates: list[float] = []
    kinds: dict[str, int] = {}
    for _ in range(args.rounds):
        _clear_caches()  # each round starts cold: no line judged in an earlier round
        start = time.perf_counter()
        cpu = time.process_time()
        for text in letters:
            result = ingest_text(text)
            kinds[result.kind] = kinds.get(result.kind, 0) + 1
        cpu_rates.append(len(letters) / (time.process_time() - cpu))
        rates.append(len(letters) / (time.perf_counter() - start))
    print(f"letters: {len(letters)} (mean {size:,.0f} characters), rounds: {args.rounds}")
    print(f"kinds: {kinds}")
    print(
        f"ingest_text: {statistics.median(rates):,.0f} letters/s wall-clock median "
        f"(min {min(rates):,.0f}, max {max(rates):,.0f}); "
        f"{statistics.median(cpu_rates):,.0f} letters/s of CPU time on one core; "
        "target >= 200 letters/s"
    )
    docx_side_by_side(letters[:100])
    pdf_side_by_side()


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} letters/s"


def docx_side_by_side(texts: list[str]) -> None:
    """Word files: ingest beside python-docx reading the text alone, and pandoc."""
    import io
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    import docx

    from draftkit.ingest import ingest_bytes
    from draftkit.render import render_docx

    letters = [r.letter for r in map(ingest_text, texts) if r.letter and r.letter.salutation]
    files = [render_docx(letter) for letter in letters]
    start = time.perf_counter()
    for data in files:
        ingest_bytes(data, filename="letter.docx")
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for data in files:
        document = docx.Document(io.BytesIO(data))
        "\n".join(p.text for p in document.paragraphs)
    plain = time.perf_counter() - start
    print(f".docx ({len(files)} letters rendered by draftkit), side by side:")
    print(f"  draftkit ingest_bytes (structure, styles, numbering): {_rate(len(files), ours)}")
    print(f"  python-docx, paragraph text only (no structure):     {_rate(len(files), plain)}")
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("  pandoc -t plain: not installed")
        return
    sample = files[:20]
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for index, data in enumerate(sample):
            path = Path(tmp) / f"{index}.docx"
            path.write_bytes(data)
            paths.append(path)
        start = time.perf_counter()
        for path in paths:
            subprocess.run([pandoc, "-f", "docx", "-t", "plain", str(path)],
                           check=True, capture_output=True)  # fmt: skip
        converted = time.perf_counter() - start
    print(f"  pandoc -t plain, one process per file (text only):   {_rate(len(sample), converted)}")


def pdf_side_by_side(rounds: int = 5) -> None:
    """PDF letters: ingest beside poppler's pdftotext (text only, no structure).

    The PDFs are the text PDFs of ``tests/fixtures/wild`` (one to two pages, made by
    LibreOffice). Three figures: ingest_bytes in this process (median of ``rounds``), the
    ``draftkit ingest`` command on the whole batch in a fresh process (start-up included,
    output written to a real folder), and ``pdftotext`` run once per file.
    """
    import os
    import shutil
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from draftkit.errors import IngestError
    from draftkit.ingest import ingest_bytes

    folder = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "wild"
    files = []
    for path in sorted(folder.glob("*.pdf")):
        data = path.read_bytes()
        try:
            ingest_bytes(data, filename=path.name)
        except IngestError:
            continue  # the scan without a text layer
        files.append((path, data))
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for path, data in files:
            ingest_bytes(data, filename=path.name)
        rates.append(len(files) / (time.perf_counter() - start))
    print(f".pdf ({len(files)} text PDFs from tests/fixtures/wild), side by side:")
    print(
        f"  draftkit ingest_bytes, in this process: {statistics.median(rates):,.0f} letters/s"
        f" median of {rounds} (min {min(rates):,.0f}); target >= 20 letters/s"
    )
    # an installed package has its bytecode: a shell's PYTHONDONTWRITEBYTECODE would make
    # the fresh process compile every module (as benchmarks/render.py explains), so it is
    # dropped and one untimed run writes the bytecode first
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        command = [sys.executable, "-m", "draftkit", "ingest", "-q", "--force", "-o", tmp]
        paths = [str(p) for p, _ in files]
        subprocess.run([*command, *paths], check=True, capture_output=True, env=env)
        start = time.perf_counter()
        subprocess.run([*command, *paths], check=True, capture_output=True, env=env)
        batch = time.perf_counter() - start
    print(
        f"  draftkit ingest *.pdf -o specs/, fresh process:  {_rate(len(files), batch)}"
        " (start-up included)"
    )
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        print("  pdftotext: not installed (apt-get install poppler-utils)")
        return
    start = time.perf_counter()
    for path, _ in files:
        subprocess.run([pdftotext, "-layout", str(path), "-"], check=True, capture_output=True)
    print(
        f"  pdftotext -layout, one process per file (text only): "
        f"{_rate(len(files), time.perf_counter() - start)}"
    )


if __name__ == "__main__":
    main()
