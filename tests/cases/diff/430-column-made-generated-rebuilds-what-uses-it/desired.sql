DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE lines (
    id integer PRIMARY KEY,
    qty integer NOT NULL,
    price integer NOT NULL,
    total integer GENERATED ALWAYS AS (qty * price) STORED,
    ref text GENERATED ALWAYS AS ('L-' || id::text) STORED,
    CONSTRAINT lines_ref_key UNIQUE (ref),
    CONSTRAINT lines_total_sane CHECK (total >= 0)
);
CREATE INDEX lines_total_idx ON lines (total) WHERE total > 10;
CREATE TABLE deliveries (id integer PRIMARY KEY, line_ref text REFERENCES lines (ref));
CREATE VIEW big_lines AS SELECT id, total FROM lines WHERE total > 100;
ALTER TABLE lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY lines_big ON lines USING (total > 100);
GRANT SELECT (id, total) ON lines TO strata_golden_reader;
