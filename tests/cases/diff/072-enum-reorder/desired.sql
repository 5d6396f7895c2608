CREATE TYPE mood AS ENUM ('happy', 'ok', 'sad');
CREATE TABLE t (m mood);
