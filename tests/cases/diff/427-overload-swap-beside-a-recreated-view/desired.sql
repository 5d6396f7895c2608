CREATE TABLE people (id integer PRIMARY KEY, email text NOT NULL, gone boolean NOT NULL DEFAULT false, role text NOT NULL DEFAULT 'member');
-- A column inserted in the middle: the view is dropped and created again,
-- and the function whose result is its row type with it.
CREATE VIEW live_people AS SELECT id, email, role FROM people WHERE NOT gone;
-- A new overload replacing the old one (an argument added).
CREATE FUNCTION add_person(email text, role text DEFAULT 'member') RETURNS live_people LANGUAGE plpgsql AS $$
DECLARE r live_people;
BEGIN
    INSERT INTO people (id, email, role) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM people), email, role);
    SELECT * INTO r FROM live_people ORDER BY id DESC LIMIT 1;
    RETURN r;
END $$;
