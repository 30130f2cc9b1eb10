"""Letters out by e-mail: messages built from letters, and sent over SMTP.

``message`` makes one RFC 5322 message of a letter (the letter as text and as
attachments); ``sending`` sends a folder of ``.eml`` files — a dry run by default —
paced, logged in ``sent-log.csv`` and resumable. ``draftkit merge --format eml`` writes
the folder; ``draftkit send`` sends it::

    from draftkit.delivery import read_outbox, send_outbox, smtp_settings

    for item in read_outbox("out/letters"):        # what would go (the dry run)
        print(item.state, item.path.name, item.to)
    report = send_outbox("out/letters", smtp_settings(), rate=20)
"""

from __future__ import annotations

from draftkit.delivery.message import (
    MIME_TYPES,
    Attachment,
    MailSettings,
    build_message,
    check_address,
    contact_form_of,
    email_of,
    message_id_for,
)
from draftkit.delivery.sending import (
    ENV_PREFIX,
    SENT_LOG,
    Outgoing,
    SendReport,
    SmtpSettings,
    read_outbox,
    send_outbox,
    smtp_settings,
)

__all__ = [
    "ENV_PREFIX",
    "MIME_TYPES",
    "SENT_LOG",
    "Attachment",
    "MailSettings",
    "Outgoing",
    "SendReport",
    "SmtpSettings",
    "build_message",
    "check_address",
    "contact_form_of",
    "email_of",
    "message_id_for",
    "read_outbox",
    "send_outbox",
    "smtp_settings",
]
