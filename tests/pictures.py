"""Small PNG pictures drawn in code: logos and signatures for tests and examples.

No image library: each picture is a function of (x, y) giving an RGBA colour, written
as an 8-bit RGBA PNG with zlib. The pictures are draftkit's own, made for its examples.
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable

Colour = tuple[int, int, int, int]
CLEAR: Colour = (255, 255, 255, 0)


def png(width: int, height: int, paint: Callable[[int, int], Colour]) -> bytes:
    """An RGBA PNG of ``width`` x ``height`` whose pixel (x, y) is ``paint(x, y)``."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # no filter
        for x in range(width):
            rows.extend(paint(x, y))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def logo(shape: str, colour: tuple[int, int, int], *, size: int = 160, wide: float = 2.0) -> bytes:
    """A simple logo: a shape (``circle``, ``diamond``, ``bars``, ``ring``, ``triangle``,
    ``wave``) beside three bars standing for a name, on a clear background."""
    width, height = int(size * wide), size
    ink: Colour = (*colour, 255)
    grey: Colour = (90, 90, 90, 255)
    r = size * 0.38
    cx = cy = size / 2

    def mark(x: float, y: float) -> bool:
        dx, dy = x - cx, y - cy
        if shape == "circle":
            return dx * dx + dy * dy <= r * r
        if shape == "ring":
            d = math.hypot(dx, dy)
            return r * 0.6 <= d <= r
        if shape == "diamond":
            return abs(dx) + abs(dy) <= r
        if shape == "triangle":
            return -r <= dy <= r * 0.8 and abs(dx) <= (dy + r) * 0.6
        if shape == "bars":
            return abs(dy) <= r and int((dx + r) // (r / 2.5)) % 2 == 0 and abs(dx) <= r
        if shape == "wave":
            return abs(dy - math.sin(dx / r * math.pi) * r * 0.5) <= r * 0.22 and abs(dx) <= r
        raise ValueError(shape)

    def paint(x: int, y: int) -> Colour:
        if mark(x + 0.5, y + 0.5):
            return ink
        left = size * 1.1
        for number, (top, length) in enumerate(((0.3, 0.85), (0.47, 0.65), (0.64, 0.75))):
            if left <= x <= left + (width - left - size * 0.1) * length and (
                top * size <= y <= (top + 0.1) * size
            ):
                return ink if number == 0 else grey
        return CLEAR

    return png(width, height, paint)


def signature(seed: int, *, width: int = 360, height: int = 110) -> bytes:
    """A handwritten-looking stroke: a few loops of a sum of sines, in dark blue ink."""
    ink: Colour = (20, 40, 110, 255)
    points: list[tuple[float, float]] = []
    for step in range(1400):
        t = step / 1400
        x = 20 + t * (width - 40)
        y = (
            height / 2
            + math.sin(t * (9 + seed) * math.pi) * height * 0.28 * math.cos(t * 3.1 + seed)
            + math.sin(t * 31 + seed) * height * 0.06
        )
        points.append((x, y))
    grid = [[False] * width for _ in range(height)]
    for x, y in points:
        for ox in (-1, 0, 1):
            for oy in (-1, 0, 1):
                px, py = int(x) + ox, int(y) + oy
                if 0 <= px < width and 0 <= py < height:
                    grid[py][px] = True
    return png(width, height, lambda x, y: ink if grid[y][x] else CLEAR)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects``, numbered from 1 (the first is the catalogue), with the
    cross-reference table and trailer a reader needs (written by hand)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _page_objects(streams: list[bytes]) -> list[bytes]:
    """Catalogue, page tree, a page and its content stream per stream, and Helvetica."""
    count = len(streams)
    kids = " ".join(f"{3 + 2 * k} 0 R" for k in range(count))
    font = 3 + 2 * count
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
    ]
    for k, stream in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << "
            f"/F1 {font} 0 R >> >> /Contents {4 + 2 * k} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return objects


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page A4 PDF: a title and lines of text in Helvetica (written by hand)."""
    content = [f"BT /F1 16 Tf 72 770 Td ({_escape(title)}) Tj ET"]
    for number, line in enumerate(lines):
        content.append(f"BT /F1 11 Tf 72 {740 - 16 * number} Td ({_escape(line)}) Tj ET")
    return pdf_from_objects(_page_objects(["\n".join(content).encode("latin-1")]))


def pages_pdf(pages: list[list[str]]) -> bytes:
    """An A4 PDF of several pages: each page's lines in Helvetica from the top down."""
    streams = [
        "\n".join(
            f"BT /F1 11 Tf 72 {780 - 16 * n} Td ({_escape(line)}) Tj ET"
            for n, line in enumerate(lines)
        ).encode("latin-1")
        for lines in pages
    ]
    return pdf_from_objects(_page_objects(streams))
