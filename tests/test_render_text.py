"""Plain text and Markdown renderers."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from draftkit.build import prepare_letter
from draftkit.markup import plain
from draftkit.render import render_markdown, render_text, typeset
from draftkit.schema import Addressee, Ask, Letter, LetterOptions, Signatory
from tests.conftest import example_specs
from tests.helpers import need

EXAMPLES = example_specs()


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_text_wraps_at_72_and_keeps_every_part(spec: Path) -> None:
    letter = typeset(prepare_letter(spec)[0])
    text = render_text(letter)
    assert max(len(line) for line in text.splitlines()) <= 72
    flat = _norm(text)
    for paragraph in [*letter.texts("body"), *letter.texts("closing")]:
        assert _norm(plain(paragraph)) in flat
    for signer in letter.signatories:
        assert signer.name in text.splitlines()
    assert (letter.salutation or "") in text.splitlines()


def test_text_numbers_asks_and_indents_items() -> None:
    letter = Letter(
        salutation="Dear Minister,",
        asks_intro="We ask you to:",
        asks=[
            Ask(lead="Open the crossings.", body="Aid is waiting at the border " * 4),
            Ask(lead="Fund monitors.", items=["in the north;", "in the south."]),
        ],
    )
    lines = render_text(letter).splitlines()
    start = lines.index("We ask you to:")
    assert lines[start + 2].startswith("1. Open the crossings. Aid is waiting")
    assert lines[start + 3].startswith("   Aid") or lines[start + 3].startswith("   ")
    second = next(i for i, line in enumerate(lines) if line.startswith("2. "))
    assert lines[second : second + 3] == [
        "2. Fund monitors.",
        "   - in the north;",
        "   - in the south.",
    ]


def test_organisations_one_per_line_individuals_in_blocks() -> None:
    letter = Letter(
        salutation="Dear A,",
        complimentary_close="Sincerely,",
        signatories=[
            Signatory(name="Org One", kind="organization"),
            Signatory(name="Org Two", kind="organization"),
        ],
    )
    assert render_text(letter).endswith("Sincerely,\n\nOrg One\nOrg Two\n")


def test_markdown_keeps_markup_and_makes_lists() -> None:
    letter = Letter(
        salutation="Dear Minister,",
        body=["We **urge** you to read [the report](https://example.org/r)."],
        asks=[Ask(lead="Act.", body="Now.", items=["one", "two"]), Ask(lead="Fund *aid*.")],
        signatories=[Signatory(name="Ana_Lopez*", title_lines=["1. Director"])],
    )
    md = render_markdown(letter)
    assert "We **urge** you to read [the report](https://example.org/r)." in md
    assert "1. **Act.** Now.\n   - one\n   - two" in md
    assert "2. **Fund *aid*.**" in md
    assert "Ana\\_Lopez\\*\\\n1\\. Director" in md


def test_pandoc_reads_markdown_asks_as_ordered_list() -> None:
    pandoc = need("pandoc")
    letter = prepare_letter(Path("examples/coalition-president.yaml"))[0]
    result = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "json"],
        input=render_markdown(letter),
        capture_output=True,
        check=True,
        text=True,
    )
    blocks = json.loads(result.stdout)["blocks"]
    ordered = [b for b in blocks if b["t"] == "OrderedList"]
    assert len(ordered) == 1 and len(ordered[0]["c"][1]) == 7


def _quoted(**options: str) -> Letter:
    return Letter(
        salutation="Dear Minister,",
        body=['Read "The Ledger" at [the site](https://example.org/it\'s) and don\'t wait.'],
        signatories=[Signatory(name="Ana Ruiz", organization="Survivors' Voice")],
        cc=[Addressee(name="Jo O'Neill")],
        options=LetterOptions.model_validate(options),
    )


def test_quotes_are_typographic_in_text_and_markdown_unless_kept_straight() -> None:
    letter = _quoted()
    text = render_text(letter)
    assert "Read \u201cThe Ledger\u201d at the site (https://example.org/it's)" in text
    assert "don\u2019t wait" in text
    assert "Survivors\u2019 Voice" in text and "Jo O\u2019Neill" in text
    markdown = render_markdown(letter)
    assert "\u201cThe Ledger\u201d at [the site](https://example.org/it's)" in markdown
    straight = _quoted(quotes="straight")
    assert 'Read "The Ledger"' in render_text(straight)
    assert "Survivors' Voice" in render_markdown(straight)


def test_cc_and_enclosure_lines_hang_under_their_label() -> None:
    letter = Letter(
        salutation="Dear A,",
        enclosures=["First annex", "Second annex"],
        cc=[
            Addressee(name="Ana Ruiz", title_lines=["Director"]),
            Addressee(name="Bo Lind", title_lines=["Adviser"]),
        ],
    )
    lines = render_text(letter).splitlines()
    start = lines.index("Enclosures: First annex")
    assert lines[start + 1] == "            Second annex"
    cc = lines.index("cc: Ana Ruiz")
    assert lines[cc : cc + 5] == ["cc: Ana Ruiz", "    Director", "", "    Bo Lind", "    Adviser"]
