"""A .docx opened as a Word document: python-docx reads it only after the package passed
every check, and its refusals are explained (a workbook renamed, a missing part, a part
that is not well-formed).
"""

from __future__ import annotations

import io
import re
from typing import Any

from draftkit.errors import DraftkitError, IngestError
from draftkit.ooxml.package import Package, open_package
from draftkit.ooxml.parts import _fail, _parser, _xml_message

__all__ = ["open_document"]


_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        "an Excel workbook"
    ),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        "a PowerPoint presentation"
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "a Word template (.dotx)"
    ),
    "application/vnd.ms-word.document.macroEnabled.main+xml": "a macro-enabled document (.docm)",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "a macro-enabled template (.dotm)"
    ),
}


def _main_part_problem(package: Package, exc: Exception) -> tuple[str, str | None]:
    """Explain why python-docx refused a package that passed the zip checks."""
    text = str(exc)
    for content_type, kind in _CONTENT_TYPES.items():
        if content_type in text:
            return f"not a Word document: it is {kind}", None
    missing = re.search(r"no item named '([^']+)'", text)
    if missing:
        return f"a relationship points to part {missing.group(1)!r}, which is missing", None
    return f"not a readable Word document ({type(exc).__name__}: {_xml_message(exc)})", None


def open_document(
    data: bytes,
    *,
    source: str | None = None,
    error: type[DraftkitError] = IngestError,
) -> Any:
    """Open a .docx with python-docx after the package passed every check.

    Args:
        data: The file's bytes.
        source: The file name, for errors.
        error: The error class to raise.

    Returns:
        A ``docx.document.Document``.

    Raises:
        DraftkitError: Of class ``error``: the package is refused (see the module), is
            not a Word document, or a part is not well-formed XML (the part is named).
    """
    package = open_package(data, source=source, error=error)
    if "word/document.xml" not in package and "_rels/.rels" not in package:
        raise error(
            "not a Word document: the zip has no word/document.xml",
            path=source,
            hint="save the file from Word as .docx",
        )
    # deferred: python-docx and lxml load only when a document is opened (start-up time)
    import docx
    from lxml import etree

    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        part = _first_bad_part(package)
        raise _fail(
            error, source, f"the part is not well-formed XML ({_xml_message(exc)})", part
        ) from None
    except MemoryError:
        raise _fail(error, source, "the document is too large to open in memory") from None
    except RecursionError:
        raise _fail(error, source, "the document is nested too deeply to read") from None
    except Exception as exc:  # python-docx raises KeyError, ValueError, ... on odd packages
        message, part = _main_part_problem(package, exc)
        raise _fail(error, source, message, part) from None


def _first_bad_part(package: Package) -> str | None:
    """The first member python-docx would parse that is not well-formed XML."""
    # deferred: lxml loads only when a part is parsed (start-up time)
    from lxml import etree

    for name in package.names:
        if not (name.endswith((".xml", ".rels")) or name == "[Content_Types].xml"):
            continue
        data = package.read(name)
        if data is None:
            continue
        try:
            etree.fromstring(data, _parser())
        except etree.XMLSyntaxError:
            return name
    return None
