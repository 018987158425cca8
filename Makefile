# Pantau: the two commands a fresh clone needs are `make demo` and `make test`.
PYTHON      ?= python3.11
VENV        := .venv
BIN         := $(VENV)/bin
CONSTRAINTS := constraints-3.11.txt
STAMP       := $(VENV)/.installed

.PHONY: install demo bench bench-docs bench-backfill chaos airflow cluster cluster-stop cluster-check test-cluster redis test test-fast lint lint-sql schema data-docs-assets browser constraints warehouse-stop clean

# (Re)install when the dependency declaration or the pins change.
$(STAMP): pyproject.toml $(CONSTRAINTS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS) -e '.[dev,tools,celery,lineage]'
	touch $(STAMP)

install: $(STAMP)

## The main job on the embedded default: demo exports, the whole cycle through the Airflow DAGs.
demo: install
	$(BIN)/pantau demo

## The benchmark of issue 9: SCALE=small (CI-sized) or national; JSON in benchmarks/results/.
SCALE ?= small
bench: install
	$(BIN)/pantau bench --scale $(SCALE)

## docs/performance.md's tables of the latest national run, from the newest
## benchmarks/results/national-*.json (tests/unit/test_bench_docs.py checks they agree).
bench-docs: install
	$(BIN)/pantau bench --docs

## Issue 27's history: five years of the small scale backfilled (every month, quarter and
## semester built, their reports rendered) and the 60-month trend queries; about an hour.
bench-backfill: install
	$(BIN)/pantau bench --backfill

## Issue 10's fault injection: crashes, kills, partial and doubled files; every rerun must equal
## a clean run. SEED fixes the SIGKILL moments.
SEED ?= 10
chaos: install
	$(BIN)/pantau chaos --seed $(SEED)

## Airflow standalone with the project's DAGs and the embedded warehouse (UI on :8080).
airflow: install
	$(BIN)/pantau airflow standalone

## A real CeleryExecutor Airflow on this machine (Redis, API server, scheduler, dag-processor,
## triggerer, two Celery workers; docs/operations.md); `make cluster-stop` ends it.
cluster: install redis
	$(BIN)/pantau airflow cluster start

cluster-stop: install
	$(BIN)/pantau airflow cluster stop

## Issue 26's check: the demo cycle under the scheduler on a cluster of its own (REST-triggered),
## a worker SIGKILLed while it renders a province; reports equal to make demo's (run first when
## missing). Prints CeleryExecutor, who ran what, the kill's retry; exit 0 only if all holds.
cluster-check: install redis
	$(BIN)/pantau airflow cluster check

## The cluster check's e2e test (tests/e2e/test_cluster_check.py): CI's second step (.ci/run).
test-cluster: install redis browser
	$(BIN)/pytest -m cluster -n0

## Debian's redis-server for the cluster's broker (installed once, when missing).
redis:
	@command -v redis-server >/dev/null || { apt-get update -q && apt-get install -y -q redis-server; }

## Lint, then every test tier: unit, integration (real PostgreSQL), dags, e2e (whole cycles,
## reports in Chromium). This is what CI runs (.ci/run).
test: install browser lint
	$(BIN)/pytest

## Unit tests and DAG parsing only, no database: under a minute.
test-fast: install
	$(BIN)/ruff check .
	$(BIN)/pytest -m "(unit or dags) and not slow"

## Debian's chromium for the report rendering test (installed once, when missing).
browser:
	@command -v chromium >/dev/null || { apt-get update -q && apt-get install -y -q chromium; }

## Style and structure: ruff, the import layers (pyproject.toml), SQL style, schema file fresh.
lint: install lint-sql
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pantau.warehouse.schema_dump --check sql/schema.sql

## SQL style: sqlfluff (.sqlfluff), one templater a run: placeholder for plain SQL with psycopg
## parameters and for the GX row rules, jinja for the Jinja2 templates ({{ }}, {% %}).
SQL_FILES := git ls-files 'sql/*.sql' 'expectations/sql/*.sql' ':!sql/schema.sql'
lint-sql: install
	$(SQL_FILES) | xargs grep -L -e '{{' -e '{%' | xargs -r $(BIN)/sqlfluff lint --templater placeholder
	$(SQL_FILES) | xargs grep -l -e '{{' -e '{%' | xargs -r $(BIN)/sqlfluff lint --templater jinja

## sql/schema.sql: pg_dump --schema-only of a database migrated to head (a test fails when stale).
schema: install
	$(BIN)/python -m pantau.warehouse.schema_dump sql/schema.sql

## Data Docs assets: refresh the vendored copies of GX's CDN files (npm pack); after a GX upgrade.
data-docs-assets: install
	$(BIN)/python -m pantau.quality.data_docs_assets.refresh

## Re-resolve the whole dependency tree and pin it, as Airflow's constraints files do.
constraints:
	rm -rf .venv-constraints
	$(PYTHON) -m venv .venv-constraints
	.venv-constraints/bin/pip install --quiet --disable-pip-version-check '.[dev,tools,celery,lineage]'
	( echo "# Pantau constraints for Python 3.11: the whole tree, pinned. Regenerate: make constraints"; \
	  .venv-constraints/bin/pip freeze --all --exclude-editable | grep -v -i '^pantau[= @]' | LC_ALL=C sort -f ) > $(CONSTRAINTS)
	rm -rf .venv-constraints

warehouse-stop:
	-$(BIN)/pantau warehouse stop

clean: warehouse-stop
	rm -rf var .pytest_cache .ruff_cache
