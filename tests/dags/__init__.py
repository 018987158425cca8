"""DAG parsing and the DAG policy: every DAG file imports, with no database reachable."""
