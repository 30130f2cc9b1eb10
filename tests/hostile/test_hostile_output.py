"""Writing output when the world is hostile: no permission, a full disk, a reader that goes
away, and output paths that are really inputs.

Sources: the usual CLI failure modes (``BrokenPipeError`` tracebacks under ``| head``,
python/cpython#55179 and the Python docs' SIGPIPE note; click exiting 1 silently on
EPIPE), ``/dev/full`` for ENOSPC, and the classic ``cmd in -o in`` clobber that ``sort -o``
and ``cp`` guard against. Every case: one line or silence as specified, the right exit
code, no traceback, and no input changed.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.builders import SPEC, docx
from tests.hostile.harness import assert_bounded, assert_refused, run


@pytest.fixture
def spec(case: Path) -> Path:
    path = case / "letter.yaml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_an_unwritable_folder_is_one_line(case: Path, spec: Path) -> None:
    # /sys refuses new files even to root (a chmod 555 folder would not stop root)
    result = run(["render", "letter.yaml", "-o", "/sys/letter.docx"], case)
    assert_refused(result, names="/sys/letter.docx", says="cannot create a file in /sys")


def test_a_missing_output_folder_is_one_line(case: Path, spec: Path) -> None:
    result = run(["render", "letter.yaml", "-o", "nowhere/letter.docx"], case)
    assert_refused(result, names="nowhere/letter.docx", says="folder does not exist")


def test_a_full_disk_on_stdout_is_one_line(case: Path, spec: Path) -> None:
    fd = os.open("/dev/full", os.O_WRONLY)
    try:
        result = run(["render", "letter.yaml", "-o", "-"], case, stdout_fd=fd)
    finally:
        os.close(fd)
    assert_refused(result, names=[], says="cannot write the output (no space left on device)")


@pytest.mark.parametrize(
    "args",
    [
        ["render", "letter.yaml", "-o", "-"],
        ["render", "letter.yaml", "-o", "-", "--format", "docx"],
        ["schema"],
        ["--help"],
        ["address", "--list"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_closed_pipe_ends_quietly_with_141(args: list[str], case: Path, spec: Path) -> None:
    read, write = os.pipe()
    os.close(read)
    try:
        result = run(args, case, stdout_fd=write)
    finally:
        os.close(write)
    assert_bounded(result)
    assert result.code == 141, result.describe()
    assert result.stderr == "", result.describe()


def test_force_never_overwrites_the_spec(case: Path, spec: Path) -> None:
    result = run(["render", "letter.yaml", "-o", "letter.yaml", "--format", "txt", "-f"], case)
    assert_refused(result, names="letter.yaml", says="the output is the spec being rendered")


def test_force_never_overwrites_the_reference(case: Path, spec: Path) -> None:
    (case / "house.docx").write_bytes(docx())
    args = ["render", "letter.yaml", "-o", "house.docx", "--reference", "house.docx", "-f"]
    assert_refused(run(args, case), names="house.docx", says="the --reference document")


def test_force_never_overwrites_a_hard_link_to_the_spec(case: Path, spec: Path) -> None:
    os.link(spec, case / "copy.txt")
    result = run(["render", "letter.yaml", "-o", "copy.txt", "-f"], case)
    assert_refused(result, names="copy.txt", says="the output is the spec being rendered")


def test_an_output_that_is_a_symlink_is_refused(case: Path, spec: Path) -> None:
    (case / "out.docx").symlink_to(spec)
    result = run(["render", "letter.yaml", "-o", "out.docx", "-f"], case)
    assert_refused(result, names="out.docx", says="the output is the spec being rendered")


def test_annotate_never_overwrites_the_document(case: Path) -> None:
    (case / "letter.docx").write_bytes(docx())
    args = ["check", "letter.docx", "--annotate", "letter.docx", "-f"]
    assert_refused(run(args, case), names="letter.docx", says="the document being annotated")


def test_ingest_never_overwrites_its_input(case: Path) -> None:
    (case / "old.yaml").write_text(
        "Dear Minister,\n\nWe ask you to act.\n\nSincerely,\n\nJo Doe\n", encoding="utf-8"
    )
    result = run(["ingest", "old.yaml", "-o", "old.yaml", "--force"], case)
    assert_refused(result, names="old.yaml", says="the document being read")


def test_merge_never_overwrites_its_recipient_list(case: Path) -> None:
    text = SPEC.replace("addressees:\n  - name: Jane Roe\n    office: us-secretary-of-state\n", "")
    (case / "letter.yaml").write_text(text, encoding="utf-8")
    (case / "out").mkdir()
    (case / "out" / "manifest.csv").write_text("name,office\nSen. A,us-senator\n", "utf-8")
    args = ["merge", "letter.yaml", "--recipients", "out/manifest.csv", "-o", "out", "--force"]
    assert_refused(run(args, case), names="manifest.csv", says="the recipient list")


def test_signatories_import_never_overwrites_its_input(case: Path) -> None:
    (case / "list.csv").write_text("name,organization\nAna Ruiz,CCR\n", encoding="utf-8")
    args = ["signatories", "import", "list.csv", "-o", "list.csv", "-f"]
    assert_refused(run(args, case), names="list.csv", says="the export being imported")


def test_a_failed_render_leaves_an_existing_output_alone(case: Path) -> None:
    (case / "letter.yaml").write_text(SPEC.replace("Raise", "Ra\x07ise"), encoding="utf-8")
    (case / "letter.docx").write_bytes(b"the previous version")
    result = run(["render", "letter.yaml", "-o", "letter.docx", "--force"], case)
    assert_refused(result, names="letter.yaml", says="U+0007")
    assert (case / "letter.docx").read_bytes() == b"the previous version"


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["render", "/dev/zero", "-o", "out.docx"], "/dev/zero"),
        (["render", "letter.yaml", "-o", "out.docx", "--reference", "/dev/zero"], "/dev/zero"),
        (["ingest", "/dev/zero"], "/dev/zero"),
        (["check", "letter.docx", "--spec", "/dev/zero"], "/dev/zero"),
        (["merge", "letter.yaml", "--recipients", "zero.csv", "-o", "out"], "zero.csv"),
        (["signatories", "import", "zero.csv"], "zero.csv"),
        (["clauses", "add", "/dev/zero", "--library", "library"], "/dev/zero"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_an_endless_input_is_read_only_up_to_its_limit(
    args: list[str], names: str, case: Path, spec: Path
) -> None:
    """A device or FIFO reports size 0 and never ends: reads stop at the cap."""
    (case / "letter.docx").write_bytes(docx())
    (case / "library").mkdir()
    (case / "zero.csv").symlink_to("/dev/zero")  # a list that never ends
    result = run(args, case)
    # ingest looks before it reads: a device is refused without reading a byte
    says = "pipe or device, not a file" if args[0] == "ingest" else "bytes"
    assert_refused(result, names=names, says=[says])
