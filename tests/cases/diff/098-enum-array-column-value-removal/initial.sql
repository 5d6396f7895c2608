CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (ms mood[] NOT NULL DEFAULT '{}');
