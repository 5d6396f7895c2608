-- - check ts_is_known on app.events
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE app.events DROP CONSTRAINT ts_is_known;

-- ~ column app.events.ts: bigint -> timestamp(3) without time zone
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- hazard: converts between bigint and timestamp as milliseconds since 1970-01-01 00:00 UTC
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE app.events ALTER COLUMN ts TYPE timestamp(3) without time zone USING pg_catalog.to_timestamp(ts::pg_catalog.float8 OPERATOR(pg_catalog./) 1000) AT TIME ZONE 'UTC';

-- ~ column app.events."Seen At": bigint -> timestamp with time zone
-- hazard: rewrites the table
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- hazard: converts between bigint and timestamp as milliseconds since 1970-01-01 00:00 UTC
-- lock: ACCESS EXCLUSIVE, held while the table is rewritten
ALTER TABLE app.events ALTER COLUMN "Seen At" TYPE timestamp with time zone USING pg_catalog.to_timestamp("Seen At"::pg_catalog.float8 OPERATOR(pg_catalog./) 1000);

-- + check ts_is_known on app.events
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
-- hazard: can fail on existing rows
-- lock: ACCESS EXCLUSIVE, held while every row is read
ALTER TABLE app.events ADD CONSTRAINT ts_is_known CHECK (id <> 1 OR ts = '2023-11-14 22:13:20.123'::timestamp without time zone);
