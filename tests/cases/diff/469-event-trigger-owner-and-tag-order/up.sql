-- ~ owner of EVENT TRIGGER ddl_logger: strata_golden_super (replaced in place)
ALTER EVENT TRIGGER ddl_logger OWNER TO strata_golden_super;

-- + event trigger ddl_tagged
CREATE EVENT TRIGGER ddl_tagged ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION public.ddl_log();

-- ~ comment on event trigger ddl_logger: logs DDL
COMMENT ON EVENT TRIGGER ddl_logger IS 'logs DDL';
