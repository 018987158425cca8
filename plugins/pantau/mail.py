"""Outgoing mail through the SMTP server the deployment names (PANTAU_SMTP_*).

Without ``PANTAU_SMTP_HOST`` nothing is sent: report deliveries wait in the
outbox and alerts go to the log and ``audit.alert`` only.
"""

from __future__ import annotations

import os
import smtplib
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage


def configured() -> bool:
    return bool(os.environ.get("PANTAU_SMTP_HOST"))


def sender() -> str:
    return os.environ.get("PANTAU_SMTP_FROM", "pantau@localhost")


@contextmanager
def session() -> Iterator[smtplib.SMTP]:
    """A logged-in SMTP session (STARTTLS when a user is configured)."""
    host = os.environ["PANTAU_SMTP_HOST"]
    port = int(os.environ.get("PANTAU_SMTP_PORT", "25"))
    with smtplib.SMTP(host, port, timeout=30) as smtp:
        if os.environ.get("PANTAU_SMTP_USER"):
            smtp.starttls()
            smtp.login(os.environ["PANTAU_SMTP_USER"], os.environ.get("PANTAU_SMTP_PASSWORD", ""))
        yield smtp


def send(message: EmailMessage) -> None:
    with session() as smtp:
        smtp.send_message(message)
