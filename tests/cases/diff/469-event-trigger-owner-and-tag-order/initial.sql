-- An event trigger's owner (a superuser) and its tags in the order written.
DO $$ BEGIN CREATE ROLE strata_golden_super SUPERUSER; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE FUNCTION public.ddl_log() RETURNS event_trigger LANGUAGE plpgsql AS $$BEGIN END$$;
CREATE EVENT TRIGGER ddl_logger ON ddl_command_start EXECUTE FUNCTION public.ddl_log();
