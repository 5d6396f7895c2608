-- undo: ~ rename constraint accounts_pkey -> users_pkey on users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.users RENAME CONSTRAINT users_pkey TO accounts_pkey;

-- undo: ~ rename table accounts -> users
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.users RENAME TO accounts;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.accounts', 'id'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.accounts_id_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'accounts_id_seq'); END IF; END $strata$;
