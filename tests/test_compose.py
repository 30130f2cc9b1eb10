"""Compose: spec + variant + forms of address + clauses -> a resolved letter."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from draftkit.clauses import Clause
from draftkit.compose import (
    ComposeResult,
    compose_letter,
    list_variants,
    scaffold_spec,
    variant_info,
)
from draftkit.config import ProjectConfig, load_config
from draftkit.errors import ClauseError, ProtocolError, SpecError, TemplateError
from draftkit.files import load_letter, parse_letter
from draftkit.protocol import address_forms
from draftkit.schema import Addressee, Ask, ClauseRef, Letter, LetterOptions, Signatory
from tests.conftest import example_specs

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "compose"
EXAMPLE_CLAUSES = ROOT / "examples" / "clauses"
BUILTINS = ["base", "us-executive", "us-congress", "un", "eu", "foreign-government"]


def _letter(**fields: Any) -> Letter:
    return Letter.model_validate(fields)


class FakeLibrary:
    """A clause library in memory (the real one is tested with examples/clauses below)."""

    def __init__(self, *clauses: Clause) -> None:
        self.clauses = {c.id: c for c in clauses}

    def get(self, clause_id: str) -> Clause:
        if clause_id not in self.clauses:
            raise ClauseError(f"unknown clause '{clause_id}'", hint="check the id")
        return self.clauses[clause_id]


def _clause(**fields: Any) -> Clause:
    data: dict[str, Any] = {"title": "A test clause", "status": "vetted", "vetted_by": "Policy"}
    data.update(fields)
    return Clause.model_validate(data)


# --------------------------------------------------------------------------- salutations


SEEDS = [
    ("000", "us-secretary-of-state", "Antony J. Blinken", "Dear Mr. Secretary"),
    ("001", "us-secretary-of-state", "John F. Kerry", "Dear Mr. Secretary"),
    ("004", "us-president", "Joseph R. Biden", "Dear Mr. President"),
]


@pytest.mark.parametrize(("seed", "office", "name", "formal"), SEEDS)
def test_seed_salutation_follows_from_the_office(
    corpus_dir: Path, seed: str, office: str, name: str, formal: str
) -> None:
    expected = json.loads(next(corpus_dir.glob(f"{seed}_*.expected.json")).read_text())
    letter = _letter(
        addressees=[{"office": office, "name": name, "gender": "male"}],
        body=["A paragraph."],
        closing=["Thanks."],
    )
    result = compose_letter(letter)
    assert result.letter.salutation == expected["salutation"]
    assert "salutation" in result.filled


@pytest.mark.parametrize(("seed", "office", "name", "formal"), SEEDS)
def test_formal_style_gives_the_protocol_form(
    seed: str, office: str, name: str, formal: str
) -> None:
    letter = _letter(
        addressees=[{"office": office, "name": name, "gender": "male"}],
        body=["A paragraph."],
        options={"salutation_style": "formal"},
    )
    forms = address_forms(office, name, gender="male", style="formal")
    salutation = compose_letter(letter).letter.salutation
    assert salutation == forms.salutation_formal + ","
    assert salutation == formal + ","


def test_punctuation_defaults_per_audience_and_the_spec_wins() -> None:
    who = {"office": "us-secretary-of-state", "name": "Antony J. Blinken"}
    letter = _letter(addressees=[who], body=["Text."], audience="us-executive")
    assert compose_letter(letter).letter.salutation == "Dear Secretary Blinken:"
    letter = _letter(
        addressees=[who],
        body=["Text."],
        audience="us-executive",
        options={"salutation_punctuation": ","},
    )
    assert compose_letter(letter).letter.salutation == "Dear Secretary Blinken,"
    letter = _letter(addressees=[who], body=["Text."], audience="un")
    assert compose_letter(letter).letter.salutation == "Dear Secretary Blinken,"


def test_combined_and_group_salutations() -> None:
    senators = [
        {"office": "us-senator", "name": "James E. Risch"},
        {"office": "us-senator", "name": "Jeanne Shaheen"},
    ]
    letter = _letter(addressees=senators, body=["Text."], audience="us-congress")
    assert compose_letter(letter).letter.salutation == "Dear Senator Risch and Senator Shaheen:"
    grouped = letter.model_copy(
        update={"variables": {"salutation_group": "Committee on Foreign Relations"}}
    )
    assert (
        compose_letter(grouped).letter.salutation
        == "Dear Members of the Committee on Foreign Relations:"
    )


def test_explicit_salutation_and_addressee_lines_win() -> None:
    letter = _letter(
        addressees=[
            {
                "office": "us-secretary-of-state",
                "name": "Antony J. Blinken",
                "honorific": "The Honorable",
                "title_lines": ["71st U.S. Secretary of State"],
            }
        ],
        salutation="Dear Tony,",
        body=["Text."],
    )
    out = compose_letter(letter).letter
    assert out.salutation == "Dear Tony,"
    assert out.addressees[0].title_lines == ["71st U.S. Secretary of State"]
    # only the address lines were missing, so only they come from the table
    assert (
        out.addressees[0].address_lines
        == address_forms("us-secretary-of-state", "Antony J. Blinken").address_lines
    )


def test_addressee_and_cc_blocks_come_from_the_office() -> None:
    letter = _letter(
        addressees=[
            {"office": "us-senator", "name": "Jeanne Shaheen", "params": {"state": "New Hampshire"}}
        ],
        cc=[{"office": "us-secretary-of-state", "name": "Antony J. Blinken"}],
        body=["Text."],
    )
    result = compose_letter(letter)
    senator = result.letter.addressees[0]
    assert senator.honorific == "The Honorable"
    assert senator.title_lines == ["United States Senator for New Hampshire"]
    assert senator.address_lines[0] == "United States Senate"
    assert result.letter.cc[0].title_lines == ["The Secretary of State"]
    assert {"addressees[0]", "cc[0]"} <= set(result.filled)


def test_no_salutation_and_no_office_is_a_clear_error() -> None:
    letter = _letter(addressees=[{"name": "Jane Roe", "title_lines": ["Director"]}], body=["x"])
    with pytest.raises(SpecError) as info:
        compose_letter(letter)
    message = str(info.value)
    assert "addressees[0]" in message
    assert "add salutation: or an office: to the addressee" in message
    with pytest.raises(SpecError, match="add salutation: or an addressee with an office"):
        compose_letter(_letter(body=["x"]))


def test_unknown_office_names_the_addressee() -> None:
    letter = _letter(addressees=[{"office": "us-grand-vizier", "name": "Jane Roe"}], body=["x"])
    with pytest.raises(ProtocolError, match=r"addressees\[0\]"):
        compose_letter(letter)


def test_office_without_a_name_is_a_clear_error() -> None:
    letter = _letter(addressees=[{"office": "us-secretary-of-state"}], body=["x"])
    with pytest.raises(ProtocolError, match="needs the person's name"):
        compose_letter(letter)


# --------------------------------------------------------------------------- variants


def test_variant_fills_only_empty_fields() -> None:
    letter = _letter(
        audience="un",
        addressees=[{"office": "un-high-commissioner-human-rights", "name": "Amara Diallo"}],
        body=["Our own opening."],
        asks=[{"lead": "Do this."}],
        asks_intro="",
        closing=["Our own closing."],
        complimentary_close="",
        options={"date_format": "us"},
    )
    out = compose_letter(letter).letter
    assert out.body == ["Our own opening."]
    assert out.asks_intro == ""
    assert out.closing == ["Our own closing."]
    assert out.complimentary_close == ""
    assert out.options.date_format == "us"  # the spec's option beats the variant's


def test_variant_options_apply_where_the_spec_is_silent() -> None:
    letter = _letter(
        audience="un",
        addressees=[{"office": "un-high-commissioner-human-rights", "name": "Amara Diallo"}],
        body=["Text."],
        options={"number_asks": False},
    )
    result = compose_letter(letter)
    assert result.letter.options.date_format == "international"
    assert result.letter.options.number_asks is False
    assert "options.date_format" in result.filled


def test_input_letter_is_not_modified() -> None:
    letter = _letter(
        addressees=[{"office": "us-secretary-of-state", "name": "Antony J. Blinken"}],
        variables={"purpose": "ask for help"},
    )
    before = letter.model_dump()
    compose_letter(letter)
    assert letter.model_dump() == before


@pytest.mark.parametrize(
    ("signatories", "coalition", "expected"),
    [
        (
            [{"name": f"Org {i}", "kind": "organization"} for i in range(11)],
            True,
            "We, the undersigned 11 organizations, write to",
        ),
        (
            [{"name": f"Org {i}", "kind": "organization"} for i in range(4)],
            True,
            "We, the undersigned four organizations, write to",
        ),
        ([], True, "We, the undersigned organizations, write to"),
        (
            [{"name": "A", "organization": "X"}, {"name": "B"}],
            False,
            "We, the undersigned, write to",
        ),
        (
            [{"name": "Dana Reyes", "organization": "Press Freedom Watch"}],
            False,
            "On behalf of Press Freedom Watch, I write to",
        ),
    ],
)
def test_opening_counts_signatories_from_the_list(
    signatories: list[dict[str, Any]], coalition: bool, expected: str
) -> None:
    letter = _letter(
        addressees=[{"office": "us-president", "name": "Robert Caldwell"}],
        sender={"coalition": coalition},
        signatories=signatories,
        variables={"purpose": "urge you to act"},
    )
    assert compose_letter(letter).letter.body[0].startswith(expected)


def test_missing_variable_of_a_builtin_template_points_at_the_spec_field(
    tmp_path: Path,
) -> None:
    letter = _letter(addressees=[{"office": "us-secretary-of-state", "name": "A B"}])
    with pytest.raises(SpecError) as info:
        compose_letter(letter, audience="us-congress")
    error = info.value
    assert error.where == "variables.purpose"
    assert "the built-in us-congress.j2, line" in error.message
    assert "add 'purpose: ...' under variables: in the spec" in str(error)
    # through a spec file: the file and the line of its variables: mapping
    spec = tmp_path / "letter.yaml"
    spec.write_text(
        "audience: us-congress\naddressees:\n  - {name: A B, office: us-senator}\n"
        "variables:\n  country: Arkadia\n",
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as info:
        compose_letter(spec)
    assert str(info.value).startswith(f"{spec}:4: variables.purpose: ")


def test_missing_variable_of_a_team_template_names_its_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "typo.j2").write_text(
        '{% extends "base.j2" %}\n{% block opening %}We write about {{ purpsoe }}.{% endblock %}\n',
        encoding="utf-8",
    )
    letter = _letter(addressees=[{"office": "us-secretary-of-state", "name": "A B"}])
    with pytest.raises(TemplateError) as info:
        compose_letter(letter, audience="typo", template_dirs=[tmp_path])
    assert str(info.value).startswith(f"{tmp_path / 'typo.j2'}:2: undefined variable 'purpsoe'")


def test_extends_outside_the_template_folders_names_the_template_line(tmp_path: Path) -> None:
    (tmp_path / "evil.j2").write_text('\n{% extends "../../etc/passwd" %}\n', encoding="utf-8")
    letter = _letter(addressees=[{"office": "us-secretary-of-state", "name": "A B"}])
    with pytest.raises(TemplateError) as info:
        compose_letter(letter, audience="evil", template_dirs=[tmp_path])
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'evil.j2'}:2: {{% extends %}}: refused")
    assert "'..'" in message


def test_compose_file_names_the_spec_in_errors(tmp_path: Path) -> None:
    spec = tmp_path / "letter.yaml"
    spec.write_text("body: [Hello.]\n", encoding="utf-8")
    with pytest.raises(SpecError) as info:
        compose_letter(spec)
    assert str(info.value).startswith(str(spec))


def test_unknown_variant_lists_the_known_ones() -> None:
    with pytest.raises(TemplateError) as info:
        compose_letter(_letter(salutation="Dear X,"), audience="us-judiciary")
    assert "no template variant 'us-judiciary'" in str(info.value)
    assert "us-congress" in str(info.value)


@pytest.mark.parametrize(
    "spec", sorted(p.name for p in FIXTURES.glob("*.yaml") if "clauses" not in p.name)
)
def test_fixture_specs_compose(spec: str) -> None:
    result = compose_letter(FIXTURES / spec)
    letter = result.letter
    assert letter.is_resolved
    assert letter.body and letter.closing and letter.complimentary_close
    assert letter.asks_intro and letter.asks_intro.endswith(":")
    text = " ".join([*letter.texts("body"), *letter.texts("closing"), letter.asks_intro])
    assert "{{" not in text and "None" not in text and "  " not in text
    assert result.warnings == []


def test_fixture_salutations() -> None:
    out = {
        p.stem: compose_letter(p).letter for p in FIXTURES.glob("*.yaml") if "clauses" not in p.name
    }
    assert out["senators-congress"].salutation == "Dear Chairwoman Okafor and Ranking Member Lund:"
    assert out["president-coalition"].salutation == "Dear President Caldwell:"
    assert out["president-coalition"].complimentary_close == "Respectfully,"
    # the letter closes once: the office's close, not a second formula in the closing
    minister = out["minister-foreign-government"]
    assert minister.closing == [
        "We would welcome the opportunity to discuss these concerns with you or with "
        "representatives of the Government of Arkadia."
    ]
    assert minister.complimentary_close == "Sincerely,"
    assert out["experts-eu"].signatory_note == "Affiliations are listed for identification only."
    assert out["experts-eu"].options.date_format == "international"


def _examples(examples_dir: Path) -> list[Path]:
    """The example letter specs (not the project config, not mail-merge templates)."""
    specs = []
    for path in sorted(examples_dir.glob("*.yaml")):
        if path.name == "draftkit.yaml":
            continue
        letter = load_letter(path)
        if not letter.addressees and not letter.salutation:
            continue  # a mail-merge spec: the addressees come from a recipient list
        specs.append(path)
    if not specs:
        pytest.skip("no example specs yet")
    return specs


@pytest.mark.parametrize("variant", BUILTINS)
def test_every_builtin_variant_renders_every_example(
    examples_dir: Path, variant: str, tmp_path: Path
) -> None:
    for spec in _examples(examples_dir):
        letter = load_letter(spec)
        config = load_config(spec)
        config.cache_dir = tmp_path / "cache"
        try:
            result = compose_letter(letter, audience=variant, config=config)
        except TemplateError as exc:  # pragma: no cover - the message says what to add
            pytest.fail(f"{spec.name} with {variant}: {exc}")
        out = result.letter
        assert out.is_resolved, spec.name
        assert out.audience == variant
        if letter.salutation:
            assert out.salutation == letter.salutation
        for field in ("body", "closing"):
            written = getattr(letter, field)
            if written and not any(isinstance(p, ClauseRef) for p in written):
                assert getattr(out, field) == written
        if letter.asks_intro is not None:
            assert out.asks_intro == letter.asks_intro


def test_examples_compose_as_written(examples_dir: Path, tmp_path: Path) -> None:
    for spec in _examples(examples_dir):
        letter = load_letter(spec)
        config = load_config(spec)
        config.cache_dir = tmp_path / "cache"
        result = compose_letter(letter, config=config)
        assert result.letter.is_resolved
        assert result.variant == (letter.audience or "base")


@pytest.mark.parametrize("variant", BUILTINS)
@pytest.mark.parametrize("who", ["single", "coalition", "individuals"])
def test_every_builtin_variant_writes_every_part(variant: str, who: str) -> None:
    info = variant_info(variant)
    variables = {v.name: v.example for v in info.variables if v.example}
    variables.pop("salutation_group", None)
    signers: list[dict[str, Any]] = {
        "single": [
            {"name": "Dana Reyes", "title_lines": ["Director"], "organization": "Acme Rights"}
        ],
        "coalition": [{"name": f"Org {i}", "kind": "organization"} for i in range(3)],
        "individuals": [
            {"name": "Ann Lee", "organization": "Univ. A"},
            {"name": "Bo Kim", "organization": "Univ. B"},
        ],
    }[who]
    letter = _letter(
        audience=variant,
        sender={"organization": "Acme Rights", "coalition": who == "coalition"},
        addressees=[
            {
                "office": info.example_office,
                "name": "Jane Q. Doe",
                "gender": "female",
                "params": {"state": "Ohio", "country": "Arkadia"},
            }
        ],
        variables=variables,
        asks=[{"lead": "Do one thing."}, {"lead": "Do another."}],
        signatories=signers,
    )
    result = compose_letter(letter)
    out = result.letter
    assert out.is_resolved
    assert out.body and out.closing and out.asks_intro and out.complimentary_close
    for paragraph in [*out.texts("body"), *out.texts("closing")]:
        assert paragraph[0].isupper() and paragraph.endswith("."), paragraph
        assert "  " not in paragraph and "{" not in paragraph
    assert out.complimentary_close.endswith(",")
    if who == "individuals":
        assert out.signatory_note
    else:
        assert out.signatory_note is None


# --------------------------------------------------------------------------- scaffolding


@pytest.mark.parametrize("variant", BUILTINS)
@pytest.mark.parametrize("coalition", [False, True])
def test_scaffolded_spec_loads_and_composes(variant: str, coalition: bool) -> None:
    text = scaffold_spec(variant, coalition=coalition)
    info = variant_info(variant)
    for var in info.variables:
        assert f"{var.name}:" in text
    letter = parse_letter(yaml.safe_load(text))
    assert letter.audience == variant
    assert letter.sender.coalition is coalition
    result = compose_letter(letter)
    assert result.letter.is_resolved
    assert result.letter.body  # the variant's opening
    assert result.letter.salutation


def test_list_variants_has_the_builtins() -> None:
    names = [v.name for v in list_variants()]
    assert set(BUILTINS) <= set(names)


# --------------------------------------------------------------------------- clauses


def test_clause_references_resolve_with_variant_variables_and_provenance() -> None:
    library = FakeLibrary(
        _clause(
            id="opening.test",
            kind="opening",
            text="We write about {{ country }} on behalf of {{ signatories|length }} groups.",
            variables={"country": {"description": "the country"}},
        ),
        _clause(
            id="ask.access",
            kind="ask",
            lead="Open {{ country }} to monitors.",
            body="Allow {{ body_who }} in.",
            items=["visit {{ place }}"],
            variables={"country": {}, "body_who": {}, "place": {"required": False}},
            variants={"un": {"lead": "Seek access to {{ country }} for the Office."}},
        ),
        _clause(
            id="closing.thanks", kind="closing", text="Thank you.\n\nWith regards to {{ country }}."
        ),
    )
    letter = _letter(
        audience="un",
        addressees=[{"office": "un-high-commissioner-human-rights", "name": "Amara Diallo"}],
        variables={"country": "Eastland", "body_who": "observers"},
        body=[{"clause": "opening.test"}, "A literal paragraph."],
        asks=[
            {"lead": "Literal ask."},
            {"clause": "ask.access", "variables": {"body_who": "rapporteurs"}},
        ],
        closing=[{"clause": "closing.thanks"}],
        signatories=[{"name": "A", "kind": "organization"}, {"name": "B", "kind": "organization"}],
    )
    result = compose_letter(letter, library=library)
    out = result.letter
    assert out.body[0] == "We write about Eastland on behalf of 2 groups."
    assert out.body[1] == "A literal paragraph."
    assert out.asks[1] == Ask(
        lead="Seek access to Eastland for the Office.",
        body="Allow rapporteurs in.",
        items=["visit"],
    )
    assert out.closing == ["Thank you.", "With regards to Eastland."]
    places = {(p.place, p.clause, p.variant, p.status) for p in out.provenance}
    assert places == {
        ("body[0]", "opening.test", None, "vetted"),
        ("asks[1]", "ask.access", "un", "vetted"),
        ("closing[0]", "closing.thanks", None, "vetted"),
        ("closing[1]", "closing.thanks", None, "vetted"),
    }
    versions = {p.clause: p.version for p in out.provenance}
    assert versions["ask.access"] == library.get("ask.access").version
    assert result.warnings == []


def test_draft_and_retired_clauses_warn_or_are_refused() -> None:
    library = FakeLibrary(
        _clause(
            id="context.draft", kind="context", text="Draft text.", status="draft", vetted_by=None
        ),
        _clause(
            id="context.old",
            kind="context",
            text="Old text.",
            status="retired",
            retired_reason="superseded",
        ),
    )
    letter = _letter(
        salutation="Dear Colleague,",
        body=[{"clause": "context.draft"}, {"clause": "context.old"}],
    )
    result = compose_letter(letter, library=library)
    assert len(result.warnings) == 2
    assert result.warnings[0].startswith("body[0]: clause 'context.draft' is a draft")
    assert "retired (superseded)" in result.warnings[1]
    assert [p.status for p in result.letter.provenance] == ["draft", "retired"]
    with pytest.raises(ClauseError, match=r"body\[0\].*refuses"):
        compose_letter(letter, library=library, clause_policy="refuse")
    config = ProjectConfig(clause_policy="refuse")
    with pytest.raises(ClauseError):
        compose_letter(letter, library=library, config=config)


def test_clause_errors_name_the_place() -> None:
    library = FakeLibrary(
        _clause(id="ask.x", kind="ask", lead="Act on {{ country }}.", variables={"country": {}}),
        _clause(id="context.y", kind="context", text="Text."),
    )
    with pytest.raises(ClauseError, match=r"asks\[0\].*needs variable 'country'"):
        compose_letter(_letter(salutation="Dear X,", asks=[{"clause": "ask.x"}]), library=library)
    with pytest.raises(ClauseError, match=r"body\[0\].*is an ask, not a paragraph"):
        compose_letter(_letter(salutation="Dear X,", body=[{"clause": "ask.x"}]), library=library)
    with pytest.raises(ClauseError, match=r"asks\[0\].*not an ask"):
        compose_letter(
            _letter(salutation="Dear X,", asks=[{"clause": "context.y"}]), library=library
        )
    with pytest.raises(ClauseError, match=r"body\[0\].*unknown clause 'nope'"):
        compose_letter(_letter(salutation="Dear X,", body=[{"clause": "nope"}]), library=library)


def test_clause_text_is_sandboxed() -> None:
    library = FakeLibrary(
        _clause(id="context.evil", kind="context", text="{{ ''.__class__.__mro__ }}")
    )
    with pytest.raises(ClauseError, match="unsafe"):
        compose_letter(
            _letter(salutation="Dear X,", body=[{"clause": "context.evil"}]), library=library
        )


def test_clauses_without_a_library_is_a_clear_error() -> None:
    with pytest.raises(ClauseError, match="clauses: "):
        compose_letter(_letter(salutation="Dear X,", body=[{"clause": "context.y"}]))


def test_real_library_from_config(tmp_path: Path) -> None:
    if not EXAMPLE_CLAUSES.is_dir():
        pytest.skip("no example clause library")
    shutil.copy(FIXTURES / "coalition-un-clauses.yaml", tmp_path / "letter.yaml")
    (tmp_path / "draftkit.yaml").write_text(
        yaml.safe_dump({"clauses": [str(EXAMPLE_CLAUSES)], "cache_dir": str(tmp_path / "cache")}),
        encoding="utf-8",
    )
    result = compose_letter(tmp_path / "letter.yaml")
    out = result.letter
    assert out.is_resolved
    assert out.body[0].startswith("We, the undersigned four ")  # the clause's un wording
    assert "Eastland" in out.body[0]
    assert isinstance(out.asks[0], Ask) and out.asks[0].lead
    assert out.salutation == "Dear High Commissioner Diallo,"
    assert out.options.date_format == "international"
    assert {p.clause for p in out.provenance} == {
        "opening.coalition",
        "ask.humanitarian-access",
        "closing.thanks-coalition",
    }
    assert next(p for p in out.provenance if p.clause == "opening.coalition").variant == "un"
    # the un variant adds its own paragraph after the clause only when the body is empty
    assert len(out.body) == 1


def test_result_shape() -> None:
    result = compose_letter(
        Letter(
            salutation="Dear Colleague,",
            body=["Text."],
            signatories=[Signatory(name="A")],
            addressees=[Addressee(name="A")],
            options=LetterOptions(),
        )
    )
    assert isinstance(result, ComposeResult)
    assert result.variant == "base"
    assert result.letter.complimentary_close == "Sincerely,"


def test_non_letters_keep_their_shape() -> None:
    doc = _letter(kind="press-release", body=["News."])
    out = compose_letter(doc).letter
    assert out.salutation is None
    assert out.complimentary_close is None
    assert out.body == ["News."]


def test_compose_is_safe_in_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    spec = FIXTURES / "senators-congress.yaml"
    letter = load_letter(spec)
    expected = compose_letter(letter).letter

    def run(_: int) -> Letter:
        return compose_letter(letter).letter

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(run, range(64)))
    assert all(r == expected for r in results)


@pytest.mark.parametrize(
    "spec", sorted(p.name for p in FIXTURES.glob("*.yaml") if "clauses" not in p.name)
)
def test_compose_is_idempotent(spec: str) -> None:
    once = compose_letter(FIXTURES / spec).letter
    twice = compose_letter(once).letter
    assert twice == once


@pytest.mark.parametrize("audience", ["un", "foreign-government"])
def test_diplomatic_variants_close_once(audience: str) -> None:
    """The formal close of an Excellency is the assurances formula, and only that."""
    spec = Letter.model_validate(
        {
            "audience": audience,
            "addressees": [
                {
                    "office": "un-permanent-representative",
                    "name": "Lena Varga",
                    "gender": "female",
                    "params": {"country": "Arkadia", "city": "New York"},
                }
            ],
            "options": {"salutation_style": "formal"},
            "variables": {"purpose": "ask for your support"},
            "asks": [{"lead": "Support the resolution."}],
            "signatories": [{"name": "Forum for Rights", "kind": "organization"}],
        }
    )
    letter = compose_letter(spec).letter
    # Hickey's "Your Excellency" opens, so the UNHCR handbook's close answers it
    assert letter.complimentary_close == (
        "Accept, Your Excellency, the assurances of my highest consideration."
    )
    closing = " ".join(letter.texts("closing"))
    assert "assurance" not in closing and "consideration" not in closing


def test_fields_the_spec_writes_empty_stay_empty() -> None:
    """Only fields left out are filled: closing: [] and complimentary_close: null mean none."""
    base = {
        "audience": "us-executive",
        "salutation": "Dear Secretary Vance:",
        "body": ["We write about the detained defenders."],
        "asks": [{"lead": "Raise their cases."}],
        "signatories": [{"name": "Forum for Rights", "kind": "organization"}],
    }
    left_out = compose_letter(Letter.model_validate(base))
    assert left_out.letter.closing and left_out.letter.complimentary_close == "Sincerely,"
    assert {"closing", "complimentary_close", "asks_intro"} <= set(left_out.filled)
    empty = compose_letter(
        Letter.model_validate(
            {**base, "closing": [], "complimentary_close": None, "asks_intro": None}
        )
    )
    assert empty.letter.closing == []
    assert empty.letter.complimentary_close is None
    assert empty.letter.asks_intro is None
    assert not {"closing", "complimentary_close", "asks_intro"} & set(empty.filled)


@pytest.mark.parametrize(
    "spec",
    example_specs(),
    ids=lambda p: p.stem,
)
def test_the_unvalidated_result_equals_the_validated_one(spec: Path) -> None:
    # compose builds its result with model_construct (start-up time): the same values a
    # validated ComposeResult holds, field for field
    from draftkit.compose import ComposeResult

    result = compose_letter(spec)
    fields = {name: getattr(result, name) for name in ComposeResult.model_fields}
    validated = ComposeResult.model_validate(fields)
    assert validated == result
    assert validated.model_fields_set == result.model_fields_set
    assert validated.model_dump() == result.model_dump()
