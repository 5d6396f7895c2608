CREATE TABLE ref (id int PRIMARY KEY);
CREATE TABLE p2 (k int, id int, b int) PARTITION BY LIST (k);
-- c keeps no key of p's; d gets a primary key of its own under the name
-- its copy of p's had (c_pkey / d_pkey), on other columns
CREATE TABLE c PARTITION OF p2 FOR VALUES IN (1);
CREATE TABLE d PARTITION OF p2 (PRIMARY KEY (k, b)) FOR VALUES IN (2);
