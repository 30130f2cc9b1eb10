"""DOCX output through a reference document (python-docx) and named styles.

The reference document (the bundled ``default.docx`` or a house style passed as
``--reference``) supplies fonts, margins, headers, footers and letterhead; the letter's
parts take its named paragraph and character styles (see
:class:`~draftkit.styles.STYLES`). A reference that lacks some of draftkit's
styles gets them copied from the bundled document, and one without page numbers or a
header for pages 2 onward gets draftkit's "Page X of Y" footer and, per letter, a
continuation header (addressee and date), so any Word file can serve as a house
style. Pagination (keep with next, keep lines together) is written on the paragraphs,
and signers in columns are unsplittable table rows in a two-column section: the rules
hold in Word and in LibreOffice whatever the house style's styles say.

The reference is prepared once (:mod:`draftkit.render.reference`, the only module that
imports ``docx``) and its pieces kept on disk (:mod:`draftkit.render.prepared`);
:class:`DocxRenderer` caches them per path and modification time in a process. Each
letter then costs only the body XML, its deflate, and copying the reference's other
parts, which were compressed once.

The XML of each block is :mod:`draftkit.render.wordblocks`'s; the section properties
(:mod:`~draftkit.render.sections`), right-to-left text (:mod:`~draftkit.render.bidi`),
the footnotes part (:mod:`~draftkit.render.footnotes`), the localized footer
(:mod:`~draftkit.render.footers`) and the document properties
(:mod:`~draftkit.render.properties`) have modules of their own.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import draftkit.languages as languages
from draftkit.errors import RenderError
from draftkit.render.bidi import _right_to_left
from draftkit.render.blocks import Block, ParaBlock, SignatureTable
from draftkit.render.footers import _localized_footers
from draftkit.render.footnotes import _footnotes_parts
from draftkit.render.layout import layout, running_header
from draftkit.render.package import ZipEntry, build_zip, compress
from draftkit.render.prepared import prepared_for
from draftkit.render.properties import _core_xml, _custom_xml
from draftkit.render.sections import _main_sect, _plain_sect, _wants_continuation, _with_sect
from draftkit.render.wordblocks import _LETTERHEAD_BOX, BlockWriter, _Body, _run, _version_num
from draftkit.render.wordml import HEADER_CT, HEADER_REL, HYPERLINK_REL, IMAGE_REL, R_NS, W_NS
from draftkit.render.wordml import attr as _attr
from draftkit.render.wordml import num_xml as _num_xml
from draftkit.schema import Letter
from draftkit.shipped import DEFAULT_REFERENCE
from draftkit.styles import STYLES

__all__ = ["DocxRenderer", "default_reference", "renderer_for"]

_MEMO_LIMIT = 4096  # blocks whose XML a renderer keeps
_PER_DOCUMENT = ('r:id="', "<w:footnoteReference", "r:embed=")


def default_reference() -> Path:
    """The bundled reference document (``templates/default.docx``, see :mod:`draftkit.shipped`)."""
    return DEFAULT_REFERENCE


class DocxRenderer(BlockWriter):
    """Renders resolved letters to DOCX bytes against one reference document.

    Args:
        reference: A ``.docx`` whose styles, page setup, headers and footers are used;
            the bundled ``default.docx`` when None. What it lacks is inherited from the
            bundled document: draftkit's styles, "Page X of Y" on later pages, the
            continuation header.

    Raises:
        RenderError: The reference cannot be read as a Word document.
    """

    def __init__(self, reference: str | Path | None = None) -> None:
        self.reference = Path(reference) if reference is not None else default_reference()
        self._prepared = prepared_for(self.reference)
        self._memo: dict[tuple[Block, int], str] = {}
        self._deflated: dict[tuple[str, str], ZipEntry] = {}

    @property
    def style_ids(self) -> Mapping[str, str]:
        """Style name to style id in the prepared reference."""
        return self._prepared.style_ids

    @property
    def continuation_part(self) -> str:
        """The part name of the first letter's continuation header (``word/….xml``)."""
        return f"{self._prepared.part_prefix}1.xml"

    def render(self, letter: Letter, *, properties: Mapping[str, str] | None = None) -> bytes:
        """Render one letter.

        Args:
            letter: A resolved letter.
            properties: Custom document properties to record (provenance).

        Returns:
            The DOCX file's bytes.
        """
        return self.render_many([letter], properties=properties)

    def render_many(
        self, letters: Sequence[Letter], *, properties: Mapping[str, str] | None = None
    ) -> bytes:
        """Render several letters into one document, each starting on a new page.

        Each letter is a section of its own: its asks restart their numbering at 1, its
        pages are counted from 1 and it has its own continuation header. In a combined
        document draftkit's footer reads "Page N" (no client counts a section's pages
        reliably: LibreOffice does not compute ``SECTIONPAGES``).

        Args:
            letters: Resolved letters (at least one).
            properties: Custom document properties to record.

        Returns:
            The DOCX file's bytes.
        """
        return build_zip(self._rendered(letters, properties).entries)

    def _rendered(
        self,
        letters: Sequence[Letter],
        properties: Mapping[str, str] | None,
        blocks: list[Block] | None = None,
    ) -> _Rendered:
        """The parts of the document of ``letters`` (``blocks``: the one letter's, laid out
        already), and how its body XML was put together."""
        if not letters:
            raise RenderError("nothing to render: no letters given")
        prep = self._prepared
        body = _Body(prep.id_prefix, prep.part_prefix)
        parts: list[str] = []
        combined = len(letters) > 1
        final = ""
        for index, letter in enumerate(letters):
            laid = blocks if blocks is not None and not combined else self._layout(letter)
            noted = len(body.notes)
            chunks, last_sect = self._letter_xml(
                letter, laid, prep.first_num_id + index, body, restart=combined
            )
            if languages.is_rtl(letter.language):
                chunks = [_right_to_left(chunk) for chunk in chunks]
                last_sect = _right_to_left(last_sect)
                # the letter's footnotes are set right to left as its text is
                body.notes[noted:] = [_right_to_left(note) for note in body.notes[noted:]]
            if index < len(letters) - 1:
                chunks[-1] = _with_sect(chunks[-1], last_sect)
            else:
                final = last_sect
            parts.extend(chunks)
        document = prep.doc_prefix + "".join(parts) + final + prep.doc_tail
        first = letters[0]
        dynamic = [compress(prep.document_name, document.encode("utf-8"))]
        extra_rels = "".join(
            f'<Relationship Id="{rid}" Type="{HYPERLINK_REL}" '
            f'Target="{_attr(url)}" TargetMode="External"/>'
            for url, rid in body.links.items()
        ) + "".join(
            f'<Relationship Id="{rid}" Type="{HEADER_REL}" Target="{name.removeprefix("word/")}"/>'
            for rid, name, _ in body.headers
        )
        entries = prep.entries
        extra_types = ""
        if body.notes:
            notes = _footnotes_parts(prep, body)
            entries = [e for e in entries if e.name not in notes.replaced]
            extra_rels += notes.relationship
            extra_types += notes.content_type
            dynamic += [compress(name, xml.encode("utf-8")) for name, xml in notes.parts]
        for rid, name, image in body.images.values():
            target = name.removeprefix("word/")
            extra_rels += f'<Relationship Id="{rid}" Type="{IMAGE_REL}" Target="{target}"/>'
            extra_types += f'<Override PartName="/{name}" ContentType="{image.content_type}"/>'
            dynamic.append(ZipEntry(name, image.data, zlib.crc32(image.data), len(image.data), 0))
        rels = prep.rels_xml.replace("</Relationships>", extra_rels + "</Relationships>")
        dynamic.append(self._compress(prep.rels_name, rels))
        for _, name, xml in body.headers:
            dynamic.append(self._compress(name, xml))
        types = prep.content_types_xml.replace(
            "</Types>",
            "".join(
                f'<Override PartName="/{name}" ContentType="{HEADER_CT}"/>'
                for _, name, _ in body.headers
            )
            + extra_types
            + "</Types>",
        )
        dynamic.append(self._compress("[Content_Types].xml", types))
        dynamic += prep.combined_entries if combined else prep.single_entries
        # a bilingual letter's other versions number their asks from 1 with lists of their own
        versions = [
            _version_num(prep.first_num_id + i, j)
            for i, each in enumerate(letters)
            for j in range(1, len(each.languages))
        ]
        if combined or versions:
            nums = "".join(
                _num_xml(prep.first_num_id + i, prep.abstract_id) for i in range(1, len(letters))
            ) + "".join(_num_xml(num, prep.abstract_id) for num in versions)
            numbering = prep.numbering_xml.replace("</w:numbering>", nums + "</w:numbering>")
            dynamic.append(compress(prep.numbering_name, numbering.encode("utf-8")))
        else:
            dynamic.append(prep.numbering_entry)
        dynamic.append(self._compress("docProps/core.xml", _core_xml(first)))
        custom = [*prep.custom_xml_props, *(properties or {}).items()]
        dynamic.append(compress("docProps/custom.xml", _custom_xml(custom).encode("utf-8")))
        return _Rendered(
            _localized_footers([*entries, *dynamic], first.language), body, parts, final
        )

    def _compress(self, name: str, xml: str) -> ZipEntry:
        """A part deflated, or the same part of an earlier letter again (merged letters
        share their relationships, content types and often their properties)."""
        key = (name, xml)
        entry = self._deflated.get(key)
        if entry is None:
            entry = compress(name, xml.encode("utf-8"))
            if len(self._deflated) >= _MEMO_LIMIT // 16:
                self._deflated.clear()
            self._deflated[key] = entry
        return entry

    # -- body -------------------------------------------------------------------------

    def _layout(self, letter: Letter) -> list[Block]:
        """The letter's blocks (a hook: the redline of :mod:`draftkit.diff` sets its own)."""
        return layout(letter)

    def _block_xml(self, block: Block, num_id: int, body: _Body) -> str:
        """A block's XML, built once: letters repeat most of their blocks.

        A merged letter shares its context paragraphs, asks and signatures with the
        letters before it; blocks are immutable values, so their XML is reused. A block
        holding a hyperlink or a footnote is built again, since its relationship id or
        note number is one document's.
        """
        key = (block, num_id)
        xml = self._memo.get(key)
        if xml is None:
            xml = self._block(block, num_id, body)
            # a block with a link, a footnote or a picture refers to this document's parts
            if not any(mark in xml for mark in _PER_DOCUMENT):
                if len(self._memo) >= _MEMO_LIMIT:
                    self._memo.clear()
                self._memo[key] = xml
        return xml

    def _letter_xml(
        self, letter: Letter, blocks: list[Block], num_id: int, body: _Body, *, restart: bool
    ) -> tuple[list[str], str]:
        """The letter's paragraphs, section breaks placed, and its last section's ``sectPr``.

        A letter is one section, or three when its signers are set in columns: the
        letter up to the close, the signers in a continuous section of two columns, and
        what follows them (note, enclosures, cc) back in one column.
        """
        prep = self._prepared
        chunks: list[str] = []
        owners = body.owners = []  # kept beside chunks: which block each chunk holds
        if not prep.has_letterhead and letter.sender.logo:
            picture = self._picture(
                letter.sender.logo,
                f"Logo of {letter.sender.organization or 'the sender'}",
                _LETTERHEAD_BOX,
                body,
                "sender.logo",
            )
            chunks.append(self._p(STYLES.LETTERHEAD_NAME, picture, keep_next=True))
        if not prep.has_letterhead and letter.sender.organization:
            chunks.append(self._lines(STYLES.LETTERHEAD_NAME, [letter.sender.organization]))
            address = " · ".join(letter.sender.address_lines)
            chunks.append(self._lines(STYLES.LETTERHEAD_ADDRESS, [address]))
        owners += [None] * len(chunks)
        table_at: int | None = None
        previous: Block | None = None
        for number, block in enumerate(blocks):
            xml = self._block_xml(block, num_id, body)
            if isinstance(block, SignatureTable):
                table_at = len(chunks)
            elif (
                isinstance(previous, SignatureTable)
                and isinstance(block, ParaBlock)
                and block.style == STYLES.SIGNATORY_NOTE
            ):
                # the note goes in the last signer's row, under the signers: a row never
                # splits, so the note never starts a page or a column alone
                last_cell = chunks[-1].rfind("</w:tc>")
                chunks[-1] = chunks[-1][:last_cell] + xml + chunks[-1][last_cell:]
                owners[-1] = None
                previous = block
                continue
            chunks.append(xml)
            owners.append(number)
            previous = block
        if not chunks:
            chunks.append(_EMPTY_P)
            owners.append(None)
        header_rid = None
        if _wants_continuation(letter, prep):
            header_rid = body.header_id(self._continuation_xml(letter))
        main = _main_sect(prep, header_rid, restart=restart)
        if table_at is None:
            return chunks, main
        if table_at == 0:
            chunks.insert(0, _EMPTY_P)
            owners.insert(0, None)
            table_at = 1
        chunks[table_at - 1] = _with_sect(chunks[table_at - 1], main)
        owners[table_at - 1] = None
        # a table cannot end a section: a paragraph of no height carries the break
        columns_end = table_at + 1
        chunks.insert(columns_end, _with_sect(_END_P, _plain_sect(prep, columns=2)))
        owners.insert(columns_end, None)
        if columns_end == len(chunks) - 1:
            # Word balances columns only before a section break, so a (one-column)
            # section always follows, even when nothing is left to put in it
            chunks.append(_END_P)
            owners.append(None)
        return chunks, _plain_sect(prep, columns=1)

    def _continuation_xml(self, letter: Letter) -> str:
        who, when = running_header(letter)
        text = " · ".join(part for part in (who, when) if part)
        style_id = self._prepared.style_ids[STYLES.CONTINUATION]
        # no page number here: the footer of pages 2 onward always carries one (the house
        # style's, or draftkit's "Page X of Y"), and a page numbered twice looks careless
        paragraph = f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>{_run("", text)}</w:p>'
        if languages.is_rtl(letter.language):
            paragraph = _right_to_left(paragraph)
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{paragraph}</w:hdr>'
        )


@dataclass(frozen=True, slots=True)
class _Rendered:
    """A rendered document before it is zipped: its parts (in package order), the
    per-document state, its body chunks and the last section's properties."""

    entries: list[ZipEntry]
    body: _Body
    chunks: list[str]
    final: str


_EMPTY_P = "<w:p><w:pPr></w:pPr></w:p>"
# the paragraph that closes a document whose signers end it: as small as a line can be
_END_P = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>'
)


@functools.lru_cache(maxsize=8)
def _renderer_cached(path: str, mtime: int) -> DocxRenderer:
    return DocxRenderer(path)


def renderer_for(reference: str | Path | None = None) -> DocxRenderer:
    """A cached :class:`DocxRenderer` for ``reference`` (re-read when the file changes)."""
    path = Path(reference) if reference is not None else default_reference()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise RenderError(
            f"cannot read the reference document ({exc.strerror})",
            path=path,
            hint="check the --reference path",
        ) from None
    return _renderer_cached(str(path), mtime)
