DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE public.t (id integer);
CREATE TABLE public.mine (id integer);
CREATE SEQUENCE public.s;
CREATE SEQUENCE public.other;
ALTER TABLE public.t OWNER TO strata_golden_owner;
ALTER SEQUENCE public.s OWNER TO strata_golden_owner;
ALTER SEQUENCE public.s OWNED BY public.t.id;
ALTER SEQUENCE public.other OWNED BY public.mine.id;
