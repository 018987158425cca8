"""The secret behind pseudonymous keys: persons, stay permits, RPTKA positions.

A person's key is HMAC-SHA-256 over ``passport|nationality`` with a key from
configuration (``PANTAU_PERSON_KEY``) or, failing that, a random key created
on first use in ``var/person.key`` (mode 600). Never hard-coded, never in the
database: the SQL side receives only the HMAC pads it needs.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass

from pantau.config import Settings, get_settings

BLOCK = 64  # SHA-256 block size, for the HMAC pads
ENV = "PANTAU_PERSON_KEY"


@dataclass(frozen=True)
class KeyPads:
    """The key XOR-ed with HMAC's inner and outer pads, for core.keyed_hash()."""

    inner: bytes
    outer: bytes

    def as_params(self) -> dict[str, bytes]:
        return {"inner_pad": self.inner, "outer_pad": self.outer}


def secret(settings: Settings | None = None) -> bytes:
    """The configured key, or the one in var/person.key (created once, 32 random bytes)."""
    if value := os.environ.get(ENV):
        return value.encode("utf-8")
    settings = settings or get_settings()
    path = settings.var_dir / "person.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


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
