-- A bigint of epoch milliseconds becomes a timestamp. A look-alike
-- public.to_timestamp(bigint) is not called (the plan calls
-- pg_catalog.to_timestamp(double precision)), and the CHECKs prove the
-- values both ways.
CREATE SCHEMA app;
CREATE FUNCTION public.to_timestamp(bigint) RETURNS timestamp
    LANGUAGE sql AS $$ SELECT timestamp '1970-01-01' $$;
CREATE TABLE app.events (
    id integer PRIMARY KEY,
    ts bigint NOT NULL,
    "Seen At" bigint,
    CONSTRAINT ts_is_known CHECK (id <> 1 OR ts = 1700000000123)
);
INSERT INTO app.events VALUES (1, 1700000000123, 1700000000000), (2, 0, NULL);
