CREATE SCHEMA "Text Ops";
-- A nondeterministic ICU collation in a quoted schema, a libc one in
-- public: a column of an existing table, an index of a new one and a
-- domain use them.
CREATE COLLATION "Text Ops"."Case Insensitive" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION "Text Ops"."Case Insensitive" IS 'compares without case';
CREATE COLLATION public.bytewise (provider = libc, locale = 'C');
CREATE DOMAIN public.code AS text COLLATE public.bytewise;
CREATE TABLE "Text Ops".person (id int PRIMARY KEY, email text COLLATE "Text Ops"."Case Insensitive" NOT NULL);
CREATE TABLE public.tag (id int PRIMARY KEY, name text NOT NULL, code public.code);
CREATE INDEX tag_name ON public.tag (name COLLATE public.bytewise);
