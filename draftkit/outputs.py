"""Where draftkit writes: claiming an output path, and writing it atomically.

Every command that writes a file goes through :func:`claim_output` (never overwrite
without ``--force``; never write over one of the command's own inputs, see
:func:`refuse_input_as_output`) and :func:`write_bytes_atomic` (a temporary file in the
same folder, renamed into place, so a failed write leaves the old file as it was and no
half-written one).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path

from draftkit.errors import OutputError, OutputExistsError

__all__ = [
    "claim_output",
    "os_reason",
    "refuse_input_as_output",
    "write_bytes_atomic",
    "write_text_atomic",
]


def os_reason(exc: OSError) -> str:
    """An OS error as a few words: "permission denied", "no space left on device"."""
    reason = exc.strerror or type(exc).__name__
    return reason[:1].lower() + reason[1:]


def _same_file(first: Path, second: Path) -> bool:
    try:
        if first.exists() and second.exists():
            return first.samefile(second)
        return first.resolve() == second.resolve()
    except OSError:
        return False


def refuse_input_as_output(output: str | Path, inputs: Mapping[str, str | Path | None]) -> None:
    """Refuse an output path that is also one of the command's inputs, even with --force.

    Args:
        output: Where the command would write.
        inputs: What each input is ("the spec", "the reference document") and its path.

    Raises:
        OutputError: ``output`` is the same file as an input (also through a link).
    """
    target = Path(output)
    for role, given in inputs.items():
        if given is None or str(given) == "-":
            continue
        if _same_file(target, Path(given)):
            raise OutputError(
                f"the output is {role}; refusing to overwrite an input, even with --force",
                path=target,
                hint="write to another file",
            )


def claim_output(path: str | Path, *, force: bool = False) -> Path:
    """Check, before any work, that ``path`` may be written: the one place ``--force`` is
    decided (:func:`write_bytes_atomic` asks again when it writes).

    Raises:
        OutputExistsError: ``path`` is a folder, a link or a device, or it exists and
            ``force`` is false.
    """
    target = Path(path)
    _claim(target, force)
    return target


# errors that mean "no such file" when a path is looked at (as pathlib's exists() takes them)
_MISSING = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def _claim(target: Path, force: bool) -> os.stat_result | None:
    """:func:`claim_output` with one look at the path; its status when it exists."""
    try:
        found: os.stat_result | None = os.lstat(target)
    except OSError as exc:
        if exc.errno not in _MISSING:
            raise
        found = None
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise OutputExistsError(
            "output is not a regular file (a folder, link or device)",
            path=target,
            hint="write to a regular file path",
        )
    if found is not None and not force:
        raise OutputExistsError(
            "output file already exists", path=target, hint="pass --force to replace it"
        )
    return found


@contextlib.contextmanager
def _atomic_target(path: Path, force: bool) -> Iterator[int]:
    replaced = _claim(path, force)
    parent = path.parent if str(path.parent) else Path()
    fd, tmp = _temporary(path, parent)
    try:
        if replaced is not None:
            os.fchmod(fd, replaced.st_mode & 0o7777)  # the mode of the file it replaces
        yield fd
        os.close(fd)
        fd = -1
        if not force and path.exists():
            raise OutputExistsError(
                "output file appeared while writing", path=path, hint="pass --force to replace it"
            )
        Path(tmp).replace(path)
    except OSError as exc:
        _discard(fd, tmp)
        raise OutputError(
            f"cannot write the output ({os_reason(exc)}); nothing was written",
            path=path,
            hint="free some space or choose another folder",
        ) from None
    except BaseException:
        _discard(fd, tmp)
        raise


def _temporary(path: Path, parent: Path) -> tuple[int, str]:
    """A new file beside ``path`` (``.NAME.RANDOM.part``), open for writing.

    It is created with mode 0o666 less the umask, the mode a new file gets (the caller
    gives a replaced file's mode back to it).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = str(parent / f".{path.name}.{os.urandom(6).hex()}.part")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            if not parent.is_dir():
                raise OutputExistsError(
                    "the output folder does not exist", path=path, hint=f"create {parent} first"
                ) from None
            raise OutputError(
                f"cannot create a file in {parent} ({os_reason(exc)})",
                path=path,
                hint="choose a folder you can write to",
            ) from None
    raise OutputError(
        f"cannot create a file in {parent} (no free temporary name)",
        path=path,
        hint="remove the .part files left in that folder",
    )


def _discard(fd: int, tmp: str) -> None:
    with contextlib.suppress(OSError):
        if fd != -1:
            os.close(fd)
    with contextlib.suppress(OSError):
        Path(tmp).unlink(missing_ok=True)


def write_bytes_atomic(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Args:
        path: The destination.
        data: The bytes to write.
        force: Replace an existing file.

    Returns:
        The path written.

    Raises:
        OutputExistsError: The file exists and ``force`` is false, or its folder is missing.
        OutputError: The file cannot be written (permissions, a full disk); nothing is
            left behind.
    """
    target = Path(path)
    with _atomic_target(target, force) as fd:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    return target


def write_text_atomic(path: str | Path, text: str, *, force: bool = False) -> Path:
    """Write UTF-8 text atomically; see :func:`write_bytes_atomic`."""
    return write_bytes_atomic(path, text.encode("utf-8"), force=force)
