-- undo: ~ owner of SEQUENCE app.ticket: strata_golden_owner (replaced in place)
ALTER SEQUENCE app.ticket OWNER TO CURRENT_USER;

-- undo: ~ owner of TYPE app.state: strata_golden_owner (replaced in place)
ALTER TYPE app.state OWNER TO CURRENT_USER;

-- undo: ~ owner of VIEW app.item_names: strata_golden_owner (replaced in place)
ALTER VIEW app.item_names OWNER TO CURRENT_USER;

-- undo: ~ owner of FUNCTION app.item_count(): strata_golden_owner (replaced in place)
ALTER FUNCTION app.item_count() OWNER TO CURRENT_USER;

-- undo: ~ owner of SCHEMA app: strata_golden_owner (replaced in place)
ALTER SCHEMA app OWNER TO CURRENT_USER;

-- undo: + table app.note
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE app.note;

-- undo: + table app.audit
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE app.audit;
