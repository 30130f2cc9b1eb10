"""The comparison of the forms-of-address table with an independent check set."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "protocol_agreement", ROOT / "benchmarks" / "protocol_agreement.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["protocol_agreement"] = module
    spec.loader.exec_module(module)
    return module


def _record(**fields: object) -> dict[str, object]:
    sources = {name: [{"ref": "E-X", "basis": "explicit"}] for name in fields if name != "id"}
    return {"confidence": "high", "unknown_fields": [], "sources": sources, **fields}


def test_gendered_pairs_and_normalization() -> None:
    agreement = _module()
    assert agreement.gendered("Dear Mr./Madam President:") == {
        "male": "Dear Mr. President:",
        "female": "Dear Madam President:",
    }
    assert agreement.gendered("My Lord / Madam") == {"male": "My Lord", "female": "Madam"}
    assert agreement.gendered("Dear Dr./Mr./Ms. SURNAME")["male"] == "Dear Dr. SURNAME"
    assert agreement.norm("Dear Mr. President:") == agreement.norm("dear mr president")
    assert agreement.norm("Washington, DC 20500") == agreement.norm("Washington DC 20500")
    assert agreement.norm("Ambassador of COUNTRY") == agreement.norm("Ambassador of STATE")
    # "The Hon" is the abbreviation of "The Honourable", as "The Rt Hon" of "The Right ..."
    assert agreement.norm("Senator the Hon. NAME") == agreement.norm("Senator the Honourable NAME")
    assert agreement.norm("The Right Hon.") == agreement.norm("The Rt Hon")
    assert agreement.norm("The Honourable") != agreement.norm("Honourable")
    assert agreement.norm("Mr. NAME, M.L.A.") == agreement.norm("Mr. NAME, MLA")
    # the row's honorific agrees without the words its name line adds ("Mayor")
    mayor = agreement.table_forms("ca-mayor", "female", {})
    assert agreement.compare_field("honorific_in_address", "His/Her Worship", mayor, "female") == (
        "agree"
    )
    assert agreement.compare_field("honorific_in_address", "Her Honour", mayor, "female") == (
        "differ"
    )


def test_compare_counts_agreement_offered_and_differences(tmp_path: Path) -> None:
    agreement = _module()
    offices = [
        _record(
            id="us-president",
            honorific_in_address=None,
            address_block=["The President", "The White House", "ADDRESS"],
            salutation_formal="Dear Mr./Madam President:",
            complimentary_close_formal="Most respectfully,",
        ),
        _record(
            id="us-senator",
            honorific_in_address="The Honorable",
            address_block=["The Honorable", "NAME", "United States Senate", "ADDRESS"],
            salutation_formal="Dear Senator SURNAME:",
            salutation_informal="Hey SURNAME",  # the table does not give it
        ),
        _record(id="us-speaker", salutation_formal="Dear Speaker SURNAME:"),  # common, not formal
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    result = agreement.compare(path)
    outcome = {(row["id"], row["field"]): row["outcome"] for row in result["rows"]}
    assert outcome[("us-president", "honorific_in_address")] == "agree"  # sourced "none"
    assert outcome[("us-president", "address_block")] == "agree"
    assert outcome[("us-president", "salutation_formal")] == "agree"
    assert outcome[("us-president", "complimentary_close_formal")] == "agree"
    assert outcome[("us-senator", "address_block")] == "agree"  # "The Honorable / NAME"
    assert outcome[("us-senator", "salutation_informal")] == "differ"
    assert outcome[("us-speaker", "salutation_formal")] == "offered"
    assert outcome[("us-senator", "honorific_in_address")] == "agree"
    assert result["sourced_fields"] == 9
    assert result["agree"] == 7 and result["offered"] == 1 and result["differ"] == 1


def test_block_alternatives_count_as_offered_never_as_agreement(tmp_path: Path) -> None:
    agreement = _module()
    judge_block = [
        "The Honorable NAME",
        "United States District Judge",
        "United States District Court for the DISTRICT",
        "ADDRESS",
    ]
    offices = [
        # the row's title-line alternative (judicial title above the court)
        _record(id="us-federal-judge", address_block=judge_block),
        # the row's own block (Hickey: the court under the name)
        _record(
            id="us-federal-judge",
            address_block=["The Honorable NAME", "United States District Court for the DISTRICT"],
        ),
        # an address-line alternative and a name-line alternative
        _record(
            id="au-commission-chairperson",
            address_block=[
                "His/Her Excellency NAME",
                "Chairperson of the African Union Commission",
                "African Union Commission",
                "P.O. Box 3243",
                "Addis Ababa",
                "Ethiopia",
            ],
        ),
        _record(id="eu-mep", address_block=["Mr/Ms NAME MEP", "European Parliament", "ADDRESS"]),
        # a block no row gives: still a difference
        _record(
            id="us-federal-judge",
            address_block=["The Honorable NAME", "Chief Judge", "ADDRESS"],
        ),
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    result = agreement.compare(path)
    assert [row["outcome"] for row in result["rows"]] == [
        "offered",
        "agree",
        "offered",
        "offered",
        "differ",
    ]
    assert result["agree"] == 1 and result["offered"] == 3 and result["differ"] == 1


def test_named_placeholders_are_lines_the_table_must_write(tmp_path: Path) -> None:
    agreement = _module()
    assert agreement.gendered("Dear Mr./Mrs./Ms./Miss/Mx. SURNAME:") == {
        "male": "Dear Mr. SURNAME:",
        "female": "Dear Ms. SURNAME:",
    }
    defined = _record(
        id="us-under-secretary",
        address_block=["The Honorable NAME", "OFFICE_TITLE", "DEPARTMENT", "ADDRESS"],
    )
    defined["sources"]["address_block"][0]["note"] = "OFFICE_TITLE = 'Under Secretary'"  # type: ignore[index]
    offices = [
        # the priest's row writes the parish when it is given: CHURCH fills it
        _record(id="catholic-priest", address_block=["The Reverend NAME", "CHURCH", "ADDRESS"]),
        # the physician's practice is the row's institution line: PRACTICE fills it
        _record(id="doctor-medical", address_block=["NAME, M.D.", "PRACTICE", "ADDRESS"]),
        # a colonel's row has no line for a practice: PRACTICE is not an ADDRESS line
        _record(
            id="us-colonel",
            address_block=["Colonel NAME, USA/USAF/USMC", "PRACTICE", "ADDRESS"],
        ),
        # the note defines OFFICE_TITLE: it must be the table's line, not any line
        defined,
        _record(
            id="us-deputy-secretary",
            address_block=["The Honorable NAME", "Under Secretary", "DEPARTMENT", "ADDRESS"],
        ),
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    outcome = {row["id"]: row["outcome"] for row in agreement.compare(path)["rows"]}
    assert outcome == {
        "catholic-priest": "agree",
        "doctor-medical": "agree",
        "us-colonel": "differ",
        "us-under-secretary": "agree",
        "us-deputy-secretary": "differ",
    }


def test_the_title_before_a_surname_alone_is_the_honorific() -> None:
    agreement = _module()
    assert agreement._first_line_honorific("Justice SURNAME") == "Justice"
    assert agreement._first_line_honorific("The Rt Hon the Lord SURNAME") == "The Rt Hon"
    assert agreement._first_line_honorific("His Eminence GIVEN_NAME Cardinal SURNAME") == (
        "His Eminence"
    )
    assert agreement._first_line_honorific("Admiral NAME, USN") == ""


def test_a_form_for_one_gender_is_compared_for_that_gender_only(tmp_path: Path) -> None:
    agreement = _module()
    assert agreement.genders_of("Dear Mr Speaker,") == ("male",)
    assert agreement.genders_of("Dear Madam Chairwoman") == ("female",)
    assert agreement.genders_of("Dear Mr./Madam President:") == ("male", "female")
    assert agreement.genders_of("Dear Prime Minister") == ("male", "female")
    assert agreement.genders_of(["His/Her Excellency NAME", "ADDRESS"]) == ("male", "female")
    offices = [_record(id="uk-speaker-commons", salutation_formal="Dear Mr Speaker,")]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    row = agreement.compare(path)["rows"][0]
    assert row["outcome"] == "agree" and row["table"] == "Dear Mr Speaker"


def test_a_line_break_inside_a_title_is_layout(tmp_path: Path) -> None:
    agreement = _module()
    table = ["Mr. NAME", "Director, OSCE Office", "Warsaw"]
    assert agreement._block_matches(["Mr. NAME", "Director", "OSCE Office", "ADDRESS"], table)
    two_lines = ["Mr. NAME", "Director", "OSCE Office"]
    assert agreement._block_matches(["Mr. NAME", "Director, OSCE Office"], two_lines)
    # other words are still a difference ("Administrator / AGENCY" is not "... of the AGENCY")
    other = ["Mr. NAME", "Director of the OSCE Office"]
    assert not agreement._block_matches(["Mr. NAME", "Director", "OSCE Office"], other)
    # so is a break between the name and a title (Hickey's "(Full Name), Senator")
    senator = ["The Honourable NAME, Senator", "The Senate of Canada", "Ottawa"]
    assert agreement._block_matches(
        ["The Honourable NAME", "Senator", "The Senate of Canada", "ADDRESS"], senator
    )
    split = ["The Honourable NAME", "Senator", "The Senate of Canada"]
    assert agreement._block_matches(["The Honourable NAME, Senator", "ADDRESS"], split)
    # but not other words, nor an ADDRESS line read as the title
    assert not agreement._block_matches(["The Honourable NAME", "Member"], senator)
    assert not agreement._block_matches(["The Honourable NAME", "ADDRESS"], senator)
    offices = [
        _record(id="us-admiral", honorific_in_address="Admiral"),
        _record(id="us-admiral", honorific_in_address="General"),
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    # a rank the check set counts as the honorific agrees when the table writes it first
    assert [r["outcome"] for r in agreement.compare(path)["rows"]] == ["agree", "differ"]


def test_fields_the_check_set_partly_made_itself_are_counted_apart(tmp_path: Path) -> None:
    agreement = _module()
    own = _record(id="imam", address_block=["Imam NAME", "MOSQUE", "ADDRESS"])
    own["sources"]["address_block"][0]["note"] = "the mosque line is my addition"  # type: ignore[index]
    offices = [own, _record(id="imam", salutation_formal="Dear Imam SURNAME,")]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    result = agreement.compare(path)
    assert [r["own_part"] for r in result["rows"]] == [True, False]
    assert result["sourced_fields"] == 2 and result["wholly_sourced_fields"] == 1
    # the mosque is the imam's congregation, the line the table writes under the name
    assert [r["outcome"] for r in result["rows"]] == ["agree", "agree"]


def test_us_abbreviation_and_hyphens_are_punctuation() -> None:
    agreement = _module()
    # "U.S." is the abbreviation of the same words, as "H.E." of "His Excellency"
    assert agreement.norm("U.S. House of Representatives") == agreement.norm(
        "United States House of Representatives"
    )
    assert agreement.norm("Secretary-General of the United Nations") == agreement.norm(
        "Secretary General of the United Nations"
    )
    # other letters still differ
    assert agreement.norm("USN") != agreement.norm("United States Navy")


def test_a_country_prefix_before_a_postcode_is_the_same_postcode() -> None:
    agreement = _module()
    # the country is written on its own line: "CH-1211" is the postcode 1211
    assert agreement.norm("F-67001 Strasbourg") == agreement.norm("FR-67001 Strasbourg")
    assert agreement.norm("CH-1211 Geneva 10") == agreement.norm("1211 Geneva 10")
    # a different postcode, or letters that are not before one, still differ
    assert agreement.norm("1211 Geneva 10") != agreement.norm("1202 Geneva 10")
    assert agreement.norm("CH-1211 Geneva 10") != agreement.norm("CH-121 Geneva 10")
    assert agreement.norm("Secretary-General") != agreement.norm("General")


def test_the_style_a_name_line_writes_before_the_name_is_the_honorific() -> None:
    agreement = _module()
    # a baron has no honorific field: the style is the name line's "The Lord" (both styles)
    lord = agreement.table_forms("uk-lord", "male", {})
    assert agreement.compare_field("honorific_in_address", "The Lord", lord, "male") == "agree"
    assert agreement.compare_field("honorific_in_address", "His Grace", lord, "male") == "differ"


def test_markdown_lists_the_fields_that_do_not_agree(tmp_path: Path) -> None:
    agreement = _module()
    offices = [
        _record(id="us-senator", salutation_formal="Dear Senator SURNAME:"),
        _record(id="us-senator", salutation_informal="Hey | SURNAME"),
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    table = agreement.markdown(agreement.compare(path)).splitlines()
    assert table[0].startswith("| check record → table row | field |")
    assert len(table) == 3  # the header, its rule and the one field that differs
    assert "salutation_informal" in table[2] and "Hey \\| SURNAME" in table[2]
    assert table[2].endswith("| differ |")


def test_a_sovereign_record_is_compared_with_the_king_and_the_queen(tmp_path: Path) -> None:
    agreement = _module()
    offices = [
        _record(
            id="uk-sovereign",
            honorific_in_address="His/Her Majesty",
            salutation_formal="Sir/Madam",
        )
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    rows = agreement.compare(path)["rows"]
    assert [r["key"] for r in rows] == ["uk-king/uk-queen", "uk-king/uk-queen"]
    assert [r["outcome"] for r in rows] == ["agree", "agree"]


def test_a_department_is_a_ministers_portfolio_and_an_organization_a_congregation(
    tmp_path: Path,
) -> None:
    """DEPARTMENT and ORGANIZATION fill the parameter the row takes for the same thing."""
    agreement = _module()
    # a row that takes a portfolio and no department: DEPARTMENT is the portfolio
    assert agreement._row_params("au-minister", {"department": "DEPARTMENT"}) == {
        "department": "DEPARTMENT",
        "portfolio": "DEPARTMENT",
    }
    # a row that takes both keeps them apart (Under Secretary for X, Department of Y)
    assert "portfolio" not in agreement._row_params(
        "us-under-secretary", {"department": "DEPARTMENT"}
    )
    # a rabbi's row takes a congregation: the organization under the name is it
    assert agreement._row_params("rabbi", {"organization": "ORGANIZATION"})["congregation"] == (
        "ORGANIZATION"
    )
    offices = [
        _record(
            id="au-minister",
            address_block=[
                "The Honourable NAME MP",
                "Minister for DEPARTMENT",
                "Parliament House",
                "Canberra ACT 2600",
            ],
        ),
        _record(id="rabbi", address_block=["Rabbi NAME", "ORGANIZATION", "ADDRESS"]),
        # a line the row cannot write still differs: a colonel has no organization line
        _record(id="us-colonel", address_block=["Colonel NAME, USA", "ORGANIZATION", "ADDRESS"]),
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    outcome = {row["id"]: row["outcome"] for row in agreement.compare(path)["rows"]}
    assert outcome == {"au-minister": "agree", "rabbi": "agree", "us-colonel": "differ"}


def test_a_service_suffix_left_out_is_not_a_difference() -> None:
    agreement = _module()
    table = ["Captain NAME, USN"]
    # a check set that leaves the branch's letters out (the sixth set's README) agrees
    assert agreement._block_matches(["Captain NAME", "ADDRESS"], table)
    assert agreement._block_matches(["Captain NAME, USN", "ADDRESS"], table)
    # other letters, or other words, still differ
    assert not agreement._block_matches(["Captain NAME, USCG", "ADDRESS"], table)
    assert not agreement._block_matches(["Commander NAME", "ADDRESS"], table)


def test_a_style_recorded_without_a_reference_is_not_counted(tmp_path: Path) -> None:
    agreement = _module()
    guessed = _record(id="academic-professor", honorific_in_address="Professor")
    guessed["sources"]["honorific_in_address"][0]["basis"] = "none"  # type: ignore[index]
    completed = _record(id="imam", address_block=["Imam NAME", "MOSQUE", "ADDRESS"])
    completed["sources"]["address_block"][0]["note"] = "lines 2-3 are my completion"  # type: ignore[index]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": [guessed, completed]}), encoding="utf-8")
    result = agreement.compare(path)
    # the guessed honorific is left out, as any field with only a guess behind it
    assert [r["field"] for r in result["rows"]] == ["address_block"]
    # a line the check set completed itself is its own part
    assert result["rows"][0]["own_part"] is True


def test_a_portfolio_beside_a_department_is_the_bureau(tmp_path: Path) -> None:
    """A record that writes PORTFOLIO and DEPARTMENT names two things, not one."""
    agreement = _module()
    both = {"address_block": ["Assistant Secretary for PORTFOLIO", "DEPARTMENT"]}
    params = agreement._params_for(both)
    assert params["department"] == "DEPARTMENT"
    assert params["portfolio"] == "PORTFOLIO"
    # PORTFOLIO alone still fills the department too (a minister's "Minister for PORTFOLIO")
    assert agreement._params_for({"address_block": ["Minister for PORTFOLIO"]})["department"] == (
        "PORTFOLIO"
    )
    # a row that takes a bureau and no portfolio: the portfolio is the bureau
    assert agreement._row_params("us-assistant-secretary", params)["bureau"] == "PORTFOLIO"
    offices = [
        _record(
            id="us-assistant-secretary",
            address_block=[
                "The Honorable NAME",
                "Assistant Secretary for PORTFOLIO",
                "DEPARTMENT",
                "ADDRESS",
            ],
        ),
        # the words of the title still count: "Deputy" is not in the row's line
        _record(
            id="us-assistant-secretary",
            address_block=[
                "The Honorable NAME",
                "Deputy Assistant Secretary for PORTFOLIO",
                "DEPARTMENT",
                "ADDRESS",
            ],
        ),
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    outcomes = [row["outcome"] for row in agreement.compare(path)["rows"]]
    assert outcomes == ["agree", "differ"]


def test_right_honourable_is_rt_hon_wherever_it_stands() -> None:
    agreement = _module()
    assert agreement.norm("The Most Reverend and Rt Hon the Lord Archbishop of SEE") == (
        agreement.norm("The Most Reverend and Right Honourable the Lord Archbishop of SEE")
    )
    assert agreement.norm("The Most Reverend and Rt Hon") != agreement.norm("The Most Reverend")


def test_a_congressman_pair_and_a_baron_record_with_the_baroness(tmp_path: Path) -> None:
    agreement = _module()
    assert agreement.gendered("Dear Congressman/Congresswoman SURNAME:") == {
        "male": "Dear Congressman SURNAME:",
        "female": "Dear Congresswoman SURNAME:",
    }
    offices = [
        _record(
            id="us-representative", salutation_informal="Dear Congressman/Congresswoman SURNAME:"
        ),
        # a baron's record that gives the baroness's forms beside his is compared with both rows
        _record(id="uk-lord", salutation_formal="My Lord / Madam,"),
        _record(id="uk-lord", salutation_formal="My Lord / Your Grace,"),
    ]
    path = tmp_path / "offices.yaml"
    path.write_text(yaml.safe_dump({"offices": offices}), encoding="utf-8")
    result = agreement.compare(path)
    assert [row["outcome"] for row in result["rows"]] == ["agree", "agree", "differ"]
    assert result["rows"][1]["key"] == "uk-lord/uk-baroness"


def test_an_offered_style_before_a_bare_name_and_a_courtesy_title_offered() -> None:
    agreement = _module()
    # the UNICEF row's formal style writes "Her Excellency" (Hickey's rule for the head of
    # an international organization) and its common style "Ms.": the block with the
    # courtesy title is offered, not agreed
    unicef = agreement.table_forms("unicef-executive-director", "female", {})
    block = ["Ms. NAME", "Executive Director", "United Nations Children's Fund (UNICEF)"]
    assert agreement.compare_field("address_block", block, unicef, "female") == "offered"
    assert (
        agreement.compare_field(
            "address_block", ["Her Excellency NAME", *block[1:]], unicef, "female"
        )
        == "agree"
    )
    assert agreement.compare_field(
        "address_block", ["Her Majesty NAME", *block[1:]], unicef, "female"
    ) == ("differ")
    # a consul general's row writes "Mr."/"Ms." (Hickey) and offers "The Honorable"
    consul = agreement.table_forms("consul-general", "male", {"country": "COUNTRY"})
    assert agreement.compare_field("honorific_in_address", "Mr./Ms.", consul, "male") == "agree"
    assert (
        agreement.compare_field("honorific_in_address", "The Honorable", consul, "male")
        == "offered"
    )
    # a row that offers no courtesy title still differs
    senator = agreement.table_forms("us-senator", "male", {"state": "STATE"})
    assert agreement.compare_field("honorific_in_address", "Mr./Ms.", senator, "male") == "differ"


def test_a_city_line_without_its_postcode_is_the_same_line() -> None:
    agreement = _module()
    assert agreement._line_matches("new york", "new york ny 10017")
    assert agreement._line_matches("washington", "washington dc 20520")
    assert not agreement._line_matches("geneva", "new york ny 10017")
    assert not agreement._line_matches("new york ny", "new york ny 10017 extra")
    pga = agreement.table_forms("un-ga-president", "female", {})
    block = [
        "Her Excellency NAME",
        "President of the General Assembly",
        "United Nations",
        "New York",
    ]
    assert agreement.compare_field("address_block", block, pga, "female") == "agree"
    block[-1] = "Geneva"
    assert agreement.compare_field("address_block", block, pga, "female") == "differ"


def test_a_council_named_by_its_city_is_the_council() -> None:
    """ "Member, CITY City Council" names the council the row's "Member, {council}" writes."""
    agreement = _module()
    params = agreement._params_for({"address_block": ["Mr./Ms. NAME", "Member, CITY City Council"]})
    assert params["council"] == "CITY City Council"
    assert params["city"] == "CITY"
    council = agreement.table_forms("us-city-council-member", "female", params)
    block = ["Mr./Ms. NAME", "Member, CITY City Council", "ADDRESS"]
    assert agreement.compare_field("address_block", block, council, "female") == "agree"
    # another body still differs
    block[1] = "Member, CITY School Board"
    assert agreement.compare_field("address_block", block, council, "female") == "differ"
    # a record that writes COUNCIL keeps it
    assert agreement._params_for({"address_block": ["Member, COUNCIL"]})["council"] == "COUNCIL"


def test_an_organization_under_an_agency_head_is_the_agency() -> None:
    agreement = _module()
    params = agreement._row_params("us-administrator", {"organization": "ORGANIZATION"})
    assert params["agency"] == "ORGANIZATION"
    forms = agreement.table_forms("us-administrator", "male", {"organization": "ORGANIZATION"})
    assert forms.formal["block"][1:3] == ["Administrator", "ORGANIZATION"]
    # Hickey's block (the office held, then the agency) agrees; the one-line title the
    # table gave before the seventeenth round is offered, not agreed
    block = ["The Honorable NAME", "Administrator", "ORGANIZATION", "ADDRESS"]
    assert agreement.compare_field("address_block", block, forms, "male") == "agree"
    one_line = ["The Honorable NAME", "Administrator of the ORGANIZATION", "ADDRESS"]
    assert agreement.compare_field("address_block", one_line, forms, "male") == "offered"
    # a rabbi's row still takes the organization as its congregation
    assert agreement._row_params("rabbi", {"organization": "X"}).get("congregation") == "X"


def test_a_worshipful_mayor_s_style_is_read_from_the_office_line() -> None:
    agreement = _module()
    mayor = agreement.table_forms("uk-mayor", "male", {"city": "CITY"})
    assert mayor.formal["honorific"] == "The Right Worshipful"
    assert (
        agreement.compare_field("honorific_in_address", "The Right Worshipful", mayor, "male")
        == "agree"
    )
    assert agreement.compare_field("honorific_in_address", "The Worshipful", mayor, "male") == (
        "differ"
    )


def test_a_francophone_record_in_french_is_compared_with_the_french_row() -> None:
    """A check set that records a francophone office's forms in French is compared with
    the table's French row; one that records English forms with the English row."""
    module = _module()
    french = _record(
        id="francophone-minister",
        salutation_formal="Monsieur le Ministre, / Madame la Ministre,",
    )
    english = _record(id="francophone-minister", salutation_formal="Dear Minister")
    assert module._target(french) == "francophone-minister"
    assert module._target(english) == "government-minister"
