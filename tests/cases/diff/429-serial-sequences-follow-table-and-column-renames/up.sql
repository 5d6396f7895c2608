-- ~ rename table accounts -> members
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts RENAME TO members;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.members', 'id'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.members_id_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'members_id_seq'); END IF; END $strata$;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.members', 'legacy_no'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.members_legacy_no_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'members_legacy_no_seq'); END IF; END $strata$;

-- ~ rename constraint accounts_pkey -> members_pkey on members
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.members RENAME CONSTRAINT accounts_pkey TO members_pkey;

-- ~ rename column members.legacy_no -> member_no
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.members RENAME COLUMN legacy_no TO member_no;
DO $strata$ DECLARE s text := pg_catalog.pg_get_serial_sequence('public.members', 'member_no'); BEGIN IF s IS NOT NULL AND pg_catalog.to_regclass('public.members_member_no_seq') IS NULL THEN EXECUTE pg_catalog.format('ALTER SEQUENCE %s RENAME TO %I', s, 'members_member_no_seq'); END IF; END $strata$;
