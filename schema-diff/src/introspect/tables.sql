-- Ordinary and partitioned tables (not partitions) of the schemas asked for
-- ($1). Extension members and excluded tables are filtered out in Rust.
SELECT c.oid AS oid,
       n.nspname::text AS schema,
       c.relname::text AS name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY ($1::text[])
