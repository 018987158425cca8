"""Delivering reports: an outbox per recipient, SMTP when configured, a ledger that never resends.

Recipients per region come from a TOML file (``PANTAU_RECIPIENTS``, default
``var/recipients.toml``; see ``reports/recipients.example.toml``)::

    [regions."62.71"]
    recipients = ["kesbangpol@palangkaraya.go.id"]

A report (period, region, content SHA-256) goes to each recipient once: the
ledger ``audit.report_delivery`` is unique on it. Files are copied to
``var/outbox/<recipient>/<period>/<region>/``; with ``PANTAU_SMTP_HOST`` set,
queued and failed rows are mailed (PDF and XLSX attached) and a failure is
kept with its error for the next run.
"""

from __future__ import annotations

import os
import shutil
import smtplib
import tomllib
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import psycopg

from pantau import mail
from pantau.config import Settings, get_settings
from pantau.warehouse import sql_files

ATTACHED = ("report.pdf", "report.xlsx")


@dataclass
class DeliveryResult:
    queued: int = 0
    sent: int = 0
    failed: list[str] = field(default_factory=list)


def recipients(settings: Settings | None = None) -> dict[str, list[str]]:
    settings = settings or get_settings()
    path = Path(os.environ.get("PANTAU_RECIPIENTS", settings.var_dir / "recipients.toml"))
    if not path.exists():
        return {}
    regions = tomllib.loads(path.read_text(encoding="utf-8")).get("regions", {})
    return {code: list(entry.get("recipients", [])) for code, entry in regions.items()}


def queue(conn: psycopg.Connection, period: str, settings: Settings | None = None) -> int:
    """Copy the period's latest reports into the outbox of each recipient not yet served."""
    settings = settings or get_settings()
    wanted = recipients(settings)
    runs = conn.execute(sql_files.render("reports/latest_report_runs.sql", settings),
                        {"period": period}).fetchall()
    enqueue = sql_files.render("reports/queue_delivery.sql", settings)
    queued = 0
    for region, output_dir, content in runs:
        for recipient in wanted.get(region, []):
            outbox = settings.var_dir / "outbox" / recipient / period / region
            row = conn.execute(enqueue, {
                "recipient": recipient, "period": period, "region_code": region,
                "content_sha256": content, "outbox_path": str(outbox)}).fetchone()
            if row is None:
                continue  # this content already went (or waits) for this recipient
            outbox.mkdir(parents=True, exist_ok=True)
            for item in Path(output_dir).iterdir():
                if item.is_file():  # a province's folder also holds its regencies' folders
                    shutil.copy2(item, outbox / item.name)
                elif item.name == "audit":  # the report's audit pack goes with it
                    shutil.copytree(item, outbox / item.name, dirs_exist_ok=True)
            queued += 1
    return queued


def _message(sender: str, recipient: str, period: str, region: str, outbox: Path):
    message = EmailMessage()
    message["From"], message["To"] = sender, recipient
    message["Subject"] = f"Laporan pemantauan orang asing dan TKA {region} periode {period}"
    message.set_content(
        f"Terlampir laporan pemantauan orang asing dan tenaga kerja asing wilayah {region} "
        f"periode {period} (PDF dan lampiran XLSX), disusun dengan Pantau.\n")
    for name in ATTACHED:
        path = outbox / name
        if path.exists():
            subtype = "pdf" if name.endswith(".pdf") else \
                "vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            message.add_attachment(path.read_bytes(), maintype="application", subtype=subtype,
                                   filename=name)
    return message


def send(conn: psycopg.Connection, settings: Settings | None = None) -> DeliveryResult:
    """Mail every queued or failed delivery when SMTP is configured (else they wait)."""
    result = DeliveryResult()
    if not mail.configured():
        return result
    pending = conn.execute(
        sql_files.render("reports/pending_deliveries.sql", settings)).fetchall()
    failed = sql_files.render("reports/delivery_failed.sql", settings)
    sent = sql_files.render("reports/delivery_sent.sql", settings)
    for delivery_id, recipient, period, region, outbox in pending:
        try:
            mail.send(_message(mail.sender(), recipient, period, region, Path(outbox)))
        except (OSError, smtplib.SMTPException) as exc:
            conn.execute(failed, {"last_error": f"{type(exc).__name__}: {exc}"[:500],
                                  "delivery_id": delivery_id})
            result.failed.append(f"{recipient} {region}: {type(exc).__name__}")
            continue
        conn.execute(sent, {"delivery_id": delivery_id})
        result.sent += 1
    return result


def deliver(period: str, settings: Settings | None = None, url: str | None = None):
    """Queue the period's reports and send what SMTP can; one transaction."""
    from pantau.warehouse.connection import connect

    with connect("loader", url=url) as conn:
        queued = queue(conn, period, settings)
        result = send(conn, settings)
        conn.commit()
    result.queued = queued
    return result
