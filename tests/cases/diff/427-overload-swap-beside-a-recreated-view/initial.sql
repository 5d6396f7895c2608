CREATE TABLE people (id integer PRIMARY KEY, email text NOT NULL, gone boolean NOT NULL DEFAULT false);
CREATE VIEW live_people AS SELECT id, email FROM people WHERE NOT gone;
CREATE FUNCTION add_person(email text) RETURNS live_people LANGUAGE plpgsql AS $$
DECLARE r live_people;
BEGIN
    INSERT INTO people (id, email) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM people), email);
    SELECT * INTO r FROM live_people ORDER BY id DESC LIMIT 1;
    RETURN r;
END $$;
