-- Grain: one row per mart.region_figures row: the figures beside the
-- previous period's (core.period_build names it), for trends.
CREATE VIEW mart.region_trend AS
SELECT f.period, f.region_code, f.region_name, f.level,
       f.foreigners_total, p.foreigners_total AS foreigners_total_previous,
       f.workers_total, p.workers_total AS workers_total_previous,
       f.registered_total, p.registered_total AS registered_total_previous,
       p.period AS previous_period
  FROM mart.region_figures AS f
  LEFT JOIN core.period_build AS b ON b.period = f.period
  LEFT JOIN mart.region_figures AS p
    ON p.region_code = f.region_code AND p.period = b.previous_period;
