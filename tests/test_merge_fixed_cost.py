"""What a merge does once rather than per letter gives what it did per letter (issue 15, part G)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from draftkit.compose.variants import TemplateSet, templates_for
from draftkit.merge import _present

_TEAM = '{% extends "base.j2" %}\n{% block opening %}\n{text}\n{% endblock %}\n'


def _team(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "team.j2"
    path.write_text(_TEAM.replace("{text}", text), encoding="utf-8")
    return path


def _opening(templates: TemplateSet) -> str:
    return templates.render_blocks("team", {}, ["opening"])["opening"].strip()


def test_a_held_template_set_keeps_the_variants_it_first_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    path = _team(folder, "First version.")
    templates = TemplateSet([folder])
    with templates.held():
        assert _opening(templates) == "First version."
        chain = templates.chain("team")
        _team(folder, "Second version, written meanwhile.")
        stat = path.stat()  # a new date, whatever the clock's resolution
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        assert [t.path for t in templates.chain("team")] == [t.path for t in chain]
        assert _opening(templates) == "First version."
    assert _opening(templates) == "Second version, written meanwhile."


def test_holds_nest_and_a_failed_lookup_is_not_kept(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    templates = TemplateSet([folder])
    with templates.held():
        with templates.held():
            with pytest.raises(Exception, match="no template variant 'team'"):
                templates.chain("team")
            _team(folder, "Now it exists.")
            assert _opening(templates) == "Now it exists."
        _team(folder, "Changed inside the outer hold.")
        assert _opening(templates) == "Now it exists."
    assert templates._holds == 0 and not templates._chains and not templates._templates


def test_front_matter_is_read_again_from_the_kept_facts(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "team.j2").write_text(
        "{#- draftkit\ndescription: A team letter.\nexample_office: us-senator\n-#}\n"
        + _TEAM.replace("{text}", "Hello."),
        encoding="utf-8",
    )
    first = TemplateSet([folder]).chain("team")[0].meta
    again = TemplateSet([folder]).chain("team")[0].meta  # a new process: facts from the cache
    assert first == again
    assert again.description == "A team letter." and again.example_office == "us-senator"


def test_bad_front_matter_is_still_refused_when_the_facts_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    good = TemplateSet([folder])
    (folder / "team.j2").write_text(_TEAM.replace("{text}", "Hello."), encoding="utf-8")
    good.chain("team")  # the facts of this text are kept
    (folder / "team.j2").write_text(
        "{#- draftkit\nno_such_key: 1\n-#}\n" + _TEAM.replace("{text}", "Hello."),
        encoding="utf-8",
    )
    with pytest.raises(Exception, match="bad front matter"):
        TemplateSet([folder]).chain("team")
    with pytest.raises(Exception, match="bad front matter"):
        TemplateSet([folder]).chain("team")  # refused again, not kept as good


def test_the_output_folder_is_listed_once(tmp_path: Path) -> None:
    assert _present(tmp_path / "missing") == frozenset()
    (tmp_path / "a.docx").write_bytes(b"x")
    assert _present(tmp_path) == frozenset({"a.docx"})
    assert _present(tmp_path / "a.docx") is None  # not a folder: each file is looked up


def test_templates_for_gives_the_set_compose_uses() -> None:
    assert templates_for([]) is templates_for(())
