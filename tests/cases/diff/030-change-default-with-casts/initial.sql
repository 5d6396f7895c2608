CREATE TABLE t (
    id integer PRIMARY KEY,
    tags text[] DEFAULT '{a}',
    doc jsonb DEFAULT '[]',
    lang text DEFAULT 'en',
    at timestamp DEFAULT '2020-01-01'
);
