CREATE TABLE c (k int, bar bigint NOT NULL DEFAULT 0);
CREATE TABLE q (k int, bar serial);
