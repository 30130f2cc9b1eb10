"""Property-based fuzzing (hypothesis) of the spec loader, the package reader and ingest.

The property everywhere: any input either loads or raises the module's
:class:`~draftkit.errors.DraftkitError` with a one-line message naming the file, never
another exception. Inputs are arbitrary text and bytes, YAML and JSON built from random
data, and valid .docx packages with random bytes flipped, cut or inserted (the mutations
a damaged download or a fuzzer makes).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from draftkit.errors import DraftkitError, IngestError, SpecError
from draftkit.files import load_data, parse_letter
from draftkit.ingest import ingest_bytes
from draftkit.ooxml import open_document, open_package
from draftkit.yamljson import parse_json_text, parse_yaml_text
from tests.hostile.builders import document_xml, docx, paragraphs

FUZZ = settings(
    max_examples=int(os.environ.get("DRAFTKIT_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=5)
    | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=40,
)


def _one_line(error: DraftkitError, name: str | None = None) -> None:
    text = str(error)
    assert "\n" not in text
    if name is not None:
        assert name in text


@FUZZ
@given(text=st.text(max_size=400))
def test_any_yaml_text_loads_or_is_a_spec_error(text: str) -> None:
    try:
        parse_yaml_text(text, path="fuzz.yaml")
    except SpecError as exc:
        _one_line(exc, "fuzz.yaml")


@FUZZ
@given(text=st.text(alphabet=st.sampled_from(list("[]{}:,-&*!|>'\"#? \n\tab1")), max_size=300))
def test_yaml_syntax_soup_loads_or_is_a_spec_error(text: str) -> None:
    try:
        parse_yaml_text(text, path="soup.yaml")
    except SpecError as exc:
        _one_line(exc, "soup.yaml")


@FUZZ
@given(text=st.text(max_size=400))
def test_any_json_text_loads_or_is_a_spec_error(text: str) -> None:
    try:
        parse_json_text(text, path="fuzz.json")
    except SpecError as exc:
        _one_line(exc, "fuzz.json")


@FUZZ
@given(value=json_values)
def test_json_and_yaml_round_trip_plain_data(value: Any) -> None:
    text = json.dumps(value)
    # YAML 1.1 line breaks that PyYAML's own dumper does not round-trip in keys
    assume(not any(c in json.dumps(value, ensure_ascii=False) for c in "\x85\u2028\u2029"))
    try:
        loaded = parse_json_text(text, path="x.json")
    except SpecError as exc:  # a number over the digit cap is refused, nothing else
        assert "digits" in exc.message
        return
    assert loaded == value
    dumped = yaml.safe_dump(value, allow_unicode=True)
    try:
        again = parse_yaml_text(dumped, path="x.yaml")
    except SpecError as exc:
        # keys YAML reads back as non-text, or characters YAML cannot hold
        assert any(word in exc.message for word in ("keys", "digits", "character", "YAML"))
        return
    assert again == value or not isinstance(value, dict)


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".yaml", ".json"]))
def test_any_spec_file_loads_or_is_a_spec_error(
    data: bytes, suffix: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("spec") / f"letter{suffix}"
    path.write_bytes(data)
    try:
        loaded, lines = load_data(path)
        parse_letter(loaded, path=path, lines=lines)
    except SpecError as exc:
        _one_line(exc, str(path))


@FUZZ
@given(value=json_values)
def test_any_data_validates_or_is_a_spec_error(value: Any) -> None:
    try:
        letter = parse_letter({"variables": {"x": value}, "subject": "s"}, path="d.yaml")
    except SpecError as exc:
        _one_line(exc, "d.yaml")
        return
    letter.model_dump_json()  # a validated letter always serialises


BASE_DOCX = docx(document_xml(paragraphs(["Dear Minister,", "We ask you to act.", "Jo Doe"])))


@FUZZ
@given(
    cuts=st.lists(
        st.tuples(st.integers(0, len(BASE_DOCX) - 1), st.integers(0, 255)), min_size=1, max_size=8
    )
)
def test_a_docx_with_flipped_bytes_reads_or_is_an_ingest_error(cuts: list[tuple[int, int]]) -> None:
    data = bytearray(BASE_DOCX)
    for position, value in cuts:
        data[position] = value
    try:
        ingest_bytes(bytes(data), filename="flipped.docx")
    except IngestError as exc:
        _one_line(exc, "flipped.docx")


@FUZZ
@given(end=st.integers(0, len(BASE_DOCX)), extra=st.binary(max_size=64))
def test_a_cut_or_padded_docx_reads_or_is_an_ingest_error(end: int, extra: bytes) -> None:
    try:
        ingest_bytes(BASE_DOCX[:end] + extra, filename="cut.docx")
    except IngestError as exc:
        _one_line(exc, "cut.docx")


xml_noise = st.text(alphabet=st.sampled_from(list("<>/=\"'&;!?[]wpt: \n#x0123abcDE")), max_size=80)


@FUZZ
@given(before=xml_noise, after=xml_noise, text=st.text(max_size=60))
def test_a_docx_with_odd_xml_reads_or_is_an_ingest_error(
    before: str, after: str, text: str
) -> None:
    body = before + paragraphs(["Dear Minister,", text]) + after
    assume("\x00" not in body)
    data = docx(document_xml(body).encode("utf-8", "surrogatepass"))
    try:
        result = ingest_bytes(data, filename="odd.docx")
    except IngestError as exc:
        _one_line(exc, "odd.docx")
        return
    if result.letter is not None:
        result.letter.model_dump_json()


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".html", ".md", ".docx"]))
def test_any_bytes_ingest_or_are_an_ingest_error(data: bytes, suffix: str) -> None:
    try:
        result = ingest_bytes(data, filename=f"any{suffix}")
    except IngestError as exc:
        _one_line(exc, f"any{suffix}")
        return
    if result.letter is not None:
        result.letter.model_dump_json()


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_ingests_into_a_writable_letter(text: str) -> None:
    data = ("Dear Minister,\n\n" + text + "\n\nSincerely,\n\nJo Doe\n").encode("utf-8", "replace")
    try:
        result = ingest_bytes(data, filename="t.txt")
    except IngestError as exc:  # NULs and many controls make it a binary file
        _one_line(exc, "t.txt")
        return
    if result.letter is not None:
        result.letter.model_dump_json()


@FUZZ
@given(
    names=st.lists(st.text(min_size=1, max_size=20), min_size=1, max_size=5),
    methods=st.lists(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]), min_size=5),
)
@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_any_zip_opens_or_is_refused(names: list[str], methods: list[int]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, method in zip(names, methods, strict=False):
            try:
                archive.writestr(name, b"<a/>", method)
            except (ValueError, UnicodeEncodeError, IndexError):  # zipfile refuses to write it
                continue
    try:
        open_document(buffer.getvalue(), source="z.docx", error=IngestError)
    except IngestError as exc:
        _one_line(exc, "z.docx")


def test_fuzz_base_document_is_valid(tmp_path: Path) -> None:
    open_package(BASE_DOCX, source="base.docx")
    result = ingest_bytes(BASE_DOCX, filename="base.docx")
    assert result.letter is not None
