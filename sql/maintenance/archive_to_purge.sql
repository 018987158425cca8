-- Archived files last delivered before the cutoff: every SHA-256 whose
-- latest receipt or batch is older (a re-delivery keeps the file). Run by
-- retention before the audit purge, which may shorten audit.receipt; the
-- files go only after the ledger row is committed. Parameters: cutoff.
SELECT sha256 FROM (SELECT sha256, received_at FROM audit.receipt
                    UNION ALL SELECT sha256, received_at FROM audit.batch) AS seen
 GROUP BY sha256 HAVING max(received_at) < %(cutoff)s ORDER BY sha256
