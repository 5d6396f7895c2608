CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE t (m mood NOT NULL DEFAULT 'happy', ms mood[] DEFAULT '{sad}');
