"""No password, key or token is written into the repository.

Pantau's secrets come from the environment or from files under ``var/`` (git-ignored):
``PANTAU_WAREHOUSE_URL``, ``PANTAU_PERSON_KEY`` (else ``var/person.key``), the SMTP
password, and in docker compose every ``${...}`` variable of the ``.env`` file. So any
literal secret in a file git tracks, or is about to track (untracked, not ignored), is a
leak: anyone with the repository would have it. The only values accepted where a secret
goes are placeholders: compose interpolation ``${VAR}``, ``$VAR``, ``<...>``, a format
field ``{...}`` and a redaction ``***``.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

import pytest

from tests.support.repository import REPO, repository_files, text_of

# Where a secret may stand, what may stand there instead.
PLACEHOLDER = re.compile(
    r"""^(?:\$\{[^}]*\}?|\$[A-Za-z_]\w*|<[^>]*>|\{[^}]*\}|\*+|%s|%\([a-z_]+\)s)$""")

SECRET_NAME = (r"(?:password|passwd|pwd|secret|secret_key|token|api_?key|access_key"
               r"|private_key|fernet_key|jwt_secret|person_key)")
SECRET_VARIABLE = r"[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|_KEY)"
DETECTORS: dict[str, re.Pattern[str]] = {
    # scheme://user:<password>@host (an empty password, as in the embedded URLs, is fine)
    "password in URL": re.compile(r"[a-z][a-z0-9+.-]*://[^\s/:@'\"]*:(?P<value>[^\s@/'\"]+)@",
                                  re.IGNORECASE),
    # password = "x", "token": "x", api_key='x' (Python, JSON, TOML, YAML quoted)
    "quoted secret": re.compile(
        rf"""\b\w*{SECRET_NAME}["']?\s*[:=]\s*(?P<q>["'])(?P<value>[^"'\n]{{4,}})(?P=q)""",
        re.IGNORECASE),
    # SOME_PASSWORD=<value> anywhere (shell, .env: no space before '='; Python's quoted
    # assignments are the case above), SOME_PASSWORD: <value> opening a line (YAML).
    # Upper-case names are environment variables; ${...} is not a name.
    "secret variable": re.compile(
        rf"(?<![\w${{]){SECRET_VARIABLE}=[ \t]*(?P<value>[^\s\"'#|`]+)"),
    "secret setting": re.compile(
        rf"^\s*(?:-\s+)?{SECRET_VARIABLE}\s*:[ \t]*(?P<value>[^\s\"'#|`]+)"),
    "private key": re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
}
# Files that are secrets whatever they hold.
SECRET_FILE = re.compile(
    r"(^|/)(\.env(\.[^/]*)?|[^/]*\.(pem|key|p12|pfx)|id_(rsa|dsa|ecdsa|ed25519)[^/]*"
    r"|simple_auth_manager_passwords\.json[^/]*)$")
EXAMPLE_FILE = re.compile(r"\.env\.(example|sample|template)$")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    kind: str
    text: str


def find_secrets(text: str, path: str = "<text>") -> list[Finding]:
    """Every hard-coded secret in ``text``; placeholders are not findings."""
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        for kind, pattern in DETECTORS.items():
            for match in pattern.finditer(line):
                value = match.groupdict().get("value")
                if value is not None and PLACEHOLDER.match(value.strip().rstrip(",;")):
                    continue
                findings.append(Finding(path, number, kind, line.strip()[:120]))
    return findings


# --- the detector can fail ----------------------------------------------------------
# The planted secrets are built from pieces, so that this file itself stays clean.

PLANTED = [
    "PANTAU_WAREHOUSE_URL=postgresql://pantau:" + "s3cr3t-Pw" + "@db.example:5432/pantau",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: postgresql+psycopg2://airflow:" + "hunter22@pg/af",
    "password = " + '"correct-horse-battery"',
    '{"smtp_pass' + 'word": "mail-pass-123"}',
    "api_key: " + "'abcd1234efgh'",
    "PANTAU_PERSON_KEY=" + "0f" * 32,
    "export PANTAU_SMTP_PASSWORD=" + "mailpass",
    "  AIRFLOW__CORE__FERNET_KEY: " + "Zm9vYmFyYmF6cXV4cXV1eA==",
    "PGPASSWORD=" + "pw123 psql -h db",
    "-----BEGIN " + "OPENSSH PRIVATE KEY-----",
    "-----BEGIN " + "PRIVATE KEY-----",
    "aws_access_key_id = " + "AKIA" + "ABCDEFGHIJKLMNOP",
    "token = " + "'ghp_" + "a" * 36 + "'",
]
PLACEHOLDERS = [
    "PANTAU_WAREHOUSE_URL: postgresql://pantau:${PANTAU_WAREHOUSE_PASSWORD:?set it}@warehouse/p",
    "AIRFLOW__CELERY__RESULT_BACKEND: db+postgresql://airflow:${AIRFLOW_DB_PASSWORD}@postgres/a",
    "POSTGRES_PASSWORD: ${AIRFLOW_DB_PASSWORD}",
    "PANTAU_PERSON_KEY: ${PANTAU_PERSON_KEY:?set PANTAU_PERSON_KEY (64 hex characters)}",
    "PANTAU_SMTP_PASSWORD: ${PANTAU_SMTP_PASSWORD:-}",
    "url = 'postgresql://postgres:@/pantau?host=/tmp/pgdata'",
    "cannot connect to the warehouse at postgresql://pantau:***@db/pantau",
    "| `PANTAU_PERSON_KEY` | the secret of the pseudonymous person key |",
    "secret = person_key.secret(settings)",
    "SORT_KEY = operator.itemgetter(0)",
    "password: str | None = None",
    "    with PANTAU_PERSON_KEY: put the new secret (from --new-secret-env) in",
]


@pytest.mark.parametrize("line", PLANTED)
def test_detector_catches_a_planted_secret(line: str) -> None:
    assert find_secrets(line), line


@pytest.mark.parametrize("line", PLACEHOLDERS)
def test_detector_lets_placeholders_pass(line: str) -> None:
    assert find_secrets(line) == []


@pytest.mark.parametrize(
    ("name", "secret"),
    [(".env", True), ("deploy/.env.production", True), ("certs/server.key", True),
     ("id_ed25519", True), ("var/airflow/simple_auth_manager_passwords.json.generated", True),
     (".env.example", False), ("plugins/pantau/warehouse/person_key.py", False)],
)
def test_secret_file_names(name: str, secret: bool) -> None:
    is_secret = bool(SECRET_FILE.search(name)) and not EXAMPLE_FILE.search(name)
    assert is_secret is secret


# --- the repository ------------------------------------------------------------------


def test_no_secret_files_in_repository() -> None:
    """No .env, key or certificate file is tracked or waiting to be added."""
    files = repository_files()
    assert len(files) > 100  # the listing worked
    assert [name for name in files
            if SECRET_FILE.search(name) and not EXAMPLE_FILE.search(name)] == []


def test_no_hard_coded_secrets_in_repository() -> None:
    """Every text file git tracks (or would add) is free of literal secrets."""
    findings = []
    scanned = 0
    for name in repository_files():
        text = text_of(REPO / name)
        if text is None:
            continue
        scanned += 1
        findings += find_secrets(text, name)
    assert scanned > 100
    assert findings == [], "\n".join(
        f"{f.path}:{f.line}: {f.kind}: {f.text}" for f in findings)


def test_the_person_key_file_is_ignored() -> None:
    """The key Pantau writes when PANTAU_PERSON_KEY is unset lands in git-ignored var/."""
    result = subprocess.run(["git", "check-ignore", "-q", "var/person.key"], cwd=REPO,
                            check=False)
    assert result.returncode == 0
