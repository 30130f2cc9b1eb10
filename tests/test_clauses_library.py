"""ClauseLibrary over the starter library: search relevance, safety, filters, the cache."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftkit.clauses import Clause, ClauseLibrary
from draftkit.config import ProjectConfig
from draftkit.errors import ClauseError

STARTER = Path(__file__).resolve().parents[1] / "examples" / "clauses"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClauseLibrary]:
    cache = tmp_path_factory.mktemp("cache")
    with ClauseLibrary([STARTER], cache_dir=cache) as lib:
        yield lib


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A writable copy of the starter library."""
    target = tmp_path / "clauses"
    shutil.copytree(STARTER, target)
    return target


# -- the starter library ---------------------------------------------------------------


def test_starter_library_size_status_and_kinds(library: ClauseLibrary) -> None:
    clauses = library.all()
    assert len(clauses) >= 40
    status = Counter(c.status for c in clauses)
    assert status["vetted"] > len(clauses) * 0.8
    assert status["draft"] >= 2 and status["retired"] >= 1
    kinds = Counter(c.kind for c in clauses)
    assert kinds["ask"] >= 25
    for kind in ("opening", "context", "closing", "sign-off"):
        assert kinds[kind] >= 1, kind
    for clause in clauses:
        if clause.status == "vetted":
            assert clause.vetted_by == "Policy Committee" and clause.vetted_on is not None


def test_starter_library_covers_the_common_asks(library: ClauseLibrary) -> None:
    topics = {t for c in library.all() for t in c.topics}
    for topic in (
        "security-council",
        "human-rights-council",
        "envoys",
        "accountability",
        "international-justice",
        "sanctions",
        "humanitarian-exemptions",
        "humanitarian",
        "refugees",
        "non-refoulement",
        "information",
        "political-prisoners",
        "monitors",
        "meetings",
        "coalition",
    ):
        assert topic in topics, topic


def test_starter_library_declares_its_variables_with_examples(library: ClauseLibrary) -> None:
    audiences = {"us-executive", "us-congress", "un", "eu", "foreign-government"}
    seen_variants: set[str] = set()
    for clause in library.all():
        assert not clause.undeclared_variables(), clause.id
        for name, spec in clause.variables.items():
            assert spec.description and spec.example, f"{clause.id}: {name}"
        assert set(clause.variants) <= audiences, clause.id
        assert set(clause.audiences) <= audiences, clause.id
        seen_variants |= set(clause.variants)
    assert seen_variants == audiences


def test_starter_library_is_not_copied_from_the_corpus(
    library: ClauseLibrary, corpus_dir: Path
) -> None:
    from draftkit.clauses.similarity import fingerprint

    def runs(text: str, n: int = 8) -> set[tuple[str, ...]]:
        words = fingerprint(text).words
        return {words[i : i + n] for i in range(len(words) - n + 1)}

    corpus = runs(" ".join(p.read_text(encoding="utf-8") for p in corpus_dir.glob("*.txt")))
    for clause in library.all():
        shared = runs(clause.all_text()) & corpus
        assert not shared, f"{clause.id} shares eight-word runs with the corpus: {shared}"


# -- search ----------------------------------------------------------------------------

RELEVANCE = {
    "put the country on the security council agenda": "ask.un-security-council-agenda",
    "informal council meeting where victims testify": "ask.arria-formula-meeting",
    "name a special envoy for the country": "ask.appoint-special-envoy",
    "include the envoy in negotiations and interagency meetings": "ask.empower-special-envoy",
    "refer the situation to the international criminal court": "ask.icc-referral",
    "fund the UN mechanism collecting evidence": "ask.support-investigative-mechanism",
    "magnitsky asset freezes and visa bans for abusers": "ask.targeted-sanctions",
    "sanctions blocking delivery of medicine and aid": "ask.humanitarian-exemptions",
    "banks refusing humanitarian payments": "ask.clarify-to-banks",
    "let relief agencies reach people in need": "ask.humanitarian-access",
    "make sure aid reaches the intended people with monitoring": "ask.aid-monitoring",
    "stop deporting refugees back": "ask.non-refoulement",
    "radio broadcasts and independent news for the population": "ask.access-to-information",
    "free all political prisoners": "ask.release-political-prisoners",
    "let the special rapporteur visit the country": "ask.access-special-rapporteur",
    "UN human rights office presence in the region": "ask.ohchr-field-presence",
    "ask for a meeting with their staff": "ask.meeting-request",
    "coalition of organisations writing together": "opening.coalition",
    "crimes against humanity finding by the commission": "context.crimes-against-humanity-finding",
    "journalists in prison": "ask.protect-journalists",
    "censorship circumvention and internet shutdowns": "ask.internet-freedom",
    "red cross visits to detainees and medical care": "ask.detention-conditions",
    "resettle refugees": "ask.refugee-resettlement",
    "special session of the human rights council": "ask.hrc-special-session",
    "raise the crisis at the security council": "ask.un-security-council-agenda",
    "send the case to the hague": "ask.icc-referral",
    "war crimes prosecutions in national courts": "ask.universal-jurisdiction",
    "freeze assets of officials responsible": "ask.targeted-sanctions",
    "work with allies on joint sanctions packages": "ask.coordinate-sanctions-allies",
    "humanitarian carve-outs from sanctions": "ask.humanitarian-exemptions",
    "aid convoys blocked at checkpoints": "context.humanitarian-emergency",
    "visas for aid workers": "ask.humanitarian-access",
    "forced repatriation of asylum seekers": "ask.non-refoulement",
    "TPS designation": "ask.temporary-protected-status",
    "voice of america radio free asia funding": "ask.access-to-information",
    "jailed activists must be freed": "ask.release-political-prisoners",
    "release a specific detained person": "ask.release-named-prisoner",
    "icrc access to prisons": "ask.detention-conditions",
    "standing invitation to special procedures": "ask.access-special-rapporteur",
    "vacant envoy position": "ask.appoint-special-envoy",
    "tie sanctions relief to human rights progress": "ask.rights-in-negotiations",
    "human rights in nuclear talks": "ask.rights-in-negotiations",
    "third committee resolution": "ask.general-assembly-resolution",
    "independent investigation commission": "ask.commission-of-inquiry",
    "preserve documentation for trials": "ask.preserve-evidence",
    "attacks on hospitals and aid staff": "ask.protect-aid-workers",
    "keep border crossings open for aid": "ask.cross-border-aid",
    "we look forward to your response": "closing.thanks-single-organization",
    "signed in personal capacity": "opening.individual-experts",
    "follow up to our previous letter": "opening.follow-up",
    "crackdown on civil society and ngo funding laws": "context.closing-civic-space",
    "arrests before the election": "context.election-period",
    "surveillance technology exports": "ask.internet-freedom",
}


@pytest.mark.parametrize(("query", "expected"), sorted(RELEVANCE.items()))
def test_paraphrased_queries_find_the_clause_in_the_top_three(
    library: ClauseLibrary, query: str, expected: str
) -> None:
    ids = [hit.clause.id for hit in library.search(query, limit=3)]
    assert expected in ids, f"{query!r} -> {ids}"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "NEAR(",
        "*",
        "OR",
        "AND NOT",
        "'; DROP TABLE clauses; --",
        "",
        "   ",
        "_",
        "sanctions*",
        '"unbalanced quote sanctions',
        "NEAR(sanctions refugees, 2)",
        "title:sanctions",
        "^sanctions",
        "sanctions)",
        "{{ country }}",
        "\x00\x01",
        "ü ß 北朝鮮",
        "a" * 5000,
        " ".join(["word"] * 500),
    ],
)
def test_hostile_queries_never_crash(library: ClauseLibrary, query: str) -> None:
    hits = library.search(query)
    assert isinstance(hits, list)
    assert len(library) >= 40  # the index is intact


def test_operator_words_are_searched_as_words(library: ClauseLibrary) -> None:
    hits = library.search("NEAR(sanctions refugees, 2)", limit=20)
    ids = {h.clause.id for h in hits}
    assert "ask.targeted-sanctions" in ids and "ask.non-refoulement" in ids
    assert isinstance(library.search("'; DROP TABLE clauses; --"), list)
    assert len(library.all()) >= 40


def test_snippets_highlight_the_matched_words(library: ClauseLibrary) -> None:
    hit = library.search("humanitarian access", limit=1)[0]
    assert hit.clause.id == "ask.humanitarian-access"
    assert "[humanitarian]" in hit.snippet and "[access]" in hit.snippet
    assert "\n" not in hit.snippet
    assert hit.score > 0


def test_filters(library: ClauseLibrary) -> None:
    asks = library.search("refugees", kind="ask", limit=50)
    assert asks and all(h.clause.kind == "ask" for h in asks)
    tagged = library.search("sanctions", tags=["humanitarian-exemptions"], limit=50)
    assert {h.clause.id for h in tagged} == {"ask.humanitarian-exemptions", "ask.clarify-to-banks"}
    retired = library.search("sanctions", status="retired")
    assert [h.clause.id for h in retired] == ["ask.sectoral-sanctions"]
    congress = library.search("refugees protection", audience="us-congress", limit=50)
    ids = {h.clause.id for h in congress}
    assert "ask.temporary-protected-status" in ids  # lists us-congress
    assert "ask.non-refoulement" in ids  # lists no audience: suits any
    assert library.search("envoy", audience="un", limit=50)  # any-audience clauses remain
    assert "ask.appoint-special-envoy" not in {
        h.clause.id for h in library.search("envoy", audience="un", limit=50)
    }
    assert library.search("sanctions", limit=2) and len(library.search("sanctions", limit=2)) == 2


def test_select_and_get(library: ClauseLibrary) -> None:
    drafts = library.select(status="draft")
    assert drafts and all(c.status == "draft" for c in drafts)
    openings = library.select(kind="opening", tags=["coalition"])
    assert [c.id for c in openings] == ["opening.coalition"]
    clause = library.get("ask.targeted-sanctions")
    assert clause.source_file == STARTER.resolve() / "sanctions.yaml"
    assert clause.line == 4
    assert "ask.targeted-sanctions" in library and "nope" not in library


def test_unknown_id_suggests_close_ids(library: ClauseLibrary) -> None:
    with pytest.raises(ClauseError) as info:
        library.get("ask.targetted-sanctions")
    assert "unknown clause id 'ask.targetted-sanctions'" in str(info.value)
    assert "did you mean 'ask.targeted-sanctions'" in str(info.value)


def test_from_config(tmp_path: Path) -> None:
    config = ProjectConfig(root=tmp_path, clauses=[STARTER], cache_dir=tmp_path / "c")
    with ClauseLibrary.from_config(config) as lib:
        assert lib.get("ask.icc-referral").kind == "ask"
    assert list((tmp_path / "c").glob("clauses-*.sqlite3"))
    with pytest.raises(ClauseError, match="no clause library"):
        ClauseLibrary.from_config(ProjectConfig(root=tmp_path))


def test_one_folder_may_be_given_as_a_string_or_path(tmp_path: Path) -> None:
    for folder in (str(STARTER), STARTER):
        lib = ClauseLibrary(folder, cache_dir=tmp_path / "c")
        assert lib.folders == [STARTER.resolve()]
        with lib:
            assert lib.get("ask.icc-referral").kind == "ask"


# -- the cache -------------------------------------------------------------------------


def test_deleted_cache_is_rebuilt(copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with ClauseLibrary([copy], cache_dir=cache) as lib:
        assert lib.search("refugees")
    shutil.rmtree(cache)
    with ClauseLibrary([copy], cache_dir=cache) as lib:
        assert lib.search("refugees")
    assert lib.index_path.is_file()


def test_corrupt_cache_is_rebuilt(copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with ClauseLibrary([copy], cache_dir=cache) as lib:
        path = lib.index_path
    path.write_bytes(b"this is not a database" * 100)
    with ClauseLibrary([copy], cache_dir=cache) as lib:
        assert lib.get("ask.icc-referral")


def test_edited_file_refreshes_the_index(copy: Path, tmp_path: Path) -> None:
    with ClauseLibrary([copy], cache_dir=tmp_path / "cache", refresh_interval=0) as lib:
        assert not lib.search("zeppelin")
        path = copy / "meetings.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text.replace("to discuss these recommendations.", "aboard a zeppelin."),
            encoding="utf-8",
        )
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
        assert [h.clause.id for h in lib.search("zeppelin")] == ["ask.meeting-request"]
        (copy / "extra.yaml").write_text(
            "clauses:\n  - id: closing.extra\n    kind: closing\n    title: Extra\n"
            "    text: A closing about a zeppelin.\n",
            encoding="utf-8",
        )
        assert "closing.extra" in {h.clause.id for h in lib.search("zeppelin")}
        (copy / "extra.yaml").unlink()
        assert "closing.extra" not in lib


def test_broken_file_is_reported_not_cached(copy: Path, tmp_path: Path) -> None:
    with ClauseLibrary([copy], cache_dir=tmp_path / "cache", refresh_interval=0) as lib:
        assert lib.search("refugees")
        (copy / "broken.yaml").write_text("clauses:\n  - id: x\n    kind: nope\n", encoding="utf-8")
        with pytest.raises(ClauseError, match=r"broken\.yaml:3"):
            lib.search("refugees")


def test_unwritable_cache_falls_back_to_memory(copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with ClauseLibrary([copy], cache_dir=blocker / "cache") as lib:
        assert lib.search("refugees")


def _build_and_search(args: tuple[str, str]) -> tuple[int, list[str]]:
    folder, cache = args
    with ClauseLibrary([folder], cache_dir=cache) as lib:
        lib.reindex()
        count = len(lib)
        ids = [h.clause.id for h in lib.search("humanitarian access")]
    return count, ids


def test_two_processes_building_at_once_do_not_corrupt(copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        results = pool.map(_build_and_search, [(str(copy), str(cache))] * 8)
    assert len({(count, tuple(ids)) for count, ids in results}) == 1
    with ClauseLibrary([copy], cache_dir=cache) as lib:
        conn = sqlite3.connect(lib.index_path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
        assert len(lib) == results[0][0]
    assert not list(cache.glob("*.tmp"))


# -- editing ---------------------------------------------------------------------------


def test_vet_and_retire_edit_the_file_in_place(copy: Path, tmp_path: Path) -> None:
    path = copy / "humanitarian.yaml"
    before = path.read_text(encoding="utf-8")
    with ClauseLibrary([copy], cache_dir=tmp_path / "cache") as lib:
        clause = lib.vet("ask.protect-aid-workers", "Policy Committee", on=None)
        assert clause.status == "vetted" and clause.vetted_by == "Policy Committee"
        assert lib.search("aid workers", status="vetted")[0].clause.id == "ask.protect-aid-workers"
        retired = lib.retire("ask.cross-border-aid", "Routes have changed")
        assert retired.status == "retired" and retired.retired_reason == "Routes have changed"
        with pytest.raises(ClauseError, match="say why"):
            lib.retire("ask.aid-monitoring", " ")
        with pytest.raises(ClauseError, match="unknown clause id"):
            lib.vet("ask.nope", "X")
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# Asks about humanitarian access")
    # untouched clauses keep their exact text
    block = before[
        before.index("  - id: ask.aid-monitoring") : before.index("  - id: ask.cross-border-aid")
    ]
    assert block in after
    assert after.count("- id:") == before.count("- id:")


def test_add_appends_and_refuses_duplicates(copy: Path, tmp_path: Path) -> None:
    with ClauseLibrary([copy], cache_dir=tmp_path / "cache") as lib:
        added = lib.add(
            {
                "id": "ask.new-thing",
                "kind": "ask",
                "title": "A new thing",
                "lead": "Do a new thing about zeppelins.",
                "topics": ["sanctions"],
            }
        )
        assert added.source_file == (copy / "sanctions.yaml").resolve()
        assert lib.search("zeppelins")[0].clause.id == "ask.new-thing"
        with pytest.raises(ClauseError, match=r"already used at .*sanctions\.yaml"):
            lib.add(added)
        with pytest.raises(ClauseError, match="outside the clause library"):
            lib.add(added.model_copy(update={"id": "ask.other"}), to=tmp_path / "x.yaml")
        other = lib.add(added.model_copy(update={"id": "ask.other"}), to=copy / "new" / "f.yaml")
        assert other.line == 2


def test_large_library_strategies_stay_relevant_and_safe(
    copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The champion-list path of large libraries, forced on the starter library."""
    from draftkit.clauses import index, ranking

    monkeypatch.setattr(index, "CHAMPION_DF", 3)
    monkeypatch.setattr(ranking, "EXACT_BUDGET", 3)
    with ClauseLibrary([copy], cache_dir=tmp_path / "cache") as lib:
        hits = lib.search("humanitarian access", limit=3)
        assert hits[0].clause.id == "ask.humanitarian-access"
        assert "[" in hits[0].snippet
        hits = lib.search("the council", limit=5, kind="ask")
        assert hits and all(h.clause.kind == "ask" for h in hits)
        assert lib.search("rapporteur", limit=1)[0].clause.id == "ask.access-special-rapporteur"
        for query in ('"', "NEAR(", "*", "OR", "'; DROP TABLE clauses; --", ""):
            assert isinstance(lib.search(query, audience="un", tags=["sanctions"]), list)
        # the same ranking as scoring every clause, for a word with a champion list
        forced = [h.clause.id for h in lib.search("human", limit=5)]
        monkeypatch.setattr(ranking, "EXACT_BUDGET", 10**9)
        assert [h.clause.id for h in lib.search("human", limit=5)] == forced


def test_parallel_parsing_gives_the_same_library(
    copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from draftkit.clauses import library as library_module

    serial = ClauseLibrary([copy], cache_dir=tmp_path / "a").load()
    monkeypatch.setattr(library_module, "PARALLEL_BYTES", 1)
    monkeypatch.setattr(library_module.os, "cpu_count", lambda: 2)
    parallel = ClauseLibrary([copy], cache_dir=tmp_path / "b").load()
    assert [(c.id, c.line, c.version) for c in parallel] == [
        (c.id, c.line, c.version) for c in serial
    ]
    (copy / "zz-broken.yaml").write_text("clauses:\n  - id: x\n    kind: nope\n", encoding="utf-8")
    with pytest.raises(ClauseError, match=r"zz-broken\.yaml:3") as info:
        ClauseLibrary([copy], cache_dir=tmp_path / "c").load()
    assert info.value.line == 3 and info.value.path == str(copy / "zz-broken.yaml")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=60))
def test_any_text_is_a_safe_query(library: ClauseLibrary, query: str) -> None:
    assert isinstance(library.search(query, limit=3), list)


def test_abandoned_temporary_builds_are_removed(copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with ClauseLibrary([copy], cache_dir=cache) as lib:
        name = lib.index_path.name
    stale = cache / f".{name}.abc.tmp"
    fresh = cache / f".{name}.def.tmp"
    stale.write_bytes(b"partial")
    fresh.write_bytes(b"in progress")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    with ClauseLibrary([copy], cache_dir=cache) as lib:
        lib.reindex()
    assert not stale.exists() and fresh.exists()


def test_edits_keep_windows_line_endings(copy: Path, tmp_path: Path) -> None:
    path = copy / "meetings.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    with ClauseLibrary([copy], cache_dir=tmp_path / "cache") as lib:
        lib.retire("ask.meeting-request", "Testing line endings")
        assert lib.get("ask.meeting-request").status == "retired"
    data = path.read_bytes()
    assert b"retired_reason: Testing line endings\r\n" in data
    assert data.count(b"\n") == data.count(b"\r\n")


def test_changed_files_update_the_index_incrementally(
    copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from draftkit.clauses import library as library_module

    cache = tmp_path / "cache"
    with ClauseLibrary([copy], cache_dir=cache, refresh_interval=0) as lib:
        assert len(lib) >= 40
        read: list[str] = []
        original = library_module.read_clause_file

        def counting(path: Path) -> list[Clause]:
            read.append(path.name)
            return original(path)

        monkeypatch.setattr(library_module, "read_clause_file", counting)
        lib.retire("ask.aid-monitoring", "Testing incremental updates")
        (copy / "new-topic.yaml").write_text(
            "clauses:\n  - id: closing.brand-new\n    kind: closing\n    title: New\n"
            "    text: A brand new closing about zeppelins.\n",
            encoding="utf-8",
        )
        (copy / "envoys.yaml").unlink()
        assert lib.search("zeppelins")[0].clause.id == "closing.brand-new"
        assert read == ["humanitarian.yaml", "new-topic.yaml"]
        assert "ask.appoint-special-envoy" not in lib
        incremental = [(c.id, c.line, c.version, c.status) for c in lib.all()]
        hits = [h.clause.id for h in lib.search("humanitarian aid monitoring", limit=5)]
    with ClauseLibrary([copy], cache_dir=tmp_path / "full") as full:
        assert [(c.id, c.line, c.version, c.status) for c in full.all()] == incremental
        assert [h.clause.id for h in full.search("humanitarian aid monitoring", limit=5)] == hits


def test_incremental_update_reports_duplicate_ids(copy: Path, tmp_path: Path) -> None:
    with ClauseLibrary([copy], cache_dir=tmp_path / "cache", refresh_interval=0) as lib:
        assert lib.search("refugees")
        path = copy / "meetings.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "id: ask.meeting-request", "id: ask.icc-referral"
            ),
            encoding="utf-8",
        )
        with pytest.raises(ClauseError) as info:
            lib.search("refugees")
    message = str(info.value)
    assert "duplicate clause id 'ask.icc-referral'" in message
    assert "meetings.yaml" in message and "accountability.yaml" in message


def _retire(args: tuple[str, str, str]) -> str:
    folder, cache, clause_id = args
    with ClauseLibrary([folder], cache_dir=cache) as lib:
        return lib.retire(clause_id, f"retired by {os.getpid()}").status


def test_concurrent_edits_of_one_file_all_survive(copy: Path, tmp_path: Path) -> None:
    ids = ["ask.targeted-sanctions", "ask.coordinate-sanctions-allies"]
    ids += ["ask.humanitarian-exemptions", "ask.clarify-to-banks"]
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        statuses = pool.map(_retire, [(str(copy), str(tmp_path / "cache"), i) for i in ids])
    assert statuses == ["retired"] * 4
    with ClauseLibrary([copy], cache_dir=tmp_path / "cache") as lib:
        assert all(lib.get(i).status == "retired" for i in ids)
        assert lib.get("ask.sectoral-sanctions").status == "retired"
