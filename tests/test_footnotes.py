"""Footnotes: markup, DOCX footnotes.xml, Markdown and text notes, check rules, ingest."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from draftkit.build import prepare_letter
from draftkit.check import check_letter
from draftkit.ingest import ingest_bytes
from draftkit.markup import Span, escape, note_refs, parse, plain, resolve_notes
from draftkit.render import render_docx, render_docx_many, render_markdown, render_text
from draftkit.schema import Ask, Letter, Signatory
from tests.helpers import paragraphs, part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _letter(**extra: object) -> Letter:
    data: dict[str, object] = {
        "addressees": [{"name": "Elena Marsh", "title_lines": ["Minister of Justice"]}],
        "salutation": "Dear Minister Marsh:",
        "body": [
            "At least fourteen defenders are held without charge.[^report] Their families "
            "have not been told where.^[Testimony gathered in *September 2026*; see "
            "[our summary](https://example.org/summary).]",
            "The Working Group called the detentions arbitrary.[^wg]",
        ],
        "asks": [Ask(lead="Release them.^[As the Working Group asked.]", body="Now.")],
        "complimentary_close": "Sincerely,",
        "signatories": [Signatory(name="Ana Ruiz", title_lines=["Director"])],
        "footnotes": {
            "report": "Coalition report *Held Without Charge*, p. 12.",
            "wg": "Opinion 31/2026.",
        },
    }
    data.update(extra)
    return Letter.model_validate(data)


# -- markup ---------------------------------------------------------------------------


def test_inline_note_is_a_span_of_its_own() -> None:
    spans = parse("Held.^[See [the report](https://example.org/r), p. 4.] More.")
    assert spans == [
        Span("Held."),
        Span("", note="See [the report](https://example.org/r), p. 4."),
        Span(" More."),
    ]
    assert plain("Held.^[A note.] More.") == "Held. More."


def test_notes_resolve_by_label_and_unknown_labels_stay() -> None:
    assert resolve_notes("a[^1] b[^x]", {"1": "One"}) == "a^[One] b[^x]"
    assert note_refs("a[^1] b[^x] \\[^y]") == ["1", "x"]


def test_escaped_text_never_makes_a_note() -> None:
    text = "odd ^[not a note] and [^1] as typed"
    assert parse(escape(text)) == [Span(text)]


def test_unclosed_note_is_literal_text() -> None:
    assert parse("a ^[never closed") == [Span("a ^[never closed")]


def test_numeric_labels_from_yaml_are_text() -> None:
    letter = Letter.model_validate({"footnotes": {1: "One"}})
    assert letter.footnotes == {"1": "One"}


# -- DOCX -----------------------------------------------------------------------------


def _notes_xml(data: bytes) -> str:
    return part(data, "word/footnotes.xml")


def test_docx_has_real_footnotes_in_reading_order() -> None:
    data = render_docx(_letter())
    xml = _notes_xml(data)
    assert 'w:type="separator" w:id="-1"' in xml
    assert 'w:type="continuationSeparator" w:id="0"' in xml
    notes = re.findall(r'<w:footnote w:id="(\d+)">(.*?)</w:footnote>', xml)
    texts = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)).strip() for _, body in notes]
    assert texts == [
        "Coalition report Held Without Charge, p. 12.",
        "Testimony gathered in September 2026; see our summary (https://example.org/summary).",
        "Opinion 31/2026.",
        "As the Working Group asked.",
    ]
    assert all('<w:pStyle w:val="FootnoteText"/>' in body for _, body in notes)
    document = part(data, "word/document.xml")
    refs = re.findall(
        r'<w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="(\d+)"/>',
        document,
    )
    assert refs == ["1", "2", "3", "4"]
    # the link in a note has its own relationship, in the footnotes part's rels
    rels = part(data, "word/_rels/footnotes.xml.rels")
    assert 'Target="https://example.org/summary"' in rels
    assert "footnotes+xml" in part(data, "[Content_Types].xml")
    assert "relationships/footnotes" in part(data, "word/_rels/document.xml.rels")
    # the body text does not contain the notes
    body = [text for style, text in paragraphs(data) if style == "Body Text"]
    assert (
        body[0] == "At least fourteen defenders are held without charge. Their families have not "
        "been told where."
    )


def test_docx_footnote_styles_are_words_own() -> None:
    import docx

    document = docx.Document(io.BytesIO(render_docx(_letter())))
    names = {style.style_id: style.name for style in document.styles}
    assert names["FootnoteText"] == "footnote text"
    assert names["FootnoteReference"] == "footnote reference"


def test_docx_without_notes_has_no_footnotes_part() -> None:
    data = render_docx(_letter(footnotes={}, body=["Plain."], asks=[]))
    assert "word/footnotes.xml" not in zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_combined_letters_number_their_notes_apart() -> None:
    data = render_docx_many([_letter(), _letter()])
    ids = re.findall(r'<w:footnote w:id="(\d+)">', _notes_xml(data))
    assert ids == [str(n) for n in range(1, 9)]
    refs = re.findall(r'<w:footnoteReference w:id="(\d+)"/>', part(data, "word/document.xml"))
    assert refs == ids


def test_a_rendered_letter_with_notes_serves_as_reference(tmp_path: Path) -> None:
    """A reference that has a footnotes part keeps one relationship; the part is replaced."""
    reference = tmp_path / "ref.docx"
    reference.write_bytes(render_docx(_letter()))
    data = render_docx(
        _letter(footnotes={"report": "Other.", "wg": "Other 2."}), reference=reference
    )
    rels = part(data, "word/_rels/document.xml.rels")
    assert rels.count("relationships/footnotes") == 1
    assert "Other 2." in _notes_xml(data)
    assert "Opinion 31/2026" not in _notes_xml(data)


def test_docx_with_notes_validates_against_the_schemas() -> None:
    from tests.ooxml import assert_valid_docx, need_schemas

    need_schemas()
    assert_valid_docx(render_docx(_letter()), "letter with footnotes")
    assert_valid_docx(render_docx_many([_letter(), _letter()]), "combined letters with footnotes")


# -- Markdown and text ----------------------------------------------------------------


def test_markdown_numbers_notes_and_lists_them_after_the_letter() -> None:
    md = render_markdown(_letter())
    assert "without charge.[^1] Their families have not been told where.[^2]" in md
    assert "1. **Release them.[^4]** Now." in md or "**Release them.[^4]**" in md
    assert md.rstrip().endswith(
        "[^1]: Coalition report *Held Without Charge*, p. 12.\n"
        "[^2]: Testimony gathered in *September 2026*; see [our summary](https://example.org/summary).\n"
        "[^3]: Opinion 31/2026.\n"
        "[^4]: As the Working Group asked."
    )


def test_markdown_notes_read_as_footnotes_by_pandoc() -> None:
    import json
    import subprocess

    from tests.helpers import need

    pandoc = need("pandoc")
    out = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "json"],
        input=render_markdown(_letter()),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)["blocks"] and out.count('"t":"Note"') == 4


def test_text_sets_notes_as_endnotes() -> None:
    text = render_text(_letter())
    assert "without charge.[1] Their families" in text
    assert "Release them.[4] Now." in text
    tail = text[text.index("\nNotes\n") :]
    assert "1. Coalition report Held Without Charge, p. 12." in tail
    assert (
        "2. Testimony gathered in September 2026; see our summary\n   (https://example.org/summary)."
        in tail
    )
    assert "4. As the Working Group asked." in tail


# -- check ----------------------------------------------------------------------------


def _rules(letter: Letter) -> list[tuple[str, str | None]]:
    report = check_letter(letter, disable=["vetted-language"])
    return [(f.rule, f.where) for f in report.findings if f.rule.startswith("footnote")]


def test_check_flags_a_reference_without_a_note_and_a_note_never_used() -> None:
    letter = _letter(footnotes={"report": "R.", "spare": "Never referred to."})
    assert _rules(letter) == [
        ("footnote-missing", "body[1]"),
        ("footnote-unused", "footnotes.spare"),
    ]
    assert _rules(_letter()) == []


def test_check_reads_the_notes_of_a_bilingual_letters_other_version() -> None:
    english = {
        "body": ["Held without charge.[^report]", "Called arbitrary.[^wgx]"],
        "asks": [{"lead": "Release them.[^spare]"}],
    }
    letter = _letter(
        languages=["fr", "en"],
        language="fr",
        body=["Détenus sans inculpation.[^report]", "Détention arbitraire.[^wg]"],
        translations={"en": english},
        footnotes={"report": "R.", "wg": "W.", "spare": "Only the English refers to it."},
    )
    assert _rules(letter) == [("footnote-missing", "translations.en.body[1]")]


# -- clauses and ingest ---------------------------------------------------------------


def test_a_clause_carries_its_footnote(tmp_path: Path) -> None:
    (tmp_path / "clauses").mkdir()
    (tmp_path / "clauses" / "notes.yaml").write_text(
        "clauses:\n"
        "  - id: context.detentions\n"
        "    kind: context\n"
        "    title: Detentions without charge\n"
        "    text: Defenders are held without charge.^[UN Working Group, Opinion 31/2026.]\n",
        encoding="utf-8",
    )
    (tmp_path / "draftkit.yaml").write_text("clauses: [clauses]\n", encoding="utf-8")
    spec = tmp_path / "letter.yaml"
    spec.write_text(
        "addressees: [{name: Elena Marsh}]\nsalutation: 'Dear Minister:'\n"
        "body: [{clause: context.detentions}]\nsignatories: [{name: Ana Ruiz}]\n",
        encoding="utf-8",
    )
    letter, _ = prepare_letter(spec)
    xml = _notes_xml(render_docx(letter))
    assert "UN Working Group, Opinion 31/2026." in xml


def test_ingest_reads_word_footnotes_back_in_place() -> None:
    result = ingest_bytes(render_docx(_letter()), filename="letter.docx")
    letter = result.letter
    assert letter is not None
    assert letter.texts("body")[0] == (
        "At least fourteen defenders are held without charge.^[Coalition report Held Without "
        "Charge, p. 12.] Their families have not been told where.^[Testimony gathered in "
        "September 2026; see our summary (https://example.org/summary).]"
    )
    # rendered again, the notes are footnotes again, in the same order
    again = _notes_xml(render_docx(letter))
    assert again.count("<w:footnote w:id=") == 4
    assert "Opinion 31/2026." in again


@pytest.mark.parametrize("text", ["a ^[", "^[]", "[^] x", "^[a]^[b]"])
def test_odd_note_markup_never_fails(text: str) -> None:
    parse(text)
    plain(text)


def test_plain_text_leaves_references_out_but_keeps_escaped_ones() -> None:
    assert plain("Held.[^code] More.") == "Held. More."
    assert plain("A literal \\[^code] stays.") == "A literal [^code] stays."
