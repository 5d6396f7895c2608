-- ~ sequence counter (replaced in place)
ALTER SEQUENCE public.counter AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 99999 START WITH 1 CACHE 1 NO CYCLE;
