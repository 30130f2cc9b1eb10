"""``draftkit send``: send the messages ``merge --format eml`` wrote (a dry run unless --send)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import click

from draftkit.cli._common import (
    InputPath,
    echo,
    echo_error,
    echo_verbose,
    is_quiet,
    output_options,
    run_guarded,
)
from draftkit.delivery import (
    SENT_LOG,
    Outgoing,
    SmtpSettings,
    read_outbox,
    send_outbox,
    smtp_settings,
)
from draftkit.delivery.sending import Security


@click.command()
@click.argument("outdir", type=InputPath(file_okay=False))
@click.option(
    "--dry-run/--send",
    "dry_run",
    default=True,
    show_default=True,
    help="List what would be sent (the default), or send it.",
)
@click.option("--host", metavar="HOST", help="SMTP server [env: DRAFTKIT_SMTP_HOST].")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    help="SMTP port [env: DRAFTKIT_SMTP_PORT; default 587 for starttls, 465 for ssl].",
)
@click.option(
    "--security",
    type=click.Choice(["starttls", "ssl", "none"]),
    help="starttls (default), ssl (TLS from the start) or none (no login unless on this "
    "machine) [env: DRAFTKIT_SMTP_SECURITY].",
)
@click.option(
    "--user", metavar="NAME", help="Login name [env: DRAFTKIT_SMTP_USER]; the password is "
    "read from DRAFTKIT_SMTP_PASSWORD or a keyring.",
)  # fmt: skip
@click.option(
    "--cafile",
    type=InputPath(dir_okay=False),
    help="Trust this CA bundle for the server's certificate (a private server).",
)
@click.option(
    "--rate",
    type=click.FloatRange(min=0, min_open=True),
    default=20.0,
    show_default=True,
    help="Messages per minute at most.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help="Send at most this many in this run (try one first: --limit 1).",
)
@output_options
@run_guarded
def send(
    outdir: Path,
    dry_run: bool,
    host: str | None,
    port: int | None,
    security: str | None,
    user: str | None,
    cafile: Path | None,
    rate: float,
    limit: int | None,
) -> None:
    """Send the .eml messages in OUTDIR over SMTP; without --send, list what would go.

    OUTDIR is a folder 'draftkit merge --format eml' wrote. Each message sent is
    recorded in OUTDIR/sent-log.csv (time, Message-ID, recipient, file); a message in
    the log is never sent again, so after an interruption run the same command again.
    Messages without a recipient address are listed and left alone.

    \b
    Examples:
      draftkit send out/letters/                     # dry run: what would go
      export DRAFTKIT_SMTP_HOST=smtp.example.org DRAFTKIT_SMTP_USER=letters
      export DRAFTKIT_SMTP_PASSWORD=...              # never on the command line
      draftkit send out/letters/ --send --limit 1    # one message first
      draftkit send out/letters/ --send --rate 10
    """
    chosen = cast("Security | None", security)
    outbox = read_outbox(outdir)
    if not outbox:
        echo_error(
            f"{outdir} holds no .eml messages; write them with "
            "'draftkit merge SPEC -r LIST -o OUTDIR --format eml --from ADDRESS'"
        )
        raise SystemExit(1)
    ready = [item for item in outbox if item.state == "ready"]
    if limit is not None:
        ready = ready[:limit]
    if dry_run:
        if not is_quiet():
            for item in outbox:
                echo(_line(item, "would send" if item in ready else None))
        _summary(outbox, ready, sent=None)
        if ready:
            echo("dry run: nothing was sent; add --send to send these", err=True)
        return
    settings: SmtpSettings = smtp_settings(
        host=host, port=port, security=chosen, user=user, cafile=cafile
    )
    echo_verbose(
        f"draftkit: note: sending through {settings.host}:{settings.port}"
        f" ({settings.security}" + (f", as {settings.user}" if settings.user else "") + ")"
    )
    if not is_quiet():
        for item in outbox:
            if item.state != "ready":
                echo(_line(item, None))

    def progress(item: Outgoing) -> None:
        if not is_quiet():
            echo(_line(item, "sent"))

    report = send_outbox(outdir, settings, rate=rate, limit=limit, progress=progress)
    server = f"{settings.host}:{settings.port}"
    elsewhere = sorted({i.sent_via for i in outbox if i.sent_via and i.sent_via != server})
    if elsewhere:
        # a rehearsal against a local server leaves its log behind (issue #18's run)
        counted = sum(1 for i in outbox if i.sent_via in elsewhere)
        echo(
            f"draftkit: warning: {counted} message(s) were not sent now because {SENT_LOG}"
            f" records them as sent through {', '.join(elsewhere)}, not {server}; if that"
            f" was a rehearsal, move {SENT_LOG} away and run again",
            err=True,
        )
    for path, reason in report.refused.items():
        echo(f"draftkit: refused by the server: {path.name}: {reason}", err=True)
    _summary(outbox, ready, sent=len(report.sent))
    if report.refused:
        raise SystemExit(1)


def _line(item: Outgoing, verb: str | None) -> str:
    to = ", ".join(item.to) or "-"
    if verb is None:
        verb = "already sent" if item.state == "sent" else "cannot send" if (
            item.state == "unsendable"
        ) else "not in this run"  # fmt: skip
    tail = f"  ({item.reason})" if item.reason and item.state != "ready" else ""
    return f"{verb}\t{item.path.name}\t{to}\t{item.subject}{tail}"


def _summary(outbox: list[Outgoing], ready: list[Outgoing], *, sent: int | None) -> None:
    done = sum(1 for item in outbox if item.state == "sent")
    unsendable = sum(1 for item in outbox if item.state == "unsendable")
    first = f"{len(ready)} would be sent" if sent is None else f"{sent} sent"
    echo(
        f"{first}, {done} already sent (in {SENT_LOG}), {unsendable} cannot be sent"
        f" — {len(outbox)} messages in total",
        err=True,
    )
