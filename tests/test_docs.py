"""Documentation stays true: generated pages are current, every command is documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from draftkit.cli import COMMANDS, main

ROOT = Path(__file__).resolve().parents[1]


def test_generated_docs_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_every_command_appears_in_the_cli_reference() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    ctx = click.Context(main, info_name="draftkit")
    for name in COMMANDS:
        assert f"## draftkit {name}\n" in text
        command = main.get_command(ctx, name)
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                assert f"## draftkit {name} {sub}\n" in text


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("\n## ", 1) if "\n## " in readme else len(readme)]
    assert "make demo" in head and "make test" in head


def test_public_api_is_documented_and_sorted() -> None:
    import draftkit

    assert len(set(draftkit.__all__)) == len(draftkit.__all__)
    assert set(draftkit.__all__) == set(draftkit._EXPORTS) | {"__version__"}
    for name in draftkit.__all__:
        obj = getattr(draftkit, name)
        if callable(obj):
            assert obj.__doc__, f"{name} has no docstring"
