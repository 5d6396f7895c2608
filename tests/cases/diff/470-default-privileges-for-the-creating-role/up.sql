-- + table audit
CREATE TABLE public.audit (
    id integer NOT NULL,
    note text,
    CONSTRAINT audit_pkey PRIMARY KEY (id)
);

-- ~ grant to strata_golden_reader ON TABLE public.audit (replaced in place)
REVOKE INSERT ON TABLE public.audit FROM strata_golden_reader;
