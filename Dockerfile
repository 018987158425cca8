# Pantau's Airflow image: the official Airflow 3 image plus the pantau package,
# installed against the same constraints file as every other environment, with the
# production extras: the Celery provider, Redis and asyncpg, the OpenLineage provider.
FROM apache/airflow:3.3.2-python3.11

USER root
# WeasyPrint (PDF reports) needs Pango; fonts for the report charts.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
      libharfbuzz-subset0 fonts-dejavu-core \
 && apt-get clean && rm -rf /var/lib/apt/lists/*
USER airflow

COPY --chown=airflow:root pyproject.toml README.md constraints-3.11.txt /opt/pantau/
COPY --chown=airflow:root plugins /opt/pantau/plugins
COPY --chown=airflow:root sql /opt/pantau/sql
COPY --chown=airflow:root expectations /opt/pantau/expectations
COPY --chown=airflow:root reports /opt/pantau/reports
COPY --chown=airflow:root dags /opt/pantau/dags
RUN pip install --no-cache-dir -c /opt/pantau/constraints-3.11.txt "/opt/pantau[celery,lineage]"

ENV PANTAU_HOME=/opt/pantau \
    AIRFLOW__CORE__DAGS_FOLDER=/opt/pantau/dags
