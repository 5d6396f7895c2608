-- undo: - schema "ext A"
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE SCHEMA "ext A";

-- undo: ~ extension hstore: schema "ext A" -> ext_b
ALTER EXTENSION hstore SET SCHEMA "ext A";

-- undo: + schema ext_b
-- hazard: deletes data
DROP SCHEMA ext_b;
