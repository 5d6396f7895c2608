-- undo: ~ function add_person(email text, role text) (dropped and created again)
DROP FUNCTION public.add_person(email text, role text);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.add_person(email text)
 RETURNS public.live_people
 LANGUAGE plpgsql
AS $function$
DECLARE r live_people;
BEGIN
    INSERT INTO people (id, email) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM people), email);
    SELECT * INTO r FROM live_people ORDER BY id DESC LIMIT 1;
    RETURN r;
END $function$;
RESET check_function_bodies;

-- undo: ~ view live_people (replaced in place)
DROP FUNCTION public.add_person(email text);
DROP VIEW public.live_people;
CREATE VIEW public.live_people AS SELECT people.id,
    people.email
   FROM public.people
  WHERE (NOT people.gone);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.add_person(email text)
 RETURNS public.live_people
 LANGUAGE plpgsql
AS $function$
DECLARE r live_people;
BEGIN
    INSERT INTO people (id, email) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM people), email);
    SELECT * INTO r FROM live_people ORDER BY id DESC LIMIT 1;
    RETURN r;
END $function$;
RESET check_function_bodies;

-- undo: + column people.role text not null
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.people DROP COLUMN role;
