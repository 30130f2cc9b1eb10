"""The lock of a clause index: a ``.lock`` file next to it, held while it is built.

Two processes never build one index at once; the second waits and finds the first one's
result. Editing clause files takes a second lock (``<index>.edit.lock``).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from draftkit.errors import ClauseError

__all__ = ["index_lock"]


if sys.platform == "win32":  # pragma: no cover
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def index_lock(db_path: Path, timeout: float = 120.0) -> Iterator[None]:
    """Hold the exclusive lock of an index (a ``.lock`` file next to it).

    Raises:
        ClauseError: The lock could not be taken within ``timeout`` seconds.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise ClauseError(
                    "timed out waiting for the clause index lock",
                    path=lock_path,
                    hint="another draftkit process is building the index; retry",
                )
            time.sleep(0.02)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
