"""``draftkit address``: show the forms of address an office takes, and their sources."""

from __future__ import annotations

import json
from typing import Any, Literal, cast

import click

from draftkit import protocol
from draftkit.cli._common import echo, is_verbose, output_options, run_guarded
from draftkit.cli.completion import complete_countries, complete_offices, complete_organizations
from draftkit.errors import ProtocolError

__all__ = ["address"]


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ProtocolError(
                f"bad --param {item!r}", hint="write it as KEY=VALUE, e.g. --param state=Idaho"
            )
        params[key.strip()] = value.strip()
    return params


def _list(
    country: str | None, organization: str | None, fmt: str, language: str | None = None
) -> None:
    rows = protocol.offices(country=country, organization=organization)
    if language not in (None, "en"):
        # deferred: the languages file is read only with --language
        from draftkit.protocol.languages import language_offices

        translated = {r.row.key for r in language_offices(language)}
        rows = [r for r in rows if r.key in translated]
    if not rows:
        every = protocol.offices()
        if country is not None:
            known = sorted({r.country for r in every if r.country})
            what, plural, value = "country", "countries", country
        else:
            known = sorted({r.organization for r in every if r.organization})
            what, plural, value = "organization", "organizations", organization or ""
        raise ProtocolError(
            f"no offices for {what} {value!r}",
            hint=f"{plural} in the table: {', '.join(known)}",
        )
    if fmt == "json":
        data = [
            {
                "key": r.key,
                "label": r.label,
                "jurisdiction": r.jurisdiction,
                "country": r.country,
                "organization": r.organization,
            }
            for r in rows
        ]
        echo(json.dumps(data, indent=2, ensure_ascii=False), data=True)
        return
    width = max(len(row.key) for row in rows)
    for row in rows:
        echo(f"{row.key.ljust(width)}  {row.label}")


def _citation_text(cite: dict[str, Any]) -> str:
    if cite["convention"]:
        return f"convention: {cite['why']}"
    url = f" <{cite['url']}>" if cite.get("url") else ""
    return f"{cite['title']}, {cite['where']}{url}"


def _print_report(report: dict[str, Any], source: str, show_sources: bool) -> None:
    style = report["style"]
    other = "formal" if style == "common" else "common"
    chosen, second = report["styles"][style], report["styles"][other]
    for line in chosen["block"]:
        echo(line)
    echo()
    for which in ("formal", "common"):
        used = " (used)" if which == style else ""
        echo(f"salutation, {which}{used}: {report['styles'][which]['salutation']}")
    echo(f"complimentary close: {chosen['complimentary_close']}")
    differences = []
    if second["block"] != chosen["block"]:
        differences.append("block: " + " / ".join(second["block"]))
    if second["complimentary_close"] != chosen["complimentary_close"]:
        differences.append(f"close: {second['complimentary_close']}")
    if differences:
        echo(f"{other} style differs: " + "; ".join(differences))
    for alt in report["alternatives"]:
        where = "; ".join(_citation_text(c) for c in alt["citations"])
        echo(f"also correct ({alt['field']}): {alt['form']} ({where}); {alt['note']}")
    if report["missing_params"]:
        names = ", ".join(report["missing_params"])
        echo(f"lines left out (missing --param): {names}")
    echo(f"source: {source}")
    if show_sources:
        echo("sources by field:")
        for field, basis in report["basis"].items():
            for cite in basis["citations"]:
                echo(f"  {field} [{basis['basis']}]: {_citation_text(cite)}")


@click.command("address")
@click.option(
    "--office",
    "office",
    metavar="KEY",
    shell_complete=complete_offices,
    help="Office key, e.g. us-senator.",
)
@click.option("--name", "name", metavar="NAME", help='Person\'s name, e.g. "James E. Risch".')
@click.option("--gender", type=click.Choice(["female", "male"]), help="Pick gendered forms.")
@click.option(
    "--status",
    type=click.Choice(["current", "acting", "former"]),
    default="current",
    show_default=True,
    help="Current, acting or former holder.",
)
@click.option(
    "--style",
    type=click.Choice(["formal", "common"]),
    default="common",
    show_default=True,
    help="formal: the references' first choice; common: what most letters write.",
)
@click.option("--surname", metavar="SURNAME", help="Surname for salutations (else derived).")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Template parameter (state, department, country, committee ...); repeatable.",
)
@click.option("--list", "list_offices", is_flag=True, help="List the office keys and exit.")
@click.option(
    "--country",
    metavar="CODE",
    shell_complete=complete_countries,
    help="With --list: only this country's offices (GB).",
)
@click.option(
    "--organization",
    metavar="CODE",
    shell_complete=complete_organizations,
    help="With --list: only this organization's offices (UN).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--sources", "show_sources", is_flag=True, help="Print the source of every form.")
@click.option(
    "--language",
    type=click.Choice(["en", "fr", "es", "ar"]),
    default=None,
    help="The forms in this language (a letter's language:); with --list, the offices "
    "that have them.",
)
@output_options
@run_guarded
def address(
    office: str | None,
    name: str | None,
    gender: str | None,
    status: str,
    style: str,
    surname: str | None,
    params: tuple[str, ...],
    list_offices: bool,
    country: str | None,
    organization: str | None,
    fmt: str,
    show_sources: bool,
    language: str | None,
) -> None:
    """Print the address block, salutations and close for a person in an office.

    The chosen style's block is printed first, then both salutations, the close, what
    the other style writes differently, the other references' forms ("also correct")
    and the sources. --format json prints all of it, with the source of every form.

    \b
    Examples:
      draftkit address --office us-senator --name "James E. Risch" --param state=Idaho
      draftkit address --office us-president --name "Jordan Lee" --gender female \\
          --style formal --sources
      draftkit address --list --country GB
      draftkit address --office un-secretary-general --name "Ana Ruiz" --format json
      draftkit address --office foreign-minister --name "Ana Ruiz" --gender female \\
          --language es
      draftkit address --list --language fr
    """

    if list_offices:
        _list(country, organization, fmt, language)
        return
    if country is not None or organization is not None:
        raise ProtocolError(
            "--country and --organization filter --list",
            hint="e.g. draftkit address --list --country GB",
        )
    if not office or not name:
        raise ProtocolError(
            "--office and --name are required",
            hint="e.g. draftkit address --office us-senator --name 'James E. Risch'",
        )
    report = protocol.forms_report(
        office,
        name,
        gender=cast(Literal["female", "male"] | None, gender),
        status=cast(Literal["current", "acting", "former"], status),
        style=cast(Literal["formal", "common"], style),
        surname=surname,
        params=_parse_params(params),
        language=language,
    )
    if fmt == "json":
        echo(json.dumps(report, indent=2, ensure_ascii=False), data=True)
        return
    if language in (None, "en"):
        works = protocol.cited_works(protocol.get_office(office))
    else:
        # deferred: the languages file is read only with --language
        from draftkit.protocol.languages import language_office, language_sources

        refs = {**protocol.sources(), **language_sources()}
        ids = language_office(office, language).row.source_ids()
        works = "; ".join(refs[i].title if i in refs else i for i in ids) or "house conventions"
    _print_report(report, works, show_sources or is_verbose())
