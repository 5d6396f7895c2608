-- undo: ~ sequence public.test_id_seq: owned by column test.id, which becomes serial
ALTER SEQUENCE public.test_id_seq OWNED BY NONE;
SELECT pg_catalog.setval('public.test_id_seq', 1, false) FROM public.test_id_seq WHERE last_value < 1 OR last_value > 9223372036854775807;
ALTER SEQUENCE public.test_id_seq AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
