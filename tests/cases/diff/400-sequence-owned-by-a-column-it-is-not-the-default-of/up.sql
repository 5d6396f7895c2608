-- - sequence ownership s owned by public.t.legacy
ALTER SEQUENCE public.s OWNED BY NONE;

-- - column t.legacy
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.t DROP COLUMN legacy;

-- + sequence extra
CREATE SEQUENCE public.extra AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- ~ sequence s (replaced in place)
ALTER SEQUENCE public.s AS bigint INCREMENT BY 3 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + sequence ownership extra owned by public.t.id
ALTER SEQUENCE public.extra OWNER TO CURRENT_USER;
ALTER SEQUENCE public.extra OWNED BY public.t.id;

-- + sequence ownership s owned by public.u.n
ALTER SEQUENCE public.s OWNER TO CURRENT_USER;
ALTER SEQUENCE public.s OWNED BY public.u.n;
