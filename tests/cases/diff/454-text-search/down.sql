-- undo: - text search dictionary "Search".old_stems
CREATE TEXT SEARCH DICTIONARY "Search".old_stems (TEMPLATE = pg_catalog.snowball, language = 'english');

-- undo: ~ text search configuration "Search".docs (replaced in place)
ALTER TEXT SEARCH CONFIGURATION "Search".docs ALTER MAPPING FOR asciiword WITH pg_catalog.english_stem;
ALTER TEXT SEARCH CONFIGURATION "Search".docs ALTER MAPPING FOR word WITH "Search".old_stems;
ALTER TEXT SEARCH CONFIGURATION "Search".docs ADD MAPPING FOR url WITH pg_catalog.simple;
COMMENT ON TEXT SEARCH CONFIGURATION "Search".docs IS 'for documents';

-- undo: ~ text search dictionary "Search".used (replaced in place)
ALTER TEXT SEARCH DICTIONARY "Search".used (stopwords);

-- undo: + text search dictionary "Search".stems
DROP TEXT SEARCH DICTIONARY "Search".stems;

-- undo: ~ text search dictionary "Search".plain (replaced in place)
ALTER TEXT SEARCH DICTIONARY "Search".plain (accept);

-- undo: ~ text search parser "Search".default_copy (dropped and created again)
DROP TEXT SEARCH PARSER "Search".default_copy;
CREATE TEXT SEARCH PARSER "Search".default_copy (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end, LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
