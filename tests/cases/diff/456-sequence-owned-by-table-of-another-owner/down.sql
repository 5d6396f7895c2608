-- undo: + sequence ownership s owned by public.t.id
ALTER SEQUENCE public.s OWNED BY NONE;

-- undo: ~ owner of TABLE public.t: strata_golden_owner (replaced in place)
ALTER TABLE public.t OWNER TO CURRENT_USER;

-- undo: ~ owner of SEQUENCE public.s: strata_golden_owner (replaced in place)
ALTER SEQUENCE public.s OWNER TO CURRENT_USER;

-- undo: + sequence ownership other owned by public.mine.id
ALTER SEQUENCE public.other OWNED BY NONE;

-- undo: - owner of SEQUENCE public.other: strata_golden_owner
ALTER SEQUENCE public.other OWNER TO strata_golden_owner;
