CREATE TYPE mood AS ENUM ('awful', 'sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE t (m mood);
