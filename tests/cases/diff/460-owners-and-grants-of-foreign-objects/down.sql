-- undo: ~ owner of FOREIGN TABLE public.remote_items: strata_golden_owner (replaced in place)
ALTER FOREIGN TABLE public.remote_items OWNER TO CURRENT_USER;

-- undo: ~ owner of TEXT SEARCH CONFIGURATION public.owned_search: strata_golden_owner (replaced in place)
ALTER TEXT SEARCH CONFIGURATION public.owned_search OWNER TO CURRENT_USER;

-- undo: ~ owner of OPERATOR public.=== (text, text): strata_golden_owner (replaced in place)
ALTER OPERATOR public.=== (text, text) OWNER TO CURRENT_USER;

-- undo: ~ owner of SERVER owned_server: strata_golden_owner (replaced in place)
ALTER SERVER owned_server OWNER TO CURRENT_USER;

-- undo: + grant to strata_golden_reader ON TABLE public.remote_items
REVOKE SELECT ON TABLE public.remote_items FROM strata_golden_reader;

-- undo: + grant to strata_golden_reader (label) ON TABLE public.remote_items
REVOKE UPDATE (label) ON TABLE public.remote_items FROM strata_golden_reader;

-- undo: + grant to strata_golden_reader ON FOREIGN SERVER owned_server
REVOKE USAGE ON FOREIGN SERVER owned_server FROM strata_golden_reader;

-- undo: + grant to strata_golden_owner ON FOREIGN DATA WRAPPER owned_fdw
REVOKE USAGE ON FOREIGN DATA WRAPPER owned_fdw FROM strata_golden_owner;

-- undo: + grant to strata_golden_reader ON FOREIGN DATA WRAPPER owned_fdw
REVOKE USAGE ON FOREIGN DATA WRAPPER owned_fdw FROM strata_golden_reader;
