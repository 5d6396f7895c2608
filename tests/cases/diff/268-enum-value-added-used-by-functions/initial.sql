CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE reading (id int PRIMARY KEY, lvl level DEFAULT 'low');
CREATE FUNCTION describe(l level) RETURNS text LANGUAGE plpgsql AS $$BEGIN RETURN l::text; END$$;
CREATE FUNCTION next_level(l level) RETURNS level LANGUAGE sql AS $$SELECT 'high'::level$$;
CREATE VIEW described AS SELECT id, describe(lvl) FROM reading;
