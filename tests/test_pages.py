"""Page-level tests through a real client: LibreOffice lays letters out, poppler reads pages.

Letters of one to six pages (few and many signers, organisations and individuals in
columns, long cc lists, long asks with bullet items) and two series of letters whose
closing paragraph grows a sentence at a time, so that the close lands on every line near
the foot of a page, are rendered to .docx, converted to PDF by LibreOffice in one run,
and read back page by page with ``pdftotext -f N -l N``. For every letter:

- the footer's total equals the page count ("Page N of M" on pages 2 onward, nothing on
  page 1), and pages 2 onward carry the continuation header (addressee, date, page);
- the complimentary close shares a page with the paragraph before it and a signer;
- no signer's lines are split across pages; a short cc list is never split, a long one
  only between entries;
- no page holds only signature material while the page before has room for it;
- signers in two columns read in their listed order (down the columns, not across).

The test letters' text is written here; nothing is taken from the corpus. Each .docx is
also validated against the OOXML schemas. Without LibreOffice or poppler the tests skip
and say which package to install.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from draftkit.build import prepare_letter
from draftkit.render import render_docx, render_docx_many, typeset
from draftkit.render.blocks import ParaBlock, SignatureBlock, SignatureTable
from draftkit.render.layout import layout as blocks_of
from draftkit.render.layout import running_header
from draftkit.schema import Addressee, Ask, Letter, LetterOptions, Sender, Signatory
from tests.conftest import example_specs
from tests.ooxml import assert_valid_docx
from tests.pages import Page, page_count, page_text, pages, to_pdf

ROOT = Path(__file__).resolve().parents[1]
HOUSE = ROOT / "examples" / "house-style.docx"
SENTENCES = (
    "Since the spring, the authorities in Valdoria have detained more than forty people "
    "for taking part in peaceful gatherings.",
    "Families have waited weeks for news of relatives held in places that no independent "
    "observer has been allowed to enter.",
    "Lawyers who take these cases report that their offices have been searched and their "
    "clients moved without notice.",
    "Local monitors have kept careful records of each arrest and shared them with the "
    "relevant United Nations experts.",
    "The government has promised a review several times but has not said who will carry "
    "it out or when it will report.",
    "Radio stations in the northern provinces were ordered off the air after broadcasting "
    "interviews with released detainees.",
    "We recognise the steps your office has already taken, including public statements "
    "and private meetings with officials.",
    "Those steps would carry more weight if they were followed by clear conditions on "
    "future cooperation.",
    "Several partner governments have signalled that they are ready to act together if a "
    "lead is given.",
    "The coming months offer a rare opening, because the budget and the security "
    "agreement are both under negotiation.",
    "Without sustained attention, the practices recorded this year may become the settled "
    "habits of the security services.",
    "Our organisations remain ready to share their records and to arrange meetings with "
    "the families concerned.",
)
FIRST = ("Amina", "Bruno", "Chiara", "Dmitri", "Esther", "Farid", "Greta", "Hugo", "Ines",
         "Jonas", "Kalinda", "Luis", "Mireille", "Nikolai", "Oona", "Pavel")  # fmt: skip
LAST = ("Achterberg", "Brennan", "Castellanos", "Dvorak", "Eriksen", "Fonseca", "Galloway",
        "Hartmann", "Ilunga", "Jovanovic")  # fmt: skip
DATE = dt.date(2026, 6, 15)
CLOSE = "Sincerely,"
NOTE = "Affiliations are listed for identification only."


def _paragraph(start: int, count: int) -> str:
    return " ".join(SENTENCES[(start + i) % len(SENTENCES)] for i in range(count))


def _individual(index: int) -> Signatory:
    name = f"{FIRST[index % len(FIRST)]} {LAST[index % len(LAST)]}-{index + 1}"
    return Signatory(
        name=name,
        title_lines=[f"Senior Researcher, Programme {index + 1}"],
        organization=f"Institute for Open Courts No. {index + 1}",
    )


def _organisation(index: int) -> Signatory:
    return Signatory(name=f"Valdoria Rights Network Chapter {index + 1}", kind="organization")


def _cc(index: int) -> Addressee:
    return Addressee(
        honorific="Ms.",
        name=f"{FIRST[(index + 5) % len(FIRST)]} {LAST[(index + 3) % len(LAST)]}",
        title_lines=[f"Deputy Director, Office {index + 1}", "Bureau of Regional Affairs"],
    )


def letter(
    *,
    body: int,
    asks: int = 0,
    items: int = 0,
    individuals: int = 0,
    organizations: int = 0,
    cc: int = 0,
    enclosures: int = 0,
    closing: int = 2,
    grow: int = 0,
    layout: str = "auto",
) -> Letter:
    """A letter of the given shape, every line of its signature block unique."""
    return Letter(
        audience="us-executive",
        date=DATE,
        sender=Sender(organization="Valdoria Accountability Forum", address_lines=["Geneva"]),
        addressees=[
            Addressee(
                honorific="The Honorable",
                name="Marisol T. Vance",
                title_lines=["Secretary of State"],
                address_lines=["Washington, DC 20520"],
            )
        ],
        cc=[_cc(i) for i in range(cc)],
        subject="Detained protesters in Valdoria",
        salutation="Dear Secretary Vance:",
        body=[_paragraph(i, 3) for i in range(body)] + ([_paragraph(5, grow)] if grow else []),
        asks_intro="We ask that you:" if asks else None,
        asks=[
            Ask(
                lead=f"Take step number {i + 1} without delay.",
                body=_paragraph(i + 2, 2),
                items=[f"{_paragraph(i + j, 1)[:-1]}, in case {j + 1};" for j in range(items)],
            )
            for i in range(asks)
        ],
        closing=[_paragraph(7, closing)] if closing else [],
        complimentary_close=CLOSE,
        signatories=[
            *(_individual(i) for i in range(individuals)),
            *(_organisation(i) for i in range(organizations)),
        ],
        signatory_note=NOTE if individuals > 1 else None,
        enclosures=[f"Annex {i + 1}: list of detained people" for i in range(enclosures)],
        options=LetterOptions(signatory_layout=layout),  # type: ignore[arg-type]
    )


CASES: dict[str, tuple[Letter, int]] = {
    # name: (letter, the page count it is written to have, give or take one)
    "one-page": (letter(body=2, asks=2, individuals=1), 1),
    "two-pages-organisations-cc": (letter(body=5, asks=3, organizations=3, cc=5), 2),
    "three-pages-columns": (letter(body=6, asks=4, individuals=14, cc=2), 3),
    "four-pages-organisations": (letter(body=7, asks=7, items=3, organizations=30), 4),
    "five-pages-columns": (
        letter(body=8, asks=8, items=2, individuals=30, cc=4, enclosures=2),
        5,
    ),
    "six-pages": (letter(body=10, asks=10, items=3, individuals=44, cc=8, enclosures=3), 6),
}
# a body paragraph grows by two sentences at a time, so the close (after a closing
# paragraph of three lines) walks down the page a line or two per letter: about 40 lines
# in all, so that whatever the fonts it crosses the foot of a page. The letters start
# short (one body paragraph, or none beside the growing one before nine signers in
# columns), so that the first of them fits on one page with any LibreOffice and fonts:
# with four paragraphs, LibreOffice 7.4 on Debian 12 set even the first on two pages and
# the sweep proved nothing
SWEEP_LIST = {f"sweep-list-{k:02d}": letter(body=1, individuals=2, grow=2 * k + 1)
              for k in range(16)}  # fmt: skip
SWEEP_COLUMNS = {f"sweep-columns-{k:02d}": letter(body=0, individuals=9, grow=2 * k + 1)
                 for k in range(16)}  # fmt: skip

# a long closing paragraph (about fifteen lines) is not moved whole with the close: the
# close keeps its first signer, and may start a page when the paragraph fills the last
SWEEP_LONG = {f"sweep-long-{k:02d}": letter(body=3, individuals=2, closing=12, grow=2 * k + 1)
              for k in range(10)}  # fmt: skip


@dataclass
class Rendered:
    letter: Letter
    docx: Path
    pdf: Path


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    folder = tmp_path_factory.mktemp("pages")
    letters = {name: spec for name, (spec, _) in CASES.items()}
    letters.update(SWEEP_LIST)
    letters.update(SWEEP_COLUMNS)
    letters.update(SWEEP_LONG)
    references: dict[str, Path] = {"six-pages-house-style": HOUSE}
    letters["six-pages-house-style"] = CASES["six-pages"][0]
    for spec_path in example_specs():
        letters[f"example-{spec_path.stem}"] = prepare_letter(spec_path)[0]
        references[f"example-{spec_path.stem}-house-style"] = HOUSE
        letters[f"example-{spec_path.stem}-house-style"] = letters[f"example-{spec_path.stem}"]
    documents: dict[str, Path] = {}
    for name, spec in letters.items():
        path = folder / f"{name}.docx"
        path.write_bytes(render_docx(spec, reference=references.get(name)))
        documents[name] = path
    pdfs = to_pdf(list(documents.values()), folder / "pdf")
    # the assertions read the letter as it is printed (typographic quotes)
    return {
        name: Rendered(typeset(letters[name]), documents[name], pdfs[documents[name]])
        for name in documents
    }


def _norm(text: str) -> str:
    return " ".join(text.split())


def _body_lines(page: Page) -> list[str]:
    """The page's lines between the continuation header and the footer."""
    return [_norm(line.text) for line in page.lines if 60 < line.top < page.height - 60]


def _where(layout: tuple[Page, ...], text: str) -> list[int]:
    """The page numbers holding a line equal to ``text``."""
    want = _norm(text)
    return [page.number for page in layout if want in _body_lines(page)]


def _signers(spec: Letter) -> list[list[str]]:
    return [signer.lines() for signer in spec.signatories]


def _close(spec: Letter) -> str:
    return spec.complimentary_close or ""


def _signature_material(spec: Letter) -> set[str]:
    lines = {_close(spec), *(line for signer in _signers(spec) for line in signer)}
    if spec.signatory_note:
        lines.add(spec.signatory_note)
    return {_norm(line) for line in lines}


EXAMPLES = [f"example-{p.stem}{suffix}" for p in example_specs() for suffix in ("", "-house-style")]
ALL = [*CASES, *SWEEP_LIST, *SWEEP_COLUMNS, "six-pages-house-style", *EXAMPLES]


@pytest.mark.parametrize("name", ALL)
def test_footer_total_and_continuation_header(rendered: dict[str, Rendered], name: str) -> None:
    item = rendered[name]
    total = page_count(item.pdf)
    first = page_text(item.pdf, 1)
    assert "Page 1" not in first
    assert not [ln for ln in pages(item.pdf)[0].lines if ln.top < 60]
    who, when = running_header(item.letter)
    layout = pages(item.pdf)
    for number in range(2, total + 1):
        text = page_text(item.pdf, number)
        assert f"Page {number} of {total}" in text, f"{name} page {number}: footer"
        page = layout[number - 1]
        header = _norm(" ".join(ln.text for ln in page.lines if ln.top < 60))
        footer = _norm(" ".join(ln.text for ln in page.lines if ln.top > page.height - 60))
        # the page's number once, in the footer; the header names the letter
        assert header == _norm(f"{who} · {when}"), name
        assert footer == f"Page {number} of {total}", name


@pytest.mark.parametrize("name", CASES)
def test_page_counts_span_one_to_six(rendered: dict[str, Rendered], name: str) -> None:
    expected = CASES[name][1]
    assert abs(page_count(rendered[name].pdf) - expected) <= 1


def test_the_sweeps_cross_the_page_boundary(rendered: dict[str, Rendered]) -> None:
    """The growing letters do walk the close over the foot of a page (else they prove less)."""
    for sweep in (SWEEP_LIST, SWEEP_COLUMNS):
        counts = [page_count(rendered[name].pdf) for name in sweep]
        assert counts == sorted(counts) and counts[0] < counts[-1], counts


@pytest.mark.parametrize("name", ALL)
def test_close_stays_with_the_last_paragraph_and_a_signer(
    rendered: dict[str, Rendered], name: str
) -> None:
    item = rendered[name]
    layout = pages(item.pdf)
    (close_page,) = _where(layout, _close(item.letter))
    first_signer = item.letter.signatories[0].name
    assert _where(layout, first_signer) == [close_page], f"{name}: close and first signer apart"
    lines = _body_lines(layout[close_page - 1])
    # a line of the paragraph before the close is on the close's page
    close = _norm(_close(item.letter))
    assert lines.index(close) > 0, f"{name}: the close starts page {close_page}"


@pytest.mark.parametrize("name", SWEEP_LONG)
def test_after_a_long_paragraph_the_close_keeps_its_signer_and_no_gap_is_left(
    rendered: dict[str, Rendered], name: str
) -> None:
    item = rendered[name]
    layout = pages(item.pdf)
    (close_page,) = _where(layout, _close(item.letter))
    assert _where(layout, item.letter.signatories[0].name) == [close_page]
    lines = _body_lines(layout[close_page - 1])
    if lines.index(_norm(_close(item.letter))) == 0:
        # the close starts a page only when the page before had no room for it and its
        # first signer (about 100 pt)
        before = layout[close_page - 2]
        used = [ln for ln in before.lines if 60 < ln.top < before.height - 60]
        room = (before.height - 72) - max(ln.bottom for ln in used)
        assert room < 110, f"{name}: {room:.0f} pt left under the last paragraph"


@pytest.mark.parametrize("name", [*ALL, *SWEEP_LONG])
def test_no_signer_is_split_across_pages_or_columns(
    rendered: dict[str, Rendered], name: str
) -> None:
    item = rendered[name]
    layout = pages(item.pdf)
    for signer in _signers(item.letter):
        want = [_norm(line) for line in signer]
        (page, first) = next(
            (page, line) for page in layout for line in page.lines if _norm(line.text) == want[0]
        )
        # the lines under the name, in the same column of the same page, are the signer's
        below = [
            _norm(line.text)
            for line in page.lines
            if abs(line.x - first.x) < 2 and first.top < line.top < page.height - 60
        ]
        # (a long title wraps inside the column: compare the text, not the lines)
        rest = " ".join(want[1:])
        assert " ".join(below).startswith(rest), (
            f"{name}: {want[0]} (page {page.number}) is followed by {below[: len(want) - 1]}"
        )


@pytest.mark.parametrize("name", ALL)
def test_cc_lists_split_only_between_entries_and_short_ones_never(
    rendered: dict[str, Rendered], name: str
) -> None:
    item = rendered[name]
    if not item.letter.cc:
        return
    layout = pages(item.pdf)
    entries = []
    for index, person in enumerate(item.letter.cc):
        name_line = " ".join(part for part in (person.honorific, person.name) if part)
        lines = [_norm(name_line), *map(_norm, person.title_lines)]
        if index == 0 and not _where(layout, lines[0]):
            lines[0] = f"cc: {lines[0]}"  # the label and the name on one line of the text
        # the entry whole on the page of its name line: its other lines follow it there
        # (entries may share a line, "Bureau of Regional Affairs", so each is found by its
        # name and read on from there)
        (page,) = _where(layout, lines[0])
        body = _body_lines(layout[page - 1])
        start = body.index(lines[0])
        assert body[start : start + len(lines)] == lines, f"{name}: a cc entry is split"
        entries.append({page})
    total_lines = sum(1 + len(p.title_lines) for p in item.letter.cc)
    if total_lines <= 14:
        assert len(set.union(*entries)) == 1, f"{name}: a short cc list is split"


@pytest.mark.parametrize("name", ALL)
def test_no_page_of_signatures_alone_when_the_page_before_had_room(
    rendered: dict[str, Rendered], name: str
) -> None:
    """A page of signature material only follows a page without room for its first part.

    The first part is what is kept together with the first signer on the page: the
    signers a short list keeps together, the last two signers of a long one, the last
    signer and the signatory note.
    """
    item = rendered[name]
    layout = pages(item.pdf)
    material = _signature_material(item.letter)
    signature_lines = material - {_norm(_close(item.letter))}
    groups = _kept_groups(item.letter)
    for page in layout[1:]:
        body = [ln for ln in page.lines if 60 < ln.top < page.height - 60]
        texts = [_norm(ln.text) for ln in body]
        if not texts or not set(texts) <= material:
            continue
        close = _norm(_close(item.letter))
        assert texts[0] != close, f"{name}: page {page.number} starts with the close"
        group = next(g for g in groups if texts[0] in g)
        lines = [ln for ln in body if _norm(ln.text) in group]
        height = max(ln.bottom for ln in lines) - min(ln.top for ln in lines)
        before = layout[page.number - 2]
        used = [ln for ln in before.lines if 60 < ln.top < before.height - 60]
        # signers in columns continue at the foot of the right column
        right = [ln for ln in used if _norm(ln.text) in signature_lines and ln.x > before.width / 2]
        room = (before.height - 72) - max(ln.bottom for ln in (right or used))
        # its spacing (12 pt under a signer) and the line box around the glyphs: 24 pt
        assert room < height + 24, (
            f"{name}: page {page.number} holds only signature material while page "
            f"{before.number} has {room:.0f} pt free for its first {height:.0f} pt"
        )


def _kept_groups(letter: Letter) -> list[list[str]]:
    """The signature material in the groups the layout keeps together, as printed lines."""
    groups: list[list[str]] = []
    chained = False
    for block in blocks_of(letter):
        if isinstance(block, SignatureTable):
            groups += [[_norm(s.name), *map(_norm, s.title_lines)] for s in block.signatures]
            chained = True  # the note sits in the last signer's row
        elif isinstance(block, SignatureBlock):
            lines = [_norm(block.name), *map(_norm, block.title_lines)]
            if chained:
                groups[-1] += lines
            else:
                groups.append(lines)
            chained = block.keep_next
        elif chained and isinstance(block, ParaBlock) and block.text == letter.signatory_note:
            groups[-1].append(_norm(block.text))
            chained = False
    return groups


COLUMNS = [n for n in ALL if "columns" in n or n.startswith(("five", "six", "example-experts"))]


@pytest.mark.parametrize("name", COLUMNS)
def test_signers_in_columns_run_down_the_columns(rendered: dict[str, Rendered], name: str) -> None:
    """On the page: down the left column, then the right, page after page (A C / B D).

    In the PDF's own order (``pdftotext -raw``, what copying text follows) the signers
    come as listed, one column after the other.
    """
    item = rendered[name]
    names = [_norm(s.name) for s in item.letter.signatories]
    placed: list[tuple[int, int, float, str]] = []
    columns_seen = set()
    for page in pages(item.pdf):
        for line in page.lines:
            text = _norm(line.text)
            if text in names:
                column = 0 if line.x < page.width / 2 else 1
                columns_seen.add(column)
                placed.append((page.number, column, line.top, text))
    assert columns_seen == {0, 1}, f"{name}: not set in two columns"
    assert [text for *_, text in sorted(placed)] == names
    seen = [
        _norm(line)
        for number in range(1, page_count(item.pdf) + 1)
        for line in page_text(item.pdf, number, raw=True).splitlines()
        if _norm(line) in names
    ]
    assert seen == names


def test_every_test_letter_is_valid_ooxml(rendered: dict[str, Rendered]) -> None:
    for name, item in rendered.items():
        assert_valid_docx(item.docx, name)


def test_combined_documents_count_each_letters_pages(tmp_path: Path) -> None:
    """A mail-merge document: every letter from "Page 1", its own continuation header."""
    first = CASES["three-pages-columns"][0]
    second = first.model_copy(
        update={"addressees": [Addressee(honorific="Mr.", name="Tobias Lindqvist")]}
    )
    path = tmp_path / "combined.docx"
    path.write_bytes(render_docx_many([first, second]))
    assert_valid_docx(path, "combined document")
    pdf = to_pdf([path], tmp_path / "pdf")[path]
    total = page_count(pdf)
    texts = [page_text(pdf, n) for n in range(1, total + 1)]
    starts = [i for i, text in enumerate(texts) if "Dear Secretary Vance:" in text]
    assert len(starts) == 2 and starts[0] == 0
    second_start = starts[1]
    for index, text in enumerate(texts):
        in_letter = index if index < second_start else index - second_start
        if in_letter == 0:
            assert "Page 1" not in text
            continue
        # "Page N" counted per letter; no whole-document total that would be wrong
        assert f"Page {in_letter + 1}" in text and " of " not in text.split("Page")[-1]
        who = "Marisol T. Vance" if index < second_start else "Tobias Lindqvist"
        assert who in text


def _gap_after(page: Page, text: str) -> float:
    """The space between the line ending with ``text`` and the line under it."""
    lines = [ln for ln in page.lines if 60 < ln.top < page.height - 60 and ln.x < 300]
    index = next(i for i, ln in enumerate(lines) if _norm(ln.text).endswith(text))
    return lines[index + 1].top - lines[index].bottom


def test_lists_sit_tight_and_the_paragraph_after_them_gets_the_usual_gap(
    rendered: dict[str, Rendered],
) -> None:
    """Point 7 of #14: 10 pt after a list, as between paragraphs; items close together."""
    item = rendered["example-coalition-president"]
    layout = pages(item.pdf)
    page = next(p for p in layout if any("legal aid for journalists" in ln.text for ln in p.lines))
    between_paragraphs = _gap_after(page, "prosecution.")  # last bullet -> closing paragraph
    between_items = _gap_after(page, "digital-safety training; and")  # bullet -> bullet
    body_page = layout[0]
    usual = _gap_after(body_page, "in the conflict there.")  # body paragraph -> body paragraph
    assert abs(between_paragraphs - usual) < 2, (between_paragraphs, usual)
    assert between_items < usual - 6, (between_items, usual)
    asks = rendered["four-pages-organisations"]
    ask_page = next(p for p in pages(asks.pdf) if any("in case 3;" in ln.text for ln in p.lines))
    lines = [ln for ln in ask_page.lines if 60 < ln.top < ask_page.height - 60]
    after_list = next(
        lines[i + 1].top - ln.bottom
        for i, ln in enumerate(lines[:-1])
        if _norm(ln.text).endswith("in case 3;")
        and _norm(lines[i + 1].text)[:2].rstrip(".").isdigit()
    )
    assert abs(after_list - usual) < 2, (after_list, usual)


def test_links_print_their_address(rendered: dict[str, Rendered]) -> None:
    item = rendered["example-secretary-of-state"]
    text = " ".join(page_text(item.pdf, n) for n in range(1, page_count(item.pdf) + 1)).replace(
        "\n", " "
    )
    assert "our website (https://example.org/cases)" in _norm(text)


def test_quotes_are_typographic_in_the_pdf(rendered: dict[str, Rendered]) -> None:
    item = rendered["example-experts-re-line"]
    text = "".join(page_text(item.pdf, n) for n in range(1, page_count(item.pdf) + 1))
    assert "\u201cThe Ledger of the Missing\u201d" in text and "Survivors\u2019 Voice" in text
    assert '"' not in text and "'" not in text
