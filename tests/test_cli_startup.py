"""Start-up of the ``draftkit`` command: the plugin search, the collector, the code cache."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_with_every_plugin_off_pydantic_builds_models_without_importlib_metadata() -> None:
    # pydantic's plugin loader imports importlib.metadata (email, socket, zipfile ...) only
    # to search for plugins; the CLI stands in for it while the search is off
    setup = (
        "import draftkit.cli; from draftkit.schema import Letter; Letter(); "
        "from pydantic.plugin._loader import get_plugins; assert get_plugins() == (); "
        "assert 'importlib.metadata' not in sys.modules, 'importlib.metadata loaded'"
    )
    assert _seen(setup, None) == "'__all__'"
    assert _seen(setup, "1") == "'1'"


def test_the_plugin_loader_stand_in_hands_any_other_name_to_the_real_module() -> None:
    setup = (
        "import draftkit.cli; "
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP as group; "
        "assert group == 'pydantic'; "
        "import pydantic.plugin._loader as real; assert hasattr(real, 'entry_points')"
    )
    assert _seen(setup, None) == "'__all__'"


def test_with_plugins_wanted_pydantic_loads_its_own_plugin_loader() -> None:
    for value in ("", "some-plugin"):
        setup = (
            "import draftkit.cli; from draftkit.schema import Letter; Letter(); "
            "import pydantic.plugin._loader as loader; assert hasattr(loader, 'entry_points')"
        )
        assert _seen(setup, value) == repr(value)


def test_a_command_runs_with_the_garbage_collector_on() -> None:
    # the collector is paused only while a command's module is imported
    setup = (
        "import contextlib, gc, io, draftkit.cli; "
        "out = contextlib.redirect_stdout(io.StringIO()); out.__enter__(); "
        "draftkit.cli.main(['schema'], standalone_mode=False); out.__exit__(None, None, None); "
        "assert gc.isenabled() and 'draftkit.cli.render' in sys.modules"
    )
    assert _seen(setup, None) == "'__all__'"


# --------------------------------------------------------------------- the code cache

_DATACLASS = """
import dataclasses, typing
@dataclasses.dataclass(frozen=True, slots=True)
class Point:
    x: int
    y: 'list[str]' = dataclasses.field(default_factory=list)
codes = [getattr(Point, name).__code__ for name in
         ('__init__', '__repr__', '__eq__', '__setattr__', '__delattr__', '__hash__')]
ref = typing.ForwardRef('dict[str, typing.Any]').__forward_code__
def shape(code):
    return (code.co_code, code.co_consts, code.co_names, code.co_varnames, code.co_flags,
            code.co_filename, code.co_name)
"""


def _run(code: str, cache_home: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(cache_home)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    return done.stdout.strip()


def test_kept_code_is_the_code_compiling_the_text_gives(tmp_path: Path) -> None:
    plain = _DATACLASS + "print(repr([shape(c) for c in [*codes, ref]]))"
    cached = "from draftkit.cli import _codecache; _codecache.install('test')\n" + plain
    expected = _run(plain, tmp_path)
    assert _run(cached, tmp_path) == expected  # compiled now, and kept
    assert _run(cached, tmp_path) == expected  # the kept code, from the file
    assert (tmp_path / "draftkit").is_dir()


def test_a_second_start_compiles_nothing_it_kept(tmp_path: Path) -> None:
    code = (
        "from draftkit.cli import _codecache; cache = _codecache.install('test')\n"
        + _DATACLASS
        + "print(cache.compiled)"
    )
    code += "; import re; re.compile(r'(?P<w>[a-z]+)-draftkit', re.I); print(cache.compiled)"
    assert [int(n) >= 7 for n in _run(code, tmp_path).split()] == [True, True]
    assert _run(code, tmp_path).split() == ["0", "0"]


def test_a_damaged_or_foreign_cache_file_is_ignored_and_written_again(tmp_path: Path) -> None:
    from draftkit.cli import _codecache

    path = tmp_path / "code.bin"
    for data in (b"", b"junk", _codecache._header() + b"\x00broken", b"draftkit code cache\n"):
        path.write_bytes(data)
        cache = _codecache.CodeCache(path)
        cache.load()
        assert cache.entries == {}
        code = cache.code("x = 1", "<string>", "exec")
        cache.save()
        again = _codecache.CodeCache(path)
        again.load()
        assert again.entries[("x = 1", "<string>", "exec")].co_code == code.co_code


def test_the_cache_lives_in_the_user_cache_folder_and_only_the_command_installs_it() -> None:
    from draftkit.cli._codecache import cache_path
    from draftkit.config import default_cache_dir

    assert (
        cache_path("render")
        == default_cache_dir() / f"code-{sys.implementation.cache_tag}-render.bin"
    )
    setup = (
        "import dataclasses, typing, draftkit; draftkit.Letter; import draftkit.cli; "
        "assert 'exec' not in vars(dataclasses) and 'compile' not in vars(typing)"
    )
    assert _seen(setup, None) == "'__all__'"


PATTERNS = [
    (r"", 0),
    (r"(?P<year>\d{4})-(?P<month>\d{2})|(?:x+?)(?=y)", 0),
    (r"^dear\s+(mr|ms)\.?\s+\w+$", re.IGNORECASE | re.MULTILINE),
    (r"(?x) a  b # comment", 0),
    (r"(?i)[\u00c0-\u024f]+\b(?<!é)", 0),
    (r"(a)(b)?(?(2)c|d)", re.DOTALL),
    (rb"\x00blank:([^\x00]*)\x00", 0),
    (r"[^\W\d_]+", re.ASCII),
]


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="patterns kept on Python 3.11")
def test_a_kept_pattern_is_the_pattern_re_compiles(tmp_path: Path) -> None:
    from draftkit.cli import _codecache

    path = tmp_path / "code.bin"
    made = _codecache.CodeCache(path)
    fresh = [made.pattern(text, flags) for text, flags in PATTERNS]
    made.save()
    kept = _codecache.CodeCache(path)
    kept.load()
    again = [kept.pattern(text, flags) for text, flags in PATTERNS]
    assert kept.compiled == 0
    for (text, flags), one, two in zip(PATTERNS, fresh, again, strict=True):
        expected = re.compile(text, flags)
        # patterns compare equal when their flags, text and matcher program are the same
        assert one == expected and two == expected, text
        assert (two.groups, two.groupindex) == (expected.groups, expected.groupindex)
    with pytest.raises(re.error):
        kept.pattern(r"(unclosed", 0)


def test_an_entry_marshal_cannot_keep_is_left_out_and_the_rest_kept(tmp_path: Path) -> None:
    from draftkit.cli import _codecache

    path = tmp_path / "code.bin"
    cache = _codecache.CodeCache(path)
    cache.code("y = 2", "<string>", "exec")
    cache.entries[("odd", "entry", "here")] = re.IGNORECASE  # an int subclass
    cache.save()
    kept = _codecache.CodeCache(path)
    kept.load()
    assert list(kept.entries) == [("y = 2", "<string>", "exec")]


def test_a_few_new_entries_do_not_rewrite_a_file_that_was_read(tmp_path: Path) -> None:
    from draftkit.cli import _codecache

    path = tmp_path / "code.bin"
    first = _codecache.CodeCache(path)
    for n in range(_codecache._FEW):
        first.code(f"x = {n}", "<string>", "exec")
    first.save()
    second = _codecache.CodeCache(path)
    second.load()
    second.code("z = 'a text that differs at each start'", "<string>", "exec")
    second.save()
    third = _codecache.CodeCache(path)
    third.load()
    assert len(third.entries) == _codecache._FEW


def test_the_code_cache_can_be_switched_off(tmp_path: Path) -> None:
    code = (
        "import os; os.environ['DRAFTKIT_CODE_CACHE'] = 'off'\n"
        "from draftkit.cli import _codecache; cache = _codecache.install('test')\n"
        + _DATACLASS
        + "import dataclasses, typing; print(cache.compiled, hasattr(dataclasses, 'exec'),"
        " hasattr(typing, 'compile'))"
    )
    assert _run(code, tmp_path) == "0 False False"  # nothing routed through it
    assert not (tmp_path / "draftkit").exists()  # nothing written
