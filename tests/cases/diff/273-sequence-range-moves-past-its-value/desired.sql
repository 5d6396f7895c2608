-- s1 still at 1: MINVALUE 100 is refused until it is moved to the new start.
CREATE SEQUENCE s1 AS integer MINVALUE 100 START 100 INCREMENT 5;
CREATE SEQUENCE s2 CACHE 10;
