"""Reading provenance back from rendered DOCX files (draftkit.provenance)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from draftkit.errors import IngestError
from draftkit.provenance import (
    MAX_PROPERTIES_BYTES,
    Provenance,
    parse_clause_list,
    provenance_properties,
    read_provenance,
    spec_hash,
)
from draftkit.render import render_docx
from draftkit.schema import Letter, ProvenanceEntry

SPEC = b"salutation: 'Dear Minister,'\nbody: [Text.]\n"


def _letter() -> Letter:
    return Letter(
        audience="un",
        salutation="Dear Minister,",
        body=["We write about the situation."],
        provenance=[
            ProvenanceEntry(place="body[0]", clause="context.situation", version="abc123def456"),
            ProvenanceEntry(place="asks[0]", clause="ask.envoy", version="0123456789ab"),
        ],
    )


def _docx(**extra: str) -> bytes:
    letter = _letter()
    props = provenance_properties(letter, spec_digest=spec_hash(SPEC))
    props.update(extra)
    return render_docx(letter, properties=props)


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_reads_what_render_records(tmp_path: Path) -> None:
    path = tmp_path / "letter.docx"
    path.write_bytes(_docx())
    prov = read_provenance(path)
    assert prov.present
    assert prov.variant == "un"
    assert prov.version
    assert prov.clauses == [
        ("context.situation", "abc123def456"),
        ("ask.envoy", "0123456789ab"),
    ]
    assert prov.spec_sha256 == spec_hash(SPEC)
    assert prov.properties["draftkit.variant"] == "un"


def test_reads_bytes_and_file_objects() -> None:
    data = _docx(**{"house.owner": "Policy team"})
    assert read_provenance(data).variant == "un"
    prov = read_provenance(io.BytesIO(data))
    assert prov.properties["house.owner"] == "Policy team"


def test_matches_spec_compares_bytes(tmp_path: Path) -> None:
    prov = read_provenance(_docx())
    assert prov.matches_spec(SPEC) is True
    assert prov.matches_spec(SPEC + b"# edited\n") is False
    spec = tmp_path / "letter.yaml"
    spec.write_bytes(SPEC)
    assert prov.matches_spec(spec) is True
    assert Provenance().matches_spec(SPEC) is None


def test_summary_names_variant_clauses_and_hash() -> None:
    text = read_provenance(_docx()).summary()
    assert "variant un" in text
    assert "context.situation@abc123def456" in text
    assert "spec sha256" in text


def test_document_without_custom_properties_is_empty() -> None:
    data = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})
    prov = read_provenance(data)
    assert not prov.present
    assert prov.clauses == [] and prov.variant is None


def test_follows_the_package_relationship() -> None:
    rels = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
        b'Target="/props/mine.xml"/></Relationships>'
    )
    custom = (
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/docPropsVTypes"><property fmtid="{x}" pid="2" name="draftkit.variant">'
        b"<vt:lpwstr>eu</vt:lpwstr></property></Properties>"
    )
    prov = read_provenance(_zip({"_rels/.rels": rels, "props/mine.xml": custom}))
    assert prov.variant == "eu"


def test_parse_clause_list() -> None:
    assert parse_clause_list("a@1, b@2") == [("a", "1"), ("b", "2")]
    assert parse_clause_list(" a , ,b@ ") == [("a", ""), ("b", "")]
    assert parse_clause_list("") == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "not a .docx"),
        (b"PK\x03\x04broken", "not a .docx"),
    ],
)
def test_refuses_non_docx(data: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        read_provenance(data)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="file not found"):
        read_provenance(tmp_path / "nope.docx")


def test_refuses_oversized_properties() -> None:
    big = b"<Properties>" + b" " * (MAX_PROPERTIES_BYTES + 10) + b"</Properties>"
    with pytest.raises(IngestError, match="unpacks to"):
        read_provenance(_zip({"docProps/custom.xml": big}))


def test_refuses_entity_declarations() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]>'
        b"<Properties>&lol;</Properties>"
    )
    with pytest.raises(IngestError, match="declares a DTD"):
        read_provenance(_zip({"docProps/custom.xml": bomb}))


def test_malformed_xml() -> None:
    with pytest.raises(IngestError, match="not well-formed"):
        read_provenance(_zip({"docProps/custom.xml": b"<Properties><oops></Properties>"}))
