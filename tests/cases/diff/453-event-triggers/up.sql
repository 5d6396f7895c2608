-- - event trigger watch_drops
DROP EVENT TRIGGER watch_drops;

-- - event trigger watch_start
DROP EVENT TRIGGER watch_start;

-- - event trigger "watch tables"
DROP EVENT TRIGGER "watch tables";

-- + event trigger "watch tables"
CREATE EVENT TRIGGER "watch tables" ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE', 'DROP TABLE') EXECUTE FUNCTION "DDL Watch".note_ddl();

-- + event trigger watch_rewrites
CREATE EVENT TRIGGER watch_rewrites ON table_rewrite EXECUTE FUNCTION "DDL Watch".note_ddl();

-- + event trigger watch_drops
CREATE EVENT TRIGGER watch_drops ON sql_drop EXECUTE FUNCTION public.no_drops();
ALTER EVENT TRIGGER watch_drops DISABLE;
COMMENT ON EVENT TRIGGER watch_drops IS 'says what is dropped, when enabled';
