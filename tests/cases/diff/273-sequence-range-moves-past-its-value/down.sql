-- undo: ~ sequence s2 (replaced in place)
ALTER SEQUENCE public.s2 AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- undo: ~ sequence s1 (replaced in place)
SELECT pg_catalog.setval('public.s1', 1, false) FROM public.s1 WHERE last_value < 1 OR last_value > 9223372036854775807;
ALTER SEQUENCE public.s1 AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
