-- undo: + grant to strata_golden_reader ON TABLE api.item
REVOKE SELECT ON TABLE api.item FROM strata_golden_reader;

-- undo: + grant to strata_golden_reader ON SCHEMA api
REVOKE USAGE ON SCHEMA api FROM strata_golden_reader;

-- undo: + function api.search(q text)
DROP FUNCTION api.search(q text);

-- undo: + view api.item
DROP VIEW api.item;

-- undo: + schema api
-- hazard: deletes data
DROP SCHEMA api;
