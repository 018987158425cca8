-- The bench's history: a core.period_build line for each month
-- copied back from the month it built, so that the trend view finds each
-- month's previous one. Run by pantau.tools.bench.history after the copies.
-- Parameters: labels, ends (reference dates), starts, previous (labels).
INSERT INTO core.period_build (period, reference_date, period_start, previous_period, batches)
SELECT label, reference_date, period_start, previous_period, 0
  FROM unnest(%(labels)s::text[], %(ends)s::date[], %(starts)s::date[],
              %(previous)s::text[]) AS m(label, reference_date, period_start, previous_period)
ON CONFLICT DO NOTHING
