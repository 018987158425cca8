"""Pantau: the data platform regional governments use to monitor foreign nationals and workers."""
