-- undo: ~ owner of SEQUENCE app.ticket: strata_golden_owner (replaced in place)
ALTER SEQUENCE app.ticket OWNER TO postgres;

-- undo: ~ owner of TYPE app.state: strata_golden_owner (replaced in place)
ALTER TYPE app.state OWNER TO postgres;

-- undo: ~ owner of VIEW app.item_names: strata_golden_owner (replaced in place)
ALTER VIEW app.item_names OWNER TO postgres;

-- undo: ~ owner of FUNCTION app.item_count(): strata_golden_owner (replaced in place)
ALTER FUNCTION app.item_count() OWNER TO postgres;

-- undo: ~ owner of TABLE app.item: postgres (replaced in place)
ALTER TABLE app.item OWNER TO strata_golden_owner;

-- undo: ~ owner of SCHEMA app: strata_golden_owner (replaced in place)
ALTER SCHEMA app OWNER TO postgres;

-- undo: + table app.note
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE app.note;

-- undo: + table app.audit
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE app.audit;
