DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE person (id int PRIMARY KEY, name text, email text);
CREATE VIEW person_v WITH (check_option=local) AS SELECT id, name, email FROM person WHERE id > 0;
COMMENT ON COLUMN person_v.name IS 'as typed';
CREATE VIEW person_names AS SELECT name FROM person_v;
GRANT SELECT ON person_v TO strata_golden_reader;
