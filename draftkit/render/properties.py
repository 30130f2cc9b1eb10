"""A document's core properties (title, author, dates) and custom properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from draftkit.markup import plain
from draftkit.render.wordml import attr as _attr
from draftkit.render.wordml import text as _text
from draftkit.schema import Letter

__all__: list[str] = []


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _core_xml(letter: Letter) -> str:
    title = letter.subject or (
        f"Letter to {letter.addressees[0].label()}" if letter.addressees else "Letter"
    )
    subject = plain(letter.subject or "", links=False)
    author = letter.sender.organization or (
        letter.signatories[0].organization or letter.signatories[0].name
        if letter.signatories
        else "draftkit"
    )
    created = (
        dt.datetime.combine(letter.date, dt.time(12, 0))
        if letter.date
        else dt.datetime(2000, 1, 1, 12, 0)
    )
    stamp = _iso(created)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_text(plain(title, links=False))}</dc:title>"
        f"<dc:subject>{_text(subject)}</dc:subject>"
        f"<dc:creator>{_text(author)}</dc:creator>"
        f"<cp:lastModifiedBy>{_text(author)}</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _custom_xml(properties: Sequence[tuple[str, str]]) -> str:
    seen: dict[str, str] = {}
    for name, value in properties:
        seen[name] = value
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" '
        f'name="{_attr(name)}"><vt:lpwstr>{_text(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(seen.items(), start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{items}</Properties>'
    )
