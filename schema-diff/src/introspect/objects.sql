-- Definition objects of the schemas asked for ($1): extensions, collations,
-- standalone sequences (and the column owning one), domains, composite types, range types, functions,
-- procedures and aggregates, views and materialized views (with their
-- indexes), triggers, row-level security, policies, extended
-- statistics, rules, operators, casts, text search objects, foreign data
-- wrappers, servers, user mappings, foreign tables, publications and
-- event triggers.
-- One row each: its key (kind, schema, name, table, arguments),
-- the statement that creates it as the server prints it (run under
-- search_path = pg_catalog, so every name in it is qualified), a routine's
-- signature, its comment, and what it depends on (pg_depend) as JSON.
-- Extension members, the internal objects of tables (constraint triggers,
-- serial and identity sequences) and of range types (their multirange type
-- and constructor functions) are left out.
WITH ns AS (
  SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n
  WHERE n.nspname = ANY ($1::text[])
),
-- A text search configuration's mappings: the dictionaries of each token
-- type, in order (its definition and its parts read them).
ts_mappings AS (
  SELECT mm.cfg, tt.alias, mm.dicts
  FROM (SELECT cm.mapcfg AS cfg, cm.maptokentype,
               pg_catalog.string_agg(pg_catalog.format('%I.%I', dn.nspname, dd.dictname),
                                     ', ' ORDER BY cm.mapseqno) AS dicts
        FROM pg_catalog.pg_ts_config_map cm
        JOIN pg_catalog.pg_ts_config cc ON cc.oid = cm.mapcfg
        JOIN ns ON ns.oid = cc.cfgnamespace
        JOIN pg_catalog.pg_ts_dict dd ON dd.oid = cm.mapdict
        JOIN pg_catalog.pg_namespace dn ON dn.oid = dd.dictnamespace
        GROUP BY cm.mapcfg, cm.maptokentype) mm
  JOIN pg_catalog.pg_ts_config c ON c.oid = mm.cfg
  JOIN LATERAL pg_catalog.ts_token_type(c.cfgparser) tt ON tt.tokid = mm.maptokentype
),
-- The subscriptions of this database, with `streaming` as CREATE
-- SUBSCRIPTION takes it and the connection string without a password
-- (a `password=` or `sslpassword=` pair, and a URI's password in its user
-- info or query).
sub_conninfo AS (
  SELECT s.oid, s.subname, s.subenabled, s.subbinary, s.subtwophasestate AS subtwophasestate, s.subdisableonerr AS subdisableonerr,
         s.subslotname, s.subsynccommit, s.subpublications,
         CASE s.substream::text WHEN 'true' THEN 'on' WHEN 't' THEN 'on' WHEN 'p' THEN 'parallel'
                                ELSE 'off' END AS streaming,
         pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.regexp_replace(pg_catalog.regexp_replace(
           pg_catalog.regexp_replace(s.subconninfo,
             '(^|\s)(ssl)?password\s*=\s*(''([^''\\]|\\.)*''|\S*)', '', 'g'),
           '^(postgres(ql)?://[^:@/?#]*):[^@/?#]*@', '\1@'),
           '([?&])(ssl)?password=[^&#]*&?', '\1', 'g'),
           '[?&]$', '')) AS conninfo
  FROM pg_catalog.pg_subscription s
  WHERE s.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d
                     WHERE d.datname = pg_catalog.current_database())
    AND s.subconninfo IS NOT NULL
),
objs AS (
  SELECT 'extension'::text AS kind, n.nspname::text AS schema, e.extname::text AS name,
         NULL::text AS tbl, NULL::text AS args,
         pg_catalog.format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I VERSION %L;',
                           e.extname, n.nspname, e.extversion) AS definition,
         -- An extension's signature: the versions ALTER EXTENSION UPDATE
         -- reaches from the installed one.
         (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(u.target), ', ' ORDER BY u.target)
          FROM pg_catalog.pg_extension_update_paths(e.extname) u
          WHERE u.source = e.extversion AND u.path IS NOT NULL) AS signature,
         'pg_catalog.pg_extension'::pg_catalog.regclass AS classid, e.oid AS objid,
         'pg_catalog.pg_extension'::pg_catalog.regclass AS dep_classid,
         ARRAY[e.oid] AS dep_objids
  FROM pg_catalog.pg_extension e
  JOIN ns n ON n.oid = e.extnamespace
  UNION ALL
  SELECT 'sequence', n.nspname, c.relname, NULL, NULL,
         pg_catalog.format('CREATE %sSEQUENCE %I.%I AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s;',
                           CASE c.relpersistence WHEN 'u' THEN 'UNLOGGED ' ELSE '' END,
                           n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL),
                           s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcache,
                           CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END),
         NULL,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid,
         'pg_catalog.pg_class'::pg_catalog.regclass, ARRAY[c.oid]
  FROM pg_catalog.pg_class c
  JOIN ns n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
  -- Left out: an identity's sequence (dependency 'i') and a serial's, the
  -- sequence a column owns (OWNED BY, dependency 'a') and takes its default
  -- from (`nextval` of it, as defaults.sql tells a serial). A sequence a
  -- column owns without that default is a sequence of its own, its
  -- ownership a `sequence_ownership` object.
  WHERE c.relkind = 'S'
    AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend d
      WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
        AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
        AND (d.deptype = 'i'
             OR (d.deptype = 'a' AND EXISTS (
                   SELECT 1 FROM pg_catalog.pg_attrdef ad
                   WHERE ad.adrelid = d.refobjid AND ad.adnum = d.refobjsubid
                     AND pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)
                         = pg_catalog.format('nextval(%L::regclass)', c.oid::pg_catalog.regclass::text))
                 AND /* serial_sequence_named(c, d.refobjid, d.refobjsubid) */)))
  UNION ALL
  SELECT 'domain', n.nspname, t.typname, NULL, NULL,
         pg_catalog.format('CREATE DOMAIN %I.%I AS %s%s%s%s%s;',
                           n.nspname, t.typname, pg_catalog.format_type(t.typbasetype, t.typtypmod),
                           CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation
                                THEN (SELECT pg_catalog.format(' COLLATE %I.%I', cn.nspname, co.collname)
                                      FROM pg_catalog.pg_collation co
                                      JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                                      WHERE co.oid = t.typcollation) ELSE '' END,
                           CASE WHEN t.typdefault IS NOT NULL
                                THEN ' DEFAULT ' || pg_catalog.pg_get_expr(t.typdefaultbin, 0) ELSE '' END,
                           CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END,
                           COALESCE((SELECT pg_catalog.string_agg(
                                        pg_catalog.format(' CONSTRAINT %I %s', co.conname,
                                                          pg_catalog.pg_get_constraintdef(co.oid)),
                                        '' ORDER BY co.conname)
                                     FROM pg_catalog.pg_constraint co
                                     WHERE co.contypid = t.oid AND co.contype = 'c'
                                       AND co.convalidated), ''))
           -- CREATE DOMAIN takes no NOT VALID constraint: added after it.
           || COALESCE((SELECT pg_catalog.string_agg(
                          pg_catalog.format(E'\nALTER DOMAIN %I.%I ADD CONSTRAINT %I %s;', n.nspname,
                                            t.typname, co.conname, pg_catalog.pg_get_constraintdef(co.oid)),
                          '' ORDER BY co.conname)
                        FROM pg_catalog.pg_constraint co
                        WHERE co.contypid = t.oid AND co.contype = 'c' AND NOT co.convalidated), ''),
         NULL,
         'pg_catalog.pg_type'::pg_catalog.regclass, t.oid,
         'pg_catalog.pg_type'::pg_catalog.regclass, ARRAY[t.oid]
  FROM pg_catalog.pg_type t
  JOIN ns n ON n.oid = t.typnamespace
  JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
  WHERE t.typtype = 'd'
  UNION ALL
  SELECT 'composite_type', n.nspname, t.typname, NULL, NULL,
         pg_catalog.format('CREATE TYPE %I.%I AS (%s);', n.nspname, t.typname,
                           COALESCE((SELECT pg_catalog.string_agg(
                                        pg_catalog.format('%I %s%s', a.attname,
                                                          pg_catalog.format_type(a.atttypid, a.atttypmod),
                                                          CASE WHEN a.attcollation <> 0
                                                               AND a.attcollation <> (SELECT at.typcollation FROM pg_catalog.pg_type at WHERE at.oid = a.atttypid)
                                                          THEN ' COLLATE ' || a.attcollation::pg_catalog.regcollation::text
                                                          ELSE '' END),
                                        ', ' ORDER BY a.attnum)
                                     FROM pg_catalog.pg_attribute a
                                     WHERE a.attrelid = t.typrelid AND a.attnum > 0
                                       AND NOT a.attisdropped), '')),
         NULL,
         'pg_catalog.pg_type'::pg_catalog.regclass, t.oid,
         'pg_catalog.pg_class'::pg_catalog.regclass, ARRAY[t.typrelid]
  FROM pg_catalog.pg_type t
  JOIN ns n ON n.oid = t.typnamespace
  JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
  WHERE t.typtype = 'c' AND c.relkind = 'c'
  UNION ALL
  SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
         n.nspname, p.proname, NULL, pg_catalog.pg_get_function_identity_arguments(p.oid),
         pg_catalog.rtrim(pg_catalog.pg_get_functiondef(p.oid), E'\n') || ';',
         -- (A window function cannot become a plain one in place.)
         pg_catalog.pg_get_function_arguments(p.oid) || ' -> '
           || COALESCE(pg_catalog.pg_get_function_result(p.oid), '')
           || CASE WHEN p.prokind = 'w' THEN ' (window)' ELSE '' END,
         'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid,
         'pg_catalog.pg_proc'::pg_catalog.regclass, ARRAY[p.oid]
  FROM pg_catalog.pg_proc p
  JOIN ns n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p', 'w')
    -- A range type's constructors come with it.
    AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend pd
      WHERE pd.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND pd.objid = p.oid
        AND pd.deptype = 'i')
  UNION ALL
  -- An aggregate: CREATE OR REPLACE keeps what uses it when its signature
  -- (arguments, result, kind) stays. Options at their defaults are left
  -- out; support functions print qualified (search_path is pg_catalog).
  SELECT 'aggregate', n.nspname, p.proname, NULL,
         CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END,
         pg_catalog.format('CREATE OR REPLACE AGGREGATE %I.%I(%s) (%s);', n.nspname, p.proname,
           CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_arguments(p.oid) END,
           pg_catalog.concat_ws(', ',
             'SFUNC = ' || a.aggtransfn::pg_catalog.regproc::text,
             'STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL),
             CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
             CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::pg_catalog.regproc::text END,
             CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
             CASE WHEN a.aggfinalmodify <> CASE a.aggkind WHEN 'n' THEN 'r' ELSE 'w' END
                  THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY'
                                                  WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
             CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::pg_catalog.regproc::text END,
             CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::pg_catalog.regproc::text END,
             CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || a.aggdeserialfn::pg_catalog.regproc::text END,
             CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || pg_catalog.quote_literal(a.agginitval) END,
             CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || a.aggmtransfn::pg_catalog.regproc::text END,
             CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || a.aggminvtransfn::pg_catalog.regproc::text END,
             CASE WHEN a.aggmtranstype <> 0 THEN 'MSTYPE = ' || pg_catalog.format_type(a.aggmtranstype, NULL) END,
             CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
             CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::pg_catalog.regproc::text END,
             CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
             CASE WHEN a.aggmtransfn <> 0 AND a.aggmfinalmodify <> 'r'
                  THEN 'MFINALFUNC_MODIFY = ' || CASE a.aggmfinalmodify WHEN 's' THEN 'SHAREABLE'
                                                   ELSE 'READ_WRITE' END END,
             CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || pg_catalog.quote_literal(a.aggminitval) END,
             CASE WHEN a.aggsortop <> 0
                  THEN (SELECT pg_catalog.format('SORTOP = OPERATOR(%I.%s)', opn.nspname, op.oprname)
                        FROM pg_catalog.pg_operator op
                        JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
                        WHERE op.oid = a.aggsortop) END,
             CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
             CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)),
         pg_catalog.pg_get_function_arguments(p.oid) || ' -> '
           || COALESCE(pg_catalog.pg_get_function_result(p.oid), '') || ' (' || a.aggkind::text || ')',
         'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid,
         -- What its support functions depend on too: an aggregate whose
         -- state function reads a table follows the tables with it.
         'pg_catalog.pg_proc'::pg_catalog.regclass,
         ARRAY[p.oid, a.aggtransfn, a.aggfinalfn, a.aggcombinefn, a.aggserialfn, a.aggdeserialfn,
               a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn]::pg_catalog.oid[]
  FROM pg_catalog.pg_proc p
  JOIN ns n ON n.oid = p.pronamespace
  JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
  WHERE p.prokind = 'a'
  UNION ALL
  -- A range type (its multirange type comes with it, named only when
  -- not as PostgreSQL would name it).
  SELECT 'range_type', n.nspname, t.typname, NULL, NULL,
         pg_catalog.format('CREATE TYPE %I.%I AS RANGE (%s);', n.nspname, t.typname,
           pg_catalog.concat_ws(', ',
             'SUBTYPE = ' || pg_catalog.format_type(r.rngsubtype, NULL),
             CASE WHEN NOT oc.opcdefault
                  THEN pg_catalog.format('SUBTYPE_OPCLASS = %I.%I', ocn.nspname, oc.opcname) END,
             CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
                  THEN (SELECT pg_catalog.format('COLLATION = %I.%I', cn.nspname, co.collname)
                        FROM pg_catalog.pg_collation co
                        JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                        WHERE co.oid = r.rngcollation) END,
             CASE WHEN r.rngcanonical <> 0 THEN 'CANONICAL = ' || r.rngcanonical::pg_catalog.regproc::text END,
             CASE WHEN r.rngsubdiff <> 0 THEN 'SUBTYPE_DIFF = ' || r.rngsubdiff::pg_catalog.regproc::text END,
             CASE WHEN mt.oid IS NOT NULL
                       AND (mt.typnamespace <> t.typnamespace
                            OR mt.typname::text <> pg_catalog.left(
                                 CASE WHEN pg_catalog.strpos(t.typname, 'range') > 0
                                      THEN pg_catalog.overlay(t.typname::text, 'multirange',
                                                              pg_catalog.strpos(t.typname, 'range'), 5)
                                      ELSE pg_catalog.left(t.typname::text, 51) || '_multirange' END, 63))
                  THEN pg_catalog.format('MULTIRANGE_TYPE_NAME = %I.%I', mn.nspname, mt.typname) END)),
         NULL,
         'pg_catalog.pg_type'::pg_catalog.regclass, t.oid,
         'pg_catalog.pg_type'::pg_catalog.regclass, ARRAY[t.oid]
  FROM pg_catalog.pg_type t
  JOIN ns n ON n.oid = t.typnamespace
  JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
  JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
  JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc
  JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
  -- (rngmultitypid from PostgreSQL 14 on: read through the row as JSON.)
  LEFT JOIN pg_catalog.pg_type mt ON mt.oid = (pg_catalog.to_jsonb(r) ->> 'rngmultitypid')::pg_catalog.oid
  LEFT JOIN pg_catalog.pg_namespace mn ON mn.oid = mt.typnamespace
  WHERE t.typtype = 'r'
  UNION ALL
  -- A collation (the ICU locale's column is named after the server's
  -- version: read through the row as JSON).
  SELECT 'collation', n.nspname, co.collname, NULL, NULL,
         pg_catalog.format('CREATE COLLATION %I.%I (%s%s);', n.nspname, co.collname,
           CASE co.collprovider
             WHEN 'i' THEN pg_catalog.format('provider = icu, locale = %L',
                             COALESCE(pg_catalog.to_jsonb(co) ->> 'colllocale',
                                      pg_catalog.to_jsonb(co) ->> 'colliculocale', co.collcollate))
             WHEN 'b' THEN pg_catalog.format('provider = builtin, locale = %L',
                             COALESCE(pg_catalog.to_jsonb(co) ->> 'colllocale', co.collcollate))
             ELSE CASE WHEN co.collcollate = co.collctype
                       THEN pg_catalog.format('provider = libc, locale = %L', co.collcollate)
                       ELSE pg_catalog.format('provider = libc, lc_collate = %L, lc_ctype = %L',
                                              co.collcollate, co.collctype) END
           END,
           CASE WHEN co.collisdeterministic THEN '' ELSE ', deterministic = false' END),
         NULL,
         'pg_catalog.pg_collation'::pg_catalog.regclass, co.oid,
         'pg_catalog.pg_collation'::pg_catalog.regclass, ARRAY[co.oid]
  FROM pg_catalog.pg_collation co
  JOIN ns n ON n.oid = co.collnamespace
  UNION ALL
  SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized_view' END,
         n.nspname, c.relname, NULL, NULL,
         CASE c.relkind
           WHEN 'v' THEN pg_catalog.format('CREATE VIEW %I.%I%s AS%s', n.nspname, c.relname,
                           CASE WHEN c.reloptions IS NOT NULL
                                THEN ' WITH (' || pg_catalog.array_to_string(c.reloptions, ', ') || ')'
                                ELSE '' END,
                           pg_catalog.pg_get_viewdef(c.oid))
           ELSE pg_catalog.format('CREATE MATERIALIZED VIEW %I.%I%s AS%s WITH %sDATA;%s', n.nspname, c.relname,
                           CASE WHEN c.reloptions IS NOT NULL
                                THEN ' WITH (' || pg_catalog.array_to_string(c.reloptions, ', ') || ')'
                                ELSE '' END,
                           pg_catalog.rtrim(pg_catalog.pg_get_viewdef(c.oid), ';'),
                           CASE WHEN c.relispopulated THEN '' ELSE 'NO ' END,
                           COALESCE((SELECT pg_catalog.string_agg(
                                        E'\n' || pg_catalog.pg_get_indexdef(i.indexrelid) || ';',
                                        '' ORDER BY ic.relname)
                                     FROM pg_catalog.pg_index i
                                     JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                                     WHERE i.indrelid = c.oid), ''))
         END,
         -- A view's signature: its output columns, one a line (name, type,
         -- collation when not the type's), which CREATE OR REPLACE VIEW
         -- must keep (it may append more).
         CASE c.relkind WHEN 'v' THEN (
           SELECT pg_catalog.string_agg(
                    pg_catalog.format('%I %s%s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                                      CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                                           THEN (SELECT pg_catalog.format(' COLLATE %I.%I', cn.nspname, co.collname)
                                                 FROM pg_catalog.pg_collation co
                                                 JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                                                 WHERE co.oid = a.attcollation) ELSE '' END),
                    E'\n' ORDER BY a.attnum)
           FROM pg_catalog.pg_attribute a
           JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) END,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid,
         'pg_catalog.pg_rewrite'::pg_catalog.regclass,
         ARRAY(SELECT r.oid FROM pg_catalog.pg_rewrite r WHERE r.ev_class = c.oid)
  FROM pg_catalog.pg_class c
  JOIN ns n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('v', 'm')
  UNION ALL
  SELECT 'trigger', n.nspname, tg.tgname, c.relname, NULL,
         pg_catalog.pg_get_triggerdef(tg.oid) || ';'
           || CASE tg.tgenabled
                WHEN 'D' THEN pg_catalog.format(E'\nALTER TABLE %I.%I DISABLE TRIGGER %I;', n.nspname, c.relname, tg.tgname)
                WHEN 'R' THEN pg_catalog.format(E'\nALTER TABLE %I.%I ENABLE REPLICA TRIGGER %I;', n.nspname, c.relname, tg.tgname)
                WHEN 'A' THEN pg_catalog.format(E'\nALTER TABLE %I.%I ENABLE ALWAYS TRIGGER %I;', n.nspname, c.relname, tg.tgname)
                ELSE '' END,
         NULL,
         'pg_catalog.pg_trigger'::pg_catalog.regclass, tg.oid,
         'pg_catalog.pg_trigger'::pg_catalog.regclass, ARRAY[tg.oid]
  FROM pg_catalog.pg_trigger tg
  JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
  JOIN ns n ON n.oid = c.relnamespace
  WHERE NOT tg.tgisinternal
    -- A partition's clone of its parent's trigger comes with the parent's.
    AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend pd
      WHERE pd.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND pd.objid = tg.oid
        AND pd.deptype = 'P')
  UNION ALL
  SELECT 'row_security', n.nspname, c.relname, c.relname, NULL,
         CASE WHEN c.relrowsecurity
              THEN pg_catalog.format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY;', n.nspname, c.relname)
              ELSE '' END
           || CASE WHEN c.relrowsecurity AND c.relforcerowsecurity THEN E'\n' ELSE '' END
           || CASE WHEN c.relforcerowsecurity
              THEN pg_catalog.format('ALTER TABLE %I.%I FORCE ROW LEVEL SECURITY;', n.nspname, c.relname)
              ELSE '' END,
         NULL,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid,
         'pg_catalog.pg_class'::pg_catalog.regclass, ARRAY[]::oid[]
  FROM pg_catalog.pg_class c
  JOIN ns n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND (c.relrowsecurity OR c.relforcerowsecurity)
  UNION ALL
  SELECT 'exclusion', n.nspname, k.conname, c.relname, NULL,
         pg_catalog.format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s;', n.nspname, c.relname, k.conname,
                           pg_catalog.pg_get_constraintdef(k.oid)),
         NULL,
         'pg_catalog.pg_constraint'::pg_catalog.regclass, k.oid,
         'pg_catalog.pg_constraint'::pg_catalog.regclass, ARRAY[k.oid]
  FROM pg_catalog.pg_constraint k
  JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
  JOIN ns n ON n.oid = c.relnamespace
  WHERE k.contype = 'x' AND k.conparentid = 0 AND c.relkind IN ('r', 'p')
  UNION ALL
  SELECT 'policy', n.nspname, po.polname, c.relname, NULL,
         pg_catalog.format('CREATE POLICY %I ON %I.%I AS %s FOR %s TO %s%s%s;',
                           po.polname, n.nspname, c.relname,
                           CASE WHEN po.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END,
                           CASE po.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT'
                                          WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
                           (SELECT pg_catalog.string_agg(
                                     CASE WHEN r.rid = 0 THEN 'PUBLIC'
                                          ELSE pg_catalog.quote_ident(ro.rolname) END,
                                     ', ' ORDER BY CASE WHEN r.rid = 0 THEN '' ELSE ro.rolname::text END)
                            FROM pg_catalog.unnest(po.polroles) AS r(rid)
                            LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = r.rid),
                           CASE WHEN po.polqual IS NOT NULL
                                THEN ' USING (' || pg_catalog.pg_get_expr(po.polqual, po.polrelid) || ')'
                                ELSE '' END,
                           CASE WHEN po.polwithcheck IS NOT NULL
                                THEN ' WITH CHECK (' || pg_catalog.pg_get_expr(po.polwithcheck, po.polrelid) || ')'
                                ELSE '' END),
         NULL,
         'pg_catalog.pg_policy'::pg_catalog.regclass, po.oid,
         'pg_catalog.pg_policy'::pg_catalog.regclass, ARRAY[po.oid]
  FROM pg_catalog.pg_policy po
  JOIN pg_catalog.pg_class c ON c.oid = po.polrelid
  JOIN ns n ON n.oid = c.relnamespace
  UNION ALL
  -- Extended statistics, with the statistics target when one is set (-1,
  -- or NULL from PostgreSQL 17, is the default; the column is read
  -- through the row as JSON: PostgreSQL 13 added it). Written here rather than
  -- by pg_get_statisticsobjdef, which lists the columns in the table's
  -- order: columns by name (a table whose columns were dropped and added
  -- again reads the same), then the expressions; the kinds unless all
  -- three are built (the default; one expression alone takes none).
  SELECT 'statistics', n.nspname, s.stxname, NULL, NULL,
         pg_catalog.format('CREATE STATISTICS %I.%I%s ON %s FROM %I.%I;', n.nspname, s.stxname,
           COALESCE(' (' || (SELECT pg_catalog.string_agg(
                                      CASE k WHEN 'd' THEN 'ndistinct' WHEN 'f' THEN 'dependencies'
                                             ELSE 'mcv' END, ', '
                                      ORDER BY CASE k WHEN 'd' THEN 1 WHEN 'f' THEN 2 ELSE 3 END)
                             FROM pg_catalog.unnest(s.stxkind) k
                             WHERE k IN ('d', 'f', 'm')
                             HAVING pg_catalog.count(*) < 3) || ')', ''),
           pg_catalog.concat_ws(', ',
             (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attname)
              FROM pg_catalog.pg_attribute a
              WHERE a.attrelid = s.stxrelid AND a.attnum = ANY (s.stxkeys)),
             (SELECT pg_catalog.string_agg('(' || x.e || ')', ', ' ORDER BY x.o)
              FROM pg_catalog.unnest(pg_catalog.pg_get_statisticsobjdef_expressions(s.oid))
                   WITH ORDINALITY AS x(e, o))),
           tn.nspname, tc.relname)
           || CASE WHEN (pg_catalog.to_jsonb(s) ->> 'stxstattarget')::integer >= 0
                   THEN pg_catalog.format(E'\nALTER STATISTICS %I.%I SET STATISTICS %s;', n.nspname, s.stxname,
                                          pg_catalog.to_jsonb(s) ->> 'stxstattarget')
                   ELSE '' END,
         NULL,
         'pg_catalog.pg_statistic_ext'::pg_catalog.regclass, s.oid,
         'pg_catalog.pg_statistic_ext'::pg_catalog.regclass, ARRAY[s.oid]
  FROM pg_catalog.pg_statistic_ext s
  JOIN ns n ON n.oid = s.stxnamespace
  JOIN pg_catalog.pg_class tc ON tc.oid = s.stxrelid
  JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
  UNION ALL
  -- Rules on tables and views (a view's own _RETURN rule is the view),
  -- with their ENABLE/DISABLE state as triggers have it.
  SELECT 'rule', n.nspname, r.rulename, c.relname, NULL,
         pg_catalog.pg_get_ruledef(r.oid)
           || CASE r.ev_enabled
                WHEN 'D' THEN pg_catalog.format(E'\nALTER TABLE %I.%I DISABLE RULE %I;', n.nspname, c.relname, r.rulename)
                WHEN 'R' THEN pg_catalog.format(E'\nALTER TABLE %I.%I ENABLE REPLICA RULE %I;', n.nspname, c.relname, r.rulename)
                WHEN 'A' THEN pg_catalog.format(E'\nALTER TABLE %I.%I ENABLE ALWAYS RULE %I;', n.nspname, c.relname, r.rulename)
                ELSE '' END,
         NULL,
         'pg_catalog.pg_rewrite'::pg_catalog.regclass, r.oid,
         'pg_catalog.pg_rewrite'::pg_catalog.regclass, ARRAY[r.oid]
  FROM pg_catalog.pg_rewrite r
  JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
  JOIN ns n ON n.oid = c.relnamespace
  WHERE r.rulename <> '_RETURN'
  UNION ALL
  -- Operators (not shells: an operator only named as another's commutator
  -- or negator), every option spelled out; keyed by their operand types.
  SELECT 'operator', n.nspname, op.oprname, NULL,
         pg_catalog.format('%s, %s',
                           CASE WHEN op.oprleft = 0 THEN 'NONE' ELSE pg_catalog.format_type(op.oprleft, NULL) END,
                           pg_catalog.format_type(op.oprright, NULL)),
         pg_catalog.format('CREATE OPERATOR %I.%s (%s);', n.nspname, op.oprname,
           pg_catalog.concat_ws(', ',
             (SELECT pg_catalog.format('FUNCTION = %I.%I', pn.nspname, p.proname)
              FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
              WHERE p.oid = op.oprcode),
             CASE WHEN op.oprleft <> 0 THEN 'LEFTARG = ' || pg_catalog.format_type(op.oprleft, NULL) END,
             'RIGHTARG = ' || pg_catalog.format_type(op.oprright, NULL),
             (SELECT pg_catalog.format('COMMUTATOR = OPERATOR(%I.%s)', cn.nspname, co.oprname)
              FROM pg_catalog.pg_operator co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.oprnamespace
              WHERE co.oid = op.oprcom),
             (SELECT pg_catalog.format('NEGATOR = OPERATOR(%I.%s)', cn.nspname, co.oprname)
              FROM pg_catalog.pg_operator co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.oprnamespace
              WHERE co.oid = op.oprnegate),
             (SELECT pg_catalog.format('RESTRICT = %I.%I', pn.nspname, p.proname)
              FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
              WHERE p.oid = op.oprrest),
             (SELECT pg_catalog.format('JOIN = %I.%I', pn.nspname, p.proname)
              FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
              WHERE p.oid = op.oprjoin),
             CASE WHEN op.oprcanhash THEN 'HASHES' END,
             CASE WHEN op.oprcanmerge THEN 'MERGES' END)),
         NULL,
         'pg_catalog.pg_operator'::pg_catalog.regclass, op.oid,
         'pg_catalog.pg_operator'::pg_catalog.regclass, ARRAY[op.oid]
  FROM pg_catalog.pg_operator op
  JOIN ns n ON n.oid = op.oprnamespace
  WHERE op.oprcode <> 0
  UNION ALL
  -- Text search templates, parsers, dictionaries and configurations (a
  -- configuration's mappings are parts of it: see below).
  SELECT 'text_search_template', n.nspname, t.tmplname, NULL, NULL,
         pg_catalog.format('CREATE TEXT SEARCH TEMPLATE %I.%I (%s);', n.nspname, t.tmplname,
           pg_catalog.concat_ws(', ',
             CASE WHEN t.tmplinit <> 0 THEN 'INIT = ' || t.tmplinit::pg_catalog.regproc::text END,
             'LEXIZE = ' || t.tmpllexize::pg_catalog.regproc::text)),
         NULL,
         'pg_catalog.pg_ts_template'::pg_catalog.regclass, t.oid,
         'pg_catalog.pg_ts_template'::pg_catalog.regclass, ARRAY[t.oid]
  FROM pg_catalog.pg_ts_template t
  JOIN ns n ON n.oid = t.tmplnamespace
  UNION ALL
  SELECT 'text_search_parser', n.nspname, p.prsname, NULL, NULL,
         pg_catalog.format('CREATE TEXT SEARCH PARSER %I.%I (%s);', n.nspname, p.prsname,
           pg_catalog.concat_ws(', ',
             'START = ' || p.prsstart::pg_catalog.regproc::text,
             'GETTOKEN = ' || p.prstoken::pg_catalog.regproc::text,
             'END = ' || p.prsend::pg_catalog.regproc::text,
             'LEXTYPES = ' || p.prslextype::pg_catalog.regproc::text,
             CASE WHEN p.prsheadline <> 0 THEN 'HEADLINE = ' || p.prsheadline::pg_catalog.regproc::text END)),
         NULL,
         'pg_catalog.pg_ts_parser'::pg_catalog.regclass, p.oid,
         'pg_catalog.pg_ts_parser'::pg_catalog.regclass, ARRAY[p.oid]
  FROM pg_catalog.pg_ts_parser p
  JOIN ns n ON n.oid = p.prsnamespace
  UNION ALL
  SELECT 'text_search_dictionary', n.nspname, d.dictname, NULL, NULL,
         pg_catalog.format('CREATE TEXT SEARCH DICTIONARY %I.%I (TEMPLATE = %I.%I%s);', n.nspname, d.dictname,
                           tn.nspname, t.tmplname,
                           CASE WHEN d.dictinitoption IS NOT NULL THEN ', ' || d.dictinitoption ELSE '' END),
         NULL,
         'pg_catalog.pg_ts_dict'::pg_catalog.regclass, d.oid,
         'pg_catalog.pg_ts_dict'::pg_catalog.regclass, ARRAY[d.oid]
  FROM pg_catalog.pg_ts_dict d
  JOIN ns n ON n.oid = d.dictnamespace
  JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
  UNION ALL
  SELECT 'text_search_configuration', n.nspname, c.cfgname, NULL, NULL,
         pg_catalog.format('CREATE TEXT SEARCH CONFIGURATION %I.%I (PARSER = %I.%I);', n.nspname, c.cfgname,
                           pn.nspname, p.prsname)
           || COALESCE((SELECT pg_catalog.string_agg(
                                 pg_catalog.format(E'\nALTER TEXT SEARCH CONFIGURATION %I.%I ADD MAPPING FOR %s WITH %s;',
                                                   n.nspname, c.cfgname, m.alias, m.dicts), '' ORDER BY m.alias)
                        FROM (SELECT tm.alias, tm.dicts FROM ts_mappings tm WHERE tm.cfg = c.oid) m), ''),
         NULL,
         'pg_catalog.pg_ts_config'::pg_catalog.regclass, c.oid,
         'pg_catalog.pg_ts_config'::pg_catalog.regclass, ARRAY[c.oid]
  FROM pg_catalog.pg_ts_config c
  JOIN ns n ON n.oid = c.cfgnamespace
  JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
  JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
  UNION ALL
  -- Casts made by users (not by initdb), in the schema of the first of
  -- their source type, target type and function that is read.
  SELECT 'cast', cs.schema,
         pg_catalog.format('%s AS %s', pg_catalog.format_type(ca.castsource, NULL),
                           pg_catalog.format_type(ca.casttarget, NULL)),
         NULL, NULL,
         pg_catalog.format('CREATE CAST (%s AS %s) %s%s;', pg_catalog.format_type(ca.castsource, NULL),
                           pg_catalog.format_type(ca.casttarget, NULL),
                           CASE ca.castmethod
                             WHEN 'f' THEN 'WITH FUNCTION ' || ca.castfunc::pg_catalog.regprocedure::text
                             WHEN 'i' THEN 'WITH INOUT'
                             ELSE 'WITHOUT FUNCTION' END,
                           CASE ca.castcontext WHEN 'a' THEN ' AS ASSIGNMENT'
                                               WHEN 'i' THEN ' AS IMPLICIT' ELSE '' END),
         NULL,
         'pg_catalog.pg_cast'::pg_catalog.regclass, ca.oid,
         'pg_catalog.pg_cast'::pg_catalog.regclass, ARRAY[ca.oid]
  FROM pg_catalog.pg_cast ca
  CROSS JOIN LATERAL (
    SELECT COALESCE(
             (SELECT n.nspname FROM pg_catalog.pg_type t JOIN ns n ON n.oid = t.typnamespace
              WHERE t.oid = ca.castsource),
             (SELECT n.nspname FROM pg_catalog.pg_type t JOIN ns n ON n.oid = t.typnamespace
              WHERE t.oid = ca.casttarget),
             (SELECT n.nspname FROM pg_catalog.pg_proc p JOIN ns n ON n.oid = p.pronamespace
              WHERE p.oid = ca.castfunc))::text AS schema
  ) cs
  WHERE ca.oid >= 16384 AND cs.schema IS NOT NULL
    -- A range type's cast to its multirange type is the range type's.
    AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                    WHERE d.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND d.objid = ca.oid
                      AND d.deptype = 'i')
  UNION ALL
  -- Foreign data wrappers, servers and user mappings belong to the
  -- database: read whatever schemas are asked for, with the schema ''.
  -- Options named like a password are never read (nor written).
  SELECT 'foreign_data_wrapper', '', w.fdwname, NULL, NULL,
         pg_catalog.format('CREATE FOREIGN DATA WRAPPER %I%s%s%s;', w.fdwname,
           CASE WHEN w.fdwhandler <> 0 THEN ' HANDLER ' || w.fdwhandler::pg_catalog.regproc::text ELSE '' END,
           CASE WHEN w.fdwvalidator <> 0 THEN ' VALIDATOR ' || w.fdwvalidator::pg_catalog.regproc::text ELSE '' END,
           COALESCE(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.format('%I %L', x.option_name, x.option_value), ', ' ORDER BY x.option_name) FROM pg_catalog.pg_options_to_table(w.fdwoptions) x WHERE x.option_name NOT ILIKE '%password%') || ')', '')),
         NULL,
         'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass, w.oid,
         'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass, ARRAY[w.oid]
  FROM pg_catalog.pg_foreign_data_wrapper w
  UNION ALL
  SELECT 'foreign_server', '', fs.srvname, NULL, NULL,
         pg_catalog.format('CREATE SERVER %I%s%s FOREIGN DATA WRAPPER %I%s;', fs.srvname,
           COALESCE(' TYPE ' || pg_catalog.quote_literal(fs.srvtype), ''),
           COALESCE(' VERSION ' || pg_catalog.quote_literal(fs.srvversion), ''),
           w.fdwname,
           COALESCE(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.format('%I %L', x.option_name, x.option_value), ', ' ORDER BY x.option_name) FROM pg_catalog.pg_options_to_table(fs.srvoptions) x WHERE x.option_name NOT ILIKE '%password%') || ')', '')),
         NULL,
         'pg_catalog.pg_foreign_server'::pg_catalog.regclass, fs.oid,
         'pg_catalog.pg_foreign_server'::pg_catalog.regclass, ARRAY[fs.oid]
  FROM pg_catalog.pg_foreign_server fs
  JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = fs.srvfdw
  UNION ALL
  -- A user mapping: keyed by its role (PUBLIC) and, as its arguments, its
  -- server.
  SELECT 'user_mapping', '', CASE WHEN um.umuser = 0 THEN 'PUBLIC' ELSE um.usename::text END, NULL,
         um.srvname::text,
         pg_catalog.format('CREATE USER MAPPING FOR %s SERVER %I%s;',
           CASE WHEN um.umuser = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(um.usename) END, um.srvname,
           COALESCE(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.format('%I %L', x.option_name, x.option_value), ', ' ORDER BY x.option_name) FROM pg_catalog.pg_options_to_table(um.umoptions) x WHERE x.option_name NOT ILIKE '%password%') || ')', '')),
         NULL,
         'pg_catalog.pg_user_mapping'::pg_catalog.regclass, um.umid,
         'pg_catalog.pg_user_mapping'::pg_catalog.regclass, ARRAY[um.umid]
  FROM pg_catalog.pg_user_mappings um
  UNION ALL
  -- Foreign tables: columns (type, options, collation, NOT NULL, default),
  -- CHECK constraints, parents (INHERITS), server and options; or, for a
  -- partition, its parent, CHECKs and bound.
  SELECT 'foreign_table', n.nspname, c.relname, NULL, NULL,
         pg_catalog.format(E'CREATE FOREIGN TABLE %I.%I %s SERVER %I%s;', n.nspname, c.relname,
           -- A partition: its parent, own CHECKs and bound.
           CASE WHEN c.relispartition THEN
             pg_catalog.format('PARTITION OF %I.%I', fp.schema, fp.name)
             || COALESCE(' (' || (SELECT pg_catalog.string_agg(
                                          pg_catalog.format('CONSTRAINT %I %s', k.conname,
                                                            pg_catalog.pg_get_constraintdef(k.oid)),
                                          ', ' ORDER BY k.conname)
                                  FROM pg_catalog.pg_constraint k
                                  WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.conislocal) || ')', '')
             || ' ' || pg_catalog.pg_get_expr(c.relpartbound, c.oid)
           ELSE
           '(' || COALESCE((SELECT pg_catalog.string_agg(x.item, ',' ORDER BY x.o1, x.o2)
                     FROM (SELECT 1 AS o1, a.attnum::text AS o2,
                                  E'\n    ' || pg_catalog.format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod))
                                  || COALESCE(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.format('%I %L', x.option_name, x.option_value), ', ' ORDER BY x.option_name) FROM pg_catalog.pg_options_to_table(a.attfdwoptions) x WHERE x.option_name NOT ILIKE '%password%') || ')', '')
                                  || CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation
                                          THEN ' COLLATE ' || a.attcollation::pg_catalog.regcollation::text ELSE '' END
                                  || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
                                  || COALESCE(' DEFAULT ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '') AS item
                           FROM pg_catalog.pg_attribute a
                           JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
                           LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                           WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                           UNION ALL
                           SELECT 2, k.conname::text,
                                  E'\n    ' || pg_catalog.format('CONSTRAINT %I %s', k.conname, pg_catalog.pg_get_constraintdef(k.oid))
                           FROM pg_catalog.pg_constraint k
                           WHERE k.conrelid = c.oid AND k.contype = 'c' AND k.conislocal) x), '') || E'\n)'
           -- A child: its parents (its columns merge with theirs).
           || COALESCE(' INHERITS (' || (SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', pn.nspname, pc.relname),
                                                                      ', ' ORDER BY ih.inhseqno)
                                         FROM pg_catalog.pg_inherits ih
                                         JOIN pg_catalog.pg_class pc ON pc.oid = ih.inhparent
                                         JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                                         WHERE ih.inhrelid = c.oid) || ')', '')
           END,
           fs.srvname,
           COALESCE(' OPTIONS (' || (SELECT pg_catalog.string_agg(pg_catalog.format('%I %L', x.option_name, x.option_value), ', ' ORDER BY x.option_name) FROM pg_catalog.pg_options_to_table(ft.ftoptions) x WHERE x.option_name NOT ILIKE '%password%') || ')', ''))
           -- A column's storage (when not its type's), statistics target
           -- and n_distinct options, set after.
           || COALESCE((SELECT pg_catalog.string_agg(x.stmt, '' ORDER BY x.attnum, x.o)
                        FROM (SELECT a.attnum, 1 AS o,
                                     pg_catalog.format(E'\nALTER FOREIGN TABLE %I.%I ALTER COLUMN %I SET STORAGE %s;',
                                       n.nspname, c.relname, a.attname,
                                       CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL'
                                                         WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END) AS stmt
                              FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
                              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                AND a.attstorage <> ty.typstorage
                              UNION ALL
                              SELECT a.attnum, 2,
                                     pg_catalog.format(E'\nALTER FOREIGN TABLE %I.%I ALTER COLUMN %I SET STATISTICS %s;',
                                       n.nspname, c.relname, a.attname, a.attstattarget)
                              FROM pg_catalog.pg_attribute a
                              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                AND a.attstattarget >= 0
                              UNION ALL
                              SELECT a.attnum, 3,
                                     pg_catalog.format(E'\nALTER FOREIGN TABLE %I.%I ALTER COLUMN %I SET (%s);',
                                       n.nspname, c.relname, a.attname,
                                       (SELECT pg_catalog.string_agg(ao, ', ' ORDER BY ao_n)
                                        FROM pg_catalog.unnest(a.attoptions) WITH ORDINALITY AS u(ao, ao_n)
                                        WHERE ao ~ '^n_distinct(_inherited)?='))
                              FROM pg_catalog.pg_attribute a
                              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                AND EXISTS (SELECT 1 FROM pg_catalog.unnest(a.attoptions) ao
                                            WHERE ao ~ '^n_distinct(_inherited)?=')) x), ''),
         NULL,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid,
         'pg_catalog.pg_class'::pg_catalog.regclass,
         ARRAY[c.oid] || ARRAY(SELECT k.oid FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c')
  FROM pg_catalog.pg_class c
  JOIN ns n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_foreign_table ft ON ft.ftrelid = c.oid
  JOIN pg_catalog.pg_foreign_server fs ON fs.oid = ft.ftserver
  LEFT JOIN LATERAL (
    SELECT pn.nspname AS schema, pc.relname AS name
    FROM pg_catalog.pg_inherits ih
    JOIN pg_catalog.pg_class pc ON pc.oid = ih.inhparent
    JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
    WHERE ih.inhrelid = c.oid AND c.relispartition
  ) fp ON true
  WHERE c.relkind = 'f'
  UNION ALL
  -- Publications belong to the database (schema ''): their tables (with
  -- column lists and row filters), schemas and options.
  SELECT 'publication', '', pb.pubname, NULL, NULL,
         pg_catalog.format('CREATE PUBLICATION %I%s WITH (publish = %L, publish_via_partition_root = %s);',
           pb.pubname,
           CASE WHEN pb.puballtables THEN ' FOR ALL TABLES'
                ELSE COALESCE(' FOR ' || NULLIF(pg_catalog.concat_ws(', ',
                       (SELECT pg_catalog.string_agg(
                                 pg_catalog.format('TABLE %I.%I', rn.nspname, rc.relname)
                                 || COALESCE(' (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', '
                                                                                   ORDER BY a.attnum)
                                                      FROM pg_catalog.pg_attribute a
                                                      WHERE a.attrelid = pr.prrelid
                                                        AND a.attnum = ANY (pr.prattrs::pg_catalog.int2[])) || ')', '')
                                 || COALESCE(' WHERE (' || pg_catalog.pg_get_expr(pr.prqual, pr.prrelid) || ')', ''),
                                 ', ' ORDER BY rn.nspname, rc.relname)
                        FROM pg_catalog.pg_publication_rel pr
                        JOIN pg_catalog.pg_class rc ON rc.oid = pr.prrelid
                        JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
                        WHERE pr.prpubid = pb.oid),
                       (SELECT pg_catalog.string_agg(pg_catalog.format('TABLES IN SCHEMA %I', sn.nspname), ', '
                                                     ORDER BY sn.nspname)
                        FROM pg_catalog.pg_publication_namespace pns
                        JOIN pg_catalog.pg_namespace sn ON sn.oid = pns.pnnspid
                        WHERE pns.pnpubid = pb.oid)), ''), '') END,
           pg_catalog.concat_ws(', ', CASE WHEN pb.pubinsert THEN 'insert' END,
                                CASE WHEN pb.pubupdate THEN 'update' END,
                                CASE WHEN pb.pubdelete THEN 'delete' END,
                                CASE WHEN pb.pubtruncate THEN 'truncate' END),
           CASE WHEN pb.pubviaroot THEN 'true' ELSE 'false' END),
         NULL,
         'pg_catalog.pg_publication'::pg_catalog.regclass, pb.oid,
         -- What it depends on: its tables, through its membership rows.
         'pg_catalog.pg_publication_rel'::pg_catalog.regclass,
         ARRAY(SELECT pr.oid FROM pg_catalog.pg_publication_rel pr WHERE pr.prpubid = pb.oid)
  FROM pg_catalog.pg_publication pb
  UNION ALL
  -- Event triggers, in the schema of the function they run, with their
  -- ENABLE/DISABLE state; the tags in order.
  SELECT 'event_trigger', n.nspname, et.evtname, NULL, NULL,
         pg_catalog.format('CREATE EVENT TRIGGER %I ON %I%s EXECUTE FUNCTION %I.%I();',
                           et.evtname, et.evtevent,
                           CASE WHEN et.evttags IS NOT NULL THEN
                             ' WHEN TAG IN (' || (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(g), ', ' ORDER BY k)
                                                  FROM pg_catalog.unnest(et.evttags) WITH ORDINALITY u(g, k)) || ')'
                           ELSE '' END,
                           n.nspname, p.proname)
           || CASE et.evtenabled
                WHEN 'D' THEN pg_catalog.format(E'\nALTER EVENT TRIGGER %I DISABLE;', et.evtname)
                WHEN 'R' THEN pg_catalog.format(E'\nALTER EVENT TRIGGER %I ENABLE REPLICA;', et.evtname)
                WHEN 'A' THEN pg_catalog.format(E'\nALTER EVENT TRIGGER %I ENABLE ALWAYS;', et.evtname)
                ELSE '' END,
         NULL,
         'pg_catalog.pg_event_trigger'::pg_catalog.regclass, et.oid,
         'pg_catalog.pg_event_trigger'::pg_catalog.regclass, ARRAY[et.oid]
  FROM pg_catalog.pg_event_trigger et
  JOIN pg_catalog.pg_proc p ON p.oid = et.evtfoid
  JOIN ns n ON n.oid = p.pronamespace
  UNION ALL
  -- The subscriptions of this database (schema ''), made without
  -- connecting to the publisher (no slot made, no table synced), then
  -- enabled when they are. Their connection strings are readable by
  -- superusers only: for other roles none is read (introspect.rs). A
  -- password in one is never read (`sub_conninfo`).
  SELECT 'subscription', '', su.subname, NULL, NULL,
         pg_catalog.format('CREATE SUBSCRIPTION %I CONNECTION %L PUBLICATION %s WITH (connect = false, '
                           'slot_name = %s, binary = %s, streaming = %s, two_phase = %s, disable_on_error = %s, '
                           'synchronous_commit = %L);',
                           su.subname, su.conninfo,
                           (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(u.p), ', ' ORDER BY u.k)
                            FROM pg_catalog.unnest(su.subpublications) WITH ORDINALITY u(p, k)),
                           COALESCE(pg_catalog.quote_literal(su.subslotname), 'NONE'),
                           su.subbinary::text, su.streaming, (su.subtwophasestate <> 'd')::text,
                           su.subdisableonerr::text, su.subsynccommit)
           || CASE WHEN su.subenabled THEN pg_catalog.format(E'\nALTER SUBSCRIPTION %I ENABLE;', su.subname)
                   ELSE '' END,
         NULL,
         'pg_catalog.pg_subscription'::pg_catalog.regclass, su.oid,
         'pg_catalog.pg_subscription'::pg_catalog.regclass, ARRAY[su.oid]
  FROM sub_conninfo su
),
-- Privileges (aclexplode) on relations (foreign tables too), columns,
-- schemas, routines, types, foreign data wrappers and servers, one object per (target, grantee, grant option), the owner's own
-- left out. Routines and types have a default privilege for PUBLIC
-- (EXECUTE / USAGE): it is not listed, and its absence (REVOKE ... FROM
-- PUBLIC) is an object of its own.
acl AS (
  SELECT n.nspname AS schema,
         pg_catalog.format('%s %I.%I', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
                           n.nspname, c.relname) AS target,
         '' AS cols, c.relowner AS owner, c.relacl AS acl, NULL::text[] AS default_privs,
         'pg_catalog.pg_class'::pg_catalog.regclass AS classid, c.oid AS objid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
                                  WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign_table' ELSE 'table' END,
           'schema', n.nspname::text, 'name', c.relname::text)) AS deps
  FROM pg_catalog.pg_class c JOIN ns n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND c.relacl IS NOT NULL
  UNION ALL
  SELECT n.nspname,
         pg_catalog.format('TABLE %I.%I', n.nspname, c.relname),
         pg_catalog.format('(%I) ', a.attname), c.relowner, a.attacl, NULL,
         'pg_catalog.pg_class'::pg_catalog.regclass, c.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
                                  WHEN 'f' THEN 'foreign_table' ELSE 'table' END,
           'schema', n.nspname::text, 'name', c.relname::text, 'column', a.attname::text))
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN ns n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND a.attacl IS NOT NULL
    AND a.attnum > 0 AND NOT a.attisdropped
  UNION ALL
  -- public as initdb makes it grants USAGE (and before PostgreSQL 15
  -- CREATE) to PUBLIC.
  SELECT n.nspname, pg_catalog.format('SCHEMA %I', n.nspname), '', sn.nspowner, sn.nspacl,
         CASE WHEN n.nspname = 'public' THEN
           CASE WHEN pg_catalog.current_setting('server_version_num')::int >= 150000
                THEN ARRAY['USAGE'] ELSE ARRAY['CREATE', 'USAGE'] END
         END,
         'pg_catalog.pg_namespace'::pg_catalog.regclass, sn.oid, '[]'::pg_catalog.jsonb
  FROM ns n JOIN pg_catalog.pg_namespace sn ON sn.oid = n.oid
  WHERE sn.nspacl IS NOT NULL
  UNION ALL
  -- (GRANT names an aggregate as a FUNCTION, an ordered-set one by its
  -- argument types in a row: GRANT takes no ORDER BY.)
  SELECT n.nspname,
         pg_catalog.format('%s %I.%I(%s)', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                           n.nspname, p.proname,
                           CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_aggregate ag
                                             WHERE ag.aggfnoid = p.oid AND ag.aggkind <> 'n')
                                THEN pg_catalog.oidvectortypes(p.proargtypes)
                                ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END),
         '', p.proowner, p.proacl, ARRAY['EXECUTE'],
         'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
           'schema', n.nspname::text, 'name', p.proname::text,
           'arguments', CASE WHEN p.prokind = 'a' AND p.pronargs = 0 THEN '*'
                             ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END))
  FROM pg_catalog.pg_proc p JOIN ns n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p', 'a', 'w') AND p.proacl IS NOT NULL
    AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend pd
      WHERE pd.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND pd.objid = p.oid
        AND pd.deptype = 'i')
  UNION ALL
  SELECT n.nspname,
         pg_catalog.format('%s %I.%I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                           n.nspname, t.typname),
         '', t.typowner, t.typacl, ARRAY['USAGE'],
         'pg_catalog.pg_type'::pg_catalog.regclass, t.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'e' THEN 'enum' WHEN 'r' THEN 'range_type'
                                  ELSE 'composite_type' END,
           'schema', n.nspname::text, 'name', t.typname::text))
  FROM pg_catalog.pg_type t JOIN ns n ON n.oid = t.typnamespace
  LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
  WHERE t.typacl IS NOT NULL AND (t.typtype IN ('d', 'e', 'r') OR (t.typtype = 'c' AND tc.relkind = 'c'))
  UNION ALL
  SELECT '', pg_catalog.format('FOREIGN DATA WRAPPER %I', w.fdwname), '', w.fdwowner, w.fdwacl, NULL,
         'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass, w.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', 'foreign_data_wrapper', 'schema', '', 'name', w.fdwname::text))
  FROM pg_catalog.pg_foreign_data_wrapper w
  WHERE w.fdwacl IS NOT NULL
  UNION ALL
  SELECT '', pg_catalog.format('FOREIGN SERVER %I', fs.srvname), '', fs.srvowner, fs.srvacl, NULL,
         'pg_catalog.pg_foreign_server'::pg_catalog.regclass, fs.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', 'foreign_server', 'schema', '', 'name', fs.srvname::text))
  FROM pg_catalog.pg_foreign_server fs
  WHERE fs.srvacl IS NOT NULL
),
-- One row per (target, grantee, privilege); a privilege held from two
-- grantors counts once, with its grant option if either gave it.
grant_privs AS (
  SELECT acl.schema, acl.target, acl.cols, acl.classid, acl.objid, acl.deps, x.grantee,
         CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(r.rolname) END AS grantee_sql,
         CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE r.rolname::text END AS grantee_name,
         -- A column list applies to the privilege it follows: SELECT (a), UPDATE (a).
         x.privilege_type || CASE WHEN acl.cols <> '' THEN ' ' || pg_catalog.rtrim(acl.cols)
                                  ELSE '' END AS priv,
         pg_catalog.bool_or(x.is_grantable) AS grantable,
         -- Where the grantee's entry stands in the ACL (aclexplode lists
         -- the entries in order).
         pg_catalog.min(x.ordinality) AS ord
  FROM acl
  CROSS JOIN LATERAL pg_catalog.aclexplode(acl.acl) WITH ORDINALITY x
  LEFT JOIN pg_catalog.pg_roles r ON r.oid = x.grantee
  WHERE x.grantee <> acl.owner
    AND NOT (x.grantee = 0 AND x.privilege_type = ANY (COALESCE(acl.default_privs, '{}'))
             AND NOT x.is_grantable)
  GROUP BY acl.schema, acl.target, acl.cols, acl.classid, acl.objid, acl.deps, x.grantee, r.rolname,
           x.privilege_type
),
-- One object per (target, grantee): its privileges are its parts, granted,
-- revoked and given or stripped of their grant option one by one, so a
-- grantee's entry keeps its place in the ACL.
grants AS (
  SELECT p.schema, p.target, p.cols, p.classid, p.objid, p.deps, p.grantee_sql, p.grantee_name AS grantee,
         pg_catalog.string_agg(p.priv, ', ' ORDER BY p.priv) FILTER (WHERE NOT p.grantable) AS plain,
         pg_catalog.string_agg(p.priv, ', ' ORDER BY p.priv) FILTER (WHERE p.grantable) AS with_option,
         pg_catalog.string_agg(p.priv, ', ' ORDER BY p.priv) AS privs,
         pg_catalog.jsonb_build_object('fixed', '', 'items', pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
           'key', p.priv,
           'add', pg_catalog.format('GRANT %s ON %s TO %s%s', p.priv, p.target, p.grantee_sql,
                                    CASE WHEN p.grantable THEN ' WITH GRANT OPTION' ELSE '' END),
           'drop', pg_catalog.format('REVOKE %s ON %s FROM %s', p.priv, p.target, p.grantee_sql),
           -- The grant option alone changes.
           'change', CASE WHEN p.grantable
                          THEN pg_catalog.format('GRANT %s ON %s TO %s WITH GRANT OPTION', p.priv, p.target,
                                                 p.grantee_sql)
                          ELSE pg_catalog.format('REVOKE GRANT OPTION FOR %s ON %s FROM %s', p.priv, p.target,
                                                 p.grantee_sql) END)
           ORDER BY p.priv)) AS parts,
         pg_catalog.min(p.ord) AS position
  FROM grant_privs p
  GROUP BY p.schema, p.target, p.cols, p.classid, p.objid, p.deps, p.grantee, p.grantee_sql, p.grantee_name
),
-- Owners: one object per table, view, foreign table, standalone sequence,
-- routine, type, collation, foreign data wrapper, server, publication,
-- text search configuration and dictionary, operator and schema that the
-- reading role does not own (sequences of columns follow their table).
owned AS (
  SELECT n.nspname AS schema, c.relname AS name,
         pg_catalog.format('%s %I.%I', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                         WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                                         ELSE 'TABLE' END,
                           n.nspname, c.relname) AS target,
         c.relowner AS owner,
         'pg_catalog.pg_class'::pg_catalog.regclass AS classid, c.oid AS objid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
                                  WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign_table' ELSE 'table' END,
           'schema', n.nspname::text, 'name', c.relname::text)) AS deps
  FROM pg_catalog.pg_class c JOIN ns n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    -- A sequence of a column (identity, serial) follows its table; one
    -- of its own has its owner even when a column owns it.
    AND NOT (c.relkind = 'S' AND NOT EXISTS (
      SELECT 1 FROM objs o WHERE o.kind = 'sequence' AND o.objid = c.oid))
  UNION ALL
  SELECT n.nspname, p.proname,
         pg_catalog.format('%s %I.%I(%s)',
                           CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
                           n.nspname, p.proname,
                           CASE WHEN p.prokind = 'a' AND p.pronargs = 0 THEN '*'
                                ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END),
         p.proowner, 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
           'schema', n.nspname::text, 'name', p.proname::text,
           'arguments', CASE WHEN p.prokind = 'a' AND p.pronargs = 0 THEN '*'
                             ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END))
  FROM pg_catalog.pg_proc p JOIN ns n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p', 'a', 'w')
    AND NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend pd
      WHERE pd.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND pd.objid = p.oid
        AND pd.deptype = 'i')
  UNION ALL
  SELECT n.nspname, t.typname,
         pg_catalog.format('%s %I.%I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END,
                           n.nspname, t.typname),
         t.typowner, 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'e' THEN 'enum' WHEN 'r' THEN 'range_type'
                                  ELSE 'composite_type' END,
           'schema', n.nspname::text, 'name', t.typname::text))
  FROM pg_catalog.pg_type t JOIN ns n ON n.oid = t.typnamespace
  LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
  WHERE t.typtype IN ('d', 'e', 'r') OR (t.typtype = 'c' AND tc.relkind = 'c')
  UNION ALL
  SELECT n.nspname, co.collname, pg_catalog.format('COLLATION %I.%I', n.nspname, co.collname),
         co.collowner, 'pg_catalog.pg_collation'::pg_catalog.regclass, co.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', 'collation', 'schema', n.nspname::text, 'name', co.collname::text))
  FROM pg_catalog.pg_collation co JOIN ns n ON n.oid = co.collnamespace
  UNION ALL
  -- Owners of the other kinds read (the database-wide ones in schema '').
  SELECT g.schema, g.name, g.target, g.owner, g.classid, g.objid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', g.kind, 'schema', g.schema, 'name', g.name))
  FROM (
    SELECT 'foreign_data_wrapper' AS kind, '' AS schema, w.fdwname::text AS name,
           pg_catalog.format('FOREIGN DATA WRAPPER %I', w.fdwname) AS target, w.fdwowner AS owner,
           'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass AS classid, w.oid AS objid
    FROM pg_catalog.pg_foreign_data_wrapper w
    UNION ALL
    SELECT 'foreign_server', '', fs.srvname::text, pg_catalog.format('SERVER %I', fs.srvname), fs.srvowner,
           'pg_catalog.pg_foreign_server'::pg_catalog.regclass, fs.oid
    FROM pg_catalog.pg_foreign_server fs
    UNION ALL
    SELECT 'publication', '', pb.pubname::text, pg_catalog.format('PUBLICATION %I', pb.pubname), pb.pubowner,
           'pg_catalog.pg_publication'::pg_catalog.regclass, pb.oid
    FROM pg_catalog.pg_publication pb
    UNION ALL
    SELECT 'text_search_configuration', n.nspname::text, c.cfgname::text,
           pg_catalog.format('TEXT SEARCH CONFIGURATION %I.%I', n.nspname, c.cfgname), c.cfgowner,
           'pg_catalog.pg_ts_config'::pg_catalog.regclass, c.oid
    FROM pg_catalog.pg_ts_config c JOIN ns n ON n.oid = c.cfgnamespace
    UNION ALL
    SELECT 'text_search_dictionary', n.nspname::text, d.dictname::text,
           pg_catalog.format('TEXT SEARCH DICTIONARY %I.%I', n.nspname, d.dictname), d.dictowner,
           'pg_catalog.pg_ts_dict'::pg_catalog.regclass, d.oid
    FROM pg_catalog.pg_ts_dict d JOIN ns n ON n.oid = d.dictnamespace
    UNION ALL
    -- An event trigger is in the schema of the function it runs.
    SELECT 'event_trigger', n.nspname::text, et.evtname::text,
           pg_catalog.format('EVENT TRIGGER %I', et.evtname), et.evtowner,
           'pg_catalog.pg_event_trigger'::pg_catalog.regclass, et.oid
    FROM pg_catalog.pg_event_trigger et
    JOIN pg_catalog.pg_proc p ON p.oid = et.evtfoid
    JOIN ns n ON n.oid = p.pronamespace
  ) g
  UNION ALL
  SELECT n.nspname, op.oprname,
         pg_catalog.format('OPERATOR %I.%s (%s, %s)', n.nspname, op.oprname,
                           CASE WHEN op.oprleft = 0 THEN 'NONE' ELSE pg_catalog.format_type(op.oprleft, NULL) END,
                           pg_catalog.format_type(op.oprright, NULL)),
         op.oprowner, 'pg_catalog.pg_operator'::pg_catalog.regclass, op.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', 'operator', 'schema', n.nspname::text, 'name', op.oprname::text,
           'arguments', pg_catalog.format('%s, %s',
                          CASE WHEN op.oprleft = 0 THEN 'NONE' ELSE pg_catalog.format_type(op.oprleft, NULL) END,
                          pg_catalog.format_type(op.oprright, NULL))))
  FROM pg_catalog.pg_operator op JOIN ns n ON n.oid = op.oprnamespace
  WHERE op.oprcode <> 0
  UNION ALL
  SELECT n.nspname, n.nspname, pg_catalog.format('SCHEMA %I', n.nspname), sn.nspowner,
         'pg_catalog.pg_namespace'::pg_catalog.regclass, sn.oid, '[]'::pg_catalog.jsonb
  FROM ns n JOIN pg_catalog.pg_namespace sn ON sn.oid = n.oid
  -- public as every new database has it (pg_database_owner from
  -- PostgreSQL 15, the bootstrap superuser before) states no owner.
  WHERE NOT (n.nspname = 'public'
             AND (sn.nspowner = 10
                  OR (SELECT r.rolname FROM pg_catalog.pg_roles r WHERE r.oid = sn.nspowner)
                     = 'pg_database_owner'))
),
-- Default privileges (pg_default_acl), one object per (role, schema, kind
-- of object, grantee, grant option). An entry for a schema adds to the
-- global one; a global entry replaces the built-in default (acldefault),
-- so what it adds is granted and what it takes away is revoked.
dacl AS (
  SELECT d.oid, COALESCE(n.nspname::text, '') AS schema, r.rolname::text AS role,
         -- The reading role's own entries name no role: they are what
         -- whoever runs the migration sets for itself (as its objects
         -- state no owner), and they apply to what the migration creates.
         pg_catalog.concat_ws(' ',
           CASE WHEN r.rolname <> current_user THEN pg_catalog.format('FOR ROLE %I', r.rolname) END,
           CASE WHEN n.nspname IS NOT NULL THEN pg_catalog.format('IN SCHEMA %I', n.nspname) END) AS scope,
         CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                              WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' END AS objs,
         x.grantee, x.privilege_type, x.is_grantable, x.granted
  FROM pg_catalog.pg_default_acl d
  JOIN pg_catalog.pg_roles r ON r.oid = d.defaclrole
  LEFT JOIN ns n ON n.oid = d.defaclnamespace
  CROSS JOIN LATERAL (
    SELECT a.grantee, a.privilege_type, a.is_grantable, true AS granted
    FROM pg_catalog.aclexplode(d.defaclacl) a
    WHERE d.defaclnamespace <> 0
       OR NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(pg_catalog.acldefault(
                        CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END, d.defaclrole)) b
                      WHERE b.grantee = a.grantee AND b.privilege_type = a.privilege_type
                        AND b.is_grantable = a.is_grantable)
    UNION ALL
    SELECT b.grantee, b.privilege_type, b.is_grantable, false
    FROM pg_catalog.aclexplode(pg_catalog.acldefault(
           CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END, d.defaclrole)) b
    WHERE d.defaclnamespace = 0
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(d.defaclacl) a
                      WHERE b.grantee = a.grantee AND b.privilege_type = a.privilege_type
                        AND b.is_grantable = a.is_grantable)
  ) x
  WHERE d.defaclnamespace = 0 OR n.nspname IS NOT NULL
),
dgrants AS (
  SELECT d.oid, d.schema, d.role, d.scope,
         CASE WHEN d.scope = '' THEN '' ELSE d.scope || ' ' END AS scope_sql,
         d.objs, d.granted, d.is_grantable,
         -- The reading role's entries for itself name it CURRENT_USER:
         -- the owner of what the migration creates (whose own privileges
         -- no object's grants list).
         CASE WHEN d.grantee = 0 THEN 'PUBLIC'
              WHEN d.role = current_user AND g.rolname = current_user THEN 'CURRENT_USER'
              ELSE pg_catalog.quote_ident(g.rolname) END AS grantee_sql,
         CASE WHEN d.grantee = 0 THEN 'PUBLIC'
              WHEN d.role = current_user AND g.rolname = current_user THEN 'CURRENT_USER'
              ELSE g.rolname::text END AS grantee,
         pg_catalog.string_agg(d.privilege_type, ', ' ORDER BY d.privilege_type) AS privs
  FROM dacl d LEFT JOIN pg_catalog.pg_roles g ON g.oid = d.grantee
  GROUP BY d.oid, d.schema, d.role, d.scope, d.objs, d.granted, d.is_grantable, d.grantee, g.rolname
),
-- Comments on what has no object of its own: schemas, the columns of
-- views, materialized views and composite types, the constraints of
-- domains, serial and identity sequences, and the indexes of key and
-- exclusion constraints.
comments AS (
  SELECT n.nspname AS schema, n.nspname AS name, pg_catalog.format('SCHEMA %I', n.nspname) AS target,
         d.description, 'pg_catalog.pg_namespace'::pg_catalog.regclass AS classid, n.oid AS objid,
         '[]'::pg_catalog.jsonb AS deps
  FROM ns n
  JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objoid = n.oid AND d.objsubid = 0
  -- public's comment as initdb writes it is no comment of the application.
  WHERE NOT (n.nspname = 'public' AND d.description = 'standard public schema')
  UNION ALL
  SELECT n.nspname, c.relname, pg_catalog.format('COLUMN %I.%I.%I', n.nspname, c.relname, a.attname),
         d.description, 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
                                  WHEN 'f' THEN 'foreign_table' ELSE 'composite_type' END,
           'schema', n.nspname::text,
           'name', CASE WHEN c.relkind = 'c' THEN t.typname::text ELSE c.relname::text END))
  FROM pg_catalog.pg_class c
  JOIN ns n ON n.oid = c.relnamespace
  JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = c.oid AND d.objsubid = a.attnum
  LEFT JOIN pg_catalog.pg_type t ON t.oid = c.reltype
  WHERE c.relkind IN ('v', 'm', 'c', 'f')
  UNION ALL
  -- A domain's constraints (set again when the domain is made again).
  SELECT n.nspname, t.typname,
         pg_catalog.format('CONSTRAINT %I ON DOMAIN %I.%I', co.conname, n.nspname, t.typname),
         d.description, 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', 'domain', 'schema', n.nspname::text, 'name', t.typname::text))
  FROM pg_catalog.pg_constraint co
  JOIN pg_catalog.pg_type t ON t.oid = co.contypid
  JOIN ns n ON n.oid = t.typnamespace
  JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objoid = co.oid AND d.objsubid = 0
  UNION ALL
  -- The sequence of a serial or identity column (not an object: it
  -- follows its column), and the index behind a key or exclusion
  -- constraint (the constraint's comment is the constraint's own).
  SELECT n.nspname, s.relname,
         pg_catalog.format('%s %I.%I', CASE s.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'INDEX' END,
                           n.nspname, s.relname),
         d.description, 'pg_catalog.pg_class'::pg_catalog.regclass, s.oid,
         pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
           'kind', 'table', 'schema', tn.nspname::text, 'name', t.relname::text))
  FROM pg_catalog.pg_class s
  JOIN ns n ON n.oid = s.relnamespace
  JOIN pg_catalog.pg_description d
    ON d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objoid = s.oid AND d.objsubid = 0
  JOIN LATERAL (
    SELECT dp.refobjid AS table_oid FROM pg_catalog.pg_depend dp
    WHERE s.relkind = 'S' AND dp.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND dp.objid = s.oid AND dp.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND dp.deptype IN ('a', 'i') AND dp.refobjsubid > 0
      AND NOT EXISTS (SELECT 1 FROM objs o WHERE o.kind = 'sequence' AND o.objid = s.oid)
    UNION ALL
    SELECT k.conrelid FROM pg_catalog.pg_constraint k
    WHERE s.relkind IN ('i', 'I') AND k.conindid = s.oid AND k.contype IN ('p', 'u', 'x')
      AND k.conrelid <> 0
    LIMIT 1
  ) own ON true
  JOIN pg_catalog.pg_class t ON t.oid = own.table_oid
  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
  WHERE s.relkind IN ('S', 'i', 'I')
),
all_objs AS (
  SELECT o.*, NULL::text AS drop_sql, '[]'::pg_catalog.jsonb AS extra_deps,
         NULL::pg_catalog.jsonb AS grant_info FROM objs o
  UNION ALL
  -- The column that owns a sequence of its own (OWNED BY without being its
  -- serial): set after the table and the sequence exist, removed (OWNED BY
  -- NONE) before either goes, so a dropped table or column does not take
  -- a sequence that stays with it.
  --
  -- PostgreSQL wants the sequence to have the table's owner: it is given
  -- it first, after the table's own owner is set.
  SELECT 'sequence_ownership', o.schema, o.name, NULL, NULL,
         pg_catalog.format(E'ALTER SEQUENCE %I.%I OWNER TO %s;\nALTER SEQUENCE %I.%I OWNED BY %I.%I.%I;',
                           o.schema, o.name,
                           CASE WHEN tr.rolname = current_user THEN 'CURRENT_USER'
                                ELSE pg_catalog.quote_ident(tr.rolname) END,
                           o.schema, o.name, tn.nspname, t.relname, a.attname),
         NULL, o.classid, o.objid, o.classid, ARRAY[]::oid[],
         pg_catalog.format('ALTER SEQUENCE %I.%I OWNED BY NONE;', o.schema, o.name),
         pg_catalog.jsonb_build_array(
           pg_catalog.jsonb_build_object('kind', 'sequence', 'schema', o.schema, 'name', o.name),
           pg_catalog.jsonb_build_object('kind', 'table', 'schema', tn.nspname::text, 'name', t.relname::text,
                                         'column', a.attname::text))
         || CASE WHEN tr.rolname <> current_user THEN pg_catalog.jsonb_build_array(
              pg_catalog.jsonb_build_object('kind', 'owner', 'schema', tn.nspname::text, 'name', t.relname::text,
                                            'arguments', pg_catalog.format('TABLE %I.%I', tn.nspname, t.relname)),
              pg_catalog.jsonb_build_object('kind', 'owner', 'schema', o.schema, 'name', o.name,
                                            'arguments', pg_catalog.format('SEQUENCE %I.%I', o.schema, o.name)))
            ELSE '[]'::pg_catalog.jsonb END,
         NULL::pg_catalog.jsonb
  FROM objs o
  JOIN pg_catalog.pg_depend d
    ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = o.objid
       AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'a'
  JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
  JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
  JOIN pg_catalog.pg_roles tr ON tr.oid = t.relowner
  WHERE o.kind = 'sequence'
  UNION ALL
  SELECT 'comment', m.schema, m.name, NULL, m.target,
         pg_catalog.format('COMMENT ON %s IS %L;', m.target, m.description),
         NULL, m.classid, m.objid, m.classid, ARRAY[]::oid[],
         -- public's comment goes back to the one initdb writes.
         CASE WHEN m.target = 'SCHEMA public' THEN 'COMMENT ON SCHEMA public IS ''standard public schema'';'
              ELSE pg_catalog.format('COMMENT ON %s IS NULL;', m.target) END, m.deps,
         NULL::pg_catalog.jsonb
  FROM comments m
  UNION ALL
  SELECT 'owner', w.schema, w.name, NULL, w.target,
         pg_catalog.format('ALTER %s OWNER TO %I;', w.target, ro.rolname),
         NULL, w.classid, w.objid, w.classid, ARRAY[]::oid[], NULL,
         w.deps || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                     'kind', 'role', 'schema', '', 'name', ro.rolname::text)),
         NULL::pg_catalog.jsonb
  FROM owned w JOIN pg_catalog.pg_roles ro ON ro.oid = w.owner
  -- What the reading role owns is what it would own by creating it: no
  -- object (so a database built from a schema reads back as that schema).
  WHERE ro.rolname <> current_user
  UNION ALL
  SELECT 'default_privilege', g.schema, g.grantee, NULL,
         pg_catalog.concat_ws(' ', NULLIF(g.scope, ''), CASE WHEN g.granted THEN 'GRANT' ELSE 'REVOKE' END)
           || ' ON ' || g.objs || CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END,
         CASE WHEN g.granted
              THEN pg_catalog.format('ALTER DEFAULT PRIVILEGES %sGRANT %s ON %s TO %s%s;', g.scope_sql, g.privs,
                                     g.objs, g.grantee_sql,
                                     CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
              ELSE pg_catalog.format('ALTER DEFAULT PRIVILEGES %sREVOKE %s ON %s FROM %s;', g.scope_sql, g.privs,
                                     g.objs, g.grantee_sql) END,
         NULL, 'pg_catalog.pg_default_acl'::pg_catalog.regclass, g.oid,
         'pg_catalog.pg_default_acl'::pg_catalog.regclass, ARRAY[]::oid[],
         CASE WHEN g.granted
              THEN pg_catalog.format('ALTER DEFAULT PRIVILEGES %sREVOKE %s ON %s FROM %s;', g.scope_sql, g.privs,
                                     g.objs, g.grantee_sql)
              ELSE pg_catalog.format('ALTER DEFAULT PRIVILEGES %sGRANT %s ON %s TO %s%s;', g.scope_sql, g.privs,
                                     g.objs, g.grantee_sql,
                                     CASE WHEN g.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END) END,
         CASE WHEN g.role = current_user THEN '[]'::pg_catalog.jsonb
              ELSE pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                     'kind', 'role', 'schema', '', 'name', g.role)) END
           || CASE WHEN g.grantee IN ('PUBLIC', 'CURRENT_USER') THEN '[]'::pg_catalog.jsonb
                   ELSE pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                          'kind', 'role', 'schema', '', 'name', g.grantee)) END,
         NULL::pg_catalog.jsonb
  FROM dgrants g
  UNION ALL
  SELECT 'grant', g.schema, g.grantee, NULL, g.cols || 'ON ' || g.target,
         pg_catalog.concat_ws(E'\n',
           CASE WHEN g.plain IS NOT NULL
                THEN pg_catalog.format('GRANT %s ON %s TO %s;', g.plain, g.target, g.grantee_sql) END,
           CASE WHEN g.with_option IS NOT NULL
                THEN pg_catalog.format('GRANT %s ON %s TO %s WITH GRANT OPTION;', g.with_option, g.target,
                                       g.grantee_sql) END),
         NULL, g.classid, g.objid, g.classid, ARRAY[]::oid[],
         pg_catalog.format('REVOKE %s ON %s FROM %s;', g.privs, g.target, g.grantee_sql),
         g.deps || CASE WHEN g.grantee = 'PUBLIC' THEN '[]'::pg_catalog.jsonb
                        ELSE pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                               'kind', 'role', 'schema', '', 'name', g.grantee)) END,
         pg_catalog.jsonb_build_object('parts', g.parts, 'position', g.position)
  FROM grants g
  UNION ALL
  SELECT 'grant', a.schema, 'PUBLIC', NULL, 'ON ' || a.target || ' (default revoked)',
         pg_catalog.format('REVOKE %s ON %s FROM PUBLIC;', m.privs, a.target),
         NULL, a.classid, a.objid, a.classid, ARRAY[]::oid[],
         pg_catalog.format('GRANT %s ON %s TO PUBLIC;', m.privs, a.target),
         a.deps,
         NULL::pg_catalog.jsonb
  FROM acl a
  CROSS JOIN LATERAL (
    SELECT pg_catalog.string_agg(d.p, ', ' ORDER BY d.p) AS privs
    FROM pg_catalog.unnest(a.default_privs) d(p)
    WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.aclexplode(a.acl) x
                      WHERE x.grantee = 0 AND x.privilege_type = d.p)
  ) m
  WHERE a.default_privs IS NOT NULL AND m.privs IS NOT NULL
)
SELECT o.kind, o.schema, o.name, o.tbl, o.args, o.definition, o.signature, o.drop_sql,
       -- Domains and composite types change in place part by part.
       CASE o.kind
         WHEN 'grant' THEN (o.grant_info -> 'parts')::text
         -- A policy: its roles, USING and WITH CHECK change in place
         -- (ALTER POLICY); its kind, command, or a USING / WITH CHECK that
         -- appears or goes away need a new one.
         WHEN 'policy' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', CASE WHEN po.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END
                             || ' ' || po.polcmd::text
                             || CASE WHEN po.polqual IS NOT NULL THEN ' USING' ELSE '' END
                             || CASE WHEN po.polwithcheck IS NOT NULL THEN ' WITH CHECK' ELSE '' END,
                    'items', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                               'key', 'to', 'add', a.prefix || ' TO ' || a.roles, 'drop', '',
                               'change', a.prefix || ' TO ' || a.roles))
                             || CASE WHEN po.polqual IS NOT NULL
                                     THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                                            'key', 'using', 'add', a.prefix || ' USING (' || a.qual || ')',
                                            'drop', '', 'change', a.prefix || ' USING (' || a.qual || ')'))
                                     ELSE '[]'::pg_catalog.jsonb END
                             || CASE WHEN po.polwithcheck IS NOT NULL
                                     THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                                            'key', 'with check',
                                            'add', a.prefix || ' WITH CHECK (' || a.check || ')',
                                            'drop', '', 'change', a.prefix || ' WITH CHECK (' || a.check || ')'))
                                     ELSE '[]'::pg_catalog.jsonb END)::text
           FROM pg_catalog.pg_policy po
           CROSS JOIN LATERAL (
             SELECT pg_catalog.format('ALTER POLICY %I ON %I.%I', o.name, o.schema, o.tbl) AS prefix,
                    (SELECT pg_catalog.string_agg(
                              CASE WHEN r.rid = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(ro.rolname) END,
                              ', ' ORDER BY CASE WHEN r.rid = 0 THEN '' ELSE ro.rolname::text END)
                     FROM pg_catalog.unnest(po.polroles) AS r(rid)
                     LEFT JOIN pg_catalog.pg_roles ro ON ro.oid = r.rid) AS roles,
                    pg_catalog.pg_get_expr(po.polqual, po.polrelid) AS qual,
                    pg_catalog.pg_get_expr(po.polwithcheck, po.polrelid) AS check
           ) a
           WHERE po.oid = o.objid)
         WHEN 'domain' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', pg_catalog.format_type(t.typbasetype, t.typtypmod)
                             || CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation
                                     THEN ' COLLATE ' || t.typcollation::pg_catalog.regcollation::text
                                     ELSE '' END,
                    'items',
                    (CASE WHEN t.typdefault IS NOT NULL THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                       'key', 'default',
                       'add', pg_catalog.format('ALTER DOMAIN %I.%I SET DEFAULT %s', o.schema, o.name,
                                                pg_catalog.pg_get_expr(t.typdefaultbin, 0)),
                       'drop', pg_catalog.format('ALTER DOMAIN %I.%I DROP DEFAULT', o.schema, o.name),
                       'change', pg_catalog.format('ALTER DOMAIN %I.%I SET DEFAULT %s', o.schema, o.name,
                                                   pg_catalog.pg_get_expr(t.typdefaultbin, 0))))
                     ELSE '[]'::pg_catalog.jsonb END)
                    || (CASE WHEN t.typnotnull THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                          'key', 'not null',
                          'add', pg_catalog.format('ALTER DOMAIN %I.%I SET NOT NULL', o.schema, o.name),
                          'drop', pg_catalog.format('ALTER DOMAIN %I.%I DROP NOT NULL', o.schema, o.name)))
                        ELSE '[]'::pg_catalog.jsonb END)
                    || COALESCE((SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                          'key', 'constraint ' || co.conname,
                          'add', pg_catalog.format('ALTER DOMAIN %I.%I ADD CONSTRAINT %I %s', o.schema, o.name,
                                                   co.conname, pg_catalog.pg_get_constraintdef(co.oid)),
                          'drop', pg_catalog.format('ALTER DOMAIN %I.%I DROP CONSTRAINT %I', o.schema, o.name,
                                                    co.conname),
                          'rename', pg_catalog.jsonb_build_object(
                            'body', pg_catalog.pg_get_constraintdef(co.oid),
                            'prefix', pg_catalog.format('ALTER DOMAIN %I.%I RENAME CONSTRAINT', o.schema, o.name),
                            'name', pg_catalog.quote_ident(co.conname))) ORDER BY co.conname)
                        FROM pg_catalog.pg_constraint co
                        WHERE co.contypid = t.oid AND co.contype = 'c'), '[]'::pg_catalog.jsonb))::text
           FROM pg_catalog.pg_type t
           JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
           WHERE t.oid = o.objid)
         -- A sequence: a new range is entered first (the sequence is set to
         -- its new start only when its value lies outside the new range,
         -- which ALTER SEQUENCE refuses), then its options.
         WHEN 'sequence' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', '',
                    'items', pg_catalog.jsonb_build_array(
                      pg_catalog.jsonb_build_object(
                        'key', 'range',
                        'add', r.guard, 'drop', '', 'change', r.guard),
                      pg_catalog.jsonb_build_object(
                        'key', 'options',
                        'add', r.alter, 'drop', '', 'change', r.alter))
                    -- Unlogged: a part of its own, which goes when it
                    -- becomes logged again.
                    || CASE WHEN sc.relpersistence = 'u' THEN pg_catalog.jsonb_build_array(
                         pg_catalog.jsonb_build_object(
                           'key', 'unlogged',
                           'add', pg_catalog.format('ALTER SEQUENCE %I.%I SET UNLOGGED', o.schema, o.name),
                           'drop', pg_catalog.format('ALTER SEQUENCE %I.%I SET LOGGED', o.schema, o.name),
                           'change', ''))
                       ELSE '[]'::pg_catalog.jsonb END)::text
           FROM pg_catalog.pg_sequence sq
           JOIN pg_catalog.pg_class sc ON sc.oid = sq.seqrelid
           CROSS JOIN LATERAL (
             SELECT pg_catalog.format(
                      'SELECT pg_catalog.setval(%L, %s, false) FROM %I.%I WHERE last_value < %s OR last_value > %s',
                      pg_catalog.quote_ident(o.schema) || '.' || pg_catalog.quote_ident(o.name), sq.seqstart,
                      o.schema, o.name, sq.seqmin, sq.seqmax) AS guard,
                    pg_catalog.format(
                      'ALTER SEQUENCE %I.%I AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s',
                      o.schema, o.name, pg_catalog.format_type(sq.seqtypid, NULL), sq.seqincrement, sq.seqmin,
                      sq.seqmax, sq.seqstart, sq.seqcache,
                      CASE WHEN sq.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END) AS alter
           ) r
           WHERE sq.seqrelid = o.objid)
         -- An operator: its restriction and join estimators change in
         -- place (ALTER OPERATOR ... SET); the rest is fixed.
         WHEN 'operator' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', pg_catalog.concat_ws(' ', op.oprcode::pg_catalog.regproc::text, op.oprcom::pg_catalog.regoper::text,
                                                  op.oprnegate::pg_catalog.regoper::text, op.oprcanhash, op.oprcanmerge),
                    'items', COALESCE((SELECT pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                        'key', 'restrict',
                        'add', pg_catalog.format('ALTER OPERATOR %I.%s (%s) SET (RESTRICT = %I.%I)', o.schema, o.name,
                                                 o.args, pn.nspname, p.proname),
                        'drop', pg_catalog.format('ALTER OPERATOR %I.%s (%s) SET (RESTRICT = NONE)', o.schema, o.name,
                                                  o.args),
                        'change', pg_catalog.format('ALTER OPERATOR %I.%s (%s) SET (RESTRICT = %I.%I)', o.schema,
                                                    o.name, o.args, pn.nspname, p.proname)))
                     FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
                     WHERE p.oid = op.oprrest), '[]'::pg_catalog.jsonb)
                             || COALESCE((SELECT pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                        'key', 'join',
                        'add', pg_catalog.format('ALTER OPERATOR %I.%s (%s) SET (JOIN = %I.%I)', o.schema, o.name,
                                                 o.args, pn.nspname, p.proname),
                        'drop', pg_catalog.format('ALTER OPERATOR %I.%s (%s) SET (JOIN = NONE)', o.schema, o.name,
                                                  o.args),
                        'change', pg_catalog.format('ALTER OPERATOR %I.%s (%s) SET (JOIN = %I.%I)', o.schema,
                                                    o.name, o.args, pn.nspname, p.proname)))
                     FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
                     WHERE p.oid = op.oprjoin), '[]'::pg_catalog.jsonb))::text
           FROM pg_catalog.pg_operator op
           WHERE op.oid = o.objid)
         -- A subscription: its slot and two-phase mode are fixed; its
         -- publications (set without a refresh, which would connect to the
         -- publisher), options and state change in place, enabled last.
         -- Its connection string is not a part: it belongs to the
         -- environment (and its password is not read), and is written
         -- only when the subscription is created (objects.rs).
         WHEN 'subscription' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', pg_catalog.concat_ws(' ', COALESCE(pg_catalog.quote_literal(su.subslotname), 'NONE'),
                                                  (su.subtwophasestate <> 'd')::text),
                    'items', pg_catalog.jsonb_build_array(
                        pg_catalog.jsonb_build_object(
                          'key', 'publication', 'add', x.prefix || ' SET PUBLICATION ' || x.pubs || ' WITH (refresh = false)',
                          'drop', x.prefix || ' SET PUBLICATION ' || x.pubs || ' WITH (refresh = false)',
                          'change', x.prefix || ' SET PUBLICATION ' || x.pubs || ' WITH (refresh = false)'))
                      || CASE WHEN su.subbinary THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                           'key', 'binary', 'add', x.prefix || ' SET (binary = true)',
                           'drop', x.prefix || ' SET (binary = false)', 'change', x.prefix || ' SET (binary = true)'))
                         ELSE '[]'::pg_catalog.jsonb END
                      || CASE WHEN su.streaming <> 'off' THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                           'key', 'streaming', 'add', x.prefix || ' SET (streaming = ' || su.streaming || ')',
                           'drop', x.prefix || ' SET (streaming = off)',
                           'change', x.prefix || ' SET (streaming = ' || su.streaming || ')'))
                         ELSE '[]'::pg_catalog.jsonb END
                      || CASE WHEN su.subdisableonerr THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                           'key', 'disable_on_error', 'add', x.prefix || ' SET (disable_on_error = true)',
                           'drop', x.prefix || ' SET (disable_on_error = false)',
                           'change', x.prefix || ' SET (disable_on_error = true)'))
                         ELSE '[]'::pg_catalog.jsonb END
                      || CASE WHEN su.subsynccommit <> 'off' THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                           'key', 'synchronous_commit',
                           'add', x.prefix || ' SET (synchronous_commit = ' || pg_catalog.quote_literal(su.subsynccommit) || ')',
                           'drop', x.prefix || ' SET (synchronous_commit = ''off'')',
                           'change', x.prefix || ' SET (synchronous_commit = ' || pg_catalog.quote_literal(su.subsynccommit) || ')'))
                         ELSE '[]'::pg_catalog.jsonb END
                      || CASE WHEN su.subenabled THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                           'key', 'enabled', 'add', x.prefix || ' ENABLE', 'drop', x.prefix || ' DISABLE',
                           'change', x.prefix || ' ENABLE'))
                         ELSE '[]'::pg_catalog.jsonb END)::text
           FROM sub_conninfo su
           CROSS JOIN LATERAL (
             SELECT pg_catalog.format('ALTER SUBSCRIPTION %I', su.subname) AS prefix,
                    (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(u.p), ', ' ORDER BY u.k)
                     FROM pg_catalog.unnest(su.subpublications) WITH ORDINALITY u(p, k)) AS pubs
           ) x
           WHERE su.oid = o.objid)
         -- Foreign data wrappers, servers and user mappings: options, a
         -- wrapper's handler and validator and a server's version change
         -- in place; a server's type and wrapper are fixed
         -- (`option_parts`, below).
         WHEN 'foreign_data_wrapper' THEN option_parts.parts
         WHEN 'foreign_server' THEN option_parts.parts
         WHEN 'user_mapping' THEN option_parts.parts
         -- A text search dictionary: its template is fixed, each option
         -- (as serialize_deflist writes them: `name = 'value', ...`) a part,
         -- set and removed (`ALTER ... (name)`) in place.
         WHEN 'text_search_dictionary' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', t.tmplnamespace::pg_catalog.regnamespace::text || '.' || t.tmplname,
                    'items', COALESCE((
                      SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                               'key', 'option ' || x.m[1],
                               'add', pg_catalog.format('ALTER TEXT SEARCH DICTIONARY %I.%I (%s = %s)',
                                                        o.schema, o.name, x.m[1], x.m[2]),
                               'drop', pg_catalog.format('ALTER TEXT SEARCH DICTIONARY %I.%I (%s)',
                                                         o.schema, o.name, x.m[1]),
                               'change', pg_catalog.format('ALTER TEXT SEARCH DICTIONARY %I.%I (%s = %s)',
                                                           o.schema, o.name, x.m[1], x.m[2]))
                               ORDER BY x.m[1])
                      FROM pg_catalog.regexp_matches(COALESCE(d.dictinitoption, ''),
                             '("(?:[^"]|"")+"|[^\s=,]+) = (E?''(?:[^'']|'''')*'')', 'g') AS x(m)),
                      '[]'::pg_catalog.jsonb))::text
           FROM pg_catalog.pg_ts_dict d
           JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
           WHERE d.oid = o.objid)
         -- A text search configuration: its parser is fixed, each token
         -- type's mapping a part.
         WHEN 'text_search_configuration' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', p.prsnamespace::pg_catalog.regnamespace::text || '.' || p.prsname,
                    'items', COALESCE((
                      SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                               'key', 'mapping ' || m.alias,
                               'add', pg_catalog.format('ALTER TEXT SEARCH CONFIGURATION %I.%I ADD MAPPING FOR %s WITH %s',
                                                        o.schema, o.name, m.alias, m.dicts),
                               'drop', pg_catalog.format('ALTER TEXT SEARCH CONFIGURATION %I.%I DROP MAPPING FOR %s',
                                                         o.schema, o.name, m.alias),
                               'change', pg_catalog.format('ALTER TEXT SEARCH CONFIGURATION %I.%I ALTER MAPPING FOR %s WITH %s',
                                                           o.schema, o.name, m.alias, m.dicts))
                               ORDER BY m.alias)
                      FROM (SELECT tm.alias, tm.dicts FROM ts_mappings tm WHERE tm.cfg = c.oid) m), '[]'::pg_catalog.jsonb))::text
           FROM pg_catalog.pg_ts_config c
           JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
           WHERE c.oid = o.objid)
         WHEN 'extension' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', o.schema,
                    'items', pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                      'key', 'version',
                      'add', pg_catalog.format('ALTER EXTENSION %I UPDATE TO %L', e.extname, e.extversion),
                      'drop', '',
                      'change', pg_catalog.format('ALTER EXTENSION %I UPDATE TO %L', e.extname, e.extversion))))::text
           FROM pg_catalog.pg_extension e
           WHERE e.oid = o.objid)
         WHEN 'composite_type' THEN (
           SELECT pg_catalog.jsonb_build_object(
                    'fixed', '',
                    'items', COALESCE(pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                      'key', 'attribute ' || a.attname,
                      'add', pg_catalog.format('ALTER TYPE %I.%I ADD ATTRIBUTE %I %s%s', o.schema, o.name, a.attname,
                                               pg_catalog.format_type(a.atttypid, a.atttypmod), ac.collate),
                      'drop', pg_catalog.format('ALTER TYPE %I.%I DROP ATTRIBUTE %I', o.schema, o.name, a.attname),
                      'change', pg_catalog.format('ALTER TYPE %I.%I ALTER ATTRIBUTE %I TYPE %s%s', o.schema, o.name,
                                                  a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                                                  ac.collate))
                      ORDER BY a.attnum), '[]'::pg_catalog.jsonb))::text
           FROM pg_catalog.pg_type t
           JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
           -- An attribute's collation when not its type's.
           CROSS JOIN LATERAL (
             SELECT CASE WHEN a.attcollation <> 0
                              AND a.attcollation <> (SELECT at.typcollation FROM pg_catalog.pg_type at
                                                     WHERE at.oid = a.atttypid)
                         THEN ' COLLATE ' || a.attcollation::pg_catalog.regcollation::text
                         ELSE '' END AS collate
           ) ac
           WHERE t.oid = o.objid)
       END AS parts,
       (o.grant_info ->> 'position')::int AS position,
       (SELECT d.description FROM pg_catalog.pg_description d
        WHERE d.classoid = o.classid AND d.objoid = o.objid AND d.objsubid = 0
          AND o.kind NOT IN ('row_security', 'grant', 'owner', 'default_privilege', 'comment',
                             'sequence_ownership')) AS comment,
       (COALESCE((
         SELECT pg_catalog.jsonb_agg(DISTINCT r.ref)
         FROM (
           SELECT d.* FROM pg_catalog.pg_depend d
           WHERE d.classid = o.dep_classid AND d.objid = ANY (o.dep_objids)
           UNION ALL
           -- A domain's CHECK constraints depend on what they call (a
           -- function is created before the domain and dropped after it).
           SELECT d.* FROM pg_catalog.pg_constraint dco
           JOIN pg_catalog.pg_depend d
             ON d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objid = dco.oid
           WHERE o.kind = 'domain' AND dco.contypid = o.objid
             AND NOT (d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.refobjid = o.objid)
           UNION ALL
           -- A materialized view's indexes are part of it: what their
           -- expressions and predicates call too.
           SELECT d.* FROM pg_catalog.pg_index mi
           JOIN pg_catalog.pg_depend d
             ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = mi.indexrelid
           WHERE o.kind = 'materialized_view' AND mi.indrelid = o.objid
             AND NOT (d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjid = o.objid)
           UNION ALL
           -- So are an exclusion constraint's index's.
           SELECT d.* FROM pg_catalog.pg_constraint xk
           JOIN pg_catalog.pg_depend d
             ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = xk.conindid
           WHERE o.kind = 'exclusion' AND xk.oid = o.objid
             AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
         ) dep
         CROSS JOIN LATERAL (
           SELECT CASE
             WHEN dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass THEN (
               SELECT pg_catalog.jsonb_build_object(
                        'kind', CASE rc.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table'
                                  WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized_view'
                                  WHEN 'S' THEN 'sequence' WHEN 'c' THEN 'composite_type'
                                  WHEN 'f' THEN 'foreign_table' END,
                        'schema', rn.nspname::text, 'name', rc.relname::text,
                        'column', (SELECT a.attname::text FROM pg_catalog.pg_attribute a
                                   WHERE a.attrelid = rc.oid AND a.attnum = dep.refobjsubid
                                     AND dep.refobjsubid > 0))
               FROM pg_catalog.pg_class rc
               JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
               WHERE rc.oid = dep.refobjid)
             WHEN dep.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass THEN (
               SELECT pg_catalog.jsonb_build_object(
                        'kind', CASE rp.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate'
                                  ELSE 'function' END,
                        'schema', rn.nspname::text, 'name', rp.proname::text,
                        'arguments', CASE WHEN rp.prokind = 'a' AND rp.pronargs = 0 THEN '*'
                                          ELSE pg_catalog.pg_get_function_identity_arguments(rp.oid) END)
               FROM pg_catalog.pg_proc rp
               JOIN pg_catalog.pg_namespace rn ON rn.oid = rp.pronamespace
               WHERE rp.oid = dep.refobjid)
             WHEN dep.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass THEN (
               -- A relation's row type is the relation; a multirange type
               -- is its range type.
               SELECT pg_catalog.jsonb_build_object(
                        'kind', CASE rt.typtype WHEN 'd' THEN 'domain' WHEN 'e' THEN 'enum'
                                  WHEN 'r' THEN 'range_type' WHEN 'm' THEN 'range_type'
                                  WHEN 'c' THEN CASE trc.relkind WHEN 'v' THEN 'view'
                                                  WHEN 'm' THEN 'materialized_view'
                                                  WHEN 'r' THEN 'table' WHEN 'p' THEN 'table'
                                                  WHEN 'f' THEN 'foreign_table'
                                                  ELSE 'composite_type' END END,
                        'schema', COALESCE(mrn.nspname, rn.nspname)::text,
                        'name', COALESCE(mrt.typname, rt.typname)::text)
               FROM pg_catalog.pg_type rt
               JOIN pg_catalog.pg_namespace rn ON rn.oid = rt.typnamespace
               LEFT JOIN pg_catalog.pg_class trc ON trc.oid = rt.typrelid
               LEFT JOIN pg_catalog.pg_range mr
                      ON rt.typtype = 'm'
                         AND (pg_catalog.to_jsonb(mr) ->> 'rngmultitypid')::pg_catalog.oid = rt.oid
               LEFT JOIN pg_catalog.pg_type mrt ON mrt.oid = mr.rngtypid
               LEFT JOIN pg_catalog.pg_namespace mrn ON mrn.oid = mrt.typnamespace
               WHERE rt.oid = dep.refobjid)
             WHEN dep.refclassid = 'pg_catalog.pg_collation'::pg_catalog.regclass THEN (
               SELECT pg_catalog.jsonb_build_object(
                        'kind', 'collation', 'schema', rn.nspname::text, 'name', rco.collname::text)
               FROM pg_catalog.pg_collation rco
               JOIN pg_catalog.pg_namespace rn ON rn.oid = rco.collnamespace
               WHERE rco.oid = dep.refobjid)
             WHEN dep.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass THEN (
               SELECT pg_catalog.jsonb_build_object(
                        'kind', 'operator', 'schema', rn.nspname::text, 'name', rop.oprname::text,
                        'arguments', pg_catalog.format('%s, %s',
                                       CASE WHEN rop.oprleft = 0 THEN 'NONE'
                                            ELSE pg_catalog.format_type(rop.oprleft, NULL) END,
                                       pg_catalog.format_type(rop.oprright, NULL)))
               FROM pg_catalog.pg_operator rop
               JOIN pg_catalog.pg_namespace rn ON rn.oid = rop.oprnamespace
               WHERE rop.oid = dep.refobjid AND rop.oprcode <> 0)
             WHEN dep.refclassid IN ('pg_catalog.pg_ts_config'::pg_catalog.regclass,
                                     'pg_catalog.pg_ts_dict'::pg_catalog.regclass,
                                     'pg_catalog.pg_ts_parser'::pg_catalog.regclass,
                                     'pg_catalog.pg_ts_template'::pg_catalog.regclass) THEN (
               SELECT pg_catalog.jsonb_build_object('kind', ts.kind, 'schema', rn.nspname::text, 'name', ts.name)
               FROM (SELECT 'text_search_configuration' AS kind, cfgname::text AS name, cfgnamespace AS nsp
                     FROM pg_catalog.pg_ts_config
                     WHERE dep.refclassid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass AND oid = dep.refobjid
                     UNION ALL
                     SELECT 'text_search_dictionary', dictname::text, dictnamespace FROM pg_catalog.pg_ts_dict
                     WHERE dep.refclassid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass AND oid = dep.refobjid
                     UNION ALL
                     SELECT 'text_search_parser', prsname::text, prsnamespace FROM pg_catalog.pg_ts_parser
                     WHERE dep.refclassid = 'pg_catalog.pg_ts_parser'::pg_catalog.regclass AND oid = dep.refobjid
                     UNION ALL
                     SELECT 'text_search_template', tmplname::text, tmplnamespace FROM pg_catalog.pg_ts_template
                     WHERE dep.refclassid = 'pg_catalog.pg_ts_template'::pg_catalog.regclass AND oid = dep.refobjid
                    ) ts
               JOIN pg_catalog.pg_namespace rn ON rn.oid = ts.nsp)
             WHEN dep.refclassid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass THEN (
               SELECT pg_catalog.jsonb_build_object('kind', 'foreign_server', 'schema', '', 'name', rs.srvname::text)
               FROM pg_catalog.pg_foreign_server rs WHERE rs.oid = dep.refobjid)
             WHEN dep.refclassid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass THEN (
               SELECT pg_catalog.jsonb_build_object('kind', 'foreign_data_wrapper', 'schema', '', 'name', rw.fdwname::text)
               FROM pg_catalog.pg_foreign_data_wrapper rw WHERE rw.oid = dep.refobjid)
             WHEN dep.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass THEN (
               SELECT pg_catalog.jsonb_build_object(
                        'kind', 'extension', 'schema', rn.nspname::text, 'name', re.extname::text)
               FROM pg_catalog.pg_extension re
               JOIN pg_catalog.pg_namespace rn ON rn.oid = re.extnamespace
               WHERE re.oid = dep.refobjid)
           END AS ref
         ) r
         WHERE dep.deptype IN ('n', 'a')
           -- A sequence's owning column is its ownership's.
           AND NOT (o.kind = 'sequence' AND dep.deptype = 'a')
           AND r.ref IS NOT NULL AND r.ref ->> 'kind' IS NOT NULL
           AND r.ref ->> 'schema' NOT IN ('pg_catalog', 'information_schema')
       ), '[]'::pg_catalog.jsonb) || o.extra_deps)::text AS depends_on
FROM all_objs o
-- The parts of a foreign data wrapper, server or user mapping: what is
-- fixed, the `ALTER ...` that changes it, the parts of its own (a
-- wrapper's handler and validator, a server's version, all changed in
-- place) and its options (one shape for the three; an option named like
-- a password is never read).
LEFT JOIN LATERAL (
  SELECT pg_catalog.jsonb_build_object(
           'fixed', h.fixed,
           'items', h.own || COALESCE((
             SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
                      'key', 'option ' || x.option_name,
                      'add', pg_catalog.format('%s OPTIONS (ADD %I %L)', h.prefix, x.option_name, x.option_value),
                      'drop', pg_catalog.format('%s OPTIONS (DROP %I)', h.prefix, x.option_name),
                      'change', pg_catalog.format('%s OPTIONS (SET %I %L)', h.prefix, x.option_name, x.option_value))
                      ORDER BY x.option_name)
             FROM pg_catalog.pg_options_to_table(h.options) x
             WHERE x.option_name NOT ILIKE '%password%'), '[]'::pg_catalog.jsonb))::text AS parts
  FROM (
    SELECT '', w.prefix,
           w.fdwoptions,
           CASE WHEN w.fdwhandler <> 0 THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                  'key', 'handler', 'add', w.prefix || ' HANDLER ' || w.fdwhandler::pg_catalog.regproc::text,
                  'drop', w.prefix || ' NO HANDLER',
                  'change', w.prefix || ' HANDLER ' || w.fdwhandler::pg_catalog.regproc::text))
                ELSE '[]'::pg_catalog.jsonb END
           || CASE WHEN w.fdwvalidator <> 0 THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                  'key', 'validator', 'add', w.prefix || ' VALIDATOR ' || w.fdwvalidator::pg_catalog.regproc::text,
                  'drop', w.prefix || ' NO VALIDATOR',
                  'change', w.prefix || ' VALIDATOR ' || w.fdwvalidator::pg_catalog.regproc::text))
                ELSE '[]'::pg_catalog.jsonb END
    FROM (SELECT fw.*, pg_catalog.format('ALTER FOREIGN DATA WRAPPER %I', fw.fdwname) AS prefix
          FROM pg_catalog.pg_foreign_data_wrapper fw) w
    WHERE o.kind = 'foreign_data_wrapper' AND w.oid = o.objid
    UNION ALL
    SELECT pg_catalog.concat_ws(' ', pg_catalog.quote_literal(fs.srvtype),
                                (SELECT pg_catalog.quote_ident(w.fdwname) FROM pg_catalog.pg_foreign_data_wrapper w
                                 WHERE w.oid = fs.srvfdw)),
           fs.prefix, fs.srvoptions,
           CASE WHEN fs.srvversion IS NOT NULL THEN pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
                  'key', 'version', 'add', fs.prefix || ' VERSION ' || pg_catalog.quote_literal(fs.srvversion),
                  'drop', fs.prefix || ' VERSION NULL',
                  'change', fs.prefix || ' VERSION ' || pg_catalog.quote_literal(fs.srvversion)))
                ELSE '[]'::pg_catalog.jsonb END
    FROM (SELECT s.*, pg_catalog.format('ALTER SERVER %I', s.srvname) AS prefix
          FROM pg_catalog.pg_foreign_server s) fs
    WHERE o.kind = 'foreign_server' AND fs.oid = o.objid
    UNION ALL
    SELECT '', um.prefix, um.umoptions, '[]'::pg_catalog.jsonb
    FROM (SELECT m.*, pg_catalog.format('ALTER USER MAPPING FOR %s SERVER %I',
                                        CASE WHEN m.umuser = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(m.usename) END,
                                        m.srvname) AS prefix
          FROM pg_catalog.pg_user_mappings m) um
    WHERE o.kind = 'user_mapping' AND um.umid = o.objid
  ) h(fixed, prefix, options, own)
) option_parts ON true
WHERE NOT EXISTS (
  SELECT 1 FROM pg_catalog.pg_depend x
  WHERE x.classid = o.classid AND x.objid = o.objid AND x.deptype = 'e')
