CREATE TABLE visit (id int PRIMARY KEY, a int, b int, c int);
CREATE STATISTICS visit_ab (ndistinct, mcv) ON a, b, c FROM visit;
CREATE STATISTICS visit_target ON a, c FROM visit;
ALTER STATISTICS visit_target SET STATISTICS 1000;
