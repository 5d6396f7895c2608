-- ~ domain code (replaced in place)
-- hazard: can fail on existing rows
ALTER DOMAIN public.code DROP CONSTRAINT code_len;
ALTER DOMAIN public.code SET DEFAULT 'ZZ'::character varying;
ALTER DOMAIN public.code ADD CONSTRAINT code_upper CHECK (((VALUE)::text = upper((VALUE)::text))) NOT VALID;

-- ~ domain email (replaced in place)
ALTER DOMAIN public.email RENAME CONSTRAINT email_check TO email_has_at;
