-- undo: ~ sequence counter (replaced in place)
ALTER SEQUENCE public.counter AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
