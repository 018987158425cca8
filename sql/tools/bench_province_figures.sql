-- Trend query timed by the bench: every province's key figures over the
-- history's months. Parameters: months.
SELECT period, region_code, foreigners_total, workers_total, registered_total
  FROM mart.region_figures
 WHERE level = 'province' AND period = ANY(%(months)s) ORDER BY region_code, period
