"""Harvest matching: each candidate from past letters set against the library and the run.

A candidate (:mod:`draftkit.clauses.harvest` cuts a letter into them) that is the same, or
nearly the same, as a library clause or as one proposed earlier in the run adds its letter
to that clause's provenance; any other becomes a draft clause. The library is searched
for the closest clauses, then each is compared with every wording it has.
:meth:`ClauseLibrary.harvest <draftkit.clauses.ClauseLibrary.harvest>` calls
:func:`harvest_letters`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from draftkit.clauses import search as _search
from draftkit.clauses.harvest import (
    HarvestMatch,
    HarvestReport,
    candidates,
    new_clause_id,
    title_for,
)
from draftkit.clauses.model import Clause, ClauseWording, Source, SourceInfo
from draftkit.clauses.similarity import Fingerprint, fingerprint, similarity
from draftkit.clauses.store import append_clauses, set_clause_fields
from draftkit.clauses.terms import query_words
from draftkit.errors import ClauseError
from draftkit.schema import Letter

if TYPE_CHECKING:
    from draftkit.clauses.library import ClauseLibrary

__all__ = ["harvest_letters"]


def harvest_letters(
    library: ClauseLibrary,
    letters: Sequence[tuple[Letter, SourceInfo]],
    *,
    to: str | Path | None,
    dry_run: bool,
    threshold: float,
) -> HarvestReport:
    """Harvest ``letters`` into ``library``: see :meth:`ClauseLibrary.harvest`."""
    report = HarvestReport(dry_run=dry_run)
    target = Path(to) if to is not None else _default_harvest_file(library)
    if not library._inside(target):
        raise ClauseError(
            "the target file is outside the clause library",
            path=target,
            hint=f"write into {library.folders[0]}",
        )
    taken = set(library.ids())
    proposed: list[tuple[Clause, Fingerprint]] = []
    new_sources: dict[str, list[Source]] = {}
    known: dict[str, Clause] = {}
    for letter, info in letters:
        label = info.file or info.title or "letter"
        if letter.kind != "letter":
            report.skipped.append((label, f"not a letter ({letter.kind})"))
            continue
        found, skipped = candidates(letter)
        report.skipped += [(f"{label}: {where}", why) for where, why in skipped]
        for candidate in found:
            source = Source(**info.model_dump(), position=candidate.position)
            text = candidate.joined()
            fp = fingerprint(text)
            best: tuple[Clause, float] | None = None
            for clause, seen_fp in proposed:
                score = similarity(fp, seen_fp)
                if score >= threshold and (best is None or score > best[1]):
                    best = (clause, score)
            if best is None or best[1] < 0.999:
                for clause, score in _similar(library, fp, text):
                    if score >= threshold and (best is None or score > best[1]):
                        best = (clause, score)
            if best is not None:
                clause, score = best
                in_run = next((c for c, _ in proposed if c.id == clause.id), None)
                holder = in_run or known.setdefault(clause.id, clause)
                recorded_keys = {s.key() for s in holder.provenance}
                recorded_keys |= {s.key() for s in new_sources.get(clause.id, [])}
                is_new = source.key() not in recorded_keys
                if is_new:
                    if in_run is not None:
                        in_run.provenance.append(source)
                    else:
                        new_sources.setdefault(clause.id, []).append(source)
                report.matched.append(
                    HarvestMatch(
                        clause_id=clause.id,
                        source=source,
                        score=round(score, 3),
                        recorded=is_new,
                    )
                )
                continue
            title = title_for(candidate)
            ident = new_clause_id(candidate.kind, title, taken)
            taken.add(ident)
            ask = candidate.ask
            clause = Clause(
                id=ident,
                kind=candidate.kind,
                title=title,
                text=candidate.text,
                lead=ask.lead if ask else None,
                body=ask.body if ask else None,
                items=list(ask.items) if ask else [],
                status="draft",
                provenance=[source],
                source_file=target,
            )
            proposed.append((clause, fp))
            report.added.append(clause)
    if dry_run:
        return report
    if report.added:
        added = [c for c, _ in proposed]
        library._edit(target, lambda text: append_clauses(text, target, added))
        report.written.append(target)
    for clause_id, sources in new_sources.items():
        clause = known[clause_id]
        path = clause.source_file
        data = [
            s.model_dump(mode="json", exclude_none=True) for s in [*clause.provenance, *sources]
        ]
        library._edit(
            path,
            lambda text, p=path, i=clause_id, d=data: set_clause_fields(
                text, p, i, {"provenance": d}
            ),
        )
        if path not in report.written:
            report.written.append(path)
    if report.added:
        report.added = [library.get(c.id) for c in report.added]
    return report


def _similar(
    library: ClauseLibrary, fp: Fingerprint, text: str, limit: int = 8
) -> Iterator[tuple[Clause, float]]:
    # the longest words are the most telling; search ranks candidates cheaply
    words = sorted(set(query_words(text)), key=len, reverse=True)[:24]
    if not words:
        return
    for row in _search.search_index(library._connection(), " ".join(words), limit=limit):
        clause = row.clause()
        yield clause, _best_similarity(fp, clause)


def _default_harvest_file(library: ClauseLibrary) -> Path:
    folder = library.folders[0] if library.folders[0].is_dir() else library.folders[0].parent
    return folder / "harvested.yaml"


def _best_similarity(fp: Fingerprint, clause: Clause) -> float:
    wordings: list[ClauseWording] = [clause.wording]
    wordings += [clause.wording_for(None, name)[0] for name in clause.variants]
    return max(similarity(fp, fingerprint(w.joined())) for w in wordings)
