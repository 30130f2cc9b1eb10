"""Project settings: where the team's clause library and templates live, and policies.

A project is configured by a ``draftkit.yaml`` file, found by walking up from the spec's
folder (or the current folder) to the filesystem root. Every key is optional::

    clauses: [clauses]              # clause library folders, relative to this file
    templates: [templates]          # team template folders, searched before built-ins
    clause_policy: warn             # using a draft/retired clause: warn | refuse
    check:
      disable: [length]             # lint rules switched off for the project
    cache_dir: .draftkit-cache      # where the clause index lives
    recipients:
      congress: data/congress-legislators  # merge's recipients when no -r is given
      max_age_days: 90              # warn when that congress data is older

Paths are resolved relative to the config file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from draftkit.empty import empty_list
from draftkit.errors import SpecError
from draftkit.files import load_data

__all__ = [
    "CONFIG_NAME",
    "CheckSettings",
    "ProjectConfig",
    "RecipientSettings",
    "find_config",
    "load_config",
    "source_stamp",
]

CONFIG_NAME = "draftkit.yaml"


def default_cache_dir() -> Path:
    """The user cache folder: ``$XDG_CACHE_HOME/draftkit`` or ``~/.cache/draftkit``.

    It holds what draftkit can rebuild at any time: the clause search index (when no
    ``cache_dir`` is configured), a copy of the forms-of-address table, prepared
    reference documents and compiled template variants.
    """
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "draftkit"


def source_stamp(*paths: Path) -> str | None:
    """What tells draftkit's cached copies that the code which made them is unchanged.

    Each file's name, size and modification time (as Python checks a ``.pyc`` against its
    module), not a hash of its text: a start then reads and hashes none of the modules
    whose output a copy is (some 0.7% of the instructions of a cold one-letter render).
    Editing or reinstalling one gives it another modification time. None when a file
    cannot be found (a frozen install without sources).
    """
    try:
        return "\n".join(
            f"{path.name} {status.st_size} {status.st_mtime_ns}"
            for path, status in ((path, path.stat()) for path in paths)
        )
    except OSError:
        return None


class CheckSettings(BaseModel):
    """Lint settings of a project.

    Attributes:
        disable: Rule ids switched off.
        future_days: How far in the future a letter date may be before it is flagged.
    """

    model_config = ConfigDict(extra="forbid")
    disable: list[str] = Field(default_factory=empty_list)
    future_days: int = 60


class RecipientSettings(BaseModel):
    """Where a project's recipient data lives and how old it may be.

    Attributes:
        congress: A congress-legislators folder: ``draftkit merge`` reads it when no
            ``-r`` is given (default: the user data folder ``draftkit recipients update``
            fills).
        max_age_days: Merge warns when the congress data's snapshot is older than this.
    """

    model_config = ConfigDict(extra="forbid")
    congress: Path | None = None
    max_age_days: int = Field(default=90, ge=0)  # = recipients.snapshot.DEFAULT_MAX_AGE_DAYS


class ProjectConfig(BaseModel):
    """The settings of a draftkit project (all paths absolute after loading).

    Attributes:
        root: The folder holding the config file (or the current folder).
        clauses: Clause library folders.
        templates: Team template folders, searched before the built-in variants.
        clause_policy: What compose does with a draft or retired clause.
        check: Lint settings.
        cache_dir: Folder of caches such as the clause index.
        recipients: Recipient data settings.
    """

    model_config = ConfigDict(extra="forbid")
    root: Path = Field(default_factory=Path.cwd)
    clauses: list[Path] = Field(default_factory=empty_list)
    templates: list[Path] = Field(default_factory=empty_list)
    clause_policy: Literal["warn", "refuse"] = "warn"
    check: CheckSettings = Field(default_factory=CheckSettings)
    cache_dir: Path | None = None
    recipients: RecipientSettings = Field(default_factory=RecipientSettings)

    def resolved_cache_dir(self) -> Path:
        """The cache folder: ``cache_dir`` or ``<root>/.draftkit-cache``."""
        return self.cache_dir or self.root / ".draftkit-cache"


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest ``draftkit.yaml`` at or above ``start`` (a file or folder), if any."""
    here = Path(start or Path.cwd()).resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(start: str | Path | None = None) -> ProjectConfig:
    """Load the project settings that apply at ``start``.

    Args:
        start: A spec file or folder; defaults to the current folder.

    Returns:
        The settings, with defaults when no ``draftkit.yaml`` is found.

    Raises:
        SpecError: The config file is malformed (file, line and field named).
    """

    path = find_config(start)
    if path is None:
        return ProjectConfig()
    data, lines = load_data(path)
    data = data or {}
    if not isinstance(data, dict):
        raise SpecError("draftkit.yaml must be a mapping of settings", path=path, line=1)
    root = path.parent
    try:
        config = ProjectConfig.model_validate({**data, "root": root})
    except ValidationError as exc:
        first = exc.errors()[0]
        key = tuple(first["loc"])
        raise SpecError(
            str(first["msg"]).removeprefix("Value error, "),
            path=path,
            line=lines.get(key[:1]),
            where=".".join(str(p) for p in key),
            hint="see docs/configuration.md",
        ) from None
    config.clauses = [root / p for p in config.clauses]
    config.templates = [root / p for p in config.templates]
    if config.cache_dir is not None:
        config.cache_dir = root / config.cache_dir
    if config.recipients.congress is not None:
        config.recipients.congress = root / config.recipients.congress
    return config
