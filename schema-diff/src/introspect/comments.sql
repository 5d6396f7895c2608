-- Comments on relations (objsubid 0) and their columns (objsubid = attnum)
-- and on types, of the schemas asked for ($1). Driven from pg_description,
-- which is small.
SELECT d.objoid AS oid,
       d.objsubid AS num,
       (d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass) AS on_type,
       d.description AS comment
FROM pg_catalog.pg_description d
LEFT JOIN pg_catalog.pg_class c
       ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = d.objoid
LEFT JOIN pg_catalog.pg_type t
       ON d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = d.objoid
JOIN pg_catalog.pg_namespace n ON n.oid = COALESCE(c.relnamespace, t.typnamespace)
WHERE d.classoid IN ('pg_catalog.pg_class'::pg_catalog.regclass,
                     'pg_catalog.pg_type'::pg_catalog.regclass)
  AND n.nspname = ANY ($1::text[])
