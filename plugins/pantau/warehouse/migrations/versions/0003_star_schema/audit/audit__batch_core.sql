-- When a validated batch's rows went into core (NULL: not yet). A decision
-- on one of its held rows after that time makes the build load it again.
ALTER TABLE audit.batch ADD COLUMN core_loaded_at timestamptz;
