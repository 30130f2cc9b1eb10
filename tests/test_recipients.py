"""Recipient sources: CSV and YAML lists, and the congress-legislators directory."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

from draftkit.errors import SpecError
from draftkit.protocol import address_forms
from draftkit.recipients import (
    STATE_NAMES,
    Recipient,
    load_recipients,
    ordinal,
    parse_where,
    read_csv,
    recipient_from_mapping,
    select,
)

# --------------------------------------------------------------------------- CSV and YAML


def test_csv_columns_are_matched_loosely_and_the_rest_become_variables(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Full Name ,OFFICE,Sex,State,Personal line,Title\n"
        "  Alma  R. Whitfield ,us-senator,F,Oregon,Thanks for March.,\n"
        "Jordan Pryce,US-Senator,,Vermont,,Senator; Chair of Something\n",
        encoding="utf-8",
    )
    first, second = read_csv(path)
    assert first.name == "Alma R. Whitfield"
    assert first.office == "us-senator" and first.gender == "female"
    assert first.variables == {"state": "Oregon", "personal_line": "Thanks for March."}
    assert first.source == f"{path}:2"
    assert second.office == "us-senator" and second.gender is None
    assert second.title_lines == ["Senator", "Chair of Something"]
    assert second.variables["personal_line"] == ""  # the column exists for every row
    assert second.addressee().params == {"state": "Vermont"}


def test_semicolon_csv_and_first_last_name_columns(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("First name;Last name;Office\nAna;Sousa;us-senator\n", encoding="utf-8")
    (only,) = read_csv(path)
    assert only.name == "Ana Sousa" and only.surname == "Sousa"
    assert only.addressee().params == {"surname": "Sousa"}


def test_bad_rows_are_kept_with_their_problem(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "name,office,gender,status\n"
        ",us-senator,,\n"
        "Kim Lee,us-senator,femal,\n"
        "Ray Cole,us-senator,,retired\n"
        "Good Person,us-senator,m,former\n",
        encoding="utf-8",
    )
    rows = read_csv(path)
    assert [r.problem is not None for r in rows] == [True, True, True, False]
    assert "no name" in (rows[0].problem or "")
    assert "gender 'femal'" in (rows[1].problem or "")
    assert "status 'retired'" in (rows[2].problem or "")
    assert rows[3].gender == "male" and rows[3].status == "former"
    with pytest.raises(SpecError, match="no name"):
        rows[0].addressee()


def test_fullname_header_is_the_name(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Fullname,office\nAna Sousa,us-senator\n", encoding="utf-8")
    (only,) = read_csv(path)
    assert only.name == "Ana Sousa" and only.office == "us-senator"


def test_csv_without_a_name_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("office,state\nus-senator,Ohio\n", encoding="utf-8")
    with pytest.raises(SpecError, match="no name column"):
        read_csv(path)


def test_yaml_list_with_variables_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text(
        "recipients:\n"
        "  - name: Helena Ortiz\n"
        "    office: us-representative\n"
        "    gender: female\n"
        "    address: [Room 1, Somewhere]\n"
        "    variables: {State: Arizona, district: 3rd}\n"
        "  - just a string\n",
        encoding="utf-8",
    )
    first, second = load_recipients(path)
    assert first.address_lines == ["Room 1", "Somewhere"]
    assert first.variables == {"state": "Arizona", "district": "3rd"}
    assert second.problem == "entry is not a mapping of fields"


def test_examples_recipient_lists_load(examples_dir: Path) -> None:
    csv_rows = load_recipients(examples_dir / "recipients" / "senators.csv")
    yaml_rows = load_recipients(examples_dir / "recipients" / "mixed.yaml")
    assert len(csv_rows) == 3 and len(yaml_rows) == 3
    assert not any(r.problem for r in [*csv_rows, *yaml_rows])
    assert yaml_rows[2].salutation == "Dear Chair Carver" and yaml_rows[2].office is None


def test_unknown_format_and_committee_on_a_plain_list(tmp_path: Path) -> None:
    path = tmp_path / "list.pdf"
    path.write_bytes(b"%PDF-1.7")
    with pytest.raises(SpecError, match="cannot tell the format"):
        load_recipients(path)
    truncated = tmp_path / "list.xlsx"
    truncated.write_bytes(b"PK")
    with pytest.raises(SpecError, match=r"list\.xlsx: not a \.xlsx workbook"):
        load_recipients(truncated)
    csv_path = tmp_path / "list.csv"
    csv_path.write_text("name\nA B\n", encoding="utf-8")
    with pytest.raises(SpecError, match="congress-legislators data only"):
        load_recipients(csv_path, committees=["SSFR"])


def test_where_selects_on_fields_variables_and_codes() -> None:
    people = [
        recipient_from_mapping({"name": "A", "office": "us-senator", "state": "Idaho",
                                "state_code": "ID", "gender": "f"}),
        recipient_from_mapping({"name": "B", "office": "us-senator", "state": "Ohio",
                                "state_code": "OH", "gender": "m"}),
        recipient_from_mapping({"name": "C", "office": "us-representative", "state": "Idaho",
                                "state_code": "ID"}),
    ]  # fmt: skip
    assert [r.name for r in select(people, parse_where(["state=id"]))] == ["A", "C"]
    assert [r.name for r in select(people, parse_where(["state=Ohio,Idaho", "gender=F"]))] == [
        "A"
    ]
    assert [r.name for r in select(people, parse_where(["office=us-senator"]))] == ["A", "B"]
    with pytest.raises(SpecError, match="no recipient has 'stat'"):
        select(people, parse_where(["stat=ID"]))
    with pytest.raises(SpecError, match="KEY=VALUE"):
        parse_where(["chamber"])


def test_ordinal() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
        "111th",
    ]  # fmt: skip


# --------------------------------------------------------------------------- congress data


def _raw(congress_dir: Path, name: str) -> Any:
    return yaml.load(
        (congress_dir / name).read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),
    )


@pytest.fixture(scope="module")
def members(congress_dir: Path) -> dict[str, Any]:
    """bioguide -> raw entry, read independently of draftkit."""
    return {m["id"]["bioguide"]: m for m in _raw(congress_dir, "legislators-current.yaml")}


def _check_member(recipient: Recipient, raw: dict[str, Any]) -> None:
    term = raw["terms"][-1]
    if term["type"] == "sen":
        assert recipient.office == "us-senator"
    else:
        assert recipient.office in HOUSE_OFFICES
    assert recipient.surname == raw["name"]["last"]
    assert recipient.name == raw["name"].get("official_full", recipient.name)
    assert recipient.gender == {"F": "female", "M": "male"}[raw["bio"]["gender"]]
    assert recipient.variables["state_code"] == term["state"]
    assert recipient.variables["state"] == STATE_NAMES[term["state"]]
    assert recipient.variables["party"] == term["party"]
    if term.get("office"):
        assert term["office"] in recipient.address_lines
        assert recipient.address_lines[-1].startswith("Washington, DC 205")


def test_senate_foreign_relations_members(congress_dir: Path, members: dict[str, Any]) -> None:
    seats = _raw(congress_dir, "committee-membership-current.yaml")["SSFR"]
    membership = [seat for seat in seats if seat["bioguide"] in members]
    people = load_recipients(congress_dir, committees=["SSFR"])
    assert [r.key for r in people] == [seat["bioguide"] for seat in membership]
    assert people, "the committee has members"
    for recipient, seat in zip(people, membership, strict=True):
        _check_member(recipient, members[seat["bioguide"]])
        assert recipient.office == "us-senator"
        assert recipient.variables["committee"] == "Senate Committee on Foreign Relations"
        assert recipient.variables["committee_title"] == seat.get("title", "")
        assert recipient.variables["committee_side"] == seat["party"]
        assert recipient.address_lines[0] == "United States Senate"


def test_house_committee_and_subcommittee(congress_dir: Path, members: dict[str, Any]) -> None:
    people = load_recipients(congress_dir, committees=["hsfa"])
    assert people and all(r.office in HOUSE_OFFICES for r in people)
    for recipient in people:
        _check_member(recipient, members[recipient.key or ""])
        district = members[recipient.key or ""]["terms"][-1].get("district")
        if district:
            assert recipient.variables["district"] == ordinal(district)
            assert recipient.addressee().params["district"] == ordinal(district)
    committees = _raw(congress_dir, "committees-current.yaml")
    ssfr = next(c for c in committees if c["thomas_id"] == "SSFR")
    sub = ssfr["subcommittees"][0]
    sub_people = load_recipients(congress_dir, committees=[f"SSFR{sub['thomas_id']}"])
    assert sub_people
    assert {r.variables["subcommittee"] for r in sub_people} == {sub["name"]}
    assert {r.key for r in sub_people} <= {r.key for r in load_recipients(congress_dir,
                                                                          committees=["SSFR"])}


def test_select_by_chamber_state_and_party(congress_dir: Path, members: dict[str, Any]) -> None:
    senators = load_recipients(congress_dir, where=["chamber=senate"])
    expected = [b for b, m in members.items() if m["terms"][-1]["type"] == "sen"]
    assert sorted(r.key or "" for r in senators) == sorted(expected)
    state = members[expected[0]]["terms"][-1]["state"]
    pair = load_recipients(congress_dir, where=["chamber=sen", f"state={state.lower()}"])
    assert {r.variables["state_code"] for r in pair} == {state}
    assert all(r.office == "us-senator" for r in pair)
    democrats = load_recipients(congress_dir, where=["party=D", "chamber=house"])
    assert democrats and all(r.variables["party"] == "Democrat" for r in democrats)
    assert all(r.office in HOUSE_OFFICES for r in democrats)


def test_unknown_committee_names_the_fix(congress_dir: Path) -> None:
    with pytest.raises(SpecError, match="unknown committee 'SSXX'") as info:
        load_recipients(congress_dir, committees=["SSXX"])
    assert "thomas_id" in str(info.value)


# --------------------------------------------------------------------------- congress: names

_NON_STATES = {"DC", "PR", "GU", "VI", "AS", "MP"}
HOUSE_OFFICES = {"us-representative", "us-delegate", "us-resident-commissioner"}


@pytest.fixture(scope="module")
def directory(congress_dir: Path) -> dict[str, Recipient]:
    """bioguide -> recipient, every member of the snapshot."""
    return {r.key or "": r for r in load_recipients(congress_dir)}


def _styled_name(raw_name: dict[str, Any]) -> str | None:
    full = raw_name.get("official_full")
    if full is None:
        return None
    for nick in (f'"{raw_name.get("nickname")}"', f'({raw_name.get("nickname")})'):
        full = full.replace(f" {nick}", "")
    return " ".join(full.split())


def test_every_member_is_read_with_a_name_and_an_office(
    directory: dict[str, Recipient], members: dict[str, Any]
) -> None:
    assert set(directory) == set(members)
    assert not [r for r in directory.values() if r.problem]
    for key, recipient in directory.items():
        assert recipient.name and recipient.surname, key
        assert recipient.variables["state"] == STATE_NAMES[members[key]["terms"][-1]["state"]]


def test_quoted_nicknames_stay_out_of_the_address_name(
    directory: dict[str, Recipient], members: dict[str, Any]
) -> None:
    quoted = [k for k, m in members.items() if '"' in m["name"].get("official_full", "")]
    assert quoted, "the snapshot styles some members with a quoted nickname"
    for key, raw in members.items():
        recipient = directory[key]
        assert '"' not in (recipient.name or "") and "(" not in (recipient.name or "")
        assert recipient.variables["nickname"] == raw["name"].get("nickname", "")
        assert recipient.variables["official_full"] == raw["name"].get("official_full", "")
        styled = _styled_name(raw["name"])
        if styled is not None:
            assert recipient.name == styled, key


def test_surname_is_the_whole_family_name_as_the_member_styles_it(
    directory: dict[str, Recipient], members: dict[str, Any]
) -> None:
    compound = 0
    for key, raw in members.items():
        recipient = directory[key]
        last = raw["name"]["last"]
        surname = recipient.surname or ""
        assert last.split()[: len(surname.split())] == surname.split(), key
        assert surname in (recipient.name or ""), key
        if last in (recipient.name or ""):
            assert surname == last, key  # "Van Hollen", "Cortez Masto", "Hyde-Smith" ...
        compound += " " in surname
        assert surname not in {"Jr.", "Sr.", "II", "III", "IV"}
    assert compound, "the snapshot has two-word surnames"


def _write_directory(folder: Path, members: list[dict[str, Any]]) -> Path:
    folder.mkdir()
    (folder / "legislators-current.yaml").write_text(
        yaml.safe_dump(members, allow_unicode=True), encoding="utf-8"
    )
    return folder


def _fictional(bioguide: str, name: dict[str, Any], **term: Any) -> dict[str, Any]:
    base = {"type": "rep", "state": "OH", "district": 4, "party": "Democrat",
            "address": "1 Longworth House Office Building Washington DC 20515-3504",
            "office": "1 Longworth House Office Building"}  # fmt: skip
    base.update(term)
    return {"id": {"bioguide": bioguide}, "name": name, "bio": {"gender": "F"},
            "terms": [{k: v for k, v in base.items() if v is not None}]}  # fmt: skip


def test_names_built_from_parts_and_styled_names_that_drop_part_of_the_surname(
    tmp_path: Path,
) -> None:
    folder = _write_directory(
        tmp_path / "congress",
        [
            _fictional("X000001", {"first": "Rosalind (Roz)", "middle": "Q.", "last": "Amberly",
                                   "suffix": "Jr."}),
            _fictional("X000002", {"first": "Teodora", "middle": "Maren", "last": "Vell"}),
            _fictional("X000003", {"first": "Ana Lucía", "last": "Orrego Salas",
                                   "official_full": "Ana Lucía Orrego"}),
            _fictional("X000004", {"first": "Mara", "last": "Del Pino Ruiz",
                                   "official_full": 'Mara "Mimi" Del Pino Ruiz, Jr.',
                                   "nickname": "Mimi"}),
            _fictional("X000005", {"first": "Ines", "last": "Quell"}, address=None, office=None),
        ],
    )  # fmt: skip
    people = {r.key: r for r in load_recipients(folder)}
    assert people["X000001"].name == "Rosalind Q. Amberly, Jr."
    assert people["X000002"].name == "Teodora Vell"  # a full middle name is not guessed into it
    assert (people["X000003"].name, people["X000003"].surname) == ("Ana Lucía Orrego", "Orrego")
    assert people["X000004"].name == "Mara Del Pino Ruiz, Jr."
    assert people["X000004"].surname == "Del Pino Ruiz"
    assert people["X000004"].variables["nickname"] == "Mimi"
    assert people["X000005"].address_lines == []  # the office's own lines are used
    assert not any(r.problem for r in people.values())


# --------------------------------------------------------------------------- congress: seats


def test_delegates_and_the_resident_commissioner_are_not_styled_representatives(
    directory: dict[str, Recipient], members: dict[str, Any]
) -> None:
    terms = {k: m["terms"][-1] for k, m in members.items()}
    seats = {k: term for k, term in terms.items() if term["state"] in _NON_STATES}
    assert seats, "the snapshot has Delegates"
    for key, term in seats.items():
        recipient = directory[key]
        title = "Resident Commissioner" if term["state"] == "PR" else "Delegate"
        assert recipient.variables["member_title"] == title
        expected = "us-resident-commissioner" if term["state"] == "PR" else "us-delegate"
        assert recipient.office == expected and recipient.title_lines == []
        forms = address_forms(recipient.office, recipient.name or "", surname=recipient.surname,
                              params={"state": recipient.variables["state"]})  # fmt: skip
        assert forms.title_lines == [f"{title} from {STATE_NAMES[term['state']]}"]
        assert forms.salutation == f"Dear {title} {recipient.surname}"
    for key, recipient in directory.items():
        if key not in seats:
            kind = members[key]["terms"][-1]["type"]
            assert recipient.title_lines == []
            assert recipient.variables["member_title"] == {"sen": "Senator",
                                                           "rep": "Representative"}[kind]


def test_directory_order_sorts_territories_by_name_and_where_ignores_the(
    congress_dir: Path, directory: dict[str, Recipient]
) -> None:
    people = load_recipients(congress_dir)
    chambers = [r.variables["chamber"] for r in people]
    assert chambers == sorted(chambers, key=lambda c: c != "senate")
    house = [r.variables["state"] for r in people if r.variables["chamber"] == "house"]
    plain = [s.removeprefix("the ").casefold() for s in house]
    assert plain == sorted(plain)
    with_article = {r.variables["state"] for r in people if r.variables["state"].startswith("the ")}
    assert with_article, "the snapshot has the District of Columbia or a territory"
    for state in with_article:
        bare = state.removeprefix("the ")
        expected = {r.key for r in people if r.variables["state"] == state}
        assert {r.key for r in load_recipients(congress_dir, where=[f"state={bare}"])} == expected
        assert {r.key for r in load_recipients(congress_dir, where=[f"state={state}"])} == expected


# --------------------------------------------------------------------------- congress: committees


def test_every_committee_lists_majority_then_minority_by_rank(congress_dir: Path) -> None:
    membership = _raw(congress_dir, "committee-membership-current.yaml")
    interleaved = 0
    for cid, seats in membership.items():
        sides = [seat["party"] for seat in seats]
        interleaved += sides != sorted(sides, key=lambda s: s != "majority")
        people = load_recipients(congress_dir, committees=[cid])
        assert {r.key for r in people} == {seat["bioguide"] for seat in seats}, cid
        order = [(r.variables["committee_side"] != "majority", r.variables["committee_rank"])
                 for r in people]  # fmt: skip
        assert order == sorted(order), cid
        for before, chair in itertools.pairwise(people):
            if chair.variables["committee_title"] in ("Chair", "Chairman", "Chairwoman"):
                same_seat = [before.variables[k] == chair.variables[k]
                             for k in ("committee_side", "committee_rank")]  # fmt: skip
                assert not all(same_seat), f"{cid}: the chair comes before an equal rank"
    assert interleaved, "the snapshot interleaves majority and minority somewhere"


def test_ex_officio_seats_are_flagged_not_given_as_a_title(congress_dir: Path) -> None:
    membership = _raw(congress_dir, "committee-membership-current.yaml")
    seen_ex_officio = False
    for cid, seats in membership.items():
        titles = {seat["bioguide"]: seat.get("title", "") for seat in seats}
        if "Ex Officio" not in titles.values() and cid != "SSFR":
            continue
        for recipient in load_recipients(congress_dir, committees=[cid]):
            raw_title = titles[recipient.key or ""]
            ex_officio = raw_title == "Ex Officio"
            seen_ex_officio |= ex_officio
            assert recipient.variables["committee_ex_officio"] is ex_officio
            assert recipient.variables["committee_title"] == ("" if ex_officio else raw_title)
    assert seen_ex_officio, "the snapshot has ex officio seats"
