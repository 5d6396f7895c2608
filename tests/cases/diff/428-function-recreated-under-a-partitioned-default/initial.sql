CREATE FUNCTION start_qty(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x $$;
CREATE TABLE readings (
    id integer NOT NULL,
    qty integer DEFAULT start_qty(1),
    CONSTRAINT readings_qty CHECK (qty <= start_qty(100))
) PARTITION BY RANGE (id);
-- A partition with a default of its own, one with the parent's.
CREATE TABLE readings_low PARTITION OF readings (qty DEFAULT 7) FOR VALUES FROM (0) TO (10);
CREATE TABLE readings_high PARTITION OF readings FOR VALUES FROM (10) TO (20);
CREATE INDEX readings_shifted ON readings ((qty + start_qty(0)));
