-- Columns of every table of the schemas asked for ($1), dropped ones left
-- out. The type comes as its base type (the element type of an array: a type
-- is a true array when it is its element's `typarray`), the base type's
-- schema, an array flag and the modifier. `owned_sequence_default` is the
-- `nextval()` call a serial column's default would be, for a column that
-- owns a sequence (pg_depend deptype 'a'); identity sequences (deptype 'i')
-- do not count.
SELECT a.attrelid AS table_oid,
       a.attnum AS num,
       a.attname::text AS name,
       bt.typname::text AS type_name,
       bn.nspname::text AS type_schema,
       (et.oid IS NOT NULL) AS is_array,
       a.atttypmod AS typmod,
       a.attnotnull AS not_null,
       a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
       CASE WHEN ad.adbin IS NOT NULL AND a.attidentity = '' THEN
         (SELECT pg_catalog.format('nextval(%L::regclass)', s.oid::pg_catalog.regclass::text)
          FROM pg_catalog.pg_depend dep
          JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
          WHERE dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
            AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
            AND dep.refobjid = a.attrelid
            AND dep.refobjsubid = a.attnum
            AND dep.deptype = 'a'
          LIMIT 1)
       END AS owned_sequence_default,
       d.description AS comment
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND et.typarray = t.oid
JOIN pg_catalog.pg_type bt ON bt.oid = COALESCE(et.oid, t.oid)
JOIN pg_catalog.pg_namespace bn ON bn.oid = bt.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
       ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.objoid = a.attrelid AND d.objsubid = a.attnum
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY ($1::text[])
  AND a.attnum > 0
  AND NOT a.attisdropped
