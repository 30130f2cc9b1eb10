"""Forms of address: which honorific, address block, salutation and close an office takes.

The rules are data. ``draftkit/data/protocol.yaml`` holds one row per office; every form
in a row says where it comes from (a protocol reference with its page or section, or a
house convention with the reason). This module loads and validates that table once, then
turns an office key and a person into the forms a letter needs::

    >>> forms = address_forms("us-secretary-of-state", "Antony J. Blinken")
    >>> forms.salutation
    'Dear Secretary Blinken'
    >>> address_forms("us-secretary-of-state", "Antony J. Blinken",
    ...               gender="male", style="formal").salutation
    'Dear Mr. Secretary'

Two styles: ``formal`` is the references' first choice (for the highest offices the
address names the office, not the person: "The President"); ``common`` is what most
advocacy letters write ("Dear President Biden"). Salutations carry no trailing
punctuation; :func:`default_punctuation` says what a letter for a given audience adds.
Gender is never guessed: without it the row's neutral form is used. See
``docs/protocol.md`` for the format and ``docs/protocol-offices.md`` for the offices.
"""

from __future__ import annotations

from draftkit.protocol.forms import (
    AddressForms,
    address_forms,
    combined_salutation,
    default_punctuation,
    iter_forms,
)
from draftkit.protocol.report import describe_basis, forms_report
from draftkit.protocol.rows import (
    Alternative,
    Citation,
    Gendered,
    OfficeRow,
    OfficeVariant,
    Source,
    StyleForms,
)
from draftkit.protocol.table import cited_works, get_office, offices, salutation_texts, sources

__all__ = [
    "AddressForms",
    "Alternative",
    "Citation",
    "Gendered",
    "OfficeRow",
    "OfficeVariant",
    "Source",
    "StyleForms",
    "address_forms",
    "cited_works",
    "combined_salutation",
    "default_punctuation",
    "describe_basis",
    "forms_report",
    "get_office",
    "iter_forms",
    "offices",
    "salutation_texts",
    "sources",
]
