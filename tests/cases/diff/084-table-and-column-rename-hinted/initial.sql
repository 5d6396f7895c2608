CREATE TABLE a (x integer PRIMARY KEY, y text);
