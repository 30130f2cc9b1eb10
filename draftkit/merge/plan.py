"""A merge's plan: the spec, the settings and the output, fixed before any letter is made.

The plan is plain data (it pickles), so that a worker process can be handed it. Making
one reads the spec and checks what would fail for every recipient alike (an unknown
variant or clause) before anything is written.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from draftkit.compose import names_read
from draftkit.compose.texts import fields_of, spec_texts
from draftkit.config import ProjectConfig, load_config
from draftkit.delivery import MailSettings, check_address
from draftkit.errors import RenderError
from draftkit.files import load_letter
from draftkit.merge.names import output_names
from draftkit.outputs import refuse_input_as_output
from draftkit.provenance import spec_hash
from draftkit.recipients import Recipient, load_recipients
from draftkit.schema import Letter

__all__ = [
    "MANIFEST_NAME",
    "MERGE_FORMATS",
    "MergeFormat",
    "Plan",
    "check_outputs",
    "make_plan",
    "recipient_list",
]

MergeFormat = Literal["docx", "md", "txt", "pdf", "eml"]
MERGE_FORMATS: tuple[MergeFormat, ...] = ("docx", "md", "txt", "pdf", "eml")
MANIFEST_NAME = "manifest.csv"
"""The manifest's file name inside the output folder."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything needed to make the letters of one merge (picklable).

    Attributes:
        token: Tells one merge's per-process state from another's.
        spec: The spec, without addressees (each recipient becomes the addressee).
        spec_name: The spec file (or ``<spec>``), for messages.
        spec_digest: The SHA-256 of the spec file, recorded in every DOCX.
        config: Project settings.
        audience: The variant chosen instead of the spec's.
        template_dirs: Extra template folders.
        reference: The house-style ``.docx``.
        fmt: The output format.
        outdir: The output folder.
        force: Replace letters that exist.
        grouped: Share one composed letter among recipients of a kind.
        reads: The names the variant and the clauses read (for the kinds).
        text_fields: The fields holding the spec's templated text.
        mail: From and Reply-To of ``eml`` output, and whether a PDF is attached.
    """

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
    grouped: bool
    reads: frozenset[str]
    text_fields: frozenset[str]
    mail: MailSettings | None = None

    @property
    def converts(self) -> bool:
        """The letters go through LibreOffice (PDF output or PDF attachments)."""
        return self.fmt == "pdf" or (
            self.fmt == "eml" and self.mail is not None and self.mail.attach_pdf
        )

    @property
    def staging(self) -> Path:
        """A hidden folder in the output folder for DOCX files on their way to PDF."""
        return self.outdir / f".draftkit-staging-{self.token[:12]}"


def recipient_list(recipients: Iterable[Recipient] | str | Path) -> list[Recipient]:
    """Recipients as given, or read with :func:`~draftkit.recipients.load_recipients`."""
    if isinstance(recipients, str | Path):
        return load_recipients(recipients)
    return list(recipients)


def make_plan(
    spec: Letter | str | Path,
    outdir: Path,
    *,
    fmt: MergeFormat = "docx",
    force: bool = False,
    reference: str | Path | None = None,
    config: ProjectConfig | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    grouped: bool = True,
    mail: MailSettings | None = None,
) -> Plan:
    """Read the spec and check it once for every recipient.

    Raises:
        RenderError: An unknown format; ``eml`` without a From address or a subject.
        DeliveryError: The From or Reply-To address is not one e-mail address.
        DraftkitError: The spec cannot be read, or its variant or a clause is unknown.
    """
    if fmt not in MERGE_FORMATS:
        raise RenderError(f"unknown format '{fmt}'", hint=f"use one of {', '.join(MERGE_FORMATS)}")
    if isinstance(spec, Letter):
        letter, name, digest = spec, "<spec>", None
        config = config or ProjectConfig()
    else:
        path = Path(spec)
        letter, name = load_letter(path).with_files_from(path.parent), str(path)
        digest = spec_hash(path.read_bytes())
        config = config or load_config(path)
    letter = letter.model_copy(update={"addressees": []})
    if fmt == "eml":
        mail = _mail_settings(letter, name, mail)
    dirs = tuple(Path(d) for d in template_dirs)
    reads = names_read(letter, config=config, audience=audience, template_dirs=dirs)
    return Plan(
        token=uuid.uuid4().hex,
        spec=letter,
        spec_name=name,
        spec_digest=digest,
        config=config,
        audience=audience,
        template_dirs=dirs,
        reference=Path(reference) if reference is not None else None,
        fmt=fmt,
        outdir=outdir,
        force=force,
        grouped=grouped,
        reads=reads,
        text_fields=fields_of(spec_texts(letter)),
        mail=mail if fmt == "eml" else None,
    )


def _mail_settings(letter: Letter, name: str, given: MailSettings | None) -> MailSettings:
    """The From and Reply-To of ``eml`` output: the options, else the spec's sender."""
    sender = (given.sender if given else None) or letter.sender.email
    if not sender:
        raise RenderError(
            "e-mail output needs a From address",
            path=name if name != "<spec>" else None,
            hint="pass --from 'Name <you@example.org>' or set sender.email in the spec",
        )
    if not letter.subject:
        raise RenderError(
            "e-mail output needs a subject",
            path=name if name != "<spec>" else None,
            hint="add subject: to the spec",
        )
    reply_to = (given.reply_to if given else None) or letter.sender.reply_to
    check_address(sender, "the From address")
    if reply_to:
        check_address(reply_to, "the Reply-To address")
    return MailSettings(
        sender=sender, reply_to=reply_to, attach_pdf=bool(given and given.attach_pdf)
    )


def check_outputs(
    outdir: str | Path,
    people: Sequence[Recipient],
    fmt: MergeFormat,
    inputs: Mapping[str, str | Path | None],
    *,
    names: Sequence[str] | None = None,
) -> None:
    """Refuse a merge that would write over one of its own inputs, even with --force.

    Args:
        outdir: The output folder.
        people: The recipients (their letters' file names are checked).
        fmt: The output format.
        inputs: What each input is ("the recipient list") and its path.
        names: The letters' file names, when already known (:func:`output_names`).

    Raises:
        OutputError: A letter, ``manifest.csv`` or ``combined.FMT`` would replace an input.
    """
    if names is None:
        names = output_names(people, fmt)
    wanted = {*names, MANIFEST_NAME, f"combined.{fmt}", "sent-log.csv"}
    for role, given in inputs.items():
        if given is None:
            continue
        path = Path(given)
        if path.name in wanted and path.is_file():
            refuse_input_as_output(Path(outdir) / path.name, {role: path})
