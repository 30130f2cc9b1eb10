"""What a merge writes: one file per recipient, the manifest, the combined document.

Every file is written through a temporary file and a rename, so an interrupted run leaves
no partial file; a letter that already exists is skipped unless the plan says ``force``.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from draftkit.compose.slots import Filled
from draftkit.csvtext import csv_text
from draftkit.delivery import (
    Attachment,
    build_message,
    check_address,
    contact_form_of,
    email_of,
    message_id_for,
)
from draftkit.errors import DraftkitError, OutputExistsError, RenderError, TemplateRefusedError
from draftkit.markup import plain
from draftkit.merge.letters import Letters
from draftkit.merge.plan import MANIFEST_NAME, Plan
from draftkit.outputs import write_bytes_atomic, write_text_atomic
from draftkit.places import Place
from draftkit.provenance import provenance_properties
from draftkit.recipients import Recipient
from draftkit.render import render_bytes, render_docx_many, render_markdown, render_text
from draftkit.render.enclosures import enclosure_files
from draftkit.schema import Letter

_STENCILS_KEPT = 64
_STENCIL_TRIES = 2  # letters of a kind tried as its stencil (one may leave a paragraph out)

if TYPE_CHECKING:
    from draftkit.render.stencil import Stencil
    from draftkit.render.word import DocxRenderer

__all__ = [
    "MergeResult",
    "MergeRow",
    "MergedLetter",
    "Status",
    "Task",
    "Writer",
    "write_combined",
    "write_manifest",
]

Status = Literal["rendered", "skipped", "error"]


@dataclass(frozen=True, slots=True)
class MergeRow:
    """What happened to one recipient.

    Attributes:
        index: The recipient's 1-based position in the list.
        recipient: The recipient's name (or another label).
        key: The recipient's stable id, if any.
        file: The output file name inside the output folder (None for errors).
        status: ``rendered``, ``skipped`` (the file exists) or ``error``.
        message: Why a row was skipped or failed, or what to know about it (an
            e-mail without a recipient address).
        email: The recipient's e-mail address from the list, if any.
        contact_form: The recipient's web contact form (US Congress), if any.
    """

    index: int
    recipient: str
    key: str | None
    file: str | None
    status: Status
    message: str = ""
    email: str = ""
    contact_form: str = ""


@dataclass(slots=True)
class MergeResult:
    """What :func:`~draftkit.merge.mail_merge` did.

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

    @property
    def unaddressed(self) -> list[MergeRow]:
        """Rows of an ``eml`` merge whose message has no recipient address (not sendable)."""
        return [
            row
            for row in self.rows
            if row.status != "error" and (row.file or "").endswith(".eml") and not row.email
        ]


@dataclass(frozen=True, slots=True)
class MergedLetter:
    """One recipient's resolved letter, or why there is none.

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


@dataclass(frozen=True, slots=True)
class Task:
    """One letter to write: the recipient, their position and their file name."""

    index: int
    recipient: Recipient
    file: str


class Writer:
    """Writes letters of one merge in one process (its letters, their warnings).

    Args:
        plan: The merge's plan.
    """

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.letters = Letters(plan)
        self.warnings: list[str] = []
        self._renderer: DocxRenderer | None = None
        self._stencils: dict[Hashable, Stencil] = {}
        self._tries: dict[Hashable, int] = {}

    def render(
        self,
        letter: Letter,
        recipient: Recipient | None,
        filled: tuple[Hashable, Filled] | None = None,
    ) -> bytes:
        """One letter in the plan's format; a DOCX records its provenance and recipient.

        PDF output is a DOCX here (converted in one batch later, :mod:`draftkit.merge`).
        A letter filled into a composed letter (``filled``: the key its letters share,
        and the places of the recipient's text) is set through the stencil of its key
        (:mod:`draftkit.render.stencil`): only the blocks of those places are laid out.
        """
        plan = self.plan
        if plan.fmt in ("md", "txt"):
            return render_bytes(letter, plan.fmt)
        props = provenance_properties(
            letter,
            spec_digest=plan.spec_digest,
            recipient=recipient.label() if recipient is not None else None,
            recipient_key=recipient.key if recipient is not None else None,
        )
        if filled is not None:
            data = self._stenciled(filled[0], letter, filled[1].places, props)
            if data is not None:
                return data
        return render_bytes(letter, "docx", reference=plan.reference, properties=props)

    def _stenciled(
        self,
        kind: Hashable,
        letter: Letter,
        places: frozenset[Place],
        properties: Mapping[str, str],
    ) -> bytes | None:
        """``letter``'s DOCX through the stencil of its ``kind``, made from the first
        letter of the kind that can be one; None: render it in full."""
        stencil = self._stencils.get(kind)
        if stencil is not None:
            if stencil.places != places:
                return None
            return stencil.render(letter, properties=properties)
        tries = self._tries.get(kind, 0)
        if tries >= _STENCIL_TRIES:
            return None
        self._tries[kind] = tries + 1
        # deferred: the DOCX renderer loads only for DOCX output (start-up time)
        from draftkit.render.stencil import make_stencil
        from draftkit.render.word import renderer_for

        if self._renderer is None:
            self._renderer = renderer_for(self.plan.reference)
        stencil = make_stencil(self._renderer, letter, places, properties=properties)
        if stencil is None:
            return None
        if len(self._stencils) >= _STENCILS_KEPT:
            self._stencils.pop(next(iter(self._stencils)))
        self._stencils[kind] = stencil
        return stencil.data

    def message(self, task: Task, letter: Letter, docx: bytes) -> tuple[bytes, str]:
        """The recipient's e-mail (the letter as text, the DOCX attached) and a note for
        the manifest (no address).

        Raises:
            DeliveryError: The recipient's e-mail address is not one address.
        """
        mail = self.plan.mail
        assert mail is not None
        recipient = task.recipient
        address = email_of(recipient.variables)
        to = None
        note = ""
        if address:
            to = check_address(address, "the e-mail address")
            if not to.display_name and recipient.name:
                to = type(to)(display_name=recipient.name, addr_spec=to.addr_spec)
        else:
            form = contact_form_of(recipient.variables)
            note = "no e-mail address in the list: the message has no To and is not sent" + (
                f"; contact form: {form}" if form else ""
            )
        text = render_text(letter)
        sender = check_address(mail.sender, "the From address")
        stem = task.file.rsplit(".", 1)[0]
        message = build_message(
            settings=mail,
            to=to,
            subject=plain(letter.subject or "", links=False),
            text=text,
            attachments=[
                Attachment(f"{stem}.docx", docx, "docx"),
                *(Attachment(f.filename, f.data, f.kind) for f in enclosure_files(letter)),
            ],
            message_id=message_id_for(
                sender,
                self.plan.spec_digest or "",
                str(task.index),
                recipient.key or recipient.label(),
                to.addr_spec if to is not None else "",
                text,
            ),
        )
        return message.as_bytes(), note

    def _letter(self, task: Task) -> tuple[Letter, bytes]:
        """The recipient's letter and its bytes in the plan's format, its warnings kept."""
        letter, warnings, filled = self.letters.filled(task.index, task.recipient)
        data = self.render(letter, task.recipient, filled)
        self.note(warnings)
        return letter, data

    def run(self, task: Task) -> MergeRow:
        """Write one recipient's letter to its file and report the row."""
        row = functools.partial(_row, task)
        plan = self.plan
        note = ""
        try:
            letter, data = self._letter(task)
            stem = task.file.rsplit(".", 1)[0]
            if plan.fmt == "eml":
                docx = data
                data, note = self.message(task, letter, docx)
                if plan.converts:  # the PDF is attached once the batch is converted
                    write_bytes_atomic(plan.staging / f"{stem}.docx", docx, force=True)
                    write_bytes_atomic(plan.staging / f"{stem}.eml", data, force=True)
                    return row("rendered", task.file, note)
            elif plan.fmt == "pdf":
                write_bytes_atomic(plan.staging / f"{stem}.docx", data, force=True)
                return row("rendered", task.file)
            write_bytes_atomic(plan.outdir / task.file, data, force=plan.force)
        except OutputExistsError:
            return row("skipped", task.file, "already rendered (pass --force to replace)")
        except TemplateRefusedError:
            raise  # the spec's problem, not this row's: the merge stops
        except DraftkitError as exc:
            return row("error", None, str(exc))
        return row("rendered", task.file, note)

    def check(self, task: Task) -> MergeRow:
        """What :meth:`run` would report for ``task``, with nothing written (a dry run).

        The letter is composed, filled and rendered in memory (and, for ``eml``, the
        message built) exactly as :meth:`run` does, so a row that would fail fails here
        with the same message; only the file is not written.
        """
        row = functools.partial(_row, task)
        plan = self.plan
        note = ""
        try:
            letter, data = self._letter(task)
            if plan.fmt == "eml":
                _, note = self.message(task, letter, data)
        except TemplateRefusedError:
            raise
        except DraftkitError as exc:
            return row("error", None, str(exc))
        if not plan.force and (plan.outdir / task.file).exists():
            return row("skipped", task.file, "already rendered (pass --force to replace)")
        return row("rendered", task.file, note)

    def note(self, warnings: Sequence[str]) -> None:
        """Keep warnings not seen before, in order."""
        for warning in warnings:
            if warning not in self.warnings:
                self.warnings.append(warning)

    def close(self) -> None:
        """Let go of what this process opened (the clause library)."""
        if self.letters.pid == os.getpid():
            self.letters.close()


def _row(task: Task, status: Status, file: str | None, message: str = "") -> MergeRow:
    """The manifest row of ``task``'s recipient."""
    recipient = task.recipient
    return MergeRow(task.index, recipient.label(), recipient.key, file, status, message)


def write_manifest(outdir: Path, rows: Sequence[MergeRow]) -> Path:
    """``manifest.csv``: index, recipient, key, file, status, message, e-mail address and
    contact form (US Congress) of every row.

    A cell that a spreadsheet would run as a formula (a recipient named ``=HYPERLINK(…)``)
    is written with a leading ``'`` (:func:`draftkit.csvtext.csv_text`).
    """
    table = [["index", "recipient", "key", "file", "status", "message", "email", "contact_form"]]
    for row in sorted(rows, key=lambda r: r.index):
        table.append(
            [str(row.index), row.recipient, row.key or "", row.file or "", row.status,
             row.message, row.email, row.contact_form]
        )  # fmt: skip
    return write_text_atomic(outdir / MANIFEST_NAME, csv_text(table), force=True)


def write_combined(
    writer: Writer, people: Sequence[Recipient], rows: Mapping[int, MergeRow], *, force: bool
) -> Path | None:
    """``combined.FMT``: every letter written or kept in this run, each on a new page.

    Left as it is when nothing was rendered in this run and ``force`` is not given.
    """
    plan = writer.plan
    target = plan.outdir / f"combined.{plan.fmt}"
    if plan.fmt == "eml":
        raise RenderError("--combined is not available with --format eml", hint="leave it out")
    changed = any(row.status == "rendered" for row in rows.values())
    if target.exists() and not (force or changed):
        return target
    letters: list[Letter] = []
    for index, recipient in enumerate(people, start=1):
        row = rows.get(index)
        if row is None or row.status == "error":
            continue
        try:
            letter, _ = writer.letters.letter_for(index, recipient)
        except DraftkitError:
            continue
        letters.append(letter)
    if not letters:
        return None
    if plan.fmt in ("docx", "pdf"):
        props = provenance_properties(letters[0], spec_digest=plan.spec_digest)
        props["draftkit.letters"] = str(len(letters))
        data = render_docx_many(letters, reference=plan.reference, properties=props)
        if plan.fmt == "pdf":  # converted with the letters
            return write_bytes_atomic(plan.staging / "combined.docx", data, force=True)
    elif plan.fmt == "md":
        text = "\n\n---\n\n".join(render_markdown(letter).rstrip() for letter in letters)
        data = (text + "\n").encode("utf-8")
    else:
        text = "\n\f\n".join(render_text(letter).rstrip() for letter in letters)
        data = (text + "\n").encode("utf-8")
    return write_bytes_atomic(target, data, force=True)
