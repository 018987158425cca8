-- Grain: one row per retention pass and kind of item: what the maintenance DAG
-- removed under which policy. Nothing is removed unless dags/schedule.toml sets
-- a policy; then every removal is accounted for here (this table itself is kept).
CREATE TABLE audit.retention_action (
    action_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    acted_at    timestamptz NOT NULL DEFAULT now(),
    acted_by    text NOT NULL DEFAULT current_user,
    item        text NOT NULL,        -- 'archive_file', 'audit.receipt', ...
    keep_days   integer NOT NULL CHECK (keep_days > 0),
    cutoff      timestamptz NOT NULL,
    removed     bigint NOT NULL,
    detail      jsonb                 -- e.g. the batch ids whose archived bytes went
);
