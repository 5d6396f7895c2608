-- ~ text search parser "Search".default_copy (dropped and created again)
DROP TEXT SEARCH PARSER "Search".default_copy;
CREATE TEXT SEARCH PARSER "Search".default_copy (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype);

-- ~ text search dictionary "Search".plain (replaced in place)
ALTER TEXT SEARCH DICTIONARY "Search".plain (accept = 'false');

-- + text search dictionary "Search".stems
CREATE TEXT SEARCH DICTIONARY "Search".stems (TEMPLATE = pg_catalog.snowball, language = 'english');
COMMENT ON TEXT SEARCH DICTIONARY "Search".stems IS 'english stems';

-- ~ text search dictionary "Search".used (replaced in place)
ALTER TEXT SEARCH DICTIONARY "Search".used (stopwords = 'english');

-- ~ text search configuration "Search".docs (replaced in place)
ALTER TEXT SEARCH CONFIGURATION "Search".docs DROP MAPPING FOR url;
ALTER TEXT SEARCH CONFIGURATION "Search".docs ALTER MAPPING FOR asciiword WITH "Search".plain, "Search".stems;
ALTER TEXT SEARCH CONFIGURATION "Search".docs ALTER MAPPING FOR word WITH pg_catalog.english_stem;
COMMENT ON TEXT SEARCH CONFIGURATION "Search".docs IS 'for documents, plain words first';

-- - text search dictionary "Search".old_stems
DROP TEXT SEARCH DICTIONARY "Search".old_stems;
