-- undo: ~ comment on event trigger ddl_logger: logs DDL
COMMENT ON EVENT TRIGGER ddl_logger IS NULL;

-- undo: + event trigger ddl_tagged
DROP EVENT TRIGGER ddl_tagged;

-- undo: ~ owner of EVENT TRIGGER ddl_logger: strata_golden_super (replaced in place)
ALTER EVENT TRIGGER ddl_logger OWNER TO CURRENT_USER;
