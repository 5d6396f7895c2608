CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
CREATE POLICY p ON t USING (amount > 0);
