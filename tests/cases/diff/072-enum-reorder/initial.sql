CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (m mood);
INSERT INTO t VALUES ('ok');
