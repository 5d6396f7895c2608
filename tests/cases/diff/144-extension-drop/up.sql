-- - extension hstore
DROP EXTENSION hstore;
