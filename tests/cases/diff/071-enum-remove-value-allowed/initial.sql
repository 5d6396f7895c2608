CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (m mood NOT NULL DEFAULT 'ok', ms mood[] DEFAULT '{sad}');
INSERT INTO t VALUES ('happy', '{sad,happy}');
