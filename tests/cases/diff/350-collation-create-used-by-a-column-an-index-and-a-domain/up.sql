-- + collation "Text Ops"."Case Insensitive"
CREATE COLLATION "Text Ops"."Case Insensitive" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION "Text Ops"."Case Insensitive" IS 'compares without case';

-- + collation bytewise
CREATE COLLATION public.bytewise (provider = libc, locale = 'C');

-- + domain code
CREATE DOMAIN public.code AS text COLLATE public.bytewise;

-- + table tag
CREATE TABLE public.tag (
    id integer NOT NULL,
    name text NOT NULL,
    code public.code,
    CONSTRAINT tag_pkey PRIMARY KEY (id)
);
CREATE INDEX tag_name ON public.tag (name COLLATE public.bytewise);

-- ~ column "Text Ops".person.email: collation default -> "Text Ops"."Case Insensitive"
-- hazard: takes an ACCESS EXCLUSIVE lock on the table
ALTER TABLE "Text Ops".person ALTER COLUMN email TYPE text COLLATE "Text Ops"."Case Insensitive";
