-- undo: + grant to PUBLIC ON SCHEMA public (default revoked)
GRANT USAGE ON SCHEMA public TO PUBLIC;
