-- - owner of SEQUENCE public.other: strata_golden_owner

-- + sequence ownership other owned by public.mine.id
ALTER SEQUENCE public.other OWNER TO CURRENT_USER;
ALTER SEQUENCE public.other OWNED BY public.mine.id;

-- ~ owner of SEQUENCE public.s: strata_golden_owner (replaced in place)
ALTER SEQUENCE public.s OWNER TO strata_golden_owner;

-- ~ owner of TABLE public.t: strata_golden_owner (replaced in place)
ALTER TABLE public.t OWNER TO strata_golden_owner;

-- + sequence ownership s owned by public.t.id
ALTER SEQUENCE public.s OWNER TO strata_golden_owner;
ALTER SEQUENCE public.s OWNED BY public.t.id;
