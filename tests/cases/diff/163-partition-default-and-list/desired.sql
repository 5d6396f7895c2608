CREATE TABLE regions (id int NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE regions_eu PARTITION OF regions FOR VALUES IN ('eu', 'uk');
CREATE TABLE regions_other PARTITION OF regions DEFAULT;
