DROP TABLE mart.target_last_visit;
