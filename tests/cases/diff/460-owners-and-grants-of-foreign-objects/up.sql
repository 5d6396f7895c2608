-- + grant to strata_golden_reader ON FOREIGN DATA WRAPPER owned_fdw
GRANT USAGE ON FOREIGN DATA WRAPPER owned_fdw TO strata_golden_reader;

-- + grant to strata_golden_owner ON FOREIGN DATA WRAPPER owned_fdw
GRANT USAGE ON FOREIGN DATA WRAPPER owned_fdw TO strata_golden_owner;

-- + grant to strata_golden_reader ON FOREIGN SERVER owned_server
GRANT USAGE ON FOREIGN SERVER owned_server TO strata_golden_reader WITH GRANT OPTION;

-- + grant to strata_golden_reader (label) ON TABLE public.remote_items
GRANT UPDATE (label) ON TABLE public.remote_items TO strata_golden_reader;

-- + grant to strata_golden_reader ON TABLE public.remote_items
GRANT SELECT ON TABLE public.remote_items TO strata_golden_reader;

-- ~ owner of SERVER owned_server: strata_golden_owner (replaced in place)
ALTER SERVER owned_server OWNER TO strata_golden_owner;

-- ~ owner of OPERATOR public.=== (text, text): strata_golden_owner (replaced in place)
ALTER OPERATOR public.=== (text, text) OWNER TO strata_golden_owner;

-- ~ owner of TEXT SEARCH CONFIGURATION public.owned_search: strata_golden_owner (replaced in place)
ALTER TEXT SEARCH CONFIGURATION public.owned_search OWNER TO strata_golden_owner;

-- ~ owner of FOREIGN TABLE public.remote_items: strata_golden_owner (replaced in place)
ALTER FOREIGN TABLE public.remote_items OWNER TO strata_golden_owner;
