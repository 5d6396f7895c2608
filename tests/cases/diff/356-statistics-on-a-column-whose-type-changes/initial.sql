CREATE TABLE visit (id int PRIMARY KEY, a int, b int);
INSERT INTO visit VALUES (1, 1, 2);
CREATE STATISTICS visit_ab ON a, b FROM visit;
