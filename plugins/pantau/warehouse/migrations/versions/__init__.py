"""The migration revisions, in order (Alembic loads every file here), each with its SQL folder."""
