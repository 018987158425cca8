"""``make chaos``: faults injected into the real pipeline and the real embedded PostgreSQL.

Every fault runs against its own warehouse database (cloned from a migrated
template) and var directory; after the fault a plain rerun must finish, and
the warehouse must then equal the one a clean run produced: row counts per
table and checksums of the marts (see :mod:`pantau.chaos.state`).
"""
