"""Template variants: discovery, inheritance, team overrides, the sandbox, and the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.cli.new import new
from draftkit.cli.templates import templates
from draftkit.compose import (
    BUILTIN_TEMPLATES,
    MAX_OUTPUT_CHARS,
    compose_letter,
    list_variants,
    new_variant,
    render_string,
    variant_info,
)
from draftkit.errors import OutputExistsError, TemplateError
from draftkit.files import load_letter
from draftkit.schema import Letter

BUILTINS = ["base", "us-executive", "us-congress", "un", "eu", "foreign-government"]


def _letter(**fields: object) -> Letter:
    data: dict[str, object] = {"salutation": "Dear Colleague,"}
    data.update(fields)
    return Letter.model_validate(data)


def _variant(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.j2"
    path.write_text(text, encoding="utf-8")
    return path


def _opening(body: str) -> str:
    return '{% extends "base.j2" %}\n{% block opening %}\n' + body + "\n{% endblock %}\n"


# --------------------------------------------------------------------------- discovery


def test_builtin_variants_are_described() -> None:
    infos = {v.name: v for v in list_variants()}
    assert set(BUILTINS) <= set(infos)
    for name in BUILTINS:
        info = infos[name]
        assert info.builtin and info.description
        assert info.undeclared == [], f"{name} uses undeclared names {info.undeclared}"
        assert info.example_office
        if name != "base":
            assert info.parent == "base" and info.ancestors == ["base"]
            assert "opening" in info.blocks
    base = infos["base"]
    assert base.parent is None
    assert {"opening", "asks_intro", "closing", "complimentary_close", "options"} <= set(
        base.blocks
    )
    purpose = next(v for v in base.variables if v.name == "purpose")
    assert purpose.required and purpose.used_in == ["opening"]


def test_variant_info_merges_inherited_variables() -> None:
    info = variant_info("us-congress")
    names = {v.name: v for v in info.variables}
    assert {"purpose", "committee", "bill", "hearing", "contact"} <= set(names)
    assert names["committee"].defined_in == "us-congress"
    assert names["purpose"].defined_in == "base"
    assert set(names["committee"].used_in) >= {"opening", "asks_intro", "closing"}
    assert "complimentary_close" in info.inherited_blocks


def test_builtin_templates_do_not_copy_the_corpus(corpus_dir: Path) -> None:
    corpus = " ".join(
        " ".join(p.read_text(encoding="utf-8").split()) for p in corpus_dir.glob("*.txt")
    )
    for path in BUILTIN_TEMPLATES.glob("*.j2"):
        words = " ".join(path.read_text(encoding="utf-8").split()).split(" ")
        for start in range(0, max(len(words) - 8, 0)):
            run = " ".join(words[start : start + 8])
            if "{" in run or "%" in run:
                continue
            assert run not in corpus, f"{path.name} copies corpus text: {run!r}"


# --------------------------------------------------------------------------- team folders


def test_team_folder_overrides_a_builtin(tmp_path: Path) -> None:
    team = tmp_path / "templates"
    _variant(
        team,
        "un",
        '{% extends "builtin/un.j2" %}\n{% block asks_intro %}We ask you to:{% endblock %}\n',
    )
    letter = _letter(
        audience="un",
        body=["Text."],
        asks=[{"lead": "Act."}],
    )
    out = compose_letter(letter, template_dirs=[team]).letter
    assert out.asks_intro == "We ask you to:"
    assert out.options.date_format == "international"  # still inherited from the built-in
    info = variant_info("un", [team])
    assert not info.builtin and info.shadows == BUILTIN_TEMPLATES / "un.j2"
    assert info.ancestors == ["un", "base"]


def test_team_variant_from_config(tmp_path: Path) -> None:
    (tmp_path / "draftkit.yaml").write_text("templates: [tpl]\n", encoding="utf-8")
    _variant(tmp_path / "tpl", "campaign", _opening("Campaign {{ campaign }} opening."))
    spec = tmp_path / "letter.yaml"
    spec.write_text(
        "audience: campaign\nsalutation: 'Dear X,'\nvariables: {campaign: Free Press}\n",
        encoding="utf-8",
    )
    from draftkit.compose import compose_letter

    assert compose_letter(spec).letter.body == ["Campaign Free Press opening."]


def test_undefined_variable_in_a_team_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _variant(
        tmp_path / "templates",
        "us-congress",
        '{% extends "builtin/us-congress.j2" %}\n'
        "{% block opening %}\n"
        "The {{ committee }} has a role.\n"
        "{% endblock %}\n",
    )
    with pytest.raises(TemplateError) as info:
        compose_letter(_letter(audience="us-congress"), template_dirs=[Path("templates")])
    assert str(info.value) == (
        "templates/us-congress.j2:3: undefined variable 'committee' — add it under variables:"
        " in the spec (or write that part of the letter yourself)"
    )


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    _variant(
        tmp_path,
        "broken",
        '{% extends "base.j2" %}\n{% block opening %}\n{{ x + }}\n{% endblock %}\n',
    )
    with pytest.raises(TemplateError, match=r"broken\.j2:3: template syntax error"):
        compose_letter(_letter(), audience="broken", template_dirs=[tmp_path])


def test_variant_must_extend_another(tmp_path: Path) -> None:
    _variant(tmp_path, "loose", "{% block opening %}Hi{% endblock %}\n")
    with pytest.raises(TemplateError, match="does not extend another variant"):
        compose_letter(_letter(), audience="loose", template_dirs=[tmp_path])


def test_extends_itself_and_dynamic_extends_are_refused(tmp_path: Path) -> None:
    _variant(tmp_path, "loop-a", '{% extends "loop-b.j2" %}\n')
    _variant(tmp_path, "loop-b", '{% extends "loop-a.j2" %}\n')
    with pytest.raises(TemplateError, match="extends itself"):
        compose_letter(_letter(), audience="loop-a", template_dirs=[tmp_path])
    _variant(tmp_path, "dyn", '{% extends variant ~ ".j2" %}\n')
    with pytest.raises(TemplateError, match="plain string"):
        compose_letter(_letter(), audience="dyn", template_dirs=[tmp_path])


def test_list_shows_broken_team_variants(tmp_path: Path) -> None:
    _variant(
        tmp_path, "broken", "{% extends 'base.j2' %}{% block opening %}{{ x + }}{% endblock %}"
    )
    infos = {v.name: v for v in list_variants([tmp_path])}
    assert infos["broken"].error and "syntax error" in infos["broken"].error
    assert infos["un"].error is None
    result = CliRunner().invoke(templates, ["list", "--templates", str(tmp_path)])
    assert result.exit_code == 0 and "BROKEN" in result.output


def test_missing_template_folder(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="template folder not found"):
        compose_letter(_letter(), template_dirs=[tmp_path / "nope"])


def test_bad_variant_name() -> None:
    with pytest.raises(TemplateError, match="not a variant name"):
        compose_letter(_letter(), audience="../etc/passwd")


def test_options_block_can_choose_the_formal_style(tmp_path: Path) -> None:
    _variant(
        tmp_path,
        "formal",
        '{% extends "base.j2" %}\n{% block options %}\nsalutation_style: formal\n{% endblock %}\n',
    )
    letter = _letter(
        salutation=None,
        body=["x"],
        addressees=[{"office": "us-president", "name": "Joseph R. Biden", "gender": "male"}],
    )
    out = compose_letter(letter, audience="formal", template_dirs=[tmp_path]).letter
    assert out.salutation == "Dear Mr. President,"
    assert out.options.salutation_style == "formal"


def test_options_block_is_checked(tmp_path: Path) -> None:
    _variant(
        tmp_path,
        "opt",
        '{% extends "base.j2" %}\n{% block options %}\ncolour: red\n{% endblock %}\n',
    )
    with pytest.raises(TemplateError, match="unknown option"):
        compose_letter(_letter(body=["x"]), audience="opt", template_dirs=[tmp_path])


# --------------------------------------------------------------------------- hostile templates


HOSTILE = {
    "class": ("{{ ''.__class__.__mro__ }}", "unsafe template"),
    "globals": ("{{ cycler.__init__.__globals__ }}", "unsafe template"),
    "subclasses": ("{{ ().__class__.__base__.__subclasses__() }}", "unsafe template"),
    "self": ("{{ self.__init__ }}", "unsafe template"),
    "sender": ("{{ sender.__class__ }}", "unsafe template"),
    "format": ("{{ '{0.__class__}'.format(sender) }}", "unsafe"),
    "repeat": ("{{ 'x' * 100000000 }}", "refused"),
    "concat": (
        "{% set ns = namespace(s='xx') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s }}",
        "refused",
    ),
    "output": ("{% for i in range(99999) %}{{ 'abcdefghij' }}{% endfor %}", "refused"),
    "strings": ("{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}", "refused"),
    "loops": (
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
        "refused",
    ),
    "width": ("{{ '%999999999s' % 'x' }}", "refused"),
    "power": ("{{ 9 ** 999999 }}", "refused"),
    "multiply": (
        "{% set ns = namespace(n=10) %}{% for i in range(30) %}{% set ns.n = ns.n * ns.n %}"
        "{% endfor %}{{ ns.n }}",
        "refused",
    ),
    "ljust": ("{{ 'x'.ljust(999999999) }}", "refused"),
    "center": ("{{ 'x'|center(999999999) }}", "refused"),
    "replace": ("{{ ('x' * 1000)|replace('x', 'y' * 1000) }}", "refused"),
    "join": ("{{ (['x' * 100000] * 100)|join }}", "refused"),
    "macro": ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "refused"),
    "macro-loop": (
        "{% macro f() %}{% for i in range(99999) %}{{ 'x' * 1000 }}{% endfor %}{% endmacro %}"
        "{{ f() }}",
        "refused",
    ),
    "set-block": ("{% set x %}{% for i in range(999) %}{{ s }}{% endfor %}{% endset %}", "refused"),
    "filter-block": (
        "{% filter upper %}{% for i in range(999) %}{{ s }}{% endfor %}{% endfilter %}",
        "refused",
    ),
    "format-fields": ("{{ ('{0}' * 60000).format(s) }}", "refused"),
    "percent-fields": ("{{ ('%s' * 60000) % ((s,) * 60000) }}", "refused"),
    "nested-width": ("{{ '{:>{}}'.format('x', 199999) }}", "refused"),
    "star-width": ("{{ '%*s' % (199999, 'x') }}", "refused"),
    "expandtabs": ("{{ ('\t' * 100000).expandtabs(199999) }}", "refused"),
    "translate": ("{{ ('a' * 100000).translate({97: 'x' * 1000}) }}", "refused"),
    "recursive-block": ("{{ self.opening() }}", "refused"),
    "mutate": ("{% set x = sender.update({'a': 1}) %}", "unsafe template"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_template_is_refused(tmp_path: Path, case: str) -> None:
    source, expected = HOSTILE[case]
    _variant(tmp_path, "evil", _opening(source))
    letter = _letter(variables={"s": "x" * 100_000})
    with pytest.raises(TemplateError) as info:
        compose_letter(letter, audience="evil", template_dirs=[tmp_path])
    message = str(info.value)
    assert expected in message
    assert "evil.j2" in message


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_string_is_refused(case: str) -> None:
    source, expected = HOSTILE[case]
    if case == "recursive-block":
        expected = "undefined variable 'opening'"  # one-off strings have no blocks
    with pytest.raises(TemplateError, match=expected):
        render_string(source, {"sender": {"organization": "X"}, "s": "x" * 100_000}, name="c.yaml")


@pytest.mark.parametrize(
    "target",
    [
        "../secret.j2",
        "/etc/passwd",
        "sub/../../secret.j2",
        "..\\\\secret.j2",
        "builtin/../secret.j2",
    ],
)
def test_include_outside_the_folder_is_refused(tmp_path: Path, target: str) -> None:
    (tmp_path / "secret.j2").write_text("SECRET", encoding="utf-8")
    team = tmp_path / "team"
    (team / "sub").mkdir(parents=True)
    _variant(team, "peek", _opening(f'{{% include "{target}" %}}'))
    with pytest.raises(TemplateError) as info:
        compose_letter(_letter(), audience="peek", template_dirs=[team])
    assert "SECRET" not in str(info.value)
    assert "peek.j2:3" in str(info.value)
    assert "not allowed" in str(info.value) or "not found" in str(info.value)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlinks_in_the_folder_are_refused(tmp_path: Path) -> None:
    secret = tmp_path / "outside"
    secret.mkdir()
    (secret / "secret.j2").write_text("SECRET", encoding="utf-8")
    (secret / "evil.j2").write_text(_opening("linked"), encoding="utf-8")
    team = tmp_path / "team"
    team.mkdir()
    (team / "leak.j2").symlink_to(secret / "secret.j2")
    (team / "dir").symlink_to(secret, target_is_directory=True)
    (team / "linked.j2").symlink_to(secret / "evil.j2")
    _variant(team, "a", _opening('{% include "leak.j2" %}'))
    _variant(team, "b", _opening('{% include "dir/secret.j2" %}'))
    for name in ("a", "b"):
        with pytest.raises(TemplateError, match="symbolic link") as info:
            compose_letter(_letter(), audience=name, template_dirs=[team])
        assert "SECRET" not in str(info.value)
    with pytest.raises(TemplateError, match="symbolic link"):
        compose_letter(_letter(), audience="linked", template_dirs=[team])


def test_the_team_folder_itself_may_be_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    _variant(real, "ok", _opening("Fine."))
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    assert compose_letter(
        _letter(), audience="ok", template_dirs=[tmp_path / "link"]
    ).letter.body == ["Fine."]


def test_include_recursing_forever_is_refused(tmp_path: Path) -> None:
    (tmp_path / "_again.j2").write_text('{% include "_again.j2" %}', encoding="utf-8")
    _variant(tmp_path, "rec", _opening('{% include "_again.j2" %}'))
    with pytest.raises(TemplateError, match="recurses too deeply"):
        compose_letter(_letter(), audience="rec", template_dirs=[tmp_path])


def test_includes_inside_the_folder_work(tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "_thanks.j2").write_text("Thanks, {{ who }}.", encoding="utf-8")
    _variant(tmp_path, "inc", _opening('{% include "parts/_thanks.j2" %}'))
    out = compose_letter(
        _letter(variables={"who": "friends"}), audience="inc", template_dirs=[tmp_path]
    )
    assert out.letter.body == ["Thanks, friends."]


def test_large_template_file_is_refused(tmp_path: Path) -> None:
    _variant(tmp_path, "huge", _opening("x" * 300_000))
    with pytest.raises(TemplateError, match="limit"):
        compose_letter(_letter(), audience="huge", template_dirs=[tmp_path])


def test_strings_cannot_include() -> None:
    with pytest.raises(TemplateError, match="cannot be included"):
        render_string('{% include "base.j2" %}', {})


def test_render_string_basics() -> None:
    text = render_string(
        "the undersigned {{ signatories|length|number_words }} groups: {{ names|and_list }}",
        {"signatories": [1, 2, 3], "names": ["A", "B", "C"]},
    )
    assert text == "the undersigned three groups: A, B, and C"
    with pytest.raises(TemplateError, match=r"^clauses/a\.yaml:1: undefined variable 'country'"):
        render_string("{{ country }}", {}, name="clauses/a.yaml")
    assert len(render_string("{{ 'x' * n }}", {"n": MAX_OUTPUT_CHARS})) == MAX_OUTPUT_CHARS


def test_longdate_filter() -> None:
    import datetime as dt

    day = dt.date(2021, 5, 25)
    assert render_string("{{ d|longdate }}", {"d": day}) == "May 25, 2021"
    assert render_string("{{ d|longdate('international') }}", {"d": day}) == "25 May 2021"


# --------------------------------------------------------------------------- new_variant


@pytest.mark.parametrize("base", BUILTINS)
def test_new_variant_renders_like_its_base(tmp_path: Path, base: str) -> None:
    path = new_variant("team-copy", base, tmp_path)
    assert path == tmp_path / "team-copy.j2"
    assert path.read_text(encoding="utf-8").endswith("{% endblock %}\n")
    info = variant_info("team-copy", [tmp_path])
    assert info.parent == base
    assert info.description == f"Team variant started from {base}"
    letter = _letter(
        addressees=[{"office": variant_info(base).example_office, "name": "Jane Doe"}],
        variables={"purpose": "ask for help", "contact": "Dana"},
        asks=[{"lead": "Act."}],
        signatories=[{"name": "A", "kind": "organization"}],
    )
    original = compose_letter(letter, audience=base).letter
    copy = compose_letter(letter, audience="team-copy", template_dirs=[tmp_path]).letter
    assert copy.model_dump(exclude={"audience"}) == original.model_dump(exclude={"audience"})


def test_new_variant_overriding_a_builtin_extends_the_builtin(tmp_path: Path) -> None:
    path = new_variant("eu", "eu", tmp_path)
    assert '{% extends "builtin/eu.j2" %}' in path.read_text(encoding="utf-8")
    assert variant_info("eu", [tmp_path]).shadows is not None
    with pytest.raises(OutputExistsError):
        new_variant("eu", "eu", tmp_path)
    new_variant("eu", "eu", tmp_path / "other", template_dirs=[])
    with pytest.raises(TemplateError, match="already a team variant"):
        new_variant("eu", "eu", tmp_path / "third", template_dirs=[tmp_path])


# --------------------------------------------------------------------------- CLI


def test_cli_templates_list_and_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(templates, ["list"])
    assert result.exit_code == 0, result.output
    for name in BUILTINS:
        assert name in result.output
    result = runner.invoke(templates, ["show", "us-congress"])
    assert result.exit_code == 0, result.output
    assert "inherits:  base" in result.output
    assert "committee (optional)" in result.output
    assert "purpose (required)" in result.output
    assert "blocks it defines: asks_intro, closing, opening" in result.output
    result = runner.invoke(templates, ["show", "us-congress", "--source"])
    assert result.output.startswith("{#- draftkit")
    result = runner.invoke(templates, ["show", "nope"])
    assert result.exit_code == 1
    assert "draftkit: error: no template variant 'nope'" in result.output


def test_cli_templates_list_and_show_as_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(templates, ["list", "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.stdout)
    assert {v["name"] for v in listed} >= set(BUILTINS)
    assert all(v["origin"] == "built-in" and v["error"] is None for v in listed)
    result = runner.invoke(templates, ["show", "us-congress", "--format", "json"])
    shown = json.loads(result.stdout)
    assert shown["ancestors"] == ["base"] and "opening" in shown["blocks"]
    required = {v["name"] for v in shown["variables"] if v["required"]}
    assert "purpose" in required
    assert shown == next(v for v in listed if v["name"] == "us-congress")


def test_cli_templates_new(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(templates, ["new", "ours", "--from", "un"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "templates" / "ours.j2").is_file()
    assert "templates: [templates]" in result.output
    result = runner.invoke(templates, ["list", "--templates", "templates"])
    assert "ours" in result.output and "team" in result.output
    result = runner.invoke(templates, ["new", "ours", "--from", "un"])
    assert result.exit_code == 1 and "--force" in result.output
    result = runner.invoke(
        templates, ["new", "ours", "--from", "un", "--force", "--dir", "elsewhere"]
    )
    assert result.exit_code == 0 and (tmp_path / "elsewhere" / "ours.j2").is_file()


def test_cli_templates_new_creates_the_configured_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draftkit.yaml").write_text("templates: [team-templates]\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(templates, ["new", "ours", "--from", "us-executive"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "team-templates" / "ours.j2").is_file()
    assert "note:" not in result.output
    result = runner.invoke(templates, ["list"])
    assert result.exit_code == 0 and "ours" in result.output


@pytest.mark.parametrize("coalition", [False, True])
def test_cli_new_scaffolds_a_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, coalition: bool
) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    args = ["--audience", "us-executive", "-o", "letter.yaml"] + (
        ["--coalition"] if coalition else []
    )
    result = runner.invoke(new, args)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "letter.yaml").read_text(encoding="utf-8")
    assert "audience: us-executive" in text
    assert "purpose:" in text and "occasion:" in text
    letter = load_letter(tmp_path / "letter.yaml")
    assert letter.sender.coalition is coalition
    assert compose_letter(letter).letter.is_resolved
    again = runner.invoke(new, args)
    assert again.exit_code == 1 and "already exists" in again.output
    assert runner.invoke(new, [*args, "--force"]).exit_code == 0
    printed = runner.invoke(new, ["--audience", "un"])
    assert printed.exit_code == 0 and yaml.safe_load(printed.output)["audience"] == "un"
    bad = runner.invoke(new, ["--audience", "nope"])
    assert bad.exit_code == 1 and "no template variant 'nope'" in bad.output


def test_the_how_to_example_variant_works(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[1] / "docs" / "templates.md"
    text = docs.read_text(encoding="utf-8")
    source = text.split("```jinja\n", 1)[1].split("```", 1)[0]
    _variant(tmp_path, "coalition-congress", source)
    info = variant_info("coalition-congress", [tmp_path])
    assert info.ancestors == ["us-congress", "base"] and info.undeclared == []
    letter = _letter(
        audience="coalition-congress",
        sender={"coalition": True},
        signatories=[{"name": f"Org {i}", "kind": "organization"} for i in range(11)],
        variables={
            "purpose": "urge you to act",
            "campaign": "the Free Press for Arkadia campaign",
            "committee": "Senate Committee on Foreign Relations",
        },
        asks=[{"lead": "Act."}],
    )
    out = compose_letter(letter, template_dirs=[tmp_path]).letter
    assert out.body == [
        "We, the undersigned 11 organizations, write to urge you to act, as part of the Free"
        " Press for Arkadia campaign.",
        "The Senate Committee on Foreign Relations has held two hearings on this question.",
    ]
    assert out.closing[-1] == "Our coalition's members in your state would welcome a meeting."
    assert out.closing[0].startswith("Thank you for your attention to this matter")
    assert out.asks_intro == "We respectfully ask that the Committee:"
    with pytest.raises(
        TemplateError, match=r"coalition-congress\.j2:\d+: undefined variable 'campaign'"
    ):
        compose_letter(
            letter.model_copy(update={"variables": {"purpose": "x"}}), template_dirs=[tmp_path]
        )


_FRAGMENTS = [
    "{{ ",
    " }}",
    "{% ",
    " %}",
    "for x in ",
    "range(",
    ")",
    "endfor",
    "if ",
    "endif",
    "'a'",
    " * ",
    " ** ",
    " ~ ",
    "9",
    "99999",
    "|join",
    "|center(",
    ".__class__",
    "x",
    "set ns = ",
    "namespace(",
    "macro f()",
    "endmacro",
    "f()",
    "include 'a.j2'",
    "[",
    "]",
    ",",
    "loop",
]


@given(st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=5), max_size=25))
@settings(max_examples=300, deadline=None)
def test_any_template_text_renders_or_raises_template_error(parts: list[str]) -> None:
    source = "".join(parts)
    try:
        out = render_string(source, {"x": "value", "s": "abc"})
    except TemplateError as exc:
        assert "\n" not in str(exc)
    else:
        assert len(out) <= MAX_OUTPUT_CHARS


def test_team_variant_inherits_audience_choices(tmp_path: Path) -> None:
    from draftkit.clauses import Clause

    _variant(tmp_path, "senate-team", '{% extends "us-congress.j2" %}\n')
    clause = Clause.model_validate(
        {
            "id": "ask.hearing",
            "kind": "ask",
            "title": "Hold a hearing",
            "lead": "Hold a hearing.",
            "variants": {"us-congress": {"lead": "Hold a Committee hearing."}},
            "status": "vetted",
            "vetted_by": "Policy",
        }
    )

    class Library:
        def get(self, clause_id: str) -> Clause:
            return clause

    letter = _letter(
        salutation=None,
        audience="senate-team",
        body=["Text."],
        addressees=[{"office": "us-senator", "name": "Jeanne Shaheen"}],
        asks=[{"clause": "ask.hearing"}],
    )
    out = compose_letter(letter, template_dirs=[tmp_path], library=Library()).letter
    assert out.salutation == "Dear Senator Shaheen:"  # us-congress punctuation
    assert out.asks[0].lead == "Hold a Committee hearing."  # type: ignore[union-attr]
    assert out.provenance[0].variant == "us-congress"


def test_salutation_block_is_a_fallback_without_offices(tmp_path: Path) -> None:
    _variant(
        tmp_path,
        "colleagues",
        '{% extends "base.j2" %}\n{% block salutation %}Dear colleagues,{% endblock %}\n',
    )
    letter = _letter(salutation=None, body=["Text."], addressees=[{"name": "Jane Roe"}])
    assert compose_letter(
        letter, audience="colleagues", template_dirs=[tmp_path]
    ).letter.salutation == ("Dear colleagues,")
    with_office = letter.model_copy(
        update={
            "addressees": Letter.model_validate(
                {"addressees": [{"office": "us-senator", "name": "Jeanne Shaheen"}]}
            ).addressees
        }
    )
    out = compose_letter(with_office, audience="colleagues", template_dirs=[tmp_path]).letter
    assert out.salutation == "Dear Senator Shaheen,"


@pytest.mark.parametrize(
    ("background", "paragraphs"),
    [
        ("One context paragraph.", ["One context paragraph."]),
        (["First.", "Second."], ["First.", "Second."]),
    ],
)
def test_background_adds_context_after_the_opening(
    background: object, paragraphs: list[str]
) -> None:
    letter = _letter(
        variables={"purpose": "ask for help", "background": background, "contact": "Dana"},
        signatories=[{"name": "A", "kind": "organization"}],
    )
    out = compose_letter(letter).letter
    assert out.body == ["On behalf of A, we write to ask for help.", *paragraphs]
    assert out.closing[-1].endswith("; Dana can be reached at any time.")
