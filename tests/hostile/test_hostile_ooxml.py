"""Hostile Word documents: XML tricks and zip tricks, through every path that opens a .docx.

Sources of the cases:

- XXE and entity expansion in OOXML parts: the python-docx advisory GHSA-34wj-p5jm-2p96
  (entity resolution switched off in 0.8.6), the oxml_xxe toolkit (BuffaloWill/oxml_xxe)
  that plants entities in every part of a .docx, and the original "billion laughs"
  (CVE-2003-1564). With resolution off, python-docx silently drops the text behind an
  entity, so a DTD is refused outright.
- Zip bombs: CVE-2019-9674 (python/cpython#83522: zipfile trusts the declared size),
  python/cpython gh-156002 (bzip2, LZMA and Zstandard members inflated without any bound
  even when read in small chunks), David Fifield's "A better zip bomb" (2019: members that
  overlap in the file), and the 42.zip ratio bomb.
- Zip Slip (Snyk, 2018; CVE-2018-1002202 and siblings): ``../`` and absolute member names.
- Duplicate member names: readers disagree about which of two same-named members counts
  (OPC part names compare case-insensitively, ECMA-376 Part 2 §9.1.1).

Each case runs in a fresh process limited to 2 GiB of address space and 60 s, and must
end with exit code 1, one ``draftkit: error:`` line naming the file (and the part), no
traceback, no file written, within 30 s and 1 GiB of resident memory.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.builders import (
    BILLION_LAUGHS,
    CONTENT_TYPES,
    HIDDEN_TEXT,
    RELS,
    SPEC,
    XXE,
    Entry,
    build,
    crc_of_zeros,
    deflated_zeros,
    document_xml,
    docx,
    local_header,
    paragraphs,
    zipfile_docx,
)
from tests.hostile.harness import assert_bounded, assert_refused, run

MIB = 1024 * 1024


def _utf16_with_dtd() -> bytes:
    text = document_xml(paragraphs(["Dear &xxe;"]), prolog=XXE).replace(
        'encoding="UTF-8"', 'encoding="UTF-16"'
    )
    return b"\xff\xfe" + text.encode("utf-16-le")


def _parameter_entity_in_content_types() -> bytes:
    types = CONTENT_TYPES.replace(
        "<Types ",
        '<!DOCTYPE Types [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>'
        "<Types ",
    )
    return build(
        [
            Entry("[Content_Types].xml", types.encode()),
            Entry("_rels/.rels", RELS.encode()),
            Entry("word/document.xml", document_xml().encode()),
        ]
    )


def _ebcdic() -> bytes:
    text = document_xml().replace('encoding="UTF-8"', 'encoding="IBM037"')
    return docx(text.encode("utf-8"))


def _lying_size() -> bytes:
    # declares 2,000 bytes; inflates to 100 MiB of zeros
    return docx(
        extra=[Entry("word/media/a.bin", raw=deflated_zeros(100 * MIB), size=2000, crc=0)]
    )


def _ratio_bomb() -> bytes:
    # honest headers: 45 MiB of zeros in about 45 KiB (1000:1, under the per-part cap)
    size = 45 * MIB
    return docx(
        extra=[
            Entry("word/media/a.bin", raw=deflated_zeros(size), size=size, crc=crc_of_zeros(size))
        ]
    )


def _declared_total() -> bytes:
    size = 45 * MIB
    raw = deflated_zeros(size)
    return docx(
        extra=[
            Entry(f"word/media/{i}.bin", raw=raw, size=size, crc=crc_of_zeros(size))
            for i in range(5)
        ]
    )


def _declared_part() -> bytes:
    size = 60 * MIB
    return docx(extra=[Entry("word/media/a.bin", raw=deflated_zeros(size), size=size)])


def _duplicate(first: str, second: str) -> bytes:
    return build(
        [
            Entry("[Content_Types].xml", CONTENT_TYPES.encode()),
            Entry("_rels/.rels", RELS.encode()),
            Entry(first, document_xml().encode()),
            Entry(second, document_xml(paragraphs(["Dear Minister,", "Other text."])).encode()),
        ]
    )


def _overlapping() -> bytes:
    size = 10 * MIB
    kernel = Entry("word/media/k.bin", raw=deflated_zeros(size), size=size, crc=crc_of_zeros(size))
    copies = [
        Entry(f"word/media/k{i}.bin", raw=b"", size=size, crc=kernel.crc, same_data_as=kernel.name)
        for i in range(30)
    ]
    return docx(extra=[kernel, *copies])


def _member_inside_member() -> bytes:
    # a stored member whose data holds another member's local header: two readers of the
    # same bytes (Fifield's overlap, with honest names)
    inner = local_header("word/media/inner.xml", b"<a/>", size=4, crc=zlib.crc32(b"<a/>"))
    return docx(
        extra=[
            Entry("word/media/outer.bin", inner, method=0),
            Entry("word/media/inner.xml", b"<a/>", method=0, inside="word/media/outer.bin"),
        ]
    )


def _many_members() -> bytes:
    return docx(extra=[Entry(f"customXml/item{i}.xml", b"<a/>") for i in range(1500)])


def _elements() -> bytes:
    # stored, so that the ratio cap does not stop it first
    return build(
        [
            Entry("[Content_Types].xml", CONTENT_TYPES.encode()),
            Entry("_rels/.rels", RELS.encode()),
            Entry("word/document.xml", document_xml("<w:p/>" * 600_000).encode(), method=0),
        ]
    )


def _deep() -> bytes:
    body = "<w:sdt><w:sdtContent>" * 3000 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 3000
    return docx(document_xml(body))


def _spreadsheet() -> bytes:
    types = CONTENT_TYPES.replace(
        "wordprocessingml.document.main+xml", "spreadsheetml.sheet.main+xml"
    )
    return build(
        [
            Entry("[Content_Types].xml", types.encode()),
            Entry("_rels/.rels", RELS.encode()),
            Entry("word/document.xml", document_xml().encode()),
        ]
    )


def _missing_part() -> bytes:
    rels = RELS.replace("word/document.xml", "word/nowhere.xml")
    return build(
        [
            Entry("[Content_Types].xml", CONTENT_TYPES.encode()),
            Entry("_rels/.rels", rels.encode()),
            Entry("word/document.xml", document_xml().encode()),
        ]
    )


def _odd_numbering() -> bytes:
    body = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>Dear Minister,</w:t></w:r></w:p>"
    )
    return docx(document_xml(body))


CASES: dict[str, tuple[Callable[[], bytes], list[str]]] = {
    "xxe-external-entity": (
        lambda: docx(document_xml(paragraphs(["Dear &xxe;"]), prolog=XXE)),
        ["word/document.xml", "declares a DTD"],
    ),
    "billion-laughs": (
        lambda: docx(document_xml(paragraphs(["&lol9;"]), prolog=BILLION_LAUGHS)),
        ["word/document.xml", "declares a DTD"],
    ),
    "entity-hides-text": (
        lambda: docx(document_xml(paragraphs(["We ask &who; to act."]), prolog=HIDDEN_TEXT)),
        ["word/document.xml", "declares a DTD"],
    ),
    "parameter-entity-in-content-types": (
        _parameter_entity_in_content_types,
        ["[Content_Types].xml", "declares a DTD"],
    ),
    "dtd-in-utf16-part": (lambda: docx(_utf16_with_dtd()), ["word/document.xml", "declares a DTD"]),
    "ebcdic-part": (_ebcdic, ["word/document.xml", "'ibm037'"]),
    "declared-huge-part": (_declared_part, ["word/media/a.bin", "would unpack to 62,914,560"]),
    "declared-huge-total": (_declared_total, ["more than 209,715,200 bytes"]),
    "lying-size-header": (_lying_size, ["word/media/a.bin", "a lying header"]),
    "ratio-bomb": (_ratio_bomb, ["word/media/a.bin", "compressed more than 200:1"]),
    "bzip2-member": (
        lambda: zipfile_docx(zipfile.ZIP_BZIP2),
        ["word/document.xml", "compressed with bzip2"],
    ),
    "lzma-member": (lambda: zipfile_docx(zipfile.ZIP_LZMA), ["compressed with LZMA"]),
    "encrypted-member": (
        lambda: docx(extra=[Entry("word/secret.xml", b"<a/>", flags=0x801)]),
        ["word/secret.xml", "encrypted"],
    ),
    "duplicate-names": (
        lambda: _duplicate("word/document.xml", "word/document.xml"),
        ["two members named 'word/document.xml'"],
    ),
    "duplicate-names-by-case": (
        lambda: _duplicate("word/document.xml", "WORD/Document.xml"),
        ["two members named"],
    ),
    "zip-slip-name": (
        lambda: docx(extra=[Entry("../../.bashrc", b"echo owned")]),
        ["'../../.bashrc'", "climbs out"],
    ),
    "absolute-name": (
        lambda: docx(extra=[Entry("/etc/cron.d/x", b"* * * * * root true")]),
        ["absolute path"],
    ),
    "backslash-name": (
        lambda: docx(extra=[Entry("..\\..\\evil.xml", b"<a/>")]),
        ["backslashes"],
    ),
    "overlapping-members": (_overlapping, ["word/media/k0.bin", "a lying header"]),
    "member-inside-member": (_member_inside_member, ["'word/media/outer.bin'", "overlap"]),
    "local-header-lies": (
        lambda: docx(extra=[Entry("word/a.xml", b"<a/>", local_name="word/b.xml")]),
        ["word/a.xml", "local header names a different file"],
    ),
    "corrupt-deflate": (
        lambda: docx(extra=[Entry("word/a.xml", raw=b"\xff" * 64, size=100)]),
        ["word/a.xml", "deflate data is damaged"],
    ),
    "bad-crc": (
        lambda: docx(extra=[Entry("word/a.xml", b"<a/>", crc=12345)]),
        ["word/a.xml", "checksum does not match"],
    ),
    "truncated": (lambda: docx()[:300], ["damaged or truncated zip"]),
    "too-many-members": (_many_members, ["a .docx may hold at most 1,000"]),
    "ole-container": (
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000,
        ["password-protected document or an old Word .doc"],
    ),
    "half-a-million-elements": (_elements, ["word/document.xml", "500,000 XML elements"]),
    "deep-xml": (_deep, ["word/document.xml", "not well-formed XML"]),
    "malformed-xml": (
        lambda: docx(document_xml()[:-40]),
        ["word/document.xml", "not well-formed XML"],
    ),
    "spreadsheet-as-docx": (_spreadsheet, ["not a Word document: it is an Excel workbook"]),
    "missing-part": (_missing_part, ["'word/nowhere.xml', which is missing"]),
    "odd-numbering-level": (_odd_numbering, ["corrupt Word document"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ingest_refuses(name: str, case: Path) -> None:
    build_case, says = CASES[name]
    (case / "letter.docx").write_bytes(build_case())
    result = run(["ingest", "letter.docx"], case)
    assert_refused(result, names="letter.docx", says=says)
    assert result.stdout == b""


# the same packages through the other doors: check, --annotate, --reference, harvest
DOORS = [
    "xxe-external-entity",
    "billion-laughs",
    "lying-size-header",
    "bzip2-member",
    "duplicate-names",
    "overlapping-members",
]


@pytest.mark.parametrize("name", DOORS)
def test_check_refuses(name: str, case: Path) -> None:
    build_case, says = CASES[name]
    (case / "letter.docx").write_bytes(build_case())
    assert_refused(run(["check", "letter.docx"], case), names="letter.docx", says=says)


@pytest.mark.parametrize("name", DOORS)
def test_check_annotate_refuses(name: str, case: Path) -> None:
    build_case, says = CASES[name]
    (case / "letter.docx").write_bytes(build_case())
    result = run(["check", "letter.docx", "--annotate", "reviewed.docx"], case)
    assert_refused(result, names="letter.docx", says=says)


@pytest.mark.parametrize("name", DOORS)
def test_reference_refuses(name: str, case: Path) -> None:
    build_case, says = CASES[name]
    (case / "house.docx").write_bytes(build_case())
    (case / "letter.yaml").write_text(SPEC, encoding="utf-8")
    args = ["render", "letter.yaml", "-o", "letter.docx", "--reference", "house.docx"]
    assert_refused(run(args, case), names="house.docx", says=says)


@pytest.mark.parametrize("name", DOORS)
def test_harvest_refuses(name: str, case: Path) -> None:
    build_case, says = CASES[name]
    (case / "letter.docx").write_bytes(build_case())
    (case / "library").mkdir()
    (case / "library" / "asks.yaml").write_text("clauses: []\n", encoding="utf-8")
    result = run(["clauses", "harvest", "letter.docx", "--library", "library"], case)
    assert_bounded(result)
    assert result.code == 1, result.describe()
    errors = [line for line in result.lines if line.startswith("draftkit: error:")]
    assert len(errors) == 1 and "letter.docx" in errors[0], result.describe()
    assert all(words in errors[0] for words in says), result.describe()
    # the search index is a cache under $HOME/.cache; nothing else may change
    assert [c for c in result.changed() if not c.startswith(".cache/")] == [], result.describe()


def test_a_house_style_without_section_properties_styles_or_numbering_works(case: Path) -> None:
    """A minimal but valid .docx (no sectPr, styles.xml or numbering.xml) as --reference."""
    (case / "house.docx").write_bytes(docx())
    (case / "letter.yaml").write_text(SPEC, encoding="utf-8")
    args = ["render", "letter.yaml", "-o", "letter.docx", "--reference", "house.docx"]
    result = run(args, case)
    assert_bounded(result)
    assert result.code == 0, result.describe()
    assert result.changed() == ["letter.docx"]
    import docx as python_docx

    document = python_docx.Document(io.BytesIO((case / "letter.docx").read_bytes()))
    texts = [p.text for p in document.paragraphs]
    assert "Dear Secretary Roe:" in texts
    assert "We write about the reporters detained in March." in texts
