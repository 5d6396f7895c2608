-- + sequence app.s
CREATE SEQUENCE app.s AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;

-- + function app.f(x integer)
SET check_function_bodies = off;
CREATE OR REPLACE FUNCTION app.f(x integer)
 RETURNS integer
 LANGUAGE sql
AS $function$SELECT x$function$;
RESET check_function_bodies;

-- + table app."Read Only"
CREATE TABLE app."Read Only" (
    id integer
);

-- + table app.plain
CREATE TABLE app.plain (
    id integer
);

-- + table app.secrets
CREATE TABLE app.secrets (
    id integer,
    data text
);

-- + view app.v
CREATE VIEW app.v AS SELECT plain.id
   FROM app.plain;

-- ~ grant to strata_golden_owner ON TABLE app."Read Only" (replaced in place)
REVOKE DELETE ON TABLE app."Read Only" FROM strata_golden_owner;
REVOKE INSERT ON TABLE app."Read Only" FROM strata_golden_owner;
REVOKE UPDATE ON TABLE app."Read Only" FROM strata_golden_owner;

-- ~ grant to strata_golden_reader ON TABLE app.secrets (replaced in place)
REVOKE SELECT ON TABLE app.secrets FROM strata_golden_reader;

-- ~ grant to strata_golden_reader ON SEQUENCE app.s (replaced in place)
REVOKE GRANT OPTION FOR USAGE ON SEQUENCE app.s FROM strata_golden_reader;

-- ~ grant to strata_golden_reader ON FUNCTION app.f(x integer) (replaced in place)
REVOKE EXECUTE ON FUNCTION app.f(x integer) FROM strata_golden_reader;

-- ~ grant to strata_golden_owner ON TABLE app.v (replaced in place)
REVOKE DELETE ON TABLE app.v FROM strata_golden_owner;
REVOKE INSERT ON TABLE app.v FROM strata_golden_owner;
REVOKE SELECT ON TABLE app.v FROM strata_golden_owner;
REVOKE UPDATE ON TABLE app.v FROM strata_golden_owner;
