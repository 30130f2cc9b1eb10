"""Addressing a letter: forms of address, the inside address, the salutation and its mark.

Compose uses these for every letter; merge uses the very same functions to fill each
recipient's address block and salutation into a letter composed once for their kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from pydantic import ValidationError

from draftkit.errors import ProtocolError, SpecError
from draftkit.languages import catalogue
from draftkit.protocol import AddressForms, address_forms, combined_salutation, default_punctuation
from draftkit.schema import Addressee, LetterOptions

if TYPE_CHECKING:
    from draftkit.recipients import Recipient

__all__ = [
    "addressee_of",
    "derive_salutation",
    "fill_addressee",
    "forms_for",
    "punctuate",
    "salutation_mark",
]


def addressee_of(recipient: Recipient) -> Addressee:
    """A merge recipient as the letter's addressee.

    Raises:
        SpecError: The row cannot be used (its problem, or no name), naming the row.
    """
    try:
        return recipient.addressee()
    except ValidationError as exc:
        raise SpecError(
            f"recipient cannot be addressed: {exc.errors()[0]['msg']}", path=recipient.source
        ) from None


def forms_for(
    who: Addressee,
    style: Literal["common", "formal"],
    where: str,
    language: str | None = None,
    notes: list[str] | None = None,
) -> AddressForms | None:
    """The forms of address of an addressee's office (None when it names no office),
    in the letter's ``language`` (None or ``en``: English).

    An office with no forms in the language gets its English forms, and ``notes`` a
    line saying so (the letter then needs its salutation, address and close written).

    Raises:
        ProtocolError: An unknown office, or an office without the person's name.
    """
    if not who.office:
        return None
    if not who.name:
        raise ProtocolError(
            f"office '{who.office}' needs the person's name",
            where=where,
            hint="add name: to the addressee (or write salutation: and the address yourself)",
        )
    if language not in (None, "en") and not _has_forms(who.office, language):
        if notes is not None:
            notes.append(
                f"{where}: office '{who.office}' has no {language} forms of address; its "
                "English forms are used (write the salutation, the address lines and the "
                "complimentary close in the spec, or see draftkit address --list "
                f"--language {language})"
            )
        language = None
    try:
        return address_forms(
            who.office,
            who.name,
            gender=who.gender,
            status=who.status,
            style=style,
            surname=who.params.get("surname"),
            params=who.params,
            address_lines=who.address_lines or None,
            language=language,
        )
    except ProtocolError as exc:
        raise ProtocolError(exc.message, where=where, hint=exc.hint) from None


def fill_addressee(who: Addressee, forms: AddressForms | None) -> Addressee:
    """The addressee with the office's honorific, title and address lines where it has none."""
    if forms is None:
        return who
    update: dict[str, object] = {}
    if who.honorific is None and forms.honorific:
        update["honorific"] = forms.honorific
    if not who.title_lines and forms.title_lines:
        update["title_lines"] = list(forms.title_lines)
    if not who.address_lines and forms.address_lines:
        update["address_lines"] = list(forms.address_lines)
    return who.model_copy(update=update) if update else who


def salutation_mark(options: LetterOptions, audience: str, language: str | None = None) -> str:
    """The mark after a salutation: the letter's choice, else the audience's (":" or ",").

    ``audience`` is the built-in variant the letter's variant is or extends: a team
    variant extending ``us-congress`` writes a us-congress letter. A letter in another
    language takes that language's mark ("," in French, ":" in Spanish).
    """
    if options.salutation_punctuation:
        return options.salutation_punctuation
    if language not in (None, "en"):
        return catalogue(language).salutation_mark
    return default_punctuation(audience)


def punctuate(salutation: str, mark: str) -> str:
    """``"Dear Ms. Ortiz"`` -> ``"Dear Ms. Ortiz:"``; a salutation ending in "," or ":" stays."""
    text = salutation.strip()
    return text if text.endswith((",", ":", "،")) else text + mark


def derive_salutation(
    addressees: Sequence[Addressee],
    forms: Sequence[AddressForms | None],
    *,
    style: Literal["common", "formal"],
    group: str | None,
    mark: str,
) -> str:
    """The salutation the addressees' offices give ("Dear Senator Risch:").

    Raises:
        SpecError: No addressee, or one without an office.
    """
    if not addressees:
        raise SpecError(
            "no salutation and no addressee to derive it from",
            where="salutation",
            hint="add salutation: or an addressee with an office:",
        )
    for index, found in enumerate(forms):
        if found is None:
            raise SpecError(
                "no salutation, and this addressee has no office to derive it from",
                where=f"addressees[{index}]",
                hint="add salutation: or an office: to the addressee (draftkit address --list)",
            )
    present = [f for f in forms if f is not None]
    return punctuate(combined_salutation(present, style=style, group=group), mark)


def _has_forms(office: str, language: str) -> bool:
    """Whether ``office`` has forms of address in ``language`` (another language's table)."""
    # deferred for start-up time: the other languages' table (and its models) loads only
    # for a letter in another language
    from draftkit.protocol.languages import has_forms

    return has_forms(office, language)
