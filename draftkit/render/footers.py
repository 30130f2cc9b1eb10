"""draftkit's "Page N of M" footer in the letter's language."""

from __future__ import annotations

import functools
import zlib

import draftkit.languages as languages
from draftkit.render.package import ZipEntry, compress
from draftkit.render.wordml import t as _t

__all__: list[str] = []


_PAGE_RUN = f"<w:r>{_t('Page ')}</w:r>"
_OF_RUN = f"<w:r>{_t(' of ')}</w:r>"


@functools.lru_cache(maxsize=64)
def _localized_footer(entry: ZipEntry, language: str) -> ZipEntry:
    """A footer part with draftkit's "Page N of M" in ``language`` (others unchanged)."""
    raw = zlib.decompress(entry.data, -15) if entry.method == 8 else entry.data
    xml = raw.decode("utf-8")
    if _PAGE_RUN not in xml:
        return entry
    words = languages.catalogue(language)
    before, _, rest = words.page_of.partition("{page}")
    between = rest.partition("{pages}")[0]
    xml = xml.replace(_PAGE_RUN, f"<w:r>{_t(before)}</w:r>").replace(
        _OF_RUN, f"<w:r>{_t(between)}</w:r>"
    )
    return compress(entry.name, xml.encode("utf-8"))


def _localized_footers(entries: list[ZipEntry], language: str) -> list[ZipEntry]:
    """``entries`` with draftkit's own page-number footer in the letter's language.

    The footer is part of the prepared reference (shared by every letter); a letter in
    another language gets a copy of the footer parts with its words ("Page 2 sur 3",
    "Página 2 de 3"). A house style's own footer is left as it is.
    """
    if language == languages.DEFAULT_LANGUAGE:
        return entries
    return [
        _localized_footer(e, language)
        if e.name.startswith("word/footer") and e.name.endswith(".xml")
        else e
        for e in entries
    ]
