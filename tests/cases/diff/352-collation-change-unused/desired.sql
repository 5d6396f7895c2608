CREATE COLLATION german (provider = icu, locale = 'de-DE', deterministic = false);
CREATE COLLATION posix_like (provider = libc, lc_collate = 'C', lc_ctype = 'C.utf8');
CREATE TABLE t (id int PRIMARY KEY);
