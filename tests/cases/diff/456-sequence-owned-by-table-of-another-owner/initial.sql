-- A sequence made owned by a column of a table another role owns:
-- PostgreSQL wants the sequence to have the table's owner, so the
-- sequence is given it after the table's owner is set and before OWNED BY.
-- A second sequence moves to a table the running role owns.
DO $$ BEGIN CREATE ROLE strata_golden_owner; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;
CREATE TABLE public.t (id integer);
CREATE TABLE public.mine (id integer);
CREATE SEQUENCE public.s;
CREATE SEQUENCE public.other;
ALTER SEQUENCE public.other OWNER TO strata_golden_owner;
