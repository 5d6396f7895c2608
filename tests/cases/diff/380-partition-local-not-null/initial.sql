-- A partition's own NOT NULL on a column its parent has nullable: set,
-- dropped, kept while the parent drops its own, on a new partition and on
-- a table that becomes a partition.
CREATE TABLE m (id int NOT NULL, region text NOT NULL, note text, code text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE m_eu PARTITION OF m FOR VALUES IN ('eu');
CREATE TABLE m_us PARTITION OF m (note NOT NULL) FOR VALUES IN ('us');
CREATE TABLE m_old (id int NOT NULL, region text NOT NULL, note text NOT NULL, code text NOT NULL);
INSERT INTO m VALUES (1, 'eu', 'a', 'x'), (2, 'us', 'b', 'y');
INSERT INTO m_old VALUES (3, 'old', 'c', 'z');
