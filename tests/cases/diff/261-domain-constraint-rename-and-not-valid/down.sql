-- undo: ~ domain email (replaced in place)
ALTER DOMAIN public.email RENAME CONSTRAINT email_has_at TO email_check;

-- undo: ~ domain code (replaced in place)
-- hazard: can fail on existing rows
ALTER DOMAIN public.code DROP CONSTRAINT code_upper;
ALTER DOMAIN public.code SET DEFAULT 'AA'::character varying;
ALTER DOMAIN public.code ADD CONSTRAINT code_len CHECK ((length((VALUE)::text) > 1));
