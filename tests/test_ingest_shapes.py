"""Ingest on letter shapes beyond the corpus: Congress, UN, memos, clergy, coalitions.

Every letter here is fresh and fictional. Each test states what a reader of the letter
would take as its parts; the parser must get there from the general shape alone.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from draftkit.ingest import ingest_bytes, ingest_text
from draftkit.schema import Letter

A_LETTER = """\
March 3, 2025

The Honorable Jane R. Whitaker
United States Senate
Washington, DC 20510

The Honorable Carlos M. Ibarra
United States House of Representatives
Washington, DC 20515

Dear Senator Whitaker and Representative Ibarra:

We, the undersigned Members of Congress, write to express our strong support for the
Uyghur Forced Labor Accountability Act.

First, the bill would close loopholes in the current import ban. Second, it would fund monitoring.

We urge you to bring the bill to the floor.

Sincerely,

Margaret L. Dunn                         Paul T. Ferreira
Member of Congress                       Member of Congress

Alicia Brooks-Nguyen                     Samuel O. Adeyemi
Member of Congress                       Member of Congress
"""

B_LETTER = """\
To: Mr. Volkan Erdem, United Nations High Commissioner for Refugees
From: Coalition for Refugee Protection in the Aegean
Date: 14 February 2025

Subject: Pushbacks at the Evros border

Dear High Commissioner,

We are writing to draw your attention to continued reports of pushbacks at the Evros land border.

Our members have documented 214 incidents since October.

We therefore call on UNHCR to:
● publicly report on the incidents it has verified;
● press the authorities to open independent investigations; and
● increase its monitoring presence at the border.

We remain available for a meeting.

Sincerely,

AMNESTY INTERNATIONAL
ARTICLE 19
PEN America
CIVICUS
Greek Council for Refugees
HumanRights360
"""

C_LETTER = """\
Dear Prime Minister,

We write as leaders of faith communities across the country. For three years we have
watched the detention of asylum seekers grow, and we can no longer remain silent.

Our congregations have welcomed families who spent months in detention centres. They
describe crowded rooms, little access to lawyers, and children who stopped speaking.

We ask your Government to end the detention of children for immigration purposes, to
introduce a 28-day time limit on immigration detention, and to fund community-based
alternatives.

Yours sincerely,

The Most Rev. Daniel Okoro, Archbishop of Lagosford
Rabbi Miriam Feld, Senior Rabbi, Northgate Synagogue
Imam Yusuf Rahman, Chair, Council of Mosques of Eastvale
Rev. Dr. Helen Carter, Moderator, United Reformed Assembly
"""

D_LETTER = """\
February 10, 2025

Antonio Guterres
Secretary-General
United Nations
New York, NY 10017

Dear Mr. Secretary-General,

We write regarding the humanitarian situation in the Sahel.

Recommendations

1. Appoint a Special Envoy for the Central Sahel with a clear protection mandate.

2. Convene a pledging conference before the end of the year.

3. Ensure that UN agencies report publicly on access restrictions.

We thank you for your leadership.

Respectfully,

Dr. Fatima Sow, Ph.D.
Executive Director
Sahel Protection Network

John Mbeki
Board Chair
Sahel Protection Network

cc: Martin Griffiths, Under-Secretary-General for Humanitarian Affairs
"""

H_LETTER = """\
VIA EMAIL

Honorable Maria Gonzalez
Chairwoman, Committee on Appropriations
Attn: Subcommittee staff
1016 Longworth House Office Building
Washington, D.C. 20515

RE: FY2026 FUNDING FOR DEMOCRACY ASSISTANCE

Dear Chairwoman Gonzalez:

On behalf of the 42 organizations listed below, we urge you to maintain funding for
democracy and governance programs in the FY2026 appropriations bill.

Specifically, we request that the Committee:

(1) Provide no less than $2.9 billion for democracy programs;
(2) Maintain report language protecting civil society organizations; and
(3) Reject proposed rescissions of prior-year funds.

Thank you for considering our views.

Respectfully submitted,

National Organizations
Freedom House
National Democratic Institute
International Republican Institute

State and Local Organizations
Ohio Immigrant Alliance
Texas Civil Rights Project

P.S. We would welcome a briefing with your staff.
"""

I_LETTER = """\
Dear Colleague,

Please join me in cosponsoring H.Res. 123, condemning the detention of journalists in Kestria.

Since 2023, at least 40 journalists have been detained. The resolution calls on the
Administration to raise these cases.

To cosponsor, please contact Jane Smith in my office at jane.smith@mail.house.gov.

Sincerely,

/s/
Robert T. Hayes
Member of Congress
"""

J_LETTER = """\
Brussels, 15 October 2024

To the Members of the European Parliament

Dear Members of the European Parliament,

Ahead of the plenary vote on the Forced Labour Regulation, we, the undersigned
organisations, call on you to support the compromise text without weakening amendments.

The regulation would ban products made with forced labour from the EU market.

In particular, we ask you to:

- vote in favour of the compromise text;
- reject amendments 12, 15 and 31, which would create loopholes;
- support amendment 44 on remediation for victims.

We count on your support.

Yours sincerely,

Anti-Slavery Europe, Clean Clothes Network, European Coalition for Corporate Justice,
Fair Trade Advocacy Office, and Workers' Rights Forum
"""

E_HTML = """\
<!DOCTYPE html><html><head><title>Letter | Rights Watchers</title><style>.x{}</style></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><nav><ul><li>Home</li><li>Reports</li></ul></nav></header>
<main id="main"><article>
<h1>Joint Letter to the Foreign Minister of Noreland on Detained Journalists</h1>
<div class="byline">March 4, 2025</div>
<div class="article-body">
<p>The Honorable Lena Sørlie<br>Minister of Foreign Affairs<br>Ministry of Foreign
Affairs<br>Oslo</p>
<p>Dear Minister Sørlie,</p>
<p>We write to you ahead of your visit to Kestria to ask that you raise the cases of
five journalists held since 2023. <em>Their families</em> have not been allowed to visit.</p>
<p>During your visit, we urge you to:</p>
<ul><li><strong>Call for their release.</strong> The charges against them relate only to
their reporting.</li>
<li><strong>Ask to visit them.</strong> A consular-style visit would show concern.</li></ul>
<p>We thank you for your attention.</p>
<p>Sincerely,</p>
<p><strong>Rights Watchers</strong><br><strong>Press Freedom
Now</strong><br><strong>Kestrian Journalists' Union</strong></p>
</div>
<div class="share-tools">Share on Facebook | Share on X</div>
</article></main>
<footer><p>© 2025 Rights Watchers</p></footer></body></html>
"""


def _letter(text: str) -> Letter:
    result = ingest_text(text)
    assert result.letter is not None, result.reason
    return result.letter


def _people(letter: Letter) -> list[tuple[str | None, str | None, list[str], list[str]]]:
    return [(a.honorific, a.name, a.title_lines, a.address_lines) for a in letter.addressees]


def _signers(letter: Letter) -> list[tuple[str, str, list[str], str | None]]:
    return [(s.name, s.kind, s.title_lines, s.organization) for s in letter.signatories]


def test_congress_addressees_with_address_only_and_signatures_in_columns() -> None:
    letter = _letter(A_LETTER)
    assert _people(letter) == [
        ("The Honorable", "Jane R. Whitaker", [], ["United States Senate", "Washington, DC 20510"]),
        (
            "The Honorable",
            "Carlos M. Ibarra",
            [],
            ["United States House of Representatives", "Washington, DC 20515"],
        ),
    ]
    assert letter.salutation == "Dear Senator Whitaker and Representative Ibarra:"
    assert _signers(letter) == [
        (name, "individual", ["Member of Congress"], None)
        for name in (
            "Margaret L. Dunn",
            "Paul T. Ferreira",
            "Alicia Brooks-Nguyen",
            "Samuel O. Adeyemi",
        )
    ]


def test_memo_header_gives_addressee_date_and_sender() -> None:
    letter = _letter(B_LETTER)
    assert _people(letter) == [
        ("Mr.", "Volkan Erdem", ["United Nations High Commissioner for Refugees"], [])
    ]
    assert str(letter.date) == "2025-02-14"
    assert letter.sender.organization == "Coalition for Refugee Protection in the Aegean"
    assert letter.subject == "Pushbacks at the Evros border"
    assert [a.lead for a in letter.resolved_asks()] == [
        "publicly report on the incidents it has verified;",
        "press the authorities to open independent investigations; and",
        "increase its monitoring presence at the border.",
    ]
    assert [s.name for s in letter.signatories] == [
        "AMNESTY INTERNATIONAL",
        "ARTICLE 19",
        "PEN America",
        "CIVICUS",
        "Greek Council for Refugees",
        "HumanRights360",
    ]
    assert {s.kind for s in letter.signatories} == {"organization"}


def test_clergy_signing_name_title_organisation_on_one_line() -> None:
    letter = _letter(C_LETTER)
    assert letter.addressees == [] and letter.date is None
    assert len(letter.body) == 3 and letter.asks == []
    assert _signers(letter) == [
        ("The Most Rev. Daniel Okoro", "individual", ["Archbishop of Lagosford"], None),
        ("Rabbi Miriam Feld", "individual", ["Senior Rabbi"], "Northgate Synagogue"),
        ("Imam Yusuf Rahman", "individual", ["Chair"], "Council of Mosques of Eastvale"),
        ("Rev. Dr. Helen Carter", "individual", ["Moderator"], "United Reformed Assembly"),
    ]


def test_a_heading_word_introduces_numbered_recommendations_and_cc_follows_signatures() -> None:
    letter = _letter(D_LETTER)
    assert letter.asks_intro == "Recommendations"
    assert len(letter.asks) == 3
    assert letter.closing == ["We thank you for your leadership."]
    assert [(c.name, c.title_lines) for c in letter.cc] == [
        ("Martin Griffiths", ["Under-Secretary-General for Humanitarian Affairs"])
    ]
    assert [s.name for s in letter.signatories] == ["Dr. Fatima Sow, Ph.D.", "John Mbeki"]


def test_delivery_line_attn_line_signatory_sections_and_postscript() -> None:
    result = ingest_text(H_LETTER)
    letter = result.letter
    assert letter is not None
    assert _people(letter) == [
        (
            "Honorable",
            "Maria Gonzalez",
            ["Chairwoman, Committee on Appropriations"],
            [
                "Attn: Subcommittee staff",
                "1016 Longworth House Office Building",
                "Washington, D.C. 20515",
            ],
        )
    ]
    assert letter.subject == "FY2026 FUNDING FOR DEMOCRACY ASSISTANCE"
    assert letter.complimentary_close == "Respectfully submitted,"
    assert [s.name for s in letter.signatories] == [
        "Freedom House",
        "National Democratic Institute",
        "International Republican Institute",
        "Ohio Immigrant Alliance",
        "Texas Civil Rights Project",
    ]
    assert any("42" in w for w in result.warnings)
    skipped = " ".join(result.skipped)
    assert "VIA EMAIL" in skipped and "postscript" in skipped


def test_dear_colleague_with_electronic_signature() -> None:
    letter = _letter(I_LETTER)
    assert letter.salutation == "Dear Colleague,"
    assert _signers(letter) == [("Robert T. Hayes", "individual", ["Member of Congress"], None)]


def test_place_date_group_addressee_and_comma_list_with_and() -> None:
    letter = _letter(J_LETTER)
    assert (str(letter.date), letter.place, letter.published) == ("2024-10-15", "Brussels", None)
    assert _people(letter) == [(None, "Members of the European Parliament", [], [])]
    assert [s.name for s in letter.signatories] == [
        "Anti-Slavery Europe",
        "Clean Clothes Network",
        "European Coalition for Corporate Justice",
        "Fair Trade Advocacy Office",
        "Workers' Rights Forum",
    ]


def test_html_page_with_chrome_bold_lead_ins_and_bold_organisations() -> None:
    result = ingest_bytes(E_HTML.encode(), filename="letter.html")
    letter = result.letter
    assert letter is not None
    assert (
        letter.heading == "Joint Letter to the Foreign Minister of Noreland on Detained Journalists"
    )
    assert letter.body == [
        "We write to you ahead of your visit to Kestria to ask that you raise the cases of five "
        "journalists held since 2023. *Their families* have not been allowed to visit."
    ]
    assert [(a.lead, a.body) for a in letter.resolved_asks()] == [
        ("Call for their release.", "The charges against them relate only to their reporting."),
        ("Ask to visit them.", "A consular-style visit would show concern."),
    ]
    assert [s.name for s in letter.signatories] == [
        "Rights Watchers",
        "Press Freedom Now",
        "Kestrian Journalists' Union",
    ]
    assert "Share on" not in letter.model_dump_json()
    assert any("Share on" in item and "<div>" in item for item in result.skipped)


def _docx(paragraphs: list[tuple[str, str | None, bool]]) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text, style, bold in paragraphs:
        paragraph = document.add_paragraph(style=style)
        if bold and ". " in text:
            lead, rest = text.split(". ", 1)
            paragraph.add_run(lead + ".").bold = True
            paragraph.add_run(" " + rest)
        else:
            paragraph.add_run(text).bold = bold
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_plain_word_letter_with_list_numbering_and_bold_names() -> None:
    data = _docx(
        [
            ("12 January 2025", None, False),
            ("", None, False),
            ("Ms. Amina Yusuf", None, False),
            ("Special Rapporteur on freedom of expression", None, False),
            ("Palais des Nations", None, False),
            ("CH-1211 Geneva 10", None, False),
            ("", None, False),
            ("Dear Ms. Yusuf,", None, False),
            ("We write about the arrest of three bloggers in Kestria.", None, False),
            ("We respectfully ask that you:", None, False),
            (
                "Send an urgent appeal. The authorities should explain the legal basis.",
                "List Number",
                True,
            ),
            (
                "Request a country visit. A visit would allow direct monitoring.",
                "List Number",
                True,
            ),
            ("We remain at your disposal.", None, False),
            ("Yours sincerely,", None, False),
            ("Elena Petrova", None, True),
            ("Director", None, False),
            ("Kestria Media Watch", None, False),
            ("Omar Haddad", None, True),
            ("Legal Adviser", None, False),
            ("Digital Voices Network", None, False),
        ]
    )
    letter = ingest_bytes(data, filename="letter.docx").letter
    assert letter is not None
    assert _people(letter) == [
        (
            "Ms.",
            "Amina Yusuf",
            ["Special Rapporteur on freedom of expression"],
            ["Palais des Nations", "CH-1211 Geneva 10"],
        )
    ]
    assert [(a.lead, a.body) for a in letter.resolved_asks()] == [
        ("Send an urgent appeal.", "The authorities should explain the legal basis."),
        ("Request a country visit.", "A visit would allow direct monitoring."),
    ]
    assert letter.closing == ["We remain at your disposal."]
    assert _signers(letter) == [
        ("Elena Petrova", "individual", ["Director"], "Kestria Media Watch"),
        ("Omar Haddad", "individual", ["Legal Adviser"], "Digital Voices Network"),
    ]


def test_word_signatures_one_paragraph_per_line_without_bold() -> None:
    lines = [
        "Dear Ambassador Lee,",
        "We write about the elections.",
        "Sincerely,",
        "Elena Petrova",
        "Director",
        "Kestria Media Watch",
        "Omar Haddad",
        "Legal Adviser",
        "Digital Voices Network",
        "Sarah Kim",
        "Independent journalist",
    ]
    letter = ingest_bytes(_docx([(t, None, False) for t in lines]), filename="x.docx").letter
    assert letter is not None
    assert _signers(letter) == [
        ("Elena Petrova", "individual", ["Director"], "Kestria Media Watch"),
        ("Omar Haddad", "individual", ["Legal Adviser"], "Digital Voices Network"),
        ("Sarah Kim", "individual", ["Independent journalist"], None),
    ]


def test_fixture_folder_is_not_needed_for_these_tests() -> None:
    assert Path(__file__).name == "test_ingest_shapes.py"


def test_a_to_line_before_the_greeting_is_the_addressee() -> None:
    letter = _letter(
        "To the Members of the Committee:\n\nDear Members,\n\nWe write.\n\nSincerely,\n\nAna Ruiz\n"
    )
    assert letter.salutation == "Dear Members,"
    assert _people(letter) == [(None, "Members of the Committee", [], [])]
    assert letter.body == ["We write."]


def test_a_to_line_alone_is_the_greeting() -> None:
    letter = _letter("To President Ashford,\n\nWe write.\n\nBest,\n\nAna Ruiz\n")
    assert letter.salutation == "To President Ashford,"
    assert letter.complimentary_close == "Best,"
    assert [s.name for s in letter.signatories] == ["Ana Ruiz"]


def test_prose_before_the_letter_does_not_become_an_addressee() -> None:
    text = (
        "Nine groups wrote to the minister this week about the detained defenders. "
        "The full letter follows.\n\n"
        "Dear Minister,\n\nWe write.\n\nSincerely,\n\nAna Ruiz\n"
    )
    result = ingest_text(text)
    assert result.letter is not None and result.letter.addressees == []
    assert any("prose before the letter" in item for item in result.skipped)


def test_an_open_letter_without_salutation_is_read_from_its_close_and_signers() -> None:
    result = ingest_text(
        "An open letter to the Prime Minister on climate refugees\n\n"
        "We, the undersigned organisations, call on the Government to create a humanitarian "
        "visa for people displaced by climate disasters.\n\n"
        "Thousands have already lost their homes this year.\n\n"
        "Sincerely,\n\nClimate Justice Network\nRefugee Action Forum\n"
    )
    letter = result.letter
    assert result.kind == "letter" and letter is not None
    assert letter.heading == "An open letter to the Prime Minister on climate refugees"
    assert letter.salutation is None
    assert len(letter.body) == 2
    assert [s.name for s in letter.signatories] == [
        "Climate Justice Network",
        "Refugee Action Forum",
    ]
    assert any("no salutation" in w for w in result.warnings)


def test_an_intro_ending_with_a_full_stop_and_signers_with_bracketed_affiliations() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe write about the trial of the Harbour Five.\n\n"
        "We make the following recommendations.\n\n"
        "1. Drop the charges against the five defendants.\n"
        "2. Allow independent observers at every hearing.\n\n"
        "Sincerely,\n\n"
        "Jane Okafor (Human Rights Monitor)\nPaul Brandt (Lawyers for Justice)\n"
        "Ana Ruiz (Independent journalist)\n"
    )
    assert letter.asks_intro == "We make the following recommendations."
    assert len(letter.asks) == 2
    assert _signers(letter) == [
        ("Jane Okafor", "individual", [], "Human Rights Monitor"),
        ("Paul Brandt", "individual", [], "Lawyers for Justice"),
        ("Ana Ruiz", "individual", ["Independent journalist"], None),
    ]


def test_signature_rules_and_placeholders_with_members_listed_without_blank_lines() -> None:
    result = ingest_text(
        "Dear Speaker Alvarez and Leader Brandt:\n\nWe write about the detained reporters.\n\n"
        "Sincerely,\n\n______________________\nJane R. Doe\nMember of Congress\n"
        "Mark T. Smith\nMember of Congress\n(signed)\nLaura Kim\nMember of Congress\n"
    )
    assert result.letter is not None
    assert _signers(result.letter) == [
        ("Jane R. Doe", "individual", ["Member of Congress"], None),
        ("Mark T. Smith", "individual", ["Member of Congress"], None),
        ("Laura Kim", "individual", ["Member of Congress"], None),
    ]


def test_a_foreign_minister_with_a_city_and_state_name_closing_the_address() -> None:
    letter = _letter(
        "His Excellency Mr. Wang Lei\nMinister of Foreign Affairs\n"
        "People’s Republic of Kestria\nKestria City\n\n"
        "Dear Minister,\n\nWe write.\n\nSincerely,\n\nAna Ruiz\n"
    )
    assert _people(letter) == [
        (
            "His Excellency Mr.",
            "Wang Lei",
            ["Minister of Foreign Affairs"],
            ["People’s Republic of Kestria", "Kestria City"],
        )
    ]


def test_a_subject_line_under_the_salutation() -> None:
    letter = _letter(
        "Dear Minister,\n\nRe: The Harbour Five trial\n\nWe write.\n\nSincerely,\n\nAna Ruiz\n"
    )
    assert letter.subject == "The Harbour Five trial"
    assert letter.body == ["We write."]


def test_a_press_release_reproducing_a_whole_letter_is_that_letter() -> None:
    """A page that reproduces the whole letter, close and signers included, is the letter
    (the annotation conventions of real-world pages); one that quotes from it is not."""
    release = (
        "FOR IMMEDIATE RELEASE\n\nPORT AUBREY — Nine human rights groups said today that they "
        "had written to the Minister of Justice to demand the release of the Harbour Five.\n\n"
        "The text of the letter follows.\n\n"
    )
    whole = ingest_text(
        release + "Dear Minister,\n\nWe write about the Harbour Five.\n\nSincerely,\n\n"
        "Rights Watchers\n"
    )
    assert whole.kind == "letter" and whole.letter is not None
    assert [s.name for s in whole.letter.signatories] == ["Rights Watchers"]
    quoted = ingest_text(
        release + "Dear Minister,\n\nWe write about the Harbour Five, who have been held "
        "without charge since March and denied access to their lawyers.\n\n"
        "The groups said they had received no reply by Friday.\n"
    )
    assert quoted.kind == "press-release" and quoted.letter is None
    assert "press release" in quoted.reason


def test_an_office_before_the_name_is_a_title_not_an_honorific() -> None:
    letter = _letter(
        "Senator Jane R. Whitaker\nUnited States Senate\nWashington, DC 20510\n\n"
        "cc: Representative Carlos M. Ibarra\nSenator Paul Brandt\n\n"
        "Dear Senator Whitaker:\n\nWe write.\n\nSincerely,\n\nAna Ruiz\n"
    )
    assert _people(letter) == [
        (None, "Jane R. Whitaker", ["Senator"], ["United States Senate", "Washington, DC 20510"])
    ]
    assert [(c.honorific, c.name, c.title_lines) for c in letter.cc] == [
        (None, "Carlos M. Ibarra", ["Representative"]),
        (None, "Paul Brandt", ["Senator"]),
    ]


def test_br_wrapped_html_and_soft_wrapped_markdown_keep_all_their_text() -> None:
    html = (
        b"<html><body><p>Dear Minister,</p><p>We write about the detention of<br>"
        b"four defenders arrested in January.</p><p>Sincerely,</p>"
        b"<p>Ana Ruiz<br>Director<br>Rights Watchers</p></body></html>"
    )
    letter = ingest_bytes(html, filename="a.html").letter
    assert letter is not None
    assert letter.body == ["We write about the detention of four defenders arrested in January."]
    markdown = (
        b"Dear Minister,\n\nWe write about the **detention** of\nfour defenders.\n\n"
        b"Sincerely,\n\nAna Ruiz\n"
    )
    letter = ingest_bytes(markdown, filename="a.md").letter
    assert letter is not None
    assert letter.body == ["We write about the **detention** of four defenders."]


def test_organisation_and_individual_sections_of_a_signatory_list() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe write.\n\nSincerely,\n\nOrganizations:\n"
        "Amnesty Lakeside\nHuman Rights Monitor\nWorld Without Hunger\n\n"
        "Individuals:\nJane Doe, Professor, Georgetown University\nJohn Smith\n"
    )
    assert _signers(letter) == [
        ("Amnesty Lakeside", "organization", [], None),
        ("Human Rights Monitor", "organization", [], None),
        ("World Without Hunger", "organization", [], None),
        ("Jane Doe", "individual", ["Professor"], "Georgetown University"),
        ("John Smith", "individual", [], None),
    ]


def test_word_tracked_insertions_hyperlinks_and_deletions() -> None:
    docx = pytest.importorskip("docx")
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("Dear Minister,")
    paragraph = document.add_paragraph("We write about ")
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "1")
    inserted.set(qn("w:author"), "Editor")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "four detained "
    run.append(text)
    inserted.append(run)
    paragraph._p.append(inserted)
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "2")
    deleted.set(qn("w:author"), "Editor")
    gone = OxmlElement("w:r")
    gone_text = OxmlElement("w:delText")
    gone_text.text = "three "
    gone.append(gone_text)
    deleted.append(gone)
    paragraph._p.append(deleted)
    rel_id = document.part.relate_to(
        "https://example.org/report", RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    link_run = OxmlElement("w:r")
    link_text = OxmlElement("w:t")
    link_text.text = "defenders"
    link_run.append(link_text)
    link.append(link_run)
    paragraph._p.append(link)
    paragraph.add_run(".")
    document.add_paragraph("Sincerely,")
    document.add_paragraph("Ana Ruiz")
    buffer = io.BytesIO()
    document.save(buffer)
    letter = ingest_bytes(buffer.getvalue(), filename="tracked.docx").letter
    assert letter is not None
    assert letter.body == ["We write about four detained [defenders](https://example.org/report)."]


def test_degrees_after_a_name_stay_in_the_name() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe write.\n\nSincerely,\n\n"
        "Jane Doe, MD, MPH\nMedical Director\nPhysicians for Rights\n\n"
        "Omar Haddad, PhD, Senior Fellow, Institute for Peace Studies\n"
    )
    assert _signers(letter) == [
        ("Jane Doe, MD, MPH", "individual", ["Medical Director"], "Physicians for Rights"),
        ("Omar Haddad, PhD", "individual", ["Senior Fellow"], "Institute for Peace Studies"),
    ]


def test_contact_details_under_a_signature_are_not_titles() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe write.\n\nSincerely,\n\nJane Doe\nDirector\nRights Watchers\n"
        "1234 K Street NW\nWashington, DC 20005\njane@example.org\n"
    )
    assert _signers(letter) == [("Jane Doe", "individual", ["Director"], "Rights Watchers")]


def test_signatures_in_three_space_aligned_columns() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe write.\n\nSincerely,\n\n"
        "Jane Doe                 Omar Haddad              Ana Ruiz\n"
        "Director                 Legal Adviser            Coordinator\n"
        "Rights Watchers          Digital Voices Network   Press Freedom Now\n"
    )
    assert _signers(letter) == [
        ("Jane Doe", "individual", ["Director"], "Rights Watchers"),
        ("Omar Haddad", "individual", ["Legal Adviser"], "Digital Voices Network"),
        ("Ana Ruiz", "individual", ["Coordinator"], "Press Freedom Now"),
    ]


K_PAGE = """\
Skip to main content
Search
Donate Now
Letters
Letter to the Kestrian Foreign Minister Regarding Detained Journalists
Share this via Facebook
Share this via Twitter
Share this via WhatsApp
Share this via Email
Other ways to share
Print
Download the full letter in PDF

March 12, 2025

Her Excellency Ms. Elira Voss
Minister of Foreign Affairs
Republic of Kestria

Via email: minister@example.gov

Dear Minister Voss,

We write to urge your government to release the five journalists detained since January.
Their only crime was reporting on the protests in the capital.

According to information we have gathered, the five have not been allowed to see lawyers
of their choosing. Two of them have health conditions that require care.

We urge the Kestrian government to:
Release the five journalists immediately and unconditionally;
Pending their release, ensure they have access to lawyers and medical care; and
Investigate allegations of ill-treatment in custody.

We would welcome the opportunity to discuss these concerns with you.

Sincerely,

Elaine Pearson
Asia Director
Human Rights Watch

Region / Country
Asia
Kestria
Topic
Free Speech
Most Viewed
  1. Some other article
  2. Another article
"""


def test_a_web_page_with_share_links_and_an_unmarked_one_per_line_ask_list() -> None:
    result = ingest_text(K_PAGE)
    letter = result.letter
    assert letter is not None
    assert letter.heading == (
        "Letter to the Kestrian Foreign Minister Regarding Detained Journalists"
    )
    assert [a.lead for a in letter.resolved_asks()] == [
        "Release the five journalists immediately and unconditionally;",
        "Pending their release, ensure they have access to lawyers and medical care; and",
        "Investigate allegations of ill-treatment in custody.",
    ]
    assert _signers(letter) == [
        ("Elaine Pearson", "individual", ["Asia Director"], "Human Rights Watch")
    ]
    dumped = letter.model_dump_json()
    for noise in ("Share this", "Download", "Most Viewed", "Topic"):
        assert noise not in dumped
    # the delivery line under the inside address is the letter's, kept where it was
    assert letter.addressees[0].address_lines[-1] == "Via email: minister@example.gov"


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_star_bullet_asks_in_text_markdown_and_html(fmt: str) -> None:
    parts = [
        "Dear Members,",
        "We write about spyware.",
        "We call on you to:",
        "* Establish a moratorium on spyware.\n* Require independent audits of sales.",
        "Kind regards,",
        "Rights Watchers",
    ]
    if fmt == "html":
        data = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in parts).encode()
    else:
        data = "\n\n".join(parts).encode()
    letter = ingest_bytes(data, filename=f"letter.{fmt}").letter
    assert letter is not None
    assert [a.lead for a in letter.resolved_asks()] == [
        "Establish a moratorium on spyware.",
        "Require independent audits of sales.",
    ]
    assert letter.body == ["We write about spyware."]


def test_a_pdf_turned_into_word_with_one_paragraph_per_line() -> None:
    lines = [
        ("Dear Minister,", None, False),
        ("", None, False),
        ("We write on behalf of nine organisations about the detention of", None, False),
        ("four environmental defenders arrested near the Teverin dam in", None, False),
        ("January, who remain in custody without charge.", None, False),
        ("", None, False),
        ("Yours faithfully,", None, False),
        ("", None, False),
        ("Mirela Dobrev", None, False),
    ]
    letter = ingest_bytes(_docx(lines), filename="converted.docx").letter
    assert letter is not None
    assert letter.body == [
        "We write on behalf of nine organisations about the detention of four environmental "
        "defenders arrested near the Teverin dam in January, who remain in custody without "
        "charge."
    ]


def test_letterhead_above_the_date_is_the_sender_not_an_addressee() -> None:
    result = ingest_text(
        "Lakeside Rights Alliance\nRue des Exemples 12, 1202 Geneva\n\n3 March 2025\n\n"
        "H.E. Mr. Anton Varga\nMinister of Justice\n\nDear Minister,\n\nWe write.\n\n"
        "Sincerely,\n\nAna Ruiz\n"
    )
    letter = result.letter
    assert letter is not None
    assert _people(letter) == [("H.E. Mr.", "Anton Varga", ["Minister of Justice"], [])]
    assert letter.sender.organization == "Lakeside Rights Alliance"


def test_an_addressee_without_honorific_above_the_date_is_not_a_menu() -> None:
    letter = _letter(
        "Antonio Guterres\nSecretary-General\nUnited Nations\nNew York, NY 10017\n\n"
        "February 10, 2025\n\nDear Mr. Secretary-General,\n\nWe write.\n\nSincerely,\n\nAna Ruiz\n"
    )
    assert str(letter.date) == "2025-02-10" and letter.heading is None
    assert _people(letter) == [
        (None, "Antonio Guterres", ["Secretary-General", "United Nations"], ["New York, NY 10017"])
    ]


def test_a_single_spaced_letter_without_blank_lines() -> None:
    letter = _letter(
        "Open letter on the river-basin defenders\n12 March 2025\n"
        "H.E. Ms. Odile Marchetti-Kane\nMinister of Foreign Affairs\nDear Minister,\n"
        "We write about four defenders who have been held without charge since the raid.\n"
        "We urge you to:\n1. Release them.\n2. Allow their lawyers to visit them.\n"
        "Thank you for your attention.\nSincerely,\nAna Ruiz\nDirector\nRights Watchers\n"
    )
    assert letter.heading == "Open letter on the river-basin defenders"
    assert str(letter.published) == "2025-03-12"
    assert _people(letter) == [
        ("H.E. Ms.", "Odile Marchetti-Kane", ["Minister of Foreign Affairs"], [])
    ]
    assert [a.lead for a in letter.resolved_asks()] == [
        "Release them.",
        "Allow their lawyers to visit them.",
    ]
    assert letter.closing == ["Thank you for your attention."]
    assert _signers(letter) == [("Ana Ruiz", "individual", ["Director"], "Rights Watchers")]


def test_a_french_letter_to_a_minister() -> None:
    letter = _letter(
        "Paris, le 3 mars 2025\n\nMonsieur Jean Dupont\n"
        "Ministre de l’Europe et des Affaires étrangères\n37, quai d’Orsay\n75007 Paris\n\n"
        "Objet : Détention arbitraire de défenseurs des droits humains\n\n"
        "Monsieur le Ministre,\n\n"
        "Nous vous écrivons au sujet de la détention de quatre défenseurs.\n\n"
        "Veuillez agréer, Monsieur le Ministre, l’expression de notre très haute "
        "considération.\n\n"
        "Fédération internationale pour les droits humains\nLigue des droits de l’Homme\n"
    )
    assert (str(letter.date), letter.place) == ("2025-03-03", "Paris")
    assert _people(letter) == [
        (
            "Monsieur",
            "Jean Dupont",
            ["Ministre de l’Europe et des Affaires étrangères"],
            ["37, quai d’Orsay", "75007 Paris"],
        )
    ]
    assert letter.subject == "Détention arbitraire de défenseurs des droits humains"
    assert letter.salutation == "Monsieur le Ministre,"
    # a formule de politesse is the letter's last sentence, not a valediction line
    assert letter.complimentary_close is None
    assert letter.closing[-1].startswith("Veuillez agréer")
    assert [s.kind for s in letter.signatories] == ["organization", "organization"]


def test_a_rhetorical_greeting_deep_in_an_article_is_not_a_letter() -> None:
    paragraph = (
        "Lawmakers have spent the past decade arguing about how advocacy groups should talk "
        "to them, and the debate shows no sign of ending soon."
    )
    result = ingest_text(
        f"{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n"
        "Dear Senator, you are not listening to the people who elected you.\n\n"
        "The views expressed are the author’s own.\n"
    )
    assert result.kind == "other" and result.letter is None
    assert "greeting deep inside the text" in result.reason


def test_an_honorific_then_an_office_then_the_name() -> None:
    letter = _letter(
        "H.E. President Amara Okonjo\nPresident of the Republic of Kestria\n"
        "Union Buildings\nKestria City\n\nYour Excellency,\n\nWe write.\n\n"
        "Respectfully,\n\nAna Ruiz\n"
    )
    assert _people(letter) == [
        (
            "H.E.",
            "Amara Okonjo",
            ["President", "President of the Republic of Kestria"],
            ["Union Buildings", "Kestria City"],
        )
    ]


def test_signers_written_name_dash_title() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe write.\n\nSincerely,\n\n"
        "Jane Doe – Executive Director, Rights Watchers\n"
        "Omar Haddad - Legal Adviser, Digital Voices Network\n"
        "Medical Aid Without Borders – USA\n"
    )
    assert _signers(letter) == [
        ("Jane Doe", "individual", ["Executive Director"], "Rights Watchers"),
        ("Omar Haddad", "individual", ["Legal Adviser"], "Digital Voices Network"),
        ("Medical Aid Without Borders – USA", "organization", [], None),
    ]


def test_an_intro_announcing_the_following_steps_before_lead_in_paragraphs() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe write about the dam.\n\nWe urge you to take the following steps.\n\n"
        "Release the defenders. They are held without charge.\n\n"
        "Open an inquiry. The raid must be investigated.\n\n"
        "Thank you for your attention.\n\nSincerely,\n\nAna Ruiz\n"
    )
    assert letter.asks_intro == "We urge you to take the following steps."
    assert [a.lead for a in letter.resolved_asks()] == [
        "Release the defenders.",
        "Open an inquiry.",
    ]
    assert letter.closing == ["Thank you for your attention."]


def test_signature_marks_before_a_name() -> None:
    for mark in ("/s/", "(Signed)", "Sgd."):
        letter = _letter(
            f"Dear Minister,\n\nWe write.\n\nYours sincerely,\n\n{mark} Jane Doe\nDirector\n"
            "Rights Watchers\n"
        )
        assert _signers(letter) == [("Jane Doe", "individual", ["Director"], "Rights Watchers")]


_HYPHENS = """\
Dear Minister,

We ask that the long-term detention of the four monitors be reviewed, and that
their protec-
tion be guaranteed while the long-
term review goes ahead; non-gov-
ernmental observers should attend. A well-
known lawyer has offered to help.

Sincerely,

Ana Ruiz
"""


def test_words_broken_at_a_line_end_are_rejoined_as_the_document_writes_them() -> None:
    (paragraph,) = _letter(_HYPHENS).body
    assert "their protection be guaranteed" in paragraph  # a fragment: hyphen dropped
    assert "while the long-term review" in paragraph  # written with its hyphen elsewhere
    assert "A well-known lawyer" in paragraph  # 'well' is a word: the hyphen stays
    assert "non-gov-" not in paragraph and "governmental" in paragraph


_RUNNING_HEADER = """\
Dear Minister,

We write about the four detained monitors and their access to lawyers.

Page 1 of 2

Joint letter on the detained monitors

They have been held for nine months without charge.

Sincerely,

Ana Ruiz
"""


def test_a_title_line_after_a_page_number_is_a_running_header() -> None:
    result = ingest_text(_RUNNING_HEADER)
    assert result.letter is not None
    assert result.letter.body == [
        "We write about the four detained monitors and their access to lawyers.",
        "They have been held for nine months without charge.",
    ]
    assert any(item.startswith("running page header") for item in result.skipped)


def _bold_docx(paragraphs: list[tuple[str, bool]]) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for text, bold in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = bold
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_bold_heading_paragraphs_each_followed_by_text_are_asks() -> None:
    data = _bold_docx([
        ("Dear Minister Haldane,", False),
        ("We write about the closure of the broadcaster Radio Sela.", False),
        ("Reopen Radio Sela.", True),
        ("The licence was withdrawn without a hearing.", False),
        ("Drop the charges against its editors", True),
        ("Three editors face charges of spreading false information.", False),
        ("Sincerely,", False),
        ("Paul Mensah", False),
    ])  # fmt: skip
    result = ingest_bytes(data, filename="asks.docx")
    assert result.letter is not None
    assert [(a.lead, a.body) for a in result.letter.resolved_asks()] == [
        ("Reopen Radio Sela.", "The licence was withdrawn without a hearing."),
        ("Drop the charges against its editors", "Three editors face charges of spreading"
         " false information."),
    ]  # fmt: skip


def test_bold_section_titles_are_not_asks() -> None:
    data = _bold_docx([
        ("Dear Minister Haldane,", False),
        ("Background", True),
        ("The broadcaster Radio Sela was closed in May.", False),
        ("Our concerns", True),
        ("The licence was withdrawn without a hearing.", False),
        ("Sincerely,", False),
        ("Paul Mensah", False),
    ])  # fmt: skip
    result = ingest_bytes(data, filename="sections.docx")
    assert result.letter is not None and result.letter.asks == []


def test_an_organisations_section_written_as_one_paragraph_is_split() -> None:
    letter = _letter(
        "Dear Secretary-General,\n\nWe urge you to appoint a special envoy.\n\nSincerely,\n\n"
        "Organisations:\nAmity Rights Centre, Basin Justice Network, Delta Legal Aid, and"
        " Harbour Watch\n\nIndividual signatories (affiliations for identification only):\n"
        "Prof. Lena Marsh, University of Northfield\n"
    )
    assert [(s.name, s.kind) for s in letter.signatories] == [
        ("Amity Rights Centre", "organization"),
        ("Basin Justice Network", "organization"),
        ("Delta Legal Aid", "organization"),
        ("Harbour Watch", "organization"),
        ("Prof. Lena Marsh", "individual"),
    ]


COURT_LETTER = """\
Opening the Record
to Every Reader

9 March 2023

Harriet Oduya, Clerk of Court
Court of Appeals for the Ninth District
400 Meridian Avenue
Portland, OR 97204

Re: Publishing argument transcripts

To the Court:

We write as a library consortium that keeps public court records for researchers and
the press. We welcome the Court's decision to publish argument transcripts.

We ask that the Court publish the transcripts of the last five years as well, so that
readers can follow how the Court's practice has developed.

Thank you for your consideration,

Tomasz Wierzbicki
Director, Open Records Library Consortium

CC: Senator Lydia Carrow, Chair, Committee on the Judiciary
Senator Bram Okafor, Member, Committee on the Judiciary
Representative Inés Solano, Ranking Member, Subcommittee on Courts
"""


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


def test_thank_you_for_your_attention_with_a_full_stop_is_the_body_s_last_sentence() -> None:
    text = COURT_LETTER.replace(
        "Thank you for your consideration,", "Thank you for your attention."
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.complimentary_close is None
    assert letter.texts("body")[-1] == "Thank you for your attention."


PANEL_LETTER = """\
2 February 2024

Regional Transit Authority
Members of the Board of Directors (Dir. Amara Lowe), Planning and Accessi-
bility (Dir. Felix Noor), Finance (Dir. Ruth
Castellanos) and Operations (Dir. Omar Haddad)
c/o Office of the Board Secretary
18 Harbour Circle NE
Tacoma, WA 98402

Re: Step-free access at the four oldest stations

Dear Director Lowe, Director Noor, Director Castellanos and Board
Secretary Haddad:

We write as riders' groups and engineers about the plan to defer step-free access at
the four oldest stations by another five years.

We ask the Board to keep the original timetable and to publish quarterly progress.

Sincerely,

Priya Ramanathan
Policy Lead
Riders Together

Jonas Whitcombe
Senior Engineer
Accessible Cities Lab
"""


def test_a_board_written_to_as_an_institution_with_a_wrapped_greeting() -> None:
    letter = ingest_text(PANEL_LETTER).letter
    assert letter is not None
    assert letter.salutation == (
        "Dear Director Lowe, Director Noor, Director Castellanos and Board Secretary Haddad:"
    )
    (board,) = letter.addressees
    assert board.name == "Regional Transit Authority"
    # the long line of offices, wrapped over three lines (one break inside a word), is one
    assert board.title_lines[0] == (
        "Members of the Board of Directors (Dir. Amara Lowe), Planning and Accessibility "
        "(Dir. Felix Noor), Finance (Dir. Ruth Castellanos) and Operations (Dir. Omar Haddad)"
    )
    assert board.address_lines[-2:] == ["18 Harbour Circle NE", "Tacoma, WA 98402"]
    # name, title and organisation blocks: the last line of each is where they work
    assert [(s.name, s.organization) for s in letter.signatories] == [
        ("Priya Ramanathan", "Riders Together"),
        ("Jonas Whitcombe", "Accessible Cities Lab"),
    ]


def test_a_form_letter_greeting_left_blank_is_its_salutation() -> None:
    letter = _letter(
        "Dear\n\nI am writing to ask you to fund the night shelter on Mill Road.\n\n"
        "The shelter closed in March and forty people now sleep outside.\n\n"
        "Sincerely,\n\n[Your name]\n"
    )
    assert letter.salutation == "Dear"
    assert letter.complimentary_close == "Sincerely,"


def test_bold_titles_that_are_questions_or_names_of_sections_are_not_asks() -> None:
    data = _bold_docx([
        ("Dear Deputy Minister Okafor,", False),
        ("Thank you for your reply of 4 May.", False),
        ("What the ministry has done", True),
        ("The portal was launched in 2021 and lists 40 datasets.", False),
        ("Where do we stand?", True),
        ("Two international indexes rank the country in the bottom third.", False),
        ("Open data and the public", True),
        ("The consultation drew twelve responses.", False),
        ("Best,", False),
        ("Leila", False),
    ])  # fmt: skip
    result = ingest_bytes(data, filename="sections.docx")
    assert result.letter is not None and result.letter.asks == []


def test_a_page_that_reports_on_a_letter_and_lists_its_signers_is_not_the_letter() -> None:
    page = (
        "<html><body><h1>Our Community Open Letter</h1>"
        "<p>Last spring, more than 300 local groups signed our community open letter to the"
        " party leaders. You can read it on the campaign site.</p>"
        "<p>Help us by checking the details we hold for your group.</p>"
        "<p>The table below shows the district we think each group is in, and its councillor."
        " Tell us if anything is wrong, and we will fix it within a week.</p>"
        "<table><tr><th>Group</th><th>District</th><th>Councillor</th></tr>"
        + "".join(
            f"<tr><td>Friends of {place} Park</td><td>{place}</td>"
            f"<td>Sam {place}son, Green</td></tr>"
            for place in ("Ash", "Birch", "Cedar", "Elm", "Hazel", "Larch", "Maple", "Oak")
        )
        + "</table></body></html>"
    )
    result = ingest_bytes(page.encode(), filename="data.html")
    assert result.letter is None


def test_a_greeting_without_dear_under_a_line_presenting_the_letter() -> None:
    page = (
        "<html><body><article><h1>A letter to my councillors</h1>"
        "<p>Below is the letter I sent to my councillors this morning about the bus cuts.</p>"
        "<blockquote><p>Councillors Adeyemi and Brook and Mayor Tanaka,</p>"
        "<p>I am writing for the first time about the cuts to the number 12 bus, which my"
        " neighbours and I rely on to reach the hospital and the market.</p>"
        "<p>I urge you to restore the evening service before the winter timetable starts,"
        " because the walk is long and unlit.</p>"
        "<p>Please act before the next council meeting, when the timetable will be fixed for"
        " a year.</p></blockquote>"
        "<p>transport buses council winter</p></article></body></html>"
    )
    letter = ingest_bytes(page.encode(), filename="post.html").letter
    assert letter is not None
    assert letter.salutation == "Councillors Adeyemi and Brook and Mayor Tanaka,"
    assert letter.signatories == []  # the post's tags are no signer


def test_a_section_title_after_an_unsigned_letter_is_not_its_signer() -> None:
    letter = _letter(
        "Dear Governor:\n\nI write to ask you to stop issuing new drilling permits near"
        " schools and homes in the valley.\n\nThe permits issued this spring put three"
        " schools within a mile of a well.\n\nYou can still choose to protect them, and the"
        " families in the valley are asking you to do so now.\n\n"
        "Background and References\n\n[1] Permits issued in April: https://example.org/a\n\n"
        "[2] Schools near wells: https://example.org/b\n"
    )
    assert letter.salutation == "Dear Governor:"
    assert letter.signatories == []


def test_an_html_heading_over_the_letter_is_not_an_addressee() -> None:
    page = (
        "<html><body><h2>Background</h2><p>The governor has asked to hear from residents."
        " Copy the letter below and send it with your own name.</p>"
        "<h3>Letter Text</h3><p>DATE (add when you send it)</p>"
        "<p>Governor Ana Whitfield<br>State Capitol, Room 100<br>Riverton, ST 55501</p>"
        "<p>Dear Governor Whitfield,</p>"
        "<p>We congratulate you on your election and ask you to make clean water your first"
        " priority in office.</p>"
        "<p>Sincerely,</p><p>Your name</p></body></html>"
    )
    letter = ingest_bytes(page.encode(), filename="action.html").letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Ana Whitfield"]
    assert letter.addressees[0].title_lines[0] == "Governor"


def test_a_list_of_questions_put_to_the_recipient_is_its_asks() -> None:
    letter = _letter(
        "Honourable Member,\n\nThe new rules on visitor access leave several matters open."
        " As the committee prepares its report, I put to you the following short list of"
        " questions:\n\n- Will the rules apply to accredited journalists?\n"
        "- Who decides on an appeal against a refusal?\n"
        "- When will the register of refusals be published?\n\n"
        "I look forward to your answers.\n\nYours sincerely,\n\nMarta Kowalczyk\n"
    )
    asks = letter.resolved_asks()
    assert len(asks) == 3
    assert (asks[0].lead or asks[0].body or "").startswith("Will the rules")


def test_numbered_please_requests_after_a_grateful_intro_are_asks() -> None:
    letter = _letter(
        "Excellency,\n\nWe have received information about the detention of a software"
        " developer at the airport on 3 June, and his transfer to a remand prison.\n\n"
        "We would be very grateful for your observations on the following points:\n\n"
        "1. Please provide information on the grounds for his arrest.\n"
        "2. Please explain why his lawyers could not see him for four days.\n"
        "3. Kindly indicate the measures taken to investigate the alleged ill-treatment.\n\n"
        "Please accept, Excellency, the assurances of our highest consideration.\n"
    )
    assert len(letter.asks) == 3


def test_name_slash_affiliation_entries_under_an_unlabelled_heading() -> None:
    entries = [
        "Amara Okonjo / Novelist",
        "Tomas Lindqvist / Composer, Conductor",
        "Ines Ferreira / Recipient of the Sakharov Prize 2009, Portugal",
        "Haruto Mori / Former member of the House of Councillors for the Green Party and"
        " chair of the committee on digital rights in the upper house of the Diet.",
        "Leila Haddad / Professor, University of Tunis, Tunisia",
        "Oskar Brandt /",
    ]
    letter = _letter(
        "Dear Prime Minister,\n\nWe ask you to refuse the extradition request and to release"
        " the publisher from custody while his appeal is heard.\n\nRespectfully,\n\n"
        "Concerned citizens\n\n" + "\n\n".join(entries) + "\n"
    )
    assert [s.name for s in letter.signatories] == entries


def test_capitalised_section_labels_in_a_sign_on_list_are_not_signers() -> None:
    letter = _letter(
        "Dear Chief Judge Ortega:\n\nWe ask the court to publish complete docket feeds, as"
        " most other districts of its size already do.\n\nThank you,\n\n"
        "Dana Whitcomb\nExecutive Director\nOpen Dockets Project\n\n"
        "Additional Signatories\nNews Outlets\n\nHarbor City Ledger\n\nValley Public Radio\n\n"
        "Advocacy Organizations & Associations\n\nCoalition for Open Courts\n\n"
        "Transparency Now Foundation\n\n"
        "Law Libraries & Directors\n\nRuth Abernathy\nLaw Library Director\n"
        "Eastfield University School of Law\n\n"
        "Individuals\n\nMarcus Oyelaran\nProfessor of Law\nWestbrook Law School\n"
    )
    assert [s.name for s in letter.signatories] == [
        "Dana Whitcomb",
        "Harbor City Ledger",
        "Valley Public Radio",
        "Coalition for Open Courts",
        "Transparency Now Foundation",
        "Ruth Abernathy",
        "Marcus Oyelaran",
    ]
    ruth = letter.signatories[5]
    assert ruth.kind == "individual" and ruth.organization == "Eastfield University School of Law"


def test_a_numbered_list_of_objections_and_responses_is_not_asks() -> None:
    letter = _letter(
        "Dear Clerk Abara:\n\nWe urge the court to enable complete docket feeds.\n\n"
        "Court staff have raised a few concerns, each easily answered:\n\n"
        "1. Objection: Sealed filings could be revealed.\n"
        "Response: Sealed filings never appear in the feeds.\n\n"
        "2. Objection: The feeds could overload the servers.\n"
        "Response: The feeds are cached and refreshed on a schedule.\n\n"
        "Thank you,\n\nDana Whitcomb\n"
    )
    assert letter.asks == []


def test_a_bare_surname_greeting_under_a_title_naming_the_letter() -> None:
    page = (
        "<html><body><h1>Letter to Varga: “You promised the river would stay public”</h1>"
        "<p>Varga, the river was never yours to sell, and the people who fish it have not"
        " forgotten the promise you made in the square.</p>"
        "<p>Varga,</p>"
        "<p>I leave out your title on purpose, because this letter is about the office you"
        " hold and what you have done with it since the spring.</p>"
        "<p>You signed the concession in April without the hearing the law requires, and"
        " the families downstream learned of it from a fence.</p>"
        "<p>You can still cancel it, and you know that the court will ask why you did not.</p>"
        "</body></html>"
    )
    letter = ingest_bytes(page.encode(), filename="post.html").letter
    assert letter is not None and letter.salutation == "Varga,"


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


def test_a_un_style_title_gives_the_date_of_a_letter_without_a_dateline() -> None:
    page = (
        "<html><body><h1>Letter to the regional bloc: end the raids on shelters</h1>"
        "<p>Letter dated 14 March 2023 from the Shelter Network to the representatives of the"
        " member states of the regional bloc</p>"
        "<p>As the coordinator of the Shelter Network, I am writing to ask that you end the"
        " raids on shelters for women and girls in the member states.</p>"
        "<p>The raids have closed eleven shelters this year and left their residents without"
        " protection or anywhere to go.</p>"
        "<p>You can end them with one decision at your next meeting, and we ask you to take"
        " it.</p>"
        "<p>Thank you for your attention.</p><p>Nadia Rahmani<br>Coordinator</p>"
        "</body></html>"
    )
    letter = ingest_bytes(page.encode(), filename="un.html").letter
    assert letter is not None
    assert str(letter.date) == "2023-03-14"
    assert letter.body[0].startswith("As the coordinator")


def test_a_campaign_update_about_a_letter_is_not_the_letter() -> None:
    page = (
        "<html><body><h1>Update on our open letter to the Council</h1>"
        "<p>Our campaign for the rights of stateless children goes on, and this is where it"
        " stands after the summer.</p>"
        "<p>Last year we launched an open letter to the Council asking for birth registration"
        " for every child born in the region.</p>"
        "<p>So far, the letter has been signed by forty organisations and two hundred people,"
        " and we will deliver it in November.</p>"
        "<p>If you have signed it, thank you so much; if you have not, you still can.</p>"
        "<p>Ana Costa</p></body></html>"
    )
    assert ingest_bytes(page.encode(), filename="update.html").letter is None


def test_a_company_suffix_in_a_comma_list_of_signers_stays_with_its_name() -> None:
    letter = _letter(
        "To the mayors and city councils of the region,\n\nWe call on you to end the"
        " contracts that share residents' doorbell footage with the police.\n\nSincerely,\n\n"
        "The undersigned:\n\nHarbor Privacy Coalition, Open Streets Project, Fourth Shield,"
        " Inc., Tenants United, and Neighbors for Safe Streets.\n"
    )
    assert [s.name for s in letter.signatories] == [
        "Harbor Privacy Coalition",
        "Open Streets Project",
        "Fourth Shield, Inc.",
        "Tenants United",
        "Neighbors for Safe Streets",
    ]


def test_a_stray_comma_after_a_name_and_place_does_not_join_two_signers() -> None:
    letter = _letter(
        "Dear Chairman Okafor:\n\nWe ask the commission to publish the logs of the outage.\n\n"
        "Sincerely,\n\nAnna Berg, Tacoma, WA\nLuis Ortega, Mesa, AZ,\nMei Tanaka, Provo, UT\n"
        "Samuel Osei, Dayton, OH\n"
    )
    assert [(s.name, s.organization) for s in letter.signatories] == [
        ("Anna Berg", None),
        ("Luis Ortega", None),
        ("Mei Tanaka", None),
        ("Samuel Osei", None),
    ]


def test_an_organisation_with_an_at_sign_in_its_name_is_a_signer_not_a_contact() -> None:
    letter = _letter(
        "Dear Members of Congress,\n\nWe urge you to vote against the bill.\n\nSincerely,\n\n"
        "Open Source Guild\nCode@Campus\nRiverbend Robotics, LLC\n"
    )
    assert [s.name for s in letter.signatories] == [
        "Open Source Guild",
        "Code@Campus",
        "Riverbend Robotics, LLC",
    ]


ANNEXED = (
    "An Open Letter to Governor Ruiz and the State Legislature\n\n"
    "Dear Gov. Ruiz and State Lawmakers,\n\n"
    "We write to ask the state to stop naming its highways after the leaders of the 1898"
    " coup, and to end its sponsorship of the events that honour them.\n\n"
    "We make this request for the following reasons.\n\n"
    "• The events celebrate the overthrow of an elected city government by force.\n"
    "• They are paid for by every taxpayer, including the descendants of those driven out.\n"
    "• They present as heritage a history that historians of the period reject.\n\n"
    "We thank you for your time and attention, and for the courage this change will"
    " take from each of you.\n\n"
    "Dana Whitfield, PhD\tRev. Samuel Okoro\n"
    "Remembrance Project Coordinator\tPresident, County Ministers' Council\n"
    "(555) 201-3344\t(555) 201-8899\n\n"
    "Attachment: The city's proclamation of 10 November 1898\n\n"
    + "\n\n".join(
        f"Section {n}. The text of the proclamation continues here with its clauses on"
        " the city's offices, its officers and their powers, as printed at the time."
        for n in range(1, 9)
    )
    + "\n"
)


def test_two_signers_side_by_side_then_an_annex_end_the_letter() -> None:
    letter = _letter(ANNEXED)
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Dana Whitfield, PhD", ["Remembrance Project Coordinator"]),
        ("Rev. Samuel Okoro", ["President, County Ministers' Council"]),
    ]
    # the annex after the signatures is not part of the letter
    kept = [*letter.texts("body"), *letter.texts("closing")]
    assert not any("proclamation continues" in p for p in kept)
    # a list introduced as "the following reasons" gives reasons, not requests
    assert letter.asks == []


def test_a_to_the_greeting_labelled_recommendations_and_a_see_all_link() -> None:
    page = (
        "<html><body><nav>Sign the letter | Read the letter</nav>"
        "<h1>Open letter on public access to research</h1>"
        "<p>To the Office of Research Policy and the Working Group on Open Data,</p>"
        "<p>We welcome your guidance on free access to publicly funded research, and we write"
        " with three recommendations for putting it into practice.</p>"
        "<p>Make publishing affordable for every researcher.</p>"
        "<p>Recommendation 1. Clarify that access must not depend on fees paid by authors.</p>"
        "<p>The guidance leaves open who pays; fees would shut out smaller labs.</p>"
        "<p>Let everyone reuse the results.</p>"
        "<p>Recommendation 2. Require an open licence for funded articles and their data.</p>"
        "<p>Without a licence, free to read is not free to reuse.</p>"
        "<p>Build shared infrastructure.</p>"
        "<p>Recommendation 3. Fund a public platform for preprints and review.</p>"
        "<p>It should be run independently of any commercial publisher.</p>"
        "<p>We look forward to working with you on all three.</p>"
        "<p>Signed,</p><p>Ana Kowalski, University of Lisbon</p>"
        "<p>Ben Osei, Accra Technical University</p>"
        "<p>See all 812 signatures from 30 countries</p></body></html>"
    )
    letter = ingest_bytes(page.encode(), filename="open.html").letter
    assert letter is not None
    assert (
        letter.salutation == "To the Office of Research Policy and the Working Group on Open Data,"
    )
    asks = letter.resolved_asks()
    assert [a.body.split(". ")[0] for a in asks if a.body] == [
        "Recommendation 1",
        "Recommendation 2",
        "Recommendation 3",
    ]
    # the labels are the numbering: the asks are not numbered again
    assert letter.options.number_asks is False
    assert [s.name for s in letter.signatories] == ["Ana Kowalski", "Ben Osei"]


def test_html_headings_that_group_signers_keep_the_list_whole() -> None:
    page = (
        "<html><body><p>Dear Commissioner Varga,</p>"
        "<p>We write about the delays in enforcing the rules on browser choice, which leave"
        " smaller companies waiting while the largest platforms keep their advantage.</p>"
        "<p>We urge the Commission to open proceedings before the summer.</p>"
        "<p>Sincerely,</p>"
        "<h3>Associations</h3><p>Digital Publishers Forum</p><p>Startup Alliance Europe</p>"
        "<p>Games Developers Federation</p>"
        "<h3>Civil society &amp; non-profit organisations</h3><p>Open Markets Watch</p>"
        "<p>Consumer Voice</p><p>Digital Rights Centre</p>"
        "<h3>Important documents</h3><p><a href='/a.pdf'>The letter as a PDF</a></p>"
        "<p><a href='/b.pdf'>Our briefing on the rules</a></p>"
        "<p><a href='/c.pdf'>The Commission's last report</a></p>"
        "</body></html>"
    )
    letter = ingest_bytes(page.encode(), filename="joint.html").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Digital Publishers Forum",
        "Startup Alliance Europe",
        "Games Developers Federation",
        "Open Markets Watch",
        "Consumer Voice",
        "Digital Rights Centre",
    ]


def test_a_call_to_sign_between_the_label_and_the_signers_is_page_chrome() -> None:
    letter = _letter(
        "Dear Acme Phones,\n\nWe ask you to drop the plan to scan the photos on your"
        " customers' phones, and to say so publicly this month.\n\nSignatures\n\n"
        "Organizations\n\n→ Sign the letter via the form.\n\nAlpha Privacy Lab\n"
        "Beta Rights Network\nGamma Hosting GmbH\n\nLetter written March 3rd, 2022.\n"
    )
    assert [s.name for s in letter.signatories] == [
        "Alpha Privacy Lab",
        "Beta Rights Network",
        "Gamma Hosting GmbH",
    ]
    assert str(letter.date) == "2022-03-03"


_GIVEN = ["Amara", "Bela", "Chidi", "Dana", "Emil", "Farah", "Goran", "Hana", "Ines", "Jonas"]
_FAMILY = ["Okafor", "Lindqvist", "Moreau"]


def _scholar(n: int) -> str:
    given, family = _GIVEN[n % 10], _FAMILY[n // 10]
    return f"{given} {family}, Professor of History, State University"


def test_signers_resume_after_endnotes_and_wrapped_entries_are_rejoined() -> None:
    first = [_scholar(n) for n in range(12)]
    later = [_scholar(n) for n in range(12, 30)]
    later[3] = later[3].replace(", State University", ", State")  # wrapped by the page
    text = (
        "Dear President Okafor,\n\nWe, the undersigned scholars, ask you to cancel the"
        " student debt held by the national lender.\n\nWith urgency,\n\n"
        "42 total signers as of 9:00 am, 3 March 2024.\n\n"
        "[12 INITIAL SIGNERS – later signers are listed after the endnotes]\n\n"
        + "\n".join(first)
        + "\n\nEndnotes\n\n1 Lender annual report, 2023, https://example.org/report\n"
        "2 Survey of borrowers, 2022, https://example.org/survey\n\n"
        "[SUBSEQUENT SIGNERS]\n\n"
        + "\n".join(later[:4])
        + "\nUniversity\n"
        + "\n".join(later[4:])
        + "\n"
    )
    letter = _letter(text)
    names = [s.name for s in letter.signatories]
    assert len(names) == 30
    assert names[0].startswith("Amara Okafor") and names[-1].startswith("Jonas Moreau")
    wrapped = letter.signatories[15]
    assert wrapped.name == "Farah Lindqvist"
    assert "State University" in [wrapped.organization, *wrapped.title_lines]


@pytest.mark.parametrize(
    ("greeting", "close"),
    [
        ("Liebe Abgeordnete des Landtags,", "Mit hoffnungsvollen Grüßen."),
        ("Sehr geehrte Mitglieder des Ausschusses,", "Mit freundlichen Grüßen"),
        ("Respetados candidatos,", "Respetuosamente,"),
        ("De nuestra mayor consideración:", "Atentamente,"),
        ("Cordial saludo,", "Cordialmente,"),
        ("Prezados senhores,", "Atenciosamente,"),
        ("Geachte leden van de commissie,", "Met vriendelijke groet,"),
        ("Senhor(a) Senador(a):", "Atenciosamente,"),
        ("Senhora Ministra,", "Respeitosamente,"),
        ("Exmo. Sr. Presidente,", "Cordiais saudações,"),
        ("Sra. Ministra:", "Atentamente,"),
        ("Supervisor Lindqvist,", "Sincerely,"),
        ("Dear Councilmember Ortiz,", "Thanks for your thoughts,"),
        ("Gent.mo Sig. Sindaco,", "Distinti saluti,"),
        ("Egregi,", "Cordiali saluti"),
        ("Spett.le Comune,", "Distinti saluti"),
        ("E te Minita,", "Nāku noa, nā"),
        ("Tēnā koutou,", "Ngā mihi,"),
    ],
)
def test_greetings_and_closes_in_other_languages(greeting: str, close: str) -> None:
    letter = _letter(
        f"{greeting}\n\nWir schreiben Ihnen, escribimos, nous vous écrivons about the closure of"
        " the shelter on the river road and its forty residents.\n\nWe ask you to reopen it"
        " before the winter and to fund it for five years.\n\n"
        f"{close}\n\nMarta Kowalczyk\n"
    )
    assert letter.salutation == greeting
    assert letter.complimentary_close == close


def test_a_spanish_letter_with_the_ministry_over_the_name_and_comments_after() -> None:
    letter = _letter(
        "Medellín, Marzo 4 de 2021\n\n"
        "Ministerio de Ambiente y Desarrollo Sostenible\nLucía Restrepo Gil\nMinistra\n\n"
        "Ref: Comentarios al proyecto de decreto sobre humedales\n\n"
        "Cordial saludo,\n\n"
        "Las organizaciones abajo firmantes remitimos a su despacho nuestros comentarios al"
        " proyecto de decreto, para que sean considerados en el texto definitivo.\n\n"
        "Atentamente,\n\n"
        "Andrés Villa\nDirector\nRed de Humedales\n\n"
        "Paula Ortiz Mejía\nDirectora\nFundación Agua Viva\n\n"
        "Comentarios generales\n\n"
        "El decreto debe responder a una estrategia de protección de largo plazo, y vincularse"
        " a los planes de ordenamiento de las cuencas. Proponemos además que se publiquen los"
        " mapas de humedales en formatos abiertos.\n\n"
        "Varios de los comentarios del anexo se beneficiarían de una consulta previa con las"
        " comunidades ribereñas, que conocen mejor que nadie el estado de los humedales.\n"
    )
    assert str(letter.date) == "2021-03-04"
    (minister,) = letter.addressees
    assert minister.name == "Lucía Restrepo Gil"
    assert minister.title_lines[:2] == [
        "Ministerio de Ambiente y Desarrollo Sostenible",
        "Ministra",
    ]
    assert letter.salutation == "Cordial saludo,"
    assert [(s.name, s.title_lines, s.organization) for s in letter.signatories] == [
        ("Andrés Villa", ["Director"], "Red de Humedales"),
        ("Paula Ortiz Mejía", ["Directora"], "Fundación Agua Viva"),
    ]


def test_inside_addresses_side_by_side_then_the_date_and_an_unlabelled_title() -> None:
    letter = _letter(
        "The Hon. Mara Quinlan MP\tThe Hon. Joel Petrakis MLC\n"
        "Minister for Health\tMinister for Health and Ageing\n"
        "Commonwealth of Australia\tSouth Australia\n\n"
        "The Hon. Aisha Rahman MLA\n"
        "Minister for Health\nAustralian Capital Territory\n\n"
        "6 October 2021\n\n"
        "Safeguards for home quarantine apps\n\n"
        "Dear Honourable Ministers,\n\n"
        "We write to urge you to adopt strong safeguards for the personal information your"
        " governments collect through home quarantine apps.\n\n"
        "Sincerely,\n\nPriya Natarajan\nExecutive Director\n"
    )
    assert [(a.honorific, a.name, a.title_lines + a.address_lines) for a in letter.addressees] == [
        ("The Hon.", "Mara Quinlan MP", ["Minister for Health", "Commonwealth of Australia"]),
        ("The Hon.", "Joel Petrakis MLC", ["Minister for Health and Ageing", "South Australia"]),
        ("The Hon.", "Aisha Rahman MLA", ["Minister for Health", "Australian Capital Territory"]),
    ]
    assert str(letter.date) == "2021-10-06"
    assert letter.subject is None  # an unlabelled title: reported, not guessed


def test_a_letter_without_greeting_quoted_in_a_news_page_opens_under_its_subject() -> None:
    page = (
        "Cooperativas pedem ao Senado que rejeite o projeto das sementes\n\n"
        "Na última terça-feira, quarenta cooperativas enviaram uma carta ao Senado. Segundo a"
        " coordenação, o texto foi entregue em mãos.\n\n"
        "Leia a carta:\n\n"
        "Belo Horizonte, 12 de março de 2019.\n\n"
        "Exmo. Sr. Otávio Prado - Presidente do Senado Federal\n\n"
        "C/C\n\n"
        "Ministério da Agricultura - Sra. Helena Duarte - Ministra da Agricultura\n\n"
        "Assunto: Rejeição do projeto de lei sobre sementes crioulas\n\n"
        "As cooperativas abaixo assinadas vêm manifestar sua preocupação com o projeto, que"
        " ameaça a guarda de sementes por famílias agricultoras.\n\n"
        "Pedimos que o projeto seja arquivado e que o Senado ouça as comunidades afetadas antes"
        " de qualquer votação.\n\n"
        "Assinam esta carta:\n\n"
        "Cooperativa Terra Viva\n\nRede Sementes do Cerrado\n\nAssociação Raiz Forte\n"
    )
    result = ingest_text(page)
    assert result.kind == "letter", result.reason
    letter = result.letter
    assert letter is not None
    assert letter.subject == "Rejeição do projeto de lei sobre sementes crioulas"
    assert letter.body[0].startswith("As cooperativas abaixo assinadas")
    assert [s.name for s in letter.signatories][-1] == "Associação Raiz Forte"


def test_a_greeting_that_names_an_office_with_commas_in_its_name() -> None:
    letter = _letter(
        "Dear Foreign, Commonwealth and Development Office (FCDO) and the Alumni Leadership"
        " team,\n\nWe write as former scholars about the detention of a fellow scholar.\n\n"
        "We urge you to raise the case with the authorities.\n\nSincerely,\n\nMina Park\n"
    )
    assert letter.salutation == (
        "Dear Foreign, Commonwealth and Development Office (FCDO) and the Alumni Leadership team,"
    )


def test_cosignatories_in_a_numbered_table_with_years_are_signers_not_notes() -> None:
    rows = "".join(
        f"{n}\t{name}\t{2000 + n}/{2001 + n}\t{country}\n"
        for n, (name, country) in enumerate(
            [("Ana Lima", "Brazil"), ("Tomás Ruiz", "Chile"), ("Mei Chen", "Taiwan")], start=1
        )
    )
    letter = _letter(
        "Dear Minister,\n\nWe write as former scholars about a fellow scholar's detention.\n\n"
        "We urge you to raise the case.\n\nSincerely,\n\nCOSIGNATORIES (Alumni)\n\n" + rows
    )
    assert [s.name for s in letter.signatories] == ["Ana Lima", "Tomás Ruiz", "Mei Chen"]


def test_single_letter_contact_labels_after_the_signer_are_not_signers() -> None:
    letter = _letter(
        "Dear Manager,\n\nWe write about the housing plan and its criteria.\n\n"
        "We ask you to add community land trusts to it.\n\nYours sincerely\n\n"
        "Travis Jordan\np: 34 Harbour Street, Greenslopes QLD 4120\ne: hello@example.org\n"
    )
    assert [s.name for s in letter.signatories] == ["Travis Jordan"]


def test_a_signer_table_under_a_count_with_a_category_column() -> None:
    rows = "".join(
        f"{name}\t{field}\t{year}\n"
        for name, field, year in [
            ("Ines Varga", "Chemistry", 1999),
            ("Tomas Eriksen", "Physics", 2004),
            ("Lucia Ferraro", "Medicine", 2011),
        ]
    )
    letter = _letter(
        "Dear President,\n\nWe write as scientists about the cuts to the research council.\n\n"
        "We ask you to restore its budget.\n\nSincerely,\n\n3 Nobel Laureates\n\n"
        "Name\tCategory Prize Year\n" + rows
    )
    assert [s.name for s in letter.signatories] == ["Ines Varga", "Tomas Eriksen", "Lucia Ferraro"]


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


# --- a letter's head laid out as a web page sets it (fresh letters, written for these tests)

HEAD_AS_A_PAGE_SETS_IT = """\
Campaigns

Open Letter to the World Food Programme

March 2024

From the Coastal Fisheries Network

For the attention of the World Food Programme,2
represented by its Executive Director Marta Ilunga

Copy:

Tomas Berglund, Director-General of the FAO
Aiko Mensah-Hart, UN, Special Rapporteur on the Right to Food
Rafael Quintero, Executive Director of UNICEF

Subject\tFood assistance to fishing communities after the 2023 storms

Dear Executive Director,

We write on behalf of forty fishing cooperatives whose boats were lost in the storms.

We ask you to extend the emergency programme to the northern districts.

Sincerely,

Coastal Fisheries Network

Harbour Women's Union

1.

Letter published on our site in March 2024. ↩︎

2.

Through its country office. ↩︎
"""


def test_a_head_set_as_a_page_has_its_parts() -> None:
    letter = _letter(HEAD_AS_A_PAGE_SETS_IT)
    (addressee,) = letter.addressees
    assert addressee.name == "the World Food Programme"  # the footnote mark "2" dropped
    assert addressee.title_lines == ["represented by its Executive Director Marta Ilunga"]
    assert [c.name for c in letter.cc] == ["Tomas Berglund", "Aiko Mensah-Hart", "Rafael Quintero"]
    assert letter.cc[1].title_lines == ["UN, Special Rapporteur on the Right to Food"]
    assert letter.sender is not None
    assert letter.sender.organization == "the Coastal Fisheries Network"  # "From the …"
    assert letter.subject == "Food assistance to fishing communities after the 2023 storms"
    assert [s.name or s.organization for s in letter.signatories] == [
        "Coastal Fisheries Network",
        "Harbour Women's Union",
    ]  # the footnotes below the signatures are not signers


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


# --- signers listed further down, "Name | affiliation" entries, joined kinds as a label

LISTED_FURTHER_DOWN = """\
Dear Ministers,

We write as researchers and civil society groups about the proposed decryption powers.

We urge you to withdraw the proposal and to consult the public.

Sincerely,

41 organizations and researchers (listed below)

1. The proposal was published in May.
2. See the consultation paper, section 4, for the powers in question.

ORGANIZATIONS AND INDIVIDUALS

Harbourside Privacy Collective
Open Wires Institute
Marisol Quintana | Professor of Computer Science, Lakeshore University
Dev Raghunathan | Fellow, Centre for Network Policy
(Visiting Scholar, Institute for Data and Society)
"""


def test_signers_listed_below_the_notes() -> None:
    letter = _letter(LISTED_FURTHER_DOWN)
    assert [s.name or s.organization for s in letter.signatories] == [
        "Harbourside Privacy Collective",
        "Open Wires Institute",
        "Marisol Quintana",
        "Dev Raghunathan",
    ]
    quintana, raghunathan = letter.signatories[2:]
    assert quintana.title_lines == ["Professor of Computer Science"]
    assert quintana.organization == "Lakeshore University"
    # the wrapped bracket line belongs to the entry above it, commas and all
    assert "(Visiting Scholar, Institute for Data and Society)" in " ".join(
        [*raghunathan.title_lines, raghunathan.organization or ""]
    )


def test_a_bar_with_a_phone_number_after_it_is_still_contact_details() -> None:
    letter = _letter(
        "Dear Governor,\n\nWe ask you to veto the bill.\n\nSincerely,\n\n"
        "Rosa Delgado\nDirector, Valley Tenants Union | 555 201 7788\n"
    )
    (signer,) = letter.signatories
    assert signer.name == "Rosa Delgado"
    assert "555" not in " ".join(signer.title_lines)


# --- two signers sharing a line or a title; a section heading after the signers


def test_two_signers_on_one_line_share_what_follows() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe ask you to keep the night bus running.\n\nYours sincerely,\n\n"
        "Marta Oyelaran and Kurt Weber | Riverside Tenants' spokespeople\n"
    )
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Marta Oyelaran", ["Riverside Tenants' spokespeople"]),
        ("Kurt Weber", ["Riverside Tenants' spokespeople"]),
    ]


def test_an_office_in_the_plural_under_two_names_is_their_title() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe ask you to restore the student allowance.\n\nYours sincerely,\n\n"
        "Andrea Cole\nSam Whitford\nStudent Union Co-Presidents 2024\n\n"
        "BACKGROUND INFORMATION\n\nThe allowance was cut in March after a review of costs.\n"
    )
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Andrea Cole", ["Student Union Co-Presidents 2024"]),
        ("Sam Whitford", ["Student Union Co-Presidents 2024"]),
    ]


MEMO_HARD_WRAPPED = """\
To: The Mayor of Eastbrook and City Council Members
From: President, Millrace Walking Club
Subject: Crossings on Orchard Avenue

It is our understanding that the current plan would send people on foot across
four lanes of traffic at the Orchard Avenue junction, with no signal and no
island to wait on. Our members cross there every day on the way to school and
to the market.

We ask the council to add a signalled crossing at the junction before the
road is resurfaced this autumn, and to consult the club on its design.

Sincerely,

Joanna Pike
President, Millrace Walking Club
"""


def test_a_memo_with_hard_wrapped_paragraphs_is_a_letter() -> None:
    letter = _letter(MEMO_HARD_WRAPPED)
    assert letter.subject == "Crossings on Orchard Avenue"
    assert letter.complimentary_close == "Sincerely,"
    assert [s.name for s in letter.signatories] == ["Joanna Pike"]


def test_an_address_block_a_browser_ran_onto_one_line_is_split_back() -> None:
    html = (
        b"<html><body><p>Maria Oduya \nChief Executive Officer \n"
        b"Larkfield Grocers Incorporated \n1200 Harbor Drive \nPortland, Oregon 97205</p>"
        b"<p>Dear Ms. Oduya:</p><p>We write as attorneys general of nine states about the "
        b"labelling of imported produce.</p><p>We ask you to publish the origin of each "
        b"product on its shelf label.</p><p>Sincerely,</p><p>Dana Whitcomb</p></body></html>"
    )
    result = ingest_bytes(html, filename="letter.html")
    assert result.letter is not None, result.reason
    (addressee,) = result.letter.addressees
    assert addressee.name == "Maria Oduya"
    assert [*addressee.title_lines, *addressee.address_lines] == [
        "Chief Executive Officer",
        "Larkfield Grocers Incorporated",
        "1200 Harbor Drive",
        "Portland, Oregon 97205",
    ]


def test_a_signer_with_a_comma_after_the_name_and_a_title_below() -> None:
    letter = _letter(
        "Dear Secretary,\n\nWe ask you to fund the bike lanes on Route 9.\n\nSincerely,\n\n"
        "Teresa Holloway,\n\nPresident, Valley Cycling Club\n"
    )
    (signer,) = letter.signatories
    assert signer.name == "Teresa Holloway"


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


def test_a_bulleted_follow_us_list_after_the_signers_is_the_page_footer() -> None:
    letter = _letter(
        "To the Riverside Planning Board:\n\nWe urge the board to approve the housing plan "
        "for the old depot site, with the affordable units the city asked for.\n\nSigned,\n\n"
        "Mara Quist\nDevon Alvarez\n\n  • Follow Us\n\n  • Facebook\n  • Twitter\n"
    )
    assert [s.name for s in letter.signatories] == ["Mara Quist", "Devon Alvarez"]


def test_an_acronym_after_the_comma_opens_a_title_not_letters_after_a_name() -> None:
    letter = _letter(
        "Dear Minister,\n\nWe ask you to end the collection of pupils' data.\n\n"
        "Yours sincerely,\n\nJordan Ellis\n\n"
        "Cc: Hon Priya Rao MLC, NSW Minister for Education\n"
        "Tom Whitlam, NSW Privacy Commissioner\n"
        "Dr Ann Holt, MD, MPH\n"
    )
    assert letter.cc[0].honorific == "Hon"
    assert [(c.name, c.title_lines) for c in letter.cc] == [
        ("Priya Rao MLC", ["NSW Minister for Education"]),
        ("Tom Whitlam", ["NSW Privacy Commissioner"]),
        ("Ann Holt, MD, MPH", []),
    ]


DATE_OVER_AN_OFFICE = """\
14 March 2025

Regional Office of Water Planning

Re: Groundwater permits in the northern district

Dear Director,

We are writing on behalf of farmers and residents of the northern district to ask that
the pending groundwater permits be reviewed in public before any decision is taken.

Sincerely,

Alma Ferreira
"""


def test_a_date_over_an_unlabelled_office_line_is_the_letters_date_not_a_page_heading() -> None:
    # the date opens the letter's own head: the line beside it is the addressee, not the
    # title of a page whose publication date the date would then be
    result = ingest_text(DATE_OVER_AN_OFFICE)
    assert result.letter is not None
    assert str(result.letter.date) == "2025-03-14"
    assert result.letter.heading is None
    assert [a.name for a in result.letter.addressees] == ["Regional Office of Water Planning"]


OFFICE_AND_SURNAME = """\
Councilmember Okafor, My name is Dana Reyes and I have rented in the Eastside ward for
eleven years, like most of the people I grew up with who have since had to move away.

Rents here have doubled in a decade while wages have not, and the zoning along the
corridor still allows only detached houses on large lots.

I ask you to support the corridor rezoning when it comes before the council next month.

Thank you for your time,
Dana Reyes
"""

QUOTE_ATTRIBUTIONS = """\
Why this matters

"Collecting every record of every call is not what the law allows, and it has not
stopped a single attack that other tools would have missed."

Judge Miriam Castell, Federal District Court

"The program should end when its authority ends, and not be quietly renewed."

Senator Wyden of Oregon
"""


def test_an_office_and_surname_greeting_run_into_the_first_paragraph_opens_the_letter() -> None:
    result = ingest_text(OFFICE_AND_SURNAME)
    assert result.kind == "letter"
    assert result.letter is not None
    assert result.letter.salutation == "Councilmember Okafor,"
    assert result.letter.body[0].startswith("My name is Dana Reyes")


def test_a_quotes_attribution_line_is_not_a_greeting() -> None:
    assert ingest_text(QUOTE_ATTRIBUTIONS).kind != "letter"


ATTENTION_NO_GREETING = """\
Attn: Ministry of Transport and Members of the Regional Assembly

The bridge on the river road has been closed to buses for nine months, and children from
four villages now walk two hours each way to reach the nearest secondary school.

We ask that the repair contract be signed before the end of the rainy season and that a
temporary bus route be opened until the bridge is reopened to traffic.

Yours sincerely,
Parents of the River Road Villages
"""


def test_an_attention_line_and_a_close_make_a_letter_without_a_greeting() -> None:
    result = ingest_text(ATTENTION_NO_GREETING)
    assert result.kind == "letter"
    assert result.letter is not None
    assert result.letter.complimentary_close == "Yours sincerely,"
    assert result.letter.signatories[0].name == "Parents of the River Road Villages" or (
        result.letter.signatories[0].organization == "Parents of the River Road Villages"
    )


SPANISH_PRESENTE = """\
Lima, 3 de marzo de 2025

Señora Carmen Villanueva

MINISTRA DE SALUD DEL PERÚ

Presente. De nuestras consideraciones: Las organizaciones firmantes nos dirigimos a \
usted para solicitar que se garantice el abastecimiento de medicamentos en los centros \
de salud rurales de la sierra sur.

Confiamos en que atenderá esta solicitud con la urgencia que merece.

Atentamente:

Lista de organizaciones firmantes

Post relacionados
"""

RUN_ON_REGARDS = """\
Dear Commissioner Lund,

The proposed fee schedule would double the cost of a market stall permit for the
smallest vendors, most of whom sell for only a few hours each week.

I hope you will ask staff to prepare a sliding scale before the vote next month.

Kind regards, Ingrid
"""

PLACEHOLDER_TO = """\
To [Name of the Minister]

In six weeks the regional summit will meet to agree the next five-year plan for the
river basin, and the draft still leaves out the fishing communities downstream.

We urge you to ask that the draft include the downstream communities' water needs and
that their representatives be invited to the summit's working sessions.

Yours sincerely,
"""


def test_a_spanish_address_ends_in_presente_run_into_the_salutation() -> None:
    result = ingest_text(SPANISH_PRESENTE)
    letter = result.letter
    assert letter is not None
    assert letter.salutation == "De nuestras consideraciones:"
    assert letter.complimentary_close == "Atentamente:"
    assert len(letter.addressees) == 1
    person = letter.addressees[0]
    assert (person.honorific, person.name) == ("Señora", "Carmen Villanueva")
    lines = [*person.title_lines, *person.address_lines]
    assert lines == ["MINISTRA DE SALUD DEL PERÚ", "Presente."]
    assert letter.signatories == []  # a list heading with no list, then page chrome


def test_a_close_and_a_first_name_on_one_line_are_close_and_signer() -> None:
    letter = ingest_text(RUN_ON_REGARDS).letter
    assert letter is not None
    assert letter.complimentary_close == "Kind regards,"
    assert [s.name for s in letter.signatories] == ["Ingrid"]


def test_a_to_line_with_a_bracketed_placeholder_addresses_a_template_letter() -> None:
    result = ingest_text(PLACEHOLDER_TO)
    assert result.kind == "letter"
    assert result.letter is not None
    assert result.letter.complimentary_close == "Yours sincerely,"


BLOG_POST_WITH_A_LETTER = """\
Tuesday, June 10, 2008

The council votes next week, so I sent my councillor a note. Here is what I wrote, in full.
Dear Councillor Brandt,

I am requesting a proper public hearing on:

  • the proposed closure of the Elm Street library branch,
  • the sale of the community garden lot,
  • the new parking fees around the clinic.

I hope to hear from you before the vote.

Yours sincerely,
Tomas Oyelaran


Post a Comment

Subscribe to Post Comments [Atom]

Links to this post:

Create a Link

<< Home
"""

FOR_ALL_THE_ORGANISATIONS = """\
Estimado diputado:

Las organizaciones vecinales de la zona norte solicitamos una reunión con la comisión de
vivienda antes de que se vote el nuevo plan regulador de la ciudad.

Atentamente,

Lucía Ferrán

Mateo Quiroga

Por todas las organizaciones
"""


def test_a_blog_posts_date_above_its_introduction_is_the_pages_not_the_letters() -> None:
    letter = ingest_text(BLOG_POST_WITH_A_LETTER).letter
    assert letter is not None
    assert letter.date is None
    assert str(letter.published) == "2008-06-10"
    assert len(letter.asks) == 3  # "I am requesting … on:" over a list
    assert [s.name for s in letter.signatories] == ["Tomas Oyelaran"]  # the blog's footer cut


def test_signing_for_all_the_organisations_is_a_note_not_a_signer() -> None:
    letter = ingest_text(FOR_ALL_THE_ORGANISATIONS).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Lucía Ferrán", "Mateo Quiroga"]
    assert letter.signatory_note == "Por todas las organizaciones"


TWO_COLUMN_HEAD = (
    "2 August 2024\n\n"
    "Senator the Honorable Maria Kovac\tHonorable Daniel Reid MP\n"
    "President of the Senate\tSpeaker of the House\n"
    "Parliament House\tParliament House\n"
    "Canberra ACT 2600\tCanberra ACT 2600\n\n"
    "cc: Honorable Alan Briggs MP\tcc: Honorable Sara Lim MP\n"
    "Minister for Communications\tShadow Minister for Communications\n\n"
    "Dear President and Speaker,\n\n"
    "We write as organisations and researchers concerned that the proposed access bill would\n"
    "weaken the security of every device sold in the country, and we ask that it be withdrawn.\n\n"
    "Sincerely,\n\n"
    "ORGANISATIONS\n\n"
    "Open Networks Alliance\n"
    "Privacy Matters\n"
    "Secure Futures Lab\n\n"
    "[1] See the committee's report of 2023, https://example.org/report.html.\n"
    "[2] https://example.org/submissions/bill-2024.html.\n\n"
    "INDIVIDUALS\tAffiliations for identification purposes only\n\n"
    "Dr. Helen Marsh\n"
    "Professor Tom Okoye\n"
    "Lina Petrakis\n"
    "Samuel Ortiz\n"
    "Grace Whitfield\n"
)


def test_two_addressees_and_two_copies_set_side_by_side_are_read_column_by_column() -> None:
    letter = ingest_text(TWO_COLUMN_HEAD).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Maria Kovac", "Daniel Reid MP"]
    assert [a.honorific for a in letter.addressees] == [
        "Senator the Honorable",
        "Honorable",
    ]
    assert [c.name for c in letter.cc] == ["Alan Briggs MP", "Sara Lim MP"]


def test_endnotes_between_the_organisations_and_the_individuals_do_not_end_the_list() -> None:
    letter = ingest_text(TWO_COLUMN_HEAD).letter
    assert letter is not None
    names_or_orgs = [s.name or s.organization for s in letter.signatories]
    assert names_or_orgs[0] == "Open Networks Alliance"
    assert len(letter.signatories) == 8
    assert names_or_orgs[-1] == "Grace Whitfield"


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


SIGN_ON_FORM_BELOW = """\
Dear Secretary of State,

We are families who have opened our homes to people fleeing the war, and we ask the
government to extend the monthly support payments beyond the first year of hosting.

Yours faithfully,
12 Signatories
From across the country
Become a Signatory
Email
First Name
Last Name
Your Location
I agree to receive updates about this campaign.
"""


def test_a_sign_up_form_under_the_letter_is_not_its_signers() -> None:
    letter = ingest_text(SIGN_ON_FORM_BELOW).letter
    assert letter is not None
    assert letter.complimentary_close == "Yours faithfully,"
    assert letter.signatories == []


LAUREATES_TABLE = (
    "Dear Minister,\n\n"
    "We write as scientists to urge you to restore the research budget of the national\n"
    "council, which has lost half its value in two years.\n\n"
    "Sincerely,\n\n"
    "Thomas R. Ortega\tChemistry\t1989\n"
    "Martina Chalk\tChemistry\t2008\n\n"
    "Sir John E. Walden\tChemistry\t1997\n"
    "Arieh Warsz\tChemistry\t2013\n"
    "Harvey J. Altman\tMedicine\t2020\n"
    "Sir Paul M. Nurst\tMedicine\t2001\n"
    "Donna Strick\tPhysics\t2018\n"
)


def test_a_table_of_names_with_a_field_and_a_year_gives_one_signer_per_row() -> None:
    letter = ingest_text(LAUREATES_TABLE).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Thomas R. Ortega",
        "Martina Chalk",
        "Sir John E. Walden",
        "Arieh Warsz",
        "Harvey J. Altman",
        "Sir Paul M. Nurst",
        "Donna Strick",
    ]


INTRODUCED_STATEMENT = """\
Riverside Tenants Union

The following is a letter we emailed to the State Housing Committee on March 3, 2024,
about the bill to seal eviction records.

Statement in support of the Record Sealing Act

We write to endorse the Record Sealing Act as a fair and overdue protection for tenants,
many of whom carry a court record for years after a case they won.

These records are easy to find and easy to misuse, and they keep families out of
housing long after any dispute has ended.

Sincerely,
Riverside Tenants Union
"""


def test_a_page_that_introduces_a_letter_keeps_it_a_letter_under_a_statement_heading() -> None:
    result = ingest_text(INTRODUCED_STATEMENT)
    assert result.kind == "letter"
    letter = result.letter
    assert letter is not None
    assert letter.body[0].startswith("We write to endorse")
    assert letter.complimentary_close == "Sincerely,"
    assert [s.name or s.organization for s in letter.signatories] == ["Riverside Tenants Union"]


FOUR_HOUSE_LEADERS = """\
The Honorable Dana Whitfield
Chairman, Committee on Natural Resources
U.S. House of Representatives
1324 Longworth House Office Building
Washington, DC 20515

Representative Omar Lindqvist
Speaker, U.S. House of Representatives
1233 Longworth House Office Bldg.
Washington, DC 20515

Marcus Delaney
Majority Whip, U.S. House of Representatives
2338 Rayburn House Office Building
Washington, DC 20515

Dear Chairman Whitfield, Speaker Lindqvist and Whip Delaney:

We write to ask that the river restoration bill be brought to the floor before the
August recess, as the committee voted unanimously to report it.

Respectfully,

Alliance for Clean Rivers
"""


def test_an_addressee_without_honorific_whose_office_names_the_house_is_a_new_addressee() -> None:
    # "Majority Whip, U.S. House of Representatives" is an office, not an address line, so
    # "Marcus Delaney" above it opens a third inside address
    letter = ingest_text(FOUR_HOUSE_LEADERS).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == [
        "Dana Whitfield",
        "Omar Lindqvist",
        "Marcus Delaney",
    ]


OPEN_LETTER_TO_MANY = """\
An open letter on the closure of the coastal monitoring stations

To colleagues, journalists, policymakers, and the public:

We are oceanographers who have relied on the coastal monitoring stations for two decades,
and we write to ask that their closure be reversed before the winter storm season.

Sincerely,

Dr. Ines Carvalho
Dr. Tomas Berg
"""


def test_a_greeting_to_colleagues_journalists_and_the_public_opens_the_letter() -> None:
    letter = ingest_text(OPEN_LETTER_TO_MANY).letter
    assert letter is not None
    assert letter.salutation == "To colleagues, journalists, policymakers, and the public:"
    assert letter.addressees == []
    assert [s.name for s in letter.signatories] == ["Dr. Ines Carvalho", "Dr. Tomas Berg"]


THANK_YOU_SO_MUCH = """\
Dear Members of the Committee,

Please vote against the amendment on Thursday: it would require every platform to filter
uploads before publication, and small sites cannot afford to do that.

Thank you so much!

Priya Raman
"""


def test_thank_you_so_much_closes_a_letter_before_its_signer() -> None:
    letter = ingest_text(THANK_YOU_SO_MUCH).letter
    assert letter is not None
    assert letter.complimentary_close == "Thank you so much!"
    assert [s.name for s in letter.signatories] == ["Priya Raman"]


LINK_POST_ABOUT_A_LETTER = """\
An Open Letter to the Library Board →

Being the only branch open on Sundays, you would think the board would at least ask the \
people who use it before cutting the hours, and you would be wrong about that, as the \
minutes of the last meeting show.

Spoiler: they did not.
"""


def test_a_link_post_under_an_open_letter_title_with_no_close_or_signer_is_not_a_letter() -> None:
    result = ingest_text(LINK_POST_ABOUT_A_LETTER)
    assert result.kind != "letter"


ORGANISATION_WITH_ITS_ADDRESS = """\
Dear Minister,

We urge you to support the restraint initiative at the September meeting and to bring
other states with you.

Yours sincerely,
Institute for Peace Studies
The Graduate School, Riverside University
365 Harbor Avenue, Suite 5203
Springfield, IL 62701, USA
"""

FRENCH_TO_THE_MAYOR = """\
A Monsieur le Maire et le Conseil municipal
Objet : L'arbre de la place du marché
Le lendemain de la fête, l'arbre de la place a été coupé, et les habitants du bourg
attendent une explication de la municipalité sur ce qui s'est passé cette nuit-là.
Je souhaite que cette lettre soit lue au prochain conseil municipal.
Meilleures salutations
"""


def test_an_organisation_over_its_postal_address_is_one_signer() -> None:
    letter = ingest_text(ORGANISATION_WITH_ITS_ADDRESS).letter
    assert letter is not None
    assert [(s.name, s.kind) for s in letter.signatories] == [
        ("Institute for Peace Studies", "organization")
    ]


def test_a_french_a_before_monsieur_is_not_part_of_the_addressee() -> None:
    letter = ingest_text(FRENCH_TO_THE_MAYOR).letter
    assert letter is not None
    assert [(a.honorific, a.name) for a in letter.addressees] == [
        ("Monsieur", "le Maire et le Conseil municipal")
    ]
    assert letter.complimentary_close == "Meilleures salutations"


ACTION_PAGE_MEMO = """\
- Campaigns
- Letters
Climate
To: Gov. Alvarez
From: A constituent in Eugene, OR
March 14
Dear Governor Alvarez,
I am writing to ask you to veto the pipeline permit bill when it reaches your desk, and to
protect the river that three towns rely on for their drinking water.
Sincerely,
Mira Castellanos
"""


def test_a_memo_to_line_after_a_menu_is_the_addressee_and_a_yearless_date_no_address() -> None:
    letter = ingest_text(ACTION_PAGE_MEMO).letter
    assert letter is not None
    assert len(letter.addressees) == 1
    person = letter.addressees[0]
    assert person.name == "Gov. Alvarez"
    assert [*person.title_lines, *person.address_lines] == []
    assert letter.date is None


TEMPLATE_PAGE_WITH_A_PROMPT = """\
Letter to Your Representative

Below is a sample letter to send to your representative before the vote.

Find your Representative's contact information.

Dear Representative <Last Name>,

I am asking for your support of the clean water bill when it reaches the floor next week.
It would protect the wells that families in our county rely on.

<Your Name>
"""


def test_a_page_prompt_above_a_template_letter_is_not_its_addressee() -> None:
    letter = ingest_text(TEMPLATE_PAGE_WITH_A_PROMPT).letter
    assert letter is not None
    assert letter.addressees == []
    assert letter.salutation == "Dear Representative <Last Name>,"


SPANISH_NO_GREETING = """\
Santa Rosa, 16 de octubre de 2023

Señor
Alcalde Tomás Ibarra y Concejo Municipal
Presente:

Por medio de la presente nos dirigimos a ustedes para solicitar una sede social para la
junta de vecinos, que lleva más de treinta años reuniéndose en la plaza del barrio.

Agradeciendo su acogida y esperando una respuesta favorable.

Saluda atentamente a Uds.

Ana Beltrán
Secretaria, Junta de Vecinos Los Olivos

(en representación de la asamblea)

También podría gustarte
"""


def test_a_spanish_letter_whose_address_ends_in_presente_needs_no_greeting() -> None:
    result = ingest_text(SPANISH_NO_GREETING)
    assert result.kind == "letter"
    letter = result.letter
    assert letter is not None
    assert str(letter.date) == "2023-10-16"
    assert letter.complimentary_close == "Saluda atentamente a Uds."
    assert [s.name for s in letter.signatories] == ["Ana Beltrán"]
    assert letter.signatories[0].title_lines[-1] == "(en representación de la asamblea)"


BLOG_LETTER_WITH_COMMENTS = """\
Dear Councillors,

At its last meeting the residents' association resolved unanimously to ask the council
how it will restore full representation to the west ward before the next budget.

Yours sincerely

{Please see the councillors' replies below}


7 thoughts on "Representation in the west ward"

Leave a Reply
"""


def test_an_editors_note_in_braces_and_a_comment_count_are_not_signers() -> None:
    letter = ingest_text(BLOG_LETTER_WITH_COMMENTS).letter
    assert letter is not None
    assert letter.complimentary_close == "Yours sincerely"
    assert letter.signatories == []


@pytest.mark.parametrize(
    "name_line",
    [
        "Secretary of State Harold T. Wexley",
        "Rt Hon Prime Minister Tamsin Okafor",
        "H.E. President Elena Marsh",
    ],
)
def test_an_office_written_before_the_name_stays_on_the_name_line(name_line: str) -> None:
    # read as name + title line (the shared corpus's convention), but the letter read back
    # renders the name line as it was written, not the office on a line of its own
    from draftkit.render import render_text

    text = (
        f"{name_line}\nGovernment House\nPort Amal\n\nDear Sir,\n\n"
        "We write to ask that the detained journalists be released before the end of the "
        "month.\n\nYours sincerely,\n\nAna Ruiz\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    person = letter.addressees[0]
    assert person.title_before_name
    assert render_text(letter).splitlines()[:3] == [name_line, "Government House", "Port Amal"]


PREFECT_LETTER = """\
Madame la Préfète,

Les habitants du quartier des Tanneries attendent depuis deux ans la réouverture de la
passerelle piétonne fermée après la crue.

Nous vous demandons de fixer une date pour les travaux avant la fin de l'année.

Camille ROUX
Conseillère municipale
"""


def test_a_surname_in_capitals_is_a_name_and_the_role_under_it_is_no_second_signer() -> None:
    letter = ingest_text(PREFECT_LETTER).letter
    assert letter is not None
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Camille ROUX", ["Conseillère municipale"])
    ]


def test_letters_after_a_name_need_a_comma_unless_they_are_known_degrees() -> None:
    from draftkit.ingest import names

    assert names.is_person_name("Camille ROUX")
    assert names.is_person_name("Ana Ruiz, FRS")
    assert names.is_person_name("Ana Ruiz MD")


FIRST_NAME_SIGNER = """\
Dear Ambassador Okonjo,

Thank you for meeting our youth delegation at the regional forum last month and for
listening to our proposals on school meals.

We ask your office to hold a youth consultation before the next session.

Sincerely,
Mirela
Student Council Representative
"""


def test_a_signer_by_first_name_keeps_the_role_line_under_it() -> None:
    letter = ingest_text(FIRST_NAME_SIGNER).letter
    assert letter is not None
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Mirela", ["Student Council Representative"])
    ]


PAGE_COPY_NO_BLANKS = """\
Skip to content
Notes from the river ward
Letter on the bus depot
March 4, 2022 · 2 min read
A short letter I sent to the transit board this week about the depot plans.
3 March 2022
Dear Transit Board Members,
The plan to move the bus depot to the flood plain would leave the north routes without a
garage for months each spring, and I ask you to keep the depot where it is.
Sincerely, Tomas J. Varga
Tags:
transit
"""


def test_a_date_right_above_the_greeting_and_a_close_run_into_an_initialled_name() -> None:
    letter = ingest_text(PAGE_COPY_NO_BLANKS).letter
    assert letter is not None
    assert letter.date is not None and letter.date.isoformat() == "2022-03-03"
    assert letter.complimentary_close == "Sincerely,"
    assert [s.name for s in letter.signatories] == ["Tomas J. Varga"]


MODEL_OBJECTION = """\
Model Letter


Ruth Calloway
Head of Development Control
Civic Offices
Mill Lane


Dear Madam.

Please record my objection to the application for a drive-through on the corner of Mill
Lane, which would bring queues of cars past the primary school at drop-off time.

Yours faithfully
"""


def test_a_greeting_with_a_full_stop_and_a_heading_naming_the_letter() -> None:
    letter = ingest_text(MODEL_OBJECTION).letter
    assert letter is not None
    assert letter.salutation == "Dear Madam."
    assert [a.name for a in letter.addressees] == ["Ruth Calloway"]
    assert letter.addressees[0].title_lines[:1] == ["Head of Development Control"]


CLOSE_AT_PARAGRAPH_END = """\
Dear Councillor Haddad,

The crossing at Elm Street has no lights, and children walk across it to the school every
morning. Please put a signalled crossing on the works list for next year. Thank you for
your time. Yours sincerely,

Leila Mensah
"""


def test_a_valediction_at_the_end_of_the_last_paragraph() -> None:
    letter = ingest_text(CLOSE_AT_PARAGRAPH_END).letter
    assert letter is not None
    assert letter.complimentary_close == "Yours sincerely,"
    assert letter.body[-1].endswith("Thank you for your time.")
    assert [s.name for s in letter.signatories] == ["Leila Mensah"]


LETTERHEAD_WITH_DATE_UNDER_IT = """\
ASSOCIATION DES JARDINS DU CANAL
4 quai des Tanneurs
69002 LYON
Lyon, le 7 mars 2023

À l'attention de la Maire du 2e arrondissement
2 rue d'Enghien
69002 Lyon

Madame la Maire,

Les jardins partagés du quai perdront leur accès à l'eau à la fin du mois, et nous vous
demandons de maintenir la borne jusqu'à la fin de la saison.

Nous vous prions d'agréer, Madame la Maire, l'expression de nos salutations distinguées.

Lucie FAVRE
Présidente
"""


def test_the_date_under_a_letterhead_with_no_blank_line_is_the_letters() -> None:
    letter = ingest_text(LETTERHEAD_WITH_DATE_UNDER_IT).letter
    assert letter is not None
    assert letter.date is not None and letter.date.isoformat() == "2023-03-07"
    assert len(letter.addressees) == 1


TEMPLATE_SIGNATURE = """\
Dear [Council Member Name],

I live in [your neighbourhood] and I am writing to ask you to vote for the tenant
protection ordinance when it comes before the council next week.

Thank you for your time.

Sincerely,

[Your name]
[Your street address]
[Email address]
"""


def test_a_templates_blanks_under_the_close_are_one_signer_to_fill_in() -> None:
    letter = ingest_text(TEMPLATE_SIGNATURE).letter
    assert letter is not None
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("[Your name]", ["[Your street address]", "[Email address]"])
    ]


def test_an_organisation_signing_above_a_blank_for_the_co_signer_is_kept() -> None:
    text = TEMPLATE_SIGNATURE.replace(
        "[Your name]\n[Your street address]\n[Email address]\n",
        "Riverside Tenants Union\n[Your organisation here]\n",
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Riverside Tenants Union",
        "[Your organisation here]",
    ]


ON_BEHALF_BASE = """\
Dear Minister,

We ask you to reopen the footbridge before the winter, as the detour adds an hour to every
trip the children make to school.

Yours sincerely,

{line}
{signer}
"""


@pytest.mark.parametrize(
    "line",
    [
        "For the Harbour Residents Association,",
        "Pour le Collectif des jardins du canal",
        "Per il Comitato di quartiere Ronco",
        "Por la Asamblea Vecinal del Centro",
        "Au nom de la Fédération des parents",
        "Em nome da Associação de Moradores",
    ],
)
def test_signing_for_a_body_is_no_signer_of_its_own(line: str) -> None:
    letter = ingest_text(ON_BEHALF_BASE.format(line=line, signer="Marta Delgado")).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Marta Delgado"]


@pytest.mark.parametrize(
    ("office", "name"),
    [("La Presidente", "Giulia Ferri"), ("Le Président,", "Henri Lacombe")],
)
def test_the_office_written_above_the_name_is_the_signers(office: str, name: str) -> None:
    letter = ingest_text(ON_BEHALF_BASE.format(line=office, signer=name)).letter
    assert letter is not None
    assert [(s.name, s.title_lines) for s in letter.signatories] == [(name, [office.rstrip(",")])]


def test_for_the_record_is_not_read_as_signing_for_a_body() -> None:
    text = ON_BEHALF_BASE.format(line="For the record", signer="Marta Delgado")
    letter = ingest_text(text).letter
    assert letter is not None
    assert "For the record" in [s.name for s in letter.signatories]


SIGNER_HEAD = """\
Dear Senator Alvarez,

We write to urge you to support the clean water bill when it reaches the floor next week.

Sincerely,

"""


def test_a_name_and_title_on_one_line_over_the_body_she_signs_for() -> None:
    text = SIGNER_HEAD + "Noor Haddad, Executive Director\nDelta Water Watch\n"
    letter = ingest_text(text).letter
    assert letter is not None
    [signer] = letter.signatories
    assert (signer.name, signer.title_lines, signer.organization) == (
        "Noor Haddad",
        ["Executive Director"],
        "Delta Water Watch",
    )


def test_names_each_after_a_title_are_separate_signers() -> None:
    text = SIGNER_HEAD + "Dr. Ines Moreau\nProf. Tariq Bello\nRev. Ada Lindqvist\n"
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Dr. Ines Moreau",
        "Prof. Tariq Bello",
        "Rev. Ada Lindqvist",
    ]


FACTS_LIST = """\
Dear Minister,

We write about the press in the northern province. Since January:

1. Fourteen journalists were arrested.
2. Three newspapers were closed.
3. Two news websites were blocked.

We hope to discuss these events with your office.

Sincerely,

Jane Doe
"""


def test_a_numbered_list_of_facts_is_not_a_list_of_asks() -> None:
    letter = ingest_text(FACTS_LIST).letter
    assert letter is not None
    assert letter.asks == []
    instructions = FACTS_LIST.replace(
        "1. Fourteen journalists were arrested.", "1. Release the journalists."
    ).replace("2. Three newspapers were closed.", "2. The newspapers should be reopened.")
    letter = ingest_text(instructions).letter
    assert letter is not None
    assert len(letter.asks) == 3


def test_a_press_releases_end_mark_ends_the_quoted_letters_signers() -> None:
    text = (
        "FOR IMMEDIATE RELEASE\n\nGroups write to the Secretary on legal aid\n\n"
        "The full letter reads:\n\nDear Secretary Blake,\n\nWe urge you to restore funding "
        "for legal aid in the immigration courts this year.\n\nSincerely,\n\n"
        "Riverside Immigrant Rights Coalition\nHarbor Legal Aid Society\n\n###\n\n"
        "About the coalition\nMedia contact: press@example.org\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Riverside Immigrant Rights Coalition",
        "Harbor Legal Aid Society",
    ]


PETITION_TO_COLLECTOR = """\
To,
The Block Development Officer,
Hadapsar Block,
Panchayat Samiti Office,
Pune - 411028.

Sub: Repair of the culvert on the school road at Manjri.

Respected Sir,

The culvert on the school road collapsed in the rains of 14.07.2024 and the children now
walk through the stream to reach the school.

We request you to sanction the repair before the schools reopen.

Yours faithfully,

For Manjri Parents Committee

1. Smt. Meera Jagtap
2. Shri Ganesh Shinde

Place: Pune
Date: 05/08/2024

Copy to:
1. The Sarpanch, Gram Panchayat Manjri.
2. The Headmaster, Zilla Parishad School, Manjri.
"""


def test_a_formal_indian_petition_letter_reads_whole() -> None:
    letter = ingest_text(PETITION_TO_COLLECTOR).letter
    assert letter is not None
    assert letter.subject == "Repair of the culvert on the school road at Manjri."
    assert len(letter.addressees) == 1
    assert [s.name for s in letter.signatories] == ["Smt. Meera Jagtap", "Shri Ganesh Shinde"]
    # day first, as the letter's other date (14.07.2024) shows
    assert letter.date is not None and letter.date.isoformat() == "2024-08-05"
    assert len(letter.cc) == 2


def test_an_ambiguous_numeric_date_is_read_by_the_letters_conventions() -> None:
    # no other date, but an Indian petition's forms ("Respected Sir", "Shri", "Smt.")
    text = PETITION_TO_COLLECTOR.replace("rains of 14.07.2024", "rains of July")
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.date is not None and letter.date.isoformat() == "2024-08-05"
    american = (
        "05/08/2024\n\nThe Honorable Ana Ruiz\nUnited States Senate\nWashington, DC 20510\n\n"
        "Dear Senator Ruiz:\n\nWe ask you to cosponsor the bill before the recess.\n\n"
        "Sincerely,\n\nCoastal Families Network\n"
    )
    letter = ingest_text(american).letter
    assert letter is not None and letter.date is not None
    assert letter.date.isoformat() == "2024-05-08"


def test_an_ambiguous_numeric_date_stays_month_first_without_evidence() -> None:
    text = (
        "05/08/2024\n\nDear friends,\n\nWe ask you to join the vigil on Saturday and to bring "
        "a candle.\n\nBest,\n\nRiverside Vigil Committee\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None and letter.date is not None
    assert letter.date.isoformat() == "2024-05-08"


MEMO_TO_COUNCIL = """\
MEMORANDUM

TO:      Chair Dana Okafor, Riverside Planning Commission
FROM:    Riverside Walkable Streets
CC:      Luis Ortega, Planning Director; Office of the Commission Secretary
DATE:    April 2, 2025
RE:      Item 4 - Parking minimums on the Harbor Road corridor

Riverside Walkable Streets submits this memorandum before the Commission's hearing on
parking minimums along the Harbor Road corridor.

The corridor's new buses run every ten minutes, yet each new home there must still come
with two parking spaces, which adds about a fifth to what it costs to build.

We ask the Commission to remove the parking minimums on the corridor.
"""


def test_a_memo_to_officials_is_a_letter_with_its_header_read() -> None:
    result = ingest_text(MEMO_TO_COUNCIL)
    letter = result.letter
    assert result.kind == "letter" and letter is not None
    assert letter.date is not None and letter.date.isoformat() == "2025-04-02"
    assert letter.subject == "Item 4 - Parking minimums on the Harbor Road corridor"
    assert letter.sender is not None
    assert letter.sender.organization == "Riverside Walkable Streets"
    assert [a.name for a in letter.cc] == ["Luis Ortega", "Office of the Commission Secretary"]
    assert letter.addressees[0].name == "Dana Okafor"


def test_two_cc_lines_each_a_name_with_its_office_are_two_entries() -> None:
    text = SIGNER_HEAD + (
        "Jane Doe\n\ncc:  Secretary Tomas Okafor, Department of Water Resources\n"
        "     Senator Ines Varga, Chair, Senate Committee on Natural Resources\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.cc] == ["Tomas Okafor", "Ines Varga"]


def test_a_labelled_paragraph_of_signers_ending_in_a_conjunction() -> None:
    text = SIGNER_HEAD.replace("Sincerely,\n\n", "Atentamente,\n\n") + (
        "Organizaciones firmantes: Colectivo Agua Viva, Fundación Los Sauces, "
        "Red de Huertas Urbanas (REHU) y Mesa Vecinal del Oeste.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Colectivo Agua Viva",
        "Fundación Los Sauces",
        "Red de Huertas Urbanas (REHU)",
        "Mesa Vecinal del Oeste",
    ]


FRENCH_FORMULA_THEN_LIST = """\
Monsieur le Ministre,

Les associations de parents d'élèves de la métropole vous alertent sur la fermeture
annoncée de quarante classes à la rentrée prochaine.

Nous vous prions de croire, Monsieur le Ministre, à l'assurance de notre haute considération.

Les organisations signataires :

Fédération des Parents du Rhône
Collectif Écoles Ouvertes Villeurbanne
Association des Familles de la Croix-Rousse
"""


def test_a_french_formula_then_a_labelled_list_of_signers() -> None:
    letter = ingest_text(FRENCH_FORMULA_THEN_LIST).letter
    assert letter is not None
    assert letter.closing[-1].startswith("Nous vous prions de croire")
    assert [s.name for s in letter.signatories] == [
        "Fédération des Parents du Rhône",
        "Collectif Écoles Ouvertes Villeurbanne",
        "Association des Familles de la Croix-Rousse",
    ]


SIGN_ON_PAGE_COUNTER = """\
Dear Mayor Lindqvist,

Please light the riverside path between the two bridges before the dark evenings come.

Yours faithfully,
The undersigned residents and walkers of Eastbank
1,204
people have signed
Goal: 2,000
Add your name
First name
Last name
Email
Sign the letter
"""


def test_a_group_signature_and_a_live_counter_are_no_signers() -> None:
    letter = ingest_text(SIGN_ON_PAGE_COUNTER).letter
    assert letter is not None
    assert letter.complimentary_close == "Yours faithfully,"
    assert letter.signatories == []


PRESS_RELEASE_ABOUT_A_LETTER = """\
FOR IMMEDIATE RELEASE
March 2, 2026

Media contact:
Rev. Ada Lindqvist, Eastbank Faith Network, (555) 010-2233

Open letter urges the Governor to protect the Eastbank aquifer

DUNMORE, Pa. - Twenty groups sent an open letter to Governor Ruiz on Monday asking her to
halt new drilling permits above the Eastbank aquifer until a full study is done.

The letter opens:

"The twenty undersigned groups write to ask you to protect the aquifer that three towns
drink from."

"Our wells are all we have," said Rev. Lindqvist.

The letter asks the Governor to:
• pause new permits above the aquifer;
• fund an independent study of the wells.

###
"""


def test_a_press_release_about_a_letter_under_a_title_naming_it_is_no_letter() -> None:
    result = ingest_text(PRESS_RELEASE_ABOUT_A_LETTER)
    assert result.kind == "press-release"


def test_a_memo_header_in_capitals_names_its_reader() -> None:
    text = MEMO_TO_COUNCIL.replace("TO:      Chair Dana Okafor, Riverside Planning Commission",
                                   "TO:      The Riverside Planning Commission")  # fmt: skip
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["The Riverside Planning Commission"]


PUBLIC_COMMENT = """\
HARBOR TENANTS LEGAL CLINIC
14 Dock Street · Portland, ME 04101


June 3, 2025

Submitted via regulations.gov

Office of the General Counsel
Department of Housing
451 7th Street SW
Washington, DC 20410

Re:  Docket No. FR-0000-P-01; Proposed Rule on Tenant Screening

Dear Sir or Madam:

The Harbor Tenants Legal Clinic submits these comments on the proposed rule and asks the
Department to withdraw it.

Respectfully submitted,

Ines Moreau
Director
"""


def test_a_public_comments_date_above_its_submission_line() -> None:
    letter = ingest_text(PUBLIC_COMMENT).letter
    assert letter is not None
    assert letter.date is not None and letter.date.isoformat() == "2025-06-03"
    assert letter.addressees[0].title_lines[:1] == ["Office of the General Counsel"] or (
        letter.addressees[0].name == "Office of the General Counsel"
    )


@pytest.mark.parametrize(
    ("title", "opening"),
    [
        (
            "Lettre adressée à la ministre de la Santé au sujet des urgences",
            "Nous vous écrivons au nom des soignantes et soignants du service des urgences",
        ),
        (
            "Carta al Gobernador sobre el agua del valle",
            "Nosotros, vecinos del valle, le escribimos porque el río se ha secado",
        ),
    ],
)
def test_a_letter_under_a_title_naming_it_in_french_or_spanish(title: str, opening: str) -> None:
    text = (
        f"{title}\n\n{opening} de notre région depuis le printemps, et nous vous demandons "
        "de rouvrir le service de nuit avant l'hiver.\n\nLes fermetures répétées laissent "
        "des familles sans recours la nuit, et vous seule pouvez décider de leur fin.\n\n"
        "Nous comptons sur vous pour agir rapidement.\n"
    )
    result = ingest_text(text)
    assert result.kind == "letter"


@pytest.mark.parametrize("label", ["Sent to:", "Envoyé à :", "Enviado a:"])
def test_an_inside_address_after_the_letter_under_its_label(label: str) -> None:
    text = (
        "Dear Prime Minister,\n\nWe ask you to fund the winter shelters before the waiting "
        "lists grow any longer.\n\nSincerely,\n\nAna Ruiz\nRiverside Shelter Network\n\n"
        f"{label}\nThe Rt Hon Jane Roe\nPrime Minister\n80 Wellington Street\nOttawa, ON K1A 0A2\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    [person] = letter.addressees
    assert (person.honorific, person.name, person.title_lines) == (
        "The Rt Hon",
        "Jane Roe",
        ["Prime Minister"],
    )
    assert [s.name for s in letter.signatories] == ["Ana Ruiz"]


def test_the_recipient_named_by_a_greeting_leaves_out_etc() -> None:
    text = (
        "Dear Senator, Assemblyman, etc,\n\nPlease vote for the school bus safety bill when it "
        "comes to the floor this month.\n\nSincerely,\n\nMarta Delgado\n"
    )
    result = ingest_text(text)
    assert result.found["addressee_from_salutation"] == "Senator, Assemblyman"


SPANISH_SIGNERS_UNDER_LABEL = """\
Asunción, 3 de marzo de 2026

Señora Ministra de Educación
P R E S E N T E

Ref.: Pedido de reapertura de las escuelas rurales

De nuestra mayor consideración:

Las organizaciones que suscriben solicitan la reapertura de las escuelas rurales cerradas
durante el verano.

Atentamente,

Firmantes: Colectivo Aula Abierta, Fundación Ñandú, Red de Maestras Rurales y \
Asociación de Familias del Chaco (AFCH).
"""


def test_signers_in_a_labelled_paragraph_after_the_close() -> None:
    letter = ingest_text(SPANISH_SIGNERS_UNDER_LABEL).letter
    assert letter is not None
    assert letter.subject == "Pedido de reapertura de las escuelas rurales"
    assert letter.complimentary_close == "Atentamente,"
    assert [s.name for s in letter.signatories] == [
        "Colectivo Aula Abierta",
        "Fundación Ñandú",
        "Red de Maestras Rurales",
        "Asociación de Familias del Chaco (AFCH)",
    ]


CAMPAIGN_PAGE_COPY = """\
Open letters
Open letter to the Minister: keep the shelf closed
22 July 2026 | 3 min read
The letter below was delivered on 20 July 2026 with the first signatures.
To: The Hon. Mara Quinlan MP
Minister for Resources
Parliament House, Canberra ACT 2600
Dear Minister,
We are marine scientists, and we ask you to keep the northern shelf out of this year's
acreage release until a survey of its reefs is done.
Yours sincerely,
Dr Ines Moreau, Reef Ecologist, Northern Marine Institute
Prof. Tariq Bello, School of Earth Sciences, Coastal University
...and 212 more scientists. See the full list
"""


def test_a_to_line_under_page_text_and_the_rest_of_a_list_left_out() -> None:
    letter = ingest_text(CAMPAIGN_PAGE_COPY).letter
    assert letter is not None
    [person] = letter.addressees
    assert (person.honorific, person.name) == ("The Hon.", "Mara Quinlan MP") or (
        person.name is not None and "Mara Quinlan" in person.name
    )
    assert [s.name for s in letter.signatories] == ["Dr Ines Moreau", "Prof. Tariq Bello"]


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


MEMO_WITH_TWO_SENDERS = """\
MEMORANDUM

TO:      HON. MARIA L. SANTOS
         Secretary, Department of Agrarian Reform
         Quezon City

FROM:    Atty. Paolo R. Cruz, Chairperson
         Atty. Liza M. Reyes, Vice-Chairperson

DATE:    12 March 2026

RE:      Draft order on farm lot titles

Madam Secretary:

The Circle asks the Department to withdraw Section 4 of the draft order before the
consultation, as it would cancel titles without notice to the farmers who hold them.

For the Secretary's kind consideration.

(Sgd.) Atty. Paolo R. Cruz
Chairperson

(Sgd.) Atty. Liza M. Reyes
Vice-Chairperson
"""


def test_a_memo_with_two_senders_and_typed_copies_of_signatures() -> None:
    letter = ingest_text(MEMO_WITH_TWO_SENDERS).letter
    assert letter is not None
    assert len(letter.addressees) == 1
    # the typed mark where the signature was is set aside, as "/s/" is (--explain shows it)
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Atty. Paolo R. Cruz", ["Chairperson"]),
        ("Atty. Liza M. Reyes", ["Vice-Chairperson"]),
    ]


EXPORTED_ADDRESS = """\
January 19, 2026

The Honourable Mara Quinlan

Minister of Health

Province of Nova Scotia

1690 Hollis Street

Halifax, NS B3J 2R8

Dear Minister Quinlan:

We ask you to keep the hospital cleaning contracts in public hands, as our members have
kept the wards safe through three winters of outbreaks.

Respectfully yours,

Dana Okafor
"""


def test_an_address_with_a_paragraph_for_each_line_as_a_word_processor_exports_it() -> None:
    letter = ingest_text(EXPORTED_ADDRESS).letter
    assert letter is not None
    [person] = letter.addressees
    assert person.name is not None and "Mara Quinlan" in person.name
    assert [*person.title_lines, *person.address_lines] == [
        "Minister of Health",
        "Province of Nova Scotia",
        "1690 Hollis Street",
        "Halifax, NS B3J 2R8",
    ]


SIDE_BY_SIDE_ADDRESSES = """\
April 14, 2026

The Honorable Ruth Castellano              The Honorable Owen Pryce
Chair                                      Ranking Member
Subcommittee on Africa                     Subcommittee on Africa
U.S. House of Representatives              U.S. House of Representatives
Washington, DC 20515                       Washington, DC 20515

Dear Chair Castellano and Ranking Member Pryce:

We write about the famine warnings for the Sahel and ask that the subcommittee hold a
hearing on the response before the lean season.

Sincerely,

Sahel Relief Alliance
"""


def test_two_inside_addresses_set_side_by_side_with_spaces_are_two_addressees() -> None:
    letter = ingest_text(SIDE_BY_SIDE_ADDRESSES).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Ruth Castellano", "Owen Pryce"]
    assert [a.title_lines for a in letter.addressees] == [
        ["Chair", "Subcommittee on Africa"],
        ["Ranking Member", "Subcommittee on Africa"],
    ]
    assert letter.addressees[1].address_lines == [
        "U.S. House of Representatives",
        "Washington, DC 20515",
    ]


INDIAN_UNION_LETTER = """\
Ref: TWF/2026/07
Date: 9th January 2026

To,
The Hon'ble Minister of Textiles,
Government of India,
Udyog Bhawan,
New Delhi – 110011

Subject: Wages of powerloom workers

Respected Sir,

We write on behalf of the federation's member unions about the wage arrears owed to
powerloom workers since the mills closed in October.

Thanking you,

Yours faithfully,

(Sd/-)
Meera Kulkarni
General Secretary, Powerloom Workers' Federation

Annexure 1: Statement of arrears by district
Annexure 2: Minutes of the district meetings
"""


def test_a_typed_signature_mark_is_not_a_signer_and_annexures_are_enclosures() -> None:
    letter = ingest_text(INDIAN_UNION_LETTER).letter
    assert letter is not None
    [signer] = letter.signatories
    assert signer.name == "Meera Kulkarni"
    assert signer.title_lines == ["General Secretary, Powerloom Workers' Federation"]
    assert letter.enclosures == [
        "Statement of arrears by district",
        "Minutes of the district meetings",
    ]


PORTUGUESE_LETTER = """\
Exmo. Senhor
Dr. Rui Tavares Neves
Ministro do Ambiente
Rua de O Século, 51
1200-433 Lisboa

Porto, 20 de abril de 2026

Assunto: Proteção do estuário do Sado

Exmo. Senhor Ministro,

As associações abaixo assinadas pedem a suspensão das dragagens no estuário até à
publicação do estudo de impacte ambiental.

Com os melhores cumprimentos,

Liga para a Proteção da Natureza
Associação Sado Vivo
"""


def test_a_portuguese_letter_with_the_honorific_on_its_own_line() -> None:
    letter = ingest_text(PORTUGUESE_LETTER).letter
    assert letter is not None
    [person] = letter.addressees
    assert (person.honorific, person.name) == ("Exmo. Senhor Dr.", "Rui Tavares Neves")
    assert person.title_lines == ["Ministro do Ambiente"]
    assert person.address_lines == ["Rua de O Século, 51", "1200-433 Lisboa"]
    assert letter.salutation == "Exmo. Senhor Ministro,"
    assert letter.complimentary_close == "Com os melhores cumprimentos,"
    assert [s.name for s in letter.signatories] == [
        "Liga para a Proteção da Natureza",
        "Associação Sado Vivo",
    ]


EMAILED_LETTER_ON_A_BLOG = """\
Riverside Notes

  • Home
  • About

Why I wrote to the council leader

Tomás Reilly

Mar 2, 2026• 2 min read

Several readers asked for the text, so here it is.

From: Tomás Reilly <tomas.reilly@mailbox.example>
To: Councillor Aoife Brennan
Sent: Sunday, 1 March 2026 at 20:41
Subject: Closing the Eastside library on Saturdays

Dear Councillor Brennan,

The Saturday hours are the only time many working parents can bring their children to
the library, and the proposal to close on Saturdays would end that.

Yours sincerely,
Tomás Reilly
"""


def test_a_letter_sent_as_an_email_takes_its_date_subject_and_addressee_from_the_header() -> None:
    letter = ingest_text(EMAILED_LETTER_ON_A_BLOG).letter
    assert letter is not None
    assert str(letter.date) == "2026-03-01"
    assert letter.subject == "Closing the Eastside library on Saturdays"
    [person] = letter.addressees
    assert person.name is not None and person.name.endswith("Aoife Brennan")
    assert [s.name for s in letter.signatories] == ["Tomás Reilly"]


EMAIL_TO_AN_ADDRESS = """\
From: Nadia Karim <nadia@example.org>
Sent: Tuesday, 3 March 2026 09:14
To: minister@health.example
Cc: ps@health.example; director@health.example
Subject: Clinic closures in the northern districts

Dear Minister,

We ask you to keep the four clinics open until the review of rural health services ends.

Kind regards,
Nadia Karim
"""


def test_an_email_header_with_addresses_only_names_no_addressee_and_copies_no_one() -> None:
    letter = ingest_text(EMAIL_TO_AN_ADDRESS).letter
    assert letter is not None
    assert str(letter.date) == "2026-03-03"
    # "To: minister@…", "Cc: ps@…; director@…": addresses, not officials written to
    assert letter.addressees == []
    assert letter.cc == []
    assert letter.subject == "Clinic closures in the northern districts"


def test_an_email_header_over_a_letter_with_its_own_address_is_routing() -> None:
    text = (
        "From: Policy Team <policy@example.org>\n"
        "To: Office of Senator Ada Morrow <correspondence@example.gov>\n"
        "Cc: legislative.director at example.gov\n"
        "Sent: Tuesday, February 3, 2026 9:12 AM\n"
        "Subject: Request to co-sponsor the Clean Water Act amendments\n\n"
        "The Honorable Ada Morrow\nUnited States Senate\nWashington, DC 20510\n\n"
        "Dear Senator Morrow:\n\nWe urge you to co-sponsor the amendments this month.\n\n"
        "Sincerely,\n\nRiver Towns Coalition\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Ada Morrow"]
    assert letter.cc == []
    assert letter.subject == "Request to co-sponsor the Clean Water Act amendments"
    assert str(letter.date) == "2026-02-03"


def test_a_numeric_date_is_read_day_first_on_a_page_that_writes_its_dates_day_first() -> None:
    text = (
        "Posted on 6 April 2026\n\nTo,\nThe Commissioner,\nMunicipal Corporation,\nPune\n\n"
        "Date: 03/04/2026\n\nRespected Sir,\n\nWe request that the water supply schedule "
        "for the eastern wards be published a week in advance.\n\nYours faithfully,\n\n"
        "Ward Residents' Association\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert str(letter.date) == "2026-04-03"


SPANISH_LETTER_TO_A_MINISTER = """\
Excmo. Sr. D. Julián Herrera Campos
Ministro del Interior
Paseo de la Castellana, 5
28046 Madrid

Madrid, a 14 de mayo de 2026

Excelentísimo Señor:

Las organizaciones firmantes le solicitamos que publique los protocolos de actuación en
los centros de internamiento de extranjeros.

Atentamente,

Fundación Horizonte Migrante
"""


def test_a_spanish_letter_with_excelentisimo_and_a_madrid_a_dateline() -> None:
    letter = ingest_text(SPANISH_LETTER_TO_A_MINISTER).letter
    assert letter is not None
    assert letter.salutation == "Excelentísimo Señor:"
    assert str(letter.date) == "2026-05-14"
    assert letter.place == "Madrid"
    [person] = letter.addressees
    assert person.name == "Julián Herrera Campos"
    assert person.address_lines == ["Paseo de la Castellana, 5", "28046 Madrid"]


COMMONWEALTH_UNION_LETTER = """\
Ref: NUT/MOH/11/2026
Date: 4/5/2026

The Honourable Minister of Health
Ministry of Health
Private Bag 12
Lusaka

Dear Honourable Minister,

RE: PAYMENT OF\u00ad RURAL HARDSHIP ALLOWANCES TO NURSES

We write on behalf of the nurses posted to rural health centres, whose hardship allowances
have not been paid since January.

In solidarity and hope,

Zambia Nurses' Union
"""


def test_a_file_reference_is_not_the_subject_and_a_commonwealth_letter_dates_day_first() -> None:
    letter = ingest_text(COMMONWEALTH_UNION_LETTER).letter
    assert letter is not None
    assert letter.subject == "PAYMENT OF RURAL HARDSHIP ALLOWANCES TO NURSES"  # soft hyphen gone
    assert str(letter.date) == "2026-05-04"
    assert letter.complimentary_close == "In solidarity and hope,"
    assert [s.name for s in letter.signatories] == ["Zambia Nurses' Union"]


def test_signers_under_a_nationality_label_on_the_label_line() -> None:
    text = (
        "Dear Minister,\n\nWe ask you to withdraw the draft law on associations.\n\n"
        "Sincerely,\n\nKenyan organisations: Haki Watch, Nairobi Legal Aid Centre, "
        "Coast Rights Forum\n\nRegional organisations: East African Civic Space Network, "
        "Horn Defenders Alliance\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Haki Watch",
        "Nairobi Legal Aid Centre",
        "Coast Rights Forum",
        "East African Civic Space Network",
        "Horn Defenders Alliance",
    ]


BLOG_SIGN_ON_WITH_TAGS = """\
Dear Councillors,

We ask you to keep the branch libraries open on Sundays through the winter.

In solidarity,

  • Ruth Okafor — Friends of Eastside Library
  • Share Foundation
  • Malik Brandt, Rancher, Willow Flats
  • Dana Kowalski — Readers for Access
  • Oren Lindqvist — Parents' Literacy Circle
  • Tess Aguilar — Westgate Tenants' Union

librarieswinterhours

FacebookTwitterLinkedIn0 LikesShare

Posted in Campaigns Tagged libraries, budget, council
"""


def test_a_bulleted_sign_on_list_ends_at_the_pages_tags_and_run_together_share_buttons() -> None:
    letter = ingest_text(BLOG_SIGN_ON_WITH_TAGS).letter
    assert letter is not None
    names_read = [s.name for s in letter.signatories]
    assert len(names_read) == 6
    assert names_read[1] == "Share Foundation"  # a signer, not a share button
    rancher = letter.signatories[2]
    assert (rancher.name, rancher.title_lines[0]) == ("Malik Brandt", "Rancher")
    assert names_read[-1] == "Tess Aguilar"


def test_a_table_of_signers_with_three_line_cells_gives_each_signer_in_reading_order() -> None:
    text = (
        "Dear Commissioner,\n\nWe ask you to publish the evaluation before the summer.\n\n"
        "Yours sincerely,\n\n"
        "Dr. Mirela Petrescu\tProf. Anders Holm\n"
        "Veterinary Surgeon\tChair of Animal Science\n"
        "Carpathian Vets for Welfare\tUniversity of Uppsala\n"
        "Kofi Mensah\tDr. Lucia Ferraro\n"
        "Policy Director\tPresident\n"
        "Livestock Transport Monitor\tItalian Society of Animal Ethics\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [(s.name, s.title_lines[:1]) for s in letter.signatories] == [
        ("Dr. Mirela Petrescu", ["Veterinary Surgeon"]),
        ("Prof. Anders Holm", ["Chair of Animal Science"]),
        ("Kofi Mensah", ["Policy Director"]),
        ("Dr. Lucia Ferraro", ["President"]),
    ]


def test_a_numbered_list_of_signers_goes_on_past_one_hundred_after_a_page_break() -> None:
    first = "\n".join(f"{n}. Harbour Community Group {n}" for n in range(1, 100))
    rest = "\n".join(f"{n}. Valley Workers Centre {n}" for n in range(100, 131))
    text = (
        "Dear Secretary:\n\nWe urge you to issue the final heat standard this year.\n\n"
        f"Sincerely,\n\nThe following organizations:\n\n{first}\n\n{rest}\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert len(letter.signatories) == 130
    assert letter.signatories[-1].name == "Valley Workers Centre 130"


DIPLOMATIC_LETTER_WITH_A_VOCATIVE = """\
His Excellency Amadou Keita
President of the Republic
Presidential Palace
Bamako

Your Excellency,

RE: RELEASE OF THE DETAINED RADIO JOURNALISTS

We, the undersigned press freedom organisations, write about the six radio journalists
detained since November without charge.

Their families have not been allowed to visit them, and their lawyers have not seen the
case files.

Your Excellency, we appeal to you to:

a) Order the release of the six journalists.
b) Allow their lawyers access to the case files.

Please accept, Your Excellency, the assurances of our highest consideration.

Signed:

Sahel Press Freedom Network, West African Media Watch, Reporters' Solidarity Fund.
"""


def test_the_reader_addressed_again_in_the_body_is_not_the_greeting() -> None:
    letter = ingest_text(DIPLOMATIC_LETTER_WITH_A_VOCATIVE).letter
    assert letter is not None
    assert letter.salutation == "Your Excellency,"
    assert letter.subject == "RELEASE OF THE DETAINED RADIO JOURNALISTS"
    assert [a.name for a in letter.addressees] == ["Amadou Keita"]
    assert len(letter.asks) == 2
    # a closing sentence with its full stop, not a valediction
    assert letter.complimentary_close is None
    assert letter.texts("closing")[-1].startswith("Please accept, Your Excellency")
    assert len(letter.signatories) == 3


def test_group_headings_over_smaller_group_headings_are_labels_not_the_end_of_the_list() -> None:
    html = (
        "<html><body><p>Dear Members of Congress,</p><p>We urge you to pass the bill "
        "this session, before the funding lapses for thousands of families.</p>"
        "<p>Sincerely,</p><h3>National</h3><ul><li>Families First Alliance</li>"
        "<li>Coalition for Fair Housing</li><li>Workers United Network</li></ul>"
        "<h3>State and Local</h3><h4>Alabama</h4><ul><li>Mobile Tenants Union</li>"
        "<li>Birmingham Food Bank Network</li></ul><h4>Arizona</h4><ul>"
        "<li>Phoenix Legal Aid Society</li><li>Tucson Housing Coalition</li></ul>"
        "</body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Families First Alliance",
        "Coalition for Fair Housing",
        "Workers United Network",
        "Mobile Tenants Union",
        "Birmingham Food Bank Network",
        "Phoenix Legal Aid Society",
        "Tucson Housing Coalition",
    ]


def test_a_dated_count_of_the_signatures_under_the_list_is_not_a_signer() -> None:
    text = (
        "Dear Minister,\n\nWe ask you to refuse the coal mine extension.\n\nSincerely,\n\n"
        "Hana Petrov — Friends of the Reef\nLiam Osei — Coastal Futures\n"
        "Ruth Keller — Lock the Gate Alliance\n\n"
        "Signatures as at 2 March 2026: 3. Signatures are verified before being added.\n"
        "cc: The Hon Tanya Marsh MP, Minister for the Environment\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Hana Petrov", "Liam Osei", "Ruth Keller"]


def test_a_semicolon_list_of_signers_keeps_the_commas_inside_its_entries() -> None:
    text = (
        "Respected Sir,\n\nWe request that the ration cards cancelled in January be restored.\n\n"
        "Yours sincerely,\n\nEndorsed by: Right to Food Forum, Pune; Jan Adhikar Manch, Nagpur; "
        "Ration Rights Collective; Slum Dwellers' Federation, Mumbai.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Right to Food Forum, Pune",
        "Jan Adhikar Manch, Nagpur",
        "Ration Rights Collective",
        "Slum Dwellers' Federation, Mumbai",
    ]


def test_a_signer_with_their_ward_under_the_name_is_one_signer() -> None:
    html = (
        "<html><body><p>Dear Ms Patel,</p><p>I am writing to ask you to oppose the closure "
        "of the minor injuries unit at Eastfield, which hundreds of families rely on.</p>"
        "<p>Yours sincerely,</p><p>Martin Hale<br>Eastfield ward</p></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Martin Hale", ["Eastfield ward"])
    ]


def test_two_columns_of_names_in_no_order_read_row_by_row() -> None:
    rows = [
        ("Tomasz Wren", "Adaeze Kole"),
        ("Hugo Brandt", "Yelena Marsh"),
        ("Priya Nair", "Colm Doyle"),
        ("Zara Quist", "Bilal Haddad"),
    ]
    table = "\n".join(f"{a}\t{b}" for a, b in rows)
    text = (
        "Dear Minister,\n\nWe ask you to drop the charges against the lawyers.\n\n"
        f"Sincerely,\n\n{table}\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [name for row in rows for name in row]


SUBMISSION_WITH_NUMBERED_SECTIONS = """\
Dear Members of the Committee,

1. Background

We write ahead of the review of the State party. Custodial torture remains widespread
and complaints rarely lead to a prosecution.

2. Requests to the Committee

In light of the above, we respectfully request that the Committee:

     a. include in the list of issues a question on the number of complaints
          received under the 2022 Act;

     b. ask the State party what steps it has taken to protect complainants;

     c. consider designating a rapporteur for follow-up.

Yours sincerely,

Amina Farooq
Director
"""


def test_asks_set_further_in_than_the_numbered_section_headings_are_found() -> None:
    letter = ingest_text(SUBMISSION_WITH_NUMBERED_SECTIONS).letter
    assert letter is not None
    assert len(letter.asks) == 3
    assert letter.asks_intro is not None and letter.asks_intro.startswith("In light of")


def test_a_kind_attention_line_under_the_address_block_is_not_an_address_line() -> None:
    text = (
        "The Hon. Minister of Water and Sanitation\nMinistry of Water\nPrivate Bag 30521\n"
        "Lilongwe 3\n\nKind attention: The Director of Water Supply\n\nDear Honourable Minister,"
        "\n\nWe ask you to publish the borehole repair schedule for the northern districts.\n\n"
        "Yours faithfully,\n\nWater Users' Association\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    [person] = letter.addressees
    assert "Kind attention" not in " ".join([*person.title_lines, *person.address_lines])
    assert person.address_lines[-1] == "Lilongwe 3"


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


def test_a_petition_page_with_a_greeting_and_its_latest_signers_is_not_a_letter() -> None:
    html = (
        "<html><body><p>Petition to</p><p>The Hon. Mere Tākoto, Minister of Housing</p>"
        "<h1>Keep the emergency housing grants open</h1><p>Dear Minister,</p>"
        "<p>We ask you to keep the emergency housing grants open through the winter, when "
        "families in motels have nowhere else to go.</p><p>4,210 have signed. Let's get to "
        "5,000!</p><p>Recent signers</p><ul><li>Aroha T. signed 3 minutes ago</li>"
        "<li>Sam K. signed 8 minutes ago</li></ul><p>Started by Housing Action Aotearoa</p>"
        "</body></html>"
    )
    result = ingest_bytes(html.encode(), filename="petition.html")
    assert result.letter is None or result.kind != "letter"


def test_bodies_one_a_line_under_the_close_are_each_a_signer_and_signed_takes_a_list() -> None:
    text = (
        "Excelentísimo Señor:\n\nLe pedimos que retire el proyecto de ley de vivienda.\n\n"
        "Atentamente,\n\nAsociación Pro Derechos Humanos de Extremadura\n"
        "Coordinadora de Barrios por el Alquiler Justo\nObservatorio de la Vivienda de Murcia\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Asociación Pro Derechos Humanos de Extremadura",
        "Coordinadora de Barrios por el Alquiler Justo",
        "Observatorio de la Vivienda de Murcia",
    ]
    signed = (
        "Dear Mr. Dahl,\n\nWe ask the company to halt the tailings expansion.\n\nSincerely,\n\n"
        "Signed: Lusaka Centre for Rural Communities; Gulf Alliance on Corporate "
        "Accountability; Tbilisi Initiative for Migrant Workers\n"
    )
    letter = ingest_text(signed).letter
    assert letter is not None
    assert len(letter.signatories) == 3
    assert letter.signatories[-1].name == "Tbilisi Initiative for Migrant Workers"


def test_members_of_a_parliament_in_a_block_of_their_own_are_an_addressee() -> None:
    html = (
        "<html><body><p>Ms. Edda Sørensen<br>Commissioner for Justice<br>European Commission"
        "<br>Rue de la Loi 200<br>1049 Brussels</p><p>Members of the European Parliament<br>"
        "European Parliament<br>Rue Wiertz 60<br>1047 Brussels</p><p>Dear Commissioner "
        "Sørensen, dear Members of the European Parliament,</p><p>We write to ask you to "
        "keep the safeguards for children in the final text of the regulation.</p>"
        "<p>Yours sincerely,</p><p>Child Rights Europe</p></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == [
        "Edda Sørensen",
        "Members of the European Parliament",
    ]
    assert letter.addressees[1].address_lines[-1] == "1047 Brussels"


def test_list_items_whose_text_sits_in_paragraphs_are_items_and_the_list_ends_with_them() -> None:
    html = (
        "<html><body><p>Dear Mayor Okoye,</p><p>We ask that you:</p><ul>"
        "<li><p>Publish the data-sharing agreement with the fusion center;</p></li>"
        "<li><p>Suspend the plate readers near places of worship;</p></li>"
        "<li></li>"
        "<li><p>Meet with residents of the East Side before the council votes.</p></li></ul>"
        "<p>Riverton has long prided itself on being a welcoming city, and surveillance "
        "without rules undermines that promise.</p><p>Sincerely,</p><p>Riverton Rights Watch</p>"
        "</body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert len(letter.asks) == 3
    assert "welcoming city" in " ".join([*letter.texts("body"), *letter.texts("closing")])


def test_signers_grouped_under_place_labels_on_one_line_each_are_each_a_signer() -> None:
    html = (
        "<html><body><p>Dear Governor Talbot,</p><p>We ask you to sign the tenant protection "
        "bill without amendment.</p><p>Sincerely,</p><h3>Signers</h3>"
        "<p><strong>Statewide:</strong> Prairie Housing Network, Coalition for Fair Rents</p>"
        "<p><strong>Rock County:</strong> Rock County Legal Aid, Eastside Tenants Union, "
        "Janesville Mutual Aid Collective</p>"
        "<p><strong>Dane County:</strong> Madison Renters Alliance, Dane Faith Council</p>"
        "</body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Prairie Housing Network",
        "Coalition for Fair Rents",
        "Rock County Legal Aid",
        "Eastside Tenants Union",
        "Janesville Mutual Aid Collective",
        "Madison Renters Alliance",
        "Dane Faith Council",
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


def test_a_label_that_counts_or_names_the_signers_in_its_language_is_no_signer() -> None:
    for label in ("The 12 undersigned organizations", "Entidades signatárias"):
        text = (
            "Dear Minister Ferreira,\n\nWe ask you to publish the audit of the dam.\n\n"
            f"Sincerely,\n\n{label}\n\nRiver Basin Alliance\nFishers' Cooperative of Itaúna\n"
        )
        letter = ingest_text(text).letter
        assert letter is not None
        assert [s.name for s in letter.signatories] == [
            "River Basin Alliance",
            "Fishers' Cooperative of Itaúna",
        ], label


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


def test_a_german_letter_with_its_address_prefix_office_above_the_name_and_numbered_asks() -> None:
    text = (
        "Herrn\nStaatssekretär\nDr. Konrad Albers\nBundesministerium der Finanzen\n"
        "Wilhelmstraße 97\n10117 Berlin\n\n"
        "Betreff: Gemeinnützigkeit von Vereinen der politischen Bildung\n\n"
        "Sehr geehrter Herr Staatssekretär,\n\n"
        "die unterzeichnenden Vereine sorgen sich um die Rechtssicherheit ihrer Arbeit.\n\n"
        "Wir bitten Sie daher,\n\n"
        "1. den Katalog der gemeinnützigen Zwecke um die politische Bildung zu ergänzen,\n"
        "2. die Anwendungserlasse bis zum Jahresende zu veröffentlichen und\n"
        "3. die Vereine vor einer Aberkennung anzuhören.\n\n"
        "Mit freundlichen Grüßen\n\nBildungswerk Weserbergland e.V.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Konrad Albers"]
    assert letter.addressees[0].title_lines[0] == "Staatssekretär"
    assert len(letter.asks) == 3


def test_mailboxes_after_the_names_in_an_e_mail_header_are_not_part_of_the_names() -> None:
    text = (
        "From: Harbour Tenants <office@harbour-tenants.example>\n"
        "Sent: 3 March 2025 10:02\n"
        "To: Kemi Adeyemi MP <kemi.adeyemi.mp@parliament.example>\n"
        "Cc: Tom Rourke <t.rourke@council.example>\n"
        "Subject: Damp and mould in the Harbour estate\n\n"
        "Dear Ms Adeyemi,\n\nWe ask you to raise the estate's repairs with the council.\n\n"
        "Kind regards,\n\nNia Evans\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Kemi Adeyemi MP"]
    assert [c.name for c in letter.cc] == ["Tom Rourke"]


def test_names_each_over_where_they_work_are_one_signer_a_pair_of_lines() -> None:
    text = (
        "Dear Dr Lindqvist,\n\nWe ask the journal to publish its review data policy.\n\n"
        "Signed,\n\nAmara Okafor\nUniversity of Ibadan\nJonas Weber\nETH Zürich\n"
        "Priya Raman\nIndian Institute of Science\nLucía Fernández\nCSIC Madrid\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Amara Okafor", ["University of Ibadan"]),
        ("Jonas Weber", ["ETH Zürich"]),
        ("Priya Raman", ["Indian Institute of Science"]),
        ("Lucía Fernández", ["CSIC Madrid"]),
    ]
    table = text.replace(
        "Amara Okafor\nUniversity of Ibadan\nJonas Weber\nETH Zürich\n"
        "Priya Raman\nIndian Institute of Science\nLucía Fernández\nCSIC Madrid\n",
        "Amara Okafor\t\tJonas Weber\t\tPriya Raman\n"
        "University of Ibadan\t\tETH Zürich\t\tIndian Institute of Science\n"
        "Lucía Fernández\t\tTomás Ruiz\t\tHana Sato\n"
        "CSIC Madrid\t\tUniversidad de Chile\t\tKyoto University\n",
    )
    letter = ingest_text(table).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Amara Okafor",
        "Jonas Weber",
        "Priya Raman",
        "Lucía Fernández",
        "Tomás Ruiz",
        "Hana Sato",
    ]
    assert letter.signatories[-1].title_lines == ["Kyoto University"]
    # a page break between a row of names and the row of their affiliations
    cut = table.replace("Hana Sato\n", "Hana Sato\n\n")
    letter = ingest_text(cut).letter
    assert letter is not None
    assert len(letter.signatories) == 6
    assert letter.signatories[3].title_lines == ["CSIC Madrid"]


def test_signers_in_a_markdown_pipe_table_are_a_signer_a_row() -> None:
    markdown = (
        "Dear Minister Rao,\n\nWe ask the Ministry to extend the consultation by sixty days.\n\n"
        "Yours faithfully,\n\n| Name | Affiliation |\n|------|-------------|\n"
        "| Kavya Menon | researcher, Bengaluru |\n| **Arjun Das** | lawyer, Kolkata |\n"
        "| Meera Iyer | [Open Data Collective](https://example.org) |\n"
    )
    letter = ingest_bytes(markdown.encode(), filename="letter.md").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Kavya Menon", "Arjun Das", "Meera Iyer"]


def test_state_headings_in_capitals_and_signers_with_their_office_before_the_name() -> None:
    text = (
        "Dear Governor Lamont:\n\nWe ask you to veto the bill that would end the lead pipe "
        "replacement program.\n\nRespectfully,\n\nOREGON\n\nState Senator Ada Whitfield\n"
        "Delegate Omar Chen\nState Representative Lena Brooks\n\nVERMONT\n\n"
        "State Senator Tom Eriksen\nDelegate Ruth Abiola\n\n"
        "Titles are listed for identification purposes. Signers serve in both\n"
        "legislative chambers.\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    # each entry as written, office and name (the annotations' "entry line")
    assert [s.name for s in letter.signatories] == [
        "State Senator Ada Whitfield",
        "Delegate Omar Chen",
        "State Representative Lena Brooks",
        "State Senator Tom Eriksen",
        "Delegate Ruth Abiola",
    ]
    assert letter.signatory_note is not None and letter.signatory_note.endswith("chambers.")
    # the same headings set in bold (a PDF keeps no bold): a few words standing alone
    # between groups of several lines each
    mixed = text.replace("OREGON", "Oregon").replace("VERMONT", "West Virginia")
    letter = ingest_text(mixed).letter
    assert letter is not None
    assert len(letter.signatories) == 5


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


def test_signing_for_a_body_over_names_with_roles_and_a_co_signers_list_after_them() -> None:
    html = (
        "<html><body><p>Sehr geehrte Frau Präsidentin,</p><p>wir bitten Sie, die Mensapreise "
        "im Wintersemester nicht zu erhöhen.</p><p>Mit freundlichen Grüßen</p>"
        "<p>Für den Studierendenrat der Universität Kassel</p>"
        "<p>Lena Vogt (Vorsitz)<br>Deniz Aydın (Vorsitz)</p>"
        "<p>Mitunterzeichnende Fachschaften:</p><ul><li>Fachschaft Physik</li>"
        "<li>Fachschaft Biologie</li><li>Fachschaft Geschichte</li></ul></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="brief.html").letter
    assert letter is not None
    assert letter.signatories[0].name.startswith("Lena Vogt")
    assert len(letter.signatories) == 5


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


def test_a_mail_clients_reply_and_forward_buttons_under_the_signers_are_not_signers() -> None:
    text = (
        "Dear Dr. Alvarez,\n\nWe ask the university to reopen the night library.\n\n"
        "Sincerely,\n\nGraduate Student Union\nHousing Residents Council\n"
        "Disabled Students Collective\nInternational Students Association\n"
        "Night Shift Workers Caucus\n\n\nReply\nForward\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.signatories[-1].name == "Night Shift Workers Caucus"
    assert len(letter.signatories) == 5


def test_a_subject_line_that_names_a_date_is_the_subject_not_the_letters_date() -> None:
    text = (
        "February 24, 2025\n\nThe Honorable Ana Ruiz\nUnited States Senate\n"
        "Washington, DC 20510\n\nRe: Keeping the rural clinics fund open beyond March 31, 2025\n\n"
        "Dear Senator Ruiz:\n\nWe ask you to extend the fund.\n\nSincerely,\n\n"
        "Rural Health Alliance\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert str(letter.date) == "2025-02-24"
    assert letter.subject == "Keeping the rural clinics fund open beyond March 31, 2025"


def test_a_date_under_a_numbered_list_of_signers_is_the_letters_date() -> None:
    html = (
        "<html><body><p>To: Members of the Legislative Council</p><p>Dear Members,</p>"
        "<p>We ask you to keep the age limits out of the online safety bill.</p>"
        "<p>Yours faithfully,</p><ol>"
        + "".join(
            f"<li>Professor {name}, University of Otago</li>"
            for name in ("Ana Ruiz", "Ben Okafor", "Chen Wei", "Dara Quinn", "Eli Marsh", "Fay Li")
        )
        + "</ol><p>2 September 2025</p><p>Signatories sign in a personal capacity.</p>"
        "</body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert len(letter.signatories) == 6
    assert str(letter.date) == "2025-09-02"


def test_bold_group_headings_opening_each_paragraph_of_signers_are_headings() -> None:
    html = (
        "<html><body><p>Dear Minister,</p><p>We urge you to list the river red gum woodlands "
        "as endangered.</p><p>Yours sincerely,</p>"
        "<p><strong>National organisations</strong><br>Wetlands Alliance<br>"
        "Landcare Federation</p><p><strong>Western Australia</strong><br>Kimberley Koala Rescue"
        "<br>Perth Seed Savers<br>Margaret River Bushwalkers</p>"
        "<p><strong>Ana Ruiz</strong><br>Director, River Futures</p></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    names_ = [s.name for s in letter.signatories]
    assert "National organisations" not in names_ and "Western Australia" not in names_
    assert names_[:5] == [
        "Wetlands Alliance",
        "Landcare Federation",
        "Kimberley Koala Rescue",
        "Perth Seed Savers",
        "Margaret River Bushwalkers",
    ]
    assert names_[-1] == "Ana Ruiz"  # a person's bold name over her title stays a signer


def test_a_bylines_date_dates_the_page_when_a_dateline_under_the_signers_dates_the_letter() -> None:
    html = (
        "<html><body><h1>Submission to the Committee on Migrant Workers</h1>"
        "<p>Sep 2, 2024 • Secretariat</p><p>Distinguished Committee Members,</p>"
        "<p>We write to ask the Committee to hear our briefing at its next session.</p>"
        "<p>Respectfully,</p><p>Ana Ruiz — Coordinator, Migrant Voices</p>"
        "<p>Kampala, 28 August 2024</p></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert str(letter.date) == "2024-08-28"
    assert str(letter.published) == "2024-09-02"


def test_a_model_letters_blank_for_the_date_is_no_address_line() -> None:
    text = (
        "H.E. Ana Ruiz\nMinister of Foreign Affairs\nAvenida Central 12\nSan José\n\n"
        "[Date]\n\nDear Minister Ruiz,\n\nI ask you to release the detained journalists.\n\n"
        "Sincerely,\n\n[Your name]\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.addressees[0].address_lines[-1] == "San José"
    assert letter.date is None


def test_a_to_line_naming_the_office_over_the_name_keeps_the_name_as_the_name() -> None:
    text = (
        "To the Prime Minister\nDr. J. de Vries\nPostbus 20001\n2500 EA Den Haag\n\n"
        "Dear Dr. de Vries,\n\nWe ask the government to keep the humanist counselling "
        "in the armed forces.\n\nYours sincerely,\n\nHumanist Alliance\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["J. de Vries"]


def test_a_heading_over_links_after_the_signers_does_not_go_on_with_them() -> None:
    html = (
        "<html><body><p>Dear Minister,</p><p>We ask you to pause the farm registry.</p>"
        "<p>Sincerely,</p><h3>Organisations</h3><ol><li>Kisan Sangh Network</li>"
        "<li>Rural Data Rights Forum</li><li>Seed Sovereignty Alliance</li>"
        "<li>Women Farmers Collective</li><li>Agrarian Justice Centre</li></ol>"
        "<h3>Important Documents</h3><ul><li>Primer on the farm registry (link)</li>"
        "<li>Infographic on the farm registry (link)</li><li>Our earlier letter (link)</li>"
        "</ul></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert [s.name for s in letter.signatories][-1] == "Agrarian Justice Centre"


def test_a_take_action_forms_editable_letter_preview_is_the_letter() -> None:
    body = (
        "I am writing to ask you to keep the night bus routes that the draft budget would "
        "cut. Shift workers, students and carers depend on them to get home safely, and "
        "there is no other public transport after midnight in most of the city."
    )
    html = (
        "<html><body><h1>Take action</h1><form><h2>1. Your details</h2>"
        "<label>First name</label><input name='first'><label>Email</label><input name='email'>"
        "<h2>2. Review your email</h2><p><strong>To:</strong> Cllr Dana Okoro, Chair of the "
        "Transport Committee</p><p><strong>Subject:</strong> Keep the night buses</p>"
        "<div class='preview' contenteditable='true'><p>Dear Cllr Okoro,</p>"
        f"<p>{body}</p><p>Please:</p><ul><li>keep all twelve night routes;</li>"
        "<li>publish the ridership figures behind the proposal.</li></ul>"
        "<p>Kind regards,</p><p>[Your full name]</p></div>"
        "<button>Send my email</button></form></body></html>"
    )
    result = ingest_bytes(html.encode(), filename="action.html")
    assert result.kind == "letter" and result.letter is not None
    letter = result.letter
    assert letter.salutation == "Dear Cllr Okoro,"
    assert letter.subject == "Keep the night buses"
    assert len(letter.asks) == 2
    assert [s.name for s in letter.signatories] == ["[Your full name]"]


def test_a_page_title_with_a_country_before_a_colon_and_a_dated_line_with_a_note() -> None:
    text = (
        "Home\n\nNepal: Joint letter on the transitional justice bill\n\n"
        "To\nMr. Ram Chandra Poudel\nPresident of Nepal\n\nDear Mr. President,\n\n"
        "We ask you to return the bill to Parliament.\n\nSincerely,\n\n"
        "1. Accountability Watch (Nepal)\n2. Himalayan Rights Forum (India)\n\n"
        "Dated: 10 December 2024 (Human Rights Day)\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Ram Chandra Poudel"]
    assert str(letter.date) == "2024-12-10"


def test_a_french_closing_sentence_wrapped_onto_a_second_line_is_one_sentence() -> None:
    text = (
        "Monsieur le Président,\n\nNous vous demandons de retirer l'article 10 du projet de loi."
        "\n\nNous vous prions d'agréer, Monsieur le Président, l'expression de notre haute\n"
        "considération.\n\nLigue pour les libertés numériques\nCollectif Données Ouvertes\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.closing[-1].endswith("haute considération.")
    assert [s.name for s in letter.signatories] == [
        "Ligue pour les libertés numériques",
        "Collectif Données Ouvertes",
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


def test_polish_dutch_and_indonesian_datelines_and_subject_labels() -> None:
    for dateline, label in (
        ("Warszawa, 5 maja 2025 r.", "Dotyczy"),
        ("Den Haag, 3 maart 2025", "Betreft"),
        ("Jakarta, 17 Agustus 2025", "Perihal"),
    ):
        text = (
            f"{dateline}\n\nMr Jan Kowal\nMinister of Digital Affairs\n\n"
            f"{label}: the draft law on public information\n\nDear Minister,\n\n"
            "We ask you to withdraw the two provisions.\n\nYours faithfully,\n\n"
            "Open Data Foundation\n"
        )
        letter = ingest_text(text).letter
        assert letter is not None
        assert letter.date is not None, dateline
        assert letter.subject == "the draft law on public information", label


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


def test_a_building_under_an_office_is_the_address_not_the_addressees_name() -> None:
    text = (
        "Clerk to the Joint Committee on Justice\nLeinster House\nKildare Street\nDublin 2"
        "\n\n27 January 2025\n\nA Chathaoirligh,\n\nWe ask the Committee to limit the use "
        "of facial recognition to serious crime.\n\nYours faithfully,\n\nDigital Rights "
        "Ireland\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Clerk to the Joint Committee on Justice"]


def test_lettered_asks_under_one_of_a_letters_numbered_paragraphs() -> None:
    text = (
        "Dear Special Rapporteur,\n\n"
        "1. We submit this urgent appeal concerning Ms. Amina Yusuf, a journalist held since "
        "2 March 2025 without charge.\n\n"
        "2. Her family has not been told where she is held.\n\n"
        "3. We respectfully request that you:\n"
        "(a) transmit an urgent appeal to the Government;\n"
        "(b) call for her immediate release;\n"
        "(c) ask that her family be told where she is held.\n\n"
        "4. Her family has consented to this submission.\n\n"
        "Respectfully,\n\nPress Freedom Desk\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert "transmit an urgent appeal" in f"{letter.asks[0].lead} {letter.asks[0].body}"
    assert len(letter.asks) == 3


def test_a_subject_line_under_the_salutation_run_into_the_first_paragraph() -> None:
    text = (
        "The Chairperson\nUniversity Council\nP.O. Box 30197\nNairobi\n\n"
        "Dear Madam Chairperson,\n"
        "SUBJECT: SUSPENSION OF STUDENT LEADERS AFTER THE FEES PROTEST\n"
        "We, members of the academic staff, write to express our concern at the suspension "
        "of six student leaders without a hearing, which the University's own statutes and "
        "the Constitution's guarantee of fair administrative action both require before any "
        "such penalty, and at the speed with which the decision was taken and announced to "
        "the press before the students themselves were told of it by the Dean.\n"
        "We therefore ask the Council to lift the suspensions pending a fair hearing.\n"
        "Yours sincerely,\nDr. Mercy Wanjala\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert letter.subject == "SUSPENSION OF STUDENT LEADERS AFTER THE FEES PROTEST"
    assert not letter.texts("body")[0].startswith("SUBJECT")


def test_bracketed_numerals_a_pdf_ran_into_their_words_still_mark_asks() -> None:
    text = (
        "Dear Chairman,\n\nWe humbly request the Commission to:\n\n"
        "(i) visit the detention facilities concerned;\n\n"
        "(ii)demand the release of all detainees held without charge;\n\n"
        "(iii)publish its findings within sixty days.\n\n"
        "Yours faithfully,\n\nLegal Resources Consortium\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert len(letter.asks) == 3


def test_an_organisation_named_forward_last_in_the_list_is_a_signer() -> None:
    text = (
        "Dear Minister,\n\nWe ask you to fund specialist FGM clinics in every region.\n\n"
        "Yours sincerely,\n\nImkaan\n\nSouthall Black Sisters\n\nFORWARD\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Imkaan", "Southall Black Sisters", "FORWARD"]


def test_a_pages_field_label_over_a_list_is_no_group_of_signers() -> None:
    from draftkit.ingest.signer_labels import labelled_signers

    assert labelled_signers("Tags: Health Policy, Womens Rights") is None
    assert labelled_signers("Topics: Federal Funding, Public Libraries") is None
    assert labelled_signers("Alabama: Alabama Tenants Union, Mobile Food Bank") is not None


def test_an_acronym_alone_in_a_list_set_a_paragraph_each_is_a_signer() -> None:
    text = (
        "Dear Senator,\n\nWe ask you to oppose the bill.\n\nSincerely,\n\n"
        "Center for Democracy\n\nACLU\n\nLeague of Women Voters\n\nCommon Cause\n"
    )
    letter = ingest_text(text).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Center for Democracy",
        "ACLU",
        "League of Women Voters",
        "Common Cause",
    ]


UNSPACED_GERMAN = """\
Zum Hauptinhalt
Netzwerk Saubere Flüsse
Start   Themen   Presse   Kontakt
Offener Brief zur Wasserrahmenrichtlinie
12. März 2026 | Redaktion
Sieben Verbände haben heute das folgende Schreiben an das Ministerium geschickt.
Frau
Bundesministerin Ilse Vogt
Bundesministerium für Umwelt
Stresemannstraße 128
10117 Berlin
Hamburg, den 11. März 2026
Betreff: Fristverlängerung bei der Wasserrahmenrichtlinie
Sehr geehrte Frau Bundesministerin,
mit Sorge verfolgen wir die Pläne, die Fristen für den guten Zustand der Gewässer zu verschieben.
Wir bitten Sie, an den geltenden Fristen festzuhalten.
Mit freundlichen Grüßen
Netzwerk Saubere Flüsse
Verband der Flussanlieger Nord
Teilen: E-Mail · Mastodon
"""


def test_a_head_copied_without_blank_lines_starts_at_the_courtesy_line() -> None:
    letter = ingest_text(UNSPACED_GERMAN).letter
    assert letter is not None
    (minister,) = letter.addressees
    assert minister.name == "Bundesministerin Ilse Vogt"
    assert str(letter.date) == "2026-03-11"
    assert letter.subject == "Fristverlängerung bei der Wasserrahmenrichtlinie"
    assert [s.name for s in letter.signatories][-1] == "Verband der Flussanlieger Nord"


UNSPACED_MEXICAN = """\
Colectivo Agua Libre
Inicio Cartas Contacto
Carta al Gobernador sobre el acuífero
C. Ramiro Ortega Salas
Gobernador Constitucional del Estado de Sonora
Presente.
Estimado Gobernador:
Las organizaciones abajo firmantes le pedimos publicar los títulos de concesión del acuífero.
Atentamente,
Colectivo Agua Libre, Red Sonorense por el Agua, Defensa del Río Yaqui
Hermosillo, a 4 de febrero de 2026
"""


def test_a_mexican_citizen_honorific_line_is_the_addressee_not_a_lettered_item() -> None:
    letter = ingest_text(UNSPACED_MEXICAN).letter
    assert letter is not None
    (governor,) = letter.addressees
    assert (governor.honorific, governor.name) == ("C.", "Ramiro Ortega Salas")
    assert "Carta al Gobernador sobre el acuífero" not in governor.title_lines


GROUPED_BULLETS_PAGE = """\
<html><body><article>
<h1>Our letter on detention conditions</h1>
<p>March 3, 2026</p>
<p>Dear Director Alvarez,</p>
<p>We write about the conditions reported at the Harbor Processing Center, where
families have waited weeks without access to counsel or medical care.</p>
<p>We ask you to publish the inspection reports and to restore legal visits.</p>
<p>Sincerely,</p>
<p><strong>Signing organizations:</strong></p>
<p><em>Faith communities</em></p>
<ul><li>Riverside Interfaith Council</li><li>Saint Brendan Parish Outreach</li>
<li>Temple Beth Shalom Social Action</li></ul>
<p><em>Legal service providers</em></p>
<ul><li>Harbor Immigrant Legal Clinic</li><li>Coastal Defenders Network</li>
<li>Pro Bono Partners of the Bay</li><li>Northside Law Collective</li></ul>
<p><strong>Media contact:</strong> press@example.org</p>
</article></body></html>
"""


def test_unlabelled_group_headings_over_bulleted_signers_keep_the_list_going() -> None:
    letter = ingest_bytes(GROUPED_BULLETS_PAGE.encode(), filename="page.html").letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert names[0] == "Riverside Interfaith Council"
    assert names[-1] == "Northside Law Collective"
    assert len(names) == 7
    assert "Legal service providers" not in names


WRAPPED_MEMBER_LIST = """\
12 May 2026

Dear Minister,

We write as members of the Delta Water Alliance about the allocation plan.

We ask you to delay the vote until the river survey is published.

Yours sincerely,

Member organisations of the Delta Water Alliance:
Lakeside Farmers Union, Delta Fisheries Cooperative, Upper Basin Irrigators
Association, Wetland Birds Trust, Riverside Tenants Federation, Salt Marsh
Collective, Estuary Health Network, Greenbank Anglers Club, Delta Youth Forum,
Orchard Growers Guild, Floodplain Residents Group.
"""


def test_a_comma_list_wrapped_by_the_page_is_split_after_rejoining_the_cut_names() -> None:
    letter = ingest_text(WRAPPED_MEMBER_LIST).letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert "Upper Basin Irrigators Association" in names
    assert "Salt Marsh Collective" in names
    assert names[-1] == "Floodplain Residents Group"
    assert len(names) == 11


NATIONAL_GROUPS = """\
Dakar, le 9 avril 2026

Madame la Ministre,

Nous vous écrivons pour demander la publication du protocole de protection des journalistes.

Veuillez agréer, Madame la Ministre, l'expression de notre haute considération.

Liste des signataires

Organisations sénégalaises

Collectif Voix de la Vallée
Réseau des journalistes du Nord
Association Défense et Parole

Organisations internationales

Observatoire régional de la presse libre
Fondation Horizon Information
"""


def test_a_group_label_with_a_nationality_adjective_is_no_signer() -> None:
    letter = ingest_text(NATIONAL_GROUPS).letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert names[0] == "Collectif Voix de la Vallée"
    assert "Organisations sénégalaises" not in names
    assert len(names) == 5


NUMBERED_PARAGRAPHS = """\
Dear Special Rapporteur,

1. The undersigned organisations bring to your attention the closure of three community
radio stations in the northern provinces since January.

2. The closures followed broadcasts on land disputes and were ordered without a hearing.

3. In view of the above, we respectfully request that you:

    (a) seek information from the Government on the legal basis of the closures;

    (b) ask that the stations be allowed to broadcast while appeals are heard; and

    (c) consider a public statement on the safety of community broadcasters.

4. The station managers have consented to this communication.

Yours sincerely,

Luz Marabut
Coordinator, Northern Community Radio Network
"""


def test_lettered_asks_nested_under_a_numbered_paragraph_are_the_asks() -> None:
    letter = ingest_text(NUMBERED_PARAGRAPHS).letter
    assert letter is not None
    assert len(letter.asks) == 3
    assert letter.asks[0].lead.startswith("seek information from the Government")


SIDE_BY_SIDE_WITH_GAP = (
    "Lima, 3 de marzo de 2026\n\n"
    "Señor Ministro:\n\n"
    "Le solicitamos suspender la concesión forestal hasta concluir la consulta previa.\n\n"
    "Atentamente,\n\n"
    "______________________\t______________________\n"
    "Ana Quispe Huamán\tLuis Tello Ramírez\n"
    "Presidenta\tVicepresidente\n"
    "ORAU\tORAU\n"
    "______________________\t______________________\n"
    "Marta Shuña Rengifo\tPedro Arévalo Chota\n"
    "Tesorera\tAsesor legal\n"
    "\n"
    "Federación de Comunidades del Bajo Ucayali\tAsociación Defensa del Bosque\n"
)


def test_a_row_of_organisations_a_gap_under_the_last_names_is_their_affiliation() -> None:
    letter = ingest_text(SIDE_BY_SIDE_WITH_GAP).letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert len(names) == 4
    assert "Asociación Defensa del Bosque" not in names
    assert "Federación de Comunidades del Bajo Ucayali" not in names


BRACKET_WRAPPED_COLUMN = (
    "Berlin, 2. Februar 2026\n\n"
    "Sehr geehrte Frau Ministerin,\n\n"
    "wir bitten Sie, die Mittel für humanitäre Hilfe nicht weiter zu kürzen.\n\n"
    "Mit freundlichen Grüßen\n\n"
    "Aktionskreis Nothilfe e.V.\tNetzwerk Wasser für alle\n"
    "Bündnis Kinderrechte Nord\tForum Menschenrechte (Arbeitsgruppe\n"
    "Gesundheitsladen Leipzig e.V.\tOstafrika)\n"
    "Initiative Schutzräume\tZentrum für Friedensarbeit\n"
)


def test_a_cell_wrapped_inside_its_column_with_an_open_bracket_is_one_name() -> None:
    letter = ingest_text(BRACKET_WRAPPED_COLUMN).letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert "Forum Menschenrechte (Arbeitsgruppe Ostafrika)" in names
    assert len(names) == 7


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


OFFICE_ONLY_ADDRESS = """\
Nairobi, 3rd March 2026

The Auditor-General
Office of the Auditor-General
Anniversary Towers, University Way
Nairobi

Dear Sir,

We ask you to audit the county health emergency fund before the next budget cycle.

Yours faithfully,

Amina Odhiambo
Coordinator, Budget Watch Kenya
"""


def test_an_office_written_to_as_such_is_the_addressees_name_line() -> None:
    letter = ingest_text(OFFICE_ONLY_ADDRESS).letter
    assert letter is not None
    (office,) = letter.addressees
    assert office.name == "The Auditor-General"


PERSON_THEN_BOARD = """\
June 2, 2026

Ms. Laura Chen
President
Regional Development Bank
200 Harbor Avenue
Manila 1000

Board Directors
Board of Governors
Regional Development Bank

Dear President Chen and Board Directors,

We ask the Bank to suspend the port expansion loan until the resettlement audit is public.

Sincerely,

Coastal Communities Network
"""


def test_an_office_block_under_a_whole_address_is_a_second_addressee() -> None:
    letter = ingest_text(PERSON_THEN_BOARD).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Laura Chen", "Board Directors"]
    assert letter.addressees[0].address_lines[-1] == "Manila 1000"


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


BYLINE_OVER_ADDRESS = """\
Tenants First
Home › News › Our letter to the housing committee
Our letter to the housing committee
By Policy Team | 5 March 2026
The Clerk to the Committee on Housing
Leinster House
Kildare Street
Dublin 2
4 March 2026
Re: Rental Standards Bill 2026
Dear Chairperson,
We ask the Committee to hold hearings on the rental bill before the summer recess.
Yours faithfully,
Aoife Byrne
"""


def test_a_byline_run_into_the_address_is_the_pages_not_the_letterheads() -> None:
    letter = ingest_text(BYLINE_OVER_ADDRESS).letter
    assert letter is not None
    (clerk,) = letter.addressees
    assert clerk.name == "The Clerk to the Committee on Housing"
    assert str(letter.date) == "2026-03-04"
    assert letter.subject == "Rental Standards Bill 2026"


TOWN_UNDER_LONG_LINE = """\
10 June 2026

Ms. Clara Moreau
Special Rapporteur on the rights of persons with disabilities
Office of the High Commissioner, Palais des Nations, Avenue de la Paix
Geneva

Dear Special Rapporteur,

We ask you to request a visit to the long-stay institutions in the northern region.

Yours sincerely,

Disability Rights Forum
"""


def test_a_town_alone_under_a_long_address_line_stays_its_own_line() -> None:
    letter = ingest_text(TOWN_UNDER_LONG_LINE).letter
    assert letter is not None
    (rapporteur,) = letter.addressees
    lines = [*rapporteur.title_lines, *rapporteur.address_lines]
    assert lines[-1] == "Geneva"


SPANISH_PAGE_FOOTER = """\
Red Andina de Defensoras

Inicio | Cartas | Contacto

Carta a la Fiscal General sobre las defensoras amenazadas

12 de marzo de 2026

Señora Fiscal General:

Le pedimos abrir una unidad especial para investigar las amenazas contra defensoras rurales.

Atentamente,

Organizaciones firmantes: Red Andina de Defensoras, Colectivo Tierra Viva, Asociación de \
Mujeres del Valle Alto y Brigadas de Observación Internacional Sur.

Línea de atención para defensoras: 2200-0000

Síguenos en Facebook y X

Política de privacidad · Aviso legal

Todos los derechos reservados 2026
"""


def test_a_spanish_page_footer_and_contact_line_are_no_signers() -> None:
    letter = ingest_text(SPANISH_PAGE_FOOTER).letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert names == [
        "Red Andina de Defensoras",
        "Colectivo Tierra Viva",
        "Asociación de Mujeres del Valle Alto",
        "Brigadas de Observación Internacional Sur",
    ]


def test_the_last_two_names_of_a_list_joined_by_y_are_two_when_each_is_a_name() -> None:
    from draftkit.ingest.signer_lists import split_name_list

    listed = "Red Verde, Foro Social, Colectivo Kaqla Verde y Brigadas de Paz Norte"
    assert split_name_list(listed) == [
        "Red Verde",
        "Foro Social",
        "Colectivo Kaqla Verde",
        "Brigadas de Paz Norte",
    ]
    # a name that holds "y" stays one
    assert split_name_list("Red Verde, Foro Social, Fundación Paz y Justicia")[-1] == (
        "Fundación Paz y Justicia"
    )
    assert (
        split_name_list("Red Verde, Foro Social, Centro de Derechos Humanos y Medio Ambiente")[-1]
        == "Centro de Derechos Humanos y Medio Ambiente"
    )


ARGENTINE_TABLE = (
    "Buenos Aires, 3 de abril de 2026\n\n"
    "Sr. Ministro de Justicia\n\n"
    "De nuestra mayor consideración:\n\n"
    "Le solicitamos publicar el censo de personas detenidas en comisarías.\n\n"
    "Saludamos a usted atentamente.\n\n"
    "Firmantes:\n"
    "Nombre\tCargo\tOrganización\n\n"
    "Inés Domínguez Paz\tDirectora\tCentro de Estudios Carcelarios\n\n"
    "Tomás Ferreyra\tAbogado\tDefensoría Popular del Oeste\n\n"
    "Rocío Albarracín\tCoordinadora\tRed de Familias de Personas Detenidas\n"
    "Nombre\tCargo\tOrganización\n"
    "Julián Sosa Ibáñez\tInvestigador\tObservatorio de Cárceles del Sur\n"
)


def test_a_name_title_body_table_is_a_signer_a_row_and_a_closing_formula_no_signer() -> None:
    letter = ingest_text(ARGENTINE_TABLE).letter
    assert letter is not None
    assert letter.closing == ["Saludamos a usted atentamente."]
    assert [s.name for s in letter.signatories] == [
        "Inés Domínguez Paz",
        "Tomás Ferreyra",
        "Rocío Albarracín",
        "Julián Sosa Ibáñez",
    ]


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


PORTUGUESE_STYLE_LINE = """\
São Paulo, 2 de março de 2026.

À Excelentíssima Senhora
Marina Duarte Lopes
Ministra de Estado da Saúde
Esplanada dos Ministérios, Bloco G
Brasília – DF

Senhora Ministra,

Solicitamos a publicação dos dados de mortalidade materna por município.

Atenciosamente,

Rede Saúde das Mulheres
"""


def test_a_portuguese_to_and_style_line_over_the_name_is_no_part_of_it() -> None:
    letter = ingest_text(PORTUGUESE_STYLE_LINE).letter
    assert letter is not None
    (minister,) = letter.addressees
    assert minister.name == "Marina Duarte Lopes"
    assert minister.title_lines[0] == "Ministra de Estado da Saúde"


DOWNLOAD_LINK_AFTER_CC = """\
March 2, 2026

Dear Executive Secretary Ortega:

We ask the Commission to grant a thematic hearing on surveillance of land defenders.

Respectfully,

Dr. Lena Marsh
Director, Territory Rights Clinic

cc: Ana Beltrán, Special Rapporteur for Freedom of Expression

hearing-request-2026.pdf (188.2 KB)
"""


def test_a_download_link_with_its_file_size_is_page_chrome() -> None:
    letter = ingest_text(DOWNLOAD_LINK_AFTER_CC).letter
    assert letter is not None
    assert [c.name for c in letter.cc] == ["Ana Beltrán"]


WRAPPED_FRENCH_OFFICE = """\
Lyon, le 4 mai 2026

Madame Claire Vasseur
Ministre de l'Agriculture, de la Souveraineté alimentaire, de la Forêt
et de la Pêche maritime
78, rue de Varenne
75007 Paris

Madame la Ministre,

Nous vous demandons de suspendre les autorisations de pêche au chalut dans les aires protégées.

Veuillez agréer, Madame la Ministre, l'expression de notre haute considération.

Collectif Mer Vivante
"""


def test_an_office_wrapped_before_a_small_lowercase_word_is_one_line() -> None:
    letter = ingest_text(WRAPPED_FRENCH_OFFICE).letter
    assert letter is not None
    (minister,) = letter.addressees
    assert minister.title_lines[0].endswith("de la Forêt et de la Pêche maritime")


FORM_PAGE_CREDIT = """\
June 2026

Dear Mr. Jassy,

We urge Amazon to publish the heat-safety audits of its warehouses before July 1.

Sincerely,

The undersigned organizations

Powered by EveryAction · Privacy Policy
"""


def test_a_site_builders_credit_after_the_close_is_no_signer() -> None:
    letter = ingest_text(FORM_PAGE_CREDIT).letter
    assert letter is not None
    assert not [s for s in letter.signatories if "Powered" in s.name]


STACKED_COUNCIL = """\
April 14, 2026

Mayor Denise Okonkwo
Council President Rafael Ibsen-Tard
Members of the Cedar Falls City Council
220 Clay Street
Cedar Falls, IA 50613

Re: Ordinance 26-14 on automated license plate readers

Dear Mayor Okonkwo, President Ibsen-Tard, and Councilmembers:

We ask the Council to set a 30-day limit on keeping plate-reader data.

Kind regards,

Tomas Ferreira
Chair, Cedar Valley Privacy Circle
"""


def test_people_stacked_one_a_line_over_one_address_are_addressees_each() -> None:
    letter = ingest_text(STACKED_COUNCIL).letter
    assert letter is not None
    people = letter.addressees
    assert len(people) == 3
    assert people[0].name == "Denise Okonkwo" and people[0].title_lines == ["Mayor"]
    assert people[1].name == "Rafael Ibsen-Tard"
    assert people[2].name == "Members of the Cedar Falls City Council"
    assert people[2].address_lines == ["220 Clay Street", "Cedar Falls, IA 50613"]


TO_PERSON_AND_BOARD = """\
To: Ayumi Castellanos, President of the World Aquatics Federation
Members of the World Aquatics Bureau
Chemin de Bellevue 24a, 1005 Lausanne, Switzerland

Dear President Castellanos and Members of the Bureau,

We call on the Federation to publish its eligibility review before the 2027 season.

With gratitude and resolve,

Signed,

Lena Marsh
Otto Berglund
Iman Sefu
"""


def test_a_body_of_people_under_a_named_addressee_is_a_second_addressee() -> None:
    letter = ingest_text(TO_PERSON_AND_BOARD).letter
    assert letter is not None
    first, board = letter.addressees
    assert first.name == "Ayumi Castellanos"
    assert first.title_lines == ["President of the World Aquatics Federation"]
    assert board.name == "Members of the World Aquatics Bureau"
    # a close by its shape, then a signing label: the close is the first
    assert letter.complimentary_close == "With gratitude and resolve,"
    assert [s.name for s in letter.signatories] == ["Lena Marsh", "Otto Berglund", "Iman Sefu"]


COURTESY_LINES = """\
Medellín, 3 de marzo de 2026

Doctora
MARÍA FERNANDA OSPINA RESTREPO
Procuradora General de la Nación
Carrera 5 No. 15-80
Bogotá D.C.

Respetada señora Procuradora:

Le solicitamos abrir una indagación disciplinaria por las demoras en la entrega de tierras.

Atentamente,

Fundación Tierra Viva del Cauca
"""


def test_a_spanish_courtesy_line_over_the_name_is_its_honorific() -> None:
    letter = ingest_text(COURTESY_LINES).letter
    assert letter is not None
    (person,) = letter.addressees
    assert person.honorific == "Doctora"
    assert person.name == "MARÍA FERNANDA OSPINA RESTREPO"
    assert person.title_lines[0] == "Procuradora General de la Nación"


def test_an_honorary_doctorate_and_a_portuguese_style_line_are_honorifics() -> None:
    from draftkit.ingest.names import split_honorific

    assert split_honorific("Dr. (H.C.) Siti Rahmawati") == ("Dr. (H.C.)", "Siti Rahmawati")
    assert split_honorific("À Sua Excelência o Senhor") == ("À Sua Excelência o Senhor", "")


OFICIO = """\
Belém, 9 de abril de 2026.

Exmo. Sr.
Ricardo Almeida Tavares
Procurador-Geral de Justiça do Estado do Pará
Rua João Diogo, 100
66015-160 – Belém/PA

Assunto: Contaminação por mercúrio no rio Tapajós

Excelentíssimo Senhor Procurador-Geral,

As entidades abaixo assinadas expõem e requerem o que segue.

Diante do exposto, requeremos a Vossa Excelência:

a) a abertura de inquérito civil sobre a contaminação das comunidades ribeirinhas;
b) a requisição dos laudos de qualidade da água produzidos desde 2024;

Requeremos ainda:

I – a realização de audiência pública em Santarém;
II – o acompanhamento das ações de saúde nas aldeias afetadas.

Respeitosamente,

Associação dos Pescadores do Baixo Tapajós
Coletivo Saúde e Rio
"""


def test_portuguese_requests_lettered_and_in_roman_incisos_are_asks() -> None:
    letter = ingest_text(OFICIO).letter
    assert letter is not None
    assert len(letter.asks) == 4
    third = letter.asks[2]
    assert f"{third.lead or ''} {third.body or ''}".strip().startswith("a realização de audiência")


TWO_LINE_GREETING = """\
Lyon, le 12 mai 2026

À l'attention de Monsieur Grégory Doucet, Maire de Lyon,
et de Mesdames et Messieurs les conseillers municipaux
Hôtel de Ville
69001 Lyon

Objet : Fermeture des bains-douches du 7e arrondissement

Monsieur le Maire,
Mesdames et Messieurs les conseillers,

Nous vous demandons de maintenir l'ouverture des bains-douches tout l'hiver.

Nous vous prions d'agréer, Monsieur le Maire, Mesdames et Messieurs, nos salutations distinguées.

Collectif Solidarité Guillotière
"""


def test_a_second_addressee_on_an_et_de_line_and_a_greeting_on_two_lines() -> None:
    letter = ingest_text(TWO_LINE_GREETING).letter
    assert letter is not None
    mayor, council = letter.addressees
    assert mayor.name == "Grégory Doucet"
    assert council.name == "Mesdames et Messieurs les conseillers municipaux"
    assert letter.salutation == "Monsieur le Maire, Mesdames et Messieurs les conseillers,"
    assert letter.body[0].startswith("Nous vous demandons")


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


NEWSLETTER_NOTE_OVER_LETTER = """\
Dear friends,

Last week fourteen groups wrote to the Director of the Agency. The full letter is below.

Thank you for reading and sharing.

— The Harbourwatch team

Ms Ingrid Solberg
Director
European Maritime Safety Agency
Praça Europa 4
1249-206 Lisbon, Portugal

Lisbon/Athens, 2 February 2026

RE: Search and rescue reporting in the central Mediterranean

Dear Director,

We request that you publish the Agency's incident logs for 2025.

Yours faithfully,

Harbourwatch
Sea Witness Collective
"""


def test_a_note_with_no_close_over_the_letter_it_sends_is_not_the_letter() -> None:
    letter = ingest_text(NEWSLETTER_NOTE_OVER_LETTER).letter
    assert letter is not None
    assert letter.salutation == "Dear Director,"
    assert letter.subject == "Search and rescue reporting in the central Mediterranean"
    assert [s.name for s in letter.signatories] == ["Harbourwatch", "Sea Witness Collective"]


TWO_PORTUGUESE_ADDRESSEES = """\
Manaus, 20 de janeiro de 2026

À Excelentíssima Senhora
Marina Lopes Farias
Ministra de Estado do Meio Ambiente
Esplanada dos Ministérios, Bloco B
Brasília – DF

À Senhora
Regina Duarte Pimentel
Presidenta do Instituto Chico Mendes

Assunto: Proteção do Parque Nacional do Jaú

Senhora Ministra, Senhora Presidenta,

Solicitamos a suspensão imediata das licenças de garimpo no entorno do parque.

Atenciosamente,

Rede Rio Negro Vivo
"""


def test_two_portuguese_address_blocks_each_opened_by_a_are_two_addressees() -> None:
    letter = ingest_text(TWO_PORTUGUESE_ADDRESSEES).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Marina Lopes Farias", "Regina Duarte Pimentel"]


FIRM_OVER_SIGNER = """\
Dear Cabinet Secretary,

We request that you halt the evictions in Kipsigak until the court rules.

Yours faithfully,

For: OCHIENG, WAMBUI & PARTNERS

AKINYI OCHIENG
PARTNER

Like

Comment

Repost
"""


def test_the_firm_a_partner_signs_for_is_no_signer_and_a_post_action_row_is_chrome() -> None:
    letter = ingest_text(FIRM_OVER_SIGNER).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["AKINYI OCHIENG"]


GERMAN_WINDOW_LETTER = """\
Netzwerk Inklusion Nord e.V. · Holstenstraße 12 · 22767 Hamburg

Deutscher Bundestag
Ausschuss für Gesundheit
Platz der Republik 1
11011 Berlin

Hamburg, 3. Februar 2026

Stellungnahme zur öffentlichen Anhörung am
11. Februar 2026

Sehr geehrte Damen und Herren,

wir bitten den Ausschuss, die Assistenz im Krankenhaus vollständig zu finanzieren.

Mit freundlichen Grüßen

Dr. Jana Petersen
"""


def test_a_german_letter_sets_its_subject_without_a_label_and_its_return_line_is_no_address() -> (
    None
):
    letter = ingest_text(GERMAN_WINDOW_LETTER).letter
    assert letter is not None
    (committee,) = letter.addressees
    assert committee.name == "Deutscher Bundestag"
    assert letter.date is not None and letter.date.isoformat() == "2026-02-03"
    assert letter.subject == "Stellungnahme zur öffentlichen Anhörung am 11. Februar 2026"


FAITH_LEADERS = """\
March 9, 2026

The Honorable Ana Ruiz
Governor of Nevada
101 N. Carson Street
Carson City, NV 89701

Nevada Board of Pardons Commissioners
1677 Old Hot Springs Road
Carson City, NV 89706

Dear Governor Ruiz and Members of the Board:

We ask you to commute the sentence of Daniel Ortega-Price.

Respectfully,

Nevada Clergy for Mercy

1. Deacon Ruth Alvarado, St. Mark's Episcopal Church, Reno

2. Pastor Lee Hwang, First Baptist Church, Elko

3. Sheikh Omar Haddad, Las Vegas Islamic Center, Las Vegas
4. Rev. Ellen Marsh, Grace Lutheran Church, Sparks
"""


def test_a_board_under_a_whole_address_and_a_numbered_list_under_its_title() -> None:
    letter = ingest_text(FAITH_LEADERS).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == [
        "Ana Ruiz",
        "Nevada Board of Pardons Commissioners",
    ]
    names = [s.name for s in letter.signatories]
    assert len(names) == 4  # the coalition's name over the list is its title
    assert names[0] == "Deacon Ruth Alvarado"
    assert names[-1] == "Rev. Ellen Marsh"


CANADIAN_STYLES = """\
**To:** The Honourable Mira Okafor, Minister of Northern Affairs
**Cc:** The Honourable Paul Tremblay, Minister of Environment

Dear Minister Okafor,

We ask you to pause the road permit until the assessment is done.

From,

Leah Moose (16)
Tanner Fiddler (17)
"""


def test_a_style_after_to_the_is_no_greeting_and_from_is_a_childs_close() -> None:
    result = ingest_bytes(CANADIAN_STYLES.encode(), filename="letter.md")
    letter = result.letter
    assert letter is not None
    (minister,) = letter.addressees
    assert minister.name == "Mira Okafor"
    assert letter.complimentary_close == "From,"
    assert len(letter.signatories) == 2


def test_canadian_french_style_and_post_nominals() -> None:
    from draftkit.ingest.addressees import addressee_from

    person = addressee_from(
        ["L’honorable Marc Gagnon, c.p., député", "Ministre de la Justice", "Chambre des communes"]
    )
    assert person is not None
    assert person.honorific == "L’honorable"
    assert person.name == "Marc Gagnon, c.p., député"
    assert person.title_lines == ["Ministre de la Justice", "Chambre des communes"]


CMS_PAGE = """\
Open letter on detention at the Alpine border

Details
Written by Secretariat
Category: Open letters
Publication : 6 mai 2026
Hits: 1203

Monsieur le Ministre,

Nous vous demandons de fermer le centre de rétention de Menton.

Veuillez agréer, Monsieur le Ministre, l'expression de notre haute considération.

Premiers signataires :

Claire Roux, avocate, Nice
Marc Peyre, médecin, Menton
Lina Haddad, juriste, Marseille

Précédent
Suivant

Connexion
Mot de passe perdu ?
"""


def test_a_cms_pages_counter_pager_and_login_box_are_chrome() -> None:
    letter = ingest_text(CMS_PAGE).letter
    assert letter is not None
    assert not letter.addressees  # "Hits: 1203" is no addressee
    assert letter.date is None  # "Publication : …" is the page's date
    names = [s.name for s in letter.signatories]
    assert len(names) == 3 and names[0].startswith("Claire Roux")


CAPITALS_AND_TWO_GREETED = """\
10 March 2026

HIS EXCELLENCY RAMON T. ALCANTARA JR.
President of the Republic
Malacañang Palace, Manila

THE CHAIRPERSON
Commission on Human Rights
Quezon City

Your Excellency and Madam/Sir Chairperson:

We respectfully request:

 • the release of the detained Lumad teachers;
 • an independent inquiry into the raid.

Respectfully yours,

Salugpongan Teachers Network
"""


def test_a_style_in_capitals_and_a_greeting_to_two_addressees() -> None:
    letter = ingest_text(CAPITALS_AND_TWO_GREETED).letter
    assert letter is not None
    president, chair = letter.addressees
    assert president.honorific == "HIS EXCELLENCY"
    assert president.name == "RAMON T. ALCANTARA JR."
    assert chair.name == "THE CHAIRPERSON"
    assert letter.salutation == "Your Excellency and Madam/Sir Chairperson:"
    assert len(letter.asks) == 2


def test_a_private_use_glyph_opening_a_pdf_line_is_a_bullet() -> None:
    from draftkit.ingest.pdf import _clean

    assert _clean("\uf095 • the release of the teachers;") == "• the release of the teachers;"
    assert _clean("\uf0d8 the release of the teachers;") == "• the release of the teachers;"


SPANISH_MINISTER = """\
Excmo. Sr. D. Andrés Molina Ruiz
Ministro del Interior
Calle Amador de los Ríos, 7
28010 Madrid

Excmo. Sr. Ministro:

Por todo ello, le solicitamos:

Primero.– Que se suspendan las devoluciones en caliente.

Segundo.– Que se publiquen las cifras mensuales de rechazos.

Quedamos a su disposición para mantener una reunión.

Atentamente,

Red Frontera Sur
"""


def test_a_spanish_excelentisimo_greeting_and_a_closing_paragraph_that_asks_nothing() -> None:
    letter = ingest_text(SPANISH_MINISTER).letter
    assert letter is not None
    assert letter.salutation == "Excmo. Sr. Ministro:"
    assert len(letter.asks) == 2


TEMPLATE_TO_SIGN = """\
Your Excellency,

I am writing about the three reporters held in Phnom Penh since March of this year.

I urge you to release them and to drop the charges brought against them.

Thank you for your attention to this matter.

Sincerely,

---

Where to send it: find the embassy nearest you and post the letter, or send it by e-mail.

The reporters' names are used with the consent of their families, who asked us to share them.
"""


def test_a_close_over_a_rule_ends_a_template_left_to_sign() -> None:
    letter = ingest_bytes(TEMPLATE_TO_SIGN.encode(), filename="letter.md").letter
    assert letter is not None
    assert letter.complimentary_close == "Sincerely,"


NEWSLETTER_TAIL = """\
His Excellency Dr. Khalid bin Hamad bin Jassim Al Thani
Minister of Labour
Doha

Your Excellency,

We ask the Ministry to open the wage fund to all workers.

Yours sincerely,

Ana Lucía Ferreira
General Secretary

--------------------------------------------------

ALSO THIS MONTH
- Heat-stress survey published
- Job opening: Gulf campaigns officer
"""


def test_a_chained_arabic_name_and_a_rule_under_the_signers() -> None:
    letter = ingest_text(NEWSLETTER_TAIL).letter
    assert letter is not None
    (minister,) = letter.addressees
    assert minister.name == "Khalid bin Hamad bin Jassim Al Thani"
    assert [s.name for s in letter.signatories] == ["Ana Lucía Ferreira"]


TABLE_AND_WRAPS = """\
14th May, 2026

The Chairman
Select Committee on Communications, Digital Technology and
Innovations
Parliament House
Accra

Dear Hon. Chairman,

RE: MEMORANDUM ON THE DATA PROTECTION (AMENDMENT) BILL,
2026

We ask the Committee to strike out clause 9.

Yours faithfully,

| Name | Organisation / role | Country |
|------|---------------------|---------|
| Kofi Mensah | lawyer | Ghana |
| Ama Owusu | researcher | Ghana |
| Yaw Boateng | teacher | Togo |
"""


def test_a_wrapped_office_a_wrapped_year_and_a_table_header_with_a_slash() -> None:
    letter = ingest_bytes(TABLE_AND_WRAPS.encode(), filename="letter.md").letter
    assert letter is not None
    (chair,) = letter.addressees
    assert chair.title_lines[0].endswith("Digital Technology and Innovations")
    assert letter.subject is not None and letter.subject.endswith("BILL, 2026")
    assert [s.name for s in letter.signatories] == ["Kofi Mensah", "Ama Owusu", "Yaw Boateng"]


def test_a_templates_name_placeholder_is_the_addressees_name() -> None:
    from draftkit.ingest.addressees import addressee_from

    person = addressee_from(["[Name of MP]", "Member of Parliament, Lok Sabha"])
    assert person is not None and person.name == "[Name of MP]"


COMMISSION_REQUEST = """\
Lima, 2 de marzo de 2026

Señoras y señores
Comisión Interamericana de Derechos Humanos
1889 F St. NW
Washington, D.C. 20006

Honorables Comisionadas y Comisionados:

Por lo anterior, solicitamos a la Honorable Comisión:

1. Convocar una audiencia temática en el próximo período de sesiones.
2. Solicitar información al Estado sobre las medidas de protección.

Atentamente,

Red Amazónica de Defensoras
"""


def test_an_honorables_greeting_and_a_courtesy_over_the_body_written_to() -> None:
    letter = ingest_text(COMMISSION_REQUEST).letter
    assert letter is not None
    assert letter.salutation == "Honorables Comisionadas y Comisionados:"
    (commission,) = letter.addressees
    assert commission.name == "Comisión Interamericana de Derechos Humanos"
    assert commission.title_lines[0] == "Señoras y señores"


PRESIDENT_AND_MINISTER = """\
Ao Excelentíssimo Senhor
Daniel Francisco Chapo
Presidente da República de Moçambique

À Excelentíssima Senhora
Maria Benvinda Levi
Primeira-Ministra

Maputo, 3 de março de 2026

Excelência,

Saudamos o compromisso de diálogo. Para que seja credível, solicitamos a Vossa Excelência que
o Governo:

1. crie uma comissão de inquérito independente;
2. esclareça o paradeiro dos jornalistas desaparecidos.

Atenciosamente,

Observatório da Liberdade de Imprensa
"""


def test_ao_opens_an_address_block_and_excelencia_greets_and_o_is_no_bullet() -> None:
    letter = ingest_text(PRESIDENT_AND_MINISTER).letter
    assert letter is not None
    assert [a.name for a in letter.addressees] == ["Daniel Francisco Chapo", "Maria Benvinda Levi"]
    assert letter.salutation == "Excelência,"
    assert len(letter.asks) == 2


URGENT_ACTION = """\
Issued: 24 March 2026 · Please act before 5 May 2026

Write a letter in your own words or use the model letter below.

Minister of Justice Ayşe Demir
Ministry of Justice
06659 Kızılay
Ankara, Türkiye

Email: info@example.gov.tr

Salutation: Dear Minister,

Dear Minister,

I urge you to release the lawyer Deniz Aksoy immediately.

Yours sincerely,

[Your name]
"""


def test_an_urgent_actions_issue_date_contact_line_and_salutation_note() -> None:
    letter = ingest_text(URGENT_ACTION).letter
    assert letter is not None
    assert letter.date is None  # "Issued: …" is the page's
    (minister,) = letter.addressees
    assert minister.name == "Ayşe Demir"
    assert all("Email" not in line for line in [*minister.title_lines, *minister.address_lines])
    assert letter.salutation == "Dear Minister,"


MIXED_ENTRIES_SPACED = """\
Dear Mr. Cook,

We ask Apple to restore the VPN apps it removed.

Sincerely,

Access Forward

Circumvention Tools Alliance

Daniel Hoffmann — Senior Researcher, Open Networks Lab

Digital Rights Eurasia

Farid Karimi — Founder, VPNWatch

More letters

Letter to Google on account takedowns
"""


def test_bodies_and_people_a_line_each_are_signers_each_and_more_letters_is_chrome() -> None:
    letter = ingest_text(MIXED_ENTRIES_SPACED).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Access Forward",
        "Circumvention Tools Alliance",
        "Daniel Hoffmann",
        "Digital Rights Eurasia",
        "Farid Karimi",
    ]


LEAD_IN_ASKS_THEN_PROSE = """\
December 8, 2026 · Letters · 4 min read

Dear Members of the European Parliament,

We ask you to support amendments that do the following:

**Keep the full value chain in scope.** The worst abuses occur far from headquarters.

**Retain civil liability.** Victims need a way to court.

**Protect defenders.** Companies should consult those at risk.

Europe's credibility abroad depends on the rules it keeps at home.

Kind regards,

The full list of 64 signatory organisations is available in the PDF.
"""


def test_bold_lead_in_asks_end_where_a_paragraph_has_none_and_a_byline_is_no_date() -> None:
    letter = ingest_bytes(LEAD_IN_ASKS_THEN_PROSE.encode(), filename="post.md").letter
    assert letter is not None
    assert letter.date is None
    assert len(letter.asks) == 3
    assert letter.complimentary_close == "Kind regards,"


def test_a_comma_list_keeps_an_and_its_names_share_and_a_place_in_brackets() -> None:
    from draftkit.ingest.signer_lists import split_name_list

    assert (
        split_name_list(
            "Signal Land and Environmental Rights Project, Beacon Society, "
            "Collective for Land and Environmental Rights – Zimbabwe"
        )[-1]
        == "Collective for Land and Environmental Rights – Zimbabwe"
    )
    letter = ingest_text(
        "To: Permanent Representatives of the Member States of the Human Rights Council "
        "(Geneva, Switzerland)\n\nExcellencies,\n\nWe urge you to renew the mandate.\n\n"
        "Sincerely,\n\nCivicus\n"
    ).letter
    assert letter is not None
    (states,) = letter.addressees
    assert states.name.endswith("Human Rights Council")
    assert [*states.title_lines, *states.address_lines] == ["Geneva, Switzerland"]


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


GERMAN_SIGNERS = """\
Sehr geehrter Herr Bundesminister,

wir bitten Sie, sich für die Freilassung der Journalisten einzusetzen.

Mit freundlichen Grüßen

Tariq Mwangi, Geschäftsführerin, Initiative für Rüstungsexportkontrolle (Berlin)

Zeynep Banda, Generalsekretär, Forum Rüstungsexportkontrolle (München)

Mariam Ndlovu, Referentin für Menschenrechte, Netzwerk für Frieden (Leipzig)
"""


def test_german_posts_after_a_name_are_titles() -> None:
    letter = ingest_text(GERMAN_SIGNERS).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == ["Tariq Mwangi", "Zeynep Banda", "Mariam Ndlovu"]


SITE_MENU_AND_SEMICOLON_LIST = """\
Observatorio Cívico del Sur
Inicio
Nosotros
Monitoreo
Publicaciones
Contacto

Carta abierta al Senado sobre la ley de cooperación internacional
14/03/2026

Lima, 12 de marzo de 2026

Señoras y señores senadores:

Les pedimos archivar el proyecto de ley que restringe la cooperación internacional.

Atentamente,

Asociación Pro Derechos Humanos del Sur (Bolivia); Coordinadora Regional de Sociedad Civil de los Andes (Venezuela); Instituto de Defensa Legal (Colombia); Red de Mujeres Defensoras de Derechos Sociales y Ambientales (Ecuador)
"""  # noqa: E501


def test_a_sites_menu_and_post_title_are_page_and_a_semicolon_list_signs() -> None:
    letter = ingest_text(SITE_MENU_AND_SEMICOLON_LIST).letter
    assert letter is not None
    assert not letter.addressees
    assert letter.date is not None and letter.date.isoformat() == "2026-03-12"
    assert letter.complimentary_close == "Atentamente,"
    assert len(letter.signatories) == 4


FORMULA_THEN_LABELLED_LIST = """\
Monsieur le Ministre,

Nous vous demandons de fermer le centre de rétention du Canet.

Nous vous prions d'agréer, Monsieur le Ministre, l'expression de notre haute considération.

Organisations signataires : Ligue des droits humains – section Marseille, Collectif Accueil Solidaire 13, Association Juristes pour l'Asile, Cimade Provence (groupe local).
"""  # noqa: E501


def test_a_labelled_list_on_one_line_after_the_formula_signs() -> None:
    letter = ingest_text(FORMULA_THEN_LABELLED_LIST).letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert len(names) == 4 and names[0] == "Ligue des droits humains – section Marseille"


GERMAN_PAGE_AND_HEAD = """\
Offener Brief an Bundesinnenminister Schuster: Zurückweisungen beenden
10.02.2026 · Lesezeit 4 Min.

Type: Letter

Bundesministerium des Innern
Herrn Bundesminister Tobias Schuster
Alt-Moabit 140
10557 Berlin

Berlin, 9. Februar 2026

Betreff: Zurückweisung von Schutzsuchenden

Sehr geehrter Herr Bundesminister,

wir bitten Sie, die Zurückweisungen an den Grenzen zu beenden.

Mit freundlichen Grüßen

Netzwerk Menschenrechte an der Grenze
Dr. Hannah Fischer, Geschäftsführerin

Aktionsbündnis Frieden und Abrüstung
Jonas Hoffmann, Sprecher

Kopie:
Bundesministerium für Wirtschaft, Referat Ausfuhrkontrolle
Aufsichtsrat der Nordhagen Wehrtechnik AG
"""


def test_a_ministry_over_herrn_and_bodies_signed_for_by_their_people() -> None:
    letter = ingest_text(GERMAN_PAGE_AND_HEAD).letter
    assert letter is not None
    (minister,) = letter.addressees
    assert (minister.honorific, minister.name) == ("Herrn", "Bundesminister Tobias Schuster")
    assert minister.title_lines[0] == "Bundesministerium des Innern"
    assert letter.date is not None and letter.date.isoformat() == "2026-02-09"
    signers = [(s.name, s.organization) for s in letter.signatories]
    assert signers == [
        ("Dr. Hannah Fischer", "Netzwerk Menschenrechte an der Grenze"),
        ("Jonas Hoffmann", "Aktionsbündnis Frieden und Abrüstung"),
    ]
    assert len(letter.cc) == 2


TO_THE_MEMBERS_AND_DASHES = """\
An die Mitglieder des Ausschusses für Menschenrechte des Deutschen Bundestages
Platz der Republik 1
11011 Berlin

Berlin, den 14. Oktober 2026

Sehr geehrte Abgeordnete,

das Gesetz verpflichtet Unternehmen, Risiken zu ermitteln und zu vermeiden
– unabhängig davon, ob eine Genehmigung erteilt wurde.

Wir bitten Sie daher eindringlich,
– keine neuen Genehmigungen zu erteilen,
– den Bundestag zu unterrichten.

Mit freundlichen Grüßen

Forum Menschenrechte und Wirtschaft
"""


def test_an_die_opens_the_address_and_a_dash_after_a_word_goes_on_the_sentence() -> None:
    letter = ingest_text(TO_THE_MEMBERS_AND_DASHES).letter
    assert letter is not None
    (members,) = letter.addressees
    assert members.name.startswith("Mitglieder des Ausschusses")
    assert len(letter.asks) == 2
    assert "unabhängig davon" in letter.body[0]


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


SIGN_FORM_AND_BODIES = """\
Dear Leader Thune and Leader Schumer:

We urge you to fund the park service fully.

Sincerely,

Backcountry Rangers Association

Retired Park Rangers Association

Zion Canyon Friends

Add your name to the letter.

Full name

Title and congregation

Add my name
"""


def test_bodies_a_paragraph_each_and_a_sign_form_under_them() -> None:
    letter = ingest_text(SIGN_FORM_AND_BODIES).letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [
        "Backcountry Rangers Association",
        "Retired Park Rangers Association",
        "Zion Canyon Friends",
    ]


def test_a_capitalised_french_style_is_an_honorific() -> None:
    from draftkit.ingest.names import split_honorific

    assert split_honorific("L’Honorable Kristi Noem") == ("L’Honorable", "Kristi Noem")


BRAZIL_TABLE_AND_PAGER = """\
Ao Excelentíssimo Senhor Camilo Sobreira
Ministro de Estado da Educação

Senhor Ministro,

Solicitamos a recomposição do orçamento da alimentação escolar.

Atenciosamente,

Entidades signatárias

Entidade\tUF
Fórum Brasileiro de Alimentação Escolar\tDF
Rede Agroecológica do Semiárido\tPE
Movimento Merenda de Verdade\tRJ

Categorías: Comunicados, Estado de excepción

← Anterior: Informe trimestral de monitoreo
Siguiente: Alerta por desalojo en el Bajo Aguán →
"""


def test_a_state_code_column_a_post_category_and_a_pager_are_no_signers() -> None:
    letter = ingest_text(BRAZIL_TABLE_AND_PAGER).letter
    assert letter is not None
    (minister,) = letter.addressees
    assert minister.name == "Camilo Sobreira"
    assert [s.name for s in letter.signatories] == [
        "Fórum Brasileiro de Alimentação Escolar",
        "Rede Agroecológica do Semiárido",
        "Movimento Merenda de Verdade",
    ]


def test_a_note_that_the_signatures_are_at_the_end_in_spanish_is_a_note() -> None:
    from draftkit.ingest.signer_labels import is_signatory_note

    assert is_signatory_note("(firmas al final del documento)")
    assert is_signatory_note("(assinaturas ao final)")


_GERMAN_NAMES = [
    f"{title}{first} {last} ({place})"
    for title, first, last, place in [
        ("Prof. Dr. ", "Timo", "Schmidt", "UdK Berlin"),
        ("", "Clara", "Fischer", "Deutsches Theater"),
        ("Dr. ", "Hannah", "Wolf", "Charité"),
        ("", "Felix", "Koch", "Berliner Ensemble"),
        ("Prof. Dr. ", "Matthias", "Klein", "UdK Berlin"),
        ("", "Petra", "Weber", "Volksbühne"),
        ("", "Jonas", "Braun", "Maxim Gorki Theater"),
        ("Dr. ", "Lea", "Hartmann", "Humboldt-Universität"),
    ]
    * 4
]

GERMAN_SIGN_ON = (
    "Sehr geehrter Herr Regierender Bürgermeister,\n\n"
    "wir bitten Sie, die Kürzungen im Kulturhaushalt zurückzunehmen.\n\n"
    "Mit freundlichen Grüßen\n\n"
    "Die Unterzeichnenden (Institutionen nur zur Identifikation):\n\n"
    + ", ".join(_GERMAN_NAMES)
    + "\n\nTeilen\n"
)


def test_a_comma_list_with_doctors_titles_under_die_unterzeichnenden() -> None:
    letter = ingest_text(GERMAN_SIGN_ON).letter
    assert letter is not None
    names = [s.name for s in letter.signatories]
    assert len(names) == 32 and names[0].startswith("Prof. Dr. Timo Schmidt")


IDENTIFICATION_NOTE = """\
Sehr geehrter Herr Bundesminister,

wir bitten Sie, die Förderung der Weiterbildung fortzusetzen.

Mit freundlichen Grüßen

Erstunterzeichnende

Die Angabe der Institution dient nur der Identifikation.

1. Dr. med. Aylin Werner, Universität Leipzig
2. Prof. Dr. Lukas Koch, Charité – Universitätsmedizin Berlin
3. Miriam Becker, Universität Freiburg
"""


def test_a_german_note_that_affiliations_identify_is_no_signer() -> None:
    letter = ingest_text(IDENTIFICATION_NOTE).letter
    assert letter is not None
    assert len(letter.signatories) == 3
    assert letter.signatories[0].name.startswith("Dr. med. Aylin Werner")


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


TWO_JUSTICES = """\
Excelentíssimo Senhor Ministro Edson Fachin
Presidente do Supremo Tribunal Federal

Excelentíssimo Senhor Ministro Gilmar Mendes
Relator da ADC 87
Praça dos Três Poderes
70175-900 Brasília – DF

Excelentíssimos Senhores Ministros,

Requeremos o julgamento célere da ação.

Respeitosamente,

Instituto Terra e Direito
"""


def test_each_block_opened_by_a_formal_style_is_an_addressee() -> None:
    letter = ingest_text(TWO_JUSTICES).letter
    assert letter is not None
    assert len(letter.addressees) == 2


def test_director_general_with_its_body_is_no_greeting() -> None:
    from draftkit.ingest.anchors import match_salutation
    from draftkit.ingest.text import Line

    assert (
        match_salutation(Line("Director General, Zambia Environmental Management Agency")) is None
    )
    assert match_salutation(Line("Senator Padilla,")) is not None


def test_french_quotation_marks_at_a_line_end_are_no_pager() -> None:
    from draftkit.ingest.noise import is_footer_start

    assert not is_footer_start("dite « loi sécurité globale »")
    assert not is_footer_start("« Nous demandons au gouvernement")
    assert is_footer_start("← Anterior: Informe trimestral de monitoreo")


def test_signers_with_philippine_honorifics_and_a_dash_before_their_posts() -> None:
    """ "Atty." and "Fr." open a signer's name; "Name — Post, Network" a line each, set a
    line apart, is the signature block, not page text after the close."""
    text = (
        "Hon. Ramon Dizon\nChairperson, Committee on Human Rights\nHouse of Representatives\n"
        "Quezon City\n\nDear Chairperson Dizon:\n\n"
        "We ask the Committee to hold hearings on the defenders' protection bill in the "
        "regions most affected, and to publish the draft before the hearings begin.\n\n"
        "Respectfully,\n\n"
        "Atty. Marites Villanueva — Convenor, Visayas Paralegal Alliance for Land Rights\n\n"
        "Fr. Gregorio Almonte — Co-convenor\n\n"
        "Jamila Usman — Secretariat Coordinator\n\n"
        "Share: Facebook X Email\n"
    )
    letter = _letter(text)
    assert [s.name for s in letter.signatories] == [
        "Atty. Marites Villanueva",
        "Fr. Gregorio Almonte",
        "Jamila Usman",
    ]


@pytest.mark.parametrize(
    "chrome",
    [
        "Compartilhar WhatsApp Facebook LinkedIn",
        "Partager cet article : Facebook Twitter LinkedIn WhatsApp",
        "Print Download PDF Share",
        "Etiquetas: agua, derechos humanos, Oaxaca",
        "Responses (14)",
        "Kommentare (3)",
    ],
)
def test_a_pages_buttons_tags_and_comment_count_after_the_signers_are_no_signer(
    chrome: str,
) -> None:
    """Share rows, tags and a comment count in any of the page's languages end the list."""
    text = (
        "Dear Governor Okafor,\n\nWe ask you to publish the water quality data for every "
        "district before the rainy season begins.\n\nSincerely,\n\n"
        "Rivers for All\nClean Taps Coalition\nDelta Mothers' Network\n\n"
        f"{chrome}\n"
    )
    letter = _letter(text)
    assert [s.name for s in letter.signatories] == [
        "Rivers for All",
        "Clean Taps Coalition",
        "Delta Mothers' Network",
    ]


def test_a_posts_tags_right_under_the_last_signer_are_no_signer() -> None:
    """A blog theme sets the post's tags straight under the letter, no blank line between:
    a labelled line is not the wrapped end of the signer line above it."""
    text = (
        "Inicio\nCampañas\n\nEstimada Jefa de Gobierno:\n\nLe pedimos publicar los datos de "
        "calidad del agua de cada alcaldía antes de la temporada de lluvias.\n\n"
        "Atentamente,\n\nRed Vecinal del Agua\nColectivo Lluvia Limpia\n"
        "Mariana Soto Ibarra, investigadora en hidrología urbana\n"
        "Etiquetas: agua, derechos humanos, Coyoacán\n"
        "← Entrada anterior: Informe anual del Colectivo\n"
    )
    letter = _letter(text)
    assert [s.name for s in letter.signatories][-1] == "Mariana Soto Ibarra"
    assert len(letter.signatories) == 3


def test_a_table_of_names_and_professions_is_a_signer_a_row() -> None:
    """ "Conservation Scientist", "Marine Ecologist" in the second column start like names
    but are what the person in the first column does."""
    people = [
        ("Meera Thampi", "Conservation Scientist"),
        ("Dr. Arjun Dasgupta", "Marine Ecologist"),
        ("Rohan Kurian", "Environmental Journalist"),
        ("Nisha Bhattacharya", "Wildlife Biologist"),
        ("Prof. Sunil Varghese", "Retired Professor of Zoology"),
        ("Tara Lobo", "Policy Analyst"),
    ]
    rows = "".join(f"<tr><td>{name}</td><td>{what}</td></tr>" for name, what in people)
    html = (
        "<html><body><p>To,</p><p>The Secretary<br>Ministry of Environment<br>New Delhi</p>"
        "<p>Respected Sir,</p><p>We ask the Ministry to withdraw the clearance until the "
        "island's tribal councils have been consulted.</p><p>Yours faithfully,</p>"
        "<table><tr><th>Name</th><th>Affiliation</th></tr>"
        f"{rows}</table>"
        "<p>Copy to:<br>1. Shri Vikram Sethi, Secretary, Ministry of Tribal Affairs<br>"
        "2. Smt. Anjali Rao, Chairperson, National Commission for Scheduled Tribes</p>"
        "</body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [name for name, _ in people]
    assert [s.title_lines for s in letter.signatories] == [[what] for _, what in people]
    assert [(c.honorific, c.name) for c in letter.cc] == [
        ("Shri", "Vikram Sethi"),
        ("Smt.", "Anjali Rao"),
    ]


def test_one_paragraph_of_names_with_honorifics_is_a_signer_a_name() -> None:
    """ "Atty. A, Atty. B, Atty. C": names alone after each comma, not one person and
    their posts."""
    text = (
        "Hon. Teresita Villanueva\nPresiding Justice\nCourt of Appeals\nManila\n\n"
        "Your Honor,\n\nWe ask the Court to issue rules protecting lawyers from being "
        "named as enemies of the state for the clients they represent.\n\n"
        "Respectfully yours,\n\n"
        "Atty. Lorna Bautista, Atty. Ramil Dizon, Atty. Kristine Ocampo, Atty. Joel Tan, "
        "Atty. Mylene Sarmiento\n"
    )
    letter = _letter(text)
    assert [s.name for s in letter.signatories] == [
        "Atty. Lorna Bautista",
        "Atty. Ramil Dizon",
        "Atty. Kristine Ocampo",
        "Atty. Joel Tan",
        "Atty. Mylene Sarmiento",
    ]


def test_an_investor_table_keeps_the_investor_and_drops_country_and_assets() -> None:
    """ "Investor | Country | Assets under management": the header row and the columns
    that describe each investor (where, how much) are no signers."""
    rows = [
        ("Fjordline Pension Fund", "Norway", "NOK 310bn"),
        ("Aurelia Stewardship Partners", "United Kingdom", "£12.5bn"),
        ("Caisse Solidaire du Rhône", "France", "€840m"),
        ("Lakeshore Teachers' Retirement System", "Canada", "CAD 92bn"),
    ]
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    html = (
        "<html><body><p>Dear Chair of the Board,</p><p>As investors in the company we ask "
        "the Board to publish a transition plan with interim targets before the next annual "
        "meeting.</p><p>Yours sincerely,</p><p>The undersigned investors</p>"
        "<table><tr><th>Investor</th><th>Country</th><th>Assets under management</th></tr>"
        f"{cells}</table></body></html>"
    )
    letter = ingest_bytes(html.encode(), filename="letter.html").letter
    assert letter is not None
    assert [s.name for s in letter.signatories] == [a for a, _, _ in rows]


def test_an_arabic_name_with_its_article_joined_is_a_name() -> None:
    """ "al-Sisi", "el-Masri": the article joined by a hyphen to the name is part of it."""
    text = (
        "H.E. Abdel Fattah al-Sisi\nPresident of the Arab Republic of Egypt\n"
        "Heliopolis, Cairo\n\nYour Excellency,\n\nWe ask you to order the release of the "
        "lawyers held in pre-trial detention beyond the legal limit.\n\n"
        "Respectfully yours,\n\nDr. Amal el-Masri\nChair, Lawyers for Lawyers Circle\n"
    )
    letter = _letter(text)
    assert (letter.addressees[0].honorific, letter.addressees[0].name) == (
        "H.E.",
        "Abdel Fattah al-Sisi",
    )
    assert letter.signatories[0].name == "Dr. Amal el-Masri"


@pytest.mark.parametrize(
    ("head", "honorific", "name", "title"),
    [
        (
            "A la atención de:\nDña. Marta Quintana Ruiz\nMinistra de Igualdad\n"
            "Calle de Alcalá 37\n28014 Madrid",
            "Dña.",
            "Marta Quintana Ruiz",
            "Ministra de Igualdad",
        ),
        (
            "An Seine Exzellenz\nHerrn Gustavo Petro Urrego\nPräsident der Republik Kolumbien"
            "\nCasa de Nariño\nBogotá",
            "Herrn",
            "Gustavo Petro Urrego",
            "Präsident der Republik Kolumbien",
        ),
        (
            "Herrn Ersten Bürgermeister\nDr. Jens Hallberg\nRathausmarkt 1\n20095 Hamburg",
            "Dr.",
            "Jens Hallberg",
            "Ersten Bürgermeister",
        ),
    ],
)
def test_a_courtesy_line_over_the_addressees_name_is_not_the_addressee(
    head: str, honorific: str, name: str, title: str
) -> None:
    """ "A la atención de:", "An Seine Exzellenz" and "Herrn <office>" stand over the name
    of the person written to: the name is theirs, the office styled so a title line."""
    text = (
        f"{head}\n\nSehr geehrte Damen und Herren,\n\nwir bitten Sie, die Gespräche mit den "
        "Gemeinden vor jeder Entscheidung zu führen.\n\nMit freundlichen Grüßen\n\n"
        "Netzwerk Wasser und Recht e. V.\n"
    )
    letter = _letter(text)
    assert len(letter.addressees) == 1
    first = letter.addressees[0]
    assert (first.honorific, first.name) == (honorific, name)
    assert first.title_lines[0] == title


@pytest.mark.parametrize(
    "count",
    [
        "sowie 212 Einzelpersonen (Liste auf Anfrage)",
        "and 140 individuals",
        "ainsi que 35 personnes",
        "y 58 personas",
    ],
)
def test_a_count_of_further_signers_after_the_list_is_no_signer(count: str) -> None:
    """ "sowie 212 Einzelpersonen": how many more signed, in any of the page's languages."""
    text = (
        "Sehr geehrte Frau Präsidentin,\n\nwir bitten Sie, die befristeten Stellen im "
        "Mittelbau zu entfristen.\n\nMit freundlichen Grüßen\n\n"
        "Mittelbauinitiative Nord\nGEW Hochschulgruppe\nPersonalrat der Universität\n"
        f"{count}\n"
    )
    letter = _letter(text)
    assert [s.name for s in letter.signatories] == [
        "Mittelbauinitiative Nord",
        "GEW Hochschulgruppe",
        "Personalrat der Universität",
    ]


@pytest.mark.parametrize(
    ("head", "group"),
    [
        (
            "Madame Lucie Waheo\nPrésidente du Congrès\n1, boulevard Vauban\n98800 Nouméa\n"
            "Mesdames et Messieurs les membres du Congrès",
            "Mesdames et Messieurs les membres du Congrès",
        ),
        (
            "Dr. Helen Marwick\nPresident and Vice-Chancellor\nNorthshore University\n"
            "1200 Campus Drive\nVancouver, BC V6T 1Z4\n\n"
            "The Chair and Members of the Board of Governors",
            "The Chair and Members of the Board of Governors",
        ),
    ],
)
def test_the_members_of_a_body_under_its_heads_whole_address_are_addressees_too(
    head: str, group: str
) -> None:
    text = (
        f"{head}\n\nDear President and Members,\n\nWe ask the institution to end its "
        "holdings in companies that expand fossil fuel extraction.\n\nSincerely,\n\n"
        "Faculty for a Livable Future\n"
    )
    letter = _letter(text)
    assert len(letter.addressees) == 2
    assert letter.addressees[1].name == group
    assert group not in letter.addressees[0].address_lines


def test_a_page_copied_without_blank_lines_keeps_the_address_over_the_letters_date() -> None:
    """The page's text, the inside address and the date run together above the greeting:
    the address over the date is the letter's head, not page text."""
    text = (
        "Home / News / Joint letter on asylum housing\n"
        "Joint letter on asylum housing\n"
        "Twenty-two organisations have written to the Home Secretary about hotel housing.\n"
        "The Rt Hon Miriam Calder MP\n"
        "Secretary of State for the Home Department\n"
        "Home Office\n"
        "2 Marsham Street\n"
        "London SW1P 4DF\n"
        "14 January 2025\n"
        "Dear Home Secretary,\n"
        "We ask you to end the use of large sites to house people seeking asylum.\n"
        "Yours sincerely,\n"
        "Shelter Together Network\n"
    )
    letter = _letter(text)
    assert len(letter.addressees) == 1
    first = letter.addressees[0]
    assert (first.honorific, first.name) == ("The Rt Hon", "Miriam Calder MP")
    assert first.address_lines == ["2 Marsham Street", "London SW1P 4DF"]


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


def test_a_line_of_ellipsis_characters_to_sign_on_is_no_signer() -> None:
    """ "……………………" drawn with ellipsis characters over a signer's name is a line to sign
    on, like "__________"."""
    text = (
        "H.E. Grace Wambui\nGovernor, Lakeside County\nP.O. Box 100\nKisumu\n\n"
        "Your Excellency,\n\nWe ask you to halt the demolitions until the court has ruled.\n\n"
        "Yours faithfully,\n\nMargaret Achieng Otieno\nChairperson\n\n"
        "……………………………\nHalima Abdi Noor\nTreasurer\n"
    )
    letter = _letter(text)
    assert [(s.name, s.title_lines) for s in letter.signatories] == [
        ("Margaret Achieng Otieno", ["Chairperson"]),
        ("Halima Abdi Noor", ["Treasurer"]),
    ]


def test_a_pages_title_and_note_run_into_the_mail_headers_are_not_the_address() -> None:
    """A page copied without blank lines: its title, byline and note run straight into the
    e-mail's "From:/To:/Date:" lines. The headers open the letter; "To:" names the
    addressee, and the page's lines above are not part of the head."""
    text = (
        "Our letter to Northbank Capital on dam construction\n"
        "Company engagement · 22 September 2025\n"
        "We sent the following e-mail to Northbank Capital on 19 September.\n"
        "From: Layla Haddad <l.haddad@example.org>\n"
        "To: Dana Whitcombe, Chief Executive, Northbank Capital\n"
        "Date: 19 September 2025\n"
        "Subject: Resettlement risks in the Upper Valley dam\n"
        "Dear Ms Whitcombe,\n"
        "We ask Northbank to require a resettlement plan before it finances the dam.\n"
        "Kind regards,\n"
        "Layla Haddad\n"
    )
    letter = _letter(text)
    assert [a.name for a in letter.addressees] == ["Dana Whitcombe"]


@pytest.mark.parametrize(
    ("byline", "dateline", "expected"),
    [
        ("Statements — 9 April 2025", "April 8, 2025\n\n", "2025-04-08"),
        ("13 novembre 2025 — Communiqués", "Dakar, le 12 novembre 2025\n\n", "2025-11-12"),
        ("15 January 2025 | Policy team | Housing", "14 January 2025\n\n", "2025-01-14"),
    ],
)
def test_a_posts_section_and_date_over_the_letter_are_the_pages_not_the_letters(
    byline: str, dateline: str, expected: str
) -> None:
    """ "Statements — 9 April 2025", "13 novembre 2025 — Communiqués": a page's section
    beside its post's date (published), not the letter's dateline."""
    text = (
        f"Joint letter on food ration cuts\n\n{byline}\n\n{dateline}"
        "Mr. Anders Holm\nHigh Commissioner\nGeneva\n\nDear High Commissioner,\n\n"
        "We ask you to restore the full food ration before the monsoon.\n\n"
        "Sincerely,\n\nRefugee Rights Coalition\nCamp Mothers' Network\n"
    )
    letter = _letter(text)
    assert str(letter.date) == expected


def test_a_sections_dated_line_over_the_letter_gives_way_to_the_date_after_the_close() -> None:
    text = (
        "Lawyers at Risk — 13 January 2026\n\nH.E. the President\nCairo\n\n"
        "Your Excellency,\n\nWe ask you to release the detained lawyers.\n\n"
        "Respectfully yours,\n\nIngrid Solberg\nChair, Nordic Lawyers' Circle\n\n"
        "Oslo, 12.01.2026\n"
    )
    letter = _letter(text)
    assert str(letter.date) == "2026-01-12"


def test_paragraphs_counted_first_second_third_are_the_asks_as_written() -> None:
    """ "First, we ask …" / "Second, we ask …": each counted paragraph is an ask, its count
    kept as written, so the letter renders back the same."""
    from draftkit.render import render_text

    text = (
        "Dear Honourable Members of the Commission,\n\n"
        "We write about the draft code of criminal procedure.\n\n"
        "First, we ask the Commission to extend its deliberations by six months.\n\n"
        "Second, we ask that every arrest be reviewed by a judge within 48 hours.\n\n"
        "Third, we ask that suspects see a lawyer from the moment of arrest.\n\n"
        "We would be glad to present our comments at a hearing.\n\n"
        "Respectfully yours,\n\nCoalition for Fair Trials\n"
    )
    letter = _letter(text)
    assert [a.body for a in letter.asks] == [
        "First, we ask the Commission to extend its deliberations by six months.",
        "Second, we ask that every arrest be reviewed by a judge within 48 hours.",
        "Third, we ask that suspects see a lawyer from the moment of arrest.",
    ]
    assert letter.closing == ["We would be glad to present our comments at a hearing."]
    rendered = render_text(letter)
    assert "First, we ask the Commission" in rendered
    assert "1. First" not in rendered


def test_a_portuguese_intro_that_says_what_is_indispensable_introduces_the_asks() -> None:
    text = (
        "Exmo. Senhor Presidente,\n\nAs organizações abaixo assinadas acompanham as "
        "comunidades reassentadas.\n\nAntes de qualquer decisão, consideramos indispensável "
        "que a empresa:\n\n- publique o relatório da revisão independente;\n"
        "- conclua o pagamento das compensações em atraso;\n"
        "- restabeleça o acesso às zonas de pesca.\n\nAtenciosamente,\n\n"
        "Justiça Ambiental\nObservatório do Meio Rural\n"
    )
    letter = _letter(text)
    assert len(letter.asks) == 3


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


def test_a_french_rector_written_to_by_office_and_a_post_box_address() -> None:
    """ "À Monsieur le Recteur de l'Université …" / "BP 5005 Dakar-Fann": the office so
    styled is the addressee's name line, the post box its address."""
    text = (
        "À Monsieur le Recteur de l'Université de Thiès\nBP 967 Thiès\n\n"
        "Objet : réouverture du campus social\n\nMonsieur le Recteur,\n\n"
        "Nous vous demandons de rouvrir le campus social avant la rentrée.\n\n"
        "Veuillez agréer, Monsieur le Recteur, l'expression de notre haute considération.\n\n"
        "Collectif des amicales\n"
    )
    letter = _letter(text)
    first = letter.addressees[0]
    assert (first.honorific, first.name) == ("Monsieur", "le Recteur de l'Université de Thiès")
    assert first.address_lines == ["BP 967 Thiès"]


def test_a_menu_copied_into_the_block_over_the_letters_date_is_not_the_address() -> None:
    """A page copied without blank lines: the site's menu, title and byline run into the
    letter's date and address; the date is the head's top line."""
    text = (
        "Aller au contenu principal\nObservatoire des Libertés\nAccueil\nQui sommes-nous ?\n"
        "Actualités\nPays\nPublications\nNous contacter\nRechercher…\nActualités\n"
        "Lettre ouverte à la Commission africaine : l'espace civique au Sahel\n"
        "Par la rédaction | 30 avril 2025 | Déclarations, Mali\nPartager\n"
        "Banjul, le 28 avril 2025\nÀ l'attention de :\nMonsieur le Président\n"
        "Commission africaine des droits de l'homme et des peuples\nBanjul, Gambie\n"
        "Objet : l'espace civique au Sahel\nMonsieur le Président,\n"
        "Nous vous invitons à adopter une résolution sur les libertés au Sahel.\n"
        "Veuillez agréer, Monsieur le Président, l'expression de notre haute considération.\n"
        "Ligue sahélienne des droits humains\n"
    )
    letter = _letter(text)
    assert len(letter.addressees) == 1
    first = letter.addressees[0]
    assert (first.honorific, first.name) == ("Monsieur", "le Président")
    assert str(letter.date) == "2025-04-28"


def test_a_blog_posts_footer_under_the_signer_is_page_chrome() -> None:
    """Blogger's footer right under the letter: "Posted by … at 18:05", "Labels: …",
    "Newer Post Older Post Home" are the page's, not the signer's titles."""
    text = (
        "Your Excellency,\n\nI ask the Ministry to publish the air quality data from its "
        "monitoring stations in Basra.\n\nWith respect and thanks,\n\n"
        "Dr. Huda Al-Sayegh\nConsultant Physician, Basra Teaching Hospital\n"
        "Posted by Huda at 18:05   3 comments\nLabels: air pollution, Basra, health\n"
        "Newer Post   Older Post   Home\n"
    )
    letter = _letter(text)
    assert len(letter.signatories) == 1
    assert letter.signatories[0].name == "Dr. Huda Al-Sayegh"


def test_the_members_of_a_body_written_to_together_are_the_addressees_name() -> None:
    """ "The Commissioners" over the Commission's address: the people written to, the
    addressee's name line (it renders back the same)."""
    from draftkit.render import render_text

    text = (
        "The Commissioners\nInter-American Commission on Human Rights\n"
        "1889 F Street NW\nWashington, D.C. 20006\n\nDear Commissioners:\n\n"
        "We request a thematic hearing on the criminalisation of water defenders.\n\n"
        "Respectfully submitted,\n\nRed de Defensores del Agua\n"
    )
    letter = _letter(text)
    first = letter.addressees[0]
    assert first.name == "The Commissioners"
    assert first.title_lines == ["Inter-American Commission on Human Rights"]
    assert render_text(letter).splitlines()[:2] == [
        "The Commissioners",
        "Inter-American Commission on Human Rights",
    ]


def test_a_name_then_what_the_signer_is_in_lower_case_is_one_signer() -> None:
    """ "Dominique Arnaud, ancienne journaliste, militante pour …": the parts after the
    name start in lower case, so they describe her; no second name starts so."""
    text = (
        "Monsieur le Premier président,\n\nNous vous demandons de veiller au contrôle des "
        "conditions de détention.\n\nNous vous prions d'agréer, Monsieur le Premier "
        "président, l'expression de notre haute considération.\n\n"
        "Dominique Arnaud, ancienne journaliste, militante pour les droits des détenus\n\n"
        "Me Claire Dubosc, avocate au barreau de Lyon\n\n"
        "Observatoire des prisons – section Rhône\n"
    )
    letter = _letter(text)
    assert [s.name for s in letter.signatories] == [
        "Dominique Arnaud",
        "Me Claire Dubosc",
        "Observatoire des prisons – section Rhône",
    ]
