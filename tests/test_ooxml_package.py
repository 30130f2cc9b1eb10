"""The safe package reader (draftkit.ooxml), called directly.

The validity of what draftkit writes is tested in test_ooxml.py.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from draftkit.errors import IngestError, RenderError
from draftkit.ooxml import (
    MAX_PART_BYTES,
    open_document,
    open_package,
    parse_part,
    read_package_file,
)
from tests.hostile.builders import (
    CONTENT_TYPES,
    RELS,
    XXE,
    Entry,
    build,
    document_xml,
    docx,
    paragraphs,
)


def test_a_valid_package_reads_member_by_member() -> None:
    package = open_package(docx(), source="letter.docx")
    assert package.names == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
    assert b"Dear Minister," in (package.read("word/document.xml") or b"")
    assert package.read("word/missing.xml") is None
    assert "word/document.xml" in package


def test_a_word_document_written_by_python_docx_opens() -> None:
    docx = pytest.importorskip("docx")
    buffer = io.BytesIO()
    made = docx.Document()
    made.add_paragraph("Dear Minister,")
    made.save(buffer)
    document = open_document(buffer.getvalue(), source="made.docx")
    assert [p.text for p in document.paragraphs] == ["Dear Minister,"]


def test_the_error_class_is_the_callers_and_names_file_and_part() -> None:
    data = docx(document_xml(paragraphs(["Dear &xxe;"]), prolog=XXE))
    with pytest.raises(RenderError) as info:
        open_document(data, source="house.docx", error=RenderError)
    assert str(info.value).startswith("house.docx: word/document.xml: the part declares a DTD")


def test_members_are_checked_when_read_without_verifying_the_package() -> None:
    data = docx(extra=[Entry("docProps/custom.xml", b"<a/>" * 10, size=4)])
    package = open_package(data, source="p.docx", verify=False)  # the directory is fine
    with pytest.raises(IngestError, match=r"docProps/custom.xml: .*a lying header"):
        package.read("docProps/custom.xml")
    with pytest.raises(IngestError, match="unpacks to 40 bytes"):
        open_package(docx(extra=[Entry("a.xml", b"<a/>" * 10)]), verify=False).read(
            "a.xml", limit=10
        )


def test_images_may_hold_a_doctype_but_xml_parts_may_not() -> None:
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>'
    types = CONTENT_TYPES.replace(
        "</Types>", '<Default Extension="svg" ContentType="image/svg+xml"/></Types>'
    )
    parts = [
        Entry("[Content_Types].xml", types.encode()),
        Entry("_rels/.rels", RELS.encode()),
        Entry("word/document.xml", document_xml().encode()),
    ]
    # an image python-docx keeps as bytes (an Illustrator SVG) is not refused ...
    open_package(build([*parts, Entry("word/media/logo.svg", svg)]), source="logo.docx")
    # ... but the same bytes as an XML part are
    with pytest.raises(IngestError, match=r"logo\.xml: the part declares a DTD"):
        open_package(build([*parts, Entry("word/media/logo.xml", svg)]), source="logo.docx")


def test_parse_part_refuses_dtds_and_names_bad_xml() -> None:
    with pytest.raises(IngestError, match=r"x\.docx: a\.xml: the part declares a DTD"):
        parse_part(b'<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>', part="a.xml", source="x.docx")
    with pytest.raises(IngestError, match=r"a\.xml: the part is not well-formed XML"):
        parse_part(b"<a><b></a>", part="a.xml", source="x.docx")
    assert parse_part(b"<a><b/></a>", part="a.xml", source="x.docx")[0].tag == "b"


def test_read_package_file_refuses_folders_missing_and_large_files(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a folder"):
        read_package_file(tmp_path)
    with pytest.raises(IngestError, match="file not found"):
        read_package_file(tmp_path / "nowhere.docx")
    big = tmp_path / "big.docx"
    with big.open("wb") as handle:
        handle.truncate(2000)
    with pytest.raises(RenderError, match=r"a \.docx may be at most 1,000"):
        read_package_file(big, error=RenderError, limit=1000)


def test_declared_sizes_are_checked_before_anything_is_inflated() -> None:
    member = Entry("word/a.bin", raw=b"\x03\x00", size=MAX_PART_BYTES + 1, crc=0)
    with pytest.raises(IngestError, match="would unpack to 52,428,801 bytes"):
        open_package(docx(extra=[member]), source="big.docx", verify=False)


def test_a_zip_written_by_zipfile_with_deflate_is_accepted() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/", "")  # folder entries are allowed
    open_package(buffer.getvalue(), source="z.docx")


def test_a_minimal_house_style_gives_a_valid_document(tmp_path: Path) -> None:
    """No sectPr, styles or numbering part in the reference: the letter is still valid OOXML."""
    from draftkit.build import prepare_letter
    from draftkit.render import render_docx
    from tests.conftest import EXAMPLES
    from tests.ooxml import assert_valid_docx, need_schemas

    need_schemas()
    house = tmp_path / "house.docx"
    house.write_bytes(docx())
    letter, _ = prepare_letter(EXAMPLES / "secretary-of-state.yaml")
    assert_valid_docx(render_docx(letter, reference=house), "letter on a minimal house style")
