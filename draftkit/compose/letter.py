"""Composing a letter: spec -> resolved Letter, with where the spec's text went and its slots.

The steps, in order: the variant's default options; forms of address for the addressees
(a merge recipient becomes the addressee); the spec's own templated text; clause
references; the variant's blocks for the fields the spec leaves out; the salutation and
the complimentary close; text that rendered empty left out. The result also says which
parts depend on whom the letter is addressed to (:class:`~draftkit.compose.slots.Slots`),
so that merge can fill them for each recipient without composing again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from draftkit.characters import describe, unwritable_in
from draftkit.compose.address import (
    addressee_of,
    derive_salutation,
    fill_addressee,
    forms_for,
    punctuate,
    salutation_mark,
)
from draftkit.compose.blocks import apply_options, fill_from_blocks, possible_blocks, wanted_blocks
from draftkit.compose.context import CONTEXT_NAMES, addressee_names, context, letter_names
from draftkit.compose.expand import ClauseSource, expand_clauses, relocate
from draftkit.compose.facts import names_in_text
from draftkit.compose.slots import SalutationRule, Slots
from draftkit.compose.templateerrors import MissingVariableError
from draftkit.compose.texts import render_texts, spec_texts
from draftkit.compose.variants import BUILTIN_TEMPLATES, TemplateSet, templates_for
from draftkit.config import ProjectConfig, load_config
from draftkit.empty import empty_dict, empty_list
from draftkit.errors import ClauseError, DraftkitError, ProtocolError, SpecError, TemplateError
from draftkit.files import load_data, load_letter
from draftkit.languages import LANGUAGES, plural_close
from draftkit.places import Place, blank_entries, with_texts, without_blanks
from draftkit.schema import ClauseRef, LanguageCode, Letter, ProvenanceEntry, Translation

if TYPE_CHECKING:
    from draftkit.protocol import AddressForms
    from draftkit.recipients import Recipient

__all__ = ["ComposeResult", "compose_letter", "names_read"]


class ComposeResult(BaseModel):
    """What :func:`compose_letter` returns.

    Attributes:
        letter: The resolved letter.
        variant: The template variant that was used.
        warnings: One line per thing worth a look (draft clauses, hidden variables ...).
        filled: The fields filled from the variant or the forms-of-address table.
        places: Where the spec's own entries of ``body``, ``closing`` and ``asks`` stand in
            the letter (clauses expand to several paragraphs; an entry that rendered
            empty is left out and has no place).
        slots: What depends on whom the letter is addressed to, for
            :func:`~draftkit.compose.slots.fill_slots`.
    """

    # built on first validation, for start-up time: compose makes its results without
    # validating them (every value is already what the field holds), so a render never
    # builds this model's validator (the whole letter's and the slots' again)
    model_config = ConfigDict(arbitrary_types_allowed=True, defer_build=True)
    letter: Letter
    variant: str
    warnings: list[str] = Field(default_factory=empty_list)
    filled: list[str] = Field(default_factory=empty_list)
    places: dict[Place, Place] = Field(default_factory=empty_dict)
    slots: Slots | None = None


def compose_letter(
    spec: Letter | str | Path,
    *,
    config: ProjectConfig | None = None,
    library: ClauseSource | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    clause_policy: Literal["warn", "refuse"] | None = None,
    recipient: Recipient | None = None,
    recipient_index: int | None = None,
) -> ComposeResult:
    """Resolve a letter: forms of address, its own templated text, clauses, the variant.

    Steps: addressees with an ``office`` get their honorific, title and address lines
    from the forms-of-address table (explicit values win); strings of the spec holding
    ``{{ ... }}`` are rendered with the letter's names; clause references are rendered
    in the audience's variant and recorded in ``provenance``; the variant's blocks fill
    the fields the spec leaves out; the salutation is derived from the addressees'
    offices; the complimentary close falls back to the office's usual close.

    Args:
        spec: The letter (not modified), or a spec file (its folder's ``draftkit.yaml``
            is used when ``config`` is None, and errors name the file and line).
        config: Project settings (template and clause folders, clause policy).
        library: A clause library; opened from ``config`` when needed and not given.
        audience: The variant to use instead of the letter's ``audience``.
        template_dirs: Extra template folders, searched before ``config.templates``.
        clause_policy: Overrides ``config.clause_policy``.
        recipient: Compose the letter for this recipient of a mail merge: they replace
            the addressees, their columns join the variables, and their own salutation
            (if any) wins.
        recipient_index: The recipient's 1-based position in their list
            (``recipient.index`` in templates).

    Returns:
        The resolved letter, the variant used, warnings, the fields filled, the places
        of the spec's entries and the per-addressee slots.

    Raises:
        TemplateError: Unknown variant or a failing template (file, line, variable).
        ClauseError: Unknown clause, missing clause variable, or a refused clause.
        ProtocolError: Unknown office.
        SpecError: Something is still missing after compose (e.g. no salutation).
    """
    if not isinstance(spec, Letter):
        return _compose_file(
            Path(spec),
            config=config,
            library=library,
            audience=audience,
            template_dirs=template_dirs,
            clause_policy=clause_policy,
            recipient=recipient,
            recipient_index=recipient_index,
        )
    try:
        return _compose(
            spec,
            config=config or ProjectConfig(),
            library=library,
            audience=audience,
            template_dirs=template_dirs,
            clause_policy=clause_policy,
            recipient=recipient,
            recipient_index=recipient_index,
        )
    except MissingVariableError as exc:
        translated = _for_spec(exc)
        if translated is None:
            raise
        raise translated from None


def _compose(
    spec: Letter,
    *,
    config: ProjectConfig,
    library: ClauseSource | None,
    audience: str | None,
    template_dirs: Sequence[str | Path],
    clause_policy: Literal["warn", "refuse"] | None,
    recipient: Recipient | None,
    recipient_index: int | None,
) -> ComposeResult:
    policy = clause_policy or config.clause_policy
    own = recipient.language if recipient is not None and recipient.language else None
    language: str = spec.language if spec.languages else own or spec.language
    warnings: list[str] = []
    templates = templates_for([*template_dirs, *config.templates])
    variant = language_variant(templates, audience or spec.audience or "base", language, warnings)
    written_in = _language_base(variant) != variant and variant.rpartition("-")[2]
    if written_in and written_in != language:
        if "language" in spec.model_fields_set or spec.languages or language != spec.language:
            warnings.append(
                f"variant '{variant}' is written in {written_in}, the letter in {language}"
            )
        else:  # audience: un-fr says the letter is in French
            language = written_in
    chain = templates.chain(variant)
    # a team variant takes clause wording and salutation punctuation from the variants
    # it extends: "senate-team" extending us-congress is a us-congress letter; a language
    # version ("un-fr") takes clause variants written for the audience it translates
    audiences = [loaded.name for loaded in chain]
    audiences += [a for a in (_language_base(n) for n in audiences) if a not in audiences]
    builtin_audience = next(
        (loaded.name for loaded in chain if loaded.builtin and loaded.name != "base"), variant
    )
    work = spec.model_copy(deep=True)
    if audience:
        work.audience = audience
    if work.language != language:
        work.language = cast(LanguageCode, language)
    if recipient is not None:
        work.addressees = [addressee_of(recipient)]
        work.variables = {**work.variables, **recipient.variables}
    filled: list[str] = []
    hidden = sorted(set(work.variables) & (CONTEXT_NAMES | set(Letter.model_fields)))
    if hidden:
        warnings.append(
            f"variables {', '.join(hidden)} share a name with the letter's own data; "
            "templates see the letter's value (use variables.NAME for yours)"
        )
    letter_kind = work.kind == "letter"
    no_forms: list[AddressForms | None] = [None] * len(work.addressees)

    # 0. the variant's default options (a letter's own options win)
    if letter_kind:
        values = context(
            letter_names(work, variant), addressee_names(work.addressees, no_forms), work.variables
        )
        options_text = templates.render_blocks(variant, values, ["options"])
        if "options" in options_text:
            path = next((c.path for c in chain if "options" in c.facts.block_names), chain[0].path)
            filled += apply_options(work, options_text["options"], path)
    style = work.options.salutation_style
    mark = salutation_mark(work.options, _language_base(builtin_audience), language)

    # 1. forms of address
    forms = _address(work, style, filled, recipient, warnings)

    # 2. the spec's own templated text
    texts = spec_texts(spec)
    addressed = addressee_names(
        work.addressees, forms, style=style, recipient=recipient, index=recipient_index
    )
    spec_part = letter_names(work, variant)
    if texts:
        rendered = render_texts(
            texts, context(spec_part, addressed, work.variables), for_recipient=bool(recipient)
        )
        work = with_texts(work, rendered)

    # 3. clauses
    clause_texts: list[str] = []
    moved: dict[Place, Place] = {}
    refs = [e for e in (*work.body, *work.asks, *work.closing) if isinstance(e, ClauseRef)]
    if refs:
        values = context(letter_names(work, variant), addressed, work.variables)
        if library is not None:
            expansion = expand_clauses(work, library, audiences, policy, values, warnings)
        else:
            with _open_library(config) as opened:
                expansion = expand_clauses(work, opened, audiences, policy, values, warnings)
        work.provenance += expansion.provenance
        moved = expansion.moved
        clause_texts = expansion.texts
    else:
        moved = {
            (field, index): (field, index)
            for field in ("body", "closing", "asks")
            for index in range(len(getattr(work, field)))
        }

    # 4. salutation, the variant's blocks and the close (letters only: an ingested press
    # release or article keeps its own shape)
    rule: SalutationRule = "spec"
    if recipient is not None and recipient.salutation:
        work.salutation = punctuate(recipient.salutation, mark)
        rule = "recipient"
    if letter_kind:
        has_office = any(f is not None for f in forms)
        wanted = wanted_blocks(work, has_office=has_office)
        values = context(letter_names(work, variant), addressed, work.variables)
        filled += fill_from_blocks(work, templates.render_blocks(variant, values, wanted))
        if "salutation" in wanted and work.salutation:
            rule = "variant"
        if not work.salutation:
            work.salutation = derive_salutation(
                work.addressees, forms, style=style, group=_group(work), mark=mark
            )
            filled.append("salutation")
            rule = "office"
        if work.complimentary_close is None and "complimentary_close" not in work.model_fields_set:
            first = next((f for f in forms if f is not None), None)
            if first is not None and first.complimentary_close:
                work.complimentary_close = first.complimentary_close
                filled.append("complimentary_close")
        if "complimentary_close" in filled and work.complimentary_close:
            # the table's French closes speak for one signer: "ma" becomes "notre"
            work.complimentary_close = plural_close(
                work.complimentary_close, language, several=_several_signers(work)
            )

    # 5. text that rendered empty is left out
    text_places = {text.place: relocate(text.place, moved) for text in texts}
    blanks = [place for spec_place, place in text_places.items() if spec_place != ("salutation",)]
    composed = work
    dropped = blank_entries(composed, blanks)
    letter = without_blanks(composed, blanks)
    if spec.languages[1:] and letter_kind:
        letter = letter.model_copy(
            update={
                "translations": {
                    other: _translation(
                        spec,
                        other,
                        warnings,
                        config=config,
                        library=library,
                        audience=audience,
                        template_dirs=template_dirs,
                        clause_policy=clause_policy,
                        recipient=recipient,
                        recipient_index=recipient_index,
                        provenance=letter.provenance,
                    )
                    for other in spec.languages[1:]
                }
            }
        )
    missing = letter.unresolved()
    if missing:
        raise SpecError(
            f"the letter is still incomplete after compose: {', '.join(missing)}",
            hint="fill these in the spec",
        )
    unwritable = unwritable_in(letter)
    if unwritable is not None:
        raise TemplateError(
            f"holds {describe(unwritable[1])} after compose, which a letter cannot contain",
            where=unwritable[0],
            hint="it came from a template, clause or variable: remove it there",
        )
    slots = Slots(
        composed=composed,
        variables=dict(spec.variables),
        spec_part=spec_part,
        texts=texts,
        places=text_places,
        rule=rule,
        mark=mark,
        style=style,
        group=_group(work),
        reads=_reads(templates, variant, spec, clause_texts),
        for_recipient=recipient is not None,
    )
    # not validated (see ComposeResult): a test checks it equals the validated result
    return ComposeResult.model_construct(
        letter=letter,
        variant=variant,
        warnings=warnings,
        filled=filled,
        places=_places_after(moved, dropped),
        slots=slots,
    )


def names_read(
    spec: Letter,
    *,
    config: ProjectConfig | None = None,
    library: ClauseSource | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
) -> frozenset[str]:
    """The names composing ``spec`` may read: the variant's blocks and the clauses' wording.

    Whoever the letter is addressed to, its text outside the slots depends on these names
    only (see :meth:`~draftkit.compose.slots.Slots.kind_of`). Reading them also checks
    that the variant and every referenced clause exist.

    Raises:
        TemplateError: The variant does not exist or does not parse.
        ClauseError: A referenced clause is unknown (or no library is configured).
    """
    config = config or ProjectConfig()
    templates = templates_for([*template_dirs, *config.templates])
    variant = language_variant(templates, audience or spec.audience or "base", spec.language, [])
    audiences = [loaded.name for loaded in templates.chain(variant)]
    audiences += [a for a in (_language_base(n) for n in audiences) if a not in audiences]
    refs = [
        (f"{field}[{index}]", entry)
        for field in ("body", "asks", "closing")
        for index, entry in enumerate(getattr(spec, field))
        if isinstance(entry, ClauseRef)
    ]
    texts: list[str] = []
    if refs:
        owned: Any = _open_library(config) if library is None else None
        source: ClauseSource = library if library is not None else owned
        try:
            for place, ref in refs:
                try:
                    clause = source.get(ref.clause)
                except ClauseError as exc:
                    raise ClauseError(
                        exc.message, path=exc.path, line=exc.line, where=place, hint=exc.hint
                    ) from None
                chosen = next((a for a in audiences if a in clause.variants), None)
                wording, _ = clause.wording_for(chosen, ref.variant)
                parts = (wording.text, wording.lead, wording.body, *wording.items)
                texts += [text for text in parts if text]
        finally:
            if owned is not None:
                owned.close()
    return _reads(templates, variant, spec, texts)


def _reads(
    templates: TemplateSet, variant: str, spec: Letter, clause_texts: Sequence[str]
) -> frozenset[str]:
    names: set[str] = set()
    if spec.kind == "letter":
        names |= templates.names_read(variant, possible_blocks(spec))
    for text in clause_texts:
        names |= names_in_text(text)
    return frozenset(names)


def _address(
    work: Letter,
    style: Literal["common", "formal"],
    filled: list[str],
    recipient: Recipient | None,
    warnings: list[str],
) -> list[AddressForms | None]:
    """Fill the addressees' and cc's lines from their offices (in place); the forms."""
    try:
        forms = [
            forms_for(a, style, f"addressees[{i}]", work.language, warnings)
            for i, a in enumerate(work.addressees)
        ]
    except ProtocolError as exc:
        if recipient is None:
            raise
        raise ProtocolError(exc.message, path=recipient.source, hint=exc.hint) from None
    for index, (who, found) in enumerate(zip(work.addressees, forms, strict=True)):
        updated = fill_addressee(who, found)
        if updated is not who:
            filled.append(f"addressees[{index}]")
        work.addressees[index] = updated
    for index, who in enumerate(work.cc):
        found = forms_for(who, style, f"cc[{index}]", work.language, warnings)
        updated = fill_addressee(who, found)
        if updated is not who:
            filled.append(f"cc[{index}]")
        work.cc[index] = updated
    return forms


_VERSION_FIELDS = (
    "subject",
    "salutation",
    "body",
    "asks_intro",
    "asks",
    "closing",
    "complimentary_close",
    "signatory_note",
)


def _translation(
    spec: Letter,
    language: str,
    warnings: list[str],
    *,
    provenance: list[ProvenanceEntry],
    **options: Any,
) -> Translation:
    """A bilingual letter's version in ``language``, composed like a letter of its own.

    The version takes the parts ``translations.LANG`` writes; a part it leaves out is
    filled in that language (the variant's version, the forms of address, the clauses'
    versions) when the letter leaves it to them too, and a part the letter writes in its
    own words must be written here as well.

    Raises:
        SpecError: The letter writes a part in its own language that the version lacks.
    """
    given = next((v for k, v in spec.translations.items() if k == language), Translation())
    data = spec.model_dump(
        exclude_unset=True, exclude={"languages", "translations", *_VERSION_FIELDS}
    )
    for field in _VERSION_FIELDS:
        if field in given.model_fields_set:
            data[field] = getattr(given, field)
            continue
        if field not in spec.model_fields_set:
            continue
        value = getattr(spec, field)
        if value in (None, []) or (
            isinstance(value, list) and all(isinstance(v, ClauseRef) for v in value)
        ):
            data[field] = value  # left out on purpose, or clauses: they have versions
            continue
        raise SpecError(
            f"the letter writes {field} in {spec.language}; write it in {language} too",
            where=f"translations.{language}.{field}",
            hint=f"add {field}: under translations: {language}: (or leave {field} to the "
            "variant and the clauses)",
        )
    data["language"] = language
    data["variables"] = {**spec.variables, **given.variables}
    version = _compose(Letter.model_validate(data), **options)
    warnings += [f"({language}) {w}" for w in version.warnings if w not in warnings]
    provenance += [
        entry.model_copy(update={"place": f"translations.{language}.{entry.place}"})
        for entry in version.letter.provenance
    ]
    done = version.letter
    return Translation(
        **{field: getattr(done, field) for field in _VERSION_FIELDS},
        variables=dict(given.variables),
    )


def language_variant(
    templates: TemplateSet, variant: str, language: str, warnings: list[str]
) -> str:
    """The variant's version in ``language`` (``un`` -> ``un-fr``), when there is one.

    A variant already named for a language, or an English letter, is used as it is. A
    variant with no version in the letter's language is used in English, with a warning.
    """
    if language == "en" or _language_base(variant) != variant:
        return variant
    wanted = f"{variant}-{language}"
    if wanted in templates.names():
        return wanted
    warnings.append(
        f"variant '{variant}' has no {language} version ({wanted}.j2); the text it adds "
        f"is in English: write it in the spec, or add {wanted}.j2 to your templates"
    )
    return variant


def _language_base(name: str) -> str:
    """``un-fr`` -> ``un``: the audience a language version of a variant translates."""
    head, sep, tail = name.rpartition("-")
    return head if sep and tail in LANGUAGES and tail != "en" else name


def _several_signers(letter: Letter) -> bool:
    """The letter speaks as "we": several signers, or a coalition."""
    return letter.sender.coalition or len(letter.signatories) > 1


def _group(letter: Letter) -> str | None:
    group = letter.variables.get("salutation_group")
    return str(group) if group else None


def _places_after(moved: dict[Place, Place], dropped: dict[str, set[int]]) -> dict[Place, Place]:
    """``moved`` once the entries in ``dropped`` (rendered empty) are left out."""
    out: dict[Place, Place] = {}
    for spec_place, (field, index) in moved.items():
        gone = dropped.get(str(field), set())
        if index not in gone:
            out[spec_place] = (field, int(index) - sum(1 for n in gone if n < int(index)))
    return out


def _open_library(config: ProjectConfig) -> Any:
    if not config.clauses:
        raise ClauseError(
            "the letter uses clauses but no clause library is configured",
            hint="add clauses: [folder] to draftkit.yaml",
        )
    # deferred: the clause library (SQLite) loads only for a spec that uses clauses (start-up time)
    from draftkit.clauses import ClauseLibrary

    return ClauseLibrary.from_config(config)


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


def _compose_file(path: Path, *, config: ProjectConfig | None, **options: Any) -> ComposeResult:
    """Load a spec file, find its project settings, compose it; errors name the file."""
    letter = load_letter(path).with_files_from(path.parent)
    config = config or load_config(path)
    try:
        return compose_letter(letter, config=config, **options)
    except DraftkitError as exc:
        if exc.path is not None:
            raise
        line = exc.line
        if line is None and (exc.where or "").startswith("variables."):
            line = _variables_line(path)
        raise type(exc)(exc.message, path=path, line=line, where=exc.where, hint=exc.hint) from exc
