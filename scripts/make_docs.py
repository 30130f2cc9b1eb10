"""Regenerate the generated parts of docs/: CLI reference, spec schema, forms of address,
example pages.

python scripts/make_docs.py          # write docs/cli.md, docs/spec-*.{md,json},
                                     # docs/protocol-offices.md, and render every example
                                     # to PNG pages in docs/images/ (needs LibreOffice and
                                     # poppler) with docs/examples.md
python scripts/make_docs.py --check  # exit 1 if the text pages are out of date (tests)

The PNG pages are what LibreOffice prints, at 60 dpi: they show a reader what a letter
looks like before installing anything. They are regenerated only without --check, since
they need LibreOffice; docs/examples.md lists whichever pages docs/images/ holds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from draftkit import protocol, schema  # noqa: E402
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
    schema.TableEntry,
    schema.Table,
    schema.Enclosure,
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
- Footnotes: `text[^label]` refers to a note under `footnotes:` (`label: note text`);
  `text^[note text]` writes the note in place (a clause's citations travel with it this
  way). Notes may use the same markup. DOCX and PDF get real Word footnotes at the foot
  of the page, Markdown numbered footnotes (`[^1]`), plain text endnotes under "Notes".
  `draftkit check` reports a `[^label]` without a note (`footnote-missing`) and a note
  never referred to (`footnote-unused`); `\\^` and `\\[` keep `^[` as typed.
- Tables: where a paragraph of `body` or `closing` may stand, `- table: {caption: ...,
  header: [...], rows: [[...], ...], align: [left, right]}` sets a table (see
  [Table](#table)); cells may use the inline markup and footnotes. DOCX and PDF use the
  reference's "Letter Table" style with the header row repeated on each page, Markdown a
  pipe table, text aligned columns. Cells are written as given (not templates).
- Images (DOCX and PDF; Markdown and text leave them out): a signatory's `image` is an
  organisation's logo (the logos stand in rows of up to four under the signatories,
  evenly: six make two rows of three) or a person's signature (set above the typed
  name); `sender.logo` heads the letterhead draftkit writes when the reference has none.
  PNG or JPEG, at most 5 MB, 10,000 pixels a side and 40 million pixels; paths are
  relative to the spec; alt text is `image_alt`, else "Logo of …" / "Signature of …".
- Enclosures may be files: `enclosures: [{file: report.pdf, title: Our report}, A map]`
  (see [Enclosure](#enclosure)). The enclosure list prints the title (else the file's
  name); `render --format pdf` appends the pages of each PDF enclosure after the
  letter's; `merge --format eml` attaches every enclosure file (`.pdf` or `.docx`, at
  most 25 MB each) to each message. A missing or unreadable file stops the render.
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


CLI_CONVENTIONS = """\
## Exit codes

Every command ends with one of three exit codes:

- **0**: done, nothing wrong found.
- **1**: the command ran and something went wrong or was found: `check` found an error
  (or, with `--strict`, a warning); `signatories summary` found a count the list
  contradicts; some rows of a `merge` failed (`--allow-failures` keeps 0 when other
  letters were written; a merge that wrote nothing is always 1); `merge --dry-run` found
  rows that would fail; some files of an `ingest` or `clauses harvest` batch failed;
  `send` had messages refused; an input file is missing, unreadable or malformed; an
  output would be overwritten without `--force`.
- **2**: the command line is wrong: an unknown option, a missing argument, a value not
  among the choices, options that do not go together (click's usage errors). Nothing
  was read or written.

Two more come from outside: 130 after Ctrl-C, and 141 when the reader of the output
goes away (`draftkit ... | head`), as a shell reports a closed pipe.

**A missing input file is exit code 1 everywhere** (`render`, `check`, `merge`,
`signatories`, `send`, `--reference`, `--recipients` ...), with one line
`draftkit: error: PATH: file not found — check the path` ("folder not found" for a
folder such as `send OUTDIR`). It is a problem with an input,
as an unreadable or malformed file is, not with how the command was typed; and the batch
commands (`ingest`, `clauses harvest`) go on past a missing file to the others and report
a partial failure, which is 1. Click's own check would have said 2 for some commands and
the library 1 for others; now every command says 1.

## Output conventions

- Errors go to standard error as one line starting `draftkit: error:`; warnings start
  `draftkit: warning:`, notes `draftkit: note:`.
- Data (a letter, a spec, `--format json`) goes to standard output; messages about the
  run (what was written, counts, progress) go to standard error.
- Every command takes `-q/--quiet` and `-v/--verbose` (not both). `-q` prints only
  errors, and the output asked for (a letter or JSON on standard output, a report):
  no progress bar, counts, "wrote ..." lines, notes or warnings. `-v` adds what is
  hidden otherwise: how each input file was read (format and encoding) for `merge` and
  `signatories`; what the template variant and the forms of address add to the spec
  (the `--explain` lines) for `render`; each row as it is written for `merge`; the
  readings of the page weighed for `ingest`; the source of every form for `address`;
  every new sentence of the vetted-language finding for `check`; the server used for
  `send --send`.

## Standard input and output: `-`

`-` in place of a file reads standard input, and in place of an output file writes
standard output:

| command | reads `-` | writes `-` |
| --- | --- | --- |
| `render` | `SPEC` (YAML or JSON) | `-o -` (text by default; `--format` for md, docx, pdf) |
| `check` | `PATH`: a spec (YAML or JSON) | (a report on standard output always) |
| `ingest` | `FILE`: a letter as text, HTML, .docx or PDF bytes (one `-`) | `-o -` (one letter) |
| `merge` | `SPEC`, `-r`, `--signatories` (one of them) | (a folder of letters) |
| `signatories summary`, `import` | `FILE`: a sign-on export | `import -o -` (the default) |
| `clauses add` | `FILE`: clauses as YAML | |
| `new` | | `-o -` (the default) |

A spec on standard input is YAML, or JSON when it starts with `{` or `[` and reads as
JSON. Errors name it `<stdin>` (`draftkit: error: <stdin>:3: date: ...`); it may be at
most as large as a spec file (5 MB). Its draftkit.yaml is looked up from the current
folder, as paths in it are read from there. Standard input can be read once, so a
command takes one `-` among its inputs. A letter rendered from standard input
records the hash of the bytes that came in, as for a file; a merge from standard
input records none. Not read from `-`: documents that must be files (`--reference`,
`check --spec`, `clauses harvest`'s letters), and folders (`send`, `merge -o`).

```sh
draftkit new --audience us-congress | draftkit check -   # lists the TODOs left to fill
python make_spec.py | draftkit render - -o letter.docx    # a spec made by a script
pdftotext -layout old-letter.pdf - | draftkit ingest - -o specs/
```

## Shell completion

Tab completion of commands, options, choices and file names comes from click; enable it
once for your shell (the script is generated by the installed draftkit, so it stays in
step with it):

```sh
# bash (bash 4.4 or later): add to ~/.bashrc
eval "$(_DRAFTKIT_COMPLETE=bash_source draftkit)"
# zsh: add to ~/.zshrc
eval "$(_DRAFTKIT_COMPLETE=zsh_source draftkit)"
# fish: write the script once
_DRAFTKIT_COMPLETE=fish_source draftkit > ~/.config/fish/completions/draftkit.fish
```

To avoid running draftkit at every shell start, write the script to a file once
(`_DRAFTKIT_COMPLETE=bash_source draftkit > ~/.draftkit-complete.bash`) and source that
file instead; write it again after upgrading draftkit.

Beyond what click knows, these values are completed from the data draftkit reads:

- office keys, with their labels: `address --office`, and `merge --where office=`
  (after `office=`; `--where` first offers `chamber=`, `state=`, `party=`, `office=`,
  `district=`, `gender=`);
- country and organization codes: `address --country`, `address --organization`;
- template variants (audiences), from `--templates`, draftkit.yaml and the built-ins:
  `render --audience`, `merge --audience`, `new --audience`, `templates show NAME`,
  `templates new --from`;
- clause ids of the library (`--library`, else draftkit.yaml's): `clauses show`,
  `clauses vet`, `clauses retire`;
- committee ids with their names, from the congress-legislators folder given to `-r`
  (give `-r` first), else from the data `draftkit recipients update` fetched:
  `merge --committee`.

A completion that cannot read its data (no draftkit.yaml, a broken file) offers nothing
rather than an error.

## Environment: pydantic plugins

pydantic, which validates specs, looks through the entry points of every installed Python
distribution for plugins the first time it builds a model. draftkit uses no pydantic
plugin, so the `draftkit` command sets `PYDANTIC_DISABLE_PLUGINS=__all__` for itself
unless the variable is already set; a command started with more packages installed
starts sooner. To have pydantic load its plugins (a validation tracer, say), set the
variable to an empty string: `PYDANTIC_DISABLE_PLUGINS= draftkit render ...`. The
library (`import draftkit`) leaves the variable alone. While every plugin is off, the
command also stands in for pydantic's plugin loader module, which would import
`importlib.metadata` (and with it the email package, sockets, zip files ...) only to look
for plugins: its stand-in answers "no plugins" as the real one does then.

## Start-up time

A one-letter `draftkit render` spends most of its time starting: importing click, PyYAML,
Jinja2 and pydantic and building the letter's models. To start sooner, the command

- imports only the modules the command it runs needs (each command's module, and the
  parts of the library behind it, load when it runs);
- keeps in the user cache folder what does not change when a spec does: the compiled
  template variants, the prepared reference document, a copy of the forms-of-address
  table, and the code Python compiles from text as it starts (`dataclasses`' generated
  methods, `typing`'s string annotations, regular expressions' matcher programs on
  Python 3.11) — see [the user cache folder](configuration.md#the-user-cache-folder);
- pauses Python's cyclic garbage collector while it imports a command's module, then
  moves what the import made out of the collector's sight (`gc.freeze`); collection
  runs as usual for the command's work.
- runs and imports only the check rules whose findings a render reports, and builds
  the models of results it makes itself (compose's, check's) only when something
  validates one.

Measured with valgrind (instructions, one fresh process each, median of three hash
seeds; `benchmarks/render.py --instructions` repeats it): a render of
`examples/secretary-of-state.yaml` to .docx executes 832 million instructions, 4.4×
`python -c "import click"` (188 million), and `examples/coalition-president.yaml` (which
reads the clause library) 910 million, 4.8×, with the cache folder as every run after the
first finds it (nothing in it depends on the spec: a run after an edit finds the same
entries). A first run ever (empty cache folder) executes 2,025 and 2,153 million: it
reads the forms-of-address table from YAML, compiles the variants, prepares the
reference document and fills the cache. Starting the command (click, the code cache) and
importing PyYAML, Jinja2 and pydantic and building a first pydantic model is about 497
million (2.6×) with the measures above; of the rest, building the letter's models takes
about 70 million, the forms-of-address table's about 65, draftkit's other modules some
90, and composing, checking and writing the letter about 100. With the forms of address's
empty lists given plain factories too, a single measurement (one fresh process,
`PYTHONHASHSEED=1`) of the secretary-of-state render executes 804 million, 4.3×.
"""


def cli_reference() -> str:
    ctx = click.Context(cli_main, info_name="draftkit")
    lines = [
        "# CLI reference",
        "",
        "Generated from `--help` and `CLI_CONVENTIONS` by `scripts/make_docs.py`; do not edit",
        "by hand.",
        "",
        *CLI_CONVENTIONS.splitlines(),
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


GALLERY = [
    # (name, spec, reference, what it shows)
    (
        "secretary-of-state",
        "examples/secretary-of-state.yaml",
        None,
        "One organisation writes to a cabinet secretary: text letterhead, a link printed "
        "with its address, an enclosure and a cc list hanging under their labels; page 2 "
        "carries the continuation header and \"Page 2 of 2\".",
    ),
    (
        "coalition-president",
        "examples/coalition-president.yaml",
        None,
        "A coalition letter: seven numbered asks with bold lead-ins, bullet items under the "
        "last, and twelve organisations signing; the close stays with the last paragraph "
        "and the signers.",
    ),
    (
        "coalition-president-house-style",
        "examples/coalition-president.yaml",
        "examples/house-style.docx",
        "The same letter in a house style (examples/house-style.docx: logo, A4, its own "
        "first-page footer). The house style has no header or footer for later pages, so "
        "draftkit adds its continuation header and \"Page X of Y\".",
    ),
    (
        "experts-re-line",
        "examples/experts-re-line.yaml",
        None,
        "Fourteen individuals sign under a \"Re:\" line: their names run down two columns, "
        "page after page, and no signer is split.",
    ),
    (
        "coalition-detentions",
        "examples/coalition-detentions.yaml",
        None,
        "Three footnotes at the foot of their pages, a table of cases (its header row would "
        "repeat on a new page), a letterhead logo, two signatures above the typed names and "
        "the six signing organisations' logos in two rows of three.",
    ),
]


def gallery_page(images: Path) -> str:
    """docs/examples.md: every example's pages, from the PNG files in ``images``."""
    lines = [
        "# What the examples look like",
        "",
        "Every example letter as LibreOffice prints it (`draftkit render … -o letter.pdf`),",
        "one picture per page at 60 dpi. `make docs-pages` renders them again. Fonts are those of",
        "the machine that ran it: Cambria, or a metric-compatible stand-in such as Caladea",
        "(`fonts-crosextra-caladea`), looks like Word; without either, LibreOffice",
        "substitutes a serif that sets a little wider.",
        "",
    ]
    for name, spec, reference, about in GALLERY:
        pictures = sorted(images.glob(f"{name}-page*.png"), key=lambda p: p.stem)
        if not pictures:
            continue
        command = f"draftkit render {spec} -o letter.pdf"
        if reference:
            command += f" --reference {reference}"
        lines += [f"## {name}", "", about, "", "```sh", command, "```", ""]
        lines += [
            f"![{name}, page {index}](images/{picture.name})"
            for index, picture in enumerate(pictures, start=1)
        ]
        lines.append("")
    return "\n".join(lines)


def render_gallery(images: Path) -> list[Path]:
    """Render every gallery letter to PDF (LibreOffice) and its pages to PNG (pdftoppm)."""
    import shutil
    import subprocess
    import tempfile

    from draftkit.build import prepare_letter
    from draftkit.render import render_pdf

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("make docs-pages needs pdftoppm (apt-get install poppler-utils)")
    images.mkdir(parents=True, exist_ok=True)
    for old in images.glob("*-page*.png"):
        old.unlink()
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="draftkit-docs-") as tmp:
        for name, spec, reference, _ in GALLERY:
            letter, _warnings = prepare_letter(ROOT / spec)
            pdf = Path(tmp) / f"{name}.pdf"
            pdf.write_bytes(render_pdf(letter, reference=ROOT / reference if reference else None))
            subprocess.run(
                [pdftoppm, "-png", "-r", "60", str(pdf), str(images / f"{name}-page")],
                check=True,
            )
            written += sorted(images.glob(f"{name}-page*.png"))
    return written


# --------------------------------------------------------------------------- forms of address

_COUNTRIES = {
    "US": "United States",
    "GB": "United Kingdom",
    "CA": "Canada",
    "AU": "Australia",
    "VA": "Holy See",
}
_ORGANIZATIONS = {
    "UN": "United Nations system",
    "WTO": "United Nations system",
    "WBG": "United Nations system",
    "IMF": "United Nations system",
    "EU": "European Union",
    "AU": "African Union",
    "OSCE": "OSCE",
    "CoE": "Council of Europe",
    "ICC": "International courts",
    "ICJ": "International courts",
    "OAS": "Organization of American States and the inter-American system",
    "NATO": "Other international organizations",
    "Commonwealth": "Commonwealth",
    "OIF": "Francophone countries (letters in French)",
}
_JURISDICTIONS = {
    "intl": "Other international organizations",
    "commonwealth": "Commonwealth",
    "francophone": "Francophone countries (letters in French)",
    "foreign": "Any country: heads of state, governments, diplomats",
    "religious": "Religious leaders",
    "academic": "Academic and private",
    "private": "Academic and private",
}
_GROUP_ORDER = [
    "United States",
    "United Kingdom",
    "Canada",
    "Australia",
    "Holy See",
    "United Nations system",
    "European Union",
    "African Union",
    "OSCE",
    "Council of Europe",
    "International courts",
    "Organization of American States and the inter-American system",
    "Other international organizations",
    "Commonwealth",
    "Francophone countries (letters in French)",
    "Any country: heads of state, governments, diplomats",
    "Religious leaders",
    "Academic and private",
]


def _group(row: protocol.OfficeRow) -> str:
    if row.country and row.country in _COUNTRIES:
        return _COUNTRIES[row.country]
    if row.organization and row.organization in _ORGANIZATIONS:
        return _ORGANIZATIONS[row.organization]
    return _JURISDICTIONS.get(row.jurisdiction, "Other international organizations")


def _md(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")


def _gendered(value: protocol.Gendered | None) -> str:
    if value is None or not value.texts():
        return "—"
    if value.male in (None, value.neutral) and value.female in (None, value.neutral):
        return _md(value.neutral)
    parts = [f"{value.male or value.neutral} / {value.female or value.neutral}"]
    if value.neutral and value.neutral not in (value.male, value.female):
        parts.append(f"(no gender: {value.neutral})")
    return _md(" ".join(parts))


def _first_line(row: protocol.OfficeRow) -> str:
    if row.office_lines:
        first = row.office_lines[0]
        return _md(first if isinstance(first, str) else first[0])
    if row.name_line:
        line = row.name_line if isinstance(row.name_line, str) else row.name_line[0]
        honorific = row.honorific.neutral if row.honorific else ""
        return _md(" ".join(line.replace("{honorific}", honorific or "").split()))
    honorific = _gendered(row.honorific)
    return "{name}" if honorific == "—" else f"{honorific} {{name}}"


def protocol_offices() -> str:
    rows = protocol.offices()
    refs = protocol.sources()
    forms = [(row, name) for row in rows for name in row.cited_fields()]
    sourced = sum(1 for row, name in forms if row.sourced(name))
    groups: dict[str, list[protocol.OfficeRow]] = {}
    for row in rows:
        groups.setdefault(_group(row), []).append(row)
    order = [g for g in _GROUP_ORDER if g in groups] + sorted(set(groups) - set(_GROUP_ORDER))
    lines = [
        "# Forms of address: the offices",
        "",
        "Generated from `draftkit/data/protocol.yaml` by `scripts/make_docs.py`; do not edit",
        "by hand. How the table works: [protocol.md](protocol.md).",
        "",
        f"{len(rows)} offices, {len(forms)} forms (honorific, lines, salutations, closes,",
        f"acting and former forms): {sourced} taken from a reference, {len(forms) - sourced}",
        "house conventions, each with its reason in the data file. `draftkit address",
        "--office KEY --name NAME --sources` prints every form of one office with its source.",
        "",
        "In the tables: **first line** is the formal style's first line of the address",
        "(`{name}` is the person's name); **salutation** and **close** give the formal",
        "style, then the common style; **sources** lists the references cited (ids as in",
        "[References](#references)); **conventions** names the forms no reference gave.",
        "",
    ]
    for group in order:
        lines += [f"## {group}", ""]
        lines += [
            "| key | office | first line | salutation (formal; common) "
            "| close (formal; common) | sources | conventions |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for row in groups[group]:
            close_formal = row.complimentary_close_formal or row.complimentary_close
            conventions = [name for name in row.cited_fields() if not row.sourced(name)]
            cells = [
                f"`{row.key}`",
                _md(row.label),
                _first_line(row),
                f"{_gendered(row.salutation_formal)}; {_gendered(row.salutation_common)}",
                f"{_gendered(close_formal)}; {_gendered(row.complimentary_close)}",
                ", ".join(row.source_ids()) or "—",
                ", ".join(conventions) or "—",
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += ["## References", ""]
    for ref_id in sorted(refs):
        ref = refs[ref_id]
        parts = [f"- `{ref_id}`: {ref.title}"]
        if ref.publisher:
            parts.append(f"; {ref.publisher}")
        if ref.edition:
            parts.append(f"; {ref.edition}")
        if ref.url:
            parts.append(f"; <{ref.url}>")
        if ref.note:
            parts.append(f" ({ref.note})")
        lines.append("".join(parts))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- API reference

def _export_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """The public names in the groups ``draftkit/__init__.py`` comments them in."""
    import re

    text = (ROOT / "draftkit" / "__init__.py").read_text(encoding="utf-8")
    body = text[text.index("_EXPORTS: dict[str, str] = {") : text.index("\n}\n")]
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for line in body.splitlines()[1:]:
        comment = re.match(r"\s*# (.+)", line)
        entry = re.match(r'\s*"(\w+)": "([\w.]+)",', line)
        if comment:
            title = comment.group(1).split(":")[0].strip()
            groups.append((title[:1].upper() + title[1:], []))
        elif entry:
            if not groups:
                groups.append(("Names", []))
            groups[-1][1].append((entry.group(1), entry.group(2)))
    return groups


def api_reference() -> str:
    """docs/reference.md: every public name of ``draftkit``, documented from its docstring."""
    import draftkit

    lines = [
        "# API reference",
        "",
        "Every name importable from `draftkit` (its `__all__`), documented from the",
        "docstrings by mkdocstrings; [the Python API](api.md) shows them at work. Generated",
        "by `scripts/make_docs.py` from `draftkit/__init__.py`; do not edit by hand.",
        "",
        f"`draftkit.__version__` is the installed version ({draftkit.__version__}).",
    ]
    listed = set()
    for title, names in _export_groups():
        lines += ["", f"## {title}"]
        for name, module in names:
            lines += ["", f"::: {module}.{name}"]
            listed.add(name)
    missing = sorted(set(draftkit._EXPORTS) - listed)
    if missing:
        raise SystemExit(f"make_docs: public names not found in _EXPORTS' text: {missing}")
    return "\n".join(lines) + "\n"


def outputs() -> dict[Path, str]:
    docs = ROOT / "docs"
    return {
        docs / "reference.md": api_reference(),
        docs / "cli.md": cli_reference(),
        docs / "spec-schema.json": spec_schema(),
        docs / "spec-reference.md": spec_reference(),
        docs / "examples.md": gallery_page(docs / "images"),
        docs / "protocol-offices.md": protocol_offices(),
    }


def main() -> int:
    check = "--check" in sys.argv
    if not check:
        for picture in render_gallery(ROOT / "docs" / "images"):
            print(f"wrote {picture.relative_to(ROOT)}")
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
