"""The redline .docx: accepting every change gives the new letter, rejecting every change
the old one (property-tested over generated pairs), valid OOXML, the marks Word expects."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit.build import prepare_letter
from draftkit.diff import diff_letters
from draftkit.errors import RenderError
from draftkit.render import render_docx
from draftkit.schema import Letter, TableEntry
from tests.redline import document_xml, has_changes, paragraphs

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

WORDS = [
    "we", "urge", "the", "council", "to", "act", "now", "refugees", "need", "aid",
    "funding", "human", "rights", "region", "people's", "safety", "and", "protect",
    "monitors", ",", ".", "Lake", "press", "release", "detained", "journalists",
]  # fmt: skip
NAMES = [
    "Alliance for Civilian Protection", "Riverside Legal Clinic", "Ana Ortiz",
    "Defenders at Risk Fund", "Tomas Berg", "Humanitarian Access Watch", "Mei Lin Chow",
    "Women Peacebuilders Network", "Kofi Mensah", "Sara Haddad",
]  # fmt: skip


@st.composite
def sentences(draw: Any, low: int = 1, high: int = 14) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=low, max_size=high))
    out: list[str] = []
    for word in words:
        style = draw(st.sampled_from(["", "", "", "", "bold", "italic", "link", "note"]))
        if style == "bold" and word.isalpha():
            word = f"**{word}**"
        elif style == "italic" and word.isalpha():
            word = f"*{word}*"
        elif style == "link" and word.isalpha():
            word = f"[{word}](https://example.org/{word})"
        elif style == "note" and word.isalpha():
            word = f"{word}^[Note on {word}.]"
        out.append(word)
    return " ".join(out) or "text"


def edited(draw: Any, text: str) -> str:
    """A sentence with a few words changed, dropped or added (or left as it is)."""
    if draw(st.booleans()):
        return text
    words = text.split(" ")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(words)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "bold"]))
        if action == "insert" or not words:
            words.insert(at, draw(st.sampled_from(WORDS)))
        elif action == "delete" and len(words) > 1:
            del words[min(at, len(words) - 1)]
        elif action == "bold":
            index = min(at, len(words) - 1)
            if words[index].isalpha():
                words[index] = f"**{words[index]}**"
        else:
            words[min(at, len(words) - 1)] = draw(st.sampled_from(WORDS))
    return " ".join(words)


def reworked(draw: Any, items: list[Any], fresh: Any, edit: Any) -> list[Any]:
    """A list with some items edited, dropped, added and moved."""
    out = [edit(item) for item in items if draw(st.integers(0, 5))]
    for _ in range(draw(st.integers(0, 2))):
        out.insert(draw(st.integers(0, len(out))), draw(fresh))
    if len(out) > 1 and draw(st.booleans()):
        item = out.pop(draw(st.integers(0, len(out) - 1)))
        out.insert(draw(st.integers(0, len(out))), item)
    return out


cells = st.lists(st.sampled_from(WORDS[:12]), min_size=1, max_size=3).map(" ".join)


@st.composite
def tables(draw: Any, width: int | None = None) -> dict[str, Any]:
    width = width or draw(st.integers(1, 3))
    row = st.lists(cells, min_size=width, max_size=width)
    table: dict[str, Any] = {"rows": draw(st.lists(row, min_size=1, max_size=4))}
    if draw(st.booleans()):
        table["header"] = draw(row)
    if draw(st.booleans()):
        table["caption"] = draw(sentences(1, 4))
    return {"table": table}


def table_edit(draw: Any, entry: dict[str, Any]) -> dict[str, Any]:
    """A table with rows dropped, added, edited; now and then one of another width."""
    table = entry["table"]
    width = len(table["rows"][0])
    if draw(st.integers(0, 5)) == 0:
        return draw(tables())
    row = st.lists(cells, min_size=width, max_size=width)
    rows = reworked(draw, table["rows"], row, lambda r: [edited(draw, c) for c in r])
    out = {**table, "rows": rows or [draw(row)]}
    if table.get("header") and draw(st.booleans()):
        out["header"] = [edited(draw, c) for c in table["header"]]
    return {"table": out}


asks = st.fixed_dictionaries(
    {"lead": sentences(1, 6), "body": sentences(3, 16)},
    optional={"items": st.lists(sentences(2, 6), max_size=3)},
)
addressees = st.fixed_dictionaries(
    {"name": st.sampled_from(["Marisol Vance", "Daniel Osei", "Priya Raman"])},
    optional={
        "honorific": st.sampled_from(["The Honorable", "Ms."]),
        "title_lines": st.lists(st.sampled_from(["Secretary of State", "Director"]), max_size=2),
    },
)


def signers(draw: Any) -> list[dict[str, Any]]:
    names = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=10))
    out: list[dict[str, Any]] = []
    for name in names:
        if len(name.split()) == 2 and draw(st.booleans()):
            titles = draw(st.lists(st.sampled_from(["Director", "Board member"]), max_size=2))
            out.append({"name": name, "title_lines": titles})
        else:
            out.append({"name": name, "kind": "organization"})
    return out


@st.composite
def letter_pairs(draw: Any) -> tuple[Letter, Letter]:
    old: dict[str, Any] = {
        "date": draw(st.sampled_from(["2026-03-16", "2026-04-01"])),
        "sender": {"organization": draw(st.sampled_from(["Lake Region Coalition", "Aid Watch"]))},
        "addressees": draw(st.lists(addressees, min_size=1, max_size=2)),
        "cc": draw(st.lists(addressees, max_size=2)),
        "subject": draw(st.one_of(st.none(), sentences(2, 6))),
        "salutation": draw(st.sampled_from(["Dear Secretary Vance:", "Dear Colleagues,"])),
        "body": draw(st.lists(st.one_of(sentences(), sentences(), tables()), max_size=4)),
        "asks_intro": draw(st.one_of(st.none(), sentences(2, 6))),
        "asks": draw(st.lists(asks, max_size=6)),
        "closing": draw(st.lists(sentences(), max_size=2)),
        "complimentary_close": draw(st.sampled_from(["Sincerely,", "Respectfully,"])),
        "signatories": signers(draw),
        "enclosures": draw(st.lists(sentences(1, 4), max_size=2)),
        "options": {
            "signatory_layout": draw(st.sampled_from(["auto", "list", "columns"])),
            "cc_position": draw(st.sampled_from(["end", "after-address"])),
        },
    }
    new = dict(old)
    text_edit = lambda text: edited(draw, text)  # noqa: E731

    def ask_edit(ask: dict[str, Any]) -> dict[str, Any]:
        out = {**ask, "lead": text_edit(ask["lead"]), "body": text_edit(ask["body"])}
        if ask.get("items"):
            out["items"] = reworked(draw, ask["items"], sentences(2, 6), text_edit)
        return out

    def body_edit(entry: Any) -> Any:
        return table_edit(draw, entry) if isinstance(entry, dict) else text_edit(entry)

    for field in ("body", "closing", "enclosures"):
        if draw(st.booleans()):
            fresh = st.one_of(sentences(), tables()) if field == "body" else sentences()
            new[field] = reworked(draw, old[field], fresh, body_edit)
    if draw(st.booleans()):
        new["asks"] = reworked(draw, old["asks"], asks, ask_edit)
    if draw(st.booleans()):
        new["signatories"] = signers(draw)
    for field in ("date", "subject", "salutation", "complimentary_close", "asks_intro"):
        if draw(st.integers(0, 3)) == 0:
            new[field] = draw(
                {
                    "date": st.sampled_from(["2026-03-16", "2026-05-02"]),
                    "subject": st.one_of(st.none(), sentences(2, 6)),
                    "salutation": st.sampled_from(["Dear Secretary Vance:", "Dear Madam,"]),
                    "complimentary_close": st.sampled_from(["Sincerely,", "With respect,"]),
                    "asks_intro": st.one_of(st.none(), sentences(2, 6)),
                }[field]
            )
    if draw(st.integers(0, 3)) == 0:
        new["addressees"] = draw(st.lists(addressees, min_size=1, max_size=2))
    if draw(st.integers(0, 3)) == 0:
        new["cc"] = draw(st.lists(addressees, max_size=3))
    if draw(st.integers(0, 4)) == 0:
        new["sender"] = {"organization": "Aid Watch International"}
    if draw(st.integers(0, 3)) == 0:
        new["options"] = {
            "signatory_layout": draw(st.sampled_from(["auto", "list", "columns"])),
            "cc_position": draw(st.sampled_from(["end", "after-address"])),
            "number_asks": draw(st.booleans()),
        }
    return Letter.model_validate(old), Letter.model_validate(new)


DATE = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(letter_pairs())
def test_accepting_every_change_gives_the_new_letter_and_rejecting_the_old(
    pair: tuple[Letter, Letter],
) -> None:
    old, new = pair
    redline = diff_letters(old, new).to_docx(author="Reviewer", date=DATE)
    assert paragraphs(redline, accept=True) == paragraphs(render_docx(new))
    assert paragraphs(redline, accept=False) == paragraphs(render_docx(old))


def _example(name: str) -> Letter:
    letter, _ = prepare_letter(EXAMPLES / name)
    return letter


def _edited_coalition() -> tuple[Letter, Letter]:
    old = _example("coalition-president.yaml")
    asks = list(old.asks)
    moved = asks.pop(5)  # "Stand by refugees." goes first, one word changed
    assert moved.lead == "Stand by refugees."
    asks.insert(0, moved.model_copy(update={"body": moved.body.replace("all", "every")}))
    signers = [s for s in old.signatories if s.name != "Defenders at Risk Fund"]
    signers.append(old.signatories[0].model_copy(update={"name": "Riverside Legal Clinic"}))
    body = [old.body[0].replace("central", "**central** and urgent"), *old.body[1:]]
    new = old.model_copy(
        update={
            "asks": asks,
            "signatories": signers,
            "body": body,
            "complimentary_close": "Sincerely,",
        }
    )
    return old, new


def test_a_moved_ask_is_a_move_with_named_ranges_and_its_edit_tracked() -> None:
    old, new = _edited_coalition()
    diff = diff_letters(old, new)
    assert diff.counts()["ask"] == {"moved": 1}
    xml = document_xml(diff.to_docx(author="Policy team", date=DATE)).decode()
    assert xml.count("<w:moveFromRangeStart ") == 1 and xml.count("<w:moveToRangeStart ") == 1
    (name,) = set(re.findall(r'<w:moveFromRangeStart [^>]*w:name="([^"]+)"', xml))
    assert f'w:name="{name}"' in xml.split("<w:moveToRangeStart", 1)[1]
    # what it said at the old place, what it says at the new, the changed word tracked
    moved_from = re.search(r"<w:moveFrom .*?<w:moveFromRangeEnd", xml)
    assert moved_from is not None and "all" in moved_from.group(0)
    assert '<w:del w:id="' in moved_from.group(0)
    moved_to = re.search(r"<w:moveToRangeStart .*?</w:p>", xml)
    assert moved_to is not None and ">every<" in moved_to.group(0)
    assert 'w:author="Policy team"' in xml and 'w:date="2026-12-01T09:30:00Z"' in xml


def test_bold_words_are_a_formatting_change_not_a_deletion() -> None:
    old, new = _edited_coalition()
    xml = document_xml(diff_letters(old, new).to_docx(date=DATE)).decode()
    change = re.search(
        r"<w:r><w:rPr><w:rStyle w:val=\"Strong\"/><w:rPrChange [^>]*>"
        r"<w:rPr/></w:rPrChange></w:rPr><w:t[^>]*>central</w:t>",
        xml,
    )
    assert change, "central turned bold: one run with its old (plain) properties"


def test_a_signer_added_or_removed_is_one_tracked_paragraph() -> None:
    old, new = _edited_coalition()
    redline = diff_letters(old, new).to_docx(date=DATE)
    xml = document_xml(redline).decode()
    found = re.findall(r"<w:p>.*?</w:p>", xml)
    (removed,) = [p for p in found if "Defenders at Risk Fund" in p]
    assert "<w:rPr><w:del " in removed  # the paragraph mark itself
    assert removed.count("<w:del ") == 2  # the mark and the run
    # the last paragraph's mark stays (a document always ends with one): as Word records
    # it, the mark inserted is the one before the new last paragraph
    *_, before, added = found
    assert "Riverside Legal Clinic" in added and added.count("<w:ins ") == 1
    assert "Women Peacebuilders Network" in before and "<w:rPr><w:ins " in before
    accepted = paragraphs(redline, accept=True)
    assert accepted[-2:] == ["Women Peacebuilders Network", "Riverside Legal Clinic"]


def test_a_new_addressee_is_tracked_in_the_address_block() -> None:
    old = _example("secretary-of-state.yaml")
    person = old.addressees[0].model_copy(update={"name": "Jonas P. Whitfield", "gender": "male"})
    new = old.model_copy(update={"addressees": [person], "salutation": "Dear Secretary Whitfield:"})
    diff = diff_letters(old, new)
    assert diff.counts()["addressee"] == {"changed": 1}
    redline = diff.to_docx(date=DATE)
    xml = document_xml(redline).decode()
    address = next(p for p in re.findall(r"<w:p>.*?</w:p>", xml) if "Secretary of State" in p)
    assert re.search(r"<w:del [^>]*><w:r><w:delText[^>]*>Marisol T\. Vance</w:delText>", address)
    assert re.search(r"<w:ins [^>]*><w:r><w:t[^>]*>Jonas P\. Whitfield</w:t>", address)
    assert paragraphs(redline, accept=True) == paragraphs(render_docx(new))


def test_numbering_turned_off_is_a_paragraph_property_change() -> None:
    old = _example("coalition-president.yaml")
    new = old.model_copy(update={"options": old.options.model_copy(update={"number_asks": False})})
    xml = document_xml(diff_letters(old, new).to_docx(date=DATE)).decode()
    changes = re.findall(r"<w:pPrChange [^>]*><w:pPr>(.*?)</w:pPr></w:pPrChange>", xml)
    assert len(changes) == len(old.asks)
    assert all("<w:numPr>" in change for change in changes)


def test_identical_letters_give_a_redline_without_changes() -> None:
    letter = _example("secretary-of-state.yaml")
    diff = diff_letters(letter, letter)
    assert not diff.changed and diff.summary() == []
    redline = diff.to_docx(date=DATE)
    assert not has_changes(redline)
    assert paragraphs(redline) == paragraphs(render_docx(letter))


def test_the_redline_keeps_the_house_style_of_the_reference() -> None:
    old, new = _edited_coalition()
    reference = EXAMPLES / "house-style.docx"
    redline = diff_letters(old, new).to_docx(date=DATE, reference=reference)
    plain = render_docx(new, reference=reference)
    with zipfile.ZipFile(io.BytesIO(redline)) as a, zipfile.ZipFile(io.BytesIO(plain)) as b:
        assert a.read("word/styles.xml") == b.read("word/styles.xml")
        assert sorted(a.namelist()) == sorted(b.namelist())
    assert paragraphs(redline, accept=True) == paragraphs(plain)


def test_the_redline_is_valid_ooxml() -> None:
    from tests.ooxml import assert_valid_docx

    old, new = _edited_coalition()
    assert_valid_docx(diff_letters(old, new).to_docx(date=DATE), "redline")
    cc_old = _example("secretary-of-state.yaml")
    cc_new = cc_old.model_copy(
        update={
            "cc": cc_old.cc[1:] + cc_old.cc[:1],
            "options": cc_old.options.model_copy(update={"number_asks": False}),
            "enclosures": ["Case list"],
        }
    )
    assert_valid_docx(diff_letters(cc_old, cc_new).to_docx(date=DATE), "redline with cc")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letter_pairs())
def test_generated_redlines_are_valid_ooxml(pair: tuple[Letter, Letter]) -> None:
    from tests.ooxml import assert_valid_docx

    assert_valid_docx(diff_letters(*pair).to_docx(date=DATE), "redline")


def test_a_letter_holding_a_reserved_character_is_refused() -> None:
    letter = _example("secretary-of-state.yaml")
    odd = letter.model_copy(update={"salutation": "Dear Secretary Vance\ue001:"})
    with pytest.raises(RenderError, match="U\\+E001"):
        diff_letters(letter, odd).to_docx(date=DATE)


def _real_letters(corpus_dir: Path) -> list[Letter]:
    """The corpus letters (and the wild ones) that ingest reads as resolved letters."""
    from draftkit import ingest_file

    wild = corpus_dir.parent / "corpus-wild"
    files = [*sorted(corpus_dir.glob("*.txt")), *sorted(wild.glob("*.html")),
             *sorted(wild.glob("*.txt"))]  # fmt: skip
    out = []
    for path in files:
        letter = ingest_file(path).letter
        if letter is not None and letter.kind == "letter" and letter.is_resolved:
            out.append(letter)
    return out


def test_real_letters_edited_accept_to_the_new_and_reject_to_the_old(corpus_dir: Path) -> None:
    """Letters written by others (read at test time, never copied): asks reversed, the
    first paragraph dropped, a word changed in the others, the first signer gone."""
    letters = _real_letters(corpus_dir)
    assert len(letters) >= 10
    for old in letters:
        body = [p.replace(" the ", " a ", 1) if isinstance(p, str) else p for p in old.body[1:]]
        new = old.model_copy(
            update={
                "asks": list(reversed(old.asks)),
                "body": body or old.body,
                "signatories": old.signatories[1:],
                "complimentary_close": "With respect,",
            }
        )
        redline = diff_letters(old, new).to_docx(date=DATE)
        assert paragraphs(redline, accept=True) == paragraphs(render_docx(new))
        assert paragraphs(redline, accept=False) == paragraphs(render_docx(old))


def _edited_detentions() -> tuple[Letter, Letter]:
    """The footnotes-and-table example, one note reworded, a row dropped, a cell changed."""
    old = _example("coalition-detentions.yaml")
    table = next(entry for entry in old.body if isinstance(entry, TableEntry))
    rows = [list(row) for row in table.table.rows]
    del rows[1]
    rows[2][4] = "121"
    new_table = table.model_copy(update={"table": table.table.model_copy(update={"rows": rows})})
    body = [
        new_table
        if entry is table
        else entry.replace("at least five", "at least four")
        if isinstance(entry, str)
        else entry
        for entry in old.body
    ]
    notes = {**old.footnotes, "code": old.footnotes["code"].replace("57", "57, paragraph 2")}
    return old, old.model_copy(update={"body": body, "footnotes": notes})


def test_tables_and_footnotes_are_tracked() -> None:
    from tests.ooxml import assert_valid_docx

    old, new = _edited_detentions()
    diff = diff_letters(old, new)
    assert diff.counts()["table"] == {"changed": 1}
    redline = diff.to_docx(author="Reviewer", date=DATE)
    assert paragraphs(redline, accept=True) == paragraphs(render_docx(new))
    assert paragraphs(redline, accept=False) == paragraphs(render_docx(old))
    xml = document_xml(redline).decode()
    # the dropped row is one deleted row; the reworded note: the old mark deleted, the new
    # inserted; the notes left alone stay
    assert xml.count("<w:trPr><w:cantSplit/><w:del ") == 1
    assert re.search(r"<w:del [^>]*>(?:(?!</w:del>).)*<w:footnoteReference", xml)
    assert re.search(r"<w:ins [^>]*>(?:(?!</w:ins>).)*<w:footnoteReference", xml)
    assert xml.count("<w:footnoteReference") == 4
    assert_valid_docx(redline, "redline with a table and footnotes")
    text = diff.to_text()
    assert "[-| Ines Kadar | Journalist" in text
    assert "[-122-]{+121+}" in text
    assert "paragraph 2" in text.split("{+^[", 1)[1]


def test_a_table_whose_columns_changed_is_deleted_and_inserted() -> None:
    old, _ = _edited_detentions()
    table = next(entry for entry in old.body if isinstance(entry, TableEntry))
    narrow = table.table.model_copy(
        update={
            "header": table.table.header[:2],
            "rows": [row[:2] for row in table.table.rows],
            "align": table.table.align[:2],
        }
    )
    body = [
        table.model_copy(update={"table": narrow}) if entry is table else entry
        for entry in old.body
    ]
    new = old.model_copy(update={"body": body})
    redline = diff_letters(old, new).to_docx(date=DATE)
    assert paragraphs(redline, accept=True) == paragraphs(render_docx(new))
    assert paragraphs(redline, accept=False) == paragraphs(render_docx(old))
