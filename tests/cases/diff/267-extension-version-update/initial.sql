-- Nothing uses it: the down migration (no path back from 1.6 to 1.5)
-- drops and creates it again.
CREATE EXTENSION IF NOT EXISTS citext VERSION '1.5';
CREATE TABLE member (id int PRIMARY KEY, email text);
