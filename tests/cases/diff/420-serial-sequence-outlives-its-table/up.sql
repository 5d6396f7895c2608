-- ~ sequence public.items_code_seq: released by serial column items.code (OWNED BY NONE), kept with its value
ALTER SEQUENCE public.items_code_seq OWNED BY NONE;
SELECT pg_catalog.setval('public.items_code_seq', 1, false) FROM public.items_code_seq WHERE last_value < 1 OR last_value > 2147483647;
ALTER SEQUENCE public.items_code_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- - column items.code
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE public.items DROP COLUMN code;

-- ~ sequence public.legacy_id_seq: released by serial column legacy.id (OWNED BY NONE), kept with its value
ALTER SEQUENCE public.legacy_id_seq OWNED BY NONE;
SELECT pg_catalog.setval('public.legacy_id_seq', 1, false) FROM public.legacy_id_seq WHERE last_value < 1 OR last_value > 2147483647;
ALTER SEQUENCE public.legacy_id_seq AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

-- - table legacy
-- hazard: deletes data
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
DROP TABLE public.legacy;
