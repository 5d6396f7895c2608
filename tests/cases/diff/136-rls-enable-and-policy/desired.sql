CREATE TABLE t (id int PRIMARY KEY, name text, amount int);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON t FOR SELECT TO PUBLIC USING (name = current_user);
