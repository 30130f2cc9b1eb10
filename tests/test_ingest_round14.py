"""Shapes met on real pages in the fourteenth round: open letters whose greeting runs into
the first paragraph under the page's title, a greeting said again at the head of later
paragraphs, Markdown posts with images, timestamps and empty headings, long bulleted lists
of signers whose descriptions read as sentences, endnotes and an author's note run onto the
signer's block.

Every letter here is fresh and fictional.
"""

from __future__ import annotations

from draftkit.ingest import ingest_bytes, ingest_text
from draftkit.ingest.anchors import close_strength
from draftkit.ingest.dates import parse_date_line
from draftkit.ingest.page import _LETTER_HEADING
from draftkit.ingest.signer_labels import is_name_placeholder, is_signatory_label, labelled_signers
from draftkit.ingest.text import Line, lines_from_markdown


def test_a_greeting_run_into_the_first_paragraph_under_a_title_naming_the_letter() -> None:
    """ "Carta abierta al Gobernador" over "Señor Gobernador, he leído …": the title names
    the letter, so a greeting that runs on into its paragraph opens a letter (the
    "Atentamente." that ends the last paragraph is its close)."""
    text = (
        "Buscar en el sitio\n\n"
        "Carta abierta al Gobernador del Estado sobre el agua de riego\n\n"
        "Señor Gobernador, he leído con atención el plan hídrico que su gobierno presentó la "
        "semana pasada y quiero compartirle algunas preocupaciones de los productores.\n\n"
        "Las presas del norte llevan tres años por debajo de la mitad de su capacidad, y los "
        "ejidos de la cuenca alta no reciben agua desde marzo.\n\n"
        "Los pozos profundos que autorizó la comisión agotan el acuífero que abastece a las "
        "comunidades de la sierra.\n\n"
        "Le pido que reciba a los comisariados ejidales antes de cerrar el plan. Atentamente.\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert result.letter.salutation == "Señor Gobernador,"
    assert result.letter.complimentary_close == "Atentamente."
    assert result.letter.body[-1].endswith("antes de cerrar el plan.")


def test_the_greeting_said_again_at_the_head_of_a_paragraph_is_no_second_letter() -> None:
    """A letter with no close that repeats its vocative ("Mesdames les Ministres, vous …")
    at the head of later paragraphs is one letter: its date and signer are read."""
    text = (
        "LETTRE OUVERTE AU GOUVERNEMENT\n\n"
        "Mesdames les Ministres,\n\n"
        "Voici la deuxième lettre que je vous adresse au sujet des bibliothèques rurales, "
        "fermées depuis la rentrée faute de personnel.\n\n"
        "Mesdames les Ministres, il est des moments où l'urgence de l'action s'impose à "
        "tous, et celui-ci en est un pour les villages du plateau.\n\n"
        "Mesdames les Ministres, la lecture publique n'est pas un luxe : c'est la première "
        "école de ceux qui n'en ont plus à moins de vingt kilomètres.\n\n"
        "Dans l'espoir d'une réponse, veuillez agréer, Mesdames les Ministres, l'expression "
        "de ma haute considération.\n\n"
        "Odile Marchal, bibliothécaire\n"
        "Rodez, le 3 février 2025\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert result.letter.date is not None and result.letter.date.isoformat() == "2025-02-03"
    assert len(result.letter.body) >= 3
    assert not any("second letter" in line for line in result.reading)


def test_an_authors_note_under_the_signer_ends_the_letter() -> None:
    """A post copied without blank lines: the close, the name, then "Author's note: …",
    the name again and the post's date. The letter is signed once; the note and its date
    are the page's."""
    text = (
        "To the members of the City Council:\n\n"
        "The library on Elm Street is the only quiet place in the neighbourhood where "
        "students can study after school, and its hours were cut again this spring.\n"
        "Please restore the evening hours in next year's budget; the cost is small and the "
        "need is plain to anyone who has seen the queue at four o'clock.\n"
        "A concerned student,\n"
        "Riley Okafor\n"
        "Author's note: I sent a shorter version of this letter to each council member by "
        "email, and I will post their answers here when they come in.\n"
        "Riley Okafor\n"
        "March 4, 2024\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Riley Okafor"]
    assert result.letter.date is None
    assert any("author's note" in line for line in result.reading)


def test_endnotes_under_the_signer_in_one_block_end_the_letter() -> None:
    """ "Thank you!" / the name / "[1] https://…" / "[2] https://…" / "Buy me a coffee":
    the endnotes end the signature block, and what follows them is the page's."""
    text = (
        "Dear Members of the Assembly,\n\n"
        "I am writing about the vote on the data retention bill this afternoon.[1]\n\n"
        "The bill would keep every message's metadata for two years,[2] far beyond what the "
        "courts have allowed.\n\n"
        "Please vote against it.\n\n"
        "Thank you so much!\n"
        "Devi Ramaswamy\n"
        "[1] https://assembly.example.org/bills/2024/117\n"
        "[2] https://rights.example.net/reports/retention-2023\n"
        "Photo credit: Lena Brandt via open archives\n"
        "Buy me a coffee\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == ["Devi Ramaswamy"]


def test_a_label_then_its_members_run_into_one_sentence_ending_with_and() -> None:
    """ "National Committee: A, B (…), C (…) e D (…)." — the last two members joined by
    "e" are two members, and the line is the label's list."""
    text = (
        "Comitê Nacional: Rede Escola Viva, Fórum Popular de Educação (Associação de Pais "
        "do Pará), Coletivo Aprender (Centro de Estudos em Educação do "
        "Campo) e Unicampo (União Nacional das Escolas do Campo e das Águas do Brasil)."
    )
    rest = labelled_signers(text)
    assert rest is not None and rest.startswith("Rede Escola Viva")


def test_markdown_images_and_empty_headings_show_nothing() -> None:
    """ "![alt](src)" is a picture (its alt text is not a line of the page) and "###"
    alone is an empty heading (not a press release's end mark)."""
    lines = lines_from_markdown(
        "![Banner of the march](/img/banner.jpg)\n\nFirst paragraph.\n\n###\n\nLast.\n"
    )
    texts = [ln.text for ln in lines if not ln.blank]
    assert texts == ["First paragraph.", "Last."]


def test_bold_italic_markdown_is_plain_text() -> None:
    lines = lines_from_markdown("***Friends of the River Valley***\n")
    assert lines[0].text == "Friends of the River Valley"


SIGNED_POST = """\
---
title: 'Carta abierta a la Radio Pública'
date: 2021-05-11T09:12:44.120Z
---

![Mural](/img/mural.jpg)

Ante la crisis de la vivienda en nuestra ciudad, pedimos a la radio pública que dé a la \
cuestión el espacio y la continuidad que merece.

Nos dirigimos primero a los medios públicos, porque son de todos y tienen el mandato más \
claro de servicio público.

Pedimos un programa semanal, con voz para los barrios, y una cobertura que no se limite a \
los desalojos.

*Plataforma por la Vivienda Digna*

Valencia, 11 de mayo de 2021

### FIRMAS CARTA A LA RADIO PÚBLICA

{names}

***Seguimos recogiendo firmas.***

### Nuestra declaración

**La vivienda es un derecho:** y no una mercancía, como recoge la declaración que \
aprobamos en asamblea el año pasado. [Leer más](/es/declaracion/)
"""


def _signed_post() -> str:
    given = ["Ana", "Bruno", "Carla", "Diego", "Elena", "Fermín", "Gloria", "Hugo"]
    family = ["Soler Ribas", "Vidal Mas", "Puig Ferrer"]
    rows = []
    for k in range(24):
        # a description that reads as a sentence on some ("Profesora. Grupo de …")
        what = "Profesora. Grupo de Estudios Urbanos" if k % 7 == 3 else "Arquitecta"
        rows.append(f"- **{given[k % 8]} {family[k // 8]}** {what}")
    return SIGNED_POST.replace("{names}", "\n".join(rows))


def test_an_open_letter_post_signed_by_its_group_then_a_list_under_a_heading() -> None:
    """A Markdown post titled "Carta abierta …" (its date a timestamp, an image under the
    title), with no greeting or close: the group that signs it over the dateline, then a
    heading and a bulleted list of signers, a note, and the site's next section."""
    result = ingest_bytes(_signed_post().encode(), filename="carta.md")
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    names = [s.name for s in result.letter.signatories]
    assert names[0] == "Plataforma por la Vivienda Digna"
    assert len(names) == 25
    assert names[-1].startswith("Hugo Puig Ferrer")
    assert result.letter.date is not None and result.letter.date.isoformat() == "2021-05-11"


def test_signatures_of_the_letter_is_a_signatory_label() -> None:
    assert is_signatory_label("FIRMAS CARTA A LA RADIO PÚBLICA")
    assert is_signatory_label("Signatures to the letter")
    assert not is_signatory_label("Firmas falsas en el registro electoral")


def test_esteemed_members_greet() -> None:
    text = (
        "Esteemed members of the Board of Aldermen:\n\n"
        "We ask you to approve the zoning amendment for the Union Square blocks at your "
        "next meeting.\n\nSincerely,\n\nHarbor Street Neighbours\n"
    )
    result = ingest_text(text)
    assert result.letter is not None
    assert result.letter.salutation == "Esteemed members of the Board of Aldermen:"


def test_a_group_name_linked_to_its_page_under_the_close_signs() -> None:
    page = (
        "<html><body><article><p>Dear Secretary Lund:</p>"
        "<p>Please extend the comment period on the rail yard review by thirty days.</p>"
        "<p>Sincerely,</p>"
        '<p><a href="/about/steering-committee">Elm Park Housing Steering Committee</a></p>'
        "</article></body></html>"
    )
    letter = ingest_bytes(page.encode(), filename="letter.html").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Elm Park Housing Steering Committee"]


def test_french_and_english_closes_met_on_real_letters() -> None:
    for close in ("Très sincères salutations,", "With urgency,", "Your sincerely,"):
        text = (
            "Dear Minister,\n\nPlease publish the audit of the water board before the "
            f"summer recess.\n\n{close}\n\nMarguerite Osei\n"
        )
        result = ingest_text(text)
        assert result.letter is not None, close
        assert result.letter.complimentary_close == close
        assert [s.name for s in result.letter.signatories] == ["Marguerite Osei"]
        # a valediction by its words, not only by its shape over a name
        assert close_strength(Line(close)) == 2, close


def _long_list(count: int, odd: int | None = None) -> list[str]:
    given = ["Ada", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivo", "Jun"]
    family = ["Adler", "Brandt", "Castro", "Diallo", "Evans", "Fischer", "Garcia", "Holm"]
    rows = []
    for k in range(count):
        where = "State University" if k != odd else "State. University, East Campus"
        rows.append(f"{given[k % 10]} {family[k // 10 % 8]}, Lecturer in History, {where}")
    return rows


def test_a_long_list_goes_on_past_an_odd_entry_and_a_change_of_markup() -> None:
    """A close over the signers' count, the first signers as list items, the rest as plain
    paragraphs, one of them with a stray full stop: all are signers."""
    items = "".join(f"<li>{row}</li>" for row in _long_list(30))
    rest = "".join(f"<p>{row}</p>" for row in _long_list(40, odd=12))
    page = (
        "<html><body><article><h1>An open letter to the Governor</h1>"
        "<p>Dear Governor Reyes,</p>"
        "<p>We are historians who teach in the state's public universities, and we ask you "
        "to veto the bill that would close the state archives on weekends.</p>"
        "<p>With urgency,</p>"
        "<p>70 total signers as of 5 pm on March 2</p>"
        f"<ul>{items}</ul>{rest}"
        "</article></body></html>"
    )
    result = ingest_bytes(page.encode(), filename="letter.html")
    assert result.letter is not None
    assert result.letter.complimentary_close == "With urgency,"
    assert len(result.letter.signatories) == 70


def test_a_spanish_postscript_after_the_signer_is_no_signer() -> None:
    """ "PD. Señor Ministro, si desea responder …" under the signature is a postscript; the
    signer's line with the street and town after the name is one signer."""
    text = (
        "Estimado Ministro Paredes:\n\n"
        "Le escribo desde la cárcel para pedirle que revise mi expediente antes de la "
        "audiencia del mes próximo.\n\n"
        "Cordialmente,\n"
        "Tomás Ibarra Calle 14, La Floresta, Cuenca, Azuay, Ecuador\n"
        "PD. Señor Ministro, si desea responder, escríbame a la dirección de arriba.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Tomás Ibarra Calle 14"]
    assert letter.signatories[0].title_lines == ["La Floresta, Cuenca, Azuay, Ecuador"]


def test_an_icon_fonts_names_around_a_pager_are_chrome() -> None:
    """A page copied as text keeps an icon's ligature name beside the pager it decorates:
    "chevron_leftOlder Post Newer Postchevron_right" is the pager, not a signer."""
    text = (
        "Below is the letter I sent to my council members.\n\n"
        "Dear Council Members Ortega and Lind,\n\n"
        "Please keep the Westside pool open through September; the heat this summer has "
        "made it the only cool place many of our elderly neighbours can reach on foot.\n\n"
        "The city closed it in August last year as well, two weeks before the hottest days "
        "of the season, and the cooling centre at the library had no room left.\n\n"
        "Extending the lifeguards' contracts by four weeks would cost less than the "
        "fireworks the council approved for the autumn festival.\n\n"
        "chevron_leftOlder Post Newer Postchevron_right\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.signatories == []


def test_following_suggestions_open_the_asks() -> None:
    text = (
        "To the Planning Board:\n\n"
        "We support the draft code, and we would like to make the following suggestions.\n\n"
        "Parking minimums: Drop them within half a mile of the new station.\n\n"
        "Corner stores: Allow them by right in every residential district.\n\n"
        "Sincerely,\n\nMaple Ward Neighbours\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert len(letter.asks) == 2


def test_an_open_letter_post_with_its_date_between_title_and_run_on_greeting() -> None:
    """The post's title names the letter, its date stands under the title, the greeting
    runs into the first paragraph; the letter has no close: its dateline over the signer
    dates it, the lower-case line under the name says what the signer is, and the site's
    name said again in the footer ends the letter."""
    text = (
        "Notes from Riverbend\n"
        "About\n"
        "Carta aberta ao vereador Paulo Dias\n"
        "Mar 3, 2019 • None\n"
        "Prezado vereador, escrevo sobre o fechamento da biblioteca do bairro Alto, que "
        "atende mais de quatrocentas crianças por semana.\n"
        "A prefeitura promete uma nova sede há três anos e nada foi feito até agora.\n"
        "As crianças agora atravessam a avenida para estudar na praça, sem nenhuma "
        "segurança, e os pais nos procuram toda semana.\n"
        "Peço que o senhor leve o assunto à próxima sessão da Câmara.\n"
        "Sabará, 2 de março de 2019.\n"
        "Lúcia Menezes\n"
        "professora da rede municipal\n"
        "Notes from Riverbend\n"
        "• Notes from Riverbend\n"
        "• contact@example.org\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason
    letter = result.letter
    assert letter is not None
    assert letter.date is not None and letter.date.isoformat() == "2019-03-02"
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Lúcia Menezes", ["professora da rede municipal"])
    ]


def test_a_front_matter_date_that_is_no_date_is_left_out() -> None:
    lines = lines_from_markdown(
        '---\ntitle: Write to the premier\ndate: "dummy content"\n---\n\nText.\n'
    )
    texts = [ln.text for ln in lines if not ln.blank]
    assert texts == ["Write to the premier", "Text."]


JOINT_NOTE = """\
LOCAL LIBRARIES NEED THEIR OWN ARCHIVES EXEMPTION

Lyon, le 4 mars 2024

Alors que le Parlement s'apprête à examiner le projet de loi sur les archives, nos \
organisations souhaitent vous faire part de leur inquiétude sur l'article 12.

Le texte actuel obligerait chaque bibliothèque municipale à verser ses fonds locaux aux \
archives départementales, ce qui priverait les communes de leur mémoire.

Nous vous demandons de soutenir l'amendement qui exempte les fonds locaux de moins de \
mille pièces.

Si vous souhaitez en discuter, nous serions ravis de vous rencontrer.

Bibliothèques en Commun
Contact: Agnès Royer, présidente,
agnes.royer@example.org

Lecture Publique Rhône
Contact: Paul Vidal, secrétaire,
paul.vidal@example.net

Mémoire des Communes
Contact: Inès Haddad, déléguée, ines@example.com
"""


def test_a_titled_note_under_its_dateline_signed_by_bodies_over_their_contacts() -> None:
    """No greeting and no close: the dateline over the first paragraph and the reader
    spoken to make it a letter; each body signs over its contact lines."""
    result = ingest_text(JOINT_NOTE)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert [s.name for s in result.letter.signatories] == [
        "Bibliothèques en Commun",
        "Lecture Publique Rhône",
        "Mémoire des Communes",
    ]
    assert result.letter.date is not None and result.letter.date.isoformat() == "2024-03-04"


def test_a_constituents_sign_off_template_with_escaped_breaks_and_a_street() -> None:
    """A sample letter: "Your constituent" over the name, line breaks its template wrote
    out as "\\n", then the street and town: one signer, the address set aside."""
    text = (
        "Rep. Alvarez,\n\n"
        "Please vote for the wetlands bill when it comes to the floor next week.\n\n"
        "The marsh behind Pine Street floods every spring, and the bill would fund its "
        "restoration at last.\n\n"
        "Your constituent\n\\n\n\\n\n\nJamie Park\n\n212 Marsh Road\n\nTown, State 00000\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.complimentary_close == "Your constituent"
    assert [s.name for s in letter.signatories] == ["Jamie Park"]


def test_a_date_with_the_hour_in_the_military_style_is_the_letters_date() -> None:
    found = parse_date_line("2023-11-04. 0630 hrs.")
    assert found is not None and found.date.isoformat() == "2023-11-04"
    assert not found.published


def test_names_run_into_the_office_under_them_are_two_addressees() -> None:
    """A page that dropped the line breaks inside its address list: "Shri. Kiran
    RaoMinistry of Railways" is the person, then the ministry."""
    text = (
        "To,\n\n"
        "Shri. Kiran RaoMinistry of Railways\n"
        "Smt. Leela MenonDepartment of Tourism\n\n"
        "Dear Madam and Sir,\n\n"
        "We ask you to restore the night trains on the coastal line before the festival "
        "season.\n\nKind regards,\n\nCoastal Commuters Forum\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [(a.name, a.address_lines) for a in letter.addressees] == [
        ("Kiran Rao", ["Ministry of Railways"]),
        ("Leela Menon", ["Department of Tourism"]),
    ]


def test_a_french_template_with_double_angle_blanks_has_one_signer() -> None:
    """ "Sujet :" over the greeting is the subject; "<< Signature >>" / "<< Nom >>" / a
    tagline are one sender still to be filled in."""
    text = (
        "Sujet : Lettre sur le tracé de la nouvelle route\n\n"
        "Cher Monsieur Leblanc,\n\n"
        "Je vous écris au sujet du tracé de la route régionale, qui couperait la forêt "
        "communale en deux.\n\n"
        "Je vous invite à rencontrer les habitants avant le vote du conseil.\n\n"
        "Cordialement,\n\n"
        "<< Signature >>\n\n<< Nom en lettres moulées >>\n\n"
        "Engagé pour la vallée de la Matapédia\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.subject == "Lettre sur le tracé de la nouvelle route"
    assert [s.name for s in letter.signatories] == ["<< Nom en lettres moulées >>"]


def test_an_email_preview_of_an_action_page() -> None:
    """An action page's e-mail preview copied without blank lines: the page's own lines,
    then "To:" over the recipients' addresses, "Subject:" over the subject and "Message:"
    over the letter. Each address is an addressee; the subject is read."""
    text = (
        "Email Preview\n"
        "Review your objection before sending\n"
        "To:\n"
        "clerk@assembly.example\n"
        "budget.committee@assembly.example\n"
        "Subject:\n"
        "RE: OBJECTION TO THE WATER TARIFF BILL\n"
        "Message:\n"
        "Dear Official,\n\n"
        "I object to the water tariff bill, which doubles the charge for the first ten "
        "cubic metres a household uses.\n\n"
        "Please reject it and hold hearings in every county first.\n\n"
        "Sincerely,\n\nA Concerned Citizen\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == [
        "clerk@assembly.example",
        "budget.committee@assembly.example",
    ]
    assert letter.subject == "OBJECTION TO THE WATER TARIFF BILL"


def _pipe_table_letter() -> str:
    rows = [
        ("Tide Commons", "Association", "Belgium", "https://tide.example.org/letter"),
        ("Harbor Code Lab", "Company", "France", "https://harbor.example.com/blog/letter"),
        ("Dara Quint", "Developer", "Germany", "https://quint.example.net/2024/letter"),
        ("Open Fields", "Foundation", "Spain", "https://openfields.example/letter"),
        ("Loom Cooperative", "Cooperative", "Italy", "https://loom.example.it/lettera"),
        ("Quill Project", "Open source project", "Sweden", "https://quill.example.se/post"),
    ]
    table = " ".join(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows)
    return (
        "Keep funding open source maintenance\n"
        "Open Letter to the European Commission\n"
        "Since 2021 the maintenance fund has paid for security reviews of the libraries that "
        "public services in every member state depend on, and for the people who answer "
        "their bug reports.\n"
        "The draft budget for next year removes the fund and folds its lines into a general "
        "innovation programme that has never financed maintenance.\n"
        "We ask you to keep the fund as a line of its own in next year's budget.\n"
        "Signataires / Signatories\n"
        "Signatories must publish this letter on their own site before adding a row to the "
        "table below: | Nom / Name | Statut / Organization type | Pays / Country | Lien / Link "
        f"| |-|-|-|-| {table}\n"
        "1. The member states that joined the programme after 2021 are listed in the annex to "
        "the regulation, together with the associated countries and the outermost regions "
        "that take part on the same terms.\n"
    )


def test_a_signers_table_printed_as_one_paragraph_under_a_bilingual_label() -> None:
    """A Markdown pipe table a page printed as one paragraph ("| Name | Type | Country |
    Link | |-|-|-|-| | A | … |"), under "Signataires / Signatories" and a sentence on how
    to sign, with a note after it: the first column's names are the signers, the type,
    country and link columns left out, the note after the letter."""
    result = ingest_text(_pipe_table_letter())
    assert result.letter is not None, result.reason
    assert [s.name for s in result.letter.signatories] == [
        "Tide Commons",
        "Harbor Code Lab",
        "Dara Quint",
        "Open Fields",
        "Loom Cooperative",
        "Quill Project",
    ]
    assert is_signatory_label("Signataires / Signatories")


def test_a_governor_greeted_with_a_full_stop() -> None:
    """ "Sr. Governador." on its own line greets (Brazilian letters close the vocative with
    a full stop), and "Gratos," closes."""
    text = (
        "Sr. Governador.\n\n"
        "O instituto publica há vinte anos os únicos dados sobre a pesca artesanal do "
        "estado, e o corte anunciado encerraria a pesquisa em março.\n\n"
        "Convictos de que o Sr. Governador conhece a importância destes dados, solicitamos "
        "uma audiência para expor como o governo pode preservá-los.\n\n"
        "Gratos,\n\nConselho de Pesquisadores do Litoral\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Sr. Governador."
    assert [s.name for s in letter.signatories] == ["Conselho de Pesquisadores do Litoral"]


def test_a_whole_letter_that_cites_a_petition_is_a_letter() -> None:
    """A letter with its greeting, close and signer that says "240,000 people have signed
    a petition", under a page whose notes link to that petition, is the letter."""
    text = (
        "Letter to Commissioner Lind on software patents\n\n"
        "Dear Commissioner Lind,\n\n"
        "I write as the maintainer of an image library used by several thousand small "
        "firms in the Union.\n\n"
        "More than 240,000 people have signed a petition against the directive, most of "
        "them developers who, like me, cannot afford patent searches.\n\n"
        "Please keep software out of the directive's scope.\n\n"
        "Yours sincerely,\n\nMarta Ilves\n\n"
        "Notes\n\n[1] Petition for a patent-free Europe: https://petition.example.org\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter", result.reason


def test_an_open_letter_page_under_its_title_and_dated_line() -> None:
    """ "Carta a las plataformas: …" names a letter (Spanish "carta a"), and a labelled
    date between a title naming the letter and the first paragraph ("Date: 30 October
    2012") leaves the letter right under its title."""
    assert _LETTER_HEADING.search("Carta a empresas de tecnología: mantengan sus servicios")
    page = (
        "<html><body><h1>We stand with a detained developer</h1>"
        "<h2>Rights Coalition's letter</h2><p>Date: 30 October 2012</p>"
        "<hr><p>I am writing to you on behalf of the Rights Coalition about the detention "
        "of the software developer Omar Haddad, held without charge since March.</p>"
        "<p>His family has not been told where he is held, and his lawyer has not been "
        "allowed to see him.</p>"
        "<p>We urge you to release him at once or to bring him before a judge.</p>"
        "</body></html>"
    )
    result = ingest_bytes(page.encode(), filename="letter.html")
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert result.letter.body[0].startswith("I am writing to you")


def test_an_open_letter_under_its_title_whose_paragraphs_are_read_as_asks_and_after() -> None:
    """A letter under its title with no greeting, close or signer: its bold opening lines
    are read as asks and the paragraphs after them as what follows the asks, and the body
    is empty; the paragraphs are still the letter's, so the page is a letter."""
    text = (
        "### Open Letter to the Government and the People of the Republic\n\n"
        "**From the foreign engineers who made this country their home.**\n\n"
        "**To the Prime Minister, the members of the Assembly and the people of the "
        "Republic,**\n\n"
        "We begin this letter with a simple word: thank you. We write to you today as your "
        "neighbours and colleagues, not as strangers.\n\n"
        "Many of us came from countries shaken by war, and we chose this one for its "
        "values: its openness, its laws and its welcome.\n\n"
        "The proposed change to the residence law would send many of us away, and we ask "
        "you to reconsider it before the final vote.\n"
    )
    result = ingest_bytes(text.encode(), filename="letter.md")
    assert result.kind == "letter", result.reason


def test_a_posts_title_in_the_page_header_that_names_the_letter_is_kept() -> None:
    """A theme that sets the post's title in the page's <header> (skipped as chrome): the
    title "… An Open Letter to World Leaders" is kept as the page's heading, so the letter
    under it is found; the header's site name and menu stay out."""
    page = (
        "<html><body><header><a href='/'>Harbour Voices Blog</a><nav>Posts Tags</nav>"
        "<h1>Stop the Evictions - An Open Letter to the City Council</h1></header>"
        "<article><p>We are tenants of the Dockside blocks, and we write to you because "
        "forty families have received eviction notices this month.</p>"
        "<p>The notices cite renovations that the city has not yet approved.</p>"
        "<p>We urge you to suspend the evictions until the permits are decided.</p>"
        "</article><footer>Copyright Harbour Voices</footer></body></html>"
    )
    result = ingest_bytes(page.encode(), filename="post.html")
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert result.letter.body[0].startswith("We are tenants")


def test_html_comments_in_markdown_show_nothing() -> None:
    """A block editor's marks ("<!-- wp:paragraph -->") in a Markdown export are comments:
    no line of the page, and the lines after them keep their numbers."""
    source = "<!-- wp:paragraph -->\nFirst.\n<!-- /wp:paragraph -->\n\n<!--\nnote\n-->\nSecond.\n"
    lines = lines_from_markdown(source)
    assert [ln.text for ln in lines if not ln.blank] == ["First.", "Second."]
    assert [i for i, ln in enumerate(lines) if not ln.blank] == [1, 7]


def test_a_misspelt_excelentisima_greets() -> None:
    text = (
        "Señora\n\nMarta Ibáñez\n\nAlcaldesa\n\nMunicipalidad de Valle Alto\n\n"
        "Exelentisima Marta:\n\n"
        "De nuestra consideración, la asociación de ciclistas le solicita una reunión para "
        "presentar el plan de ciclovías del centro.\n\n"
        "quedamos atentos a su respuesta, sin otro particular se despide cordialmente,\n\n"
        "Rodrigo Paz\n\nPresidente\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.salutation == "Exelentisima Marta:"


def test_signers_with_their_role_a_line_apart_and_a_comment_widget_after() -> None:
    """ "Alisha" / (a gap) / "… Youth Advisory Board Member" is one signer; a legislator's
    one-word office ("Assemblymember") is a title; a comment widget's line after the
    signer ends the letter."""
    for name, role in (
        ("Alisha", "Riverside Youth Advisory Board Member"),
        ("Dana R. Holt", "Assemblymember"),
    ):
        text = (
            "Dear Chair Ruiz,\n\nPlease hold a hearing on the youth transit pass before the "
            f"budget vote.\n\nSincerely,\n\n{name}\n\n{role}\n\n"
            "Please enable JavaScript to view the comments powered by Disqus.\n\n"
            "comments powered by Disqus\n"
        )
        letter = ingest_text(text).letter
        assert letter is not None
        assert [(s.name, s.title_lines) for s in letter.signatories] == [(name, [role])]


def test_a_date_followed_by_the_day_it_marks() -> None:
    found = parse_date_line("3 de mayo de 2025, Día Mundial de la Libertad de Prensa")
    assert found is not None and found.date.isoformat() == "2025-05-03"
    assert parse_date_line("10 December 2024, Human Rights Day") is not None


def test_a_signer_with_a_title_that_names_a_scope_and_the_body_under_it() -> None:
    """ "National Executive Director" is the signer's title (its "National" names no
    body), and the body under it is where they work: one signer."""
    for title in ("National Executive Director", "Proprietor, Harbor Print Services."):
        text = (
            "Dear Prime Minister,\n\nPlease press for the release of the bloggers detained "
            f"last month.\n\nYours truly,\nEmma Vasquez\n{title}\nOMC Canada\n"
        )
        letter = ingest_text(text).letter
        assert letter is not None
        assert [s.name for s in letter.signatories] == ["Emma Vasquez"], title
        assert letter.signatories[0].title_lines[0] == title


def test_people_over_the_company_and_address_they_share() -> None:
    """ "Ana Ruiz, CEO" / "Ben Okafor, co-President" / "Chen Wei, co-President" over the
    company's name and address: three addressees ("CEO" is an office, not letters after
    a name)."""
    text = (
        "Ana Ruiz, CEO\nBen Okafor, co-President\nChen Wei, co-President\n"
        "Harbor Bank & Co\n383 Harbor Avenue\nNew York, NY 10179\n\n"
        "Dear Ms. Ruiz,\n\nPlease stop financing the coal terminal.\n\n"
        "Sincerely,\n\nRiver Coalition\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [(a.name, a.title_lines[:1]) for a in letter.addressees] == [
        ("Ana Ruiz", ["CEO"]),
        ("Ben Okafor", ["co-President"]),
        ("Chen Wei", ["co-President"]),
    ]


def test_a_descriptor_and_a_posts_byline_around_the_signer_without_blank_lines() -> None:
    """ "Concerned Resident," right over the name, then the post's "Posted June 20, 2016"
    and "Written by …" with no blank line between: one signer."""
    text = (
        "Dear Council:\n\nPlease fund the protected bike lanes downtown this year.\n"
        "Sincerely,\nConcerned Resident,\nJordan Vale\nPosted June 20, 2016\n"
        "Written by Jordan Vale who lives and works in Harbor City building useful things.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Jordan Vale"]


def test_template_blanks_in_double_brackets_and_a_scanners_mark() -> None:
    assert is_name_placeholder("[[NAME]]")
    assert is_name_placeholder("(your name/signature)")
    assert not is_name_placeholder("(Presidente Margarita Matus)")
    text = (
        "Dear Mayor Lund,\n\nPlease keep the library open on Sundays.\n\nSincerely,\n\n"
        "[[NAME]]\n[[CITY]], [[STATE]]\n\nScanned by CamScanner\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["[[NAME]]"]


def test_people_each_with_their_style_run_on_one_line() -> None:
    """ "To: Rt Hon A and Rt Hon B" are two addressees; "Cc: Rt Hon C, Hon D and Hon E" /
    "Hon F and Hon G, Hon H" are six copies."""
    text = (
        "To: Rt Hon Ana Ruiz and Rt Hon Ben Okafor\n"
        "Cc: Rt Hon Chen Wei, Hon Dana Holt and Hon Eli Marsh\n"
        "Hon Femi Ade and Hon Gita Rao, Hon Hugo Lind\n\n"
        "Dear Prime Minister and Leader of the Opposition,\n\n"
        "We ask you to agree on a law for the safe use of artificial intelligence.\n\n"
        "Yours sincerely,\n\nRiver Coalition\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Ana Ruiz", "Ben Okafor"]
    assert [a.name for a in letter.cc] == [
        "Chen Wei",
        "Dana Holt",
        "Eli Marsh",
        "Femi Ade",
        "Gita Rao",
        "Hugo Lind",
    ]


def test_the_body_in_the_letterhead_that_signs_a_letter_with_no_close_is_its_signer() -> None:
    """The site's name said twice in the footer ends a letter with no close (see above);
    a body named once in the letterhead and once under the letter is its signer."""
    text = (
        "Harbor Rights Coalition\n12 Quay Street, Harbor City\n\n"
        "Dear Mayor Lund,\n\n"
        "The library on Elm Street is the only quiet place where students can work after "
        "school, and its evening hours were cut again this spring.\n\n"
        "The cost of the evening hours is small beside the city's budget for events.\n\n"
        "We ask you to restore them in next year's budget.\n\n"
        "Harbor Rights Coalition\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Harbor Rights Coalition"]
