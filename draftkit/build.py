"""From a spec file to a finished document: load, compose, render, record provenance.

This is the library behind ``draftkit render``: the CLI only parses arguments and
prints what :func:`render_spec` reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from draftkit.check import check_letter, render_rules
from draftkit.compose import ComposeResult, compose_letter
from draftkit.compose.texts import is_merge_spec
from draftkit.config import ProjectConfig, load_config
from draftkit.errors import DraftkitError, SpecError, TemplateError
from draftkit.files import load_letter, spec_bytes
from draftkit.outputs import claim_output, refuse_input_as_output, write_bytes_atomic
from draftkit.provenance import provenance_properties, spec_hash
from draftkit.render import format_for_path, render_bytes
from draftkit.schema import Letter

__all__ = [
    "BuildResult",
    "explain_filled",
    "explain_spec",
    "prepare_letter",
    "render_spec",
    "review_warnings",
]


@dataclass(slots=True)
class BuildResult:
    """What :func:`render_spec` produced.

    Attributes:
        path: The file written (None when the letter went to a stream).
        letter: The resolved letter that was rendered.
        warnings: Things a reviewer should know (draft clauses used, ...).
    """

    path: Path | None
    letter: Letter
    warnings: list[str] = field(default_factory=list)


def prepare_letter(
    spec: str | Path,
    *,
    audience: str | None = None,
    config: ProjectConfig | None = None,
    template_dirs: tuple[Path, ...] = (),
    clause_dirs: tuple[Path, ...] = (),
) -> tuple[Letter, list[str]]:
    """Load a spec and compose it into a resolved letter.

    Args:
        spec: The spec file.
        audience: Override the spec's template variant.
        config: Project settings; found from the spec's folder when None.
        template_dirs: Extra team template folders (searched first).
        clause_dirs: Extra clause library folders.

    Returns:
        The resolved letter and compose's warnings.

    Raises:
        SpecError, TemplateError, ClauseError, ProtocolError: With file and place.
    """
    config = config or load_config(spec)
    if clause_dirs:
        config = config.model_copy(update={"clauses": [*clause_dirs, *config.clauses]})
    try:
        result = compose_letter(
            Path(spec), config=config, audience=audience, template_dirs=template_dirs
        )
    except (SpecError, TemplateError) as exc:
        if _is_merge_spec(Path(spec)):
            exc.hint = (
                "this spec names no addressee and writes to {{ recipient }}: it is a mail-merge"
                f" letter; run draftkit merge {spec} --recipients FILE -o FOLDER/"
            )
        raise
    return result.letter, [*result.warnings, *review_warnings(result.letter, config=config)]


def explain_filled(result: ComposeResult) -> list[str]:
    """What compose wrote that the spec does not hold, one line per part, with its source.

    Args:
        result: What :func:`draftkit.compose.compose` returned.

    Returns:
        Lines such as ``closing[0] (template variant us-executive): "We appreciate …"``;
        empty when the spec writes every part of the letter itself.
    """
    letter = result.letter
    variant = f"template variant {result.variant}"
    offices = [a.office for a in letter.addressees if a.office]
    forms = f"forms of address for {', '.join(offices)}" if offices else "forms of address"
    out: list[str] = []
    for place in result.filled:
        if place in ("body", "closing"):
            for index, text in enumerate(letter.texts(place)):  # type: ignore[arg-type]
                out.append(f"{place}[{index}] ({variant}): {_quoted(text)}")
        elif place == "salutation":
            source = forms if offices else variant
            out.append(f"salutation ({source}): {_quoted(letter.salutation or '')}")
        elif place == "complimentary_close":
            text = _quoted(letter.complimentary_close or "")
            source = f"{variant}; the office's usual close where it has one"
            out.append(f"complimentary_close ({source}): {text}")
        elif place in ("asks_intro", "signatory_note"):
            out.append(f"{place} ({variant}): {_quoted(getattr(letter, place) or '')}")
        elif place.startswith("options."):
            value = getattr(letter.options, place.removeprefix("options."))
            out.append(f"{place} ({variant}): {value}")
        elif place.startswith(("addressees[", "cc[")):
            field_name, _, rest = place.partition("[")
            person = getattr(letter, field_name)[int(rest.rstrip("]"))]
            lines = [person.honorific or "", *person.title_lines, *person.address_lines]
            shown = " / ".join(line for line in lines if line)
            out.append(f"{place} ({forms}): honorific, title and address lines: {shown}")
        else:
            out.append(f"{place} ({variant})")
    return out


def _quoted(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return f'"{flat if len(flat) <= limit else flat[: limit - 1] + "…"}"'


def explain_spec(
    spec: str | Path,
    *,
    audience: str | None = None,
    config: ProjectConfig | None = None,
    template_dirs: tuple[Path, ...] = (),
    clause_dirs: tuple[Path, ...] = (),
) -> list[str]:
    """What rendering ``spec`` adds to it: see :func:`explain_filled`.

    A part the spec leaves out is filled from the template variant or the forms of
    address; a part it writes, even empty (``closing: []``), is printed as written.

    Raises:
        DraftkitError: As :func:`prepare_letter`.
    """
    config = config or load_config(spec)
    if clause_dirs:
        config = config.model_copy(update={"clauses": [*clause_dirs, *config.clauses]})
    result = compose_letter(
        Path(spec), config=config, audience=audience, template_dirs=template_dirs
    )
    return explain_filled(result)


REVIEW_RULES = frozenset({"signatories-missing"})
"""Warning-severity check rules that render reports too (every error-severity rule is)."""


def review_warnings(letter: Letter, *, config: ProjectConfig | None = None) -> list[str]:
    """What ``draftkit check`` would stop a composed letter for, as warning lines.

    Render writes the letter anyway (a draft is still worth reading) but says what a
    reviewer would catch: every error-severity finding (a count that disagrees with its
    list, a placeholder left in, a duplicate signatory, ...) and an unsigned letter.
    Rules switched off in the project config stay off.

    Args:
        letter: A resolved letter.
        config: Project settings (``check.disable``).

    Returns:
        One line per finding: ``[rule] place: message``.
    """
    # only the rules whose findings are reported here run (a finding is never more severe
    # than its rule): the style rules cost a cold render some 7% of its time for nothing,
    # and the modules that hold no such rule are not even imported (start-up time)
    rules = [r for r in render_rules() if r.severity == "error" or r.id in REVIEW_RULES]
    report = check_letter(letter, config=config, rules=rules)
    return [
        f"[{f.rule}] {f.where + ': ' if f.where else ''}{f.message}"
        + (f" ({f.hint})" if f.hint else "")
        for f in report.findings
        if f.severity == "error" or f.rule in REVIEW_RULES
    ]


def render_spec(
    spec: str | Path,
    output: str | Path | BinaryIO,
    *,
    fmt: str | None = None,
    reference: str | Path | None = None,
    force: bool = False,
    audience: str | None = None,
    template_dirs: tuple[Path, ...] = (),
    clause_dirs: tuple[Path, ...] = (),
    extra_properties: Mapping[str, str] | None = None,
) -> BuildResult:
    """Render a spec file to ``output``: a file, or a binary stream (standard output).

    A file and a stream get the same bytes, provenance properties included. Nothing is
    written unless the whole letter renders; an existing file is replaced only with
    ``force``.

    Args:
        spec: The spec file.
        output: The file to write (its extension gives the format unless ``fmt`` does),
            or a binary stream to write to (``fmt`` gives the format; text by default).
        fmt: ``docx``, ``md``, ``txt`` or ``pdf``.
        reference: A house-style ``.docx`` for DOCX and PDF output.
        force: Replace an existing file.
        audience: Compose with this variant instead of the spec's.
        template_dirs: Extra template folders, searched first.
        clause_dirs: Extra clause library folders.
        extra_properties: More custom document properties to record (DOCX).

    Returns:
        The path written (None for a stream), the letter and the warnings.

    Raises:
        DraftkitError: Any problem with the spec, templates, clauses or output.
    """
    spec_path = Path(spec)
    target = Path(output) if isinstance(output, str | Path) else None
    if target is not None:
        chosen = format_for_path(target, fmt)
        refuse_input_as_output(
            target, {"the spec being rendered": spec_path, "the --reference document": reference}
        )
        claim_output(target, force=force)
    else:
        chosen = format_for_path(f"-.{fmt or 'txt'}", fmt or "txt")
    letter, warnings = prepare_letter(
        spec_path, audience=audience, template_dirs=template_dirs, clause_dirs=clause_dirs
    )
    props = provenance_properties(letter, spec_digest=spec_hash(spec_bytes(spec_path)))
    props.update(extra_properties or {})
    data = render_bytes(letter, chosen, reference=reference, properties=props)
    if isinstance(output, str | Path):
        write_bytes_atomic(Path(output), data, force=force)
    else:
        output.write(data)
        output.flush()
    return BuildResult(path=target, letter=letter, warnings=warnings)


def _is_merge_spec(spec: Path) -> bool:
    """A spec file that is a mail-merge letter (see ``compose.texts.is_merge_spec``)."""
    try:
        return is_merge_spec(load_letter(spec))
    except DraftkitError:
        return False
