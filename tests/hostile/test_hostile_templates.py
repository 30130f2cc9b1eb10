"""Team templates and clause text that try to leave the Jinja sandbox or exhaust it.

Sources of the cases: the Jinja sandbox advisories CVE-2016-10745 (``str.format``),
CVE-2019-10906 (``str.format_map``), CVE-2024-56326 (a stored reference to ``format``
called later), CVE-2025-27516 (``|attr`` reaching ``format``), CVE-2024-56201 (template
file names), the classic server-side template injection payloads (``__class__.__mro__``,
``cycler.__init__.__globals__``), and resource exhaustion (huge ranges, repetition,
powers, recursion). Every case must be refused with one line naming the template file and
line (or, for a variable a built-in template needs, the spec's field), and write nothing.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.hostile.builders import SPEC
from tests.hostile.harness import assert_bounded, assert_refused, run

PAYLOADS: dict[str, tuple[str, str]] = {
    # name: (Jinja inside the opening block, words of the refusal)
    "mro-subclasses": ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "unsafe template"),
    "cycler-globals": ("{{ cycler.__init__.__globals__.os }}", "unsafe template"),
    "format-cve-2016-10745": (
        "{{ '{0.__class__.__init__.__globals__}'.format(letter) }}",
        "unsafe",
    ),
    "format-map-cve-2019-10906": ("{{ '{x.__class__}'.format_map({'x': letter}) }}", "unsafe"),
    "stored-format-cve-2024-56326": (
        "{% set f = '{0.__class__.__init__}'.format %}{{ f(letter) }}",
        "unsafe",
    ),
    "attr-format-cve-2025-27516": ("{{ ('{0.__class__}'|attr('format'))(letter) }}", "unsafe"),
    "loop-bomb": ("{% for i in range(10**8) %}x{% endfor %}", "refused"),
    "repeat-bomb": ("{{ 'x' * 10**9 }}", "refused"),
    "power-bomb": ("{{ 2 ** 100000000 }}", "refused"),
    "recursive-macro": ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "refused"),
    "include-absolute": ("{% include '/etc/passwd' %}", "is not allowed"),
    "include-climbing": ("{% include '../../../../etc/passwd' %}", "is not allowed"),
    "import-os": ("{% import 'os' as os %}{{ os.system('touch owned') }}", "not found"),
}


def _variant(folder: Path, body: str, name: str = "evil") -> None:
    (folder / "tpl").mkdir(exist_ok=True)
    (folder / "tpl" / f"{name}.j2").write_text(
        f'{{% extends "base.j2" %}}\n{{% block opening %}}\n{body}\n{{% endblock %}}\n',
        encoding="utf-8",
    )


def _spec(folder: Path, audience: str = "evil", extra: str = "") -> None:
    text = SPEC.replace("audience: us-executive", f"audience: {audience}")
    text = text.replace("body:\n  - We write about the reporters detained in March.\n", "")
    (folder / "letter.yaml").write_text(text + extra, encoding="utf-8")


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_team_template_payload_is_refused(name: str, case: Path) -> None:
    payload, says = PAYLOADS[name]
    _variant(case, payload)
    _spec(case)
    result = run(["render", "letter.yaml", "-o", "letter.docx", "--templates", "tpl"], case)
    line = assert_refused(result, names="tpl/evil.j2:3", says=says)
    assert not (case / "owned").exists(), line


def test_extends_outside_the_roots_names_the_template_line(case: Path) -> None:
    (case / "tpl").mkdir()
    (case / "tpl" / "evil.j2").write_text('{% extends "../../../etc/passwd" %}\n', "utf-8")
    _spec(case)
    result = run(["render", "letter.yaml", "-o", "letter.docx", "--templates", "tpl"], case)
    assert_refused(result, names="tpl/evil.j2:1", says=["{% extends %}", "'..'"])


def test_a_template_that_is_a_symlink_out_of_the_folder_is_refused(case: Path) -> None:
    (case / "tpl").mkdir()
    (case / "tpl" / "evil.j2").symlink_to("/etc/passwd")
    _spec(case)
    result = run(["render", "letter.yaml", "-o", "letter.docx", "--templates", "tpl"], case)
    assert_refused(result, names="evil", says="link")


def test_an_oversized_template_is_refused(case: Path) -> None:
    _variant(case, "x" * (300 * 1024))
    _spec(case)
    result = run(["render", "letter.yaml", "-o", "letter.docx", "--templates", "tpl"], case)
    assert_refused(result, names="tpl/evil.j2", says="the limit is 262,144")


def test_a_variable_the_builtin_template_needs_points_at_the_spec(case: Path) -> None:
    _spec(case, audience="us-executive", extra="variables:\n  country: Arkadia\n")
    result = run(["render", "letter.yaml", "-o", "letter.docx"], case)
    assert_refused(
        result,
        names="letter.yaml:16: variables.purpose",
        says=["built-in us-executive.j2", "add 'purpose: ...' under variables:"],
    )


def test_clause_text_cannot_leave_the_sandbox(case: Path) -> None:
    (case / "library").mkdir()
    (case / "library" / "asks.yaml").write_text(
        "clauses:\n  - id: ask.evil\n    kind: ask\n    title: Evil\n"
        "    lead: \"{{ ''.__class__.__mro__ }}\"\n",
        encoding="utf-8",
    )
    text = SPEC.replace(
        "asks:\n  - lead: Raise their cases.\n    body: Name them in every meeting.\n",
        "asks:\n  - clause: ask.evil\n",
    )
    (case / "letter.yaml").write_text(text, encoding="utf-8")
    result = run(["render", "letter.yaml", "-o", "letter.docx", "--clauses", "library"], case)
    assert_refused(result, names="asks.yaml", says="unsafe", unchanged=False)
    assert not (case / "letter.docx").exists()


def test_variables_are_data_not_templates(case: Path) -> None:
    """A variable holding Jinja is printed as written by the template, never evaluated."""
    _spec(
        case,
        audience="us-executive",
        extra="variables:\n  purpose: \"press for {{ x.__class__.__mro__ }} and {{ 7*7 }}\"\n",
    )
    result = run(["render", "letter.yaml", "-o", "letter.docx"], case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    import docx

    document = docx.Document(io.BytesIO((case / "letter.docx").read_bytes()))
    joined = "\n".join(p.text for p in document.paragraphs)
    assert "press for {{ x.__class__.__mro__ }} and {{ 7*7 }}" in joined
