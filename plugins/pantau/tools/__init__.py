"""Tooling beside the pipeline: demo exports, the benchmark, fault injection."""
