"""Alerts for failed tasks: mail when SMTP is configured, always a log line and an audit row.

Airflow calls :func:`on_task_failure` as every Pantau task's failure callback.
A callback must never fail itself, so each channel's failure is logged and
the others still run.
"""

from __future__ import annotations

import logging
import os
import smtplib
from dataclasses import asdict, dataclass
from email.message import EmailMessage

from pantau import mail
from pantau.orchestration.errors import describe, is_transient

log = logging.getLogger(__name__)
MESSAGE_LIMIT = 2000


@dataclass(frozen=True)
class Alert:
    dag_id: str
    task_id: str
    run_id: str | None
    map_index: int | None
    try_number: int | None
    error_class: str | None
    message: str
    transient: bool

    @property
    def subject(self) -> str:
        return f"[Pantau] {self.dag_id}.{self.task_id} gagal (failed)"

    def line(self) -> str:
        where = f"{self.dag_id}.{self.task_id}"
        if self.map_index is not None and self.map_index >= 0:
            where += f"[{self.map_index}]"
        kind = "transient" if self.transient else "not retryable"
        return (f"ALERT {where} run {self.run_id} try {self.try_number} ({kind}): "
                f"{self.error_class}: {self.message}")


def alert_from(exception: BaseException | None, dag_id: str, task_id: str,
               run_id: str | None = None, map_index: int | None = None,
               try_number: int | None = None) -> Alert:
    if exception is None:
        return Alert(dag_id, task_id, run_id, map_index, try_number, None,
                     "failed without an exception", False)
    text = describe(exception).split(": ", 1)[-1]
    return Alert(dag_id, task_id, run_id, map_index, try_number, type(exception).__name__,
                 text[:MESSAGE_LIMIT], is_transient(exception))


def recipients() -> list[str]:
    return [a.strip() for a in os.environ.get("PANTAU_ALERT_EMAIL", "").split(",") if a.strip()]


def _mail(alert: Alert, to: list[str]) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = mail.sender(), ", ".join(to), \
        alert.subject
    message.set_content(alert.line() + "\n\nDetail: task log in Airflow; audit.alert.\n")
    mail.send(message)


def _record(alert: Alert, channel: str, mail_error: str | None, url: str | None) -> None:
    """One row of audit.alert (``orchestration/record_alert.sql``)."""
    from pantau.warehouse import sql_files
    from pantau.warehouse.connection import connect

    with connect("loader", url=url) as conn:
        conn.execute(sql_files.render("orchestration/record_alert.sql"),
                     {**asdict(alert), "channel": channel, "mail_error": mail_error})
        conn.commit()


def raise_alert(alert: Alert, url: str | None = None) -> str:
    """Send ``alert`` through every channel that works; return the one that carried it."""
    channel, mail_error = "log", None
    to = recipients()
    if mail.configured() and to:
        try:
            _mail(alert, to)
            channel = "smtp"
        except (OSError, smtplib.SMTPException) as exc:
            mail_error = f"{type(exc).__name__}: {exc}"[:500]
            log.error("alert mail failed: %s", mail_error)
    log.error(alert.line())
    try:
        _record(alert, channel, mail_error, url)
    except Exception:  # the warehouse may be what failed; the log line above stands
        log.exception("could not record the alert in audit.alert")
    return channel


def on_task_failure(context) -> None:
    """Airflow failure callback (``on_failure_callback``) of every Pantau task."""
    ti = context["ti"]
    raise_alert(alert_from(context.get("exception"), ti.dag_id, ti.task_id,
                           getattr(ti, "run_id", None), getattr(ti, "map_index", None),
                           getattr(ti, "try_number", None)))
