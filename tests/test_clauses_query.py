"""The clause query language: what each piece of a query becomes."""

from __future__ import annotations

import pytest

from draftkit.clauses.query import Term, parse_query
from draftkit.clauses.wordforms import related_forms
from draftkit.errors import ClauseError


def test_words_phrases_prefixes_and_exclusions() -> None:
    q = parse_query('Humanitarian "safe passage" sanct* -retired -"oil sector"')
    assert q.terms == [
        Term("word", ("humanitarian",)),
        Term("phrase", ("safe", "passage")),
        Term("prefix", ("sanct",)),
    ]
    assert q.excluded == [Term("word", ("retired",)), Term("phrase", ("oil", "sector"))]


def test_hyphens_and_apostrophes_join_words_into_a_phrase() -> None:
    q = parse_query("cross-border government's anti-corrupt*")
    assert q.terms == [
        Term("phrase", ("cross", "border")),
        Term("phrase", ("government", "s")),
        Term("phrase", ("anti", "corrupt"), prefix=True),
    ]


def test_field_filters() -> None:
    q = parse_query('refugees kind:ask Status:vetted audience:un topic:"civic space" tag:Sanctions')
    assert [t.words for t in q.terms] == [("refugees",)]
    assert q.kinds == ["ask"] and q.statuses == ["vetted"] and q.audiences == ["un"]
    assert q.topics == ["civic space", "sanctions"]
    assert q.has_filters


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("kind:asks", "unknown kind 'asks'"),
        ("status:approved", "unknown status 'approved'"),
        ("-kind:ask", "cannot be excluded"),
    ],
)
def test_bad_filters_are_errors(query: str, message: str) -> None:
    with pytest.raises(ClauseError, match=message):
        parse_query(query)


def test_stop_words_are_dropped_unless_nothing_else_is_left() -> None:
    q = parse_query("the release of the prisoners")
    assert [t.words[0] for t in q.terms] == ["release", "prisoners"]
    assert q.ignored == ["the", "of"]
    assert [t.words[0] for t in parse_query("to the").terms] == ["to", "the"]
    # inside a phrase they stay
    assert parse_query('"right to asylum"').terms[0].words == ("right", "to", "asylum")


@pytest.mark.parametrize(
    "query",
    ['"', "*", "-", "NEAR(", "a*", "(", "title:", ":", "--", '""', "kind:", "\x00"],
)
def test_punctuation_alone_gives_no_terms_or_plain_words(query: str) -> None:
    q = parse_query(query)
    assert all(t.kind in ("word", "phrase") for t in q.terms)
    assert not q.has_filters


def test_operator_looking_text_is_words() -> None:
    q = parse_query("NEAR(sanctions refugees, 2) title:torture")
    assert [t.words for t in q.terms] == [
        ("near",),
        ("sanctions",),
        ("refugees",),
        ("2",),
        ("title",),
        ("torture",),
    ]


def test_short_prefix_is_a_word_and_unclosed_quote_runs_to_the_end() -> None:
    assert parse_query("un*").terms == [Term("word", ("un",))]
    assert parse_query('aid "humanitarian acc*').terms[1] == Term(
        "phrase", ("humanitarian", "acc"), prefix=True
    )


def test_related_forms() -> None:
    assert {"detention", "detainee"} <= set(related_forms("detain"))
    assert "detain" in related_forms("detention")
    assert "detain" in related_forms("detainees")
    assert related_forms("organisation") == ["organization"]
    assert related_forms("defense") == ["defence"]
    assert related_forms("commission") == []  # not "commit"
    assert related_forms("sanctions") == []
