CREATE FUNCTION rank_like(integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS 'SELECT 2::bigint';
CREATE FUNCTION plain(integer) RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_row_number';
