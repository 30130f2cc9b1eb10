"""Regenerate the generated parts of docs/: the CLI reference and the spec JSON Schema.

python scripts/make_docs.py          # write docs/cli.md and docs/spec-schema.json
python scripts/make_docs.py --check  # exit 1 if they are out of date (used by tests)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draftkit import schema  # noqa: E402
from draftkit.cli import main as cli_main  # noqa: E402
from draftkit.schema import Letter  # noqa: E402

SPEC_MODELS = [
    schema.Letter,
    schema.Addressee,
    schema.Ask,
    schema.ClauseRef,
    schema.Signatory,
    schema.Sender,
    schema.LetterOptions,
    schema.ProvenanceEntry,
]

SPEC_INTRO = """# Spec reference

A letter spec is a YAML or JSON mapping of the fields below. Generated from the schema by
`scripts/make_docs.py`; the same information is available as JSON Schema in
[spec-schema.json](spec-schema.json) and from `draftkit schema`.

Rules that apply everywhere:

- Unknown fields are errors (with a suggestion of the field you meant).
- Dates are written `YYYY-MM-DD` and must exist (`2021-02-30` is an error).
- Paragraph text (`body`, `closing`, ask `lead`/`body`/`items`) may use `**bold**`,
  `*italic*` and `[text](https://...)`; `\\*` is a literal asterisk.
- Wherever a paragraph or an ask is expected you may write `{clause: some.id}` to pull in
  a clause from the clause library; `salutation` may be left out when the addressees have
  an `office`. Such a letter is *unresolved* until compose fills it; `draftkit render`
  composes automatically.
"""


def _commands(group: click.Group, ctx: click.Context, prefix: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None:
            continue
        path = f"{prefix} {name}"
        sub = click.Context(command, info_name=name, parent=ctx)
        out.append((path, command.get_help(sub)))
        if isinstance(command, click.Group):
            out += _commands(command, sub, path)
    return out


def cli_reference() -> str:
    ctx = click.Context(cli_main, info_name="draftkit")
    lines = [
        "# CLI reference",
        "",
        "Generated from `--help` by `scripts/make_docs.py`; do not edit by hand.",
        "",
        "## draftkit",
        "",
        "```text",
        cli_main.get_help(ctx),
        "```",
        "",
    ]
    for path, text in _commands(cli_main, ctx, "draftkit"):
        lines += [f"## {path}", "", "```text", text, "```", ""]
    return "\n".join(lines)


def spec_schema() -> str:
    return json.dumps(Letter.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def _attributes(doc: str) -> dict[str, str]:
    """Field descriptions from a Google-style ``Attributes:`` section."""
    out: dict[str, str] = {}
    lines = doc.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == "Attributes:")
    except StopIteration:
        return out
    current = None
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if not stripped:
            continue
        head = stripped.split(":")[0]
        if ":" in stripped and not line.startswith(" " * 12) and head.isidentifier():
            current, text = stripped.split(":", 1)
            out[current] = text.strip()
        elif current:
            out[current] += " " + stripped
    return out


def _schema_type(prop: dict[str, object]) -> str:
    """A short readable type from a JSON Schema property."""
    if "$ref" in prop:
        return str(prop["$ref"]).rsplit("/", 1)[-1]
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])  # type: ignore[attr-defined]
    if "const" in prop:
        return f"`{prop['const']}`"
    for key in ("anyOf", "oneOf"):
        if key in prop:
            options = [_schema_type(p) for p in prop[key]]  # type: ignore[attr-defined]
            options = [o for o in options if o != "null"]
            return " or ".join(options) + (" (optional)" if len(options) < len(prop[key]) else "")  # type: ignore[arg-type]
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_schema_type(prop.get('items', {}))}"  # type: ignore[arg-type]
    if kind == "object":
        return "mapping"
    if kind == "string" and prop.get("format") == "date":
        return "date"
    names = {"string": "text", "integer": "integer", "boolean": "true/false"}
    return names.get(str(kind), str(kind))


def spec_reference() -> str:
    lines = [SPEC_INTRO]
    for model in SPEC_MODELS:
        doc = (model.__doc__ or "").strip()
        lines += [f"## {model.__name__}", "", doc.splitlines()[0], ""]
        described = _attributes(doc)
        properties = model.model_json_schema()["properties"]
        lines += ["| field | type | default | meaning |", "| --- | --- | --- | --- |"]
        for name, field in model.model_fields.items():
            if field.is_required():
                default = "required"
            elif field.default_factory is not None:
                value = field.default_factory()  # type: ignore[call-arg]
                default = "(see below)" if isinstance(value, BaseModel) else f"`{value!r}`"
            else:
                default = f"`{field.default!r}`"
            meaning = described.get(name, "").replace("|", "\\|")
            kind = _schema_type(properties[name])
            lines.append(f"| `{name}` | {kind} | {default} | {meaning} |")
        lines.append("")
    return "\n".join(lines)


def outputs() -> dict[Path, str]:
    docs = ROOT / "docs"
    return {
        docs / "cli.md": cli_reference(),
        docs / "spec-schema.json": spec_schema(),
        docs / "spec-reference.md": spec_reference(),
    }


def main() -> int:
    check = "--check" in sys.argv
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if not check:
                path.write_text(text, encoding="utf-8")
    if check and stale:
        print("out of date: " + ", ".join(str(p.relative_to(ROOT)) for p in stale))
        print("run: python scripts/make_docs.py")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
