-- The warehouse's layers, one schema each (the folders of sql/ are named
-- after them). Who may touch them is in grants.sql.
CREATE SCHEMA IF NOT EXISTS raw;         -- rows as delivered, text only
CREATE SCHEMA IF NOT EXISTS staging;     -- typed and normalised, one table per source
CREATE SCHEMA IF NOT EXISTS quarantine;  -- rows the quality gate held back, with reasons
CREATE SCHEMA IF NOT EXISTS core;        -- star schema: conformed dimensions and facts
CREATE SCHEMA IF NOT EXISTS mart;        -- report-ready tables per period and region
CREATE SCHEMA IF NOT EXISTS audit;       -- batches, receipts, validation and report runs
CREATE SCHEMA IF NOT EXISTS pii;         -- names, passport numbers, birth dates
