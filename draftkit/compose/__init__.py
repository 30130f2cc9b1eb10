"""Compose: a letter spec + an audience variant + forms of address + clauses -> a resolved letter.

A *variant* is a Jinja2 template (``us-congress.j2``) that extends another (``base.j2``
at the root) and fills the prose parts of a letter through named blocks. Each block is
rendered on its own into one field, and only where the spec leaves that field empty (an
explicit value in the spec always wins):

=====================  ===================================================
block                  field it fills (paragraphs are split on blank lines)
=====================  ===================================================
``opening``            ``body`` (first paragraphs), when the body is empty
``context``            ``body`` (after the opening), when the body is empty
``asks_intro``         ``asks_intro``, when there are asks and no intro
``closing``            ``closing``, when it is empty
``complimentary_close``  ``complimentary_close``, when it is not set
``signatory_note``     ``signatory_note``, when it is not set
``salutation``         ``salutation``, only when no addressee names an office
``options``            ``options`` the spec does not set (YAML ``key: value`` lines)
=====================  ===================================================

The spec's own strings may hold Jinja too (``subject: "Detention in {{ country }}"``);
they see the same names as the variants and clauses (:mod:`draftkit.compose.context`).

Templates are searched in the team's folders first (``--templates DIR``, then
``templates:`` in ``draftkit.yaml``), then the built-in variants, so a team overrides a
variant by copying it; ``{% extends "builtin/NAME.j2" %}`` always reaches the built-in.

Templates may come from a shared drive written by anyone, so they run in a sandbox:
Jinja's immutable sandbox (no access to Python internals, no mutation of data), strict
undefined variables, a loader that refuses names outside the template folders and
symbolic links inside them, and limits on output size, repetition, loop ranges and call
depth. Every failure is a :class:`~draftkit.errors.TemplateError` naming the template
file and line.

Modules, in the order a letter meets them: ``variants`` (finding and rendering
templates; ``frontmatter`` and ``facts`` read what a template declares and what its syntax
tree says, ``teamvariant`` starts a new one), ``context`` (the names they see),
``address`` (forms of address and the salutation), ``texts`` (the spec's templated
strings), ``expand`` (clauses), ``blocks`` (the variant's blocks in the letter),
``letter`` (the whole of it) and ``slots`` (what depends on the addressee, filled per
recipient by merge).
"""

from __future__ import annotations

from draftkit.compose.expand import ClauseSource
from draftkit.compose.letter import ComposeResult, compose_letter, names_read
from draftkit.compose.limits import (
    MAX_CALL_DEPTH,
    MAX_ITERATIONS,
    MAX_OUTPUT_CHARS,
    MAX_TEMPLATE_BYTES,
)
from draftkit.compose.scaffold import scaffold_spec
from draftkit.compose.slots import Slots, fill_slots
from draftkit.compose.strings import render_string
from draftkit.compose.teamvariant import new_variant
from draftkit.compose.variants import (
    BLOCK_FIELDS,
    BUILTIN_TEMPLATES,
    TemplateSet,
    TemplateVariable,
    VariantInfo,
    list_variants,
    variant_info,
)

__all__ = [
    "BLOCK_FIELDS",
    "BUILTIN_TEMPLATES",
    "MAX_CALL_DEPTH",
    "MAX_ITERATIONS",
    "MAX_OUTPUT_CHARS",
    "MAX_TEMPLATE_BYTES",
    "ClauseSource",
    "ComposeResult",
    "Slots",
    "TemplateSet",
    "TemplateVariable",
    "VariantInfo",
    "compose_letter",
    "fill_slots",
    "list_variants",
    "names_read",
    "new_variant",
    "render_string",
    "scaffold_spec",
    "variant_info",
]
