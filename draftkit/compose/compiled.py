"""A cache of compiled template variants in the user cache folder (start-up time).

Jinja parses a template, generates Python source from it and compiles that on every
start of the command line: ~20 ms of a one-letter render for the built-in variants. This
cache keeps the compiled code (Jinja's bytecode cache format) in
``<user cache>/draftkit/templates``, one file per template, so a later start loads it
instead of compiling again.

A cached entry is used only for the same template text (Jinja checks a checksum of the
source), the same template file, the same Jinja and Python versions (Jinja checks its
magic header) and the same sandbox: the key includes a hash of the module that generates
the sandbox's code (:mod:`draftkit.compose.sandbox`), so changing the code generator never
meets old code. The code is the sandbox's compiled code: every attribute access and call
still goes through the sandbox at run time. The cache is only a speed-up: an entry that
cannot be read or written is compiled again, and deleting the folder loses nothing.
"""

from __future__ import annotations

import functools
import hashlib
import io
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from draftkit.compose import sandbox
from draftkit.config import default_cache_dir
from draftkit.errors import DraftkitError
from draftkit.outputs import write_bytes_atomic

__all__ = ["CompiledTemplateCache"]

_MAX_ENTRY_BYTES = 4 * 1024 * 1024
"""A cached entry larger than this is ignored (a template is at most 256 KB of text)."""


@functools.cache
def _code_fingerprint() -> str:
    """A hash of what turns a template into code: Jinja's version and the sandbox module."""
    digest = hashlib.sha256(f"jinja2 {jinja2.__version__}\n".encode())
    try:
        digest.update(Path(sandbox.__file__).read_bytes())
    except OSError:  # no source file (a frozen install): never reuse an entry
        return ""
    return digest.hexdigest()


class CompiledTemplateCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in the user cache folder, keyed by file and sandbox code.

    Args:
        folder: Where the entries live; defaults to ``<user cache>/draftkit/templates``.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else default_cache_dir() / "templates"

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """The entry's name: a hash of the sandbox code, the template name and file."""
        text = f"{_code_fingerprint()}\n{name}\n{filename or ''}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from its entry, if there is one that fits (Jinja checks it)."""
        if not _code_fingerprint():
            return
        try:
            with self._path(bucket).open("rb") as handle:
                data = handle.read(_MAX_ENTRY_BYTES + 1)
        except OSError:
            return
        if len(data) <= _MAX_ENTRY_BYTES:
            bucket.load_bytecode(io.BytesIO(data))

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the bucket's compiled code (a folder that cannot be written is skipped)."""
        if not _code_fingerprint():
            return
        out = io.BytesIO()
        bucket.write_bytecode(out)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(self._path(bucket), out.getvalue(), force=True)
        except (OSError, DraftkitError):
            pass  # a cache that cannot be written only costs the next start its speed

    def clear(self) -> None:
        """Remove every entry."""
        for path in self.folder.glob("*.jinja") if self.folder.is_dir() else ():
            path.unlink(missing_ok=True)
