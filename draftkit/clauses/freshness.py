"""Freshness of the clause index: the files' signature and opening an index that is current.

The index is a cache. Its freshness is a *signature* of the clause files — their paths,
modification times (ns) and sizes — stored in the database; computing it costs one
``stat`` per file. An index of another schema, or a missing or corrupt one, is not
opened; :mod:`draftkit.clauses.index` builds a new one.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

__all__ = ["INDEX_SCHEMA", "FileStat", "file_stats", "open_index", "read_signature", "signature"]

INDEX_SCHEMA = 10
"""Bump when the database layout or the stored clause data changes."""


FileStat = tuple[str, int, int]
"""A clause file as the index sees it: path, modification time (ns), size."""


def file_stats(files: Sequence[Path]) -> list[FileStat]:
    """Path, mtime and size of each file (files that vanished are left out)."""
    stats: list[FileStat] = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        stats.append((str(path), stat.st_mtime_ns, stat.st_size))
    return stats


def signature(stats: Sequence[FileStat], folders: Sequence[Path]) -> str:
    """A cheap fingerprint of the library: folder list, file paths, mtimes and sizes."""
    digest = hashlib.sha256(f"schema={INDEX_SCHEMA}\n".encode())
    for folder in folders:
        digest.update(f"folder={folder}\n".encode())
    for path, mtime, size in stats:
        digest.update(f"{path}\0{mtime}\0{size}\n".encode())
    return digest.hexdigest()


def open_index(db_path: Path) -> sqlite3.Connection | None:
    """Open an existing index read-only; None when it is missing, corrupt or outdated."""
    if not db_path.is_file():
        return None
    try:
        conn = sqlite3.connect(
            f"{db_path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if row is None or row[0] != str(INDEX_SCHEMA):
            conn.close()
            return None
    except sqlite3.DatabaseError:
        conn.close()
        return None
    return conn


def read_signature(conn: sqlite3.Connection) -> str | None:
    """The file signature an index was built from."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'signature'").fetchone()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None
