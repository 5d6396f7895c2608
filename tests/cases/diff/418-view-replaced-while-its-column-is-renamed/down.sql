-- undo: + grant to strata_golden_reader ON TABLE public."Ledger"
REVOKE SELECT, UPDATE ON TABLE public."Ledger" FROM strata_golden_reader;

-- undo: + policy mine on "Ledger"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY mine ON public."Ledger";

-- undo: + row level security on "Ledger"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."Ledger" DISABLE ROW LEVEL SECURITY;
ALTER TABLE public."Ledger" NO FORCE ROW LEVEL SECURITY;

-- undo: + view "v a 6"
DROP VIEW public."v a 6";

-- undo: ~ rename column t.b -> "with space"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t RENAME COLUMN "with space" TO b;

-- undo: ~ rename constraint accounts_pkey -> "Ledger_pkey" on "Ledger"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."Ledger" RENAME CONSTRAINT "Ledger_pkey" TO accounts_pkey;

-- undo: ~ rename table accounts -> "Ledger"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public."Ledger" RENAME TO accounts;

-- undo: - view "v a 6"
CREATE VIEW public."v a 6" AS SELECT t."Name"
   FROM public.t
  WHERE (t.b IS NOT NULL);

-- undo: - row level security on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.accounts ENABLE ROW LEVEL SECURITY;

-- undo: - policy mine on accounts
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY mine ON public.accounts AS PERMISSIVE FOR ALL TO PUBLIC USING ((owner_id = 1));

-- undo: - grant to strata_golden_reader ON TABLE public.accounts
GRANT SELECT ON TABLE public.accounts TO strata_golden_reader;
