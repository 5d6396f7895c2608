-- Enum types of the schemas asked for ($1), with their labels in sort order.
-- Extension members are filtered out in Rust.
SELECT t.oid AS oid,
       n.nspname::text AS schema,
       t.typname::text AS name,
       ARRAY(SELECT e.enumlabel::text
             FROM pg_catalog.pg_enum e
             WHERE e.enumtypid = t.oid
             ORDER BY e.enumsortorder) AS labels
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e'
  AND n.nspname = ANY ($1::text[])
