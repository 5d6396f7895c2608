-- + table t
CREATE TABLE public.t (
    id integer NOT NULL,
    first text,
    last text,
    full_name text GENERATED ALWAYS AS ((first || ' '::text) || last) STORED,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);
