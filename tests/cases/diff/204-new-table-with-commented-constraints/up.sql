-- + table c
CREATE TABLE public.c (
    id integer NOT NULL,
    pid integer,
    CONSTRAINT c_pkey PRIMARY KEY (id),
    CONSTRAINT c_pid_key UNIQUE NULLS NOT DISTINCT (pid) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE INDEX c_id_idx ON public.c (id) WITH (fillfactor = '50');
COMMENT ON CONSTRAINT c_pid_key ON public.c IS 'one child per parent';
COMMENT ON INDEX public.c_id_idx IS 'lookups';

-- + foreign key c_pid_fkey on c -> p
-- hazard: blocks writes to the table while it runs
ALTER TABLE public.c ADD CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES public.p (id) MATCH FULL;
COMMENT ON CONSTRAINT c_pid_fkey ON public.c IS 'parent';
