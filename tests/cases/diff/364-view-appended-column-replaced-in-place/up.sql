-- + column person.email text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.person ADD COLUMN email text;

-- ~ view person_v (replaced in place)
CREATE OR REPLACE VIEW public.person_v WITH (check_option=local) AS SELECT person.id,
    person.name,
    person.email
   FROM public.person
  WHERE (person.id > 0);
