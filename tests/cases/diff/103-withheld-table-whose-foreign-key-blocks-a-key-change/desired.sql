CREATE TABLE t (id numeric(10,2), "select" integer[], PRIMARY KEY (id, "select"));
