CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE POLICY no_neg ON t AS RESTRICTIVE FOR INSERT WITH CHECK (amount >= 0);
