"""Mail merge: one letter spec x many recipients -> one document per recipient.

Merge = compose + fill. For each recipient the spec's addressees are replaced by the
recipient, whose office gives the address block, salutation and close (see
:mod:`draftkit.protocol`). Text in the spec may use the recipient through Jinja
expressions, rendered per letter with the names compose gives every template::

    body:
      - As a senator from {{ recipient.state }}, you ...
      - "{{ recipient.personal_line }}"

The letter merge writes for a recipient is the letter
``compose_letter(spec, recipient=...)`` gives for them: merge composes once per kind of
recipient and fills each recipient's slots (address block, salutation, templated text)
with compose's own functions (:mod:`draftkit.merge.letters`).

Modules: ``plan`` (the spec and settings, checked once), ``names`` (file names),
``letters`` (compose once per kind, fill per recipient), ``outputs`` (files, manifest,
combined document) and ``workers`` (processes).

Robustness. A recipient that cannot be used (no name, unknown office, a template that
fails for that row) is reported in the manifest and skipped; the others render. A file
that already exists is skipped unless ``force``. A manifest (``manifest.csv``) lists
recipient, file, status and message for every row. A template the sandbox refuses is
the spec's problem: the merge stops with one error before anything is written.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from draftkit.compose.slots import shares_letters
from draftkit.config import ProjectConfig
from draftkit.delivery import MailSettings, contact_form_of, email_of
from draftkit.errors import DraftkitError, OutputExistsError, RenderError, TemplateRefusedError
from draftkit.merge.convert import convert_staged, discard_staging
from draftkit.merge.letters import Letters
from draftkit.merge.names import output_names, safe_file_stem
from draftkit.merge.outputs import (
    MergedLetter,
    MergeResult,
    MergeRow,
    Task,
    write_combined,
    write_manifest,
)
from draftkit.merge.plan import (
    MANIFEST_NAME,
    MERGE_FORMATS,
    MergeFormat,
    check_outputs,
    make_plan,
    recipient_list,
)
from draftkit.merge.workers import forget, run_tasks, writer_for
from draftkit.recipients import Recipient
from draftkit.recipients.model import ended_terms
from draftkit.schema import Letter

__all__ = [
    "MANIFEST_NAME",
    "MERGE_FORMATS",
    "MailSettings",
    "MergeFormat",
    "MergeResult",
    "MergeRow",
    "MergedLetter",
    "check_outputs",
    "dry_run_merge",
    "mail_merge",
    "merge_letters",
    "output_names",
    "safe_file_stem",
]


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
        grouped: Compose once per kind of recipient and fill the others' slots; False
            composes every letter on its own (slower; the letters are the same).

    Yields:
        One :class:`MergedLetter` per recipient, in order; a recipient that cannot be
        used has ``error`` set.

    Raises:
        DraftkitError: The spec, its variant or its clauses cannot be read.
        TemplateRefusedError: The template sandbox refused the variant or a spec string.
    """
    people = recipient_list(recipients)
    plan = make_plan(
        spec, Path(), config=config, audience=audience, template_dirs=template_dirs,
        grouped=grouped,
    )  # fmt: skip
    letters = Letters(plan)
    try:
        for index, recipient in enumerate(people, start=1):
            try:
                letter, _ = letters.letter_for(index, recipient)
            except TemplateRefusedError:
                raise  # the spec's problem, not this recipient's
            except DraftkitError as exc:
                yield MergedLetter(index, recipient, None, exc)
                continue
            yield MergedLetter(index, recipient, letter)
    finally:
        letters.close()


def _ended_warning(people: Sequence[Recipient], date: dt.date | None) -> str | None:
    """The warning for recipients whose term ends before the letter's date, if any."""
    ended = ended_terms(people, date or dt.date.today())
    if not ended:
        return None
    last = max(ends for _, ends in ended)
    named = ", ".join(person.label() for person, _ in ended[:3])
    more = f" and {len(ended) - 3} more" if len(ended) > 3 else ""
    return (
        f"{len(ended)} recipient(s) hold a term that ends before the letter's date"
        f" ({date or 'today'}; the last ends {last}): {named}{more} — check"
        " who holds the seat then, or use recipient data of the new term (docs/merge.md)"
    )


def dry_run_merge(
    spec: Letter | str | Path,
    recipients: Iterable[Recipient] | str | Path,
    outdir: str | Path,
    *,
    fmt: MergeFormat = "docx",
    force: bool = False,
    reference: str | Path | None = None,
    config: ProjectConfig | None = None,
    audience: str | None = None,
    template_dirs: Sequence[str | Path] = (),
    inputs: Mapping[str, str | Path | None] | None = None,
    mail: MailSettings | None = None,
) -> MergeResult:
    """Check every row as :func:`mail_merge` would, and write nothing.

    Each recipient's letter is composed, filled and rendered in memory (for ``eml``,
    its message is built) by the code a real run uses, so a misspelled office, a row
    without the office the spec needs, or a template variable the row lacks fails here
    with the message the real run would give. PDF conversion is not tried.

    Args:
        spec: As for :func:`mail_merge`.
        recipients: As for :func:`mail_merge`.
        outdir: The folder a real run would write into (never created here).
        fmt: As for :func:`mail_merge`.
        force: As for :func:`mail_merge` (without it, existing files are ``skipped``).
        reference: As for :func:`mail_merge`.
        config: As for :func:`mail_merge`.
        audience: As for :func:`mail_merge`.
        template_dirs: As for :func:`mail_merge`.
        inputs: As for :func:`mail_merge`.
        mail: As for :func:`mail_merge`.

    Returns:
        One row per recipient with the status a real run would give (``rendered``:
        would be written), the warnings, no manifest.

    Raises:
        DraftkitError: What :func:`mail_merge` raises before writing anything.
    """
    people = recipient_list(recipients)
    out = Path(outdir)
    plan = make_plan(
        spec, out, fmt=fmt, force=force, reference=reference, config=config,
        audience=audience, template_dirs=template_dirs, mail=mail,
    )  # fmt: skip
    check_outputs(out, people, fmt, _inputs(spec, recipients, reference, inputs))
    writer = writer_for(plan)
    result = MergeResult(outdir=out)
    try:
        names = output_names(people, fmt)
        for index, (recipient, name) in enumerate(zip(people, names, strict=True), start=1):
            row = _early_row(index, recipient, name, out, force=force) or writer.check(
                Task(index, recipient, name)
            )
            result.rows.append(
                dataclasses.replace(
                    row,
                    email=email_of(recipient.variables) or "",
                    contact_form=contact_form_of(recipient.variables) or "",
                )
            )
        result.warnings = list(writer.warnings)
        # the warning a real run gives after its letters (issue #18's acceptance run:
        # a dry run of a letter dated after the Congress ended said nothing)
        ended = _ended_warning(people, plan.spec.date)
        if ended:
            result.warnings.append(ended)
    finally:
        writer.close()
        forget(plan)
    return result


def mail_merge(
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
    mail: MailSettings | None = None,
) -> MergeResult:
    """Write one letter per recipient into ``outdir``.

    Args:
        spec: The letter spec (a file, or a loaded :class:`Letter`). Its addressees are
            replaced by each recipient; its strings may use ``{{ recipient.* }}``.
        recipients: Recipients, or a file/folder read with
            :func:`~draftkit.recipients.load_recipients`.
        outdir: The output folder (created, when missing, once the letters are known to
            compose).
        fmt: ``docx``, ``md``, ``txt``, ``pdf`` (every letter converted by one
            LibreOffice process at the end) or ``eml`` (one e-mail per recipient: the
            letter as text, the DOCX attached; see ``mail``).
        combined: Also write ``combined.<fmt>``: every letter in one document, each on a
            new page (DOCX numbering restarts in each letter); not for ``eml``.
        force: Replace letters that already exist (otherwise they are skipped).
        reference: A house-style ``.docx`` for DOCX output.
        config: Project settings; found from the spec file when None.
        audience: Use this template variant instead of the spec's.
        template_dirs: Extra template folders, searched first.
        jobs: Write in this many worker processes (1: in this process).
        executor: Any :class:`concurrent.futures.Executor` (a process pool, a cluster's
            executor ...); work is sent to it in chunks (``jobs`` is then ignored).
        chunk_size: Recipients per chunk (default: about four chunks per worker, at
            most 32 recipients each).
        manifest: Write ``manifest.csv`` (recipient, file, status, message).
        progress: Called in this process once per recipient as its row is known.
        grouped: Compose once per kind of recipient (default); False composes each
            letter on its own.
        inputs: Other files the caller read (the recipient file a list came from ...):
            like the spec, reference and recipient file, they are never overwritten.
        mail: For ``eml``: the From and Reply-To addresses (else the spec's
            ``sender.email`` and ``sender.reply_to``) and whether a PDF is attached.

    Returns:
        The rows, the manifest and combined paths, and warnings.

    Raises:
        DraftkitError: The spec, its variant, its clauses or the recipient file cannot be
            read (problems with single recipients are reported in the rows instead).
        TemplateRefusedError: The template sandbox refused the variant or a spec string:
            raised before anything is written when the first letter of a kind meets it
            (no folder, no manifest); a refusal that only some recipient's data brings
            about stops the merge there, with the letters already written left as they
            are and no manifest.
    """
    people = recipient_list(recipients)
    out = Path(outdir)
    if combined and fmt == "eml":
        raise RenderError("--combined is not available with --format eml", hint="leave it out")
    plan = make_plan(
        spec, out, fmt=fmt, force=force, reference=reference, config=config,
        audience=audience, template_dirs=template_dirs, grouped=grouped, mail=mail,
    )  # fmt: skip
    names = output_names(people, fmt)
    check_outputs(out, people, fmt, _inputs(spec, recipients, reference, inputs), names=names)
    sharing = grouped and shares_letters(plan.reads, plan.text_fields)
    result = MergeResult(outdir=out, mode="grouped" if sharing else "per-recipient")
    rows: dict[int, MergeRow] = {}
    tasks: list[Task] = []

    def report(row: MergeRow) -> None:
        recipient = people[row.index - 1]
        row = dataclasses.replace(
            row,
            email=email_of(recipient.variables) or "",
            contact_form=contact_form_of(recipient.variables) or "",
        )
        rows[row.index] = row
        if progress is not None:
            progress(row)

    staged: dict[int, MergeRow] = {}

    def stage(row: MergeRow) -> None:
        """A letter on its way to PDF: reported once it is converted."""
        if row.status == "rendered":
            staged[row.index] = row
        else:
            report(row)

    early: list[MergeRow] = []
    present = None if force else _present(out)
    for index, (recipient, name) in enumerate(zip(people, names, strict=True), start=1):
        row = _early_row(index, recipient, name, out, force=force, present=present)
        if row is not None:
            early.append(row)
        else:
            tasks.append(Task(index, recipient, name))
    writer = writer_for(plan)
    refused = False
    try:
        # one letter of every kind first (forked workers inherit them): a template the
        # sandbox refuses stops the merge here, before a folder or file is made
        writer.letters.prepare([(task.index, task.recipient) for task in tasks])
        if tasks or manifest or combined:
            try:
                out.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputExistsError(
                    f"cannot create the output folder ({exc.strerror})", path=out
                ) from None
        for row in early:
            report(row)
        if tasks and (jobs > 1 or executor is not None):
            # prepare the reference here too, so that forked workers inherit it
            with contextlib.suppress(DraftkitError):
                letter, _ = writer.letters.letter_for(tasks[0].index, tasks[0].recipient)
                writer.render(letter, tasks[0].recipient)
        if plan.converts and tasks:
            plan.staging.mkdir(exist_ok=True)
        sink = stage if plan.converts else report
        if tasks:
            run_tasks(writer, tasks, sink, jobs=jobs, executor=executor, chunk_size=chunk_size)
        result.warnings = list(writer.warnings)
        if combined:
            if plan.converts:
                plan.staging.mkdir(exist_ok=True)
            result.combined = write_combined(writer, people, {**rows, **staged}, force=force)
        combined_staged = result.combined is not None and result.combined.parent == plan.staging
        if plan.converts and (staged or combined_staged):
            converted, pdf = convert_staged(plan, staged, combined=combined_staged)
            for index in sorted(converted):
                report(converted[index])
            staged.clear()
            if combined_staged:
                result.combined = pdf
    except TemplateRefusedError:
        refused = True
        raise
    finally:
        if plan.converts:
            discard_staging(plan)
        for index in sorted(staged):  # a conversion that did not happen (an error above)
            report(dataclasses.replace(
                staged[index], file=None, status="error", message="not converted to PDF"
            ))  # fmt: skip
        result.rows = [rows[i] for i in sorted(rows)]
        if manifest and not refused and out.is_dir():
            result.manifest = write_manifest(out, result.rows)
        writer.close()
        forget(plan)
    ended = _ended_warning(people, plan.spec.date)
    if ended:
        result.warnings.append(ended)
    if result.mode == "per-recipient" and grouped:
        result.warnings.append(
            "the variant or a clause uses per-recipient data (recipient, letter, variables"
            " or a templated field), so each letter was composed on its own"
        )
    return result


def _inputs(
    spec: Letter | str | Path,
    recipients: Iterable[Recipient] | str | Path,
    reference: str | Path | None,
    inputs: Mapping[str, str | Path | None] | None,
) -> dict[str, str | Path | None]:
    """The files a merge read, which its letters must never overwrite."""
    return {
        "the spec": spec if isinstance(spec, str | Path) else None,
        "the recipient list": recipients if isinstance(recipients, str | Path) else None,
        "the reference document": reference,
        **(inputs or {}),
    }


def _present(out: Path) -> frozenset[str] | None:
    """The names in the output folder (empty when it does not exist yet), read once for
    all the letters; None when it cannot be listed (each letter's file is looked up)."""
    try:
        return frozenset(entry.name for entry in out.iterdir())
    except FileNotFoundError:
        return frozenset()
    except OSError:
        return None


def _early_row(
    index: int,
    recipient: Recipient,
    name: str,
    out: Path,
    *,
    force: bool,
    present: frozenset[str] | None = None,
) -> MergeRow | None:
    """The row of a recipient known before any letter is made: a row with a problem, or a
    file already there (skipped unread without ``force``); None for a letter to make.

    ``present`` lists the output folder's names: a name not in it is not looked up (one
    that appears meanwhile, or differs only in case on a case-blind file system, is still
    refused by the atomic write and skipped then)."""
    if recipient.problem:
        where = f"{recipient.source}: " if recipient.source else ""
        return MergeRow(index, recipient.label(), recipient.key, None, "error",
                        f"{where}{recipient.problem}")  # fmt: skip
    if force or (present is not None and name not in present):
        return None
    if (out / name).exists():
        return MergeRow(index, recipient.label(), recipient.key, name, "skipped",
                        "already rendered (pass --force to replace)")  # fmt: skip
    return None
