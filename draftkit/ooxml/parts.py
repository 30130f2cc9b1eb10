"""The XML parts of a package: checked as they stream (encoding, no DTD, element count) and
parsed safely (no entities, no network, lxml's default limits).

A refusal names the file and the part (:func:`_fail`, shared by :mod:`draftkit.ooxml`'s
modules).
"""

from __future__ import annotations

import re
from typing import Any

from draftkit.errors import DraftkitError, IngestError

__all__ = ["MAX_XML_ELEMENTS", "parse_part"]


MAX_XML_ELEMENTS = 500_000
"""An XML part may hold at most this many elements (a 500-page report holds fewer)."""

_HEAD = 512  # bytes of a part read before deciding whether it is XML
_NEEDLES = ("<!DOCTYPE", "<!ENTITY")
_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _fail(
    error: type[DraftkitError],
    source: str | None,
    message: str,
    part: str | None = None,
    kind: str = ".docx",
) -> DraftkitError:
    if kind != ".docx":
        hint = f"save the file again from the spreadsheet program as {kind}, or export CSV"
        return error(message, path=source, where=part, hint=hint)
    hints = {
        True: "re-save the file from Word or LibreOffice, or export it as text",
        False: "save the document again from Word as .docx",
    }
    return error(message, path=source, where=part, hint=hints[part is None])


def _looks_xml(head: bytes) -> bool:
    head = head.removeprefix(b"\xef\xbb\xbf")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if head[:2] in (b"<\x00", b"\x00<"):
        return True
    return head.lstrip(b" \t\r\n")[:1] == b"<"


def _encoding_of(head: bytes) -> str:
    """The codec an XML part is written in (UTF-8 or UTF-16), from its BOM and head."""
    if head.startswith((b"\xff\xfe", b"<\x00")):
        return "utf-16-le"
    if head.startswith((b"\xfe\xff", b"\x00<")):
        return "utf-16-be"
    return "utf-8"


class _XmlScan:
    """Streaming checks of one XML part: its encoding, no DTD, the element count."""

    def __init__(self, head: bytes, part: str, fail: Any) -> None:
        self.part = part
        self.fail = fail
        codec = _encoding_of(head)
        prolog = head.removeprefix(b"\xef\xbb\xbf")
        if codec != "utf-8":
            prolog = prolog.decode(codec, "replace").lstrip("\ufeff").encode("utf-8", "replace")
        match = _ENCODING.match(prolog.lstrip())
        if match:
            declared = match.group(1).decode("ascii").lower().replace("_", "-")
            if declared not in ("utf-8", "utf8", "utf-16", "utf-16le", "utf-16be"):
                raise fail(
                    f"the part is encoded as {declared!r}; a .docx part is UTF-8 or UTF-16",
                    part,
                )
        self.needles = [needle.encode(codec) for needle in _NEEDLES]
        self.open_tag = "<".encode(codec)
        self.close_tag = "</".encode(codec)
        self.keep = max(len(needle) for needle in self.needles)
        self.tail = b""
        self.elements = 0
        self.max_elements = MAX_XML_ELEMENTS

    @classmethod
    def start(cls, head: bytes, part: str, fail: Any) -> _XmlScan | None:
        """A scanner for a part that starts with ``head``; None when it is not XML."""
        return cls(head, part, fail) if _looks_xml(head) else None

    @classmethod
    def check(cls, data: bytes, part: str, fail: Any) -> None:
        """Check a whole part held in memory."""
        scan = cls.start(data[:_HEAD], part, fail)
        if scan is not None:
            scan.feed(data)

    def feed(self, chunk: bytes) -> None:
        window = self.tail + chunk
        for needle in self.needles:
            if needle in window:
                raise self.fail(
                    "the part declares a DTD (<!DOCTYPE ...> or <!ENTITY ...>), which a Word "
                    "document never contains (entities hide or multiply text)",
                    self.part,
                )
        # '<' not followed by '/': start tags, comments and PIs, an upper bound on elements
        edge = self.tail[-len(self.open_tag) :] if self.tail else b""
        self.elements += chunk.count(self.open_tag) - (edge + chunk).count(self.close_tag)
        if self.elements > self.max_elements:
            raise self.fail(
                f"the part holds more than {self.max_elements:,} XML elements (too large "
                "to read safely)",
                self.part,
            )
        self.tail = window[-self.keep :]


def _parser() -> Any:
    # deferred: lxml loads only when a part is parsed (start-up time)
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_part(
    data: bytes,
    *,
    part: str,
    source: str | None,
    error: type[DraftkitError] = IngestError,
) -> Any:
    """Parse one XML part safely (no DTD, no entities, no network, default limits).

    Args:
        data: The part's bytes (from :meth:`Package.read`).
        part: Its name, for errors.
        source: The file name, for errors.
        error: The error class to raise.

    Returns:
        The root element (an lxml element).

    Raises:
        DraftkitError: Of class ``error``: not well-formed, or declares a DTD.
    """
    # deferred: lxml loads only when a part is parsed (start-up time)
    from lxml import etree

    def fail(message: str, where: str | None = None) -> DraftkitError:
        return _fail(error, source, message, where)

    _XmlScan.check(data, part, fail)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise fail(f"the part is not well-formed XML ({_xml_message(exc)})", part) from None
    except (ValueError, MemoryError) as exc:
        raise fail(f"the part cannot be parsed ({type(exc).__name__})", part) from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise fail("the part declares a DTD, which a Word document never contains", part)
    return root


def _xml_message(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    text = re.sub(r"\s*\(<string>, line \d+\)$", "", text)
    return text if len(text) <= 160 else text[:157] + "..."
