-- + schema ext_b
CREATE SCHEMA ext_b;

-- ~ extension hstore: schema "ext A" -> ext_b
ALTER EXTENSION hstore SET SCHEMA ext_b;

-- - schema "ext A"
-- hazard: deletes data
DROP SCHEMA "ext A";
