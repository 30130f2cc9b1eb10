"""The letter model: one pydantic family for specs, composed drafts and ingested letters.

A :class:`Letter` read from a spec may still hold clause references
(``{clause: ask.protect-refugees}``) and may leave its salutation out; such a letter is
*unresolved*. Compose turns it into a *resolved* letter, the only kind the renderers
accept. :meth:`Letter.unresolved` lists what is still missing.

Field names follow the vocabulary of the corpus annotations (``addressees``,
``title_lines``, ``asks_intro``, ``complimentary_close`` ...), so a letter's JSON can be
compared with an annotation directly. What every field may hold (writable text, bounded
values) is :mod:`draftkit.writable`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from draftkit.empty import empty_dict, empty_list
from draftkit.writable import (
    MAX_LETTER_CHARS,
    MAX_LETTER_VALUES,
    StrictDate,
    Variables,
    WritableModel,
)

__all__ = [
    "Addressee",
    "Ask",
    "AskEntry",
    "ClauseRef",
    "DocumentKind",
    "Enclosure",
    "EnclosureEntry",
    "Letter",
    "LetterOptions",
    "Paragraph",
    "ProvenanceEntry",
    "Sender",
    "Signatory",
    "Table",
    "TableEntry",
    "Translation",
]

DocumentKind = Literal["letter", "press-release", "news-article", "statement", "other"]
"""What a document is. Only ``letter`` renders; ingest keeps the others' kind."""

_NOTE_LABEL = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$"


def _note_labels(value: Any) -> Any:
    """Footnote labels as text: YAML reads ``1:`` as a number."""
    if isinstance(value, dict):
        return {
            str(key) if isinstance(key, int) and not isinstance(key, bool) else key: note
            for key, note in value.items()
        }
    return value


Footnotes = Annotated[
    dict[Annotated[str, Field(pattern=_NOTE_LABEL)], str], BeforeValidator(_note_labels)
]
"""Footnotes by label: letters, digits, ``_ . -``; a number is read as its digits."""


class _Model(WritableModel):
    pass


class ClauseRef(_Model):
    """A reference to a clause in the clause library, resolved by compose.

    Attributes:
        clause: The clause id, e.g. ``ask.protect-refugees``.
        variables: Values for the clause's Jinja variables (override the letter's).
        variant: Force a named variant instead of the one for the letter's audience.
    """

    clause: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    variables: Variables = Field(default_factory=empty_dict)
    variant: str | None = None


def _ref_or(tag: str) -> Any:
    def pick(value: Any) -> str:
        if isinstance(value, ClauseRef) or (isinstance(value, dict) and "clause" in value):
            return "clause"
        if isinstance(value, TableEntry) or (isinstance(value, dict) and "table" in value):
            return "table"
        return tag

    return pick


MAX_TABLE_CELLS = 2_000
"""A table may hold at most this many cells (header included)."""


def _cell_text(value: Any) -> Any:
    """Table cells as text: YAML reads ``12`` and ``2026-03-04`` as a number and a date."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float | dt.date):
        return str(value)
    return value


Cell = Annotated[str, BeforeValidator(_cell_text)]


class Table(_Model):
    """A short table inside the body or the closing: cases, figures, dates.

    Attributes:
        header: The header row's cells (repeated at the top of each page in DOCX/PDF);
            empty for a table without one.
        rows: The rows, each a list of cells; every row has as many cells as the header
            (or as the first row when there is no header). Cells may use inline markup.
        align: Each column's alignment, ``left``, ``center`` or ``right`` (figures);
            columns not listed are ``left``.
        caption: A line set above the table ("Defenders detained since March 2026").
    """

    header: list[Cell] = Field(default_factory=empty_list)
    rows: list[list[Cell]] = Field(min_length=1)
    align: list[Literal["left", "center", "right"]] = Field(default_factory=empty_list)
    caption: str | None = None

    @model_validator(mode="after")
    def _rectangular(self) -> Table:
        width = len(self.header) or len(self.rows[0])
        if width == 0:
            raise ValueError("a table row needs at least one cell")
        for index, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(
                    f"row {index + 1} has {len(row)} cells, the table has {width} columns; "
                    'give every row the same number of cells (an empty cell is "")'
                )
        if len(self.align) > width:
            raise ValueError(f"align lists {len(self.align)} columns, the table has {width}")
        if width * (len(self.rows) + 1) > MAX_TABLE_CELLS:
            raise ValueError(f"a table may hold at most {MAX_TABLE_CELLS:,} cells")
        return self

    @property
    def width(self) -> int:
        """The number of columns."""
        return len(self.header) or len(self.rows[0])

    def alignment(self, column: int) -> str:
        """The alignment of ``column`` (``left`` unless ``align`` says otherwise)."""
        return self.align[column] if column < len(self.align) else "left"


class TableEntry(_Model):
    """A table where a paragraph may stand: ``- table: {header: [...], rows: [...]}``.

    Attributes:
        table: The table.
    """

    table: Table


Paragraph = Annotated[
    Annotated[str, Tag("text")]
    | Annotated[ClauseRef, Tag("clause")]
    | Annotated[TableEntry, Tag("table")],
    Discriminator(_ref_or("text")),
]
"""A paragraph: literal text (with inline ``**bold**``, ``*italic*``, ``[t](url)``), a
clause, or a table (``{table: ...}``)."""


class Addressee(_Model):
    """A person a letter is addressed to or copied to.

    Attributes:
        honorific: "The Honorable", "Mr.", "Ms.", "H.E." ... or None.
        name: The person's name as it should appear in the address.
        title_lines: Lines under the name: office, bureau, committee ...
        address_lines: Postal address lines.
        office: Key into the forms-of-address table (e.g. ``us-secretary-of-state``).
        gender: Used only to pick gendered forms ("Madam Secretary"); never guessed.
        status: ``acting`` or ``former`` holders take different forms.
        params: Values for the office's address template ({state}, {committee} ...).
        title_before_name: The first title line is written before the name, on the name
            line ("Secretary of State John F. Kerry"), as the letter read back had it.
    """

    honorific: str | None = None
    name: str | None = None
    title_lines: list[str] = Field(default_factory=empty_list)
    address_lines: list[str] = Field(default_factory=empty_list)
    office: str | None = None
    gender: Literal["female", "male"] | None = None
    status: Literal["current", "acting", "former"] = "current"
    params: dict[str, str] = Field(default_factory=empty_dict)
    title_before_name: bool = False

    @model_validator(mode="after")
    def _named_somehow(self) -> Addressee:
        if not (self.name or self.title_lines or self.office):
            raise ValueError("an addressee needs a name, title lines or an office")
        return self

    def label(self) -> str:
        """A short human label: the name, else the first title line, else the office."""
        return self.name or (self.title_lines[0] if self.title_lines else self.office or "")


class Ask(_Model):
    """One request in a letter: a bold lead-in sentence, a body and bullet items.

    Attributes:
        lead: The lead-in sentence ("Increase humanitarian access.").
        body: Text following the lead-in in the same paragraph.
        items: Bullet items under the ask.
        heading: A heading set above this ask that opens a group of asks
            ("Recommendations to the Ministry of Health"), as letters with asks for
            several recipients have.
    """

    lead: str | None = None
    body: str | None = None
    items: list[str] = Field(default_factory=empty_list)
    heading: str | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> Ask:
        if not (self.lead or self.body or self.items):
            raise ValueError("an ask needs a lead, a body or items")
        return self


AskEntry = Annotated[
    Annotated[Ask, Tag("ask")] | Annotated[ClauseRef, Tag("clause")],
    Discriminator(_ref_or("ask")),
]
"""An ask: written out, or a clause reference."""


class Signatory(_Model):
    """A signer: an individual (name, title lines, organisation) or an organisation.

    Attributes:
        name: The person's or the organisation's name.
        kind: ``individual`` or ``organization``.
        title_lines: Titles and affiliation lines under a person's name.
        organization: The person's organisation (last line of the block).
        former: The person signs in a former capacity.
        lead: A lead signatory (listed first under lead-first ordering).
        image: A PNG or JPEG file (relative to the spec): an organisation's logo, set
            in a row of logos under the signatories, or a person's signature, set above
            their typed name.
        image_alt: The image's alt text; "Logo of NAME" or "Signature of NAME" when
            left out.
    """

    name: str = Field(min_length=1)
    kind: Literal["individual", "organization"] = "individual"
    title_lines: list[str] = Field(default_factory=empty_list)
    organization: str | None = None
    former: bool = False
    lead: bool = False
    image: str | None = Field(default=None, min_length=1)
    image_alt: str | None = None

    def alt_text(self) -> str:
        """The image's alt text: ``image_alt``, else "Logo of …" / "Signature of …"."""
        what = "Logo" if self.kind == "organization" else "Signature"
        return self.image_alt or f"{what} of {self.name}"

    @model_validator(mode="after")
    def _organisation_shape(self) -> Signatory:
        if self.kind == "organization" and (self.title_lines or self.organization):
            raise ValueError(
                "an organization signatory has only a name; use kind: individual for a person"
            )
        return self

    def lines(self) -> list[str]:
        """The lines of the signature block, name first."""
        out = [self.name, *self.title_lines]
        if self.organization:
            out.append(self.organization)
        return out


class Enclosure(_Model):
    """An enclosed document given as a file: listed under "Enclosures:", appended to the
    letter's PDF (a PDF file) and attached to e-mailed letters (``merge --format eml``).

    Attributes:
        file: A ``.pdf`` or ``.docx`` file, relative to the spec.
        title: How the enclosure list names it; the file's name when left out.
    """

    file: str = Field(min_length=1)
    title: str | None = None

    @field_validator("file")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if Path(value).suffix.lower() not in (".pdf", ".docx"):
            raise ValueError(
                f"{value!r} is not a .pdf or .docx file; enclose a PDF (appended to the "
                "letter's PDF) or a Word document, or write the enclosure's name as text"
            )
        return value

    def label(self) -> str:
        """The name the enclosure list prints: the title, else the file's name."""
        return self.title or Path(self.file).name


def _text_or_file(value: Any) -> str:
    if isinstance(value, Enclosure) or (isinstance(value, dict) and "file" in value):
        return "file"
    return "text"


EnclosureEntry = Annotated[
    Annotated[str, Tag("text")] | Annotated[Enclosure, Tag("file")],
    Discriminator(_text_or_file),
]
"""An enclosure: its name as text, or a file (``{file: report.pdf, title: ...}``)."""


class Sender(_Model):
    """Who sends the letter (fills the document author and letterhead variables).

    Attributes:
        organization: The sending organisation or coalition name.
        address_lines: The sender's address, for a letterhead without one.
        coalition: True when the letter is sent by a coalition.
        email: The From address of e-mailed letters (``merge --format eml``), e.g.
            ``Lake Region Rights Coalition <letters@example.org>``; never printed in
            the letter.
        reply_to: Where replies to e-mailed letters go, if not to ``email``.
        logo: A PNG or JPEG file (relative to the spec) set above the organisation's
            name in the letterhead draftkit writes when the reference document has no
            letterhead of its own (DOCX and PDF).
    """

    organization: str | None = None
    address_lines: list[str] = Field(default_factory=empty_list)
    coalition: bool = False
    email: str | None = None
    reply_to: str | None = None
    logo: str | None = Field(default=None, min_length=1)


class LetterOptions(_Model):
    """Layout and style settings of a letter.

    Attributes:
        salutation_style: ``common`` ("Dear Secretary Blinken") or ``formal``
            ("Dear Mr. Secretary") when the salutation is derived.
        salutation_punctuation: ":" (US business style) or ","; None = audience default.
        number_asks: Number the asks (Word numbering) or set them as plain paragraphs.
        signatory_layout: ``auto`` (columns for long lists of individuals),
            ``list`` or ``columns``.
        signatory_order: The ordering policy the signatory list claims to follow.
        date_format: ``us`` ("May 25, 2021") or ``international`` ("25 May 2021").
        date_position: The date above the inside address (usual) or below it.
        cc_position: The cc list at the end of the letter (usual) or under the address.
        quotes: ``typographic`` turns straight quotes and apostrophes into curly ones
            (“ ” ‘ ’) in every output format; ``straight`` keeps them as typed.
        continuation_header: The addressee and the date at the top of pages 2
            onward (DOCX and PDF). None leaves it to the house style: on, unless the
            reference document has its own header for later pages or turns it off.
        check_disable: Lint rules (ids or families) ``draftkit check`` skips for this letter.
        digits: ``latin`` (0-9) or ``arabic-indic`` (٠-٩) for the digits draftkit
            writes itself: the date, counts in digits and page numbers. Text you write
            keeps its own digits.
    """

    salutation_style: Literal["common", "formal"] = "common"
    salutation_punctuation: Literal[":", ","] | None = None
    number_asks: bool = True
    signatory_layout: Literal["auto", "list", "columns"] = "auto"
    signatory_order: Literal[
        "as-entered", "organization", "family-name", "lead-then-alphabetical"
    ] = "as-entered"
    date_format: Literal["us", "international"] = "us"
    date_position: Literal["before-address", "after-address"] = "before-address"
    cc_position: Literal["after-address", "end"] = "end"
    quotes: Literal["typographic", "straight"] = "typographic"
    continuation_header: bool | None = None
    check_disable: list[str] = Field(default_factory=empty_list)
    digits: Literal["latin", "arabic-indic"] = "latin"


class ProvenanceEntry(_Model):
    """Where a piece of a composed letter came from.

    Attributes:
        place: The field path in the letter, e.g. ``asks[2]`` or ``body[0]``.
        clause: The clause id.
        version: The clause version (derived from its content).
        variant: The audience variant of the clause that was used, if any.
        status: The clause status when it was used (vetted, draft, retired).
        language: The language of the clause's wording (None: not recorded).
    """

    place: str
    clause: str
    version: str
    variant: str | None = None
    status: str | None = None
    language: str | None = None


LanguageCode = Literal["en", "fr", "es", "ar"]
"""A language a letter can be written in (see :mod:`draftkit.languages`)."""


class Translation(_Model):
    """A bilingual letter's text in one of its other languages.

    In a spec, the parts written in that language (a part left out is filled as in the
    letter: by the variant's version in that language, the forms of address in that
    language, or the clauses' versions); after compose, every part, resolved.

    Attributes:
        subject: The subject line, without its label.
        salutation: The salutation.
        body: Paragraphs before the asks.
        asks_intro: The line introducing the asks.
        asks: The asks.
        closing: Paragraphs after the asks.
        complimentary_close: The close.
        signatory_note: The note under the signatories.
        variables: Values for templates and clauses in this language (over the
            letter's ``variables``).
    """

    subject: str | None = None
    salutation: str | None = None
    body: list[Paragraph] = Field(default_factory=empty_list)
    asks_intro: str | None = None
    asks: list[AskEntry] = Field(default_factory=empty_list)
    closing: list[Paragraph] = Field(default_factory=empty_list)
    complimentary_close: str | None = None
    signatory_note: str | None = None
    variables: Variables = Field(default_factory=empty_dict)

    def resolved_asks(self) -> list[Ask]:
        """The asks (clause references skipped)."""
        return [ask for ask in self.asks if isinstance(ask, Ask)]

    def texts(self, field: Literal["body", "closing"]) -> list[str]:
        """The literal paragraphs of ``body`` or ``closing``."""
        return [p for p in getattr(self, field) if isinstance(p, str)]


class Letter(_Model):
    """A letter, from a spec, from compose, or from ingesting a past letter.

    Attributes:
        kind: What the document is; only letters render.
        audience: The template variant the letter is written for (``us-executive`` ...).
        heading: A page heading published above the letter (not part of the letter).
        published: The publication date of the page, distinct from ``date``.
        date: The letter's own date.
        place: Where the letter is written ("Washington, DC"), shown before the date.
        sender: Who sends it.
        addressees: Inside address blocks.
        delivery: A mailing notation set under the inside address, one entry per line
            ("By email: committee@parliament.example", "By hand").
        cc: People copied.
        subject: The "Re:" line, without "Re:".
        salutation: "Dear Secretary Blinken," — derived from the office when left out.
        body: Opening and context paragraphs before the asks.
        asks_intro: "We are writing to ask you to:".
        asks: The asks.
        closing: Paragraphs after the asks.
        complimentary_close: "Sincerely," or None.
        signatories: Signers in their listed order.
        signatory_note: "Affiliations for identification purposes only."
        enclosures: Enclosed documents: names, or files (``{file: report.pdf, title:
            ...}``) that are listed by title, appended to the PDF and attached to e-mail.
        variables: Values the templates and clauses may use.
        options: Layout and style settings.
        provenance: Where composed text came from (filled by compose).
        footnotes: Notes referred to as ``[^label]`` in the letter's text (a note can
            also be written in place as ``^[note text]``).
        language: The language the letter is written in: ``en`` (default), ``fr``,
            ``es`` or ``ar``. It picks the variant's language version, the forms of
            address, and the labels, date and counts draftkit writes
            (:mod:`draftkit.languages`).
        languages: A bilingual letter's languages in order (``[fr, en]``): the letter
            is set in each, one after the other, with one address and one signature
            block. The first is ``language``.
        translations: The text of a bilingual letter in its other languages, by
            language (see :class:`Translation`).
    """

    kind: DocumentKind = "letter"
    audience: str | None = None
    heading: str | None = None
    published: StrictDate | None = None
    date: StrictDate | None = None
    place: str | None = None
    sender: Sender = Field(default_factory=Sender)
    addressees: list[Addressee] = Field(default_factory=empty_list)
    delivery: list[str] = Field(default_factory=empty_list)
    cc: list[Addressee] = Field(default_factory=empty_list)
    subject: str | None = None
    salutation: str | None = None
    body: list[Paragraph] = Field(default_factory=empty_list)
    asks_intro: str | None = None
    asks: list[AskEntry] = Field(default_factory=empty_list)
    closing: list[Paragraph] = Field(default_factory=empty_list)
    complimentary_close: str | None = None
    signatories: list[Signatory] = Field(default_factory=empty_list)
    signatory_note: str | None = None
    enclosures: list[EnclosureEntry] = Field(default_factory=empty_list)
    variables: Variables = Field(default_factory=empty_dict)
    options: LetterOptions = Field(default_factory=LetterOptions)
    provenance: list[ProvenanceEntry] = Field(default_factory=empty_list)
    footnotes: Footnotes = Field(default_factory=empty_dict)
    language: Literal["en", "fr", "es", "ar"] = "en"
    languages: list[LanguageCode] = Field(default_factory=empty_list)
    translations: dict[LanguageCode, Translation] = Field(default_factory=empty_dict)

    @model_validator(mode="after")
    def _bilingual(self) -> Letter:
        if not self.languages:
            if self.translations:
                raise ValueError("translations: name the letter's languages (languages: [fr, en])")
            return self
        if len(set(self.languages)) != len(self.languages) or len(self.languages) < 2:
            raise ValueError("languages: name two or more different languages, e.g. [fr, en]")
        if "language" in self.model_fields_set and self.language != self.languages[0]:
            raise ValueError(
                f"language is {self.language} but languages starts with {self.languages[0]}; "
                "the first of languages is the letter's language"
            )
        self.language = self.languages[0]
        extra = sorted(set(self.translations) - set(self.languages[1:]))
        if extra:
            raise ValueError(
                f"translations: {', '.join(extra)} is not one of the letter's other "
                f"languages ({', '.join(self.languages[1:])})"
            )
        return self

    @field_validator("audience")
    @classmethod
    def _audience_named(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError(
                "audience is empty; name a template variant (draftkit templates list) "
                "or remove the line to use the default"
            )
        return value

    @model_validator(mode="before")
    @classmethod
    def _bounded(cls, data: Any) -> Any:
        """Refuse a letter too large to serialise, before any field is validated.

        The walk has no recursion and stops at the caps, so shared references (the same
        list a million times) cost no more than the caps.
        """
        values = chars = 0
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            values += 1
            if values > MAX_LETTER_VALUES:
                raise ValueError(f"the letter holds more than {MAX_LETTER_VALUES:,} values")
            if isinstance(item, str):
                chars += len(item)
                if chars > MAX_LETTER_CHARS:
                    raise ValueError(
                        f"the letter holds more than {MAX_LETTER_CHARS:,} characters of text"
                    )
            elif isinstance(item, BaseModel):
                stack.extend(vars(item).values())  # the model's field values
            elif isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list | tuple):
                stack.extend(item)
        return data

    @field_validator("subject")
    @classmethod
    def _strip_re(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return re.sub(
            r"^\s*(re|subject|objet|asunto|الموضوع)\s*:\s*", "", value, flags=re.IGNORECASE
        )

    def unresolved(self) -> list[str]:
        """List what compose still has to fill, as field paths.

        Returns:
            Paths such as ``"asks[2] (clause ask.un-security-council)"`` or
            ``"salutation"``; empty for a resolved letter.
        """
        missing: list[str] = []
        if self.kind == "letter" and not self.salutation:
            missing.append("salutation")
        for field in ("body", "asks", "closing"):
            for index, entry in enumerate(getattr(self, field)):
                if isinstance(entry, ClauseRef):
                    missing.append(f"{field}[{index}] (clause {entry.clause})")
        for language in self.languages[1:]:
            version = self.translations.get(language)
            if version is None:
                missing.append(f"translations.{language}")
                continue
            if self.kind == "letter" and not version.salutation:
                missing.append(f"translations.{language}.salutation")
            for field in ("body", "asks", "closing"):
                for index, entry in enumerate(getattr(version, field)):
                    if isinstance(entry, ClauseRef):
                        missing.append(
                            f"translations.{language}.{field}[{index}] (clause {entry.clause})"
                        )
        return missing

    @property
    def is_resolved(self) -> bool:
        """True when every clause reference is resolved and the salutation is set."""
        return not self.unresolved()

    def with_files_from(self, base: Path) -> Letter:
        """The letter with the files it names (logos, signatures, enclosures) taken relative
        to ``base``, the spec's folder, so it renders the same from any working folder.

        Returns:
            A copy with absolute paths, or the letter itself when it names no file.
        """

        def absolute(value: str | None) -> str | None:
            if not value:
                return value
            path = Path(value).expanduser()
            return value if path.is_absolute() else str(base / path)

        update: dict[str, Any] = {}
        if self.sender.logo:
            update["sender"] = self.sender.model_copy(update={"logo": absolute(self.sender.logo)})
        if any(isinstance(e, Enclosure) for e in self.enclosures):
            update["enclosures"] = [
                e.model_copy(update={"file": absolute(e.file), "title": e.label()})
                if isinstance(e, Enclosure)
                else e
                for e in self.enclosures
            ]
        if any(s.image for s in self.signatories):
            update["signatories"] = [
                s.model_copy(update={"image": absolute(s.image)}) if s.image else s
                for s in self.signatories
            ]
        return self.model_copy(update=update) if update else self

    def enclosure_names(self) -> list[str]:
        """The enclosure list as printed: each text entry, each file's title or name."""
        return [e.label() if isinstance(e, Enclosure) else e for e in self.enclosures]

    def enclosure_files(self) -> list[Enclosure]:
        """The enclosures given as files, in their order."""
        return [e for e in self.enclosures if isinstance(e, Enclosure)]

    def resolved_asks(self) -> list[Ask]:
        """The asks of a resolved letter (clause references are skipped)."""
        return [ask for ask in self.asks if isinstance(ask, Ask)]

    def texts(self, field: Literal["body", "closing"]) -> list[str]:
        """The literal paragraphs of ``body`` or ``closing`` (clause references skipped)."""
        return [p for p in getattr(self, field) if isinstance(p, str)]
