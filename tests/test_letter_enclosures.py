"""Enclosures given as files: the list, the PDF appended, the e-mail attachments."""

from __future__ import annotations

import io
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pydantic import ValidationError

from draftkit.build import prepare_letter
from draftkit.delivery import MailSettings
from draftkit.errors import RenderError
from draftkit.merge import mail_merge
from draftkit.render import render_docx, render_markdown, render_pdf, render_text
from draftkit.render.enclosures import append_pdfs, enclosure_files
from draftkit.render.pdf import find_soffice
from draftkit.schema import Enclosure, Letter
from tests.helpers import paragraphs
from tests.pictures import simple_pdf

FROM = "Lake Region Rights Coalition <letters@lakeregion.example>"


def _spec(folder: Path, enclosures: str) -> Path:
    (folder / "files").mkdir(exist_ok=True)
    (folder / "files" / "summary.pdf").write_bytes(simple_pdf("Case summaries", ["One."]))
    (folder / "files" / "two.pdf").write_bytes(simple_pdf("Second", ["Two."]))
    (folder / "files" / "notes.docx").write_bytes(render_docx(_plain_letter()))
    spec = folder / "letter.yaml"
    spec.write_text(
        "addressees: [{name: Elena Marsh}]\nsalutation: 'Dear Minister,'\n"
        "body: [We write about the detentions.]\ncomplimentary_close: 'Yours,'\n"
        f"signatories: [{{name: Ana Ruiz}}]\nenclosures:\n{enclosures}",
        encoding="utf-8",
    )
    return spec


def _plain_letter() -> Letter:
    return Letter.model_validate(
        {"addressees": [{"name": "A"}], "salutation": "Dear A,", "body": ["Notes."]}
    )


FILES = (
    "  - file: files/summary.pdf\n    title: Case summaries\n"
    "  - A map of the region\n"
    "  - file: files/notes.docx\n"
    "  - file: files/two.pdf\n"
)


def test_the_list_is_written_from_the_files(tmp_path: Path) -> None:
    letter, _ = prepare_letter(_spec(tmp_path, FILES))
    assert letter.enclosure_names() == [
        "Case summaries",
        "A map of the region",
        "notes.docx",
        "two.pdf",
    ]
    got = dict(paragraphs(render_docx(letter)))
    assert got["Enclosure"] == (
        "Enclosures:\tCase summaries\nA map of the region\nnotes.docx\ntwo.pdf"
    )
    assert "Enclosures: Case summaries" in render_text(letter)
    assert "Enclosures: Case summaries" in render_markdown(letter)
    # the paths are the spec folder's, whatever the working folder
    files = letter.enclosure_files()
    assert all(Path(e.file).is_absolute() for e in files)
    assert Path(files[0].file) == tmp_path / "files" / "summary.pdf"


def test_only_pdf_and_docx_files_are_enclosed() -> None:
    with pytest.raises(ValidationError, match=r"not a \.pdf or \.docx file"):
        Enclosure(file="map.png")


def test_pdf_enclosures_are_appended_in_order(tmp_path: Path) -> None:
    letter, _ = prepare_letter(_spec(tmp_path, FILES))
    files = enclosure_files(letter)
    assert [f.kind for f in files] == ["pdf", "docx", "pdf"]
    merged = append_pdfs(simple_pdf("The letter", ["Dear Minister,"]), files)
    document = pdfium.PdfDocument(merged)
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    assert [t.split("\n")[0].strip() for t in texts] == ["The letter", "Case summaries", "Second"]


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
def test_render_pdf_ends_with_the_enclosures(tmp_path: Path) -> None:
    letter, _ = prepare_letter(_spec(tmp_path, FILES))
    document = pdfium.PdfDocument(render_pdf(letter))
    assert len(document) == 3
    first = document[0].get_textpage().get_text_range()
    assert "Dear Minister," in first and "Case summaries" in first
    assert document[1].get_textpage().get_text_range().startswith("Case summaries")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "enclosure not found"),
        (b"not a pdf", "is named .pdf but is not a PDF"),
        (b"%PDF-1.4\ngarbage", "cannot be read as a PDF"),
    ],
)
def test_a_bad_enclosure_is_one_clear_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    letter, _ = prepare_letter(_spec(tmp_path, FILES))
    path = tmp_path / "files" / "two.pdf"
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    with pytest.raises(RenderError, match=message) as caught:
        append_pdfs(simple_pdf("L", []), enclosure_files(letter))
    assert "two.pdf" in str(caught.value)


def test_cli_refuses_a_missing_enclosure_and_writes_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from draftkit.cli import main

    spec = _spec(tmp_path, "  - file: files/missing.pdf\n")
    out = tmp_path / "letter.pdf"
    result = CliRunner().invoke(main, ["render", str(spec), "-o", str(out)])
    assert result.exit_code != 0
    assert "missing.pdf" in result.output and "enclosure not found" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_merge_eml_attaches_every_enclosure_file(tmp_path: Path) -> None:
    spec = _spec(tmp_path, FILES)
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("addressees: [{name: Elena Marsh}]\n", "")
        + "subject: Detentions\n",
        encoding="utf-8",
    )
    people = tmp_path / "list.csv"
    people.write_text("Name,E-mail\nElena Marsh,elena@example.org\n", encoding="utf-8")
    out = tmp_path / "out"
    result = mail_merge(spec, people, out, fmt="eml", mail=MailSettings(sender=FROM))
    assert result.rendered == 1
    [path] = out.glob("*.eml")
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    names = [(a.get_filename(), a.get_content_type()) for a in message.iter_attachments()]
    assert names[1:] == [
        ("summary.pdf", "application/pdf"),
        ("notes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("two.pdf", "application/pdf"),
    ]
    attached = {a.get_filename(): a.get_content() for a in message.iter_attachments()}
    assert attached["summary.pdf"] == (tmp_path / "files" / "summary.pdf").read_bytes()
    assert io.BytesIO(attached["notes.docx"]).read(2) == b"PK"
