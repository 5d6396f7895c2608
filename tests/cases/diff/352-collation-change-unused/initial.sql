CREATE COLLATION german (provider = icu, locale = 'de-DE');
CREATE COLLATION posix_like (provider = libc, lc_collate = 'C', lc_ctype = 'C');
CREATE TABLE t (id int PRIMARY KEY);
