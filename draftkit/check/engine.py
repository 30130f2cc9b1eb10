"""Running the rules: over a Letter, a spec file, or a document read by ingest."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from draftkit.check.annotate import paragraph_texts
from draftkit.check.model import SEVERITIES, CheckReport, Finding, SourceKind
from draftkit.check.registry import CheckContext, Rule, all_rules
from draftkit.compose import compose_letter
from draftkit.compose.texts import is_merge_spec
from draftkit.config import ProjectConfig, load_config
from draftkit.errors import DraftkitError
from draftkit.files import load_data, parse_letter, spec_bytes
from draftkit.inputs import MAX_SPEC_BYTES, decode_text, is_stdin, read_input, source_name
from draftkit.provenance import read_provenance
from draftkit.schema import Letter

if TYPE_CHECKING:
    from draftkit.clauses.model import Clause
    from draftkit.provenance import Provenance

__all__ = [
    "SPEC_SUFFIXES",
    "check_file",
    "check_letter",
    "check_merge",
    "resolve_disabled",
    "spec_directives",
    "unknown_rule_hint",
]

SPEC_SUFFIXES = frozenset({".yaml", ".yml", ".json"})
"""Files with these extensions are checked as specs (load + compose); others via ingest."""

_DIRECTIVE = re.compile(
    r"^[ \t]*#[ \t]*draftkit[ \t]*:[ \t]*disable[ \t]*[=:][ \t]*(?P<ids>[^\n#]*)", re.M | re.I
)
_FIELD_ORDER = [
    "heading", "published", "date", "place", "sender", "addressees", "delivery", "cc", "subject",
    "salutation", "body", "asks_intro", "asks", "closing", "complimentary_close",
    "signatories", "signatory_note", "enclosures", "variables",
]  # fmt: skip


def spec_directives(text: str) -> list[str]:
    """Rule ids switched off by ``# draftkit: disable=rule-a, rule-b`` comment lines."""
    found: list[str] = []
    for match in _DIRECTIVE.finditer(text):
        found += [part for part in re.split(r"[\s,]+", match.group("ids")) if part]
    return found


def resolve_disabled(
    ids: Iterable[str], rules: Sequence[Rule] | None = None
) -> tuple[set[str], list[str]]:
    """Turn ids and id prefixes into rule ids.

    ``date`` switches off every ``date-*`` rule; an exact id switches off that rule.

    Args:
        ids: Rule ids and id prefixes.
        rules: The rules to match them against (default: every rule).

    Returns:
        The rule ids switched off, and the given ids that match no rule.
    """
    known = [r.id for r in (all_rules() if rules is None else rules)]
    disabled: set[str] = set()
    unknown: list[str] = []
    for raw in ids:
        name = raw.strip().lower()
        if not name:
            continue
        matched = [k for k in known if k == name or k.startswith(name + "-")]
        if matched:
            disabled.update(matched)
        else:
            unknown.append(raw)
    return disabled, unknown


def unknown_rule_hint(name: str) -> str:
    """A hint for an id that names no rule: the nearest id, or where the list is."""
    known = [r.id for r in all_rules()]
    # deferred for start-up time: only a near miss needs it, not a render
    import difflib

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'? (draftkit check --rules lists them)"
    return "draftkit check --rules lists the rule ids"


def _order(finding: Finding, rule_index: dict[str, int]) -> tuple[Any, ...]:
    where = finding.where or ""
    head = re.match(r"[a-z_]+", where)
    field = head.group(0) if head else ""
    position = _FIELD_ORDER.index(field) if field in _FIELD_ORDER else len(_FIELD_ORDER)
    numbers = tuple(int(n) for n in re.findall(r"\[(\d+)\]", where))
    return (
        SEVERITIES.index(finding.severity),
        position,
        numbers,
        rule_index.get(finding.rule, 999),
    )


def check_letter(
    letter: Letter,
    *,
    kind: SourceKind = "letter",
    source: str | Path | None = None,
    config: ProjectConfig | None = None,
    disable: Sequence[str] = (),
    clauses: Sequence[Clause] | None = None,
    today: dt.date | None = None,
    provenance: Provenance | None = None,
    spec_bytes: bytes | None = None,
    spec_name: str | None = None,
    spec_data: Any = None,
    extra: Sequence[Finding] = (),
    notes: Sequence[str] = (),
    paragraphs: list[str] | None = None,
    rules: Sequence[Rule] | None = None,
) -> CheckReport:
    """Run every rule that is switched on over a letter.

    Args:
        letter: The letter (compose a spec first to check what will be sent).
        kind: What the letter came from (for the report).
        source: The file it came from.
        config: Project settings (``check.disable``, ``check.future_days``).
        disable: More rule ids (or prefixes such as ``date``) to switch off.
        clauses: The clause library's clauses, for the vetted-language rules.
        today: The reference date for date rules (default: today).
        provenance: What a rendered DOCX records about itself.
        spec_bytes: A spec to compare with the DOCX's recorded spec hash.
        spec_name: That spec's name, for messages.
        spec_data: The raw spec mapping, for checks of what only the spec shows.
        extra: Findings made outside the rules (e.g. a failed compose).
        notes: Notes to carry into the report.
        paragraphs: The document's paragraphs as typed (a .docx), for spacing rules.
        rules: Run only these rules (default: every rule); the ids switched off are
            matched against them, and one that matches none of them is not reported.

    Returns:
        The report; findings are sorted by severity, then by place in the letter.
    """
    config = config or ProjectConfig()
    in_letter = getattr(letter.options, "check_disable", None) or []  # proposed schema field
    wanted = [*config.check.disable, *in_letter, *disable]
    if rules is None:
        rules = all_rules()
        disabled, unknown = resolve_disabled(wanted)
    else:
        disabled, unknown = resolve_disabled(wanted, rules)[0], []
    ctx = CheckContext(
        letter=letter,
        kind=kind,
        today=today or dt.date.today(),
        future_days=config.check.future_days,
        clauses=clauses,
        spec_data=spec_data,
        provenance=provenance,
        spec_bytes=spec_bytes,
        spec_name=spec_name,
        paragraphs=paragraphs,
    )
    findings: list[Finding] = list(extra)
    for name in unknown:
        findings.append(
            Finding(
                rule="unknown-rule",
                severity="warning",
                message=f"'{name}' is not a rule id, so nothing was switched off",
                hint=unknown_rule_hint(name),
            )
        )
    for item in rules:
        if item.id in disabled:
            continue
        findings.extend(item.func(ctx, item))
    index = {r.id: i for i, r in enumerate(rules)}
    findings.sort(key=lambda f: _order(f, index))
    report_notes = list(notes)
    if ctx.clauses is None and not letter.provenance and "vetted-language" not in disabled:
        report_notes.append(
            "vetted-language not measured: no clause library "
            "(set clauses: in draftkit.yaml or pass --clauses DIR)"
        )
    # not validated (see CheckReport): a test checks it equals the validated report
    return CheckReport.model_construct(
        source=str(source) if source is not None else None,
        kind=kind,
        findings=findings,
        disabled=sorted(disabled),
        provenance=provenance,
        coverage=ctx.coverage,
        notes=report_notes,
        letter=letter,
    )


def _library_clauses(config: ProjectConfig) -> list[Clause] | None:
    if not config.clauses:
        return None
    # deferred: the clause library (SQLite) loads only for a project that has one
    from draftkit.clauses import ClauseLibrary

    with ClauseLibrary.from_config(config) as library:
        return library.all()


def _with_clause_dirs(config: ProjectConfig, clause_dirs: Sequence[str | Path]) -> ProjectConfig:
    if not clause_dirs:
        return config
    extra = [Path(d).resolve() for d in clause_dirs]
    return config.model_copy(update={"clauses": [*extra, *config.clauses]})


def check_file(
    path: str | Path,
    *,
    disable: Sequence[str] = (),
    spec: str | Path | None = None,
    clause_dirs: Sequence[str | Path] = (),
    template_dirs: Sequence[str | Path] = (),
    config: ProjectConfig | None = None,
    today: dt.date | None = None,
) -> CheckReport:
    """Check a letter file: a spec (``.yaml``/``.json``) or a document (``.docx``, ``.txt``,
    ``.html`` ...).

    A spec is loaded and composed, and the composed letter is checked, together with
    what only the spec shows (placeholder values of variables, ``# draftkit: disable=``
    comment lines). If compose fails, its error becomes an ``error`` finding (rule id
    ``compose``) and the spec's literal text is still checked. A document is read with
    ingest; a .docx's provenance properties are read and reported.

    Args:
        path: The file; ``-`` reads a spec (YAML or JSON) from standard input.
        disable: Rule ids (or prefixes) to switch off, on top of the project's.
        spec: A spec file to compare with a .docx's recorded spec hash.
        clause_dirs: Extra clause library folders (before the project's).
        template_dirs: Extra template folders for compose.
        config: Project settings; found from the file's folder when None.
        today: The reference date for date rules.

    Returns:
        The report.

    Raises:
        SpecError: The spec cannot be read or does not fit the schema.
        IngestError: The document cannot be read.
        ClauseError: A configured clause library folder is missing or malformed.
    """
    target = Path(path)
    config = _with_clause_dirs(config or load_config(target), clause_dirs)
    if is_stdin(target) or target.suffix.lower() in SPEC_SUFFIXES:
        return _check_spec(target, config, disable, template_dirs, today, spec)
    return _check_document(target, config, disable, spec, today)


def _check_spec(
    path: Path,
    config: ProjectConfig,
    disable: Sequence[str],
    template_dirs: Sequence[str | Path],
    today: dt.date | None,
    spec: str | Path | None,
) -> CheckReport:
    data, lines = load_data(path)
    letter = parse_letter(data, path=source_name(path), lines=lines)
    text = decode_text(spec_bytes(path), path=source_name(path))
    if is_merge_spec(letter):
        return CheckReport(
            source=source_name(path),
            kind="spec",
            findings=[
                Finding(
                    rule="merge-template",
                    severity="info",
                    message="a mail-merge spec: its addressees and recipient text come from a "
                    "recipient list, so there is no single letter to check",
                    hint="pass --recipients FILE to check every merged letter",
                )
            ],
            letter=letter,
        )
    clauses = _library_clauses(config)
    extra: list[Finding] = []
    notes: list[str] = []
    if spec is not None:
        notes.append("--spec compares a rendered .docx with its spec; ignored for a spec file")
    try:
        result = compose_letter(letter, config=config, template_dirs=template_dirs)
        composed = result.letter
        notes += [f"compose: {w}" for w in result.warnings]
    except DraftkitError as exc:
        composed = letter
        line = exc.line or (lines.get(_path_key(exc.where)) if exc.where else None)
        extra.append(
            Finding(
                rule="compose",
                severity="error",
                message=f"the spec does not compose: {exc.message}",
                where=exc.where,
                line=line,
                hint=exc.hint or "fix the spec; draftkit render shows the same error",
            )
        )
    report = check_letter(
        composed,
        kind="spec",
        source=source_name(path),
        config=config,
        disable=[*spec_directives(text), *disable],
        clauses=clauses,
        today=today,
        spec_data=data,
        extra=extra,
        notes=notes,
    )
    report.findings = [
        (
            f
            if f.line is not None or not f.where
            else f.model_copy(update={"line": _line(f.where, lines)})
        )
        for f in report.findings
    ]
    return report


def _line(where: str, lines: dict[tuple[str | int, ...], int]) -> int | None:
    """The spec line of a field path, when the spec writes that field (or its parent)."""
    key = _path_key(where)
    if not key or key[:1] not in lines:
        return None
    for end in range(len(key), 0, -1):
        if key[:end] in lines:
            return lines[key[:end]]
    return None


def _path_key(where: str) -> tuple[str | int, ...]:
    key: list[str | int] = []
    for name, index in re.findall(r"([A-Za-z_]+)|\[(\d+)\]", where):
        key.append(name if name else int(index))
    return tuple(key)


def _check_document(
    path: Path,
    config: ProjectConfig,
    disable: Sequence[str],
    spec: str | Path | None,
    today: dt.date | None,
) -> CheckReport:
    # deferred: ingest loads only to check a document, not a spec (start-up of render)
    from draftkit.ingest import ingest_file

    result = ingest_file(path)
    with path.open("rb") as handle:
        is_zip = handle.read(4) == b"PK\x03\x04"
    provenance = None
    paragraphs = None
    kind: SourceKind = "text"
    if is_zip:
        provenance = read_provenance(path)
        paragraphs = paragraph_texts(path)
        kind = "docx"
    elif path.suffix.lower() in {".html", ".htm", ".xhtml"}:
        kind = "html"
    notes = [f"ingest: {w}" for w in result.warnings]
    spec_bytes = None
    spec_name = None
    if spec is not None:
        spec_path = Path(spec)
        spec_bytes = read_input(spec_path, limit=MAX_SPEC_BYTES, what="spec")
        spec_name = spec_path.name
        if provenance is None:
            notes.append("--spec needs a rendered .docx to compare with; ignored")
    if result.letter is None:
        return CheckReport(
            source=str(path),
            kind=kind,
            findings=[
                Finding(
                    rule="not-a-letter",
                    severity="error",
                    message=(
                        result.reason
                        if result.reason.startswith("not a letter")
                        else f"not a letter ({result.kind}): {result.reason}"
                    ),
                    hint="check a letter: draftkit check needs a salutation and a body",
                )
            ],
            provenance=provenance,
            notes=notes,
        )
    return check_letter(
        result.letter,
        kind=kind,
        source=path,
        config=config,
        disable=disable,
        clauses=_library_clauses(config),
        today=today,
        provenance=provenance,
        spec_bytes=spec_bytes,
        spec_name=spec_name,
        notes=notes,
        paragraphs=paragraphs,
    )


def check_merge(
    spec: str | Path,
    recipients: Any,
    *,
    disable: Sequence[str] = (),
    clause_dirs: Sequence[str | Path] = (),
    template_dirs: Sequence[str | Path] = (),
    config: ProjectConfig | None = None,
    today: dt.date | None = None,
) -> list[CheckReport]:
    """Check every letter a mail merge would produce (one report per recipient).

    Args:
        spec: The merge spec.
        recipients: Recipients, or a recipient file/folder (see
            :func:`draftkit.recipients.load_recipients`).
        disable: Rule ids (or prefixes) to switch off, on top of the project's and the
            spec's ``# draftkit: disable=`` lines.
        clause_dirs: Extra clause library folders.
        template_dirs: Extra template folders.
        config: Project settings; found from the spec's folder when None.
        today: The reference date for date rules.

    Returns:
        One report per recipient, in recipient order; a recipient whose letter cannot be
        composed gets a report with one ``compose`` error.

    Raises:
        DraftkitError: The spec, the recipient list, the variant or the clauses cannot be
            read.
    """
    # deferred: merge loads only to check a mail merge (start-up of render)
    from draftkit.merge import merge_letters

    path = Path(spec)
    config = _with_clause_dirs(config or load_config(path), clause_dirs)
    text = decode_text(spec_bytes(path), path=source_name(path))
    wanted = [*spec_directives(text), *disable]
    clauses = _library_clauses(config)
    reports: list[CheckReport] = []
    for merged in merge_letters(path, recipients, config=config, template_dirs=template_dirs):
        source = f"{source_name(path)} → {merged.recipient.label()}"
        if merged.letter is None:
            error = merged.error
            reports.append(
                CheckReport(
                    source=source,
                    kind="spec",
                    findings=[
                        Finding(
                            rule="compose",
                            severity="error",
                            message=f"no letter for this recipient: "
                            f"{error.message if error else 'unknown problem'}",
                            hint=(error.hint if error else None) or "fix the recipient row",
                        )
                    ],
                )
            )
            continue
        reports.append(
            check_letter(
                merged.letter,
                kind="spec",
                source=source,
                config=config,
                disable=wanted,
                clauses=clauses,
                today=today,
            )
        )
    return reports
