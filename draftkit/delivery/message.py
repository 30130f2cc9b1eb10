"""One letter as a ready-to-send e-mail (RFC 5322), built with the standard library.

The letter is the message's plain-text body and is attached as ``.docx`` (and ``.pdf``
when asked). Addresses are checked here, once: a header is never built from a cell that
holds a line break, a second address or no ``@``.
"""

from __future__ import annotations

import email.utils
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from typing import Any

from draftkit.errors import DeliveryError

__all__ = [
    "EMAIL_COLUMNS",
    "MIME_TYPES",
    "Attachment",
    "MailSettings",
    "build_message",
    "check_address",
    "contact_form_of",
    "email_of",
    "message_id_for",
]

EMAIL_COLUMNS = ("email", "e_mail", "email_address", "e_mail_address", "mail")
"""Recipient columns read as the e-mail address (names as the list's header, loosely)."""

MIME_TYPES: dict[str, tuple[str, str]] = {
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("application", "pdf"),
}

_ADDR_SPEC = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


@dataclass(frozen=True, slots=True)
class MailSettings:
    """Who a merge's messages come from, and what they carry.

    Attributes:
        sender: The From address (``Name <addr@example.org>`` or ``addr@example.org``).
        reply_to: The Reply-To address, if replies should go elsewhere.
        attach_pdf: Attach a PDF of the letter beside the ``.docx``.
    """

    sender: str
    reply_to: str | None = None
    attach_pdf: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to a message: its name, content and kind (``docx`` or ``pdf``)."""

    filename: str
    data: bytes
    kind: str


def check_address(text: str, what: str) -> Address:
    """One e-mail address, with or without a display name, checked.

    Args:
        text: ``Name <addr@example.org>`` or ``addr@example.org``.
        what: What the address is, for the message ("the From address").

    Raises:
        DeliveryError: Not exactly one well-formed address (a line break, a comma
            between two addresses, no ``@`` ...).
    """
    if any(ch in text for ch in "\r\n\t\0"):
        raise DeliveryError(f"{what} holds a line break or a control character")
    found = email.utils.getaddresses([text])
    name, addr = found[0] if len(found) == 1 else ("", "")
    if not addr or not _ADDR_SPEC.match(addr) or addr.count("@") != 1:
        raise DeliveryError(
            f"{what} {text!r} is not one e-mail address",
            hint="write it as name@example.org or 'Name <name@example.org>'",
        )
    local, domain = addr.split("@")
    return Address(display_name=name, username=local, domain=domain)


def _variable(variables: Mapping[str, Any], names: Sequence[str]) -> str | None:
    for name in names:
        value = variables.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def email_of(variables: Mapping[str, Any]) -> str | None:
    """The e-mail address a recipient's columns give (``email``, ``E-mail address`` ...)."""
    return _variable(variables, EMAIL_COLUMNS)


def contact_form_of(variables: Mapping[str, Any]) -> str | None:
    """The web contact form a recipient's columns give (the congress data has one)."""
    return _variable(variables, ("contact_form",))


def message_id_for(sender: Address, *parts: str) -> str:
    """A Message-ID that depends only on ``parts``: the same letter to the same person
    keeps its Message-ID when it is made again, so a sending log recognises it."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]
    return f"<draftkit.{digest}@{sender.domain}>"


def build_message(
    *,
    settings: MailSettings,
    to: Address | None,
    subject: str,
    text: str,
    attachments: Sequence[Attachment],
    message_id: str,
    date: datetime | None = None,
) -> EmailMessage:
    """A complete message: headers, the letter as text, the attachments.

    Args:
        settings: From, Reply-To.
        to: The recipient; None leaves the To header out (a message that is not sent).
        subject: The subject (whitespace, line breaks included, is collapsed).
        text: The letter as plain text (the body).
        attachments: The letter as files.
        message_id: From :func:`message_id_for`.
        date: The Date header (now when None).

    Raises:
        DeliveryError: The From or Reply-To address is not one address.
    """
    message = EmailMessage(policy=SMTP)
    message["From"] = check_address(settings.sender, "the From address")
    if to is not None:
        message["To"] = to
    if settings.reply_to:
        message["Reply-To"] = check_address(settings.reply_to, "the Reply-To address")
    message["Subject"] = " ".join(subject.split())
    message["Date"] = email.utils.format_datetime(date or datetime.now().astimezone())
    message["Message-ID"] = message_id
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    for attachment in attachments:
        maintype, subtype = MIME_TYPES[attachment.kind]
        message.add_attachment(
            attachment.data, maintype=maintype, subtype=subtype, filename=attachment.filename
        )
    return message
