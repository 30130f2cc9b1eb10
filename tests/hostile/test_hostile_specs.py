"""Hostile letter specs (YAML and JSON), each rendered in a fresh, limited process.

Sources of the cases:

- YAML alias bombs: yaml/pyyaml#235 (billion laughs through anchors; PyYAML shares the
  objects, so the bomb goes off in whoever walks the data), CVE-2017-18640 (SnakeYAML),
  nodeca/js-yaml#742; alias loops (``&a [*a]``).
- Deep nesting: CVE-2020-36518 (jackson-databind), CVE-2024-27454 (orjson), Python's own
  ``RecursionError`` from the pure-Python YAML composer and the ``json`` decoder.
- Huge integers: CVE-2020-10735 (quadratic ``int`` parsing; Python 3.11 raises
  ``ValueError`` past 4,300 digits, which escaped as a traceback).
- Reader errors: a NUL byte (PyYAML's ``ReaderError``), bytes that are not UTF-8.
- Arbitrary tags: PyYAML ``!!python/object/apply`` (CVE-2017-18342 against ``yaml.load``).
- JSON duplicate keys (RFC 8259 §4: behaviour undefined; ``json`` keeps the last).
- Characters that cannot be written (controls, lone surrogates, noncharacters) and an empty
  ``audience:``, which used to fall back to the default variant silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.builders import SPEC
from tests.hostile.harness import assert_refused, run

LAUGHS = "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9) if i else ', '.join(['lol'] * 9)}]\n"
    for i in range(9)
)

CASES: dict[str, tuple[str, bytes | str, list[str]]] = {
    # name: (file name, content, words the one error line must hold)
    "yaml-billion-laughs": (
        "letter.yaml",
        SPEC + "variables:\n" + "".join(f"  {line}\n" for line in LAUGHS.splitlines()),
        ["aliases expand the file to more than 100,000 values"],
    ),
    "yaml-alias-loop": ("letter.yaml", SPEC + "variables:\n  x: &a [1, *a]\n", ["refers to"]),
    "yaml-too-many-aliases": (
        "letter.yaml",
        SPEC + "variables:\n  a: &a x\n  b: [" + ", ".join(["*a"] * 150) + "]\n",
        ["more than 100 YAML aliases"],
    ),
    "yaml-deep-flow": (
        "letter.yaml",
        SPEC + "variables:\n  x: " + "[" * 5000 + "]" * 5000 + "\n",
        ["letter.yaml:", "nested more than 50 levels"],
    ),
    "yaml-deep-block": (
        "letter.yaml",
        SPEC + "variables:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(200)),
        ["nested more than 50 levels"],
    ),
    "yaml-many-values": (
        "letter.yaml",
        SPEC + "variables:\n  x: [" + ",".join(["1"] * 120_000) + "]\n",
        ["more than 100,000 values"],
    ),
    "yaml-huge-integer": (
        "letter.yaml",
        SPEC + "variables:\n  n: " + "9" * 5000 + "\n",
        ["letter.yaml:", "a number with more than 100 digits"],
    ),
    "yaml-nul-byte": ("letter.yaml", SPEC.replace("March.", "Ma\0rch."), ["U+0000"]),
    "yaml-python-tag": (
        "letter.yaml",
        SPEC + "variables:\n  x: !!python/object/apply:os.system ['touch owned']\n",
        ["unsupported YAML tag", "python/object/apply"],
    ),
    "yaml-duplicate-key": (
        "letter.yaml",
        SPEC + "subject: Another subject\n",
        ["duplicate key 'subject'"],
    ),
    "spec-not-utf8": (
        "letter.yaml",
        SPEC.encode("utf-8").replace(b"March", b"M\xe4rz"),
        ["not UTF-8 text"],
    ),
    "spec-too-large": (
        "letter.yaml",
        SPEC + "# " + "x" * (6 * 1024 * 1024) + "\n",
        ["at most 5,242,880"],
    ),
    "json-deep": ("letter.json", "[" * 100_000 + "]" * 100_000, ["nested"]),
    "json-huge-integer": (
        "letter.json",
        '{"subject": "x",\n "variables": {"n": ' + "7" * 5000 + "}}",
        ["a number with more than 100 digits"],
    ),
    "json-duplicate-key": (
        "letter.json",
        '{\n "subject": "one",\n "subject": "two"\n}',
        ["letter.json:3", "duplicate key 'subject'"],
    ),
    "json-lone-surrogate": (
        "letter.json",
        '{"subject": "caf\\ud800", "addressees": [{"name": "A"}]}',
        ["subject", "U+D800 (a lone surrogate)"],
    ),
    "control-character-in-text": (
        "letter.yaml",
        SPEC.replace("subject: Detained reporters", 'subject: "Detained\\a reporters"'),
        ["letter.yaml:6", "subject", "U+0007 (a control character)"],
    ),
    "escape-sequence-in-text": (
        "letter.yaml",
        SPEC.replace(
            "- We write about the reporters detained in March.",
            '- "\\e[2J\\e]0;owned\\aWe write about the reporters detained in March."',
        ),
        ["letter.yaml:7", "body: item 1", "U+001B (a control character)"],
    ),
    "noncharacter-in-text": (
        "letter.yaml",
        SPEC.replace("subject: Detained reporters", 'subject: "Detained \\uFDD0reporters"'),
        ["subject", "U+FDD0 (a Unicode noncharacter)"],
    ),
    "control-character-in-list": (
        "letter.yaml",
        SPEC.replace("[Director]", '[Director, "Board\\bmember"]'),
        ["signatories[0].title_lines", "U+0008", "item 2"],
    ),
    "empty-audience": (
        "letter.yaml",
        SPEC.replace("audience: us-executive", 'audience: ""'),
        ["letter.yaml:1", "audience", "audience is empty"],
    ),
    "huge-string": (
        "letter.yaml",
        SPEC.replace("subject: Detained reporters", "subject: " + "x" * 1_200_000),
        ["subject", "at most 1000000 characters"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_render_refuses(name: str, case: Path) -> None:
    filename, content, says = CASES[name]
    path = case / filename
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    result = run(["render", filename, "-o", "letter.docx"], case)
    assert_refused(result, names=filename, says=says)
    assert not (case / "owned").exists()


def test_the_valid_spec_renders(case: Path) -> None:
    """The base of every case above renders (so each refusal is the hostile part's)."""
    (case / "letter.yaml").write_text(SPEC, encoding="utf-8")
    result = run(["render", "letter.yaml", "-o", "letter.docx"], case)
    assert result.code == 0, result.describe()
    assert result.changed() == ["letter.docx"]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("alias-bomb", "clauses:\n" + "".join(f"  - {line}\n" for line in []) + LAUGHS, "values"),
        ("nul", "clauses:\n  - id: ask.x\n    text: \"a\0b\"\n", "U+0000"),
        ("deep", "clauses: " + "[" * 900 + "]" * 900 + "\n", "nested more than 50 levels"),
    ],
)
def test_clause_files_are_bounded_too(name: str, content: str, says: str, case: Path) -> None:
    (case / "library").mkdir()
    (case / "library" / "asks.yaml").write_text(content, encoding="utf-8")
    result = run(["clauses", "search", "reporters", "--library", "library"], case)
    assert_refused(result, names="asks.yaml", says=says, unchanged=False)
    assert [c for c in result.changed() if not c.startswith(".cache/")] == []


@pytest.mark.parametrize(
    ("filename", "content", "says"),
    [
        ("people.yaml", LAUGHS, "aliases expand the file"),
        ("people.json", '[{"name": "A", "name": "B"}]', "duplicate key 'name'"),
        ("people.csv", "name,office\nA\0B,us-senator\n", "U+0000"),
        ("people.csv", "name,office\n" + "A" * 200_000 + ",us-senator\n", "field larger"),
    ],
)
def test_recipient_lists_are_bounded(filename: str, content: str, says: str, case: Path) -> None:
    (case / "letter.yaml").write_text(
        SPEC.replace("addressees:\n  - name: Jane Roe\n    office: us-secretary-of-state\n", ""),
        encoding="utf-8",
    )
    (case / filename).write_text(content, encoding="utf-8")
    result = run(["merge", "letter.yaml", "--recipients", filename, "-o", "out"], case)
    if "U+0000" in says:  # a bad row is skipped, named, and the merge goes on
        assert result.code == 1, result.describe()
        assert any(filename in line and says in line for line in result.lines), result.describe()
        assert "Traceback" not in result.stderr
        return
    assert_refused(result, names=filename, says=says)
