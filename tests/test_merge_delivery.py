"""Letters out: merge to PDF (one LibreOffice run) and to e-mail, then `draftkit send`."""

from __future__ import annotations

import csv
import io
import subprocess
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner

import draftkit.render.pdf as pdf_module
from draftkit.cli import main
from draftkit.delivery import MailSettings
from draftkit.merge import convert as convert_module
from draftkit.merge import mail_merge
from draftkit.render.pdf import find_soffice
from tests.conftest import EXAMPLES
from tests.smtp_server import ServerState, SmtpTestServer

SPEC = EXAMPLES / "merge-committee.yaml"
FROM = "Lake Region Rights Coalition <letters@lakeregion.example>"

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")


def _list(folder: Path) -> Path:
    path = folder / "list.csv"
    path.write_text(
        "Name,Office,Gender,State,Committee,E-mail\n"
        "Alma R. Whitfield,us-senator,F,Oregon,Senate Committee on Foreign Relations,"
        "alma.whitfield@senate.example\n"
        "Tomás Ibarra-Lind,us-senator,M,New Mexico,Senate Committee on Foreign Relations,\n"
        "Jordan K. Pryce,us-senator,,Maine,Senate Committee on Foreign Relations,"
        "pryce@senate.example\n",
        encoding="utf-8",
    )
    return path


def _manifest(folder: Path) -> list[dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _message(path: Path) -> EmailMessage:
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    assert isinstance(message, EmailMessage)
    return message


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def count_soffice(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every LibreOffice process started (the real ones run)."""
    started: list[list[str]] = []
    real = subprocess.Popen

    def popen(command: list[str], **kwargs: Any) -> Any:
        started.append(command)
        return real(command, **kwargs)

    monkeypatch.setattr(pdf_module.subprocess, "Popen", popen)
    return started


@needs_soffice
def test_merge_to_pdf_converts_every_letter_with_one_libreoffice_process(
    tmp_path: Path, count_soffice: list[list[str]]
) -> None:
    out = tmp_path / "out"
    result = mail_merge(SPEC, _list(tmp_path), out, fmt="pdf", combined=True)
    assert len(count_soffice) == 1
    assert result.rendered == 3 and result.errors == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "001-senator-alma-r-whitfield.pdf", "002-senator-tomas-ibarra-lind.pdf",
        "003-senator-jordan-k-pryce.pdf", "combined.pdf", "manifest.csv",
    ]  # fmt: skip  (no staging folder left behind)
    text = _pdf_text((out / "002-senator-tomas-ibarra-lind.pdf").read_bytes())
    assert "Dear Senator Ibarra-Lind:" in text and "New Mexico" in text
    combined = _pdf_text((out / "combined.pdf").read_bytes())
    assert all(name in combined for name in ("Whitfield", "Ibarra-Lind", "Pryce"))
    assert [row["status"] for row in _manifest(out)] == ["rendered"] * 3

    # a second run leaves the PDFs alone; --force makes them again
    again = mail_merge(SPEC, _list(tmp_path), out, fmt="pdf")
    assert again.skipped == 3 and len(count_soffice) == 1
    forced = mail_merge(SPEC, _list(tmp_path), out, fmt="pdf", force=True)
    assert forced.rendered == 3 and len(count_soffice) == 2


@needs_soffice
def test_a_letter_libreoffice_cannot_convert_is_a_failed_row_not_a_lost_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = convert_module.convert_batch

    def damaged(sources: list[Path], outdir: Path, **kwargs: Any) -> Any:
        sources[1].write_bytes(b"PK\x03\x04 not a document")
        return real(sources, outdir, **kwargs)

    monkeypatch.setattr(convert_module, "convert_batch", damaged)
    out = tmp_path / "out"
    result = mail_merge(SPEC, _list(tmp_path), out, fmt="pdf")
    assert [row.status for row in result.rows] == ["rendered", "error", "rendered"]
    assert "not converted to PDF" in result.rows[1].message
    assert sorted(p.name for p in out.iterdir()) == [
        "001-senator-alma-r-whitfield.pdf", "003-senator-jordan-k-pryce.pdf", "manifest.csv",
    ]  # fmt: skip
    assert _manifest(out)[1]["status"] == "error"


def test_merge_to_eml_writes_one_message_per_recipient(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = mail_merge(
        SPEC, _list(tmp_path), out, fmt="eml",
        mail=MailSettings(sender=FROM, reply_to="replies@lakeregion.example"),
    )  # fmt: skip
    assert result.rendered == 3
    message = _message(out / "001-senator-alma-r-whitfield.eml")
    [to] = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("Alma R. Whitfield", "alma.whitfield@senate.example")
    assert message["From"] == FROM
    assert message["Reply-To"] == "replies@lakeregion.example"
    assert message["Subject"] == "Oversight of security assistance to Arkadia"
    assert message["Date"] and message["Message-ID"].strip().startswith("<draftkit.")
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Dear Senator Whitfield:" in text and "Oregon" in text
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "001-senator-alma-r-whitfield.docx"
    document = docx.Document(io.BytesIO(attachment.get_content()))
    assert any(p.text == "Dear Senator Whitfield:" for p in document.paragraphs)

    # the row without an address: written, listed, not sendable
    assert [row.recipient for row in result.unaddressed] == ["Tomás Ibarra-Lind"]
    assert _message(out / "002-senator-tomas-ibarra-lind.eml")["To"] is None
    rows = _manifest(out)
    assert [row["email"] for row in rows] == [
        "alma.whitfield@senate.example", "", "pryce@senate.example",
    ]  # fmt: skip
    assert "no e-mail address" in rows[1]["message"]

    # made again with --force, the same letters keep their Message-IDs (the send log knows them)
    first = {p.name: _message(p)["Message-ID"] for p in out.glob("*.eml")}
    mail_merge(SPEC, _list(tmp_path), out, fmt="eml", force=True, mail=MailSettings(sender=FROM))
    assert {p.name: _message(p)["Message-ID"] for p in out.glob("*.eml")} == first


@needs_soffice
def test_eml_with_the_pdf_attached(tmp_path: Path, count_soffice: list[list[str]]) -> None:
    out = tmp_path / "out"
    mail_merge(SPEC, _list(tmp_path), out, fmt="eml",
               mail=MailSettings(sender=FROM, attach_pdf=True))  # fmt: skip
    assert len(count_soffice) == 1
    message = _message(out / "003-senator-jordan-k-pryce.eml")
    kinds = [(a.get_filename(), a.get_content_type()) for a in message.iter_attachments()]
    assert kinds == [
        ("003-senator-jordan-k-pryce.docx",
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("003-senator-jordan-k-pryce.pdf", "application/pdf"),
    ]  # fmt: skip
    pdf = next(a for a in message.iter_attachments() if a.get_content_type() == "application/pdf")
    assert "Dear Senator Pryce:" in _pdf_text(pdf.get_content())


def test_congress_recipients_get_their_contact_form_in_the_manifest(
    tmp_path: Path, congress_dir: Path
) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main,
        ["merge", str(SPEC), "-r", str(congress_dir), "--committee", "SSFR", "-o", str(out),
         "--format", "eml", "--from", FROM],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = _manifest(out)
    assert len(rows) > 10 and all(row["status"] == "rendered" for row in rows)
    forms = [row["contact_form"] for row in rows]
    assert sum(form.startswith("https://") for form in forms) >= len(rows) - 2
    assert "have no e-mail address and will not be sent" in result.output
    message = _message(out / rows[0]["file"])
    assert message["To"] is None and message["Subject"]


def test_eml_needs_a_from_address_and_a_subject(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["merge", str(SPEC), "-r", str(_list(tmp_path)), "-o", str(tmp_path / "a"),
               "--format", "eml"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "needs a From address" in result.output and "--from" in result.output
    assert not (tmp_path / "a").exists()

    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    spec["sender"]["email"] = "Sender <from-spec@lakeregion.example>"
    del spec["subject"]
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    result = runner.invoke(
        main, ["merge", str(path), "-r", str(_list(tmp_path)), "-o", str(tmp_path / "b"),
               "--format", "eml"],
    )  # fmt: skip
    assert result.exit_code == 1 and "needs a subject" in result.output
    assert not (tmp_path / "b").exists()

    spec["subject"] = "Oversight"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    result = runner.invoke(
        main, ["merge", str(path), "-r", str(_list(tmp_path)), "-o", str(tmp_path / "c"),
               "--format", "eml", "-q"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _message(tmp_path / "c" / "001-senator-alma-r-whitfield.eml")["From"] == (
        "Sender <from-spec@lakeregion.example>"
    )


def test_a_bad_address_in_the_list_is_a_failed_row(tmp_path: Path) -> None:
    path = _list(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "pryce@senate.example", '"pryce@x.example\nBcc: a@b.example"'
        ),
        encoding="utf-8",
    )
    result = mail_merge(SPEC, path, tmp_path / "out", fmt="eml", mail=MailSettings(sender=FROM))
    assert [row.status for row in result.rows][:2] == ["rendered", "rendered"]
    assert result.rows[2].status == "error"
    assert not (tmp_path / "out" / "003-senator-jordan-k-pryce.eml").exists()


def test_merge_then_send_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    made = runner.invoke(
        main, ["merge", str(SPEC), "-r", str(_list(tmp_path)), "-o", str(out), "--format", "eml",
               "--from", FROM, "-q"],
    )  # fmt: skip
    assert made.exit_code == 0, made.output

    dry = runner.invoke(main, ["send", str(out)])
    assert dry.exit_code == 0, dry.output
    assert (
        "would send\t001-senator-alma-r-whitfield.eml\talma.whitfield@senate.example" in dry.output
    )
    assert "cannot send\t002-senator-tomas-ibarra-lind.eml" in dry.output
    assert "2 would be sent, 0 already sent" in dry.output and "nothing was sent" in dry.output

    with SmtpTestServer(ServerState(user="letters", password="pw")) as server:
        monkeypatch.setenv("DRAFTKIT_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("DRAFTKIT_SMTP_PORT", str(server.port))
        monkeypatch.setenv("DRAFTKIT_SMTP_SECURITY", "none")
        monkeypatch.setenv("DRAFTKIT_SMTP_USER", "letters")
        monkeypatch.setenv("DRAFTKIT_SMTP_PASSWORD", "pw")
        sent = runner.invoke(main, ["send", str(out), "--send", "--rate", "6000"])
        assert sent.exit_code == 0, sent.output
        assert "2 sent, 0 already sent" in sent.output
        again = runner.invoke(main, ["send", str(out), "--send", "--rate", "6000"])
        assert "0 sent, 2 already sent" in again.output
    assert [r.recipients for r in server.received] == [
        ["alma.whitfield@senate.example"], ["pryce@senate.example"],
    ]  # fmt: skip
    assert "Dear Senator Pryce:" in _message_text(server.received[1].data)


def _message_text(data: bytes) -> str:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def test_send_without_a_server_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HOST", "PORT", "USER", "PASSWORD", "SECURITY"):
        monkeypatch.delenv(f"DRAFTKIT_SMTP_{name}", raising=False)
    (tmp_path / "a.eml").write_bytes(
        b"From: a@b.example\r\nTo: c@d.example\r\nMessage-ID: <x@b.example>\r\n\r\nhi\r\n"
    )
    result = CliRunner().invoke(main, ["send", str(tmp_path), "--send"])
    assert result.exit_code == 1
    assert "draftkit: error: no mail server given" in result.output
    assert "Traceback" not in result.output


def test_send_on_a_folder_without_messages_says_how_to_make_them(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["send", str(tmp_path)])
    assert result.exit_code == 1
    assert "holds no .eml messages" in result.output and "--format eml" in result.output
