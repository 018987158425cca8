"""Alembic migrations of the warehouse schema; each revision runs .sql files from sql/."""
