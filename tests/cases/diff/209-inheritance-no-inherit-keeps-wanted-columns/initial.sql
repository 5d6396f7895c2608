CREATE TABLE base (id int, note text, CONSTRAINT base_id_check CHECK (id > 0));
-- Columns and check both inherited and the child's own (as ALTER TABLE
-- ... INHERIT leaves them), so the down migration returns to exactly this.
CREATE TABLE child (id int, note text, extra int, CONSTRAINT base_id_check CHECK (id > 0)) INHERITS (base);
INSERT INTO child VALUES (1, 'a', 2);
