"""PDF through LibreOffice: DOCX files are converted by ``soffice --headless``.

One letter (:func:`docx_to_pdf`) or a whole batch (:func:`convert_batch`) costs one
LibreOffice process: starting LibreOffice takes longer than converting a letter, so a
mail merge converts all of its letters with a single ``soffice --convert-to pdf`` over
every file. Each run uses its own throw-away LibreOffice profile, so a LibreOffice the
user has open is neither used nor disturbed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from draftkit.errors import RenderError

__all__ = ["BatchConversion", "convert_batch", "docx_to_pdf", "find_soffice"]

CONVERT_TIMEOUT = 180
"""Seconds LibreOffice may take for one letter, start-up included."""
PER_DOCUMENT_TIMEOUT = 30
"""Seconds added to a batch's time limit for each further document."""


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice`` (or ``libreoffice``), if installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _soffice() -> str:
    soffice = find_soffice()
    if soffice is None:
        raise RenderError(
            "PDF output needs LibreOffice, which is not installed",
            hint="install it (Debian/Ubuntu: apt-get install libreoffice-writer; "
            "macOS: brew install --cask libreoffice) or render to .docx",
        )
    return soffice


@dataclass(slots=True)
class BatchConversion:
    """What one LibreOffice run made of a batch of documents.

    Attributes:
        converted: Each source that became a complete PDF -> that PDF (in the output folder).
        failed: Each source that did not -> why, in a few words.
    """

    converted: dict[Path, Path] = field(default_factory=dict)
    failed: dict[Path, str] = field(default_factory=dict)


def _complete_pdf(path: Path) -> bool:
    """A whole PDF: it starts with ``%PDF-`` and ends with ``%%EOF`` (not cut off)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(5)
            handle.seek(max(0, size - 1024))
            tail = handle.read()
    except OSError:
        return False
    return head == b"%PDF-" and b"%%EOF" in tail


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End LibreOffice and the processes it started (its own session)."""
    with contextlib.suppress(OSError):
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def convert_batch(
    sources: Sequence[Path], outdir: Path, *, timeout: float | None = None
) -> BatchConversion:
    """Convert DOCX files to PDF with a single LibreOffice process.

    A document LibreOffice cannot read, or one it had not finished when the time ran out,
    is reported in ``failed``; the others are converted all the same.

    Args:
        sources: The ``.docx`` files; their stems must differ (each PDF is named after
            its source: ``letter.docx`` -> ``outdir/letter.pdf``).
        outdir: Where the PDFs go (an existing folder; a PDF there of the same name is
            replaced, so use a folder of your own).
        timeout: Seconds for the whole batch; by default 180 s plus 30 s per further
            document.

    Returns:
        The PDFs made and the documents that failed.

    Raises:
        RenderError: LibreOffice is not installed or could not be started, or two
            sources share a stem.
    """
    result = BatchConversion()
    if not sources:
        return result
    stems = [source.stem for source in sources]
    if len(set(stems)) != len(stems):
        raise RenderError("two documents of one PDF batch have the same name")
    soffice = _soffice()
    limit = timeout if timeout is not None else (
        CONVERT_TIMEOUT + PER_DOCUMENT_TIMEOUT * (len(sources) - 1)
    )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="draftkit-soffice-") as tmp:
        profile = Path(tmp)
        env = {**os.environ, "HOME": str(profile)}
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}/profile",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *(str(source) for source in sources),
        ]
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                start_new_session=True,
            )
        except OSError as exc:
            raise RenderError(f"LibreOffice could not be started ({exc.strerror})") from None
        timed_out = False
        try:
            _, stderr = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            timed_out = True
            _stop(process)
            stderr = b""
        except BaseException:
            _stop(process)
            raise
    detail = stderr.decode("utf-8", "replace").strip().splitlines()
    if timed_out:
        reason = f"LibreOffice did not finish the batch within {limit:.0f} s"
    elif process.returncode != 0:
        reason = f"LibreOffice failed (exit status {process.returncode})"
    else:
        reason = "LibreOffice could not convert it" + (f" ({detail[-1]})" if detail else "")
    for source in sources:
        target = outdir / f"{source.stem}.pdf"
        if _complete_pdf(target):
            result.converted[source] = target
        else:
            with contextlib.suppress(OSError):
                target.unlink(missing_ok=True)
            result.failed[source] = reason
    return result


def docx_to_pdf(docx_bytes: bytes) -> bytes:
    """Convert a DOCX to PDF with LibreOffice.

    Args:
        docx_bytes: The document.

    Returns:
        The PDF's bytes.

    Raises:
        RenderError: LibreOffice is not installed, failed, or took too long.
    """
    _soffice()
    with tempfile.TemporaryDirectory(prefix="draftkit-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "letter.docx"
        source.write_bytes(docx_bytes)
        batch = convert_batch([source], folder, timeout=CONVERT_TIMEOUT)
        if source in batch.failed:
            raise RenderError(f"{batch.failed[source]}: the letter could not become a PDF")
        return batch.converted[source].read_bytes()
