-- + grant to strata_public_reader ON SCHEMA public
GRANT CREATE, USAGE ON SCHEMA public TO strata_public_reader;

-- + grant to PUBLIC ON SCHEMA public
GRANT CREATE ON SCHEMA public TO PUBLIC;
