"""Shapes met on real pages in the fifteenth round: a letter that opens with no greeting but
is signed as a letter is, the formal greeting by name ("Mr. Ana Ruiz:"), "Atte." as a
close, a post's byline and date run into the page's text over the letter, and lines after
the signer that cannot be a signer's (an annex's heading, a call to action, a link's words
in lower case).

Every letter here is fresh and fictional.
"""

from __future__ import annotations

from draftkit.ingest import ingest_bytes, ingest_text
from draftkit.ingest.anchors import is_close, match_salutation
from draftkit.ingest.asks import _concerns_intro
from draftkit.ingest.text import Line


def test_a_letter_with_no_greeting_signed_under_a_valediction_is_a_letter() -> None:
    """Paragraphs that speak to the reader, then "Sincerely," and the signer's name: no
    greeting opens it, but it is signed as a letter is, so it is read as one."""
    text = (
        "Despite the board's statement last week, the reading room at the Eastfield branch "
        "remains closed to the public, and you have not said when it will open again.\n\n"
        "First, we ask that you publish the inspection report that the closure relies on, "
        "so that the neighbourhood can read it for itself.\n\n"
        "Second, we ask that you meet the tenants' association before the budget vote on "
        "the fourteenth of next month.\n\n"
        "Sincerely,\n"
        "Mirela Toma\n"
        "Chair, Eastfield Tenants' Association\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert result.letter.complimentary_close == "Sincerely,"
    assert [s.name for s in result.letter.signatories] == ["Mirela Toma"]


def test_the_formal_greeting_by_name_with_its_colon() -> None:
    """ "Mr. Peter Hamilton:" alone on its line greets the reader, as "Dear Mr. Hamilton,"
    would; a name in an address block has no colon."""
    greeting = match_salutation(Line("Ms. Adaeze Nwosu:"))
    assert greeting is not None and greeting[0] == "Ms. Adaeze Nwosu:"
    assert match_salutation(Line("Ms. Adaeze Nwosu")) is None
    text = (
        "Dr. Lionel Ferrand:\n\n"
        "We write as the night staff of the county hospital's emergency department about "
        "the rota you announced on Monday, which leaves two nurses for the whole floor.\n\n"
        "We ask you to withdraw it until the staff council has met.\n\n"
        "Respectfully,\n"
        "The night staff of Ward 4\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert result.letter.salutation == "Dr. Lionel Ferrand:"


def test_atte_closes_a_spanish_letter() -> None:
    """ "Atte." is the short written form of "Atentamente": a close, not a signer."""
    assert is_close(Line("Atte."))
    text = (
        "Estimada Directora:\n\n"
        "Le escribimos para solicitar que la biblioteca municipal amplíe su horario durante "
        "el período de exámenes, como lo hizo el año pasado.\n\n"
        "Agradecemos de antemano su atención.\n\n"
        "Atte.\n"
        "Centro de Estudiantes del Liceo Norte\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.complimentary_close == "Atte."
    assert [s.name for s in result.letter.signatories] == ["Centro de Estudiantes del Liceo Norte"]


def test_a_posts_byline_and_date_run_into_the_page_text_do_not_date_the_letter() -> None:
    """Copied without blank lines, the post's title, standfirst, "By …" and date run into
    one block over the greeting: the date is the post's, not the letter's own."""
    text = (
        "news comment sport culture\n"
        "Will the library ever reopen?\n"
        "Residents follow up on their request to the council.\n"
        "By Residents of Millbrook\n"
        "Tuesday, 4th March 2025\n\n"
        "Dear Councillor Petrossian,\n\n"
        "Three months after the flood, the Millbrook library is still closed and no date "
        "has been given for the repairs to begin.\n\n"
        "We ask the council to publish the surveyor's report and a timetable.\n\n"
        "Yours sincerely,\n"
        "Residents of Millbrook\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert result.letter.date is None


def test_lines_after_the_signer_that_are_no_signers_lines() -> None:
    """An annex's heading ends the signature block; a call to action and a link's words in
    lower case are not signers."""
    annexed = (
        "Dear Ms. Okafor:\n\n"
        "I write to ask the planning office to reconsider the permit for the quarry road, "
        "for the reasons set out in the extract attached below.\n\n"
        "Yours very truly,\n\n"
        "Tomasz Wrona\n\n"
        "Appendix A.\n"
        "Ordinance 12-7, section 3\n\n"
        "No vehicle over twelve tonnes shall use a road within five hundred metres of a "
        "school during school hours, except with a permit issued under section 5.\n"
    )
    result = ingest_text(annexed)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Tomasz Wrona"]
    shouted = (
        "Dear Board members,\n\n"
        "We urge you to keep the river path open to walkers and cyclists through the "
        "winter, as it has been for twenty years.\n\n"
        "With thanks,\n"
        "Friends of the River Path\n\n"
        "Keep the path open!\n"
    )
    result = ingest_text(shouted)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Friends of the River Path"]


def test_a_company_greeted_with_its_suffix() -> None:
    """ "Dear Harbour Freight, Inc.," greets the company by its full name: the comma before
    "Inc." is the name's, not the greeting's end."""
    greeting = match_salutation(Line("Dear Harbour Freight, Inc.,"))
    assert greeting is not None and greeting[0] == "Dear Harbour Freight, Inc.,"
    greeting = match_salutation(Line("Dear Sir, Co. Antrim has waited long enough."))
    assert greeting is not None and greeting[0] == "Dear Sir,"


def test_addressees_listed_on_a_para_line_over_a_letter_without_greeting_or_close() -> None:
    """ "Para: Exmo. Senhor …, Exma. Senhora …, Povo de Portugal" over paragraphs that speak
    to them ("dirigimo-nos a V. Exas."): a letter addressed on its "To" line, an addressee
    for each part of the line, though no greeting opens it and no close ends it."""
    text = (
        "Para: Exmo. Senhor Presidente da Câmara Municipal de Évora, Exma. Senhora "
        "Vereadora da Cultura, Exmos. Senhores Deputados Municipais, Munícipes de Évora\n"
        "Nós, os bibliotecários do distrito, dirigimo-nos a V. Exas. a propósito do "
        "encerramento da biblioteca itinerante anunciado para o próximo mês.\n"
        "A biblioteca itinerante visita catorze freguesias rurais onde não existe outro "
        "serviço de leitura pública, e muitos dos seus leitores não conduzem.\n"
        "Pedimos que a decisão seja adiada até que se estude uma alternativa com as juntas "
        "de freguesia.\n"
        "Os bibliotecários do distrito de Évora.\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert [a.name for a in result.letter.addressees] == [
        "Presidente da Câmara Municipal de Évora",
        "Vereadora da Cultura",
        "Senhores Deputados Municipais",
        "Munícipes de Évora",
    ]


def test_the_portuguese_address_to_the_reader_by_style_is_the_greeting() -> None:
    """ "A Sua Excelência a Ministra, aos ilustres deputados e ao povo …," alone on its line
    greets the readers, as "Dear Minister, Members and people of …" would."""
    line = "A Sua Excelência a Ministra da Educação, aos ilustres deputados e aos pais,"
    greeting = match_salutation(Line(line))
    assert greeting is not None and greeting[0] == line
    assert match_salutation(Line("A Sua Excelência foi enviada uma carta em maio.")) is None


def test_a_paragraph_about_the_signatories_between_the_close_and_their_list() -> None:
    """ "Yours sincerely," then a paragraph saying who the signatories are, then a
    region's name over the numbered list: the list is the letter's signers."""
    text = (
        "Dear Commissioner,\n\n"
        "We write about the proposal to shorten the public consultation on the data "
        "retention rules to two weeks, which leaves no time for a considered reply.\n\n"
        "Yours sincerely,\n\n"
        # the paragraph as a PDF's text layer gives it, wrapped at the column's width
        "The more than sixty signatories of this open letter, civil society organisations\n"
        "from nineteen countries of the Union, represent privacy and press freedom groups,\n"
        "libraries, research institutions, consumer groups, software developers and the\n"
        "people who use the internet every day.\n\n"
        "NORDIC COUNTRIES\n"
        "1. Datavakt Norge\n"
        "2. Finnish Privacy Circle\n"
        "3. Integritetsforum Sverige\n"
        "4. Dansk Dataret\n"
        "5. Reykjavik Digital Rights\n"
        "6. Baltic Open Net\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    names = [s.name for s in result.letter.signatories]
    assert names[0] == "Datavakt Norge" and names[-1] == "Baltic Open Net", names


def test_a_valediction_alone_on_its_line_with_a_note_under_it_closes_the_letter() -> None:
    """ "Sincerely," then a sentence pointing to the list of signatures: the note does not
    take the close away."""
    text = (
        "Dear Mayor Aleksandrov,\n\n"
        "We ask the city to publish the ferry timetable for the winter months before the "
        "end of September, so that families on the island can plan the school term.\n\n"
        "Sincerely,\n\n"
        "For the latest list of the residents who have signed this letter, see the "
        "association's page, where new names are added every week.\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.complimentary_close == "Sincerely,"


def test_bulleted_requests_put_as_we_ask_and_items_under_an_asking_paragraph() -> None:
    """A bulleted list of "We ask that you …" sentences, and a list of items under a
    paragraph that asks ("We are demanding that you …"), are the letter's asks."""
    we_ask = (
        "Dear Board,\n\n"
        "For two years the volunteers who keep the archive open have written to you "
        "without an answer, and the reading room has lost half its hours.\n\n"
        "- We ask that you publish the archive's budget for the coming year.\n"
        "- We ask that you meet the volunteers' committee before the summer.\n"
        "- We ask that you restore the Saturday opening hours.\n\n"
        "Yours faithfully,\n"
        "The Archive Volunteers\n"
    )
    result = ingest_text(we_ask)
    assert result.letter is not None
    assert len(result.letter.asks) == 3
    demanding = (
        "Dear Councillors,\n\n"
        "We are demanding that you put the needs of tenants first in this year's housing "
        "plan and stop the sale of the Eastgate blocks.\n\n"
        "* Repair the lifts in the four Eastgate towers before the winter.\n"
        "* Publish the surveyor's report on the towers' heating system.\n\n"
        "Sincerely,\n"
        "Eastgate Tenants' Union\n"
    )
    result = ingest_text(demanding)
    assert result.letter is not None
    assert len(result.letter.asks) == 2


def test_plural_spanish_honorifics_open_a_greeting() -> None:
    """ "Sres. Senadores de la Nación," greets the senators as "Sr. Presidente," greets one."""
    greeting = match_salutation(Line("Sres. Senadores de la Nación,"))
    assert greeting is not None and greeting[0] == "Sres. Senadores de la Nación,"


def test_a_list_of_signers_or_of_quotations_in_the_body_is_no_list_of_asks() -> None:
    """A letter with no close that lists its signers in the body ("MARTIN Claire,
    enseignante, Université de Tours"), and a list of quotations under "The programme
    funded:", have no asks; "Nos arguments sont les suivants :" heads reasons, not asks."""
    signers = (
        "Lettre ouverte à la présidence de l'université\n\n"
        "Depuis la rentrée, la salle informatique du bâtiment B est fermée sans explication, "
        "et vous n'avez répondu à aucun de nos courriers.\n\n"
        "Les étudiants de première année n'ont plus accès aux postes dont ils ont besoin "
        "pour leurs travaux pratiques, et la bibliothèque ne peut pas les accueillir.\n\n"
        "Nous, personnels et étudiants de l'université, vous demandons sa réouverture "
        "immédiate (par ordre alphabétique) :\n\n"
        "- MARTIN Claire, enseignante en informatique, Université de Tours\n"
        "- DUBOIS Karim, technicien, Direction du numérique\n"
        "- LEROY Anne, doctorante, laboratoire d'informatique\n\n"
        "Si vous travaillez à l'université et souhaitez signer cette lettre, écrivez au "
        "collectif avant vendredi.\n"
    )
    result = ingest_text(signers)
    assert result.letter is not None
    assert result.letter.asks == []
    quoted = (
        "Dear Commissioner,\n\n"
        "The last research programme set aside 27 million euros for open source tools, "
        "allocated to:\n\n"
        "- “An internet built on common building blocks that anyone may reuse.”\n"
        "- “A community of contributors who maintain those blocks for the long term.”\n\n"
        "We ask you to keep that budget line in the next programme.\n\n"
        "Yours sincerely,\n"
        "Open Tools Alliance\n"
    )
    result = ingest_text(quoted)
    assert result.letter is not None
    assert result.letter.asks == []
    assert _concerns_intro("Nos arguments sont les suivants :")
    assert not _concerns_intro("Por estos motivos, le queremos pedir:")


def test_the_date_at_the_right_margin_of_the_greetings_line() -> None:
    """A typed letter with its date set far to the right of the greeting: the greeting and
    the letter's date, both read."""
    text = (
        "Dear Councillor Haddad,                                   3 March 2011\n\n"
        "I write about the closure of the Brook Street footbridge, which has cut the school "
        "off from half of the estate for three weeks now.\n\n"
        "Please ask the highways office when it will reopen.\n\n"
        "Yours sincerely,\n"
        "Nadia Rahim\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.salutation == "Dear Councillor Haddad,"
    assert result.letter.date is not None and result.letter.date.isoformat() == "2011-03-03"


def test_people_named_under_the_date_are_the_addressees_not_a_title() -> None:
    """Copied without blank lines, "October 7, 2016" over "Jack Abernethy and Bill Shine"
    and their office: the date is the letter's, the names are the people written to."""
    text = (
        "Campaign news and comment\n"
        "Members criticise the channel's segment on the market district\n"
        "12 May 2019\n"
        "Mara Keller and Tom Oduya\n"
        "Co-Directors\n"
        "Riverside Broadcasting\n"
        "40 Harbour Road\n"
        "Dear Ms. Keller and Mr. Oduya:\n"
        "On Tuesday your evening programme mocked the traders of the market district for "
        "the way they speak, and we ask you to apologise on air.\n"
        "Sincerely,\n"
        "Lin Okafor\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.date is not None and result.letter.date.isoformat() == "2019-05-12"


def test_a_press_contact_or_contact_information_label_ends_the_signers() -> None:
    """ "For more information, contact:" run onto the signer's block, and "Contact
    information:" over the addresses of the people to write to, end the signature."""
    run_on = (
        "Dear Mr. Lindqvist:\n\n"
        "We ask the station to correct its report on the harbour strike, which named two "
        "workers who had asked not to be named.\n\n"
        "Sincerely,\n"
        "Paula Ferreira\n"
        "Executive Director\n"
        "For more information, contact:\n"
        "Paula Ferreira, Executive Director\n"
        "555.201.3344\n"
    )
    result = ingest_text(run_on)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Paula Ferreira"]
    listed = (
        "Dear Minister,\n\n"
        "We urge you to let the monitors into the camps before the rains begin.\n\n"
        "Sincerely,\n\n"
        "Joan Whitaker\n\n"
        "Director\n\n"
        "Contact information:\n\n"
        "Ahmed Rahimi\n\n"
        "Minister of the Interior\n\n"
        "Fax: 555-0101\n\n"
        "Sara Lind\n\n"
        "Ambassador to the Union\n"
    )
    result = ingest_text(listed)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Joan Whitaker"]


def test_share_buttons_and_menu_run_onto_the_signers_end_them() -> None:
    """Copied without blank lines, the page's "Tweet" button and its menu follow the
    signers: they end the signature; a network's name alone under the close is no signer."""
    text = (
        "Dear Professor Lind,\n\n"
        "We ask the college to refund the fees of the term that was taught online, as the "
        "students' union proposed in March.\n\n"
        "Yours sincerely,\n"
        "Dr Amara Singh (Student MSc Public Health)\n"
        "Mr Tomas Varga (Student MSc Chemistry)\n"
        "Tweet\n"
        "Read the student paper\n"
        "news\n"
        "on campus\n"
        "higher education\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    signers = result.letter.signatories
    assert len(signers) == 2 and "Varga" in signers[-1].name, signers
    assert _entry_kind_of("• Diáspora") == "link"


def _entry_kind_of(text: str) -> str:
    from draftkit.ingest.page import _Page
    from draftkit.ingest.tail import _entry_kind

    return _entry_kind(_Page([Line(text)], {}), 0)


def test_saludamos_a_ud_atte_closes() -> None:
    """ "Saludamos a Ud atte" (the reader named before the abbreviated adverb) closes; the
    sentence written out in full ("Saludamos a usted atentamente.") stays a closing line."""
    assert is_close(Line("Saludamos a Ud atte"))
    assert is_close(Line("Le saludamos a usted atte."))


def test_an_urgent_actions_target_details_after_the_close_are_no_signers() -> None:
    """An urgent action's template letter ends "Yours sincerely," for the sender to sign;
    "TARGET'S CONTACT DETAILS" then gives the official's address: no signers."""
    text = (
        "URGENT ACTION LETTER:\n\n"
        "Dear Minister,\n\n"
        "I am writing to ask you to release the three teachers detained in Marlow on 2 May "
        "for organising a peaceful strike, and to let their families visit them.\n\n"
        "Yours sincerely,\n\n"
        "TARGET'S CONTACT DETAILS\n"
        "Minister of the Interior\n"
        "Ms Elena Varga\n"
        "Ministry of the Interior, 4 Castle Square\n"
        "Marlow\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.complimentary_close == "Yours sincerely,"
    assert result.letter.signatories == []


def test_more_valedictions_in_english_french_russian_and_chinese() -> None:
    """ "Yours gratefully,", "Your neighbor in peace,", "Stay safe,", "Très cordialement,",
    "С уважением," and "此致" close a letter; "Your friend Ana wrote," does not."""
    for close in (
        "Yours gratefully,",
        "Your neighbor in peace,",
        "Stay safe,",
        "Très cordialement,",
        "С уважением,",
        "此致",
    ):
        assert is_close(Line(close)), close
    assert not is_close(Line("Your friend Ana wrote,"))


def test_asks_that_finish_the_intros_we_and_a_templates_bracketed_proposals() -> None:
    """ "…, we:" over "Implore …", "Advocate …", "Suggest …": the items finish the intro's
    sentence as asking verbs; "nous vous proposons :" over "1. [PROPOSITION 1 — …]": a
    template's proposals are its asks."""
    we = (
        "Dear Board members,\n\n"
        "The river path has flooded three winters running. To keep it open, we:\n\n"
        "- Implore the board to raise the path by the old mill;\n"
        "- Advocate a footbridge where the path meets the weir;\n"
        "- Suggest that the works begin before the autumn rains.\n\n"
        "Yours sincerely,\n"
        "Friends of the River Path\n"
    )
    result = ingest_text(we)
    assert result.letter is not None
    assert len(result.letter.asks) == 3
    template = (
        "Madame la Directrice,\n\n"
        "Notre association aimerait travailler avec votre service sur la qualité de l'air "
        "dans les écoles. Concrètement, nous vous proposons :\n\n"
        "1. [PROPOSITION 1 — une réunion d'une heure pour présenter nos mesures]\n"
        "2. [PROPOSITION 2 — un partage des données de nos capteurs]\n\n"
        "Nous restons à votre disposition pour en parler quand vous le souhaiterez.\n\n"
        "Cordialement,\n"
        "[NOM DE L'ASSOCIATION]\n"
    )
    result = ingest_text(template)
    assert result.letter is not None
    assert len(result.letter.asks) == 2


def test_a_title_of_open_letter_and_its_date_dates_the_letter() -> None:
    """ "Open letter - 3 February 2026" over the page's title, and no other date: the
    letter's date."""
    page = (
        "<html><body><header><a href='/'>Fair Fares</a></header><main>"
        "<p class='eyebrow'>Open letter - 3 February 2026</p>"
        "<h1>Transit Board, hold the fares</h1>"
        "<p>This letter asks the board to wait before it raises fares.</p>"
        "<p>To the Transit Board,</p>"
        "<p>We ask the board to hold fares at this year's level until the new timetable has "
        "run for six months and its use can be counted.</p>"
        "<p>Signed,</p><p>Riders' Union of Eastport</p>"
        "</main></body></html>"
    )
    result = ingest_bytes(page.encode(), filename="letter.html")
    assert result.letter is not None
    assert result.letter.date is not None and result.letter.date.isoformat() == "2026-02-03"


def test_two_letters_on_a_page_each_closed_by_a_valediction_with_a_note_under_it() -> None:
    """A post carries two letters, each "Atentamente." followed by the author's note: the
    first is the page's letter, closed by its valediction; "proponemos la siguiente
    agenda:" proposes topics, not asks."""
    text = (
        "Carta enviada al Sr. Roca:\n\n"
        "Estimado Sr. Roca:\n\n"
        "Le escribo como vecino del barrio sobre el cierre del mercado municipal, que deja "
        "sin abastecimiento a cientos de familias.\n\n"
        "Basados en lo anterior, proponemos la siguiente agenda:\n\n"
        "- Presentaciones\n"
        "- Estado del mercado\n\n"
        "Quedo a la espera de su respuesta.\n\n"
        "Atentamente.\n\n"
        "En la segunda carta cambié solo el nombre y el cargo de la destinataria.\n\n"
        "Carta enviada a la Sra. Vidal:\n\n"
        "Estimada Sra. Vidal:\n\n"
        "Le escribo como vecino del barrio sobre el cierre del mercado municipal, que deja "
        "sin abastecimiento a cientos de familias.\n\n"
        "Quedo a la espera de su respuesta.\n\n"
        "Atentamente\n\n"
        "Actualización: la concejala respondió al día siguiente.\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.salutation == "Estimado Sr. Roca:"
    assert result.letter.complimentary_close == "Atentamente."
    assert result.letter.asks == []


def test_a_description_of_the_signing_group_is_no_list_of_signers() -> None:
    """ "Representatives of the tenants' associations, neighbourhood councils and parish
    groups of the valley" under the close describes who signs; it names nobody."""
    text = (
        "Dear Governor,\n\n"
        "We ask you to keep the valley's only maternity ward open and to fund its staff "
        "for the next three years.\n\n"
        "Respectfully,\n"
        "Representatives of the tenants' associations, neighbourhood councils, parish "
        "groups and clinics of the valley\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.complimentary_close == "Respectfully,"
    assert result.letter.signatories == []
    alone = text.replace(
        "Representatives of the tenants' associations, neighbourhood councils, parish "
        "groups and clinics of the valley\n",
        "Members of the Valley Tenants' Union\n",
    )
    result = ingest_text(alone)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Members of the Valley Tenants' Union"]


def test_a_nickname_in_quotes_and_a_labelled_mobile_number_in_the_signers_block() -> None:
    """ "MARIA “BING” L. SANTOS" over her titles is one signer; "Mobile: 0917-555-0101"
    under them is her contact, not a second signer."""
    text = (
        "Dear Secretary,\n\n"
        "We ask your department to publish the list of resettlement sites before the "
        "typhoon season, so that families can plan where to go.\n\n"
        "Very truly yours,\n\n"
        "MARIA “BING” L. SANTOS\n"
        "Chairperson\n"
        "Coastal Families Network Inc.\n"
        "Mobile: 0917-555-0101\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    names = [s.name for s in result.letter.signatories]
    assert len(names) == 1 and "SANTOS" in names[0], names
