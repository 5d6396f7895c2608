-- ~ column t.id: identity none -> always
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('public.t', 'id'), greatest(max(id), 0) + 1, false) FROM public.t;
