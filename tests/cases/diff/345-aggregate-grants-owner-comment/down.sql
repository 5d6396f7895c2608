-- undo: ~ comment on aggregate app.rows_seen(*): counts rows
COMMENT ON AGGREGATE app.rows_seen(*) IS NULL;

-- undo: ~ owner of AGGREGATE app.rows_seen(*): strata_golden_owner (replaced in place)
ALTER AGGREGATE app.rows_seen(*) OWNER TO CURRENT_USER;

-- undo: + grant to strata_golden_reader ON FUNCTION app.qty_sum(integer)
REVOKE EXECUTE ON FUNCTION app.qty_sum(integer) FROM strata_golden_reader;

-- undo: + grant to PUBLIC ON FUNCTION app.qty_sum(integer) (default revoked)
GRANT EXECUTE ON FUNCTION app.qty_sum(integer) TO PUBLIC;
