"""The letter model: one pydantic family for specs, composed drafts and ingested letters.

A :class:`Letter` read from a spec may still hold clause references
(``{clause: ask.protect-refugees}``) and may leave its salutation out; such a letter is
*unresolved*. Compose turns it into a *resolved* letter, the only kind the renderers
accept. :meth:`Letter.unresolved` lists what is still missing.

Field names follow the vocabulary of the corpus annotations (``addressees``,
``title_lines``, ``asks_intro``, ``complimentary_close`` ...), so a letter's JSON can be
compared with an annotation directly.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

__all__ = [
    "Addressee",
    "Ask",
    "AskEntry",
    "ClauseRef",
    "DocumentKind",
    "Letter",
    "LetterOptions",
    "Paragraph",
    "ProvenanceEntry",
    "Sender",
    "Signatory",
]

DocumentKind = Literal["letter", "press-release", "news-article", "statement", "other"]
"""What a document is. Only ``letter`` renders; ingest keeps the others' kind."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _strict_date(value: object) -> object:
    """Accept a real date or an ISO ``YYYY-MM-DD`` string; refuse numbers and datetimes."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_DATE.match(text):
            raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")
        try:
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a real date ({exc})") from None
    raise ValueError(f"expected a date written YYYY-MM-DD, got {type(value).__name__} {value!r}")


StrictDate = Annotated[dt.date, BeforeValidator(_strict_date)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class ClauseRef(_Model):
    """A reference to a clause in the clause library, resolved by compose.

    Attributes:
        clause: The clause id, e.g. ``ask.protect-refugees``.
        variables: Values for the clause's Jinja variables (override the letter's).
        variant: Force a named variant instead of the one for the letter's audience.
    """

    clause: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
    variables: dict[str, Any] = Field(default_factory=dict)
    variant: str | None = None


def _ref_or(tag: str) -> Any:
    def pick(value: Any) -> str:
        if isinstance(value, ClauseRef) or (isinstance(value, dict) and "clause" in value):
            return "clause"
        return tag

    return pick


Paragraph = Annotated[
    Annotated[str, Tag("text")] | Annotated[ClauseRef, Tag("clause")],
    Discriminator(_ref_or("text")),
]
"""A paragraph: literal text (with inline ``**bold**``, ``*italic*``, ``[t](url)``) or a clause."""


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
    """

    honorific: str | None = None
    name: str | None = None
    title_lines: list[str] = Field(default_factory=list)
    address_lines: list[str] = Field(default_factory=list)
    office: str | None = None
    gender: Literal["female", "male"] | None = None
    status: Literal["current", "acting", "former"] = "current"
    params: dict[str, str] = Field(default_factory=dict)

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
    items: list[str] = Field(default_factory=list)
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
    """

    name: str = Field(min_length=1)
    kind: Literal["individual", "organization"] = "individual"
    title_lines: list[str] = Field(default_factory=list)
    organization: str | None = None
    former: bool = False
    lead: bool = False

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


class Sender(_Model):
    """Who sends the letter (fills the document author and letterhead variables).

    Attributes:
        organization: The sending organisation or coalition name.
        address_lines: The sender's address, for a letterhead without one.
        coalition: True when the letter is sent by a coalition.
    """

    organization: str | None = None
    address_lines: list[str] = Field(default_factory=list)
    coalition: bool = False


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
        continuation_header: The addressee, the date and "Page N" at the top of pages 2
            onward (DOCX and PDF). None leaves it to the house style: on, unless the
            reference document has its own header for later pages or turns it off.
        check_disable: Lint rules (ids or families) ``draftkit check`` skips for this letter.
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
    check_disable: list[str] = Field(default_factory=list)


class ProvenanceEntry(_Model):
    """Where a piece of a composed letter came from.

    Attributes:
        place: The field path in the letter, e.g. ``asks[2]`` or ``body[0]``.
        clause: The clause id.
        version: The clause version (derived from its content).
        variant: The audience variant of the clause that was used, if any.
        status: The clause status when it was used (vetted, draft, retired).
    """

    place: str
    clause: str
    version: str
    variant: str | None = None
    status: str | None = None


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
        enclosures: Names of enclosed documents.
        variables: Values the templates and clauses may use.
        options: Layout and style settings.
        provenance: Where composed text came from (filled by compose).
    """

    kind: DocumentKind = "letter"
    audience: str | None = None
    heading: str | None = None
    published: StrictDate | None = None
    date: StrictDate | None = None
    place: str | None = None
    sender: Sender = Field(default_factory=Sender)
    addressees: list[Addressee] = Field(default_factory=list)
    cc: list[Addressee] = Field(default_factory=list)
    subject: str | None = None
    salutation: str | None = None
    body: list[Paragraph] = Field(default_factory=list)
    asks_intro: str | None = None
    asks: list[AskEntry] = Field(default_factory=list)
    closing: list[Paragraph] = Field(default_factory=list)
    complimentary_close: str | None = None
    signatories: list[Signatory] = Field(default_factory=list)
    signatory_note: str | None = None
    enclosures: list[str] = Field(default_factory=list)
    variables: dict[str, Any] = Field(default_factory=dict)
    options: LetterOptions = Field(default_factory=LetterOptions)
    provenance: list[ProvenanceEntry] = Field(default_factory=list)

    @field_validator("subject")
    @classmethod
    def _strip_re(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return re.sub(r"^\s*(re|subject)\s*:\s*", "", value, flags=re.IGNORECASE)

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
        return missing

    @property
    def is_resolved(self) -> bool:
        """True when every clause reference is resolved and the salutation is set."""
        return not self.unresolved()

    def resolved_asks(self) -> list[Ask]:
        """The asks of a resolved letter (clause references are skipped)."""
        return [ask for ask in self.asks if isinstance(ask, Ask)]

    def texts(self, field: Literal["body", "closing"]) -> list[str]:
        """The literal paragraphs of ``body`` or ``closing`` (clause references skipped)."""
        return [p for p in getattr(self, field) if isinstance(p, str)]
