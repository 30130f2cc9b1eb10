"""Reading the files draftkit is given: bounded reads, standard input, text decoding.

A file is read only when it is a regular file no larger than the caller's limit; standard
input (``-``) is read once per stream; text is UTF-8 (with or without BOM) or UTF-16,
nothing else is guessed. Every refusal is one line naming the file.
"""

from __future__ import annotations

import codecs
import stat
import sys
from pathlib import Path

from draftkit.errors import DraftkitError, SpecError
from draftkit.outputs import os_reason

__all__ = [
    "MAX_SPEC_BYTES",
    "STDIN",
    "STDIN_NAME",
    "decode_text",
    "is_stdin",
    "read_input",
    "read_stdin",
    "source_name",
]

MAX_SPEC_BYTES = 5 * 1024 * 1024
"""Specs larger than this are refused before parsing (a letter spec is a few KB)."""


def read_input(
    path: str | Path,
    *,
    limit: int,
    error: type[DraftkitError] = SpecError,
    what: str = "file",
) -> bytes:
    """Read a file's bytes, refusing missing files, folders, pipes, devices and files
    over ``limit``.

    Args:
        path: The file.
        limit: The most bytes accepted.
        error: The error class to raise.
        what: What the file is, for messages ("spec", "recipient file").

    Raises:
        DraftkitError: Of class ``error``, one line naming the file.
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise error(f"is a folder, not a {what}", path=path)
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # a named pipe waits for a writer for ever, a device may never end
            raise error(
                f"is a pipe or device, not a {what}",
                path=path,
                hint="save it to a regular file and pass that",
            )
        size = status.st_size
        if size > limit:
            raise error(f"{what} is {size:,} bytes; at most {limit:,} are read", path=path)
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise error(f"{what} not found", path=path, hint="check the path") from None
    except OSError as exc:
        raise error(f"cannot read the {what} ({os_reason(exc)})", path=path) from None
    if len(raw) > limit:
        raise error(f"{what} grew beyond {limit:,} bytes while it was read", path=path)
    return raw


_UTF16_BOMS = ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _utf16_without_bom(sample: bytes) -> str | None:
    """BOM-less UTF-16 told by the NUL pattern of mostly-ASCII text, or None."""
    if len(sample) < 8 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def decode_text(
    raw: bytes,
    *,
    path: str | Path | None = None,
    error: type[DraftkitError] = SpecError,
    hint: str = "save the file as UTF-8",
) -> str:
    """Decode a text file draftkit reads: UTF-8 (with or without BOM) or UTF-16.

    UTF-16 is what Excel's "Unicode Text" and Notepad's "Unicode" save: it is read when
    it starts with a byte-order mark (or, without one, shows the NUL pattern of ASCII in
    UTF-16). Anything else must be UTF-8; no other encoding is guessed.

    Args:
        raw: The file's bytes.
        path: The file, for messages.
        error: The error class to raise.
        hint: What to do when the bytes are not UTF-8.

    Raises:
        DraftkitError: Of class ``error``, naming the line and byte that do not decode.
    """
    encoding = "utf-8-sig"
    start = 0
    for bom, name in _UTF16_BOMS:
        if raw.startswith(bom):
            encoding, start = name, len(bom)
            break
    else:
        encoding = _utf16_without_bom(raw[:65536]) or encoding
    try:
        return raw[start:].decode(encoding)
    except UnicodeDecodeError as exc:
        where = start + exc.start
        if encoding.startswith("utf-16"):
            raise error(
                f"UTF-16 text that does not decode (byte {where})",
                path=path,
                hint=hint,
            ) from None
        line = raw.count(b"\n", 0, where) + 1
        raise error(f"not UTF-8 text (byte {where})", path=path, line=line, hint=hint) from None


STDIN = "-"
"""The path that stands for standard input (and, as an output, standard output)."""

STDIN_NAME = "<stdin>"
"""How messages name standard input."""

_stdin_read: tuple[object, bytes] | None = None


def is_stdin(path: str | Path | None) -> bool:
    """True for ``-``, the path that means standard input."""
    return path is not None and str(path) == STDIN


def source_name(path: str | Path) -> str:
    """A path as messages name it: ``<stdin>`` for ``-``."""
    return STDIN_NAME if is_stdin(path) else str(path)


def read_stdin(
    *, limit: int = MAX_SPEC_BYTES, what: str = "spec", error: type[DraftkitError] = SpecError
) -> bytes:
    """The bytes of standard input, at most ``limit``, read once per stream.

    A command may read its spec more than once (render composes it and hashes it for the
    provenance record); standard input can be read only once, so its bytes are kept for
    as long as ``sys.stdin`` is the same stream.

    Raises:
        DraftkitError: Of class ``error``: no standard input, or more than ``limit`` bytes.
    """
    global _stdin_read
    stream = sys.stdin
    if _stdin_read is not None and _stdin_read[0] is stream:
        data = _stdin_read[1]
    else:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise error(f"cannot read the {what} from standard input", path=STDIN_NAME)
        try:
            data = buffer.read(limit + 1)
        except OSError as exc:
            raise error(
                f"cannot read the {what} from standard input ({os_reason(exc)})",
                path=STDIN_NAME,
            ) from None
        _stdin_read = (stream, data)
    if len(data) > limit:
        raise error(
            f"the {what} on standard input is over {limit:,} bytes",
            path=STDIN_NAME,
            hint="save it to a file and pass that",
        )
    return data
