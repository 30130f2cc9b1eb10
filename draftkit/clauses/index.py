"""The clause index: a SQLite FTS5 database in a cache folder, rebuilt from the files.

The index is a cache. Its freshness is a *signature* of the clause files — their paths,
modification times (ns) and sizes — stored in the database; computing it costs one
``stat`` per file (:mod:`draftkit.clauses.freshness`). A stale or missing index is rebuilt:

* under an exclusive lock file (``<index>.lock``, :mod:`draftkit.clauses.lock`), so two
  processes never build at once and the second one finds the first one's result;
* into a temporary database in the same folder, renamed over the old one only when
  complete, so a reader sees the old index or the new one, never half of one;
* readers open the database read-only; nothing ever writes to an index in place.

Deleting the cache folder loses nothing. When the cache folder cannot be written, the
index is built in memory instead.

Changed files are applied incrementally (:func:`update_index`): only they are read
again. Querying is in :mod:`draftkit.clauses.search`.

Modules: ``freshness`` (the files' signature, opening a current index), ``lock`` (the lock
file), ``stems`` (words split and stemmed as the index does), ``rows`` (reading clause
rows, facet tokens); this module builds and updates the index.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from draftkit.clauses.freshness import INDEX_SCHEMA, FileStat, open_index
from draftkit.clauses.model import Clause
from draftkit.clauses.query import STOPWORDS
from draftkit.clauses.rows import _FACET, facet
from draftkit.clauses.stems import index_terms
from draftkit.errors import ClauseError

__all__ = [
    "BM25",
    "CHAMPIONS",
    "CHAMPION_DF",
    "WEIGHTS",
    "build_index",
    "update_index",
]

WEIGHTS = (2.0, 8.0, 4.0, 1.0, 3.0, 0.0)
"""BM25 weights of the FTS columns: id (without its kind), title, lead, text (body and
items), topics, and facets (filter tokens, which do not count)."""

BM25 = f"bm25(fts, {', '.join(str(w) for w in WEIGHTS)})"
"""The ranking expression (FTS5 returns it negated: lower is better)."""

CHAMPION_DF = 2000
"""Words in more clauses than this get a champion list when the index is built."""

CHAMPIONS = 1000
"""How many clauses a champion list holds: a word's best clauses by BM25, best first.

Ranking a word that occurs in tens of thousands of clauses means scoring every one of
them; the champion lists let a search score a few thousand candidates instead (the
champions of each common word, every clause of each rarer word, and clauses added since
the lists were made). See :mod:`draftkit.clauses.search`.
"""

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE clauses (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    source_file TEXT NOT NULL,
    line INTEGER NOT NULL,
    any_audience INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE champions (
    term TEXT NOT NULL, pos INTEGER NOT NULL, clause INTEGER NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (term, pos)
) WITHOUT ROWID;
CREATE TABLE files (
    path TEXT PRIMARY KEY, mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL, ord INTEGER NOT NULL
);
CREATE TABLE clause_topics (clause INTEGER NOT NULL, topic TEXT NOT NULL);
CREATE TABLE clause_audiences (clause INTEGER NOT NULL, audience TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(
    id, title, lead, text, topics, facets,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
"""


def _fts_row(clause: Clause) -> tuple[str, str, str, str, str, str]:
    # the default wording first, then each variant's, set apart by " / " in snippets
    leads = [clause.lead or ""]
    texts = [" ".join(t for t in (clause.text, clause.body, *clause.items) if t)]
    for variant in clause.variants.values():
        leads.append(variant.lead or "")
        parts = (variant.text, variant.body, *(variant.items or []))
        texts.append(" ".join(t for t in parts if t))
    kind, _, slug = clause.id.partition(".")
    facets = [facet("kind", clause.kind), facet("status", clause.status)]
    facets += [facet("topic", t) for t in clause.topics]
    facets += [facet("audience", a) for a in clause.audiences or ["*"]]
    facets.append(facet("language", clause.language))
    return (
        # "ask.humanitarian-access" is indexed as "humanitarian-access": the kind is a
        # filter, not a word every ask contains
        slug if slug and kind == clause.kind else clause.id,
        clause.title,
        " / ".join(t for t in leads if t),
        " / ".join(t for t in texts if t),
        " ".join(clause.topics),
        " ".join(facets),
    )


def _insert(conn: sqlite3.Connection, clauses: Iterable[Clause], first_rowid: int) -> int:
    """Insert clauses with rowids from ``first_rowid``; return how many."""
    count = 0
    clause_rows: list[tuple[Any, ...]] = []
    fts_rows: list[tuple[Any, ...]] = []
    topic_rows: list[tuple[int, str]] = []
    audience_rows: list[tuple[int, str]] = []

    def flush() -> None:
        conn.executemany("INSERT INTO clauses VALUES (?, ?, ?, ?, ?, ?, ?, ?)", clause_rows)
        conn.executemany(
            "INSERT INTO fts (rowid, id, title, lead, text, topics, facets)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            fts_rows,
        )
        conn.executemany("INSERT INTO clause_topics VALUES (?, ?)", topic_rows)
        conn.executemany("INSERT INTO clause_audiences VALUES (?, ?)", audience_rows)
        for rows in (clause_rows, fts_rows, topic_rows, audience_rows):
            rows.clear()

    for count, clause in enumerate(clauses, start=1):
        rowid = first_rowid + count - 1
        clause_rows.append(
            (
                rowid,
                clause.id,
                clause.kind,
                clause.status,
                str(clause.source_file),
                clause.line,
                0 if clause.audiences else 1,
                clause.model_dump_json(exclude_defaults=True),
            )
        )
        fts_rows.append((rowid, *_fts_row(clause)))
        topic_rows += [(rowid, t.lower()) for t in clause.topics]
        audience_rows += [(rowid, a) for a in clause.audiences]
        if len(clause_rows) >= 5000:
            flush()
    flush()
    return count


def _champions(conn: sqlite3.Connection) -> None:
    """Make the champion list of every word in more than :data:`CHAMPION_DF` clauses."""
    conn.execute("DELETE FROM champions")
    common = conn.execute(
        "SELECT term FROM term_df WHERE df > ? ORDER BY term", (CHAMPION_DF,)
    ).fetchall()
    stop_stems = {t for word in STOPWORDS for t in index_terms(word)}
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.spots USING fts5vocab(main, fts, 'instance')"
    )
    for (term,) in common:
        if term in stop_stems or _FACET.fullmatch(term):  # never searched alone
            continue
        word = _word_for(conn, term)
        if word is None:
            continue
        rows = conn.execute(
            f"SELECT rowid, {BM25} AS s FROM fts WHERE fts MATCH ? ORDER BY s LIMIT ?",
            (f'"{word}"', CHAMPIONS),
        ).fetchall()
        conn.executemany(
            "INSERT INTO champions VALUES (?, ?, ?, ?)",
            [(term, pos, rowid, -score) for pos, (rowid, score) in enumerate(rows)],
        )
    top = conn.execute("SELECT coalesce(max(rowid), 0) FROM clauses").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('champion_top', ?)", (str(top),))


_COLUMNS = ("id", "title", "lead", "text", "topics")  # where a word for a term is looked up
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def _word_for(conn: sqlite3.Connection, term: str) -> str | None:
    """A word a query can use to find ``term`` (stemming does not always give back a stem:
    "employ" is stored for "employer", and "employ" itself becomes "emploi")."""
    if index_terms(term) == (term,):
        return term
    spot = conn.execute(
        "SELECT doc, col, offset FROM temp.spots WHERE term = ? LIMIT 1", (term,)
    ).fetchone()
    if spot is None or spot[1] not in _COLUMNS:
        return None
    row = conn.execute(f"SELECT {spot[1]} FROM fts WHERE rowid = ?", (spot[0],)).fetchone()
    tokens: list[str] = _TOKEN.findall(str(row[0] or "")) if row else []
    offset = int(spot[2])
    if offset < len(tokens) and index_terms(tokens[offset].lower()) == (term,):
        return tokens[offset].lower()
    matches = [t.lower() for t in tokens if index_terms(t.lower()) == (term,)]
    return matches[0] if matches else None


def _champion_top(conn: sqlite3.Connection) -> int:
    """The last rowid the champion lists know of."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'champion_top'").fetchone()
    return int(row[0]) if row else 0


def _finish(conn: sqlite3.Connection, sig: str, stats: Sequence[FileStat]) -> None:
    """Record the files, document frequencies and metadata, and commit."""
    conn.execute("DELETE FROM files")
    conn.executemany(
        "INSERT INTO files VALUES (?, ?, ?, ?)",
        [(path, mtime, size, n) for n, (path, mtime, size) in enumerate(stats)],
    )
    conn.execute("DELETE FROM term_df")
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, fts, 'row')")
    conn.execute("INSERT INTO term_df SELECT term, doc FROM temp.vocab")
    conn.execute("DROP TABLE temp.vocab")
    count = conn.execute("SELECT count(*) FROM clauses").fetchone()[0]
    conn.executemany(
        "INSERT OR REPLACE INTO meta VALUES (?, ?)",
        [("schema", str(INDEX_SCHEMA)), ("signature", sig), ("count", str(count))],
    )
    conn.commit()


def _fill(
    conn: sqlite3.Connection, clauses: Iterable[Clause], sig: str, stats: Sequence[FileStat]
) -> None:
    """Create a complete index in an empty database."""
    conn.executescript(_DDL)
    _insert(conn, clauses, 1)
    conn.executescript(
        """
        CREATE INDEX clause_topics_topic ON clause_topics (topic, clause);
        CREATE INDEX clause_topics_clause ON clause_topics (clause);
        CREATE INDEX clause_audiences_audience ON clause_audiences (audience, clause);
        CREATE INDEX clause_audiences_clause ON clause_audiences (clause);
        CREATE INDEX clauses_kind ON clauses (kind);
        CREATE INDEX clauses_file ON clauses (source_file);
        """
    )
    conn.execute("INSERT INTO fts (fts, rank) VALUES ('rank', ?)", (BM25.replace("fts, ", ""),))
    conn.execute("INSERT INTO fts (fts) VALUES ('optimize')")
    _finish(conn, sig, stats)
    _champions(conn)
    conn.commit()


def _remove_abandoned(db_path: Path, age: float = 3600.0) -> None:
    """Delete temporary index files left by builds that were killed (older than ``age`` s)."""
    now = time.time()
    for stale in db_path.parent.glob(f".{db_path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if now - stale.stat().st_mtime > age:
                stale.unlink()


def build_index(
    db_path: Path | None, clauses: Iterable[Clause], sig: str, stats: Sequence[FileStat] = ()
) -> sqlite3.Connection:
    """Build an index and return a read connection to it.

    Args:
        db_path: Where the index lives; None (or an unwritable folder) builds in memory.
        clauses: The validated clauses (ids already checked unique).
        sig: The file signature to record.
        stats: The files the clauses were read from (enables incremental updates).

    Returns:
        A connection to the new index (read-only for a file index).
    """
    if db_path is not None:
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(
                prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent
            )
        except OSError:
            db_path = None
    if db_path is None:
        memory = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(memory, clauses, sig, stats)
        return memory
    os.close(fd)
    tmp = Path(tmp_name)
    _remove_abandoned(db_path)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            _fill(conn, clauses, sig, stats)
        finally:
            conn.close()
        tmp.replace(db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    opened = open_index(db_path)
    if opened is None:  # pragma: no cover - the file was just written
        raise ClauseError("the clause index could not be reopened", path=db_path)
    return opened


def update_index(
    db_path: Path,
    sig: str,
    stats: Sequence[FileStat],
    read: Callable[[Path], list[Clause]],
) -> sqlite3.Connection | None:
    """Bring an existing index up to date by re-reading only the files that changed.

    The old index is copied, the clauses of changed and removed files are replaced in
    the copy, and the copy is renamed over the old index — as atomic as a full build.

    Args:
        db_path: The index.
        sig: The new file signature.
        stats: The library's files now.
        read: Reads one clause file (raises :class:`ClauseError` with ``file:line``).

    Returns:
        A read connection to the updated index, or None when a full build is better
        (no usable old index, or most files changed).

    Raises:
        ClauseError: A changed file is malformed or reuses an id defined elsewhere.
    """
    old = open_index(db_path)
    if old is None:
        return None
    try:
        before = {
            str(p): (int(m), int(z))
            for p, m, z in old.execute("SELECT path, mtime_ns, size FROM files")
        }
    except sqlite3.Error:
        return None
    finally:
        old.close()
    now = {path: (mtime, size) for path, mtime, size in stats}
    changed = [path for path, mtime, size in stats if before.get(path) != (mtime, size)]
    removed = [path for path in before if path not in now]
    if len(changed) > max(2, len(stats) // 3):
        return None
    fresh: list[Clause] = []
    seen: dict[str, Clause] = {}
    for path in changed:
        for clause in read(Path(path)):
            first = seen.get(clause.id)
            if first is not None:
                raise _duplicate(clause, str(first.source_file), first.line)
            seen[clause.id] = clause
            fresh.append(clause)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        shutil.copyfile(db_path, tmp)
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("CREATE TEMP TABLE gone (path TEXT PRIMARY KEY)")
            conn.executemany("INSERT INTO temp.gone VALUES (?)", [(p,) for p in changed + removed])
            ids = list(seen)
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                clash = conn.execute(
                    f"SELECT id, source_file, line FROM clauses WHERE id IN ({marks})"
                    " AND source_file NOT IN (SELECT path FROM temp.gone) LIMIT 1",
                    chunk,
                ).fetchone()
                if clash is not None:
                    raise _duplicate(seen[clash[0]], str(clash[1]), int(clash[2]))
            conn.execute(
                "CREATE TEMP TABLE dropped AS SELECT rowid AS r FROM clauses"
                " WHERE source_file IN (SELECT path FROM temp.gone)"
            )
            conn.execute("DELETE FROM fts WHERE rowid IN (SELECT r FROM temp.dropped)")
            conn.execute("DELETE FROM clause_topics WHERE clause IN (SELECT r FROM temp.dropped)")
            conn.execute(
                "DELETE FROM clause_audiences WHERE clause IN (SELECT r FROM temp.dropped)"
            )
            conn.execute("DELETE FROM clauses WHERE rowid IN (SELECT r FROM temp.dropped)")
            conn.execute("DELETE FROM champions WHERE clause IN (SELECT r FROM temp.dropped)")
            # rowids only grow, so a search knows which clauses came after the champions
            champion_top = _champion_top(conn)
            top = conn.execute("SELECT coalesce(max(rowid), 0) FROM clauses").fetchone()[0]
            top = max(int(top), champion_top)
            _insert(conn, fresh, top + 1)
            _finish(conn, sig, stats)
            added = conn.execute(
                "SELECT count(*) FROM clauses WHERE rowid > ?", (champion_top,)
            ).fetchone()[0]
            if added > CHAMPION_DF // 2:
                _champions(conn)
                conn.commit()
        finally:
            conn.close()
        tmp.replace(db_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return open_index(db_path)


def _duplicate(clause: Clause, other_file: str, other_line: int) -> ClauseError:
    return ClauseError(
        f"duplicate clause id '{clause.id}': also defined at {other_file}:{other_line}",
        path=clause.source_file,
        line=clause.line,
        hint="rename one of them; ids must be unique across the library",
    )
