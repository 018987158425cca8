"""The secret behind pseudonymous keys: persons, stay permits, RPTKA positions.

A person's key is HMAC-SHA-256 over ``passport|nationality`` with a key from
configuration (``PANTAU_PERSON_KEY``) or, failing that, a random key created
on first use in ``var/person.key`` (mode 600). Never hard-coded, never in the
database: the SQL side receives only the HMAC pads it needs. The secret can be
rotated (``pantau person-key rotate``, :mod:`pantau.build.key_rotation`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from pantau.config import Settings, get_settings

BLOCK = 64  # SHA-256 block size, for the HMAC pads
ENV = "PANTAU_PERSON_KEY"
FILE_NAME = "person.key"
PENDING = "person.key.pending"  # a rotation's new secret, until its commit
FINGERPRINT_MESSAGE = "pantau person-key fingerprint"


@dataclass(frozen=True)
class KeyPads:
    """The key XOR-ed with HMAC's inner and outer pads, for core.keyed_hash()."""

    inner: bytes
    outer: bytes

    def as_params(self) -> dict[str, bytes]:
        return {"inner_pad": self.inner, "outer_pad": self.outer}


def key_file(settings: Settings | None = None) -> Path:
    """Where the secret lives when ``PANTAU_PERSON_KEY`` is not set."""
    return (settings or get_settings()).var_dir / FILE_NAME


def from_environment() -> bool:
    """True when the secret comes from configuration (a secret store), not var/person.key."""
    return bool(os.environ.get(ENV))


def new_secret() -> bytes:
    """A fresh secret as var/person.key holds one: 64 hex digits (32 random bytes)."""
    return secrets.token_hex(32).encode("utf-8")


def write_key_file(path: Path, value: bytes, *, exclusive: bool = False) -> None:
    """Write a secret file with mode 600, durably; replace ``path`` atomically.

    The bytes go to a temporary file in the same folder, fsync-ed, then renamed
    over ``path``: a crash leaves either the old file or the new one, never half.
    ``exclusive``: fail if ``path`` exists (first use, two processes racing).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(value)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(0o600)
        if exclusive:
            os.link(temporary, path)  # FileExistsError when another process won
            temporary.unlink()
        else:
            temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """fsync a folder, so a file created or renamed in it survives a power cut."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def read_key_file(path: Path) -> bytes:
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


def secret(settings: Settings | None = None) -> bytes:
    """The configured key, or the one in var/person.key (created once, 32 random bytes)."""
    if value := os.environ.get(ENV):
        return value.encode("utf-8")
    path = key_file(settings)
    if not path.exists():
        with contextlib.suppress(FileExistsError):  # another process created it first
            write_key_file(path, new_secret(), exclusive=True)
    return read_key_file(path)


def fingerprint(key: bytes) -> str:
    """A keyed hash of a constant: tells keys apart without revealing them."""
    return keyed_hash(FINGERPRINT_MESSAGE, key)


def pads(key: bytes) -> KeyPads:
    if len(key) > BLOCK:
        key = hashlib.sha256(key).digest()
    key = key.ljust(BLOCK, b"\0")
    return KeyPads(bytes(b ^ 0x36 for b in key), bytes(b ^ 0x5C for b in key))


def keyed_hash(message: str, key: bytes) -> str:
    """The same value core.keyed_hash() computes in SQL."""
    return hmac.new(key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def person_key(passport: str, nationality: str, key: bytes) -> str:
    return keyed_hash(f"{passport}|{nationality}", key)


def pending_file(settings: Settings | None = None) -> Path:
    return key_file(settings).with_name(PENDING)


def interrupted_hint(settings: Settings | None = None) -> str:
    """A sentence for KeyMismatch when a rotation stopped between commit and key file."""
    if not from_environment() and pending_file(settings).exists():
        return ("; a key rotation was interrupted (var/person.key.pending exists): run "
                "`pantau person-key rotate` again to finish it")
    return ""
