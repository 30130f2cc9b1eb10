"""Tests for draftkit.protocol: the forms-of-address table and the rules built on it."""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from draftkit import protocol
from draftkit.errors import DraftkitError, ProtocolError
from draftkit.protocol import (
    AddressForms,
    address_forms,
    combined_salutation,
    default_punctuation,
    get_office,
    offices,
    surname_of,
)

ROOT = Path(__file__).resolve().parents[1]
DOCS_PAGE = ROOT / "docs" / "protocol.md"

Gendered = str | dict[str | None, str]


def by_gender(value: Gendered, gender: str | None) -> str:
    """An expected value that may differ by gender (dict keys None/"male"/"female")."""
    if isinstance(value, str):
        return value
    return value[gender]


def mr_ms(surname: str, neutral: str) -> dict[str | None, str]:
    return {None: neutral, "male": f"Dear Mr. {surname}", "female": f"Dear Ms. {surname}"}


def excellency(name: str) -> dict[str | None, str]:
    return {
        None: f"H.E. {name}",
        "male": f"His Excellency {name}",
        "female": f"Her Excellency {name}",
    }


def mr_ms_name(name: str) -> dict[str | None, str]:
    return {None: name, "male": f"Mr. {name}", "female": f"Ms. {name}"}


DIPLOMATIC_CLOSE = "Please accept, Excellency, the assurances of my highest consideration."
WHITE_HOUSE = ["The White House", "1600 Pennsylvania Avenue NW", "Washington, DC 20500"]
OHCHR = ["Palais des Nations", "CH-1211 Geneva 10", "Switzerland"]
COMMISSION = ["European Commission", "Rue de la Loi / Wetstraat 200", "1049 Brussels", "Belgium"]
PARLIAMENT = ["European Parliament", "Rue Wiertz / Wiertzstraat 60", "1047 Brussels", "Belgium"]
SUPREME_COURT = ["Supreme Court of the United States", "1 First Street NE", "Washington, DC 20543"]


@dataclass(frozen=True)
class Case:
    """Expected forms for one person in one office (block = gender not given)."""

    name: str
    block: list[str]
    formal: Gendered
    common: Gendered
    close: str
    close_formal: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    surname: str | None = None
    first_line: Gendered | None = None  # the name line by gender, when it differs


# One entry per office of the table, with real expected strings.
EXPECTED: dict[str, Case] = {
    "us-president": Case(
        name="Joseph R. Biden Jr.",
        block=["The Honorable Joseph R. Biden Jr.", "President of the United States", *WHITE_HOUSE],
        formal={
            None: "Dear President Biden",
            "male": "Dear Mr. President",
            "female": "Dear Madam President",
        },
        common="Dear President Biden",
        close="Respectfully,",
    ),
    "us-vice-president": Case(
        name="Kamala D. Harris",
        block=[
            "The Honorable Kamala D. Harris",
            "Vice President of the United States",
            *WHITE_HOUSE,
        ],
        formal={
            None: "Dear Vice President Harris",
            "male": "Dear Mr. Vice President",
            "female": "Dear Madam Vice President",
        },
        common="Dear Vice President Harris",
        close="Respectfully,",
    ),
    "us-cabinet-secretary": Case(
        name="Alejandro N. Mayorkas",
        params={"department": "Homeland Security"},
        block=[
            "The Honorable Alejandro N. Mayorkas",
            "Secretary of Homeland Security",
            "U.S. Department of Homeland Security",
            "Washington, DC",
        ],
        formal={
            None: "Dear Secretary Mayorkas",
            "male": "Dear Mr. Secretary",
            "female": "Dear Madam Secretary",
        },
        common="Dear Secretary Mayorkas",
        close="Sincerely,",
    ),
    "us-secretary-of-state": Case(
        name="Antony J. Blinken",
        block=[
            "The Honorable Antony J. Blinken",
            "Secretary of State",
            "U.S. Department of State",
            "2201 C Street NW",
            "Washington, DC 20520",
        ],
        formal={
            None: "Dear Secretary Blinken",
            "male": "Dear Mr. Secretary",
            "female": "Dear Madam Secretary",
        },
        common="Dear Secretary Blinken",
        close="Sincerely,",
    ),
    "us-attorney-general": Case(
        name="Merrick B. Garland",
        block=[
            "The Honorable Merrick B. Garland",
            "Attorney General of the United States",
            "U.S. Department of Justice",
            "950 Pennsylvania Avenue NW",
            "Washington, DC 20530",
        ],
        formal={
            None: "Dear Attorney General Garland",
            "male": "Dear Mr. Attorney General",
            "female": "Dear Madam Attorney General",
        },
        common="Dear Attorney General Garland",
        close="Sincerely,",
    ),
    "us-deputy-secretary": Case(
        name="Wendy R. Sherman",
        params={"department": "State"},
        block=[
            "The Honorable Wendy R. Sherman",
            "Deputy Secretary of State",
            "U.S. Department of State",
            "Washington, DC",
        ],
        formal=mr_ms("Sherman", "Dear Deputy Secretary Sherman"),
        common="Dear Deputy Secretary Sherman",
        close="Sincerely,",
    ),
    "us-under-secretary": Case(
        name="Uzra S. Zeya",
        params={
            "portfolio": "Civilian Security, Democracy, and Human Rights",
            "department": "State",
        },
        block=[
            "The Honorable Uzra S. Zeya",
            "Under Secretary for Civilian Security, Democracy, and Human Rights",
            "U.S. Department of State",
            "Washington, DC",
        ],
        formal=mr_ms("Zeya", "Dear Under Secretary Zeya"),
        common="Dear Under Secretary Zeya",
        close="Sincerely,",
    ),
    "us-assistant-secretary": Case(
        name="Lisa J. Peterson",
        params={"bureau": "Bureau of Democracy, Human Rights, and Labor", "department": "State"},
        block=[
            "The Honorable Lisa J. Peterson",
            "Assistant Secretary",
            "Bureau of Democracy, Human Rights, and Labor",
            "U.S. Department of State",
            "Washington, DC",
        ],
        formal=mr_ms("Peterson", "Dear Assistant Secretary Peterson"),
        common="Dear Assistant Secretary Peterson",
        close="Sincerely,",
    ),
    "us-administrator": Case(
        name="Samantha Power",
        params={"agency": "U.S. Agency for International Development"},
        block=[
            "The Honorable Samantha Power",
            "Administrator of the U.S. Agency for International Development",
            "Washington, DC",
        ],
        formal={
            None: "Dear Administrator Power",
            "male": "Dear Mr. Administrator",
            "female": "Dear Madam Administrator",
        },
        common="Dear Administrator Power",
        close="Sincerely,",
    ),
    "us-senator": Case(
        name="James E. Risch",
        params={"state": "Idaho"},
        block=[
            "The Honorable James E. Risch",
            "United States Senator for Idaho",
            "United States Senate",
            "Washington, DC 20510",
        ],
        formal="Dear Senator Risch",
        common="Dear Senator Risch",
        close="Sincerely,",
    ),
    "us-representative": Case(
        name="Young Kim",
        params={"state": "California", "district": "40th"},
        block=[
            "The Honorable Young Kim",
            "Representative for the 40th District of California",
            "United States House of Representatives",
            "Washington, DC 20515",
        ],
        formal=mr_ms("Kim", "Dear Representative Kim"),
        common="Dear Representative Kim",
        close="Sincerely,",
    ),
    "us-delegate": Case(
        name="Leilani M. Santos",
        params={"state": "Guam"},
        block=[
            "The Honorable Leilani M. Santos",
            "Delegate from Guam",
            "United States House of Representatives",
            "Washington, DC 20515",
        ],
        formal=mr_ms("Santos", "Dear Delegate Santos"),
        common="Dear Delegate Santos",
        close="Sincerely,",
    ),
    "us-resident-commissioner": Case(
        name="Andrés Colón Vega",
        surname="Colón Vega",
        params={"state": "Puerto Rico"},
        block=[
            "The Honorable Andrés Colón Vega",
            "Resident Commissioner from Puerto Rico",
            "United States House of Representatives",
            "Washington, DC 20515",
        ],
        formal=mr_ms("Colón Vega", "Dear Resident Commissioner Colón Vega"),
        common="Dear Resident Commissioner Colón Vega",
        close="Sincerely,",
    ),
    "us-speaker": Case(
        name="Jordan Q. Avery",
        block=[
            "The Honorable Jordan Q. Avery",
            "Speaker of the House of Representatives",
            "United States Capitol",
            "Washington, DC 20515",
        ],
        formal={
            None: "Dear Speaker Avery",
            "male": "Dear Mr. Speaker",
            "female": "Dear Madam Speaker",
        },
        common="Dear Speaker Avery",
        close="Sincerely,",
    ),
    "us-committee-chair": Case(
        name="Robert Menendez",
        params={"committee": "Committee on Foreign Relations", "chamber": "United States Senate"},
        block=[
            "The Honorable Robert Menendez",
            "Chair",
            "Committee on Foreign Relations",
            "United States Senate",
            "Washington, DC",
        ],
        formal={
            None: "Dear Chair Menendez",
            "male": "Dear Mr. Chairman",
            "female": "Dear Madam Chairwoman",
        },
        common={
            None: "Dear Chair Menendez",
            "male": "Dear Chairman Menendez",
            "female": "Dear Chairwoman Menendez",
        },
        close="Sincerely,",
    ),
    "us-ranking-member": Case(
        name="Gregory W. Meeks",
        params={
            "committee": "Committee on Foreign Affairs",
            "chamber": "United States House of Representatives",
        },
        block=[
            "The Honorable Gregory W. Meeks",
            "Ranking Member",
            "Committee on Foreign Affairs",
            "United States House of Representatives",
            "Washington, DC",
        ],
        formal=mr_ms("Meeks", "Dear Ranking Member Meeks"),
        common="Dear Ranking Member Meeks",
        close="Sincerely,",
    ),
    "us-governor": Case(
        name="Jordan Q. Avery",
        params={"state": "Idaho"},
        block=["The Honorable Jordan Q. Avery", "Governor of Idaho", "Office of the Governor"],
        formal="Dear Governor Avery",
        common="Dear Governor Avery",
        close="Sincerely,",
    ),
    "us-mayor": Case(
        name="Ursula Maria de la Cruz",
        params={"city": "Boston"},
        block=["The Honorable Ursula Maria de la Cruz", "Mayor of Boston", "City Hall"],
        formal="Dear Mayor de la Cruz",
        common="Dear Mayor de la Cruz",
        close="Sincerely,",
    ),
    "us-judge": Case(
        name="Morgan T. Lee",
        params={"court": "United States District Court for the District of Columbia"},
        block=[
            "The Honorable Morgan T. Lee",
            "Judge, United States District Court for the District of Columbia",
        ],
        formal="Dear Judge Lee",
        common="Dear Judge Lee",
        close="Sincerely,",
    ),
    "us-chief-justice": Case(
        name="John G. Roberts Jr.",
        block=[
            "The Honorable John G. Roberts Jr.",
            "Chief Justice of the United States",
            *SUPREME_COURT,
        ],
        formal={
            None: "Dear Chief Justice Roberts",
            "male": "Dear Mr. Chief Justice",
            "female": "Dear Madam Chief Justice",
        },
        common="Dear Chief Justice Roberts",
        close="Sincerely,",
    ),
    "us-associate-justice": Case(
        name="Sonia Sotomayor",
        block=["The Honorable Sonia Sotomayor", "Associate Justice", *SUPREME_COURT],
        formal="Dear Justice Sotomayor",
        common="Dear Justice Sotomayor",
        close="Sincerely,",
    ),
    "us-state-legislator": Case(
        name="Morgan T. Lee",
        params={"state": "Texas", "chamber": "House of Representatives"},
        block=["The Honorable Morgan T. Lee", "Member, Texas House of Representatives"],
        formal=mr_ms("Lee", "Dear Morgan T. Lee"),
        common=mr_ms("Lee", "Dear Morgan T. Lee"),
        close="Sincerely,",
    ),
    "us-ambassador": Case(
        name="Philip S. Goldberg",
        params={"country": "the Republic of Korea"},
        block=[
            "The Honorable Philip S. Goldberg",
            "Ambassador of the United States of America to the Republic of Korea",
            "Embassy of the United States of America",
        ],
        formal={
            None: "Dear Ambassador Goldberg",
            "male": "Dear Mr. Ambassador",
            "female": "Dear Madam Ambassador",
        },
        common="Dear Ambassador Goldberg",
        close="Sincerely,",
    ),
    "foreign-ambassador": Case(
        name="CHO Hyun-dong",
        params={"country": "the Republic of Korea"},
        block=[
            "H.E. CHO Hyun-dong",
            "Ambassador of the Republic of Korea",
            "Embassy of the Republic of Korea",
        ],
        first_line=excellency("CHO Hyun-dong"),
        formal="Excellency",
        common="Dear Ambassador Cho",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "charge-d-affaires": Case(
        name="Mark Libby",
        params={"mission": "U.S. Mission to the European Union"},
        block=["Mark Libby", "Chargé d'Affaires a.i.", "U.S. Mission to the European Union"],
        first_line=mr_ms_name("Mark Libby"),
        formal=mr_ms("Libby", "Dear Chargé d'Affaires"),
        common=mr_ms("Libby", "Dear Mark Libby"),
        close="Sincerely,",
    ),
    "un-permanent-representative": Case(
        name="Linda Thomas-Greenfield",
        params={"country": "the United States of America", "city": "New York, NY"},
        block=[
            "H.E. Linda Thomas-Greenfield",
            "Permanent Representative of the United States of America to the United Nations",
            "Permanent Mission of the United States of America to the United Nations",
            "New York, NY",
        ],
        first_line=excellency("Linda Thomas-Greenfield"),
        formal="Excellency",
        common="Dear Ambassador Thomas-Greenfield",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "un-secretary-general": Case(
        name="António Guterres",
        block=[
            "H.E. António Guterres",
            "Secretary-General of the United Nations",
            "United Nations",
            "New York, NY 10017",
        ],
        first_line=excellency("António Guterres"),
        formal="Dear Secretary-General",
        common="Dear Secretary-General Guterres",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "un-high-commissioner-human-rights": Case(
        name="Volker Türk",
        block=[
            "Volker Türk",
            "United Nations High Commissioner for Human Rights",
            "Office of the United Nations High Commissioner for Human Rights",
            *OHCHR,
        ],
        first_line=mr_ms_name("Volker Türk"),
        formal="Dear High Commissioner",
        common="Dear High Commissioner Türk",
        close="Yours sincerely,",
    ),
    "un-special-rapporteur": Case(
        name="Elizabeth Salmón",
        params={
            "mandate": "the situation of human rights in the Democratic People's Republic of Korea"
        },
        block=[
            "Elizabeth Salmón",
            "Special Rapporteur on the situation of human rights in the Democratic People's"
            " Republic of Korea",
            "c/o Office of the United Nations High Commissioner for Human Rights",
            *OHCHR,
        ],
        first_line=mr_ms_name("Elizabeth Salmón"),
        formal="Dear Special Rapporteur",
        common=mr_ms("Salmón", "Dear Special Rapporteur"),
        close="Yours sincerely,",
    ),
    "un-independent-expert": Case(
        name="Morgan T. Lee",
        params={"mandate": "the situation of human rights in Somalia"},
        block=[
            "Morgan T. Lee",
            "Independent Expert on the situation of human rights in Somalia",
            "c/o Office of the United Nations High Commissioner for Human Rights",
            *OHCHR,
        ],
        first_line=mr_ms_name("Morgan T. Lee"),
        formal="Dear Independent Expert",
        common=mr_ms("Lee", "Dear Independent Expert"),
        close="Yours sincerely,",
    ),
    "un-ga-president": Case(
        name="Dennis Francis",
        params={"session": "seventy-eighth"},
        block=[
            "H.E. Dennis Francis",
            "President of the seventy-eighth session of the United Nations General Assembly",
            "United Nations",
            "New York, NY 10017",
        ],
        first_line=excellency("Dennis Francis"),
        formal={
            None: "Dear President Francis",
            "male": "Dear Mr. President",
            "female": "Dear Madam President",
        },
        common="Dear President Francis",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "un-hrc-president": Case(
        name="Omar Zniber",
        block=["H.E. Omar Zniber", "President of the Human Rights Council", *OHCHR],
        first_line=excellency("Omar Zniber"),
        formal={
            None: "Dear President Zniber",
            "male": "Dear Mr. President",
            "female": "Dear Madam President",
        },
        common="Dear President Zniber",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "un-security-council-president": Case(
        name="Jordan Q. Avery",
        params={"country": "Malta"},
        block=[
            "H.E. Jordan Q. Avery",
            "President of the Security Council",
            "Permanent Representative of Malta to the United Nations",
            "United Nations",
            "New York, NY 10017",
        ],
        first_line=excellency("Jordan Q. Avery"),
        formal={
            None: "Dear President Avery",
            "male": "Dear Mr. President",
            "female": "Dear Madam President",
        },
        common="Dear President Avery",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "intl-secretary-general": Case(
        name="Jordan Q. Avery",
        params={"organization": "North Atlantic Treaty Organization"},
        block=[
            "H.E. Jordan Q. Avery",
            "Secretary General of the North Atlantic Treaty Organization",
        ],
        first_line=excellency("Jordan Q. Avery"),
        formal="Dear Secretary General",
        common="Dear Secretary General Avery",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "eu-commission-president": Case(
        name="Ursula von der Leyen",
        block=["Ursula von der Leyen", "President of the European Commission", *COMMISSION],
        first_line=mr_ms_name("Ursula von der Leyen"),
        formal={
            None: "Dear President von der Leyen",
            "male": "Dear Mr. President",
            "female": "Dear Madam President",
        },
        common="Dear President von der Leyen",
        close="Yours sincerely,",
    ),
    "eu-high-representative": Case(
        name="Josep Borrell Fontelles",
        surname="Borrell",
        block=[
            "Josep Borrell Fontelles",
            "High Representative of the Union for Foreign Affairs and Security Policy",
            "Vice-President of the European Commission",
            "European External Action Service",
            "Rond-Point Robert Schuman 9A",
            "1046 Brussels",
            "Belgium",
        ],
        first_line=mr_ms_name("Josep Borrell Fontelles"),
        formal="Dear High Representative",
        common="Dear High Representative Borrell",
        close="Yours sincerely,",
    ),
    "eu-commissioner": Case(
        name="Didier Reynders",
        params={"portfolio": "Justice"},
        block=["Didier Reynders", "Commissioner for Justice", *COMMISSION],
        first_line=mr_ms_name("Didier Reynders"),
        formal="Dear Commissioner",
        common="Dear Commissioner Reynders",
        close="Yours sincerely,",
    ),
    "eu-council-president": Case(
        name="Charles Michel",
        block=[
            "Charles Michel",
            "President of the European Council",
            "European Council",
            "Rue de la Loi / Wetstraat 175",
            "1048 Brussels",
            "Belgium",
        ],
        first_line=mr_ms_name("Charles Michel"),
        formal={
            None: "Dear President Michel",
            "male": "Dear Mr. President",
            "female": "Dear Madam President",
        },
        common="Dear President Michel",
        close="Yours sincerely,",
    ),
    "eu-parliament-president": Case(
        name="Roberta Metsola",
        block=["Roberta Metsola", "President of the European Parliament", *PARLIAMENT],
        first_line=mr_ms_name("Roberta Metsola"),
        formal={
            None: "Dear President Metsola",
            "male": "Dear Mr. President",
            "female": "Dear Madam President",
        },
        common="Dear President Metsola",
        close="Yours sincerely,",
    ),
    "mep": Case(
        name="Hannah Neumann",
        block=["Hannah Neumann", "Member of the European Parliament", *PARLIAMENT],
        first_line=mr_ms_name("Hannah Neumann"),
        formal=mr_ms("Neumann", "Dear Hannah Neumann"),
        common=mr_ms("Neumann", "Dear Hannah Neumann"),
        close="Yours sincerely,",
    ),
    "head-of-state-president": Case(
        name="YOON Suk Yeol",
        params={"country": "the Republic of Korea"},
        block=["H.E. YOON Suk Yeol", "President of the Republic of Korea"],
        first_line=excellency("YOON Suk Yeol"),
        formal="Excellency",
        common="Dear President Yoon",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "prime-minister": Case(
        name="Fumio Kishida",
        params={"country": "Japan"},
        block=["H.E. Fumio Kishida", "Prime Minister of Japan"],
        first_line=excellency("Fumio Kishida"),
        formal="Dear Prime Minister",
        common="Dear Prime Minister Kishida",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "foreign-minister": Case(
        name="Park Jin",
        surname="Park",
        params={"country": "the Republic of Korea"},
        block=[
            "H.E. Park Jin",
            "Minister of Foreign Affairs of the Republic of Korea",
            "Ministry of Foreign Affairs",
        ],
        first_line=excellency("Park Jin"),
        formal="Excellency",
        common="Dear Minister Park",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "government-minister": Case(
        name="Jordan Q. Avery",
        params={"portfolio": "Justice", "country": "Ghana"},
        block=["H.E. Jordan Q. Avery", "Minister of Justice of Ghana"],
        first_line=excellency("Jordan Q. Avery"),
        formal="Dear Minister",
        common="Dear Minister Avery",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    "monarch-king": Case(
        name="Felipe VI",
        params={"country": "Spain"},
        block=["His Majesty Felipe VI", "King of Spain"],
        formal="Your Majesty",
        common="Your Majesty",
        close="Yours sincerely,",
        close_formal="I have the honour to remain, Your Majesty's obedient servant,",
    ),
    "monarch-queen": Case(
        name="Margrethe II",
        params={"country": "Denmark"},
        block=["Her Majesty Margrethe II", "Queen of Denmark"],
        formal="Your Majesty",
        common="Your Majesty",
        close="Yours sincerely,",
        close_formal="I have the honour to remain, Your Majesty's obedient servant,",
    ),
    "academic-professor": Case(
        name="Jordan Q. Avery",
        params={
            "department": "Department of Political Science",
            "university": "Columbia University",
        },
        block=[
            "Professor Jordan Q. Avery",
            "Department of Political Science",
            "Columbia University",
        ],
        formal="Dear Professor Avery",
        common="Dear Professor Avery",
        close="Sincerely,",
    ),
    "doctor-medical": Case(
        name="Dr. Jane Roe",
        params={"institution": "Johns Hopkins Hospital"},
        block=["Dr. Jane Roe", "Johns Hopkins Hospital"],
        formal="Dear Dr. Roe",
        common="Dear Dr. Roe",
        close="Sincerely,",
    ),
    "doctor-academic": Case(
        name="Jane Roe, Ph.D.",
        params={"institution": "Georgetown University"},
        block=["Dr. Jane Roe", "Georgetown University"],
        formal="Dear Dr. Roe",
        common="Dear Dr. Roe",
        close="Sincerely,",
    ),
    "private-individual": Case(
        name="Greg Scarlatoiu",
        params={
            "position": "Executive Director",
            "organization": "Committee for Human Rights in North Korea",
        },
        block=[
            "Greg Scarlatoiu",
            "Executive Director",
            "Committee for Human Rights in North Korea",
        ],
        first_line=mr_ms_name("Greg Scarlatoiu"),
        formal=mr_ms("Scarlatoiu", "Dear Greg Scarlatoiu"),
        common=mr_ms("Scarlatoiu", "Dear Greg Scarlatoiu"),
        close="Sincerely,",
    ),
}

GENDERS: tuple[Any, ...] = (None, "male", "female")


def forms_for(key: str, **kwargs: Any) -> AddressForms:
    case = EXPECTED[key]
    return address_forms(key, case.name, surname=case.surname, params=case.params, **kwargs)


# --- the table


def test_table_has_at_least_thirty_offices_with_unique_keys() -> None:
    keys = [row.key for row in offices()]
    assert len(keys) >= 30
    assert len(keys) == len(set(keys))


def test_every_office_has_explicit_expectations() -> None:
    assert sorted(EXPECTED) == sorted(row.key for row in offices())


def test_required_offices_are_present() -> None:
    required = {
        "us-president",
        "us-vice-president",
        "us-cabinet-secretary",
        "us-secretary-of-state",
        "us-deputy-secretary",
        "us-under-secretary",
        "us-assistant-secretary",
        "us-senator",
        "us-representative",
        "us-speaker",
        "us-committee-chair",
        "us-governor",
        "us-mayor",
        "us-judge",
        "us-chief-justice",
        "us-ambassador",
        "foreign-ambassador",
        "charge-d-affaires",
        "un-secretary-general",
        "un-high-commissioner-human-rights",
        "un-special-rapporteur",
        "un-ga-president",
        "un-hrc-president",
        "un-permanent-representative",
        "eu-high-representative",
        "eu-commission-president",
        "mep",
        "prime-minister",
        "foreign-minister",
        "head-of-state-president",
        "monarch-king",
        "monarch-queen",
        "academic-professor",
        "doctor-medical",
        "doctor-academic",
    }
    assert required <= {row.key for row in offices()}


def test_offices_returns_a_fresh_list_of_the_cached_table() -> None:
    first, second = offices(), offices()
    assert first == second
    assert first is not second
    first.clear()
    assert offices() == second


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_office_forms(key: str) -> None:
    case = EXPECTED[key]
    for gender in GENDERS:
        common = forms_for(key, gender=gender)
        formal = forms_for(key, gender=gender, style="formal")
        assert formal.salutation == by_gender(case.formal, gender), gender
        assert common.salutation == by_gender(case.common, gender), gender
        assert common.salutation_formal == formal.salutation
        assert formal.salutation_common == common.salutation
        assert common.complimentary_close == case.close
        assert formal.complimentary_close == (case.close_formal or case.close)
        first_line = case.first_line if case.first_line is not None else case.block[0]
        assert common.block_lines()[0] == by_gender(first_line, gender)
        assert common.block_lines()[1:] == case.block[1:]
        assert common.missing_params == []
        assert common.office == key
        assert common.source == get_office(key).source
    assert forms_for(key).block_lines() == case.block


@pytest.mark.parametrize("row", offices(), ids=lambda row: row.key)
def test_row_is_well_formed(row: protocol.OfficeRow) -> None:
    assert row.label and row.label[0].isupper()
    # Every row cites a title with a section, quoted page title or address.
    assert re.search(r'https?://|Appendix [A-Z]|paras?\. \d|ch\. \d|"[^"]{6,}"', row.source)
    forms = forms_for(row.key)
    for text in (forms.salutation_formal, forms.salutation_common):
        assert "{" not in text and "}" not in text
        assert text[-1] not in ",:;."
    # Without a gender nothing gendered is guessed.
    for text in (forms.salutation_formal, forms.salutation_common, forms.name_line()):
        assert not re.search(r"\b(Mr\.|Ms\.|Mrs\.|Madam|Sir|His|Her)\b", text) or row.key in {
            "monarch-king",
            "monarch-queen",
        }, text
    for status, variant in (("acting", row.acting), ("former", row.former)):
        if variant is None:
            with pytest.raises(ProtocolError, match=f"has no {status} form"):
                forms_for(row.key, status=status)
        else:
            assert forms_for(row.key, status=status).status == status


# --- acting and former


@dataclass(frozen=True)
class Variant:
    block: list[str]
    formal: Gendered
    common: Gendered
    close: str
    close_formal: str | None = None


def _former(first: str, formal: Gendered, common: Gendered, close: str, **kw: Any) -> Variant:
    return Variant(block=[first], formal=formal, common=common, close=close, **kw)


VARIANTS: dict[tuple[str, str], Variant] = {
    ("us-president", "acting"): Variant(
        block=[
            "The Honorable Joseph R. Biden Jr.",
            "Acting President of the United States",
            *WHITE_HOUSE,
        ],
        formal=mr_ms("Biden", "Dear Acting President Biden"),
        common="Dear Acting President Biden",
        close="Respectfully,",
    ),
    ("us-president", "former"): _former(
        "The Honorable Joseph R. Biden Jr.",
        mr_ms("Biden", "Dear President Biden"),
        "Dear President Biden",
        "Sincerely,",
    ),
    ("us-vice-president", "former"): _former(
        "The Honorable Kamala D. Harris",
        mr_ms("Harris", "Dear Vice President Harris"),
        "Dear Vice President Harris",
        "Sincerely,",
    ),
    ("us-cabinet-secretary", "acting"): Variant(
        block=[
            "The Honorable Alejandro N. Mayorkas",
            "Acting Secretary of Homeland Security",
            "U.S. Department of Homeland Security",
            "Washington, DC",
        ],
        formal=mr_ms("Mayorkas", "Dear Acting Secretary Mayorkas"),
        common="Dear Acting Secretary Mayorkas",
        close="Sincerely,",
    ),
    ("us-cabinet-secretary", "former"): _former(
        "The Honorable Alejandro N. Mayorkas",
        mr_ms("Mayorkas", "Dear Alejandro N. Mayorkas"),
        "Dear Secretary Mayorkas",
        "Sincerely,",
    ),
    ("us-secretary-of-state", "acting"): Variant(
        block=[
            "The Honorable Antony J. Blinken",
            "Acting Secretary of State",
            "U.S. Department of State",
            "2201 C Street NW",
            "Washington, DC 20520",
        ],
        formal=mr_ms("Blinken", "Dear Acting Secretary Blinken"),
        common="Dear Acting Secretary Blinken",
        close="Sincerely,",
    ),
    ("us-secretary-of-state", "former"): _former(
        "The Honorable Antony J. Blinken",
        mr_ms("Blinken", "Dear Antony J. Blinken"),
        "Dear Secretary Blinken",
        "Sincerely,",
    ),
    ("us-attorney-general", "acting"): Variant(
        block=[
            "The Honorable Merrick B. Garland",
            "Acting Attorney General of the United States",
            "U.S. Department of Justice",
            "950 Pennsylvania Avenue NW",
            "Washington, DC 20530",
        ],
        formal=mr_ms("Garland", "Dear Acting Attorney General Garland"),
        common="Dear Acting Attorney General Garland",
        close="Sincerely,",
    ),
    ("us-attorney-general", "former"): _former(
        "The Honorable Merrick B. Garland",
        mr_ms("Garland", "Dear Merrick B. Garland"),
        mr_ms("Garland", "Dear Merrick B. Garland"),
        "Sincerely,",
    ),
    ("us-deputy-secretary", "acting"): Variant(
        block=[
            "The Honorable Wendy R. Sherman",
            "Acting Deputy Secretary of State",
            "U.S. Department of State",
            "Washington, DC",
        ],
        formal=mr_ms("Sherman", "Dear Acting Deputy Secretary Sherman"),
        common="Dear Acting Deputy Secretary Sherman",
        close="Sincerely,",
    ),
    ("us-deputy-secretary", "former"): _former(
        "The Honorable Wendy R. Sherman",
        mr_ms("Sherman", "Dear Wendy R. Sherman"),
        mr_ms("Sherman", "Dear Wendy R. Sherman"),
        "Sincerely,",
    ),
    ("us-under-secretary", "acting"): Variant(
        block=[
            "The Honorable Uzra S. Zeya",
            "Acting Under Secretary for Civilian Security, Democracy, and Human Rights",
            "U.S. Department of State",
            "Washington, DC",
        ],
        formal=mr_ms("Zeya", "Dear Acting Under Secretary Zeya"),
        common="Dear Acting Under Secretary Zeya",
        close="Sincerely,",
    ),
    ("us-under-secretary", "former"): _former(
        "The Honorable Uzra S. Zeya",
        mr_ms("Zeya", "Dear Uzra S. Zeya"),
        mr_ms("Zeya", "Dear Uzra S. Zeya"),
        "Sincerely,",
    ),
    ("us-assistant-secretary", "acting"): Variant(
        block=[
            "The Honorable Lisa J. Peterson",
            "Acting Assistant Secretary",
            "Bureau of Democracy, Human Rights, and Labor",
            "U.S. Department of State",
            "Washington, DC",
        ],
        formal=mr_ms("Peterson", "Dear Acting Assistant Secretary Peterson"),
        common="Dear Acting Assistant Secretary Peterson",
        close="Sincerely,",
    ),
    ("us-assistant-secretary", "former"): _former(
        "The Honorable Lisa J. Peterson",
        mr_ms("Peterson", "Dear Lisa J. Peterson"),
        mr_ms("Peterson", "Dear Lisa J. Peterson"),
        "Sincerely,",
    ),
    ("us-administrator", "acting"): Variant(
        block=[
            "The Honorable Samantha Power",
            "Acting Administrator of the U.S. Agency for International Development",
            "Washington, DC",
        ],
        formal=mr_ms("Power", "Dear Acting Administrator Power"),
        common="Dear Acting Administrator Power",
        close="Sincerely,",
    ),
    ("us-administrator", "former"): _former(
        "The Honorable Samantha Power",
        mr_ms("Power", "Dear Samantha Power"),
        mr_ms("Power", "Dear Samantha Power"),
        "Sincerely,",
    ),
    ("us-senator", "former"): _former(
        "The Honorable James E. Risch", "Dear Senator Risch", "Dear Senator Risch", "Sincerely,"
    ),
    ("us-representative", "former"): _former(
        "The Honorable Young Kim",
        mr_ms("Kim", "Dear Representative Kim"),
        "Dear Representative Kim",
        "Sincerely,",
    ),
    ("us-delegate", "former"): _former(
        "The Honorable Leilani M. Santos",
        mr_ms("Santos", "Dear Delegate Santos"),
        "Dear Delegate Santos",
        "Sincerely,",
    ),
    ("us-resident-commissioner", "former"): _former(
        "The Honorable Andrés Colón Vega",
        mr_ms("Colón Vega", "Dear Resident Commissioner Colón Vega"),
        "Dear Resident Commissioner Colón Vega",
        "Sincerely,",
    ),
    ("us-speaker", "former"): Variant(
        block=[
            "The Honorable Jordan Q. Avery",
            "United States House of Representatives",
            "Washington, DC 20515",
        ],
        formal=mr_ms("Avery", "Dear Jordan Q. Avery"),
        common=mr_ms("Avery", "Dear Jordan Q. Avery"),
        close="Sincerely,",
    ),
    ("us-committee-chair", "acting"): Variant(
        block=[
            "The Honorable Robert Menendez",
            "Acting Chair",
            "Committee on Foreign Relations",
            "United States Senate",
            "Washington, DC",
        ],
        formal=mr_ms("Menendez", "Dear Acting Chair Menendez"),
        common="Dear Acting Chair Menendez",
        close="Sincerely,",
    ),
    ("us-committee-chair", "former"): Variant(
        block=["The Honorable Robert Menendez", "United States Senate", "Washington, DC"],
        formal=mr_ms("Menendez", "Dear Robert Menendez"),
        common=mr_ms("Menendez", "Dear Robert Menendez"),
        close="Sincerely,",
    ),
    ("us-ranking-member", "former"): Variant(
        block=[
            "The Honorable Gregory W. Meeks",
            "United States House of Representatives",
            "Washington, DC",
        ],
        formal=mr_ms("Meeks", "Dear Gregory W. Meeks"),
        common=mr_ms("Meeks", "Dear Gregory W. Meeks"),
        close="Sincerely,",
    ),
    ("us-governor", "acting"): Variant(
        block=[
            "The Honorable Jordan Q. Avery",
            "Acting Governor of Idaho",
            "Office of the Governor",
        ],
        formal="Dear Acting Governor Avery",
        common="Dear Acting Governor Avery",
        close="Sincerely,",
    ),
    ("us-governor", "former"): _former(
        "The Honorable Jordan Q. Avery",
        mr_ms("Avery", "Dear Governor Avery"),
        "Dear Governor Avery",
        "Sincerely,",
    ),
    ("us-mayor", "acting"): Variant(
        block=["The Honorable Ursula Maria de la Cruz", "Acting Mayor of Boston", "City Hall"],
        formal="Dear Acting Mayor de la Cruz",
        common="Dear Acting Mayor de la Cruz",
        close="Sincerely,",
    ),
    ("us-mayor", "former"): _former(
        "The Honorable Ursula Maria de la Cruz",
        mr_ms("de la Cruz", "Dear Ursula Maria de la Cruz"),
        mr_ms("de la Cruz", "Dear Ursula Maria de la Cruz"),
        "Sincerely,",
    ),
    ("us-judge", "former"): _former(
        "The Honorable Morgan T. Lee", "Dear Judge Lee", "Dear Judge Lee", "Sincerely,"
    ),
    ("us-chief-justice", "former"): _former(
        "The Honorable John G. Roberts Jr.",
        "Dear Justice Roberts",
        "Dear Justice Roberts",
        "Sincerely,",
    ),
    ("us-associate-justice", "former"): _former(
        "The Honorable Sonia Sotomayor",
        "Dear Justice Sotomayor",
        "Dear Justice Sotomayor",
        "Sincerely,",
    ),
    ("us-state-legislator", "former"): _former(
        "The Honorable Morgan T. Lee",
        mr_ms("Lee", "Dear Morgan T. Lee"),
        mr_ms("Lee", "Dear Morgan T. Lee"),
        "Sincerely,",
    ),
    ("us-ambassador", "former"): _former(
        "The Honorable Philip S. Goldberg",
        "Dear Ambassador Goldberg",
        "Dear Ambassador Goldberg",
        "Sincerely,",
    ),
    ("foreign-ambassador", "former"): _former(
        "H.E. CHO Hyun-dong", "Dear Ambassador Cho", "Dear Ambassador Cho", "Yours sincerely,"
    ),
    ("charge-d-affaires", "former"): _former(
        "Mark Libby",
        mr_ms("Libby", "Dear Chargé d'Affaires"),
        mr_ms("Libby", "Dear Mark Libby"),
        "Sincerely,",
    ),
    ("un-permanent-representative", "acting"): Variant(
        block=[
            "Linda Thomas-Greenfield",
            "Chargé d'Affaires a.i.",
            "Permanent Mission of the United States of America to the United Nations",
            "New York, NY",
        ],
        formal={None: "Dear Chargé d'Affaires", "male": "Sir", "female": "Madam"},
        common=mr_ms("Thomas-Greenfield", "Dear Linda Thomas-Greenfield"),
        close="Yours sincerely,",
    ),
    ("un-permanent-representative", "former"): _former(
        "H.E. Linda Thomas-Greenfield",
        "Dear Ambassador Thomas-Greenfield",
        "Dear Ambassador Thomas-Greenfield",
        "Yours sincerely,",
    ),
    ("un-secretary-general", "former"): _former(
        "H.E. António Guterres",
        mr_ms("Guterres", "Dear António Guterres"),
        mr_ms("Guterres", "Dear António Guterres"),
        "Yours sincerely,",
    ),
    ("un-high-commissioner-human-rights", "acting"): Variant(
        block=[
            "Volker Türk",
            "Acting United Nations High Commissioner for Human Rights",
            "Office of the United Nations High Commissioner for Human Rights",
            *OHCHR,
        ],
        formal="Dear Acting High Commissioner",
        common="Dear Acting High Commissioner Türk",
        close="Yours sincerely,",
    ),
    ("un-high-commissioner-human-rights", "former"): _former(
        "Volker Türk",
        mr_ms("Türk", "Dear Volker Türk"),
        mr_ms("Türk", "Dear Volker Türk"),
        "Yours sincerely,",
    ),
    ("un-special-rapporteur", "former"): _former(
        "Elizabeth Salmón",
        mr_ms("Salmón", "Dear Elizabeth Salmón"),
        mr_ms("Salmón", "Dear Elizabeth Salmón"),
        "Yours sincerely,",
    ),
    ("un-independent-expert", "former"): _former(
        "Morgan T. Lee",
        mr_ms("Lee", "Dear Morgan T. Lee"),
        mr_ms("Lee", "Dear Morgan T. Lee"),
        "Yours sincerely,",
    ),
    ("un-ga-president", "acting"): Variant(
        block=[
            "H.E. Dennis Francis",
            "Acting President of the United Nations General Assembly",
            "United Nations",
            "New York, NY 10017",
        ],
        formal="Excellency",
        common="Dear Acting President Francis",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    ("un-ga-president", "former"): _former(
        "H.E. Dennis Francis",
        "Dear Ambassador Francis",
        "Dear Ambassador Francis",
        "Yours sincerely,",
    ),
    ("un-hrc-president", "acting"): Variant(
        block=["H.E. Omar Zniber", "Acting President of the Human Rights Council", *OHCHR],
        formal="Excellency",
        common="Dear Acting President Zniber",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    ("un-hrc-president", "former"): _former(
        "H.E. Omar Zniber", "Dear Ambassador Zniber", "Dear Ambassador Zniber", "Yours sincerely,"
    ),
    ("un-security-council-president", "former"): _former(
        "H.E. Jordan Q. Avery", "Dear Ambassador Avery", "Dear Ambassador Avery", "Yours sincerely,"
    ),
    ("intl-secretary-general", "former"): _former(
        "H.E. Jordan Q. Avery",
        mr_ms("Avery", "Dear Jordan Q. Avery"),
        mr_ms("Avery", "Dear Jordan Q. Avery"),
        "Yours sincerely,",
    ),
    ("eu-commission-president", "former"): _former(
        "Ursula von der Leyen",
        mr_ms("von der Leyen", "Dear Ursula von der Leyen"),
        mr_ms("von der Leyen", "Dear Ursula von der Leyen"),
        "Yours sincerely,",
    ),
    ("eu-high-representative", "former"): _former(
        "Josep Borrell Fontelles",
        mr_ms("Borrell", "Dear Josep Borrell Fontelles"),
        mr_ms("Borrell", "Dear Josep Borrell Fontelles"),
        "Yours sincerely,",
    ),
    ("eu-commissioner", "former"): _former(
        "Didier Reynders",
        mr_ms("Reynders", "Dear Didier Reynders"),
        mr_ms("Reynders", "Dear Didier Reynders"),
        "Yours sincerely,",
    ),
    ("eu-council-president", "former"): _former(
        "Charles Michel",
        mr_ms("Michel", "Dear Charles Michel"),
        mr_ms("Michel", "Dear Charles Michel"),
        "Yours sincerely,",
    ),
    ("eu-parliament-president", "former"): Variant(
        block=["Roberta Metsola", "Member of the European Parliament", *PARLIAMENT],
        formal=mr_ms("Metsola", "Dear Roberta Metsola"),
        common=mr_ms("Metsola", "Dear Roberta Metsola"),
        close="Yours sincerely,",
    ),
    ("mep", "former"): _former(
        "Hannah Neumann",
        mr_ms("Neumann", "Dear Hannah Neumann"),
        mr_ms("Neumann", "Dear Hannah Neumann"),
        "Yours sincerely,",
    ),
    ("head-of-state-president", "acting"): Variant(
        block=["H.E. YOON Suk Yeol", "Acting President of the Republic of Korea"],
        formal="Excellency",
        common="Dear Acting President Yoon",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    ("head-of-state-president", "former"): _former(
        "H.E. YOON Suk Yeol", "Dear President Yoon", "Dear President Yoon", "Yours sincerely,"
    ),
    ("prime-minister", "acting"): Variant(
        block=["H.E. Fumio Kishida", "Acting Prime Minister of Japan"],
        formal="Dear Acting Prime Minister",
        common="Dear Acting Prime Minister Kishida",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    ("prime-minister", "former"): _former(
        "H.E. Fumio Kishida",
        mr_ms("Kishida", "Dear Fumio Kishida"),
        mr_ms("Kishida", "Dear Fumio Kishida"),
        "Yours sincerely,",
    ),
    ("foreign-minister", "acting"): Variant(
        block=[
            "H.E. Park Jin",
            "Acting Minister of Foreign Affairs of the Republic of Korea",
            "Ministry of Foreign Affairs",
        ],
        formal="Excellency",
        common="Dear Acting Minister Park",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    ("foreign-minister", "former"): _former(
        "H.E. Park Jin",
        mr_ms("Park", "Dear Park Jin"),
        mr_ms("Park", "Dear Park Jin"),
        "Yours sincerely,",
    ),
    ("government-minister", "acting"): Variant(
        block=["H.E. Jordan Q. Avery", "Acting Minister of Justice of Ghana"],
        formal="Dear Acting Minister",
        common="Dear Acting Minister Avery",
        close="Yours sincerely,",
        close_formal=DIPLOMATIC_CLOSE,
    ),
    ("government-minister", "former"): _former(
        "H.E. Jordan Q. Avery",
        mr_ms("Avery", "Dear Jordan Q. Avery"),
        mr_ms("Avery", "Dear Jordan Q. Avery"),
        "Yours sincerely,",
    ),
    ("academic-professor", "former"): Variant(
        block=["Professor Jordan Q. Avery", "Professor Emeritus", "Columbia University"],
        formal="Dear Professor Avery",
        common="Dear Professor Avery",
        close="Sincerely,",
    ),
    ("doctor-medical", "former"): _former(
        "Dr. Jane Roe", "Dear Dr. Roe", "Dear Dr. Roe", "Sincerely,"
    ),
    ("doctor-academic", "former"): _former(
        "Dr. Jane Roe", "Dear Dr. Roe", "Dear Dr. Roe", "Sincerely,"
    ),
}


def test_every_acting_and_former_form_has_explicit_expectations() -> None:
    declared = {
        (row.key, status)
        for row in offices()
        for status in ("acting", "former")
        if getattr(row, status) is not None
    }
    assert sorted(VARIANTS) == sorted(declared)


@pytest.mark.parametrize(("key", "status"), sorted(VARIANTS))
def test_acting_and_former_forms(key: str, status: str) -> None:
    expected = VARIANTS[(key, status)]
    for gender in GENDERS:
        common = forms_for(key, gender=gender, status=status)
        formal = forms_for(key, gender=gender, status=status, style="formal")
        assert formal.salutation == by_gender(expected.formal, gender), gender
        assert common.salutation == by_gender(expected.common, gender), gender
        assert common.complimentary_close == expected.close
        assert formal.complimentary_close == (expected.close_formal or expected.close)
        assert common.status == status
    assert forms_for(key, status=status).block_lines() == expected.block


def test_former_president_keeps_the_honorable_and_common_title() -> None:
    forms = address_forms("us-president", "Barack Obama", status="former")
    assert forms.name_line() == "The Honorable Barack Obama"
    assert forms.salutation == "Dear President Obama"
    male = address_forms("us-president", "Barack Obama", status="former", gender="male")
    assert male.salutation_formal == "Dear Mr. Obama"


def test_acting_assistant_secretary_matches_the_corpus_cc_block() -> None:
    forms = address_forms(
        "us-assistant-secretary",
        "Philip T. Reeker",
        status="acting",
        params={"bureau": "Bureau of European and Eurasian Affairs"},
    )
    assert forms.honorific == "The Honorable"
    assert forms.title_lines == [
        "Acting Assistant Secretary",
        "Bureau of European and Eurasian Affairs",
    ]
    assert forms.salutation == "Dear Acting Assistant Secretary Reeker"


# --- parameters and overrides


def test_missing_title_parameter_leaves_the_line_out_and_reports_it() -> None:
    forms = address_forms("us-cabinet-secretary", "Jordan Q. Avery")
    assert forms.block_lines() == ["The Honorable Jordan Q. Avery", "Washington, DC"]
    assert forms.missing_params == ["department"]
    assert forms.salutation == "Dear Secretary Avery"


def test_alternative_line_is_used_when_a_parameter_is_missing() -> None:
    forms = address_forms("us-senator", "Jeanne Shaheen")
    assert forms.title_lines == ["United States Senator"]
    assert forms.missing_params == []
    ambassador = address_forms("foreign-ambassador", "Jordan Q. Avery")
    assert ambassador.title_lines == ["Ambassador"]
    assert ambassador.address_lines == []
    assert ambassador.missing_params == ["country"]


def test_address_lines_override_replaces_the_default_address() -> None:
    forms = address_forms(
        "us-senator",
        "James E. Risch",
        params={"state": "Idaho"},
        address_lines=["483 Russell Senate Office Building", "", "Washington, DC 20510"],
    )
    assert forms.address_lines == ["483 Russell Senate Office Building", "Washington, DC 20510"]
    assert forms.title_lines == ["United States Senator for Idaho"]


def test_explicit_surname_wins() -> None:
    forms = address_forms("us-senator", "Catherine Cortez Masto", surname="Cortez Masto")
    assert forms.salutation == "Dear Senator Cortez Masto"
    assert forms.surname == "Cortez Masto"


def test_academic_title_in_the_name_becomes_the_honorific() -> None:
    rapporteur = address_forms("un-special-rapporteur", "Dr. Alice Edwards", gender="female")
    assert rapporteur.name_line() == "Dr. Alice Edwards"
    professor = address_forms("mep", "Prof. Jordan Q. Avery")
    assert professor.name_line() == "Professor Jordan Q. Avery"
    # An office honorific is never replaced.
    senator = address_forms("us-senator", "Dr. Jordan Q. Avery")
    assert senator.name_line() == "The Honorable Jordan Q. Avery"
    assert senator.salutation == "Dear Senator Avery"


def test_unknown_status_form_and_empty_name_raise() -> None:
    with pytest.raises(ProtocolError, match="office 'us-senator' has no acting form"):
        address_forms("us-senator", "James E. Risch", status="acting")
    with pytest.raises(ProtocolError, match="a name is required"):
        address_forms("us-senator", "  ")
    with pytest.raises(ProtocolError, match="a name is required"):
        address_forms("us-senator", "Dr.")


# --- corpus and congress data


def _corpus_expected(corpus_dir: Path, prefix: str) -> dict[str, Any]:
    path = next(corpus_dir.glob(f"{prefix}_*.expected.json"))
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    ("prefix", "office", "name", "formal"),
    [
        ("000", "us-secretary-of-state", "Antony J. Blinken", "Dear Mr. Secretary"),
        ("001", "us-secretary-of-state", "John F. Kerry", "Dear Mr. Secretary"),
        ("004", "us-president", "Joseph R. Biden Jr.", "Dear Mr. President"),
    ],
)
def test_seed_letters_salutations(
    corpus_dir: Path, prefix: str, office: str, name: str, formal: str
) -> None:
    expected = _corpus_expected(corpus_dir, prefix)
    forms = address_forms(office, name)
    assert forms.salutation + "," == expected["salutation"]
    assert address_forms(office, name, gender="male", style="formal").salutation == formal
    for addressee in expected["addressees"]:
        if addressee["honorific"]:
            assert forms.honorific == addressee["honorific"]
        assert addressee["name"] == forms.name


def test_seed_letter_cc_honorifics(corpus_dir: Path) -> None:
    cc = _corpus_expected(corpus_dir, "000")["cc"]
    by_name = {entry["name"]: entry for entry in cc}
    libby = address_forms("charge-d-affaires", "Mark Libby", gender="male")
    assert libby.honorific == by_name["Mark Libby"]["honorific"]
    reeker = address_forms("us-assistant-secretary", "Philip T. Reeker", status="acting")
    assert reeker.honorific == by_name["Philip T. Reeker"]["honorific"]
    assert reeker.title_lines[0] == by_name["Philip T. Reeker"]["title_lines"][0]


@pytest.fixture(scope="module")
def legislators(congress_dir: Path) -> list[dict[str, Any]]:
    path = congress_dir / "legislators-current.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: list[dict[str, Any]] = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return data


def test_congress_members_salutations(legislators: list[dict[str, Any]]) -> None:
    members = legislators
    assert len(members) > 400
    seen = {"sen": 0, "rep": 0}
    for member in members:
        term = member["terms"][-1]
        name = member["name"]
        full = name.get("official_full") or f"{name['first']} {name['last']}"
        gender = {"F": "female", "M": "male"}.get(member.get("bio", {}).get("gender", ""))
        office = "us-senator" if term["type"] == "sen" else "us-representative"
        forms = address_forms(
            office,
            full,
            surname=name["last"],
            gender=gender,  # type: ignore[arg-type]
            params={"state": term["state"]},
        )
        last = name["last"]
        if term["type"] == "sen":
            assert forms.salutation == f"Dear Senator {last}"
            assert forms.salutation_formal == f"Dear Senator {last}"
        else:
            assert forms.salutation == f"Dear Representative {last}"
            title = "Mr." if gender == "male" else "Ms."
            assert forms.salutation_formal == f"Dear {title} {last}"
        assert forms.honorific == "The Honorable"
        seen[term["type"]] += 1
    assert seen["sen"] >= 90 and seen["rep"] >= 400


def test_surname_parsing_on_congress_names(legislators: list[dict[str, Any]]) -> None:
    members = legislators
    misses = [
        (m["name"]["official_full"], m["name"]["last"])
        for m in members
        if m["name"].get("official_full")
        and surname_of(m["name"]["official_full"]) != m["name"]["last"]
    ]
    # Only two-word surnames ("Cortez Masto") need an explicit surname.
    assert len(misses) <= len(members) * 0.03, misses
    assert all(" " in last for _, last in misses), misses


# --- surnames


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Antony J. Blinken", "Blinken"),
        ("John F. Kerry", "Kerry"),
        ("Joseph R. Biden Jr.", "Biden"),
        ("Joseph R. Biden, Jr.", "Biden"),
        ("Martin Luther King III", "King"),
        ("Ursula von der Leyen", "von der Leyen"),
        ("Ursula Maria de la Cruz", "de la Cruz"),
        ("Chris Van Hollen", "Van Hollen"),
        ("Ben Ray Luján", "Luján"),
        ("Dr. Jane Roe", "Roe"),
        ("The Honorable Jeanne Shaheen", "Shaheen"),
        ("H.E. Jordan Q. Avery", "Avery"),
        ("Jane Roe, Ph.D.", "Roe"),
        ("Alexandria Ocasio-Cortez", "Ocasio-Cortez"),
        ("CHO Hyun-dong", "Cho"),
        ("Linda THOMAS-GREENFIELD", "Thomas-Greenfield"),
        ("JD Vance", "Vance"),
        ("Madonna", "Madonna"),
        ("  Jordan   Q.  Avery ", "Avery"),
    ],
)
def test_surname_of(name: str, surname: str) -> None:
    assert surname_of(name) == surname


_NOT_NAMES = protocol._SUFFIXES | protocol._PARTICLES | set(protocol._LEADING_TITLES)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True), min_size=1, max_size=4))
def test_surname_of_plain_names_is_the_last_word(words: list[str]) -> None:
    assume(not any(word.lower() in _NOT_NAMES for word in words))
    assert surname_of(" ".join(words)) == words[-1]
    assert surname_of(" ".join(words) + ", Jr.") == words[-1]
    assert surname_of("Dr. " + " ".join(words)) == words[-1]


def test_surname_of_empty_name_raises() -> None:
    with pytest.raises(ProtocolError, match="cannot find a surname"):
        surname_of("Dr.")


# --- several recipients


def _senator(name: str) -> AddressForms:
    return address_forms("us-senator", name)


def test_combined_two_senators() -> None:
    forms = [_senator("James E. Risch"), _senator("Jeanne Shaheen")]
    assert combined_salutation(forms) == "Dear Senator Risch and Senator Shaheen"
    assert combined_salutation(forms, style="formal") == "Dear Senator Risch and Senator Shaheen"


def test_combined_three_senators_use_the_plural() -> None:
    forms = [_senator("James E. Risch"), _senator("Jeanne Shaheen"), _senator("Benjamin L. Cardin")]
    assert combined_salutation(forms) == "Dear Senators Risch, Shaheen and Cardin"


def test_combined_with_a_group_greets_its_members() -> None:
    forms = [_senator("James E. Risch"), _senator("Jeanne Shaheen"), _senator("Benjamin L. Cardin")]
    assert (
        combined_salutation(forms, group="Committee on Foreign Relations")
        == "Dear Members of the Committee on Foreign Relations"
    )
    assert combined_salutation(forms, group="the Committee") == "Dear Members of the Committee"
    # A single addressee is greeted personally even when a group is named.
    assert combined_salutation(forms[:1], group="Committee") == "Dear Senator Risch"


def test_combined_mixed_offices_join_the_common_forms() -> None:
    forms = [
        address_forms("us-secretary-of-state", "Antony J. Blinken", gender="male"),
        address_forms("us-administrator", "Samantha Power", gender="female"),
    ]
    assert combined_salutation(forms) == "Dear Secretary Blinken and Administrator Power"
    assert (
        combined_salutation(forms, style="formal")
        == "Dear Secretary Blinken and Administrator Power"
    )
    three = [*forms, _senator("James E. Risch")]
    assert (
        combined_salutation(three)
        == "Dear Secretary Blinken, Administrator Power and Senator Risch"
    )


def test_combined_excellencies() -> None:
    forms = [
        address_forms("foreign-ambassador", "CHO Hyun-dong", params={"country": "Korea"}),
        address_forms("un-permanent-representative", "Jordan Q. Avery", gender="female"),
        address_forms("head-of-state-president", "Morgan T. Lee"),
    ]
    assert combined_salutation(forms) == "Excellencies"
    assert combined_salutation(forms, style="formal") == "Excellencies"
    mixed = [forms[0], _senator("James E. Risch")]
    assert combined_salutation(mixed) == "Dear Ambassador Cho and Senator Risch"


def test_combined_same_office_with_different_forms_falls_back_to_joining() -> None:
    forms = [
        _senator("James E. Risch"),
        _senator("Jeanne Shaheen"),
        address_forms("us-senator", "Jordan Q. Avery", status="former"),
    ]
    # A former senator is still "Senator", so the plural applies.
    assert combined_salutation(forms) == "Dear Senators Risch, Shaheen and Avery"
    chairs = [
        address_forms("us-committee-chair", "Robert Menendez", gender="male"),
        address_forms("us-committee-chair", "Maria Cantwell", gender="female"),
        address_forms("us-committee-chair", "Jordan Q. Avery"),
    ]
    assert (
        combined_salutation(chairs) == "Dear Chairman Menendez, Chairwoman Cantwell and Chair Avery"
    )


def test_combined_salutations_without_dear_are_joined_as_they_are() -> None:
    forms = [
        address_forms("monarch-king", "Felipe VI"),
        address_forms("prime-minister", "Jordan Q. Avery"),
    ]
    assert combined_salutation(forms) == "Your Majesty and Dear Prime Minister Avery"


def test_combined_single_and_empty() -> None:
    one = [address_forms("us-president", "Joseph R. Biden Jr.", gender="male")]
    assert combined_salutation(one) == "Dear President Biden"
    assert combined_salutation(one, style="formal") == "Dear Mr. President"
    with pytest.raises(ProtocolError, match="no addressees"):
        combined_salutation([])


# --- punctuation


@pytest.mark.parametrize(
    ("audience", "mark"),
    [
        ("us-executive", ":"),
        ("us-congress", ":"),
        ("us", ":"),
        ("US-Congress", ":"),
        ("un", ","),
        ("eu", ","),
        ("foreign-government", ","),
        ("user-defined", ","),
        ("", ","),
        (None, ","),
    ],
)
def test_default_punctuation(audience: str | None, mark: str) -> None:
    assert default_punctuation(audience) == mark


# --- errors and the table loader


def test_unknown_office_suggests_the_nearest_key() -> None:
    with pytest.raises(ProtocolError) as info:
        get_office("us-senatr")
    assert info.value.message == "unknown office 'us-senatr'"
    assert info.value.hint is not None
    assert info.value.hint.startswith("did you mean 'us-senator'?")
    assert "draftkit address --list" in info.value.hint
    assert isinstance(info.value, DraftkitError)


def test_unknown_office_without_a_close_match() -> None:
    with pytest.raises(ProtocolError) as info:
        address_forms("zzzz", "Jordan Q. Avery")
    assert info.value.hint == "run `draftkit address --list` to see the office keys"


def _minimal_table(**overrides: Any) -> str:
    row: dict[str, Any] = {
        "key": "test-office",
        "label": "Test office",
        "jurisdiction": "us",
        "honorific": "The Honorable",
        "title_lines": ["Test Officer"],
        "salutation_formal": "Dear Officer {surname}",
        "salutation_common": "Dear Officer {surname}",
        "complimentary_close": "Sincerely,",
        "source": "A public protocol guide, section 1",
    }
    row.update(overrides)
    row = {k: v for k, v in row.items() if v is not None}
    return yaml.safe_dump({"version": 1, "offices": [row]}, allow_unicode=True)


def test_parse_table_accepts_a_minimal_row() -> None:
    (row,) = protocol._parse_table(_minimal_table())
    assert row.key == "test-office"
    assert row.acting is None and row.former is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"salutation_common": None}, r"row 'test-office': salutation_common: Field required"),
        ({"salutation_formal": "Dear Officer {surname},"}, r"row 'test-office':.*punctuation"),
        ({"jurisdiction": "mars"}, r"row 'test-office': jurisdiction"),
        ({"key": "Bad Key"}, r"row 'Bad Key': key"),
        ({"key": None}, r"row 1: key: Field required"),
        ({"salutation_formal": {"male": "Dear Mr. Officer"}}, r"row 'test-office':.*neutral"),
        ({"title_lines": [[]]}, r"row 'test-office': title_lines"),
        ({"salutation_common": "Dear {surname"}, r"row 'test-office':.*bad template"),
        ({"unexpected": 1}, r"row 'test-office': unexpected: Extra inputs"),
        ({"former": {"salutation_common": "Dear X:"}}, r"row 'test-office':.*former"),
    ],
)
def test_malformed_row_names_the_row(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ProtocolError, match=message) as info:
        protocol._parse_table(_minimal_table(**overrides), source="bad.yaml")
    assert info.value.path == "bad.yaml"


def test_malformed_table_documents() -> None:
    with pytest.raises(ProtocolError, match="invalid YAML") as info:
        protocol._parse_table("version: 1\noffices: [\n  - key: x\n", source="t.yaml")
    assert info.value.line is not None
    with pytest.raises(ProtocolError, match="not a forms-of-address table"):
        protocol._parse_table("- just a list\n")
    with pytest.raises(ProtocolError, match="not a forms-of-address table"):
        protocol._parse_table("version: 2\noffices: []\n")
    twice = yaml.safe_load(_minimal_table())
    twice["offices"] = twice["offices"] * 2
    with pytest.raises(ProtocolError, match="row 'test-office': duplicate office key"):
        protocol._parse_table(yaml.safe_dump(twice))


def test_salutation_parameter_missing_raises_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = protocol._parse_table(
        _minimal_table(salutation_common="Dear Members of the {committee}")
    )
    monkeypatch.setattr(protocol, "_index", lambda: {row.key: row for row in rows})
    with pytest.raises(ProtocolError, match="needs the parameter 'committee'") as info:
        address_forms("test-office", "Jordan Q. Avery")
    assert info.value.hint is not None and "--param committee=" in info.value.hint
    forms = address_forms("test-office", "Jordan Q. Avery", params={"committee": "Committee"})
    assert forms.salutation == "Dear Members of the Committee"


# --- CLI


def _cli(*args: str) -> Any:
    from draftkit.cli.address import address

    return CliRunner().invoke(address, list(args))


def test_cli_prints_block_salutations_and_close() -> None:
    result = _cli("--office", "us-senator", "--name", "James E. Risch", "--param", "state=Idaho")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:4] == [
        "The Honorable James E. Risch",
        "United States Senator for Idaho",
        "United States Senate",
        "Washington, DC 20510",
    ]
    assert "salutation, formal: Dear Senator Risch" in lines
    assert "salutation, common (used): Dear Senator Risch" in lines
    assert "complimentary close: Sincerely," in lines
    assert any(line.startswith("source: ") for line in lines)


def test_cli_formal_gendered_acting() -> None:
    result = _cli(
        "--office",
        "us-secretary-of-state",
        "--name",
        "Jordan Q. Avery",
        "--gender",
        "female",
        "--status",
        "acting",
        "--style",
        "formal",
    )
    assert result.exit_code == 0, result.output
    assert "Acting Secretary of State" in result.output.splitlines()
    assert "salutation, formal (used): Dear Ms. Avery" in result.output
    assert "salutation, common: Dear Acting Secretary Avery" in result.output


def test_cli_reports_missing_params() -> None:
    result = _cli("--office", "us-cabinet-secretary", "--name", "Jordan Q. Avery")
    assert result.exit_code == 0
    assert "lines left out (missing --param): department" in result.output


def test_cli_list() -> None:
    result = _cli("--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == len(offices())
    assert lines[0].split()[0] == offices()[0].key
    assert any(re.match(r"us-senator\s+United States Senator$", line) for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--office", "us-senatr", "--name", "X Y"), "did you mean 'us-senator'?"),
        (("--name", "X Y"), "--office and --name are required"),
        (("--office", "us-senator", "--name", "X Y", "--param", "state"), "bad --param 'state'"),
        (("--office", "mep", "--name", "X Y", "--status", "acting"), "has no acting form"),
    ],
)
def test_cli_errors_are_one_line_and_exit_1(args: tuple[str, ...], message: str) -> None:
    result = _cli(*args)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.strip()]) == 1


# --- documentation

BEGIN = "<!-- BEGIN protocol-table (generated by tests/test_protocol.py) -->"
END = "<!-- END protocol-table -->"


def _cell(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def _gendered_cell(value: protocol.Gendered | None) -> str:
    if value is None or not value.texts():
        return "—"
    if value.male in (None, value.neutral) and value.female in (None, value.neutral):
        return _cell(value.neutral)
    parts = [f"{value.male} / {value.female}"]
    if value.neutral:
        parts.append(f"(unknown: {value.neutral})")
    return _cell(" ".join(parts))


def render_table() -> str:
    """The Markdown table of docs/protocol.md, generated from the data."""
    lines = [
        "| key | label | honorific | formal salutation | common salutation | close | source |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in offices():
        close = row.complimentary_close
        if row.complimentary_close_formal:
            close += f" (formal: {row.complimentary_close_formal})"
        cells = [
            f"`{row.key}`",
            _cell(row.label),
            _gendered_cell(row.honorific),
            _gendered_cell(row.salutation_formal),
            _gendered_cell(row.salutation_common),
            _cell(close),
            _cell(row.source),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def test_docs_page_table_is_generated_from_the_data() -> None:
    text = DOCS_PAGE.read_text(encoding="utf-8")
    assert BEGIN in text and END in text
    head, rest = text.split(BEGIN, 1)
    current, tail = rest.split(END, 1)
    expected = "\n" + render_table() + "\n"
    if current != expected and os.environ.get("DRAFTKIT_UPDATE_DOCS") == "1":
        DOCS_PAGE.write_text(head + BEGIN + expected + END + tail, encoding="utf-8")
        current = expected
    assert current == expected, (
        "docs/protocol.md is out of date: run "
        "DRAFTKIT_UPDATE_DOCS=1 pytest tests/test_protocol.py -k docs_page"
    )
