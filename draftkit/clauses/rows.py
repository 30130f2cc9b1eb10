"""Reading the clause index's rows: clauses in file order, and the facet tokens filters match."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from draftkit.clauses.model import Clause
from draftkit.errors import ClauseError

__all__ = ["IndexRow", "facet", "fetch_rows"]


@dataclass(frozen=True, slots=True)
class IndexRow:
    """A clause row read from the index."""

    id: str
    data: str
    source_file: str
    line: int
    score: float = 0.0
    snippet: str = ""

    def clause(self) -> Clause:
        """The clause object."""
        clause = Clause.model_validate_json(self.data)
        clause.source_file = Path(self.source_file)
        clause.line = self.line
        return clause


def fetch_rows(
    conn: sqlite3.Connection, where: str = "", params: Sequence[Any] = ()
) -> list[IndexRow]:
    """Clause rows in file order, optionally filtered by a SQL condition on ``clauses c``."""
    sql = (
        "SELECT c.id, c.data, c.source_file, c.line FROM clauses c"
        " LEFT JOIN files f ON f.path = c.source_file"
    )
    if where:
        sql += f" WHERE {where}"
    sql += " ORDER BY f.ord, c.line"
    try:
        rows = conn.execute(sql, list(params)).fetchall()
    except sqlite3.Error as exc:
        raise ClauseError(
            f"cannot read the clause index ({exc})", hint="run `draftkit clauses reindex`"
        ) from exc
    return [IndexRow(id=r[0], data=r[1], source_file=r[2], line=r[3]) for r in rows]


_FACET = re.compile(r"[a-z]\d{12,}")


def facet(field: str, value: str) -> str:
    """The token of the ``facets`` column that stands for ``field`` = ``value``.

    Filters on kind, status, topics and audiences are FTS5 column filters on these
    tokens (``*`` is the audience of a clause that suits any audience). A token is a
    letter and digits, which the tokenizer keeps whole and the stemmer leaves alone.
    """
    digest = hashlib.sha256(f"{field}\0{value.lower()}".encode()).hexdigest()
    return field[0] + str(int(digest[:15], 16))
