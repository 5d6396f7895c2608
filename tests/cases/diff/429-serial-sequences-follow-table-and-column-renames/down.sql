-- undo: ~ rename column members.legacy_no -> member_no
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.members RENAME COLUMN member_no TO legacy_no;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.members', 'legacy_no'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.members_legacy_no_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'members_legacy_no_seq'); END IF; END $strata$;

-- undo: ~ rename constraint accounts_pkey -> members_pkey on members
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.members RENAME CONSTRAINT members_pkey TO accounts_pkey;

-- undo: ~ rename table accounts -> members
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.members RENAME TO accounts;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.accounts', 'id'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.accounts_id_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'accounts_id_seq'); END IF; END $strata$;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.accounts', 'legacy_no'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.accounts_legacy_no_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'accounts_legacy_no_seq'); END IF; END $strata$;
