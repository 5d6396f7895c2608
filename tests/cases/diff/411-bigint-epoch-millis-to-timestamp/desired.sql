CREATE SCHEMA app;
CREATE FUNCTION public.to_timestamp(bigint) RETURNS timestamp
    LANGUAGE sql AS $$ SELECT timestamp '1970-01-01' $$;
CREATE TABLE app.events (
    id integer PRIMARY KEY,
    ts timestamp(3) NOT NULL,
    "Seen At" timestamptz,
    CONSTRAINT ts_is_known CHECK (id <> 1 OR ts = '2023-11-14 22:13:20.123')
);
