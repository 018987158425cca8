-- audit.delivery was one of three things called "delivery" (inbound pickups,
-- outbound report delivery, this table). It records every time a file was
-- received, so it is now audit.receipt.
ALTER TABLE audit.delivery RENAME TO receipt;
ALTER TABLE audit.receipt RENAME COLUMN delivery_id TO receipt_id;
ALTER SEQUENCE audit.delivery_delivery_id_seq RENAME TO receipt_receipt_id_seq;
ALTER INDEX audit.delivery_sha256_idx RENAME TO receipt_sha256_idx;
ALTER INDEX audit.delivery_pkey RENAME TO receipt_pkey;
ALTER TABLE audit.receipt RENAME CONSTRAINT delivery_outcome_check TO receipt_outcome_check;
ALTER TABLE audit.receipt RENAME CONSTRAINT delivery_batch_id_fkey TO receipt_batch_id_fkey;
COMMENT ON TABLE audit.receipt IS
    'One row per time a file was picked up from a landing folder, duplicates and unrecognised files included.';
