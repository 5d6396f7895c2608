CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (m mood);
INSERT INTO t VALUES ('sad');
