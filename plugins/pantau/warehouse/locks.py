"""Advisory lock ids: the warehouse-wide locks that pipeline stages take."""

BUILD_LOCK = 7_100_334  # pg_advisory_xact_lock id: one build (or key rotation) at a time
