"""``make bench``: one national-scale cycle timed beside COPY, to_sql and the write ceiling."""
