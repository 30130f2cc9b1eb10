"""draftkit.delivery: messages built and read back, and sent to an SMTP server on loopback."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from draftkit.cli import main
from draftkit.delivery import (
    SENT_LOG,
    Attachment,
    MailSettings,
    SmtpSettings,
    build_message,
    check_address,
    message_id_for,
    read_outbox,
    send_outbox,
    smtp_settings,
)
from draftkit.errors import DeliveryError
from tests.smtp_server import ServerState, SmtpTestServer, self_signed, server_context

SETTINGS = MailSettings(
    sender="Harbour Watch <letters@harbour.example>", reply_to="desk@harbour.example"
)


def _write(
    folder: Path, name: str, to: str | None, text: str = "Dear Minister,\n\nPlease act.\n"
) -> Path:
    sender = check_address(SETTINGS.sender, "from")
    message = build_message(
        settings=SETTINGS,
        to=check_address(to, "to") if to else None,
        subject="Release of detained  journalists\n",
        text=text,
        attachments=[Attachment(f"{name}.docx", b"PK\x03\x04 docx bytes", "docx")],
        message_id=message_id_for(sender, name, to or "", text),
    )
    path = folder / f"{name}.eml"
    path.write_bytes(message.as_bytes())
    return path


def _parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    _write(folder, "001-minister-ana-souza", "Ana Souza <ana.souza@ministry.example>")
    _write(folder, "002-minister-li-wei", "li.wei@ministry.example")
    _write(folder, "003-no-address", None)
    return folder


@pytest.fixture
def server() -> Iterator[SmtpTestServer]:
    with SmtpTestServer(ServerState(user="letters", password="s3cret pass")) as running:
        yield running


def _settings(server: SmtpTestServer, **extra: object) -> SmtpSettings:
    values: dict[str, object] = {
        "host": "127.0.0.1", "port": server.port, "security": "none",
        "user": "letters", "password": "s3cret pass",
    }  # fmt: skip
    values.update(extra)
    return SmtpSettings(**values)  # type: ignore[arg-type]


def test_a_message_reads_back_with_every_header_the_body_and_the_attachment(outbox: Path) -> None:
    message = _parse((outbox / "001-minister-ana-souza.eml").read_bytes())
    assert message["From"] == "Harbour Watch <letters@harbour.example>"
    assert message["To"] == "Ana Souza <ana.souza@ministry.example>"
    assert message["Reply-To"] == "desk@harbour.example"
    assert message["Subject"] == "Release of detained journalists"
    assert message["Date"] and message["Message-ID"].strip().startswith("<draftkit.")
    assert message["Message-ID"].endswith("@harbour.example>")
    body = message.get_body(("plain",))
    assert body is not None
    assert body.get_content().replace("\r\n", "\n") == "Dear Minister,\n\nPlease act.\n"
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "001-minister-ana-souza.docx"
    assert attachment.get_content() == b"PK\x03\x04 docx bytes"


@pytest.mark.parametrize(
    "text",
    ["a@b.example, c@d.example", "a@b.example; c@d.example", "no address", "x@y\nBcc: z@q.example",
     "ana@ministry", ""],
)
def test_anything_but_one_address_is_refused(text: str) -> None:
    with pytest.raises(DeliveryError):
        check_address(text, "the e-mail address")


def test_the_same_letter_to_the_same_person_keeps_its_message_id() -> None:
    sender = check_address("a@b.example", "from")
    assert message_id_for(sender, "1", "x@y.example", "text") == message_id_for(
        sender, "1", "x@y.example", "text"
    )
    assert message_id_for(sender, "1", "x@y.example", "text") != message_id_for(
        sender, "1", "x@y.example", "other text"
    )


def test_the_dry_run_lists_what_would_go_and_what_cannot(outbox: Path) -> None:
    items = read_outbox(outbox)
    assert [(i.path.name, i.state) for i in items] == [
        ("001-minister-ana-souza.eml", "ready"),
        ("002-minister-li-wei.eml", "ready"),
        ("003-no-address.eml", "unsendable"),
    ]
    assert items[0].to == ["ana.souza@ministry.example"]
    assert "no recipient" in items[2].reason
    assert not (outbox / SENT_LOG).exists()


def test_send_delivers_logs_and_a_rerun_sends_nothing_twice(
    outbox: Path, server: SmtpTestServer
) -> None:
    report = send_outbox(outbox, _settings(server), rate=6000)
    assert [item.path.name for item in report.sent] == [
        "001-minister-ana-souza.eml", "002-minister-li-wei.eml",
    ]  # fmt: skip
    assert [item.path.name for item in report.unsendable] == ["003-no-address.eml"]
    got = server.received
    assert [r.recipients for r in got] == [
        ["ana.souza@ministry.example"], ["li.wei@ministry.example"],
    ]  # fmt: skip
    assert {r.sender for r in got} == {"letters@harbour.example"}
    assert {r.user for r in got} == {"letters"}
    sent = _parse(got[0].data)
    original = _parse((outbox / "001-minister-ana-souza.eml").read_bytes())
    assert sent["Message-ID"] == original["Message-ID"]
    assert [a.get_filename() for a in sent.iter_attachments()] == ["001-minister-ana-souza.docx"]
    with (outbox / SENT_LOG).open(encoding="utf-8") as handle:
        log = list(csv.DictReader(handle))
    assert [row["file"] for row in log] == ["001-minister-ana-souza.eml", "002-minister-li-wei.eml"]
    assert log[0]["message_id"] == original["Message-ID"]
    assert log[0]["recipient"] == "ana.souza@ministry.example" and log[0]["time"]

    again = send_outbox(outbox, _settings(server), rate=6000)
    assert again.sent == [] and len(again.already) == 2
    assert len(server.received) == 2


def test_a_run_cut_short_is_continued_by_running_again(outbox: Path) -> None:
    _write(outbox, "004-minister-oda", "oda@ministry.example")
    with SmtpTestServer(ServerState(drop_after=2)) as gone:
        settings = SmtpSettings(host="127.0.0.1", port=gone.port, security="none", timeout=5)
        with pytest.raises(DeliveryError, match=r"went away.*1 sent and logged"):
            send_outbox(outbox, settings, rate=6000)
    assert len(read_outbox(outbox)) == 4
    assert [i.state for i in read_outbox(outbox)].count("sent") == 1
    with SmtpTestServer() as back:
        settings = SmtpSettings(host="127.0.0.1", port=back.port, security="none")
        report = send_outbox(outbox, settings, rate=6000)
    # the second message reached the first server but was never confirmed: it goes again
    assert [item.path.name for item in report.sent] == [
        "002-minister-li-wei.eml", "004-minister-oda.eml",
    ]  # fmt: skip


def test_a_refused_recipient_is_reported_and_the_others_are_sent(tmp_path: Path) -> None:
    _write(tmp_path, "001-a", "reject.me@ministry.example")
    _write(tmp_path, "002-b", "b@ministry.example")
    with SmtpTestServer() as server:
        settings = SmtpSettings(host="127.0.0.1", port=server.port, security="none")
        report = send_outbox(tmp_path, settings, rate=6000)
    assert [item.path.name for item in report.sent] == ["002-b.eml"]
    assert "550" in report.refused[tmp_path / "001-a.eml"]
    assert read_outbox(tmp_path)[0].state == "ready"  # not logged: it may be sent again


def test_the_rate_spaces_the_messages(outbox: Path, server: SmtpTestServer) -> None:
    now = [100.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(round(seconds, 6))
        now[0] += seconds

    send_outbox(outbox, _settings(server), rate=30, sleep=sleep, clock=lambda: now[0])
    assert waits == [2.0]  # two messages, 30 a minute: the second two seconds after the first


def test_limit_sends_only_so_many(outbox: Path, server: SmtpTestServer) -> None:
    report = send_outbox(outbox, _settings(server), rate=6000, limit=1)
    assert len(report.sent) == 1 and len(server.received) == 1


def test_a_wrong_password_is_one_clear_error(outbox: Path, server: SmtpTestServer) -> None:
    with pytest.raises(DeliveryError, match="refused the login of letters"):
        send_outbox(outbox, _settings(server, password="wrong"), rate=6000)
    assert server.received == [] and not (outbox / SENT_LOG).exists()


def test_a_login_to_a_relay_that_offers_none_says_so(outbox: Path) -> None:
    # a local relay without AUTH (aiosmtpd's default) and DRAFTKIT_SMTP_USER left set:
    # smtplib's "SMTP AUTH extension not supported" came out as "cannot reach the server"
    with SmtpTestServer() as relay:
        settings = SmtpSettings(host="127.0.0.1", port=relay.port, security="none",
                                user="letters", password="x")  # fmt: skip
        with pytest.raises(DeliveryError, match=r"does not offer a login \(no AUTH\)") as caught:
            send_outbox(outbox, settings, rate=6000)
        assert "cannot reach" not in str(caught.value) and relay.received == []


def test_no_password_is_sent_unencrypted_to_another_machine(outbox: Path) -> None:
    settings = SmtpSettings(host="smtp.example.invalid", port=25, security="none",
                            user="letters", password="x")  # fmt: skip
    with pytest.raises(DeliveryError, match="unencrypted"):
        send_outbox(outbox, settings)


def test_a_server_without_starttls_is_refused_in_starttls_mode(
    outbox: Path, server: SmtpTestServer
) -> None:
    with pytest.raises(DeliveryError, match="does not offer STARTTLS"):
        send_outbox(outbox, _settings(server, security="starttls"))


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    made = self_signed(tmp_path_factory.mktemp("tls"))
    if made is None:
        pytest.skip("openssl is not installed")
    return made


@pytest.mark.parametrize("mode", ["starttls", "ssl"])
def test_tls_starttls_and_ssl_with_a_private_ca(
    mode: str, outbox: Path, certificate: tuple[Path, Path]
) -> None:
    cert, key = certificate
    context = server_context(cert, key)
    state = ServerState(user="letters", password="pw")
    if mode == "ssl":
        state.implicit_tls = context
    else:
        state.starttls = context
    with SmtpTestServer(state) as server:
        settings = SmtpSettings(host="127.0.0.1", port=server.port, security=mode,  # type: ignore[arg-type]
                                user="letters", password="pw", cafile=cert)  # fmt: skip
        report = send_outbox(outbox, settings, rate=6000)
        untrusted = SmtpSettings(host="127.0.0.1", port=server.port, security=mode,  # type: ignore[arg-type]
                                 user="letters", password="pw")  # fmt: skip
        (outbox / SENT_LOG).unlink()
        with pytest.raises(DeliveryError, match=r"TLS with 127\.0\.0\.1"):
            send_outbox(outbox, untrusted, rate=6000)
    assert len(report.sent) == 2
    assert all(r.tls for r in server.received) and len(server.received) == 2


def test_settings_come_from_the_environment() -> None:
    env = {"DRAFTKIT_SMTP_HOST": "smtp.example.org", "DRAFTKIT_SMTP_USER": "letters",
           "DRAFTKIT_SMTP_PASSWORD": "pw", "DRAFTKIT_SMTP_SECURITY": "ssl"}  # fmt: skip
    settings = smtp_settings(env=env)
    assert (settings.host, settings.port, settings.security, settings.user, settings.password) == (
        "smtp.example.org", 465, "ssl", "letters", "pw",
    )  # fmt: skip
    assert "pw" not in repr(settings)
    assert smtp_settings(host="other.example", port=2525, env=env).port == 2525
    with pytest.raises(DeliveryError, match="no mail server"):
        smtp_settings(env={})
    with pytest.raises(DeliveryError, match="not a port number"):
        smtp_settings(env={"DRAFTKIT_SMTP_HOST": "h", "DRAFTKIT_SMTP_PORT": "x"})


def test_a_damaged_log_stops_before_anything_is_sent(outbox: Path, server: SmtpTestServer) -> None:
    (outbox / SENT_LOG).write_text("when,who\n1,2\n", encoding="utf-8")
    with pytest.raises(DeliveryError, match="no message_id column"):
        send_outbox(outbox, _settings(server))
    assert server.received == []


def test_the_log_names_the_server_and_a_rehearsal_is_pointed_out(
    outbox: Path, server: SmtpTestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a rehearsal against a local relay (issue #18's acceptance run), then the "real"
    # server: the log's server column shows why nothing went the second time
    with SmtpTestServer() as rehearsal:
        send_outbox(outbox, SmtpSettings(host="127.0.0.1", port=rehearsal.port,
                                         security="none"), rate=6000)  # fmt: skip
        where = f"127.0.0.1:{rehearsal.port}"
    with (outbox / SENT_LOG).open(encoding="utf-8") as handle:
        assert {row["server"] for row in csv.DictReader(handle)} == {where}
    assert read_outbox(outbox)[0].reason.endswith(f"via {where}")
    for name in ("HOST", "PORT", "SECURITY", "USER", "PASSWORD"):
        monkeypatch.delenv(f"DRAFTKIT_SMTP_{name}", raising=False)
    monkeypatch.setenv("DRAFTKIT_SMTP_PASSWORD", "s3cret pass")
    result = CliRunner().invoke(main, [
        "send", str(outbox), "--send", "--host", "127.0.0.1", "--port", str(server.port),
        "--security", "none", "--user", "letters", "--rate", "6000",
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"2 message(s) were not sent now because {SENT_LOG} records them as sent through" in (
        result.output
    )
    assert f"{where}, not 127.0.0.1:{server.port}" in result.output and server.received == []


def test_a_log_from_before_the_server_column_keeps_its_columns(
    outbox: Path, server: SmtpTestServer
) -> None:
    first = read_outbox(outbox)[0]
    (outbox / SENT_LOG).write_text(
        f"time,message_id,recipient,file\n2026-10-05T14:02:11+00:00,{first.message_id},"
        f"ana.souza@ministry.example,{first.path.name}\n",
        encoding="utf-8",
    )
    report = send_outbox(outbox, _settings(server), rate=6000)
    assert [i.path.name for i in report.sent] == ["002-minister-li-wei.eml"]
    lines = (outbox / SENT_LOG).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "time,message_id,recipient,file" and len(lines) == 3
    assert lines[2].count(",") == 3 and lines[2].endswith("002-minister-li-wei.eml")
    assert read_outbox(outbox)[0].reason == "sent 2026-10-05T14:02:11+00:00"
