-- One line of the retention ledger, audit.retention_action: what a pass
-- removed of one item, under which policy and cutoff. Run by retention
-- (pantau.orchestration.maintenance) for every item it touches, even when
-- nothing went. Parameters: item, keep_days, cutoff, removed, detail (JSON or
-- null).
INSERT INTO audit.retention_action (item, keep_days, cutoff, removed, detail)
VALUES (%(item)s, %(keep_days)s, %(cutoff)s, %(removed)s, %(detail)s)
