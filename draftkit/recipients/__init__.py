"""Recipient lists for mail merge: CSV, YAML/JSON lists, and the US congress directory.

A :class:`Recipient` is one person a merged letter goes to: the fields an
:class:`~draftkit.schema.Addressee` needs (name, office, gender ...) plus free
``variables`` (a state, a committee, a personal line) that templates can use as
``{{ recipient.state }}``. Every source reads into the same model:

- **CSV** (``.csv``, ``.tsv``): one row per recipient. Column names are matched loosely
  ("Full name", "full_name" and "NAME" are the same column); known columns fill the
  addressee, every other column becomes a variable.
- **YAML/JSON** (``.yaml``, ``.yml``, ``.json``): a list of mappings, or a mapping with a
  ``recipients:`` list, using the same keys as the CSV columns.
- **congress-legislators** (a folder holding ``legislators-current.yaml``, or that file):
  the public-domain directory of the US Congress. Each member's office, state, district,
  party and DC office address come from their current (last) term; members can be
  selected by chamber, state, party and committee (``thomas_id`` such as ``SSFR``, or a
  subcommittee such as ``SSFR09``).

A row that cannot be used (no name, a gender that is not understood) is still returned,
with :attr:`Recipient.problem` saying why, so that merge can report it and go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from draftkit.errors import SpecError
from draftkit.recipients.congress import (
    CONGRESS_FILE,
    STATE_NAMES,
    is_congress,
    load_congress,
    ordinal,
)
from draftkit.recipients.lists import read_csv, read_list
from draftkit.recipients.model import Recipient, recipient_from_mapping
from draftkit.recipients.select import parse_where, select

__all__ = [
    "CONGRESS_FILE",
    "STATE_NAMES",
    "Recipient",
    "is_congress",
    "iter_problems",
    "load_congress",
    "load_recipients",
    "ordinal",
    "parse_where",
    "read_csv",
    "read_list",
    "recipient_from_mapping",
    "select",
]


# --------------------------------------------------------------------------- entry point


def load_recipients(
    source: str | Path,
    *,
    where: Iterable[str] | Mapping[str, Iterable[str]] = (),
    committees: Sequence[str] = (),
) -> list[Recipient]:
    """Read a recipient list from any supported source and select from it.

    Args:
        source: A ``.csv``/``.tsv`` file, a ``.yaml``/``.yml``/``.json`` list, or a
            congress-legislators folder (or its ``legislators-current.yaml``).
        where: ``KEY=VALUE`` strings (see :func:`parse_where`) or an already parsed
            mapping.
        committees: Committee ids; only for the congress data.

    Returns:
        The recipients in source order (rows with problems included, flagged).

    Raises:
        SpecError: Unreadable source, unknown format, or ``committees`` on a plain list.
    """
    path = Path(source)
    conditions = where if isinstance(where, Mapping) else parse_where(where)
    if is_congress(path):
        return load_congress(path, where=conditions, committees=committees)
    if committees:
        raise SpecError(
            "--committee selects from the congress-legislators data only",
            path=path,
            hint="for your own list, add a committee column and use --where committee=...",
        )
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        rows = read_csv(path)
    elif suffix in (".yaml", ".yml", ".json"):
        rows = read_list(path)
    elif path.is_dir():
        raise SpecError(
            "this folder is not congress-legislators data",
            path=path,
            hint=f"pass a .csv or .yaml list, or a folder holding {CONGRESS_FILE}",
        )
    else:
        raise SpecError(
            f"cannot tell the format of '{path.name}'",
            path=path,
            hint="use a .csv, .tsv, .yaml, .yml or .json recipient list",
        )
    return select(rows, conditions)


def iter_problems(recipients: Iterable[Recipient]) -> Iterator[Recipient]:
    """The recipients that cannot be used (their ``problem`` says why)."""
    return (r for r in recipients if r.problem)

