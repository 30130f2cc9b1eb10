"""Mail merge: one letter spec x many recipients -> one document per recipient.

For each recipient the spec's addressees are replaced by the recipient, whose office
gives the address block, salutation and close (see :mod:`draftkit.protocol`). Text in the
spec may use the recipient through Jinja expressions, rendered per letter in the same
sandbox as clauses::

    body:
      - As a senator from {{ recipient.state }}, you ...
      - "{{ recipient.personal_line }}"

Names a spec string may use: every spec variable and every recipient variable by name
(the recipient's value wins), ``variables`` (both merged), ``recipient`` (``name``,
``surname``, ``honorific``, ``office``, ``gender``, ``status``, ``title_lines``,
``address_lines``, ``salutation`` as derived from the office, ``key``, ``index`` and
each recipient variable, also under ``recipient.variables``), and ``organizations``,
``individuals``, ``signer_count``, ``coalition``, ``sender_name``. Clauses and variant
blocks see the recipient's variables as ordinary variables. A paragraph or bullet item
that renders empty is left out, so ``{% if recipient.personal_line %}...{% endif %}``
makes a paragraph optional.

Speed. Composing a letter (variant blocks, clauses) costs tens of milliseconds, so merge
composes once per *kind* of recipient, not once per letter: the variant's blocks and
the clauses are read once to learn which names they use, and recipients who agree on
everything those names can see (office, status, gender and the variables used) share
one composed letter; each letter then only gets its own address block, salutation and
spec strings. When a template reads per-recipient data that cannot be grouped this way
(``recipient``, ``addressees``, ``letter`` ...), merge composes each letter on its own
(correct, slower) and says so in :attr:`MergeResult.mode`. For DOCX, each kind of
letter is rendered once as a *skeleton* with markers where the recipient's text goes;
a letter is the skeleton with the recipient's escaped text filled in, only the changed
parts deflated again (byte for byte what the full renderer writes). Text with inline
markup (``**bold**``, links) in a per-recipient string takes the full path, where the
XML of unchanged blocks is reused.

Robustness. A recipient that cannot be used (no name, unknown office, a template that
fails for that row) is reported in the manifest and skipped; the others render. A file
that already exists is skipped unless ``force``; every file is written through a
temporary file and a rename, so an interrupted run leaves no partial file. A manifest
(``manifest.csv``) lists recipient, file, status and message for every row.

Parallel. ``jobs=N`` renders in N processes; any :class:`concurrent.futures.Executor`
can be passed instead. Work is sent in chunks; each worker process prepares the spec,
the reference document and its compose cache once.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import gc
import hashlib
import io
import itertools
import json
import multiprocessing
import os
import re
import signal
import sys
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from xml.sax.saxutils import escape as xml_escape

from pydantic import ValidationError

from draftkit.config import ProjectConfig, load_config
from draftkit.errors import (
    DraftkitError,
    OutputExistsError,
    ProtocolError,
    RenderError,
    SpecError,
    TemplateError,
)
from draftkit.files import (
    load_letter,
    refuse_input_as_output,
    write_bytes_atomic,
    write_text_atomic,
)
from draftkit.recipients import Recipient, load_recipients
from draftkit.schema import Addressee, Ask, ClauseRef, Letter

if TYPE_CHECKING:
    from draftkit.compose import ComposeResult
    from draftkit.protocol import AddressForms
    from draftkit.render.word import DocxRenderer

__all__ = [
    "MANIFEST_NAME",
    "MERGE_FORMATS",
    "MergeFormat",
    "MergeResult",
    "MergeRow",
    "MergedLetter",
    "check_outputs",
    "mail_merge",
    "merge",
    "merge_letters",
    "output_names",
    "safe_file_stem",
]

MergeFormat = Literal["docx", "md", "txt"]
MERGE_FORMATS: tuple[MergeFormat, ...] = ("docx", "md", "txt")
MANIFEST_NAME = "manifest.csv"
"""The manifest's file name inside the output folder."""

Status = Literal["rendered", "skipped", "error"]

_TEMPLATE_MARK = re.compile(r"\{\{|\{%|\{#")
# Names through which a variant block or clause can see one particular recipient (or
# the whole letter); if a template uses one, letters are composed one by one.
_PER_RECIPIENT_NAMES = frozenset(
    {"recipient", "recipients", "recipient_forms", "addressees", "letter", "variables",
     "salutation", "*"}
)  # fmt: skip
_SCALAR_FIELDS = (
    "heading",
    "subject",
    "salutation",
    "asks_intro",
    "complimentary_close",
    "signatory_note",
)
_MEMO_LIMIT = 4096


# --------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class MergeRow:
    """What happened to one recipient.

    Attributes:
        index: The recipient's 1-based position in the list.
        recipient: The recipient's name (or another label).
        key: The recipient's stable id, if any.
        file: The output file name inside the output folder (None for errors).
        status: ``rendered``, ``skipped`` (the file exists) or ``error``.
        message: Why a row was skipped or failed.
    """

    index: int
    recipient: str
    key: str | None
    file: str | None
    status: Status
    message: str = ""


@dataclass(slots=True)
class MergeResult:
    """What :func:`merge` did.

    Attributes:
        outdir: The output folder.
        rows: One row per recipient, in list order.
        manifest: The manifest file written, if any.
        combined: The combined document, if one was written.
        mode: ``grouped`` (one compose per kind of recipient) or ``per-recipient``.
        warnings: Compose warnings and notes, each once.
    """

    outdir: Path
    rows: list[MergeRow] = field(default_factory=list)
    manifest: Path | None = None
    combined: Path | None = None
    mode: str = "grouped"
    warnings: list[str] = field(default_factory=list)

    def count(self, status: Status) -> int:
        """How many rows have ``status``."""
        return sum(1 for row in self.rows if row.status == status)

    @property
    def rendered(self) -> int:
        """Letters written in this run."""
        return self.count("rendered")

    @property
    def skipped(self) -> int:
        """Letters left as they were (already rendered)."""
        return self.count("skipped")

    @property
    def errors(self) -> int:
        """Recipients that could not be used."""
        return self.count("error")


@dataclass(frozen=True, slots=True)
class MergedLetter:
    """One recipient's resolved letter, or why there is none (see :func:`merge_letters`).

    Attributes:
        index: 1-based position in the recipient list.
        recipient: The recipient.
        letter: The resolved letter (None when ``error`` is set).
        error: The problem with this recipient.
    """

    index: int
    recipient: Recipient
    letter: Letter | None
    error: DraftkitError | None = None


# --------------------------------------------------------------------------- file names

_TRANSLITERATE = str.maketrans(
    {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
     "Đ": "D", "þ": "th", "Þ": "Th", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "Ð": "D"}
)  # fmt: skip


def safe_file_stem(text: str, *, limit: int = 60) -> str:
    """A readable, portable file-name stem: ``"José Núñez"`` -> ``"jose-nunez"``.

    Accents are transliterated, everything but ASCII letters and digits becomes a dash
    (so path separators and dots cannot survive), and the result is cut at ``limit``.

    Returns:
        The stem, or ``"recipient"`` when nothing readable is left.
    """
    ascii_text = (
        unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
        .encode("ascii", "ignore")
        .decode("ascii")
        .lower()
    )
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(stem) > limit:
        stem = stem[:limit].rstrip("-")
    return stem or "recipient"


def _courtesy(office: str | None) -> str | None:
    if not office:
        return None
    from draftkit.protocol import get_office

    try:
        return get_office(office).courtesy_title
    except ProtocolError:
        return None


def output_names(recipients: Sequence[Recipient], fmt: MergeFormat = "docx") -> list[str]:
    """File names for each recipient: ``001-senator-jim-risch.docx`` ...

    The number is the recipient's position (zero-padded to at least three digits), so
    names are unique and sort in list order; a name seen twice gets ``-2``, ``-3``.
    """
    width = max(3, len(str(len(recipients))))
    seen: set[str] = set()
    out: list[str] = []
    for index, recipient in enumerate(recipients, start=1):
        title = _courtesy(recipient.office)
        label = " ".join(p for p in (title, recipient.name or recipient.key or "") if p)
        stem = f"{index:0{width}d}-{safe_file_stem(label)}"
        candidate = stem
        for n in itertools.count(2):
            if candidate.casefold() not in seen:
                break
            candidate = f"{stem}-{n}"
        seen.add(candidate.casefold())
        out.append(f"{candidate}.{fmt}")
    return out


# --------------------------------------------------------------------------- spec text


def _has_template(text: str | None) -> bool:
    return bool(text) and _TEMPLATE_MARK.search(text or "") is not None


class _Text:
    """A spec string with Jinja expressions, rendered per recipient.

    ``render_string`` keeps compiled templates, so each string is compiled once.
    """

    __slots__ = ("name", "place", "source")

    def __init__(self, source: str, name: str, place: str) -> None:
        self.source = source
        self.name = name
        self.place = place

    def render(self, values: Mapping[str, Any]) -> str:
        from draftkit.compose import render_string

        try:
            return render_string(self.source, values, name=self.name)
        except TemplateError as exc:
            hint = exc.hint
            if exc.message.startswith("undefined variable"):
                hint = "add that column to the recipient list, or the variable to the spec"
            raise TemplateError(exc.message, path=exc.path, where=self.place, hint=hint) from None


@dataclass(slots=True)
class _SpecTexts:
    """The templated strings of a spec, by place."""

    scalars: dict[str, _Text] = field(default_factory=dict)
    body: dict[int, _Text] = field(default_factory=dict)
    closing: dict[int, _Text] = field(default_factory=dict)
    asks: dict[tuple[int, str, int], _Text] = field(default_factory=dict)
    enclosures: dict[int, _Text] = field(default_factory=dict)

    def fields(self) -> set[str]:
        """The letter fields that hold templated text."""
        out = set(self.scalars)
        for name in ("body", "closing", "asks", "enclosures"):
            if getattr(self, name):
                out.add(name)
        return out

    def __bool__(self) -> bool:
        return bool(self.fields())

    def all(self) -> list[_Text]:
        """Every templated string, in a fixed order."""
        return [
            *self.scalars.values(),
            *self.body.values(),
            *self.closing.values(),
            *self.asks.values(),
            *self.enclosures.values(),
        ]


def _spec_texts(letter: Letter, name: str) -> _SpecTexts:
    texts = _SpecTexts()
    for field_name in _SCALAR_FIELDS:
        value = getattr(letter, field_name)
        if isinstance(value, str) and _has_template(value):
            texts.scalars[field_name] = _Text(value, name, field_name)
    for field_name in ("body", "closing"):
        target: dict[int, _Text] = getattr(texts, field_name)
        for index, entry in enumerate(getattr(letter, field_name)):
            if isinstance(entry, str) and _has_template(entry):
                target[index] = _Text(entry, name, f"{field_name}[{index}]")
    for index, ask in enumerate(letter.asks):
        if not isinstance(ask, Ask):
            continue
        for part in ("lead", "body"):
            value = getattr(ask, part)
            if isinstance(value, str) and _has_template(value):
                texts.asks[(index, part, 0)] = _Text(value, name, f"asks[{index}].{part}")
        for number, item in enumerate(ask.items):
            if _has_template(item):
                texts.asks[(index, "items", number)] = _Text(
                    item, name, f"asks[{index}].items[{number}]"
                )
    for index, entry in enumerate(letter.enclosures):
        if _has_template(entry):
            texts.enclosures[index] = _Text(entry, name, f"enclosures[{index}]")
    return texts


def _literal_positions(letter: Letter, field_name: str) -> list[int]:
    """Indexes of the composed ``body``/``closing`` that hold the spec's literal paragraphs.

    Compose keeps literal paragraphs in order and expands each clause reference into
    paragraphs recorded in ``provenance``; the rest are the literal ones.
    """
    from_clauses = {
        int(entry.place[len(field_name) + 1 : -1])
        for entry in letter.provenance
        if entry.place.startswith(f"{field_name}[")
    }
    return [i for i in range(len(getattr(letter, field_name))) if i not in from_clauses]


def _apply_texts(
    letter: Letter,
    spec: Letter,
    texts: _SpecTexts,
    render: Callable[[_Text], str],
    *,
    composed: bool,
) -> dict[str, Any]:
    """Put the templated spec strings, rendered, into field updates for ``letter``.

    Args:
        letter: The letter to patch (composed, or the spec itself before compose).
        spec: The spec (to map literal paragraphs to their composed places).
        texts: The templated strings.
        render: Gives the text of each templated string.
        composed: ``letter`` is composed: literal paragraphs may have moved.
    """
    update: dict[str, Any] = {}
    for field_name, text in texts.scalars.items():
        update[field_name] = render(text)
    for field_name in ("body", "closing"):
        mapping: dict[int, _Text] = getattr(texts, field_name)
        if not mapping:
            continue
        current = list(getattr(letter, field_name))
        if composed:
            literal_in_spec = [
                i for i, entry in enumerate(getattr(spec, field_name)) if isinstance(entry, str)
            ]
            composed_places = _literal_positions(letter, field_name)
            places = dict(zip(literal_in_spec, composed_places, strict=False))
        else:
            places = {i: i for i in mapping}
        for spec_index, text in mapping.items():
            current[places[spec_index]] = render(text)
        update[field_name] = current
    if texts.asks:
        asks = list(letter.asks)
        changes: dict[int, dict[str, Any]] = {}
        for (index, part, number), text in texts.asks.items():
            rendered = render(text)
            change = changes.setdefault(index, {})
            if part == "items":
                items = change.setdefault("items", list(_ask(asks[index]).items))
                items[number] = rendered
            else:
                change[part] = rendered
        for index, change in changes.items():
            asks[index] = _ask(asks[index]).model_copy(update=change)
        update["asks"] = asks
    if texts.enclosures:
        enclosures = list(letter.enclosures)
        for index, text in texts.enclosures.items():
            enclosures[index] = render(text)
        update["enclosures"] = enclosures
    return update


def _ask(entry: Any) -> Ask:
    if not isinstance(entry, Ask):
        raise RenderError("internal: a templated ask moved in compose")
    return entry


def _drop_blank(letter: Letter, fields: set[str]) -> Letter:
    """Leave out paragraphs and items of templated ``fields`` that rendered empty.

    Empty one-line fields become None. Fields without templates are never touched.
    """
    if not fields:
        return letter
    update: dict[str, Any] = {}
    for field_name in ("body", "closing", "enclosures"):
        if field_name not in fields:
            continue
        entries = getattr(letter, field_name)
        kept = [e for e in entries if not (isinstance(e, str) and not e.strip())]
        if len(kept) != len(entries):
            update[field_name] = kept
    if "asks" in fields:
        asks: list[Any] = []
        changed = False
        for ask in letter.asks:
            if isinstance(ask, Ask):
                items = [i for i in ask.items if i.strip()]
                lead = ask.lead if ask.lead and ask.lead.strip() else None
                body = ask.body if ask.body and ask.body.strip() else None
                if (items, lead, body) != (ask.items, ask.lead, ask.body):
                    changed = True
                    if not (items or lead or body):
                        continue
                    ask = ask.model_copy(update={"items": items, "lead": lead, "body": body})
            asks.append(ask)
        if changed:
            update["asks"] = asks
    for field_name in fields.intersection(_SCALAR_FIELDS):
        value = getattr(letter, field_name)
        if isinstance(value, str) and not value.strip():
            update[field_name] = None
    return letter.model_copy(update=update) if update else letter


# --------------------------------------------------------------------------- template analysis


def _names_in(
    node: Any, sinks: list[set[str]], blocks: dict[str, set[str]], top: set[str] | None = None
) -> None:
    """Collect names a Jinja AST loads from its context (``*`` for include/import).

    Names inside ``{% block %}`` go to that block's set in ``blocks`` (and to the sets
    of blocks around it), not to ``top``; everything else goes to every set in ``sinks``.
    """
    kind = type(node).__name__
    if kind == "Block":
        own = blocks.setdefault(str(node.name), set())
        inner = [sink for sink in sinks if sink is not top]
        for child in node.iter_child_nodes():
            _names_in(child, [*inner, own], blocks, top)
        return
    if kind == "Name" and getattr(node, "ctx", "") == "load":
        for sink in sinks:
            sink.add(str(node.name))
    elif kind in ("Include", "Import", "FromImport"):
        for sink in sinks:
            sink.add("*")
    for child in node.iter_child_nodes():
        _names_in(child, sinks, blocks, top)


def _wanted_blocks(spec: Letter) -> set[str]:
    """The variant blocks compose renders for this spec (whoever the recipient is)."""
    wanted = {"options", "complimentary_close", "signatory_note"}
    if not spec.body:
        wanted |= {"opening", "context"}
    if spec.asks and spec.asks_intro is None:
        wanted.add("asks_intro")
    if not spec.closing:
        wanted.add("closing")
    if not spec.salutation:
        wanted.add("salutation")
    return wanted


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True, slots=True)
class _Plan:
    """Everything a worker needs to render letters (picklable)."""

    token: str
    spec: Letter
    spec_name: str
    spec_digest: str | None
    config: ProjectConfig
    audience: str | None
    template_dirs: tuple[Path, ...]
    reference: Path | None
    fmt: MergeFormat
    outdir: Path
    force: bool
    variable_names: frozenset[str]
    grouped: bool


@dataclass(frozen=True, slots=True)
class _Task:
    index: int
    recipient: Recipient
    file: str


@dataclass(slots=True)
class _Parts:
    """One recipient's pieces, shared by the fast and the full path."""

    recipient: Recipient
    who: Addressee
    forms: AddressForms | None
    variables: dict[str, Any]
    rendered: dict[_Text, str]
    key: Any = None
    base: ComposeResult | None = None


# markers in a skeleton document (private-use characters never found in letters)
_NAME, _JOIN, _SALUTATION, _LABEL, _KEY, _FIRST_TEXT_SLOT = range(6)
_MARKER = re.compile("\ue000(\\d+)\ue001")
_ADDRESS_SPAN = re.compile(f"\ue000{_NAME}\ue001(.*?)\ue000{_JOIN}\ue001", re.S)
_DYNAMIC_PARTS = frozenset({"word/document.xml", "docProps/core.xml", "docProps/custom.xml"})
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _marker(slot: int) -> str:
    return f"\ue000{slot}\ue001"


def _xml_text(value: str) -> str:
    """Text as the DOCX renderer writes it inside ``w:t`` (invalid characters dropped)."""
    return xml_escape(_INVALID_XML.sub("", value))


def _plain(value: str) -> bool:
    """True when ``value`` is set exactly as written: no inline markup, no line break."""
    if not value.strip() or "\n" in value or "\ue000" in value:
        return False
    if not any(c in value for c in "*[\\"):
        return True
    from draftkit.markup import parse

    spans = parse(value)
    return (
        len(spans) == 1
        and spans[0].text == value
        and not (spans[0].bold or spans[0].italic or spans[0].url)
    )


@dataclass(slots=True)
class _Skeleton:
    """A kind of recipient's document with markers, split into reusable pieces.

    Attributes:
        entries: Zip entries in order: compressed parts, or the names of marked parts.
        pieces: Marked part -> its text between markers, and marker numbers.
        slots: Templated spec string -> its marker number.
        joiner: The XML between two lines of the address block.
    """

    entries: list[Any]
    pieces: dict[str, list[str | int]]
    slots: dict[_Text, int]
    joiner: str


class _Merger:
    """Per-process state for one plan: compiled spec strings, compose cache, renderer."""

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        self.pid = os.getpid()
        spec = plan.spec
        self.texts = _spec_texts(spec, plan.spec_name)
        self.text_fields = self.texts.fields()
        self.variant = plan.audience or spec.audience or "base"
        self._library: Any = None
        self._cache: dict[tuple[Any, ...], ComposeResult | DraftkitError] = {}
        self._renderer: DocxRenderer | None = None
        self._skeletons: dict[Any, _Skeleton | None] = {}
        self.fast = True
        self.key_names, self.grouped = self._analyse()
        self.warnings: list[str] = []
        organizations = [s.name for s in spec.signatories if s.kind == "organization"]
        sender_name = spec.sender.organization
        if not sender_name and len(organizations) == 1:
            sender_name = organizations[0]
        self.letter_names: dict[str, Any] = {
            "organizations": organizations,
            "individuals": [s.model_dump() for s in spec.signatories if s.kind == "individual"],
            "signer_count": len(spec.signatories),
            "coalition": spec.sender.coalition,
            "sender_name": sender_name,
        }

    # -- setup ------------------------------------------------------------------------

    @property
    def library(self) -> Any:
        refs = any(
            isinstance(e, ClauseRef)
            for e in (*self.plan.spec.body, *self.plan.spec.asks, *self.plan.spec.closing)
        )
        if not refs:
            return None
        if self._library is None:
            from draftkit.clauses import ClauseLibrary

            self._library = ClauseLibrary.from_config(self.plan.config)
        return self._library

    def _analyse(self) -> tuple[frozenset[str], bool]:
        """Which recipient variables compose can see, and whether letters can be grouped.

        Raises:
            TemplateError: The variant does not exist or does not parse.
            ClauseError: A referenced clause is unknown.
        """
        from draftkit.compose import TemplateSet

        plan = self.plan
        templates = TemplateSet([*plan.template_dirs, *plan.config.templates])
        top: set[str] = set()
        blocks: dict[str, set[str]] = {}
        for loaded in templates.chain(self.variant):
            _names_in(loaded.ast, [top], blocks, top)
        names = set(top)
        wanted = _wanted_blocks(plan.spec)
        if "self" in names or any("self" in b for b in blocks.values()):
            wanted = set(blocks)
        for block in wanted:
            names |= blocks.get(block, set())
        library = self.library
        for entry in (*plan.spec.body, *plan.spec.asks, *plan.spec.closing):
            if not isinstance(entry, ClauseRef):
                continue
            clause = library.get(entry.clause)
            wording, _ = clause.wording_for(self.variant, entry.variant)
            for text in (wording.text, wording.lead, wording.body, *wording.items):
                if text:
                    try:
                        _names_in(templates.env.parse(text), [names], {})
                    except Exception:  # compose reports syntax errors
                        names.add("*")
        per_recipient = _PER_RECIPIENT_NAMES | self.texts.fields()
        grouped = plan.grouped and not (names & per_recipient)
        return frozenset(names & plan.variable_names), grouped

    # -- one recipient ----------------------------------------------------------------

    def _forms(self, who: Addressee) -> AddressForms | None:
        if not who.office:
            return None
        from draftkit.protocol import address_forms

        assert who.name is not None
        return address_forms(
            who.office,
            who.name,
            gender=who.gender,
            status=who.status,
            style=self.plan.spec.options.salutation_style,
            surname=who.params.get("surname"),
            params=who.params,
            address_lines=who.address_lines or None,
        )

    def _compose(self, letter: Letter) -> ComposeResult:
        from draftkit.compose import compose

        try:
            return compose(
                letter,
                config=self.plan.config,
                library=self.library,
                audience=self.plan.audience,
                template_dirs=self.plan.template_dirs,
            )
        except SpecError as exc:
            if exc.path is not None or not exc.where:
                raise
            # a field the spec must fill (a variable a built-in template needs)
            raise SpecError(
                exc.message, path=self.plan.spec_name, where=exc.where, hint=exc.hint
            ) from None

    def _values(
        self,
        index: int,
        recipient: Recipient,
        who: Addressee,
        forms: AddressForms | None,
        variables: Mapping[str, Any],
    ) -> dict[str, Any]:
        person: dict[str, Any] = dict(recipient.variables)
        person.update(
            {
                "name": who.name,
                "surname": forms.surname if forms else recipient.surname,
                "honorific": who.honorific or (forms.honorific if forms else None),
                "office": who.office,
                "gender": who.gender,
                "status": who.status,
                "title_lines": list(who.title_lines or (forms.title_lines if forms else [])),
                "address_lines": list(
                    who.address_lines or (forms.address_lines if forms else [])
                ),
                "salutation": recipient.salutation
                or (self._salutation_text(forms, self.plan.spec) if forms else None),
                "key": recipient.key,
                "index": index,
                "variables": dict(recipient.variables),
            }
        )
        return {
            **variables,
            **self.letter_names,
            "variables": dict(variables),
            "recipient": person,
        }

    def _salutation_text(self, forms: AddressForms, letter: Letter) -> str:
        style = letter.options.salutation_style
        return forms.salutation_formal if style == "formal" else forms.salutation_common

    def _mark(self, letter: Letter, variant: str) -> str:
        from draftkit.protocol import default_punctuation

        return letter.options.salutation_punctuation or default_punctuation(
            letter.audience or variant
        )

    def letter_for(self, index: int, recipient: Recipient) -> tuple[Letter, list[str]]:
        """The resolved letter for one recipient and compose's warnings.

        Raises:
            DraftkitError: The recipient cannot be used or the letter fails for them.
        """
        parts = self._parts(index, recipient)
        if parts.base is None:
            return self._letter_one_by_one(parts)
        return self._grouped_letter(parts), list(parts.base.warnings)

    def _parts(self, index: int, recipient: Recipient) -> _Parts:
        """What every path needs: the addressee, forms, variables, rendered strings."""
        spec = self.plan.spec
        try:
            who = recipient.addressee()
        except ValidationError as exc:
            raise SpecError(
                f"recipient cannot be addressed: {exc.errors()[0]['msg']}", path=recipient.source
            ) from None
        try:
            forms = self._forms(who)
        except ProtocolError as exc:
            raise ProtocolError(exc.message, path=recipient.source, hint=exc.hint) from None
        variables = {**spec.variables, **recipient.variables}
        values = self._values(index, recipient, who, forms, variables)
        rendered = {text: text.render(values) for text in self.texts.all()}
        parts = _Parts(recipient, who, forms, variables, rendered)
        if not self.grouped:
            return parts
        parts.key = (
            who.office,
            who.status,
            who.gender,
            bool(recipient.salutation),
            tuple(
                (name, json.dumps(variables.get(name), sort_keys=True, default=str))
                for name in sorted(self.key_names)
            ),
        )
        cached = self._cache.get(parts.key)
        if cached is None:
            work = spec.model_copy(update={"addressees": [who], "variables": variables})
            if recipient.salutation:
                work.salutation = recipient.salutation
            try:
                cached = self._compose(work)
            except DraftkitError as exc:
                cached = exc
            self._cache[parts.key] = cached
        if isinstance(cached, DraftkitError):
            raise cached
        parts.base = cached
        return parts

    def _addressee(self, parts: _Parts) -> Addressee:
        """The recipient's addressee with the office's lines filled in (as compose does)."""
        who, forms = parts.who, parts.forms
        if forms is None:
            return who
        fill: dict[str, Any] = {}
        if who.honorific is None and forms.honorific:
            fill["honorific"] = forms.honorific
        if not who.title_lines and forms.title_lines:
            fill["title_lines"] = list(forms.title_lines)
        if not who.address_lines and forms.address_lines:
            fill["address_lines"] = list(forms.address_lines)
        return who.model_copy(update=fill) if fill else who

    def _salutation(self, parts: _Parts) -> str | None:
        """The salutation of a grouped letter (None: keep the composed one)."""
        assert parts.base is not None
        base = parts.base.letter
        mark = self._mark(base, parts.base.variant)
        if parts.recipient.salutation:
            return _punctuate(parts.recipient.salutation, mark)
        slot = self.texts.scalars.get("salutation")
        if slot is not None:
            return parts.rendered[slot]
        if not self.plan.spec.salutation and parts.forms is not None:
            return _punctuate(self._salutation_text(parts.forms, base), mark)
        return None

    def _grouped_letter(self, parts: _Parts) -> Letter:
        assert parts.base is not None
        base = parts.base.letter
        update = _apply_texts(
            base, self.plan.spec, self.texts, parts.rendered.__getitem__, composed=True
        )
        update["addressees"] = [self._addressee(parts)]
        update["variables"] = parts.variables
        salutation = self._salutation(parts)
        if salutation is not None:
            update["salutation"] = salutation
        return _drop_blank(base.model_copy(update=update), self.text_fields)

    def _letter_one_by_one(self, parts: _Parts) -> tuple[Letter, list[str]]:
        spec = self.plan.spec
        recipient = parts.recipient
        update = _apply_texts(spec, spec, self.texts, parts.rendered.__getitem__, composed=False)
        update["addressees"] = [parts.who]
        update["variables"] = parts.variables
        if recipient.salutation:
            update["salutation"] = recipient.salutation
        work = spec.model_copy(update=update)
        result = self._compose(work)
        letter = result.letter
        if recipient.salutation:
            mark = self._mark(letter, result.variant)
            letter = letter.model_copy(
                update={"salutation": _punctuate(recipient.salutation, mark)}
            )
        return _drop_blank(letter, self.text_fields), list(result.warnings)

    # -- the DOCX fast path ------------------------------------------------------------

    def _skeleton(self, parts: _Parts) -> _Skeleton | None:
        """The skeleton document of the recipient's kind (built once; None: not possible)."""
        key = parts.key
        if key in self._skeletons:
            return self._skeletons[key]
        assert parts.base is not None
        try:
            skeleton = self._build_skeleton(parts.base.letter)
        except DraftkitError:
            skeleton = None
        if len(self._skeletons) >= 64:
            self._skeletons.clear()
        self._skeletons[key] = skeleton
        return skeleton

    def _build_skeleton(self, base: Letter) -> _Skeleton | None:
        """Render the composed letter once with markers where each recipient's text goes.

        Everything but the marked text is the same for every recipient of this kind, so
        a letter is then the skeleton's parts with the recipient's (escaped) text put in,
        the changed parts deflated and the rest reused.
        """
        from draftkit.render.package import compress

        own = self.texts.scalars.get("salutation")  # filled through _SALUTATION
        texts = [text for text in self.texts.all() if text is not own]
        slots = {text: _FIRST_TEXT_SLOT + i for i, text in enumerate(texts)}
        update = _apply_texts(
            base,
            self.plan.spec,
            self.texts,
            lambda t: _marker(slots[t]) if t in slots else t.source,
            composed=True,
        )
        update["addressees"] = [Addressee(name=_marker(_NAME), title_lines=[_marker(_JOIN)])]
        update["salutation"] = _marker(_SALUTATION)
        letter = base.model_copy(update=update)
        props = self.properties(letter, None)
        props["draftkit.recipient"] = _marker(_LABEL)
        props["draftkit.recipient_key"] = _marker(_KEY)
        data = self.renderer.render(letter, properties=props)
        entries: list[Any] = []
        pieces: dict[str, list[str | int]] = {}
        joiner = ""
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                raw = archive.read(info.filename)
                text = raw.decode("utf-8", "replace")
                if "\ue000" not in text:
                    entries.append(compress(info.filename, raw))
                    continue
                if info.filename == "word/document.xml":
                    span = _ADDRESS_SPAN.search(text)
                    if span is None:
                        return None
                    joiner = span.group(1)
                    text = text[: span.start()] + _marker(_NAME) + text[span.end() :]
                split = _MARKER.split(text)
                pieces[info.filename] = [
                    int(piece) if i % 2 else piece for i, piece in enumerate(split)
                ]
                entries.append(info.filename)
        document = pieces.get("word/document.xml", [])
        wanted = [_NAME, _SALUTATION, *slots.values()]
        found = [p for p in document if isinstance(p, int)]
        # the continuation header names the addressee too
        dynamic = {*_DYNAMIC_PARTS, self.renderer.continuation_part}
        if sorted(found) != sorted(wanted) or not set(pieces) <= dynamic:
            return None
        return _Skeleton(entries, pieces, slots, joiner)

    def _fast_docx(self, parts: _Parts) -> bytes | None:
        """The recipient's DOCX from the skeleton, or None when the text needs the full path."""
        skeleton = self._skeleton(parts)
        if skeleton is None:
            return None
        from draftkit.render.layout import address_lines, running_header
        from draftkit.render.package import build_zip, compress
        from draftkit.typography import smarten

        assert parts.base is not None
        options = parts.base.letter.options
        # the printed text has typographic quotes, as the renderer sets it (see typeset)
        printed = smarten if options.quotes == "typographic" else str
        salutation = self._salutation(parts)
        name = parts.who.name or ""
        if salutation is None or not _plain(salutation) or not _plain(name):
            return None
        document: dict[int, str] = {_SALUTATION: _xml_text(printed(salutation))}
        core: dict[int, str] = {_NAME: _xml_text(name)}
        for text, slot in skeleton.slots.items():
            value = parts.rendered[text]
            if not _plain(value):
                return None
            document[slot] = _xml_text(printed(value))
            core[slot] = _xml_text(value)
        addressee = self._addressee(parts)
        lines = [piece for line in address_lines(addressee) for piece in
                 line.split("\n")]  # fmt: skip
        document[_NAME] = skeleton.joiner.join(_xml_text(printed(line)) for line in lines)
        who, _ = running_header(Letter(addressees=[addressee], options=options))
        custom = {_LABEL: _xml_text(parts.recipient.label()),
                  _KEY: _xml_text(parts.recipient.key or "")}  # fmt: skip
        values = {"word/document.xml": document, "docProps/core.xml": core,
                  "docProps/custom.xml": custom,
                  self.renderer.continuation_part: {_NAME: _xml_text(who)}}  # fmt: skip
        entries = []
        for entry in skeleton.entries:
            if isinstance(entry, str):
                chosen = values[entry]
                xml = "".join(
                    p if isinstance(p, str) else chosen[p] for p in skeleton.pieces[entry]
                )
                entry = compress(entry, xml.encode("utf-8"))
            entries.append(entry)
        return build_zip(entries)

    # -- output -----------------------------------------------------------------------

    def render(self, letter: Letter, recipient: Recipient) -> bytes:
        plan = self.plan
        if plan.fmt == "md":
            from draftkit.render import render_markdown

            return render_markdown(letter).encode("utf-8")
        if plan.fmt == "txt":
            from draftkit.render import render_text

            return render_text(letter).encode("utf-8")
        return self.renderer.render(letter, properties=self.properties(letter, recipient))

    @property
    def renderer(self) -> DocxRenderer:
        if self._renderer is None:
            self._renderer = _memo_renderer(self.plan.reference)
        return self._renderer

    def properties(self, letter: Letter, recipient: Recipient | None) -> dict[str, str]:
        from draftkit.build import provenance_properties

        props = provenance_properties(letter, spec_digest=self.plan.spec_digest)
        if recipient is not None:
            props["draftkit.recipient"] = recipient.label()
            props["draftkit.recipient_key"] = recipient.key or ""
        return props

    def run(self, task: _Task) -> MergeRow:
        """Render one recipient's letter to its file and report the row."""
        recipient = task.recipient
        row = _row_maker(task)
        try:
            parts = self._parts(task.index, recipient)
            warnings = list(parts.base.warnings) if parts.base is not None else []
            data = None
            if parts.base is not None and self.plan.fmt == "docx" and self.fast:
                data = self._fast_docx(parts)
            if data is None:
                if parts.base is not None:
                    letter = self._grouped_letter(parts)
                else:
                    letter, warnings = self._letter_one_by_one(parts)
                data = self.render(letter, recipient)
            for warning in warnings:
                if warning not in self.warnings:
                    self.warnings.append(warning)
            write_bytes_atomic(self.plan.outdir / task.file, data, force=self.plan.force)
        except OutputExistsError:
            return row("skipped", task.file, "already rendered (pass --force to replace)")
        except DraftkitError as exc:
            return row("error", None, str(exc))
        return row("rendered", task.file, "")


def _row_maker(task: _Task) -> Callable[[Status, str | None, str], MergeRow]:
    """A maker of the row for ``task`` (keeps :meth:`_Merger.run` short)."""

    def make(status: Status, file: str | None, message: str) -> MergeRow:
        recipient = task.recipient
        return MergeRow(task.index, recipient.label(), recipient.key, file, status, message)

    return make


def _punctuate(salutation: str, mark: str) -> str:
    text = salutation.strip()
    return text if text.endswith((",", ":")) else text + mark


_MERGERS: dict[str, _Merger] = {}


def _merger_for(plan: _Plan) -> _Merger:
    """The process's merger for ``plan``; a forked worker keeps the parent's caches."""
    merger = _MERGERS.get(plan.token)
    if merger is not None and merger.pid != os.getpid():
        # inherited through fork: keep the compose cache, never share the parent's
        # SQLite connection (kept referenced so that it is not closed from here)
        _ORPHANS.append(merger._library)
        merger._library = None
        merger.pid = os.getpid()
    if merger is None:
        while len(_MERGERS) >= 4:
            _MERGERS.pop(next(iter(_MERGERS)))
        merger = _MERGERS[plan.token] = _Merger(plan)
    return merger


_ORPHANS: list[Any] = []


_Payload = list[tuple[int, str, dict[str, Any]]]


def _payload(tasks: Sequence[_Task]) -> _Payload:
    """Tasks as plain data: unpickling validated models costs more than rendering them."""
    return [(task.index, task.file, dict(task.recipient.__dict__)) for task in tasks]


def _render_chunk(plan: _Plan, payload: _Payload) -> tuple[list[MergeRow], list[str]]:
    """Worker entry point: render a chunk of recipients (module level, so picklable)."""
    merger = _merger_for(plan)
    rows = [
        merger.run(_Task(index, Recipient.model_construct(**fields), file))
        for index, file, fields in payload
    ]
    return rows, list(merger.warnings)


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# --------------------------------------------------------------------------- DOCX memo


def _memo_renderer(reference: Path | None) -> DocxRenderer:
    """A DOCX renderer that reuses the XML of blocks it has already built.

    A merged letter repeats most of its blocks (context paragraphs, asks, signatures)
    from letter to letter; only the address block, salutation and templated paragraphs
    differ. Blocks are immutable values, so their XML can be reused; blocks holding a
    hyperlink are rebuilt, since their relationship ids belong to one document.
    """
    from draftkit.render.word import DocxRenderer, default_reference

    class MemoRenderer(DocxRenderer):
        def __init__(self, ref: Path) -> None:
            super().__init__(ref)
            self._memo: dict[tuple[Any, int], str] = {}

        def _block(self, block: Any, num_id: int, body: Any) -> str:
            key = (block, num_id)
            hit = self._memo.get(key)
            if hit is not None:
                return hit
            xml: str = super()._block(block, num_id, body)
            if 'r:id="' not in xml:
                if len(self._memo) >= _MEMO_LIMIT:
                    self._memo.clear()
                self._memo[key] = xml
            return xml

    return MemoRenderer(reference if reference is not None else default_reference())


# --------------------------------------------------------------------------- public API


def _load_spec(
    spec: Letter | str | Path, config: ProjectConfig | None
) -> tuple[Letter, str, str | None, ProjectConfig]:
    if isinstance(spec, Letter):
        return spec, "<spec>", None, config or ProjectConfig()
    path = Path(spec)
    letter = load_letter(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return letter, str(path), digest, config or load_config(path)


def _recipient_list(recipients: Iterable[Recipient] | str | Path) -> list[Recipient]:
    if isinstance(recipients, str | Path):
        return load_recipients(recipients)
    return list(recipients)


def _plan(
    spec: Letter | str | Path,
    recipients: Sequence[Recipient],
    outdir: Path,
    *,
    fmt: MergeFormat,
    force: bool,
    reference: str | Path | None,
    config: ProjectConfig | None,
    audience: str | None,
    template_dirs: Sequence[str | Path],
    grouped: bool,
) -> _Plan:
    if fmt not in MERGE_FORMATS:
        raise RenderError(f"unknown format '{fmt}'", hint=f"use one of {', '.join(MERGE_FORMATS)}")
    letter, name, digest, cfg = _load_spec(spec, config)
    names: set[str] = set()
    for recipient in recipients:
        names.update(recipient.variables)
    return _Plan(
        token=uuid.uuid4().hex,
        spec=letter.model_copy(update={"addressees": []}),
        spec_name=name,
        spec_digest=digest,
        config=cfg,
        audience=audience,
        template_dirs=tuple(Path(d) for d in template_dirs),
        reference=Path(reference) if reference is not None else None,
        fmt=fmt,
        outdir=outdir,
        force=force,
        variable_names=frozenset(names),
        grouped=grouped,
    )


def merge_letters(
    spec: Letter | str | Path,
    recipients: Iterable[Recipient] | str | Path,
    *,
    config: ProjectConfig | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    grouped: bool = True,
) -> Iterator[MergedLetter]:
    """The resolved letter for each recipient, without writing files.

    Args:
        spec: A letter spec (file or loaded :class:`Letter`); its addressees are
            replaced by each recipient.
        recipients: Recipients, or a file/folder for :func:`~draftkit.recipients.load_recipients`.
        config: Project settings (clause library, templates); found from the spec file
            when None.
        audience: Use this template variant instead of the spec's.
        template_dirs: Extra template folders, searched first.
        grouped: Compose once per kind of recipient (see the module notes); False
            composes every letter on its own (slower, for checking).

    Yields:
        One :class:`MergedLetter` per recipient, in order; a recipient that cannot be
        used has ``error`` set.

    Raises:
        DraftkitError: The spec, its variant or its clauses cannot be read.
    """
    people = _recipient_list(recipients)
    plan = _plan(
        spec,
        people,
        Path(),
        fmt="docx",
        force=False,
        reference=None,
        config=config,
        audience=audience,
        template_dirs=template_dirs,
        grouped=grouped,
    )
    merger = _Merger(plan)
    for index, recipient in enumerate(people, start=1):
        try:
            letter, _ = merger.letter_for(index, recipient)
        except DraftkitError as exc:
            yield MergedLetter(index, recipient, None, exc)
            continue
        yield MergedLetter(index, recipient, letter)


def _write_manifest(outdir: Path, rows: Sequence[MergeRow]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["index", "recipient", "key", "file", "status", "message"])
    for row in sorted(rows, key=lambda r: r.index):
        writer.writerow([row.index, row.recipient, row.key or "", row.file or "", row.status,
                         row.message])
    return write_text_atomic(outdir / MANIFEST_NAME, buffer.getvalue(), force=True)


def _chunks(tasks: Sequence[_Task], size: int) -> Iterator[list[_Task]]:
    for start in range(0, len(tasks), size):
        yield list(tasks[start : start + size])


def _own_pool(jobs: int) -> concurrent.futures.ProcessPoolExecutor:
    context: Any = None
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        # fork: workers start with the parent's prepared reference and compose cache
        context = multiprocessing.get_context("fork")
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_ignore_sigint
    )


def merge(
    spec: Letter | str | Path,
    recipients: Iterable[Recipient] | str | Path,
    outdir: str | Path,
    *,
    fmt: MergeFormat = "docx",
    combined: bool = False,
    force: bool = False,
    reference: str | Path | None = None,
    config: ProjectConfig | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    jobs: int = 1,
    executor: concurrent.futures.Executor | None = None,
    chunk_size: int | None = None,
    manifest: bool = True,
    progress: Callable[[MergeRow], None] | None = None,
    grouped: bool = True,
    inputs: Mapping[str, str | Path | None] | None = None,
) -> MergeResult:
    """Render one letter per recipient into ``outdir``.

    Args:
        spec: The letter spec (a file, or a loaded :class:`Letter`). Its addressees are
            replaced by each recipient; its strings may use ``{{ recipient.* }}``.
        recipients: Recipients, or a file/folder read with
            :func:`~draftkit.recipients.load_recipients`.
        outdir: The output folder (created if missing).
        fmt: ``docx``, ``md`` or ``txt``.
        combined: Also write ``combined.<fmt>``: every letter in one document, each on a
            new page (DOCX numbering restarts in each letter).
        force: Replace letters that already exist (otherwise they are skipped).
        reference: A house-style ``.docx`` for DOCX output.
        config: Project settings; found from the spec file when None.
        audience: Use this template variant instead of the spec's.
        template_dirs: Extra template folders, searched first.
        jobs: Render in this many processes, this one included: on Linux the others
            are forked from it and share a queue of chunks (ignored when ``executor``
            is given).
        executor: Any :class:`concurrent.futures.Executor` (a process pool, a cluster's
            executor ...); work is sent to it in chunks.
        chunk_size: Recipients per chunk (default: about four chunks per worker, at
            most 64 recipients each).
        manifest: Write ``manifest.csv`` (recipient, file, status, message).
        progress: Called in this process once per recipient as its row is known.
        grouped: Compose once per kind of recipient (default); False composes each
            letter on its own.
        inputs: Other files the caller read (the recipient file a list came from ...):
            like the spec, reference and recipient file, they are never overwritten.

    Returns:
        The rows, the manifest and combined paths, and warnings.

    Raises:
        DraftkitError: The spec, its variant, its clauses or the recipient file cannot be
            read (problems with single recipients are reported in the rows instead).
    """
    people = _recipient_list(recipients)
    out = Path(outdir)
    plan = _plan(
        spec,
        people,
        out,
        fmt=fmt,
        force=force,
        reference=reference,
        config=config,
        audience=audience,
        template_dirs=template_dirs,
        grouped=grouped,
    )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputExistsError(
            f"cannot create the output folder ({exc.strerror})", path=out
        ) from None
    merger = _merger_for(plan)
    if fmt == "docx":
        merger.renderer  # noqa: B018 - prepare the reference once, before any fork
    result = MergeResult(outdir=out, mode="grouped" if merger.grouped else "per-recipient")
    names = output_names(people, fmt)
    check_outputs(
        out,
        people,
        fmt,
        {
            "the spec": spec if isinstance(spec, str | Path) else None,
            "the recipient list": recipients if isinstance(recipients, str | Path) else None,
            "the reference document": reference,
            **(inputs or {}),
        },
    )
    rows: dict[int, MergeRow] = {}
    tasks: list[_Task] = []

    def report(row: MergeRow) -> None:
        rows[row.index] = row
        if progress is not None:
            progress(row)

    for index, (recipient, name) in enumerate(zip(people, names, strict=True), start=1):
        if recipient.problem:
            where = f"{recipient.source}: " if recipient.source else ""
            report(MergeRow(index, recipient.label(), recipient.key, None, "error",
                            f"{where}{recipient.problem}"))
        elif not force and (out / name).exists():
            report(MergeRow(index, recipient.label(), recipient.key, name, "skipped",
                            "already rendered (pass --force to replace)"))
        else:
            tasks.append(_Task(index, recipient, name))
    if tasks and (jobs > 1 or executor is not None):
        # compose the first kind of letter (and its skeleton) here, so that forked
        # workers inherit them instead of each building them again
        with contextlib.suppress(DraftkitError):
            parts = merger._parts(tasks[0].index, tasks[0].recipient)
            if parts.base is not None and fmt == "docx":
                merger._skeleton(parts)
    try:
        if tasks:
            _run_tasks(plan, merger, tasks, report, jobs, executor, chunk_size)
        result.warnings = list(merger.warnings)
        if combined:
            result.combined = _write_combined(merger, people, rows, force=force)
    finally:
        result.rows = [rows[i] for i in sorted(rows)]
        if manifest:
            result.manifest = _write_manifest(out, result.rows)
        if merger._library is not None:
            with contextlib.suppress(Exception):
                merger._library.close()
            merger._library = None
        _MERGERS.pop(plan.token, None)
    if result.mode == "per-recipient":
        result.warnings.append(
            "the variant or a clause uses per-recipient data (recipient, letter, variables"
            " or a templated field), so each letter was composed on its own"
        )
    return result


def _run_tasks(
    plan: _Plan,
    merger: _Merger,
    tasks: Sequence[_Task],
    report: Callable[[MergeRow], None],
    jobs: int,
    executor: concurrent.futures.Executor | None,
    chunk_size: int | None,
) -> None:
    if executor is None and jobs <= 1:
        for task in tasks:
            report(merger.run(task))
        return
    if executor is None and _can_fork():
        _run_forked(merger, tasks, report, jobs, chunk_size)
        return
    own = executor is None
    # With its own pool, this process is one of the ``jobs``: it forks jobs - 1 workers
    # and renders chunks itself meanwhile, taking them from the end of the queue while
    # the workers take them from the front (a worker's start-up is then not waited for).
    pool: concurrent.futures.Executor = executor or _own_pool(jobs - 1)
    workers = jobs if own else int(getattr(pool, "_max_workers", 0) or 4)
    size = chunk_size or max(1, min(32, -(-len(tasks) // (workers * 4))))
    chunks = list(_chunks(tasks, size))
    futures: list[concurrent.futures.Future[tuple[list[MergeRow], list[str]]]] = []
    collected: set[int] = set()

    def collect(future: concurrent.futures.Future[tuple[list[MergeRow], list[str]]]) -> None:
        collected.add(id(future))
        _take_rows(merger, report, *future.result())

    try:
        # forked workers share the parent's memory until they write to it; keeping the
        # collector away from the inherited objects keeps it shared (gc.freeze docs)
        gc.freeze()
        try:
            futures = [pool.submit(_render_chunk, plan, _payload(chunk)) for chunk in chunks]
        finally:
            gc.unfreeze()
        if own:
            for future, chunk in zip(reversed(futures), reversed(chunks), strict=True):
                if not future.cancel():
                    break  # the workers have reached this chunk: the rest is theirs
                collected.add(id(future))
                for task in chunk:
                    report(merger.run(task))
                for done in futures:
                    if done.done() and not done.cancelled() and id(done) not in collected:
                        collect(done)
        for future in concurrent.futures.as_completed(futures):
            if not future.cancelled() and id(future) not in collected:
                collect(future)
    except BaseException:
        for future in futures:
            future.cancel()
        if own:
            pool.shutdown(wait=True, cancel_futures=True)
        raise
    if own:
        pool.shutdown(wait=True)


def _take_rows(
    merger: _Merger,
    report: Callable[[MergeRow], None],
    rows: Sequence[MergeRow],
    warnings: Sequence[str],
) -> None:
    """Report a chunk's rows that another process rendered, and keep its new warnings."""
    for warning in warnings:
        if warning not in merger.warnings:
            merger.warnings.append(warning)
    for row in rows:
        report(row)


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "fork")


_HEADER = 8  # bytes of the length prefix of a worker's message


def _run_forked(
    merger: _Merger,
    tasks: Sequence[_Task],
    report: Callable[[MergeRow], None],
    jobs: int,
    chunk_size: int | None,
) -> None:
    """Render in this process and ``jobs - 1`` forked children, sharing one chunk queue.

    The children inherit the prepared merger (reference document, composed letter,
    skeleton) and the task list, so nothing is pickled on the way out; each chunk's rows
    come back through a pipe. Chunks are handed out from a shared counter, so a child's
    start-up does not hold anyone up and a slow process gets fewer chunks.
    """
    size = chunk_size or max(1, min(32, -(-len(tasks) // (jobs * 4))))
    chunks = list(_chunks(tasks, size))
    context = multiprocessing.get_context("fork")
    counter = context.RawValue("i", 0)
    lock = context.Lock()

    def next_chunk() -> int:
        with lock:
            number = int(counter.value)
            counter.value = number + 1
        return number

    children: dict[int, int] = {}  # read end of the pipe -> pid
    buffers: dict[int, bytearray] = {}
    gc.freeze()  # keep the collector from writing to the pages the children share
    try:
        for _ in range(jobs - 1):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child, reported through the pipe
                os.close(read_end)
                _child_loop(merger, chunks, next_chunk, write_end)
            os.close(write_end)
            children[read_end] = pid
            buffers[read_end] = bytearray()
    finally:
        gc.unfreeze()

    def take(read_end: int, block: bool) -> None:
        import pickle
        import select

        while True:
            if not block and not select.select([read_end], [], [], 0)[0]:
                return
            data = os.read(read_end, 1 << 16)
            if not data:  # the child has finished
                os.close(read_end)
                pid = children.pop(read_end)
                _, status = os.waitpid(pid, 0)
                if buffers.pop(read_end) or os.waitstatus_to_exitcode(status) != 0:
                    raise RenderError(
                        f"a merge worker process ended unexpectedly (status {status})",
                        hint="run again; letters already written are skipped",
                    )
                return
            buffer = buffers[read_end]
            buffer += data
            while len(buffer) >= _HEADER:
                length = int.from_bytes(buffer[:_HEADER], "big")
                if len(buffer) < _HEADER + length:
                    break
                message = pickle.loads(bytes(buffer[_HEADER : _HEADER + length]))
                del buffer[: _HEADER + length]
                kind, payload = message
                if kind == "error":
                    raise payload
                _take_rows(merger, report, *payload)

    try:
        while (number := next_chunk()) < len(chunks):
            for task in chunks[number]:
                report(merger.run(task))
            for read_end in list(children):
                take(read_end, block=False)
        for read_end in list(children):
            take(read_end, block=True)
    except BaseException:
        # stop handing out chunks; let the children finish the letter they are writing
        with lock:
            counter.value = len(chunks)
        for read_end, pid in list(children.items()):
            with contextlib.suppress(OSError):
                os.close(read_end)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        raise


def _child_loop(
    merger: _Merger, chunks: Sequence[Sequence[_Task]], next_chunk: Callable[[], int], out: int
) -> None:  # pragma: no cover - runs in a forked child
    """A forked worker: render chunks until none are left, send the rows, exit."""
    import pickle

    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _detach_library(merger)
        while (number := next_chunk()) < len(chunks):
            rows = [merger.run(task) for task in chunks[number]]
            _send(out, pickle.dumps(("rows", (rows, list(merger.warnings)))))
    except BaseException as exc:  # reported to the parent, which raises it
        code = 1
        with contextlib.suppress(Exception):
            error = exc if isinstance(exc, DraftkitError) else RenderError(
                f"a merge worker failed: {type(exc).__name__}: {exc}"
            )
            _send(out, pickle.dumps(("error", error)))
            code = 0
    finally:
        with contextlib.suppress(OSError):
            os.close(out)
        os._exit(code)


def _detach_library(merger: _Merger) -> None:
    """In a forked child: never use the parent's SQLite connection (a new one opens)."""
    _ORPHANS.append(merger._library)  # kept referenced, so it is not closed from here
    merger._library = None
    merger.pid = os.getpid()


def _send(out: int, data: bytes) -> None:
    view = memoryview(len(data).to_bytes(_HEADER, "big") + data)
    while view:
        written = os.write(out, view)
        view = view[written:]


def _write_combined(
    merger: _Merger, people: Sequence[Recipient], rows: Mapping[int, MergeRow], *, force: bool
) -> Path | None:
    plan = merger.plan
    target = plan.outdir / f"combined.{plan.fmt}"
    changed = any(row.status == "rendered" for row in rows.values())
    if target.exists() and not (force or changed):
        return target
    letters: list[tuple[Letter, Recipient]] = []
    for index, recipient in enumerate(people, start=1):
        row = rows.get(index)
        if row is None or row.status == "error":
            continue
        try:
            letter, _ = merger.letter_for(index, recipient)
        except DraftkitError:
            continue
        letters.append((letter, recipient))
    if not letters:
        return None
    if plan.fmt == "docx":
        props = merger.properties(letters[0][0], None)
        props["draftkit.letters"] = str(len(letters))
        data = merger.renderer.render_many([letter for letter, _ in letters], properties=props)
    else:
        from draftkit.render import render_markdown, render_text

        if plan.fmt == "md":
            text = "\n\n---\n\n".join(render_markdown(letter).rstrip() for letter, _ in letters)
        else:
            text = "\n\f\n".join(render_text(letter).rstrip() for letter, _ in letters)
        data = (text + "\n").encode("utf-8")
    return write_bytes_atomic(target, data, force=True)


def check_outputs(
    outdir: str | Path,
    people: Sequence[Recipient],
    fmt: MergeFormat,
    inputs: Mapping[str, str | Path | None],
) -> None:
    """Refuse a merge that would write over one of its own inputs, even with --force.

    Args:
        outdir: The output folder.
        people: The recipients (their letters' file names are checked).
        fmt: The output format.
        inputs: What each input is ("the recipient list") and its path.

    Raises:
        OutputError: A letter, ``manifest.csv`` or ``combined.FMT`` would replace an input.
    """
    wanted = {*output_names(people, fmt), MANIFEST_NAME, f"combined.{fmt}"}
    for role, given in inputs.items():
        if given is None:
            continue
        path = Path(given)
        if path.name in wanted and path.is_file():
            refuse_input_as_output(Path(outdir) / path.name, {role: path})


mail_merge = merge
""":func:`merge` under a name that does not clash with the ``draftkit.merge`` module, for
``from draftkit import mail_merge`` (a package attribute named ``merge`` is replaced by
the module as soon as ``draftkit.merge`` is imported)."""
