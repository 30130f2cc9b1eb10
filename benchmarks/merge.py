"""Mail-merge speed, side by side: docxtpl, python-docx from scratch, the zip floor, draftkit.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/merge.py [--count 1000] [--repeat 3] [--no-docxtpl]

The letter has about 40 paragraphs and 1,400 words, 7 asks and 15 signatories; one
body paragraph uses ``{{ recipient.state }}``. Every contender writes one .docx file per
recipient into a fresh folder, and the best of ``--repeat`` runs is reported:

- docxtpl: a Word template with placeholders, loaded, rendered and saved per letter
  (the documented usage). docxtpl is not a draftkit dependency: it runs in its own
  virtual environment, ``benchmarks/.venv-docxtpl``, created on first use
  (``python -m venv benchmarks/.venv-docxtpl && benchmarks/.venv-docxtpl/bin/pip
  install docxtpl``); without network access it is reported as unavailable.
- python-docx: each resolved letter built with the python-docx API from the reference
  document (tests/docx_straightforward.py), then saved.
- floor: the same document.xml written straight into a zip whose other parts were
  compressed once (only the recipient's text changes) - the practical lower bound.
- draftkit: ``draftkit.merge.merge`` end to end - recipients to files, compose per kind
  of recipient, per-recipient text, atomic writes and the manifest; with one process
  and with ``jobs=2``.

Also printed: the cost of one extra paragraph (a letter with 40 more paragraphs), and
memory at 200 and at ``--count`` letters (peak RSS of a fresh process, and the
tracemalloc peak during the merge).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draftkit.merge import merge, merge_letters  # noqa: E402
from draftkit.recipients import Recipient, recipient_from_mapping  # noqa: E402
from draftkit.render.package import ZipEntry, build_zip, compress  # noqa: E402
from draftkit.render.word import default_reference  # noqa: E402
from draftkit.schema import Letter  # noqa: E402
from tests.docx_straightforward import render_straightforward  # noqa: E402

DOCXTPL_VENV = ROOT / "benchmarks" / ".venv-docxtpl"

_VOCABULARY_TEXT = """
the a of to and in that for on with as by from at this we our you your their its is are
was were be been has have had will would should could may must not no more most many each
every any all some other such these those which who whom whose where when while because
although since until before after during without within between among against toward over
under through across about government ministry authorities officials security forces police
army courts judges prosecutors lawyers journalists reporters editors students teachers
workers farmers families children women men elders survivors witnesses victims detainees
prisoners refugees migrants communities villages towns cities regions provinces borders
camps prisons facilities hospitals schools roads convoys supplies food water medicine fuel
shelter aid assistance funding grants programs training equipment weapons vehicles units
commanders soldiers officers agents monitors observers investigators rapporteurs experts
diplomats envoys embassy mission delegation committee council parliament congress senate
law laws rights freedom speech assembly association press expression religion movement
detention arrest arrests torture abuse abuses violations killings disappearances raids
protests strikes elections reforms sanctions conditions accountability justice impunity
evidence reports records documents testimony interviews images videos data findings
investigation inquiry review hearing trial appeal sentence release access visits contact
urge ask request call support press raise insist ensure require condition suspend restore
fund protect defend document monitor investigate publish share brief meet consider adopt
immediately publicly privately promptly fully independently consistently repeatedly
seriously urgently carefully directly clearly formally jointly regularly already still
new recent past current future serious grave credible independent impartial effective
public private local national regional international humanitarian legal political
economic peaceful arbitrary unlawful lengthy secret military civilian sustained
"""
_VOCABULARY = _VOCABULARY_TEXT.split()
_FIRST = ["Alma", "Bo", "Chidi", "Dana", "Emil", "Farah", "Goran", "Hana", "Ines", "Jon",
          "Kemal", "Lena", "Mateo", "Noor", "Oskar", "Priya", "Quinn", "Rosa", "Sami", "Tove"]
_LAST = ["Whitfield", "Reyes", "Okafor", "Lindqvist", "Sousa", "Haddad", "Novak", "Ito",
         "Moreau", "Pryce", "Achterberg", "Ibarra", "Castell", "Dunmore", "Eriksen",
         "Falk", "Grady", "Holt", "Iqbal", "Janssen", "Kovacs", "Lowry", "Marsh", "Nadler",
         "Orr", "Pike", "Quist", "Roux", "Sato", "Tamm", "Uhl", "Vance", "Wren", "Yates",
         "Zorn", "Abbott", "Bishop", "Crane", "Dale", "Ekberg", "Fuentes", "Gale", "Hart",
         "Irwin", "Joss", "Kerr", "Lyle", "Mott", "Nash", "Oakes"]  # fmt: skip
_STATES = ["Idaho", "Ohio", "Utah", "Iowa", "Maine", "Texas", "Oregon", "Nevada"]


def text(seed: int, words: int) -> str:
    """Prose-like filler (compresses about as much as a real letter's text)."""
    pick = random.Random(seed).choice
    out = [pick(_VOCABULARY) for _ in range(words)]
    return (" ".join(out)).capitalize() + "."


def spec(extra_paragraphs: int = 0) -> Letter:
    """The benchmark letter: ~40 paragraphs, ~1,400 words, 7 asks, 15 signatories."""
    body = [f"We write to you as a senator from {{{{ recipient.state }}}}. {text(0, 50)}"]
    body += [text(i, 62) for i in range(1, 14 + extra_paragraphs)]
    return Letter.model_validate(
        {
            "audience": "us-congress",
            "date": "2026-10-05",
            "sender": {"organization": "Lake Region Rights Coalition", "coalition": True},
            "subject": "Oversight of security assistance",
            "body": body,
            "asks_intro": "We respectfully ask that you:",
            "asks": [
                {"lead": f"Request number {i + 1}.", "body": text(40 + i, 42)} for i in range(7)
            ],
            "closing": [text(60 + i, 45) for i in range(4)],
            "complimentary_close": "Sincerely,",
            "signatories": [
                {"name": f"Member Organization Number {i + 1}", "kind": "organization"}
                for i in range(15)
            ],
        }
    )


def recipients(count: int) -> list[Recipient]:
    out = []
    for i in range(count):
        first = _FIRST[i % len(_FIRST)]
        last = _LAST[(i // len(_FIRST)) % len(_LAST)]
        out.append(recipient_from_mapping({
            "name": f"{first} {chr(65 + i % 26)}. {last}",
            "office": "us-senator" if i % 2 else "us-representative",
            "gender": "f" if i % 3 else "m",
            "state": _STATES[i % len(_STATES)],
        }))  # fmt: skip
    return out


def fresh_dir(base: Path, name: str) -> Path:
    path = base / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_ms(
    func: Callable[[Path], int], base: Path, name: str, repeat: int
) -> tuple[float, float]:
    """Best wall time and best CPU time per letter (ms) over ``repeat`` fresh runs.

    CPU time counts this process and the worker processes it waited for; on a busy
    machine it is the steadier figure.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        target = fresh_dir(base, name)
        cpu = _cpu_seconds()
        start = time.perf_counter()
        count = func(target)
        walls.append((time.perf_counter() - start) * 1000 / count)
        cpus.append((_cpu_seconds() - cpu) * 1000 / count)
    return min(walls), min(cpus)


# --------------------------------------------------------------------------- contenders


def floor_runner(letters: list[Letter], people: list[Recipient]) -> Callable[[Path], int]:
    """Write each recipient's document.xml into a zip of parts compressed once."""
    from draftkit.render import render_docx

    first = letters[0]
    sample = render_docx(first)
    with zipfile.ZipFile(_bytes_io(sample)) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    document = parts.pop("word/document.xml").decode("utf-8")
    fixed: list[ZipEntry] = [compress(name, data) for name, data in parts.items()]
    name0 = first.addressees[0].name or ""
    salutation0 = first.salutation or ""
    state0 = str(first.variables.get("state", ""))

    def run(target: Path) -> int:
        for index, (letter, recipient) in enumerate(zip(letters, people, strict=True)):
            xml = (
                document.replace(name0, letter.addressees[0].name or "")
                .replace(salutation0, letter.salutation or "")
                .replace(state0, str(recipient.variables.get("state", "")))
            )
            data = build_zip([*fixed, compress("word/document.xml", xml.encode("utf-8"))])
            (target / f"{index:04d}.docx").write_bytes(data)
        return len(letters)

    return run


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def python_docx_runner(letters: list[Letter]) -> Callable[[Path], int]:
    reference = default_reference()

    def run(target: Path) -> int:
        for index, letter in enumerate(letters):
            (target / f"{index:04d}.docx").write_bytes(render_straightforward(letter, reference))
        return len(letters)

    return run


def draftkit_runner(
    letter: Letter, people: list[Recipient], jobs: int = 1
) -> Callable[[Path], int]:
    def run(target: Path) -> int:
        result = merge(letter, people, target, jobs=jobs)
        assert result.rendered == len(people), result.rows[:3]
        return len(people)

    return run


# --------------------------------------------------------------------------- docxtpl

_DOCXTPL_CHILD = r"""
import json, sys, time, pathlib
from docxtpl import DocxTemplate
template, data_file, outdir = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
repeat = int(sys.argv[4])
people = json.loads(pathlib.Path(data_file).read_text())
walls, cpus = [], []
for _ in range(repeat):
    for old in outdir.glob("*.docx"):
        old.unlink()
    start, cpu = time.perf_counter(), time.process_time()
    for index, ctx in enumerate(people):
        doc = DocxTemplate(template)
        doc.render(ctx)
        doc.save(outdir / f"{index:04d}.docx")
    walls.append((time.perf_counter() - start) * 1000 / len(people))
    cpus.append((time.process_time() - cpu) * 1000 / len(people))
print(json.dumps({"wall": min(walls), "cpu": min(cpus)}))
"""


def docxtpl_python() -> tuple[Path | None, str]:
    """The interpreter of the docxtpl environment, created on first use."""
    python = DOCXTPL_VENV / "bin" / "python"
    if python.exists():
        return python, "benchmarks/.venv-docxtpl"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(DOCXTPL_VENV)], check=True,
                       capture_output=True, timeout=300)  # fmt: skip
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "docxtpl"], check=True,
                       capture_output=True, timeout=600)  # fmt: skip
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(DOCXTPL_VENV, ignore_errors=True)
        detail = getattr(exc, "stderr", b"") or str(exc).encode()
        return None, f"could not install docxtpl ({detail.decode(errors='replace')[-200:]})"
    return python, "benchmarks/.venv-docxtpl (created)"


def docxtpl_template(letter: Letter, path: Path) -> None:
    """The letter as a docxtpl template: placeholders for the recipient's parts."""
    import docx

    placeholder = letter.model_copy(
        update={
            "addressees": [
                letter.addressees[0].model_copy(
                    update={"honorific": None, "name": "{{ name_line }}", "title_lines":
                            ["{{ title_line }}"], "address_lines": ["{{ address_line_1 }}",
                                                                     "{{ address_line_2 }}"]}
                )
            ],
            "salutation": "{{ salutation }}",
            "body": ["We write to you as a senator from {{ state }}. " + text(0, 50),
                     *letter.body[1:]],
        }
    )  # fmt: skip
    document = docx.Document(_bytes_io(render_straightforward(placeholder, default_reference())))
    document.save(str(path))


def docxtpl_context(letters: list[Letter], people: list[Recipient]) -> list[dict[str, str]]:
    out = []
    for letter, recipient in zip(letters, people, strict=True):
        who = letter.addressees[0]
        lines = [*who.address_lines, "", ""]
        out.append({
            "name_line": f"{who.honorific} {who.name}",
            "title_line": who.title_lines[0] if who.title_lines else "",
            "address_line_1": lines[0],
            "address_line_2": lines[1],
            "salutation": letter.salutation or "",
            "state": str(recipient.variables.get("state", "")),
        })  # fmt: skip
    return out


def run_docxtpl(
    letters: list[Letter], people: list[Recipient], base: Path, repeat: int
) -> tuple[tuple[float, float] | None, str]:
    python, note = docxtpl_python()
    if python is None:
        return None, note
    template = base / "template.docx"
    docxtpl_template(letters[0], template)
    data = base / "context.json"
    data.write_text(json.dumps(docxtpl_context(letters, people)), encoding="utf-8")
    outdir = fresh_dir(base, "docxtpl")
    done = subprocess.run(
        [str(python), "-c", _DOCXTPL_CHILD, str(template), str(data), str(outdir), str(repeat)],
        capture_output=True, text=True, timeout=3600,
    )  # fmt: skip
    if done.returncode != 0:
        return None, f"docxtpl failed: {done.stderr.strip().splitlines()[-1:]}"
    figures = json.loads(done.stdout)
    return (float(figures["wall"]), float(figures["cpu"])), note


# --------------------------------------------------------------------------- memory


def memory_child(count: int) -> None:
    """Merge ``count`` letters in this fresh process; print peak RSS and tracemalloc peak."""
    letter = spec()
    people = recipients(count)
    with tempfile.TemporaryDirectory() as tmp:
        merge(letter, people[:5], Path(tmp) / "warm")  # load code, reference and templates
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        merge(letter, people, Path(tmp) / "rss")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        merge(letter, people, Path(tmp) / "traced")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(json.dumps({"rss_kb": rss, "rss_before_kb": before, "traced_peak": peak}))


def memory(count: int) -> dict[str, int]:
    done = subprocess.run([sys.executable, __file__, "--memory-child", str(count)],
                          capture_output=True, text=True, check=True)  # fmt: skip
    result: dict[str, int] = json.loads(done.stdout)
    return result


# --------------------------------------------------------------------------- jobs


def jobs_child(count: int, repeat: int, folder: Path) -> None:
    """In a fresh process (lean, like the CLI): 1 and 2 jobs alternately; print the best."""
    letter = spec()
    people = recipients(count)
    merge(letter, people[:5], folder / "warm")
    ones, twos = [], []
    for _ in range(repeat):  # alternate, so that a busy moment hits both alike
        ones.append(best_ms(draftkit_runner(letter, people), folder, "dk1", 1))
        twos.append(best_ms(draftkit_runner(letter, people, jobs=2), folder, "dk2", 1))
    print(json.dumps({
        "one": [min(w for w, _ in ones), min(c for _, c in ones)],
        "two": [min(w for w, _ in twos), min(c for _, c in twos)],
    }))  # fmt: skip


def jobs_figures(
    count: int, repeat: int, folder: Path
) -> tuple[tuple[float, float], tuple[float, float]]:
    done = subprocess.run(
        [sys.executable, __file__, "--jobs-child", str(count), "--repeat", str(repeat),
         "--dir", str(folder)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    figures = json.loads(done.stdout)
    return (figures["one"][0], figures["one"][1]), (figures["two"][0], figures["two"][1])


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="recipients (default 1000)")
    parser.add_argument("--slow-count", type=int, default=200,
                        help="letters for the slow contenders (python-docx, docxtpl)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (best is kept)")
    parser.add_argument("--no-docxtpl", action="store_true", help="skip docxtpl")
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path("/dev/shm") if os.access("/dev/shm", os.W_OK) else None,
        help="where the letters are written (default: /dev/shm when available, so that a"
        " busy disk does not blur the comparison; pass a folder on disk to include it)",
    )
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--jobs-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    if args.jobs_child:
        jobs_child(args.jobs_child, args.repeat, args.dir or Path(tempfile.gettempdir()))
        return

    letter = spec()
    people = recipients(args.count)
    letters = [m.letter for m in merge_letters(letter, people)]
    assert all(letters)
    resolved: list[Letter] = [x for x in letters if x is not None]
    words = sum(len(p.split()) for p in resolved[0].texts("body") + resolved[0].texts("closing"))
    words += sum(len(f"{a.lead} {a.body}".split()) for a in resolved[0].resolved_asks())
    from draftkit.render import render_docx
    from tests.helpers import paragraphs

    n_paragraphs = len(paragraphs(render_docx(resolved[0])))
    print(f"letter: {n_paragraphs} paragraphs, {words} words of text, "
          f"{len(resolved[0].asks)} asks, {len(resolved[0].signatories)} signatories; "
          f"{args.count} recipients; best of {args.repeat}; "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")  # fmt: skip

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        base = Path(tmp)
        print(f"writing into {base.parent}")
        rows: list[tuple[str, tuple[float, float] | None, str]] = []
        slow = args.slow_count
        docxtpl: tuple[float, float] | None = None
        if not args.no_docxtpl:
            docxtpl, note = run_docxtpl(resolved[:slow], people[:slow], base, args.repeat)
            rows.append(("docxtpl (load, render, save)", docxtpl, f"{slow} letters; {note}"))
        pydocx = best_ms(python_docx_runner(resolved[:slow]), base, "pydocx", args.repeat)
        rows.append(("python-docx from scratch", pydocx,
                     f"{slow} letters, resolved letters given"))  # fmt: skip
        floor = best_ms(floor_runner(resolved, people), base, "floor", args.repeat)
        rows.append(("floor: document.xml into a prepared zip", floor, "text replaced in place"))
        one, two = jobs_figures(args.count, args.repeat, base)
        rows.append(("draftkit merge, 1 process", one,
                     "end to end: compose, render, manifest (fresh process)"))  # fmt: skip
        rows.append(("draftkit merge, --jobs 2", two, "incl. pool start; CPU = all processes"))

        longer = spec(extra_paragraphs=40)
        long_one = best_ms(draftkit_runner(longer, people), base, "dklong", args.repeat)
        long_letters = [m.letter for m in merge_letters(longer, people)]
        long_floor = best_ms(
            floor_runner([x for x in long_letters if x is not None], people), base, "floorlong",
            args.repeat,
        )  # fmt: skip

    print()
    print(f"{'contender':42} {'wall ms':>8} {'CPU ms':>8} {'CPU x floor':>12}   notes")
    for name, figures, note in rows:
        if figures is None:
            print(f"{name:42} {'n/a':>8} {'n/a':>8} {'':>12}   {note}")
            continue
        wall, cpu = figures
        print(f"{name:42} {wall:8.2f} {cpu:8.2f} {cpu / floor[1]:12.2f}   {note}")
    print()
    print("(per letter; best of the runs; CPU time is the steadier figure on a busy machine)")
    if docxtpl:
        print(f"draftkit vs docxtpl:          {docxtpl[0] / one[0]:6.1f}x faster wall, "
              f"{docxtpl[1] / one[1]:.1f}x CPU (target >= 8x)")  # fmt: skip
    print(f"draftkit vs python-docx:      {pydocx[0] / one[0]:6.1f}x faster wall, "
          f"{pydocx[1] / one[1]:.1f}x CPU")  # fmt: skip
    print(f"draftkit / floor:             {one[0] / floor[0]:6.2f} wall, "
          f"{one[1] / floor[1]:.2f} CPU (target <= 2.5)")  # fmt: skip
    projected = 2 * one[1] / two[1]
    print(f"--jobs 2 speed-up:            {one[0] / two[0]:6.2f}x wall measured (target >= 1.7x);"
          f" {projected:.2f}x on two idle cores (2 x CPU of 1 job / CPU of 2 jobs)")
    per_paragraph = (long_one[1] - one[1]) * 1000 / 40
    floor_per_paragraph = (long_floor[1] - floor[1]) * 1000 / 40
    print(f"cost per extra paragraph:     {per_paragraph:6.1f} us CPU (target <= 30 us; "
          f"floor {floor_per_paragraph:.1f} us)")
    small, large = memory(200), memory(args.count)
    for count, figures in ((200, small), (args.count, large)):
        print(f"memory, {count:>4} letters:       peak RSS {figures['rss_kb'] / 1024:6.1f} MB "
              f"(before the run {figures['rss_before_kb'] / 1024:.1f} MB), "
              f"tracemalloc peak {figures['traced_peak'] / 1e6:5.2f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
