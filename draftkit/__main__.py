"""Run the CLI with ``python -m draftkit``."""

from draftkit.cli import main

main()
