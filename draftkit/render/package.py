"""Writing an OOXML package (a zip) from parts, reusing parts compressed once.

A letter's DOCX differs from its reference document only in a few small parts (the
document body, core and custom properties, the body's relationships). Every other part
(styles, fonts, theme, headers, footers, images) is deflated once per process and its
compressed bytes are copied into each new package. This module writes the zip container
itself (local headers, central directory), which is what makes that reuse possible.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["ZipEntry", "build_zip", "compress", "entry_headers"]

_DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1  # 1980-01-01: reproducible output
_DOS_TIME = 0
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHI")  # a central record up to its offset field
_OFFSET = struct.Struct("<I")

Headers = tuple[bytes, bytes, bytes]
"""An entry's local header (its name included), its central directory record up to the
offset field, and its name: all but the offset, which depends on the entries before it."""


@dataclass(frozen=True, slots=True)
class ZipEntry:
    """One member of a zip archive, already compressed.

    Attributes:
        name: The member name (``word/document.xml``).
        data: The raw deflate stream (or the bytes themselves when ``method`` is 0).
        crc: CRC-32 of the uncompressed bytes.
        size: Uncompressed size.
        method: 8 (deflate) or 0 (stored).
    """

    name: str
    data: bytes
    crc: int
    size: int
    method: int = 8


def compress(name: str, payload: bytes, level: int = 6) -> ZipEntry:
    """Deflate ``payload`` into a :class:`ZipEntry` named ``name``."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    data = compressor.compress(payload) + compressor.flush()
    return ZipEntry(name, data, zlib.crc32(payload), len(payload))


def entry_headers(entry: ZipEntry) -> Headers:
    """The headers of ``entry`` in an archive, but for its offset (see :data:`Headers`):
    what :func:`build_zip` can reuse for an entry that many archives hold."""
    name = entry.name.encode("utf-8")
    size = len(entry.data)
    local = _LOCAL.pack(0x04034B50, 20, 0x0800, entry.method, _DOS_TIME, _DOS_DATE,
                        entry.crc, size, entry.size, len(name), 0)  # fmt: skip
    central = _CENTRAL.pack(0x02014B50, 20, 20, 0x0800, entry.method, _DOS_TIME, _DOS_DATE,
                            entry.crc, size, entry.size, len(name), 0, 0, 0, 0, 0)  # fmt: skip
    return local + name, central, name


def build_zip(
    entries: Iterable[ZipEntry], headers: Sequence[Headers | None] | None = None
) -> bytes:
    """Assemble a zip archive from compressed entries (no ZIP64; parts are small).

    Args:
        entries: The members, in order.
        headers: For each entry, its :func:`entry_headers` made before, or None.
    """
    chunks: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for index, entry in enumerate(entries):
        kept = headers[index] if headers is not None else None
        local, record, name = kept if kept is not None else entry_headers(entry)
        chunks += (local, entry.data)
        central.append(record + _OFFSET.pack(offset) + name)
        offset += len(local) + len(entry.data)
        count += 1
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), offset, 0)
    return b"".join(chunks) + directory + end
