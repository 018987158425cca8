"""Pantau's tests, in tiers: unit, integration, dags, e2e; shared helpers in support."""
