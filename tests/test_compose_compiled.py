"""The cache of compiled template variants: same letters, same sandbox, never stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.compose import compose_letter
from draftkit.compose.compiled import CompiledTemplateCache
from draftkit.compose.variants import template_set_for
from draftkit.config import default_cache_dir
from draftkit.errors import TemplateError
from draftkit.schema import Letter


def _letter(**fields: object) -> Letter:
    data: dict[str, object] = {"salutation": "Dear Colleague,"}
    data.update(fields)
    return Letter.model_validate(data)


def _variant(folder: Path, name: str, opening: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.j2"
    text = '{% extends "base.j2" %}\n{% block opening %}\n' + opening + "\n{% endblock %}\n"
    path.write_text(text, encoding="utf-8")
    return path


def _compose_fresh(letter: Letter, audience: str, folder: Path) -> Letter:
    """Compose as a new process would: no template compiled in memory yet."""
    template_set_for.cache_clear()
    return compose_letter(letter, audience=audience, template_dirs=[folder]).letter


def _entries() -> list[Path]:
    return sorted((default_cache_dir() / "templates").glob("*.jinja"))


def test_a_second_start_renders_from_the_cache_and_gets_the_same_letter(tmp_path: Path) -> None:
    _variant(tmp_path, "team", "We write about {{ topic }}.")
    letter = _letter(variables={"topic": "water"})
    first = _compose_fresh(letter, "team", tmp_path)
    assert any(e.stat().st_size > 0 for e in _entries())
    second = _compose_fresh(letter, "team", tmp_path)
    assert second.body == first.body
    assert any("We write about water." in p for p in second.texts("body"))


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    path = _variant(tmp_path, "team", "Old words about {{ topic }}.")
    letter = _letter(variables={"topic": "water"})
    _compose_fresh(letter, "team", tmp_path)
    stat = path.stat()
    _variant(tmp_path, "team", "New words about {{ topic }}.")
    path.touch()
    assert path.stat().st_size == stat.st_size
    texts = _compose_fresh(letter, "team", tmp_path).texts("body")
    assert any("New words about water." in t for t in texts)
    assert not any("Old words" in t for t in texts)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("{{ ''.__class__.__mro__ }}", "unsafe template"),
        ("{{ sender.__class__ }}", "unsafe template"),
        (
            "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
            "refused",
        ),
        ("{{ 'x' * 100000000 }}", "refused"),
    ],
)
def test_code_from_the_cache_is_still_sandboxed(
    tmp_path: Path, opening: str, expected: str
) -> None:
    _variant(tmp_path, "evil", opening)
    for _ in range(2):  # compiled, then loaded from the cache
        with pytest.raises(TemplateError, match=expected):
            _compose_fresh(_letter(), "evil", tmp_path)
    assert _entries()


def test_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    _variant(tmp_path, "team", "About {{ topic }}.")
    letter = _letter(variables={"topic": "roads"})
    _compose_fresh(letter, "team", tmp_path)
    for entry in _entries():
        entry.write_bytes(b"not a compiled template")
    texts = _compose_fresh(letter, "team", tmp_path).texts("body")
    assert any("About roads." in t for t in texts)


def test_the_key_names_the_template_file_and_the_sandbox_code(tmp_path: Path) -> None:
    cache = CompiledTemplateCache(tmp_path)
    assert cache.get_cache_key("a.j2", "/x/a.j2") != cache.get_cache_key("a.j2", "/y/a.j2")
    assert cache.get_cache_key("a.j2", "/x/a.j2") == cache.get_cache_key("a.j2", "/x/a.j2")


def test_an_unwritable_cache_folder_costs_only_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    cache = CompiledTemplateCache(blocker / "templates")  # its parent is a file
    from jinja2.bccache import Bucket

    from draftkit.compose.strings import string_env

    bucket = Bucket(string_env(), "k", "checksum")
    bucket.code = compile("x = 1", "<t>", "exec")
    cache.dump_bytecode(bucket)  # no error
    fresh = Bucket(string_env(), "k", "checksum")
    cache.load_bytecode(fresh)
    assert fresh.code is None


def _names_read(folder: Path, variant: str) -> frozenset[str]:
    template_set_for.cache_clear()
    return template_set_for((folder,)).names_read(variant, ["opening", "closing"])


def test_facts_kept_between_starts_give_the_same_names_read(tmp_path: Path) -> None:
    _variant(tmp_path, "team", "{% set x = 1 %}Dear {{ recipient.name }} of {{ topic }}.")
    fresh = _names_read(tmp_path, "team")
    assert {"recipient", "topic"} <= fresh
    facts = sorted((default_cache_dir() / "templates").glob("*.facts.json"))
    assert facts
    assert _names_read(tmp_path, "team") == fresh  # from the kept facts
    for entry in facts:
        entry.write_text('{"parent": 3}', encoding="utf-8")  # damaged: parsed again
    assert _names_read(tmp_path, "team") == fresh


def test_kept_facts_still_give_the_syntax_tree_when_asked(tmp_path: Path) -> None:
    _variant(tmp_path, "team", "About {{ campaign }}.")
    template_set_for.cache_clear()
    template_set_for((tmp_path,)).chain("team")
    template_set_for.cache_clear()
    info = template_set_for((tmp_path,)).info("team")  # parses the tree on demand
    assert "opening" in info.blocks
    assert "campaign" in info.undeclared


def test_one_off_strings_are_kept_too_and_stay_sandboxed() -> None:
    from draftkit.compose.strings import _compiled, render_string

    for _ in range(2):  # compiled, then loaded from the cache
        _compiled.cache_clear()
        assert render_string("Dear {{ who }},", {"who": "Ana"}) == "Dear Ana,"
        _compiled.cache_clear()
        with pytest.raises(TemplateError, match="unsafe"):
            render_string("{{ ''.__class__.__mro__ }}", {})
    assert len(_entries()) >= 2
