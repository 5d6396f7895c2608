CREATE TABLE regions (id int NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
