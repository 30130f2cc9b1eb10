"""Enclosures given as files: read them, append PDFs to the letter's PDF.

A letter's ``enclosures:`` may name files (``{file: report.pdf, title: ...}``). The
enclosure list prints their titles (see :meth:`~draftkit.schema.Letter.enclosure_names`);
``render --format pdf`` appends the pages of every PDF enclosure after the letter's
(through PDFium, which draftkit already uses to read PDF letters); ``merge --format eml``
attaches every enclosure file to the message. Each file is read once, bounded in size,
and checked to be what its name says (a PDF, a Word document).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from pathlib import Path

from draftkit.errors import RenderError
from draftkit.inputs import read_input
from draftkit.schema import Enclosure, Letter

__all__ = ["MAX_ENCLOSURE_BYTES", "EnclosureFile", "append_pdfs", "enclosure_files"]

MAX_ENCLOSURE_BYTES = 25 * 1024 * 1024
"""An enclosure file may be at most this large (most mail servers refuse more)."""
MAX_ENCLOSURE_PAGES = 1_000
"""A PDF enclosure may have at most this many pages."""


@dataclass(frozen=True, slots=True)
class EnclosureFile:
    """An enclosure file's bytes.

    Attributes:
        path: The file.
        filename: The name it is attached under (the file's own name).
        kind: ``pdf`` or ``docx``.
        data: Its bytes.
    """

    path: Path
    filename: str
    kind: str
    data: bytes


@functools.lru_cache(maxsize=32)
def _read(path: str, mtime: int, size: int) -> EnclosureFile:
    file = Path(path)
    data = read_input(file, limit=MAX_ENCLOSURE_BYTES, error=RenderError, what="enclosure")
    kind = file.suffix.lower().lstrip(".")
    if kind == "pdf" and not data.startswith(b"%PDF-"):
        raise RenderError(
            "is named .pdf but is not a PDF", path=file, hint="export the document as PDF"
        )
    if kind == "docx" and not data.startswith(b"PK\x03\x04"):
        raise RenderError(
            "is named .docx but is not a Word document",
            path=file,
            hint="save it from Word as .docx, or export it as PDF",
        )
    return EnclosureFile(file, file.name, kind, data)


def _one(enclosure: Enclosure, where: str) -> EnclosureFile:
    path = Path(enclosure.file)
    try:
        status = path.stat()
    except OSError:
        raise RenderError(
            "enclosure not found",
            path=path,
            where=where,
            hint="check the path (it is relative to the spec)",
        ) from None
    try:
        return _read(str(path), status.st_mtime_ns, status.st_size)
    except RenderError as exc:
        exc.where = exc.where or where
        raise


def enclosure_files(letter: Letter) -> list[EnclosureFile]:
    """Every enclosure the letter gives as a file, read and checked, in order.

    Raises:
        RenderError: A file is missing, too large, or not what its name says.
    """
    out: list[EnclosureFile] = []
    for index, entry in enumerate(letter.enclosures):
        if isinstance(entry, Enclosure):
            out.append(_one(entry, f"enclosures[{index}]"))
    return out


def append_pdfs(pdf: bytes, files: list[EnclosureFile]) -> bytes:
    """``pdf`` with the pages of every PDF in ``files`` appended, in order.

    Raises:
        RenderError: An enclosure cannot be read as a PDF (damaged, encrypted) or has
            more than :data:`MAX_ENCLOSURE_PAGES` pages.
    """
    pdfs = [f for f in files if f.kind == "pdf"]
    if not pdfs:
        return pdf
    # deferred: only a PDF with PDF enclosures needs PDFium
    import pypdfium2 as pdfium

    try:
        letter = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as exc:  # pragma: no cover - LibreOffice wrote it
        raise RenderError(f"the letter's PDF cannot be read ({exc})") from None
    for enclosure in pdfs:
        try:
            document = pdfium.PdfDocument(enclosure.data)
        except pdfium.PdfiumError as exc:
            raise RenderError(
                f"the enclosure cannot be read as a PDF ({exc})",
                path=enclosure.path,
                hint="open it and export it as PDF again (without a password)",
            ) from None
        pages = len(document)
        if pages > MAX_ENCLOSURE_PAGES:
            raise RenderError(
                f"the enclosure has {pages:,} pages; at most {MAX_ENCLOSURE_PAGES:,} are appended",
                path=enclosure.path,
            )
        letter.import_pages(document)
        document.close()
    out = io.BytesIO()
    letter.save(out)
    letter.close()
    return out.getvalue()
