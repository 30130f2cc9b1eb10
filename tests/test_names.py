"""Personal names: titles, particles, suffixes and the surname (draftkit.names)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from draftkit import names
from draftkit.errors import ProtocolError
from draftkit.ingest import names as ingest_names
from draftkit.names import split_leading_title, strip_degrees, surname_of


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Antony J. Blinken", "Blinken"),
        ("John F. Kerry", "Kerry"),
        ("Joseph R. Biden Jr.", "Biden"),
        ("Joseph R. Biden, Jr.", "Biden"),
        ("Martin Luther King III", "King"),
        ("Ursula von der Leyen", "von der Leyen"),
        ("Ursula Maria de la Cruz", "de la Cruz"),
        ("Chris Van Hollen", "Van Hollen"),
        ("Ben Ray Luján", "Luján"),
        ("Dr. Jane Roe", "Roe"),
        ("The Honorable Jeanne Shaheen", "Shaheen"),
        ("H.E. Jordan Q. Avery", "Avery"),
        ("Jane Roe, Ph.D.", "Roe"),
        ("Alexandria Ocasio-Cortez", "Ocasio-Cortez"),
        ("CHO Hyun-dong", "Cho"),
        ("Linda THOMAS-GREENFIELD", "Thomas-Greenfield"),
        ("JD Vance", "Vance"),
        ("Madonna", "Madonna"),
        ("  Jordan   Q.  Avery ", "Avery"),
    ],
)
def test_surname_of(name: str, surname: str) -> None:
    assert surname_of(name) == surname


_NOT_NAMES = names.SUFFIXES | names.PARTICLES | set(names._LEADING_TITLES)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True), min_size=1, max_size=4))
def test_surname_of_plain_names_is_the_last_word(words: list[str]) -> None:
    assume(not any(word.lower() in _NOT_NAMES for word in words))
    assert surname_of(" ".join(words)) == words[-1]
    assert surname_of(" ".join(words) + ", Jr.") == words[-1]
    assert surname_of("Dr. " + " ".join(words)) == words[-1]


def test_surname_of_empty_name_raises() -> None:
    with pytest.raises(ProtocolError, match="cannot find a surname"):
        surname_of("Dr.")


@pytest.mark.parametrize(
    ("name", "academic", "rest"),
    [
        ("Dr. Jane Roe", "Dr.", "Jane Roe"),
        ("The Honorable Dr. Jane Roe", "Dr.", "Jane Roe"),
        ("Prof. Ana Sousa", "Professor", "Ana Sousa"),
        ("Ms.   Ana   Sousa", None, "Ana Sousa"),
        ("Drew Barry", None, "Drew Barry"),  # "Dr" only as a whole word
    ],
)
def test_split_leading_title(name: str, academic: str | None, rest: str) -> None:
    assert split_leading_title(name) == (academic, rest)


def test_strip_degrees_keeps_generational_suffixes() -> None:
    assert strip_degrees("Jane Roe, Ph.D.") == "Jane Roe"
    assert strip_degrees("Jane Roe, MD") == "Jane Roe"
    assert strip_degrees("John Roe, Jr.") == "John Roe, Jr."


def test_ingest_reads_particles_from_the_shared_table() -> None:
    # ingest knows a few more connectors ("y", "och") for telling name lines apart,
    # but every particle the salutation knows is one ingest knows too.
    assert names.PARTICLES <= ingest_names._PARTICLES
    assert ingest_names.is_person_name("Ursula von der Leyen")
