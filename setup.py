"""Packaging: everything is in pyproject.toml but one step, shipping ``templates/``.

The built-in template variants and the reference document are maintained in the
repository's top-level ``templates/`` folder; a built wheel carries them inside the
package as ``draftkit/templates`` (see ``draftkit/shipped.py``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TEMPLATES = Path(__file__).resolve().parent / "templates"
SHIPPED = ("*.docx", "variants/*.j2")


class BuildWithTemplates(build_py):  # type: ignore[misc]
    """``build_py`` that also copies ``templates/`` to ``draftkit/templates``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads templates/ where it is
        target = Path(self.build_lib) / "draftkit" / "templates"
        for pattern in SHIPPED:
            for source in TEMPLATES.glob(pattern):
                destination = target / source.relative_to(TEMPLATES)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)


setup(cmdclass={"build_py": BuildWithTemplates})
