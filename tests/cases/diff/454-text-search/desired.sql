CREATE SCHEMA "Search";
CREATE TEXT SEARCH DICTIONARY "Search".plain (TEMPLATE = pg_catalog.simple, STOPWORDS = english, ACCEPT = false);
CREATE TEXT SEARCH DICTIONARY "Search".stems (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH DICTIONARY "Search".used (TEMPLATE = snowball, LANGUAGE = english, STOPWORDS = english);
CREATE TEXT SEARCH CONFIGURATION "Search".docs (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "Search".docs ALTER MAPPING FOR hword WITH "Search".used;
ALTER TEXT SEARCH CONFIGURATION "Search".docs ALTER MAPPING FOR asciiword WITH "Search".plain, "Search".stems;
ALTER TEXT SEARCH CONFIGURATION "Search".docs DROP MAPPING FOR url;
COMMENT ON TEXT SEARCH CONFIGURATION "Search".docs IS 'for documents, plain words first';
COMMENT ON TEXT SEARCH DICTIONARY "Search".stems IS 'english stems';
CREATE TEXT SEARCH TEMPLATE "Search".simple_copy (INIT = dsimple_init, LEXIZE = dsimple_lexize);
CREATE TEXT SEARCH PARSER "Search".default_copy (START = prsd_start, GETTOKEN = prsd_nexttoken,
    END = prsd_end, LEXTYPES = prsd_lextype);
CREATE TABLE "Search".pages (id integer PRIMARY KEY, body text);
CREATE INDEX pages_body_idx ON "Search".pages USING gin (to_tsvector('"Search".docs'::regconfig, body));
