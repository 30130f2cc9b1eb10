"""The public models under hostile data, each case a short script in a limited process.

A pydantic model holding shared references serialises each reference in full: a
``variables`` value built like a billion-laughs document (ten lists of the same ten lists
...) is a few kilobytes in memory and gigabytes in ``model_dump_json``, where the
allocation fails in Rust and aborts the interpreter (no Python exception to catch). The
same shape arrives from any YAML loader that shares aliased objects (yaml/pyyaml#235).
A validated :class:`~draftkit.schema.Letter` must therefore always be serialisable: the
schema bounds values, characters and nesting, and the public parser turns the refusal
into a :class:`~draftkit.errors.SpecError`.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.hostile.harness import assert_bounded, run

BOMB = """
laughs = ["lol"] * 10
for _ in range(9):
    laughs = [laughs] * 10          # 10**10 strings through shared references
"""

SCRIPTS: dict[str, tuple[str, str]] = {
    # name: (script, the line it must print)
    "model-validate-shared-bomb": (
        BOMB
        + """
from pydantic import ValidationError
from draftkit import Letter
try:
    Letter.model_validate({"variables": {"x": laughs}})
except ValidationError as exc:
    print("refused:", exc.errors()[0]["msg"])
""",
        "refused: Value error, the letter holds more than 200,000 values",
    ),
    "parse-letter-is-a-spec-error": (
        BOMB
        + """
from draftkit import SpecError
from draftkit.files import parse_letter
try:
    parse_letter({"variables": {"x": laughs}}, path="bomb.yaml")
except SpecError as exc:
    print("refused:", exc)
""",
        "refused: bomb.yaml: the letter holds more than 200,000 values",
    ),
    "printing-the-refusal": (
        BOMB
        + """
from pydantic import ValidationError
from draftkit import Letter
try:
    Letter.model_validate({"variables": {"x": laughs}})
except ValidationError as exc:
    text = str(exc)  # pydantic would repr the whole input here
    print("printed:", len(text) < 2000, "input_value" not in text)
""",
        "printed: True True",
    ),
    "shared-asks": (
        """
from pydantic import ValidationError
from draftkit import Ask, Letter
ask = Ask(lead="x" * 1000)
try:
    Letter(asks=[ask] * 1_000_000)
except ValidationError as exc:
    print("refused:", exc.errors()[0]["msg"])
""",
        "refused: Value error, the letter holds more than",
    ),
    "shared-long-strings": (
        """
from pydantic import ValidationError
from draftkit import Letter
text = "x" * 900_000
try:
    Letter(body=[text] * 100)
except ValidationError as exc:
    print("refused:", exc.errors()[0]["msg"])
""",
        "refused: Value error, the letter holds more than 10,000,000 characters of text",
    ),
    "object-in-variables": (
        """
from pydantic import ValidationError
from draftkit import Letter
try:
    Letter(variables={"x": {1, 2}})
except ValidationError as exc:
    print("refused:", exc.errors()[0]["msg"])
""",
        "refused: Value error, variables hold a set;",
    ),
    "largest-valid-letter-serialises": (
        """
from draftkit import Letter
letter = Letter(variables={"x": ["y" * 40] * 199_000})
data = letter.model_dump_json()
print("serialised", len(data) > 8_000_000)
""",
        "serialised True",
    ),
    "deep-json-model-validate": (
        """
from pydantic import ValidationError
from draftkit import Letter
try:
    Letter.model_validate_json('{"variables": {"x": ' + "[" * 100_000 + "]" * 100_000 + "}}")
except ValidationError as exc:
    print("refused:", exc.errors()[0]["type"])
""",
        "refused: json_invalid",
    ),
    "construct-bypass-is-refused-by-the-renderer": (
        """
from draftkit import Letter, RenderError, render_bytes
letter = Letter.model_construct(salutation="Dear A,", body=["bell\\x07"], kind="letter")
try:
    render_bytes(letter, "docx")
except RenderError as exc:
    print("refused:", exc)
""",
        "refused: body[0]: holds U+0007 (a control character)",
    ),
    "ingest-text-with-controls": (
        """
from draftkit import ingest_text
text = "Dear Minister,\\n\\nWe ask\\x1b[2J you to act.\\n\\nSincerely,\\n\\nJo Doe\\n"
result = ingest_text(text)
print("kept:", "\\ufffd" in result.letter.body[0], result.warnings[-1])
""",
        "kept: True 1 character that a letter cannot hold",
    ),
}


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_library_refuses_without_dying(name: str, case: Path) -> None:
    script, expected = SCRIPTS[name]
    result = run([], case, python=["-c", textwrap.dedent(script)])
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert result.stderr == "", result.describe()
    assert result.stdout.decode().startswith(expected), result.describe()
