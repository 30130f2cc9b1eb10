"""Mail-merge speed, side by side: docxtpl, python-docx from scratch, the zip floor, draftkit.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/merge.py [--counts 200,2000] [--repeat 3] [--no-docxtpl]
                                         [--dir FOLDER]

The letter has about 40 paragraphs and 1,400 words, 7 asks and 15 signatories; one
body paragraph uses ``{{ recipient.state }}``. Every contender writes one .docx file per
recipient into a fresh folder **on disk** (by default ``build/bench`` in the
repository; the file system is printed), and every run of every contender is a **fresh
process** (nothing is warmed up in it beforehand): the median of ``--repeat`` runs is
reported, contenders taking turns run by run. Only measured figures are printed.

- docxtpl: a Word template with placeholders, loaded, rendered and saved per letter
  (the documented usage). docxtpl is not a draftkit dependency: it runs in its own
  virtual environment, ``benchmarks/.venv-docxtpl``, created on first use
  (``python -m venv benchmarks/.venv-docxtpl && benchmarks/.venv-docxtpl/bin/pip
  install docxtpl``); without network access it is reported as unavailable.
- python-docx: each resolved letter built with the python-docx API from the reference
  document (tests/docx_straightforward.py), then saved.
- floor: the same document.xml written straight into a zip whose other parts were
  compressed once (only the recipient's text changes) - the practical lower bound.
- draftkit: ``draftkit.mail_merge`` end to end - recipients to files, compose once per
  kind of recipient and fill the others, atomic writes and the manifest; with one
  process and with ``jobs=2``.

Each process times its own letter-writing (its imports and the making of the recipient
list are not in the figure; reading the reference, composing and everything else a merge
does are). The machine's load average is printed beside the figures: on a shared machine
run it again when the load is low.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draftkit import Letter, Recipient, mail_merge, merge_letters, render_bytes  # noqa: E402
from draftkit.recipients import recipient_from_mapping  # noqa: E402
from draftkit.render.package import ZipEntry, build_zip, compress  # noqa: E402
from draftkit.render.word import default_reference  # noqa: E402
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


def _resolved(letter: Letter, people: list[Recipient]) -> list[Letter]:
    letters = [m.letter for m in merge_letters(letter, people)]
    assert all(letters)
    return [x for x in letters if x is not None]


# --------------------------------------------------------------------------- one run


def run_floor(count: int, target: Path) -> None:
    """The floor: each recipient's document.xml into a zip whose other parts were
    compressed once (only the recipient's text changes)."""
    people = recipients(count)
    letters = _resolved(spec(), people)
    first = letters[0]
    with zipfile.ZipFile(io.BytesIO(render_bytes(first, "docx"))) as archive:
        parts = {info.filename: archive.read(info.filename) for info in archive.infolist()}
    document = parts.pop("word/document.xml").decode("utf-8")
    fixed: list[ZipEntry] = [compress(name, data) for name, data in parts.items()]
    name0 = first.addressees[0].name or ""
    salutation0 = first.salutation or ""
    state0 = str(people[0].variables.get("state", ""))
    timed(target, count, lambda: _floor_loop(letters, people, document, fixed, target,
                                             (name0, salutation0, state0)))  # fmt: skip


def _floor_loop(
    letters: list[Letter],
    people: list[Recipient],
    document: str,
    fixed: list[ZipEntry],
    target: Path,
    old: tuple[str, str, str],
) -> None:
    for index, (letter, recipient) in enumerate(zip(letters, people, strict=True)):
        xml = (
            document.replace(old[0], letter.addressees[0].name or "")
            .replace(old[1], letter.salutation or "")
            .replace(old[2], str(recipient.variables.get("state", "")))
        )
        data = build_zip([*fixed, compress("word/document.xml", xml.encode("utf-8"))])
        (target / f"{index:04d}.docx").write_bytes(data)


def run_python_docx(count: int, target: Path) -> None:
    """python-docx: each resolved letter built from the reference and saved."""
    letters = _resolved(spec(), recipients(count))
    reference = default_reference()

    def loop() -> None:
        for index, letter in enumerate(letters):
            (target / f"{index:04d}.docx").write_bytes(render_straightforward(letter, reference))

    timed(target, count, loop)


def run_draftkit(count: int, target: Path, jobs: int) -> None:
    """draftkit: mail_merge from the spec and the recipient list to the files."""
    letter, people = spec(), recipients(count)

    def loop() -> None:
        result = mail_merge(letter, people, target, jobs=jobs)
        assert result.rendered == count, result.rows[:3]

    timed(target, count, loop)


def timed(target: Path, count: int, loop: Callable[[], None]) -> None:
    """Run ``loop`` once and print its wall and CPU seconds (children included) as JSON."""
    cpu, start = _cpu_seconds(), time.perf_counter()
    loop()
    wall = time.perf_counter() - start
    print(json.dumps({"wall": wall, "cpu": _cpu_seconds() - cpu, "letters": count}))


# --------------------------------------------------------------------------- docxtpl

_DOCXTPL_CHILD = r"""
import json, resource, sys, time, pathlib
from docxtpl import DocxTemplate
template, data_file, outdir = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
people = json.loads(pathlib.Path(data_file).read_text())
usage = resource.getrusage(resource.RUSAGE_SELF)
start, cpu = time.perf_counter(), usage.ru_utime + usage.ru_stime
for index, ctx in enumerate(people):
    doc = DocxTemplate(template)
    doc.render(ctx)
    doc.save(outdir / f"{index:04d}.docx")
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"wall": time.perf_counter() - start,
                  "cpu": usage.ru_utime + usage.ru_stime - cpu, "letters": len(people)}))
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


def docxtpl_inputs(count: int, base: Path) -> tuple[Path, Path]:
    """A docxtpl template of the letter (placeholders for the recipient's parts) and the
    recipients' values."""
    import docx

    people = recipients(count)
    letters = _resolved(spec(), people)
    letter = letters[0]
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
    template = base / "template.docx"
    document = docx.Document(io.BytesIO(render_straightforward(placeholder, default_reference())))
    document.save(str(template))
    values = []
    for resolved, recipient in zip(letters, people, strict=True):
        who = resolved.addressees[0]
        lines = [*who.address_lines, "", ""]
        values.append({
            "name_line": f"{who.honorific} {who.name}",
            "title_line": who.title_lines[0] if who.title_lines else "",
            "address_line_1": lines[0],
            "address_line_2": lines[1],
            "salutation": resolved.salutation or "",
            "state": str(recipient.variables.get("state", "")),
        })  # fmt: skip
    data = base / "context.json"
    data.write_text(json.dumps(values), encoding="utf-8")
    return template, data


# --------------------------------------------------------------------------- the parent


def one_run(args: list[str], base: Path, name: str) -> dict[str, float]:
    """One fresh process of this script (or of docxtpl's interpreter) writing letters."""
    target = fresh_dir(base, name)
    command = [*args, str(target)] if args[0] != sys.executable else [*args, "--into",
                                                                       str(target)]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=7200)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed: {done.stderr.strip()[-400:]}")
    figures: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    shutil.rmtree(target, ignore_errors=True)
    return figures


def file_system(path: Path) -> str:
    """The file system ``path`` is on (from /proc/mounts), e.g. "ext4 on /"."""
    try:
        mounts = [line.split()[:3] for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown file system"
    best = max((m for m in mounts if str(path.resolve()).startswith(m[1])),
               key=lambda m: len(m[1]), default=None)  # fmt: skip
    return f"{best[2]} on {best[1]}" if best else "unknown file system"


def measure(count: int, repeat: int, base: Path, docxtpl: bool) -> dict[str, list[float]]:
    """Per-letter wall ms of each contender over ``repeat`` fresh processes each."""
    me = [sys.executable, str(Path(__file__).resolve())]
    contenders: dict[str, list[str]] = {
        "floor": [*me, "--run", "floor", "--count", str(count)],
        "draftkit": [*me, "--run", "draftkit", "--count", str(count)],
        "draftkit-jobs2": [*me, "--run", "draftkit", "--jobs", "2", "--count", str(count)],
    }
    slow = min(count, 200)
    if count <= 200:
        contenders["python-docx"] = [*me, "--run", "python-docx", "--count", str(slow)]
    if docxtpl and count <= 200:
        python, note = docxtpl_python()
        if python is None:
            print(f"docxtpl: {note}")
        else:
            template, data = docxtpl_inputs(slow, base)
            contenders["docxtpl"] = [str(python), "-c", _DOCXTPL_CHILD, str(template), str(data)]
    out: dict[str, list[float]] = {name: [] for name in contenders}
    cpu: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeat):  # contenders take turns, so a busy moment hits them alike
        for name, command in contenders.items():
            figures = one_run(command, base, name)
            out[name].append(figures["wall"] * 1000 / figures["letters"])
            cpu[name].append(figures["cpu"] * 1000 / figures["letters"])
    return {**out, **{f"{name} cpu": values for name, values in cpu.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--counts", default="200,2000", help="recipients, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per figure")
    parser.add_argument("--no-docxtpl", action="store_true", help="skip docxtpl")
    parser.add_argument("--dir", type=Path, default=ROOT / "build" / "bench",
                        help="where the letters are written (default: build/bench, on disk)")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        runs = {
            "floor": lambda: run_floor(args.count, args.into),
            "python-docx": lambda: run_python_docx(args.count, args.into),
            "draftkit": lambda: run_draftkit(args.count, args.into, args.jobs),
        }
        runs[args.run]()
        return

    base = args.dir
    base.mkdir(parents=True, exist_ok=True)
    letter = _resolved(spec(), recipients(1))[0]
    words = sum(len(p.split()) for p in letter.texts("body") + letter.texts("closing"))
    words += sum(len(f"{a.lead} {a.body}".split()) for a in letter.resolved_asks())
    print(f"letter: {words} words of text, {len(letter.asks)} asks, "
          f"{len(letter.signatories)} signatories; median of {args.repeat} fresh processes; "
          f"{os.cpu_count()} CPUs; writing into {base} ({file_system(base)})")  # fmt: skip
    for count in (int(c) for c in args.counts.split(",")):
        load = os.getloadavg()[0]
        figures = measure(count, args.repeat, base, not args.no_docxtpl)
        median = {name: statistics.median(values) for name, values in figures.items()}
        print()
        print(f"{count} letters (load average {load:.2f} before, "
              f"{os.getloadavg()[0]:.2f} after)")  # fmt: skip
        print(f"  {'contender':34} {'wall ms/letter':>15} {'CPU ms/letter':>14}   runs (wall)")
        for name in ("docxtpl", "python-docx", "floor", "draftkit", "draftkit-jobs2"):
            if name not in median:
                continue
            runs = ", ".join(f"{v:.2f}" for v in figures[name])
            letters = min(count, 200) if name in ("docxtpl", "python-docx") else count
            print(f"  {name + f' ({letters})':34} {median[name]:15.2f} "
                  f"{median[name + ' cpu']:14.2f}   {runs}")  # fmt: skip
        floor, one, two = median["floor"], median["draftkit"], median["draftkit-jobs2"]
        print(f"  draftkit / floor:      {one / floor:5.2f}x wall (goal <= 2.5x)")
        print(f"  --jobs 2 speed-up:     {one / two:5.2f}x wall (goal >= 1.7x)")
        if "docxtpl" in median:
            print(f"  docxtpl / draftkit:    {median['docxtpl'] / one:5.1f}x wall (goal >= 8x)")
        if "python-docx" in median:
            print(f"  python-docx / draftkit:{median['python-docx'] / one:5.1f}x wall")


if __name__ == "__main__":
    main()
