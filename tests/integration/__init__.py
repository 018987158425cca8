"""Tests against a real embedded PostgreSQL, each on its own copy of a migrated template."""
