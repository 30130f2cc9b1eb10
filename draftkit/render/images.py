"""Images a letter carries: organisation logos, signature images, a letterhead logo.

Only PNG and JPEG files are accepted. A file is read whole (at most
:data:`MAX_IMAGE_BYTES`) and only its header is parsed, here, without an image library:
the width and height in pixels, which must be at most :data:`MAX_IMAGE_SIDE` each and
:data:`MAX_IMAGE_PIXELS` together. draftkit never decodes the pixels; the bounds keep a
"decompression bomb" (a small file declaring an enormous picture) out of the documents
it writes, so Word, LibreOffice or a PDF viewer never has to decode one.

Paths in a spec are relative to the spec's folder
(:meth:`~draftkit.schema.Letter.with_files_from`).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from draftkit.errors import RenderError
from draftkit.inputs import read_input

__all__ = [
    "MAX_IMAGE_BYTES",
    "MAX_IMAGE_PIXELS",
    "MAX_IMAGE_SIDE",
    "Image",
    "fit",
    "read_image",
]

MAX_IMAGE_BYTES = 5 * 1024 * 1024
"""An image file may be at most this large (a logo or a signature is far smaller)."""
MAX_IMAGE_SIDE = 10_000
"""An image may be at most this many pixels wide and high."""
MAX_IMAGE_PIXELS = 40_000_000
"""An image may hold at most this many pixels (width x height)."""

_PNG = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers carry the size (not DHT C4, JPG C8, DAC CC)
_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


@dataclass(frozen=True, slots=True)
class Image:
    """An image file's bytes and what its header says.

    Attributes:
        path: The file.
        data: Its bytes.
        kind: ``png`` or ``jpeg``.
        width: Width in pixels.
        height: Height in pixels.
    """

    path: Path
    data: bytes
    kind: Literal["png", "jpeg"]
    width: int
    height: int

    @property
    def content_type(self) -> str:
        """The MIME type (``image/png`` or ``image/jpeg``)."""
        return f"image/{self.kind}"


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in a JPEG's start-of-frame segment (None when there is none)."""
    index = 2
    end = len(data)
    while index + 4 <= end:
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            index += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no frame header seen
            return None
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if length < 2:
            return None
        if marker in _SOF:
            if index + 9 > end:
                return None
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return int(width), int(height)
        index += 2 + length
    return None


def read_image(path: str | Path, *, where: str | None = None) -> Image:
    """Read a PNG or JPEG file and check its declared size.

    Args:
        path: The file.
        where: The spec field naming it (``signatories[2].image``), for errors.

    Raises:
        RenderError: Missing, a folder, too large, not a PNG or JPEG, or declaring more
            pixels than the bounds allow; one line naming the file.
    """
    path = Path(path)
    data = read_input(path, limit=MAX_IMAGE_BYTES, error=RenderError, what="image")
    kind: Literal["png", "jpeg"]
    if data.startswith(_PNG):
        kind, size = "png", _png_size(data)
    elif data.startswith(b"\xff\xd8\xff"):
        kind, size = "jpeg", _jpeg_size(data)
    else:
        raise RenderError(
            "is not a PNG or JPEG image",
            path=path,
            where=where,
            hint="save the logo or signature as .png (or .jpg) and point to that file",
        )
    if size is None:
        raise RenderError(
            f"is a damaged {kind.upper()} file (its size cannot be read)",
            path=path,
            where=where,
            hint="open it in an image editor and save it again",
        )
    width, height = size
    if not (0 < width <= MAX_IMAGE_SIDE and 0 < height <= MAX_IMAGE_SIDE) or (
        width * height > MAX_IMAGE_PIXELS
    ):
        raise RenderError(
            f"declares {width:,} x {height:,} pixels; draftkit takes images of at most "
            f"{MAX_IMAGE_SIDE:,} pixels a side and {MAX_IMAGE_PIXELS:,} in all",
            path=path,
            where=where,
            hint="scale it down (a logo needs some 600 pixels across)",
        )
    return Image(path, data, kind, width, height)


def fit(image: Image, max_width: int, max_height: int) -> tuple[int, int]:
    """The largest size within ``max_width`` x ``max_height`` (any unit) keeping the
    image's proportions."""
    scale = min(max_width / image.width, max_height / image.height)
    return max(1, int(image.width * scale)), max(1, int(image.height * scale))
