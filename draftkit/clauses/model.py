"""The clause model: vetted language with variables, audience variants, status and provenance.

A clause is one reusable piece of a letter: a paragraph (``text``) or an ask (``lead``,
``body``, ``items``). Its wording may use Jinja variables (``{{ country }}``) that the
clause declares, and may differ per audience through named ``variants``. Its
:attr:`Clause.version` is a short hash of the wording, so a composed letter can record
exactly which wording it used.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from draftkit.empty import empty_dict, empty_list
from draftkit.errors import ClauseError
from draftkit.schema import Letter
from draftkit.writable import StrictDate, WritableModel

__all__ = [
    "CLAUSE_KINDS",
    "Clause",
    "ClauseKind",
    "ClauseStatus",
    "ClauseVariant",
    "ClauseWording",
    "Source",
    "SourceInfo",
    "VariableSpec",
    "declared_variables",
    "used_variables",
]

ClauseKind = Literal[
    "opening", "context", "ask", "asks-intro", "closing", "sign-off", "signature-note", "other"
]
"""Where a clause goes in a letter."""

CLAUSE_KINDS: tuple[str, ...] = (
    "opening",
    "context",
    "ask",
    "asks-intro",
    "closing",
    "sign-off",
    "signature-note",
    "other",
)

ClauseStatus = Literal["draft", "vetted", "retired"]
"""Approval status: only ``vetted`` clauses are used without a warning."""

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
_VARIABLE = re.compile(r"{{-?\s*([A-Za-z_][A-Za-z0-9_]*)")


class _Model(WritableModel):
    model_config = ConfigDict(extra="forbid")


class VariableSpec(_Model):
    """A Jinja variable a clause uses.

    Attributes:
        description: What the value is ("the country the letter is about").
        example: An example value, used in previews and tests.
        required: Compose refuses to render the clause without a value.
    """

    description: str = ""
    example: str | None = None
    required: bool = True


class ClauseWording(_Model):
    """The text fields of a clause or of one of its variants.

    Attributes:
        text: A paragraph clause's text.
        lead: An ask's bold lead-in sentence.
        body: An ask's text after the lead-in.
        items: An ask's bullet items.
    """

    text: str | None = None
    lead: str | None = None
    body: str | None = None
    items: list[str] = Field(default_factory=empty_list)

    def joined(self) -> str:
        """All the wording as one string (lead, body, text, items), for search and matching."""
        parts = [self.lead, self.body, self.text, *self.items]
        return "\n".join(p for p in parts if p)


class ClauseVariant(_Model):
    """Wording overrides for one audience; fields left out keep the clause's wording.

    Attributes:
        text: Replaces the clause's ``text``.
        lead: Replaces the clause's ``lead``.
        body: Replaces the clause's ``body``.
        items: Replaces the clause's ``items`` (None keeps them).
        note: Why this audience needs different wording (for reviewers).
    """

    text: str | None = None
    lead: str | None = None
    body: str | None = None
    items: list[str] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _not_empty(self) -> ClauseVariant:
        if self.text is None and self.lead is None and self.body is None and self.items is None:
            raise ValueError("a variant must override at least one of text, lead, body, items")
        return self


class SourceInfo(_Model):
    """A past letter that language was harvested from.

    Attributes:
        title: The letter's subject or page heading.
        date: The letter's date.
        sender: The sending organisation (or first signatory).
        file: The file the letter was read from.
    """

    title: str | None = None
    date: StrictDate | None = None
    sender: str | None = None
    file: str | None = None

    @classmethod
    def from_letter(cls, letter: Letter, file: str | Path | None = None) -> SourceInfo:
        """Describe a :class:`~draftkit.schema.Letter` as a source (title, date, sender).

        Args:
            letter: The letter.
            file: Where it was read from.
        """
        title = letter.subject or letter.heading
        sender = letter.sender.organization
        if not sender and letter.signatories:
            first = letter.signatories[0]
            sender = first.organization or first.name
            if len(letter.signatories) > 1:
                sender += f" and {len(letter.signatories) - 1} other signatories"
        if not title and letter.addressees:
            title = f"Letter to {letter.addressees[0].label()}"
        if not title and letter.salutation:
            title = f"Letter: {letter.salutation.rstrip(',:')}"
        return cls(
            title=title,
            date=letter.date or letter.published,
            sender=sender,
            file=str(file) if file is not None else None,
        )


class Source(SourceInfo):
    """One letter a clause's language appeared in, and where in it.

    Attributes:
        position: The field path in that letter, e.g. ``asks[2]`` or ``body[0]``.
    """

    position: str | None = None

    def key(self) -> tuple[str | None, str | None, str | None, str | None]:
        """What identifies a source for de-duplication: file name, title, date, position.

        The file's folder is left out, so harvesting the same letter from another
        working directory is still recognised.
        """
        name = Path(self.file).name if self.file else None
        day = self.date.isoformat() if self.date else None
        return (name, self.title, day, self.position)


def _normalise_ws(value: Any) -> Any:
    """Collapse insignificant whitespace so YAML folding style does not change a version."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_normalise_ws(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise_ws(v) for k, v in sorted(value.items())}
    return value


def used_variables(text: str) -> set[str]:
    """Names used as ``{{ name }}`` (or ``{{ name | filter }}``) in ``text``.

    Only a validation aid: compose renders clauses with Jinja and reports the rest.
    """
    return set(_VARIABLE.findall(text))


def declared_variables(clause: Clause) -> set[str]:
    """The variables a clause declares."""
    return set(clause.variables)


class Clause(_Model):
    """A reusable, reviewable piece of letter language.

    Attributes:
        id: Stable id, conventionally ``<kind>.<slug>`` (``ask.targeted-sanctions``).
        kind: Where it goes in a letter.
        title: A short human title (searched with extra weight).
        text: A paragraph clause's text (Jinja variables allowed).
        lead: An ask's bold lead-in sentence.
        body: An ask's text after the lead-in.
        items: An ask's bullet items.
        variables: Declared variables, with a description and an example each.
        topics: Tags such as ``sanctions`` or ``refugees``.
        audiences: Audiences it suits (empty means any).
        variants: Per-audience wording overrides, keyed by audience (or any name).
        status: ``draft``, ``vetted`` or ``retired``.
        vetted_by: Who approved it.
        vetted_on: When it was approved.
        retired_reason: Why it should no longer be used.
        notes: Free notes for reviewers.
        provenance: Letters its language came from.
        language: The language of its wording (``en`` by default, ``fr``, ``es``, ``ar``).
        translates: For a version in another language: the id of the clause it renders.
            Its own id is that id and the language (``ask.release-prisoners.fr``), so a
            letter in French that names ``ask.release-prisoners`` gets this version.
        source_file: The file it is defined in (not part of the content).
        line: The line of its entry in that file (not part of the content).
    """

    id: str = Field(min_length=1, max_length=200, pattern=ID_PATTERN)
    kind: ClauseKind
    title: str = Field(min_length=1)
    text: str | None = None
    lead: str | None = None
    body: str | None = None
    items: list[str] = Field(default_factory=empty_list)
    variables: dict[str, VariableSpec] = Field(default_factory=empty_dict)
    topics: list[str] = Field(default_factory=empty_list)
    audiences: list[str] = Field(default_factory=empty_list)
    variants: dict[str, ClauseVariant] = Field(default_factory=empty_dict)
    status: ClauseStatus = "draft"
    vetted_by: str | None = None
    vetted_on: StrictDate | None = None
    retired_reason: str | None = None
    notes: str | None = None
    provenance: list[Source] = Field(default_factory=empty_list)
    language: Literal["en", "fr", "es", "ar"] = "en"
    translates: str | None = Field(default=None, max_length=200, pattern=ID_PATTERN)
    source_file: Path = Field(default=Path(), exclude=True)
    line: int = Field(default=0, exclude=True)

    @model_validator(mode="after")
    def _shape(self) -> Clause:
        if self.kind == "ask":
            if self.text is not None:
                raise ValueError("an ask clause uses lead/body/items, not text")
            if not (self.lead or self.body or self.items):
                raise ValueError("an ask clause needs a lead, a body or items")
            for name, variant in self.variants.items():
                if variant.text is not None:
                    raise ValueError(
                        f"variant '{name}' of an ask clause sets lead/body/items, not text"
                    )
        else:
            if self.lead is not None or self.body is not None or self.items:
                raise ValueError(f"a {self.kind} clause uses text, not lead/body/items")
            if not self.text:
                raise ValueError(f"a {self.kind} clause needs text")
            for name, variant in self.variants.items():
                if variant.lead is not None or variant.body is not None or variant.items:
                    raise ValueError(f"variant '{name}' of a {self.kind} clause may set only text")
        if self.status == "retired" and not self.retired_reason:
            raise ValueError("a retired clause needs a retired_reason")
        if self.status == "vetted" and not self.vetted_by:
            raise ValueError("a vetted clause needs vetted_by (who approved it)")
        if self.translates is not None and self.id != f"{self.translates}.{self.language}":
            raise ValueError(
                f"a version in another language is named after the clause it renders: "
                f"id {self.translates}.{self.language}, language {self.language}"
            )
        return self

    # -- content -----------------------------------------------------------------------

    def content(self) -> dict[str, Any]:
        """The wording that the version is computed from (text fields, variants, variables)."""
        return {
            "text": self.text,
            "lead": self.lead,
            "body": self.body,
            "items": self.items,
            "variants": {
                name: v.model_dump(exclude={"note"}, exclude_none=True)
                for name, v in self.variants.items()
            },
            "variables": {name: v.model_dump() for name, v in self.variables.items()},
        }

    @property
    def version(self) -> str:
        """A short hash of the content; unchanged by YAML re-wrapping or key order."""
        canonical = json.dumps(_normalise_ws(self.content()), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]

    @property
    def wording(self) -> ClauseWording:
        """The default wording (no variant)."""
        return ClauseWording(text=self.text, lead=self.lead, body=self.body, items=self.items)

    def wording_for(
        self, audience: str | None, variant: str | None = None
    ) -> tuple[ClauseWording, str | None]:
        """The wording to use for an audience.

        Args:
            audience: The letter's audience (``us-congress`` ...); its variant is used
                when the clause has one.
            variant: Force this variant by name.

        Returns:
            The text fields and the name of the variant used (None for the default).

        Raises:
            ClauseError: ``variant`` names a variant the clause does not have.
        """
        name = variant if variant is not None else audience
        if name is None or name not in self.variants:
            if variant is not None:
                known = ", ".join(sorted(self.variants)) or "none"
                raise ClauseError(
                    f"clause '{self.id}' has no variant '{variant}'",
                    path=self.source_file if self.line else None,
                    line=self.line or None,
                    hint=f"its variants: {known}",
                )
            return self.wording, None
        over = self.variants[name]
        return (
            ClauseWording(
                text=over.text if over.text is not None else self.text,
                lead=over.lead if over.lead is not None else self.lead,
                body=over.body if over.body is not None else self.body,
                items=over.items if over.items is not None else self.items,
            ),
            name,
        )

    def all_text(self) -> str:
        """Every wording (default and variants) as one string."""
        parts = [self.wording.joined()]
        parts += [self.wording_for(None, name)[0].joined() for name in self.variants]
        return "\n".join(parts)

    def undeclared_variables(self) -> set[str]:
        """Variables used in the wording but not declared (a lint aid, regex based)."""
        return used_variables(self.all_text()) - set(self.variables)

    def suits(self, audience: str | None) -> bool:
        """True when the clause lists no audiences or lists ``audience``."""
        return not self.audiences or audience is None or audience in self.audiences

    # -- status ------------------------------------------------------------------------

    def usable(self, policy: Literal["warn", "refuse"] = "warn") -> str | None:
        """Say why using this clause deserves a warning (None when it is vetted).

        Args:
            policy: The project's ``clause_policy``; compose raises under ``refuse``
                (see :meth:`ensure_usable`) and warns under ``warn``.

        Returns:
            A one-line warning, or None for a vetted clause.
        """
        if self.status == "vetted":
            return None
        if self.status == "retired":
            text = f"clause '{self.id}' is retired ({self.retired_reason})"
            todo = "choose another clause"
        else:
            text = f"clause '{self.id}' is a draft, not yet vetted"
            todo = f"have it vetted (draftkit clauses vet {self.id} --by NAME)"
        if policy == "refuse":
            return f"{text}; the project's clause_policy refuses it — {todo}"
        return f"{text} — {todo}"

    def ensure_usable(self, policy: Literal["warn", "refuse"] = "warn") -> str | None:
        """Like :meth:`usable`, but raise :class:`ClauseError` under the ``refuse`` policy."""
        message = self.usable(policy)
        if message is not None and policy == "refuse":
            raise ClauseError(
                message, path=self.source_file if self.line else None, line=self.line or None
            )
        return message

    # -- files -------------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        """The clause as plain data for a clause file (empty fields left out)."""
        data: dict[str, Any] = self.model_dump(mode="json", exclude_defaults=True)
        data["id"] = self.id
        data["kind"] = self.kind
        data["status"] = self.status
        order = [
            "id",
            "kind",
            "title",
            "text",
            "lead",
            "body",
            "items",
            "variables",
            "topics",
            "audiences",
            "variants",
            "status",
            "vetted_by",
            "vetted_on",
            "retired_reason",
            "notes",
            "provenance",
        ]
        return {key: data[key] for key in order if key in data}


def today() -> dt.date:
    """Today's date (a seam for tests)."""
    return dt.date.today()
