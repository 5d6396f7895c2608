-- undo: + index foobar_id on foobar
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.foobar_id;

-- undo: + primary key foobar_pkey on foobar (foo, id)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.foobar DROP CONSTRAINT foobar_pkey;

-- undo: - index foobar_pkey on foobar
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE, held while every row is read
CREATE UNIQUE INDEX foobar_pkey ON public.foobar (foo, id);

-- undo: - index foobar_id on foobar
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX foobar_id ON public.foobar (id);

-- undo: ~ index of foobar_1 attached to foobar_pkey named foobar_1_pkey
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT c.relname INTO n FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid WHERE h.inhparent = pg_catalog.to_regclass('public.foobar_pkey') AND x.indrelid = pg_catalog.to_regclass('public.foobar_1'); IF n IS NOT NULL AND n <> 'foobar_1_pkey' THEN EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', 'public', n, 'foobar_1_pkey'); END IF; END $strata$;

-- undo: ~ index of foobar_1 attached to foobar_id named "Foobar 1 by id"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DO $strata$ DECLARE n text; BEGIN SELECT c.relname INTO n FROM pg_catalog.pg_inherits h JOIN pg_catalog.pg_class c ON c.oid = h.inhrelid JOIN pg_catalog.pg_index x ON x.indexrelid = c.oid WHERE h.inhparent = pg_catalog.to_regclass('public.foobar_id') AND x.indrelid = pg_catalog.to_regclass('public.foobar_1'); IF n IS NOT NULL AND n <> 'Foobar 1 by id' THEN EXECUTE pg_catalog.format('ALTER INDEX %I.%I RENAME TO %I', 'public', n, 'Foobar 1 by id'); END IF; END $strata$;
