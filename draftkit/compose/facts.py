"""What a template's syntax tree says: the template it extends, its blocks, the names
they read (kept between starts by :mod:`draftkit.compose.compiled`), and the names a
one-off template text reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from draftkit.compose.sandbox import display_path
from draftkit.compose.strings import string_env
from draftkit.errors import TemplateError

__all__ = ["JINJA_NAMES", "TemplateFacts", "assigned_names", "names_in_text", "names_used"]


@dataclass
class TemplateFacts:
    """What a template's syntax tree says, kept between starts (see ``compose.compiled``).

    Attributes:
        parent: The template it extends, or None.
        block_names: Its blocks (nested ones too), in order.
        top_loads: The names its code outside blocks loads (``*``: include/import).
        block_loads: Per block, the names the block loads.
    """

    parent: str | None
    block_names: tuple[str, ...]
    top_loads: frozenset[str]
    block_loads: dict[str, frozenset[str]]

    @classmethod
    def read(cls, ast: nodes.Template, path: Path) -> TemplateFacts:
        top: set[str] = set()
        _loads(ast, top, skip_blocks=True)
        block_loads: dict[str, frozenset[str]] = {}
        for block in ast.find_all(nodes.Block):
            names: set[str] = set()
            _loads(block, names, skip_blocks=False)
            block_loads[block.name] = frozenset(names)
        return cls(_extends_target(ast, path), tuple(block_loads), frozenset(top), block_loads)

    def to_json(self) -> dict[str, Any]:
        return {
            "parent": self.parent,
            "top_loads": sorted(self.top_loads),
            "block_loads": {name: sorted(self.block_loads[name]) for name in self.block_names},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TemplateFacts | None:
        parent, top, blocks = data.get("parent"), data.get("top_loads"), data.get("block_loads")
        if not (parent is None or isinstance(parent, str)) or not isinstance(blocks, dict):
            return None
        lists = [top, *blocks.values()]
        if not all(isinstance(x, list) and all(isinstance(n, str) for n in x) for x in lists):
            return None
        block_loads = {str(name): frozenset(names) for name, names in blocks.items()}
        return cls(parent, tuple(block_loads), frozenset(top or ()), block_loads)


def _extends_target(ast: nodes.Template, path: Path) -> str | None:
    for node in ast.find_all(nodes.Extends):
        if not isinstance(node.template, nodes.Const) or not isinstance(node.template.value, str):
            raise TemplateError(
                "extends must name a template as a plain string",
                path=display_path(path),
                line=node.lineno,
                hint='write {% extends "base.j2" %}',
            )
        return node.template.value
    return None


def assigned_names(ast: nodes.Node) -> set[str]:
    """Names a template defines itself: ``set`` targets, macros, imports, loop variables."""
    assigned: set[str] = set()
    for node in ast.find_all(nodes.Name):
        if node.ctx in ("store", "param"):
            assigned.add(node.name)
    for macro in ast.find_all(nodes.Macro):
        assigned.add(macro.name)
    for imp in ast.find_all(nodes.Import):
        assigned.add(imp.target)
    for from_imp in ast.find_all(nodes.FromImport):
        for item in from_imp.names:
            assigned.add(item[1] if isinstance(item, tuple) else item)
    return assigned


def names_used(ast: nodes.Node, defined: set[str]) -> dict[str, bool]:
    """Names looked up from the context -> True when some use is not guarded.

    A use inside ``x is defined`` or ``x|default(...)`` is optional (guarded).
    """
    assigned = assigned_names(ast) | defined
    used: dict[str, bool] = {}

    def visit(node: nodes.Node, guarded: bool) -> None:
        if isinstance(node, nodes.Name) and node.ctx == "load":
            if node.name not in assigned:
                used[node.name] = used.get(node.name, False) or not guarded
            return
        for child in node.iter_child_nodes():
            child_guarded = guarded
            if isinstance(node, nodes.Test) and node.name in ("defined", "undefined"):
                child_guarded = True
            if (
                isinstance(node, nodes.Filter)
                and node.name in ("default", "d")
                and child is node.node
            ):
                child_guarded = True
            visit(child, child_guarded)

    visit(ast, False)
    return used


JINJA_NAMES = frozenset({"loop", "super", "caller", "varargs", "kwargs", "self"})


def _loads(node: nodes.Node, names: set[str], *, skip_blocks: bool) -> None:
    """Add the names ``node`` loads from its context to ``names`` (``*``: include/import)."""
    for child in node.iter_child_nodes():
        if skip_blocks and isinstance(child, nodes.Block):
            continue
        if isinstance(child, nodes.Name) and child.ctx == "load":
            names.add(child.name)
        elif isinstance(child, nodes.Include | nodes.Import | nodes.FromImport):
            names.add("*")
        _loads(child, names, skip_blocks=skip_blocks)


def names_in_text(text: str) -> frozenset[str]:
    """The names a one-off template text (a clause's wording) loads from its context
    (``*`` when it does not parse: compose reports that)."""
    try:
        ast = string_env().parse(text)
    except jinja2.TemplateSyntaxError:
        return frozenset({"*"})
    names: set[str] = set()
    _loads(ast, names, skip_blocks=False)
    return frozenset(names - JINJA_NAMES)
