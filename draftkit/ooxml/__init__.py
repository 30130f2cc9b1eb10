"""Opening OOXML packages (.docx) that may be hostile: bounded, verified, one error type.

Every path that reads a Word document (ingest, check, clause harvest, ``--reference``,
``check --annotate``, provenance) opens it here. Before python-docx or lxml sees a byte,
the zip is checked against what Word actually writes:

- only *stored* and *deflate* members (``zipfile`` inflates bzip2 and LZMA members without
  any bound, so they are refused, as are encrypted members);
- at most :data:`MAX_MEMBERS` members, no two with the same name (OPC names compare
  case-insensitively), no absolute or ``..`` names, no members that overlap in the file;
- every member is inflated in chunks with a running cap on its bytes
  (:data:`MAX_PART_BYTES`), on the package's bytes (:data:`MAX_TOTAL_BYTES`) and on the
  compression ratio (:data:`MAX_RATIO`); a member must inflate to exactly the size its
  header declares, with the declared CRC;
- an XML part must be UTF-8 or UTF-16, hold no DTD (``<!DOCTYPE``/``<!ENTITY``: python-docx
  would silently drop the text behind an entity) and at most :data:`MAX_XML_ELEMENTS`
  elements.

XML is parsed with entity resolution and network access off and lxml's default limits kept
(never ``huge_tree``). Every failure is one :class:`~draftkit.errors.DraftkitError` (of the
class the caller asks for) naming the file and the part::

    house.docx: word/styles.xml: the part declares a DTD (<!DOCTYPE ...>), which a Word
    document never contains — re-save the file from Word

See docs/security.md for the limits and what each refusal says.
"""

from __future__ import annotations

from draftkit.ooxml.document import open_document
from draftkit.ooxml.package import (
    MAX_MEMBERS,
    MAX_PACKAGE_BYTES,
    MAX_PART_BYTES,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    Package,
    normalise_part_name,
    open_package,
    read_package_file,
)
from draftkit.ooxml.parts import MAX_XML_ELEMENTS, parse_part

__all__ = [
    "MAX_MEMBERS",
    "MAX_PACKAGE_BYTES",
    "MAX_PART_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "MAX_XML_ELEMENTS",
    "Package",
    "normalise_part_name",
    "open_document",
    "open_package",
    "parse_part",
    "read_package_file",
]
