"""Template variants: discovery, inheritance, what a variant holds, block rendering.

A variant's front matter is read by :mod:`draftkit.compose.frontmatter`, what its syntax
tree says by :mod:`draftkit.compose.facts`; :mod:`draftkit.compose.teamvariant` starts a
new one.
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from pydantic import BaseModel, ConfigDict, Field

from draftkit.compose.compiled import CompiledTemplateCache, load_facts, save_facts
from draftkit.compose.context import CONTEXT_NAMES
from draftkit.compose.facts import JINJA_NAMES, TemplateFacts, assigned_names, names_used
from draftkit.compose.frontmatter import FrontMatter, kept_front_matter, read_front_matter
from draftkit.compose.loader import BUILTIN_PREFIX, FolderLoader
from draftkit.compose.sandbox import display_path, make_env, run_template
from draftkit.compose.templateerrors import convert_error
from draftkit.errors import DraftkitError, TemplateError
from draftkit.schema import Letter
from draftkit.shipped import BUILTIN_VARIANTS

__all__ = [
    "BLOCK_FIELDS",
    "BUILTIN_TEMPLATES",
    "TemplateSet",
    "TemplateVariable",
    "VariantInfo",
    "list_variants",
    "variant_info",
]


BUILTIN_TEMPLATES = BUILTIN_VARIANTS
"""The folder of the built-in variants (see :mod:`draftkit.shipped`)."""


BLOCK_FIELDS: dict[str, str] = {
    "opening": "body",
    "context": "body",
    "asks_intro": "asks_intro",
    "closing": "closing",
    "complimentary_close": "complimentary_close",
    "signatory_note": "signatory_note",
    "salutation": "salutation",
    "options": "options",
}
"""Which letter field each block fills."""


_VARIANT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class TemplateVariable(BaseModel):
    """A variable a variant uses, declared in its front matter.

    Attributes:
        name: The variable name, as written under ``variables:`` in a spec.
        description: What the value is.
        example: An example value (used by ``draftkit new``).
        required: Needed whenever the block that uses it is rendered.
        used_in: The blocks that use it.
        defined_in: The variant that declares it.
    """

    model_config = ConfigDict(defer_build=True)  # built on first use, for start-up time

    name: str
    description: str = ""
    example: str | None = None
    required: bool = False
    used_in: list[str] = Field(default_factory=list)
    defined_in: str = ""


class VariantInfo(BaseModel):
    """A template variant: where it is, what it inherits, which variables and blocks it has.

    Attributes:
        name: The variant name (the file name without ``.j2``), used as ``audience:``.
        path: The template file.
        builtin: True for a variant shipped with draftkit.
        description: One line from its front matter.
        parent: The variant it extends (None for the root).
        ancestors: The whole inheritance chain, parent first.
        variables: Declared variables of the variant and its ancestors.
        undeclared: Names the templates use that are neither declared nor provided.
        blocks: Blocks the variant itself defines.
        inherited_blocks: Blocks it takes unchanged from its ancestors.
        example_office: An office key the variant is meant for (used by ``draftkit new``).
        shadows: The built-in file a team variant of the same name hides, if any.
        error: Why the variant cannot be used (set only by :func:`list_variants`).
    """

    model_config = ConfigDict(defer_build=True)  # built on first use, for start-up time

    name: str
    path: Path
    builtin: bool
    description: str = ""
    parent: str | None = None
    ancestors: list[str] = Field(default_factory=list)
    variables: list[TemplateVariable] = Field(default_factory=list)
    undeclared: list[str] = Field(default_factory=list)
    blocks: list[str] = Field(default_factory=list)
    inherited_blocks: list[str] = Field(default_factory=list)
    example_office: str | None = None
    shadows: Path | None = None
    error: str | None = None


@dataclass
class LoadedTemplate:
    """A template of a variant's chain: its file, front matter and facts.

    The syntax tree (``ast``, ``blocks``) is parsed only when asked for (``draftkit
    templates show``): rendering and merging need only the facts, kept between starts.
    """

    name: str
    path: Path
    builtin: bool
    source: str
    parent: str | None
    meta: FrontMatter
    facts: TemplateFacts
    parse: Any = field(repr=False, default=None)
    _ast: nodes.Template | None = field(default=None, repr=False)

    @property
    def ast(self) -> nodes.Template:
        """The template's syntax tree (parsed on first use)."""
        if self._ast is None:
            self._ast = self.parse()
        return self._ast

    @property
    def blocks(self) -> dict[str, nodes.Block]:
        """Its blocks by name (nested ones too), from the syntax tree."""
        return {block.name: block for block in self.ast.find_all(nodes.Block)}


def _parent_variant(target: str) -> str:
    return target.removeprefix(BUILTIN_PREFIX).removesuffix(".j2")


class TemplateSet:
    """The variants visible from some template folders, plus the built-ins.

    Args:
        template_dirs: Team folders, searched in order before the built-in variants.

    Raises:
        TemplateError: A folder does not exist.
    """

    def __init__(self, template_dirs: Sequence[str | Path] = ()) -> None:
        self.folders: tuple[Path, ...] = tuple(Path(d) for d in template_dirs)
        for folder in self.folders:
            if not folder.is_dir():
                raise TemplateError(
                    "template folder not found",
                    path=folder,
                    hint="create it or fix templates: in draftkit.yaml / --templates",
                )
        self.loader = FolderLoader(self.folders, BUILTIN_TEMPLATES)
        self.env = make_env(self.loader, bytecode_cache=CompiledTemplateCache())
        self._parsed: dict[str, tuple[tuple[Path, int, int], LoadedTemplate]] = {}
        self._lock = threading.Lock()
        self._holds = 0
        self._chains: dict[str, list[LoadedTemplate]] = {}
        self._templates: dict[str, jinja2.Template] = {}

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Keep each variant as first loaded while the block runs.

        A variant's chain is looked up (its files found with their link and folder
        checks, and their dates read) once inside the block, not on every use: several
        letters composed in a row (one per kind of recipient in a merge) then share one
        version of the templates, and a file changed meanwhile is read after the block.
        """
        with self._lock:
            self._holds += 1
        try:
            yield
        finally:
            with self._lock:
                self._holds -= 1
                if not self._holds:
                    self._chains.clear()
                    self._templates.clear()

    # -- errors -----------------------------------------------------------------------

    def _shown(self, filename: str | None) -> str | None:
        return (
            display_path(Path(filename)) if filename and not filename.startswith("<") else filename
        )

    def _error(self, exc: BaseException, subject: str, hint: str) -> TemplateError:
        return convert_error(exc, display=self._shown, subject=subject, undefined_hint=hint)

    # -- discovery --------------------------------------------------------------------

    def names(self) -> list[str]:
        """The variant names visible here (files ``NAME.j2`` not starting with ``_``)."""
        return [
            n.removesuffix(".j2")
            for n in self.loader.list_templates()
            if not n.startswith("_") and _VARIANT_NAME.match(n.removesuffix(".j2"))
        ]

    def _load(self, template_name: str) -> LoadedTemplate:
        found: Path | None = None
        try:
            path, folder = self.loader.find(template_name)
            found = path
            stat = path.stat()
            key = (path, stat.st_mtime_ns, stat.st_size)
            cached = self._parsed.get(template_name)
            if cached is not None and cached[0] == key:
                return cached[1]
            source, _, _ = self.loader.get_source(self.env, template_name)
            ast: nodes.Template | None = None
            kept = load_facts(source)
            facts = TemplateFacts.from_json(kept) if kept is not None else None
            meta = kept_front_matter(kept) if facts is not None else None
            if facts is None:
                ast = self.env.parse(source, template_name, str(path))
        except jinja2.TemplateNotFound:
            raise TemplateError(
                f"no template variant '{_parent_variant(template_name)}'",
                hint=f"available: {', '.join(self.names())}; or add "
                f"{_parent_variant(template_name)}.j2 to a templates folder",
            ) from None
        except DraftkitError:
            raise
        except Exception as exc:
            error = self._error(exc, "template", "")
            if error.path is None and found is not None:
                error.path = display_path(found)  # the file that could not be used
            raise error from None
        if facts is None or meta is None:
            if facts is None:
                assert ast is not None
                facts = TemplateFacts.read(ast, path)
            meta = read_front_matter(source, path)
            # the front matter is kept with the facts: its YAML is read once, not per start
            save_facts(source, {**facts.to_json(), "meta": meta.model_dump(mode="json")})
        loaded = LoadedTemplate(
            name=_parent_variant(template_name),
            path=path,
            builtin=folder == BUILTIN_TEMPLATES,
            source=source,
            parent=facts.parent,
            meta=meta,
            facts=facts,
            parse=functools.partial(self.env.parse, source, template_name, str(path)),
            _ast=ast,
        )
        with self._lock:
            self._parsed[template_name] = (key, loaded)
        return loaded

    def _template_name(self, name: str) -> str:
        if not _VARIANT_NAME.match(name):
            raise TemplateError(
                f"'{name}' is not a variant name",
                hint="use lower-case letters, digits and dashes, e.g. us-congress",
            )
        return f"{name}.j2"

    def _load_from(self, target: str, child: LoadedTemplate | None) -> LoadedTemplate:
        """Load ``target``; a failure to load a parent names the child's ``extends`` line."""
        try:
            return self._load(target)
        except TemplateError as exc:
            if child is None or exc.path is not None:
                raise
            extends = next(iter(child.ast.find_all(nodes.Extends)), None)
            raise TemplateError(
                f"{{% extends %}}: {exc.message}",
                path=display_path(child.path),
                line=extends.lineno if extends is not None else None,
                hint=exc.hint,
            ) from None

    def chain(self, name: str) -> list[LoadedTemplate]:
        """The variant and its ancestors, child first.

        Raises:
            TemplateError: Unknown variant, a cycle, or a variant that extends nothing
                without being a root (``base``).
        """
        if self._holds:
            kept = self._chains.get(name)
            if kept is not None:
                return list(kept)
        chain: list[LoadedTemplate] = []
        seen: set[Path] = set()
        target: str | None = self._template_name(name)
        while target is not None:
            loaded = self._load_from(target, chain[-1] if chain else None)
            real = loaded.path.resolve()
            if real in seen:
                raise TemplateError(
                    f"variant '{name}' extends itself through {loaded.name}.j2",
                    path=display_path(loaded.path),
                    hint='to change a built-in variant of the same name, extend "builtin/NAME.j2"',
                )
            seen.add(real)
            chain.append(loaded)
            target = loaded.parent
        root = chain[-1]
        if root.name != "base" and not root.builtin:
            raise TemplateError(
                f"variant '{root.name}' does not extend another variant",
                path=display_path(root.path),
                line=1,
                hint='start it with {% extends "base.j2" %} (or another variant)',
            )
        if self._holds:
            with self._lock:
                self._chains[name] = list(chain)
        return chain

    def info(self, name: str) -> VariantInfo:
        """Describe a variant: file, ancestors, variables, blocks.

        Raises:
            TemplateError: Unknown or broken variant.
        """
        chain = self.chain(name)
        own = chain[0]
        variables: dict[str, TemplateVariable] = {}
        for loaded in reversed(chain):
            for var_name, meta in loaded.meta.variables.items():
                variables[var_name] = TemplateVariable(
                    name=var_name,
                    description=meta.description,
                    example=meta.example,
                    required=meta.required,
                    defined_in=loaded.name,
                )
        effective: dict[str, nodes.Block] = {}
        for loaded in reversed(chain):
            effective.update(loaded.blocks)
        provided = CONTEXT_NAMES | set(Letter.model_fields) | set(self.env.globals)
        defined: set[str] = set()
        for loaded in chain:
            defined |= assigned_names(loaded.ast)
        undeclared: set[str] = set()
        for block_name, block in effective.items():
            for used in names_used(block, defined):
                if used in variables:
                    if block_name not in variables[used].used_in:
                        variables[used].used_in.append(block_name)
                elif used not in provided and used not in ("super", "self", "loop", "caller"):
                    undeclared.add(used)
        shadows = None
        if not own.builtin and (BUILTIN_TEMPLATES / f"{own.name}.j2").is_file():
            shadows = BUILTIN_TEMPLATES / f"{own.name}.j2"
        description = next((c.meta.description for c in chain if c.meta.description), "")
        example_office = next((c.meta.example_office for c in chain if c.meta.example_office), None)
        return VariantInfo(
            name=own.name,
            path=own.path,
            builtin=own.builtin,
            description=description,
            parent=_parent_variant(own.parent) if own.parent else None,
            ancestors=[c.name for c in chain[1:]],
            variables=sorted(variables.values(), key=lambda v: (not v.required, v.name)),
            undeclared=sorted(undeclared),
            blocks=sorted(own.blocks),
            inherited_blocks=sorted(set(effective) - set(own.blocks)),
            example_office=example_office,
            shadows=shadows,
        )

    def variants(self) -> list[VariantInfo]:
        """Every visible variant, described; a broken one carries its ``error``."""
        out: list[VariantInfo] = []
        for name in self.names():
            try:
                out.append(self.info(name))
            except TemplateError as exc:
                try:
                    path, folder = self.loader.find(f"{name}.j2")
                except Exception:  # pragma: no cover - e.g. a symlink: report it as such
                    path, folder = Path(f"{name}.j2"), Path()
                out.append(
                    VariantInfo(
                        name=name, path=path, builtin=folder == BUILTIN_TEMPLATES, error=str(exc)
                    )
                )
        return out

    def names_read(self, name: str, blocks: Sequence[str]) -> frozenset[str]:
        """The names the variant may read from its context when ``blocks`` are rendered.

        The templates' top-level code always runs; a block counts in every version the
        chain has (``super()`` reaches them). ``*`` stands for an ``include`` or
        ``import`` (anything), and a template that calls ``self.BLOCK()`` reads what every
        block reads. Names a template defines itself may be listed too: the answer errs
        on the side of more.

        Raises:
            TemplateError: Unknown or broken variant.
        """
        chain = self.chain(name)
        names: set[str] = set()
        for loaded in chain:
            names |= loaded.facts.top_loads
        wanted = set(blocks)
        for loaded in chain:
            for block_name, loads in loaded.facts.block_loads.items():
                if block_name in wanted:
                    names |= loads
        if "self" in names:
            for loaded in chain:
                for loads in loaded.facts.block_loads.values():
                    names |= loads
        return frozenset(names - JINJA_NAMES)

    # -- rendering --------------------------------------------------------------------

    def render_blocks(
        self, name: str, context: Mapping[str, Any], wanted: Sequence[str]
    ) -> dict[str, str]:
        """Render some blocks of a variant, each on its own.

        Top-level code of the templates (macros, ``set``) runs first; then each wanted
        block that the variant or an ancestor defines is rendered with ``context``.

        Args:
            name: The variant.
            context: The names the templates may use.
            wanted: Block names; those no template defines are left out of the result.

        Returns:
            Block name -> rendered text (unstripped).

        Raises:
            TemplateError: With the template file and line of the failure.
        """
        chain = self.chain(name)
        hint = "add it under variables: in the spec (or write that part of the letter yourself)"
        subject = f"variant '{name}'"
        try:
            template = self._templates.get(name) if self._holds else None
            if template is None:
                template = self.env.get_template(self._template_name(name))
                if self._holds:
                    with self._lock:
                        self._templates[name] = template
        except DraftkitError:
            raise
        except Exception as exc:
            raise self._error(exc, subject, hint) from None
        out: dict[str, str] = {}
        where = chain[0].path
        try:
            ctx = template.new_context(dict(context))
            run_template(self.env, functools.partial(template.root_render_func, ctx))
            for block in wanted:
                funcs = ctx.blocks.get(block)
                if funcs:
                    where = next(
                        (c.path for c in chain if block in c.facts.block_names), chain[0].path
                    )
                    out[block] = run_template(self.env, functools.partial(funcs[0], ctx))
        except DraftkitError:
            raise
        except Exception as exc:
            error = self._error(exc, subject, hint)
            if error.path is None:
                error = TemplateError(
                    error.message, path=display_path(where), line=None, hint=error.hint
                )
            raise error from None
        return out


@functools.lru_cache(maxsize=32)
def template_set_for(folders: tuple[Path, ...]) -> TemplateSet:
    return TemplateSet(folders)


def templates_for(template_dirs: Sequence[str | Path]) -> TemplateSet:
    return template_set_for(tuple(Path(d).resolve() for d in template_dirs))


def list_variants(template_dirs: Sequence[str | Path] = ()) -> list[VariantInfo]:
    """Describe every variant visible from ``template_dirs`` and the built-ins.

    Args:
        template_dirs: Team template folders, searched first.

    Returns:
        One :class:`VariantInfo` per variant name, sorted by name.
    """
    return templates_for(template_dirs).variants()


def variant_info(name: str, template_dirs: Sequence[str | Path] = ()) -> VariantInfo:
    """Describe one variant (what it inherits, the variables it needs, its blocks).

    Raises:
        TemplateError: Unknown or broken variant.
    """
    return templates_for(template_dirs).info(name)
