"""Ingest of copy lists (cc, copie, per conoscenza, Kopie): their labels, entries and wrapping.

Every letter here is fresh and fictional.
"""

from __future__ import annotations

from ingest_shapes_helpers import (
    COURT_LETTER,
    SIGNER_HEAD,
    TWO_COLUMN_HEAD,
    _letter,
)

from draftkit.ingest import ingest_bytes, ingest_text


def test_a_letter_to_a_court_with_a_tagline_and_a_cc_list_of_offices() -> None:
    letter = ingest_text(COURT_LETTER).letter
    assert letter is not None
    assert letter.salutation == "To the Court:"
    assert letter.complimentary_close == "Thank you for your consideration,"
    # the tagline over the date, set on two lines, is the sender's letterhead
    assert [a.name for a in letter.addressees] == ["Harriet Oduya"]
    # one cc line a person, with the offices after the name
    assert [c.name for c in letter.cc] == ["Lydia Carrow", "Bram Okafor", "Inés Solano"]
    assert [s.name for s in letter.signatories] == ["Tomasz Wierzbicki"]


def test_a_cc_list_of_name_and_organisation_lines_is_one_entry_a_line() -> None:
    letter = _letter(
        "Dear Deputy Secretary-General Osei,\n\nWe ask for regular briefings for civil"
        " society before the conference.\n\nSincerely,\n\nAmina Diallo\n\n"
        "Cc: Petra Lindgren, UNCTAD\nJorge Salas, UNCTAD\n"
    )
    assert [(c.name, c.title_lines) for c in letter.cc] == [
        ("Petra Lindgren", ["UNCTAD"]),
        ("Jorge Salas", ["UNCTAD"]),
    ]


def test_an_italian_head_with_its_per_conoscenza_list() -> None:
    letter = _letter(
        "Al Sig. Sindaco del Comune di Riva\n\ne p.c.\nAi Consiglieri comunali\n\n"
        "Oggetto: Richiesta di incontro sul piano di ricostruzione\n\n"
        "Gent.mo Sig. Sindaco,\n\nscriviamo a nome delle famiglie colpite dall'alluvione.\n\n"
        "Chiediamo un incontro entro il mese.\n\nDistinti saluti\n\nMarta Ricci\n"
    )
    assert letter.salutation == "Gent.mo Sig. Sindaco,"
    assert letter.subject == "Richiesta di incontro sul piano di ricostruzione"
    (copied,) = letter.cc
    assert "Ai Consiglieri comunali" in [copied.name, *copied.title_lines]


FRENCH_HEAD = """\
Lettre ouverte au Haut-Commissariat aux droits de l'homme

De la Coalition des juristes du Sahel

À l’attention du Haut-Commissariat aux droits de l'homme,
représenté par sa Haute-Commissaire adjointe

Copie :

  • Odile Ferrand, ONU, Rapporteuse spéciale sur l'indépendance des juges
  • Bakary Touré, Directeur du Bureau régional

Objet \tLa détention des avocats à Niamey

Madame la Haute-Commissaire adjointe,

Nous vous écrivons au sujet de la détention de onze avocats depuis janvier.

Nous vous demandons d'intervenir auprès des autorités.

Cordialement,

Coalition des juristes du Sahel
"""


def test_a_french_head_with_a_bulleted_copy_list() -> None:
    letter = _letter(FRENCH_HEAD)
    (addressee,) = letter.addressees
    assert addressee.name == "Haut-Commissariat aux droits de l'homme"  # not the page's title
    assert addressee.title_lines == ["représenté par sa Haute-Commissaire adjointe"]
    assert [c.name for c in letter.cc] == ["Odile Ferrand", "Bakary Touré"]
    assert letter.subject == "La détention des avocats à Niamey"


PRESS_PAGE_WITH_A_CALL = """\
Five Housing Groups Urge the Governor to Sign the Tenant Protection Act

THE LETTER TO THE GOVERNOR:

May 6, 2025

Governor Elena Marsh
Office of the Governor
State Capitol

Dear Governor Marsh:

We write on behalf of five housing organisations to urge you to sign the Tenant
Protection Act when it reaches your desk.

Sincerely,

Northside Tenants Alliance
Coastal Housing Coalition
Renters United

cc: Tomas Reyes, Speaker of the Assembly
Priya Natarajan, President of the Senate

TO TAKE ACTION, PLEASE SIGN OUR PETITION AND WRITE TO YOUR REPRESENTATIVES
"""


def test_a_call_to_action_after_the_cc_list_is_neither_cc_nor_a_petition() -> None:
    result = ingest_text(PRESS_PAGE_WITH_A_CALL)
    assert result.kind == "letter", result.reason
    assert result.letter is not None
    assert [c.name for c in result.letter.cc] == ["Tomas Reyes", "Priya Natarajan"]
    assert len(result.letter.signatories) == 3


def test_two_addressees_and_two_copies_set_side_by_side_are_read_column_by_column() -> None:
    letter = ingest_text(TWO_COLUMN_HEAD).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Maria Kovac", "Daniel Reid MP"]
    assert [a.honorific for a in letter.addressees] == [
        "Senator the Honorable",
        "Honorable",
    ]
    assert [c.name for c in letter.cc] == ["Alan Briggs MP", "Sara Lim MP"]


CC_LABEL_BESIDE_ITS_LIST = """\
Hon. Mara Quinn
Minister of Justice

      Hon. Peter Alvarez, Minister for Home Affairs;
CC:
      Hon. Ruth Ndlovu, Minister of Immigration;
      Hon. Karl Weiss, Attorney General

To the Ministers meeting in Ottawa this week,

We write to urge you to reject any proposal that would require companies to weaken the
encryption that protects the communications of millions of people.

Sincerely,

Digital Freedom Coalition
"""


def test_a_cc_label_set_beside_the_middle_of_its_list_heads_the_whole_list() -> None:
    # a PDF sets "CC:" level with the indented list, so its text comes out after the
    # first entry; all three entries are copies, and the addressee above is kept
    letter = ingest_text(CC_LABEL_BESIDE_ITS_LIST).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Mara Quinn"]
    assert len(letter.cc) == 3
    assert letter.cc[0].name is not None and letter.cc[0].name.startswith("Peter Alvarez")


def test_two_cc_lines_each_a_name_with_its_office_are_two_entries() -> None:
    text = SIGNER_HEAD + (
        "Jane Doe\n\ncc:  Secretary Tomas Okafor, Department of Water Resources\n"
        "     Senator Ines Varga, Chair, Senate Committee on Natural Resources\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.cc] == ["Tomas Okafor", "Ines Varga"]


ROUTED_LETTER = """\
The Vice-Chancellor
University of the Northern Plains
Kaduna

Through: The Dean of Students

Dear Sir,

The students' council asks you to reopen the night library before the examinations.

Yours faithfully,

Amina Bello
President, Students' Council

cc: The Deputy Vice-Chancellor (Academic)
    The Bursar
    The Chief Librarian
    File
"""


def test_a_routing_line_is_no_address_line_and_a_copy_list_of_offices() -> None:
    letter = ingest_text(ROUTED_LETTER).letter
    assert letter is not None
    person = letter.addressees[0]
    lines = [*person.title_lines, *person.address_lines]
    assert not any("Dean of Students" in line for line in lines)
    assert len(letter.cc) == 4


RESIDENTS_LETTER_TO_A_MAYOR = """\
To
Mr. Rafiq Uddin Ahmed
Honourable Mayor
Chattogram City Corporation
Tiger Pass, Chattogram 4100

Honourable Mayor,

We request that the drains along Station Road be cleared before the monsoon.

Sincerely,

Farzana Haque
President

Dated: 3 March 2026

Copy for information and necessary action:

1. Chief Engineer, Chattogram City Corporation

2. Councillor, Ward No. 21, Chattogram City Corporation
"""


def test_a_styled_office_under_the_name_and_a_numbered_copy_list_after_the_date() -> None:
    letter = ingest_text(RESIDENTS_LETTER_TO_A_MAYOR).letter
    assert letter is not None
    [person] = letter.addressees
    assert person.name == "Rafiq Uddin Ahmed"
    assert person.title_lines[0] == "Honourable Mayor"
    # each copy is one entry, its list number gone (the office first, as written)
    assert [", ".join([c.name or "", *c.title_lines]) for c in letter.cc] == [
        "Chief Engineer, Chattogram City Corporation",
        "Councillor, Ward No. 21, Chattogram City Corporation",
    ]
    assert [s.name for s in letter.signatories] == ["Farzana Haque"]


def test_copies_to_two_offices_on_one_line_parted_by_a_semicolon_are_two_entries() -> None:
    text = (
        "Excelentísimo Señor:\n\nLe solicitamos que suspenda los desalojos en el norte del país."
        "\n\nAtentamente,\n\nConsejo de Comunidades del Norte\n\n"
        "c.c.: Comisión Nacional de Derechos Humanos; Defensoría del Pueblo\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [c.name for c in letter.cc] == [
        "Comisión Nacional de Derechos Humanos",
        "Defensoría del Pueblo",
    ]


def test_a_portuguese_copy_line_after_the_signers_is_the_cc_not_a_group_of_signers() -> None:
    text = (
        "Senhora Ministra,\n\nSolicitamos a suspensão das remoções na Vila Esperança.\n\n"
        "Atenciosamente,\n\nRede Nacional de Moradia\nCentro de Direitos da Zona Leste\n\n"
        "Com cópia para: Defensoria Pública da União; Ministério Público Federal\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Rede Nacional de Moradia",
        "Centro de Direitos da Zona Leste",
    ]
    assert [c.name for c in letter.cc] == [
        "Defensoria Pública da União",
        "Ministério Público Federal",
    ]


def test_a_copy_entry_wrapped_after_a_word_that_leads_on_is_one_entry() -> None:
    text = (
        "Dear Secretary Vance:\n\nWe ask you to keep the river compacts in force.\n\n"
        "Sincerely,\n\nColumbia Basin Tribes Council\n\ncc:\n"
        "Mara Ortiz, Director, Bureau of Reclamation\n"
        "The Honorable Lena Haugen, Ranking Member, Senate Committee on Energy and\n"
        "Natural Resources\n"
        "The Honorable Tom Reyes, Chair, House Subcommittee on Water, Wildlife and\n"
        "Fisheries\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [c.name for c in letter.cc] == ["Mara Ortiz", "Lena Haugen", "Tom Reyes"]
    assert letter.cc[1].title_lines[-1].endswith("Committee on Energy and Natural Resources")


def test_cc_entries_each_in_a_paragraph_of_their_own_after_bulleted_signers() -> None:
    html = (
        "<html><body><p>Dear Secretary Moreau:</p><p>We ask the Department to keep the rare "
        "disease grants open.</p><p>Sincerely,</p><ul><li>Ataxia Family Network</li>"
        "<li>Batten Disease Alliance</li><li>Cystinosis Parents Union</li>"
        "<li>Dravet Syndrome Circle</li><li>Fabry Patients Forum</li></ul>"
        "<p>cc: Dr. Ines Falk, Administrator, Health Resources Agency</p>"
        "<p>Dr. Omar Haddad, Commissioner, Drug Safety Office</p>"
        "<p>Ms. Lea Brandt, Director, Institute of Child Health</p></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert len(letter.signatories) == 5
    assert [c.name for c in letter.cc] == ["Ines Falk", "Omar Haddad", "Lea Brandt"]


def test_a_cc_list_of_offices_each_with_where_it_sits_is_an_entry_a_line() -> None:
    text = (
        "Dear Administrator Vance:\n\nWe ask the Agency to restore the terminated grants.\n\n"
        "Respectfully submitted,\n\nRiverbend Clean Air Coalition\n\n"
        "CC: Regional Administrators, EPA Regions 1–10\n"
        "Office of Inspector General, U.S. Environmental Protection Agency\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    # two entries (where an office-only entry's comma parts it is a judgment call)
    assert [c.name.split(",")[0] for c in letter.cc] == [
        "Regional Administrators",
        "Office of Inspector General",
    ]


def test_a_german_copy_line_under_the_signers_is_the_cc() -> None:
    text = (
        "Sehr geehrte Frau Ministerin,\n\nwir bitten Sie, das Gesetz zur Vergabe zu ändern.\n\n"
        "Mit freundlichen Grüßen\n\nVerein Offene Netze e.V.\nCodewerk Münster GmbH\n\n"
        "Nachrichtlich:\nBeauftragte der Bundesregierung für Informationstechnik\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Verein Offene Netze e.V.",
        "Codewerk Münster GmbH",
    ]
    assert [c.name for c in letter.cc] == [
        "Beauftragte der Bundesregierung für Informationstechnik"
    ]


def test_german_copy_lines_naming_two_offices_are_two_entries() -> None:
    """A committee's chair named in the genitive ("Vorsitz des Ausschusses … des
    Bundestages") is an office at a body: a copy entry of its own, as is the line under."""
    text = (
        "Sehr geehrter Herr Minister,\n\nwir bitten Sie, die Ausschreibung zu öffnen.\n\n"
        "Mit freundlichen Grüßen\n\nVerein Offene Netze e.V.\nCodewerk Münster GmbH\n\n"
        "Nachrichtlich:\nVorsitz des Ausschusses für Verkehr des Deutschen Bundestages\n"
        "Beauftragte der Bundesregierung für Informationstechnik\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [c.name for c in letter.cc] == [
        "Vorsitz des Ausschusses für Verkehr des Deutschen Bundestages",
        "Beauftragte der Bundesregierung für Informationstechnik",
    ]


def test_a_cc_list_set_above_the_close_is_the_cc_not_closing_text() -> None:
    text = (
        "Your Excellency,\n\nWe call on your government to protect journalists.\n\n"
        "We would welcome a meeting with your office.\n\n"
        "cc:\nMaria Santos, Secretary of Justice\nJose Reyes, Chairperson, Human Rights "
        "Commission\n\nRespectfully,\n\nPress Freedom Network\nMedia Defence Forum\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [c.name for c in letter.cc] == ["Maria Santos", "Jose Reyes"]
    assert not any("Secretary of Justice" in t for t in letter.texts("closing"))
    assert len(letter.signatories) == 2


def test_a_french_copy_list_of_a_person_and_two_bodies_is_three_entries() -> None:
    text = (
        "Madame la Mairesse,\n\nNous vous demandons de suspendre les contrôles de routine.\n\n"
        "Veuillez agréer, Madame la Mairesse, nos salutations distinguées.\n\n"
        "Organismes signataires\n\nLigue des droits – section Nord\nMaison de la justice\n\n"
        "c. c. :\nM. Alain Roy, responsable de la sécurité publique\n"
        "Commission de la sécurité publique de Montréal\n"
        "Commission des droits de la personne\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Ligue des droits – section Nord",
        "Maison de la justice",
    ]
    assert len(letter.cc) == 3
    assert letter.cc[2].name == "Commission des droits de la personne"


WRAPPED_CC = """\
May 4, 2026

Dear Administrator Ortiz:

We ask the agency to extend the comment period on the proposed grazing rule by 60 days.

Sincerely,

High Desert Stewardship Alliance

cc:
Dana Whitfield, Deputy Director, Bureau of Land Management
The Honorable Rosa Delgado, Ranking Member, House Subcommittee on Federal
Lands
The Honorable Tom Reyes, Chair, Senate Committee on Energy and
Natural Resources
"""


def test_a_cc_entry_wrapped_by_the_page_before_its_last_word_is_one_entry() -> None:
    letter = ingest_text(WRAPPED_CC).letter
    assert letter is not None
    assert [c.name for c in letter.cc] == ["Dana Whitfield", "Rosa Delgado", "Tom Reyes"]
    assert letter.cc[1].title_lines == ["Ranking Member, House Subcommittee on Federal Lands"]


CC_IN_BLOCKS = """\
14th May 2026

Dear Sir,

We ask the Commission to open an inquiry into the detention of the Kano protesters.

Yours faithfully,

Musa Bello
Executive Director, Civic Watch Nigeria

cc:
The Honourable Attorney-General of the Federation
and Minister of Justice
Federal Ministry of Justice, Abuja

The Chairman
House Committee on Petitions
National Assembly, Abuja
"""


def test_cc_entries_set_a_blank_line_apart_are_one_entry_each() -> None:
    letter = ingest_text(CC_IN_BLOCKS).letter
    assert letter is not None
    assert len(letter.cc) == 2
    assert letter.cc[1].name == "The Chairman"


AMPLIATIONS = """\
Dakar, le 9 mars 2026

Monsieur le Ministre,

Nous vous demandons de publier l'avant-projet de loi sur les données personnelles.

Nous vous prions d'agréer, Monsieur le Ministre, l'expression de notre haute considération.

Les organisations signataires :

Collectif Numérique Citoyen
Réseau des Blogueurs du Sénégal

Ampliations :

Monsieur le Premier Ministre
Monsieur le Président de l'Assemblée nationale
"""


def test_ampliations_is_a_french_copy_label() -> None:
    letter = ingest_text(AMPLIATIONS).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Collectif Numérique Citoyen",
        "Réseau des Blogueurs du Sénégal",
    ]
    assert len(letter.cc) == 2


CC_LINES_ABOVE_DATE = """\
The Group Chief Executive
Meridian Capital Holdings plc
40 Gracechurch Street
London EC3V 0BT
United Kingdom

Cc: Chair of the Board, Meridian Capital Holdings plc
Cc: Head of Sustainability, Meridian Capital Holdings plc

12 January 2026

Dear Sir/Madam,

We ask Meridian to end its financing of new coal mines in 2026.

Yours faithfully,

Coal Exit Alliance
"""


def test_two_cc_lines_above_the_date_are_a_copy_list_not_a_mail_header() -> None:
    letter = ingest_text(CC_LINES_ABOVE_DATE).letter
    assert letter is not None
    (office,) = letter.addressees
    assert office.name == "The Group Chief Executive"
    assert len(letter.cc) == 2


FRENCH_TABLE_AND_CC = """\
Monsieur le Président,

Nous vous demandons de libérer les journalistes détenus.

Veuillez agréer, Monsieur le Président, l'expression de notre haute considération.

Liste des organisations signataires

Ligue des droits humains\tRencontre africaine pour la défense des droits de l'homme (section jeunes)

Collectif des journalistes indépendants\tRéseau des blogueurs du Sénégal

Ampliation :
– Monsieur Ousmane Ndiaye, Premier ministre
– Commission nationale des droits de l'homme
"""


def test_a_long_name_alone_in_a_table_row_and_dashed_copy_entries() -> None:
    letter = ingest_text(FRENCH_TABLE_AND_CC).letter
    assert letter is not None
    assert len(letter.signatories) == 4
    assert letter.signatories[1].name.startswith("Rencontre africaine")
    assert (letter.cc[0].honorific, letter.cc[0].name) == ("Monsieur", "Ousmane Ndiaye")


NIGERIAN_SENATE = """\
21st July, 2026

Distinguished Senator Adebayo Okon Musa, GCON
President of the Senate
National Assembly Complex
Three Arms Zone, Abuja

Your Excellency,

We call on the Senate to:

1°) suspend consideration of the Bill;
2°) publish the votes and proceedings on the Bill.

Yours faithfully,

Auwal Danladi Ibrahim
Convener, Fiscal Accountability Roundtable

Cc: Rt. Hon. Tajudeen Abbas, Speaker, House of Representatives
Clerk to the National Assembly
"""


def test_a_name_line_with_honours_is_no_greeting_and_a_copy_to_an_office_is_its_own() -> None:
    letter = ingest_text(NIGERIAN_SENATE).letter
    assert letter is not None
    assert letter.salutation == "Your Excellency,"
    assert len(letter.addressees) == 1
    assert len(letter.asks) == 2  # "1°)" numbers a list
    assert [c.name for c in letter.cc] == ["Tajudeen Abbas", "Clerk to the National Assembly"]


COPIES_WITH_PLACES = """\
Dear Secretary,

We ask you to reopen the investigation into the killing of the broadcaster.

Sincerely,

Bicol Community Journalists

cc:
Presidential Task Force on Media Security
Malacañang Compound, Manila
Commission on Human Rights of the Philippines
SAAC Building, Commonwealth Avenue
Quezon City
Secretary of Justice
Department of Justice
Padre Faura Street, Ermita, Manila
"""


def test_a_copy_list_of_offices_each_over_its_place_is_an_entry_each() -> None:
    letter = ingest_text(COPIES_WITH_PLACES).letter
    assert letter is not None
    assert [c.name for c in letter.cc] == [
        "Presidential Task Force on Media Security",
        "Commission on Human Rights of the Philippines",
        "Secretary of Justice",
    ]


COLOMBIAN_SIGNERS = """\
Respetado señor Alcalde:

Le solicitamos suspender la tala de árboles en la carrera séptima.

Atentamente,

LAURA VALENTINA CASTRO HERRERA

C.C. 52.841.337 de Bogotá
Representante legal, Colectivo Árboles de Chapinero

DIEGO ALEJANDRO ROJAS MEDINA
C.C. 1.020.745.218 de Bogotá
Presidente, Junta de Acción Comunal Barrio Quinta Camacho

Copia: Concejo de Bogotá
Copia: Personería de Bogotá
"""


def test_an_identity_number_under_a_signer_and_a_copy_label_each_line() -> None:
    letter = ingest_text(COLOMBIAN_SIGNERS).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "LAURA VALENTINA CASTRO HERRERA",
        "DIEGO ALEJANDRO ROJAS MEDINA",
    ]
    assert [c.name for c in letter.cc] == ["Concejo de Bogotá", "Personería de Bogotá"]


FRENCH_AND_PORTUGUESE_HEADS = """\
Son Excellence Monsieur Félix Tshisekedi
Président de la République
Kinshasa-Gombe

Copie pour information :
Madame la Première Ministre
Monsieur le Ministre des Affaires sociales

Excellence Monsieur le Président,

Nous vous demandons d'ouvrir des couloirs humanitaires.

Veuillez agréer, Excellence, l'expression de notre haute considération.

Réseau des ONG du Nord-Kivu
"""


def test_son_excellence_and_copie_pour_information() -> None:
    letter = ingest_text(FRENCH_AND_PORTUGUESE_HEADS).letter
    assert letter is not None
    (president,) = letter.addressees
    assert (president.honorific, president.name) == ("Son Excellence Monsieur", "Félix Tshisekedi")
    assert letter.cc[0].name.endswith("Première Ministre")
    assert len(letter.cc) == 2


def test_a_list_of_offices_under_a_bare_cc_label_after_the_signers_is_the_cc() -> None:
    """ "cc:" alone, then offices a line each (no person named): the copies, not a list of
    another shape that ends the letter before them."""
    html = (
        "<html><body><p>The Vice-Chancellor<br>University of Kisumu<br>Kisumu</p>"
        "<p>Dear Vice-Chancellor,</p><p>We ask the University to publish its investment "
        "policy and to consult staff before any change.</p><p>Yours faithfully,</p>"
        "<ul><li>Prof. Amina Wekesa, Department of Chemistry</li>"
        "<li>Dr. Otieno Barasa, Department of Sociology</li>"
        "<li>Dr. Halima Njoroge, School of Law</li>"
        "<li>Prof. Peter Kamau, School of Engineering</li></ul>"
        "<p>cc:</p><p>The Chairperson of Council<br>The Deputy Vice-Chancellor (Finance)"
        "<br>The Secretary, University Staff Union</p></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert len(letter.signatories) == 4
    assert len(letter.cc) == 3


def test_a_legal_style_date_after_the_signers_is_the_letters_date_and_the_cc_follows() -> None:
    """ "Dated this 14th day of October 2025" under the signers: the letter's date, and
    the copy list under it is still the letter's."""
    text = (
        "The Vice-Chancellor\nLakeview University\nP.O. Box 7062\nKampala\n\n"
        "Dear Vice-Chancellor,\n\nWe ask the University to recall the suspended student "
        "leaders.\n\nYours faithfully,\n\n1. Ssemanda Brian – Guild President\n"
        "2. Nakitto Sarah – Vice Guild President\n3. Opio Daniel – Guild Speaker\n\n"
        "Dated this 14th day of October 2025\n\n"
        "Cc: The Chancellor, Lakeview University\nThe Academic Registrar\n"
    )
    letter = _letter(text)
    assert str(letter.date) == "2025-10-14"
    assert len(letter.signatories) == 3
    assert len(letter.cc) == 2


def test_a_copy_to_a_board_and_its_company_on_one_line_splits_at_the_comma() -> None:
    """ "cc: Board of Trustees, Riverbend Holdings plc": a one-line entry splits at its first
    comma, the board its name and the company a title line ("Acme, Inc." stays one name)."""
    text = (
        "Dear Ms. Carvalho,\n\n"
        "We ask Riverbend Holdings to publish its water-use figures for each of its mines.\n\n"
        "Sincerely,\n\nNorthern Investors Forum\n\n"
        "cc: Board of Trustees, Riverbend Holdings plc\n"
    )
    letter = _letter(text)
    assert [(c.name, c.title_lines) for c in letter.cc] == [
        ("Board of Trustees", ["Riverbend Holdings plc"])
    ]
    from draftkit.ingest.addressees import addressee_from

    acme = addressee_from(["Acme, Inc."], cc=True)
    assert acme is not None and acme.name == "Acme, Inc."


def test_a_whole_cc_entry_on_its_line_and_an_office_under_it_are_two_entries() -> None:
    """ "cc:" alone, then "Name, Post, Body" and "Body Supervisory Board": two copies."""
    text = (
        "Dear Mr. Lindqvist,\n\n"
        "We ask Nordhavn Insurance to stop underwriting new coal mines.\n\n"
        "Sincerely,\n\nClimate Finance Watch\nInsure Our Future Nordic\n\n"
        "cc:\nMaja Holm, Member of the Board of Management, Nordhavn Insurance SE\n"
        "Nordhavn Insurance SE Supervisory Board\n\n"
        "Share this\nFacebook\nLinkedIn\n"
    )
    letter = _letter(text)
    assert [c.name for c in letter.cc] == ["Maja Holm", "Nordhavn Insurance SE Supervisory Board"]


def test_a_share_rows_title_in_spanish_ends_the_cc_list() -> None:
    text = (
        "Señora Ministra:\n\n"
        "Solicitamos medidas urgentes de protección para las personas defensoras.\n\n"
        "Atentamente,\n\nRed Territorial del Sur\n\n"
        "Con copia a:\nAna Lucía Prieto, Defensora del Pueblo\n"
        "Oficina Regional de Derechos Humanos\n\n"
        "Compartir esta entrada\nFacebook\nX\n"
    )
    letter = _letter(text)
    assert [c.name for c in letter.cc] == [
        "Ana Lucía Prieto",
        "Oficina Regional de Derechos Humanos",
    ]


def test_a_pages_other_letters_and_a_sign_on_forms_labels_end_the_cc_list() -> None:
    text = (
        "Dear Prime Minister,\n\nWe ask the Government to fund heat-health plans.\n\n"
        "Yours sincerely,\n\nDr. Ana Ruiz\nDr. Ben Okafor\n\n"
        "cc: The Hon Jo Smith MP, Treasurer\nThe Hon Chris Lee MP, Minister for Health\n\n"
        "Add your name\n\nFull name\nProfession\nSign\n\n"
        "Other open letters\n\n• Letter to the Treasurer on climate funding\n"
        "• Statement on bushfire smoke\n"
    )
    assert [c.name for c in _letter(text).cc] == ["Jo Smith MP", "Chris Lee MP"]


def test_an_office_and_its_seat_after_a_comma_is_no_office_before_a_name() -> None:
    """ "Regional Water Commissioner, Port Harcourt" in a cc line: the office and the town
    it sits in, not an office written before a person called "Port Harcourt"; the entry
    reads back with its comma."""
    text = (
        "Dear Minister,\n\nWe ask you to restore the rations.\n\nSincerely,\n\nAna Ruiz\n\n"
        "Copy: UN Resident Coordinator in Nigeria; Regional Water Commissioner, Port Harcourt\n"
    )
    letter = _letter(text)
    office = letter.cc[1]
    assert (office.name, office.title_lines, office.title_before_name) == (
        "Regional Water Commissioner",
        ["Port Harcourt"],
        False,
    )


def test_a_cc_list_of_bodies_a_line_each_keeps_a_mission_as_an_entry() -> None:
    """ "cc:" over "Minister of Justice, Republic of Arkadia" / "Permanent Mission of the
    Republic of Arkadia to the United Nations, Geneva" / …: with no person in the list, a
    mission or a ministry is a body copied, an entry a line."""
    text = (
        "Dear Minister,\n\nWe ask you to release the lecturers.\n\nSincerely,\n\nAna Ruiz\n\n"
        "cc:\nMinister of Justice, Republic of Arkadia\n"
        "Permanent Mission of the Republic of Arkadia to the United Nations, Geneva\n"
        "UN Special Rapporteur on the right to education\nOpen Courts Network\n"
    )
    cc = _letter(text).cc
    assert len(cc) == 4
    assert cc[3].name == "Open Courts Network"


def test_a_body_and_its_seat_in_a_cc_list_is_an_entry_not_an_address() -> None:
    """ "Office of the UN High Commissioner for Human Rights, Kenya" (a body and, after a
    comma, the country it sits in) in a cc list of bodies under the address is an entry,
    not a postal line of the entry above it."""
    text = (
        "H.E. Amani Wekesa\nGovernor, Lakeside County\nCounty Hall\nKisumu\n\n"
        "Cc:\nCabinet Secretary, Ministry of Lands and Housing\n"
        "National Commission on Human Rights\n"
        "Office of the UN High Commissioner for Human Rights, Kenya\n\n"
        "Your Excellency,\n\nWe ask you to halt the evictions.\n\nSincerely,\n\nAna Ruiz\n"
    )
    assert len(_letter(text).cc) == 3
