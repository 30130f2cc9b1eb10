"""The public API: about thirty names, all documented in docs/api.md, none that prints.

The library never prints, prompts or exits: a test runs every public function (and its
worker processes) with the process's standard output and error captured at the file
descriptor level and expects nothing on either.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import draftkit
from draftkit.config import load_config
from tests.conftest import EXAMPLES, ROOT

API_DOC = ROOT / "docs" / "api.md"


def test_the_api_is_small_and_has_no_aliases() -> None:
    names = [n for n in draftkit.__all__ if n != "__version__"]
    assert len(names) <= 32
    objects = [getattr(draftkit, name) for name in names]
    assert len({id(obj) for obj in objects}) == len(objects)  # no object under two names
    for name, obj in zip(names, objects, strict=True):
        assert getattr(obj, "__name__", name) == name, f"{name} is an alias of {obj}"


def test_docs_api_lists_exactly_the_public_names() -> None:
    text = API_DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)[(`]", text, flags=re.MULTILINE))
    assert documented == set(draftkit.__all__) - {"__version__"}


def test_the_library_never_prints(capfd: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = EXAMPLES / "secretary-of-state.yaml"
    merge_spec = EXAMPLES / "merge-committee.yaml"
    people = draftkit.load_recipients(EXAMPLES / "recipients" / "senators.csv")

    letter = draftkit.compose_letter(spec).letter
    draftkit.compose_letter(merge_spec, recipient=people[0], recipient_index=1)
    for fmt in ("docx", "md", "txt"):
        draftkit.render_bytes(letter, fmt)  # type: ignore[arg-type]
    draftkit.render_to_file(letter, tmp_path / "letter.docx")
    draftkit.render_spec(spec, tmp_path / "spec.docx")
    draftkit.render_spec(spec, io.BytesIO(), fmt="docx")
    draftkit.mail_merge(merge_spec, people, tmp_path / "one", combined=True)
    draftkit.mail_merge(merge_spec, people, tmp_path / "two", jobs=2, fmt="txt")
    list(draftkit.merge_letters(merge_spec, people))
    draftkit.check_file(spec)
    draftkit.check_file(tmp_path / "spec.docx")
    draftkit.check_letter(letter)
    draftkit.ingest_file(tmp_path / "spec.docx")
    draftkit.ingest_text("Dear Minister,\n\nPlease act.\n\nSincerely,\n\nJo Doe\n")
    draftkit.load_letter(spec)
    with draftkit.ClauseLibrary.from_config(load_config(EXAMPLES / "draftkit.yaml")) as library:
        library.search("humanitarian access")
    draftkit.address_forms("us-senator", "James E. Risch", params={"state": "Idaho"})
    with pytest.raises(draftkit.DraftkitError):
        draftkit.render_spec(spec, tmp_path / "spec.docx")  # exists: an error, not a message
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
