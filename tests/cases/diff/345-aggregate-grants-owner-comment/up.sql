-- + grant to PUBLIC ON FUNCTION app.qty_sum(integer) (default revoked)
REVOKE EXECUTE ON FUNCTION app.qty_sum(integer) FROM PUBLIC;

-- + grant to strata_golden_reader ON FUNCTION app.qty_sum(integer)
GRANT EXECUTE ON FUNCTION app.qty_sum(integer) TO strata_golden_reader;

-- ~ owner of AGGREGATE app.rows_seen(*): strata_golden_owner (replaced in place)
ALTER AGGREGATE app.rows_seen(*) OWNER TO strata_golden_owner;

-- ~ comment on aggregate app.rows_seen(*): counts rows
COMMENT ON AGGREGATE app.rows_seen(*) IS 'counts rows';
