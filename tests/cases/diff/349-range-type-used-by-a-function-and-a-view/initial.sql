CREATE TABLE slot (id int PRIMARY KEY, lo int NOT NULL, hi int NOT NULL);
