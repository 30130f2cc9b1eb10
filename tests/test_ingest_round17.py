"""Ingest, seventeenth round: shapes found in check letters (each test is a fresh letter)."""

from __future__ import annotations

from draftkit.ingest import ingest_bytes, ingest_text
from tests.pictures import pages_pdf


def test_a_greetingless_letter_signed_name_comma_office_full_stop_is_a_letter() -> None:
    """No greeting, a dateline and two addressees under a shared plural style, then
    "Atenciosamente." over signers written "Name, office." with a full stop, as
    Portuguese and Spanish signature lines often are: a letter with every signer kept, and
    the shared style ("Exmos. Srs.") names no one."""
    text = (
        "Belém, 3 de março de 2011\n\n"
        "Exmos. Srs.\n\n"
        "Ministra Helena Prates Duarte\n\n"
        "Ministro Caio Bernardes Lima\n\n"
        "Por ocasião da reunião de vossos ministérios em Belém, nós prefeitos e vereadores "
        "da região pedimos a revisão do plano de saneamento das cidades ribeirinhas.\n\n"
        "Consideramos que as obras previstas deixam de fora os bairros mais pobres e que "
        "o prazo de cinco anos é longo demais para as famílias atingidas.\n\n"
        "Atenciosamente.\n\n"
        "Rosa Tavares Melo, Prefeita de Abaetetuba.\n\n"
        "Jonas Quaresma Leal, vereador da Câmara Municipal de Cametá.\n\n"
        "Marta Siqueira Nunes, presidente da associação dos municípios do Baixo Tocantins.\n\n"
        "Vereador Paulo Amaral (Igarapé-Miri)\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    letter = result.letter
    assert letter is not None
    assert letter.complimentary_close == "Atenciosamente."
    assert [(a.title_lines, a.name) for a in letter.addressees] == [
        (["Ministra"], "Helena Prates Duarte"),
        (["Ministro"], "Caio Bernardes Lima"),
    ]
    assert len(letter.signatories) == 4
    assert letter.signatories[0].name == "Rosa Tavares Melo"
    assert letter.signatories[2].name == "Marta Siqueira Nunes"


def test_a_sentence_about_a_named_person_after_the_signers_is_not_a_signer() -> None:
    """ "Ana Ruiz, our director, will hand the letter over on Monday." under the
    signatures tells of the letter: it ends the list, it does not join it."""
    text = (
        "Dear Mayor Okafor,\n\n"
        "We ask the city to keep the Eastside pool open through the summer.\n\n"
        "Sincerely,\n\n"
        "Dana Whitfield, Eastside Swim Club\n\n"
        "Luis Ortega, Parents for Parks\n\n"
        "Dana Whitfield, our chair, will hand the letter over at city hall on Monday.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Dana Whitfield", "Luis Ortega"]


def test_a_formal_style_and_office_over_the_name_is_one_addressee() -> None:
    """ "Excelentíssima Senhora Ministra da Saúde" over "Ana Lúcia Ferraz": the office,
    styled, then the name of who holds it; one addressee, whether the two lines share a
    block or stand as paragraphs of their own (as a web page sets them)."""
    for gap in ("\n", "\n\n"):
        text = (
            "Porto Alegre, 9 de maio de 2019.\n\n"
            f"Excelentíssima Senhora Ministra da Saúde{gap}Ana Lúcia Ferraz\n\n"
            "Senhora Ministra,\n\n"
            "O conselho estadual de saúde vem pedir a reabertura do posto de vacinação do "
            "bairro Restinga, fechado desde janeiro.\n\n"
            "Atenciosamente,\n\n"
            "Carla Bittencourt\n"
            "Presidente do Conselho\n"
        )
        letter = ingest_text(text).letter
        assert letter is not None
        (minister,) = letter.addressees
        assert minister.name == "Ana Lúcia Ferraz"
        assert minister.title_lines == ["Excelentíssima Senhora Ministra da Saúde"]


def test_council_members_stacked_a_line_each_over_one_address_share_it() -> None:
    """ "Mayor …" / "Councilwoman …" / "Alderman …" a line each over the town hall's
    address: each is an addressee, and each is written to at that address."""
    text = (
        "June 4, 2024\n\n"
        "Mayor Rita Okonkwo\n"
        "Councilwoman Dana Pruitt\n"
        "Alderman Felix Haney\n"
        "Selectman Omar Castellano\n"
        "Town Hall\n"
        "12 Market Street\n"
        "Millbrook, Vermont 05401\n\n"
        "Dear Mayor Okonkwo and Members of the Council:\n\n"
        "We urge the council to keep the Millbrook branch library open on Saturdays.\n\n"
        "Sincerely,\n\n"
        "Jo Lindqvist\n"
        "Friends of the Millbrook Library\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [(a.title_lines, a.name) for a in letter.addressees] == [
        (["Mayor"], "Rita Okonkwo"),
        (["Councilwoman"], "Dana Pruitt"),
        (["Alderman"], "Felix Haney"),
        (["Selectman"], "Omar Castellano"),
    ]
    for person in letter.addressees:
        assert person.address_lines == ["Town Hall", "12 Market Street", "Millbrook, Vermont 05401"]


def test_names_a_line_each_over_an_office_in_the_plural_share_the_office() -> None:
    """ "Irene Castañeda" / "Tomás Ugarte" / "Co-Chairs, Joint Committee on Housing": both
    are addressees, and the office, written in the plural, is each one's."""
    page = (
        "<html><body><main><h1>Letter to the housing committee</h1>"
        "<p>Lima, 2 de mayo de 2023</p>"
        "<p>Irene Castañeda</p><p>Tomás Ugarte</p>"
        "<p>Co-Chairs, Joint Committee on Housing</p>"
        "<p>Dear Co-Chairs,</p>"
        "<p>We ask the committee to hold a hearing on evictions in the northern districts "
        "before the recess.</p>"
        "<p>Sincerely,</p><p>Marisol Paredes</p><p>Tenants United</p>"
        "</main></body></html>"
    )


    letter = ingest_bytes(page.encode(), filename="letter.html").letter
    assert letter is not None
    assert [(a.name, a.title_lines) for a in letter.addressees] == [
        ("Irene Castañeda", ["Co-Chairs, Joint Committee on Housing"]),
        ("Tomás Ugarte", ["Co-Chairs, Joint Committee on Housing"]),
    ]


def test_address_lines_stopped_with_a_full_stop_stay_in_the_inside_address() -> None:
    """ "Lic. Andrea Villaseñor Ruiz." / "Directora General de Educación Superior
    Universitaria." over a second addressee, all in one block as a PDF gives it: each line
    ends with a full stop, and each is still part of the inside address."""
    text = (
        "14 de marzo de 2021\n\n"
        "Lic. Andrea Villaseñor Ruiz.\n"
        "Directora General de Educación Superior Universitaria.\n"
        "Dr. Joaquín Esparza Lomelí\n"
        "Coordinador Nacional de Becas de Posgrado\n\n"
        "Estimados Lic. Villaseñor y Dr. Esparza:\n\n"
        "Les escribimos para pedir que se prorroguen las becas de posgrado afectadas por el "
        "cierre de los laboratorios durante la pandemia.\n\n"
        "Atentamente,\n\n"
        "Colectivo de Becarias y Becarios en el Extranjero\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [(a.honorific, a.name) for a in letter.addressees] == [
        ("Lic.", "Andrea Villaseñor Ruiz"),
        ("Dr.", "Joaquín Esparza Lomelí"),
    ]
    assert letter.addressees[0].title_lines == [
        "Directora General de Educación Superior Universitaria"
    ]


def test_a_template_s_blanks_end_its_signature_before_the_page_s_lists() -> None:
    """A letter-writing site's page copied without blank lines: the close, the sender's
    blanks ("[YOUR NAME]", "[YOUR ADDRESS]", "[YOUR EMAIL]"), then the site's picker and
    its list of other towns' letters. One signer (the blanks), nothing after it."""
    towns = "\n".join(
        f"• {town} - Letter to Mayor and City Council"
        for town in ("Ashford", "Bellmont", "Carver", "Dunmore", "Elkton", "Fairview")
    )
    text = (
        "Letters for safer streets\n"
        "Dear Mayor Whitcombe,\n"
        "My name is [YOUR NAME] and I live in Ward 4. I ask you to fund the crossing "
        "guards the school board cut from next year's budget.\n"
        "Children walk to three schools along Route 9 with no guard at the crossings.\n"
        "Sincerely,\n"
        "[YOUR NAME]\n"
        "[YOUR ADDRESS]\n"
        "[YOUR EMAIL]\n"
        "Choose your state\n"
        "Ohio\n"
        f"{towns}\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["[YOUR NAME]"]


def test_the_page_s_next_part_run_onto_the_signer_is_not_his_title() -> None:
    """Copied without blank lines: the signer, then "The notes below are for readers who
    want the history of the dispute." and the page's background section. The sentence
    opens the page's next part; the letter ends at the signer."""
    text = (
        "Dear Commissioner Alvarado,\n"
        "We ask the commission to require bonds that cover the full cost of closing the "
        "idle wells in the county.\n"
        "Sincerely yours,\n"
        "Teodora Villanueva\n"
        "The notes below are for readers who want the history of the dispute and the "
        "figures behind our request.\n"
        "BACKGROUND\n"
        "The county has more than two thousand idle wells, many of them decades old.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    (signer,) = letter.signatories
    assert signer.name == "Teodora Villanueva"
    assert signer.title_lines == []


def test_a_quien_corresponda_is_a_greeting() -> None:
    """The impersonal greeting in Spanish, Portuguese and French, as "To whom it may
    concern:" is in English."""
    for greeting in ("A quien corresponda:", "A quem possa interessar,", "À qui de droit,"):
        text = (
            f"{greeting}\n\n"
            "Por medio de la presente dejo constancia de mi oposición al registro de mis "
            "datos biométricos en el puesto de control.\n\n"
            "Atentamente,\n\n"
            "Ignacio Ferreyra Paz\n"
        )
        letter = ingest_text(text).letter
        assert letter is not None, greeting
        assert letter.salutation == greeting


def test_a_letter_under_a_bare_carta_heading_closed_sinceramente_suyos() -> None:
    """A page with a heading "Carta" over a letter with no greeting, closed "Sinceramente
    suyos," over an ellipsis (where the page cut the signature) and the committee's name:
    a letter, its close, its one signer."""
    text = (
        "Preguntas al Consejo sobre la sesión del lunes\n\n"
        "4 de abril de 2006 -- La asociación pregunta al servicio jurídico del Consejo por "
        "el procedimiento seguido el lunes.\n\n"
        "Carta\n\n"
        "El lunes el Consejo afirmó haber adoptado un acuerdo político sin debate. Les "
        "rogamos que respondan a las preguntas siguientes sobre el procedimiento.\n\n"
        "Quisiéramos saber quién envió el orden del día y cuándo.\n\n"
        "Sinceramente suyos,\n\n"
        "...\n\n"
        "El Comité de la Asociación\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    letter = result.letter
    assert letter is not None
    assert letter.complimentary_close == "Sinceramente suyos,"
    assert [s.name for s in letter.signatories] == ["El Comité de la Asociación"]
    assert letter.body[0].startswith("El lunes el Consejo")


def test_a_run_in_to_greeting_opens_a_letter() -> None:
    """ "To Councillor Imani Wright, I am writing to you as a resident of …": the office
    and the name greeted, the first sentence run on after the comma."""
    text = (
        "An open letter to Councillor Wright about the bus lanes\n\n"
        "To Councillor Imani Wright, I am writing to you as a resident of the Hillcrest "
        "ward who rides the number 12 bus every day.\n\n"
        "The new bus lanes have cut my commute by a third, and I ask you to vote against "
        "the motion to remove them.\n\n"
        "Many of my neighbours depend on the same route to reach the hospital.\n\n"
        "Removing the lanes would put the buses back in the traffic they used to sit in.\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    assert result.letter is not None
    assert result.letter.salutation == "To Councillor Imani Wright,"


def _menu(count: int) -> str:
    return "\n".join(f"Region {n}" for n in range(count))


def test_a_long_menu_above_an_open_letter_does_not_bury_it() -> None:
    """A community news site's page: forty short menu lines, the title "Open letter: …",
    a byline, then a letter with no greeting or close that speaks to its readers and ends
    on a numbered list of organisations. The menu is the page's frame; the letter is what
    the page holds, all its signers kept."""
    signers = "\n".join(f"  {n}. Collective number {n} of the valley" for n in range(1, 13))
    text = (
        "publish\nnewswire\nabout us\ncontact\n"
        f"{_menu(36)}\n"
        "OPEN LETTER: FOR A VALLEY WITHOUT EVICTIONS\n"
        "by Community Desk\n"
        "We have seen families put out of their homes in the valley every week this "
        "winter, with no notice and nowhere to go.\n"
        "We ask you, the mayors of the valley, to stop every eviction until the spring and "
        "to open the empty municipal flats to the families put out.\n"
        "You have the powers to do so, and you have promised it in your programmes.\n"
        "Each organisation that signs this letter will hold you to that promise.\n"
        "The signing organisations:\n"
        f"{signers}\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    assert result.letter is not None
    assert len(result.letter.signatories) == 12


def test_a_numbered_list_of_signers_holds_through_an_odd_item() -> None:
    """An open letter with no greeting or close, under its title, ends on a numbered list
    of organisations; one item reads as a sentence (its description, and the next item run
    onto it, as a copied page gives it). The list's numbers hold it together: the items
    above the odd one are signers too."""
    items = [f"  {n}. Association number {n}" for n in range(1, 14)]
    items[6] = (
        "  7. Association for the defence of the rights of tenants in the old town and "
        "its suburbs, founded in 1990. 8. Neighbours United."
    )
    text = (
        "Open letter to the Minister of Housing\n\n"
        "We ask you to withdraw the eviction decree before the winter, as you promised "
        "the tenants' unions in the spring.\n\n"
        "You have the power to stop the evictions, and we ask you to use it now.\n\n"
        "Every family put out this winter is one you could have kept at home.\n\n"
        "The signing organisations:\n" + "\n".join(items) + "\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert len(letter.signatories) >= 12
    assert letter.signatories[0].name == "Association number 1"


def test_a_greeting_at_the_top_of_two_pages_is_no_running_header() -> None:
    """Two letters to the same readers, one a page: each page opens "Dear Chancellor Ruiz
    and Provost Lee,". A greeting repeated at the top of pages opens letters; it is not a
    running header to leave out, and the second letter's greeting ends the first one's
    signers."""
    first = [
        "Dear Chancellor Ruiz and Provost Lee,",
        "",
        "We the undersigned faculty ask you to meet us next week about reopening",
        "the research laboratories on every campus of the university.",
        "",
        "Best regards,",
        "Ana Silva, Hunter College",
        "Ben Cho, City College",
        "Carla Diaz, Lehman College",
    ]
    second = [
        "Dear Chancellor Ruiz and Provost Lee,",
        "",
        "We the undersigned postdoctoral researchers support the faculty's request",
        "and ask to take part in the meeting.",
        "",
        "Best regards,",
        "Dev Patel, Queens College",
    ]
    letter = ingest_bytes(pages_pdf([first, second]), filename="letters.pdf").letter
    assert letter is not None
    assert letter.salutation == "Dear Chancellor Ruiz and Provost Lee,"
    assert [s.name for s in letter.signatories] == ["Ana Silva", "Ben Cho", "Carla Diaz"]


def test_a_close_glued_to_the_sender_s_blank_is_split() -> None:
    """ "Sincerely,[Your Name]": a page that lost the line break between the close and the
    template's blank for the name. The close, then the blank as the one signer."""
    text = (
        "Dear Board Members,\n\n"
        "I ask the board to keep the school library open during the summer months for the "
        "children of the district.\n\n"
        "Sincerely,[Your Name]\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.complimentary_close == "Sincerely,"
    assert [s.name for s in letter.signatories] == ["[Your Name]"]


def test_a_blank_set_in_markdown_emphasis_is_the_template_s_signer() -> None:
    """ "*Nombre y apellido*" under the close of a template written in Markdown: the
    sender's blank, the one signer (as "[Nombre y apellido]" would be)."""
    text = (
        "Señor Director:\n\n"
        "Manifiesto mi disconformidad con la toma obligatoria de mis datos biométricos en "
        "el control migratorio y pido que se borren de la base de datos.\n\n"
        "Atentamente,\n\n"
        "*Nombre y apellido*\n\n"
        "*DNI*\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.signatories[0].name == "*Nombre y apellido*"
    assert len(letter.signatories) == 1


def test_a_sentence_set_as_a_markdown_heading_is_the_letter_s_paragraph() -> None:
    """ "### Dear Councillor Osei," then "#### We at Cycle Lanes Now are deeply concerned
    …" (a whole sentence set as a heading for its size), then the letter's paragraphs: the
    sentence is the letter's first paragraph, not a heading that ends it."""
    text = (
        "---\ntitle: Open letter to the transport councillor\ndate: 2024-05-10\n"
        "summary: The council's claims about the Station Road lanes are wrong\n---\n"
        "*This letter answers a speech the councillor gave to the chamber of commerce on "
        "3 May about the lanes on Station Road.*\n\n"
        "### Dear Councillor Osei,\n\n"
        "#### We at Cycle Lanes Now are deeply concerned about your claim that the new "
        "lanes on Station Road have made the street more dangerous for everyone.\n\n"
        "The council's own counts show more people cycling and fewer collisions since the "
        "lanes opened last spring.\n\n"
        "We ask you to publish the full figures before the committee votes on removing "
        "them.\n\n"
        "Removing the lanes now would waste the money already spent and put riders back "
        "among the buses.\n"
    )
    result = ingest_bytes(text.encode(), filename="letter.md")
    assert result.kind == "letter"
    assert result.letter is not None
    assert result.letter.body[0].startswith("We at Cycle Lanes Now")


def test_the_greeting_said_again_shortened_and_a_title_naming_the_reader() -> None:
    """A post titled "Carta aberta à ministra Helena Prates" over a byline, then "Cara
    ministra Helena Prates, …" run into its first sentence, and later "Cara ministra, …"
    again: one letter (the shortened greeting is a vocative), under a title that names
    its reader; the post's previous and next links ("« …", "… »") are no signers."""
    page = (
        "<html><body><main><h1>Carta aberta à ministra Helena Prates</h1>"
        "<p>O autor cobra explicações sobre o fecho das escolas rurais.</p>"
        "<p>Por Rui Tavares Lobo, professor.</p>"
        "<p>Cara ministra Helena Prates, há poucos dias a senhora anunciou o fecho de "
        "quarenta escolas rurais no distrito.</p>"
        "<p>Gostaria de lembrar-lhe que muitas destas escolas são o único serviço público "
        "das aldeias onde ficam.</p>"
        "<p>Cara ministra, a senhora pode muito, mas não pode fechar as escolas sem ouvir "
        "as famílias.</p>"
        "<p>Despeço-me, senhora ministra, com a esperança de uma resposta rápida e de um "
        "encontro com as famílias das aldeias.</p>"
        "<p>« Câmara aprova novo plano de transportes para o distrito</p>"
        "<p>Festival de música regressa à praça central »</p>"
        "</main></body></html>"
    )
    result = ingest_bytes(page.encode(), filename="post.html")
    assert result.kind == "letter"
    letter = result.letter
    assert letter is not None
    assert letter.salutation == "Cara ministra Helena Prates,"
    assert letter.signatories == []
    assert any("a senhora pode muito" in p for p in letter.body)


def test_a_labelled_update_run_onto_the_signers_ends_them() -> None:
    """ "ACTUALIZACIÓN: Y la senadora Ortiz [D, NM] también retira su apoyo. …" under the
    signers of a page copied without blank lines, then the page's call to join its list
    and its network links: the page's note ends the signers."""
    text = (
        "Querido Líder de la Mayoría Reid:\n"
        "Le escribimos para expresar nuestra preocupación por la decisión de llevar el "
        "proyecto de ley al pleno antes de que se resuelvan las dudas de la comisión.\n"
        "Creemos que el proyecto necesita más tiempo y una audiencia pública.\n"
        "Atentamente,\n"
        "Ana Ruiz, Bo Lindqvist, Carla Mendes, Dev Patel\n"
        "ACTUALIZACIÓN: Y la senadora Ortiz [D, NM], añade su nombre a los que retiran su "
        "apoyo. El recuento completo de los votos hasta la fecha está aquí.\n"
        "La presión de la gente hizo que tres senadores retiraran su apoyo al proyecto. Los "
        "invitamos a participar de nuestra lista de correo y a debatir acciones.\n"
        "Si quieren participar de nuestra lista de correo.\n"
        "Encontranos en estas redes\n"
        "  • Mastodon\n"
        "  • Diáspora\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Ana Ruiz",
        "Bo Lindqvist",
        "Carla Mendes",
        "Dev Patel",
    ]


def test_a_close_run_onto_a_bracketed_blank_or_a_capitalised_sincerely_is_split() -> None:
    """ "Sincerely, [Your information here]" and "Yours Sincerely, Dr Ana Ruiz FRACGP": the
    close and what it runs onto are two lines, whatever the blank says and however the
    close is capitalised."""
    for line, close, signer in (
        ("Sincerely, [Your information here]", "Sincerely,", "[Your information here]"),
        ("Yours Sincerely, Dr Ana Ruiz FRACGP", "Yours Sincerely,", "Dr Ana Ruiz FRACGP"),
    ):
        text = (
            "Dear Minister,\n\n"
            "I ask you to end surprise bills for emergency care before the winter.\n\n"
            f"{line}\n"
        )
        letter = ingest_text(text).letter
        assert letter is not None, line
        assert letter.complimentary_close == close
        assert len(letter.signatories) == 1
        assert signer.endswith(letter.signatories[0].name)


def test_a_portuguese_leader_s_office_under_the_name_is_the_signer_s_title() -> None:
    """ "Deputada Ana Tavares" / "Líder do Governo na Assembleia Legislativa": the office
    under the name is her title, not a second signer."""
    text = (
        "Senhor Governador,\n\n"
        "Solicitamos a Vossa Excelência a revisão do decreto que fecha as escolas rurais do "
        "estado.\n\n"
        "Atenciosamente,\n\n"
        "Deputada Ana Tavares\n"
        "Líder do Governo na Assembleia Legislativa\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    (signer,) = letter.signatories
    assert signer.title_lines == ["Líder do Governo na Assembleia Legislativa"]


def test_degrees_after_commas_stay_with_their_names_in_a_one_line_list() -> None:
    """ "Hal Rowe, Ph.D. & Sidra Rowe, Ph.D." under the close: two signers, each with the
    degree the comma set after the name."""
    text = (
        "Dear President Okoro,\n\n"
        "We ask you to fund the community mental health centres in next year's budget.\n\n"
        "Sincerely yours,\n\n"
        "Hal Rowe, Ph.D. & Sidra Rowe, Ph.D.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Hal Rowe, Ph.D.", "Sidra Rowe, Ph.D."]


def test_a_tag_shown_as_text_is_no_signer() -> None:
    """A letter set in a page's text box, copied with the box's closing tag as text
    ("</textarea>"): the tag is page markup, not a second signer."""
    text = (
        "Dear Commissioner,\n\n"
        "Please keep the public comment period open for another sixty days.\n\n"
        "Sincerely,\n\n"
        "YOUR NAME\n\n"
        "</textarea>\n"
    )
    letter = ingest_bytes(text.encode(), filename="template.md").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["YOUR NAME"]


def test_the_reader_the_title_names_greeted_by_name_and_office() -> None:
    """ "Carta a la nueva directora de la Agencia de Datos" over "Lucía Fernanda Ibarra,
    nueva directora de la Agencia de Datos:" and the letter: the line greets the reader the
    title names; it is the letter's greeting."""
    page = (
        "<html><body><main><h1>Carta a la nueva directora de la Agencia de Datos</h1>"
        "<p>Lucía Fernanda Ibarra, nueva directora de la Agencia de Datos:</p>"
        "<p>Es un momento para demostrar el carácter técnico de la Agencia. Sabemos que "
        "los primeros días en el cargo pueden ser intensos, pero le pedimos que escuche a "
        "la sociedad civil.</p>"
        "<p>Le proponemos publicar cada mes las solicitudes de datos que recibe la Agencia "
        "y las respuestas que da.</p>"
        "<p>Podríamos seguir con la lista, pero por ahora dejémoslo hasta aquí.</p>"
        "</main></body></html>"
    )
    result = ingest_bytes(page.encode(), filename="carta.html")
    assert result.kind == "letter"
    assert result.letter is not None
    assert result.letter.salutation == (
        "Lucía Fernanda Ibarra, nueva directora de la Agencia de Datos:"
    )
