CREATE TABLE r (id int, active boolean, c circle);
ALTER TABLE r ADD CONSTRAINT r_excl EXCLUDE USING gist (c WITH &&) WHERE (active);
