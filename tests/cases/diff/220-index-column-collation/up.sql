-- - index t_a on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_a;

-- - index t_b on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_b;

-- + index t_a on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_a ON public.t (a COLLATE pg_catalog."C" text_pattern_ops DESC);

-- + index t_b on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_b ON public.t (b);

-- + index t_lower on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_lower ON public.t ((lower(a)) COLLATE pg_catalog."C");
