-- - grant to strata_golden_reader (total) ON TABLE public.lines
REVOKE SELECT (total) ON TABLE public.lines FROM strata_golden_reader;

-- - policy lines_big on lines
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP POLICY lines_big ON public.lines;

-- - view big_lines
DROP VIEW public.big_lines;

-- - foreign key deliveries_line_ref_fkey on deliveries
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.deliveries DROP CONSTRAINT deliveries_line_ref_fkey;

-- - check lines_total_sane on lines
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.lines DROP CONSTRAINT lines_total_sane;

-- - index lines_total_idx on lines
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.lines_total_idx;

-- - unique lines_ref_key on lines
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.lines DROP CONSTRAINT lines_ref_key;

-- ~ column lines.total: not generated -> generated as (qty * price)
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.lines DROP COLUMN total, ADD COLUMN total integer GENERATED ALWAYS AS (qty * price) STORED;

-- ~ column lines.ref: not generated -> generated as ('L-'::text || (id)::text)
-- hazard: deletes data
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.lines DROP COLUMN ref, ADD COLUMN ref text GENERATED ALWAYS AS ('L-'::text || (id)::text) STORED;

-- + unique lines_ref_key on lines (ref)
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.lines ADD CONSTRAINT lines_ref_key UNIQUE (ref);

-- + index lines_total_idx on lines
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX lines_total_idx ON public.lines (total) WHERE (total > 10);

-- + check lines_total_sane on lines
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE public.lines ADD CONSTRAINT lines_total_sane CHECK (total >= 0);

-- + foreign key deliveries_line_ref_fkey on deliveries -> lines
-- hazard: blocks writes to the table while it runs
-- hazard: can fail on existing rows
-- lock: SHARE ROW EXCLUSIVE, held while every row is read
ALTER TABLE public.deliveries ADD CONSTRAINT deliveries_line_ref_fkey FOREIGN KEY (line_ref) REFERENCES public.lines (ref);

-- + view big_lines
CREATE VIEW public.big_lines AS SELECT lines.id,
    lines.total
   FROM public.lines
  WHERE (lines.total > 100);

-- + policy lines_big on lines
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
CREATE POLICY lines_big ON public.lines AS PERMISSIVE FOR ALL TO PUBLIC USING ((total > 100));

-- + grant to strata_golden_reader (total) ON TABLE public.lines
GRANT SELECT (total) ON TABLE public.lines TO strata_golden_reader;
