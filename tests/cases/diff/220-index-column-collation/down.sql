-- undo: + index t_lower on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_lower;

-- undo: + index t_b on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_b;

-- undo: + index t_a on t
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP INDEX public.t_a;

-- undo: - index t_b on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_b ON public.t (b COLLATE pg_catalog."default");

-- undo: - index t_a on t
-- hazard: blocks writes to the table while it runs
-- lock: SHARE, held while every row is read
CREATE INDEX t_a ON public.t (a);
