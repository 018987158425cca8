"""Helpers the test tiers share: warehouses and snapshots, paths, DAG bag, truth oracle."""
