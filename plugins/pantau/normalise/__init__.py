"""Vectorised normalisers: raw text columns in, typed columns and problems out."""
