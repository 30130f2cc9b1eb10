"""PDF through LibreOffice: DOCX files are converted by ``soffice --headless``.

One letter (:func:`docx_to_pdf`) or a batch of up to 200 (:func:`convert_batch`) costs
one LibreOffice process: starting LibreOffice takes longer than converting a letter, so a
mail merge converts its letters with a single ``soffice --convert-to pdf`` over up to 200
files at a time. Each run uses its own throw-away LibreOffice profile, so a LibreOffice the
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
"""Seconds added to a run's time limit for each further document."""
BATCH_LIMIT = 200
"""Documents converted by one LibreOffice process (7.4 stops after 246)."""


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


def _run_soffice(
    soffice: str, profile: Path, sources: Sequence[Path], outdir: Path, limit: float
) -> str:
    """One LibreOffice process over ``sources``; what to say of a document it left."""
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
            env={**os.environ, "HOME": str(profile)},
            start_new_session=True,
        )
    except OSError as exc:
        raise RenderError(f"LibreOffice could not be started ({exc.strerror})") from None
    try:
        _, stderr = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _stop(process)
        return f"LibreOffice did not finish within {limit:.0f} s"
    except BaseException:
        _stop(process)
        raise
    if process.returncode != 0:
        return f"LibreOffice failed (exit status {process.returncode})"
    detail = [
        line
        for line in stderr.decode("utf-8", "replace").strip().splitlines()
        if "javaldx" not in line  # a warning every run prints where Java is missing
    ]
    return "LibreOffice could not convert it" + (f" ({detail[-1]})" if detail else "")


def convert_batch(
    sources: Sequence[Path], outdir: Path, *, timeout: float | None = None
) -> BatchConversion:
    """Convert DOCX files to PDF with one LibreOffice process per 200 documents.

    LibreOffice 7.4 stops after 246 documents in one run (it exits as if it had
    finished), so a batch is converted in runs of at most :data:`BATCH_LIMIT`; a run that
    stops early is continued by a new run over the documents it left. A document
    LibreOffice cannot read, or one it had not finished when the time ran out, is
    reported in ``failed``; the others are converted all the same.

    Args:
        sources: The ``.docx`` files; their stems must differ (each PDF is named after
            its source: ``letter.docx`` -> ``outdir/letter.pdf``).
        outdir: Where the PDFs go (an existing folder; a PDF there of the same name is
            replaced, so use a folder of your own).
        timeout: Seconds for each run; by default 180 s plus 30 s per further document.

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
    remaining = list(sources)
    fruitless = 0
    with tempfile.TemporaryDirectory(prefix="draftkit-soffice-") as tmp:
        profile = Path(tmp)
        while remaining:
            part, rest = remaining[:BATCH_LIMIT], remaining[BATCH_LIMIT:]
            limit = timeout if timeout is not None else (
                CONVERT_TIMEOUT + PER_DOCUMENT_TIMEOUT * (len(part) - 1)
            )  # fmt: skip
            reason = _run_soffice(soffice, profile, part, outdir, limit)
            missing: list[Path] = []
            last = -1  # LibreOffice converts in order: the last document it finished
            for place, source in enumerate(part):
                target = outdir / f"{source.stem}.pdf"
                if _complete_pdf(target):
                    result.converted[source] = target
                    last = place
                else:
                    with contextlib.suppress(OSError):
                        target.unlink(missing_ok=True)
                    missing.append(source)
            # LibreOffice skipped a document before the last one it converted (it failed);
            # it never reached those after it (it stopped or ran out of time): they go to
            # a new run, but the one it was working on when the time ran out failed
            stopped = [source for source in part[last + 1 :] if source in missing]
            for source in missing:
                if source not in stopped:
                    result.failed[source] = reason
            if stopped and (last < 0 or reason.startswith("LibreOffice did not finish")):
                result.failed[stopped.pop(0)] = reason
            fruitless = fruitless + 1 if last < 0 else 0
            if fruitless >= 2:  # two runs in a row made nothing: LibreOffice is not working
                for source in stopped + rest:
                    result.failed[source] = reason
                break
            remaining = stopped + rest
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
