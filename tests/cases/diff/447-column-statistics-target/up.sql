-- + table u
CREATE TABLE public.u (
    x integer
);
ALTER TABLE public.u ALTER COLUMN x SET STATISTICS 1000;

-- + column t.d text
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN d text;
ALTER TABLE public.t ALTER COLUMN d SET STATISTICS 10;

-- ~ column t.b: text -> bigint
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE public.t ALTER COLUMN b TYPE bigint USING b::bigint;

-- ~ column t.a: statistics default -> 500
-- lock: SHARE UPDATE EXCLUSIVE
ALTER TABLE public.t ALTER COLUMN a SET STATISTICS 500;

-- ~ column t.c: statistics 0 -> default
-- lock: SHARE UPDATE EXCLUSIVE
ALTER TABLE public.t ALTER COLUMN c SET STATISTICS -1;
