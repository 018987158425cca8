"""The data-quality gate: GX suites from expectations/, quarantine, audit results."""
