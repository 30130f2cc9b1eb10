"""Loading templates from a few folders, never from outside them (no '..', no links)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from draftkit.compose.limits import MAX_TEMPLATE_BYTES, LimitError, UnsafeNameError
from draftkit.compose.sandbox import display_path
from draftkit.errors import TemplateError

if TYPE_CHECKING:
    pass

__all__ = ["BUILTIN_PREFIX", "FolderLoader"]

_SEGMENT = r"[A-Za-z0-9_][A-Za-z0-9_.\-]*"
_TEMPLATE_NAME = re.compile(rf"^{_SEGMENT}(?:/{_SEGMENT})*$")
BUILTIN_PREFIX = "builtin/"


def _read_no_follow(path: Path) -> bytes:
    """Read a file, refusing it if it was replaced by a symbolic link since it was checked."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_TEMPLATE_BYTES + 1)
    finally:
        os.close(fd)


class FolderLoader(jinja2.BaseLoader):
    """Load templates from a few folders, never from outside them.

    Names are relative paths of plain segments (no ``..``, no absolute paths, no
    backslashes); every segment is checked not to be a symbolic link, and the resolved
    file must lie inside its folder.
    """

    def __init__(self, folders: Sequence[Path], builtin: Path) -> None:
        self.folders = [Path(f) for f in folders]
        self.builtin = builtin

    def _candidates(self, name: str) -> list[Path]:
        if name.startswith(BUILTIN_PREFIX):
            return [self.builtin]
        return [*self.folders, self.builtin]

    def find(self, name: str) -> tuple[Path, Path]:
        """The file for a template name and the folder it was found in.

        Raises:
            jinja2.TemplateNotFound: No folder has it.
            UnsafeNameError: The name or the file is not allowed.
        """
        if not _TEMPLATE_NAME.match(name):
            raise UnsafeNameError(
                f"template name {name!r} is not allowed: use a plain relative name such as"
                " 'us-congress.j2' (no '..', no absolute paths)"
            )
        relative = name.removeprefix(BUILTIN_PREFIX)
        for folder in self._candidates(name):
            path = folder
            for part in relative.split("/"):
                path = path / part
                if path.is_symlink():
                    raise UnsafeNameError(
                        f"template {name!r} is a symbolic link ({display_path(path)}); "
                        "links are refused in template folders"
                    )
            if not path.exists():
                continue
            root = folder.resolve()
            real = path.resolve()
            if not real.is_relative_to(root):
                raise UnsafeNameError(f"template {name!r} resolves outside {display_path(folder)}")
            if not real.is_file():
                raise UnsafeNameError(f"template {name!r} is not a regular file")
            return path, folder
        raise jinja2.TemplateNotFound(name)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path, _ = self.find(template)
        stat = path.stat()
        if stat.st_size > MAX_TEMPLATE_BYTES:
            raise LimitError(
                f"template {template!r} is {stat.st_size:,} bytes; the limit is"
                f" {MAX_TEMPLATE_BYTES:,}"
            )
        try:
            source = _read_no_follow(path).decode("utf-8-sig")
        except OSError as exc:
            raise UnsafeNameError(
                f"template {template!r} cannot be read ({exc.strerror})"
            ) from None
        except UnicodeDecodeError:
            raise TemplateError(
                "template is not UTF-8 text", path=display_path(path), hint="save it as UTF-8"
            ) from None
        mtime = stat.st_mtime_ns

        def uptodate() -> bool:
            try:
                return path.stat().st_mtime_ns == mtime
            except OSError:
                return False

        return source, str(path), uptodate

    def list_templates(self) -> list[str]:
        names: set[str] = set()
        for folder in [*self.folders, self.builtin]:
            if folder.is_dir():
                names.update(p.name for p in folder.glob("*.j2") if not p.is_symlink())
        return sorted(names)
