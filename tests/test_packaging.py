"""Package metadata: an SPDX licence with its file, authors, classifiers, keywords.

``make wheel-check`` builds the wheel and proves the LICENSE file and these fields are in
it (scripts/check_wheel.py); this test keeps pyproject.toml from drifting in between.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _project() -> dict[str, object]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project: dict[str, object] = data["project"]
    return project


def test_the_licence_is_an_spdx_expression_with_its_file() -> None:
    project = _project()
    assert project["license"] == "MIT"  # PEP 639, not the deprecated {text = ...} table
    assert project["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "draftkit developers" in text
    classifiers = project["classifiers"]
    assert isinstance(classifiers, list)
    assert not [c for c in classifiers if c.startswith("License ::")]  # PEP 639 forbids both


def test_the_build_backend_reads_pep_639() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requires = data["build-system"]["requires"]
    assert "setuptools>=77" in requires  # the first setuptools with license expressions


def test_authors_keywords_and_classifiers() -> None:
    project = _project()
    assert project["authors"] == [{"name": "draftkit developers"}]
    assert isinstance(project["keywords"], list) and "mail merge" in project["keywords"]
    classifiers = project["classifiers"]
    assert isinstance(classifiers, list)
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Typing :: Typed" in classifiers
    # no repository address is known: none is made up
    assert "urls" not in project


def test_the_wheel_checker_knows_the_metadata(tmp_path: Path) -> None:
    import importlib.util
    import zipfile

    script = ROOT / "scripts" / "check_wheel.py"
    spec = importlib.util.spec_from_file_location("check_wheel", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    wheel = tmp_path / "draftkit-0.1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("draftkit-0.1.0.dist-info/METADATA", "Name: draftkit\nLicense: MIT\n")
    with zipfile.ZipFile(wheel) as archive:
        wrong = module.check_metadata(archive, set(archive.namelist()))
    assert "draftkit-0.1.0.dist-info/licenses/LICENSE" in wrong
    assert "METADATA line 'License-Expression: MIT'" in wrong
