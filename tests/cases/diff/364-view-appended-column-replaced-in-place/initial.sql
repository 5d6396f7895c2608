-- The view gets a column at the end (from a new table column) and a
-- check option: CREATE OR REPLACE VIEW up; the way back cannot remove a
-- column in place, so the down migration drops what depends on the view
-- (a view, a grant, a column comment), drops and creates the view, and
-- creates them again.
DO $$ BEGIN CREATE ROLE strata_golden_reader; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE person (id int PRIMARY KEY, name text);
INSERT INTO person VALUES (1, 'ann'), (2, 'bob');
CREATE VIEW person_v AS SELECT id, name FROM person WHERE id > 0;
COMMENT ON COLUMN person_v.name IS 'as typed';
CREATE VIEW person_names AS SELECT name FROM person_v;
GRANT SELECT ON person_v TO strata_golden_reader;
