-- undo: ~ collation posix_like (dropped and created again)
DROP COLLATION public.posix_like;
CREATE COLLATION public.posix_like (provider = libc, locale = 'C');

-- undo: ~ collation german (dropped and created again)
DROP COLLATION public.german;
CREATE COLLATION public.german (provider = icu, locale = 'de-DE');
