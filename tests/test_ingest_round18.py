"""Ingest, eighteenth round: shapes found in check letters (each test is a fresh letter)."""

from __future__ import annotations

from draftkit.ingest import ingest_text
from draftkit.sentences import ends_sentence, split_marker


def _signers(count: int, numbered: bool = False) -> str:
    names = [
        "Amal Perera - Teachers' Union",
        "Bianca Silva",
        "Chandra Devi - University of Kandy",
        "Dilan Fonseka",
        "Esha Raman - Journalist",
        "Farah Nizam",
        "Gayan Wijesinghe - Attorney-at-Law",
        "Hasini Jayasuriya",
        "Ishan Gunaratne - Retired Judge (Retd.)",
        "Janani Selvam",
        "Kavin Rajan - Farmers' Collective",
        "Lakmini Abeyratne",
    ][:count]
    if numbered:
        # numbers run into the names, with gaps, as a newspaper page prints them
        return "\n".join(f"{2 * k + 1}.{name}" for k, name in enumerate(names))
    return "\n".join(names)


def test_an_appeal_by_the_undersigned_signed_by_a_long_list_is_a_letter() -> None:
    """No greeting and no close: a newspaper page prints "We, the undersigned, … urge the
    Minister to …" and twelve names under it. A letter, signed by all twelve; a name
    ending "(Retd.)" is no sentence, and "3.Bianca Silva" loses its list number."""
    text = (
        "Citizens call for the water bill to be withdrawn\n"
        "09:12 AM, Monday, March 2, 2026\n"
        "We, the undersigned residents of the hill country, urge the Minister of Water "
        "Supply to withdraw the draft bill on private water concessions before it reaches "
        "Parliament.\n"
        "The bill was published without consultation, and the villages it would affect "
        "have not been told what their water will cost once the concessions are granted.\n"
        "It leaves the price of water to the companies, and it gives no village a say in "
        "how its springs are shared between the estates and the towns below them.\n"
        f"{_signers(12, numbered=True)}\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    letter = result.letter
    assert letter is not None
    assert len(letter.signatories) == 12
    assert letter.signatories[0].name.startswith("Amal Perera")
    assert letter.signatories[1].name == "Bianca Silva"


def test_a_petition_page_of_the_undersigned_is_not_made_a_letter() -> None:
    """The same words under a heading that calls the page a petition: not a letter."""
    text = (
        "Petition: keep the springs public\n"
        "We, the undersigned, call on the Minister of Water Supply to withdraw the draft "
        "bill on private water concessions before it reaches Parliament.\n"
        "The bill was published without consultation, and the villages it would affect "
        "have not been told what their water will cost.\n"
        f"{_signers(12)}\n"
    )
    assert ingest_text(text).kind != "letter"


def test_a_number_runs_into_its_word_but_an_initial_does_not() -> None:
    assert split_marker("1.Ajith Kumara") == ("number", "1.", "Ajith Kumara")
    assert split_marker("131..Mala Perera") == ("number", "131..", "Mala Perera")
    assert split_marker("2)postpone the reforms") == ("number", "2)", "postpone the reforms")
    assert split_marker("b)Introduce a bill") == ("letter", "b)", "Introduce a bill")
    assert split_marker("A.Smith") is None
    assert split_marker("2.5 million people") is None
    assert split_marker("10.Jan.2020") is None
    assert not ends_sentence("Prof. Nimal Silva - University of Galle (Retd.)")


def test_lettered_asks_after_a_sentence_ending_in_to_are_asks_not_signers() -> None:
    """ "… we call on you forthwith to;" over "a)Repeal …" / "b)Release …" / "c)Publish …"
    (no space after the letters, no stop at the items' ends), then the numbered names:
    three asks, and the names are the signers."""
    text = (
        "Unions write to the Minister of Justice\n"
        "We the undersigned trade unions and activists write to you about the draft "
        "security bill published on your Ministry's website last week.\n"
        "The bill widens the powers of detention without charge and takes away the "
        "courts' review of those detentions, which the present law still allows.\n"
        "Therefore we as citizens and as victims of the old law call on you forthwith to;\n"
        "a)Repeal the old law and withdraw this bill with immediate effect\n"
        "b)Release those held under the old law or charge them before a court\n"
        "c)Publish a white paper explaining why any new law is needed at this time\n"
        f"{_signers(12, numbered=True)}\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert len(letter.asks) == 3
    assert letter.asks[1].lead.startswith("Release those held")
    assert len(letter.signatories) == 12
    assert letter.signatories[0].name.startswith("Amal Perera")


def test_asks_introduced_by_a_sentence_ending_in_to_without_a_colon() -> None:
    """ "For these reasons we urge you to" over "1. ask …" / "2. take …" / "3. urge …":
    three asks, though the intro has no colon and an earlier numbered list gives reasons."""
    text = (
        "Dear Minister Halvorsen,\n\n"
        "1. The council's draft was circulated two days before the vote.\n"
        "2. The draft reverses what the parliament voted a year ago.\n\n"
        "For these reasons we urge you to\n"
        "1. ask the presidency to take the draft off the agenda of the next meeting\n"
        "2. take the file back to the ministers who negotiated the first reading\n"
        "3. urge the other governments to vote against it if it is put to a vote\n\n"
        "Yours sincerely,\n\n"
        "Open Source Business Alliance of Norway\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.lead.split()[0] for a in letter.asks] == ["ask", "take", "urge"]


def test_a_note_handing_on_the_letter_below_does_not_displace_it() -> None:
    """A mailing-list post ("Dear friends, I have sent … the following text") over the
    letter it sent, with its own greeting and close, copied with hard line breaks: the
    letter is the one sent, not the post (which has no close of its own)."""
    text = "".join(
        [
            "On 03-11, Marta wrote:\n"
            "Dear friends,\n"
            "I have sent, using this web form\n"
            "http://www.example.es/ministerio/contacto.htm\n"
            "belonging to the Ministry of Agriculture and Fisheries, the\n"
            "following text, which asks for the fishing quota decree to be\n"
            "taken off the agenda of Monday's meeting.\n"
            "    • On 03-12 Pablo added:\n"
            "The minister's own e-mail address is:\n"
            "La dirección de correo electrónico de la ministra es:\n"
            "ministra@example.es\n"
            "Excelentísima Sra Ministra:\n"
            "Nos ha llegado la noticia de que el próximo lunes se quiere\n"
            "aprobar en la reunión de ministros el decreto de cuotas de\n"
            "pesca sin que las cofradías hayan presentado sus alegaciones.\n"
            "Los datos del informe que lo acompaña son de 2019 y no\n"
            "reflejan el estado actual de los caladeros del norte.\n"
            "Por todo ello, le ruego que el decreto salga del orden del\n"
            "día de la reunión del próximo lunes.\n"
            "Atentamente,\n"
            "If anyone finds this text useful, please\n"
            "feel free to use it,\n"
        ]
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Excelentísima Sra Ministra:"
    assert letter.complimentary_close == "Atentamente,"


def test_a_portuguese_warm_greeting_and_close() -> None:
    """ "Meu caro presidente Tomé Barreto" with no comma, "Abraço" over the name, and the
    blog's links to its other posts under the date: one signer."""
    text = (
        "Carta aberta ao presidente da associação dos municípios\n"
        "Leia a carta do deputado:\n"
        "Meu caro presidente Tomé Barreto\n"
        "Tenho acompanhado o debate sobre a lei de responsabilidade educacional e quero "
        "esclarecer alguns pontos que têm sido mal compreendidos pelos prefeitos.\n"
        "A lei não cria despesa nova para os municípios; ela proíbe que os índices de "
        "aprendizagem caiam de um ano para o outro.\n"
        "Abraço\n"
        "Otávio Lins\n"
        "12 Mar 2014\n"
        "« Prefeitos pedem mais prazo para o plano de saneamento\n"
        "Feira do livro abre neste sábado no centro histórico »\n"
        "Blog do Recife nos tempos atuais\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Meu caro presidente Tomé Barreto"
    assert letter.complimentary_close == "Abraço"
    assert [s.name for s in letter.signatories] == ["Otávio Lins"]


def test_a_list_of_signers_dated_at_its_foot_ends_at_the_date() -> None:
    """ "Cordialmente," over organisations, then "Se firma el 3 de mayo de 2023." and the
    page's own lines
    ("El comunicado se puede descargar aquí.", "Volver", "Comparte"): four signers."""
    text = (
        "A los concejales de Medellín:\n\n"
        "Las organizaciones firmantes pedimos que el proyecto de acuerdo sobre datos "
        "abiertos se debata en audiencia pública antes de su votación.\n\n"
        "Cordialmente,\n\n"
        "Fundación Datos Claros\n"
        "Red de Veedurías Urbanas\n"
        "Colectivo Ciudad Abierta\n"
        "Observatorio de Transparencia Local\n"
        "Se firma el 3 de mayo de 2023.\n"
        "El comunicado se puede descargar aquí.\n"
        "Volver\n"
        "Tweets by DatosClaros\n"
        "Comparte\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.organization or s.name for s in letter.signatories] == [
        "Fundación Datos Claros",
        "Red de Veedurías Urbanas",
        "Colectivo Ciudad Abierta",
        "Observatorio de Transparencia Local",
    ]


def test_a_description_of_the_signing_group_is_not_a_signer() -> None:
    """ "A group of long-time tenants who care about the estate's future" over the names:
    who signs, described; the names are the signers."""
    text = (
        "Dear Housing Committee Members,\n\n"
        "We ask the committee to delay the vote on the redevelopment plan until the "
        "tenants' survey has been published.\n\n"
        "Yours respectfully,\n\n"
        "A group of long-time tenants who care about the estate's future\n\n"
        "Rukhsana Begum\n"
        "Tomasz Nowak\n"
        "Grace Mensah\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Rukhsana Begum",
        "Tomasz Nowak",
        "Grace Mensah",
    ]


def test_links_to_related_documents_under_an_open_letter_are_not_signers() -> None:
    """An open letter with no sign-off, then the page's reading list ("Statement by 90
    economists - May 2024" over its bare link): a letter with no signers."""
    text = (
        "# An open letter to the Governor of the Reserve Bank\n\n"
        "Following is an open letter to the Governor from two economists of the Policy "
        "Forum.\n\n"
        "We write to you as organisers of the statement endorsed by ninety economists, "
        "which asked the Bank to support the recovery after the floods.\n\n"
        "We urge you to set up a reconstruction window at the Bank, so that the rebuilding "
        "of homes and roads is not held back by the limits on foreign exchange.\n\n"
        "We remain committed to the welfare of the families hardest hit by the floods.\n\n"
        "Statement by 90 Economists - May 2024\n\n"
        "https://example.org/statements/90-economists.pdf\n\n"
        "Interview with the Governor\n\n"
        "https://example.org/video/governor\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    assert result.letter is not None
    assert result.letter.signatories == []


def test_an_addressed_to_line_lists_the_bodies_written_to() -> None:
    """ "Addressed to the Federal Government, Provincial Governments, … and University
    senior administrators:" over the letter: four addressees, and the page is a letter
    (not a news post) though it has no greeting."""
    text = (
        "Support for apprentices needed during the floods\n\n"
        "Posted May 4, 2024\n\n"
        "Addressed to Federal Government, Provincial Governments, Regional Training "
        "Boards, and College senior administrators:\n\n"
        "The floods have closed workshops across the region, and apprentices have lost "
        "both their training hours and their wages.\n\n"
        "We ask you to extend every apprenticeship by six months and to keep paying the "
        "training allowance while the workshops are closed.\n\n"
        "Signed,\n\n"
        "Northern Apprentices' Union\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    assert result.letter is not None
    assert [a.name or a.organization for a in result.letter.addressees] == [
        "Federal Government",
        "Provincial Governments",
        "Regional Training Boards",
        "College senior administrators",
    ]


def test_a_labelled_template_greeting_and_a_blog_pager_in_french() -> None:
    """ "Text of letter: Dear [your representative]," opens the letter (the label is the
    page's), and "• Billet précédent" / "• Billet suivant" under the signer are the blog's
    pager, no signers."""
    text = (
        "Write to your representative\n\n"
        "Text of letter: Dear [your representative],\n\n"
        "I urge you to vote for the bill that caps emergency room charges for patients "
        "treated outside their insurer's network.\n\n"
        "Sincerely,\n\n"
        "[Your name]\n\n"
        "  • Billet précédent\n"
        "  • Billet suivant\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Dear [your representative],"
    assert len(letter.signatories) == 1


def test_a_form_letter_greeting_with_an_ellipsis() -> None:
    """ "Dear M..." — the name left for the sender to fill in — is the greeting."""
    text = (
        "Dear M...\n\n"
        "I am writing to you as a software developer to ask you to oppose the directive "
        "on the patentability of computer programs at Monday's council meeting.\n\n"
        "Yours sincerely\n\n"
        "Jonas Berg\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Dear M..."


def test_the_signatories_label_is_not_a_signer() -> None:
    """ "The signatories," (a no-break space in it, as a web page writes it) over the
    names names no one."""
    text = (
        "Dear Members of the Council,\n\n"
        "We ask you to reject the proposed directive in its present form.\n\n"
        "Yours faithfully,\n\n"
        "The\u00a0signatories,\n\n"
        "Ines Valle, President of the Free Software Association\n"
        "Piet de Bruin, Chair of the Developers' Union\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Ines Valle", "Piet de Bruin"]


def test_two_signers_written_name_comma_post_are_two() -> None:
    """ "Ines Valle, President of the Free Software Association" over "Piet de Bruin,
    Chair of the Developers Union": two signers, though the first line names a body (not
    the body the second signs for)."""
    text = (
        "Dear Members of the Council,\n\n"
        "We ask you to reject the proposed directive in its present form.\n\n"
        "Yours faithfully,\n\n"
        "Ines Valle, President of the Free Software Association\n"
        "Piet de Bruin, Chair of the Developers Union\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Ines Valle", ["President of the Free Software Association"]),
        ("Piet de Bruin", ["Chair of the Developers Union"]),
    ]


def test_a_whole_letter_on_one_line_keeps_its_greeting() -> None:
    """A page that lost its line breaks sets the greeting, the letter and the close on one
    line of thousands of characters: the greeting is read off its start."""
    body = " ".join(
        f"In paragraph {n} of your article you repeated a claim about my work that you "
        "have never checked with me, and I ask you to correct it."
        for n in range(1, 40)
    )
    text = (
        "An open letter to the editor of the Weekly Courier\n\n"
        f"Dear Rafael Mendes Albuquerque, I refer to your article of 2 May. {body} "
        "I expect a correction in your next issue.\n\n"
        "Thank you,\n\n"
        "Lucas Ferreira\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Dear Rafael Mendes Albuquerque,"


def test_a_greeting_under_a_title_naming_the_letter_is_a_letter_without_a_close() -> None:
    """A draft left unsigned: "Letter to Regional Councils" over "Dear Members of Regional
    Councils,", a paragraph, its section headings and a last paragraph, no close and no
    signers: still a letter."""
    text = (
        "Letter to Regional Councils\n\n"
        "Dear Members of Regional Councils,\n\n"
        "The regional bus contracts are being renewed without any public hearing, and the "
        "timetables for the valley towns have already been cut twice this year.\n\n"
        "Contracts out of public control\n\n"
        "The spring tender\n\n"
        "Lack of transparency on subsidies\n\n"
        "Therefore, we encourage you to hold a hearing on the contracts before the next "
        "vote.\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    assert result.letter is not None
    assert result.letter.salutation == "Dear Members of Regional Councils,"


def test_to_over_offices_with_their_holders_and_a_counted_close() -> None:
    """ "To:" alone, then one addressee a line written "Mr. Office, Name" (no greeting:
    the body starts with "We are writing to you"), and "Sincerely, 41 Nobel Laureates" over
    a table of names: four addressees, the close, and the table's rows as signers."""
    text = (
        "To:\n"
        "Mr. President of the Republic, Tomás Ibarra\n"
        "Mr. Chief of the Cabinet of Ministers, Luis Ferrer\n"
        "Mr. President of the Research Council, Dr. Pablo Quiroga\n"
        "Honorable Senators and Deputies of the National Congress\n\n"
        "We are writing to you out of deep concern for the country's research system, "
        "whose budget has lost half of its value in a single year.\n\n"
        "We respectfully urge you to restore the research budgets before the institutes "
        "lose the scientists they trained over decades.\n\n"
        "Sincerely, 41 Nobel Laureates\n\n"
        "Name\tCategory\tPrize Year\n"
        "Ada Lindqvist\tChemistry\t2009\n"
        "Bruno Keller\tPhysics\t2014\n"
        "Chiara Moretti\tMedicine\t2018\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation is None
    assert len(letter.addressees) == 4
    assert letter.complimentary_close == "Sincerely,"
    assert [s.name for s in letter.signatories][:1] == ["Ada Lindqvist"]
    assert len(letter.signatories) == 3


def test_several_readers_greeted_by_name_and_an_editors_note() -> None:
    """ "Mr. Hale, Ms. Ortiz, and Mr. Brandt:" greets three commissioners; "Ed: This
    letter was also emailed to …" under the signer is the page's note."""
    text = (
        "An open letter to the commission\n\n"
        "Mr. Hale, Ms. Ortiz, and Mr. Brandt:\n\n"
        "I write to you about the commission's plan to end the rules on equal treatment of "
        "internet traffic, which the public comments overwhelmingly opposed.\n\n"
        "I urge you all to keep the rules in place.\n\n"
        "Rowan Pike\n\n"
        "Ed: This letter was also emailed to\n"
        "hale@example.gov,\n"
        "ortiz@example.gov, and\n"
        "brandt@example.gov\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Mr. Hale, Ms. Ortiz, and Mr. Brandt:"
    assert [s.name for s in letter.signatories] == ["Rowan Pike"]


def test_a_spanish_address_read_line_by_line_and_a_closing_greeting() -> None:
    """ "Sr. Jefe del Gabinete de Ministros," over "Ingeniero Nicolás Ferro," and two
    "c.c." lines, no greeting; the last sentence ends "…, los saludo cordialmente,": one
    addressee (the office is his title), two copies, and the signer under the sentence."""
    text = (
        "15 de marzo de 2024\n"
        "Sr. Jefe del Gabinete de Ministros,\n"
        "Ingeniero Nicolás Ferro,\n"
        "c.c. Sr. Presidente del Consejo de Investigaciones, Dr. Julio Sosa\n"
        "c.c. Miembros del Directorio del Consejo\n\n"
        "Me dirijo a usted como investigadora jubilada que ha colaborado durante treinta "
        "años con los institutos del país, para expresar mi preocupación por el cierre de "
        "los programas de formación de jóvenes científicos.\n\n"
        "Un sistema científico requiere muchos años de esfuerzo sostenido; en un día, sin "
        "embargo, se destruye lo construido en decenas de años.\n\n"
        "Con la esperanza de que las autoridades comprendan el lugar que le corresponde a la "
        "ciencia, los saludo cordialmente,\n\n"
        "Profesora Dra. Elena Vidal\n"
        "elena.vidal@example.org\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation is None
    (minister,) = letter.addressees
    assert minister.name == "Nicolás Ferro"
    assert minister.title_lines == ["Sr. Jefe del Gabinete de Ministros"]
    assert len(letter.cc) == 2
    assert [s.name for s in letter.signatories] == ["Profesora Dra. Elena Vidal"]


def test_a_list_of_the_bodies_joining_an_appeal_is_not_a_list_of_asks() -> None:
    """ "Joining in this appeal are the heads of:" over a list of societies: who signs,
    not what is asked."""
    text = (
        "Dear Chairman Wheeler,\n\n"
        "We write as leaders of scholarly societies to ask that you keep the internet open "
        "to all on equal terms.\n\n"
        "On behalf of the communities we serve, we urgently ask that you protect the open "
        "internet.\n\n"
        "Joining in this appeal are the presidents, chairs and founders of:\n\n"
        "  • the Association for Computers and the Humanities;\n"
        "  • the Electronic Literature Organization;\n"
        "  • the European Association for Digital Humanities;\n"
        "  • centerNet;\n"
        "  • the Digital Library Federation;\n"
        "  • and the Society for Textual Scholarship.\n\n"
        "Please keep the rules that protect equal access.\n\n"
        "Sincerely,\n\n"
        "Bethany Marsh\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.asks == []


def test_a_quoted_letter_signed_name_comma_office_then_the_release_notes() -> None:
    """A release quoting a letter with no close, signed "Marta Reis, presidente da ADL."
    with a full stop, then "Mais informações", links and press contacts: one signer."""
    text = (
        "Caro Deputado do Parlamento Europeu,\n\n"
        "Na próxima quarta-feira o Parlamento vai votar a directiva sobre a conservação de "
        "dados, e pedimos-lhe que vote contra o texto do Conselho.\n\n"
        "A directiva foi negociada à porta fechada e ignora as críticas da autoridade "
        "europeia para a protecção de dados.\n\n"
        "Marta Reis, presidente da ADL.\n"
        "Mais informações\n"
        "  • Posição da ADL\n"
        "  • Análise das emendas\n"
        "Contactos\n"
        "João Lima\n"
        "Direcção da ADL\n"
        "joao @ adl.example\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Marta Reis"]


def test_an_empty_sign_on_list_has_no_signers() -> None:
    """ "Signatories" / "Total confirmed" / "0" / "• No signatories yet": nobody signed."""
    text = (
        "Open letter to governments everywhere\n\n"
        "We call on you to adopt binding rules for the most capable artificial intelligence "
        "systems before they are deployed.\n\n"
        "Independent audits should be a condition of release, and the results should be "
        "published.\n\n"
        "Governments should also agree on the incidents that developers must report, and on "
        "who they report them to.\n\n"
        "Signatories\n\n"
        "Total confirmed\n\n"
        "0\n\n"
        "  • No signatories yet\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.signatories == []


def test_members_colon_is_a_label_not_a_greeting() -> None:
    """ "Members: Representatives from the training authority, …" in a letter printed with
    no greeting is a label over who would sit on a board, not the greeting."""
    text = (
        "Open letter to the Secretary of Education\n\n"
        "Following is an open letter to the Secretary from a productivity consultant.\n\n"
        "I write to you about the shortage of trained welders, which has left the shipyards "
        "and the building sites recruiting abroad for the third year running.\n\n"
        "I propose that the Ministry set up an advisory board on welding skills.\n\n"
        "Members: Representatives from the training authority, the vocational colleges and "
        "the private engineering companies.\n\n"
        "The board should report to the Ministry within six months.\n\n"
        "Ruwan Perera\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation is None


def test_a_template_blank_in_capitals_between_angle_brackets_is_the_signer() -> None:
    """ "<TU NOMBRE>" under the closing sentence is the template's blank for the sender,
    not a tag shown as text."""
    text = (
        "Dirección Nacional de Datos Personales\n"
        "Estimado Director,\n"
        "Me comunico con usted porque el servicio de consulta de saldo de la tarjeta de "
        "transporte expone los viajes de cualquier persona sin ninguna contraseña.\n"
        "Pongo a usted en conocimiento de la situación y exijo que se tomen los recaudos "
        "correspondientes.\n"
        "Aguardo su respuesta y lo saludo muy atentamente,\n"
        "<TU NOMBRE>\n"
        "DNI: <TU DNI>\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["<TU NOMBRE>"]


def test_a_reader_greeted_again_in_the_body_and_a_portuguese_introduction() -> None:
    """ "Veja a carta que … enviou hoje ao presidente:" is the page's line; "Senhor
    presidente, sempre …" in the body greets the same reader again (a vocative, not a
    second letter): the close and the signer stay the letter's."""
    text = (
        "A carta do bispo sobre o rio\n\n"
        "Veja a carta que o bispo Tomás Vieira enviou hoje ao presidente, criticando as "
        "obras no rio:\n\n"
        "Caro Presidente Almeida,\n\n"
        "Escrevo-lhe hoje para retomar o diálogo sobre as obras no rio, que começaram sem "
        "ouvir as comunidades ribeirinhas.\n\n"
        "Não faltam alternativas para levar água ao sertão; falta uma decisão política.\n\n"
        "Senhor presidente, sempre apoiamos o seu governo. Ainda estamos dispostos ao diálogo "
        "e esperamos que o senhor nos receba.\n\n"
        "Receba nossa saudação amiga e fraterna,\n\n"
        "Dom Tomás Vieira\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Caro Presidente Almeida,"
    assert letter.addressees == []
    assert [s.name for s in letter.signatories] == ["Dom Tomás Vieira"]


def test_a_note_to_members_over_the_letter_to_officials_it_sends() -> None:
    """A union's e-mail ("Dear members, … In solidarity," and its officer) over the sign-on
    letter it sends to the chancellor: the letter to the official is the page's letter."""
    text = (
        "Dear members,\n\n"
        "We hope you and your families are well. We want as many members as possible at "
        "the press conference on Monday, where the letter will be read out.\n\n"
        "In solidarity,\n\n"
        "Ana Vargas\nFirst Vice President\n\n"
        "P.S. Here is a link to upcoming campaign activities: https://example.org/events\n\n"
        "UNION SIGN-ON LETTER TO THE UNIVERSITY\n\n"
        "June 12, 2020\n\n"
        "Dana Okafor\nChairperson, Board of Trustees\n\n"
        "Erik Lindgren\nChancellor, The City University\n\n"
        "Dear Chairperson Okafor and Chancellor Lindgren:\n\n"
        "We write as elected officials to urge you not to lay off adjunct faculty this "
        "summer, when students need their teachers more than ever.\n\n"
        "The layoffs would cut courses that thousands of students need to graduate.\n\n"
        "We call on you to withdraw the layoff notices.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Dear Chairperson Okafor and Chancellor Lindgren:"


def test_a_sent_to_label_over_the_address_after_the_signature() -> None:
    """ "Envoyé à:" alone, a blank line, then the address block, after the signature: the
    addressee, not more signers; French infinitive items are the asks."""
    text = (
        "Lettre adressée au premier ministre au sujet des pensionnats\n\n"
        "Nous vous écrivons en tant qu’assemblée de quakers de Montréal au sujet des "
        "pensionnats autochtones.\n\n"
        "Les actions les plus pressantes incluent :\n\n"
        "* Annuler les lois qui ont permis la création des pensionnats\n"
        "* Soutenir la revitalisation des langues autochtones\n"
        "* S’assurer que tous les peuples autochtones ont accès à l'eau potable\n\n"
        "Ces appels à l'action représentent un don généreux au pays.\n\n"
        "Signé au nom des quakers de Montréal\n\n"
        "Envoyé à:\n\n"
        "Justin Trudeau, premier ministre\n"
        "Cabinet du premier ministre\n"
        "80 rue Wellington\n"
        "Ottawa, ON\n"
        "K1A 0A2\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert len(letter.asks) == 3
    assert len(letter.addressees) == 1
    assert letter.addressees[0].name is not None
    assert "Trudeau" in letter.addressees[0].name


def test_a_signer_name_role_and_party_set_a_paragraph_each() -> None:
    """ "Travis Lund" / "Party Leader" / "Pirate Party of Canada", a paragraph each (as a
    web page sets them): one signer, "Party Leader" is his role, not a second signer."""
    text = (
        "Dear Sir Tim,\n\n"
        "We write to thank you for your defence of an open web and to invite you to speak "
        "at our convention next spring.\n\n"
        "Sincerely,\n\n"
        "Travis Lund\n\n"
        "Party Leader\n\n"
        "Pirate Party of Canada\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Travis Lund"]


def test_several_greetings_on_one_line_and_a_motto_over_them() -> None:
    """A quotation with its source over the letter (not its address), then "Dear
    Government, Dear Parliament Parties, Dear Members of the European Parliament!" on one
    line: one salutation; Hungarian "s.k." under the name marks the signature."""
    text = (
        ",,We are not interested in exclusive patents, we would rather see what we have\n"
        'contributed made as widely available to the public as possible"\n'
        "excerpt from a 1947 letter of a mathematician\n\n"
        "Dear Government, Dear Parliament Parties, Dear Members of the European Parliament!\n\n"
        "We ask you to oppose the directive on software patents when it returns to the "
        "Council next month.\n\n"
        "2005.03.06\n\n"
        "Kovács Anna\n"
        "s.k.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == (
        "Dear Government, Dear Parliament Parties, Dear Members of the European Parliament!"
    )
    assert letter.addressees == []
    assert [s.name for s in letter.signatories] == ["Kovács Anna"]
