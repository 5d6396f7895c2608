-- + table h
CREATE TABLE public.h (
    id integer NOT NULL
) PARTITION BY HASH (id);

-- + table h0
CREATE TABLE public.h0 PARTITION OF public.h FOR VALUES WITH (modulus 2, remainder 0);

-- + table h1
CREATE TABLE public.h1 PARTITION OF public.h FOR VALUES WITH (modulus 2, remainder 1);
