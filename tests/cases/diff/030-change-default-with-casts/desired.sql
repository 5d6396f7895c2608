CREATE TABLE t (
    id integer PRIMARY KEY,
    tags text[] DEFAULT '{}'::text[],
    doc jsonb DEFAULT '{}'::jsonb,
    lang text DEFAULT 'fr'::text,
    at timestamp DEFAULT (now() AT TIME ZONE 'utc')
);
