"""A small SMTP server on loopback for the sending tests (stdlib only).

It speaks enough of RFC 5321 for smtplib: EHLO/HELO, STARTTLS, AUTH PLAIN and LOGIN,
MAIL, RCPT, DATA, RSET, NOOP, QUIT; with ``implicit_tls`` it speaks TLS from the first
byte (port 465 style). Messages it accepts are kept in ``received``; a recipient whose
address starts with ``reject`` is refused with 550; ``drop_after`` closes the connection
when that many messages have been accepted (a server that goes away).
"""

from __future__ import annotations

import base64
import socketserver
import ssl
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Received:
    """One accepted message: the envelope and the bytes."""

    sender: str
    recipients: list[str]
    data: bytes
    tls: bool
    user: str | None


@dataclass
class ServerState:
    """What the server accepts and what it has seen."""

    user: str | None = None
    password: str | None = None
    starttls: ssl.SSLContext | None = None
    implicit_tls: ssl.SSLContext | None = None
    drop_after: int | None = None
    received: list[Received] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def setup(self) -> None:
        state = self.server.state
        self.tls = False
        if state.implicit_tls is not None:
            self.request = state.implicit_tls.wrap_socket(self.request, server_side=True)
            self.tls = True
        super().setup()

    def reply(self, text: str) -> None:
        self.wfile.write((text + "\r\n").encode("ascii"))
        self.wfile.flush()

    def readline(self) -> str:
        return self.rfile.readline(4096).decode("utf-8", "replace").rstrip("\r\n")

    def handle(self) -> None:
        state = self.server.state
        self.reply("220 localhost test SMTP")
        sender: str | None = None
        recipients: list[str] = []
        user: str | None = None
        while True:
            line = self.readline()
            if not line:
                return
            verb, _, arg = line.partition(" ")
            verb = verb.upper()
            if verb in ("EHLO", "HELO"):
                lines = ["localhost"]
                if state.starttls is not None and not self.tls:
                    lines.append("STARTTLS")
                if state.user is not None:
                    lines.append("AUTH PLAIN LOGIN")
                lines.append("8BITMIME")
                for i, text in enumerate(lines):
                    self.reply(f"250{'-' if i < len(lines) - 1 else ' '}{text}")
            elif verb == "STARTTLS" and state.starttls is not None and not self.tls:
                self.reply("220 go ahead")
                self.request = state.starttls.wrap_socket(self.request, server_side=True)
                self.rfile = self.request.makefile("rb")
                self.wfile = self.request.makefile("wb")
                self.tls = True
            elif verb == "AUTH":
                mech, _, initial = arg.partition(" ")
                if mech.upper() == "PLAIN":
                    if not initial:
                        self.reply("334 ")
                        initial = self.readline()
                    parts = base64.b64decode(initial).split(b"\0")
                    name, password = parts[1].decode(), parts[2].decode()
                else:
                    self.reply("334 VXNlcm5hbWU6")
                    name = base64.b64decode(self.readline()).decode()
                    self.reply("334 UGFzc3dvcmQ6")
                    password = base64.b64decode(self.readline()).decode()
                if (name, password) == (state.user, state.password):
                    user = name
                    state.logins.append(name)
                    self.reply("235 ok")
                else:
                    self.reply("535 authentication failed")
            elif verb == "MAIL":
                if state.user is not None and user is None:
                    self.reply("530 authentication required")
                    continue
                sender = arg.split(":", 1)[1].split()[0].strip("<>")
                recipients = []
                self.reply("250 ok")
            elif verb == "RCPT":
                address = arg.split(":", 1)[1].strip().strip("<>")
                if address.startswith("reject"):
                    self.reply("550 no such user here")
                else:
                    recipients.append(address)
                    self.reply("250 ok")
            elif verb == "DATA":
                if not recipients:
                    self.reply("554 no valid recipients")
                    continue
                self.reply("354 end with .")
                chunks: list[bytes] = []
                while True:
                    raw = self.rfile.readline()
                    if raw in (b".\r\n", b""):
                        break
                    chunks.append(raw[1:] if raw.startswith(b"..") else raw)
                with state.lock:
                    state.received.append(
                        Received(sender or "", recipients, b"".join(chunks), self.tls, user)
                    )
                    count = len(state.received)
                if state.drop_after is not None and count >= state.drop_after:
                    return  # goes away without a reply
                self.reply("250 queued")
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 ok")
            elif verb == "NOOP":
                self.reply("250 ok")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, state: ServerState) -> None:
        self.state = state
        super().__init__(("127.0.0.1", 0), _Handler)


class SmtpTestServer:
    """Start with ``with SmtpTestServer(state) as server:``; ``server.port`` is its port."""

    def __init__(self, state: ServerState | None = None) -> None:
        self.state = state or ServerState()
        self._server = _Server(self.state)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SmtpTestServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def received(self) -> list[Received]:
        return self.state.received


def self_signed(folder: Path) -> tuple[Path, Path] | None:
    """A certificate for 127.0.0.1 and its key, made with ``openssl`` (None without it)."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    try:
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return cert, key


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context
