"""Starter specs for a variant (``draftkit new``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from draftkit.compose.sandbox import display_path
from draftkit.compose.variants import variant_info
from draftkit.errors import ProtocolError
from draftkit.protocol import get_office

if TYPE_CHECKING:
    pass

__all__ = ["scaffold_spec"]


def _yaml_scalar(value: str) -> str:
    return yaml.safe_dump(value, width=10_000, allow_unicode=True).strip().removesuffix("\n...")


def scaffold_spec(
    variant: str,
    *,
    coalition: bool = False,
    template_dirs: Sequence[str | Path] = (),
    today: dt.date | None = None,
) -> str:
    """A commented starter spec for a variant, listing the variables it uses.

    The result loads and composes as it is (with placeholder values marked TODO).

    Args:
        variant: The variant (``us-executive`` ...).
        coalition: Scaffold a coalition letter (organisations sign) instead of one
            organisation.
        template_dirs: Team template folders.
        today: The date to put in the spec (default: today).

    Returns:
        The YAML text.

    Raises:
        TemplateError: Unknown variant.
    """

    info = variant_info(variant, template_dirs)
    date = (today or dt.date.today()).isoformat()
    office = info.example_office or "us-secretary-of-state"
    try:
        row = get_office(office).model_dump(mode="json", include={"title_lines", "address_lines"})
        needs = sorted(set(re.findall(r"\{([a-z_]+)\}", repr(row))) - {"name", "surname"})
    except ProtocolError:
        needs = []
    lines = [
        f"# Letter spec for the '{info.name}' variant"
        + (f": {info.description}" if info.description else ""),
        "# Fill in the TODO values, then: draftkit render letter.yaml -o letter.docx",
        "# Parts left out (opening, asks intro, closing, close, signatory note, salutation)",
        f"# come from the variant ({display_path(info.path)}) and from the addressee's",
        "# office; `draftkit render letter.yaml --explain` lists them with their text.",
        "# A part written empty stays empty: closing: [] prints no closing paragraph.",
        f"audience: {info.name}",
        f"date: {date}",
        "sender:",
        "  organization: TODO Organization Name",
    ]
    if coalition:
        lines.append("  coalition: true")
    lines += [
        "addressees:",
        f"  - office: {office}      # forms of address: draftkit address --list",
        "    name: TODO Full Name",
        "    # gender: female             # only to pick gendered forms; never guessed",
    ]
    if needs:
        lines.append("    # params:                   # values the office's address lines can use")
        lines += [f"    #   {p}: TODO" for p in needs]
    else:
        lines.append("    # params: {}                 # values some offices need ({state} ...)")
    lines += [
        "# cc:",
        "#   - name: TODO",
        "#     title_lines: [TODO]",
        "subject: TODO what the letter is about",
    ]
    required = [v for v in info.variables if v.required]
    optional = [v for v in info.variables if not v.required]
    lines.append("variables:")
    if not info.variables:
        lines[-1] = "variables: {}"
    for var in required:
        lines.append(f"  # {var.description} (required; used in: {', '.join(var.used_in) or '-'})")
        lines.append(f"  {var.name}: {_yaml_scalar('TODO ' + (var.example or var.name))}")
    for var in optional:
        lines.append(f"  # {var.description} (optional; used in: {', '.join(var.used_in) or '-'})")
        example = _yaml_scalar(var.example or "TODO")
        lines.append(f"  # {var.name}: {example}")
    lines += [
        "# body: leave out to use the variant's opening, or write your own paragraphs:",
        "# body:",
        "#   - TODO first paragraph",
        "#   - {clause: context.some-id}   # a clause from the library",
        "asks:",
        "  - lead: TODO The first request, as one sentence.",
        "    body: TODO Why it matters and what it involves.",
        "  # - {clause: ask.some-id}",
        "# closing: leave out to use the variant's closing paragraphs; [] for none",
        "# complimentary_close: leave out for the office's usual close; null for none",
        "signatories:",
    ]
    if coalition:
        lines += [
            "  - name: TODO First Organization",
            "    kind: organization",
            "  - name: TODO Second Organization",
            "    kind: organization",
        ]
    else:
        lines += [
            "  - name: TODO Signer Name",
            "    title_lines: [TODO Executive Director]",
            "    organization: TODO Organization Name",
        ]
    lines += [
        "# options:",
        '#   salutation_style: common      # or formal ("Dear Mr. Secretary")',
        '#   salutation_punctuation: ":"   # default depends on the audience',
        "#   quotes: typographic           # curly quotes and apostrophes; straight keeps them",
        "#   continuation_header: true     # addressee and date atop pages 2 onward",
        "",
    ]
    return "\n".join(lines)
