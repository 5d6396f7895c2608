CREATE TYPE mood AS ENUM ('ok', 'happy');
CREATE TABLE t (ms mood[] NOT NULL DEFAULT '{}');
