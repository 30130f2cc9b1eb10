"""Renderers: DOCX (python-docx + reference document), Markdown, plain text, PDF."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Literal

from draftkit.errors import RenderError
from draftkit.outputs import claim_output, refuse_input_as_output, write_bytes_atomic
from draftkit.render.layout import format_date, layout
from draftkit.render.markdown import render_markdown
from draftkit.render.text import render_text
from draftkit.render.typesetting import typeset
from draftkit.schema import Letter
from draftkit.styles import STYLES

__all__ = [
    "FORMATS",
    "STYLES",
    "Format",
    "format_date",
    "format_for_path",
    "layout",
    "render_bytes",
    "render_docx",
    "render_docx_many",
    "render_markdown",
    "render_pdf",
    "render_text",
    "render_to_file",
    "typeset",
]

Format = Literal["docx", "md", "txt", "pdf"]
FORMATS: tuple[Format, ...] = ("docx", "md", "txt", "pdf")
_SUFFIXES: dict[str, Format] = {
    ".docx": "docx",
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".pdf": "pdf",
}


def render_docx(
    letter: Letter,
    *,
    reference: str | Path | None = None,
    properties: Mapping[str, str] | None = None,
) -> bytes:
    """Render a resolved letter to DOCX bytes.

    Args:
        letter: A resolved letter.
        reference: A house-style ``.docx`` (fonts, margins, letterhead); bundled default
            when None.
        properties: Custom document properties to record (provenance).

    Raises:
        RenderError: The letter is unresolved or the reference is unreadable.
    """
    # deferred: python-docx loads only for DOCX and PDF output (start-up time)
    from draftkit.render.word import renderer_for

    return renderer_for(reference).render(letter, properties=properties)


def render_docx_many(
    letters: Sequence[Letter],
    *,
    reference: str | Path | None = None,
    properties: Mapping[str, str] | None = None,
) -> bytes:
    """Render several letters into one DOCX, each starting on a new page."""
    # deferred: python-docx loads only for DOCX and PDF output (start-up time)
    from draftkit.render.word import renderer_for

    return renderer_for(reference).render_many(letters, properties=properties)


def render_pdf(letter: Letter, *, reference: str | Path | None = None) -> bytes:
    """Render a resolved letter to PDF by converting its DOCX with LibreOffice.

    The pages of the letter's PDF enclosures (``enclosures: [{file: x.pdf}]``) follow
    the letter's.

    Raises:
        RenderError: LibreOffice is missing (the message names the package) or failed;
            an enclosure file is missing or not a readable PDF.
    """
    # deferred: only PDF output needs LibreOffice
    from draftkit.render.enclosures import append_pdfs, enclosure_files
    from draftkit.render.pdf import docx_to_pdf

    files = enclosure_files(letter)  # before LibreOffice: a missing file fails at once
    return append_pdfs(docx_to_pdf(render_docx(letter, reference=reference)), files)


def format_for_path(path: str | Path, fmt: str | None = None) -> Format:
    """The output format: ``fmt`` if given, else from the file's extension.

    Raises:
        RenderError: The extension is unknown and no format was given.
    """
    suffix = Path(path).suffix.lower()
    if fmt:
        if fmt not in FORMATS:
            raise RenderError(f"unknown format '{fmt}'", hint=f"use one of {', '.join(FORMATS)}")
        if suffix in _SUFFIXES and _SUFFIXES[suffix] != fmt:
            raise RenderError(
                f"--format {fmt} does not match the file extension '{suffix}'",
                path=path,
                hint=f"name the file *.{fmt} or drop --format",
            )
        return fmt
    if suffix not in _SUFFIXES:
        raise RenderError(
            f"cannot tell the output format from '{suffix or Path(path).name}'",
            path=path,
            hint="use .docx, .md, .txt or .pdf, or pass --format",
        )
    return _SUFFIXES[suffix]


def render_bytes(
    letter: Letter,
    fmt: Format,
    *,
    reference: str | Path | None = None,
    properties: Mapping[str, str] | None = None,
) -> bytes:
    """Render a resolved letter in ``fmt`` and return the file content."""
    if fmt == "docx":
        return render_docx(letter, reference=reference, properties=properties)
    if fmt == "pdf":
        return render_pdf(letter, reference=reference)
    if fmt == "md":
        return render_markdown(letter).encode("utf-8")
    return render_text(letter).encode("utf-8")


def render_to_file(
    letter: Letter,
    path: str | Path,
    *,
    fmt: str | None = None,
    reference: str | Path | None = None,
    properties: Mapping[str, str] | None = None,
    force: bool = False,
) -> Path:
    """Render a resolved letter and write it atomically to ``path``.

    Args:
        letter: A resolved letter.
        path: The output file; its extension picks the format unless ``fmt`` is given.
        fmt: ``docx``, ``md``, ``txt`` or ``pdf``.
        reference: A house-style ``.docx`` for DOCX/PDF output.
        properties: Custom document properties (DOCX).
        force: Replace an existing file.

    Returns:
        The path written.

    Raises:
        OutputExistsError: The file exists and ``force`` is false.
        RenderError: The letter is unresolved or rendering failed (nothing is written).
    """
    target = Path(path)
    chosen = format_for_path(target, fmt)
    refuse_input_as_output(target, {"the reference document": reference})
    claim_output(target, force=force)
    data = render_bytes(letter, chosen, reference=reference, properties=properties)
    return write_bytes_atomic(target, data, force=force)
