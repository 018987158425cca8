-- The periods the warehouse has built: the bench's history copies the month
-- into the months before it that are not among them (the prior month is
-- built from its own exports; the backfill builds them all). Run by
-- pantau.tools.bench.history.
SELECT period FROM core.period_build
