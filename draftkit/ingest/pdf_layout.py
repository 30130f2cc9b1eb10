"""The rows of a PDF page and the tables among them.

A PDF has no table, only words placed on a page. Where a signatory list is set in a table
of two or more columns, the text layer gives one row per baseline: the entries of every
column side by side, and an entry too long for its cell wrapped onto the baselines below,
between the other columns' next pieces. This module finds such tables by their shape and
rebuilds their rows:

* **columns**: left edges where, on several rows, a word starts after a gap wider than a
  space (or a row starts), and that no word on the table's rows crosses;
* **wrapped cells**: where the table's rows stand further apart than the lines inside
  a cell, a piece under a cell is the rest of that cell when its first word would not
  have fitted at the end of the line above (the line was full) and it is no title line
  ("Director, Rights Watch" under a long name stays a line of its own).

A rebuilt row is one line with its cells parted by tabs, as a table row in plain text is.
Signature blocks set side by side (a row of names over a row of titles) are no table:
they come back a block at a time (:func:`_side_by_side`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from draftkit.ingest import names
from draftkit.ingest.organisations import has_org_word

__all__ = ["Row", "Word", "rejoin_tables"]

Word = tuple[float, float, str]
"""A word's left and right edge on the page, and its text."""


@dataclass(slots=True)
class Row:
    """Text on one baseline of a page, with its horizontal extent and its words."""

    text: str
    left: float
    right: float
    bottom: float
    top: float
    size: float = 0.0  # the font size of the row's first character (0 when unknown)
    words: tuple[Word, ...] = ()  # empty when a word's place is unknown
    # the baseline of the row's first line, when the row is a table row of several lines
    # (``bottom`` is its last line's): None for a row of one line
    first_bottom: float | None = None

    @property
    def height(self) -> float:
        return max(0.0, self.top - self.bottom)


_TOLERANCE = 2.0
"""Points by which two left edges may differ and still start one column."""

_MIN_ROWS = 3
"""Rows a table has at least (two rows side by side are a date set right, a letterhead)."""

_CELL_WORDS = 10
"""Words a table's cell has at most on one line: a signatory table's cells are names and
titles; a line of prose is no row of one."""

_MARKER = re.compile(
    r"^(?:[•◦▪▫●○■□‣⁃*·–—\ue000-\uf8ff-]|\(?\d{1,3}[.)]|\(?[A-Za-z][.)]|\(?[ivxIVX]{1,4}[.)])$"
)
"""A list item's bullet or number (a private-use glyph too: Word's Symbol-font bullet is
one): the text after it is the item, not a second column."""


def rejoin_tables(rows: list[Row]) -> list[Row]:
    """A page's rows (top to bottom) with each table's rows rebuilt (see the module).

    Rows outside a table are returned as they are.
    """
    columns = _columns(rows)
    if not columns:
        return rows
    out: list[Row] = []
    index = 0
    while index < len(rows):
        end = index
        while end < len(rows) and _fits(rows[end], columns):
            end += 1
        region = rows[index:end]
        if len(region) >= _MIN_ROWS and _tabular(region, columns):
            blocks = _side_by_side(region, columns)
            out.extend(blocks if blocks is not None else _rebuilt(region, columns))
            index = end
        else:
            # no table in this run of rows: keep them all as they are (and the row that
            # ended the run), so each row is looked at once, however long the page
            stop = max(end, index + 1)
            out.extend(rows[index:stop])
            index = stop
    return out


def _size(row: Row) -> float:
    return row.size or max(row.height, 1.0)


def _columns(rows: list[Row]) -> list[float]:
    """Left edges (beyond the first) that start a piece of text on three or more rows."""
    if not rows:
        return []
    margin = min(r.left for r in rows)
    starts: list[float] = []
    for row in rows:
        if not row.words:
            continue
        size = _size(row)
        if row.left > margin + 3 * size:
            starts.append(row.left)  # a row that starts in a later column (a wrapped cell)
        for position, (before, word) in enumerate(itertools.pairwise(row.words)):
            if word[0] - before[1] >= size and not (position == 0 and _MARKER.match(before[2])):
                starts.append(word[0])
    starts.sort()
    columns: list[float] = []
    group: list[float] = []
    for x in [*starts, float("inf")]:
        if group and x - group[0] > _TOLERANCE:
            if len(group) >= _MIN_ROWS:
                columns.append(min(group))
            group = []
        group.append(x)
    return columns


def _cells(row: Row, columns: list[float]) -> dict[int, list[Word]]:
    """The row's words by the column (0 = the first) each starts in.

    A word that starts at or past a later column's edge starts that column: a table's
    cells may stand hardly further apart than words do.
    """
    out: dict[int, list[Word]] = {}
    column = -1
    previous: Word | None = None
    for word in row.words:
        starts = sum(1 for x in columns if word[0] >= x - _TOLERANCE)
        if previous is None or (starts > column and word[0] > previous[1]):
            column = starts
        out.setdefault(column, []).append(word)
        previous = word
    return out


def _fits(row: Row, columns: list[float]) -> bool:
    """A row that can be a table's: every word placed, no cell running into the next
    column (a line of prose, or a running header, crosses where a column starts), none
    longer than a name and title run (:data:`_CELL_WORDS`), and no sentence running on
    from one cell into the next (a comma, then a word in lower case)."""
    if not row.words:
        return False
    cells = _cells(row, columns)
    texts = [" ".join(word[2] for word in words) for _, words in sorted(cells.items())]
    if any(a.endswith(",") and b[:1].islower() for a, b in itertools.pairwise(texts)):
        return False  # "Agradeciendo de antemano su atención, | le hacemos llegar …": prose
    return all(
        len(words) <= _CELL_WORDS
        and (column >= len(columns) or words[-1][1] <= columns[column] + _TOLERANCE)
        for column, words in cells.items()
    )


def _tabular(region: list[Row], columns: list[float]) -> bool:
    """Enough rows have text in two or more columns (a third: under a row of long
    entries, the wrapped rest of a single cell stands alone on its line)."""
    multi = sum(1 for row in region if len(_cells(row, columns)) >= 2)
    return multi >= _MIN_ROWS and multi * 3 >= len(region)


def _rebuilt(region: list[Row], columns: list[float]) -> list[Row]:
    """The region's lines joined into table rows, one line each, cells parted by tabs."""
    lines = [_cells(row, columns) for row in region]
    # where a column's text can reach: its longest line on a row of two or more cells (a
    # heading set alone over the table, "Signatory organizations", may run wider)
    limit: dict[int, float] = {}
    for cells in sorted(lines, key=len, reverse=True):
        for column, words in cells.items():
            if len(cells) >= 2 or column not in limit:
                limit[column] = max(limit.get(column, 0.0), words[-1][1])
    gaps = [a.bottom - b.bottom for a, b in itertools.pairwise(region)]
    # the rows' pitch is read inside the table: from its first row of two or more cells to
    # its last (the close and a heading over it, or the notes under it, stand further off
    # and would make every row of a table set without padding look "close")
    spanned = [k for k, cells in enumerate(lines) if len(cells) >= 2]
    inside = gaps[spanned[0] : spanned[-1]] if len(spanned) >= 2 else gaps
    apart = _row_gap(inside)
    # every column filled in most rows of a table of three columns or more ("Investor |
    # Country | AUM"): a row with its first cell alone is that cell's second line
    filled_rows = len(columns) + 1 >= 3 and sum(
        1 for cells in lines if len(cells) >= len(columns) + 1
    ) >= 0.8 * len(lines)  # (``columns`` are the edges beyond the first)
    out: list[Row] = []
    group: dict[int, list[str]] = {}
    right: dict[int, float] = {}  # where each cell's last line ends
    first = region[0]
    for index, (row, cells) in enumerate(zip(region, lines, strict=True)):
        close = index > 0 and 0 < gaps[index - 1] < apart
        space = 0.3 * _size(row)
        full = all(
            column in right
            and right[column] + space + (words[0][1] - words[0][0]) > limit[column]
            and not names.is_title_line(" ".join(word[2] for word in words))
            for column, words in cells.items()
        )
        # rows set without padding: a piece goes on from the cell above when the text says
        # so ("… indépendants du" / "Sénégal", "… des juristes –" / "antenne de Thiès")
        runs_on = index > 0 and all(
            _runs_on(group.get(column, [""])[-1], " ".join(w[2] for w in words))
            for column, words in cells.items()
        )
        # or a line set close under the cell's last ("… University of" / "Oxford, UK"),
        # whose text goes on from it though the word would have fitted above, the row's
        # first cell empty (a new row names its signer there)
        wraps = (
            (full and (close or (not apart and runs_on)))
            or (close and runs_on and bool(cells) and 0 not in cells)
            # "Fundación Mediterránea de" / "Inversión Responsable" in a table set without
            # padding: the first cell alone, going on from the cell above
            or (index > 0 and not apart and set(cells) == {0} and runs_on)
            # "Church of St Brendan | Ireland | 1.2" / "Investment Trust": a first cell's
            # second line, close under it, in a table whose rows fill every column
            or (
                index > 0
                and set(cells) == {0}
                and filled_rows
                and (close or not apart)
                and len(cells[0]) <= 4
                and (runs_on or not names.is_person_name(" ".join(w[2] for w in cells[0])))
            )
        )
        if not wraps and group:
            out.append(_row(group, first, region[index - 1]))
            group, right, first = {}, {}, row
        for column, words in cells.items():
            text = " ".join(word[2] for word in words)
            parts = group.setdefault(column, [])
            if parts and parts[-1].endswith("-") and text[:1].islower():
                parts[-1] = parts[-1][:-1] + text  # a word hyphenated at the cell's edge
            else:
                parts.append(text)
            right[column] = words[-1][1]
    if group:
        out.append(_row(group, first, region[-1]))
    return out


def _runs_on(above: str, text: str) -> bool:
    """``text`` goes on from ``above`` in one cell: it starts in lower case, ``above`` ends
    with a word that cannot end a name ("du", "of the", a dash) or leaves a bracket open,
    or ``text`` is a short bracketed form of the name above ("(XRAY.fm)")."""
    if not above or not text:
        return False
    return (
        text[:1].islower()
        or _OPEN_END.search(above) is not None
        # "Open MIC (Open Media and Information" / "Companies Initiative)": a bracket left
        # open; "Cascade Broadcast Service" / "(XRAY.fm)": the name's short form under it
        or above.count("(") > above.count(")")
        or (text.startswith("(") and text.rstrip().endswith(")") and len(text) <= 30)
    )


_OPEN_END = re.compile(
    r"(?i)(?:\s(?:of|the|and|for|on|in|to|de|du|des|la|le|les|en|et|pour|y|del|da|do|dos|"
    r"das|e|für|und|der|die)|\s[–—-]|,)$"
)
"""The last word of a cell's line that the cell's next line must complete (or a comma:
"Professor of Law, University of Toronto," / "Canada")."""


_SIGNING_LINE = re.compile(r"[_.…‥·–—-]{3,}")
"""A line drawn to sign on ("__________")."""


def _side_by_side(region: list[Row], columns: list[float]) -> list[Row] | None:
    """Signature blocks set side by side, read a column at a time, or None.

    "Marta Albuquerque | Rodrigo Lopes" / "Presidente | Presidente" / "Associação … |
    Federação …": each column is one signer's block (name, then title and body lines),
    not a row of a table. Such a band opens with a row whose every cell is a person's
    name, at the region's top (below single lines such as the close), after a wider gap
    or under a row of lines to sign on; the row under the names holds a title; the band
    goes on until the next row of names. A row of names that are no titles or bodies,
    a line's pitch under the last, makes the region a table of names instead. The rows
    come back a column at a time, each cell a row of its own (a later column's first row
    stands above the previous column's last, which parts the blocks; a block's lines
    follow its first a line apart, and a line its cell wrapped is joined to it).
    """
    cells = [_cells(row, columns) for row in region]
    texts = [
        {column: " ".join(word[2] for word in words) for column, words in row.items()}
        for row in cells
    ]
    gaps = [a.bottom - b.bottom for a, b in itertools.pairwise(region)]
    usual = sorted(gaps)[len(gaps) // 2] if gaps else 0.0

    def names_row(index: int) -> bool:
        row = texts[index]
        return len(row) >= 2 and all(names.is_person_name(text) for text in row.values())

    def rule_row(index: int) -> bool:
        # "______   ______": the lines to sign on over the names
        return all(_SIGNING_LINE.fullmatch(text) for text in texts[index].values())

    def opens(index: int) -> bool:
        return names_row(index) and (gaps[index - 1] > 1.3 * usual or rule_row(index - 1))

    start = next(
        (index for index in range(len(region)) if len(texts[index]) >= 2 and not rule_row(index)),
        None,
    )
    if start is None or not names_row(start):
        return None  # rows above the names, "Atenciosamente,", stay as they are
    bands: list[list[int]] = []
    for index in range(start, len(region)):
        if rule_row(index):
            continue  # a signing line is no line of a block
        if index == start or opens(index):
            bands.append([index])
        elif (
            names_row(index)
            and not any(
                names.is_title_line(text) or has_org_word(text)  # "Directora Ejecutiva"
                for text in texts[index].values()
            )
            and gaps[index - 1] >= 0.9 * usual  # not the wrapped rest of the lines above
        ):
            return None  # a name in the first column under a band's names: a table's rows
        else:
            bands[-1].append(index)
    if any(len(band) < 2 for band in bands):
        return None
    if not all(
        any(names.is_title_line(text) for text in texts[band[1]].values()) for band in bands
    ):
        # under each row of names, a row of titles ("Presidenta | Director"): signers'
        # blocks; a row of bodies' names wrapped in their cells is a table's
        return None
    # where each column's cell ends: the next column's start; the last is as wide as
    # the first (a signature grid's columns are alike)
    edges = [
        min((row[0][0][0] for row in cells[start:] if 0 in row), default=region[start].left),
        *columns,
    ]
    width = edges[1] - edges[0] if len(edges) > 1 else 0.0
    limit = {c: edges[c + 1] if c + 1 < len(edges) else edges[c] + width for c in range(len(edges))}
    # a block's lines are set this far apart: the least distance between two rows here
    # (a line's pitch on this page, so no paragraph break is made where none was)
    step = min((g for g in gaps[start:] if g > 0), default=_size(region[start]))
    out: list[Row] = list(region[:start])
    for band in bands:
        for column in sorted({c for index in band for c in cells[index]}):
            previous: int | None = None
            for index in band:
                words = cells[index].get(column)
                if not words:
                    continue
                row = region[index]
                text = " ".join(word[2] for word in words)
                if (
                    previous == index - 1
                    and gaps[index - 1] < 0.8 * usual
                    and out[-1].right + 0.3 * _size(row) + (words[0][1] - words[0][0])
                    > limit.get(column, 0.0) - 2 * _size(row)
                    and not names.is_title_line(text)
                ):
                    # closer than the block's lines, and the line above was full: the
                    # rest of a line its cell wrapped
                    above = out[-1]
                    joined = (
                        f"{above.text[:-1]}{text}"
                        if above.text.endswith("-")
                        else f"{above.text} {text}"
                    )
                    out[-1] = Row(
                        joined,
                        above.left,
                        max(above.right, words[-1][1]),
                        above.bottom,
                        above.top,
                        above.size,
                        (*above.words, *words),
                    )
                else:
                    # a block's later lines are set a line apart under its first, so that
                    # no paragraph break parts a name from its title; the next column's
                    # first line, back up the page, parts the blocks
                    bottom = row.bottom if previous is None else out[-1].bottom - step
                    out.append(
                        Row(
                            text,
                            words[0][0],
                            words[-1][1],
                            bottom,
                            bottom + row.height,
                            row.size,
                            tuple(words),
                        )
                    )
                previous = index
    return out


def _row_gap(gaps: list[float]) -> float:
    """The least distance between baselines that parts two table rows.

    A table whose cells have padding sets its rows further apart than the lines inside
    a cell: the least gaps (the lines' pitch) and the next group up are parted where
    they first jump by an eighth or more (and by 2.5 points: baselines read from glyphs
    jitter by a point or two). Without padding the gaps are all alike and
    nothing tells a wrapped cell from an entry a line: 0, no line goes on from another.
    """
    ordered = sorted(g for g in gaps if g > 0)
    if not ordered:
        return 0.0
    for a, b in itertools.pairwise(ordered):
        # a point or two is the jitter of baselines read from glyphs, not padding
        if b >= 1.12 * a and b - a >= 2.0:
            return float((a * b) ** 0.5)  # between the lines' pitch and the next group up
    return 0.0


def _row(group: dict[int, list[str]], first: Row, last: Row) -> Row:
    """One table row: its cells' lines joined, the cells parted by tabs."""
    text = "\t".join(" ".join(group[column]) for column in sorted(group))
    return Row(
        text,
        first.left,
        max(first.right, last.right),
        last.bottom,
        first.top,
        first.size,
        first_bottom=first.bottom if last is not first else None,
    )
