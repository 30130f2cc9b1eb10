"""Ingest, nineteenth round: shapes found in check letters (each test is a fresh letter)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from draftkit.ingest import ingest_file, ingest_text


@pytest.mark.parametrize(
    "greeting",
    [
        "Estimados miembros de la Junta Directiva del Instituto",
        "Estimadas/os integrantes del Consejo Asesor",
        "Queridas compañeras del sindicato docente",
        "Distinguidos señores diputados",
        "Chers membres du conseil d'administration",
        "Chère Madame la Présidente",
    ],
)
def test_a_greeting_word_without_its_comma_opens_the_letter(greeting: str) -> None:
    """Shape: "Estimados miembros de …" alone over the first paragraph, no comma after it, as
    "Dear Minister" goes: the letter's salutation, not a line of prose."""
    text = (
        "Rosario, 14 de marzo de 2025\n\n"
        f"{greeting}\n\n"
        "Nos dirigimos a ustedes en nombre de la red de bibliotecas populares de la "
        "provincia para pedir que se publiquen los resultados de la convocatoria de 2024.\n\n"
        "Las bibliotecas esperan esos fondos desde hace un año y varias ya cerraron sus "
        "salas de lectura por falta de pago de los servicios.\n\n"
        "Atentamente,\n\n"
        "Red de Bibliotecas Populares de Santa Fe\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert result.letter.salutation == greeting
    assert result.letter.complimentary_close == "Atentamente,"


def test_a_sentence_that_opens_with_a_greeting_word_is_not_a_greeting() -> None:
    """Shape: "Estimado el costo …, la obra …": a sentence, its comma inside, is prose."""
    text = (
        "Informe de obra\n\n"
        "Estimado el costo total en dos millones, la obra se licitará en abril.\n\n"
        "La municipalidad publicará el pliego la semana próxima.\n"
    )
    result = ingest_text(text)
    assert result.kind != "letter"


def test_an_abbreviated_adverb_closes_the_spanish_formula() -> None:
    """Shape: "Sin otro particular, los saludamos atte" (atte = atentamente) ends the letter's
    prose: it is read as the closing formula, not as a paragraph of the body."""
    text = (
        "Córdoba, 3 de junio de 2025\n\n"
        "Estimados miembros del Directorio\n\n"
        "Solicitamos la publicación inmediata de los resultados de las becas doctorales, "
        "evaluadas hace ya seis meses.\n\n"
        "Sin otro particular, los saludamos atte\n\n"
        "Asociación de Becarios de Córdoba\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert not any("atte" in paragraph for paragraph in result.letter.body)
    assert result.letter.signatories[0].name == "Asociación de Becarios de Córdoba"


def test_a_numeric_date_in_a_spanish_letter_is_read_day_first() -> None:
    """Shape: "Buenos Aires, 09/02/2024" over a letter written in Spanish: 9 February, as the
    writer's language writes it, though nothing else on the page says so."""
    text = (
        "Buenos Aires, 09/02/2024\n\n"
        "Estimados miembros del Consejo\n\n"
        "Nos dirigimos a ustedes para solicitar que se paguen los subsidios de "
        "funcionamiento de los institutos, que no se transfieren desde el año pasado.\n\n"
        "Sin esos fondos los laboratorios no pueden mantener sus equipos ni pagar la "
        "luz de las salas donde se guardan las muestras.\n\n"
        "Atentamente,\n\n"
        "Red de Directores de Institutos\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.date == dt.date(2024, 2, 9)


def test_a_numeric_date_in_an_english_letter_is_still_read_month_first() -> None:
    """The same numbers over a US letter in English: September 2, as before."""
    text = (
        "Austin, TX, 09/02/2024\n\n"
        "Dear Members of the Board,\n\n"
        "We write to ask that the board publish the results of the research grants that "
        "were evaluated last year and are still not announced.\n\n"
        "The laboratories that applied cannot plan their work without them.\n\n"
        "Sincerely,\n\n"
        "Texas Research Directors Network\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.date == dt.date(2024, 9, 2)


_OFFICES = [
    "Exmo. Sr. Presidente da República, Jorge Almeida Ramos,",
    "Exma. Sra. Presidente da Assembleia da República, Teresa Lobo Viana,",
    "Exmo. Sr. Primeiro-Ministro, Rui Pacheco,",
    "Exma. Sra. Ministra do Ambiente, Dra. Inês Carvalho,",
    "Exmo. Sr. Presidente da Câmara Municipal de Setúbal, Nuno Faria",
]
_BODY = (
    "Somos associações de moradores da península de Setúbal e escrevemos sobre o projeto "
    "de dragagem do estuário do Sado, aprovado sem estudo de impacte ambiental.\n\n"
    "As dragagens já destruíram parte das pradarias marinhas onde se reproduzem os "
    "choco e o linguado, e os pescadores do estuário viram as capturas cair para metade.\n\n"
    "Pedimos que a obra seja suspensa até que o estudo seja feito e discutido com as "
    "populações, como a lei exige para projetos desta dimensão.\n\n"
    "Com os melhores cumprimentos,\n\n"
    "Associação de Moradores da Comenda\n"
)


def test_a_run_of_exmo_lines_is_the_list_of_addressees() -> None:
    """Shape: five "Exmo. Sr. Office, Name," lines, one a line, over a Portuguese open
    letter (the last without its comma): five addressees, and no greeting of its own."""
    text = "Carta aberta sobre as dragagens do Sado\n\n" + "\n".join(_OFFICES) + "\n\n" + _BODY
    result = ingest_text(text, explain=True)
    assert result.kind == "letter", result.reason
    letter = result.letter
    assert letter is not None
    assert letter.salutation is None
    assert [(a.honorific, a.name) for a in letter.addressees] == [
        ("Exmo. Sr.", "Presidente da República, Jorge Almeida Ramos"),
        ("Exma. Sra.", "Presidente da Assembleia da República, Teresa Lobo Viana"),
        ("Exmo. Sr.", "Primeiro-Ministro, Rui Pacheco"),
        ("Exma. Sra.", "Ministra do Ambiente, Dra. Inês Carvalho"),
        ("Exmo. Sr.", "Presidente da Câmara Municipal de Setúbal, Nuno Faria"),
    ]
    assert letter.body[0].startswith("Somos associações")
    assert [s.name for s in letter.signatories] == ["Associação de Moradores da Comenda"]
    parts = {line.text: line.part for line in result.explanation}
    assert all(parts[office] == "inside address" for office in _OFFICES)
    assert result.reason.startswith("letter: no salutation")


def test_one_exmo_greeting_over_the_letter_is_still_its_greeting() -> None:
    """Shape: a single "Exmo. Sr. Presidente da Câmara," over the letter greets it."""
    text = "Setúbal, 3 de maio de 2025\n\nExmo. Sr. Presidente da Câmara,\n\n" + _BODY
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.salutation == "Exmo. Sr. Presidente da Câmara,"
    assert result.letter.addressees == []


def test_a_line_that_tells_the_reader_to_sign_is_no_to_line(tmp_path: Path) -> None:
    """Shape: "To Sign Petition, Use this Link" over a petition page's paragraphs is the
    page's instruction, not a "To" line naming an addressee: the page is not a letter (a
    guard for the whole page; the line itself is tested below, where the change shows)."""
    page = (
        "<html><head><title>Night Riders News</title></head><body>"
        "<h1>Keep the Night Buses Running Petition</h1>"
        "<p>8/2 email</p>"
        "<p>To Sign Petition, Use this Link</p>"
        "<h1>Keep the Night Buses Running Petition</h1>"
        "<p>Riders of the night routes, we deserve better.</p>"
        "<p>The transit board plans to end every bus route after midnight from September, "
        "which leaves hospital cleaners, bakers and students with no way home.</p>"
        "<p>What does this mean for you? If you work a late shift, you will walk home or "
        "pay for a taxi that costs more than a day's wages.</p>"
        "<p>The board says the routes are empty, but it has never published the counts.</p>"
        "<p>We, the undersigned, demand that the board keep the night routes running.</p>"
        "<p>We, the undersigned, demand that the board publish the ridership figures it "
        "used to decide.</p>"
        "<p>To keep the buses is to keep the city working at night.</p>"
        "</body></html>"
    )
    path = tmp_path / "petition.html"
    path.write_text(page, encoding="utf-8")
    result = ingest_file(path)
    assert result.kind != "letter", result.reason


def test_a_to_line_with_an_addressee_still_opens_a_headless_letter() -> None:
    """Shape: "To the Members of the Transit Board" over the same kind of paragraphs (no
    greeting, no close) still names the letter's addressee."""
    from draftkit.ingest.head_lines import TO_LINE

    assert TO_LINE.match("To the Members of the Transit Board")
    assert TO_LINE.match("To: Sign Language Interpreters' Guild")
    assert not TO_LINE.match("To Read the Full Letter, Click Here")


@pytest.mark.parametrize(
    "greeting",
    ["Exmºs. Srs.,", "Exmªs. Srªs.,", "Exmas. Sras./Exmos. Srs.,", "Exmªs srªs/Exmºs srs."],
)
def test_a_portuguese_greeting_with_ordinal_indicators_or_both_genders(greeting: str) -> None:
    """Shape: "Exmºs. Srs.," (the abbreviation's ending written with the ordinal
    indicator) and "Exmas. Sras./Exmos. Srs." (to the women, then to the men) greet the
    letter as "Exmos. Srs.," does."""
    text = "Lisboa, 12 de maio de 2025\n\n" + greeting + "\n\n" + _BODY
    result = ingest_text(text)
    assert result.letter is not None, result.reason
    assert result.letter.salutation == greeting
    assert result.letter.body[0].startswith("Somos associações")


def test_a_bracketed_note_under_the_signers_is_a_footnote() -> None:
    """Shape: "[1] Case C-112/09" and "[2] Committee report on port dues" under the
    signers, cited as "…[1]" and "…[2]" in the letter's paragraphs: notes, not signers."""
    text = (
        "Dear Commissioner,\n\n"
        "The Court has already held that member states must act against pollution from "
        "ships[1], and the committee's own report says the same of port dues[2].\n\n"
        "We ask the Commission to withdraw the draft directive.\n\n"
        "Yours sincerely,\n\n"
        "Anna de Vries\n"
        "Pieter Jansen\n\n"
        "[1] Case C-112/09\n"
        "[2] Committee report on port dues\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Anna de Vries", "Pieter Jansen"]


def test_a_bracketed_number_nobody_cites_stays_with_the_signers() -> None:
    """Shape: "[3] Maria Lopes" in a list of signers numbered in brackets, cited nowhere
    above: a signer, as before."""
    text = (
        "Dear Commissioner,\n\n"
        "We ask the Commission to withdraw the draft directive on port dues.\n\n"
        "Yours sincerely,\n\n"
        "[1] Anna de Vries\n"
        "[2] Pieter Jansen\n"
        "[3] Maria Lopes\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert len(result.letter.signatories) == 3


def test_a_static_site_generator_credit_is_page_furniture() -> None:
    """Shape: "Website built with Hugo." under the cc list: the site's footer, not a cc
    entry (nor a signer)."""
    text = (
        "Dear Chancellor Ruiz,\n\n"
        "We ask you to restore the adjunct lines cut from the spring schedule.\n\n"
        "In solidarity,\n\n"
        "Dana Okafor\n"
        "Union President\n\n"
        "cc: Members of the Bargaining Unit\n\n"
        "Website built with Hugo.\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert [c.name for c in result.letter.cc] == ["Members of the Bargaining Unit"]


@pytest.mark.parametrize("line", ["Home page | Back to the top", "Back to the top", "Homepage"])
def test_two_site_links_on_one_line_are_a_menu_not_a_signer(line: str) -> None:
    """Shape: "Home page | Back to the top" under the signers: the site's two links."""
    from draftkit.ingest.noise import noise_reason

    assert noise_reason(line) is not None
    assert noise_reason("Ana Ruiz | Home Secretary") is None
    text = (
        "Dear Chancellor,\n\n"
        "We ask you to reschedule the hearing so that the students can attend it.\n\n"
        "Sincerely,\n\n"
        "Dana Okafor\n"
        "Lee Park\n\n"
        f"{line}\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Dana Okafor", "Lee Park"]


def test_an_initiated_by_line_under_the_signers_does_not_hide_them() -> None:
    """Shape: an open letter with no greeting and no close, its signers name over role,
    then "Initiated by the Committee for …": the signers are still the letter's."""
    text = (
        "OPEN LETTER OF PROTEST\n\n"
        "Students Deserve a Fair Hearing\n\n"
        "We, the undersigned, protest the decision of the university to hear the case "
        "against six student protesters while they were away on a field trip.\n\n"
        "The university's own rules require that a hearing be set on a date the accused "
        "can attend, and the students asked for a delay of two weeks.\n\n"
        "We call on the Chancellor to set a new hearing date, agreed with the students "
        "and their advisers, and to withdraw the sanctions until then.\n\n"
        "Ana Ruiz\n"
        "Professor of History, State University\n"
        "Ben Okafor\n"
        "Editor, The Campus Review\n"
        "Chen Li\n"
        "Regional Organizer, Student Rights Network\n\n"
        "Initiated by the Committee for Student Civil Liberties\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Ana Ruiz", "Ben Okafor", "Chen Li"]


_FLATTENED = (
    "Porto Alegre, 3 de março de 2011. Ofício nº 12/2011 – SG Exmo. Sr. Prefeito, "
    "Dirigimo-nos a Vossa Excelência em nome da associação dos moradores do bairro "
    "Cidade Baixa para pedir que a prefeitura suspenda a demolição do antigo mercado "
    "de peixe, que abriga há quarenta anos a feira dos pescadores da lagoa. O prédio foi "
    "tombado pelo conselho municipal de patrimônio em 1998, e a demolição anunciada não "
    "passou pelo conselho nem foi discutida com os feirantes, que ficarão sem lugar para "
    "trabalhar. Pedimos ainda que a prefeitura receba uma comissão dos moradores e dos "
    "feirantes antes de qualquer decisão sobre o futuro do mercado. Certos de contarmos "
    "com sua atenção, renovamos nossos votos de consideração. Atenciosamente, "
    "MARIA DAS DORES FONTOURA Presidente da Associação de Moradores da Cidade Baixa"
)


def test_a_letter_printed_as_one_paragraph_is_read_part_by_part() -> None:
    """Shape: a blog that lost the letter's line breaks prints its dateline, number,
    greeting, body, close and signer as one paragraph: each is read as its part."""
    text = (
        "Moradores pedem suspensão da demolição do mercado\n"
        "Mar 4, 2011 • None\n"
        "Veja o ofício que a associação enviou ao prefeito.\n"
        f"{_FLATTENED}\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    letter = result.letter
    assert letter is not None
    assert letter.date == dt.date(2011, 3, 3)
    assert letter.salutation == "Exmo. Sr. Prefeito,"
    assert letter.complimentary_close == "Atenciosamente,"
    assert [s.name for s in letter.signatories] == ["MARIA DAS DORES FONTOURA"]
    assert letter.body[0].startswith("Dirigimo-nos a Vossa Excelência")


def test_a_long_paragraph_that_quotes_a_greeting_but_has_no_close_stays_whole() -> None:
    """Shape: an article paragraph that mentions "Caro Presidente," but ends with no
    valediction is not cut into a letter's parts."""
    from draftkit.ingest.run_together import _flattened_letter

    article = (
        "O bispo escreveu ao presidente uma carta que começa com Caro Presidente, e lembra "
        "o acordo firmado em 2005, quando o governo prometeu reabrir o diálogo sobre a obra. "
    ) * 6
    assert _flattened_letter(article) is None
    assert _flattened_letter(_FLATTENED) is not None


def test_a_post_byline_over_the_greeting_is_not_an_addressee() -> None:
    """Shape: "Por Ana Lima" (Portuguese "By") alone over the greeting: the post's byline."""
    text = (
        "Por Ana Lima\n\n"
        "Caro vereador Paulo Mendes,\n\n"
        "Escrevo para pedir que a câmara vote o projeto das ciclovias antes do recesso, "
        "como prometido na audiência pública de março.\n\n"
        "Atenciosamente,\n\n"
        "Ana Lima\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.addressees == []
    assert result.letter.salutation == "Caro vereador Paulo Mendes,"


def test_the_jekyll_minima_defaults_are_page_furniture() -> None:
    """Shape: "Your awesome title", "your-email@example.com", "jekyll", "jekyllrb" under a
    letter: the theme's untouched defaults, not signers."""
    text = (
        "Dear Mayor Ruiz,\n\n"
        "We ask you to keep the branch library open on Saturdays.\n\n"
        "Sincerely,\n\n"
        "Friends of the Eastside Library\n"
        "Your awesome title\n"
        "  • your-email@example.com\n"
        "  • jekyll\n"
        "  • jekyllrb\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Friends of the Eastside Library"]


_GERMAN_BODY = (
    "wir schreiben Ihnen als Ärztinnen und Pflegekräfte der Stadt, weil der geplante "
    "Neubau des Klinikums ohne Solaranlagen und ohne Wärmepumpen auskommen soll.\n\n"
    "Wir fordern Sie auf, die Ausschreibung zu ändern, bevor der Rat im Mai entscheidet.\n\n"
    "Mit freundlichen Grüßen\n\n"
    "Health for Future Kassel\n"
)


def test_greetings_set_one_a_paragraph_over_the_letter_are_one_salutation() -> None:
    """Shape: "Sehr geehrter Herr Oberbürgermeister," / "Sehr geehrte Frau Brandt," /
    "Sehr geehrter Herr Yilmaz!", each a paragraph over the first one: one greeting."""
    greetings = [
        "Sehr geehrter Herr Oberbürgermeister,",
        "Sehr geehrte Ratsfrauen, sehr geehrte Ratsherren,",
        "Sehr geehrte Frau Brandt,",
        "Sehr geehrter Herr Yilmaz!",
    ]
    text = "Offener Brief an den Rat der Stadt Kassel\n\n" + "\n\n".join(greetings)
    text += "\n\n" + _GERMAN_BODY
    result = ingest_text(text, explain=True)
    assert result.letter is not None, result.reason
    assert result.letter.salutation == " ".join(greetings)
    assert result.letter.body[0].startswith("wir schreiben Ihnen")
    parts = {line.text: line.part for line in result.explanation}
    assert all(parts[greeting] == "salutation" for greeting in greetings)


def test_a_greeting_that_goes_on_under_the_salutation_is_part_of_it() -> None:
    """Shape: "Sehr geehrter Herr Ministerpräsident, Jan Weber," then "sehr geehrte Frau
    Ministerin für Wissenschaft, Dr. Eva Roth," and "sehr geehrte Herren des Vorstands,
    Professor Dr. Lutz Berg" (no comma) / "sehr geehrte Damen und Herren,": one greeting
    to all of them, and the letter begins under the last."""
    greetings = [
        "Sehr geehrter Herr Ministerpräsident, Jan Weber,",
        "sehr geehrte Frau Ministerin für Wissenschaft, Dr. Eva Roth,",
        "sehr geehrte Herren des Vorstands, Professor Dr. Lutz Berg",
        "sehr geehrte Damen und Herren,",
    ]
    text = "Offener Brief zum Neubau des Klinikums\n\n" + "\n\n".join(greetings)
    text += "\n\n" + _GERMAN_BODY
    result = ingest_text(text, explain=True)
    assert result.letter is not None, result.reason
    assert result.letter.salutation == " ".join(greetings)
    assert result.letter.body[0].startswith("wir schreiben Ihnen")
    parts = {line.text: line.part for line in result.explanation}
    assert all(parts[greeting] == "salutation" for greeting in greetings)


def test_a_signer_s_postal_address_is_not_more_signers() -> None:
    """Shape: "Dana Reyes," / "President" / "Riverside Media Lab" / "88 Harbour Street" /
    "Halifax, NS B3J 1A1", then "End of Document.": one signer, with her organisation."""
    text = (
        "Secretary General of the Commission\n"
        "Maritime Broadcasting Commission\n"
        "Halifax, Nova Scotia B3H 2Y9\n\n"
        "March 3, 2025\n\n"
        "Re: Local news proceeding 2025-4\n\n"
        "Dear Secretary General of the Commission:\n\n"
        "I write in response to the call for comments and ask the Commission to keep the "
        "local programming quotas in the licences it renews this year.\n\n"
        "Best regards,\n\n"
        "Dana Reyes,\n"
        "President\n"
        "Riverside Media Lab\n"
        "88 Harbour Street\n"
        "Halifax, NS B3J 1A1\n\n"
        "End of Document.\n"
    )
    result = ingest_text(text)
    letter = result.letter
    assert letter is not None, result.reason
    assert len(letter.signatories) == 1
    signer = letter.signatories[0]
    assert signer.name == "Dana Reyes"
    # the block over the date that the greeting names is the inside address, not the
    # sender's letterhead
    assert [a.label() for a in letter.addressees] == ["Secretary General of the Commission"]
    assert letter.date == dt.date(2025, 3, 3)


def test_a_dateline_run_into_the_first_paragraph_heads_the_letter() -> None:
    """Shape: "Belém, 14 de março de 2008" / "Exmos. Srs." / "Governador Ana Souza" /
    "Prefeito João Lima" and the first paragraph, all lines of one paragraph (a page set
    without blank lines): the date and the addressees head the letter."""
    text = (
        "Governadores pedem a integração das hidrovias\n\n"
        "Belém, 14 de março de 2008\n"
        "Exmos. Srs.\n"
        "Governador Ana Souza\n"
        "Prefeito João Lima\n"
        "Por ocasião do encontro em Belém, nós, governadores e prefeitos da região norte, "
        "vimos pedir que as hidrovias do Tocantins e do Madeira sejam integradas.\n"
        "Consideramos que a integração reduzirá o custo do transporte para as comunidades "
        "ribeirinhas e para os produtores da região.\n"
        "Atenciosamente.\n\n"
        "Ana Lima, Governadora do Estado do Pará\n"
        "Jorge Prado, Prefeito de Marabá\n"
    )
    result = ingest_text(text)
    letter = result.letter
    assert letter is not None, result.reason
    assert letter.date == dt.date(2008, 3, 14)
    assert len(letter.addressees) == 2
    assert letter.body[0].startswith("Por ocasião do encontro")


def test_a_dateline_as_the_page_title_dates_the_letter(tmp_path: Path) -> None:
    """Shape: "Berlin und Köln, den 12. Juni 2021" as the post's title in its front matter,
    over the letter (a site that took the dateline for the title): the letter's own date."""
    page = (
        "---\n"
        'title: "Berlin und Köln, den 12. Juni 2021"\n'
        'subtitle: "Offener Brief an die Abgeordneten des Bundestags"\n'
        "---\n\n"
        "Sehr geehrte Abgeordnete des Petitionsausschusses,\n\n" + _GERMAN_BODY
    )
    path = tmp_path / "brief.md"
    path.write_text(page, encoding="utf-8")
    result = ingest_file(path)
    assert result.letter is not None, result.reason
    assert result.letter.date == dt.date(2021, 6, 12)


def test_names_linked_to_their_pages_under_a_signatories_heading_are_signers(
    tmp_path: Path,
) -> None:
    """Shape: "Sincerely," then "<h2>Original signatories (3)</h2>" and "<h2>Supporting
    signatories (70)</h2>" over names that each link to the signer's site: all signers."""
    first = ["Amelia Torres", "Daniel Brook", "Alice Chen"]
    later = [f"{given} {family}" for given in ("Ana", "Ben", "Carla", "Dev", "Eva", "Femi",
             "Gil") for family in ("Abbott", "Baker", "Costa", "Dias", "Evans", "Fox",
             "Gray", "Hale", "Ito", "Jones")]
    links = "".join(f'<li><a href="https://example.org/{k}">{n}</a></li>' for k, n in
                    enumerate(first))
    more = "".join(f'<li><a href="https://example.net/{k}">{n}</a></li>' for k, n in
                   enumerate(later))
    page = (
        "<html><body><h1>A letter about open web standards</h1>"
        "<p>We are people who build the web, and we ask the company to stop favouring "
        "pages built with its own format in its search results.</p>"
        "<p>We ask it to publish the criteria its results use.</p>"
        "<p>Sincerely,</p>"
        f"<h2>Original signatories (3)</h2><ul>{links}</ul>"
        f"<h2>Supporting signatories ({len(later)})</h2><ul>{more}</ul>"
        "</body></html>"
    )
    path = tmp_path / "letter.html"
    path.write_text(page, encoding="utf-8")
    result = ingest_file(path)
    assert result.letter is not None, result.reason
    names = [s.name for s in result.letter.signatories]
    assert names[:3] == first
    assert len(names) == 3 + len(later)


@pytest.mark.parametrize(
    ("greeting", "close"),
    [
        ("On.le Ministro Paolo Verdi,", "Con i nostri più distinti saluti."),
        ("Onorevole Presidente,", "Con i miei cordiali saluti,"),
        ("Illustre Sindaco,", "Distinti saluti"),
        ("Meneer de Staatssecretaris,", "Met vriendelijke groeten,"),
    ],
)
def test_italian_and_dutch_greetings_and_closes(greeting: str, close: str) -> None:
    """Shape: "On.le Ministro …," / "Onorevole …," / "Illustre …," and "Meneer de …," open a
    letter; "Con i nostri più distinti saluti." closes it."""
    text = (
        "Roma, 4 marzo 2010\n\n"
        f"{greeting}\n\n"
        "Le scriviamo come avvocati e giornalisti per chiederLe di ritirare la norma che "
        "obbliga i fornitori di accesso a filtrare i siti indicati dall'autorità.\n\n"
        "La norma non distingue tra chi viola il diritto d'autore e chi ne parla.\n\n"
        f"{close}\n\n"
        "Giulia Rossi, avvocata\n"
        "Marco Bianchi, giornalista\n"
    )
    result = ingest_text(text)
    assert result.letter is not None, result.reason
    assert result.letter.salutation == greeting
    assert result.letter.complimentary_close == close
    assert len(result.letter.signatories) == 2


def test_an_italian_formula_and_posts_over_names_end_the_letter() -> None:
    """Shape: "Certi di un Suo riscontro, porgiamo distinti saluti" (no full stop) is the
    closing formula, not a signer; "La Presidente" over "Giulia Rossi" and "Il Segretario"
    over "Marco Bianchi" are two signers with their posts."""
    text = (
        "Egregio Signor Sindaco,\n\n"
        "Le scriviamo a nome del comitato degli alluvionati per chiederLe di pubblicare "
        "l'elenco dei lavori di messa in sicurezza del fiume e i tempi previsti.\n\n"
        "Certi di un Suo gentile riscontro, porgiamo distinti saluti\n\n"
        "La Presidente del Comitato Alluvionati di Faenza\n\n"
        "Giulia Rossi\n\n"
        "Il Segretario\n\n"
        "Marco Bianchi\n"
    )
    result = ingest_text(text)
    letter = result.letter
    assert letter is not None, result.reason
    assert [s.name for s in letter.signatories] == ["Giulia Rossi", "Marco Bianchi"]
    assert letter.signatories[0].title_lines[0].startswith("La Presidente")
    assert letter.signatories[1].title_lines == ["Il Segretario"]


def test_an_italian_head_with_abbreviated_styles_and_a_bare_dateline() -> None:
    """Shape: "Egr. Sindaco di Faenza" over "Marco Neri", then "Faenza 12/06/2024" (a place
    and a date in figures, no comma): the addressee keeps "Egr." as its style, and the
    letter is dated 12 June 2024."""
    text = (
        "Egr. Sindaco di Faenza\n"
        "Marco Neri\n\n"
        "Faenza 12/06/2024\n\n"
        "Oggetto: richiesta di incontro sui lavori di messa in sicurezza\n\n"
        "Vi informiamo che il comitato degli alluvionati chiede un incontro con la giunta "
        "sui lavori previsti lungo il fiume prima dell'autunno.\n\n"
        "Distinti saluti,\n\n"
        "Giulia Rossi\n"
    )
    result = ingest_text(text)
    letter = result.letter
    assert letter is not None, result.reason
    assert letter.date == dt.date(2024, 6, 12)
    from draftkit.ingest.dates import parse_date_line

    assert parse_date_line("Page 12/05/2023") is None  # a page number is no place


def test_written_in_english_tells_english_prose_from_other_languages() -> None:
    """English prose reads as English; an Italian or German paragraph of forty words or
    more does not; a line too short to tell is None."""
    from draftkit.languages import written_in_english

    english = (
        "We write to ask the council to keep the branch library open on Saturdays, "
        "because it is the only place in the district where children can study and where "
        "older residents can use a computer with help from the staff."
    )
    italian = (
        "Vi informiamo che il comitato degli alluvionati chiede un incontro con la giunta "
        "sui lavori previsti lungo il fiume prima dell'autunno, perché le famiglie delle "
        "case più vicine agli argini non sanno ancora se potranno tornare a vivere nelle "
        "loro abitazioni entro la fine dell'anno e chiedono risposte chiare."
    )
    german = (
        "Wir schreiben Ihnen als Ärztinnen und Pflegekräfte der Stadt, weil der geplante "
        "Neubau des Klinikums ohne Solaranlagen und ohne Wärmepumpen auskommen soll, und "
        "wir fordern Sie auf, die Ausschreibung zu ändern, bevor der Rat im Mai darüber "
        "entscheidet und die Aufträge vergeben werden."
    )
    assert written_in_english(english) is True
    assert written_in_english(italian) is False
    assert written_in_english(german) is False
    assert written_in_english("Roma, 3 marzo") is None


@pytest.mark.parametrize(
    "close",
    [
        "Mit freundlichem Gruß",
        "Hochachtungsvoll und mit grünen Grüssen",
        "Recibe el saludo de Paz y Bien",
        "Mui respeitosamente,",
    ],
)
def test_more_closes_in_german_spanish_and_portuguese(close: str) -> None:
    """Shape: the singular "Mit freundlichem Gruß", "Hochachtungsvoll und mit grünen
    Grüssen", "Recibe el saludo de Paz y Bien", "Mui respeitosamente,": the letter's close,
    not its first signer."""
    text = (
        "Sehr geehrte Damen und Herren,\n\n"
        "am 17. Mai entscheidet der Rat über die Richtlinie, und wir bitten Sie, ihr in "
        "dieser Fassung nicht zuzustimmen.\n\n"
        f"{close}\n\n"
        "Jürgen Ernst\n"
    )
    result = ingest_text(text)
    assert result.letter is not None, result.reason
    assert result.letter.complimentary_close == close
    assert [s.name for s in result.letter.signatories] == ["Jürgen Ernst"]


def test_a_greeting_written_with_non_breaking_spaces_is_a_greeting() -> None:
    """Shape: "Sehr\\u00a0geehrte\\u00a0Damen\\u00a0und\\u00a0Herren," from a page's
    &nbsp;: the salutation, with its spaces."""
    text = (
        "Betreff: Ein Bild sagt mehr als tausend Worte\n\n"
        "Sehr\u00a0geehrte\u00a0Damen\u00a0und\u00a0Herren,\n\n"
        "am 17. Mai entscheidet der Rat über die Richtlinie, und wir bitten Sie, ihr in "
        "dieser Fassung nicht zuzustimmen.\n\n"
        "Mit freundlichen Grüßen\n\n"
        "Jürgen Ernst\n"
    )
    result = ingest_text(text)
    assert result.letter is not None, result.reason
    assert result.letter.salutation == "Sehr geehrte Damen und Herren,"
    assert result.letter.addressees == []
