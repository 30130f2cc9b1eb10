"""``-`` for standard input and output: render, check, ingest, merge, new, signatories."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from draftkit.cli import main
from tests.helpers import paragraphs

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "secretary-of-state.yaml"


def run(args: list[str], stdin: str | bytes | None = None) -> tuple[int, str, str]:
    # each command on its own: through the group, CliRunner sees a ctx.exit(1) as 0
    command = main.get_command(click.Context(main), args[0])
    assert command is not None
    result = CliRunner().invoke(command, args[1:], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_render_reads_a_yaml_spec_from_stdin_as_from_the_file(tmp_path: Path) -> None:
    code, from_stdin, err = run(["render", "-", "-o", "-"], SPEC.read_text("utf-8"))
    assert code == 0, err
    code, from_file, _ = run(["render", str(SPEC), "-o", "-"])
    assert from_stdin == from_file and "Dear Secretary Vance:" in from_stdin
    # to a .docx: the same letter, and the provenance hash of the bytes that came in
    code, _, err = run(["render", "-", "-o", "letter.docx"], SPEC.read_bytes())
    assert code == 0 and "wrote letter.docx" in err
    texts = [text for _, text in paragraphs((tmp_path / "letter.docx").read_bytes())]
    assert "Dear Secretary Vance:" in texts


def test_render_reads_a_json_spec_from_stdin() -> None:
    data = yaml.safe_load(SPEC.read_text("utf-8"))
    text = json.dumps(data, default=str, indent=2)
    code, out, err = run(["render", "-", "-o", "-", "--format", "md"], text)
    assert code == 0, err
    assert "Dear Secretary Vance:" in out
    # a YAML flow mapping starts like JSON and is still read
    flow = "{date: 2026-03-16, addressees: [{name: Ana Sousa}], salutation: 'Dear Ms. Sousa:',"
    flow += " body: [We write.], signatories: [{name: Bo Reyes}]}"
    code, out, err = run(["render", "-", "-o", "-"], flow)
    assert code == 0, err
    assert "Dear Ms. Sousa:" in out and "We write." in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date: 2026-02-30\n", "draftkit: error: <stdin>:1: date: '2026-02-30' is not a real"),
        ('{"date": "2026-01-02",\n "date": "2026-01-03"}', "draftkit: error: <stdin>:"),
        ("key: [unclosed\n", "draftkit: error: <stdin>:"),
        (b"date: 2026-01-02\nbody: [caf\xe9]\n", "draftkit: error: <stdin>:2: not UTF-8 text"),
        ("", "draftkit: error: <stdin>"),
        # an alias bomb is refused before it expands, as in a file
        (
            "a: &a [x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{c}: &{c} [{', '.join(['*' + p] * 8)}]\n"
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            ),
            "draftkit: error: <stdin>:6: aliases expand the file to more than 100,000 values",
        ),
    ],
)
def test_a_bad_spec_on_stdin_is_one_line_naming_stdin(text: str | bytes, expected: str) -> None:
    code, _, err = run(["render", "-", "-o", "letter.docx"], text)
    assert code == 1 and err.startswith(expected), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not Path("letter.docx").exists()


def test_a_spec_on_stdin_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("draftkit.files.MAX_SPEC_BYTES", 1000)
    code, _, err = run(["render", "-", "-o", "-"], "body: [" + "x" * 2000 + "]\n")
    assert code == 1 and "<stdin>: the spec on standard input is over 1,000 bytes" in err


def test_render_explain_and_render_read_stdin_once() -> None:
    code, out, err = run(["render", "-", "--explain", "-o", "-"], SPEC.read_text("utf-8"))
    assert code == 0, err
    assert "Dear Secretary Vance:" in out  # the spec was read again from what came in


def test_check_reads_a_spec_from_stdin() -> None:
    code, out, err = run(["check", "-", "--format", "json"], SPEC.read_text("utf-8"))
    report = json.loads(out)
    assert code == 0, err
    assert report["source"] == "<stdin>" and report["kind"] == "spec"
    broken = SPEC.read_text("utf-8").replace("On behalf of", "On behalf of [NAME] and", 1)
    assert "[NAME]" in broken
    code, out, _ = run(["check", "-"], broken)
    assert code == 1 and out.startswith("<stdin>:") and "placeholder" in out
    code, _, err = run(["check", "-"], "date: 2026-13-01\n")
    assert code == 1 and "<stdin>:1: date:" in err


def test_ingest_reads_a_letter_from_stdin(tmp_path: Path) -> None:
    letter = (
        "March 3, 2026\n\nThe Honorable Ana Sousa\nUnited States Senate\nWashington, DC 20510"
        "\n\nDear Senator Sousa:\n\nWe write to ask for a hearing on the detention of"
        " journalists in the region before the end of the session.\n\nSincerely,\n\n"
        "Bo Reyes\nDirector, Lake Region Rights Coalition\n"
    )
    code, out, err = run(["ingest", "-"], letter)
    assert code == 0, err
    spec = yaml.safe_load(out)
    assert spec["addressees"][0]["name"] == "Ana Sousa" and str(spec["date"]) == "2026-03-03"
    assert err.startswith("<stdin>: letter")
    code, _, err = run(["ingest", "-", "-o", "specs"], letter)
    assert code == 0 and (tmp_path / "specs" / "stdin.yaml").is_file()
    code, _, err = run(["ingest", "-", "-"], letter)
    assert code == 2 and "can be read once" in err
    code, _, err = run(["ingest", "-"], "")
    assert code == 1 and "<stdin>: empty file" in err


def test_merge_reads_the_spec_from_stdin(
    tmp_path: Path, congress_dir: Path, examples_dir: Path
) -> None:
    spec = (examples_dir / "merge-committee.yaml").read_text("utf-8")
    args = ["merge", "-", "-r", str(congress_dir), "--committee", "SSFR", "-o", "out"]
    code, _, err = run([*args, "--format", "txt"], spec)
    assert code == 0, err
    letters = sorted((tmp_path / "out").glob("*.txt"))
    assert len(letters) > 10 and "Dear Senator" in letters[0].read_text("utf-8")
    code, _, err = run(["merge", "-", "-r", "-", "-o", "out2"], spec)
    assert code == 2 and "standard input (-) can be read once" in err


def test_new_and_signatories_import_write_to_stdout_with_dash(tmp_path: Path) -> None:
    code, out, _ = run(["new", "--audience", "us-congress", "-o", "-"])
    assert code == 0 and "audience: us-congress" in out and not (tmp_path / "-").exists()
    export = "name,organization\nAna Sousa,Lake Region Rights Coalition\n"
    code, out, err = run(["signatories", "import", "-", "-o", "-"], export)
    assert code == 0, err
    assert "Ana Sousa" in out and not (tmp_path / "-").exists()
