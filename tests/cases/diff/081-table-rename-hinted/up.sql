-- ~ rename table accounts -> users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts RENAME TO users;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.users', 'id'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.users_id_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'users_id_seq'); END IF; END $strata$;

-- ~ rename constraint accounts_pkey -> users_pkey on users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.users RENAME CONSTRAINT accounts_pkey TO users_pkey;
