"""The footnotes part of a document (``footnotes.xml``) and its relationships."""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftkit.render.prepared import Prepared
from draftkit.render.wordblocks import _Body
from draftkit.render.wordml import FOOTNOTES_CT, FOOTNOTES_REL, HYPERLINK_REL, R_NS, W_NS
from draftkit.render.wordml import attr as _attr

__all__: list[str] = []


@dataclass(frozen=True, slots=True)
class _NoteParts:
    """What a document with footnotes adds: the parts, a relationship, a content type,
    and the reference's own footnote parts it replaces."""

    parts: list[tuple[str, str]]
    relationship: str
    content_type: str
    replaced: frozenset[str]


_FOOTNOTES_REL_RE = re.compile(r'<Relationship\b[^>]*\bType="[^"]*/relationships/footnotes"[^>]*/>')


def _footnotes_parts(prep: Prepared, body: _Body) -> _NoteParts:
    """``footnotes.xml`` (separators first, then the notes) and its relationships.

    A reference with a footnotes part of its own (a house style saved by Word has one,
    holding only the separators) keeps its relationship and content type; the part is
    replaced. Otherwise ``word/footnotes.xml`` is added (or a free name beside it).
    """
    found = _FOOTNOTES_REL_RE.search(prep.rels_xml)
    names = {entry.name for entry in prep.entries}
    relationship = content_type = ""
    if found:
        target = re.search(r'\bTarget="([^"]+)"', found.group(0))
        raw = target.group(1) if target else "footnotes.xml"
        name = raw.lstrip("/") if raw.startswith("/") else f"word/{raw}"
    else:
        name = "word/footnotes.xml"
        if name in names:  # pragma: no cover - a part no relationship points to
            name = f"{prep.part_prefix}-footnotes.xml"
        relationship = (
            f'<Relationship Id="{prep.id_prefix}Notes" Type="{FOOTNOTES_REL}" '
            f'Target="{name.removeprefix("word/")}"/>'
        )
        content_type = f'<Override PartName="/{name}" ContentType="{FOOTNOTES_CT}"/>'
    folder, _, file = name.rpartition("/")
    rels_name = f"{folder}/_rels/{file}.rels"
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" '
        'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing '
        'w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">{separators}'
        f"{''.join(body.notes)}</w:footnotes>"
    )
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{HYPERLINK_REL}" '
        f'Target="{_attr(url)}" TargetMode="External"/>'
        for url, rid in body.note_links.items()
    )
    parts = [(name, xml)]
    if rels:
        parts.append(
            (
                rels_name,
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}'
                "</Relationships>",
            )
        )
    return _NoteParts(parts, relationship, content_type, frozenset({name, rels_name}))
