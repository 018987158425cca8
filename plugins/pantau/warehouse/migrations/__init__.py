"""Alembic migrations of the warehouse schema; each revision runs the .sql files beside it."""
