"""Where each form comes from: the report `draftkit address` prints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from draftkit.protocol.forms import AddressForms, _fill, address_forms
from draftkit.protocol.rows import Citation, Gender, OfficeRow, Source, Status, Style
from draftkit.protocol.table import _sources_or_empty, get_office

# --------------------------------------------------------------------------- reports


def _citation_report(cite: Citation, refs: Mapping[str, Source]) -> dict[str, Any]:
    if cite.source is None:
        return {"source": None, "convention": True, "why": cite.where}
    ref = refs.get(cite.source)
    return {
        "source": cite.source,
        "convention": False,
        "title": ref.title if ref else cite.source,
        "edition": ref.edition if ref else None,
        "url": ref.url if ref else None,
        "where": cite.where,
    }


def describe_basis(
    row: OfficeRow, refs: Mapping[str, Source] | None = None
) -> dict[str, dict[str, Any]]:
    """Every form of a row with its citations, ready for JSON.

    Returns:
        ``{field: {"basis": "sourced" | "convention", "citations": [...]}}`` in
        :meth:`OfficeRow.cited_fields` order; a citation is ``{"source", "title",
        "edition", "url", "where"}`` or ``{"source": None, "convention": True, "why"}``.
    """
    refs = _sources_or_empty() if refs is None else refs
    return {
        name: {
            "basis": "sourced" if row.sourced(name) else "convention",
            "citations": [_citation_report(c, refs) for c in row.citations(name)],
        }
        for name in row.cited_fields()
    }


def _printed_forms(styles: Mapping[str, AddressForms], style: str) -> dict[str, list[list[str]]]:
    """The lines each form field already prints for this person, by field.

    An alternative equal to one of them is no alternative here: ``draftkit address``
    would print the same line twice (the Western Australian premier's "MLA" name line
    when ``member=MLA`` is given).
    """
    chosen = styles[style]
    kept = len(chosen.block) - len(chosen.address_lines)
    salutations = [[forms.salutation] for forms in styles.values()]
    closes = [[forms.complimentary_close] for forms in styles.values()]
    return {
        "honorific": [[chosen.honorific]] if chosen.honorific else [],
        "name_line": [[chosen.named_line]],
        "title_lines": [chosen.title_lines],
        "address_lines": [chosen.address_lines],
        "office_lines": [chosen.block[:kept]],
        "block": [forms.block_lines() for forms in styles.values()],
        "salutation_formal": salutations,
        "salutation_common": salutations,
        "complimentary_close_formal": closes,
        "complimentary_close": closes,
    }


def forms_report(
    office: str,
    name: str,
    *,
    gender: Gender | None = None,
    status: Status = "current",
    style: Style = "common",
    surname: str | None = None,
    params: Mapping[str, str] | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """Both styles' forms for a person, the alternatives and where each form comes from.

    This is what ``draftkit address --format json`` prints.

    Args:
        office: An office key.
        name: The person's name.
        gender: ``"female"``, ``"male"`` or ``None``.
        status: ``current``, ``acting`` or ``former``.
        style: The style the letter uses (``formal`` or ``common``).
        surname: The surname for salutations (derived when omitted).
        params: Template parameters.
        language: The language of the forms (``fr``, ``es``, ``ar``; None = English).

    Returns:
        A JSON-ready mapping: ``office``, ``label``, ``jurisdiction``, ``country``,
        ``organization``, ``status``, ``style``, ``name``, ``surname``, ``styles`` (for
        ``formal`` and ``common``: ``block``, ``salutation``, ``complimentary_close``),
        ``missing_params``, ``alternatives`` and ``basis`` (see :func:`describe_basis`).

    Raises:
        ProtocolError: As :func:`address_forms`.
    """
    row = get_office(office)
    if language not in (None, "en"):
        # deferred: the languages file is read only when asked for
        from draftkit.protocol.languages import language_office, language_sources

        translated = language_office(office, str(language))
        row = translated.row
        params = {**translated.params_for(gender), **(params or {})}
    styles: dict[str, AddressForms] = {
        each: address_forms(
            office,
            name,
            gender=gender,
            status=status,
            style=each,
            surname=surname,
            params=params,
            language=language,
        )
        for each in ("formal", "common")
    }
    chosen = styles[style]
    values: dict[str, str] = dict(row.defaults)
    values.update({k: str(v) for k, v in (params or {}).items() if str(v).strip()})
    values.update(name=chosen.name, surname=chosen.surname, honorific=chosen.honorific or "")
    refs = _sources_or_empty()
    if language not in (None, "en"):
        refs = {**refs, **language_sources()}
    printed = _printed_forms(styles, style)
    alternatives = []
    for alt in row.alternatives:
        lines = [_fill(line, values) or line for line in alt.lines(gender)]
        if lines in printed.get(alt.field, []):
            continue  # the form this person already gets (a parameter chose it)
        alternatives.append(
            {
                "field": alt.field,
                "form": " / ".join(lines),
                "lines": lines,
                "note": alt.note,
                "citations": [_citation_report(c, refs) for c in alt.cite],
            }
        )
    return {
        "office": row.key,
        "label": row.label,
        "jurisdiction": row.jurisdiction,
        "country": row.country,
        "organization": row.organization,
        "status": status,
        "style": style,
        "name": chosen.name,
        "surname": chosen.surname,
        "honorific": chosen.honorific,
        "styles": {
            each: {
                "block": forms.block_lines(),
                "salutation": forms.salutation,
                "complimentary_close": forms.complimentary_close,
            }
            for each, forms in styles.items()
        },
        "missing_params": chosen.missing_params,
        "alternatives": alternatives,
        "basis": describe_basis(row, refs),
        "language": language or "en",
    }
