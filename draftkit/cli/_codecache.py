"""Compiled code that Python generates from text at start-up, kept between starts.

Python 3.11's ``dataclasses`` writes each method it adds to a class (``__init__``,
``__repr__``, ``__eq__``, ``__setattr__`` of a frozen class ...) as source text and
compiles it, every start; ``typing`` compiles every string annotation it resolves (pydantic
resolves those of each model); ``re`` turns each regular expression into the program its
matcher runs, in Python. For draftkit, pydantic and their dependencies that is ~1,500
compilations of code and ~150 of patterns, a quarter of the instructions of a cold
one-letter render. So the command keeps what they compile in the user cache folder
(``code-<python>-<command>.bin``) and a later start uses it instead of compiling the
same text again: what ``.pyc`` files do for modules.

An entry is looked up by the exact source text (with the file name and mode ``compile``
is given), and the file is used only by the same Python (its bytecode magic number) at
the same optimisation level, so the code run is what compiling the text would give; the
text is compiled as those two modules compile it (no ``__future__`` flags). A pattern is
looked up by its text and flags, and its program is handed to the matcher's own
constructor as ``re`` hands it (on Python 3.11, whose ``re`` internals this follows;
other versions compile patterns as usual); a kept pattern compares equal to a new one.
The cache is only a speed-up: a file that cannot be read, or is damaged, is ignored and
written again, and deleting it loses nothing. Only the command line installs it
(:func:`install`); the library never does.
"""

# no ``from __future__ import annotations``: ``compile`` and ``exec`` called from this
# module would pass its flags on to the code they compile (dataclasses and typing have none)
import atexit
import builtins
import contextlib
import importlib.util
import marshal
import os
import re
import sys
import types
import typing
from pathlib import Path
from typing import Any

__all__ = ["CodeCache", "cache_path", "install"]

_MAX_BYTES = 16 * 1024 * 1024
"""A cache file larger than this is ignored (a render keeps some 0.5 MB)."""

_MAX_ENTRIES = 20_000
"""Past this many entries, a save keeps only those this run used."""

_FEW = 8
"""A run that compiled fewer new entries than this does not rewrite an existing file.

Some text differs from one start to the next: ``tokenize`` builds a pattern from a set,
in the order of that start's string hashes (``inspect`` tokenizes a built-in's signature
when pydantic reads a ``default_factory=list``). Compiling it again costs less than
rewriting the file at every start, and the file does not grow by one entry a start."""

Key = tuple[Any, ...]


def cache_path(command: str) -> Path:
    """``<user cache>/draftkit/code-<python>-<command>.bin`` (``config.default_cache_dir``).

    One file per command module: a render then reads only what a render compiles, not
    what a merge, an ingest or a check did too. The folder is worked out here rather than
    imported from ``draftkit.config``: that module loads pydantic, whose own generated
    code should already go through the cache.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    tag = sys.implementation.cache_tag or "python"
    return Path(base) / "draftkit" / f"code-{tag}-{command}.bin"


def _header() -> bytes:
    return b"draftkit code cache\n" + importlib.util.MAGIC_NUMBER + bytes([sys.flags.optimize])


class CodeCache:
    """Code objects by ``(source, filename, mode)``, read from and saved to one file.

    Args:
        path: The cache file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[Key, Any] = {}
        self.used: set[Key] = set()
        self.compiled = 0
        self.loaded = False

    def load(self) -> None:
        """Read the file (left empty when it is missing, too large, damaged or foreign)."""
        try:
            with self.path.open("rb") as handle:
                data = handle.read(_MAX_BYTES + 1)
        except OSError:
            return
        header = _header()
        if len(data) > _MAX_BYTES or not data.startswith(header):
            return
        try:
            entries = marshal.loads(data[len(header) :])
        except (EOFError, ValueError, TypeError):
            return
        if isinstance(entries, dict):
            self.entries = entries
            self.loaded = True

    def code(self, source: str, filename: str, mode: str) -> types.CodeType:
        """The code of ``source``: kept, or compiled now (and kept).

        Raises:
            SyntaxError, ValueError: As ``compile`` does (nothing is kept).
        """
        key = (source, filename, mode)
        found = self.entries.get(key)
        if not isinstance(found, types.CodeType):
            found = builtins.compile(source, filename, mode, dont_inherit=True)
            self.entries[key] = found
            self.compiled += 1
        self.used.add(key)
        return found

    def pattern(self, text: str | bytes, flags: int) -> re.Pattern[Any]:
        """The compiled pattern of ``text``: its matcher program kept, or made now (and kept).

        What ``re._compiler.compile`` does, with the parsed program looked up first.

        Raises:
            re.error: As ``re.compile`` does (nothing is kept).
        """
        compiler: Any = re._compiler  # type: ignore[attr-defined]
        flags = int(flags)  # a RegexFlag is an int subclass, which marshal does not keep
        key = ("re", text, flags)
        found = self.entries.get(key)
        if not isinstance(found, tuple) or len(found) != 5:
            parsed = compiler._parser.parse(text, flags)
            # plain ints: some opcodes are int subclasses, which marshal does not keep
            code = [int(op) for op in compiler._code(parsed, flags)]
            groupindex = parsed.state.groupdict
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            found = (
                flags | parsed.state.flags,
                code,
                parsed.state.groups - 1,
                dict(groupindex),
                tuple(indexgroup),
            )
            self.entries[key] = found
            self.compiled += 1
        self.used.add(key)
        all_flags, program, groups, by_name, by_index = found
        # a dict of its own for each pattern, as re gives it
        pattern: re.Pattern[Any] = compiler._sre.compile(
            text, all_flags, program, groups, dict(by_name), by_index
        )
        return pattern

    def save(self) -> None:
        """Write the file if this run compiled anything (skipped when it cannot write).

        A file that was read is rewritten only for :data:`_FEW` new entries or more.
        """
        if not self.compiled or (self.compiled < _FEW and self.loaded):
            return
        entries = self.entries
        if len(entries) > _MAX_ENTRIES:
            entries = {key: entries[key] for key in self.used}
        try:
            payload = marshal.dumps(entries)
        except ValueError:  # an entry marshal cannot keep: leave it out, keep the rest
            entries = {key: value for key, value in entries.items() if _marshals(key, value)}
            payload = marshal.dumps(entries)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                with temporary.open("xb") as handle:
                    handle.write(_header() + payload)
                temporary.replace(self.path)
            finally:
                temporary.unlink(missing_ok=True)
        self.compiled = 0


def _marshals(*values: Any) -> bool:
    try:
        marshal.dumps(values)
    except ValueError:
        return False
    return True


_CACHE: CodeCache | None = None


def _exec(source: Any, scope: Any = None, names: Any = None, /, **options: Any) -> None:
    """``exec`` for ``dataclasses``: source text runs as its kept code."""
    if isinstance(source, str) and _CACHE is not None:
        source = _CACHE.code(source, "<string>", "exec")
    builtins.exec(source, scope, names, **options)


def _compile(
    source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False,
    optimize: int = -1, **options: Any,
) -> Any:  # fmt: skip
    """``compile`` for ``typing``: a plain compilation of text is the kept code."""
    plain = flags == 0 and optimize == -1 and not options
    if plain and isinstance(source, str) and isinstance(filename, str) and _CACHE is not None:
        return _CACHE.code(source, filename, mode)
    return builtins.compile(source, filename, mode, flags, dont_inherit, optimize, **options)


_RE_COMPILE: Any = None


def _re_compile(source: Any, flags: int = 0) -> Any:
    """``re._compiler.compile`` for ``re``: a pattern's program comes from the cache."""
    if isinstance(source, str | bytes) and not flags & re.DEBUG and _CACHE is not None:
        return _CACHE.pattern(source, flags)
    return _RE_COMPILE(source, flags)


def install(command: str) -> CodeCache:
    """Route the compilations of ``dataclasses``, ``typing`` and ``re`` through the cache.

    Reads the cache file of ``command`` (a command module's name) once and saves it at
    exit when this run compiled enough. Calling it again returns the same cache. With
    ``DRAFTKIT_CODE_CACHE=off`` in the environment nothing is routed, read or written.
    """
    global _CACHE, _RE_COMPILE
    if _CACHE is not None:
        return _CACHE
    if os.environ.get("DRAFTKIT_CODE_CACHE", "").strip().lower() in ("0", "off", "no", "false"):
        # switched off: Python compiles as it always does, nothing is read or written
        return CodeCache(cache_path(command))
    # deferred for start-up time: ``draftkit --help`` loads no dataclasses module
    import dataclasses

    cache = CodeCache(cache_path(command))
    cache.load()
    _CACHE = cache
    # a module's global name shadows the builtin for the code of that module only
    setattr(dataclasses, "exec", _exec)  # noqa: B010
    setattr(typing, "compile", _compile)  # noqa: B010
    compiler: Any = getattr(re, "_compiler", None)
    if sys.version_info[:2] == (3, 11) and compiler is not None:  # the internals followed
        _RE_COMPILE = compiler.compile
        compiler.compile = _re_compile
    atexit.register(cache.save)
    return cache
