"""Start-up of the ``draftkit`` command: pydantic's plugin search is off unless asked for."""

from __future__ import annotations

import os
import subprocess
import sys

SHOW = "import os, sys; {setup}; print(repr(os.environ.get('PYDANTIC_DISABLE_PLUGINS')))"


def _seen(setup: str, value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if value is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = value
    code = SHOW.format(setup=setup)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip()


def test_the_command_turns_off_the_plugin_search_before_pydantic_loads() -> None:
    setup = "import draftkit.cli; assert 'pydantic' not in sys.modules"
    assert _seen(setup, None) == "'__all__'"


def test_a_user_setting_is_kept_and_the_library_sets_nothing() -> None:
    assert _seen("import draftkit.cli", "") == "''"  # plugins wanted: left as given
    assert _seen("import draftkit; draftkit.Letter", None) == "None"


def test_a_letter_without_clauses_loads_no_clause_library() -> None:
    # check imports one small module of draftkit.clauses; the package loads the rest lazily
    setup = (
        "import draftkit.build, draftkit.cli.render; "
        "from draftkit.check import all_rules; all_rules(); "
        "assert 'draftkit.clauses.similarity' in sys.modules; "
        "assert not {'draftkit.clauses.model', 'draftkit.clauses.library', 'sqlite3'} "
        "& set(sys.modules), sorted(m for m in sys.modules if 'clauses' in m)"
    )
    assert _seen(setup, None) == "'__all__'"
    code = "from draftkit.clauses import ClauseLibrary, index; print(ClauseLibrary.__name__)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "ClauseLibrary", done.stderr
