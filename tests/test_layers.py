"""The package's layers: core -> features -> pipelines -> cli, and no import circles.

Read from the source (nothing is imported): every import of a draftkit module, at the
top of a module or inside a function, points down a layer or within one; the parts of
the package (a top-level module or a subpackage) import each other in no circle; and an
import inside a function says why it is there (``deferred``: start-up time), so that a
circle cannot hide behind one.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "draftkit"

LAYERS: dict[str, int] = {
    # 1. core: the letter model and the small pieces of knowledge each kept in one place
    **dict.fromkeys(
        ["_version", "errors", "characters", "markup", "typography", "numbers", "names",
         "sentences", "tables", "charsets", "cells", "csvtext", "styles", "places", "shipped",
         "writable", "schema", "outputs", "inputs", "yamljson", "files", "config", "provenance",
         "ooxml", "languages", "empty"],
        1,
    ),
    # 2. features: what a letter goes through
    **dict.fromkeys(
        ["compose", "render", "ingest", "clauses", "recipients", "protocol", "signatories",
         "delivery"],
        2,
    ),
    # 3. pipelines: one letter, many letters, the rules
    **dict.fromkeys(["build", "merge", "check", "diff"], 3),
    # 4. the public API (draftkit/__init__.py), and 5. the command line over it
    "": 4,
    **dict.fromkeys(["cli", "__main__"], 5),
}  # fmt: skip
NAMES = {1: "core", 2: "features", 3: "pipelines", 4: "the public API", 5: "cli"}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _part(module: str) -> str:
    """The part of the package a module belongs to: ``draftkit.compose.letter`` -> compose."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else ""


def _imports(path: Path) -> Iterator[tuple[str, int, bool, ast.stmt]]:
    """(draftkit module imported, line, inside a function, statement); not TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]

    def visit(node: ast.AST, nested: bool) -> Iterator[tuple[str, int, bool, ast.stmt]]:
        for child in ast.iter_child_nodes(node):
            if (
                isinstance(child, ast.If)
                and isinstance(child.test, ast.Name)
                and child.test.id == "TYPE_CHECKING"
            ):
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield alias.name, child.lineno, nested, child
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = ".".join(package[: len(package) - child.level + 1])
                    name = f"{base}.{child.module}" if child.module else base
                else:
                    name = child.module or ""
                yield name, child.lineno, nested, child
            inner = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            yield from visit(child, inner)

    yield from visit(tree, False)


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_has_a_layer() -> None:
    parts = {_part(_module(path)) for path in SOURCES}
    assert sorted(parts - set(LAYERS)) == []


def test_imports_point_down_a_layer_or_within_one() -> None:
    wrong: list[str] = []
    for path in SOURCES:
        source = _part(_module(path))
        for name, line, _, _ in _imports(path):
            if name != "draftkit" and not name.startswith("draftkit."):
                continue
            target = _part(name)
            if LAYERS[target] > LAYERS[source]:
                wrong.append(
                    f"{path.relative_to(PACKAGE.parent)}:{line}: {NAMES[LAYERS[source]]} "
                    f"imports {name} ({NAMES[LAYERS[target]]})"
                )
    assert wrong == []


def _circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return out


def test_the_parts_of_the_package_import_each_other_in_no_circle() -> None:
    edges: dict[str, set[str]] = {}
    for path in SOURCES:
        source = _part(_module(path))
        if not source:
            continue  # the public API names everything, lazily
        for name, _, _, _ in _imports(path):
            if name.startswith("draftkit.") and _part(name) not in (source, ""):
                edges.setdefault(source, set()).add(_part(name))
    assert _circles(edges) == []


@pytest.mark.parametrize(
    "path", [p for p in SOURCES if _part(_module(p)) != "ingest"], ids=lambda p: str(p.name)
)
def test_an_import_inside_a_function_says_why(path: Path) -> None:
    """Imports stand at the top of a module; one deferred for start-up time says so in a
    comment on it or above its group of imports."""
    lines = path.read_text(encoding="utf-8").splitlines()
    silent = []
    for name, line, nested, statement in _imports(path):
        if not nested:
            continue
        start = line - 1
        while start > 0 and lines[start - 1].strip().startswith(("from ", "import ", "#", ")")):
            start -= 1
        said = " ".join(lines[start : statement.end_lineno or line])
        if "deferred" not in said:
            silent.append(f"{path.relative_to(PACKAGE.parent)}:{line}: import {name}")
    assert silent == []
