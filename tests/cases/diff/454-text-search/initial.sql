-- Text search: dictionaries whose options change in place (one the
-- configuration maps to), one dropped, one new; a configuration (copied
-- from english) whose mappings change in place under an index that uses
-- it; a template, and a parser of builtin functions that loses its
-- headline function (dropped and created); comments; a schema that needs
-- quoting.
CREATE SCHEMA "Search";
CREATE TEXT SEARCH DICTIONARY "Search".plain (TEMPLATE = pg_catalog.simple, STOPWORDS = english);
CREATE TEXT SEARCH DICTIONARY "Search".old_stems (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH DICTIONARY "Search".used (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION "Search".docs (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "Search".docs ALTER MAPPING FOR hword WITH "Search".used;
ALTER TEXT SEARCH CONFIGURATION "Search".docs ALTER MAPPING FOR word WITH "Search".old_stems;
COMMENT ON TEXT SEARCH CONFIGURATION "Search".docs IS 'for documents';
CREATE TEXT SEARCH TEMPLATE "Search".simple_copy (INIT = dsimple_init, LEXIZE = dsimple_lexize);
CREATE TEXT SEARCH PARSER "Search".default_copy (START = prsd_start, GETTOKEN = prsd_nexttoken,
    END = prsd_end, LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
CREATE TABLE "Search".pages (id integer PRIMARY KEY, body text);
CREATE INDEX pages_body_idx ON "Search".pages USING gin (to_tsvector('"Search".docs'::regconfig, body));
