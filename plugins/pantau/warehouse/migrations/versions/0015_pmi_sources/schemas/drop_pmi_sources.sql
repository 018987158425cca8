-- Downgrade of the PMI sources: their raw and staging tables go, with every
-- row loaded into them.
DROP TABLE IF EXISTS raw.kp2mi_penempatan, raw.imigrasi_paspor, raw.imigrasi_penundaan,
raw.bp3mi_pemulangan, staging.kp2mi_penempatan, staging.imigrasi_paspor,
staging.imigrasi_penundaan, staging.bp3mi_pemulangan;
