"""Whole cycles: the DAG chain through Airflow, pantau run, the command, the personal-data sweep."""
