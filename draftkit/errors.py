"""The exception tree of draftkit.

Every error the library raises on purpose is a :class:`DraftkitError`. Each carries an
optional location (file, line, field path) and a hint saying what to do next, and renders
as one line such as::

    letter.yaml:12: signatories[3].name: field required — add a name for this signatory

The CLI prints ``str(error)`` and exits non-zero; the library never prints.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ClauseError",
    "DataSourceError",
    "DeliveryError",
    "DraftkitError",
    "IngestError",
    "OutputError",
    "OutputExistsError",
    "ProtocolError",
    "RenderError",
    "SpecError",
    "TemplateError",
    "TemplateRefusedError",
]


class DraftkitError(Exception):
    """Base class of every error draftkit raises on purpose.

    Args:
        message: What went wrong, in one sentence without a trailing period.
        path: The file the error is about, if any.
        line: The 1-based line in ``path``, if known.
        where: A place inside the document, e.g. a field path ``asks[2].lead``.
        hint: What the user should do next.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        where: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.where = where
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        prefix = ""
        if self.path is not None:
            prefix = self.path if self.line is None else f"{self.path}:{self.line}"
            prefix += ": "
        if self.where:
            prefix += f"{self.where}: "
        text = f"{prefix}{self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return " ".join(text.split("\n"))


class SpecError(DraftkitError):
    """A letter spec (YAML/JSON) cannot be read or does not fit the schema."""


class OutputError(DraftkitError):
    """An output cannot be written (a folder that is not writable, a full disk, an input)."""


class OutputExistsError(OutputError):
    """An output file already exists and overwriting was not allowed."""


class RenderError(DraftkitError):
    """A letter cannot be rendered (unresolved letter, bad reference document, ...)."""


class TemplateError(DraftkitError):
    """A template variant is missing, unsafe, or fails while rendering."""


class TemplateRefusedError(TemplateError):
    """The template sandbox refused a template (an unsafe attribute, a loop or size limit).

    The refusal is about the template, not about the data it was given: a mail merge
    stops at it instead of reporting it once per recipient.
    """


class DeliveryError(DraftkitError):
    """A message cannot be made or sent (a bad address, no mail server, a refused login)."""


class ClauseError(DraftkitError):
    """A clause file is malformed, a clause id is unknown, or a clause is not usable."""


class ProtocolError(DraftkitError):
    """An office is unknown to the forms-of-address table, or the table is malformed."""


class IngestError(DraftkitError):
    """A document cannot be read as a letter (empty, binary, corrupt, too large)."""


class DataSourceError(DraftkitError):
    """Recipient data cannot be fetched or copied (no answer, not the expected data)."""
