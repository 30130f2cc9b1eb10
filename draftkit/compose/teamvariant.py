"""Starting a team variant: a new template that extends a variant, its blocks copied in."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from draftkit.compose.loader import BUILTIN_PREFIX
from draftkit.compose.sandbox import display_path
from draftkit.compose.variants import BLOCK_FIELDS, template_set_for, templates_for
from draftkit.errors import TemplateError
from draftkit.outputs import write_text_atomic

__all__ = ["new_variant"]


_BLOCK_TAG = re.compile(r"\{%-?\s*(block|endblock)\b\s*([A-Za-z_][A-Za-z0-9_]*)?\s*-?%\}")


def _block_sources(source: str) -> dict[str, str]:
    """The text of each top-level ``{% block %}…{% endblock %}`` in a template source."""
    out: dict[str, str] = {}
    depth = 0
    start = 0
    current = ""
    for match in _BLOCK_TAG.finditer(source):
        if match.group(1) == "block":
            if depth == 0:
                start, current = match.start(), match.group(2) or ""
            depth += 1
        else:
            depth -= 1
            if depth == 0 and current:
                out[current] = source[start : match.end()]
    return out


def new_variant(
    name: str,
    base: str,
    dest_dir: str | Path,
    *,
    template_dirs: Sequence[str | Path] = (),
    force: bool = False,
) -> Path:
    """Start a team variant: ``NAME.j2`` extending ``BASE`` with its blocks copied in.

    The copy renders exactly like ``BASE`` until edited. When ``NAME`` equals ``BASE``
    the new file overrides the built-in and extends it as ``builtin/BASE.j2``.

    Args:
        name: The new variant's name.
        base: The variant to start from.
        dest_dir: The team templates folder (created if missing).
        template_dirs: Folders where ``base`` is looked up before the built-ins.
        force: Replace an existing file.

    Returns:
        The file written.

    Raises:
        TemplateError: Bad name or unknown base.
        OutputExistsError: The file exists and ``force`` is false.
    """
    dest = Path(dest_dir)
    # The folder being started is looked in once it exists; until then it is not an error.
    lookup = [d for d in template_dirs if Path(d).exists() or Path(d).resolve() != dest.resolve()]
    templates = templates_for(lookup)
    templates._template_name(name)
    chain = templates.chain(base)
    dest.mkdir(parents=True, exist_ok=True)
    if name == base:
        if not chain[0].builtin:
            raise TemplateError(
                f"'{name}' is already a team variant ({display_path(chain[0].path)})",
                hint="edit that file, or give the new variant another name",
            )
        target = f"{BUILTIN_PREFIX}{base}.j2"
    else:
        target = f"{base}.j2"
    effective: dict[str, str] = {}
    for loaded in reversed(chain):
        effective.update(_block_sources(loaded.source))
    lines = [
        "{#- draftkit",
        f"description: {json.dumps(f'Team variant started from {base}')}",
        "# Declare here any new variables your blocks use, e.g.:",
        "# variables:",
        "#   campaign:",
        "#     description: The campaign name",
        "#     example: Free the Press",
        "#     required: true",
        "-#}",
        f'{{% extends "{target}" %}}',
        "{#- Each block fills one part of the letter when the spec leaves it empty.",
        f"    These are copies of '{base}'; edit them, or delete one to inherit it. -#}}",
        "",
    ]
    for block in [b for b in BLOCK_FIELDS if b in effective] + sorted(
        set(effective) - set(BLOCK_FIELDS)
    ):
        text = effective[block]
        if "super(" in text:
            text = f"{{% block {block} %}}{{{{ super() }}}}{{% endblock %}}"
        lines += [text, ""]
    path = dest / f"{name}.j2"
    write_text_atomic(path, "\n".join(lines).rstrip("\n") + "\n", force=force)
    template_set_for.cache_clear()
    return path
