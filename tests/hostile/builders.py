"""Hostile files, built fresh for each case: OOXML packages with lying zips and XML tricks,
specs with YAML/JSON bombs, templates trying to leave the sandbox.

The zip writer here writes what the central directory and local headers *say*
independently of what the data is, which is what the zip-bomb and lying-header cases need
(``zipfile`` would refuse to write them).
"""

from __future__ import annotations

import dataclasses
import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
LETTER_LINES = (
    "15 March 2026",
    "Dear Minister,",
    "We write to ask that the detained reporters be released without delay.",
    "Sincerely,",
    "Jane Doe",
)


def paragraphs(lines: Iterable[str]) -> str:
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)


def document_xml(body: str | None = None, *, prolog: str = "") -> str:
    """A ``word/document.xml`` holding ``body`` (a plain letter by default)."""
    inner = paragraphs(LETTER_LINES) if body is None else body
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
        f'<w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>'
    )


@dataclasses.dataclass
class Entry:
    """One zip member as the archive will *claim* it to be.

    Attributes:
        name: The name in the central directory.
        data: The uncompressed bytes (ignored when ``raw`` is given).
        method: 0 stored, 8 deflate (12 bzip2 and 14 LZMA use ``raw``).
        raw: The member's stored bytes exactly as written (already compressed).
        size: The uncompressed size declared (default: the true size).
        crc: The CRC declared (default: the true CRC).
        flags: General-purpose flag bits.
        local_name: The name in the local header (default: ``name``).
        same_data_as: Point this entry at an earlier entry's local header (overlap).
        inside: Write no local header; point at the start of an earlier entry's data,
            which must hold this entry's local header (a member inside a member).
    """

    name: str
    data: bytes = b""
    method: int = 8
    raw: bytes | None = None
    size: int | None = None
    crc: int | None = None
    flags: int = 0x800
    local_name: str | None = None
    same_data_as: str | None = None
    inside: str | None = None


def local_header(name: str, raw: bytes, *, size: int, crc: int, method: int = 0) -> bytes:
    """A local file header and data, to embed inside another member (``Entry.inside``)."""
    encoded = name.encode("utf-8")
    header = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0x800, method, 0, 0x21, crc, len(raw), size,
        len(encoded), 0,
    )  # fmt: skip
    return header + encoded + raw


def deflate(data: bytes, level: int = 9) -> bytes:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


@functools.cache
def deflated_zeros(size: int) -> bytes:
    """A raw deflate stream of ``size`` zero bytes, built in chunks (cached per size)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1024 * 1024)
    out = []
    left = size
    while left:
        piece = chunk[: min(left, len(chunk))]
        out.append(compressor.compress(piece))
        left -= len(piece)
    out.append(compressor.flush())
    return b"".join(out)


@functools.cache
def crc_of_zeros(size: int) -> int:
    crc = 0
    chunk = b"\0" * (1024 * 1024)
    left = size
    while left:
        piece = chunk[: min(left, len(chunk))]
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    return crc


def build(entries: Iterable[Entry]) -> bytes:
    """A zip archive whose headers say exactly what the entries claim."""
    out = bytearray()
    central = bytearray()
    offsets: dict[str, int] = {}
    data_at: dict[str, int] = {}
    count = 0
    for entry in entries:
        if entry.raw is not None:
            raw = entry.raw
        elif entry.method == 8:
            raw = deflate(entry.data)
        else:
            raw = entry.data
        size = len(entry.data) if entry.size is None else entry.size
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        name = entry.name.encode("utf-8")
        if entry.same_data_as is not None:
            offset = offsets[entry.same_data_as]
        elif entry.inside is not None:
            offset = data_at[entry.inside]
        else:
            offset = len(out)
            local = (entry.local_name or entry.name).encode("utf-8")
            out += struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50, 20, entry.flags, entry.method, 0, 0x21, crc, len(raw), size,
                len(local), 0,
            )  # fmt: skip
            out += local
            data_at.setdefault(entry.name, len(out))
            out += raw
        offsets.setdefault(entry.name, offset)
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, entry.flags, entry.method, 0, 0x21, crc, len(raw), size,
            len(name), 0, 0, 0, 0, 0, offset,
        ) + name  # fmt: skip
        count += 1
    directory_at = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), directory_at, 0)
    return bytes(out)


def docx(document: str | bytes | None = None, *, extra: Iterable[Entry] = ()) -> bytes:
    """A minimal, valid .docx (content types, relationships, document) plus ``extra``."""
    body = document_xml() if document is None else document
    data = body.encode("utf-8") if isinstance(body, str) else body
    return build(
        [
            Entry("[Content_Types].xml", CONTENT_TYPES.encode()),
            Entry("_rels/.rels", RELS.encode()),
            Entry("word/document.xml", data),
            *extra,
        ]
    )


def zipfile_docx(method: int, document: str | None = None) -> bytes:
    """A .docx written by ``zipfile`` with ``method`` for word/document.xml (bzip2, LZMA)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES, zipfile.ZIP_DEFLATED)
        archive.writestr("_rels/.rels", RELS, zipfile.ZIP_DEFLATED)
        archive.writestr("word/document.xml", document or document_xml(), method)
    return buffer.getvalue()


BILLION_LAUGHS = (
    '<!DOCTYPE w:document [\n  <!ENTITY lol "lol">\n'
    + "".join(
        f'  <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
)
"""The classic billion laughs (CVE-2003-1564) as a DTD for ``w:document``."""

XXE = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
"""An external entity that would read a local file (OWASP XXE)."""

HIDDEN_TEXT = '<!DOCTYPE w:document [<!ENTITY who "the Minister of Justice">]>\n'
"""An internal entity: python-docx drops the text behind it silently."""


SPEC = """\
audience: us-executive
date: 2026-03-16
addressees:
  - name: Jane Roe
    office: us-secretary-of-state
subject: Detained reporters
body:
  - We write about the reporters detained in March.
asks:
  - lead: Raise their cases.
    body: Name them in every meeting.
closing:
  - Thank you for your attention.
signatories:
  - name: Ana Ruiz
    title_lines: [Director]
    organization: Center for Civic Rights
"""
"""A small, valid letter spec for cases that need one."""
