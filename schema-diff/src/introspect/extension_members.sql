-- Relations and types that belong to an extension (pg_depend deptype 'e'),
-- found through the index on the referenced object (the extension), so the
-- cost is the number of extension members.
SELECT dep.objid AS oid,
       (dep.classid = 'pg_catalog.pg_type'::pg_catalog.regclass) AS is_type
FROM pg_catalog.pg_depend dep
WHERE dep.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
  AND dep.deptype = 'e'
  AND dep.classid IN ('pg_catalog.pg_class'::pg_catalog.regclass,
                      'pg_catalog.pg_type'::pg_catalog.regclass)
