"""Inline markup: parsing, plain text, and escaping round trips."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from draftkit.markup import Span, escape, parse, plain


def test_bold_italic_and_links() -> None:
    assert parse("a **b** *c* [d](https://e.org/f)") == [
        Span("a "),
        Span("b", bold=True),
        Span(" "),
        Span("c", italic=True),
        Span(" "),
        Span("d", url="https://e.org/f"),
    ]


def test_nested_and_unbalanced_markers_stay_literal() -> None:
    assert parse("**a *b* c**") == [
        Span("a ", bold=True),
        Span("b", bold=True, italic=True),
        Span(" c", bold=True),
    ]
    assert plain("2 * 3 = 6 and **unclosed") == "2 * 3 = 6 and **unclosed"
    assert plain("x * y*") == "x * y*"


def test_plain_writes_links_for_email() -> None:
    assert plain("see [the report](https://x.org/r).") == "see the report (https://x.org/r)."
    assert plain("see [the report](https://x.org/r).", links=False) == "see the report."


def test_only_web_and_mail_links_are_links() -> None:
    assert parse("[x](javascript:alert(1))") == [Span("[x](javascript:alert(1))")]


def test_escape_keeps_brackets_readable() -> None:
    assert escape("[sic] a*b") == "[sic] a\\*b"


@given(st.text())
def test_escape_round_trips(text: str) -> None:
    assert "".join(span.text for span in parse(escape(text))) == text
