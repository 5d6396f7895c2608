-- undo: + event trigger watch_drops
DROP EVENT TRIGGER watch_drops;

-- undo: + event trigger watch_rewrites
DROP EVENT TRIGGER watch_rewrites;

-- undo: + event trigger "watch tables"
DROP EVENT TRIGGER "watch tables";

-- undo: - event trigger "watch tables"
CREATE EVENT TRIGGER "watch tables" ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION "DDL Watch".note_ddl();

-- undo: - event trigger watch_start
CREATE EVENT TRIGGER watch_start ON ddl_command_start EXECUTE FUNCTION "DDL Watch".note_ddl();

-- undo: - event trigger watch_drops
CREATE EVENT TRIGGER watch_drops ON sql_drop EXECUTE FUNCTION public.no_drops();
COMMENT ON EVENT TRIGGER watch_drops IS 'says what is dropped';
