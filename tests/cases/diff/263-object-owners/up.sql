-- + table app.audit
CREATE TABLE app.audit (
    id integer
);

-- + table app.note
CREATE TABLE app.note (
    id integer
);

-- ~ owner of SCHEMA app: strata_golden_owner (replaced in place)
ALTER SCHEMA app OWNER TO strata_golden_owner;

-- + owner of TABLE app.audit: strata_golden_reader
ALTER TABLE app.audit OWNER TO strata_golden_reader;

-- ~ owner of FUNCTION app.item_count(): strata_golden_owner (replaced in place)
ALTER FUNCTION app.item_count() OWNER TO strata_golden_owner;

-- ~ owner of VIEW app.item_names: strata_golden_owner (replaced in place)
ALTER VIEW app.item_names OWNER TO strata_golden_owner;

-- ~ owner of TYPE app.state: strata_golden_owner (replaced in place)
ALTER TYPE app.state OWNER TO strata_golden_owner;

-- ~ owner of SEQUENCE app.ticket: strata_golden_owner (replaced in place)
ALTER SEQUENCE app.ticket OWNER TO strata_golden_owner;
