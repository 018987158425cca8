"""Synthetic agency exports with planted ground truth (issue: demo data)."""
