"""Letters in French, Spanish and Arabic: the catalogue, the forms of address in other
languages, the language versions of the variants, and right-to-left DOCX."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from draftkit.build import prepare_letter
from draftkit.cli import main
from draftkit.compose import compose_letter
from draftkit.errors import ProtocolError
from draftkit.languages import (
    LANGUAGES,
    catalogue,
    count_words,
    dated_line,
    format_date,
    join_names,
    plural_close,
)
from draftkit.protocol import address_forms
from draftkit.protocol.languages import language_office, language_offices
from draftkit.recipients import Recipient
from draftkit.render import render_docx, render_text
from draftkit.schema import Letter
from tests.conftest import EXAMPLES
from tests.ooxml import assert_valid_docx, need_schemas

LANG_EXAMPLES = EXAMPLES / "languages"
MARCH_16 = dt.date(2026, 3, 16)


# --------------------------------------------------------------------------- catalogue


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "March 16, 2026"),
        ("fr", "16 mars 2026"),
        ("es", "16 de marzo de 2026"),
        ("ar", "16 مارس 2026"),
    ],
)
def test_dates_are_written_in_the_letters_language(language: str, expected: str) -> None:
    assert format_date(MARCH_16, language) == expected


def test_french_writes_the_first_of_the_month_as_an_ordinal() -> None:
    assert format_date(dt.date(2026, 3, 1), "fr") == "1er mars 2026"
    assert format_date(dt.date(2026, 3, 11), "fr") == "11 mars 2026"


def test_dates_do_not_depend_on_the_machines_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert format_date(MARCH_16, "fr") == "16 mars 2026"
    assert format_date(MARCH_16, "en", "international") == "16 March 2026"


def test_arabic_indic_digits_are_a_setting() -> None:
    assert format_date(MARCH_16, "ar", digits="arabic-indic") == "١٦ مارس ٢٠٢٦"
    assert format_date(MARCH_16, "ar") == "16 مارس 2026"


def test_the_date_line_names_the_place_as_each_language_does() -> None:
    assert dated_line("Genève", "16 mars 2026", "fr") == "Genève, le 16 mars 2026"
    assert dated_line("Lima", "16 de marzo de 2026", "es") == "Lima, 16 de marzo de 2026"
    assert dated_line("Geneva", "March 16, 2026", "en") == "Geneva, March 16, 2026"
    assert dated_line(None, "16 mars 2026", "fr") == "16 mars 2026"


@pytest.mark.parametrize(
    ("number", "language", "feminine", "expected"),
    [
        (11, "en", False, "eleven"),
        (21, "en", False, "twenty-one"),
        (21, "fr", True, "vingt et une"),
        (21, "fr", False, "vingt et un"),
        (80, "fr", True, "quatre-vingts"),
        (11, "fr", True, "onze"),
        (21, "es", True, "veintiuna"),
        (21, "es", False, "veintiún"),
        (31, "es", False, "treinta y un"),
        (1, "es", True, "una"),
        (16, "es", True, "dieciséis"),
        (11, "ar", False, "أحد عشر"),
        (150, "fr", True, "150"),
    ],
)
def test_counts_are_spelled_in_the_letters_language(
    number: int, language: str, feminine: bool, expected: str
) -> None:
    assert count_words(number, language, feminine=feminine) == expected


def test_counts_over_the_limit_stay_digits() -> None:
    assert count_words(12, "fr", limit=9) == "12"
    assert count_words(120, "ar", digits="arabic-indic") == "١٢٠"


def test_names_are_joined_with_the_languages_conjunction() -> None:
    assert join_names(["A", "B", "C"], "en") == "A, B and C"
    assert join_names(["A", "B"], "fr") == "A et B"
    assert join_names(["Francia", "Italia"], "es") == "Francia e Italia"
    assert join_names(["Chile", "Perú"], "es") == "Chile y Perú"
    assert join_names(["ليلى", "سامي"], "ar") == "ليلى وسامي"


def test_every_language_has_every_label() -> None:
    for language in LANGUAGES:
        words = catalogue(language)
        assert words.subject.rstrip(":\u00a0").strip()
        assert "{page}" in words.page_of and "{pages}" in words.page_of
        assert "{name}" in words.and_others
    assert catalogue("fr").subject == "Objet\u00a0:"  # no-break space before the colon
    assert catalogue("es").salutation_mark == ":"
    assert catalogue("ar").rtl and not catalogue("fr").rtl


def test_french_closes_speak_for_several_signers() -> None:
    close = "Veuillez agréer, Monsieur le Ministre, l'expression de ma très haute considération."
    assert plural_close(close, "fr", several=True) == (
        "Veuillez agréer, Monsieur le Ministre, l'expression de notre très haute considération."
    )
    assert plural_close(close, "fr", several=False) == close
    assert plural_close("Atentamente,", "es", several=True) == "Atentamente,"


# --------------------------------------------------------------------------- forms


def test_every_language_entry_is_a_valid_sourced_row() -> None:
    rows = language_offices()
    assert {r.language for r in rows} == {"fr", "es", "ar"}
    for language in ("fr", "es", "ar"):
        keys = {r.row.key for r in language_offices(language)}
        assert {
            "head-of-state-president",
            "prime-minister",
            "foreign-minister",
            "government-minister",
            "foreign-ambassador",
            "un-secretary-general",
            "un-high-commissioner-human-rights",
            "un-special-rapporteur",
            "foreign-mp",
        } <= keys, language
    for entry in rows:
        for field in entry.row.cited_fields():
            assert entry.row.citations(field), (entry.row.key, entry.language, field)


@pytest.mark.parametrize(
    ("office", "gender", "language", "salutation", "close"),
    [
        (
            "foreign-minister",
            "male",
            "fr",
            "Monsieur le Ministre",
            "Veuillez agréer, Monsieur le Ministre, l'expression de ma très haute considération.",
        ),
        (
            "un-high-commissioner-human-rights",
            "female",
            "fr",
            "Madame la Haute-Commissaire",
            "Veuillez agréer, Madame la Haute-Commissaire, l'expression de ma très haute "
            "considération.",
        ),
        ("foreign-minister", "male", "es", "Estimado Señor Ministro", "Atentamente,"),
        ("foreign-minister", "female", "ar", "معالي الوزيرة المحترمة", None),
    ],
)
def test_salutation_and_close_pairs(
    office: str, gender: str, language: str, salutation: str, close: str | None
) -> None:
    forms = address_forms(office, "Nadia Karam", gender=gender, language=language)  # type: ignore[arg-type]
    assert forms.salutation == salutation
    if close is not None:
        assert forms.complimentary_close == close
    if language == "fr":  # the close echoes the salutation
        assert f", {forms.salutation}, " in forms.complimentary_close


def test_spanish_formal_forms_say_excelentisimo() -> None:
    forms = address_forms(
        "foreign-minister", "Ana Ruiz", gender="female", language="es", style="formal",
        params={"of_country": "de Chile"},
    )  # fmt: skip
    assert forms.block_lines()[:2] == [
        "Excelentísima Señora Ana Ruiz",
        "Ministra de Relaciones Exteriores de Chile",
    ]
    assert forms.salutation == "Excelentísima Señora Ministra"


def test_titles_agree_with_the_holder_and_fall_back_to_the_office() -> None:
    woman = address_forms("un-special-rapporteur", "Amina Diallo", gender="female", language="fr")
    assert woman.title_lines == ["Rapporteuse spéciale"]
    unknown = address_forms("foreign-minister", "Ana Ruiz", language="es")
    assert unknown.title_lines == ["Ministerio de Relaciones Exteriores"]
    assert unknown.salutation == "Excelencia"  # gender is never guessed


def test_french_rows_reuse_the_francophone_rows() -> None:
    entry = language_office("foreign-minister", "fr")
    assert entry.like == "francophone-minister"
    forms = address_forms("foreign-minister", "Jean Dupont", gender="male", language="fr")
    assert forms.title_lines == ["Ministre des Affaires étrangères"]


def test_an_office_without_forms_in_the_language_says_which_have() -> None:
    with pytest.raises(ProtocolError) as caught:
        address_forms("us-senator", "Jane Doe", language="fr")
    assert "no forms in 'fr'" in caught.value.message
    assert "foreign-minister" in (caught.value.hint or "")


def test_address_language_on_the_command_line() -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["address", "--office", "foreign-minister", "--name", "Ana Ruiz", "--gender",
         "female", "--language", "es"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Estimada Señora Ministra" in result.output
    listed = runner.invoke(main, ["address", "--list", "--language", "ar"])
    assert listed.exit_code == 0 and "foreign-minister" in listed.output
    assert "us-senator" not in listed.output


# --------------------------------------------------------------------------- compose


def _letter(name: str) -> Letter:
    return prepare_letter(LANG_EXAMPLES / name)[0]


def test_a_french_letter_to_a_special_rapporteur() -> None:
    letter = _letter("fr-special-rapporteur.yaml")
    text = render_text(letter)
    assert "Genève, le 16 mars 2026" in text
    assert "Objet\u00a0: Détention" in text
    assert "Madame la Rapporteuse spéciale," in text
    assert "Nous, les deux organisations soussignées" in text  # base-fr, a count in words
    assert "Nous vous prions respectueusement de bien vouloir\u00a0:" in text  # un-fr
    # two organisations sign: the close speaks for "us"
    assert letter.complimentary_close == (
        "Veuillez agréer, Madame la Rapporteuse spéciale, l'expression de notre haute "
        "considération."
    )
    assert "Pièce jointe\u00a0:" in text


def test_a_spanish_letter_to_a_foreign_minister() -> None:
    letter = _letter("es-foreign-minister.yaml")
    text = render_text(letter)
    assert "Ciudad de Guatemala, 16 de marzo de 2026" in text
    assert "Asunto: Periodistas detenidos" in text
    assert "Estimada Señora Ministra:" in text  # Spanish puts a colon after the salutation
    assert "Instamos respetuosamente a su Gobierno a:" in text
    assert "Atentamente," in text
    assert "Copia: Luis Ortega" in text


def test_an_arabic_letter() -> None:
    letter = _letter("ar-foreign-minister.yaml")
    text = render_text(letter)
    assert "بيروت، في ١٦ مارس ٢٠٢٦" in text
    assert "الموضوع: احتجاز الصحفيين" in text
    assert "معالي الوزيرة المحترمة،" in text
    assert "وتفضلوا بقبول فائق الاحترام والتقدير." in text


def test_a_variant_without_a_language_version_warns() -> None:
    spec = Letter.model_validate(
        {
            "language": "fr",
            "audience": "us-congress",
            "salutation": "Madame la Sénatrice,",
            "body": ["Texte."],
        }
    )
    result = compose_letter(spec)
    assert result.variant == "us-congress"
    assert any("no fr version" in w for w in result.warnings)


def test_a_recipients_language_column_picks_their_letters_language() -> None:
    spec = Letter.model_validate(
        {
            "audience": "foreign-government",
            "variables": {"purpose": "x"},
            "asks": [{"lead": "Act."}],
            "signatories": [{"name": "A B"}],
        }
    )
    recipient = Recipient(
        name="Ana Ruiz", office="foreign-minister", gender="female", language="es"
    )
    result = compose_letter(spec, recipient=recipient)
    assert result.letter.language == "es"
    assert result.variant == "foreign-government-es"
    assert result.letter.salutation == "Estimada Señora Ministra:"


# --------------------------------------------------------------------------- DOCX


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml").decode("utf-8")


def _footer_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(
            package.read(n).decode("utf-8")
            for n in package.namelist()
            if n.startswith("word/footer")
        )


def test_the_page_footer_is_in_the_letters_language() -> None:
    data = render_docx(_letter("es-foreign-minister.yaml"))
    footer = _footer_xml(data)
    assert ">Página </w:t>" in footer and "> de </w:t>" in footer
    assert ">Page </w:t>" not in footer
    english = render_docx(prepare_letter(EXAMPLES / "secretary-of-state.yaml")[0])
    assert "> of </w:t>" in _footer_xml(english)


def test_an_arabic_letter_is_right_to_left_in_docx() -> None:
    data = render_docx(_letter("ar-foreign-minister.yaml"))
    xml = _document_xml(data)
    paragraphs = re.findall(r"<w:p>.*?</w:p>", xml, re.S)
    assert paragraphs and all("<w:bidi/>" in p for p in paragraphs if "<w:t" in p)
    # Arabic runs are rtl; a Latin name keeps its own run direction
    assert re.search(r"<w:r><w:rPr>(?:<w:rStyle [^>]*/>)?<w:rtl/></w:rPr><w:t[^>]*>بيروت", xml)
    latin = re.search(r"<w:r>(?:(?!</w:r>).)*Human Rights Watch</w:t></w:r>", xml, re.S)
    assert latin is not None and "<w:rtl/>" not in latin.group(0)
    assert "<w:bidi/></w:sectPr>" in xml or re.search(r"<w:bidi/><w:docGrid", xml)
    document = docx.Document(io.BytesIO(data))
    assert any(p.text.startswith("الموضوع:") for p in document.paragraphs)


def test_an_arabic_letters_footnotes_are_right_to_left() -> None:
    letter = _letter("ar-foreign-minister.yaml")
    asks = [letter.asks[0], letter.asks[1].model_copy(update={"lead": "السماح بزيارتهم.[^law]"})]
    letter = letter.model_copy(
        update={"asks": asks, "footnotes": {"law": "المادة 57 من قانون أصول المحاكمات."}}
    )
    data = render_docx(letter)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        notes = package.read("word/footnotes.xml").decode("utf-8")
    (note,) = re.findall(r'<w:footnote w:id="1">.*?</w:footnote>', notes, re.S)
    assert "<w:bidi/>" in note
    assert re.search(r"<w:rtl/></w:rPr><w:t[^>]*>[^<]*المادة", note)
    need_schemas()
    assert_valid_docx(data, "an Arabic letter with a footnote")


@pytest.mark.parametrize(
    "name", ["fr-special-rapporteur.yaml", "es-foreign-minister.yaml", "ar-foreign-minister.yaml"]
)
def test_language_letters_are_valid_ooxml(name: str) -> None:
    need_schemas()
    assert_valid_docx(render_docx(_letter(name)), name)


def test_an_english_letter_has_no_bidi() -> None:
    xml = _document_xml(render_docx(prepare_letter(EXAMPLES / "secretary-of-state.yaml")[0]))
    assert "<w:bidi/>" not in xml and "<w:rtl/>" not in xml


def test_language_examples_render_from_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    for spec in sorted(LANG_EXAMPLES.glob("*.yaml")):
        out = tmp_path / f"{spec.stem}.docx"
        result = runner.invoke(main, ["render", str(spec), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0


# --------------------------------------------------------------------------- check


def _check_ids(spec: Path) -> list[str]:
    from draftkit.check import check_file

    return [f.rule for f in check_file(spec).findings]


def test_check_accepts_the_language_examples() -> None:
    for spec in sorted(LANG_EXAMPLES.glob("*.yaml")):
        ids = _check_ids(spec)
        assert not {i for i in ids if i.startswith(("mixed", "clause-lang", "address-"))}, (
            spec.name,
            ids,
        )
        assert "salutation-name" not in ids and "duplicate-signatory" not in ids


def test_check_warns_on_a_paragraph_in_another_language(tmp_path: Path) -> None:
    spec = tmp_path / "mixed.yaml"
    spec.write_text(
        "language: fr\n"
        "salutation: Madame la Ministre,\n"
        "body:\n"
        "  - Nous vous écrivons pour appeler votre attention sur la situation des "
        "défenseurs des droits de l'homme dans le pays.\n"
        "  - We urge the Government to release all of those who are held for their "
        "peaceful work and to allow the families to visit them in the prisons.\n"
        "complimentary_close: Veuillez agréer, Madame la Ministre, l'expression de notre "
        "haute considération.\n"
        "signatories: [{name: Claire Martin}]\n",
        encoding="utf-8",
    )
    from draftkit.check import check_file

    found = [f for f in check_file(spec).findings if f.rule == "mixed-language"]
    assert [f.where for f in found] == ["body[1]"]
    assert "English" in found[0].message


def test_the_letters_language_picks_the_clause_version() -> None:
    from draftkit.check import check_letter
    from draftkit.config import load_config
    from draftkit.files import load_letter

    spec = load_letter(LANG_EXAMPLES / "es-foreign-minister.yaml")
    config = load_config(LANG_EXAMPLES)
    spanish = compose_letter(spec, config=config).letter
    assert spanish.provenance[0].clause == "ask.release-political-prisoners.es"
    assert spanish.asks[0].lead.startswith("Liberar a todas las personas")  # type: ignore[union-attr]
    assert not [f for f in check_letter(spanish).findings if f.rule == "clause-language"]
    # the same spec in French gets the library's French version of the same clause id
    french = compose_letter(spec.model_copy(update={"language": "fr"}), config=config).letter
    assert french.provenance[0].clause == "ask.release-political-prisoners.fr"
    assert french.provenance[0].language == "fr"


def test_a_clause_without_a_version_in_the_letters_language_warns() -> None:
    spec = Letter.model_validate(
        {
            "language": "ar",
            "salutation": "معالي الوزير المحترم،",
            "body": ["نكتب إليكم بشأن المحتجزين."],
            "closing": [],
            "signatory_note": None,
            "asks": [{"clause": "ask.release-political-prisoners", "variables": {"country": "X"}}],
            "complimentary_close": "وتفضلوا بقبول فائق الاحترام والتقدير.",
        }
    )
    from draftkit.check import check_letter
    from draftkit.config import load_config

    result = compose_letter(spec, config=load_config(EXAMPLES))
    assert any("has no ar version" in w for w in result.warnings)
    assert result.letter.provenance[0].language == "en"
    found = [f for f in check_letter(result.letter).findings if f.rule == "clause-language"]
    assert len(found) == 1 and "ask.release-political-prisoners" in found[0].message


def test_clauses_search_by_language() -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        ["clauses", "search", "prisonniers", "--language", "fr", "--library",
         str(EXAMPLES / "clauses")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "ask.release-political-prisoners.fr" in result.output
    english = runner.invoke(
        main,
        ["clauses", "search", "prisoners", "--language", "en", "--library",
         str(EXAMPLES / "clauses")],
    )  # fmt: skip
    assert "ask.release-political-prisoners " in english.output
    assert ".fr" not in english.output and ".es" not in english.output


WILD = Path(__file__).resolve().parents[2] / "shared" / "corpus-wild"


@pytest.mark.skipif(not WILD.is_dir(), reason="the wild corpus is not on this machine")
def test_language_guess_on_the_wild_corpus() -> None:
    """Real letters in English, French and Spanish (annotated), read at test time: the
    paragraphs read as another language than the letter's are the rare quotations."""
    import json

    from draftkit.check.language import guess_language
    from draftkit.check.places import prose
    from draftkit.ingest import ingest_file

    judged = wrong = 0
    languages = set()
    for expected in sorted(WILD.glob("*.expected.json")):
        language = json.loads(expected.read_text(encoding="utf-8")).get("language")
        stem = expected.name.split(".")[0]
        docs = [p for p in WILD.glob(f"{stem}.*") if p.suffix in (".html", ".txt", ".pdf")]
        if not docs or language not in ("en", "fr", "es"):
            continue
        letter = ingest_file(docs[0]).letter
        if letter is None:
            continue
        for place in prose(letter):
            guess = guess_language(place.text)
            if guess is not None:
                judged += 1
                languages.add(language)
                wrong += guess != language
    assert languages == {"en", "fr", "es"}
    assert judged > 200
    assert wrong <= 2, (wrong, judged)


# --------------------------------------------------------------------------- merge


def test_a_language_column_in_a_recipient_list(tmp_path: Path) -> None:
    from draftkit.merge import mail_merge
    from draftkit.recipients import load_recipients

    people = tmp_path / "ministers.csv"
    people.write_text(
        "name,office,gender,language\n"
        "Ana Ruiz,foreign-minister,female,es\n"
        "Jean Dupont,foreign-minister,male,fr\n"
        "Leila Haddad,foreign-minister,female,\n"
        "Luis Ortega,foreign-minister,male,es\n"
        "Bad Row,foreign-minister,male,de\n",
        encoding="utf-8",
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "audience: foreign-government\n"
        "date: 2026-03-16\n"
        "variables: {purpose: x}\n"
        "body: ['{{ recipient.name }}']\n"
        "asks: [{lead: Act.}]\n"
        "signatories: [{name: Marta Quispe}, {name: Jon Dale}]\n",
        encoding="utf-8",
    )
    recipients = load_recipients(people)
    assert [r.language for r in recipients] == ["es", "fr", None, "es", None]
    assert recipients[4].problem is not None and "language 'de'" in recipients[4].problem
    result = mail_merge(spec, recipients[:4], tmp_path / "out", fmt="txt")
    texts = [(tmp_path / "out" / str(row.file)).read_text(encoding="utf-8") for row in result.rows]
    assert "Estimada Señora Ministra:" in texts[0] and "16 de marzo de 2026" in texts[0]
    assert "Monsieur le Ministre," in texts[1] and "16 mars 2026" in texts[1]
    flat = " ".join(texts[1].replace("’", "'").split())
    assert "l'expression de notre très haute considération" in flat
    assert "Dear Minister Haddad," in texts[2] and "16 March 2026" in texts[2]
    assert "Estimado Señor Ministro:" in texts[3]
    # the merged Spanish letter is the letter `render` makes for that recipient alone
    alone = compose_letter(
        Letter.model_validate(
            {
                "audience": "foreign-government",
                "language": "es",
                "date": "2026-03-16",
                "variables": {"purpose": "x"},
                "body": ["Luis Ortega"],
                "asks": [{"lead": "Act."}],
                "signatories": [{"name": "Marta Quispe"}, {"name": "Jon Dale"}],
                "addressees": [{"name": "Luis Ortega", "office": "foreign-minister",
                                "gender": "male"}],
            }
        )
    ).letter  # fmt: skip
    assert render_text(alone) == texts[3]


def test_a_french_letter_quotes_with_guillemets() -> None:
    letter = Letter.model_validate(
        {
            "language": "fr",
            "salutation": "Madame,",
            "body": ['Le rapport "Sans issue" de l\'ONG ([lien](https://example.org/a"b)).'],
            "signatories": [{"name": "Claire Martin"}],
        }
    )
    text = render_text(letter)
    assert "Le rapport «\u00a0Sans issue\u00a0» de l’ONG" in text
    assert 'https://example.org/a"b' in text  # a link target stays as written
    english = render_text(letter.model_copy(update={"language": "en"}))
    assert "“Sans issue”" in english


# --------------------------------------------------------------------------- bilingual


def test_a_bilingual_letter_is_set_in_each_language_with_one_signature_block() -> None:
    letter = _letter("fr-en-bilingual.yaml")
    assert letter.language == "fr" and letter.languages == ["fr", "en"]
    english = letter.translations["en"]
    assert english.salutation == "Dear High Commissioner Diallo,"
    assert english.complimentary_close == "Sincerely,"
    assert english.asks_intro == "We respectfully request that you:"  # the un variant, in English
    assert letter.complimentary_close is not None
    assert letter.complimentary_close.startswith("Veuillez agréer, Madame la Haute-Commissaire")
    # each version takes the clause's version in its language
    places = {(e.place, e.clause) for e in letter.provenance}
    assert ("asks[1]", "ask.release-political-prisoners.fr") in places
    assert ("translations.en.asks[1]", "ask.release-political-prisoners") in places
    text = render_text(letter)
    assert text.index("Madame la Haute-Commissaire,") < text.index("* * *")
    assert text.index("* * *") < text.index("Re: Detention of human rights “defenders”")
    assert "«\u00a0défenseurs\u00a0»" in text  # French quotes in the French version only
    assert text.count("Réseau des juristes solidaires") == 1
    assert text.index("Sincerely,") < text.index("Réseau des juristes solidaires")


def test_a_bilingual_docx_starts_the_second_version_on_a_new_page() -> None:
    need_schemas()
    data = render_docx(_letter("fr-en-bilingual.yaml"))
    assert_valid_docx(data, "bilingual letter")
    document = docx.Document(io.BytesIO(data))
    subject = next(p for p in document.paragraphs if p.text.startswith("Re: Detention"))
    assert subject.paragraph_format.page_break_before
    xml = _document_xml(data)
    # the English asks are a list of their own: it numbers from 1 again
    ids = re.findall(r'<w:pStyle w:val="Ask"/>.*?<w:numId w:val="(\d+)"/>', xml)
    assert len(ids) == 4 and ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        numbering = package.read("word/numbering.xml").decode("utf-8")
    assert f'w:numId="{ids[2]}"' in numbering


def test_a_bilingual_letter_must_translate_what_it_writes() -> None:
    spec = Letter.model_validate(
        {
            "languages": ["es", "en"],
            "salutation": "Estimada señora:",
            "body": ["Texto propio."],
            "signatories": [{"name": "A B"}],
            "translations": {"en": {"salutation": "Dear Madam,"}},
        }
    )
    from draftkit.errors import SpecError

    with pytest.raises(SpecError) as caught:
        compose_letter(spec)
    assert caught.value.where == "translations.en.body"
    with pytest.raises(ValueError, match="first of languages"):
        Letter.model_validate({"languages": ["fr", "en"], "language": "es"})
    with pytest.raises(ValueError, match="not one of the letter's other languages"):
        Letter.model_validate({"languages": ["fr", "en"], "translations": {"es": {}}})


def test_a_bilingual_merge_composes_each_recipient(tmp_path: Path) -> None:
    from draftkit.files import load_letter
    from draftkit.merge import mail_merge

    spec = load_letter(LANG_EXAMPLES / "fr-en-bilingual.yaml")
    spec = spec.model_copy(update={"addressees": []})
    people = [
        Recipient(name="Amina Diallo", office="un-high-commissioner-human-rights", gender="female"),
        Recipient(name="Paul Keita", office="un-high-commissioner-human-rights", gender="male"),
    ]
    from draftkit.config import load_config

    result = mail_merge(spec, people, tmp_path / "out", fmt="txt", config=load_config(EXAMPLES))
    texts = [(tmp_path / "out" / str(r.file)).read_text(encoding="utf-8") for r in result.rows]
    assert (
        "Madame la Haute-Commissaire," in texts[0] and "Dear High Commissioner Diallo," in texts[0]
    )
    assert (
        "Monsieur le Haut-Commissaire," in texts[1] and "Dear High Commissioner Keita," in texts[1]
    )


def test_an_office_without_forms_in_the_letters_language_falls_back_with_a_warning() -> None:
    spec = Letter.model_validate(
        {
            "language": "fr",
            "addressees": [
                {"office": "us-senator", "name": "Jane Doe", "params": {"state": "Idaho"}}
            ],
            "cc": [{"office": "foreign-minister", "name": "Ana Ruiz", "gender": "female"}],
            "salutation": "Madame la Sénatrice,",
            "body": ["Texte."],
            "closing": [],
            "complimentary_close": "Veuillez agréer, Madame la Sénatrice, mes salutations.",
            "signatories": [{"name": "Claire Martin"}],
        }
    )
    result = compose_letter(spec)
    assert any("'us-senator' has no fr forms" in w for w in result.warnings)
    assert result.letter.addressees[0].title_lines == ["United States Senator for Idaho"]
    assert result.letter.cc[0].honorific == "Son Excellence Madame"  # French forms exist


def test_a_language_version_as_the_audience_sets_the_letters_language() -> None:
    spec = {
        "audience": "un-es",
        "addressees": [
            {"office": "un-special-rapporteur", "name": "Lucía Méndez", "gender": "female"}
        ],
        "variables": {"purpose": "solicitar su intervención"},
        "asks": [{"lead": "Intervenir."}],
        "signatories": [{"name": "Marta Quispe"}],
    }
    result = compose_letter(Letter.model_validate(spec))
    assert result.letter.language == "es"
    assert result.letter.salutation == "Estimada Señora Relatora Especial:"
    mixed = compose_letter(Letter.model_validate({**spec, "language": "fr"}))
    assert any("written in es, the letter in fr" in w for w in mixed.warnings)


_BILINGUAL_TABLE = """\
languages: [fr, en]
audience: un
date: 2026-03-16
addressees:
  - {office: un-high-commissioner-human-rights, name: Amina Diallo, gender: female}
subject: Détention de défenseurs
body:
  - Au moins deux défenseurs sont détenus sans inculpation.[^src]
  - table: {header: [Nom, Jours], rows: [[Tomas Arvelo, "211"]], align: [left, right]}
asks:
  - lead: Rendre publique votre préoccupation.
translations:
  en:
    subject: Detention of defenders
    body:
      - At least two defenders are held without charge.[^src]
      - table: {header: [Name, Days], rows: [[Tomas Arvelo, "211"]], align: [left, right]}
    asks:
      - lead: Express your concern publicly.
    closing:
      - table: {header: [Visit, Date], rows: [[Prison, 1 May]]}
footnotes:
  src: Entretiens avec les familles, mars 2026.
signatories:
  - {name: Observatoire des libertés du lac, kind: organization}
"""


def test_a_bilingual_letters_second_version_keeps_its_tables_and_notes(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "bilingual.yaml"
    spec.write_text(_BILINGUAL_TABLE, encoding="utf-8")
    letter = prepare_letter(spec)[0]
    text = render_text(letter)
    english = text.split("* * *", 1)[1]
    assert re.search(r"Name\s+Days", english)
    assert re.search(r"Visit\s+Date", english)
    assert "held without charge.[2]" in english
    assert "[^src]" not in text
    data = render_docx(letter)
    body = _document_xml(data)
    assert body.count("<w:tbl>") == 3
    assert ">Name<" in body and ">Visit<" in body
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        notes = archive.read("word/footnotes.xml").decode()
    assert notes.count("Entretiens avec les familles") == 2


@pytest.mark.parametrize(("language", "heading"), [("en", "Notes"), ("es", "Notas")])
def test_plain_text_notes_are_headed_in_the_letters_language(language: str, heading: str) -> None:
    letter = _letter("es-foreign-minister.yaml")
    letter = letter.model_copy(
        update={"language": language, "body": ["Véase el informe.^[Informe anual, p. 4.]"]}
    )
    tail = render_text(letter).rsplit("\n\n", 2)
    assert tail[-2] == heading
    assert tail[-1] == "1. Informe anual, p. 4.\n"


@pytest.mark.parametrize(
    ("name", "language"),
    [("fr-special-rapporteur.yaml", "fr"), ("es-foreign-minister.yaml", "es")],
)
def test_an_ingested_letter_keeps_its_language(name: str, language: str) -> None:
    from draftkit.ingest import ingest_bytes

    letter = _letter(name)
    result = ingest_bytes(render_docx(letter), filename="letter.docx")
    assert result.letter is not None
    assert result.letter.language == language
    # the spec ingest gives renders the same letter, labels, date and close included
    again = compose_letter(result.letter).letter
    assert render_text(again) == render_text(letter)


def test_an_ingested_english_letter_says_no_language() -> None:
    from draftkit.ingest import ingest_bytes

    letter = prepare_letter(EXAMPLES / "secretary-of-state.yaml")[0]
    result = ingest_bytes(render_docx(letter), filename="letter.docx")
    assert result.letter is not None and "language" not in result.letter.model_fields_set


def test_an_arabic_tables_columns_align_as_the_reader_sees_them() -> None:
    letter = _letter("ar-foreign-minister.yaml")
    table = {"table": {"header": ["الاسم", "الأيام"], "rows": [["سامي", "30"]]}}
    table["table"]["align"] = ["right", "left"]
    letter = letter.model_copy(
        update={"closing": [Letter.model_validate({"closing": [table]}).closing[0]]}
    )
    data = render_docx(letter)
    xml = _document_xml(data)
    cells = re.findall(r"<w:tc>.*?</w:tc>", xml.split("<w:tbl>", 1)[1], re.S)
    name, days = cells[2], cells[3]
    # right (the start of a right-to-left line) is the default; left is w:jc right
    assert "<w:jc " not in name and "سامي" in name
    assert '<w:jc w:val="right"/>' in days and ">30<" in days
    assert "<w:bidiVisual/>" in xml
    need_schemas()
    assert_valid_docx(data, "an Arabic letter with a table")  # bidiVisual after tblStyle
