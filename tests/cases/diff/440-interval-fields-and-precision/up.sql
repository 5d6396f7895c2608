-- + table more_spans
CREATE TABLE public.more_spans (
    x interval second(1)[]
);

-- + column spans.f interval(0) not null
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.spans ADD COLUMN f interval(0) DEFAULT '1 day'::interval(0) NOT NULL;

-- ~ column spans.a: interval -> interval hour
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.spans ALTER COLUMN a TYPE interval hour;

-- ~ column spans.b: interval(3) -> interval(5)
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.spans ALTER COLUMN b TYPE interval(5);

-- ~ column spans.c: interval year -> interval year to month
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.spans ALTER COLUMN c TYPE interval year to month;

-- ~ column spans.d: interval day to second(2) -> interval day to second
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.spans ALTER COLUMN d TYPE interval day to second;
