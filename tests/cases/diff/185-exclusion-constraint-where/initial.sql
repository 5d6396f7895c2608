CREATE TABLE r (id int, active boolean, c circle);
