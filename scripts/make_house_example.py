"""Build examples/house-style.docx: a sample organisation's reference document.

It shows what a team's own house style looks like: a logo and address in the first-page
header (so draftkit prints no text letterhead), Georgia-like serif body text at 11.5 pt,
A4 paper with 25 mm margins, and a footer with the organisation's registration line.
The logo is drawn here (a PNG written with zlib) so the example needs no image files.

    python scripts/make_house_example.py
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
TEAL = (0x0B, 0x5D, 0x63)


def logo_png(width: int = 240, height: int = 80) -> bytes:
    """A simple two-tone wordmark block: a teal square and three bars."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            inside_square = 8 <= x < 72 and 8 <= y < 72
            bar = 88 <= x < 232 and any(top <= y < top + 12 for top in (14, 34, 54))
            short = x >= 200 and 54 <= y < 66
            colour = TEAL if (inside_square or (bar and not short)) else (255, 255, 255)
            row += bytes(colour)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def main() -> None:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(11.5)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    section.different_first_page_header_footer = True
    header = section.first_page_header
    paragraph = header.paragraphs[0]
    paragraph.add_run().add_picture(io.BytesIO(logo_png()), width=Mm(36))
    line = header.add_paragraph()
    run = line.add_run("Lakeside Rights Alliance")
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(*TEAL)
    address = header.add_paragraph(
        "Rue des Exemples 12 · 1202 Geneva · Switzerland · lakeside.example"
    )
    address.runs[0].font.size = Pt(8.5)
    address.paragraph_format.space_after = Pt(18)
    footer = section.first_page_footer.paragraphs[0]
    footer.text = "Lakeside Rights Alliance is a registered association under Swiss law."
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.runs[0].font.size = Pt(8)
    document.add_paragraph("(The body of this document is replaced by each letter.)")
    out = ROOT / "examples" / "house-style.docx"
    document.save(str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
