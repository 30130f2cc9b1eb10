"""From two files to a redline file: the library behind ``draftkit diff``.

:func:`redline_files` reads both versions (:func:`~draftkit.diff.sources.read_version`),
compares them and writes the redline: a .docx with tracked changes, or Markdown or plain
text with ``[-deleted-]{+inserted+}`` marks. Nothing is written unless the whole redline
is made, and an existing file is replaced only with ``force``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from draftkit.diff.letter import LetterDiff, diff_letters
from draftkit.diff.sources import Version, read_version
from draftkit.errors import RenderError
from draftkit.outputs import claim_output, refuse_input_as_output, write_bytes_atomic
from draftkit.provenance import provenance_properties

__all__ = ["DIFF_FORMATS", "RedlineResult", "diff_format", "redline_files"]

DiffFormat = Literal["docx", "md", "txt"]
DIFF_FORMATS: tuple[DiffFormat, ...] = ("docx", "md", "txt")
_SUFFIXES: dict[str, DiffFormat] = {".docx": "docx", ".md": "md", ".markdown": "md", ".txt": "txt"}


@dataclass(frozen=True, slots=True)
class RedlineResult:
    """What :func:`redline_files` did.

    Attributes:
        diff: The comparison.
        old: How the old version was read.
        new: How the new version was read.
        path: The file written (None for a stream).
        fmt: The format written.
    """

    diff: LetterDiff
    old: Version
    new: Version
    path: Path | None
    fmt: DiffFormat


def diff_format(output: str | Path | None, fmt: str | None) -> DiffFormat:
    """The redline's format: ``fmt``, else the output's extension, else text.

    Raises:
        RenderError: The extension and ``fmt`` disagree, or the extension is unknown.
    """
    suffix = Path(output).suffix.lower() if output is not None and str(output) != "-" else ""
    if fmt is not None:
        if fmt not in DIFF_FORMATS:
            raise RenderError(f"unknown format '{fmt}'", hint="use docx, md or txt")
        if suffix in _SUFFIXES and _SUFFIXES[suffix] != fmt:
            raise RenderError(
                f"--format {fmt} does not match the file extension '{suffix}'",
                path=output,
                hint=f"name the file *.{fmt} or drop --format",
            )
        return fmt
    if not suffix:
        return "txt"
    if suffix not in _SUFFIXES:
        raise RenderError(
            f"cannot tell the redline's format from '{suffix}'",
            path=output,
            hint="use .docx, .md or .txt, or pass --format",
        )
    return _SUFFIXES[suffix]


def redline_files(
    old: str | Path,
    new: str | Path,
    output: str | Path | BinaryIO,
    *,
    fmt: str | None = None,
    author: str | None = None,
    date: dt.datetime | None = None,
    reference: str | Path | None = None,
    force: bool = False,
) -> RedlineResult:
    """Compare two versions of a letter and write the redline.

    Args:
        old: The earlier version: a spec or a .docx.
        new: The later version: a spec or a .docx.
        output: The file to write (its extension gives the format unless ``fmt`` does),
            or a binary stream.
        fmt: ``docx``, ``md`` or ``txt``.
        author: Who the tracked changes are recorded under (see
            :func:`~draftkit.diff.letter.default_author`).
        date: When; now when None.
        reference: A house-style ``.docx`` for the .docx redline.
        force: Replace an existing output file.

    Raises:
        DraftkitError: A version cannot be read, the output exists, or rendering failed.
    """
    target = Path(output) if isinstance(output, str | Path) else None
    chosen = diff_format(target, fmt)
    if target is not None:
        refuse_input_as_output(
            target,
            {"the old version": old, "the new version": new, "the reference document": reference},
        )
        claim_output(target, force=force)
    before, after = read_version(old), read_version(new)
    diff = diff_letters(before.letter, after.letter)
    if chosen == "docx":
        props = provenance_properties(after.letter)
        props["draftkit.redline"] = f"{Path(old).name} -> {Path(new).name}"
        data = diff.to_docx(author=author, date=date, reference=reference, properties=props)
    else:
        data = diff.to_text(chosen).encode("utf-8")
    if target is not None:
        write_bytes_atomic(target, data, force=force)
    else:
        assert not isinstance(output, str | Path)
        output.write(data)
        output.flush()
    return RedlineResult(diff, before, after, target, chosen)
