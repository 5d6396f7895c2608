-- + table tickets
CREATE TABLE public.tickets (
    id serial NOT NULL,
    note text,
    CONSTRAINT tickets_pkey PRIMARY KEY (id)
);
DO $strata$ BEGIN EXECUTE pg_catalog.format('ALTER SEQUENCE %s INCREMENT BY -5 MINVALUE 100 MAXVALUE 500 START WITH 500 CACHE 10 NO CYCLE RESTART', pg_catalog.pg_get_serial_sequence('public.tickets', 'id')); END $strata$;
