CREATE TABLE t (id int PRIMARY KEY, name text, amount bigint);
CREATE POLICY p ON t USING (amount > 0);
