-- undo: ~ view person_v (replaced in place)
COMMENT ON COLUMN public.person_v.name IS NULL;
REVOKE SELECT ON TABLE public.person_v FROM strata_golden_reader;
DROP VIEW public.person_names;
DROP VIEW public.person_v;
CREATE VIEW public.person_v AS SELECT person.id,
    person.name
   FROM public.person
  WHERE (person.id > 0);
CREATE VIEW public.person_names AS SELECT person_v.name
   FROM public.person_v;
GRANT SELECT ON TABLE public.person_v TO strata_golden_reader;
COMMENT ON COLUMN public.person_v.name IS 'as typed';

-- undo: + column person.email text
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.person DROP COLUMN email;
