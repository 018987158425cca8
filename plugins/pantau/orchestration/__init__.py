"""Scheduling: the steps the Airflow DAGs call, assets, schedules, alerts, local Airflow."""
