-- Downgrade of rename_delivery_to_receipt.sql.
COMMENT ON TABLE audit.receipt IS NULL;
ALTER TABLE audit.receipt RENAME CONSTRAINT receipt_batch_id_fkey TO delivery_batch_id_fkey;
ALTER TABLE audit.receipt RENAME CONSTRAINT receipt_outcome_check TO delivery_outcome_check;
ALTER INDEX audit.receipt_pkey RENAME TO delivery_pkey;
ALTER INDEX audit.receipt_sha256_idx RENAME TO delivery_sha256_idx;
ALTER SEQUENCE audit.receipt_receipt_id_seq RENAME TO delivery_delivery_id_seq;
ALTER TABLE audit.receipt RENAME COLUMN receipt_id TO delivery_id;
ALTER TABLE audit.receipt RENAME TO delivery;
