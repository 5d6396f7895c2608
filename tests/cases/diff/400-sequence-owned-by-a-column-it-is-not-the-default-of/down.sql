-- undo: + sequence ownership s owned by public.u.n
ALTER SEQUENCE public.s OWNED BY NONE;

-- undo: + sequence ownership extra owned by public.t.id
ALTER SEQUENCE public.extra OWNED BY NONE;

-- undo: ~ sequence s (replaced in place)
ALTER SEQUENCE public.s AS bigint INCREMENT BY 2 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- undo: + sequence extra
-- hazard: deletes data
DROP SEQUENCE public.extra;

-- undo: - column t.legacy
-- note: re-creates the definition only; the data the up migration deleted is not restored
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t ADD COLUMN legacy bigint;

-- undo: - sequence ownership s owned by public.t.legacy
ALTER SEQUENCE public.s OWNER TO CURRENT_USER;
ALTER SEQUENCE public.s OWNED BY public.t.legacy;
