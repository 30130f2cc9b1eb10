"""Each lint rule fires on a letter with the problem and stays quiet on one without it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.characters import replace_unwritable
from draftkit.check import CheckReport, Finding, all_rules, check_letter, get_rule
from draftkit.clauses.model import Clause
from draftkit.config import CheckSettings, ProjectConfig
from draftkit.provenance import Provenance
from draftkit.schema import Letter

TODAY = dt.date(2026, 3, 10)


def make(**changes: Any) -> Letter:
    """A clean letter to the Secretary of State; ``changes`` replace its fields."""
    data: dict[str, Any] = {
        "audience": "us-executive",
        "date": "2026-03-02",
        "addressees": [
            {
                "honorific": "The Honorable",
                "name": "Marisol T. Vance",
                "office": "us-secretary-of-state",
                "gender": "female",
                "title_lines": ["Secretary of State"],
            }
        ],
        "salutation": "Dear Secretary Vance:",
        "body": [
            "We write on behalf of the Center for Civic Rights (CCR) about the detention of "
            "journalists in the region.",
        ],
        "asks_intro": "We ask you to:",
        "asks": [
            {"lead": "Raise the cases.", "body": "Name the detained journalists in meetings."},
            {"lead": "Press for access.", "body": "Ask that monitors be allowed to visit them."},
        ],
        "closing": ["Thank you for your attention."],
        "complimentary_close": "Sincerely,",
        "signatories": [
            {
                "name": "Ana Ruiz",
                "title_lines": ["Director"],
                "organization": "Center for Civic Rights",
            }
        ],
    }
    data.update(changes)
    return Letter.model_validate(data)


def orgs(*names: str) -> list[dict[str, str]]:
    return [{"name": n, "kind": "organization"} for n in names]


def report(letter: Letter, **kwargs: Any) -> CheckReport:
    kwargs.setdefault("today", TODAY)
    return check_letter(letter, **kwargs)


def run(letter: Letter, rule_id: str, **kwargs: Any) -> list[Finding]:
    get_rule(rule_id)  # the id exists
    return [f for f in report(letter, **kwargs).findings if f.rule == rule_id]


def test_the_clean_letter_has_no_findings() -> None:
    assert report(make()).findings == []


def test_rule_ids_are_unique_and_documented() -> None:
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids))
    for item in all_rules():
        assert item.summary and item.severity in {"error", "warning", "info"}


# --------------------------------------------------------------------------- salutation


def senator(name: str = "Maria Jones", **extra: Any) -> dict[str, Any]:
    return {"name": name, "office": "us-senator", "honorific": "The Honorable", **extra}


def test_salutation_name_fires_on_someone_else() -> None:
    letter = make(addressees=[senator()], salutation="Dear Senator Smith:")
    found = run(letter, "salutation-name")
    assert len(found) == 1 and found[0].severity == "error"
    assert "Smith" in found[0].message and "Maria Jones" in found[0].message
    assert found[0].where == "salutation"


def test_salutation_name_quiet_for_the_addressee() -> None:
    letter = make(addressees=[senator()], salutation="Dear Senator Jones:")
    assert run(letter, "salutation-name") == []
    group = make(
        addressees=[senator(), senator("James Risch")],
        salutation="Dear Members of the Committee on Foreign Relations:",
    )
    assert run(group, "salutation-name") == []


def test_salutation_form_fires_on_the_wrong_office() -> None:
    found = run(make(addressees=[senator()], salutation="Dear Mr. Secretary:"), "salutation-form")
    assert len(found) == 1 and found[0].severity == "warning"
    assert "Dear Senator Jones" in found[0].message


@pytest.mark.parametrize(
    "salutation", ["Dear Secretary Vance:", "Dear Madam Secretary:", "Dear Secretary Vance,"]
)
def test_salutation_form_quiet_for_the_office_forms(salutation: str) -> None:
    assert run(make(salutation=salutation), "salutation-form") == []


def test_salutation_form_infers_the_office_from_a_title_line() -> None:
    person = {
        "honorific": "The Honorable",
        "name": "Antony J. Blinken",
        "title_lines": ["71st U.S. Secretary of State"],
    }
    assert (
        run(make(addressees=[person], salutation="Dear Secretary Blinken,"), "salutation-form")
        == []
    )
    found = run(make(addressees=[person], salutation="Dear Senator Blinken,"), "salutation-form")
    assert len(found) == 1 and "Secretary Blinken" in found[0].message


def test_salutation_form_several_addressees() -> None:
    two = [senator(), senator("James Risch")]
    assert (
        run(
            make(addressees=two, salutation="Dear Senator Jones and Senator Risch:"),
            "salutation-form",
        )
        == []
    )
    found = run(make(addressees=two, salutation="Dear Senator Jones:"), "salutation-form")
    assert len(found) == 1 and "James Risch" in found[0].message


# --------------------------------------------------------------------------- honorifics


def test_address_honorific_fires_on_a_plain_mister_for_a_senator() -> None:
    letter = make(addressees=[senator(honorific="Mr.")], salutation="Dear Senator Jones:")
    found = run(letter, "address-honorific")
    assert len(found) == 1 and "The Honorable" in found[0].message
    assert found[0].where == "addressees[0]"


def test_address_honorific_quiet_when_right_or_academic() -> None:
    assert run(make(), "address-honorific") == []
    person = {"honorific": "Dr.", "name": "Lena Park", "office": "private-individual"}
    assert run(make(addressees=[person], salutation="Dear Lena Park,"), "address-honorific") == []


def _president(honorific: str | None) -> dict[str, Any]:
    return {
        "honorific": honorific,
        "name": "Jordan Lee",
        "office": "us-president",
        "gender": "female",
    }


def test_address_honorific_fires_on_the_honorable_for_the_president() -> None:
    letter = make(addressees=[_president("The Honorable")], salutation="Dear Madam President:")
    found = run(letter, "address-honorific")
    assert len(found) == 1
    assert "'The Honorable' before the name of the President of the United States" in (
        found[0].message
    )
    assert "no honorific" in found[0].message
    assert "The President / The White House" in (found[0].hint or "")
    assert found[0].details["office"] == "us-president"


def test_address_honorific_accepts_the_tables_alternatives_and_no_honorific() -> None:
    for honorific in (None, "His Excellency the Honourable", "Ms."):
        letter = make(addressees=[_president(honorific)], salutation="Dear Madam President:")
        assert run(letter, "address-honorific") == [], honorific


def test_address_honorific_quiet_where_the_table_only_has_a_convention() -> None:
    # The table styles the UNHCR head by name only (its Excellency is an alternative):
    # a courtesy title is not flagged, a US style is.
    person = {"honorific": "Ms.", "name": "Ana Ruiz", "office": "un-high-commissioner-refugees"}
    assert (
        run(
            make(addressees=[person], salutation="Dear High Commissioner Ruiz,"),
            "address-honorific",
        )
        == []
    )
    person = {"honorific": "The Honorable", "name": "Ana Ruiz", "office": "un-special-rapporteur"}
    found = run(
        make(addressees=[person], salutation="Dear Special Rapporteur,"), "address-honorific"
    )
    assert len(found) == 1


def test_address_honorific_rt_hon_for_a_uk_minister() -> None:
    person = {"honorific": "The Rt Hon", "name": "Jordan Avery", "office": "uk-prime-minister"}
    assert (
        run(make(addressees=[person], salutation="Dear Prime Minister,"), "address-honorific") == []
    )
    person = {**person, "honorific": "His Excellency"}
    assert (
        len(run(make(addressees=[person], salutation="Dear Prime Minister,"), "address-honorific"))
        == 1
    )


def test_salutation_form_accepts_the_tables_alternatives() -> None:
    ambassador = {
        "honorific": "The Honorable",
        "name": "Jordan Avery",
        "office": "us-ambassador",
        "gender": "male",
    }
    assert (
        run(make(addressees=[ambassador], salutation="Dear Ambassador:"), "salutation-form") == []
    )
    king = {"name": "Felipe VI", "office": "monarch-king", "params": {"country": "Spain"}}
    assert run(make(addressees=[king], salutation="Sire,"), "salutation-form") == []
    found = run(make(addressees=[king], salutation="Dear Excellency,"), "salutation-form")
    assert len(found) == 1 and "Your Majesty" in found[0].message


def test_office_inference_needs_an_unambiguous_title() -> None:
    from draftkit.check.address import infer_office
    from draftkit.schema import Addressee

    shared = Addressee(name="Jordan Avery", title_lines=["Secretary of State"])
    assert infer_office(shared) is None  # the US and the UK both have one
    us = Addressee(name="Jordan Avery", title_lines=["71st U.S. Secretary of State"])
    assert infer_office(us) == ("us-secretary-of-state", "current")
    org_line = Addressee(name="Jordan Avery", title_lines=["United Nations"])
    assert infer_office(org_line) is None  # an organization, not an office


def test_honorific_consistency_fires_on_two_courtesy_titles() -> None:
    letter = make(body=["We met Ms. Vance in May.", "Mrs. Vance then wrote to us."])
    found = run(letter, "honorific-consistency")
    assert len(found) == 1 and found[0].where == "body[1]"
    assert "Ms. Vance" in found[0].message and "Mrs. Vance" in found[0].message


def test_honorific_consistency_fires_between_address_and_heading() -> None:
    letter = make(heading="Letter to Ms. Marisol T. Vance")
    found = run(letter, "honorific-consistency")
    assert len(found) == 1 and found[0].where == "heading"


def test_honorific_consistency_allows_the_honorable_in_the_address_only() -> None:
    # "The Honorable" belongs to the address block; running text says "Ms. Vance".
    assert run(make(body=["We thank Ms. Vance for her time."]), "honorific-consistency") == []


def test_recipient_in_cc_fires() -> None:
    cc = [{"honorific": "The Honorable", "name": "Marisol Vance"}]
    found = run(make(cc=cc), "recipient-in-cc")
    assert len(found) == 1 and found[0].where == "cc[0]"
    twice = [{"name": "Daniel Osei"}, {"name": "Mr. Daniel K. Osei"}]
    found = run(make(cc=twice), "recipient-in-cc")
    assert len(found) == 1 and "copied twice" in found[0].message


def test_recipient_in_cc_quiet_for_other_people() -> None:
    assert (
        run(make(cc=[{"name": "Daniel K. Osei"}, {"name": "Hana Lindqvist"}]), "recipient-in-cc")
        == []
    )


# --------------------------------------------------------------------------- counts


NINE = orgs(*(f"Organization {c}" for c in "ABCDEFGHI"))


def test_count_mismatch_catches_eleven_claimed_nine_listed() -> None:
    letter = make(
        body=["On behalf of 11 non-governmental organizations and coalitions, we write."],
        signatories=NINE,
    )
    found = run(letter, "count-mismatch")
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].details == {"claimed": 11, "listed": 9, "list": "signatories"}
    assert found[0].where == "body[0]"


@pytest.mark.parametrize(
    "text",
    [
        "We, the eleven undersigned organizations, write to you.",
        "As a coalition of eleven groups, we write to you.",
        "Our eleven organizations write to you.",
    ],
)
def test_count_mismatch_claims_in_words(text: str) -> None:
    assert len(run(make(body=[text], signatories=NINE), "count-mismatch")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "We, the undersigned nine human rights, humanitarian and faith-based organizations, write.",
        "The UN counted attacks by five armed groups in the region.",
        "For three years, partner organizations have documented abuses.",
        "We, nearly 20 organizations, write to you.",
        "We, more than 8 organizations, write to you.",
        "Two of the organizations have staff in detention.",
        "The 2016 Human Rights Act covers 25 million people.",
    ],
)
def test_count_mismatch_quiet(text: str) -> None:
    assert run(make(body=[text], signatories=NINE), "count-mismatch") == []


def test_count_mismatch_more_than_is_a_lower_bound() -> None:
    found = run(
        make(body=["We, more than 10 organizations, write."], signatories=NINE), "count-mismatch"
    )
    assert len(found) == 1 and "more than" in found[0].message


def test_count_mismatch_recommendations_against_asks() -> None:
    letter = make(asks_intro="We make the following five recommendations:")
    found = run(letter, "count-mismatch")
    assert len(found) == 1 and found[0].details["listed"] == 2
    assert (
        run(make(asks_intro="We make the following two recommendations:"), "count-mismatch") == []
    )
    assert run(make(body=["The government took three steps last year."]), "count-mismatch") == []


def test_count_mismatch_items_under_an_ask() -> None:
    asks = [
        {
            "lead": "Fund monitors.",
            "body": "Take the following three steps:",
            "items": ["grants;", "training."],
        }
    ]
    found = run(make(asks=asks), "count-mismatch")
    assert len(found) == 1 and found[0].details["list"] == "asks[0].items"


def test_count_mismatch_individual_signatories() -> None:
    people = [{"name": f"Person {c}"} for c in "ABC"]
    found = run(
        make(body=["We, the four undersigned experts, write."], signatories=people),
        "count-mismatch",
    )
    assert len(found) == 1 and found[0].details["listed"] == 3


# --------------------------------------------------------------------------- placeholders


@pytest.mark.parametrize(
    "snippet",
    [
        "{{ country }}",
        "{% if x %}",
        "[NAME]",
        "[INSERT DATE]",
        "[Insert the minister's name]",
        "TK",
        "XX",
        "XXX",
        "???",
        "Lorem ipsum",
        "TODO",
        "TBD",
        "<<recipient>>",
        "{surname}",
    ],
)
def test_placeholder_fires(snippet: str) -> None:
    found = run(make(body=[f"We write about {snippet} today."]), "placeholder")
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].where == "body[0]"


@pytest.mark.parametrize(
    "text",
    [
        "He said it was [sic] final.",
        "See [our website](https://example.org/cases).",
        "In the XXth century, the UN was founded.",
        "The TKO ruling stands.",
        "Is this right? We think so.",
    ],
)
def test_placeholder_quiet(text: str) -> None:
    assert run(make(body=[text]), "placeholder") == []


def test_placeholder_anywhere_in_the_letter() -> None:
    letter = make(
        addressees=[{"name": "[NAME]", "title_lines": ["Minister"]}], salutation="Dear Minister,"
    )
    found = run(letter, "placeholder")
    assert [f.where for f in found] == ["addressees[0].name"]


def test_placeholder_in_a_spec_variable_is_a_warning() -> None:
    found = run(make(), "placeholder", spec_data={"variables": {"country": "TODO"}})
    assert len(found) == 1 and found[0].severity == "warning"
    assert found[0].where == "variables.country"


# --------------------------------------------------------------------------- acronyms


def test_acronym_used_before_it_is_spelled_out() -> None:
    letter = make(body=["The UNHRC meets soon.", "The UN Human Rights Council (UNHRC) must act."])
    found = run(letter, "acronym-undefined")
    assert len(found) == 1 and found[0].where == "body[0]"
    assert "body[1]" in found[0].message


def test_acronym_never_spelled_out() -> None:
    found = run(make(body=["Refer the case to the ICC."]), "acronym-undefined")
    assert len(found) == 1 and "never" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The UN Human Rights Council (UNHRC) must act; the UNHRC meets soon.",
        "The United Nations General Assembly meets; a UNGA resolution is due.",
        "The US, the UN, the EU and NATO agree. Covid-19 spread.",
        "Title IV of the act applies.",
        "The International Criminal Court (ICC) and the ICC's prosecutor.",
    ],
)
def test_acronym_quiet(text: str) -> None:
    assert run(make(body=[text]), "acronym-undefined") == []


# --------------------------------------------------------------------------- typography


def test_quote_style_fires_on_a_mix() -> None:
    letter = make(body=["The minister’s reply came, and the envoy’s.", "It's final."])
    found = run(letter, "quote-style")
    assert len(found) == 1 and found[0].where == "body[1]"


@pytest.mark.parametrize(
    "body", [["The minister’s “final” reply."], ['The minister\'s "final" reply.']]
)
def test_quote_style_quiet_when_consistent(body: list[str]) -> None:
    assert run(make(body=body), "quote-style") == []


def test_double_space_fires() -> None:
    found = run(make(body=["We write.  We ask."]), "double-space")
    assert len(found) == 1 and "␣␣" in (found[0].excerpt or "")


def test_double_space_quiet() -> None:
    assert run(make(body=["We write. We ask.\nNew line."]), "double-space") == []


# --------------------------------------------------------------------------- dates


def test_date_missing() -> None:
    assert [f.severity for f in run(make(date=None), "date-missing")] == ["warning"]
    assert run(make(), "date-missing") == []
    assert run(make(date=None, published="2026-01-05"), "date-missing") == []


def test_date_future_threshold() -> None:
    far = (TODAY + dt.timedelta(days=90)).isoformat()
    near = (TODAY + dt.timedelta(days=30)).isoformat()
    assert len(run(make(date=far), "date-future")) == 1
    assert run(make(date=near), "date-future") == []
    relaxed = ProjectConfig(check=CheckSettings(future_days=120))
    assert run(make(date=far), "date-future", config=relaxed) == []


def test_date_implausible() -> None:
    assert len(run(make(date="1850-01-01"), "date-implausible")) == 1
    assert len(run(make(date="2049-01-01"), "date-implausible")) == 1
    assert len(run(make(date="2021-06-01", published="2021-05-01"), "date-implausible")) == 1
    assert run(make(date="2021-05-25", published="2021-06-07"), "date-implausible") == []


# --------------------------------------------------------------------------- signatories


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Human Rights Watch", "Human Rights Watch (HRW)"),
        ("Human Rights Watch (HRW)", "HRW"),
        ("The 88 Project", "88 Project"),
        ("Physicians & Nurses United", "physicians and nurses united"),
    ],
)
def test_duplicate_signatory_organizations(first: str, second: str) -> None:
    found = run(make(signatories=orgs(first, "Other Group", second)), "duplicate-signatory")
    assert len(found) == 1 and found[0].where == "signatories[2]"


def test_duplicate_signatory_individuals() -> None:
    people = [{"name": "Jane Q. Roe"}, {"name": "Dr. Jane Roe", "organization": "X"}]
    assert len(run(make(signatories=people), "duplicate-signatory")) == 1


def test_duplicate_signatory_quiet() -> None:
    signers = orgs("Amnesty International", "Americans Inc", "Human Rights First")
    assert run(make(signatories=signers), "duplicate-signatory") == []


def test_signatories_missing_fires_on_an_unsigned_letter() -> None:
    found = run(make(signatories=[]), "signatories-missing")
    assert len(found) == 1 and found[0].where == "signatories"
    assert found[0].severity == "warning"


def test_signatories_missing_quiet() -> None:
    assert run(make(), "signatories-missing") == []
    assert run(make(signatories=orgs("Only Group")), "signatories-missing") == []
    assert run(make(signatories=[], kind="press-release"), "signatories-missing") == []


def _people(*names: str, **options: Any) -> Letter:
    return make(signatories=[{"name": n} for n in names], options=options)


def test_signatory_order_family_name() -> None:
    found = run(
        _people("Victor Cha", "Morton Abramowitz", signatory_order="family-name"), "signatory-order"
    )
    assert len(found) == 1 and found[0].where == "signatories[1]"
    assert (
        run(
            _people(
                "Morton Abramowitz", "Victor Cha", "Roberta Cohen", signatory_order="family-name"
            ),
            "signatory-order",
        )
        == []
    )


def test_signatory_order_organization_and_as_entered() -> None:
    letter = make(
        signatories=orgs("Zeta Fund", "The Alpha Network"),
        options={"signatory_order": "organization"},
    )
    assert len(run(letter, "signatory-order")) == 1
    letter = make(
        signatories=orgs("The Alpha Network", "Zeta Fund"),
        options={"signatory_order": "organization"},
    )
    assert run(letter, "signatory-order") == []
    assert run(_people("Zed Young", "Amy Adams"), "signatory-order") == []


def test_signatory_order_lead_then_alphabetical() -> None:
    signers = [{"name": "Amy Adams"}, {"name": "Zed Young", "lead": True}]
    letter = make(signatories=signers, options={"signatory_order": "lead-then-alphabetical"})
    found = run(letter, "signatory-order")
    assert [f.where for f in found] == ["signatories[1]"]
    signers = [{"name": "Zed Young", "lead": True}, {"name": "Amy Adams"}, {"name": "Bo Bell"}]
    letter = make(signatories=signers, options={"signatory_order": "lead-then-alphabetical"})
    assert run(letter, "signatory-order") == []


# --------------------------------------------------------------------------- asks, length


def test_ask_lead_in() -> None:
    asks = [{"lead": "Raise the cases.", "body": "In meetings."}, {"body": "Press for access."}]
    found = run(make(asks=asks), "ask-lead-in")
    assert [f.where for f in found] == ["asks[1]"]
    assert run(make(), "ask-lead-in") == []


def _long(words: int, audience: str | None) -> Letter:
    sentence = "We ask the government to release every detained journalist now. "
    count = len(sentence.split())
    return make(
        audience=audience, body=[sentence * (words // count)], asks_intro=None, asks=[], closing=[]
    )


def test_length_against_the_audience_norm() -> None:
    found = run(_long(1000, "us-congress"), "length")
    assert len(found) == 1 and found[0].details["norm"] == 900
    assert run(_long(850, "us-congress"), "length") == []
    assert run(_long(1100, "un"), "length") == []
    assert len(run(_long(1600, None), "length")) == 1


# --------------------------------------------------------------------------- vetted language


def clause(cid: str, status: str, **fields: Any) -> Clause:
    extra: dict[str, Any] = {}
    if status == "vetted":
        extra["vetted_by"] = "Policy Committee"
    if status == "retired":
        extra["retired_reason"] = "superseded by ask.new-access"
    return Clause(id=cid, kind="ask", title=cid, status=status, **extra, **fields)


LIBRARY = [
    clause(
        "ask.raise-cases",
        "vetted",
        lead="Raise the cases.",
        body="Name the detained journalists of {{ country }} in every meeting you hold.",
    ),
    clause(
        "ask.old-access",
        "retired",
        lead="Press for access.",
        body="Ask that independent monitors be allowed to visit the prisons without delay.",
    ),
    clause(
        "ask.draft-envoy",
        "draft",
        lead="Appoint an envoy.",
        body="Name a senior envoy with a mandate covering human rights and detention.",
    ),
]


def test_vetted_language_reports_the_share_and_new_sentences() -> None:
    asks = [
        {
            "lead": "Raise the cases.",
            "body": "Name the detained journalists of the Lake Region in every meeting you hold.",
        },
        {"lead": "Fund the monitors.", "body": "Give local monitors flexible grants this year."},
    ]
    rep = report(make(asks=asks), clauses=LIBRARY)
    found = [f for f in rep.findings if f.rule == "vetted-language"]
    assert len(found) == 1 and found[0].severity == "info"
    assert rep.coverage is not None
    assert rep.coverage.vetted == 1
    new = [s for _, s in rep.coverage.new_sentences]
    assert "Give local monitors flexible grants this year." in new
    assert found[0].details["new_sentences"]


def test_vetted_language_needs_a_library() -> None:
    rep = report(make())
    assert not [f for f in rep.findings if f.rule == "vetted-language"]
    assert any("no clause library" in n for n in rep.notes)


def test_retired_language_warns_and_draft_language_informs() -> None:
    asks = [
        {
            "lead": "Press for access.",
            "body": "Ask that independent monitors be allowed to visit the prisons without delay.",
        },
        {
            "lead": "Appoint an envoy.",
            "body": "Name a senior envoy with a mandate covering human rights and detention.",
        },
    ]
    retired = run(make(asks=asks), "retired-language", clauses=LIBRARY)
    assert [(f.where, f.severity) for f in retired] == [("asks[0].body", "warning")]
    assert "superseded" in retired[0].message
    draft = run(make(asks=asks), "draft-language", clauses=LIBRARY)
    assert [f.where for f in draft] == ["asks[1].body"]
    assert run(make(), "retired-language", clauses=LIBRARY) == []


def test_composed_clauses_count_from_provenance() -> None:
    letter = make(
        provenance=[
            {"place": "asks[1]", "clause": "ask.old-access", "version": "x", "status": "retired"}
        ]
    )
    found = run(letter, "retired-language", clauses=LIBRARY)
    assert [f.where for f in found] == ["asks[1].body"]


# --------------------------------------------------------------------------- provenance


PROV = Provenance(
    version="0.1.0",
    variant="us-executive",
    clauses=[("ask.raise-cases", LIBRARY[0].version), ("ask.old-access", "0000")],
    spec_sha256="00" * 32,
    properties={"draftkit.version": "0.1.0"},
)


def test_provenance_is_reported() -> None:
    found = run(make(), "provenance", provenance=PROV)
    assert len(found) == 1 and "ask.raise-cases@" in found[0].message
    assert run(make(), "provenance") == []
    assert run(make(), "provenance", provenance=Provenance()) == []


def test_provenance_spec_hash() -> None:
    differ = run(make(), "provenance-spec", provenance=PROV, spec_bytes=b"x", spec_name="a.yaml")
    assert [f.severity for f in differ] == ["warning"]
    import hashlib

    same = PROV.model_copy(update={"spec_sha256": hashlib.sha256(b"x").hexdigest()})
    found = run(make(), "provenance-spec", provenance=same, spec_bytes=b"x")
    assert [f.severity for f in found] == ["info"]


def test_provenance_clause_changes() -> None:
    found = run(make(), "provenance-clause", provenance=PROV, clauses=LIBRARY)
    assert [f.severity for f in found] == ["warning"]
    assert "ask.old-access" in found[0].message
    assert run(make(), "provenance-clause", provenance=PROV) == []


# --------------------------------------------------------------------------- switching off


def test_disable_by_config_argument_and_prefix() -> None:
    letter = make(date=None, body=["We write about TK."])
    config = ProjectConfig(check=CheckSettings(disable=["placeholder"]))
    rep = report(letter, config=config, disable=["date"])
    assert rep.findings == []
    assert "placeholder" in rep.disabled and "date-missing" in rep.disabled


def test_unknown_rule_in_disable_is_reported() -> None:
    rep = report(make(), disable=["lenght"])
    assert [f.rule for f in rep.findings] == ["unknown-rule"]
    assert "length" in (rep.findings[0].hint or "")


def test_findings_are_sorted_by_severity_then_place() -> None:
    letter = make(
        date=None,
        body=["We write about TK.", "On behalf of 11 organizations, we ask."],
        signatories=NINE,
    )
    rep = report(letter)
    assert [f.severity for f in rep.findings] == ["error", "error", "warning"]
    assert [f.where for f in rep.findings][:2] == ["body[0]", "body[1]"]
    assert rep.has_errors and rep.summary() == "3 findings (2 errors, 1 warning)"


# --------------------------------------------------------------------------- robustness

def _writable(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Text a letter can hold (unwritable characters are refused by validation)."""
    return text.map(lambda value: replace_unwritable(value)[0])


@settings(max_examples=80, deadline=None)
@given(
    body=_writable(st.text(max_size=400)),
    name=_writable(st.text(min_size=1, max_size=40)),
    salutation=_writable(st.text(max_size=60)),
    signer=_writable(st.text(min_size=1, max_size=40)),
)
def test_rules_never_crash_on_odd_text(body: str, name: str, salutation: str, signer: str) -> None:
    letter = make(
        body=[body or "x"],
        salutation=salutation or None,
        addressees=[{"name": name, "office": "us-senator"}],
        cc=[{"name": name}],
        signatories=[{"name": signer}, {"name": signer + " (X)", "kind": "organization"}],
        options={"signatory_order": "family-name"},
    )
    rep = report(letter, clauses=LIBRARY)
    for finding in rep.findings:
        assert finding.rule and finding.message


def test_the_title_words_are_those_of_each_salutation_read_alone() -> None:
    # _title_words runs the word pattern once over all the texts, one a line (start-up
    # time): the same words as reading each text by itself
    import re

    from draftkit.check import address
    from draftkit.check.places import words
    from draftkit.protocol import salutation_texts

    found = set(address._BASE_TITLE_WORDS)
    for text in salutation_texts():
        found.update(w.lower() for w in words(re.sub(r"\{[^}]*\}", " ", text)))
    found |= {w + "s" for w in found if not w.endswith("s")}
    assert address._title_words() == frozenset(found)


def test_the_unvalidated_report_equals_the_validated_one() -> None:
    # check_letter builds its report with model_construct (start-up time)
    letter = Letter.model_validate(
        {
            "addressees": [{"name": "Dana Reyes", "honorific": "Ms."}],
            "salutation": "Dear Mr. Okafor:",
            "body": ["We, the undersigned five organizations, write about [COUNTRY]."],
        }
    )
    report = check_letter(letter, disable=["length", "no-such-rule"])
    assert report.findings
    fields = {name: getattr(report, name) for name in CheckReport.model_fields}
    validated = CheckReport.model_validate(fields)
    assert validated == report
    assert validated.model_fields_set == report.model_fields_set
    assert validated.model_dump_json() == report.model_dump_json()


def test_salutation_form_accepts_a_un_official_by_name() -> None:
    """The UN's own letters greet a named official "Dear Ms. Okafor," (the table's
    alternative to "Dear Special Envoy Okafor"); an office the table does not give for
    the row is still flagged."""
    envoy = {
        "name": "Adaeze Okafor",
        "office": "un-special-envoy",
        "gender": "female",
    }
    for greeting in ("Dear Ms. Okafor,", "Dear Special Envoy Okafor,"):
        found = run(make(addressees=[envoy], salutation=greeting), "salutation-form")
        assert found == [], greeting
    found = run(make(addressees=[envoy], salutation="Dear Senator Okafor,"), "salutation-form")
    assert len(found) == 1
