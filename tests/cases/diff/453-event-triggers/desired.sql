CREATE SCHEMA "DDL Watch";
CREATE FUNCTION "DDL Watch".note_ddl() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'ddl: %', tg_tag; END$$;
CREATE FUNCTION public.no_drops() RETURNS event_trigger LANGUAGE plpgsql
    AS $$BEGIN RAISE NOTICE 'drop'; END$$;
CREATE EVENT TRIGGER "watch tables" ON ddl_command_end
    WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE', 'DROP TABLE') EXECUTE FUNCTION "DDL Watch".note_ddl();
CREATE EVENT TRIGGER watch_drops ON sql_drop EXECUTE FUNCTION public.no_drops();
ALTER EVENT TRIGGER watch_drops DISABLE;
COMMENT ON EVENT TRIGGER watch_drops IS 'says what is dropped, when enabled';
CREATE EVENT TRIGGER watch_rewrites ON table_rewrite EXECUTE FUNCTION "DDL Watch".note_ddl();
