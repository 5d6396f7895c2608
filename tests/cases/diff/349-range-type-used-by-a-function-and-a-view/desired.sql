CREATE TABLE slot (id int PRIMARY KEY, lo int NOT NULL, hi int NOT NULL);
-- A range over a domain: the domain first, then the range, the function
-- taking its multirange, the view using the function.
CREATE DOMAIN hour AS integer CHECK (VALUE BETWEEN 0 AND 24);
CREATE TYPE hours AS RANGE (SUBTYPE = hour);
CREATE FUNCTION total_hours(h hours_multirange) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT count(*)::integer FROM unnest(h) $$;
CREATE VIEW slot_hours AS SELECT id, total_hours(hours_multirange(hours(lo::hour, hi::hour))) AS n FROM slot;
