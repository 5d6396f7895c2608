-- undo: - sequence counter
-- note: re-creates the definition only; the data the up migration deleted is not restored
CREATE SEQUENCE public.counter AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;
