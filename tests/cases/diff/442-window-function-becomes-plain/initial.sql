-- A window function cannot become a plain one in place (CREATE OR REPLACE
-- refuses to change the routine's kind): it is dropped and created.
CREATE FUNCTION rank_like(integer) RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_rank';
CREATE FUNCTION plain(integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT 1::bigint';
