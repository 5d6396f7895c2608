CREATE TABLE keep (id integer PRIMARY KEY);
-- A new table whose serial's sequence counts down from 500 by 5: the plan
-- creates it with the defaults, sets the options and RESTARTs it at 500
-- (a new sequence has handed out no value yet).
CREATE TABLE tickets (id serial PRIMARY KEY, note text);
ALTER SEQUENCE tickets_id_seq INCREMENT BY -5 MINVALUE 100 MAXVALUE 500 START WITH 500 RESTART CACHE 10;
