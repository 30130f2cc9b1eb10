"""The names a template, a clause or the spec's own text may use: one context for all.

A variant's blocks, a clause's wording and a templated string in the spec
(``"We write on behalf of {{ sender_name }}"``) see the same names, built here once per
letter (:func:`letter_names`) and once per addressee (:func:`addressee_names`), so that
``render`` and ``merge`` can never disagree about what ``sender_name`` is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from draftkit.schema import Addressee, Letter

if TYPE_CHECKING:
    from draftkit.protocol import AddressForms
    from draftkit.recipients import Recipient

__all__ = ["CONTEXT_NAMES", "addressee_names", "context", "letter_names"]

CONTEXT_NAMES = frozenset(
    {
        "letter",
        "variables",
        "variant",
        "coalition",
        "organizations",
        "individuals",
        "sender_name",
        "recipient",
        "recipients",
        "recipient_forms",
        "office_close",
        "today",
        "signer_count",
    }
)
"""Names every template sees besides the letter's fields and its variables."""


def letter_names(letter: Letter, variant: str) -> dict[str, Any]:
    """The names that come from the letter itself, whoever it is addressed to.

    Returns:
        ``data`` (the letter's fields but addressees, provenance and variables), the
        sender and signer names (``sender_name``: the sender organisation, else the only
        organisation that signs, else the organisation of a single signer), ``variant``
        and ``today``.
    """
    data = letter.model_dump(mode="python", exclude={"provenance", "variables", "addressees"})
    signers = letter.signatories
    organizations = [s.name for s in signers if s.kind == "organization"]
    sender_name = letter.sender.organization
    if not sender_name and len(organizations) == 1:
        sender_name = organizations[0]
    if not sender_name and len(signers) == 1 and signers[0].organization:
        sender_name = signers[0].organization
    return {
        "data": data,
        "variant": variant,
        "coalition": letter.sender.coalition,
        "organizations": organizations,
        "individuals": [s.model_dump() for s in signers if s.kind == "individual"],
        "signer_count": len(signers),
        "sender_name": sender_name,
        "today": dt.date.today(),
    }


def addressee_names(
    addressees: Sequence[Addressee],
    forms: Sequence[AddressForms | None],
    *,
    style: str = "common",
    recipient: Recipient | None = None,
    index: int | None = None,
) -> dict[str, Any]:
    """The names that come from who the letter is addressed to.

    ``recipient`` is the first addressee as printed (honorific, title and address lines
    filled from the office), with ``surname``, ``salutation`` (the office's form, without
    punctuation, or the recipient's own), ``key``, ``index`` and, for a recipient of a
    mail merge, every column of their row (also under ``recipient.variables``).
    """
    dumped = [who.model_dump(mode="python") for who in addressees]
    first = next((f for f in forms if f is not None), None)
    person: dict[str, Any] | None = None
    if dumped:
        own = forms[0] if forms else None
        columns = dict(recipient.variables) if recipient is not None else {}
        office_salutation = None
        if own is not None:
            office_salutation = (
                own.salutation_formal if style == "formal" else own.salutation_common
            )
        person = {
            **columns,
            **dumped[0],
            "surname": own.surname if own is not None else (recipient and recipient.surname),
            "salutation": (recipient.salutation if recipient is not None else None)
            or office_salutation,
            "key": recipient.key if recipient is not None else None,
            "index": index,
            "variables": columns,
        }
    return {
        "addressees": dumped,
        "recipients": dumped,
        "recipient": person,
        "recipient_forms": (
            {**first.model_dump(), "excellency": first.excellency} if first is not None else None
        ),
        "office_close": first.complimentary_close if first is not None else None,
    }


def context(
    letter_part: Mapping[str, Any],
    addressee_part: Mapping[str, Any],
    variables: Mapping[str, Any],
) -> dict[str, Any]:
    """The whole context: variables by name, the letter's fields, then the named values.

    A variable that shares a name with a field of the letter or a named value is hidden
    by it (compose warns; ``variables.NAME`` still reaches it).
    """
    data = {**letter_part["data"], "addressees": addressee_part["addressees"]}
    return {
        **variables,
        **data,
        "letter": data,
        "variables": dict(variables),
        **{k: v for k, v in letter_part.items() if k != "data"},
        **{k: v for k, v in addressee_part.items() if k != "addressees"},
    }
