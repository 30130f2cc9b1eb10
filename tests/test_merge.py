"""Mail merge: real congress data, per-recipient text, robustness, reruns, parallel runs."""

from __future__ import annotations

import concurrent.futures
import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

import draftkit.merge.outputs as outputs_module
import draftkit.merge.workers as workers_module
from draftkit.errors import DraftkitError, TemplateError
from draftkit.files import load_letter
from draftkit.merge import (
    MANIFEST_NAME,
    MergeRow,
    dry_run_merge,
    mail_merge,
    merge_letters,
    output_names,
    safe_file_stem,
)
from draftkit.recipients import Recipient, load_recipients, recipient_from_mapping
from draftkit.schema import Letter
from tests.helpers import W, paragraphs


@pytest.fixture(scope="module")
def spec_path(examples_dir: Path) -> Path:
    return examples_dir / "merge-committee.yaml"


@pytest.fixture(scope="module")
def members(congress_dir: Path) -> dict[str, Any]:
    """bioguide -> raw legislator entry, read without draftkit."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((congress_dir / "legislators-current.yaml").read_text("utf-8"), Loader=loader)
    return {m["id"]["bioguide"]: m for m in data}


def manifest(outdir: Path) -> list[dict[str, str]]:
    with (outdir / MANIFEST_NAME).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def styled(path: Path, style: str) -> list[str]:
    return [text for name, text in paragraphs(path.read_bytes()) if name == style]


LEFT_OUT: Any = object()
"""Passed to :func:`simple_spec` for a field the spec leaves out (the variant fills it)."""


def simple_spec(**extra: Any) -> Letter:
    data: dict[str, Any] = {
        "audience": "us-congress",
        "date": "2026-10-05",
        "sender": {"organization": "Test Coalition", "coalition": True},
        "subject": "A test",
        "body": ["First paragraph for {{ recipient.name }}.", "A fixed paragraph."],
        "asks": [{"lead": "Do one thing.", "body": "Explained here."}],
        "closing": ["Thank you."],
        "signatories": [{"name": "Test Coalition", "kind": "organization"}],
    }
    data.update(extra)
    data = {key: value for key, value in data.items() if value is not LEFT_OUT}
    return Letter.model_validate(data)


def person(name: str, **fields: Any) -> Recipient:
    return recipient_from_mapping({"name": name, "office": "us-senator", **fields})


# --------------------------------------------------------------------------- real data


def test_ssfr_senators_get_their_salutation_and_dc_office(
    tmp_path: Path, congress_dir: Path, spec_path: Path, members: dict[str, Any]
) -> None:
    people = load_recipients(congress_dir, committees=["SSFR"])
    result = mail_merge(spec_path, people, tmp_path)
    assert result.errors == 0 and result.rendered == len(people) > 0
    assert result.mode == "grouped"
    rows = manifest(tmp_path)
    assert [row["key"] for row in rows] == [p.key for p in people]
    for row in rows:
        raw = members[row["key"]]
        term = raw["terms"][-1]
        path = tmp_path / row["file"]
        assert row["status"] == "rendered" and path.is_file()
        assert styled(path, "Letter Salutation") == [f"Dear Senator {raw['name']['last']}:"]
        (address,) = styled(path, "Inside Address")
        lines = address.split("\n")
        full = re.sub(r' "[^"]+"', "", raw["name"]["official_full"])  # no quoted nickname
        assert lines[0] == f"The Honorable {full}"
        assert lines[1].startswith("United States Senator for ")
        assert term["office"] in lines
        assert lines[-1].startswith("Washington, DC 2051")
        body = " ".join(styled(path, "Body Text"))
        assert "Senate Committee on Foreign Relations" in body
        if raw["terms"][-1]["state"] in ("ID", "NH", "DE", "CT"):
            assert lines[1].endswith(
                {"ID": "Idaho", "NH": "New Hampshire", "DE": "Delaware",
                 "CT": "Connecticut"}[term["state"]]
            )  # fmt: skip
    chair = [r for r in rows if members[r["key"]]["id"]["bioguide"] == people[0].key]
    title = people[0].variables["committee_title"]
    if title:
        text = " ".join(styled(tmp_path / chair[0]["file"], "Body Text"))
        assert f"As {title}, you set the terms" in text


def test_house_committee_members_are_greeted_as_representatives(
    tmp_path: Path, congress_dir: Path, spec_path: Path, members: dict[str, Any]
) -> None:
    people = load_recipients(congress_dir, committees=["HSFA"])[:12]
    result = mail_merge(spec_path, people, tmp_path, fmt="txt")
    assert result.errors == 0
    for row in manifest(tmp_path):
        raw = members[row["key"]]
        text = (tmp_path / row["file"]).read_text(encoding="utf-8")
        assert f"Dear Representative {raw['name']['last']}:" in text
        assert "United States House of Representatives" in text
        assert row["file"].endswith(".txt") and "-representative-" in row["file"]


def test_grouped_compose_equals_composing_each_letter(
    congress_dir: Path, spec_path: Path
) -> None:
    people = load_recipients(congress_dir, committees=["SSFR"])
    grouped = [m.letter for m in merge_letters(spec_path, people)]
    one_by_one = [m.letter for m in merge_letters(spec_path, people, grouped=False)]
    assert all(letter is not None for letter in grouped)
    assert grouped == one_by_one


# --------------------------------------------------------------------------- per-recipient text


def test_recipient_names_in_spec_text_and_blank_paragraphs_dropped(tmp_path: Path) -> None:
    spec = simple_spec(
        body=[
            "Dear friends in {{ recipient.state }} ({{ state }}, {{ variables.state }}).",
            "{{ recipient.personal_line }}",
            "Written to {{ recipient.name }} ({{ recipient.surname }}), #{{ recipient.index }}.",
        ],
        subject="For {{ recipient.honorific }} {{ recipient.name }}",
        variables={"state": "nowhere"},
    )
    people = [
        person("Ana Sousa", state="Ohio", personal_line="Thank you, Ana."),
        person("Bo Reyes", state="Utah", personal_line=""),
    ]
    first, second = (m.letter for m in merge_letters(spec, people))
    assert first is not None and second is not None
    assert first.body == [
        "Dear friends in Ohio (Ohio, Ohio).",
        "Thank you, Ana.",
        "Written to Ana Sousa (Sousa), #1.",
    ]
    assert second.body == ["Dear friends in Utah (Utah, Utah).", "Written to Bo Reyes (Reyes), #2."]
    assert first.subject == "For The Honorable Ana Sousa"
    assert first.salutation == "Dear Senator Sousa:"
    assert first.variables["state"] == "Ohio"


def test_clause_and_variant_see_recipient_variables(tmp_path: Path) -> None:
    spec = simple_spec(body=LEFT_OUT, variables={"purpose": "ask for your help"})
    people = [person("Ana Sousa", committee="Committee A"), person("Bo Reyes", committee="B Panel")]
    first, second = (m.letter for m in merge_letters(spec, people))
    assert first is not None and second is not None
    assert "authority of the Committee A." in " ".join(first.texts("body"))
    assert "authority of the B Panel." in " ".join(second.texts("body"))


def test_per_recipient_variant_falls_back_to_composing_each_letter(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "personal.j2").write_text(
        '{% extends "base.j2" %}\n{% block closing %}Goodbye, {{ recipient.name }}.'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    spec = simple_spec(audience="personal", closing=LEFT_OUT)
    out = tmp_path / "out"
    result = mail_merge(spec, [person("Ana Sousa"), person("Bo Reyes")], out, fmt="txt",
                   template_dirs=[templates])
    assert result.mode == "per-recipient" and result.rendered == 2
    assert any("composed on its own" in w for w in result.warnings)
    texts = [(out / row.file).read_text("utf-8") for row in result.rows if row.file]
    assert "Goodbye, Ana Sousa." in texts[0] and "Goodbye, Bo Reyes." in texts[1]


def test_recipient_salutation_and_no_office_recipients(tmp_path: Path, examples_dir: Path) -> None:
    people = load_recipients(examples_dir / "recipients" / "mixed.yaml")
    letters = [m.letter for m in merge_letters(examples_dir / "merge-committee.yaml", people)]
    assert [letter.salutation for letter in letters if letter] == [
        "Dear Representative Ortiz:",
        "Dear Representative Achterberg:",
        "Dear Chair Carver:",
    ]
    carver = letters[2]
    assert carver is not None
    assert carver.addressees[0].address_lines == ["Room 12", "Parliament House", "Port Selby"]
    ortiz = letters[0]
    assert ortiz is not None
    assert ortiz.addressees[0].title_lines == ["Representative for the 3rd District of Arizona"]


# --------------------------------------------------------------------------- robustness


def test_bad_rows_are_reported_and_skipped(tmp_path: Path, spec_path: Path) -> None:
    source = tmp_path / "list.csv"
    source.write_text(
        "name,office,state,committee\n"
        "Ana Sousa,us-senator,Ohio,Committee A\n"
        ",us-senator,Utah,Committee A\n"
        "Cy Nobody,us-senatr,Utah,Committee A\n"
        "Dee Park,us-senator,Iowa,Committee A\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = mail_merge(spec_path, source, out)
    assert [r.status for r in result.rows] == ["rendered", "error", "error", "rendered"]
    rows = manifest(out)
    assert rows[1]["file"] == "" and "no name" in rows[1]["message"]
    assert f"{source}:3" in rows[1]["message"]
    assert "us-senatr" in rows[2]["message"] and rows[2]["status"] == "error"
    assert sorted(p.name for p in out.iterdir()) == [
        "001-senator-ana-sousa.docx",
        "004-senator-dee-park.docx",
        MANIFEST_NAME,
    ]


def test_a_template_failing_for_one_row_skips_only_that_row(tmp_path: Path) -> None:
    spec = simple_spec(body=["Hello {{ recipient.nickname }}."])
    people = [person("Ana Sousa", nickname="Ana"), person("Bo Reyes")]
    results = list(merge_letters(spec, people))
    assert results[0].letter is not None and results[0].letter.body == ["Hello Ana."]
    error = results[1].error
    assert isinstance(error, TemplateError)
    assert "nickname" in str(error) and error.where == "body[0]"
    assert "recipient list" in (error.hint or "")


def test_an_empty_cell_inside_a_sentence_skips_that_row(tmp_path: Path) -> None:
    spec = simple_spec(
        body=[
            "Families in {{ recipient.state }} have asked us to write.",
            "{{ recipient.personal_line }}",
            "{% if recipient.note %}Note: {{ recipient.note }}{% endif %}",
            "Staff: {{ recipient.staffer|default('the office') }}.",
        ]
    )
    rows = [
        {"name": "Ana Sousa", "office": "us-senator", "state": "Ohio", "personal_line": "",
         "note": "", "staffer": ""},
        {"name": "Bo Reyes", "office": "us-senator", "state": " ", "personal_line": "Hi.",
         "note": "Met in May.", "staffer": "Kim"},
    ]
    people = [recipient_from_mapping(row, source="list.csv") for row in rows]
    first, second = list(merge_letters(spec, people))
    assert first.letter is not None
    assert first.letter.body == [
        "Families in Ohio have asked us to write.",
        "Staff: the office.",
    ]
    error = second.error
    assert isinstance(error, TemplateError) and error.where == "body[0]"
    assert "the recipient's 'state' is empty" in str(error)
    assert "fill in that cell" in (error.hint or "")


def test_an_empty_cell_in_a_team_variant_is_named(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "local.j2").write_text(
        '{% extends "base.j2" %}\n{% block closing %}We thank the people of {{ state }}.'
        "{% endblock %}\n",
        encoding="utf-8",
    )
    spec = simple_spec(audience="local", closing=LEFT_OUT)
    people = [person("Ana Sousa", state="Ohio"), person("Bo Reyes", state="")]
    out = tmp_path / "out"
    result = mail_merge(spec, people, out, fmt="txt", template_dirs=[templates])
    assert [r.status for r in result.rows] == ["rendered", "error"]
    assert "'state' is empty" in result.rows[1].message
    assert "We thank the people of Ohio." in (out / result.rows[0].file).read_text("utf-8")


def test_rerun_skips_and_force_replaces(tmp_path: Path) -> None:
    spec = simple_spec()
    people = [person("Ana Sousa"), person("Bo Reyes")]
    first = mail_merge(spec, people, tmp_path)
    assert first.rendered == 2
    target = tmp_path / "001-senator-ana-sousa.docx"
    target.write_bytes(b"edited by hand")
    (tmp_path / "002-senator-bo-reyes.docx").unlink()
    second = mail_merge(spec, people, tmp_path)
    assert [(r.status, r.file) for r in second.rows] == [
        ("skipped", "001-senator-ana-sousa.docx"),
        ("rendered", "002-senator-bo-reyes.docx"),
    ]
    assert target.read_bytes() == b"edited by hand"
    assert manifest(tmp_path)[0]["status"] == "skipped"
    assert "--force" in manifest(tmp_path)[0]["message"]
    third = mail_merge(spec, people, tmp_path, force=True)
    assert [r.status for r in third.rows] == ["rendered", "rendered"]
    assert target.read_bytes().startswith(b"PK")


def test_interrupted_run_leaves_no_partial_files(tmp_path: Path) -> None:
    people = [person(f"Person Number{i}") for i in range(6)]
    seen: list[MergeRow] = []

    def stop_after_two(row: MergeRow) -> None:
        seen.append(row)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        mail_merge(simple_spec(), people, tmp_path, progress=stop_after_two)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert not [n for n in names if n.endswith(".part") or n.startswith(".")]
    assert names == ["001-senator-person-number0.docx", "002-senator-person-number1.docx",
                     MANIFEST_NAME]  # fmt: skip
    for name in names[:2]:
        docx.Document(str(tmp_path / name))  # complete, readable files
    assert [row["status"] for row in manifest(tmp_path)] == ["rendered", "rendered"]
    resumed = mail_merge(simple_spec(), people, tmp_path)
    assert [r.status for r in resumed.rows] == ["skipped"] * 2 + ["rendered"] * 4


def test_file_names_are_safe_unique_and_readable(tmp_path: Path) -> None:
    hostile = [
        "../../etc/passwd",
        "C:\\Windows\\system32",
        "José Núñez-Ødegård",
        "🎉🎉",
        "Ana Sousa",
        "Ana Sousa",
        "ANA SOUSA",
        "con",
        "." * 300,
        "a" * 300,
    ]
    people = [person(name) for name in hostile]
    names = output_names(people)
    assert names[0] == "001-senator-etc-passwd.docx"
    assert names[2] == "003-senator-jose-nunez-odegard.docx"
    assert names[3] == "004-senator.docx"
    assert len(set(names)) == len(names)
    for name in names:
        assert "/" not in name and "\\" not in name and ".." not in name
        assert name.isascii() and len(name) <= 80 and name == name.lower()
    result = mail_merge(simple_spec(body=["For {{ recipient.name }}."]), people, tmp_path, fmt="md")
    written = sorted(p.name for p in tmp_path.iterdir() if p.name != MANIFEST_NAME)
    assert written == sorted(n.replace(".docx", ".md") for n in names)
    assert all(p.parent == tmp_path for p in tmp_path.rglob("*"))
    assert result.rendered == len(hostile)
    assert safe_file_stem("") == "recipient" and safe_file_stem("Straße") == "strasse"


def test_output_names_deduplicate_without_numbers() -> None:
    names = output_names([person("Ana Sousa"), person("Ana Sousa")])
    assert names == ["001-senator-ana-sousa.docx", "002-senator-ana-sousa.docx"]
    many = output_names([person(f"P {i}") for i in range(1200)])
    assert many[0].startswith("0001-") and many[-1].startswith("1200-")


# --------------------------------------------------------------------------- combined, formats


def test_combined_document_has_every_letter_with_page_breaks_and_restarted_numbering(
    tmp_path: Path,
) -> None:
    spec = simple_spec(asks=[{"lead": "One."}, {"lead": "Two.", "items": ["x", "y"]}])
    people = [person("Ana Sousa"), person("Bo Reyes"), person("Cy Diaz")]
    result = mail_merge(spec, people, tmp_path, combined=True)
    assert result.combined == tmp_path / "combined.docx"
    data = result.combined.read_bytes()
    got = paragraphs(data)
    singles = [paragraphs((tmp_path / r.file).read_bytes()) for r in result.rows if r.file]
    blank = ("Normal", "")
    assert [p for p in got if p != blank] == [p for single in singles for p in single
                                              if p != blank]  # fmt: skip
    assert [t for s, t in got if s == "Letter Salutation"] == [
        "Dear Senator Sousa:", "Dear Senator Reyes:", "Dear Senator Diaz:"
    ]  # fmt: skip
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    # each letter after the first starts on a new page: a page break, or a section
    # break (a paragraph's sectPr, next page unless said otherwise)
    page_breaks = body.findall(f".//{W}br[@{W}type='page']")
    section_breaks = [
        s for s in body.findall(f".//{W}pPr/{W}sectPr")
        if s.find(f"{W}type") is None or s.find(f"{W}type").get(f"{W}val") != "continuous"
    ]  # fmt: skip
    assert len(page_breaks) + len(section_breaks) == 2
    num_ids = [
        p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
        for p in document.element.body.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is not None
        and p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "Ask"
    ]
    assert len(num_ids) == 6 and len(set(num_ids)) == 3
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        numbering = archive.read("word/numbering.xml").decode()
    assert numbering.count("<w:startOverride") >= 3


def test_combined_text_and_markdown(tmp_path: Path) -> None:
    people = [person("Ana Sousa"), person("Bo Reyes")]
    mail_merge(simple_spec(), people, tmp_path / "md", fmt="md", combined=True)
    mail_merge(simple_spec(), people, tmp_path / "txt", fmt="txt", combined=True)
    markdown = (tmp_path / "md" / "combined.md").read_text("utf-8")
    text = (tmp_path / "txt" / "combined.txt").read_text("utf-8")
    assert markdown.index("Dear Senator Sousa:") < markdown.index("\n---\n") < markdown.index(
        "Dear Senator Reyes:"
    )
    assert text.count("\f") == 1 and "Dear Senator Reyes:" in text.split("\f")[1]


def test_docx_records_recipient_and_spec_provenance(tmp_path: Path, spec_path: Path) -> None:
    result = mail_merge(spec_path, [person("Ana Sousa", key="A1")], tmp_path)
    with zipfile.ZipFile(tmp_path / (result.rows[0].file or "")) as archive:
        custom = archive.read("docProps/custom.xml").decode()
    assert "draftkit.recipient" in custom and "Ana Sousa" in custom and "A1" in custom
    assert "draftkit.spec_sha256" in custom


# --------------------------------------------------------------------------- executors


def test_any_executor_can_render(tmp_path: Path) -> None:
    people = [person(f"Person Number{i}", state="Ohio") for i in range(9)]
    spec = simple_spec()
    serial = mail_merge(spec, people, tmp_path / "serial", fmt="txt")
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        threaded = mail_merge(spec, people, tmp_path / "threads", fmt="txt", executor=pool,
                         chunk_size=2)  # fmt: skip
    assert [r.status for r in threaded.rows] == ["rendered"] * 9
    for row in serial.rows:
        assert (tmp_path / "threads" / (row.file or "")).read_bytes() == (
            tmp_path / "serial" / (row.file or "")
        ).read_bytes()


@pytest.mark.parametrize("forked", [True, False], ids=["fork", "spawn"])
def test_jobs_use_processes_and_give_the_same_documents(
    tmp_path: Path, spec_path: Path, forked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not forked:  # the start method where fork is not available (macOS, Windows)
        monkeypatch.setattr(workers_module, "_start_method", lambda: "spawn")
    people = [person(f"Person Number{i}", state="Ohio", committee="Committee A")
              for i in range(10)]  # fmt: skip
    serial = mail_merge(spec_path, people, tmp_path / "one")
    parallel = mail_merge(spec_path, people, tmp_path / "two", jobs=2, combined=True)
    assert parallel.rendered == 10 and parallel.combined is not None
    for row in serial.rows:
        assert (tmp_path / "two" / (row.file or "")).read_bytes() == (
            tmp_path / "one" / (row.file or "")
        ).read_bytes()


def _in_workers(monkeypatch: pytest.MonkeyPatch, act: Callable[[], None]) -> None:
    """Make every worker process (not this one) call ``act`` before each letter."""
    parent = os.getpid()
    original = outputs_module.Writer.run

    def run(self: Any, task: Any) -> Any:
        if os.getpid() != parent:
            act()
        return original(self, task)

    monkeypatch.setattr(outputs_module.Writer, "run", run)


@pytest.mark.skipif(workers_module._start_method() != "fork", reason="needs fork (Linux)")
def test_workers_share_the_work_and_report_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = [person(f"Person Number{i}", state="Ohio") for i in range(24)]
    people.append(person("", state="Ohio"))  # a bad row, reported by whoever renders it
    spec = simple_spec()
    serial = mail_merge(spec, people, tmp_path / "one", fmt="txt")
    pids = tmp_path / "pids"
    pids.mkdir()
    _in_workers(monkeypatch, lambda: (pids / str(os.getpid())).touch())
    seen: list[int] = []
    parallel = mail_merge(spec, people, tmp_path / "three", fmt="txt", jobs=3, chunk_size=1,
                          progress=lambda row: seen.append(row.index))  # fmt: skip
    assert sorted(seen) == list(range(1, 26))
    assert len(list(pids.iterdir())) >= 2  # more than one process wrote letters
    assert [(r.status, r.file) for r in parallel.rows] == [(r.status, r.file) for r in serial.rows]
    for row in serial.rows:
        if row.file:
            assert (tmp_path / "three" / row.file).read_bytes() == (
                tmp_path / "one" / row.file
            ).read_bytes()
    assert not list((tmp_path / "three").glob("*.part"))


@pytest.mark.skipif(workers_module._start_method() != "fork", reason="needs fork (Linux)")
def test_a_failing_or_dying_worker_is_an_error_not_a_hang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = [person(f"Person Number{i}", state="Ohio") for i in range(12)]

    def boom() -> None:
        raise RuntimeError("disk on fire")

    _in_workers(monkeypatch, boom)
    with pytest.raises(DraftkitError, match="a merge worker failed: RuntimeError: disk on fire"):
        mail_merge(simple_spec(), people, tmp_path / "a", fmt="txt", jobs=2, chunk_size=1)
    monkeypatch.undo()
    _in_workers(monkeypatch, lambda: os._exit(3))
    with pytest.raises(DraftkitError, match="a merge worker process ended unexpectedly"):
        mail_merge(simple_spec(), people, tmp_path / "b", fmt="txt", jobs=2, chunk_size=1)


def test_spec_level_errors_are_raised_not_reported(tmp_path: Path) -> None:
    with pytest.raises(DraftkitError, match="no template variant 'nope'"):
        mail_merge(simple_spec(audience="nope"), [person("Ana Sousa")], tmp_path)
    spec = load_letter(Path(__file__).parents[1] / "examples" / "merge-committee.yaml")
    assert spec.addressees == []


def test_whole_directory_inside_addresses_and_salutations(
    tmp_path: Path, congress_dir: Path, spec_path: Path, members: dict[str, Any]
) -> None:
    people = load_recipients(congress_dir)
    result = mail_merge(spec_path, people, tmp_path, fmt="txt")
    assert result.errors == 0 and result.rendered == len(members)
    rows = manifest(tmp_path)
    assert len({row["file"] for row in rows}) == len(rows)
    by_key = {p.key: p for p in people}
    greetings = {"Senator", "Representative", "Delegate", "Resident Commissioner"}
    for row in rows:
        raw, recipient = members[row["key"]], by_key[row["key"]]
        term = raw["terms"][-1]
        senate = term["type"] == "sen"
        text = (tmp_path / row["file"]).read_text(encoding="utf-8")
        block = text.split("\n\n")[1].split("\n")
        assert block[0] == f"The Honorable {recipient.name}"
        assert '"' not in block[0]
        chamber = "United States Senate" if senate else "United States House of Representatives"
        assert chamber in block
        if term.get("office"):
            assert term["office"].casefold() in [line.casefold() for line in block]
        assert block[-1].startswith("Washington, DC " + ("20510" if senate else "20515"))
        if term["state"] in ("DC", "PR", "GU", "VI", "AS", "MP"):
            seat = "Resident Commissioner" if term["state"] == "PR" else "Delegate"
            assert block[1].startswith(f"{seat} from ")
        (salutation,) = [line for line in text.split("\n") if line.startswith("Dear ")]
        courtesy = salutation.removeprefix("Dear ").removesuffix(f" {recipient.surname}:")
        assert courtesy in greetings, salutation
        assert recipient.surname in raw["name"]["last"]
        assert row["file"].isascii() and "/" not in row["file"]


# --------------------------------------------------------------------------- hostile cells


def test_recipient_cells_are_data_not_markup() -> None:
    spec = simple_spec(body=["Families in {{ recipient.state }} and {{ recipient.note|upper }}."])
    people = [person("Ana Ruiz", state="Ore*gon* [x](https://e.example)", note="${7*7} \\o/")]
    (merged,) = list(merge_letters(spec, people))
    assert merged.letter is not None
    from draftkit.markup import plain

    assert plain(merged.letter.body[0]) == (
        "Families in Ore*gon* [x](https://e.example) and ${7*7} \\O/."
    )


def test_a_cell_with_an_escape_sequence_skips_its_row_by_column() -> None:
    bad = recipient_from_mapping({"name": "Sen. A\x1b[8m", "office": "us-senator"}, source="l:2")
    assert bad.problem is not None and "'name' holds U+001B" in bad.problem
    direct = Recipient(name="B", variables={"state": "O\x00"})
    assert direct.problem == (
        "'variables.state' holds U+0000 (a control character), which cannot be written into "
        "a document"
    )


def test_merge_never_writes_over_its_own_recipient_list(tmp_path: Path) -> None:
    from draftkit.errors import OutputError

    listing = tmp_path / "manifest.csv"
    listing.write_text("name,office\nAna Ruiz,us-senator\n", encoding="utf-8")
    with pytest.raises(OutputError, match="the output is the recipient list"):
        mail_merge(simple_spec(), listing, tmp_path, force=True)
    assert listing.read_text(encoding="utf-8").startswith("name,office")


# --------------------------------------------------------------------------- regressions


def test_a_team_variant_extending_us_congress_punctuates_as_us_congress(tmp_path: Path) -> None:
    """Render, grouped merge and one-by-one merge agree on "Dear Senator Risch:".

    The audience's punctuation was resolved twice, by different rules: compose took it from
    the built-in variant the team variant extends, grouped merge from the team variant's
    own name (which has no default, so ",").
    """
    from draftkit.build import render_spec

    team = tmp_path / "team"
    team.mkdir()
    (team / "senate-team.j2").write_text('{% extends "us-congress.j2" %}\n', encoding="utf-8")
    spec = simple_spec(audience="senate-team", body=["A fixed paragraph."])
    risch = person("James E. Risch", state="Idaho")
    rendered = tmp_path / "render.yaml"
    rendered.write_text(
        yaml.safe_dump(
            {
                **spec.model_dump(mode="json", exclude_defaults=True),
                "addressees": [{"name": "James E. Risch", "office": "us-senator"}],
            }
        ),
        encoding="utf-8",
    )
    result = render_spec(rendered, tmp_path / "render.txt", template_dirs=(team,))
    assert result.letter.salutation == "Dear Senator Risch:"
    for grouped in (True, False):
        (merged,) = merge_letters(spec, [risch], template_dirs=[team], grouped=grouped)
        assert merged.letter is not None
        assert merged.letter.salutation == "Dear Senator Risch:", f"grouped={grouped}"
    out = mail_merge(spec, [risch], tmp_path / "out", fmt="txt", template_dirs=[team])
    text = (tmp_path / "out" / (out.rows[0].file or "")).read_text(encoding="utf-8")
    assert "Dear Senator Risch:\n" in text


def test_sender_name_in_spec_text_is_the_single_signers_organisation(tmp_path: Path) -> None:
    """``{{ sender_name }}`` in spec text merged as "None" (merge's copy of the context
    left out the rule that a single signer's organisation names the sender)."""
    spec = simple_spec(
        sender={},
        body=["We write on behalf of {{ sender_name }}."],
        signatories=[{"name": "Jane Doe", "organization": "Rights Watchers"}],
    )
    for grouped in (True, False):
        (merged,) = merge_letters(spec, [person("Ana Ruiz")], grouped=grouped)
        assert merged.letter is not None
        assert merged.letter.body[0] == "We write on behalf of Rights Watchers."
    result = mail_merge(spec, [person("Ana Ruiz")], tmp_path, fmt="txt")
    text = (tmp_path / (result.rows[0].file or "")).read_text(encoding="utf-8")
    assert "on behalf of Rights Watchers." in text and "None" not in text


def test_a_letter_dated_after_members_terms_end_says_so(tmp_path: Path, congress_dir: Path) -> None:
    people = load_recipients(congress_dir, committees=["SSFR"])
    ends = sorted({p.variables["term_end"] for p in people if p.variables.get("term_end")})
    assert ends, "the congress data gives each term's end"
    after = dt.date.fromisoformat(ends[0]) + dt.timedelta(days=30)
    late = mail_merge(simple_spec(date=after.isoformat()), people, tmp_path / "late", fmt="txt")
    (warning,) = [w for w in late.warnings if "term that ends before" in w]
    ended = [p for p in people if p.variables["term_end"] < after.isoformat()]
    assert warning.startswith(f"{len(ended)} recipient(s)")
    # the dry run, which a user runs first, says so too (it did not: issue #18's run)
    dry = dry_run_merge(simple_spec(date=after.isoformat()), people, tmp_path / "dry", fmt="txt")
    assert [w for w in dry.warnings if "term that ends before" in w] == [warning]
    assert not (tmp_path / "dry").exists()
    on_time = mail_merge(simple_spec(date=ends[0]), people, tmp_path / "on-time", fmt="txt")
    assert not [w for w in on_time.warnings if "term that ends before" in w]
    # a list without term dates (a CSV row) is never flagged
    row = mail_merge(
        simple_spec(date="2099-01-01"), [person("Ana Sousa")], tmp_path / "row", fmt="txt"
    )
    assert not [w for w in row.warnings if "term that ends before" in w]


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("王毅", "wang-yi"),
        ("习近平", "xi-jin-ping"),
        ("Сергей Лавров", "sergey-lavrov"),
        ("عبد الله", "bd-llh"),
        ("김정은", "gim-jeong-eun"),
        ("Ναταλία Παπαδοπούλου", "natalia-papadopoulou"),
        ("Đặng Thị Ngọc Thịnh", "dang-thi-ngoc-thinh"),
        ("हरदीप सिंह पुरी", "hrdip-simh-puri"),
        ("Lech Wałęsa", "lech-walesa"),
        ("Jim McDonald", "jim-mcdonald"),  # a Latin name is never split at its capitals
        ("Æsir Þór", "aesir-thor"),
    ],
)
def test_non_latin_names_are_transliterated(name: str, stem: str) -> None:
    assert safe_file_stem(name) == stem


def test_non_latin_recipients_get_distinct_readable_files(tmp_path: Path) -> None:
    people = [person("王毅"), person("Сергей Лавров"), person("عبد الله")]
    names = output_names(people)
    assert names == [
        "001-senator-wang-yi.docx",
        "002-senator-sergey-lavrov.docx",
        "003-senator-bd-llh.docx",
    ]
    spec = simple_spec(body=["For {{ recipient.name }}."])
    assert mail_merge(spec, people, tmp_path, fmt="txt").rendered == 3
    assert (tmp_path / "002-senator-sergey-lavrov.txt").read_text("utf-8").count("Сергей Лавров")
