"""From a spec file to a finished document: load, compose, render, record provenance.

This is the library behind ``draftkit render``: the CLI only parses arguments and
prints what :func:`render_spec` reports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from draftkit.config import ProjectConfig, load_config
from draftkit.errors import DraftkitError, SpecError, TemplateError
from draftkit.provenance import provenance_properties, spec_hash
from draftkit.schema import Letter

if TYPE_CHECKING:
    from draftkit.compose import ComposeResult

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
        path: The file written.
        letter: The resolved letter that was rendered.
        warnings: Things a reviewer should know (draft clauses used, ...).
    """

    path: Path
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
    from draftkit.compose import compose_file

    config = config or load_config(spec)
    if clause_dirs:
        config = config.model_copy(update={"clauses": [*clause_dirs, *config.clauses]})
    try:
        result = compose_file(spec, config=config, audience=audience, template_dirs=template_dirs)
    except (SpecError, TemplateError) as exc:
        if _merge_template(Path(spec)):
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
    from draftkit.compose import compose_file

    config = config or load_config(spec)
    if clause_dirs:
        config = config.model_copy(update={"clauses": [*clause_dirs, *config.clauses]})
    result = compose_file(spec, config=config, audience=audience, template_dirs=template_dirs)
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
    from draftkit.check import check_letter

    report = check_letter(letter, config=config)
    return [
        f"[{f.rule}] {f.where + ': ' if f.where else ''}{f.message}"
        + (f" ({f.hint})" if f.hint else "")
        for f in report.findings
        if f.severity == "error" or f.rule in REVIEW_RULES
    ]


def _merge_template(spec: Path) -> bool:
    """A spec with no addressees whose text uses ``recipient``: a mail-merge letter."""
    from draftkit.files import load_letter

    try:
        letter = load_letter(spec)
        text = spec.read_text(encoding="utf-8-sig", errors="replace")
    except (DraftkitError, OSError):
        return False
    return not letter.addressees and re.search(r"\{[{%][^}]*\brecipients?\b", text) is not None


def render_spec(
    spec: str | Path,
    output: str | Path,
    *,
    fmt: str | None = None,
    reference: str | Path | None = None,
    force: bool = False,
    audience: str | None = None,
    template_dirs: tuple[Path, ...] = (),
    clause_dirs: tuple[Path, ...] = (),
    extra_properties: Mapping[str, str] | None = None,
) -> BuildResult:
    """Render a spec file to ``output`` (format from ``fmt`` or the extension).

    Nothing is written unless the whole letter renders; an existing file is replaced
    only with ``force``.

    Raises:
        DraftkitError: Any problem with the spec, templates, clauses or output.
    """
    from draftkit.files import refuse_input_as_output
    from draftkit.render import render_to_file

    spec_path = Path(spec)
    refuse_input_as_output(
        output, {"the spec being rendered": spec_path, "the --reference document": reference}
    )
    letter, warnings = prepare_letter(
        spec_path, audience=audience, template_dirs=template_dirs, clause_dirs=clause_dirs
    )
    props = provenance_properties(letter, spec_digest=spec_hash(spec_path.read_bytes()))
    props.update(extra_properties or {})
    path = render_to_file(
        letter, output, fmt=fmt, reference=reference, properties=props, force=force
    )
    return BuildResult(path=path, letter=letter, warnings=warnings)
