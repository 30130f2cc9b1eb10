"""Rules about a rendered DOCX's provenance: what produced it, and is that still true?"""

from __future__ import annotations

from collections.abc import Iterator

from draftkit.check.model import Finding
from draftkit.check.registry import CheckContext, Rule, rule

__all__: list[str] = []


@rule(
    "provenance",
    "info",
    "Reports what a rendered .docx records about how it was made (variant, clauses, spec).",
    "",
)
def provenance(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    prov = ctx.provenance
    if prov is None or not prov.present:
        return
    yield self.finding(
        prov.summary(),
        where=None,
        anchor=ctx.letter.salutation,
        hint="",
        details={
            "version": prov.version,
            "variant": prov.variant,
            "clauses": [{"id": c, "version": v} for c, v in prov.clauses],
            "spec_sha256": prov.spec_sha256,
        },
    )


@rule(
    "provenance-spec",
    "warning",
    "With --spec: the spec file is the one the .docx was rendered from (SHA-256).",
    "render the spec again, or find the spec version the document was made from",
)
def provenance_spec(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    prov = ctx.provenance
    if prov is None or ctx.spec_bytes is None:
        return
    name = ctx.spec_name or "the spec"
    matches = prov.matches_spec(ctx.spec_bytes)
    if matches is None:
        yield self.finding(
            f"the document records no spec hash, so it cannot be compared with {name}",
            severity="info",
            hint="render with draftkit render to record provenance",
        )
    elif matches:
        yield self.finding(
            f"{name} is the spec this document was rendered from (SHA-256 matches)",
            severity="info",
            hint="",
        )
    else:
        yield self.finding(
            f"{name} has changed since this document was rendered (SHA-256 differs)",
            details={"recorded": prov.spec_sha256},
        )


@rule(
    "provenance-clause",
    "warning",
    "Clauses a .docx was made from are still current: not retired, not since reworded.",
    "check the changed clauses, and render the letter again if it has not been sent",
)
def provenance_clause(ctx: CheckContext, self: Rule) -> Iterator[Finding]:
    prov = ctx.provenance
    if prov is None or not prov.clauses or ctx.clauses is None:
        return
    library = {c.id: c for c in ctx.clauses}
    for clause_id, version in prov.clauses:
        clause = library.get(clause_id)
        if clause is None:
            yield self.finding(
                f"clause {clause_id!r} is no longer in the library",
                severity="info",
            )
        elif clause.status == "retired":
            yield self.finding(
                f"clause {clause_id!r} has been retired since ({clause.retired_reason})",
            )
        elif version and clause.version != version:
            yield self.finding(
                f"clause {clause_id!r} has been reworded since (was @{version}, "
                f"now @{clause.version})",
                severity="info",
            )
