"""A variant's blocks in a letter: which ones compose renders, and where their text goes.

Each block fills one field, and only when the spec leaves that field out: a field the
spec writes, even empty (``closing: []``, ``complimentary_close: null``), is the author's.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from draftkit.compose.expand import one_line, paragraphs
from draftkit.compose.sandbox import display_path
from draftkit.errors import TemplateError
from draftkit.schema import Letter, LetterOptions
from draftkit.yamljson import parse_yaml_text

__all__ = ["apply_options", "fill_from_blocks", "possible_blocks", "wanted_blocks"]


def wanted_blocks(letter: Letter, *, has_office: bool) -> list[str]:
    """The prose blocks to render for ``letter``: those whose field it leaves out.

    The ``salutation`` block is wanted only when no addressee names an office (an office
    gives the salutation).
    """
    given = letter.model_fields_set
    wanted: list[str] = []
    if not letter.body and "body" not in given:
        wanted += ["opening", "context"]
    if letter.asks and letter.asks_intro is None and "asks_intro" not in given:
        wanted.append("asks_intro")
    if not letter.closing and "closing" not in given:
        wanted.append("closing")
    if letter.complimentary_close is None and "complimentary_close" not in given:
        wanted.append("complimentary_close")
    if letter.signatory_note is None and "signatory_note" not in given:
        wanted.append("signatory_note")
    if not letter.salutation and not has_office:
        wanted.append("salutation")
    return wanted


def possible_blocks(spec: Letter) -> list[str]:
    """Every block compose may render for ``spec``, whoever it is addressed to."""
    return ["options", *wanted_blocks(spec, has_office=False)]


def fill_from_blocks(letter: Letter, blocks: dict[str, str]) -> list[str]:
    """Put the rendered blocks into the letter's fields (in place); blank ones fill nothing.

    Returns:
        The fields filled.
    """
    filled: list[str] = []
    body = paragraphs(blocks.get("opening", "")) + paragraphs(blocks.get("context", ""))
    if body:
        letter.body = list(body)
        filled.append("body")
    for block in ("asks_intro", "complimentary_close", "signatory_note", "salutation"):
        value = one_line(blocks.get(block, ""))
        if value:
            setattr(letter, block, value)
            filled.append(block)
    closing = paragraphs(blocks.get("closing", ""))
    if closing:
        letter.closing = list(closing)
        filled.append("closing")
    return filled


def apply_options(letter: Letter, text: str, path: Path) -> list[str]:
    """Set the options the ``options`` block gives that the letter does not (in place).

    Returns:
        ``options.NAME`` for each option set.

    Raises:
        TemplateError: The block is not ``key: value`` YAML of known options.
    """
    try:
        data = parse_yaml_text(text, error=TemplateError) if text.strip() else None
    except TemplateError as exc:
        raise TemplateError(
            f"the options block is not YAML: {exc.message}",
            path=display_path(path),
            hint="write one 'key: value' per line",
        ) from None
    if data is None:
        return []
    if not isinstance(data, dict):
        raise TemplateError(
            "the options block must hold 'key: value' lines", path=display_path(path)
        )
    unknown = sorted(set(data) - set(LetterOptions.model_fields))
    if unknown:
        raise TemplateError(
            f"unknown option(s) in the options block: {', '.join(unknown)}",
            path=display_path(path),
            hint=f"options: {', '.join(LetterOptions.model_fields)}",
        )
    current = letter.options
    explicit = current.model_dump(include=set(current.model_fields_set))
    chosen = {k: v for k, v in data.items() if k not in current.model_fields_set}
    try:
        letter.options = LetterOptions.model_validate({**chosen, **explicit})
    except ValidationError as exc:
        raise TemplateError(
            f"bad value in the options block: {exc.errors()[0]['msg']}", path=display_path(path)
        ) from None
    return [f"options.{k}" for k in sorted(chosen)]
