CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (a text DEFAULT 'ok', b mood);
