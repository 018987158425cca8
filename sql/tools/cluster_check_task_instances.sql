-- The cluster check's evidence, read from the cluster's own Airflow metadata
-- database: every try of every task instance of the given runs (the finished
-- ones in task_instance, the earlier tries in task_instance_history), the
-- worker that ran it (its hostname is the worker's Celery name) and the state
-- Celery's result backend holds for the Celery task the executor sent it as
-- (external_executor_id). A try without a Celery task did not go through the
-- CeleryExecutor; a killed worker's task stays STARTED there.
WITH tries AS (
    SELECT
        dag_id,
        run_id,
        task_id,
        map_index,
        try_number,
        state,
        hostname,
        external_executor_id,
        TRUE AS is_last_try
    FROM task_instance
    WHERE run_id = ANY(%(run_ids)s)
    UNION ALL
    SELECT
        dag_id,
        run_id,
        task_id,
        map_index,
        try_number,
        state,
        hostname,
        external_executor_id,
        FALSE AS is_last_try
    FROM task_instance_history
    WHERE run_id = ANY(%(run_ids)s)
)

SELECT
    tries.dag_id,
    tries.run_id,
    tries.task_id,
    tries.map_index,
    tries.try_number,
    tries.state,
    tries.hostname,
    tries.external_executor_id,
    tries.is_last_try,
    celery.status AS celery_status
FROM tries
LEFT JOIN celery_taskmeta AS celery ON celery.task_id = tries.external_executor_id
ORDER BY tries.dag_id, tries.run_id, tries.task_id, tries.map_index, tries.try_number
