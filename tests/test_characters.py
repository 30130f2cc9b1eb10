"""Which characters a letter can hold, and how user text is shown on a terminal."""

from __future__ import annotations

import pytest

from draftkit.characters import (
    describe,
    find_unwritable,
    replace_unwritable,
    shown,
    unwritable_in,
)
from draftkit.schema import Ask, Letter


@pytest.mark.parametrize(
    ("char", "kind"),
    [
        ("\x00", "a control character"),
        ("\x1b", "a control character"),
        ("\x7f", "a control character"),
        ("\x9b", "a control character"),  # C1 CSI, which some terminals obey
        ("\ufdd0", "a Unicode noncharacter"),
        ("\ufffe", "a Unicode noncharacter"),
        ("\U0010ffff", "a Unicode noncharacter"),
        ("\ud800", "a lone surrogate"),
    ],
)
def test_unwritable_characters_are_found_and_named(char: str, kind: str) -> None:
    assert find_unwritable(f"ab{char}c") == (2, char)
    assert describe(char).endswith(f"({kind})")
    assert replace_unwritable(f"a{char}b{char}") == ("a\ufffdb\ufffd", 2)


@pytest.mark.parametrize("text", ["tab\there", "line\nbreak", "cr\r\n", "café — “quotes” ✓ 𝔸"])
def test_ordinary_text_is_writable(text: str) -> None:
    assert find_unwritable(text) is None


def test_unwritable_in_names_the_field_path() -> None:
    letter = Letter.model_construct(asks=[Ask(lead="ok"), Ask.model_construct(lead="x\x07")])
    assert unwritable_in(letter) == ("asks[1].lead", "\x07")
    assert unwritable_in({"a": ["x", {"b": "\ufffe"}]}) == ("a[1].b", "\ufffe")
    assert unwritable_in([Ask(lead="ok")], models=False) is None


def test_shown_escapes_what_a_terminal_acts_on() -> None:
    assert shown("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert shown("\x1b]0;title\x07") == "\\x1b]0;title\\x07"
    assert shown("over\rwrite") == "over\\rwrite"
    assert shown("csi\x9b") == "csi\\x9b"
    assert shown("abc\u202edcba") == "abcU+202Edcba"
    assert shown("\u2066isolate\u2069") == "U+2066isolateU+2069"
    assert shown("lone\ud800") == "loneU+D800"
    assert shown("tab\tand\nnewline stay, café too") == "tab\tand\nnewline stay, café too"
