-- undo: + grant to PUBLIC ON SCHEMA public
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- undo: + grant to strata_public_reader ON SCHEMA public
REVOKE CREATE, USAGE ON SCHEMA public FROM strata_public_reader;
