-- One failed task's alert in audit.alert, with the channel that carried it
-- (smtp or log) and why mail failed, if it did. Run by the failure callback
-- of every Pantau task (pantau.orchestration.alerts). Parameters: dag_id,
-- task_id, run_id, map_index, try_number, error_class, message, transient,
-- channel, mail_error.
INSERT INTO audit.alert (dag_id, task_id, run_id, map_index, try_number, error_class, message,
                         transient, channel, mail_error)
VALUES (%(dag_id)s, %(task_id)s, %(run_id)s, %(map_index)s, %(try_number)s, %(error_class)s,
        %(message)s, %(transient)s, %(channel)s, %(mail_error)s)
