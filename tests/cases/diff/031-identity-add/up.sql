-- ~ column t.id: identity none -> always
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('public.t', 'id'), greatest(pg_catalog.max(id), 0) + 1, false) FROM public.t;
