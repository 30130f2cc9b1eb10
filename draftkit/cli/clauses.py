"""``draftkit clauses``: search, show, list, add, vet, retire, reindex and harvest clauses."""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from draftkit.clauses import CLAUSE_KINDS, Clause, ClauseLibrary, SourceInfo
from draftkit.clauses.store import (
    MAX_CLAUSE_FILE_BYTES,
    dump_clause,
    parse_clause_text,
    read_clause_file,
)
from draftkit.cli._common import InputPath, echo, echo_error, output_options, run_guarded
from draftkit.cli.completion import complete_clause_ids
from draftkit.config import default_cache_dir, find_config, load_config
from draftkit.errors import ClauseError, DraftkitError
from draftkit.files import load_letter
from draftkit.ingest import ingest_file
from draftkit.schema import Letter

F = TypeVar("F", bound=Callable[..., Any])

STATUSES = ("draft", "vetted", "retired")
SPEC_SUFFIXES = (".yaml", ".yml", ".json")


def library_options(func: F) -> F:
    """Add ``--library`` (repeatable) and ``--cache-dir`` to a command."""
    func = click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        help="Where the search index lives (default: draftkit.yaml's cache_dir).",
    )(func)
    func = click.option(
        "--library",
        "libraries",
        multiple=True,
        type=InputPath(),
        help="A clause library folder (repeatable; default: draftkit.yaml's 'clauses').",
    )(func)
    return func


def open_library(libraries: tuple[Path, ...], cache_dir: Path | None) -> ClauseLibrary:
    """The library named on the command line, else the project's."""

    if libraries:
        if cache_dir is None:
            cache_dir = load_config().resolved_cache_dir() if find_config() else default_cache_dir()
        return ClauseLibrary(libraries, cache_dir=cache_dir)
    config = load_config()
    if cache_dir is not None:
        config.cache_dir = cache_dir
    return ClauseLibrary.from_config(config)


def _where(clause: Clause) -> str:
    try:
        shown = clause.source_file.resolve().relative_to(Path.cwd())
    except ValueError:
        shown = clause.source_file
    return f"{shown}:{clause.line}"


def _summary(clause: Clause) -> dict[str, Any]:
    return {
        "id": clause.id,
        "kind": clause.kind,
        "title": clause.title,
        "status": clause.status,
        "version": clause.version,
        "topics": clause.topics,
        "audiences": clause.audiences,
        "variants": sorted(clause.variants),
        "file": str(clause.source_file),
        "line": clause.line,
    }


def _format_option(func: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help="Output format.",
    )(func)


@click.group()
def clauses() -> None:
    """Search and maintain the clause library (vetted letter language).

    Clauses live in YAML files under the folders named by `clauses:` in draftkit.yaml
    (or --library DIR); a search index is kept in the cache folder and rebuilt when the
    files change.
    """


@clauses.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--kind", type=click.Choice(CLAUSE_KINDS), help="Only clauses of this kind.")
@click.option("--tag", "tags", multiple=True, help="Only clauses with this topic (repeatable).")
@click.option("--audience", help="Only clauses suiting this audience (e.g. us-congress).")
@click.option("--status", type=click.Choice(STATUSES), help="Only clauses with this status.")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option(
    "--language",
    type=click.Choice(["en", "fr", "es", "ar"]),
    help="Only clauses worded in this language.",
)
@_format_option
@library_options
@output_options
@run_guarded
def search(
    query: tuple[str, ...],
    kind: str | None,
    tags: tuple[str, ...],
    audience: str | None,
    status: str | None,
    limit: int,
    language: str | None,
    fmt: str,
    libraries: tuple[Path, ...],
    cache_dir: Path | None,
) -> None:
    """Find clauses by words, best first, with the matching sentence.

    \b
    QUERY is words, and optionally:
      "safe passage"    a phrase: these words next to each other
      sanct*            a prefix: sanction, sanctions, sanctioned ...
      -retired          leave out clauses containing a word (or a "-phrase");
                        not first (or after --: search -- -retired aid)
      kind:ask          a filter, like --kind (also status:, audience:, topic:)

    \b
    Clauses containing every word rank first; below them come clauses containing
    some of the words, more of them first, so a query is never empty while one of
    its words occurs.
    Ranking is BM25 over title, lead and text (a word in the title or lead counts
    more). Words match their inflections and related forms ("detain" finds
    "detained" and "detention"; "organization" finds "organisation"); a quoted
    word matches only its inflections. Common words such as "the" are ignored
    outside phrases. The snippet is the sentence holding the best match, the
    matched words in [brackets].

    \b
    Examples:
      draftkit clauses search humanitarian access
      draftkit clauses search '"humanitarian access"' kind:ask status:vetted
      draftkit clauses search 'sanct* -sectoral' --audience eu
      draftkit clauses search 'detain journalists topic:information'
      draftkit clauses search kind:closing      (no words: every closing, in file order)
      draftkit clauses search libération --language fr

    Other punctuation and operator-like text (NEAR(, OR, title:) is searched as
    plain words; a kind: or status: filter with an unknown value is an error.
    """
    text = " ".join(query)
    with open_library(libraries, cache_dir) as library:
        hits = library.search(
            text,
            kind=kind,
            tags=tags,
            audience=audience,
            status=status,
            limit=limit,
            language=language,
        )
    if fmt == "json":
        payload = [{**_summary(h.clause), "score": h.score, "snippet": h.snippet} for h in hits]
        echo(json.dumps(payload, indent=2, ensure_ascii=False), data=True)
        return
    if not hits:
        echo("no clauses match", err=True)
        return
    for number, hit in enumerate(hits, start=1):
        clause = hit.clause
        flag = "" if clause.status == "vetted" else f" [{clause.status.upper()}]"
        echo(f"{number:>2}. {clause.id}{flag}  ({clause.kind}, score {hit.score:.2f})")
        echo(f"    {clause.title}")
        echo(f"    {hit.snippet}")


@clauses.command()
@click.argument("clause_id", metavar="ID", shell_complete=complete_clause_ids)
@click.option("--audience", help="Show the wording this audience gets.")
@click.option("--variant", help="Show this variant's wording.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "yaml", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@library_options
@output_options
@run_guarded
def show(
    clause_id: str,
    audience: str | None,
    variant: str | None,
    fmt: str,
    libraries: tuple[Path, ...],
    cache_dir: Path | None,
) -> None:
    """Show one clause: wording, variables, variants, status and provenance."""

    with open_library(libraries, cache_dir) as library:
        clause = library.get(clause_id)
    if fmt == "json":
        data = {**clause.to_data(), "version": clause.version}
        data["file"], data["line"] = str(clause.source_file), clause.line
        echo(json.dumps(data, indent=2, ensure_ascii=False), data=True)
        return
    if fmt == "yaml":
        echo(f"# {_where(clause)}  version {clause.version}")
        echo(dump_clause(clause), nl=False, data=True)
        return
    wording, used = clause.wording_for(audience, variant)
    echo(f"{clause.id}  ({clause.kind}, {clause.status}, version {clause.version})")
    echo(f"  {clause.title}")
    echo(f"  defined at {_where(clause)}")
    if clause.status == "vetted":
        echo(f"  vetted by {clause.vetted_by} on {clause.vetted_on}")
    elif clause.status == "retired":
        echo(f"  retired: {clause.retired_reason}")
    echo(f"  wording: {used or 'default'}")
    echo("")
    if wording.lead:
        echo(f"  **{wording.lead}**")
    for block in (wording.body, wording.text):
        if block:
            echo(f"  {' '.join(block.split())}")
    for item in wording.items:
        echo(f"    - {item}")
    echo("")
    for name, spec in clause.variables.items():
        need = "" if spec.required else " (optional)"
        example = f" — e.g. {spec.example}" if spec.example else ""
        echo(f"  {{{{ {name} }}}}{need}: {spec.description}{example}")
    undeclared = clause.undeclared_variables()
    if undeclared:
        names = ", ".join(sorted(undeclared))
        echo(f"  warning: uses variables it does not declare: {names}")
    if clause.variants:
        echo(f"  variants: {', '.join(sorted(clause.variants))}")
    if clause.topics:
        echo(f"  topics: {', '.join(clause.topics)}")
    if clause.audiences:
        echo(f"  audiences: {', '.join(clause.audiences)}")
    for source in clause.provenance:
        bits = [source.title or "untitled", str(source.date or "undated")]
        if source.sender:
            bits.append(source.sender)
        if source.position:
            bits.append(source.position)
        echo(f"  source: {'; '.join(bits)}")


@clauses.command(name="list")
@click.option("--kind", type=click.Choice(CLAUSE_KINDS), help="Only clauses of this kind.")
@click.option("--status", type=click.Choice(STATUSES), help="Only clauses with this status.")
@click.option("--tag", "tags", multiple=True, help="Only clauses with this topic (repeatable).")
@click.option("--audience", help="Only clauses suiting this audience.")
@_format_option
@library_options
@output_options
@run_guarded
def list_(
    kind: str | None,
    status: str | None,
    tags: tuple[str, ...],
    audience: str | None,
    fmt: str,
    libraries: tuple[Path, ...],
    cache_dir: Path | None,
) -> None:
    """List clauses (id, kind, status, version, title), with a count by status."""
    with open_library(libraries, cache_dir) as library:
        found = library.select(kind=kind, status=status, tags=tags, audience=audience)
    if fmt == "json":
        echo(json.dumps([_summary(c) for c in found], indent=2, ensure_ascii=False), data=True)
        return
    width = max((len(c.id) for c in found), default=0)
    for clause in found:
        echo(
            f"{clause.id:<{width}}  {clause.kind:<14} {clause.status:<7}  "
            f"{clause.version}  {clause.title}"
        )
    counts = {s: sum(c.status == s for c in found) for s in STATUSES}
    parts = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    echo(
        f"{len(found)} clause{'s' if len(found) != 1 else ''}" + (f": {parts}" if parts else ""),
        err=True,
    )


@clauses.command()
@click.argument("source", metavar="FILE|-", type=InputPath(dir_okay=False, allow_dash=True))
@click.option(
    "--to",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The clause file to add to (default: <library>/<first topic>.yaml).",
)
@library_options
@output_options
@run_guarded
def add(
    source: Path, target: Path | None, libraries: tuple[Path, ...], cache_dir: Path | None
) -> None:
    """Add clauses from a YAML file (or - for stdin) to the library.

    The input holds one clause (a mapping starting with `id:`), a list of clauses, or a
    `clauses:` list. Other clauses and comments in the target file are kept.
    """

    if str(source) == "-":
        text, origin = sys.stdin.read(MAX_CLAUSE_FILE_BYTES + 1), Path("<stdin>")
        if len(text) > MAX_CLAUSE_FILE_BYTES:
            raise ClauseError(f"more than {MAX_CLAUSE_FILE_BYTES:,} characters", path=origin)
        new = parse_clause_text(text, origin)
    else:
        origin = source
        new = read_clause_file(origin)
    if not new:
        raise ClauseError("no clauses in the input", path=origin, hint="start with '- id: ...'")
    with open_library(libraries, cache_dir) as library:
        for clause in new:
            stored = library.add(clause, to=target)
            echo(f"added {stored.id} ({stored.status}) at {_where(stored)}", status=True)


@clauses.command()
@click.argument("clause_id", metavar="ID", shell_complete=complete_clause_ids)
@click.option("--by", "by", required=True, help="Who vetted it (a person or a committee).")
@click.option(
    "--on",
    "on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date it was vetted (YYYY-MM-DD; default today).",
)
@library_options
@output_options
@run_guarded
def vet(
    clause_id: str,
    by: str,
    on: dt.datetime | None,
    libraries: tuple[Path, ...],
    cache_dir: Path | None,
) -> None:
    """Mark clause ID as vetted (edits its file in place)."""
    with open_library(libraries, cache_dir) as library:
        clause = library.vet(clause_id, by, on.date() if on else None)
    echo(
        f"vetted {clause.id} by {clause.vetted_by} on {clause.vetted_on} ({_where(clause)})",
        status=True,
    )


@clauses.command()
@click.argument("clause_id", metavar="ID", shell_complete=complete_clause_ids)
@click.option("--reason", required=True, help="Why it should no longer be used.")
@library_options
@output_options
@run_guarded
def retire(
    clause_id: str, reason: str, libraries: tuple[Path, ...], cache_dir: Path | None
) -> None:
    """Retire clause ID (it stays in its file, marked retired, with the reason)."""
    with open_library(libraries, cache_dir) as library:
        clause = library.retire(clause_id, reason)
    echo(f"retired {clause.id} ({_where(clause)}): {clause.retired_reason}", status=True)


@clauses.command()
@library_options
@output_options
@run_guarded
def reindex(libraries: tuple[Path, ...], cache_dir: Path | None) -> None:
    """Rebuild the search index from the clause files now."""

    started = time.perf_counter()
    with open_library(libraries, cache_dir) as library:
        count = library.reindex()
        files = len(library.files())
        path = library.index_path
    elapsed = time.perf_counter() - started
    echo(f"indexed {count} clauses from {files} files in {elapsed:.2f} s ({path})", status=True)


def _read_letter(path: Path) -> tuple[Letter, SourceInfo]:
    if path.suffix.lower() in SPEC_SUFFIXES:
        letter = load_letter(path)
    else:
        result = ingest_file(path)
        # not a letter: harvest reports it as skipped, with its kind
        letter = result.letter or Letter(kind=result.kind)
    return letter, SourceInfo.from_letter(letter, path)


@clauses.command()
@click.argument("letters", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be added; write nothing.")
@click.option(
    "--to",
    "target",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The clause file new drafts go to (default: <library>/harvested.yaml).",
)
@_format_option
@library_options
@output_options
@run_guarded
def harvest(
    letters: tuple[Path, ...],
    dry_run: bool,
    target: Path | None,
    fmt: str,
    libraries: tuple[Path, ...],
    cache_dir: Path | None,
) -> None:
    """Propose draft clauses from past letters (specs, or .txt/.docx/.html via ingest).

    Paragraphs and asks the library already has (word for word, or nearly: a few words
    or a sentence changed) are not added again; the letter is recorded as another
    source of the existing clause.
    """

    read: list[tuple[Letter, SourceInfo]] = []
    failed = 0
    for path in letters:
        try:
            read.append(_read_letter(path))
        except DraftkitError as exc:
            echo_error(str(exc))
            failed += 1
    with open_library(libraries, cache_dir) as library:
        report = library.harvest(read, to=target, dry_run=dry_run)
    if fmt == "json":
        payload = {
            "dry_run": report.dry_run,
            "added": [
                {**_summary(c), "sources": [s.model_dump(mode="json") for s in c.provenance]}
                for c in report.added
            ],
            "matched": [
                {
                    "clause": m.clause_id,
                    "score": m.score,
                    "recorded": m.recorded,
                    "source": m.source.model_dump(mode="json"),
                }
                for m in report.matched
            ],
            "skipped": [{"where": w, "reason": r} for w, r in report.skipped],
            "written": [str(p) for p in report.written],
        }
        echo(json.dumps(payload, indent=2, ensure_ascii=False), data=True)
    else:
        for clause in report.added:
            first = clause.provenance[0]
            echo(f"+ {clause.id}  ({Path(first.file or '').name} {first.position})")
        for match in report.matched:
            what = "new source" if match.recorded else "already recorded"
            echo(
                f"= {match.clause_id}  ({Path(match.source.file or '').name} "
                f"{match.source.position}; similarity {match.score:.2f}; {what})"
            )
        for where, reason in report.skipped:
            echo(f"- {where}: {reason}")
        echo(report.summary(), err=True)
    if failed:
        raise SystemExit(1)


__all__ = ["clauses"]


@clauses.command(name="diff")
@click.argument("clause_id", metavar="ID", shell_complete=complete_clause_ids)
@click.option(
    "--from",
    "from_version",
    metavar="VERSION",
    help="The earlier version (a version hash or a commit, or their first characters; "
    "default: the version before --to).",
)
@click.option(
    "--to",
    "to_version",
    metavar="VERSION",
    help="The later version (default: the clause as it is now).",
)
@click.option("--versions", is_flag=True, help="List the clause's versions instead.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@library_options
@output_options
@run_guarded
def diff(
    clause_id: str,
    from_version: str | None,
    to_version: str | None,
    versions: bool,
    fmt: str,
    libraries: tuple[Path, ...],
    cache_dir: Path | None,
) -> None:
    """Show what changed in the clause ID between two of its versions.

    A clause's earlier versions are read from the git history of its file (the library
    is kept under version control); the words that changed are marked [-deleted-] and
    {+inserted+}, field by field (lead, body, text, items, each variant).
    """
    # deferred: only this command reads a clause's history
    from draftkit.diff.clauses import clause_history, diff_clause, pick_version

    with open_library(libraries, cache_dir) as library:
        clause = library.get(clause_id)
    history = clause_history(clause)
    if versions:
        if fmt == "json":
            rows = [
                {"version": v.version, "commit": v.commit, "date": v.date, "subject": v.subject}
                for v in history
            ]
            echo(json.dumps(rows, indent=2, ensure_ascii=False), data=True)
            return
        for version in history:
            echo(version.label())
        return
    new = pick_version(history, to_version) if to_version else history[0]
    if from_version:
        old = pick_version(history, from_version)
    else:
        later = history.index(new)
        if later + 1 >= len(history):
            echo(
                f"draftkit: {clause.id} has no earlier version than {new.version} in the "
                f"history of {clause.source_file}",
                err=True,
            )
            return
        old = history[later + 1]
    result = diff_clause(old, new)
    if fmt == "json":
        data = {
            "clause": clause.id,
            "from": {"version": old.version, "commit": old.commit, "date": old.date},
            "to": {"version": new.version, "commit": new.commit, "date": new.date},
            "fields": {
                name: [{"op": p.op, "text": p.span.text} for p in pieces]
                for name, pieces in result.fields
            },
            "also_changed": list(result.changed),
        }
        echo(json.dumps(data, indent=2, ensure_ascii=False), data=True)
        return
    echo(result.to_text(), nl=False, data=True)
