CREATE TABLE m (id int NOT NULL, region text NOT NULL, at date NOT NULL) PARTITION BY LIST (region);
