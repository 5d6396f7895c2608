CREATE TABLE visit (id int PRIMARY KEY, a bigint, b int);
CREATE STATISTICS visit_ab ON a, b FROM visit;
