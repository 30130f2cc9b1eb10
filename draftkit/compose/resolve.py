"""Composing a letter: forms of address, clauses, the variant's blocks, salutation, close."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from draftkit.characters import describe, unwritable_in
from draftkit.compose.sandbox import MissingVariableError, display_path, render_string
from draftkit.compose.variants import (
    BUILTIN_TEMPLATES,
    CONTEXT_NAMES,
    TemplateSet,
    templates_for,
)
from draftkit.config import ProjectConfig, load_config
from draftkit.errors import ClauseError, DraftkitError, ProtocolError, SpecError, TemplateError
from draftkit.files import load_data, load_letter, parse_yaml_text
from draftkit.schema import Addressee, Ask, ClauseRef, Letter, LetterOptions, ProvenanceEntry

if TYPE_CHECKING:
    from draftkit.clauses.model import Clause
    from draftkit.protocol import AddressForms

__all__ = ["ClauseSource", "ComposeResult", "compose", "compose_file"]


class ComposeResult(BaseModel):
    """What :func:`compose` returns.

    Attributes:
        letter: The resolved letter.
        variant: The template variant that was used.
        warnings: One line per thing worth a look (draft clauses, hidden variables ...).
        filled: The fields filled from the variant or the forms-of-address table.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)
    letter: Letter
    variant: str
    warnings: list[str] = Field(default_factory=list)
    filled: list[str] = Field(default_factory=list)


class ClauseSource(Protocol):
    """What compose needs from a clause library: look a clause up by id."""

    def get(self, clause_id: str) -> Clause:
        """Return the clause with this id or raise :class:`ClauseError`."""
        ...


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _one_line(text: str) -> str | None:
    joined = " ".join(text.split())
    return joined or None


def _forms_for(
    who: Addressee, style: Literal["common", "formal"], where: str
) -> AddressForms | None:
    if not who.office:
        return None
    from draftkit.protocol import address_forms

    if not who.name:
        raise ProtocolError(
            f"office '{who.office}' needs the person's name",
            where=where,
            hint="add name: to the addressee (or write salutation: and the address yourself)",
        )
    try:
        return address_forms(
            who.office,
            who.name,
            gender=who.gender,
            status=who.status,
            style=style,
            surname=who.params.get("surname"),
            params=who.params,
            address_lines=who.address_lines or None,
        )
    except ProtocolError as exc:
        raise ProtocolError(exc.message, where=where, hint=exc.hint) from None


def _fill_addressee(who: Addressee, forms: AddressForms | None) -> Addressee:
    if forms is None:
        return who
    update: dict[str, Any] = {}
    if who.honorific is None and forms.honorific:
        update["honorific"] = forms.honorific
    if not who.title_lines and forms.title_lines:
        update["title_lines"] = list(forms.title_lines)
    if not who.address_lines and forms.address_lines:
        update["address_lines"] = list(forms.address_lines)
    return who.model_copy(update=update) if update else who


def _context(letter: Letter, variant: str, forms: Sequence[AddressForms | None]) -> dict[str, Any]:
    """The names a template or clause may use."""
    data = letter.model_dump(mode="python", exclude={"provenance", "variables"})
    signers = letter.signatories
    organizations = [s.name for s in signers if s.kind == "organization"]
    individuals = [s.model_dump() for s in signers if s.kind == "individual"]
    sender_name = letter.sender.organization
    if not sender_name and len(organizations) == 1:
        sender_name = organizations[0]
    if not sender_name and len(signers) == 1 and signers[0].organization:
        sender_name = signers[0].organization
    first = next((f for f in forms if f is not None), None)
    context: dict[str, Any] = {
        **letter.variables,
        **data,
        "letter": data,
        "variables": dict(letter.variables),
        "variant": variant,
        "coalition": letter.sender.coalition,
        "organizations": organizations,
        "individuals": individuals,
        "signer_count": len(signers),
        "sender_name": sender_name,
        "recipients": data["addressees"],
        "recipient": data["addressees"][0] if data["addressees"] else None,
        "recipient_forms": (
            {**first.model_dump(), "excellency": first.excellency} if first is not None else None
        ),
        "office_close": first.complimentary_close if first is not None else None,
        "today": dt.date.today(),
    }
    return context


def _render_clause(
    clause: Clause, text: str, context: Mapping[str, Any], ref: ClauseRef, place: str
) -> str:
    values = dict(context)
    values.update(ref.variables)
    given: Mapping[str, Any] = context.get("variables") or {}
    for name, spec in clause.variables.items():
        if name in ref.variables:
            continue
        if name in given:
            values[name] = given[name]
            continue
        if spec.required:
            raise ClauseError(
                f"clause '{clause.id}' needs variable '{name}'"
                + (f" ({spec.description})" if spec.description else ""),
                where=place,
                hint=f"add {name}: under variables: in the spec or in the clause reference",
            )
        values[name] = ""
    source = str(clause.source_file) if clause.line else f"clause {clause.id}"
    try:
        return render_string(text, values, name=source)
    except TemplateError as exc:
        raise ClauseError(
            f"clause '{clause.id}': {exc.message}",
            path=clause.source_file if clause.line else None,
            line=clause.line or None,
            where=place,
            hint=exc.hint,
        ) from None


def _resolve_clauses(
    letter: Letter,
    library: ClauseSource,
    audiences: Sequence[str],
    policy: Literal["warn", "refuse"],
    context: Mapping[str, Any],
    warnings: list[str],
) -> list[ProvenanceEntry]:
    provenance: list[ProvenanceEntry] = []

    def fetch(ref: ClauseRef, place: str) -> tuple[Clause, Any, str | None]:
        try:
            clause = library.get(ref.clause)
        except ClauseError as exc:
            raise ClauseError(
                exc.message, path=exc.path, line=exc.line, where=place, hint=exc.hint
            ) from None
        message = clause.usable(policy)
        if message is not None:
            if policy == "refuse":
                raise ClauseError(message, where=place)
            warnings.append(f"{place}: {message}")
        audience = next((a for a in audiences if a in clause.variants), None)
        wording, used = clause.wording_for(audience, ref.variant)
        return clause, wording, used

    def record(place: str, clause: Clause, used: str | None) -> None:
        provenance.append(
            ProvenanceEntry(
                place=place,
                clause=clause.id,
                version=clause.version,
                variant=used,
                status=clause.status,
            )
        )

    for field_name in ("body", "closing"):
        out: list[Any] = []
        for index, entry in enumerate(getattr(letter, field_name)):
            if not isinstance(entry, ClauseRef):
                out.append(entry)
                continue
            place = f"{field_name}[{index}]"
            clause, wording, used = fetch(entry, place)
            if wording.text is None:
                raise ClauseError(
                    f"clause '{clause.id}' is an ask, not a paragraph",
                    where=place,
                    hint="move the reference under asks:",
                )
            for paragraph in _paragraphs(
                _render_clause(clause, wording.text, context, entry, place)
            ):
                record(f"{field_name}[{len(out)}]", clause, used)
                out.append(paragraph)
        setattr(letter, field_name, out)

    asks: list[Any] = []
    for index, entry in enumerate(letter.asks):
        if not isinstance(entry, ClauseRef):
            asks.append(entry)
            continue
        place = f"asks[{index}]"
        clause, wording, used = fetch(entry, place)
        if wording.text is not None:
            raise ClauseError(
                f"clause '{clause.id}' is a {clause.kind} paragraph, not an ask",
                where=place,
                hint="move the reference under body: or closing:",
            )

        def render(
            text: str | None, *, c: Clause = clause, e: ClauseRef = entry, p: str = place
        ) -> str | None:
            return _one_line(_render_clause(c, text, context, e, p)) if text else None

        items = [i for i in (render(item) for item in wording.items) if i]
        asks.append(Ask(lead=render(wording.lead), body=render(wording.body), items=items))
        record(f"asks[{len(asks) - 1}]", clause, used)
    letter.asks = asks
    return provenance


def _apply_options(letter: Letter, text: str, path: Path) -> list[str]:
    try:
        data = parse_yaml_text(text, error=TemplateError) if text.strip() else None
    except TemplateError as exc:
        raise TemplateError(
            f"the options block is not YAML: {exc.message}",
            path=display_path(path),
            hint="write one 'key: value' per line",
        ) from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise TemplateError(
            "the options block must hold 'key: value' lines", path=display_path(path)
        )
    unknown = sorted(set(data) - set(LetterOptions.model_fields))
    if unknown:
        raise TemplateError(
            f"unknown option(s) in the options block: {', '.join(unknown)}",
            path=display_path(path),
            hint=f"options: {', '.join(LetterOptions.model_fields)}",
        )
    current = letter.options
    explicit = current.model_dump(include=set(current.model_fields_set))
    chosen = {k: v for k, v in data.items() if k not in current.model_fields_set}
    try:
        letter.options = LetterOptions.model_validate({**chosen, **explicit})
    except ValidationError as exc:
        raise TemplateError(
            f"bad value in the options block: {exc.errors()[0]['msg']}", path=display_path(path)
        ) from None
    return [f"options.{k}" for k in sorted(chosen)]


def _open_library(config: ProjectConfig) -> Any:
    if not config.clauses:
        raise ClauseError(
            "the letter uses clauses but no clause library is configured",
            hint="add clauses: [folder] to draftkit.yaml",
        )
    from draftkit import clauses

    return clauses.ClauseLibrary.from_config(config)


def _fill_from_variant(
    work: Letter,
    templates: TemplateSet,
    variant: str,
    forms: Sequence[AddressForms | None],
    punctuation_audience: str,
) -> list[str]:
    """Fill the empty prose fields from the variant, then salutation and close."""
    filled: list[str] = []
    has_office = any(f is not None for f in forms)
    # a field the spec writes, even empty (closing: [], complimentary_close: null), is
    # the author's: only fields left out are filled
    given = work.model_fields_set
    wanted: list[str] = []
    if not work.body and "body" not in given:
        wanted += ["opening", "context"]
    if work.asks and work.asks_intro is None and "asks_intro" not in given:
        wanted.append("asks_intro")
    if not work.closing and "closing" not in given:
        wanted.append("closing")
    if work.complimentary_close is None and "complimentary_close" not in given:
        wanted.append("complimentary_close")
    if work.signatory_note is None and "signatory_note" not in given:
        wanted.append("signatory_note")
    if not work.salutation and not has_office:
        wanted.append("salutation")
    blocks = templates.render_blocks(variant, _context(work, variant, forms), wanted)
    body = _paragraphs(blocks.get("opening", "")) + _paragraphs(blocks.get("context", ""))
    if body:
        work.body = list(body)
        filled.append("body")
    for block in ("asks_intro", "complimentary_close", "signatory_note", "salutation"):
        value = _one_line(blocks.get(block, ""))
        if value:
            setattr(work, block, value)
            filled.append(block)
    closing = _paragraphs(blocks.get("closing", ""))
    if closing:
        work.closing = list(closing)
        filled.append("closing")

    if not work.salutation:
        work.salutation = _derive_salutation(work, forms, punctuation_audience)
        filled.append("salutation")
    if work.complimentary_close is None and "complimentary_close" not in given:
        first = next((f for f in forms if f is not None), None)
        if first is not None and first.complimentary_close:
            work.complimentary_close = first.complimentary_close
            filled.append("complimentary_close")
    return filled


def compose(
    letter: Letter,
    *,
    config: ProjectConfig | None = None,
    library: ClauseSource | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    clause_policy: Literal["warn", "refuse"] | None = None,
) -> ComposeResult:
    """Resolve a letter: clauses, forms of address, and the variant's prose where empty.

    Steps: addressees with an ``office`` get their honorific, title and address lines
    from the forms-of-address table (explicit values win); clause references are
    rendered with the letter's variables and the reference's own, in the audience's
    variant, and recorded in ``provenance``; the variant's blocks fill the fields the
    spec leaves empty; the salutation is derived from the addressees' offices; the
    complimentary close falls back to the office's usual close.

    Args:
        letter: The letter (not modified).
        config: Project settings (template and clause folders, clause policy).
        library: A clause library; opened from ``config`` when needed and not given.
        audience: The variant to use instead of the letter's ``audience``.
        template_dirs: Extra template folders, searched before ``config.templates``.
        clause_policy: Overrides ``config.clause_policy``.

    Returns:
        The resolved letter, the variant used, warnings and the fields filled.

    Raises:
        TemplateError: Unknown variant or a failing template (file, line, variable).
        ClauseError: Unknown clause, missing clause variable, or a refused clause.
        ProtocolError: Unknown office.
        SpecError: Something is still missing after compose (e.g. no salutation).
    """
    try:
        return _compose(
            letter,
            config=config,
            library=library,
            audience=audience,
            template_dirs=template_dirs,
            clause_policy=clause_policy,
        )
    except MissingVariableError as exc:
        translated = _for_spec(exc)
        if translated is None:
            raise
        raise translated from None


def _compose(
    letter: Letter,
    *,
    config: ProjectConfig | None,
    library: ClauseSource | None,
    audience: str | None,
    template_dirs: Sequence[str | Path],
    clause_policy: Literal["warn", "refuse"] | None,
) -> ComposeResult:
    config = config or ProjectConfig()
    policy = clause_policy or config.clause_policy
    variant = audience or letter.audience or "base"
    templates = templates_for([*template_dirs, *config.templates])
    chain = templates.chain(variant)
    # a team variant takes clause wording and salutation punctuation from the variants
    # it extends: "senate-team" extending us-congress is a us-congress letter
    audiences = [loaded.name for loaded in chain]
    punctuation_audience = next(
        (loaded.name for loaded in chain if loaded.builtin and loaded.name != "base"), variant
    )
    work = letter.model_copy(deep=True)
    if audience:
        work.audience = audience
    warnings: list[str] = []
    filled: list[str] = []

    hidden = sorted(set(work.variables) & (CONTEXT_NAMES | set(Letter.model_fields)))
    if hidden:
        warnings.append(
            f"variables {', '.join(hidden)} share a name with the letter's own data; "
            "templates see the letter's value (use variables.NAME for yours)"
        )

    # 0. the variant's default options (a letter's own options win)
    if work.kind == "letter":
        no_forms: list[AddressForms | None] = [None] * len(work.addressees)
        options_text = templates.render_blocks(
            variant, _context(work, variant, no_forms), ["options"]
        )
        if "options" in options_text:
            path = next((c.path for c in chain if "options" in c.blocks), chain[0].path)
            filled += _apply_options(work, options_text["options"], path)

    # 1. forms of address
    style = work.options.salutation_style
    forms = [_forms_for(a, style, f"addressees[{i}]") for i, a in enumerate(work.addressees)]
    for index, (who, found) in enumerate(zip(work.addressees, forms, strict=True)):
        updated = _fill_addressee(who, found)
        if updated is not who:
            filled.append(f"addressees[{index}]")
        work.addressees[index] = updated
    for index, who in enumerate(work.cc):
        updated = _fill_addressee(who, _forms_for(who, style, f"cc[{index}]"))
        if updated is not who:
            filled.append(f"cc[{index}]")
        work.cc[index] = updated

    # 2. clauses
    refs = [e for e in (*work.body, *work.asks, *work.closing) if isinstance(e, ClauseRef)]
    if refs:
        context = _context(work, variant, forms)
        if library is not None:
            work.provenance += _resolve_clauses(work, library, audiences, policy, context, warnings)
        else:
            with _open_library(config) as opened:
                work.provenance += _resolve_clauses(
                    work, opened, audiences, policy, context, warnings
                )

    # 3. the variant's blocks and 4. salutation and close from the offices (letters only:
    # an ingested press release or article keeps its own shape)
    if work.kind == "letter":
        filled += _fill_from_variant(work, templates, variant, forms, punctuation_audience)

    missing = work.unresolved()
    if missing:
        raise SpecError(
            f"the letter is still incomplete after compose: {', '.join(missing)}",
            hint="fill these in the spec",
        )
    unwritable = unwritable_in(work)
    if unwritable is not None:
        raise TemplateError(
            f"holds {describe(unwritable[1])} after compose, which a letter cannot contain",
            where=unwritable[0],
            hint="it came from a template, clause or variable: remove it there",
        )
    return ComposeResult(letter=work, variant=variant, warnings=warnings, filled=filled)


def _derive_salutation(letter: Letter, forms: Sequence[AddressForms | None], audience: str) -> str:
    from draftkit.protocol import combined_salutation, default_punctuation

    if not letter.addressees:
        raise SpecError(
            "no salutation and no addressee to derive it from",
            where="salutation",
            hint="add salutation: or an addressee with an office:",
        )
    for index, found in enumerate(forms):
        if found is None:
            raise SpecError(
                "no salutation, and this addressee has no office to derive it from",
                where=f"addressees[{index}]",
                hint="add salutation: or an office: to the addressee (draftkit address --list)",
            )
    present = [f for f in forms if f is not None]
    group = letter.variables.get("salutation_group")
    text = combined_salutation(
        present,
        style=letter.options.salutation_style,
        group=str(group) if group else None,
    )
    mark = letter.options.salutation_punctuation or default_punctuation(audience)
    return text if text.endswith((",", ":")) else text + mark


def _builtin(template: str | None) -> bool:
    """True for a template file shipped with draftkit (its errors are the spec's to fix)."""
    if not template or template.startswith("<"):
        return False
    try:
        return Path(template).resolve().is_relative_to(BUILTIN_TEMPLATES)
    except OSError:
        return False


def _for_spec(exc: MissingVariableError) -> SpecError | None:
    """A built-in template's missing variable as the spec field to add (no path yet)."""
    if exc.variable is None or not _builtin(exc.template):
        return None
    used = f"{Path(exc.template or '').name}, line {exc.line}" if exc.line else "a template"
    return SpecError(
        f"the letter's template variant needs '{exc.variable}' (the built-in {used} uses it)",
        where=f"variables.{exc.variable}",
        hint=f"add '{exc.variable}: ...' under variables: in the spec, or write that part of "
        "the letter yourself (draftkit templates show VARIANT lists what each part needs)",
    )


def _variables_line(path: str | Path) -> int | None:
    """The line of ``variables:`` in a spec (where a missing variable goes), if present."""
    try:
        _, lines = load_data(path)
    except DraftkitError:
        return None
    return lines.get(("variables",))


def compose_file(
    path: str | Path,
    *,
    config: ProjectConfig | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    clause_policy: Literal["warn", "refuse"] | None = None,
) -> ComposeResult:
    """Load a spec, find its project settings, and compose it.

    Args:
        path: The spec file.
        config: Project settings; found from the spec's folder when None.
        audience: Use this variant instead of the spec's ``audience``.
        template_dirs: Extra template folders, searched first.
        clause_policy: Overrides the project's ``clause_policy``.

    Returns:
        See :func:`compose`.

    Raises:
        DraftkitError: As :func:`compose`; errors that name no file name the spec.
    """
    letter = load_letter(path)
    config = config or load_config(path)
    try:
        return compose(
            letter,
            config=config,
            audience=audience,
            template_dirs=template_dirs,
            clause_policy=clause_policy,
        )
    except DraftkitError as exc:
        if exc.path is not None:
            raise
        line = exc.line
        if line is None and (exc.where or "").startswith("variables."):
            line = _variables_line(path)
        raise type(exc)(
            exc.message, path=path, line=line, where=exc.where, hint=exc.hint
        ) from exc
