-- + table t
CREATE TABLE public.t (
    id integer,
    name text COLLATE pg_catalog."C",
    code character varying(10) COLLATE pg_catalog."POSIX"
);
