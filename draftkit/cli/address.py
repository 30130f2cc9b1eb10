"""``draftkit address``: show the forms of address an office takes."""

from __future__ import annotations

from typing import Literal, cast

import click

from draftkit.cli._common import echo, run_guarded
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


@click.command("address")
@click.option("--office", "office", metavar="KEY", help="Office key, e.g. us-senator.")
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
    help="Which salutation and close the letter uses.",
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
) -> None:
    """Print the address block, salutations and close for a person in an office.

    \b
    Examples:
      draftkit address --office us-senator --name "James E. Risch" --param state=Idaho
      draftkit address --office us-secretary-of-state --name "Antony J. Blinken" \\
          --gender male --style formal
      draftkit address --list
    """
    from draftkit import protocol

    if list_offices:
        rows = protocol.offices()
        width = max(len(row.key) for row in rows)
        for row in rows:
            echo(f"{row.key.ljust(width)}  {row.label}")
        return
    if not office or not name:
        raise ProtocolError(
            "--office and --name are required",
            hint="e.g. draftkit address --office us-senator --name 'James E. Risch'",
        )
    forms = protocol.address_forms(
        office,
        name,
        gender=cast(Literal["female", "male"] | None, gender),
        status=cast(Literal["current", "acting", "former"], status),
        style=cast(Literal["formal", "common"], style),
        surname=surname,
        params=_parse_params(params),
    )
    for line in forms.block_lines():
        echo(line)
    echo()
    for which, text in (("formal", forms.salutation_formal), ("common", forms.salutation_common)):
        chosen = " (used)" if which == style else ""
        echo(f"salutation, {which}{chosen}: {text}")
    echo(f"complimentary close: {forms.complimentary_close}")
    if forms.missing_params:
        names = ", ".join(forms.missing_params)
        echo(f"lines left out (missing --param): {names}")
    echo(f"source: {forms.source}")
