"""ClauseLibrary: the clause files of one or more folders, behind a self-refreshing index."""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import gc
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from draftkit.clauses.freshness import FileStat, file_stats, open_index, read_signature, signature
from draftkit.clauses.model import Clause, SourceInfo
from draftkit.clauses.rows import fetch_rows
from draftkit.clauses.similarity import NEAR_DUPLICATE
from draftkit.clauses.store import (
    append_clauses,
    iter_clause_files,
    parse_clause_text,
    read_clause_file,
    set_clause_fields,
)
from draftkit.config import default_cache_dir
from draftkit.errors import ClauseError
from draftkit.outputs import write_text_atomic
from draftkit.schema import Letter

if TYPE_CHECKING:
    from draftkit.clauses.harvest import HarvestReport

__all__ = ["ClauseLibrary", "SearchHit"]


@dataclass(frozen=True)
class SearchHit:
    """One search result.

    Attributes:
        clause: The clause found.
        score: BM25 relevance (higher is better; comparable within one search only).
        snippet: The sentence holding the best match, matched words in ``[brackets]``.
    """

    clause: Clause
    score: float
    snippet: str


class ClauseLibrary:
    """The clauses of one or more folders, searchable through a cached FTS5 index.

    The YAML files are the truth; the index is rebuilt whenever they change (checked at
    most once per ``refresh_interval`` seconds, by file names, sizes and mtimes). Use it
    as a context manager, or call :meth:`close`::

        with ClauseLibrary(["clauses"]) as library:
            for hit in library.search("humanitarian access", kind="ask"):
                print(hit.clause.id, hit.snippet)

    A library object is meant for one thread at a time; open one per thread (they share
    the index file).

    Args:
        folders: Folders of clause files (``*.yaml``), searched recursively; one
            folder may be given on its own.
        cache_dir: Where the index lives; defaults to the user cache folder.
        refresh_interval: Seconds between checks of the files for changes.

    Raises:
        ClauseError: No folders, or a folder that does not exist.
    """

    def __init__(
        self,
        folders: str | Path | Sequence[str | Path],
        *,
        cache_dir: str | Path | None = None,
        refresh_interval: float = 1.0,
    ) -> None:
        if isinstance(folders, (str, Path)):
            folders = [folders]
        if not folders:
            raise ClauseError(
                "no clause library folders given",
                hint="pass --library DIR or set 'clauses: [clauses]' in draftkit.yaml",
            )
        self.folders = [Path(f).resolve() for f in folders]
        for folder in self.folders:
            if not folder.exists():
                raise ClauseError(
                    "clause library folder not found", path=folder, hint="check the path"
                )
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        key = hashlib.sha256("\n".join(map(str, self.folders)).encode()).hexdigest()[:16]
        self.index_path = self.cache_dir / f"clauses-{key}.sqlite3"
        self.refresh_interval = refresh_interval
        self._conn: sqlite3.Connection | None = None
        self._signature: str | None = None
        self._checked = float("-inf")

    @classmethod
    def from_config(cls, config: Any) -> ClauseLibrary:
        """The library a project configures (``clauses:`` folders and ``cache_dir``).

        Args:
            config: A :class:`~draftkit.config.ProjectConfig`.

        Raises:
            ClauseError: The project names no clause folders.
        """
        if not config.clauses:
            raise ClauseError(
                "the project has no clause library",
                hint="add 'clauses: [clauses]' to draftkit.yaml or pass --library DIR",
            )
        return cls(config.clauses, cache_dir=config.resolved_cache_dir())

    # -- lifecycle ---------------------------------------------------------------------

    def __enter__(self) -> ClauseLibrary:
        self._connection()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the index connection (the library reopens it when used again)."""
        if self._conn is not None:
            self._conn.close()
        self._conn = None
        self._signature = None
        self._checked = float("-inf")

    def files(self) -> list[Path]:
        """The clause files of the library, in order."""
        return list(iter_clause_files(self.folders))

    def load(self) -> list[Clause]:
        """Read and validate every clause file (bypassing the index).

        Raises:
            ClauseError: A file is malformed (``file:line``), or an id is defined twice
                (both places named).
        """
        enabled = gc.isenabled()
        gc.disable()  # many small objects: the cyclic collector would rescan them all
        try:
            return self._load()
        finally:
            if enabled:
                gc.enable()

    def _load(self) -> list[Clause]:
        clauses: list[Clause] = []
        seen: dict[str, Clause] = {}
        files = self.files()
        for path, found in zip(files, _read_all(files), strict=True):
            for clause in found:
                first = seen.get(clause.id)
                if first is not None:
                    raise ClauseError(
                        f"duplicate clause id '{clause.id}': also defined at "
                        f"{first.source_file}:{first.line}",
                        path=path,
                        line=clause.line,
                        hint="rename one of them; ids must be unique across the library",
                    )
                seen[clause.id] = clause
                clauses.append(clause)
        return clauses

    def _lock(self, suffix: str = "") -> contextlib.AbstractContextManager[None]:
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return contextlib.nullcontext()
        if not os.access(self.cache_dir, os.W_OK):
            return contextlib.nullcontext()
        # deferred: the lock is taken only to build the index or edit a file, not for a
        # render whose index is current (start-up time)
        from draftkit.clauses.lock import index_lock

        return index_lock(self.index_path.with_name(self.index_path.name + suffix))

    def _writable_path(self) -> Path | None:
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return self.index_path if os.access(self.cache_dir, os.W_OK) else None

    def _connection(self, *, force: bool = False) -> sqlite3.Connection:
        now = time.monotonic()
        if not force and self._conn is not None and now - self._checked < self.refresh_interval:
            return self._conn
        stats = file_stats(self.files())
        sig = signature(stats, self.folders)
        self._checked = now
        if not force and self._conn is not None and self._signature == sig:
            return self._conn
        if not force:
            existing = open_index(self.index_path)
            if existing is not None and read_signature(existing) == sig:
                return self._use(existing, sig)
            if existing is not None:
                existing.close()
        path = self._writable_path()
        with self._lock():
            conn: sqlite3.Connection | None = None
            if not force and path is not None:
                existing = open_index(path)
                if existing is not None and read_signature(existing) == sig:
                    return self._use(existing, sig)
                if existing is not None:
                    existing.close()
                # deferred: building loads only when the index is stale, not for a render
                # whose index is current (start-up time)
                from draftkit.clauses.index import update_index

                conn = update_index(path, sig, stats, read_clause_file)
            if conn is None:
                conn = self._build(path, sig, stats)
        return self._use(conn, sig)

    def _build(self, path: Path | None, sig: str, stats: Sequence[FileStat]) -> sqlite3.Connection:
        # Building creates hundreds of thousands of short-lived objects for a large
        # library; the cyclic garbage collector would rescan them all repeatedly.
        # deferred: see _connection() (start-up time)
        from draftkit.clauses.index import build_index

        enabled = gc.isenabled()
        gc.disable()
        try:
            return build_index(path, self.load(), sig, stats)
        finally:
            if enabled:
                gc.enable()

    def _use(self, conn: sqlite3.Connection, sig: str) -> sqlite3.Connection:
        if self._conn is not None and self._conn is not conn:
            self._conn.close()
        self._conn = conn
        self._signature = sig
        return conn

    def reindex(self) -> int:
        """Rebuild the index from the files now.

        Returns:
            The number of clauses indexed.
        """
        conn = self._connection(force=True)
        row = conn.execute("SELECT value FROM meta WHERE key = 'count'").fetchone()
        return int(row[0]) if row else 0

    def refresh(self) -> None:
        """Check the files for changes on the next use, regardless of the interval."""
        self._checked = float("-inf")

    # -- reading -----------------------------------------------------------------------

    def __len__(self) -> int:
        row = self._connection().execute("SELECT count(*) FROM clauses").fetchone()
        return int(row[0])

    def __contains__(self, clause_id: object) -> bool:
        if not isinstance(clause_id, str):
            return False
        conn = self._connection()
        return (
            conn.execute("SELECT 1 FROM clauses WHERE id = ?", (clause_id,)).fetchone() is not None
        )

    def get(self, clause_id: str) -> Clause:
        """The clause with this id.

        Raises:
            ClauseError: ``unknown clause id 'x'``, with the closest ids as a hint.
        """
        rows = fetch_rows(self._connection(), "c.id = ?", (clause_id,))
        if rows:
            return rows[0].clause()
        raise ClauseError(f"unknown clause id '{clause_id}'", hint=self._did_you_mean(clause_id))

    def _did_you_mean(self, clause_id: str) -> str:
        conn = self._connection()
        prefix = clause_id.split(".", 1)[0] + "." if "." in clause_id else ""
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM clauses WHERE id LIKE ? ESCAPE '\\' LIMIT 20000",
                (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
            )
        ]
        if not ids and prefix:
            ids = [r[0] for r in conn.execute("SELECT id FROM clauses LIMIT 20000")]
        guesses = difflib.get_close_matches(clause_id, ids, n=3, cutoff=0.5)
        if guesses:
            return "did you mean " + " or ".join(f"'{g}'" for g in guesses) + "?"
        return "see `draftkit clauses list` or `draftkit clauses search WORDS`"

    def ids(self) -> list[str]:
        """Every clause id, in file order."""
        rows = self._connection().execute("SELECT id FROM clauses ORDER BY rowid")
        return [str(row[0]) for row in rows]

    def all(self) -> list[Clause]:
        """Every clause, in file order."""
        return [row.clause() for row in fetch_rows(self._connection())]

    def select(
        self,
        *,
        kind: str | None = None,
        status: str | None = None,
        tags: Sequence[str] = (),
        audience: str | None = None,
    ) -> list[Clause]:
        """The clauses matching all the filters, in file order."""
        where: list[str] = []
        params: list[Any] = []
        if kind:
            where.append("c.kind = ?")
            params.append(kind)
        if status:
            where.append("c.status = ?")
            params.append(status)
        for tag in tags:
            where.append("c.rowid IN (SELECT clause FROM clause_topics WHERE topic = ?)")
            params.append(tag.lower())
        rows = fetch_rows(self._connection(), " AND ".join(where), params)
        clauses = [row.clause() for row in rows]
        return [c for c in clauses if c.suits(audience)] if audience else clauses

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        tags: Sequence[str] = (),
        audience: str | None = None,
        status: str | None = None,
        limit: int = 10,
        language: str | None = None,
    ) -> list[SearchHit]:
        """Clauses ranked by relevance to ``query``, best first.

        The query language (docs/clauses.md): words, ``"phrases"``, ``prefix*``,
        ``-excluded`` words, and filters ``kind:``, ``status:``, ``audience:``,
        ``topic:``. Clauses containing every term rank first, then clauses containing
        some of them, so a query is never empty while a clause contains one of its
        words; within each, BM25 over title, lead, text, topics and id (the title and
        lead weigh most). Words match their inflections and related forms ("detain"
        finds "detention"); common words such as "the" are ignored outside phrases.
        Any other text is safe: punctuation and operators are searched as words.

        Args:
            query: What to look for.
            kind: Only clauses of this kind (combined with any ``kind:`` in the query).
            tags: Only clauses with all these topics.
            audience: Only clauses suiting this audience (or any audience).
            status: Only clauses with this status.
            limit: At most this many hits.
            language: Only clauses worded in this language (``fr`` ...).

        Raises:
            ClauseError: The query names an unknown kind or status.
        """
        # deferred: the search's ranking code loads only when a search runs, not for a
        # render that only looks clauses up by id (start-up time)
        from draftkit.clauses import search as _search

        rows = _search.search_index(
            self._connection(),
            query,
            kind=kind,
            tags=tags,
            audience=audience,
            status=status,
            limit=limit,
            language=language,
        )
        return [
            SearchHit(
                clause=r.clause(), score=round(r.score, 4), snippet=" ".join(r.snippet.split())
            )
            for r in rows
        ]

    # -- editing -----------------------------------------------------------------------

    def _inside(self, path: Path) -> bool:
        resolved = path.resolve()
        return any(resolved == f or f in resolved.parents for f in self.folders)

    def _edit(self, path: Path, change: Any) -> None:
        """Apply ``change(text) -> text`` to a clause file under the edit lock, atomically."""

        with self._lock(".edit"):
            path.parent.mkdir(parents=True, exist_ok=True)
            text = path.read_bytes().decode("utf-8-sig") if path.exists() else ""
            crlf = "\r\n" in text
            new_text = change(text.replace("\r\n", "\n"))
            if crlf:
                new_text = new_text.replace("\n", "\r\n")
            try:
                parse_clause_text(new_text, path)
            except ClauseError as exc:  # pragma: no cover - an editing bug, not user error
                raise ClauseError(
                    f"editing would break the file ({exc.message}); nothing was written",
                    path=path,
                    hint="edit the file by hand",
                ) from exc
            write_text_atomic(path, new_text, force=True)
        self.refresh()

    def _update(self, clause_id: str, updates: Mapping[str, Any]) -> Clause:
        clause = self.get(clause_id)
        path = clause.source_file
        self._edit(path, lambda text: set_clause_fields(text, path, clause_id, updates))
        return self.get(clause_id)

    def default_file(self, clause: Clause) -> Path:
        """The file :meth:`add` writes to: ``<first folder>/<first topic>.yaml``."""
        topic = clause.topics[0] if clause.topics else "drafts"
        slug = re.sub(r"[^a-z0-9]+", "-", topic.lower()).strip("-") or "drafts"
        folder = self.folders[0] if self.folders[0].is_dir() else self.folders[0].parent
        return folder / f"{slug}.yaml"

    def add(self, clause: Clause | Mapping[str, Any], *, to: str | Path | None = None) -> Clause:
        """Add a clause to a clause file (created if needed), keeping the file's content.

        Args:
            clause: The clause, or its data as written in a clause file.
            to: The file; defaults to :meth:`default_file`. It must be inside a library folder.

        Returns:
            The clause as now stored (with its file and line).

        Raises:
            ClauseError: Invalid data, an id already in use, or a file outside the library.
        """
        if not isinstance(clause, Clause):
            try:
                clause = Clause.model_validate(dict(clause))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise ClauseError(
                    str(first["msg"]).removeprefix("Value error, "),
                    where=where or None,
                    hint="see docs/clauses.md for the clause fields",
                ) from None
        if clause.id in self:
            existing = self.get(clause.id)
            raise ClauseError(
                f"clause id '{clause.id}' is already used "
                f"at {existing.source_file}:{existing.line}",
                hint="choose another id",
            )
        target = Path(to) if to is not None else self.default_file(clause)
        if not self._inside(target):
            raise ClauseError(
                "the target file is outside the clause library",
                path=target,
                hint=f"write into {self.folders[0]}",
            )
        new = clause
        self._edit(target, lambda text: append_clauses(text, target, [new]))
        return self.get(clause.id)

    def vet(self, clause_id: str, by: str, on: dt.date | None = None) -> Clause:
        """Mark a clause vetted by ``by`` on ``on`` (today by default).

        Returns:
            The updated clause.
        """
        if not by.strip():
            raise ClauseError("say who vetted the clause", hint="pass --by NAME")
        day = on or dt.date.today()
        return self._update(
            clause_id,
            {
                "status": "vetted",
                "vetted_by": by.strip(),
                "vetted_on": day.isoformat(),
                "retired_reason": None,
            },
        )

    def retire(self, clause_id: str, reason: str) -> Clause:
        """Retire a clause (it stays in the file, with the reason, for the record)."""
        if not reason.strip():
            raise ClauseError("say why the clause is retired", hint="pass --reason TEXT")
        return self._update(clause_id, {"status": "retired", "retired_reason": reason.strip()})

    # -- harvesting --------------------------------------------------------------------

    def harvest(
        self,
        letters: Sequence[tuple[Letter, SourceInfo]],
        *,
        to: str | Path | None = None,
        dry_run: bool = False,
        threshold: float = NEAR_DUPLICATE,
    ) -> HarvestReport:
        """Propose draft clauses from past letters, recognising language already present.

        Each body paragraph, ask and closing paragraph becomes a candidate. A candidate
        that is the same (or nearly the same: a few words or one sentence changed) as a
        library clause, or as one proposed earlier in the run, adds its letter to that
        clause's provenance instead — unless that letter and position are recorded
        already, so harvesting a letter twice changes nothing.

        Args:
            letters: Letters with a description of where they came from.
            to: The file new drafts are appended to (default ``<first folder>/harvested.yaml``).
            dry_run: Report only; write nothing.
            threshold: Similarity from which two texts count as the same language.

        Returns:
            What was added, matched and skipped.
        """
        # deferred: harvesting is its own command; a render never needs it (start-up time)
        from draftkit.clauses.matching import harvest_letters

        return harvest_letters(self, letters, to=to, dry_run=dry_run, threshold=threshold)


PARALLEL_BYTES = 4 * 1024 * 1024
"""Libraries whose files total more than this are parsed by several processes."""


def _read_all(files: Sequence[Path]) -> Iterator[list[Clause]]:
    """The clauses of each file, in order; large libraries are parsed in parallel."""
    workers = min(os.cpu_count() or 1, 8, len(files))
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    if workers < 2 or total < PARALLEL_BYTES:
        yield from (read_clause_file(path) for path in files)
        return

    # deferred: process pools (~15 ms to import) serve only large libraries (start-up time)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = list(pool.map(read_clause_file, files))
    except (OSError, BrokenProcessPool, ClauseError):
        # no processes available, or a bad file: parse here (errors keep their details)
        results = [read_clause_file(path) for path in files]
    yield from results
