-- The periods the warehouse has built: the bench's year of history copies the
-- month into the months before it that are not among them (the prior month
-- is built from its own exports). Run by pantau.tools.bench.history.
SELECT period FROM core.period_build
