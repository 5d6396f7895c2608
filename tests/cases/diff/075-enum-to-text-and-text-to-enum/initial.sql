CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (a mood DEFAULT 'ok', b text);
INSERT INTO t VALUES ('sad', 'happy');
