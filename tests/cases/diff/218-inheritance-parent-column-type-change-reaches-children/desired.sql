CREATE TABLE a_parent (id bigint NOT NULL DEFAULT 0, x bigint, y varchar(10));
CREATE TABLE child (x bigint, extra int) INHERITS (a_parent);
CREATE TABLE z_child (y varchar(10)) INHERITS (a_parent);
