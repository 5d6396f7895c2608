-- + table c
CREATE TABLE public.c (
    id integer NOT NULL,
    pid integer NOT NULL,
    n integer,
    CONSTRAINT c_pkey PRIMARY KEY (id),
    CONSTRAINT c_n_check CHECK (n > 0)
);
CREATE INDEX c_n_idx ON public.c (n);

-- + foreign key c_pid_fkey on c -> p
-- hazard: blocks writes to the table while it runs
ALTER TABLE public.c ADD CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES public.p (id);
