"""PDF through LibreOffice: the DOCX is converted by ``soffice --headless``."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from draftkit.errors import RenderError

__all__ = ["docx_to_pdf", "find_soffice"]

CONVERT_TIMEOUT = 180


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice`` (or ``libreoffice``), if installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx_bytes: bytes) -> bytes:
    """Convert a DOCX to PDF with LibreOffice.

    Args:
        docx_bytes: The document.

    Returns:
        The PDF's bytes.

    Raises:
        RenderError: LibreOffice is not installed, failed, or took too long.
    """
    soffice = find_soffice()
    if soffice is None:
        raise RenderError(
            "PDF output needs LibreOffice, which is not installed",
            hint="install it (Debian/Ubuntu: apt-get install libreoffice-writer; "
            "macOS: brew install --cask libreoffice) or render to .docx",
        )
    with tempfile.TemporaryDirectory(prefix="draftkit-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "letter.docx"
        source.write_bytes(docx_bytes)
        env = {**os.environ, "HOME": str(folder)}
        command = [
            soffice,
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, timeout=CONVERT_TIMEOUT, env=env, check=False
            )
        except subprocess.TimeoutExpired:
            raise RenderError(
                f"LibreOffice did not finish converting within {CONVERT_TIMEOUT} s"
            ) from None
        target = folder / "letter.pdf"
        if result.returncode != 0 or not target.exists():
            detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RenderError(
                "LibreOffice could not convert the letter to PDF"
                + (f" ({detail[-1]})" if detail else ""),
            )
        return target.read_bytes()
