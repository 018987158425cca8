-- Trend query timed by the bench: the trend view over a region's months of
-- history. Parameters: region, months.
SELECT * FROM mart.region_trend
 WHERE region_code = %(region)s AND period = ANY(%(months)s) ORDER BY period
