-- Enum types of the schemas asked for ($1), with their labels in sort order
-- and their comment; types that belong to an extension are left out.
SELECT n.nspname::text AS schema,
       t.typname::text AS name,
       ARRAY(SELECT e.enumlabel::text
             FROM pg_catalog.pg_enum e
             WHERE e.enumtypid = t.oid
             ORDER BY e.enumsortorder) AS labels,
       d.description AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass
      AND d.objoid = t.oid AND d.objsubid = 0
WHERE t.typtype = 'e'
  AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass
                    AND x.objid = t.oid AND x.deptype = 'e')
