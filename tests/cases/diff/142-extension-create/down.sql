-- undo: + extension citext
DROP EXTENSION citext;
