"""Vectorised normalisers: raw text columns in, typed columns and problems out.

Each normaliser takes a pandas Series of text (missing values as NA) and
returns a :class:`~pantau.normalise.result.Normalised`: the typed values and,
row by row, the code of the problem that made a non-empty value unusable.
Work is done per distinct value or with pandas string kernels, never in a
Python loop over rows.
"""
