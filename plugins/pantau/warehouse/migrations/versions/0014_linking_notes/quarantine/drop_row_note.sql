DROP TABLE quarantine.row_note;
