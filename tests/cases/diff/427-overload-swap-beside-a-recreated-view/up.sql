-- + column people.role text not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.people ADD COLUMN role text DEFAULT 'member'::text NOT NULL;

-- ~ view live_people (replaced in place)
CREATE OR REPLACE VIEW public.live_people AS SELECT people.id,
    people.email,
    people.role
   FROM public.people
  WHERE (NOT people.gone);

-- ~ function add_person(email text, role text) (dropped and created again)
DROP FUNCTION public.add_person(email text);
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION public.add_person(email text, role text DEFAULT 'member'::text)
 RETURNS public.live_people
 LANGUAGE plpgsql
AS $function$
DECLARE r live_people;
BEGIN
    INSERT INTO people (id, email, role) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM people), email, role);
    SELECT * INTO r FROM live_people ORDER BY id DESC LIMIT 1;
    RETURN r;
END $function$;
RESET check_function_bodies;
