"""Tests that need nothing but Python: no database, no Airflow run."""
