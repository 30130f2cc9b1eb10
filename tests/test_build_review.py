"""What ``render`` reports from the rules: the same lines whether every rule runs or only
the rules whose findings it reports (``review_warnings`` runs only those)."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.build import REVIEW_RULES, prepare_letter, review_warnings
from draftkit.check import all_rules, check_letter
from draftkit.check.model import Finding
from draftkit.config import load_config
from draftkit.ingest import ingest_file
from draftkit.schema import Letter
from tests.conftest import example_specs


def _every_rule(letter: Letter, spec: Path | None = None) -> list[str]:
    """The lines render reported when it ran every rule and kept what it reports."""
    config = load_config(spec) if spec is not None else None
    report = check_letter(letter, config=config)
    return [
        f"[{f.rule}] {f.where + ': ' if f.where else ''}{f.message}"
        + (f" ({f.hint})" if f.hint else "")
        for f in report.findings
        if f.severity == "error" or f.rule in REVIEW_RULES
    ]


@pytest.mark.parametrize("spec", example_specs(), ids=lambda p: p.stem)
def test_review_of_each_example_matches_every_rule(spec: Path) -> None:
    letter, _ = prepare_letter(spec)
    assert review_warnings(letter, config=load_config(spec)) == _every_rule(letter, spec)


def test_review_of_a_faulty_letter_matches_every_rule() -> None:
    letter = Letter.model_validate(
        {
            "date": "2026-10-05",
            "addressees": [{"name": "Dana Reyes", "honorific": "Ms."}],
            "salutation": "Dear Mr. Okafor:",
            "body": [
                "We, the undersigned five organizations, write about [COUNTRY] and {{ x }}.",
                "A second paragraph with a footnote [^a].",
            ],
            "signatories": [
                {"name": "Group One", "kind": "organization"},
                {"name": "Group One", "kind": "organization"},
            ],
        }
    )
    expected = _every_rule(letter)
    assert len(expected) >= 2  # count-mismatch, duplicate-signatory, placeholder ...
    assert review_warnings(letter) == expected


def test_review_of_unsigned_and_ingested_letters_matches_every_rule(corpus_dir: Path) -> None:
    unsigned = Letter.model_validate({"body": ["Text."], "salutation": "Dear Ms. Reyes:"})
    assert review_warnings(unsigned) == _every_rule(unsigned)
    assert any("signatories-missing" in line for line in review_warnings(unsigned))
    letters = [(p.name, ingest_file(p).letter) for p in sorted(corpus_dir.glob("*.txt"))]
    read = [(name, letter) for name, letter in letters if letter is not None]
    assert read
    for name, letter in read:
        assert review_warnings(letter) == _every_rule(letter), name


def test_a_finding_is_never_more_severe_than_its_rule() -> None:
    warning_rule = next(r for r in all_rules() if r.severity == "warning")
    milder = warning_rule.finding("note", severity="info")
    assert isinstance(milder, Finding) and milder.severity == "info"
    with pytest.raises(ValueError, match="no error findings"):
        warning_rule.finding("too strong", severity="error")


def test_the_rules_render_runs_are_all_in_the_modules_it_imports() -> None:
    # render imports only RENDER_RULE_MODULES (start-up time): every error rule and every
    # warning rule it reports must live there, or render would miss its findings
    from draftkit.check import render_rules
    from draftkit.check.registry import RENDER_RULE_MODULES, RULE_MODULES

    reported = [r for r in all_rules() if r.severity == "error" or r.id in REVIEW_RULES]
    assert {r.func.__module__ for r in reported} <= set(RENDER_RULE_MODULES)
    assert set(RENDER_RULE_MODULES) <= set(RULE_MODULES)
    assert [r.id for r in render_rules()] == [
        r.id for r in all_rules() if r.func.__module__ in RENDER_RULE_MODULES
    ]


def test_a_render_imports_no_rule_module_it_does_not_run() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from draftkit.build import review_warnings; "
        "from draftkit.schema import Letter; "
        "review_warnings(Letter.model_validate({'body': ['Text.']})); "
        "print(sorted(m for m in sys.modules if m.startswith('draftkit.check.')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    loaded = done.stdout.strip()
    assert "draftkit.check.address" in loaded, done.stderr
    for module in ("coverage", "trace", "language"):
        assert f"draftkit.check.{module}'" not in loaded
