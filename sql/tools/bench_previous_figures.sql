-- Trend query timed by the bench: what a report reads of the previous
-- period, one region's figures. Parameters: previous, region.
SELECT * FROM mart.region_figures WHERE period = %(previous)s AND region_code = %(region)s
