"""``make chaos``: faults injected into the real pipeline and the real embedded PostgreSQL."""
