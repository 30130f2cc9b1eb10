"""What ships with draftkit: the built-in template variants and the reference document.

Their source of truth is the repository's top-level ``templates/`` folder (maintained
there, beside the code, and where a team that keeps its own copy of draftkit adds its
variants). Building the wheel copies it into the package as ``draftkit/templates``
(``setup.py``), so an installed draftkit finds it there; a source checkout or an
editable install uses ``templates/`` itself.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["BUILTIN_VARIANTS", "DEFAULT_REFERENCE", "SHIPPED_TEMPLATES"]


def _shipped() -> Path:
    installed = Path(__file__).resolve().parent / "templates"
    return installed if installed.is_dir() else Path(__file__).resolve().parents[1] / "templates"


SHIPPED_TEMPLATES = _shipped()
"""The folder of what ships: ``variants/`` and ``default.docx``."""

BUILTIN_VARIANTS = SHIPPED_TEMPLATES / "variants"
"""The built-in template variants (``base.j2``, ``us-congress.j2`` ...)."""

DEFAULT_REFERENCE = SHIPPED_TEMPLATES / "default.docx"
"""The bundled reference document: draftkit's named styles, page setup and footer."""
