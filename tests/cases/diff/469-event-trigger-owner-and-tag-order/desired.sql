DO $$ BEGIN CREATE ROLE strata_golden_super SUPERUSER; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION public.ddl_log() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER ddl_logger ON ddl_command_start EXECUTE FUNCTION public.ddl_log();
ALTER EVENT TRIGGER ddl_logger OWNER TO strata_golden_super;
COMMENT ON EVENT TRIGGER ddl_logger IS 'logs DDL';
CREATE EVENT TRIGGER ddl_tagged ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION public.ddl_log();
