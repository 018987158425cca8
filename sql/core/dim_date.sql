-- Grain: one row per calendar day, 2000-01-01 .. 2040-12-31 (Kimball date
-- dimension; key yyyymmdd). Names in Bahasa Indonesia for the reports.
CREATE TABLE core.dim_date (
    date_key     integer PRIMARY KEY,
    full_date    date NOT NULL UNIQUE,
    year         smallint NOT NULL,
    semester     smallint NOT NULL,
    quarter      smallint NOT NULL,
    month        smallint NOT NULL,
    month_name   text NOT NULL,
    day          smallint NOT NULL
);

INSERT INTO core.dim_date (date_key, full_date, year, semester, quarter, month, month_name, day)
SELECT to_char(d, 'YYYYMMDD')::integer, d, extract(YEAR FROM d),
       (extract(MONTH FROM d)::integer + 5) / 6, extract(QUARTER FROM d), extract(MONTH FROM d),
       (ARRAY['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus',
              'September', 'Oktober', 'November', 'Desember'])[extract(MONTH FROM d)],
       extract(DAY FROM d)
  FROM generate_series(DATE '2000-01-01', DATE '2040-12-31', INTERVAL '1 day') AS g(d);
