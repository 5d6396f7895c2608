CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'meh');
CREATE TABLE t (m mood DEFAULT 'meh');
