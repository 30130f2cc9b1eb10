"""Every .docx draftkit writes is valid OOXML: rendered, merged, combined and annotated.

Each part is validated against the ISO/IEC 29500 Transitional schemas in
``../shared/ooxml-xsd`` after the Markup Compatibility step (see tests/ooxml.py), and the
references between parts (styles, relationship ids, targets, content types) are
checked. The validator itself is tested on documents broken on purpose.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from draftkit.build import prepare_letter
from draftkit.check import annotate_docx, check_letter
from draftkit.cli import main
from draftkit.merge import mail_merge
from draftkit.recipients import load_recipients
from draftkit.render import render_docx, render_docx_many
from tests.conftest import EXAMPLES, example_specs
from tests.ooxml import assert_valid_docx, need_schemas, validate_docx

SPECS = example_specs()
HOUSE = EXAMPLES / "house-style.docx"


@pytest.fixture(autouse=True)
def _schemas() -> None:
    need_schemas()


def _rewrite(data: bytes, name: str, change: dict[bytes, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            content = old.read(info.filename)
            if info.filename == name:
                for before, after in change.items():
                    assert before in content, before
                    content = content.replace(before, after)
            new.writestr(info, content)
    return out.getvalue()


def test_the_validator_finds_what_is_wrong() -> None:
    letter = prepare_letter(SPECS[0])[0]
    good = render_docx(letter)
    assert validate_docx(good) == []
    # the zoom element Word and python-docx's template write without w:percent
    zoom = _rewrite(good, "word/settings.xml", {b'w:percent="100"': b""})
    assert any("percent" in str(p) for p in validate_docx(zoom))
    # an element the schema does not allow
    document = _rewrite(good, "word/document.xml", {b"<w:keepNext/>": b"<w:keepNextt/>"})
    assert any(p.part == "word/document.xml" for p in validate_docx(document))
    # a style the document uses but does not define (the check --annotate defect)
    undefined = _rewrite(
        good, "word/document.xml", {b'w:val="LetterDate"': b'w:val="CommentText"'}
    )
    assert [str(p) for p in validate_docx(undefined)] == [
        "word/document.xml:0: pStyle 'CommentText' is not defined"
    ]
    # an extension the part declares ignorable (w14) is dropped first, as readers do...
    w14 = b'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
    assert b"mc:Ignorable=\"w14" in zipfile.ZipFile(io.BytesIO(good)).read("word/document.xml")
    extension = _rewrite(
        good, "word/document.xml", {b"<w:body>": b"<w:body><w:p " + w14 + b' w14:paraId="1A"/>'}
    )
    assert validate_docx(extension) == []
    # ... one it does not declare ignorable is a defect
    unknown = _rewrite(
        good,
        "word/document.xml",
        {b"<w:body>": b'<w:body><w:p xmlns:x="urn:example:x" x:paraId="1A"/>'},
    )
    assert any("paraId" in str(p) for p in validate_docx(unknown))


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
@pytest.mark.parametrize("reference", [None, HOUSE], ids=["bundled", "house-style"])
def test_rendered_examples_are_valid(spec: Path, reference: Path | None) -> None:
    letter = prepare_letter(spec)[0]
    assert_valid_docx(render_docx(letter, reference=reference), spec.name)


def test_a_plain_word_document_as_reference_gives_valid_letters(tmp_path: Path) -> None:
    """python-docx's own template: no draftkit styles, no footer, no titlePg, bad zoom."""
    reference = tmp_path / "plain.docx"
    docx.Document().save(str(reference))
    assert validate_docx(reference) != []  # the template itself is not valid
    letter = prepare_letter(EXAMPLES / "experts-re-line.yaml")[0]
    assert_valid_docx(render_docx(letter, reference=reference), "letter on a plain reference")


def test_combined_documents_are_valid() -> None:
    letters = [prepare_letter(spec)[0] for spec in SPECS]
    assert_valid_docx(render_docx_many(letters), "combined document")
    assert_valid_docx(render_docx_many(letters, reference=HOUSE), "combined, house style")


def test_merged_letters_and_the_combined_file_are_valid(tmp_path: Path) -> None:
    people = load_recipients(EXAMPLES / "recipients" / "senators.csv")
    result = mail_merge(EXAMPLES / "merge-committee.yaml", people, tmp_path, combined=True)
    assert result.rendered == len(people) > 0
    files = [tmp_path / row.file for row in result.rows if row.file]
    assert result.combined is not None
    for path in [*files, Path(result.combined)]:
        assert_valid_docx(path, path.name)


def test_annotated_documents_are_valid(tmp_path: Path) -> None:
    letter = prepare_letter(EXAMPLES / "secretary-of-state.yaml")[0]
    source = letter.model_copy(update={"body": [*letter.body, "We will  follow up."]})
    report = check_letter(source)
    assert report.findings
    out = tmp_path / "annotated.docx"
    annotate_docx(render_docx(source), report.findings, out)
    assert_valid_docx(out, "annotated letter")
    document = docx.Document(str(out))
    names = {style.name for style in document.styles}
    assert {"annotation text", "annotation reference"} <= names


def test_the_cli_writes_valid_documents(tmp_path: Path) -> None:
    runner = CliRunner()
    spec = EXAMPLES / "experts-re-line.yaml"
    letter = tmp_path / "letter.docx"
    result = runner.invoke(main, ["render", str(spec), "-o", str(letter)])
    assert result.exit_code == 0, result.output
    assert_valid_docx(letter, "draftkit render")
    annotated = tmp_path / "annotated.docx"
    result = runner.invoke(main, ["check", str(spec), "--annotate", str(annotated)])
    assert annotated.exists(), result.output
    assert_valid_docx(annotated, "draftkit check --annotate")
