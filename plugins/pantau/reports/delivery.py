"""Delivering reports: an outbox per recipient, SMTP when configured, a ledger that never resends.

Recipients per region come from a TOML file (``PANTAU_RECIPIENTS``, default
``var/recipients.toml``; see ``reports/recipients.example.toml``)::

    [regions."62.71"]
    recipients = ["kesbangpol@palangkaraya.go.id"]
    timpora = ["timpora@palangkaraya.imigrasi.go.id"]

``recipients`` receive the report; ``timpora`` receive the report and the
operational annex beside it (``operasi.*``, the joint-operation plan), which
is for the TIMPORA team only and never reaches a ``recipients`` outbox.

A delivery (period, region, content SHA-256) goes to each recipient once: the
ledger ``audit.report_delivery`` is unique on it. For a TIMPORA recipient the
content is the report's and the annex's together, so a changed ranking goes
out again to the team while the Kesbangpol office is not sent the same
report twice. Files are copied to
``var/outbox/<recipient>/<period>/<region>/``; with ``PANTAU_SMTP_HOST`` set,
queued and failed rows are mailed (PDF and XLSX attached) and a failure is
kept with its error for the next run.
"""

from __future__ import annotations

import hashlib
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
ANNEX_ATTACHED = ("operasi.pdf", "operasi.xlsx")
ANNEX_PREFIX = "operasi."  # the annex's files; only a TIMPORA outbox gets them


@dataclass(frozen=True)
class Recipient:
    address: str
    annex: bool  # a TIMPORA team member: the operational annex goes too


@dataclass
class DeliveryResult:
    queued: int = 0
    sent: int = 0
    failed: list[str] = field(default_factory=list)


def recipients(settings: Settings | None = None) -> dict[str, list[Recipient]]:
    """Each region's recipients; an address in both lists is a TIMPORA recipient."""
    settings = settings or get_settings()
    path = Path(os.environ.get("PANTAU_RECIPIENTS", settings.var_dir / "recipients.toml"))
    if not path.exists():
        return {}
    regions = tomllib.loads(path.read_text(encoding="utf-8")).get("regions", {})
    wanted = {}
    for code, entry in regions.items():
        team = list(dict.fromkeys(entry.get("timpora", [])))
        office = [a for a in dict.fromkeys(entry.get("recipients", [])) if a not in team]
        wanted[code] = ([Recipient(a, annex=False) for a in office]
                        + [Recipient(a, annex=True) for a in team])
    return wanted


def _content(report_sha256: str, annex_sha256: str | None, recipient: Recipient) -> str:
    """What the ledger keys a delivery on: the report, or the report and its annex."""
    if not recipient.annex or annex_sha256 is None:
        return report_sha256
    return hashlib.sha256(f"{report_sha256}:{annex_sha256}".encode("ascii")).hexdigest()


def _copy(output_dir: Path, outbox: Path, annex: bool) -> None:
    """The report's files (and its audit pack); the annex's files only when ``annex``."""
    outbox.mkdir(parents=True, exist_ok=True)
    for item in output_dir.iterdir():
        if item.is_file():  # a province's folder also holds its regencies' folders
            if item.name.startswith(ANNEX_PREFIX) and not annex:
                continue
            shutil.copy2(item, outbox / item.name)
        elif item.name == "audit":  # the report's audit pack goes with it
            shutil.copytree(item, outbox / item.name, dirs_exist_ok=True)


def queue(conn: psycopg.Connection, period: str, settings: Settings | None = None) -> int:
    """Copy the period's latest reports into the outbox of each recipient not yet served."""
    settings = settings or get_settings()
    wanted = recipients(settings)
    runs = conn.execute(sql_files.render("reports/latest_report_runs.sql", settings),
                        {"period": period}).fetchall()
    enqueue = sql_files.render("reports/queue_delivery.sql", settings)
    queued = 0
    for region, output_dir, content, annex_sha256 in runs:
        for recipient in wanted.get(region, []):
            outbox = settings.var_dir / "outbox" / recipient.address / period / region
            row = conn.execute(enqueue, {
                "recipient": recipient.address, "period": period, "region_code": region,
                "content_sha256": _content(content, annex_sha256, recipient),
                "outbox_path": str(outbox)}).fetchone()
            if row is None:
                continue  # this content already went (or waits) for this recipient
            _copy(Path(output_dir), outbox, recipient.annex)
            queued += 1
    return queued


def _message(sender: str, recipient: str, period: str, region: str, outbox: Path):
    message = EmailMessage()
    message["From"], message["To"] = sender, recipient
    message["Subject"] = f"Laporan pemantauan orang asing dan TKA {region} periode {period}"
    message.set_content(
        f"Terlampir laporan pemantauan orang asing dan tenaga kerja asing wilayah {region} "
        f"periode {period} (PDF dan lampiran XLSX), disusun dengan Pantau.\n"
        + ("\nTerlampir pula lampiran operasional (operasi.pdf, operasi.xlsx): usulan lokasi "
           "operasi gabungan beserta alasannya, khusus untuk Tim PORA dan tidak untuk "
           "disebarluaskan.\n" if (outbox / "operasi.pdf").exists() else ""))
    for name in (*ATTACHED, *ANNEX_ATTACHED):  # the annex is in a TIMPORA outbox only
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
