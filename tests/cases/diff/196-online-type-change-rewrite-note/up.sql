-- note: online: changing t.n from integer to bigint rewrites the table under an ACCESS EXCLUSIVE lock (reads and writes wait until it ends); to keep serving, add a new column of type bigint, backfill it in batches, switch the application to it, then drop the old column

-- ~ column t.n: integer -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN n TYPE bigint;
