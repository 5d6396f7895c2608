-- A table joins a parent by INHERIT keeping a default of its own on a
-- column the parent also has (with another default), and one with the
-- parent's default. INHERIT touches no default and leaves the joining
-- table's columns its own as well (attislocal): a column both local and
-- inherited is compared by its own default, so after up the plan is empty.
-- (A child leaving by NO INHERIT is not here: the way back, INHERIT, would
-- leave its columns local, which the JSON comparison after down sees.)
CREATE TABLE events (id bigint NOT NULL, source text DEFAULT 'web', n int DEFAULT 1);
CREATE TABLE events_import (id bigint NOT NULL, source text DEFAULT 'import', n int DEFAULT 1);
-- Children declaring a column the parent has (local and inherited), or
-- not: the default follows what the child declares.
CREATE TABLE events_web (source text DEFAULT 'mobile') INHERITS (events);
CREATE TABLE events_api () INHERITS (events);
