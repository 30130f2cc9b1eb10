"""Sign-on lists: reading form exports, normalising, de-duplicating, ordering, counting."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from draftkit.errors import SpecError
from draftkit.files import parse_letter
from draftkit.schema import Signatory
from draftkit.signatories import (
    ORDER_POLICIES,
    count_signatories,
    count_text,
    dedupe,
    normalize_name,
    order_signatories,
    read_signatories,
    signatories_yaml,
)


def org(name: str, lead: bool = False) -> Signatory:
    return Signatory(name=name, kind="organization", lead=lead)


def ind(name: str, organization: str | None = None, lead: bool = False) -> Signatory:
    return Signatory(name=name, organization=organization, lead=lead)


def write(tmp_path: Path, text: str, name: str = "form.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("  HUMAN  RIGHTS WATCH (HRW) ", "Human Rights Watch (HRW)"),
        ("human rights watch", "Human Rights Watch"),
        ("jane o'neil-smith", "Jane O'Neil-Smith"),
        ("mary mcdonald of the hills", "Mary McDonald of the Hills"),
        ("the center for justice", "The Center for Justice"),
        ("iDefend", "iDefend"),
        ("ACLU", "ACLU"),
        ("Amnesty International USA", "Amnesty International USA"),
        ("  Dana\tReyes ", "Dana Reyes"),
    ],
)
def test_normalize_name(typed: str, clean: str) -> None:
    assert normalize_name(typed) == clean


# --------------------------------------------------------------------------- de-duplication


def test_same_organization_entered_differently_is_merged() -> None:
    kept, duplicates = dedupe(
        [
            org("Human Rights Watch"),
            org("Amnesty International"),
            org("Human Rights Watch (HRW)"),
            org("HRW"),
            org("human rights watch."),
            org("The Human Rights Watch", lead=True),
            org("Human Rights First"),
            org("Center for Justice & Accountability"),
            org("Center for Justice and Accountability"),
        ]
    )
    assert [s.name for s in kept] == [
        "Human Rights Watch",
        "Amnesty International",
        "Human Rights First",
        "Center for Justice & Accountability",
    ]
    assert kept[0].lead  # a later duplicate marked lead makes the kept entry lead
    assert len(duplicates) == 5
    assert {d.kept for d in duplicates} == {
        "Human Rights Watch",
        "Center for Justice & Accountability",
    }


def test_acronym_first_then_full_name() -> None:
    kept, _ = dedupe([org("Rights Monitor International (RMI)"), org("RMI"),
                      org("Rights Monitor International")])  # fmt: skip
    assert [s.name for s in kept] == ["Rights Monitor International (RMI)"]


def test_same_person_twice_is_merged_and_details_kept() -> None:
    kept, duplicates = dedupe(
        [
            Signatory(name="Amara Okafor"),
            Signatory(name="Dr. Amara Okafor", title_lines=["Director"], organization="OSMP"),
            Signatory(name="AMARA  OKAFOR"),
            Signatory(name="Amára Okafor"),
            Signatory(name="Amara Okafor-Lane"),
        ]
    )
    assert [s.name for s in kept] == ["Amara Okafor", "Amara Okafor-Lane"]
    assert kept[0].title_lines == ["Director"] and kept[0].organization == "OSMP"
    assert [d.reason for d in duplicates] == ["same person"] * 3


def test_a_person_and_an_organization_of_the_same_name_are_different() -> None:
    kept, _ = dedupe([org("Jordan Lee"), ind("Jordan Lee")])
    assert len(kept) == 2


# --------------------------------------------------------------------------- reading exports


def test_form_export_with_loose_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Timestamp,Your name,Organisation,Job title,Signing as,"
        "For identification purposes only?,Lead signatory?,E-mail address\n"
        "1,,Lake Region Rights Coalition,,Organization,,Yes,a@x.org\n"
        "2,amara okafor,Open Streets Project,Director; Board member,Individual,yes,,o@x.org\n"
        "3,\"Okafor, Amara\",Open Streets Project,,individual,,,O@X.org\n"
        "4,,,,Organisation,,,\n"
        "5,Kim Diaz,,,Alien,,,\n"
        "6,,  RIGHTS MONITOR INTERNATIONAL (RMI) ,,org,,,\n"
        "7,,RMI,,Organization,,,\n"
        "8,Li Wei,,,,,,\n",
    )
    result = read_signatories(path)
    assert [(s.name, s.kind) for s in result.signatories] == [
        ("Lake Region Rights Coalition", "organization"),
        ("Amara Okafor", "individual"),
        ("Rights Monitor International (RMI)", "organization"),
        ("Li Wei", "individual"),
    ]
    amara = result.signatories[1]
    assert amara.title_lines == ["Director", "Board member"]
    assert amara.organization == "Open Streets Project"
    assert result.signatories[0].lead and not amara.lead
    assert result.identification_only == ["Amara Okafor"]
    assert [d.source for d in result.duplicates] == [f"{path}:4", f"{path}:8"]
    assert len(result.skipped) == 2
    assert result.skipped[0].startswith(f"{path}:5: no organization name")
    assert "'Alien'" in result.skipped[1]
    assert result.unused_columns == []  # the timestamp is form bookkeeping


def test_columns_that_are_not_signatory_fields_are_listed(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Timestamp,Who,Organization,Comments,Submission ID,Pronouns\n"
        "2026-01-01,Jane Roe,Rights Now,great,17,she/her\n",
    )
    result = read_signatories(path)
    assert result.unused_columns == ["Who", "Pronouns"]
    assert [s.name for s in result.signatories] == ["Rights Now"]


def test_first_and_last_name_columns_and_tsv(tmp_path: Path) -> None:
    path = write(tmp_path, "First Name\tLast Name\tAffiliation\nAna\tSousa\tUniversity X\n",
                 "form.tsv")  # fmt: skip
    (only,) = read_signatories(path).signatories
    assert only.name == "Ana Sousa" and only.organization == "University X"


def test_person_and_fullname_headers_name_the_signer(tmp_path: Path) -> None:
    for header in ("Person", "Fullname", "Individual"):
        path = write(tmp_path, f"Org,{header},Role\nRights Watchers,,\n,Ana Ruiz,Director\n")
        result = read_signatories(path)
        assert [(s.kind, s.name) for s in result.signatories] == [
            ("organization", "Rights Watchers"),
            ("individual", "Ana Ruiz"),
        ], header
        assert result.signatories[1].title_lines == ["Director"]
        assert result.skipped == []


def test_export_without_name_columns_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="no name or organization column"):
        read_signatories(write(tmp_path, "Timestamp,Comment\n1,hello\n"))


def test_yaml_list_and_example_file(tmp_path: Path, examples_dir: Path) -> None:
    text = "signatories:\n  - {name: Ana Sousa}\n  - {name: X Org, kind: organization}\n"
    path = write(tmp_path, text, "list.yaml")
    assert [s.kind for s in read_signatories(path).signatories] == ["individual", "organization"]
    example = read_signatories(examples_dir / "signatories.csv")
    counts = count_signatories(example.signatories)
    assert (counts.organizations, counts.individuals, counts.leads) == (6, 2, 1)
    assert len(example.duplicates) == 3 and len(example.skipped) == 1


# --------------------------------------------------------------------------- ordering


def test_ordering_policies() -> None:
    people = [
        org("The Zeta Fund"),
        ind("Jan van der Berg", "Yellow University"),
        org("alpha network", lead=True),
        ind("Ana Sousa"),
        ind("Émile Abadie", "Blue Institute", lead=True),
        org("Beta Group"),
    ]
    def names(policy: str) -> list[str]:
        return [s.name for s in order_signatories(people, policy)]  # type: ignore[arg-type]

    assert names("as-entered") == [s.name for s in people]
    assert names("family-name") == [
        "Émile Abadie", "alpha network", "Jan van der Berg", "Beta Group", "Ana Sousa",
        "The Zeta Fund",
    ]  # fmt: skip
    assert names("organization") == [
        "alpha network", "Beta Group", "Émile Abadie", "Ana Sousa", "Jan van der Berg",
        "The Zeta Fund",
    ]  # fmt: skip
    assert names("lead-then-alphabetical") == [
        "alpha network", "Émile Abadie", "Jan van der Berg", "Beta Group", "Ana Sousa",
        "The Zeta Fund",
    ]  # fmt: skip
    with pytest.raises(SpecError, match="unknown signatory order"):
        order_signatories(people, "random")  # type: ignore[arg-type]
    assert set(ORDER_POLICIES) == {"as-entered", "organization", "family-name",
                                   "lead-then-alphabetical"}  # fmt: skip


# --------------------------------------------------------------------------- counts


def test_count_text_is_generated_from_the_list() -> None:
    orgs = [org(f"Org {i}") for i in range(11)]
    people = [ind(f"Person {i}") for i in range(3)]
    assert count_text(orgs) == "the undersigned 11 organizations"
    assert count_text(orgs, words=True) == "the undersigned eleven organizations"
    assert count_text([*orgs, *people]) == "the undersigned 11 organizations and 3 individuals"
    assert count_text(people, words=True) == "the undersigned three individuals"
    assert count_text([orgs[0]]) == "the undersigned organization"
    assert count_text([orgs[0], people[0]]) == "the undersigned 1 organization and 1 individual"
    assert count_text(orgs[:2], organization_word="organisations") == (
        "the undersigned 2 organisations"
    )
    counts = count_signatories([*orgs, *people, ind("Lead", lead=True)])
    assert (counts.total, counts.organizations, counts.individuals, counts.leads) == (15, 11, 4, 1)


def test_yaml_fragment_loads_into_a_spec() -> None:
    people = [org("Org B", lead=True), ind("Ana Sousa", "Org A"), org("Org A")]
    text = signatories_yaml(people, policy="as-entered", source="form.csv",
                            identification_only=["Ana Sousa"])  # fmt: skip
    assert text.startswith("# 3 signatories from form.csv: 2 organizations, 1 individuals, 1 lead")
    assert '"the undersigned 2 organizations and 1 individual"' in text
    data = yaml.safe_load(text)
    letter = parse_letter({"salutation": "Dear X,", **data})
    assert letter.signatories == people
