"""Benchmark the clause library: index build time and search latency at 100,000 clauses.

Usage::

    python benchmarks/clauses.py [--clauses 100000] [--files 200] [--queries 1000]

Writes a synthetic library (YAML topic files, Zipf-distributed vocabulary, a mix of asks
and paragraphs with variants) into a temporary folder, then reports:

* the time to build the index from the files (parse + validate + FTS5), the target
  being at most 30 s for 100,000 clauses;
* the time to open an already-built index in a new library object;
* search latency over random 1-4 word queries, p50 and p95 (target p50 ≤ 5 ms), with
  and without filters;
* side by side, the alternative without an index: the clause texts held in memory and
  scanned for the query words on every search.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from draftkit.clauses import ClauseLibrary

_REAL = """sanctions refugees humanitarian access council security envoy accountability court
prisoners detention monitors rapporteur information media broadcasting asylum resettlement
investigation evidence torture famine aid exemptions banks licences negotiations elections
journalists internet censorship commission inquiry mandate"""
REAL_WORDS = _REAL.split()


_STOP = """the of and to in a that for on is with as by be are this we it from at or our their
its an which have has will should all not"""
STOP_WORDS = _STOP.split()


def vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    """Stop words first (the most frequent), then content words in random order."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = set(REAL_WORDS)
    while len(words) < size - len(STOP_WORDS):
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(3, 10))))
    content = sorted(words - set(STOP_WORDS))
    rng.shuffle(content)
    return STOP_WORDS + content


def zipf_weights(n: int) -> list[float]:
    return [1.0 / (rank + 1) for rank in range(n)]


def sentence(rng: random.Random, words: list[str], weights: list[float], n: int) -> str:
    chosen = rng.choices(words, cum_weights=weights, k=n)
    return " ".join(chosen).capitalize() + "."


def write_library(folder: Path, clauses: int, files: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = list(itertools.accumulate(zipf_weights(len(words))))
    per_file = clauses // files
    kinds = ["ask", "ask", "ask", "context", "opening", "closing"]
    for f in range(files):
        out = [f"# synthetic topic {f}", f"topic: topic-{f}", "clauses:"]
        for i in range(per_file):
            n = f * per_file + i
            kind = kinds[n % len(kinds)]
            title = sentence(rng, words, weights, rng.randint(4, 8)).rstrip(".")
            out.append(f"  - id: {kind}.synthetic-{n}")
            out.append(f"    kind: {kind}")
            out.append(f"    title: {title}")
            if kind == "ask":
                out.append(f"    lead: {sentence(rng, words, weights, rng.randint(6, 12))}")
                body = " ".join(sentence(rng, words, weights, rng.randint(8, 18)) for _ in range(3))
                out.append("    body: >-")
                out.append(f"      {body}")
            else:
                text = " ".join(sentence(rng, words, weights, rng.randint(8, 18)) for _ in range(4))
                out.append("    text: >-")
                out.append(f"      {text}")
            out.append(f"    topics: [topic-{f % 40}, {rng.choice(REAL_WORDS)}]")
            if n % 5 == 0:
                out.append("    audiences: [us-congress, un]")
                field = "lead" if kind == "ask" else "text"
                variant = sentence(rng, words, weights, 10)
                out.append(f"    variants:\n      un:\n        {field}: {variant}")
            if n % 10 == 0:
                out.append("    status: draft")
            else:
                out.append("    status: vetted")
                out.append("    vetted_by: Policy Committee")
                out.append("    vetted_on: 2026-01-15")
        (folder / f"topic-{f:03d}.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    return words


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--queries", type=int, default=1000)
    args = parser.parse_args()

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load is not None:
        print(f"{os.cpu_count()} CPUs; load average {load[0]:.1f} (timings suffer when busy)")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "clauses"
        folder.mkdir()
        started = time.perf_counter()
        words = write_library(folder, args.clauses, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(
            f"synthetic library: {args.clauses:,} clauses in {args.files} files "
            f"({size / 1e6:.1f} MB) written in {time.perf_counter() - started:.1f} s"
        )

        library = ClauseLibrary([folder], cache_dir=root / "cache")
        started = time.perf_counter()
        count = library.reindex()
        build = time.perf_counter() - started
        index_mb = library.index_path.stat().st_size / 1e6
        library.close()
        print(
            f"index build (parse + validate + FTS5): {build:.1f} s for {count:,} clauses "
            f"(target ≤ 30 s); index {index_mb:.0f} MB"
        )

        started = time.perf_counter()
        library = ClauseLibrary([folder], cache_dir=root / "cache")
        library.search("sanctions")
        opened = (time.perf_counter() - started) * 1000
        print(f"open an existing index + first search: {opened:.0f} ms")

        # one file edited: the index is updated in place of a full build
        edited = sorted(folder.glob("*.yaml"))[7]
        with edited.open("a", encoding="utf-8") as handle:
            handle.write(
                "  - id: closing.benchmark-edit\n    kind: closing\n    title: Edit\n"
                "    text: A clause added to one file of the library.\n"
            )
        library.refresh()
        started = time.perf_counter()
        library.search("sanctions")
        updated = time.perf_counter() - started
        print(f"one file changed -> incremental index update + search: {updated:.2f} s")

        rng = random.Random(11)
        content = words[len(STOP_WORDS) :]
        # typical queries: 1-4 content words (stop words mixed in) from the 4,000 most
        # frequent content words, uniformly, so frequent words are as likely as rare ones
        typical = [
            " ".join(
                rng.choice(content[:4000]) if rng.random() < 0.75 else rng.choice(STOP_WORDS)
                for _ in range(rng.randint(1, 4))
            )
            for _ in range(args.queries)
        ]
        # worst case: only the 30 most frequent content words (each in ~10-30% of clauses)
        common = [
            " ".join(rng.choice(content[:30]) for _ in range(rng.randint(1, 3)))
            for _ in range(args.queries // 4)
        ]
        for query in typical[:200]:  # warm the page cache, as a working session would
            library.search(query)
        for label, queries, filters in (
            ("search", typical, {}),
            ("search --kind ask --status vetted", typical, {"kind": "ask", "status": "vetted"}),
            (
                "search --audience un --tag topic-3",
                typical,
                {"audience": "un", "tags": ["topic-3"]},
            ),
            ("search, frequent words only", common, {}),
        ):
            timings: list[float] = []
            hits = 0
            for query in queries:
                started = time.perf_counter()
                found = library.search(query, limit=10, **filters)  # type: ignore[arg-type]
                timings.append((time.perf_counter() - started) * 1000)
                hits += len(found)
            print(
                f"{label}: p50 {percentile(timings, 0.5):.2f} ms, p95 "
                f"{percentile(timings, 0.95):.2f} ms, mean {statistics.mean(timings):.2f} ms "
                f"over {len(queries)} queries ({hits / len(queries):.1f} hits each)"
            )
            if label == "search":
                indexed_p50 = percentile(timings, 0.5)
        library.close()

        # the alternative, side by side: no index - every clause text held in memory and
        # scanned for the query words on each search (what grep or Ctrl-F over the files
        # amounts to), ranked by how often the words occur
        started = time.perf_counter()
        texts = scan_texts(folder)
        loaded = time.perf_counter() - started
        timings = []
        for query in typical[: max(1, args.queries // 10)]:
            started = time.perf_counter()
            scan_search(texts, query)
            timings.append((time.perf_counter() - started) * 1000)
        scan_p50 = percentile(timings, 0.5)
        print(
            f"alternative, no index (files parsed into memory in {loaded:.1f} s, then a linear"
            f" scan per search): p50 {scan_p50:.1f} ms over {len(timings)} queries"
            f" -> the index is {scan_p50 / indexed_p50:.0f}x faster per search"
        )


def scan_texts(folder: Path) -> list[str]:
    """Every clause's words, lower-cased, read straight from the YAML files."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    texts = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        for clause in data.get("clauses", []):
            parts = [str(clause.get(key) or "") for key in ("title", "lead", "body", "text")]
            texts.append(" ".join(parts).lower())
    return texts


def scan_search(texts: list[str], query: str, limit: int = 10) -> list[int]:
    """Rank clauses by occurrences of the query's words (stop words kept, as grep would)."""
    terms = query.lower().split()
    scored = []
    for index, text in enumerate(texts):
        score = sum(text.count(term) for term in terms)
        if score:
            scored.append((score, index))
    scored.sort(reverse=True)
    return [index for _, index in scored[:limit]]


if __name__ == "__main__":
    main()
