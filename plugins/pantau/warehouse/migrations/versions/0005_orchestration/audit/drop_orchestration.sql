DROP TABLE IF EXISTS audit.retention_action;
DROP TABLE IF EXISTS audit.alert;
