-- An engineer's decision on a held row (release or discard), who took it,
-- why, and the corrections with old and new values (masked where personal).
-- Run by quality/quarantine.py before the row's status changes. Parameters:
-- batch_id, row_number, decision, decided_by, why, corrections.
INSERT INTO quarantine.decision (batch_id, row_number, decision, decided_by, why,
                                 corrections)
VALUES (%(batch_id)s, %(row_number)s, %(decision)s, %(decided_by)s, %(why)s,
        %(corrections)s)
