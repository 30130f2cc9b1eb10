"""Images in letters: logos, signature images, a letterhead logo; safe reading."""

from __future__ import annotations

import io
import os
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from draftkit.errors import RenderError
from draftkit.render import render_docx, render_docx_many, render_markdown, render_text
from draftkit.render.images import MAX_IMAGE_BYTES, read_image
from draftkit.schema import Letter
from draftkit.shipped import DEFAULT_REFERENCE
from tests.helpers import W, part
from tests.pictures import logo, png, signature

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "coalition-detentions.yaml"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


@pytest.fixture
def pictures(tmp_path: Path) -> Path:
    shapes = ["circle", "diamond", "bars", "ring", "triangle", "wave"]
    for index, shape in enumerate(shapes):
        (tmp_path / f"logo{index}.png").write_bytes(logo(shape, (40, 60, 90), size=40))
    (tmp_path / "sig.png").write_bytes(signature(1, width=120, height=40))
    return tmp_path


def _letter(folder: Path, logos: int = 6, **extra: object) -> Letter:
    signers: list[dict[str, object]] = [
        {"name": "Ana Ruiz", "title_lines": ["Director"], "image": str(folder / "sig.png")},
        {"name": "David Okafor", "image": str(folder / "sig.png"), "image_alt": "D. Okafor"},
    ]
    signers += [
        {"name": f"Org {n}", "kind": "organization", "image": str(folder / f"logo{n}.png")}
        for n in range(logos)
    ]
    data: dict[str, object] = {
        "addressees": [{"name": "Elena Marsh"}],
        "salutation": "Dear Minister Marsh,",
        "body": ["We write about the detentions."],
        "complimentary_close": "Yours sincerely,",
        "signatories": signers,
    }
    data.update(extra)
    return Letter.model_validate(data)


# -- reading images safely ------------------------------------------------------------


def test_png_and_jpeg_headers_give_the_size(tmp_path: Path) -> None:
    path = tmp_path / "a.png"
    path.write_bytes(png(7, 3, lambda x, y: (0, 0, 0, 255)))
    image = read_image(path)
    assert (image.kind, image.width, image.height) == ("png", 7, 3)
    with zipfile.ZipFile(DEFAULT_REFERENCE) as archive:  # a JPEG Word itself wrote
        jpeg = archive.read("docProps/thumbnail.jpeg")
    (tmp_path / "t.jpg").write_bytes(jpeg)
    image = read_image(tmp_path / "t.jpg")
    assert image.kind == "jpeg" and image.width > 0 and image.height > 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a" + b"\0" * 20, "is not a PNG or JPEG image"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDX" + b"\0" * 8, "damaged PNG"),
        (b"\xff\xd8\xff\xd9", "damaged JPEG"),
        # a decompression bomb: a tiny file declaring 60,000 x 60,000 pixels
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + struct.pack(">II", 60_000, 60_000), "60,000 x"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + struct.pack(">II", 9_000, 9_000), "40,000,000 in all"),
    ],
)
def test_odd_and_huge_images_are_refused(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "x.png"
    path.write_bytes(data)
    with pytest.raises(RenderError, match=message) as caught:
        read_image(path, where="signatories[0].image")
    assert "x.png" in str(caught.value) and "signatories[0].image" in str(caught.value)


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    with path.open("wb") as handle:
        handle.truncate(MAX_IMAGE_BYTES + 1)
    with pytest.raises(RenderError, match="at most"):
        read_image(path)


# -- DOCX -----------------------------------------------------------------------------


def _drawings(data: bytes) -> list[tuple[str, str]]:
    xml = part(data, "word/document.xml")
    return re.findall(r'<wp:docPr id="(\d+)" name="[^"]*" descr="([^"]*)"/>', xml)


def test_signatures_stand_above_the_typed_names_with_alt_text(pictures: Path) -> None:
    data = render_docx(_letter(pictures, logos=0))
    document = docx.Document(io.BytesIO(data))
    shown = [
        (p.style.name, p.text, bool(p._p.findall(f".//{WP}inline"))) for p in document.paragraphs
    ]
    at = shown.index(("Signature Name", "Ana Ruiz", False))
    assert shown[at - 1] == ("Signature Name", "", True)
    assert [alt for _, alt in _drawings(data)] == ["Signature of Ana Ruiz", "D. Okafor"]
    # the picture keeps with the name
    picture = document.paragraphs[[p.text for p in document.paragraphs].index("Ana Ruiz") - 1]
    assert picture._p.find(f"{W}pPr/{W}keepNext") is not None


def test_six_logos_in_two_rows_of_three_and_each_file_stored_once(pictures: Path) -> None:
    data = render_docx(_letter(pictures))
    document = docx.Document(io.BytesIO(data))
    table = document.tables[-1]
    assert [len(row.cells) for row in table.rows] == [3, 3]
    alts = [alt for _, alt in _drawings(data)]
    assert alts[2:] == [f"Logo of Org {n}" for n in range(6)]
    ids = [number for number, _ in _drawings(data)]
    assert len(set(ids)) == len(ids)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    media = [n for n in names if n.startswith("word/media/draftkit-image")]
    assert len(media) == 7  # the signature file once, six logos
    types = part(data, "[Content_Types].xml")
    assert all(f'PartName="/{n}" ContentType="image/png"' in types for n in media)


@pytest.mark.parametrize(("count", "rows"), [(1, [1]), (4, [4]), (5, [3, 3]), (9, [3, 3, 3])])
def test_logo_rows_are_even(pictures: Path, count: int, rows: list[int]) -> None:
    for n in range(6, count):
        (pictures / f"logo{n}.png").write_bytes((pictures / "logo0.png").read_bytes())
    document = docx.Document(io.BytesIO(render_docx(_letter(pictures, logos=count))))
    assert [len(row.cells) for row in document.tables[-1].rows] == rows


def test_letterhead_logo_only_without_a_house_letterhead(pictures: Path) -> None:
    sender = {"organization": "Lake Region Rights Coalition", "logo": str(pictures / "logo0.png")}
    letter = _letter(pictures, logos=0, sender=sender)
    alts = [alt for _, alt in _drawings(render_docx(letter))]
    assert alts[0] == "Logo of Lake Region Rights Coalition"
    house = ROOT / "examples" / "house-style.docx"  # has its own letterhead
    alts = [alt for _, alt in _drawings(render_docx(letter, reference=house))]
    assert "Logo of Lake Region Rights Coalition" not in alts


def test_combined_letters_share_image_parts(pictures: Path) -> None:
    data = render_docx_many([_letter(pictures), _letter(pictures)])
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert len([n for n in names if n.startswith("word/media/draftkit-image")]) == 7
    ids = [number for number, _ in _drawings(data)]
    assert len(ids) == 16 and len(set(ids)) == 16


def test_flowing_formats_leave_pictures_out(pictures: Path) -> None:
    letter = _letter(pictures)
    assert ".png" not in render_markdown(letter) and ".png" not in render_text(letter)
    assert "Org 5" in render_text(letter)


def test_missing_image_is_one_clear_error(pictures: Path) -> None:
    (pictures / "logo3.png").unlink()
    with pytest.raises(RenderError, match="image not found") as caught:
        render_docx(_letter(pictures))
    assert "logo3.png" in str(caught.value)


def test_docx_with_pictures_validates(pictures: Path) -> None:
    from tests.ooxml import assert_valid_docx, need_schemas

    need_schemas()
    sender = {"organization": "Coalition", "logo": str(pictures / "logo1.png")}
    assert_valid_docx(render_docx(_letter(pictures, sender=sender)), "letter with pictures")


# -- the example, from the CLI --------------------------------------------------------


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "draftkit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_example_renders_from_any_folder_with_paths_relative_to_the_spec(tmp_path: Path) -> None:
    out = tmp_path / "letter.docx"
    result = _cli("render", str(EXAMPLE), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    alts = [alt for _, alt in _drawings(data)]
    assert alts.count("Signature of Ana Ruiz") == 1 and len(alts) == 9  # letterhead, 2, 6
    assert part(data, "word/footnotes.xml").count("<w:footnote w:id=") == 3
    from tests.ooxml import assert_valid_docx, need_schemas

    need_schemas()
    assert_valid_docx(data, "examples/coalition-detentions.yaml")


def test_cli_names_a_missing_image_and_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "letter.yaml"
    spec.write_text(
        "addressees: [{name: Elena Marsh}]\nsalutation: 'Dear Minister,'\n"
        "body: [We write.]\nclosing: []\ncomplimentary_close: 'Yours,'\n"
        "signatories: [{name: Ana Ruiz, image: sig/ana.png}]\n",
        encoding="utf-8",
    )
    out = tmp_path / "letter.docx"
    result = _cli("render", str(spec), "-o", str(out), cwd=ROOT)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{tmp_path / 'sig' / 'ana.png'}" in result.stderr and "image not found" in result.stderr
    assert not out.exists()
