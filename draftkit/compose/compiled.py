"""What draftkit keeps of a template variant between starts, in the user cache folder.

Jinja parses a template, generates Python source from it and compiles that on every
start of the command line: ~20 ms of a one-letter render for the built-in variants, and
compose parses each template once more to read its syntax tree (what it extends, its
blocks, the names it reads). So ``<user cache>/draftkit/templates`` keeps, per template,
the compiled code (Jinja's bytecode cache format, :class:`CompiledTemplateCache`) and
the facts read from its syntax tree (JSON, :func:`load_facts`), and a later start uses
them instead of parsing and compiling again. One-off template strings (clause wordings,
the spec's own ``{{ … }}`` text) keep their compiled code the same way.

A cached entry is used only for the same template text (Jinja checks a checksum of the
source), the same template file, the same Jinja and Python versions (Jinja checks its
magic header) and the same sandbox: the key includes the size and modification time of
the module that generates the sandbox's code (:mod:`draftkit.compose.sandbox`), so
changing the code generator never meets old code (the facts are keyed by a hash of the
template text, Jinja's version and the modules that read them). The code is the
sandbox's compiled code: every attribute access and call still goes through the sandbox
at run time. The cache is only a speed-up: an entry that cannot be read or written is
made again, and deleting the folder loses nothing.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from draftkit.config import default_cache_dir, source_stamp
from draftkit.errors import DraftkitError
from draftkit.outputs import write_bytes_atomic

__all__ = ["CompiledTemplateCache", "load_facts", "save_facts"]

_HERE = Path(__file__).parent

_MAX_ENTRY_BYTES = 4 * 1024 * 1024
"""A cached entry larger than this is ignored (a template is at most 256 KB of text)."""


@functools.cache
def _code_fingerprint() -> str:
    """A hash of what turns a template into code: Jinja's version and the sandbox module
    (its :func:`~draftkit.config.source_stamp`)."""
    stamp = source_stamp(_HERE / "sandbox.py")
    if stamp is None:  # no source file (a frozen install): never reuse an entry
        return ""
    return hashlib.sha256(f"jinja2 {jinja2.__version__}\n{stamp}".encode()).hexdigest()


@functools.cache
def _facts_fingerprint() -> str:
    """A hash of what reads a template's facts: the sandbox's parser and the modules that
    read and keep them (syntax tree, front matter, variants)."""
    code = _code_fingerprint()
    reader = source_stamp(*(_HERE / name for name in ("facts.py", "frontmatter.py", "variants.py")))
    if not code or reader is None:
        return ""
    return hashlib.sha256(f"{code}\n{reader}".encode()).hexdigest()


def _facts_path(source: str, folder: Path | None) -> Path | None:
    fingerprint = _facts_fingerprint()
    if not fingerprint:
        return None
    key = hashlib.sha256(f"{fingerprint}\n{source}".encode()).hexdigest()[:32]
    return (folder or default_cache_dir() / "templates") / f"{key}.facts.json"


def load_facts(source: str, *, folder: Path | None = None) -> dict[str, Any] | None:
    """The facts kept for a template with this text (None: none kept, or unreadable).

    The caller checks their shape: a damaged entry is parsed again.
    """
    path = _facts_path(source, folder)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            data = json.loads(handle.read(_MAX_ENTRY_BYTES + 1))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def save_facts(source: str, facts: dict[str, Any], *, folder: Path | None = None) -> None:
    """Keep the facts read from a template with this text (skipped when it cannot write)."""
    path = _facts_path(source, folder)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, json.dumps(facts).encode("utf-8"), force=True)
    except (OSError, DraftkitError):
        pass  # a cache that cannot be written only costs the next start its speed


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

    def compile_string(self, env: jinja2.Environment, source: str) -> jinja2.Template:
        """``env.from_string(source)``, with the compiled code kept like a template's.

        A one-off string (a clause's wording, the spec's own text) has no file: its entry
        is named by a hash of its text.
        """
        name = "<string>:" + hashlib.sha256(source.encode("utf-8")).hexdigest()
        bucket = self.get_bucket(env, name, None, source)
        code = bucket.code
        if code is None:
            code = env.compile(source)
            bucket.code = code
            self.set_bucket(bucket)
        return env.template_class.from_code(env, code, env.make_globals(None), None)

    def clear(self) -> None:
        """Remove every entry (compiled code and facts)."""
        for path in self.folder.glob("*.jinja") if self.folder.is_dir() else ():
            path.unlink(missing_ok=True)
        for path in self.folder.glob("*.facts.json") if self.folder.is_dir() else ():
            path.unlink(missing_ok=True)
