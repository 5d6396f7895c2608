-- undo: ~ column spans.d: interval day to second(2) -> interval day to second
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.spans ALTER COLUMN d TYPE interval day to second(2);

-- undo: ~ column spans.c: interval year -> interval year to month
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.spans ALTER COLUMN c TYPE interval year;

-- undo: ~ column spans.b: interval(3) -> interval(5)
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.spans ALTER COLUMN b TYPE interval(3);

-- undo: ~ column spans.a: interval -> interval hour
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.spans ALTER COLUMN a TYPE interval;

-- undo: + column spans.f interval(0) not null
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.spans DROP COLUMN f;

-- undo: + table more_spans
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.more_spans;
