"""Signers set in a table or in columns: header, numbering and country columns left out,
numbered columns read in their order, rows of names over rows of affiliations, entries of
a few lines in bands, cells wrapped onto the next row rejoined.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from draftkit.ingest import names
from draftkit.ingest.organisations import has_org_word, is_organisation
from draftkit.ingest.postal import is_country_list
from draftkit.ingest.signers import (
    _OFFICE_ABOVE,
    _alternating,
    _group_signatories,
    _is_title_like,
    _person_start,
    _signatory_lines,
    inline_person,
)
from draftkit.ingest.text import Line, normalise_space
from draftkit.schema import Signatory


def _paired_rows(block: list[list[str]], least: int = 4) -> list[Signatory] | None:
    """A table of names over affiliations: a row of names, the row under it where each
    of them works, and so on ("Silvia Romano | Ilaria Barbieri" / "Fiocruz | McGill
    University"), read a pair of rows at a time, left to right."""
    if len(block) < least or len(block) % 2:
        return None
    lines: list[str] = []
    for top, under in zip(block[0::2], block[1::2], strict=True):
        for name, affiliation in itertools.zip_longest(top, under, fillvalue=""):
            if not name and not affiliation:
                continue
            if not name or not affiliation:
                return None
            lines += [name, affiliation]
    if not _alternating(lines):
        return None
    return [Signatory(name=lines[i], title_lines=[lines[i + 1]]) for i in range(0, len(lines), 2)]


def _pair_cut(block: list[list[str]]) -> bool:
    """A names-over-affiliations table cut after a row of names: its affiliations follow."""
    return (
        len(block) >= 3
        and len(block) % 2 == 1
        and all(names.is_person_name(cell) for cell in block[-1] if cell)
        and _paired_rows(block[:-1], least=2) is not None
    )


def _close_brackets(rows: list[list[str]]) -> list[list[str]]:
    """A cell whose bracket the next row's cell in its column closes ("Terre des Femmes
    (Arbeitsgruppe" / "Afrika)"): one name wrapped inside its column, joined."""
    out = [list(row) for row in rows]
    for k in range(len(out) - 1):
        for c, cell in enumerate(out[k]):
            below = out[k + 1][c] if c < len(out[k + 1]) else ""
            if cell.count("(") > cell.count(")") and below.count(")") > below.count("("):
                out[k][c] = f"{cell} {below}"
                out[k + 1][c] = ""
    return out


def _affiliations_below(block: list[list[str]], below: list[list[str]]) -> bool:
    """A row of organisations set a gap under the last names and titles of a table
    ("Elsa Ríos | Carlos Pizango" / "Presidenta | Asesor legal" / gap / "Federación … |
    Instituto …"): the last signers' affiliations, not a row of signers of their own."""
    if not block or not below or not any(below[0]):
        return False
    if len(below) > 1 and any(below[1]):
        return False  # more rows follow: a table of its own
    last = [cell for cell in block[-1] if cell]
    orgs = [cell for cell in below[0] if cell]
    return (
        len(orgs) == len(last) >= 2
        and any(all(_person_start(cell) for cell in r if cell) for r in block)
        and not any(has_org_word(cell) for cell in last)
        and all(has_org_word(cell) or is_organisation(cell) for cell in orgs)
    )


_HEADER_WORD = (
    r"(?:no\.?|nr\.?|n[º°o]\.?|#|number|s\.?\s?no\.?|names?|full name|"
    r"organi[sz]ations?|signator(?:y|ies)|signers?|groups?|countr(?:y|ies)|city|location|"
    r"region|title|position|role|affiliations?|institutions?|nom|pays|país|nombre|"
    r"organizaci[oó]n|ciudad|cargo|category|field|discipline|prize|year|class|cohort|"
    r"entidade|entidad|uf|estado|state|province|provincia|sigla|pa[íi]s|organiza[çc][ãa]o|"
    # an investors' letter: "Investor | Country | Assets under management"
    r"investors?|funds?|assets(?: under management)?|aum|sector|type|amount|size|website|"
    # "Statut / Organization type", "Lien vers la publication / Link to publication"
    r"statut|status|organi[sz]ation type|links?(?: to (?:the )?publication)?|"
    r"lien(?: vers la publication)?|enlace|"
    r"headquarters|head office|hq|domicile|based in|si[èe]ge|sede|"
    # "Organization | Representative", "Organisation | Signed by"
    r"representatives?|signed by|signatory name|contact person|spokesperson|"
    # "Organização | Representante", "Nom | Fonction | Signature", "Name | Designation |
    # Signature": a signing sheet's columns
    r"representantes?|repr[ée]sentante?s?|designation|fonction|functi[oó]n|fun[çc][ãa]o|"
    r"signatures?|assinaturas?|firmas?|unterschrift|nome|vorname|name der organisation)"
)
_HEADER_CELL = re.compile(
    rf"(?i)^{_HEADER_WORD}(?:\s*(?:[/&,]|\s(?:and|or|et|y|e|und))?\s+{_HEADER_WORD}|\s*/\s*{_HEADER_WORD})*"
    # "Assets under management (USD)": the unit after the header's words
    r"(?:\s*\([^()]{1,20}\))?$"
)
"""A table's header cell: "Name", "Organisation / role", "Category Prize Year"."""
_PLACE_HEADER = re.compile(
    r"(?i)^(?:countr|city|location|region|pays|país|ciudad|category|field|discipline|prize|"
    r"year|class|cohort|uf$|estado|state|province|provincia|assets|aum$|sector|type$|"
    r"amount|size$|website|headquarters|head office|hq$|domicile|based in|si[èe]ge|sede$|"
    # "Statut / Organization type", "Lien vers la publication / Link to publication"
    r"statut|status|organi[sz]ation type|links?\b|lien\b|enlace\b)"
)
"""Header of a column that describes the signers (where, what field, which year): left out."""
_ROW_NUMBER = re.compile(r"^\(?\d{1,4}[.)]?\)?$")


def _clean_table(rows: list[list[str]]) -> list[list[str]]:
    """A signatory table without its header row, numbering, year and country columns.

    The cells that remain are names (and titles); list numbers written inside a cell
    ("12. Name") are removed too.
    """
    content = [r for r in rows if any(c.strip() for c in r)]
    if not content:
        return rows
    header: list[str] = []
    first = [c.strip() for c in content[0] if c.strip()]
    if len(first) >= 2 and all(_HEADER_CELL.match(c) for c in first):
        header = [c.strip() for c in content[0]]
        rows = [r for r in rows if r is not content[0]]
    width = max((len(r) for r in rows), default=0)
    drop: set[int] = set()
    for column in range(width):
        cells = [r[column].strip() for r in rows if len(r) > column and r[column].strip()]
        if not cells or width < 2:
            continue
        title = header[column] if column < len(header) else ""
        if (
            sum(
                1
                for c in cells
                if _ROW_NUMBER.match(c)
                or re.fullmatch(r"(?:\d{1,4}\s*)+", c)
                or re.fullmatch(r"(?:19|20)\d\d(?:\s*[/–-]\s*(?:19|20)?\d\d)?", c)
            )
            >= 0.9 * len(cells)
            # (either language of a bilingual header: "Pays / Country")
            or any(_PLACE_HEADER.match(part.strip()) for part in title.split(" / "))
            or (not title and sum(is_country_list(c) for c in cells) >= 0.8 * len(cells))
            # a state's or country's code after each name ("SP", "DF", "USA")
            or (
                column > 0
                and sum(re.fullmatch(r"[A-Z]{2,3}", c) is not None for c in cells)
                >= 0.8 * len(cells)
            )
            # an amount beside each signer ("£4.2bn", "SEK 1.1tn", "US$ 300 million")
            or (
                column > 0
                and sum(bool(re.search(r"\d", c)) and len(c.split()) <= 4 for c in cells)
                >= 0.8 * len(cells)
            )
            # a column describing each signer, not naming them
            or (
                column > 0
                and len(cells) >= 2  # one long name in a row of its own describes no one
                and sum(len(c.split()) for c in cells) >= 10 * len(cells)
            )
        ):
            drop.add(column)
    out: list[list[str]] = []
    for row in rows:
        kept = [cell for index, cell in enumerate(row) if index not in drop]
        out.append([re.sub(r"^\(?\d{1,4}[.)]\s+", "", cell.strip()) for cell in kept])
    return out


def _order_cells(block: list[list[str]]) -> list[str]:
    """The cells of a multi-column list of names, in the order the list was written.

    A list filled down the columns (1–10 in the first, 11–20 in the second) reads
    column by column; one filled across the rows reads row by row. The order whose
    names (or list numbers) are more often in sequence wins, and the columns only when
    they are mostly in sequence (an alphabetical list); rows win otherwise, as a table
    reads.
    """
    width = max(len(r) for r in block)
    across = [cell for row in block for cell in row if cell]
    down = [row[c] for c in range(width) for row in block if c < len(row) and row[c]]

    def in_sequence(cells: list[str]) -> int:
        keys = [re.sub(r"^(?:the|la|le|el|les|los|die|der)\s+", "", c.casefold()) for c in cells]
        return sum(1 for a, b in itertools.pairwise(keys) if a <= b)

    ordered = in_sequence(down)
    if ordered > in_sequence(across) and ordered >= 0.75 * (len(down) - 1):
        return down
    return across


_NUMBERED_CELL = re.compile(r"^\(?(?P<n>\d{1,4})[.)]?\s+(?P<name>\S.*)$")


def _numbered_columns(rows: list[list[str]]) -> list[Signatory] | None:
    """A numbered list set in columns ("1 Acme  48 Bolt  95 Crane"): the names in the
    list's own order, a cell without a number continuing the name above it. A column of
    countries or descriptions beside the names is left out."""
    merged: list[list[str]] = []
    for raw_row in rows:
        row: list[str] = []
        for cell in raw_row:
            # "12" and "Acme Ltd" set apart by a wide gap are one numbered entry
            if row and re.fullmatch(r"\(?\d{1,4}[.)]?", row[-1].strip()) and cell.strip():
                row[-1] = f"{row[-1].strip()} {cell.strip()}"
            else:
                row.append(cell)
        merged.append(row)
    filled = [row for row in merged if any(c.strip() for c in row)]
    leading = [row for row in filled if _NUMBERED_CELL.match(row[0].strip())]
    if len(leading) < 6 or len(leading) < 0.6 * len(filled):
        return None
    # columns holding numbered entries; the others (countries, notes) are not names
    numbered_columns = {
        column
        for row in filled
        for column, cell in enumerate(row)
        if _NUMBERED_CELL.match(cell.strip())
    }
    entries: dict[int, list[str]] = {}
    last_in_column: dict[int, int] = {}
    for row in merged:
        for column, raw in enumerate(row):
            cell = raw.strip()
            if not cell or column not in numbered_columns:
                continue
            match = _NUMBERED_CELL.match(cell)
            if match and int(match.group("n")) not in entries:
                number = int(match.group("n"))
                entries[number] = [match.group("name")]
                last_in_column[column] = number
            elif re.fullmatch(r"\(?\d{1,4}[.)]?", cell):
                continue  # a number whose name is lost
            elif column in last_in_column:
                entries[last_in_column[column]].append(cell)
    out: list[Signatory] = []
    for number in sorted(entries):
        name = normalise_space(" ".join(entries[number]))
        person = inline_person(name)
        out.append(person or Signatory(name=name, kind="organization"))
    return out


def _signer_bands(block: list[list[str]], width: int) -> list[Signatory] | None:
    """A table of signers whose every cell is a whole entry of a few lines (name, title,
    organisation), its rows run together: the signers in reading order, band by band.

    The entry's height is the period at which names come back in every column ("Dr. Astrid
    Berg | Prof. Luca Marino", then two lines of titles, then the next two names).
    """
    if width < 2 or len(block) < 4:
        return None
    for height in (2, 3, 4, 5):
        if len(block) < 2 * height:
            break
        heads = [r for k, r in enumerate(block) if k % height == 0]
        rest = [c for k, r in enumerate(block) if k % height for c in r if c]
        named = [c for r in heads for c in r if c]
        if (
            len(named) >= 2 * len(heads) - 1
            and all(_person_start(c) for c in named)
            and sum(_person_start(c) for c in rest) <= 0.25 * len(rest)
        ):
            out: list[Signatory] = []
            for band in range(0, len(block), height):
                rows = block[band : band + height]
                for column in range(width):
                    cell = [r[column] for r in rows if column < len(r) and r[column]]
                    person = _signatory_lines(cell) if cell else None
                    if person is not None:
                        out.append(person)
            return out
    return None


def _place_cell(cell: str) -> bool:
    """ "Baghdad, Iraq", "The Hague, Netherlands": a town and its country."""
    town, comma, country = cell.rpartition(", ")
    return bool(comma) and len(town.split()) <= 3 and is_country_list(country.strip())


def _body_grid(block: list[list[str]], width: int) -> list[Signatory] | None:
    """Bodies that sign set side by side, each a cell of its name (wrapped over lines)
    over its town: "Iraqi Observatory for Human | Kurdistan Legal Aid Centre" / "Rights |
    Erbil, Iraq" / "Baghdad, Iraq" gives "Iraqi Observatory for Human Rights" (Baghdad,
    Iraq) and "Kurdistan Legal Aid Centre" (Erbil, Iraq): read a column at a time, the
    lines above the town one name (an organisation that signs has only its name in the
    schema: the town is left out, as a signature's contact lines are)."""
    if width < 2 or not 2 <= len(block) <= 5:
        return None
    columns = [[r[c] for r in block if c < len(r) and r[c]] for c in range(width)]
    if not all(
        len(col) >= 2
        and _place_cell(col[-1])
        and not any(_place_cell(x) for x in col[:-1])
        and not _person_start(col[0])
        for col in columns
    ):
        return None
    return [Signatory(name=" ".join(col[:-1]), kind="organization") for col in columns]


def _person_body_title(rows: list[list[str]]) -> tuple[int, int, int] | None:
    """The columns of a three-column table of signers that gives, a row each, a person,
    the body they sign for and their post (in any order): (person, body, post), or None.

    A column is the people's when nearly every cell starts like a name and holds no
    organisation word, the bodies' when most cells name a body, the posts' when most
    are title lines.
    """
    if len(rows) < 3 or any(len(row) != 3 for row in rows):
        return None
    columns = [[row[c] for row in rows if row[c]] for c in range(3)]
    if any(len(column) < 0.9 * len(rows) for column in columns):
        return None

    def share(column: list[str], test: Callable[[str], bool]) -> float:
        return sum(1 for cell in column if test(cell)) / len(column)

    people = [c for c in range(3) if share(columns[c], _person_cell) >= 0.8]
    bodies = [c for c in range(3) if share(columns[c], _body_cell) >= 0.6]
    posts = [c for c in range(3) if share(columns[c], _post_cell) >= 0.6]
    for who in people:
        for body in bodies:
            for post in posts:
                if len({who, body, post}) == 3:
                    return who, body, post
    return None


def _person_cell(cell: str) -> bool:
    return _person_start(cell) and not has_org_word(cell) and not names.is_title_line(cell)


def _body_cell(cell: str) -> bool:
    return has_org_word(cell) or is_organisation(cell)


def _post_cell(cell: str) -> bool:
    return names.is_title_line(cell) or _is_title_like(cell)


def _column_signatories(rows: list[list[str]]) -> list[Signatory]:
    numbered = _numbered_columns(rows)
    if numbered is not None:
        return numbered
    out: list[Signatory] = []
    cells = [cell for row in rows for cell in row if cell]
    org_context = sum(has_org_word(c) for c in cells) >= 0.4 * max(1, len(cells))
    block: list[list[str]] = []
    # a name in the first cell of every row, the other cells describing them (field, year)
    cleaned = [row for row in _clean_table([list(r) for r in rows]) if any(row)]
    # the header again atop a later page ("Nombre | Cargo | Organización")
    cleaned = [r for r in cleaned if not all(_HEADER_CELL.match(c) for c in r if c)]
    roles = _person_body_title(cleaned)
    if roles is not None:
        # "Institution | Signatory | Title": the person signs, with their post, for the body
        who, body, post = roles
        return [
            Signatory(
                name=row[who],
                title_lines=[row[post]] if row[post] else [],
                organization=row[body] or None,
            )
            for row in cleaned
            if len(row) == 3 and row[who]
        ]
    head = next(([c.strip() for c in r] for r in rows if any(c.strip() for c in r)), [])
    if (
        len(head) == 2
        and re.fullmatch(
            r"(?i)organi[sz]ations?|institutions?|groups?|bodies|entit(?:y|ies)|"
            r"organizaci[oó]n(?:es)?|organisme|entidad(?:es)?|organiza[çc](?:[ãa]o|[õo]es)|"
            r"entidades?",
            head[0],
        )
        and re.fullmatch(
            r"(?i)representatives?|signed by|signator(?:y|ies)|names?|"
            r"representante|repr[ée]sentant(?:e)?",
            head[1],
        )
        and len(cleaned) >= 2
        and all(len(row) == 2 and row[0] and row[1] for row in cleaned)
        and sum(_person_cell(row[1]) for row in cleaned) >= 0.8 * len(cleaned)
    ):
        # "Organization | Representative": a person signing for each body, a row each
        return [Signatory(name=row[1], organization=row[0]) for row in cleaned]
    firsts = [r[0] for r in cleaned if r and r[0]]
    others = [c for r in cleaned for c in r[1:] if c]
    if (
        len(cleaned) >= 3
        and sum(_person_start(c) for c in firsts) >= 0.8 * len(cleaned)
        # the cells after the name: titles and bodies ("Centro de Estudios …" starts like
        # a name but is a body), not more people
        # ("Conservation Scientist" starts like one too but is a title)
        and sum(
            _person_start(c) and not has_org_word(c) and not names.is_title_line(c) for c in others
        )
        <= 0.2 * len(others)
    ):
        # one signer per row: the name, then cells that describe them ("Chemistry")
        people = [_signatory_lines([c for c in row if c]) for row in cleaned]
        return [person for person in people if person is not None]
    if (
        len(head) >= 2
        # (either language of a bilingual header: "Nom / Name")
        and any(
            re.fullmatch(
                r"(?i)names?|full name|nombres?|nom|nome|signator(?:y|ies)|"
                r"firmantes?|signataires?|signat[áa]ri[oa]s?",
                part.strip(),
            )
            for part in head[0].split(" / ")
        )
        and all(_HEADER_CELL.match(c) for c in head[1:] if c)
        and len(cleaned) >= 2
        and all(row and row[0] for row in cleaned)
    ):
        # "Nombre | Cargo / Organización": whoever is named in the first cell signs, the
        # other cells describe them (a body's description is left out, as its contact
        # lines are)
        listed: list[Signatory] = []
        for row in cleaned:
            rest = [c for c in row[1:] if c]
            if has_org_word(row[0]) and not _person_cell(row[0]):
                listed.append(Signatory(name=row[0], kind="organization"))
            else:
                listed.append(Signatory(name=row[0], title_lines=rest))
        return listed

    def flush() -> None:
        if not block:
            return
        # each table is cleaned apart: its own header, numbering and country columns
        block[:] = [row for row in _clean_table(list(block)) if any(row)]
        if not block:
            return
        paired = _paired_rows(block)
        if paired is not None:
            out.extend(paired)
            block.clear()
            return
        width = max(len(r) for r in block)
        grid = _body_grid(block, width)
        if grid is not None:
            out.extend(grid)
            block.clear()
            return
        banded = _signer_bands(block, width)
        if banded is not None:
            out.extend(banded)
            block.clear()
            return
        columns = [[r[c] for r in block if c < len(r) and r[c]] for c in range(width)]
        if (
            len(columns) >= 2
            and len(block) <= 4
            and all(
                len(col) >= 2 and _office_cell(col[0]) and names.is_person_name(col[1].rstrip(","))
                for col in columns
            )
        ):
            # "Le Secrétaire général | Le Président" over "Ousmane Diagne | Mamadou Sarr":
            # each signer's office above the name, side by side
            for col in columns:
                out.extend(_group_signatories([Line(x) for x in col[:2]], org_context))
            block.clear()
            return
        side_by_side = (
            len(columns) >= 2
            and len(block) <= 6
            and all(len(col) > 1 and _person_start(col[0]) for col in columns)
            # the lines under the names describe them (not more names, a list in rows)
            and any(
                _is_title_like(x) or has_org_word(x) or not _person_start(x)
                for col in columns
                for x in col[1:]
            )
        )  # two or three signers set in columns: name, then title, in each
        if side_by_side or (
            columns
            and len(columns[0]) > 1
            and _person_start(columns[0][0])
            and any(_is_title_like(x) for x in columns[0][1:])
        ):
            for col in columns:
                person = _signatory_lines(col)
                if person is not None:
                    out.append(person)
        else:
            for cell in _order_cells(block):
                out.extend(_group_signatories([Line(cell)], org_context))
        block.clear()

    rows = _close_brackets(rows)
    for k, row in enumerate(rows):
        if not any(cell for cell in row):
            if (
                _pair_cut(block)
                or _affiliations_below(block, rows[k + 1 : k + 3])
                or _names_below_offices(block, rows[k + 1 : k + 3])
            ):
                continue  # a page break or a gap between names and their affiliations
            flush()
            continue
        if block and _continues(block[-1], row):
            # a cell wrapped onto the next line ("… Network, Dublin" / "Office")
            previous = block[-1]
            width = max(len(previous), len(row))
            above = [*previous, *[""] * (width - len(previous))]
            below = [*row, *[""] * (width - len(row))]
            block[-1] = [f"{a} {b}".strip() for a, b in zip(above, below, strict=True)]
            continue
        block.append(row)
    flush()
    return out


def _office_cell(cell: str) -> bool:
    """ "Le Secrétaire général", "La Présidente,": an office with its article, set above the
    name of whoever holds it."""
    return _OFFICE_ABOVE.match(cell) is not None and names.is_title_line(cell.rstrip(","))


def _names_below_offices(block: list[list[str]], below: list[list[str]]) -> bool:
    """A row of offices ("Le Secrétaire général | Le Président"), a gap, then a row of as
    many names: each office is the title of the name under it."""
    if len(block) != 1:
        return False
    offices = [c for c in block[0] if c]
    names_row = next((r for r in below if any(c.strip() for c in r)), None)
    if names_row is None or len(offices) < 2:
        return False
    people = [c for c in names_row if c]
    return (
        len(people) == len(offices)
        and all(_office_cell(c) for c in offices)
        and all(names.is_person_name(c.rstrip(",")) for c in people)
    )


def _continues(previous: list[str], row: list[str]) -> bool:
    """A row with fewer cells than the one above, each a short or lower-case fragment."""
    filled = [i for i, cell in enumerate(row) if cell]
    above = [i for i, cell in enumerate(previous) if cell]
    if not filled or len(filled) >= len(above) or len(above) < 2:
        return False
    return all(
        i < len(previous)
        and previous[i]
        and (len(row[i].split()) <= 2 or row[i][:1].islower())
        and not _person_start(row[i])
        # "Baghdad, Iraq" under a body's wrapped name: where it is, a line of its own
        and not (_place_cell(row[i]) and not _place_cell(previous[i]))
        for i in filled
    )
