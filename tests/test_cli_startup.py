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
