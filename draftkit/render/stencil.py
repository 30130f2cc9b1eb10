"""A letter rendered once with open places, then filled in for each recipient.

A mail merge writes one letter many times over with only a few places changed: the
inside address, the salutation, the paragraphs that say ``{{ recipient.state }}``. A
:class:`Stencil` is such a letter rendered to DOCX once, with the renderer recording
which blocks of the body hold the text of the open places (:func:`~draftkit.render.layout.
placed_layout` gives each block's places, the renderer each chunk's block). Filling it for
another letter that differs only at those places lays out and sets only the blocks of
those places: their text is typeset (typographic quotes, footnotes written in) and checked
for characters a document cannot hold, escaped into runs and put between the kept XML of
the other blocks; the parts that depend on the addressee (the continuation header, the
core properties) and the custom properties are made again, and the other parts of the
package are reused as they are.

The letter a stencil gives is the letter :meth:`~draftkit.render.word.DocxRenderer.render`
gives. Where a recipient's text would change more than the open blocks (a paragraph that
renders empty and is left out, a link or a footnote in the text, a paragraph whose length
decides whether it keeps with the close), :meth:`Stencil.render` returns None and the
caller renders the letter in full; a letter whose open places a stencil cannot keep
(right-to-left or French text, versions in other languages, enclosures) gets none.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

import draftkit.languages as languages
from draftkit.characters import unwritable_in
from draftkit.markup import resolve_notes
from draftkit.places import Place, text_at
from draftkit.render.blocks import (
    AskBlock,
    Block,
    ItemBlock,
    LineBlock,
    ParaBlock,
    SignatureBlock,
    SignatureTable,
)
from draftkit.render.layout import KEEP_WITH_CLOSE_CHARS, _length, address_lines, placed_layout
from draftkit.render.package import Headers, ZipEntry, build_zip, compress, entry_headers
from draftkit.render.properties import _core_xml, _custom_xml
from draftkit.render.typesetting import _person
from draftkit.render.word import _PER_DOCUMENT, DocxRenderer
from draftkit.render.wordblocks import _Body
from draftkit.schema import Ask, Letter
from draftkit.styles import STYLES
from draftkit.typography import smarten_markup

__all__ = ["Stencil", "make_stencil"]

# the fields whose text layout writes footnotes into (draftkit.render.typesetting.with_notes)
_NOTED = frozenset({"body", "asks_intro", "asks", "closing", "signatory_note"})
_CORE = "docProps/core.xml"
_CUSTOM = "docProps/custom.xml"

Shape = tuple[Any, ...]


def _shape(letter: Letter) -> Shape:
    """How many entries the letter's lists hold (a paragraph left out changes it)."""
    return (
        len(letter.addressees),
        len(letter.body),
        len(letter.closing),
        len(letter.enclosures),
        tuple(len(a.items) if isinstance(a, Ask) else -1 for a in letter.asks),
    )


def _printed(letter: Letter, place: Place, value: str | None) -> str | None:
    """``value`` at ``place`` as layout sets it: footnotes written in, quotes curled."""
    if not value:
        return value
    if letter.footnotes and place[0] in _NOTED:
        value = resolve_notes(value, letter.footnotes)
    if letter.options.quotes != "straight":
        value = smarten_markup(value)
    return value


def _blank(value: Any) -> bool:
    """Empty text (an addressee is never blank: its lines are checked when laid out)."""
    return value is None or (isinstance(value, str) and not value.strip())


@dataclass(slots=True)
class Stencil:
    """A letter rendered once, with the blocks of its open places left to fill.

    Made by :func:`make_stencil`; :meth:`render` fills it for another letter.
    """

    renderer: DocxRenderer
    letter: Letter
    places: frozenset[Place]
    shape: Shape
    pieces: list[str | int]  # kept body XML, or the index of an open block
    blocks: dict[int, tuple[Block, tuple[Place, ...]]]
    before_close: int | None
    num_id: int
    entries: list[ZipEntry]
    headers: list[Headers | None]  # of the parts every letter shares
    document: int
    header: int | None
    core: int
    custom: int
    data: bytes  # the stencil's own letter, rendered in full

    def render(
        self, letter: Letter, *, properties: Mapping[str, str] | None = None
    ) -> bytes | None:
        """The DOCX of ``letter``, which must differ from the stencil's letter only at its
        open places and in ``variables``.

        Returns:
            The bytes :meth:`DocxRenderer.render` gives for ``letter``; None when the
            letter changes more than the open blocks (render it in full: that also
            raises the error a letter that cannot be rendered deserves).
        """
        if _shape(letter) != self.shape or letter.salutation is None:
            return None
        values = [text_at(letter, place) for place in self.places]
        if any(_blank(value) for value in values):
            return None  # left out of the letter: the blocks around it change
        # the letter's other text is the stencil's own, checked when it was laid out
        if unwritable_in([values, letter.variables]) is not None:
            return None
        prep = self.renderer._prepared
        body = _Body(prep.id_prefix, prep.part_prefix)
        filled: dict[int, str] = {}
        for index, (kept, places) in self.blocks.items():
            block = _filled_block(letter, kept, places)
            if block is None:
                return None
            if index == self.before_close and (_length(block) <= KEEP_WITH_CLOSE_CHARS) != (
                _length(kept) <= KEEP_WITH_CLOSE_CHARS
            ):
                return None  # whether it keeps with the close changes
            xml = self.renderer._block(block, self.num_id, body)
            if any(mark in xml for mark in _PER_DOCUMENT):
                return None  # a link or a footnote of its own
            filled[index] = xml
        document = "".join(p if isinstance(p, str) else filled[p] for p in self.pieces)
        entries = list(self.entries)
        entries[self.document] = compress(prep.document_name, document.encode("utf-8"))
        if self.header is not None:
            name = entries[self.header].name
            entries[self.header] = self.renderer._compress(
                name, self.renderer._continuation_xml(letter)
            )
        entries[self.core] = self.renderer._compress(_CORE, _core_xml(letter))
        custom = [*prep.custom_xml_props, *(properties or {}).items()]
        entries[self.custom] = compress(_CUSTOM, _custom_xml(custom).encode("utf-8"))
        return build_zip(entries, self.headers)


def _filled_block(letter: Letter, kept: Block, places: tuple[Place, ...]) -> Block | None:
    """The block at ``places`` of ``letter`` set as layout sets it, ``kept`` the block
    the stencil's own letter has there (its style and settings); None: not one block."""
    place = places[0]
    if isinstance(kept, LineBlock) and place[0] == "addressees":
        person = letter.addressees[int(place[1])]
        if letter.options.quotes != "straight":
            person = _person(person)
        lines = tuple(line for line in address_lines(person) if line.strip())
        return replace(kept, lines=lines) if lines else None
    if isinstance(kept, ParaBlock) and len(places) == 1:
        text = _printed(letter, place, text_at(letter, place))
        if not text:
            return None
        if kept.style == STYLES.SUBJECT:
            text = f"{languages.catalogue(letter.language).subject} {text}"
        return replace(kept, text=text)
    if isinstance(kept, AskBlock) and place[:1] == ("asks",):
        ask = letter.asks[int(place[1])]
        if not isinstance(ask, Ask):
            return None
        return replace(
            kept,
            lead=_printed(letter, place, ask.lead),
            body=_printed(letter, place, ask.body),
        )
    if isinstance(kept, ItemBlock) and len(places) == 1:
        text = _printed(letter, place, text_at(letter, place))
        return replace(kept, text=text) if text else None
    return None


def _before_close(blocks: list[Block], at: Mapping[int, tuple[Place, ...]]) -> int | None:
    """The block layout keeps with the close when it is short (see ``layout``)."""
    for index, block in enumerate(blocks):
        if at.get(index) == (("complimentary_close",),) or isinstance(
            block, SignatureBlock | SignatureTable
        ):
            return index - 1 if index > 0 else None
    return None


def make_stencil(
    renderer: DocxRenderer,
    letter: Letter,
    places: Collection[Place],
    *,
    properties: Mapping[str, str] | None = None,
) -> Stencil | None:
    """Render ``letter`` once, keeping its blocks at ``places`` open.

    Args:
        renderer: The renderer (its reference document).
        letter: A resolved letter.
        places: The places that differ from one letter to the next (``("addressees",
            0)``, ``("salutation",)``, ``("body", 2)`` ...).
        properties: The letter's custom document properties.

    Returns:
        The stencil (its ``data`` is ``letter``'s DOCX); None when these places cannot be
        kept open in this letter (see the module's notes): render each letter in full.

    Raises:
        RenderError: The letter cannot be rendered.
    """
    if (
        letter.translations
        or letter.languages[1:]
        or languages.is_rtl(letter.language)
        or "fr" in (letter.language, *letter.translations)
    ):
        return None
    wanted = frozenset(places)
    if any(_blank(text_at(letter, place)) for place in wanted):
        return None  # the blocks of a place left out are not there to fill
    blocks, at = placed_layout(letter)
    open_blocks = {i: found for i, found in at.items() if wanted.intersection(found)}
    if not wanted <= {p for found in open_blocks.values() for p in found}:
        return None  # a place whose block layout does not record (an enclosure)
    before_close = _before_close(blocks, at)
    check = _Body(renderer._prepared.id_prefix, renderer._prepared.part_prefix)
    num_id = renderer._prepared.first_num_id
    for index, places_of in open_blocks.items():
        # the way the stencil sets these blocks is the way layout set them
        if _filled_block(letter, blocks[index], places_of) != blocks[index]:
            return None
        if any(mark in renderer._block(blocks[index], num_id, check) for mark in _PER_DOCUMENT):
            return None
    rendered = renderer._rendered([letter], properties, blocks)
    owners = rendered.body.owners
    if len(owners) != len(rendered.chunks) or not set(open_blocks) <= set(owners):
        return None  # an open block not kept as built (before the signers' columns)
    prep = renderer._prepared
    pieces: list[str | int] = [prep.doc_prefix]
    for chunk, owner in zip(rendered.chunks, owners, strict=True):
        if owner in open_blocks:
            pieces.append(owner)
        elif isinstance(pieces[-1], str):
            pieces[-1] += chunk
        else:
            pieces.append(chunk)
    tail = rendered.final + prep.doc_tail
    if isinstance(pieces[-1], str):
        pieces[-1] += tail
    else:
        pieces.append(tail)
    names = [entry.name for entry in rendered.entries]
    headers = [name for _, name, _ in rendered.body.headers]
    if len(headers) > 1 or len(set(names)) != len(names):
        return None
    own = {prep.document_name, _CORE, _CUSTOM, *headers}  # the parts each letter makes
    return Stencil(
        renderer=renderer,
        letter=letter,
        places=wanted,
        shape=_shape(letter),
        pieces=pieces,
        blocks={i: (blocks[i], found) for i, found in open_blocks.items()},
        before_close=before_close,
        num_id=num_id,
        entries=rendered.entries,
        headers=[None if e.name in own else entry_headers(e) for e in rendered.entries],
        document=names.index(prep.document_name),
        header=names.index(headers[0]) if headers else None,
        core=names.index(_CORE),
        custom=names.index(_CUSTOM),
        data=build_zip(rendered.entries),
    )
