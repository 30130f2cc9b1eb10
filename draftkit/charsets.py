"""The encoding of a list's bytes: UTF-8, UTF-16, or a Windows code page Excel writes.

:func:`decode_table_text` decodes a CSV/TSV file or a YAML/JSON list for
:func:`draftkit.tables.read_table`: UTF-8 with or without BOM, UTF-16 with a BOM (Excel's
"Unicode Text"), else a Windows code page chosen by charset-normalizer among those Excel
writes (Windows-1252 first when it reads the same), unless one is given.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from draftkit.errors import SpecError
from draftkit.inputs import decode_text

__all__ = ["decode_table_text"]

# Code pages charset-normalizer chooses among when a file is not UTF-8 or UTF-16: what
# Excel's "CSV (Comma delimited)" writes on Windows in Western, Central European,
# Cyrillic, Greek, Turkish and Baltic locales.
_CODE_PAGES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
_CODE_PAGE_NAMES = {
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "cp1253": "Windows-1253",
    "cp1254": "Windows-1254",
    "cp1257": "Windows-1257",
}
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def decode_table_text(
    raw: bytes,
    *,
    path: str | Path,
    hint: str,
    encoding: str | None = None,
) -> tuple[str, str, bool]:
    """Decode a CSV/TSV (or list) file, detecting its encoding.

    UTF-8 (with or without BOM) and UTF-16 with a BOM (or the NUL pattern of UTF-16) are
    read as they are. Other bytes are decoded with the Windows code page that
    charset-normalizer finds most plausible among those Excel writes (Windows-1252,
    -1250, -1251, -1253, -1254, -1257), Windows-1252 when it reads the same. A file that
    mixes valid UTF-8 with other bytes is refused: decoding it either way would garble
    some names.

    Args:
        raw: The bytes.
        path: The file, for messages.
        hint: What to do when the bytes cannot be decoded.
        encoding: A Python codec name to use instead of detecting ("cp1252", "latin-1").

    Returns:
        ``(text, encoding name, detected)``.

    Raises:
        SpecError: An unknown codec, bytes that do not decode, a binary file, or UTF-8
            mixed with another encoding; naming the line.
    """
    if encoding:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise SpecError(
                f"unknown encoding '{encoding}'",
                path=path,
                hint="use a name such as utf-8, cp1252, latin-1, utf-16",
            ) from None
        try:
            text = raw.decode(info.name)
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise SpecError(
                f"not {encoding} text (byte {exc.start})",
                path=path,
                line=line,
                hint="leave out --encoding to detect it",
            ) from None
        return text.removeprefix("\ufeff"), info.name, False
    if raw.startswith(codecs.BOM_UTF8):
        return decode_text(raw, path=path, hint=hint), "UTF-8 with BOM", False
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(raw, path=path, hint=hint), "UTF-16", False
    try:
        return raw.decode("utf-8"), "UTF-8", False
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if b"\x00" in raw:
        # UTF-16 without a BOM is decoded (or refused with its byte) by decode_text
        text = decode_text(raw, path=path, hint=hint)
        return text, "UTF-16", False
    if _UTF8_SEQUENCE.search(raw):
        line = raw.count(b"\n", 0, first_bad) + 1
        raise SpecError(
            f"mixes UTF-8 with another encoding (byte {first_bad} is not UTF-8)",
            path=path,
            line=line,
            hint=hint,
        )
    return (*_code_page(raw), True)


def _code_page(raw: bytes) -> tuple[str, str]:
    """Text and encoding name of bytes in one of the Windows code pages Excel writes.

    charset-normalizer rules out the code pages whose reading is a mess (Cyrillic bytes
    read as Western letters, say). Of those left, the one whose reading puts the fewest
    symbols inside words wins ("Cz³owieka" is Polish read as Windows-1252, "Człowieka"
    as Windows-1250): Windows-1252 on a tie, then charset-normalizer's order, Baltic
    last (its letters sit where Central European ones do).
    """
    from charset_normalizer import from_bytes  # deferred: start-up time

    western = _cp1252(raw)
    readings: dict[str, str] = {}
    for match in from_bytes(raw, cp_isolation=list(_CODE_PAGES)):
        if match.encoding in _CODE_PAGE_NAMES:
            text = str(match)
            readings.setdefault("cp1252" if text == western else match.encoding, text)
    if not readings:
        return western, "Windows-1252"
    order = sorted(readings, key=lambda c: (c != "cp1252", c == "cp1257"))
    best = min(order, key=lambda c: _symbols_in_words(readings[c]))
    return readings[best], _CODE_PAGE_NAMES[best]


def _symbols_in_words(text: str) -> int:
    """Non-ASCII characters that are not letters, standing against a letter."""
    count = 0
    for index, char in enumerate(text):
        if ord(char) < 0x80 or char.isalpha():
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if before.isalpha() or after.isalpha():
            count += 1
    return count


def _cp1252(raw: bytes) -> str:
    """Windows-1252, its five unassigned bytes read as Latin-1 reads them."""
    return raw.decode("cp1252", errors="draftkit-latin1")


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("draftkit-latin1", _latin1_fallback)
