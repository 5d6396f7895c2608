-- Operator classes that are not the default of their type and access method
-- (few, and independent of the size of the schema): an index element whose
-- opclass is listed here names it; any other uses its type's default.
SELECT oc.oid AS oid,
       CASE WHEN n.nspname = 'pg_catalog' THEN oc.opcname::text
            ELSE n.nspname::text || '.' || oc.opcname::text END AS name
FROM pg_catalog.pg_opclass oc
JOIN pg_catalog.pg_namespace n ON n.oid = oc.opcnamespace
WHERE NOT oc.opcdefault
