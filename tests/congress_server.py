"""A loopback HTTP server serving a copy of the congress data (``recipients update`` tests).

The tests never touch the network: the server listens on 127.0.0.1 on a free port, in a
thread of the test process, and serves a copy of ``../shared/data/congress-legislators``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; ``/moved/NAME`` redirects to ``server.redirect`` + NAME; a path
    under ``/slow/`` answers after ``server.delay`` seconds, one under ``/trickle/`` sends
    70,000 bytes each ``server.delay`` seconds, and one under ``/short/`` promises more
    bytes than it sends."""

    def do_GET(self) -> None:
        server: CongressServer = self.server  # type: ignore[assignment]
        server.requests.append(self.path)
        if self.path.startswith("/moved/"):
            self.send_response(302)
            self.send_header("Location", server.redirect + self.path.removeprefix("/moved/"))
            self.end_headers()
            return
        if self.path.startswith(("/short/", "/trickle/")):
            kind, _, name = self.path.strip("/").partition("/")
            data = (Path(self.directory) / name).read_bytes()
            self.send_response(200)
            self.send_header("Content-Length", str(len(data) + (1000 if kind == "short" else 0)))
            self.end_headers()
            if kind == "short":  # promises more than it sends, then hangs up
                self.wfile.write(data[:100])
                self.close_connection = True
                return
            for start in range(0, len(data), 70_000):  # a piece at a time, slowly
                self.wfile.write(data[start : start + 70_000])
                self.wfile.flush()
                time.sleep(server.delay)
            return
        if self.path.startswith("/slow/"):
            time.sleep(server.delay)
            self.path = self.path.removeprefix("/slow")
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        pass


class CongressServer(http.server.ThreadingHTTPServer):
    requests: list[str]
    redirect: str = ""
    delay: float = 0.0
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up mid-reply (the tests that stop a download) is expected."""


@contextlib.contextmanager
def serve_folder(root: Path) -> Iterator[tuple[str, CongressServer]]:
    """Serve ``root`` over HTTP on 127.0.0.1 until the block ends: (base URL, server)."""
    handler = functools.partial(_Handler, directory=str(root))
    server = CongressServer(("127.0.0.1", 0), handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", server
    finally:
        server.shutdown()
        server.server_close()
