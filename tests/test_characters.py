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


def test_every_ascii_character_is_judged_as_the_full_pattern_does() -> None:
    import re

    full = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef]")
    for code in range(0x80):
        text = f"plain {chr(code)} text"
        expected = full.search(text)
        assert find_unwritable(text) == ((6, chr(code)) if expected else None), code


def test_unwritable_in_looks_in_str_subclasses_tuples_dicts_and_nested_models() -> None:
    class Marked(str):
        pass

    assert unwritable_in(["ok", (1, None, Marked("a\x0b"))]) == ("[1][2]", "\x0b")
    assert unwritable_in({"k\x01": "v"}) is not None
    letter = Letter.model_construct(body=["fine"], variables={"n": 3, "x": ["y", "\x1f"]})
    assert unwritable_in(letter) == ("variables.x[1]", "\x1f")


def test_a_printable_text_never_holds_an_unwritable_character() -> None:
    # find_unwritable and the letter model skip printable text without searching it:
    # that is only right if no unwritable character is printable, checked here for every
    # code point
    import re as _re

    from draftkit import characters

    printable_bad = [
        cp
        for cp in range(0x110000)
        if chr(cp).isprintable() and characters._UNWRITABLE.search(chr(cp))
    ]
    assert printable_bad == []
    assert characters.find_unwritable("plain text, printable") is None
    assert characters.find_unwritable("tab\there") is None
    assert characters.find_unwritable("bell\x07") == (4, "\x07")
    assert _re.fullmatch(r"[\s\S]*", "")  # keep the import used by name
