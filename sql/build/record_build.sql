-- The period's line in core.period_build: when, by whom, from how many
-- batches and how long it took (the staleness check compares decisions with
-- built_at). Run by the build last, before its commit. Parameters: period,
-- reference_date, period_start, previous_period, batches, seconds.
INSERT INTO core.period_build (period, reference_date, period_start, previous_period, batches,
                               seconds)
VALUES (%(period)s, %(reference_date)s, %(period_start)s, %(previous_period)s, %(batches)s,
        %(seconds)s)
ON CONFLICT (period) DO UPDATE
   SET reference_date = EXCLUDED.reference_date, built_at = now(),
       built_by = current_user, previous_period = EXCLUDED.previous_period,
       batches = EXCLUDED.batches, seconds = EXCLUDED.seconds
