-- - grant to strata_golden_reader ON TABLE public.accounts
REVOKE SELECT ON TABLE public.accounts FROM strata_golden_reader;

-- - policy mine on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY mine ON public.accounts;

-- - row level security on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts DISABLE ROW LEVEL SECURITY;
ALTER TABLE public.accounts NO FORCE ROW LEVEL SECURITY;

-- - view "v a 6"
DROP VIEW public."v a 6";

-- ~ rename table accounts -> "Ledger"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts RENAME TO "Ledger";

-- ~ rename constraint accounts_pkey -> "Ledger_pkey" on "Ledger"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."Ledger" RENAME CONSTRAINT accounts_pkey TO "Ledger_pkey";

-- ~ rename column t.b -> "with space"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t RENAME COLUMN b TO "with space";

-- + view "v a 6"
CREATE VIEW public."v a 6" WITH (security_barrier=true) AS SELECT t."Name"
   FROM public.t;
COMMENT ON VIEW public."v a 6" IS 'changed';

-- + row level security on "Ledger"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."Ledger" ENABLE ROW LEVEL SECURITY;

-- + policy mine on "Ledger"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY mine ON public."Ledger" AS PERMISSIVE FOR ALL TO PUBLIC USING ((owner_id = 2));

-- + grant to strata_golden_reader ON TABLE public."Ledger"
GRANT SELECT, UPDATE ON TABLE public."Ledger" TO strata_golden_reader;
