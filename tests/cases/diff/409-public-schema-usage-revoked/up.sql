-- + grant to PUBLIC ON SCHEMA public (default revoked)
REVOKE USAGE ON SCHEMA public FROM PUBLIC;
