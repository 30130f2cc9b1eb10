"""The zip package of a .docx (or .xlsx, .ods): its directory checked, members inflated under caps.

:func:`open_package` checks the zip directory against what Word writes (methods, member
count, names, overlaps, local headers, declared sizes); :class:`Package` inflates a
member in chunks under the caps on its bytes, the package's bytes and the compression
ratio, and checks its size and CRC. XML members are checked as they inflate
(:mod:`draftkit.ooxml.parts`). The limits are described in :mod:`draftkit.ooxml`.
"""

from __future__ import annotations

import io
import itertools
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from draftkit.errors import DraftkitError, IngestError
from draftkit.ooxml.parts import _HEAD, MAX_XML_ELEMENTS, _fail, _XmlScan, parse_part

__all__ = [
    "MAX_MEMBERS",
    "MAX_PACKAGE_BYTES",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "Package",
    "normalise_part_name",
    "open_package",
    "read_package_file",
]


MAX_PACKAGE_BYTES = 50 * 1024 * 1024
"""A .docx file larger than this is refused before it is read."""

MAX_MEMBERS = 1000
"""At most this many members in a package (Word writes 10 to 50; images add a few)."""

MAX_PART_BYTES = 50 * 1024 * 1024
"""One member may inflate to at most this many bytes."""

MAX_TOTAL_BYTES = 200 * 1024 * 1024
"""All members together may inflate to at most this many bytes."""

MAX_RATIO = 200
"""Once a member has inflated :data:`RATIO_FLOOR` bytes, it may not be compressed more
than this many to one (Word's parts reach about 35:1; a zip bomb reaches 1000:1)."""

RATIO_FLOOR = 1024 * 1024
"""Members smaller than this are not held to :data:`MAX_RATIO`."""

MAX_NAME_CHARS = 1024
"""A member name longer than this is refused."""

_MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
_CHUNK = 64 * 1024
_MAX_CONTENT_TYPES_BYTES = 1024 * 1024
_METHODS = {0: "stored", 8: "deflate"}
_METHOD_NAMES = {
    1: "shrink",
    6: "implode",
    9: "deflate64",
    12: "bzip2",
    14: "LZMA",
    93: "Zstandard",
    95: "XZ",
    98: "PPMd",
    99: "AES encryption",
}
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")


@dataclass(frozen=True, slots=True)
class _Member:
    name: str
    method: int
    start: int  # first byte of the member's data in the archive
    end: int  # one past its last byte
    size: int  # declared inflated size
    crc: int


def read_package_file(
    path: str | Path, *, error: type[DraftkitError] = IngestError, limit: int = MAX_PACKAGE_BYTES
) -> bytes:
    """Read a .docx file's bytes, refusing folders, missing files and oversized files.

    Args:
        path: The file.
        error: The error class to raise.
        limit: The largest file accepted, in bytes.

    Raises:
        DraftkitError: Of class ``error``, naming the file.
    """
    target = Path(path)
    try:
        size = target.stat().st_size
        if target.is_dir():
            raise error("is a folder, not a .docx file", path=target)
        if size > limit:
            raise error(
                f"file is {size:,} bytes; a .docx may be at most {limit:,}",
                path=target,
                hint="save it without embedded media, or export it as text",
            )
        with target.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise error("file not found", path=target, hint="check the path") from None
    except OSError as exc:
        raise error(f"cannot read file ({exc.strerror or exc})", path=target) from None
    if len(data) > limit:
        raise error(f"file grew beyond {limit:,} bytes while it was read", path=target)
    return data


def _directory_size(data: bytes) -> tuple[int, int] | None:
    """(entries, central directory bytes) declared by the end record, or None."""
    tail = data[-(65535 + 22) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    entries, size = struct.unpack("<HI", tail[at + 10 : at + 16])
    if entries == 0xFFFF or size == 0xFFFFFFFF:
        locator = tail.rfind(b"PK\x06\x07", 0, at)
        if locator < 0 or len(tail) - locator < 20:
            return entries, size
        (offset,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        record = data[offset : offset + 56]
        if len(record) == 56 and record[:4] == b"PK\x06\x06":
            entries, size = struct.unpack("<QQ", record[32:48])
    return entries, size


def _name_problem(name: str) -> str | None:
    if not name:
        return "a member has an empty name"
    if len(name) > MAX_NAME_CHARS:
        return f"a member name is {len(name):,} characters long"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return f"member name {name!r} holds control characters"
    if "\\" in name:
        return f"member name {name!r} uses backslashes, which a .docx never does"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return f"member name {name!r} is an absolute path"
    if ".." in name.split("/"):
        return f"member name {name!r} climbs out of the package ('..')"
    return None


class Package:
    """A zip package whose directory has been checked; members are read on demand.

    Use :func:`open_package`. Reading a member (:meth:`read`) or all of them
    (:meth:`verify`) inflates in chunks under the caps described in the module.

    Attributes:
        source: The file name used in errors.
        names: The member names, in archive order.
    """

    def __init__(
        self,
        data: bytes,
        *,
        source: str | None,
        error: type[DraftkitError],
        kind: str = ".docx",
    ) -> None:
        self._data = data
        self.kind = kind
        self.source = source
        self._error = error
        self._members: dict[str, _Member] = {}
        self._types: tuple[dict[str, str], dict[str, str]] | None = None
        self._open()
        self.names = list(self._members)

    # -- directory --------------------------------------------------------------------

    def _fail(self, message: str, part: str | None = None) -> DraftkitError:
        return _fail(self._error, self.source, message, part, self.kind)

    def _open(self) -> None:
        data = self._data
        if data[:8] == _CFB_MAGIC:
            raise self._error(
                f"not a {self.kind}: this is a password-protected document or an old Word .doc"
                " file",
                path=self.source,
                hint="remove the password, or save it from Word as .docx",
            )
        if data[:4] != b"PK\x03\x04":
            raise self._error(
                f"not a {self.kind}: not a zip archive",
                path=self.source,
                hint="if it is plain text, rename it to .txt",
            )
        declared = _directory_size(data)
        if declared is None:
            raise self._fail(f"not a {self.kind}: damaged or truncated zip archive (no end record)")
        entries, directory = declared
        if entries > MAX_MEMBERS or directory > _MAX_DIRECTORY_BYTES:
            raise self._fail(
                f"the zip declares {entries:,} members in a {directory:,}-byte directory; "
                f"a {self.kind} may hold at most {MAX_MEMBERS:,}"
            )
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (
            zipfile.BadZipFile,
            ValueError,
            EOFError,
            OSError,
            struct.error,
            NotImplementedError,  # "zip file version 6.4": a header field no reader supports
            OverflowError,
        ) as exc:
            raise self._fail(
                f"not a {self.kind}: damaged or truncated zip archive ({exc})"
            ) from None
        with archive:
            infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self._fail(f"the zip holds {len(infos):,} members; at most {MAX_MEMBERS:,}")
        seen: dict[str, str] = {}
        spans: list[tuple[int, int, str]] = []
        total = 0
        for info in infos:
            name = info.filename
            problem = _name_problem(name)
            if problem:
                raise self._fail(f"{problem}; refusing the archive")
            key = name.lower()
            if key in seen:
                raise self._fail(
                    f"the zip holds two members named {name!r}"
                    + ("" if seen[key] == name else f" and {seen[key]!r}")
                    + " (readers may disagree about which one counts)"
                )
            seen[key] = name
            if name.endswith("/"):
                if info.file_size:
                    raise self._fail(f"folder entry {name!r} has content")
                continue
            if info.flag_bits & 0x1:
                raise self._fail("the member is encrypted", name)
            if info.compress_type not in _METHODS:
                method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
                raise self._fail(
                    f"the member is compressed with {method}, which Word never writes "
                    "(only stored and deflate are read)",
                    name,
                )
            if info.file_size > MAX_PART_BYTES:
                raise self._fail(
                    f"the member would unpack to {info.file_size:,} bytes; at most "
                    f"{MAX_PART_BYTES:,} (refusing a possible zip bomb)",
                    name,
                )
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise self._fail(
                    f"the {self.kind} would unpack to more than {MAX_TOTAL_BYTES:,} bytes "
                    "(refusing a possible zip bomb)"
                )
            if info.compress_type == 0 and info.compress_size != info.file_size:
                raise self._fail("a stored member's two sizes disagree (damaged zip)", name)
            member = self._locate(info)
            spans.append((info.header_offset, member.end, name))
            self._members[name] = member
        spans.sort()
        for (_, end, first), (start, _, second) in itertools.pairwise(spans):
            if start < end:
                raise self._fail(
                    f"members {first!r} and {second!r} overlap in the file "
                    "(a zip bomb construction)"
                )

    def _locate(self, info: zipfile.ZipInfo) -> _Member:
        header = self._data[info.header_offset : info.header_offset + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise self._fail("the member's local header is missing (damaged zip)", info.filename)
        fields = _LOCAL_HEADER.unpack(header)
        name_length, extra_length = fields[9], fields[10]
        start = info.header_offset + _LOCAL_HEADER.size
        raw_name = self._data[start : start + name_length]
        encoding = "utf-8" if info.flag_bits & 0x800 else "cp437"
        if raw_name.decode(encoding, "replace") != info.filename:
            raise self._fail(
                "the member's local header names a different file (a lying header)",
                info.filename,
            )
        start += name_length + extra_length
        end = start + info.compress_size
        if end > len(self._data):
            raise self._fail("the member runs past the end of the file (truncated)", info.filename)
        return _Member(
            info.filename, info.compress_type, start, end, info.file_size, info.CRC & 0xFFFFFFFF
        )

    def __contains__(self, name: object) -> bool:
        return name in self._members

    # -- members ----------------------------------------------------------------------

    def _chunks(self, member: _Member) -> Iterator[bytes]:
        """The member's inflated bytes in chunks, under every cap; checks size and CRC."""
        view = memoryview(self._data)[member.start : member.end]
        produced = 0
        crc = 0
        if member.method == 0:
            for offset in range(0, len(view), _CHUNK):
                out = bytes(view[offset : offset + _CHUNK])
                produced += len(out)
                crc = zlib.crc32(out, crc)
                yield out
        else:
            inflater = zlib.decompressobj(-15)
            consumed = 0
            try:
                for offset in range(0, len(view), _CHUNK):
                    pending: bytes | memoryview = view[offset : offset + _CHUNK]
                    consumed += len(pending)
                    while pending and not inflater.eof:
                        out = inflater.decompress(pending, _CHUNK)
                        pending = inflater.unconsumed_tail
                        produced += len(out)
                        self._check_growth(member, produced, consumed)
                        crc = zlib.crc32(out, crc)
                        yield out
                    if inflater.eof:
                        break
                if not inflater.eof:
                    out = inflater.flush()
                    produced += len(out)
                    self._check_growth(member, produced, consumed)
                    crc = zlib.crc32(out, crc)
                    yield out
            except zlib.error as exc:
                raise self._fail(
                    f"the member's deflate data is damaged ({exc})", member.name
                ) from None
            if not inflater.eof:
                raise self._fail("the member's deflate data is truncated", member.name)
        if produced != member.size:
            raise self._fail(
                f"the member unpacks to {produced:,} bytes but its header declares "
                f"{member.size:,} (a lying header)",
                member.name,
            )
        if crc != member.crc:
            raise self._fail("the member's checksum does not match (damaged zip)", member.name)

    def _check_growth(self, member: _Member, produced: int, consumed: int) -> None:
        if produced > member.size:
            raise self._fail(
                f"the member unpacks to more than the {member.size:,} bytes its header "
                "declares (a lying header; refusing a possible zip bomb)",
                member.name,
            )
        if produced > RATIO_FLOOR and produced > MAX_RATIO * consumed:
            raise self._fail(
                f"the member is compressed more than {MAX_RATIO}:1 (refusing a possible zip bomb)",
                member.name,
            )

    def read(self, name: str, *, limit: int = MAX_PART_BYTES) -> bytes | None:
        """A member's bytes, inflated under the caps (and checked if it is XML).

        Args:
            name: The member name.
            limit: The most bytes accepted for this member.

        Returns:
            The bytes, or None when the package has no such member.

        Raises:
            DraftkitError: Of the package's error class, naming the file and the member.
        """
        member = self._members.get(name)
        if member is None:
            return None
        if member.size > limit:
            raise self._fail(
                f"the member unpacks to {member.size:,} bytes (at most {limit:,})", name
            )
        data = b"".join(self._chunks(member))
        if self._parsed_as_xml(name):
            _XmlScan.check(data, name, self._fail)
        return data

    def verify(self, *, max_elements: int = MAX_XML_ELEMENTS) -> None:
        """Inflate every member under the caps, checking sizes, CRCs and XML parts.

        Nothing is kept in memory beyond a chunk per member.

        Args:
            max_elements: The most XML elements one part may hold (a spreadsheet's
                sheet part holds two or three per cell, so its reader allows more).

        Raises:
            DraftkitError: Of the package's error class, naming the file and the member.
        """
        total = 0
        for member in self._members.values():
            scan: _XmlScan | None = None
            head = b""
            decided = not self._parsed_as_xml(member.name)
            for chunk in self._chunks(member):
                total += len(chunk)
                if total > MAX_TOTAL_BYTES:
                    raise self._fail(
                        f"the {self.kind} unpacks to more than {MAX_TOTAL_BYTES:,} bytes "
                        "(refusing a possible zip bomb)"
                    )
                if not decided:
                    head += chunk
                    if len(head) < _HEAD:
                        continue
                    decided = True
                    scan = _XmlScan.start(head, member.name, self._fail)
                    if scan is not None:
                        scan.max_elements = max_elements
                    chunk = head
                if scan is not None:
                    scan.feed(chunk)
            if not decided:
                _XmlScan.check(head, member.name, self._fail)

    def _parsed_as_xml(self, name: str) -> bool:
        """False for parts python-docx keeps as opaque bytes (images), True otherwise."""
        if name.endswith(".rels") or name == "[Content_Types].xml":
            return True
        content_type = self._content_type(name)
        return not content_type.startswith("image/")

    def _content_type(self, name: str) -> str:
        if self._types is None:
            self._types = self._read_content_types()
        overrides, defaults = self._types
        found = overrides.get("/" + name.lower())
        if found is None:
            found = defaults.get(name.rpartition(".")[2].lower(), "")
        return found

    def _read_content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        name = "[Content_Types].xml"
        overrides: dict[str, str] = {}
        defaults: dict[str, str] = {}
        data = self.read(name, limit=_MAX_CONTENT_TYPES_BYTES)
        if data is None:
            return overrides, defaults
        root = parse_part(data, part=name, source=self.source, error=self._error)
        for element in root:
            tag = element.tag.rpartition("}")[2] if isinstance(element.tag, str) else ""
            content_type = (element.get("ContentType") or "").strip().lower()
            if tag == "Override":
                overrides[(element.get("PartName") or "").lower()] = content_type
            elif tag == "Default":
                defaults[(element.get("Extension") or "").lower()] = content_type
        return overrides, defaults


def open_package(
    data: bytes,
    *,
    source: str | None = None,
    error: type[DraftkitError] = IngestError,
    verify: bool = True,
    kind: str = ".docx",
) -> Package:
    """Check a .docx package's zip directory and, with ``verify``, every member.

    Args:
        data: The file's bytes (see :func:`read_package_file`).
        source: The file name, for errors.
        error: The :class:`~draftkit.errors.DraftkitError` subclass to raise.
        verify: Inflate every member under the caps now (needed before python-docx reads
            the package); without it, members are checked as they are read.
        kind: What the file should be, for messages (".docx"; ".xlsx" and ".ods" for
            the spreadsheets :mod:`draftkit.tables` reads).

    Returns:
        The package.

    Raises:
        DraftkitError: Of class ``error``, naming the file (and the part, when one is
            at fault).
    """
    if len(data) > MAX_PACKAGE_BYTES:
        raise error(
            f"file is {len(data):,} bytes; a {kind} may be at most {MAX_PACKAGE_BYTES:,}",
            path=source,
        )
    package = Package(data, source=source, error=error, kind=kind)
    if verify:
        package.verify()
    return package


def normalise_part_name(target: str, base: str = "") -> str | None:
    """A relationship target as a member name, or None when it leaves the package."""
    target = target.replace("\\", "/")
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
    name = posixpath.normpath(joined)
    return None if name.startswith("..") or name == "." else name
