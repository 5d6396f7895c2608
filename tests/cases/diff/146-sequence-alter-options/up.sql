-- ~ sequence counter (replaced in place)
SELECT pg_catalog.setval('public.counter', 1, false) FROM public.counter WHERE last_value < 1 OR last_value > 99999;
ALTER SEQUENCE public.counter AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 99999 START WITH 1 CACHE 1 NO CYCLE;
