"""Clause search at scale: the four failures of issue #16, tiers, champion lists, snippets.

The library here has 8,000 clauses — above the size where the old search changed
strategy (5,000) and with a word in more clauses than CHAMPION_DF, so the champion-list
path is the one exercised. Its text is made from a fixed vocabulary with a few planted
words whose counts the tests know.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from draftkit.clauses import Clause, ClauseLibrary, index, ranking
from draftkit.errors import ClauseError

CLAUSES = 8000
FILES = 20

_FILLER = [
    "government",
    "authorities",
    "council",
    "members",
    "report",
    "states",
    "officials",
    "people",
    "country",
    "international",
    "support",
    "call",
    "ensure",
    "urge",
    "continue",
    "work",
    "region",
    "situation",
    "measures",
    "concern",
    "committee",
    "office",
    "public",
    "policy",
    "process",
    "action",
    "statement",
    "mission",
    "program",
    "funding",
    "rights",
    "communities",
    "family",
    "children",
    "women",
    "leaders",
    "community",
    "response",
    "system",
    "security",
    "law",
    "court",
    "history",
    "economy",
    "meeting",
    "network",
    "partners",
    "regional",
    "national",
    "local",
    "year",
    "month",
    "week",
    "budget",
    "agency",
    "review",
    "study",
    "data",
    "analysis",
    "visit",
    "discussion",
    "progress",
    "plan",
    "strategy",
    "framework",
]


def _sentence(rng: random.Random, words: list[str], n: int) -> str:
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def _write_library(folder: Path) -> dict[str, set[int]]:
    """Write the library; return which clause numbers hold each planted feature."""
    rng = random.Random(16)
    planted: dict[str, set[int]] = {
        "employer": set(),
        "sanctions": set(),
        "torture": set(),
        "both": set(),
        "phrase": set(),
        "split": set(),
        "detention": set(),
    }
    per_file = CLAUSES // FILES
    for f in range(FILES):
        out = [f"topic: area-{f}", "clauses:"]
        for i in range(per_file):
            n = f * per_file + i
            body = [_sentence(rng, _FILLER, rng.randint(8, 14)) for _ in range(3)]
            if n % 16 < 9:  # "employer" in the body of 4,500 clauses, never in a title
                body[1] = body[1][:-1] + " with the employer."
                planted["employer"].add(n)
            if n % 23 == 0:
                body[0] = "Targeted sanctions " + body[0][0].lower() + body[0][1:]
                planted["sanctions"].add(n)
            if n % 29 == 0:
                body[2] = body[2][:-1] + " after reports of torture."
                planted["torture"].add(n)
            if n % 23 == 0 and n % 29 == 0:
                planted["both"].add(n)
            if n % 211 == 0:
                body[1] = "Press for humanitarian access to every district. " + body[1]
                planted["phrase"].add(n)
            elif n % 97 == 0:
                body[1] = "Access for monitors is humanitarian in purpose. " + body[1]
                planted["split"].add(n)
            if n % 401 == 0:
                body[0] = "Arbitrary detention continues. " + body[0]
                planted["detention"].add(n)
            kind = "ask" if n % 2 else "context"
            title = _sentence(rng, _FILLER, 5)[:-1]
            out.append(f"  - id: {kind}.gen-{n}")
            out.append(f"    kind: {kind}")
            out.append(f"    title: {title}")
            field = "body" if kind == "ask" else "text"
            if kind == "ask":
                out.append(f"    lead: {_sentence(rng, _FILLER, 6)}")
            out.append(f"    {field}: >-")
            out.append(f"      {' '.join(body)}")
            out.append(f"    topics: [area-{f % 5}]")
            out.append("    status: " + ("draft" if n % 10 == 0 else "vetted"))
            if n % 10:
                out += ["    vetted_by: Policy Committee", "    vetted_on: 2026-01-15"]
        (folder / f"area-{f:02d}.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    return planted


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ClauseLibrary, dict]]:
    root = tmp_path_factory.mktemp("big")
    folder = root / "clauses"
    folder.mkdir()
    planted = _write_library(folder)
    with ClauseLibrary([folder], cache_dir=root / "cache") as lib:
        assert len(lib) == CLAUSES
        yield lib, planted


def _number(clause_id: str) -> int:
    return int(clause_id.rsplit("-", 1)[1])


def _wording(clause: Clause) -> str:
    return " ".join(t for t in (clause.lead, clause.body, clause.text) if t)


def _all_text(clause: Clause) -> str:
    return f"{clause.id} {clause.title} {_wording(clause)} {' '.join(clause.topics)}"


def _plain(snippet: str) -> str:
    return snippet.replace("[", "").replace("]", "").replace("… ", "").replace(" …", "")


# -- the four failures of issue #16 ------------------------------------------------------


def test_a_word_no_clause_contains_does_not_empty_the_query(big: tuple) -> None:
    lib, planted = big
    # common words (each in thousands of clauses) beside a word in none
    assert len(lib.search("employer council", limit=50)) == 50
    hits = lib.search("employer council zeppelins", limit=50)
    assert len(hits) == 50, "one missing word emptied the whole query"
    assert all(
        "employer" in _wording(h.clause).lower() and "council" in _all_text(h.clause).lower()
        for h in hits
    )
    # with rarer words: the clauses with both words that occur come first, then either
    hits = lib.search("sanctions torture zeppelins", limit=50)
    found = [_number(h.clause.id) for h in hits]
    both = planted["both"]
    assert set(found[: len(both)]) == both
    assert all(n in planted["sanctions"] | planted["torture"] for n in found)


def test_a_common_word_found_only_in_body_text_is_found(big: tuple) -> None:
    lib, planted = big
    assert len(planted["employer"]) > index.CHAMPION_DF  # the common-word path
    hits = lib.search("employer", limit=20)
    assert len(hits) == 20
    assert all(_number(h.clause.id) in planted["employer"] for h in hits)
    assert all("[employer]" in h.snippet for h in hits)
    # ranked as BM25 over every matching clause would rank them (equal scores may
    # come in another order)
    assert [round(h.score, 3) for h in hits] == _exact_scores(lib, "employer", 20)
    # with another common word too, and with a filter
    hits = lib.search("employer government", limit=10, kind="ask")
    assert len(hits) == 10 and all(h.clause.kind == "ask" for h in hits)


def test_prefix_and_phrase_search(big: tuple) -> None:
    lib, planted = big
    hits = lib.search("sanct*", limit=500)
    assert {_number(h.clause.id) for h in hits} == planted["sanctions"]
    assert "[sanctions]" in hits[0].snippet
    hits = lib.search('"humanitarian access"', limit=500)
    assert {_number(h.clause.id) for h in hits} == planted["phrase"]
    assert all("[humanitarian access]" in h.snippet for h in hits)
    # unquoted, clauses with both words apart follow the phrase clauses
    hits = lib.search("humanitarian access", limit=500)
    numbers = [_number(h.clause.id) for h in hits]
    assert set(numbers) == planted["phrase"] | planted["split"]


def test_snippets_are_the_sentence_around_the_match(big: tuple) -> None:
    lib, _ = big
    for query in ("humanitarian access", "torture", "employer", '"arbitrary detention"'):
        for hit in lib.search(query, limit=5):
            wording = _wording(hit.clause)
            assert "[" in hit.snippet, (query, hit.snippet)
            assert _plain(hit.snippet) in wording, (query, hit.snippet)
            assert re.search(r"[.!?]$", _plain(hit.snippet)), hit.snippet  # a whole sentence


# -- the query language at scale -----------------------------------------------------------


def test_related_forms_and_stemming(big: tuple) -> None:
    lib, planted = big
    hits = lib.search("detain", limit=100)
    assert {_number(h.clause.id) for h in hits} == planted["detention"]
    assert "[detention]" in hits[0].snippet


def test_exclusion_and_field_filters_in_the_query(big: tuple) -> None:
    lib, planted = big
    hits = lib.search("sanctions -torture", limit=500)
    assert {_number(h.clause.id) for h in hits} == planted["sanctions"] - planted["torture"]
    hits = lib.search("sanctions kind:context status:draft", limit=500)
    assert len(hits) == 35
    assert all(h.clause.kind == "context" and h.clause.status == "draft" for h in hits)
    assert [h.clause.id for h in hits] == [
        h.clause.id for h in lib.search("sanctions", kind="context", status="draft", limit=500)
    ]
    hits = lib.search("torture topic:area-1", limit=500)
    assert hits and all(h.clause.topics == ["area-1"] for h in hits)
    # no words: the filtered clauses in file order
    listed = lib.search("kind:context status:draft", limit=3)
    assert [h.clause.id for h in listed] == ["context.gen-0", "context.gen-10", "context.gen-20"]


def test_unknown_filter_values_are_clear_errors(big: tuple) -> None:
    lib, _ = big
    with pytest.raises(ClauseError, match=r"unknown kind 'asks'.*kinds are opening"):
        lib.search("sanctions kind:asks")
    with pytest.raises(ClauseError, match="unknown status 'approved'"):
        lib.search("status:approved")


def test_champion_lists_cover_clauses_added_after_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "clauses"
    folder.mkdir()
    _write_library(folder)
    with ClauseLibrary([folder], cache_dir=tmp_path / "cache", refresh_interval=0) as lib:
        assert lib.search("employer", limit=1)[0].clause.id != "ask.employer-duties"
        (folder / "zz-new.yaml").write_text(
            "clauses:\n  - id: ask.employer-duties\n    kind: ask\n"
            "    title: Employer duties of the employer\n"
            "    lead: Every employer must respect the rights of workers.\n",
            encoding="utf-8",
        )
        hits = lib.search("employer", limit=3)
        assert hits[0].clause.id == "ask.employer-duties"
        assert hits[0].snippet == "Every [employer] must respect the rights of workers."


def _exact_scores(lib: ClauseLibrary, query: str, limit: int) -> list[float]:
    """The best scores when every matching clause is scored (no champion lists)."""
    saved = ranking.EXACT_BUDGET
    ranking.EXACT_BUDGET = 10**9
    try:
        return [round(h.score, 3) for h in lib.search(query, limit=limit)]
    finally:
        ranking.EXACT_BUDGET = saved


def _small_library(folder: Path, texts: dict[str, tuple[str, str]]) -> None:
    lines = ["clauses:"]
    for ident, (title, text) in texts.items():
        lines += [f"  - id: context.{ident}", "    kind: context", f"    title: {title}"]
        lines += [f"    text: {text}"]
    folder.mkdir()
    (folder / "c.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_more_of_the_words_rank_above_fewer(tmp_path: Path) -> None:
    texts = {f"sanctions-{n}": ("Sanctions sanctions", "Sanctions work.") for n in range(12)}
    texts["both"] = ("Accountability", "Sanctions on those who ordered torture.")
    texts["forces"] = ("Security forces", "The forces withdrew.")
    _small_library(tmp_path / "clauses", texts)
    with ClauseLibrary([tmp_path / "clauses"], cache_dir=tmp_path / "cache") as lib:
        ids = [h.clause.id for h in lib.search("sanctions torture forces", limit=14)]
    # no clause has all three: the one with two of them first, then single words
    assert ids[0] == "context.both"
    assert set(ids) == {f"context.{i}" for i in texts}


def test_a_prefix_the_stemmer_would_change_still_matches(tmp_path: Path) -> None:
    # the stemmer reads "analys" as "anali", but "analysis" is stored as "analysi"
    texts = {
        "analysis": ("Independent analysis", "An analysis of the satellite images."),
        "analyst": ("Analysts", "Two analysts reviewed it."),
        "other": ("Other", "Nothing here."),
    }
    _small_library(tmp_path / "clauses", texts)
    with ClauseLibrary([tmp_path / "clauses"], cache_dir=tmp_path / "cache") as lib:
        hits = {h.clause.id: h.snippet for h in lib.search("analys*")}
        assert set(hits) == {"context.analysis", "context.analyst"}
        assert hits["context.analysis"] == "An [analysis] of the satellite images."


def test_many_added_clauses_remake_the_champion_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index, "CHAMPION_DF", 4)
    monkeypatch.setattr(ranking, "EXACT_BUDGET", 4)
    texts = {f"water-{n}": ("Water", "Clean water for all.") for n in range(8)}
    _small_library(tmp_path / "clauses", texts)
    with ClauseLibrary([tmp_path / "clauses"], cache_dir=tmp_path / "cache") as lib:
        lib.refresh_interval = 0
        assert len(lib.search("water", limit=20)) == 8
        extra = "\n".join(
            f"  - id: context.new-{n}\n    kind: context\n    title: Water water water\n"
            f"    text: Water, water and more water for district {n}."
            for n in range(3)
        )
        (tmp_path / "clauses" / "more.yaml").write_text(f"clauses:\n{extra}\n", encoding="utf-8")
        ids = [h.clause.id for h in lib.search("water", limit=20)]
        assert len(ids) == 11 and set(ids[:3]) == {f"context.new-{n}" for n in range(3)}
        conn = lib._connection()
        top = conn.execute("SELECT value FROM meta WHERE key = 'champion_top'").fetchone()[0]
        assert int(top) == conn.execute("SELECT max(rowid) FROM clauses").fetchone()[0]
