-- Event triggers: one kept, one whose tags change, one disabled on the
-- way, one dropped, one new; the function of one in a schema of its own.
CREATE SCHEMA "DDL Watch";
CREATE FUNCTION "DDL Watch".note_ddl() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'ddl: %', tg_tag; END$$;
CREATE FUNCTION public.no_drops() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'drop'; END$$;
CREATE EVENT TRIGGER "watch tables" ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION "DDL Watch".note_ddl();
CREATE EVENT TRIGGER watch_drops ON sql_drop EXECUTE FUNCTION public.no_drops();
CREATE EVENT TRIGGER watch_start ON ddl_command_start EXECUTE FUNCTION "DDL Watch".note_ddl();
COMMENT ON EVENT TRIGGER watch_drops IS 'says what is dropped';
