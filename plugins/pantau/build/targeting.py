"""The targeting step of a period build: rank the operation sites of every region.

The factors and weights come from one reviewed file, ``sql/targeting/weights.json``
(docs/targeting.md), loaded as it is: the code holds no default weight. The
loader rejects a file that breaks the ranking's promises (a violation that
lowers a score, a size that outweighs two flagged workers), and the file's
SHA-256 goes with every ranking (``mart.target_site.weights_sha256``).
The scoring itself is set-based SQL (``targeting/target_sites.sql``).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

import psycopg

from pantau.config import Settings, get_settings

WEIGHTS_FILE = "targeting/weights.json"  # under the SQL folder
RULE_PREFIX = "rule:"
SECTOR_PREFIX = "sector:"
# The factors the SQL computes besides one per rule and one per sector group.
FIXED_FACTORS = {"admin_actions": "worker_violation", "itk_sponsored": "violation",
                 "work_permit_no_position": "violation", "operation_findings": "violation",
                 "operation_clear_recent": "relief", "hiding_share": "violation",
                 "size": "size"}
KINDS = {"worker_violation", "violation", "relief", "context", "size"}


class WeightsError(ValueError):
    """The weights file breaks one of the ranking's promises (docs/targeting.md)."""


@dataclass(frozen=True)
class Weights:
    weights: dict[str, float]  # factor -> weight
    sectors: dict[str, list[str]]  # sector factor -> KBLI prefixes
    share_flags: list[str]  # the flags hiding_share counts
    share_allowance: int  # added to hiding_share's denominator
    clear_within_days: int
    max_plausible_workers: int
    sha256: str


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise WeightsError(message)


def parse_weights(data: bytes, rule_codes: tuple[str, ...]) -> Weights:
    """Check and read a weights file's bytes: every factor named, each with its reasons."""
    spec = json.loads(data)
    factors = spec["factors"]
    expected = {RULE_PREFIX + code for code in rule_codes} | set(FIXED_FACTORS)
    missing = expected - set(factors)
    _require(not missing, f"the weights file lacks the factors {sorted(missing)}")
    unknown = {f for f in set(factors) - expected if not f.startswith(SECTOR_PREFIX)}
    _require(not unknown, f"the weights file names unknown factors {sorted(unknown)}")
    weights: dict[str, float] = {}
    for name, factor in factors.items():
        kind, weight = factor["kind"], float(factor["weight"])
        _require(kind in KINDS, f"{name}: unknown kind {kind!r}")
        for key in ("reason", "alasan"):  # English for reviewers, Indonesian for the annex
            _require(bool(str(factor.get(key, "")).strip()),
                     f"{name}: a weight needs a {key!r} (docs/targeting.md)")
        expected_kind = ("worker_violation" if name.startswith(RULE_PREFIX) else
                         "context" if name.startswith(SECTOR_PREFIX) else FIXED_FACTORS[name])
        _require(kind == expected_kind, f"{name}: kind must be {expected_kind}")
        _require(math.isfinite(weight), f"{name}: the weight must be a number")
        if kind in ("worker_violation", "violation"):
            _require(weight >= 0, f"{name}: a violation must never lower a score (weight < 0)")
        if kind == "relief":
            _require(weight < 0, f"{name}: a recent visit without findings must lower the score")
        if kind in ("context", "size"):
            _require(weight >= 0, f"{name}: a sector or size weight cannot be negative")
        weights[name] = weight
    sectors = {name: [str(p) for p in factors[name]["kbli_prefixes"]]
               for name in factors if name.startswith(SECTOR_PREFIX)}
    prefixes = [p for group in sectors.values() for p in group]
    _require(len(prefixes) == len(set(prefixes)), "a KBLI prefix is in two sector groups")
    _require(all(a == b or not b.startswith(a) for a in prefixes for b in prefixes),
             "a KBLI prefix of one sector group starts another")
    largest = int(spec["max_plausible_workers"])
    lightest = min(w for name, w in weights.items()
                   if factors[name]["kind"] == "worker_violation")
    _require(weights["size"] * math.log1p(largest) < 2 * lightest,
             f"size x ln(1 + {largest}) must stay below two of the lightest worker violation "
             f"({lightest}): size alone would outrank a site with two flagged workers")
    share_flags = [str(flag) for flag in factors["hiding_share"]["flags"]]
    unknown_flags = set(share_flags) - {n for n in factors if n.startswith(RULE_PREFIX)} - {
        "itk_sponsored", "work_permit_no_position"}
    _require(not unknown_flags, f"hiding_share counts unknown flags {sorted(unknown_flags)}")
    return Weights(weights, sectors, share_flags,
                   int(factors["hiding_share"]["allowance"]),
                   int(factors["operation_clear_recent"]["within_days"]), largest,
                   hashlib.sha256(data).hexdigest())


def weights_path(settings: Settings | None = None) -> Path:
    return (settings or get_settings()).sql_dir / WEIGHTS_FILE


def load_weights(rule_codes: tuple[str, ...], settings: Settings | None = None,
                 path: Path | None = None) -> Weights:
    """The reviewed weights file (or ``path``), checked."""
    return parse_weights((path or weights_path(settings)).read_bytes(), rule_codes)


def stage_weights(conn: psycopg.Connection, weights: Weights) -> None:
    """The weights as temp tables t_weight, t_sector, t_share_flag (target_sites.sql)."""
    conn.execute("CREATE TEMP TABLE t_weight (factor text PRIMARY KEY, weight numeric) "
                 "ON COMMIT DROP")
    conn.execute("CREATE TEMP TABLE t_sector (factor text, prefix text) ON COMMIT DROP")
    conn.execute("CREATE TEMP TABLE t_share_flag (flag text PRIMARY KEY) ON COMMIT DROP")
    with conn.cursor() as cursor:
        cursor.executemany("INSERT INTO t_weight VALUES (%s, %s)",
                           [(name, weight) for name, weight in weights.weights.items()])
        cursor.executemany("INSERT INTO t_sector VALUES (%s, %s)",
                           [(name, p) for name, group in weights.sectors.items()
                            for p in group])
        cursor.executemany("INSERT INTO t_share_flag VALUES (%s)",
                           [(flag,) for flag in weights.share_flags])
