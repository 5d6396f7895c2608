-- ~ sequence s1 (replaced in place)
SELECT pg_catalog.setval('public.s1', 100, false) FROM public.s1 WHERE last_value < 100 OR last_value > 2147483647;
ALTER SEQUENCE public.s1 AS integer INCREMENT BY 5 MINVALUE 100 MAXVALUE 2147483647 START WITH 100 CACHE 1 NO CYCLE;

-- ~ sequence s2 (replaced in place)
ALTER SEQUENCE public.s2 AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 10 NO CYCLE;
