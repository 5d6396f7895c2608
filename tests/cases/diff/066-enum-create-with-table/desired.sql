CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE t (id integer, m mood NOT NULL DEFAULT 'ok', ms mood[]);
